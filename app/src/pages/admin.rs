//! `/admin`: the settings admins change while Spolu runs — the estate's name, whether visitors
//! may read, pre-moderation, who votes by default, and how much one account may post.
mod save_site_settings;
mod set_kiosk;
mod site_settings_form;
mod text_gateway;

use crate::components::{FieldError, FormMessage, Icon, IconSvg, PageTitle};
use crate::domain::Eligibility;
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::permissions::Action;
use crate::views::site::Site;
use leptos::prelude::*;
use save_site_settings::SaveSiteSettings;
use set_kiosk::SetKiosk;
use site_settings_form::site_settings_form;
use text_gateway::TextGatewayForm;

#[component]
pub fn AdminPage() -> impl IntoView {
    if let Err(gate) = super::member_page("/admin", Action::Administer) {
        return gate;
    }
    let save = ServerAction::<SaveSiteSettings>::new();
    let error = save.value().get_untracked().and_then(Result::err);
    view! {
        <PageTitle text=t("admin-title")/>
        <h1>{t("admin-title")}</h1>
        <p class="lead">{t("admin-intro")}</p>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match site_settings_form().await {
                    Ok(site) => view! { <SettingsForm site save error=error.clone()/> }.into_any(),
                    Err(error) => view! { <FormMessage error=Some(error)/> }.into_any(),
                }
            })}
        </Suspense>
        <TextGatewayForm/>
        <p><a class="button" href="/admin/categories">{t("categories-title")}</a></p>
        <p><a href="/staff">{t("admin-word-list")}</a></p>
        <KioskForm/>
    }
    .into_any()
}

/// "This device": turn the centre's shared-tablet mode on or off for the device in hand.
#[component]
fn KioskForm() -> impl IntoView {
    let action = ServerAction::<SetKiosk>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let message = error.field_message("minutes");
    let typed = error.typed_or("minutes", "10");
    let current = crate::visitor::use_visitor().kiosk_idle_seconds;
    view! {
        <section aria-labelledby="kiosk">
            <h2 id="kiosk">{t("kiosk-title")}</h2>
            <p class="hint">{t("kiosk-intro")}</p>
            {match current {
                Some(seconds) => view! {
                    <p class="moderation-mark">{crate::i18n::t_with("kiosk-on", &[("minutes", seconds.div_ceil(60).into())])}</p>
                    <ActionForm action=action attr:class="form">
                        <button type="submit" class="button"><IconSvg icon=Icon::Cross/><span>{t("kiosk-turn-off")}</span></button>
                    </ActionForm>
                }.into_any(),
                None => view! {
                    <ActionForm action=action attr:class="form">
                        <div class="field">
                            <label for="minutes">{t("kiosk-minutes")}</label>
                            <input id="minutes" name="minutes" type="number" inputmode="numeric" min="1" max="120" value=typed
                                aria-describedby=message.is_some().then_some("minutes-error")/>
                            <FieldError id="minutes-error".to_string() message=message/>
                        </div>
                        <button type="submit" class="button"><IconSvg icon=Icon::Check/><span>{t("kiosk-turn-on")}</span></button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SettingsForm(
    site: Site,
    save: ServerAction<SaveSiteSettings>,
    error: Option<AppError>,
) -> impl IntoView {
    let number_field = |name: &'static str, label: &'static str, value: u64| {
        let message = error.field_message(name);
        let value = error.typed_or(name, value.to_string());
        view! {
            <div class="field">
                <label for=name>{t(label)}</label>
                <input id=name name=name type="number" inputmode="numeric" min="1" value=value
                    aria-describedby=message.is_some().then(|| format!("{name}-error"))/>
                <FieldError id=format!("{name}-error") message=message/>
            </div>
        }
    };
    let site_name_message = error.field_message("site_name");
    let site_name_value = error.typed_or("site_name", site.site_name.clone());
    let name_message = error.field_message("estate_name");
    let name_value = error.typed_or("estate_name", site.estate_name.clone());
    let all_members = site.default_eligibility == Eligibility::AllMembers;
    let proposals_field = number_field(
        "proposals_per_day",
        "admin-proposals-per-day",
        site.proposals_per_day,
    );
    let comments_field = number_field(
        "comments_per_hour",
        "admin-comments-per-hour",
        site.comments_per_hour,
    );
    view! {
        <ActionForm action=save attr:class="form">
            <FormMessage error=error.clone().filter(|e| e.field_errors().is_empty())/>
            <div class="field">
                <label for="site_name">{t("admin-site-name")}</label>
                <input id="site_name" name="site_name" type="text" maxlength=Site::NAME_MAX value=site_name_value
                    aria-describedby=site_name_message.is_some().then_some("site_name-error")/>
                <FieldError id="site_name-error".to_string() message=site_name_message/>
            </div>
            <div class="field">
                <label for="estate_name">{t("admin-estate-name")}</label>
                <input id="estate_name" name="estate_name" type="text" maxlength=Site::NAME_MAX value=name_value
                    aria-describedby=name_message.is_some().then_some("estate_name-error")/>
                <FieldError id="estate_name-error".to_string() message=name_message/>
            </div>
            <label class="choice">
                <input type="checkbox" name="public_reading" value="on" checked=site.public_reading/>
                <span>{t("admin-public-reading")}</span>
            </label>
            <label class="choice">
                <input type="checkbox" name="pre_moderation" value="on" checked=site.pre_moderation/>
                <span>{t("admin-pre-moderation")}</span>
            </label>
            <fieldset class="field">
                <legend>{t("admin-default-eligibility")}</legend>
                <label class="choice">
                    <input type="radio" name="default_eligibility" value="core" checked=!all_members/>
                    <span>{t("eligibility-core")}</span>
                </label>
                <label class="choice">
                    <input type="radio" name="default_eligibility" value="members" checked=all_members/>
                    <span>{t("eligibility-members")}</span>
                </label>
            </fieldset>
            {proposals_field}
            {comments_field}
            <button type="submit" class="button primary"><IconSvg icon=Icon::Check/><span>{t("save")}</span></button>
        </ActionForm>
    }
}
