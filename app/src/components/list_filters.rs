//! What the lists of proposals and of outcomes share: the folded filters box, the category
//! filter, and the address of the next page, which keeps the filters.
use super::icons::{Icon, IconSvg};
use crate::i18n::t;
use crate::views::proposals::CategoryLabel;
use leptos::prelude::*;

/// Filters folded away unless in use: one main action per screen, the list right below it.
#[component]
pub fn FiltersBox(
    /// The list's own address; the filters are a plain GET form, so they work without JavaScript.
    action: &'static str,
    /// Open when a filter is in use, so the person sees why the list is shorter.
    open: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="filters-box" open=open>
            <summary>
                <IconSvg icon=Icon::Search/>
                <span>{t("filters-summary")}</span>
            </summary>
            <form class="filters" method="get" action=action role="search">
                {children()}
            </form>
        </details>
    }
}

/// "Category: all / …", with the chosen one selected.
#[component]
pub fn CategoryFilter(categories: Vec<CategoryLabel>, chosen: String) -> impl IntoView {
    view! {
        <div class="field">
            <label for="category">{t("proposal-category")}</label>
            <select id="category" name="category">
                <option value="">{t("filter-all")}</option>
                {categories.into_iter().map(|c| {
                    let value = c.id.to_string();
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{c.name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The address of a list's next page: the same filters (those in use), then where to go on.
pub fn next_page_href(
    path: &str,
    filters: &[(&str, Option<String>)],
    next: (&str, &str),
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in filters {
        if let Some(value) = value {
            query.append_pair(name, value);
        }
    }
    query.append_pair(next.0, next.1);
    format!("{path}?{}", query.finish())
}

#[cfg(test)]
mod tests {
    use super::next_page_href;

    #[test]
    fn the_next_page_keeps_the_filters_in_use() {
        let filters = [("q", Some("lavička & strom".to_owned())), ("status", None)];
        assert_eq!(
            next_page_href("/proposals", &filters, ("after", "12")),
            "/proposals?q=lavi%C4%8Dka+%26+strom&after=12"
        );
    }
}
