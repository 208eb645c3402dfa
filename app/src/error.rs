//! The one error type of Spolu. It carries a machine-readable kind that the browser receives and the
//! UI turns into translated text; the internal cause of a failure stays in the server's log.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// The `field` of a message about the whole form rather than one field (a posting limit, say);
/// it shows once, at the top of the form.
pub const WHOLE_FORM: &str = "form";
/// The typed value that carries a number for the whole form's message (`{ $count }`).
pub const WHOLE_FORM_COUNT: &str = "form-count";

/// Which form field a message belongs to, and the locale key of the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A value the person typed, sent back with the errors so a form without JavaScript can show it
/// again (never a password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypedValue {
    pub field: String,
    pub value: String,
}

/// Gathers every message of a form, so the form shows all its problems at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: &str) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// The checked value, or `None` after noting its message against `field`.
    pub fn check<T>(&mut self, field: &str, result: Result<T, &'static str>) -> Option<T> {
        result.map_err(|message| self.add(field, message)).ok()
    }

    /// Every message noted, as the form's error.
    pub fn into_error(self) -> AppError {
        AppError::fields(self.0)
    }

    /// `Ok` when nothing was noted.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::fields(self.0))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Some fields of a form were not acceptable; each message is a locale key.
    #[error("invalid input")]
    Invalid {
        errors: Vec<FieldError>,
        typed: Vec<TypedValue>,
    },
    /// The request itself was malformed (missing fields, wrong encoding).
    #[error("bad request")]
    BadRequest,
    #[error("not signed in")]
    NotSignedIn,
    #[error("not allowed")]
    Forbidden,
    /// The member is suspended: they may read, but not take part, until it ends.
    #[error("suspended")]
    Suspended,
    #[error("not found")]
    NotFound,
    #[error("too many attempts, wait {minutes} minutes")]
    TooManyAttempts { minutes: u32 },
    /// The database could not store anything just now (disk full, read-only, locked, gone):
    /// what was sent is not saved and may be sent again in a moment.
    #[error("not saved")]
    NotSaved,
    /// Something failed on the server; the cause is logged there, never sent.
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn field(field: &str, message: &str) -> Self {
        Self::fields(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    }

    pub fn fields(errors: Vec<FieldError>) -> Self {
        AppError::Invalid {
            errors,
            typed: Vec::new(),
        }
    }

    /// Keeps what the person typed in these fields, so the form can show it again.
    pub fn keeping(self, values: &[(impl AsRef<str>, impl AsRef<str>)]) -> Self {
        match self {
            AppError::Invalid { errors, mut typed } => {
                typed.extend(values.iter().map(|(field, value)| TypedValue {
                    field: field.as_ref().into(),
                    value: value.as_ref().into(),
                }));
                AppError::Invalid { errors, typed }
            }
            other => other,
        }
    }

    /// Both results, or every field message of both at once (so a form shows all its problems
    /// together); an error that is not about fields wins over field messages.
    pub fn both<A, B>(a: Result<A, AppError>, b: Result<B, AppError>) -> Result<(A, B), AppError> {
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(a), Err(b)) => Err(match (a, b) {
                (
                    AppError::Invalid { errors, typed },
                    AppError::Invalid {
                        errors: more_errors,
                        typed: more_typed,
                    },
                ) => AppError::Invalid {
                    errors: errors.into_iter().chain(more_errors).collect(),
                    typed: typed.into_iter().chain(more_typed).collect(),
                },
                (AppError::Invalid { .. }, other) | (other, _) => other,
            }),
            (Err(error), _) | (_, Err(error)) => Err(error),
        }
    }

    /// The locale key of the message for `field`, if this error has one.
    pub fn message_for(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Invalid { errors, .. } => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.as_str()),
            _ => None,
        }
    }

    /// Every field message of a failed form, in the order they were found.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid { errors, .. } => errors,
            _ => &[],
        }
    }

    /// The error a form without JavaScript came back with from the server function at `path`
    /// (it travels in the page's address). `ServerAction` does this for URL-encoded forms; forms
    /// with files are posted as multipart, which `ServerAction` does not take.
    pub fn from_form_post(path: &str) -> Option<Self> {
        use leptos::server::ServerActionError;
        use leptos::server_fn::error::ServerFnUrlError;
        leptos::prelude::use_context::<ServerActionError>()
            .filter(|error| error.path() == path)
            .map(|error| ServerFnUrlError::<AppError>::decode_err(error.err()))
    }

    /// What the person had typed in `field`, when the form came back with errors.
    pub fn typed(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Invalid { typed, .. } => typed
                .iter()
                .find(|t| t.field == field)
                .map(|t| t.value.as_str()),
            _ => None,
        }
    }

    /// The locale key of a message for the whole form (errors not tied to one field).
    pub fn form_message(&self) -> Option<&'static str> {
        match self {
            AppError::Invalid { .. } => None,
            AppError::BadRequest => Some("error-bad-request"),
            AppError::NotSignedIn => Some("error-not-signed-in"),
            AppError::Forbidden => Some("error-forbidden"),
            AppError::Suspended => Some("error-suspended"),
            AppError::NotFound => Some("error-not-found"),
            AppError::TooManyAttempts { .. } => Some("error-too-many-attempts"),
            AppError::NotSaved => Some("error-not-saved"),
            AppError::Internal => Some("error-internal"),
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid { .. } => 422,
            AppError::BadRequest => 400,
            AppError::NotSignedIn => 401,
            AppError::Forbidden | AppError::Suspended => 403,
            AppError::NotFound => 404,
            AppError::TooManyAttempts { .. } => 429,
            AppError::NotSaved => 503,
            AppError::Internal => 500,
        }
    }
}

