//! The unused, unexpired codes the asking staff member made, newest first.
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRow {
    pub code: String,
    /// Locale key of the role the code gives.
    pub role_key: String,
    /// The last day the code works, as `2026-12-24`.
    pub expires_on: String,
}

#[server(prefix = "/api", endpoint = "list_invites")]
pub async fn list_invites() -> Result<Vec<InviteRow>, AppError> {
    crate::error::respond(run().await)
}

#[cfg(feature = "ssr")]
async fn run() -> Result<Vec<InviteRow>, AppError> {
    use crate::domain::{InviteCode, Role};
    use crate::permissions::{Action, require};
    use crate::server::entities::invite;
    use crate::server::{app_state, current_member};
    use chrono::Utc;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

    let member = require(current_member(), Action::ManageMembers)?;
    let state = app_state()?;
    let rows = invite::Entity::find()
        .filter(invite::Column::CreatedBy.eq(member.id))
        .filter(invite::Column::UsedAt.is_null())
        .filter(invite::Column::RevokedAt.is_null())
        .filter(invite::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(invite::Column::Id)
        .limit(100)
        .all(&state.db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let code = InviteCode::parse(&row.code).ok()?;
            let role_key = match (Role::parse(&row.role).ok()?, row.core) {
                (Role::Resident, true) => "role-core",
                (role, _) => role.label_key(),
            };
            Some(InviteRow {
                code: code.to_string(),
                role_key: role_key.into(),
                expires_on: crate::server::decisions::local_day(
                    row.expires_at,
                    state.settings.time_zone,
                ),
            })
        })
        .collect())
}
