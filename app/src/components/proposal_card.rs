//! A proposal in a list: category icon, title, first photo, status (icon + word), supports and
//! comments.
use super::icons::{Icon, IconSvg};
use crate::domain::ProposalStatus;
use crate::i18n::{t, t_with};
use crate::views::proposals::{CategoryLabel, ProposalCard};
use leptos::prelude::*;

/// A status as an icon and a word, never by colour alone.
#[component]
pub fn StatusBadge(status: ProposalStatus) -> impl IntoView {
    view! {
        <span class=format!("status status-{}", status.as_str())>
            <IconSvg icon=Icon::for_status(status)/>
            <span>{t(&status.label_key())}</span>
        </span>
    }
}

#[component]
pub fn CategoryBadge(category: Option<CategoryLabel>) -> impl IntoView {
    category.map(|category| {
        view! {
            <span class="category">
                <IconSvg icon=Icon::for_category(&category.icon)/>
                <span>{category.name}</span>
            </span>
        }
    })
}

#[component]
pub fn ProposalCardView(card: ProposalCard) -> impl IntoView {
    let supports = t_with(
        "supports-count",
        &[("count", i64::from(card.support_count).into())],
    );
    let comments = t_with(
        "comments-count",
        &[("count", i64::from(card.comment_count).into())],
    );
    view! {
        <li class="card">
            <a class="card-link" href=format!("/proposals/{}", card.id)>
                <span class="card-text">
                    <CategoryBadge category=card.category/>
                    <span class="card-title">{card.title}</span>
                </span>
                // The title says what the card is; the photo only adds to it.
                {card.thumbnail.map(|src| view! {
                    <img class="card-photo" src=src alt="" width="88" height="66" loading="lazy"/>
                })}
            </a>
            <p class="card-facts">
                <StatusBadge status=card.status/>
                <span class="count"><IconSvg icon=Icon::Heart/><span>{supports}</span></span>
                <span class="count"><IconSvg icon=Icon::Comment/><span>{comments}</span></span>
            </p>
        </li>
    }
}
