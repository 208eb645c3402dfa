//! `/reset`: a member who forgot their password types the one-time code staff gave them at the
//! desk and a new password, and is signed in.
use crate::components::{FormMessage, Icon, IconSvg, PageTitle, TextField};
use crate::i18n::t;
use crate::islands::ShowPassword;
use crate::serverfns::account::ResetPassword;
use leptos::prelude::*;

#[component]
pub fn ResetPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    view! {
        <PageTitle text=t("reset-title")/>
        <h1>{t("reset-title")}</h1>
        <p class="lead">{t("reset-intro")}</p>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <FormMessage error=error.clone()/>
            <TextField name="code" label="reset-code" hint="join-code-hint"
                autocomplete="off" autocapitalize="characters" error=error.clone()/>
            <TextField name="password" label="reset-password" hint="join-password-hint"
                kind="password" autocomplete="new-password" error=error.clone()/>
            <ShowPassword target="password".to_string() show_label=t("show-password") hide_label=t("hide-password")/>
            <button type="submit" class="button primary"><IconSvg icon=Icon::Key/><span>{t("reset-save")}</span></button>
        </ActionForm>
    }
}
