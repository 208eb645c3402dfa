//! Sending one phone notification (Web Push): the payload encrypted for one browser (RFC 8291),
//! signed with the site's VAPID key (RFC 8292), posted to that browser's push service. Who hears
//! what, and when, is decided in `server::push`; this is only the post.
use crate::domain::QuietHours;
use crate::error::AppError;
use crate::server::infra::signing_key::kept_secret;
use base64ct::{Base64UrlUnpadded, Encoding};
use sea_orm::DatabaseConnection;
use std::time::Duration;
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256KeyPair};
use web_push_native::{Auth, WebPushBuilder, p256};

const VAPID_SETTING: &str = "push_vapid_key";

/// How long a push service keeps a message for a phone that is off: news older than a day is
/// better read in the app.
const KEEP_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// The channel: the site's key, the push services it will post to, and the night.
pub struct WebPush {
    key: ES256KeyPair,
    public_key: String,
    contact: String,
    services: Vec<PushService>,
    pub quiet: QuietHours,
    client: reqwest::Client,
}

/// Where one browser takes its messages, as it gave them when it subscribed.
pub struct Subscription<'a> {
    pub endpoint: &'a str,
    pub p256dh: &'a str,
    pub auth: &'a str,
}

/// What the push service answered.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent {
    Delivered,
    /// The browser unsubscribed or the subscription expired (404, 410): forget the device.
    Gone,
    /// Refused for good (a malformed message, a key that does not match): do not retry.
    Refused(u16),
    /// Try again later: the service is busy or down, or the network is.
    Later,
}

impl WebPush {
    /// Reads the site's VAPID key, making it on first start; every instance uses the same one,
    /// so a subscription made through one instance is reached from any.
    pub async fn start(
        db: &DatabaseConnection,
        contact: String,
        services: Vec<PushService>,
        quiet: QuietHours,
    ) -> Result<Self, AppError> {
        let stored = kept_secret(db, VAPID_SETTING, || {
            Base64UrlUnpadded::encode_string(&ES256KeyPair::generate().to_bytes())
        })
        .await?;
        let key = Base64UrlUnpadded::decode_vec(&stored)
            .ok()
            .and_then(|bytes| ES256KeyPair::from_bytes(&bytes).ok())
            .ok_or(AppError::Internal)?;
        let public_key = Base64UrlUnpadded::encode_string(
            &key.public_key().public_key().to_bytes_uncompressed(),
        );
        let client = reqwest::Client::builder()
            // A push service answers at once; a redirect would post our message elsewhere.
            .timeout(Duration::from_secs(15))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|_| AppError::Internal)?;
        Ok(Self {
            key,
            public_key,
            contact,
            services,
            quiet,
            client,
        })
    }

    /// The public half of the VAPID key (base64url), which a browser needs to subscribe.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// Whether `endpoint` is at a push service this site posts to. A member gives the address,
    /// so without this check Spolu would post wherever anyone asked, its own network included.
    pub fn accepts(&self, endpoint: &str) -> bool {
        endpoint
            .parse::<axum::http::Uri>()
            .is_ok_and(|uri| self.services.iter().any(|service| service.matches(&uri)))
    }

    /// Posts `payload` to one browser.
    pub async fn send(&self, to: &Subscription<'_>, payload: &[u8]) -> Sent {
        let Some(request) = self.request(to, payload) else {
            return Sent::Refused(0);
        };
        let (parts, body) = request.into_parts();
        let mut post = self.client.post(parts.uri.to_string()).body(body);
        for (name, value) in &parts.headers {
            post = post.header(name.as_str(), value.as_bytes());
        }
        match post.send().await {
            Ok(answer) => match answer.status().as_u16() {
                200..=299 => Sent::Delivered,
                404 | 410 => Sent::Gone,
                429 | 500..=599 => Sent::Later,
                status => Sent::Refused(status),
            },
            Err(error) => {
                tracing::warn!(%error, "a push service could not be reached");
                Sent::Later
            }
        }
    }

    fn request(
        &self,
        to: &Subscription<'_>,
        payload: &[u8],
    ) -> Option<axum::http::Request<Vec<u8>>> {
        if !self.accepts(to.endpoint) {
            return None;
        }
        let endpoint = to.endpoint.parse().ok()?;
        let public =
            p256::PublicKey::from_sec1_bytes(&Base64UrlUnpadded::decode_vec(to.p256dh).ok()?)
                .ok()?;
        let auth_bytes = Base64UrlUnpadded::decode_vec(to.auth).ok()?;
        if auth_bytes.len() != 16 {
            return None;
        }
        let auth = Auth::clone_from_slice(&auth_bytes);
        WebPushBuilder::new(endpoint, public, auth)
            .with_valid_duration(KEEP_FOR)
            .with_vapid(&self.key, &self.contact)
            .build(payload.to_vec())
            .ok()
    }
}

