//! `/proposals`: the list of proposals as cards, with search, filters, sorting and "more".

use crate::serverfns::list_proposals;

use crate::components::{
    CategoryFilter, FiltersBox, FormMessage, Icon, IconSvg, PageTitle, ProposalCardView,
    next_page_href,
};
use crate::domain::ProposalStatus;
use crate::i18n::t;
use crate::views::proposals::Sort;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProposalsPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let get = |name: &str| query.get(name).filter(|v| !v.is_empty());
    let (q, status, category, sort, after, mine) = (
        get("q"),
        get("status"),
        get("category"),
        get("sort"),
        get("after"),
        get("mine"),
    );
    let only_mine = mine.as_deref() == Some("supported");
    let signed_in = crate::visitor::use_visitor().member.is_some();
    let sort_now = Sort::parse(sort.as_deref().unwrap_or_default());
    // The address of the next page: the same filters, a later cursor.
    let next_href = {
        let filters: Vec<(&str, Option<String>)> = vec![
            ("q", q.clone()),
            ("status", status.clone()),
            ("category", category.clone()),
            ("sort", sort.clone()),
            ("mine", mine.clone()),
        ];
        move |cursor: String| next_page_href("/proposals", &filters, ("after", &cursor))
    };
    let status_now = status.clone().unwrap_or_default();
    let filtering = q.is_some() || status.is_some() || category.is_some() || sort.is_some();
    view! {
        <PageTitle text=t("nav-proposals")/>
        <h1>{t("nav-proposals")}</h1>
        <a class="button primary" href="/proposals/new">
            <IconSvg icon=Icon::Plus/>
            <span>{t("propose")}</span>
        </a>
        // Two lists a member comes back for: everything, and what they support.
        {signed_in.then(|| view! {
            <nav class="list-tabs" aria-label=t("proposals-which")>
                <a class="action-link" href="/proposals" aria-current=if only_mine { "false" } else { "page" }>
                    <IconSvg icon=Icon::Proposals/><span>{t("proposals-all")}</span>
                </a>
                <a class="action-link" href="/proposals?mine=supported" aria-current=if only_mine { "page" } else { "false" }>
                    <IconSvg icon=Icon::Heart/><span>{t("proposals-supported")}</span>
                </a>
            </nav>
        })}
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let list = match list_proposals(q.clone(), status.clone(), category.clone(), sort, after, mine).await {
                    Ok(list) => list,
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                let category_now = category.clone().unwrap_or_default();
                view! {
                    <FiltersBox action="/proposals" open=filtering>
                            <div class="field">
                                <label for="q">{t("search-label")}</label>
                                <input id="q" name="q" type="search" value=q.clone().unwrap_or_default()/>
                            </div>
                            <div class="field">
                                <label for="status">{t("filter-status")}</label>
                                <select id="status" name="status">
                                    <option value="">{t("filter-all")}</option>
                                    {ProposalStatus::ALL
                                        .into_iter()
                                        .filter(|s| *s != ProposalStatus::Submitted)
                                        .map(|s| view! {
                                            <option value=s.as_str() selected=status_now == s.as_str()>{t(&s.label_key())}</option>
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <CategoryFilter categories=list.categories chosen=category_now/>
                            <div class="field">
                                <label for="sort">{t("sort-label")}</label>
                                <select id="sort" name="sort">
                                    {Sort::ALL
                                        .into_iter()
                                        .map(|s| view! { <option value=s.as_str() selected=s == sort_now>{t(&s.label_key())}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="button">
                                <IconSvg icon=Icon::Search/>
                                <span>{t("search-button")}</span>
                            </button>
                    </FiltersBox>
                    {if list.cards.is_empty() {
                        view! { <p class="empty">{t("proposals-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cards">
                                {list.cards.into_iter().map(|card| view! { <ProposalCardView card/> }).collect_view()}
                            </ul>
                            {list.next.map(|cursor| view! {
                                <a class="button" href=next_href(cursor)>{t("proposals-more")}</a>
                            })}
                        }.into_any()
                    }}
                }.into_any()
            })}
        </Suspense>
    }
}
