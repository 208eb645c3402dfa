//! An SMS gateway on port 0, as the phone at the centre would be to Spolu: it takes the body the
//! admin's template makes and keeps what it was given, so a test can read each text.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use std::sync::{Arc, Mutex};

/// What the gateway was given for one text.
#[derive(Debug, Clone)]
pub struct Texted {
    pub number: String,
    pub text: String,
    pub authorization: Option<String>,
    pub content_type: Option<String>,
}

#[derive(Default)]
struct Inbox {
    texts: Vec<Texted>,
    /// The status the gateway answers with (200 unless a test says otherwise).
    answer: Option<u16>,
}

pub struct FakeSmsGateway {
    /// `http://127.0.0.1:<port>/send`, for the admin's form.
    pub url: String,
    inbox: Arc<Mutex<Inbox>>,
}

impl FakeSmsGateway {
    pub async fn start() -> Self {
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let router = axum::Router::new()
            .route("/send", axum::routing::post(take))
            .with_state(inbox.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let url = format!("http://{}/send", listener.local_addr().expect("address"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { url, inbox }
    }

    /// From now on, texts are answered with `status` (and not kept unless it is a success).
    pub fn answer(&self, status: u16) {
        self.inbox.lock().expect("inbox").answer = Some(status);
    }

    pub fn texts(&self) -> Vec<Texted> {
        self.inbox.lock().expect("inbox").texts.clone()
    }

    /// The texts sent to `number` (`+420777123456`).
    pub fn texts_to(&self, number: &str) -> Vec<String> {
        self.texts()
            .into_iter()
            .filter(|t| t.number == number)
            .map(|t| t.text)
            .collect()
    }

    /// Waits (up to 15 s) until `count` texts came, then a little longer to see that no more do.
    pub async fn wait_for(&self, count: usize) -> Vec<Texted> {
        for _ in 0..150 {
            if self.texts().len() >= count {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        self.texts()
    }
}

/// Reads the default body, `{"phoneNumbers": ["…"], "message": "…"}`.
async fn take(
    State(inbox): State<Arc<Mutex<Inbox>>>,
    headers: HeaderMap,
    body: String,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let mut inbox = inbox.lock().expect("inbox");
    let status = inbox.answer.unwrap_or(200);
    if status != 200 {
        return StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    let Ok(parsed) = serde_json::from_str::<serde_json::Value>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    inbox.texts.push(Texted {
        number: parsed["phoneNumbers"][0]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        text: parsed["message"].as_str().unwrap_or_default().to_owned(),
        authorization: header("authorization"),
        content_type: header("content-type"),
    });
    StatusCode::OK
}
