//! One page of the proposal list, with its filters.
use crate::error::AppError;
use crate::views::proposals::ProposalList;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "list_proposals")]
pub async fn list_proposals(
    q: Option<String>,
    status: Option<String>,
    category: Option<String>,
    sort: Option<String>,
    after: Option<String>,
    /// `supported`: only what the viewer supports.
    #[server(default)]
    mine: Option<String>,
) -> Result<ProposalList, AppError> {
    crate::error::respond(run(q, status, category, sort, after, mine).await)
}

#[cfg(feature = "ssr")]
async fn run(
    q: Option<String>,
    status: Option<String>,
    category: Option<String>,
    sort: Option<String>,
    after: Option<String>,
    mine: Option<String>,
) -> Result<ProposalList, AppError> {
    use crate::domain::ProposalStatus;
    use crate::permissions::require_read;
    use crate::server::{app_state, current_member, proposals, request_language};
    use crate::views::proposals::{ListFilter, Sort};

    let state = app_state()?;
    let viewer = require_read(
        current_member(),
        crate::server::current_site()?.public_reading,
    )?;
    let filter = ListFilter {
        q: q.unwrap_or_default().chars().take(200).collect(),
        status: status.as_deref().and_then(ProposalStatus::parse),
        category: category.and_then(|c| c.parse().ok()),
        supported_by_me: mine.as_deref() == Some("supported"),
        sort: Sort::parse(sort.as_deref().unwrap_or_default()),
        after,
    };
    proposals::list(
        &state.db,
        state.files.as_ref(),
        viewer.as_ref(),
        &filter,
        &request_language(),
    )
    .await
}
