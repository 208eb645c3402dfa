//! A push service on port 0, as Google's or Mozilla's would be to Spolu: it takes messages for
//! the test's devices, checks each one's VAPID signature against the site's key, and decrypts
//! the payload with the keys only the device holds (the test made them, as a browser would).
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use base64ct::{Base64UrlUnpadded, Encoding};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use web_push_native::jwt_simple::prelude::{
    ECDSAP256PublicKeyLike, ES256PublicKey, NoCustomClaims, VerificationOptions,
};
use web_push_native::p256;
use web_push_native::p256::elliptic_curve::sec1::ToEncodedPoint;

/// What the service was given for one device.
#[derive(Debug, Clone)]
pub struct Received {
    pub device: String,
    pub authorization: String,
    pub ttl: Option<String>,
    pub encoding: Option<String>,
    pub body: Vec<u8>,
}

#[derive(Default)]
struct Inbox {
    received: Vec<Received>,
    /// Devices the service answers with another status than 201 (e.g. 410: gone).
    answers: HashMap<String, u16>,
}

pub struct FakePushService {
    /// `http://127.0.0.1:<port>`, for the server's `--push-service`.
    pub origin: String,
    inbox: Arc<Mutex<Inbox>>,
}

/// A browser's subscription: its address at the service and its keys.
pub struct TestDevice {
    pub name: String,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    secret: p256::SecretKey,
    auth_secret: [u8; 16],
}

impl FakePushService {
    pub async fn start() -> Self {
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let router = axum::Router::new()
            .route("/push/{device}", axum::routing::post(take))
            .with_state(inbox.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let origin = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { origin, inbox }
    }

    /// A new device subscribed at this service.
    pub fn device(&self, name: &str) -> TestDevice {
        let secret = p256::SecretKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
        let auth_secret: [u8; 16] = rand::random();
        TestDevice {
            name: name.to_owned(),
            endpoint: format!("{}/push/{name}", self.origin),
            p256dh: Base64UrlUnpadded::encode_string(
                secret.public_key().to_encoded_point(false).as_bytes(),
            ),
            auth: Base64UrlUnpadded::encode_string(&auth_secret),
            secret,
            auth_secret,
        }
    }

    /// From now on, messages for `device` are answered with `status`.
    pub fn answer(&self, device: &TestDevice, status: u16) {
        let mut inbox = self.inbox.lock().expect("inbox");
        inbox.answers.insert(device.name.clone(), status);
    }

    pub fn received_for(&self, device: &TestDevice) -> Vec<Received> {
        let inbox = self.inbox.lock().expect("inbox");
        inbox
            .received
            .iter()
            .filter(|r| r.device == device.name)
            .cloned()
            .collect()
    }

    pub fn received_count(&self) -> usize {
        self.inbox.lock().expect("inbox").received.len()
    }

    /// The messages `device` got, each checked (signed with `site_key`, the site's VAPID public
    /// key, for this service's origin, not expired) and decrypted with the device's own keys.
    pub fn messages_for(&self, device: &TestDevice, site_key: &str) -> Vec<serde_json::Value> {
        self.received_for(device)
            .into_iter()
            .map(|received| {
                self.check_signature(&received, site_key);
                assert_eq!(received.encoding.as_deref(), Some("aes128gcm"), "RFC 8291");
                assert!(received.ttl.is_some(), "a TTL is given");
                let auth = web_push_native::Auth::clone_from_slice(&device.auth_secret);
                let plain = web_push_native::decrypt(received.body.clone(), &device.secret, &auth)
                    .expect("the payload decrypts with the device's keys");
                serde_json::from_slice(&plain).expect("the payload is JSON")
            })
            .collect()
    }

    /// Waits (up to 15 s) until `device` has `count` messages, then a little longer to see that
    /// no more come; answers them, checked and decrypted.
    pub async fn wait_for(
        &self,
        device: &TestDevice,
        count: usize,
        site_key: &str,
    ) -> Vec<serde_json::Value> {
        self.wait_received(device, count).await;
        self.messages_for(device, site_key)
    }

    /// Waits (up to 15 s) until `device` was sent `count` messages, then a little longer to see
    /// that no more come.
    pub async fn wait_received(&self, device: &TestDevice, count: usize) {
        for _ in 0..150 {
            if self.received_for(device).len() >= count {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }

    fn check_signature(&self, received: &Received, site_key: &str) {
        let vapid = received
            .authorization
            .strip_prefix("vapid ")
            .expect("a VAPID authorization");
        let part = |name: &str| {
            vapid
                .split(',')
                .find_map(|p| p.trim().strip_prefix(name))
                .unwrap_or_else(|| panic!("{name} in {vapid}"))
                .to_owned()
        };
        let (token, key) = (part("t="), part("k="));
        assert_eq!(key, site_key, "signed with the site's key");
        let public = ES256PublicKey::from_bytes(
            &Base64UrlUnpadded::decode_vec(&key).expect("a base64url key"),
        )
        .expect("a P-256 key");
        let host = self
            .origin
            .rsplit_once(':')
            .map(|(scheme_host, _)| scheme_host.to_owned())
            .expect("origin");
        let options = VerificationOptions {
            allowed_audiences: Some(std::collections::HashSet::from([host])),
            ..Default::default()
        };
        let claims = public
            .verify_token::<NoCustomClaims>(&token, Some(options))
            .expect("a valid VAPID signature for this service");
        assert!(claims.subject.is_some(), "the site names a contact");
    }
}

async fn take(
    State(inbox): State<Arc<Mutex<Inbox>>>,
    Path(device): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let mut inbox = inbox.lock().expect("inbox");
    let status = inbox.answers.get(&device).copied().unwrap_or(201);
    inbox.received.push(Received {
        device,
        authorization: header("authorization").unwrap_or_default(),
        ttl: header("ttl"),
        encoding: header("content-encoding"),
        body: body.to_vec(),
    });
    StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED)
}
