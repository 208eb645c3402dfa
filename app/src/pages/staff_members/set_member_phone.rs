//! At the desk: keeping a member's number for text messages (with the member's consent, which
//! staff confirm), or removing it. Logged as staff actions.
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_member_phone")]
pub async fn set_member_phone(
    member: i32,
    number: String,
    consent: Option<String>,
) -> Result<(), AppError> {
    use crate::permissions::Action;
    super::on_member(member, Action::ManageMembers, async |state, staff| {
        let saved = match crate::domain::PhoneNumber::parse(&number) {
            Ok(parsed) => {
                crate::server::text_messages::set_number(
                    &state.db,
                    &state.texts,
                    staff,
                    member,
                    &parsed,
                    consent.is_some(),
                )
                .await
            }
            Err(key) => Err(AppError::field("number", key)),
        };
        saved.map_err(|e| e.keeping(&[("number", number.as_str())]))
    })
    .await
}

#[server(prefix = "/api", endpoint = "remove_member_phone")]
pub async fn remove_member_phone(member: i32) -> Result<(), AppError> {
    use crate::permissions::Action;
    super::on_member(member, Action::ManageMembers, async |state, staff| {
        crate::server::text_messages::remove_number(&state.db, staff, member).await
    })
    .await
}
