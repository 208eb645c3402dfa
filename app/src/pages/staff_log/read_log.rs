//! One page of the moderation log, filtered by staff member, action and days.
use crate::error::AppError;
use crate::views::moderation::LogPage;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "read_log")]
pub async fn read_log(
    staff: Option<String>,
    action: Option<String>,
    from: Option<String>,
    to: Option<String>,
    before: Option<String>,
) -> Result<LogPage, AppError> {
    use crate::domain::LogAction;
    use crate::permissions::{Action, require};
    use crate::server::moderation::log::{LogFilter, log_page};
    use crate::server::{app_state, current_member};

    crate::error::respond(
        async {
            require(current_member(), Action::Moderate)?;
            let state = app_state()?;
            // Filters come from the address; anything unreadable is simply not applied.
            let filter = LogFilter {
                staff: staff.and_then(|s| s.parse().ok()),
                action: action.as_deref().and_then(LogAction::parse),
                from: from.filter(|d| !d.is_empty()),
                to: to.filter(|d| !d.is_empty()),
                before: before.and_then(|b| b.parse().ok()),
            };
            log_page(&state.db, state.settings.time_zone, &filter).await
        }
        .await,
    )
}
