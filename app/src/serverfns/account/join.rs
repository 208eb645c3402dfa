//! Redeeming an invite code: the person becomes a member and is signed in.
use crate::error::AppError;
use leptos::prelude::*;

/// The slip promises three things: the code, a name, a password. The sign-in name is made from
/// the name (`Jana K.` → `jana.k`) unless the person chose their own.
#[server(prefix = "/api", endpoint = "join")]
pub async fn join(
    code: String,
    display_name: String,
    #[server(default)] username: String,
    password: String,
) -> Result<(), AppError> {
    let result = run(&code, &display_name, &username, &password).await;
    crate::error::respond(result.map_err(|error| {
        error.keeping(&[
            ("code", &code),
            ("display_name", &display_name),
            ("username", &username),
        ])
    }))
}

#[cfg(feature = "ssr")]
async fn run(
    code: &str,
    display_name: &str,
    username: &str,
    password: &str,
) -> Result<(), AppError> {
    use crate::domain::{DisplayName, InviteCode, Password, Username};
    use crate::error::FieldErrors;
    use crate::server::accounts::sign_in_limit::{self, PER_ADDRESS, address_key};
    use crate::server::{app_state, invites, start_session};

    // Check every field before saying anything, so all the messages show at once.
    let mut errors = FieldErrors::default();
    let code = errors.check("code", InviteCode::parse(code));
    let display_name = errors.check("display_name", DisplayName::parse(display_name));
    // Left empty, a sign-in name is made from the person's name.
    let chosen = match username.trim() {
        "" => Some(None),
        _ => errors
            .check("username", Username::parse(username))
            .map(Some),
    };
    let password = errors.check("password", Password::parse(password));
    let (Some(code), Some(display_name), Some(chosen), Some(password)) =
        (code, display_name, chosen, password)
    else {
        return Err(errors.into_error());
    };

    let state = app_state()?;
    let username = match chosen {
        Some(chosen) => chosen,
        None => free_username(&state.db, &display_name).await?,
    };
    // Guessing codes is slowed down per address like guessing passwords; the try is counted
    // before anything slow happens.
    let address = crate::server::infra::client_address::of_this_request().await;
    let try_ = sign_in_limit::reserve(&state.db, &[(address_key(&address), PER_ADDRESS)]).await?;
    let language = crate::server::request_visitor().map(|v| v.locale.tag());
    let redeemed = crate::server::invites::redeem(
        &state.db,
        invites::Redemption {
            code,
            username,
            display_name,
            password,
            language,
        },
    )
    .await;
    // Only a wrong code was a guess; a taken username is not.
    let member_id = match redeemed {
        Err(error) if error.message_for("code").is_some() => return Err(error),
        other => {
            try_.succeeded(&state.db).await?;
            other?
        }
    };
    start_session(member_id).await?;
    // The home page then says the sign-in name to remember.
    leptos_axum::redirect("/?welcome");
    Ok(())
}

/// The first sign-in name made from the person's name that nobody has yet.
#[cfg(feature = "ssr")]
async fn free_username(
    db: &sea_orm::DatabaseConnection,
    name: &crate::domain::DisplayName,
) -> Result<crate::domain::Username, AppError> {
    for candidate in crate::domain::Username::made_from(name.as_str()) {
        if crate::server::accounts::members::find_by_username(db, &candidate)
            .await?
            .is_none()
        {
            return Ok(candidate);
        }
    }
    Err(AppError::field("username", "error-username-taken"))
}
