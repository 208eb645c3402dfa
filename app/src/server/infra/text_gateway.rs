//! Sending one text message (SMS). A [`TextGateway`] takes a number and a text; Spolu has two:
//! [`HttpGateway`], which posts to the SMS gateway the admin set up (e.g. an Android phone at the
//! centre running a gateway app), and [`FileOutbox`], which appends each message to a file, for
//! development. Who gets what, and when, is decided in `server::text_messages`.
use crate::domain::{PhoneNumber, QuietHours};
use crate::error::AppError;
use std::path::PathBuf;
use std::time::Duration;

/// What the gateway answered.
#[derive(Debug, PartialEq, Eq)]
pub enum Texted {
    Sent,
    /// Refused for good (a 4xx answer: bad credentials, a number the gateway will not take).
    Refused(u16),
    /// Try again later: the gateway is busy, down, or the network is.
    Later,
}

#[async_trait::async_trait]
pub trait TextGateway: Send + Sync {
    async fn send(&self, to: &PhoneNumber, text: &str) -> Texted;
}

/// The gateway as the admin set it up on `/admin`: where to post, who Spolu is to it, and the
/// body, with `{number}` and `{text}` in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewaySettings {
    pub url: String,
    pub username: String,
    pub password: String,
    pub body: String,
}

impl GatewaySettings {
    /// The body "SMS Gateway for Android" takes; other gateways differ, so the admin may change it.
    pub const DEFAULT_BODY: &str = r#"{"phoneNumbers": ["{number}"], "message": "{text}"}"#;

    /// Whether `url` is an address Spolu can post to.
    pub fn url_is_valid(url: &str) -> bool {
        url.parse::<axum::http::Uri>().is_ok_and(|uri| {
            matches!(uri.scheme_str(), Some("http" | "https"))
                && uri.host().is_some_and(|h| !h.is_empty())
        })
    }

    /// A JSON body (it starts with `{` or `[`) gets the values as JSON strings; anything else is
    /// taken for a form, and gets them form-encoded.
    fn is_json(&self) -> bool {
        self.body.trim_start().starts_with(['{', '['])
    }

    /// The body for one message, each value escaped for the body's format, so no text a member
    /// wrote can change the request's shape.
    pub fn body_for(&self, to: &PhoneNumber, text: &str) -> String {
        let escape = |value: &str| {
            if self.is_json() {
                let quoted = serde_json::Value::from(value).to_string();
                quoted[1..quoted.len() - 1].to_owned()
            } else {
                form_urlencoded::byte_serialize(value.as_bytes()).collect()
            }
        };
        self.body
            .replace("{number}", &escape(to.as_str()))
            .replace("{text}", &escape(text))
    }
}

/// Posts to the admin's gateway.
pub struct HttpGateway {
    pub client: reqwest::Client,
    pub settings: GatewaySettings,
}

#[async_trait::async_trait]
impl TextGateway for HttpGateway {
    async fn send(&self, to: &PhoneNumber, text: &str) -> Texted {
        let content_type = if self.settings.is_json() {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        let mut post = self
            .client
            .post(&self.settings.url)
            .header("content-type", content_type)
            .body(self.settings.body_for(to, text));
        if !self.settings.username.is_empty() {
            post = post.basic_auth(&self.settings.username, Some(&self.settings.password));
        }
        match post.send().await {
            Ok(answer) => match answer.status().as_u16() {
                200..=299 => Texted::Sent,
                408 | 429 | 500..=599 => Texted::Later,
                status => Texted::Refused(status),
            },
            Err(error) => {
                tracing::warn!(%error, "the SMS gateway could not be reached");
                Texted::Later
            }
        }
    }
}

/// Appends each message to `outbox.txt` in a folder: texts for a developer to read, not a phone.
pub struct FileOutbox {
    pub folder: PathBuf,
}

#[async_trait::async_trait]
impl TextGateway for FileOutbox {
    async fn send(&self, to: &PhoneNumber, text: &str) -> Texted {
        use tokio::io::AsyncWriteExt;
        let written = async {
            tokio::fs::create_dir_all(&self.folder).await?;
            let mut file = tokio::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.folder.join("outbox.txt"))
                .await?;
            file.write_all(format!("To: {}\n{text}\n\n", to.as_str()).as_bytes())
                .await?;
            file.sync_data().await
        };
        match written.await {
            Ok(()) => Texted::Sent,
            Err(error) => {
                tracing::warn!(%error, "the SMS outbox file could not be written");
                Texted::Later
            }
        }
    }
}

/// The channel as this instance has it: an HTTP client for the admin's gateway, the outbox
/// folder when the server was started with one, and the night.
pub struct TextChannel {
    client: reqwest::Client,
    outbox: Option<PathBuf>,
    pub quiet: QuietHours,
}

impl TextChannel {
    pub fn new(outbox: Option<PathBuf>, quiet: QuietHours) -> Result<Self, AppError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|_| AppError::Internal)?;
        Ok(Self {
            client,
            outbox,
            quiet,
        })
    }

    /// The gateway messages go through: the admin's, when one is set up; else the development
    /// outbox, when the server has one; else none, and Spolu does not offer text messages.
    pub fn gateway(&self, settings: &GatewaySettings) -> Option<Box<dyn TextGateway>> {
        if !settings.url.is_empty() {
            return Some(Box::new(HttpGateway {
                client: self.client.clone(),
                settings: settings.clone(),
            }));
        }
        self.outbox
            .clone()
            .map(|folder| Box::new(FileOutbox { folder }) as Box<dyn TextGateway>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number() -> PhoneNumber {
        PhoneNumber::parse("777123456").expect("a number")
    }

    fn settings(body: &str) -> GatewaySettings {
        GatewaySettings {
            url: "http://127.0.0.1:9/send".into(),
            username: String::new(),
            password: String::new(),
            body: body.into(),
        }
    }

    #[test]
    fn a_json_body_gets_json_strings() {
        let body = settings(GatewaySettings::DEFAULT_BODY)
            .body_for(&number(), "Řekli \"ano\" </textarea>\n\\");
        let parsed: serde_json::Value = serde_json::from_str(&body).expect("still JSON");
        assert_eq!(parsed["phoneNumbers"][0], "+420777123456");
        assert_eq!(parsed["message"], "Řekli \"ano\" </textarea>\n\\");
    }

    #[test]
    fn a_form_body_gets_form_encoded_values() {
        let body = settings("to={number}&text={text}").body_for(&number(), "a&b=c ř");
        assert_eq!(body, "to=%2B420777123456&text=a%26b%3Dc+%C5%99");
    }

    #[test]
    fn only_web_addresses_are_gateways() {
        assert!(GatewaySettings::url_is_valid(
            "http://192.168.1.20:8080/message"
        ));
        assert!(GatewaySettings::url_is_valid("https://sms.example.cz/api"));
        assert!(!GatewaySettings::url_is_valid("file:///etc/passwd"));
        assert!(!GatewaySettings::url_is_valid("sms.example.cz"));
    }
}
