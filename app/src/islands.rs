//! The interactive parts of pages: the only code that becomes wasm. Everything else is server HTML.
use leptos::prelude::*;

/// A button that shows or hides the password being typed, for people who find typing blind hard.
/// Without JavaScript it never appears, and the field stays a normal password field.
#[island]
pub fn ShowPassword(
    /// The id of the password input.
    target: String,
    show_label: String,
    hide_label: String,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    // The input is reached only in the browser.
    #[cfg(not(feature = "hydrate"))]
    let _ = target;
    let toggle = move |_| {
        shown.update(|s| *s = !*s);
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&target))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_type(if shown.get_untracked() {
                    "text"
                } else {
                    "password"
                });
            }
        }
    };
    // Rendered hidden on the server; the island shows itself once it can work.
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    view! {
        <button
            type="button"
            class="show-password"
            hidden=move || !mounted.get()
            aria-pressed=move || if shown.get() { "true" } else { "false" }
            on:click=toggle
        >
            {move || if shown.get() { hide_label.clone() } else { show_label.clone() }}
        </button>
    }
}
