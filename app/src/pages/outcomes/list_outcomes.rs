//! "What changed": the counts and one page of outcomes.
use crate::error::AppError;
use crate::views::outcomes::OutcomeList;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_outcomes")]
pub async fn list_outcomes(
    stage: Option<String>,
    category: Option<i32>,
    page: Option<u64>,
) -> Result<OutcomeList, AppError> {
    crate::error::respond(run(stage, category, page).await)
}

#[cfg(feature = "ssr")]
async fn run(
    stage: Option<String>,
    category: Option<i32>,
    page: Option<u64>,
) -> Result<OutcomeList, AppError> {
    use crate::domain::OutcomeStage;
    use crate::permissions::require_read;
    use crate::server::{app_state, current_member, outcomes, request_language};
    use crate::views::outcomes::OutcomeFilter;

    let state = app_state()?;
    require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    let filter = OutcomeFilter {
        stage: stage.as_deref().and_then(OutcomeStage::parse),
        category,
        page: crate::domain::PageIndex::from_index(page).get(),
    };
    outcomes::views::list(
        &state.db,
        state.files.as_ref(),
        &filter,
        &request_language(),
        state.settings.time_zone,
    )
    .await
}
