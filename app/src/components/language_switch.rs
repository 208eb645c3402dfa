//! Buttons to change the language, one small form per language (works without JavaScript; one
//! form per button because a script-driven submit does not send which button was pressed).
use crate::i18n::{Locale, t, use_locale};
use crate::serverfns::account::SetLanguage;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let current = use_locale();
    let location = use_location();
    // Come back to the same page, without a previous form's error in its address.
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let query: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("__"))
        .collect();
    let back = if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    };
    let others: Vec<Locale> = Locale::all()
        .into_iter()
        .filter(|l| *l != current)
        .collect();
    view! {
        <div class="language-switch" role="group" aria-label=t("language-switch-label")>
            {others
                .into_iter()
                .map(|locale| {
                    view! {
                        <form method="post" action=SetLanguage::url()>
                            <input type="hidden" name="back" value=back.clone()/>
                            <input type="hidden" name="language" value=locale.tag()/>
                            <button type="submit" lang=locale.tag()>{locale.name()}</button>
                        </form>
                    }
                })
                .collect_view()}
        </div>
    }
}
