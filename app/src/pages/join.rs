//! `/join`: redeeming an invite code (typed, or from the QR link `/join?code=…`).
use crate::components::{FormMessage, Icon, IconSvg, PageTitle, TextField};
use crate::i18n::t;
use crate::islands::ShowPassword;
use crate::serverfns::account::Join;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let action = ServerAction::<Join>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let code = use_query_map().get_untracked().get("code");
    let own_username = error.as_ref().is_some_and(|e| {
        e.message_for("username").is_some() || e.typed("username").is_some_and(|u| !u.is_empty())
    });
    view! {
        <PageTitle text=t("join-title")/>
        <h1>{t("join-title")}</h1>
        <p class="lead">{t("join-intro")}</p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone()/>
            <TextField name="code" label="join-code" hint="join-code-hint"
                autocomplete="off" autocapitalize="characters" value=code.unwrap_or_default() error=error.clone()/>
            <TextField name="display_name" label="join-display-name" hint="join-display-name-hint"
                autocomplete="nickname" error=error.clone()/>
            <TextField name="password" label="join-password" hint="join-password-hint"
                kind="password" autocomplete="new-password" error=error.clone()/>
            <ShowPassword target="password".to_string() show_label=t("show-password") hide_label=t("hide-password")/>
            // Most people never open this: the sign-in name is made from their name.
            <details class="own-username" open=own_username>
                <summary><IconSvg icon=Icon::Pencil/><span>{t("join-own-username")}</span></summary>
                <TextField name="username" label="join-username-optional" hint="join-username-hint"
                    autocomplete="username" autocapitalize="none" required=false error=error.clone()/>
            </details>
            <button type="submit" class="button primary"><IconSvg icon=Icon::Join/><span>{t("join")}</span></button>
        </ActionForm>
        <p>{t("join-have-account")}</p>
        <p><a class="action-link" href="/login"><IconSvg icon=Icon::Key/><span>{t("sign-in")}</span></a></p>
    }
}