/// What a page reads back from its form's last answer, which is `None` until a refusal: the
/// message for a field, and what the person had typed there (so nothing typed is lost).
pub trait Refused {
    /// The locale key of the message for `field`.
    fn field_message(&self, field: &str) -> Option<String>;
    /// What was typed in `field`.
    fn typed_value(&self, field: &str) -> Option<String>;
    /// What was typed in `field`, or `default` on a first visit.
    fn typed_or(&self, field: &str, default: impl Into<String>) -> String {
        self.typed_value(field).unwrap_or_else(|| default.into())
    }
}

impl Refused for Option<AppError> {
    fn field_message(&self, field: &str) -> Option<String> {
        self.as_ref()
            .and_then(|e| e.message_for(field))
            .map(str::to_owned)
    }

    fn typed_value(&self, field: &str) -> Option<String> {
        self.as_ref()
            .and_then(|e| e.typed(field))
            .map(str::to_owned)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            other => {
                // The cause belongs in the log; the person sees only "something went wrong".
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "a server function failed outside its own code");
                #[cfg(not(feature = "ssr"))]
                let _ = other;
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        tracing::error!(%error, "database error");
        if crate::server::infra::database::is_storage_failure(&error) {
            AppError::NotSaved
        } else {
            AppError::Internal
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(error: sea_orm::TransactionError<AppError>) -> Self {
        match error {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e,
        }
    }
}

/// The header by which a failed form post tells `server::form_errors` that the error in its
/// redirect is the server's own, to be signed; that layer removes it before the response leaves.
#[cfg(feature = "ssr")]
pub const FORM_ERROR_MARK: &str = "x-spolu-form-error";

/// Gives a server function's error its HTTP status. A plain HTML form post keeps the redirect
/// back to the form (the error travels in the URL, signed), so its status is left alone. A page
/// whose data could not be read says so in its status too, so no cache or crawler keeps an error
/// page as if it were the page.
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    use axum::http::{HeaderValue, Method, StatusCode, header};
    if let Err(error) = &result {
        match error {
            AppError::Internal => {
                metrics::counter!("spolu_server_errors_total", "kind" => "internal").increment(1)
            }
            AppError::NotSaved => {
                metrics::counter!("spolu_server_errors_total", "kind" => "not_saved").increment(1)
            }
            _ => {}
        }
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>();
        let options = leptos::prelude::use_context::<leptos_axum::ResponseOptions>();
        // A page being rendered calls its server functions directly: that is a GET, and its
        // failure is the page's. Only a POST that asks for HTML is a browser's own form post.
        let is_form_post = parts.as_ref().is_some_and(|parts| {
            parts.method == Method::POST
                && parts
                    .headers
                    .get(header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.contains("text/html"))
        });
        let Some(options) = options else {
            return result;
        };
        if is_form_post {
            options.insert_header(
                axum::http::HeaderName::from_static(FORM_ERROR_MARK),
                HeaderValue::from_static("1"),
            );
            if error == &AppError::NotSignedIn {
                leptos_axum::redirect("/login");
            }
            return result;
        }
        if let Ok(status) = StatusCode::from_u16(error.status()) {
            options.set_status(status);
        }
        if error.status() >= 500 {
            // Which request failed; why was logged where the error was made (a database
            // error by `From<DbErr>`, a missing context by `app_state`).
            tracing::error!(
                path = parts.as_ref().map(|p| p.uri.path()).unwrap_or_default(),
                %error,
                "a request failed on the server"
            );
            options.insert_header(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            options.insert_header(header::RETRY_AFTER, HeaderValue::from_static("10"));
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_gathers_every_field_message_and_keeps_typed_values() {
        let a: Result<(), _> = Err(AppError::field("title", "error-a").keeping(&[("title", "x")]));
        let b: Result<(), _> = Err(AppError::field("photo-1", "error-b"));
        let error = AppError::both(a, b).unwrap_err();
        assert_eq!(error.message_for("title"), Some("error-a"));
        assert_eq!(error.message_for("photo-1"), Some("error-b"));
        assert_eq!(error.typed("title"), Some("x"));
    }

    #[test]
    fn both_lets_a_failure_that_is_not_about_fields_win() {
        let a: Result<(), _> = Err(AppError::field("title", "error-a"));
        let b: Result<(), _> = Err(AppError::Internal);
        assert_eq!(
            AppError::both(a, b.clone()).unwrap_err(),
            AppError::Internal
        );
        assert_eq!(
            AppError::both(b, Ok::<(), AppError>(())).unwrap_err(),
            AppError::Internal
        );
        assert_eq!(
            AppError::both(Ok::<(), AppError>(()), Ok::<(), AppError>(())),
            Ok(((), ()))
        );
    }
}
