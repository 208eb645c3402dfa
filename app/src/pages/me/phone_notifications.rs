//! "Phone notifications" on `/me`: turning them on for this phone (a button `enhance.js` brings
//! to life, since only a script can ask the browser), the devices that have them, and which
//! news comes. The lists and switches are plain forms, so they work without JavaScript.
use crate::components::{FormMessage, Icon, IconSvg, PushSwitch};
use crate::error::AppError;
use crate::i18n::{date, t};
use crate::views::notifications::PushSettings;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "my_push_settings")]
pub async fn my_push_settings() -> Result<PushSettings, AppError> {
    crate::error::respond(ssr::settings().await)
}

/// Keeps the subscription this browser made (`enhance.js` posts it after the browser agreed).
#[server(prefix = "/api", endpoint = "subscribe_push")]
pub async fn subscribe_push(
    endpoint: String,
    p256dh: String,
    auth: String,
) -> Result<(), AppError> {
    crate::error::respond(ssr::subscribe(endpoint, p256dh, auth).await)
}

#[server(prefix = "/api", endpoint = "forget_push_device")]
pub async fn forget_push_device(id: i32) -> Result<(), AppError> {
    crate::error::respond(ssr::forget(id).await)
}

/// Each ticked box is news the member wants; what is not ticked is switched off.
#[server(prefix = "/api", endpoint = "save_push_topics")]
pub async fn save_push_topics(
    replies: Option<String>,
    votes: Option<String>,
    reminders: Option<String>,
    results: Option<String>,
    outcomes: Option<String>,
    moderation: Option<String>,
    queue: Option<String>,
) -> Result<(), AppError> {
    use crate::views::notifications::PushTopic;
    let wanted = [
        (PushTopic::Replies, replies),
        (PushTopic::Votes, votes),
        (PushTopic::Reminders, reminders),
        (PushTopic::Results, results),
        (PushTopic::Outcomes, outcomes),
        (PushTopic::Moderation, moderation),
        (PushTopic::Queue, queue),
    ];
    let muted: Vec<PushTopic> = wanted
        .into_iter()
        .filter(|(_, ticked)| ticked.is_none())
        .map(|(topic, _)| topic)
        .collect();
    crate::error::respond(ssr::save(muted).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, push};
    use crate::views::notifications::{PushSettings, PushTopic};

    // Their own devices: any signed-in member (a suspended one still hears the news).
    pub async fn settings() -> Result<PushSettings, AppError> {
        let member = require(current_member(), Action::Read)?;
        let state = app_state()?;
        push::settings(&state.db, &state.push, &member, state.settings.time_zone).await
    }

    pub async fn subscribe(endpoint: String, p256dh: String, auth: String) -> Result<(), AppError> {
        let member = require(current_member(), Action::Read)?;
        let state = app_state()?;
        let headers: axum::http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
        let agent = headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let label = push::device_label(agent);
        push::subscribe(
            &state.db,
            &state.push,
            &member,
            &endpoint,
            &p256dh,
            &auth,
            label,
        )
        .await
    }

    pub async fn forget(id: i32) -> Result<(), AppError> {
        let member = require(current_member(), Action::Read)?;
        push::forget_device(&app_state()?.db, &member, id).await
    }

    pub async fn save(muted: Vec<PushTopic>) -> Result<(), AppError> {
        let member = require(current_member(), Action::Read)?;
        push::set_muted(&app_state()?.db, &member, &muted).await
    }
}

#[component]
pub fn PhoneNotifications() -> impl IntoView {
    let forget = ServerAction::<ForgetPushDevice>::new();
    let save = ServerAction::<SavePushTopics>::new();
    let saved = matches!(save.value().get_untracked(), Some(Ok(())));
    let save_error = save.value().get_untracked().and_then(Result::err);
    let forget_error = forget.value().get_untracked().and_then(Result::err);
    view! {
        <section aria-labelledby="me-push" id="phone-notifications">
            <h2 id="me-push">{t("push-section")}</h2>
            <p>{t("push-explain")}</p>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    let settings = match my_push_settings().await {
                        Ok(settings) => settings,
                        Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                    };
                    view! {
                        <PushSwitch public_key=settings.public_key.clone()/>
                        <h3>{t("push-devices")}</h3>
                        <FormMessage error=forget_error.clone()/>
                        {if settings.devices.is_empty() {
                            view! { <p class="empty push-devices-none">{t("push-no-devices")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="push-devices">
                                    {settings.devices.into_iter().map(|device| view! {
                                        <li>
                                            <span>
                                                {if device.label.is_empty() { t("push-device-unknown") } else { device.label }}
                                                " · "{t("push-since")}" "{date(&device.since)}
                                            </span>
                                            <ActionForm action=forget attr:class="inline-form">
                                                <input type="hidden" name="id" value=device.id/>
                                                <button type="submit" class="button">
                                                    <IconSvg icon=Icon::Trash/><span>{t("push-forget")}</span>
                                                </button>
                                            </ActionForm>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <h3>{t("push-what")}</h3>
                        <ActionForm action=save attr:class="form">
                            <FormMessage error=save_error.clone()/>
                            <fieldset class="field">
                                <legend class="visually-hidden">{t("push-what")}</legend>
                                {settings.offered.into_iter().map(|topic| view! {
                                    <label class="choice">
                                        <input type="checkbox" name=topic.as_str()
                                            checked=!settings.muted.contains(&topic)/>
                                        <span>{t(&topic.label_key())}</span>
                                    </label>
                                }).collect_view()}
                            </fieldset>
                            <button type="submit" class="button primary">
                                <IconSvg icon=Icon::Check/><span>{t("push-save")}</span>
                            </button>
                        </ActionForm>
                        {saved.then(|| view! { <p class="notice" role="status">{t("me-saved")}</p> })}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
