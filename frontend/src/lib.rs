//! The browser entry: wakes up the interactive islands of a server-rendered page.
#![cfg(target_arch = "wasm32")]

// Linking the app makes its islands part of this bundle.
pub use app::islands;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
