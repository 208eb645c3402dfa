//! `/login`: signing in with username and password.
use crate::components::{FormMessage, Icon, IconSvg, PageTitle, TextField};
use crate::i18n::t;
use crate::islands::ShowPassword;
use crate::serverfns::account::SignIn;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let next = use_query_map()
        .get_untracked()
        .get("next")
        .unwrap_or_default();
    view! {
        <PageTitle text=t("sign-in")/>
        <h1>{t("sign-in")}</h1>
        <SignInForm next/>
    }
}

/// The sign-in form, here and on pages a visitor may not open (they sign in where they are).
#[component]
pub fn SignInForm(
    /// Where to go after signing in.
    next: String,
) -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    view! {
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone()/>
            <input type="hidden" name="next" value=next/>
            <TextField name="username" label="join-username" autocomplete="username"
                autocapitalize="none" error=error.clone()/>
            <TextField name="password" label="join-password" kind="password"
                autocomplete="current-password" error=error.clone()/>
            <ShowPassword target="password".to_string() show_label=t("show-password") hide_label=t("hide-password")/>
            <button type="submit" class="button primary"><IconSvg icon=Icon::Key/><span>{t("sign-in")}</span></button>
        </ActionForm>
        <p class="hint">{t("sign-in-forgot")}</p>
        <p><a class="action-link" href="/reset"><IconSvg icon=Icon::Key/><span>{t("sign-in-have-reset-code")}</span></a></p>
        <p>{t("sign-in-no-account")}</p>
        <p><a class="action-link" href="/join"><IconSvg icon=Icon::Join/><span>{t("join")}</span></a></p>
    }
}
