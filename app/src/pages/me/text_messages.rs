//! "Text messages (SMS)" on `/me`, where the centre has an SMS gateway: a member without a
//! smartphone gives a number and gets only the most important news by text. Plain forms.
use crate::components::{FieldError, FormMessage, Icon, IconSvg};
use crate::domain::PhoneNumber;
use crate::error::{AppError, Refused};
use crate::i18n::t;
use crate::serverfns::phone_and_texts::get_my_text_messages;
use leptos::prelude::*;

/// Keeps the member's own number; `consent` is the ticked "send me texts" box.
#[server(prefix = "/api", endpoint = "save_my_phone")]
pub async fn save_my_phone(number: String, consent: Option<String>) -> Result<(), AppError> {
    let result = ssr::save(&number, consent.is_some()).await;
    crate::error::respond(result.map_err(|error| error.keeping(&[("number", number)])))
}

#[server(prefix = "/api", endpoint = "remove_my_phone")]
pub async fn remove_my_phone() -> Result<(), AppError> {
    crate::error::respond(ssr::remove().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::domain::PhoneNumber;
    use crate::error::AppError;
    use crate::permissions::{Action, require};
    use crate::server::{app_state, current_member, text_messages};

    pub async fn save(number: &str, consent: bool) -> Result<(), AppError> {
        let member = require(current_member(), Action::Read)?;
        let number = PhoneNumber::parse(number).map_err(|key| AppError::field("number", key))?;
        let state = app_state()?;
        text_messages::set_number(
            &state.db,
            &state.texts,
            &member,
            member.id,
            &number,
            consent,
        )
        .await
    }

    pub async fn remove() -> Result<(), AppError> {
        let member = require(current_member(), Action::Read)?;
        text_messages::remove_number(&app_state()?.db, &member, member.id).await
    }
}

#[component]
pub fn TextMessages() -> impl IntoView {
    let save = ServerAction::<SaveMyPhone>::new();
    let remove = ServerAction::<RemoveMyPhone>::new();
    let error = save
        .value()
        .get_untracked()
        .and_then(Result::err)
        .or_else(|| remove.value().get_untracked().and_then(Result::err));
    let saved = matches!(save.value().get_untracked(), Some(Ok(())));
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let settings = match get_my_text_messages().await {
                    Ok(settings) => settings,
                    Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                };
                if !settings.offered {
                    return ().into_any();
                }
                let number_message = error.field_message("number");
                let consent_message = error.field_message("consent");
                let typed = error.typed_or("number", "");
                let general = error.clone().filter(|e| e.field_errors().is_empty());
                view! {
                    <section aria-labelledby="me-sms" id="text-messages">
                        <h2 id="me-sms">{t("sms-section")}</h2>
                        <p>{t("sms-explain")}</p>
                        <FormMessage error=general/>
                        {match settings.number {
                            Some(number) => view! {
                                <p class="sms-number">{t("sms-your-number")} " " <strong>{number}</strong></p>
                                {saved.then(|| view! { <p class="notice" role="status">{t("sms-saved")}</p> })}
                                <ActionForm action=remove attr:class="inline-form">
                                    <button type="submit" class="button">
                                        <IconSvg icon=Icon::Trash/><span>{t("sms-remove")}</span>
                                    </button>
                                </ActionForm>
                            }.into_any(),
                            None => view! {
                                <ActionForm action=save attr:class="form">
                                    <div class="field">
                                        <label for="sms-number">{t("sms-number")}</label>
                                        <input id="sms-number" name="number" type="tel" inputmode="tel" autocomplete="tel"
                                            maxlength=PhoneNumber::TYPED_MAX value=typed
                                            aria-describedby=number_message.is_some().then_some("sms-number-error")/>
                                        <FieldError id="sms-number-error".to_string() message=number_message/>
                                    </div>
                                    <label class="choice">
                                        <input type="checkbox" name="consent" value="on"
                                            aria-describedby=consent_message.is_some().then_some("sms-consent-error")/>
                                        <span>{t("sms-consent")}</span>
                                    </label>
                                    <FieldError id="sms-consent-error".to_string() message=consent_message/>
                                    <button type="submit" class="button primary">
                                        <IconSvg icon=Icon::Check/><span>{t("sms-save")}</span>
                                    </button>
                                </ActionForm>
                            }.into_any(),
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
