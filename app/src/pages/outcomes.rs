//! `/outcomes`, "What changed": what became of decided proposals, the most recently changed
//! first, with the counts in plain words at the top and before/after photos where there are some.
mod list_outcomes;

pub use list_outcomes::list_outcomes;

use crate::components::{
    CategoryBadge, CategoryFilter, FiltersBox, FormMessage, Icon, IconSvg, PageTitle, StageBadge,
    next_page_href,
};
use crate::domain::OutcomeStage;
use crate::i18n::{t, t_with};
use crate::views::outcomes::OutcomeView;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OutcomesPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let get = |name: &str| query.get(name).filter(|v| !v.is_empty());
    let (stage, category) = (get("stage"), get("category"));
    let filtering = stage.is_some() || category.is_some();
    let page = get("page").and_then(|p| p.parse::<u64>().ok());
    let next_href = {
        let filters = [("stage", stage.clone()), ("category", category.clone())];
        move |page: u64| next_page_href("/outcomes", &filters, ("page", &page.to_string()))
    };
    view! {
        <PageTitle text=t("outcomes-title")/>
        <h1>{t("outcomes-title")}</h1>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let category_id = category.as_deref().and_then(|c| c.parse::<i32>().ok());
                let list = match list_outcomes(stage.clone(), category_id, page).await {
                    Ok(list) => list,
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                let stage_now = stage.clone().unwrap_or_default();
                let category_now = category.clone().unwrap_or_default();
                let counts = t_with("outcomes-counts", &[
                    ("done", list.done_this_year.into()),
                    ("progress", list.in_progress.into()),
                    ("planned", list.planned.into()),
                    ("impossible", list.not_possible.into()),
                ]);
                view! {
                    <p class="lead outcome-counts">{counts}</p>
                    <FiltersBox action="/outcomes" open=filtering>
                        <div class="field">
                            <label for="stage">{t("outcome-stage")}</label>
                            <select id="stage" name="stage">
                                <option value="">{t("filter-all")}</option>
                                {OutcomeStage::ALL.into_iter().map(|s| view! {
                                    <option value=s.as_str() selected=stage_now == s.as_str()>{t(&s.label_key())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <CategoryFilter categories=list.categories chosen=category_now/>
                        <button type="submit" class="button">
                            <IconSvg icon=Icon::Search/><span>{t("outcomes-show")}</span>
                        </button>
                    </FiltersBox>
                    {if list.outcomes.is_empty() {
                        view! { <p class="empty">{t("outcomes-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cards">
                                {list.outcomes.into_iter().map(|outcome| view! { <OutcomeCard outcome/> }).collect_view()}
                            </ul>
                            {list.next_page.map(|page| view! {
                                <a class="button" href=next_href(page)>{t("proposals-more")}</a>
                            })}
                        }.into_any()
                    }}
                }.into_any()
            })}
        </Suspense>
    }
}

/// One outcome: the proposal it is about, its stage, the decision, and how it looked before and
/// looks now.
#[component]
fn OutcomeCard(outcome: OutcomeView) -> impl IntoView {
    let title = if outcome.proposal_title.is_empty() {
        t_with(
            "hidden-proposal-title",
            &[("id", outcome.proposal_id.into())],
        )
    } else {
        outcome.proposal_title.clone()
    };
    let photos = (outcome.before.is_some() || outcome.after.is_some()).then(|| {
        let side = |photo: Option<crate::views::proposals::PhotoView>, label: &'static str| {
            photo.map(|photo| view! {
                <figure>
                    <img src=photo.thumbnail_url alt=t(label) width=photo.width height=photo.height loading="lazy"/>
                    <figcaption>{t(label)}</figcaption>
                </figure>
            })
        };
        view! {
            <div class="before-after">
                {side(outcome.before.clone(), "outcome-before")}
                {side(outcome.after.clone(), "outcome-after")}
            </div>
        }
    });
    view! {
        <li class="card outcome-card">
            <p class="proposal-meta">
                <CategoryBadge category=outcome.category.clone()/>
                <StageBadge stage=outcome.stage/>
            </p>
            <h2 class="card-title">
                <a href=format!("/proposals/{}#outcome", outcome.proposal_id)>{title}</a>
            </h2>
            <p>{outcome.summary.clone()}</p>
            {photos}
            <p class="hint">{t_with("outcome-changed-on", &[("date", crate::i18n::date_on(&outcome.updated_on).into())])}</p>
        </li>
    }
}
