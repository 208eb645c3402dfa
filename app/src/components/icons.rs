//! Small inline SVG icons: no icon font, no extra request. Always shown beside a word.
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Home,
    Proposals,
    Decisions,
    Me,
    Warning,
    Key,
    Join,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M12 3 2 12h3v8h6v-6h2v6h6v-8h3z",
            Icon::Proposals => "M9 21h6v-1H9zm3-19a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z",
            Icon::Decisions => "M4 4h16v16H4zm3.5 8.5 3 3 6-6-1.4-1.4-4.6 4.6-1.6-1.6z",
            Icon::Me => {
                "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z"
            }
            Icon::Warning => "M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z",
            Icon::Key => {
                "M7 14a3 3 0 1 1 0-6 3 3 0 0 1 0 6zm5.6-4A6 6 0 1 0 12.6 14H17v3h3v-3h2v-4z"
            }
            Icon::Join => {
                "M15 12a4 4 0 1 0-4-4 4 4 0 0 0 4 4zm-9-2V7H4v3H1v2h3v3h2v-3h3v-2zm9 4c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4z"
            }
        }
    }
}

/// An icon that screen readers skip: the word beside it says the same.
#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=icon.path() fill="currentColor"></path>
        </svg>
    }
}