/// Checks the keys a browser sent when it subscribed, before they are stored.
pub fn keys_are_valid(p256dh: &str, auth: &str) -> bool {
    let public = Base64UrlUnpadded::decode_vec(p256dh.trim_end_matches('='))
        .ok()
        .and_then(|bytes| p256::PublicKey::from_sec1_bytes(&bytes).ok());
    let auth = Base64UrlUnpadded::decode_vec(auth.trim_end_matches('='));
    public.is_some() && auth.is_ok_and(|auth| auth.len() == 16)
}

/// A push service Spolu posts to: `https://fcm.googleapis.com`, or with a leading `*.` for a
/// family of hosts (`https://*.notify.windows.com`); a port when it is not the scheme's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushService {
    https: bool,
    host: String,
    port: Option<u16>,
}

impl PushService {
    /// The services of the browsers people use: Chrome and Android (Google), Firefox (Mozilla),
    /// Safari (Apple), Edge (Microsoft).
    pub fn known() -> Vec<Self> {
        [
            "https://fcm.googleapis.com",
            "https://updates.push.services.mozilla.com",
            "https://*.push.apple.com",
            "https://*.notify.windows.com",
        ]
        .into_iter()
        .filter_map(|service| Self::parse(service).ok())
        .collect()
    }

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let uri: axum::http::Uri = input
            .trim()
            .parse()
            .map_err(|_| "a push service is an address such as https://fcm.googleapis.com")?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err("a push service's address starts with https://"),
        };
        let host = uri
            .host()
            .filter(|host| !host.is_empty())
            .ok_or("a push service's address names its host")?;
        Ok(Self {
            https,
            host: host.to_ascii_lowercase(),
            port: uri.port_u16(),
        })
    }

    fn matches(&self, uri: &axum::http::Uri) -> bool {
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return false,
        };
        let Some(host) = uri.host().map(str::to_ascii_lowercase) else {
            return false;
        };
        let host_matches = match self.host.strip_prefix("*.") {
            Some(family) => host
                .strip_suffix(family)
                .is_some_and(|name| name.len() > 1 && name.ends_with('.')),
            None => host == self.host,
        };
        https == self.https && host_matches && uri.port_u16() == self.port
    }
}

impl std::str::FromStr for PushService {
    type Err = &'static str;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(services: &[PushService], endpoint: &str) -> bool {
        let uri: axum::http::Uri = endpoint.parse().unwrap();
        services.iter().any(|service| service.matches(&uri))
    }

    #[test]
    fn only_the_known_push_services_are_posted_to() {
        let known = PushService::known();
        assert!(accepted(
            &known,
            "https://fcm.googleapis.com/fcm/send/abc:def"
        ));
        assert!(accepted(
            &known,
            "https://updates.push.services.mozilla.com/wpush/v2/x"
        ));
        assert!(accepted(&known, "https://web.push.apple.com/QGx"));
        assert!(accepted(
            &known,
            "https://wns2-par02p.notify.windows.com/w/?token=x"
        ));
        // Not over plain http, not another port, not a look-alike, not our own network.
        assert!(!accepted(&known, "http://fcm.googleapis.com/fcm/send/abc"));
        assert!(!accepted(
            &known,
            "https://fcm.googleapis.com:8443/fcm/send/abc"
        ));
        assert!(!accepted(
            &known,
            "https://fcm.googleapis.com.evil.example/x"
        ));
        assert!(!accepted(&known, "https://evilpush.apple.com.example/x"));
        assert!(!accepted(&known, "https://notify.windows.com/x"));
        assert!(!accepted(&known, "https://127.0.0.1/x"));
        assert!(!accepted(&known, "https://localhost/x"));
    }

    #[test]
    fn a_test_service_is_named_with_its_port() {
        let local = [PushService::parse("http://127.0.0.1:4000").unwrap()];
        assert!(accepted(&local, "http://127.0.0.1:4000/push/1"));
        assert!(!accepted(&local, "http://127.0.0.1:4001/push/1"));
        assert!(!accepted(&local, "https://127.0.0.1:4000/push/1"));
        assert!(PushService::parse("ftp://example.com").is_err());
        assert!(PushService::parse("https://").is_err());
    }

    #[test]
    fn a_browsers_keys_are_checked_before_they_are_kept() {
        let secret = p256::SecretKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
        let public = Base64UrlUnpadded::encode_string(
            p256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(
                &secret.public_key(),
                false,
            )
            .as_bytes(),
        );
        let auth = Base64UrlUnpadded::encode_string(&[7u8; 16]);
        assert!(keys_are_valid(&public, &auth));
        assert!(!keys_are_valid("bm90IGEga2V5", &auth));
        assert!(!keys_are_valid(&public, "c2hvcnQ"));
        assert!(!keys_are_valid("</textarea>", "\"="));
    }
}
