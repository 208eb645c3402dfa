//! "Text messages (SMS)" on `/admin`: where the centre's SMS gateway is, how Spolu signs in to it,
//! the body it takes, and how many texts may go out in a month. An empty address turns texts off.
use crate::components::{FieldError, FormMessage, Icon, IconSvg, TextBox};
use crate::error::{AppError, Refused};
use crate::i18n::{t, t_with};
use crate::views::text_messages::GatewayView;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "get_text_gateway")]
pub async fn get_text_gateway() -> Result<GatewayView, AppError> {
    crate::error::respond(ssr::view().await)
}

/// An empty `password` keeps the one stored (it is never shown again).
#[server(prefix = "/api", endpoint = "save_text_gateway")]
pub async fn save_text_gateway(
    url: String,
    username: String,
    password: String,
    body: String,
    monthly_cap: String,
) -> Result<(), AppError> {
    let result = ssr::save(&url, &username, &password, &body, &monthly_cap).await;
    crate::error::respond(result.map_err(|error| {
        error.keeping(&[
            ("url", url.as_str()),
            ("username", username.as_str()),
            ("body", body.as_str()),
            ("monthly_cap", monthly_cap.as_str()),
        ])
    }))
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::permissions::{Action, require};
    use crate::server::text_messages::{self, GatewayForm};
    use crate::server::{app_state, current_member};
    use crate::views::text_messages::GatewayView;

    pub async fn view() -> Result<GatewayView, AppError> {
        require(current_member(), Action::Administer)?;
        let state = app_state()?;
        text_messages::gateway_view(&state.db, state.settings.time_zone).await
    }

    pub async fn save(
        url: &str,
        username: &str,
        password: &str,
        body: &str,
        monthly_cap: &str,
    ) -> Result<(), AppError> {
        let admin = require(current_member(), Action::Administer)?;
        let form = GatewayForm {
            url,
            username,
            password,
            body,
            monthly_cap,
        };
        text_messages::save(&app_state()?.db, &admin, &form).await
    }
}

#[component]
pub fn TextGatewayForm() -> impl IntoView {
    let save = ServerAction::<SaveTextGateway>::new();
    let error = save.value().get_untracked().and_then(Result::err);
    let saved = matches!(save.value().get_untracked(), Some(Ok(())));
    view! {
        <section aria-labelledby="admin-sms" id="text-gateway">
            <h2 id="admin-sms">{t("sms-section")}</h2>
            <p class="hint">{t("sms-gateway-intro")}</p>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    let gateway = match get_text_gateway().await {
                        Ok(gateway) => gateway,
                        Err(error) => return view! { <FormMessage error=Some(error)/> }.into_any(),
                    };
                    let field_error = error.clone();
                    let field = move |name: &'static str, label: &'static str, kind: &'static str, value: String, hint: Option<String>| {
                        let message = field_error.field_message(name);
                        let value = field_error.typed_or(name, value);
                        let hint_id = format!("{name}-hint");
                        view! {
                            <div class="field">
                                <label for=name>{t(label)}</label>
                                {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
                                <input id=name name=name type=kind value=value autocomplete="off"
                                    aria-describedby=message.is_some().then(|| format!("{name}-error"))/>
                                <FieldError id=format!("{name}-error") message=message/>
                            </div>
                        }
                    };
                    let body_message = error.field_message("body");
                    let body = error.typed_or("body", gateway.body.clone());
                    let password_hint = gateway.password_set.then(|| t("sms-gateway-password-kept"));
                    let used = t_with("sms-gateway-used", &[
                        ("sent", gateway.sent_this_month.into()),
                        ("cap", gateway.monthly_cap.into()),
                    ]);
                    view! {
                        <p>{used}</p>
                        <ActionForm action=save attr:class="form">
                            <FormMessage error=error.clone().filter(|e| e.field_errors().is_empty())/>
                            {field("url", "sms-gateway-url", "url", gateway.url.clone(), None)}
                            {field("username", "sms-gateway-username", "text", gateway.username.clone(), None)}
                            {field("password", "sms-gateway-password", "password", String::new(), password_hint)}
                            <div class="field">
                                <label for="body">{t("sms-gateway-body")}</label>
                                <p class="hint" id="body-hint">{t("sms-gateway-body-hint")}</p>
                                <TextBox id="body".to_string() name="body" rows=3 max_length=GatewayView::BODY_MAX
                                    invalid=body_message.is_some() text=body
                                    described_by=Some(if body_message.is_some() { "body-hint body-error" } else { "body-hint" }.to_string())/>
                                <FieldError id="body-error".to_string() message=body_message/>
                            </div>
                            {field("monthly_cap", "sms-gateway-cap", "number", gateway.monthly_cap.to_string(), None)}
                            <button type="submit" class="button primary"><IconSvg icon=Icon::Check/><span>{t("sms-gateway-save")}</span></button>
                        </ActionForm>
                        {saved.then(|| view! { <p class="notice" role="status">{t("me-saved")}</p> })}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
