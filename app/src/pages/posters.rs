//! Posters for the stairwell, printed by staff on A4 (`/decisions/{id}/poster`,
//! `/outcomes/{id}/poster`, `/posters/week`): large type, a pictogram for each line, and a QR
//! code that opens the page. Only what any visitor may read is on them. The header, navigation
//! and the printing hint are not printed.
use crate::components::{DecisionWords, Icon, IconSvg, PageTitle, shown};
use crate::error::AppError;
use crate::i18n::{date, t, use_locale};
use crate::permissions::Action;
use crate::views::decisions::DecisionState;
use crate::views::posters::{DecisionPoster, OutcomePoster, PosterLink, WeekPoster};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[server(prefix = "/api", endpoint = "get_decision_poster")]
pub async fn get_decision_poster(id: i32) -> Result<DecisionPoster, AppError> {
    crate::error::respond(ssr::decision(id).await)
}

#[server(prefix = "/api", endpoint = "get_outcome_poster")]
pub async fn get_outcome_poster(id: i32) -> Result<OutcomePoster, AppError> {
    crate::error::respond(ssr::outcome(id).await)
}

#[server(prefix = "/api", endpoint = "get_week_poster")]
pub async fn get_week_poster() -> Result<WeekPoster, AppError> {
    crate::error::respond(ssr::week().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, posters, request_language};
    use crate::views::posters::{DecisionPoster, OutcomePoster, WeekPoster};

    pub async fn decision(id: i32) -> Result<DecisionPoster, AppError> {
        require(current_member(), Action::ManageDecisions)?;
        let state = app_state()?;
        let settings = &state.settings;
        posters::decision(&state.db, id, settings.time_zone, &settings.public_url).await
    }

    pub async fn outcome(id: i32) -> Result<OutcomePoster, AppError> {
        require(current_member(), Action::PublishOutcomes)?;
        let state = app_state()?;
        let settings = &state.settings;
        posters::outcome(
            &state.db,
            state.files.as_ref(),
            id,
            &request_language(),
            settings.time_zone,
            &settings.public_url,
        )
        .await
    }

    pub async fn week() -> Result<WeekPoster, AppError> {
        require(current_member(), Action::PublishOutcomes)?;
        let state = app_state()?;
        posters::week(
            &state.db,
            state.files.as_ref(),
            &request_language(),
            &state.settings.public_url,
        )
        .await
    }
}

fn id_param() -> Option<i32> {
    use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
}

/// The part of the page that is not printed: what this is and how to print it.
#[component]
fn PrintHint(back: String) -> impl IntoView {
    view! {
        <div class="print-hide">
            <p class="lead">{t("poster-hint")}</p>
            <p><a href=back>{t("poster-back")}</a></p>
        </div>
    }
}

/// The QR code, with the address written under it for who has no camera.
#[component]
fn PosterQr(link: PosterLink) -> impl IntoView {
    view! {
        <div class="poster-qr-row">
            <div class="poster-qr" inner_html=link.qr_svg></div>
            <p>{t("poster-scan")}<br/><span class="poster-address">{link.address}</span></p>
        </div>
    }
}

#[component]
pub fn DecisionPosterPage() -> impl IntoView {
    let id = id_param();
    let here = format!("/decisions/{}/poster", id.unwrap_or_default());
    if let Err(gate) = super::member_page(&here, Action::ManageDecisions) {
        return gate;
    }
    view! {
        <PageTitle text=t("poster-title")/>
        <PrintHint back=format!("/decisions/{}", id.unwrap_or_default())/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(id) = id else { return view! { <crate::components::NotFound/> }.into_any() };
                shown(get_decision_poster(id).await, |poster| {
                    let words = DecisionWords::new(&poster.decision, &use_locale());
                    let (heading, icon) = match poster.decision.state {
                        DecisionState::Open => ("poster-vote-open", Icon::Decisions),
                        DecisionState::Scheduled => ("poster-vote-soon", Icon::Clock),
                        DecisionState::Closed => ("poster-decided", Icon::Check),
                        DecisionState::Cancelled => ("poster-cancelled", Icon::Cross),
                    };
                    view! {
                        <article class="poster">
                            <h1 class="poster-head"><IconSvg icon/><span>{t(heading)}</span></h1>
                            <p class="poster-title">{words.title}</p>
                            {match words.result {
                                Some(result) => view! {
                                    <p class="poster-line"><IconSvg icon=Icon::Check/><span>{result.outcome}</span></p>
                                    <p class="poster-line"><IconSvg icon=Icon::People/><span>{result.turnout}</span></p>
                                }.into_any(),
                                None => view! {
                                    <p class="poster-line"><IconSvg icon=Icon::Clock/><span>{words.times}</span></p>
                                    <p class="poster-line"><IconSvg icon=Icon::People/><span>{words.who}</span></p>
                                }.into_any(),
                            }}
                            {words.cancelled.map(|why| view! {
                                <p class="poster-line"><IconSvg icon=Icon::Cross/><span>{why}</span></p>
                            })}
                            <PosterQr link=poster.link/>
                        </article>
                    }
                })
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn OutcomePosterPage() -> impl IntoView {
    let id = id_param();
    let here = format!("/outcomes/{}/poster", id.unwrap_or_default());
    if let Err(gate) = super::member_page(&here, Action::PublishOutcomes) {
        return gate;
    }
    view! {
        <PageTitle text=t("poster-title")/>
        <PrintHint back="/outcomes".to_owned()/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Some(id) = id else { return view! { <crate::components::NotFound/> }.into_any() };
                shown(get_outcome_poster(id).await, |poster| {
                    let outcome = poster.outcome;
                    let latest = outcome.updates.last().cloned();
                    let photo = outcome.after.clone().or(outcome.before.clone());
                    view! {
                        <article class="poster">
                            <h1 class="poster-head"><IconSvg icon=Icon::Progress/><span>{t("poster-outcome")}</span></h1>
                            <p class="poster-title">{outcome.proposal_title.clone()}</p>
                            <p class="poster-line"><IconSvg icon=Icon::Changed/><span>{t(&outcome.stage.label_key())}</span></p>
                            <p class="poster-text">{outcome.summary.clone()}</p>
                            {latest.map(|update| view! {
                                <p class="poster-line"><IconSvg icon=Icon::Clock/><span>{date(&update.written_on)}</span></p>
                                <p class="poster-text">{update.body}</p>
                            })}
                            {photo.map(|photo| view! {
                                <img class="poster-photo" src=photo.url alt="" width=photo.width height=photo.height/>
                            })}
                            <PosterQr link=poster.link/>
                        </article>
                    }
                })
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn WeekPosterPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/posters/week", Action::PublishOutcomes) {
        return gate;
    }
    view! {
        <PageTitle text=t("poster-title")/>
        <PrintHint back="/staff".to_owned()/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                shown(get_week_poster().await, |poster| view! {
                    <article class="poster">
                        <h1 class="poster-head"><IconSvg icon=Icon::Bell/><span>{t("poster-week")}</span></h1>
                        {if poster.proposals.is_empty() {
                            view! { <p class="poster-text">{t("poster-week-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="poster-list">
                                    {poster.proposals.into_iter().map(|card| view! {
                                        <li><IconSvg icon=Icon::Proposals/><span>{card.title}</span></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <p class="poster-text">{t("poster-week-invite")}</p>
                        <PosterQr link=poster.link/>
                    </article>
                })
            })}
        </Suspense>
    }
    .into_any()
}
