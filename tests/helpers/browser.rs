//! A phone talking to the server: its own cookie jar, redirects not followed so tests see them.
use reqwest::cookie::Jar;
use reqwest::header::{ACCEPT, REFERER};
use reqwest::multipart::{Form, Part};
use reqwest::redirect::Policy;
use reqwest::{Client, Response};
use std::sync::Arc;

pub struct Browser {
    pub base_url: String,
    pub client: Client,
    pub jar: Arc<Jar>,
}

impl Browser {
    pub fn new(base_url: &str) -> Self {
        let jar = Arc::new(Jar::default());
        let client = Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            .build()
            .expect("http client");
        Self {
            base_url: base_url.to_owned(),
            client,
            jar,
        }
    }

    /// Calls a server function as the app's JavaScript does (JSON answer, no redirect).
    pub async fn call(&self, function: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}/api/{function}", self.base_url))
            .header(ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .expect("server function answers")
    }

    /// A proposal as `get_proposal` shows it to this browser (JSON).
    pub async fn proposal_detail(&self, id: i32) -> serde_json::Value {
        self.call("get_proposal", &[("id", &id.to_string())])
            .await
            .json()
            .await
            .expect("the proposal's detail")
    }

    /// Proposes as the app's JavaScript would call it (JSON answer), without photos. The form
    /// carries files, so it goes as multipart.
    pub async fn propose(&self, form: &[(&str, &str)]) -> Response {
        self.propose_with_photos(form, Vec::new()).await
    }

    /// Proposes with photos, given as (file name, bytes).
    pub async fn propose_with_photos(
        &self,
        form: &[(&str, &str)],
        photos: Vec<(&str, Vec<u8>)>,
    ) -> Response {
        self.call_multipart("create_proposal", form, photos).await
    }

    /// Calls a server function whose form carries photos (multipart), as JavaScript would.
    pub async fn call_multipart(
        &self,
        function: &str,
        form: &[(&str, &str)],
        photos: Vec<(&str, Vec<u8>)>,
    ) -> Response {
        self.client
            .post(format!("{}/api/{function}", self.base_url))
            .header(ACCEPT, "application/json")
            .multipart(multipart_form(form, photos))
            .send()
            .await
            .expect("server function answers")
    }

    /// Calls a server function whose form carries a voice message (the `voice` file field),
    /// given as (file name, bytes); `accept` is `application/json` as JavaScript sends it, or
    /// `text/html` as a phone without JavaScript posts the form from `page`.
    pub async fn send_voice(
        &self,
        function: &str,
        form: &[(&str, &str)],
        voice: (&str, Vec<u8>),
        accept: &str,
        page: &str,
    ) -> Response {
        let (file_name, bytes) = voice;
        let multipart = multipart_form(form, Vec::new())
            .part("voice", Part::bytes(bytes).file_name(file_name.to_owned()));
        self.client
            .post(format!("{}/api/{function}", self.base_url))
            .header(ACCEPT, accept)
            .header(REFERER, format!("{}{page}", self.base_url))
            .multipart(multipart)
            .send()
            .await
            .expect("server function answers")
    }

    /// Proposes from the new-proposal page as a phone without JavaScript does.
    pub async fn submit_proposal(
        &self,
        form: &[(&str, &str)],
        photos: Vec<(&str, Vec<u8>)>,
    ) -> Response {
        self.client
            .post(format!("{}/api/create_proposal", self.base_url))
            .header(ACCEPT, "text/html")
            .header(REFERER, format!("{}/proposals/new", self.base_url))
            .multipart(multipart_form(form, photos))
            .send()
            .await
            .expect("form post answers")
    }

    /// Signs in as `member` with their username and password.
    pub async fn sign_in_as(&self, member: &super::TestMember) -> Response {
        self.call(
            "sign_in",
            &[
                ("username", &member.username),
                ("password", &member.password),
            ],
        )
        .await
    }

    /// Submits a plain HTML form from `page`, as a phone without JavaScript does.
    pub async fn submit(&self, page: &str, function: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}/api/{function}", self.base_url))
            .header(ACCEPT, "text/html")
            .header(REFERER, format!("{}{page}", self.base_url))
            .form(form)
            .send()
            .await
            .expect("form post answers")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base_url))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .expect("page answers")
    }

    pub async fn get_with(&self, path: &str, header: (&str, &str)) -> Response {
        self.client
            .get(format!("{}{path}", self.base_url))
            .header(ACCEPT, "text/html")
            .header(header.0, header.1)
            .send()
            .await
            .expect("page answers")
    }

    pub async fn page_text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("page body")
    }
}

/// A form as a browser posts it when it has file fields: texts, then each file under `photos`.
fn multipart_form(form: &[(&str, &str)], photos: Vec<(&str, Vec<u8>)>) -> Form {
    let form = form.iter().fold(Form::new(), |multipart, (name, value)| {
        multipart.text(name.to_string(), value.to_string())
    });
    photos
        .into_iter()
        .fold(form, |multipart, (file_name, bytes)| {
            multipart.part("photos", Part::bytes(bytes).file_name(file_name.to_owned()))
        })
}
