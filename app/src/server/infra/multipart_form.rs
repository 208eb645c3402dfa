//! Reading a form that carries files (`enctype="multipart/form-data"`), as a browser posts it with
//! or without JavaScript. Text fields are small; each file is read up to just past its size
//! limit, so an oversized photo or recording gets its own message instead of filling the server's memory.
use crate::error::AppError;
use crate::server::infra::photos::{MAX_PHOTO_BYTES, Upload};
use crate::server::infra::voice::MAX_VOICE_BYTES;
use leptos::server_fn::codec::MultipartData;
use std::collections::HashMap;

/// The larger of a photo's and a recording's limits.
const MAX_FILE_BYTES: usize = if MAX_PHOTO_BYTES > MAX_VOICE_BYTES {
    MAX_PHOTO_BYTES
} else {
    MAX_VOICE_BYTES
};
/// The file field that carries a voice message; every other file field carries photos.
pub const VOICE_FIELD: &str = "voice";

/// Far more than any text field of Spolu holds (2 000 characters of up to 4 bytes).
const MAX_TEXT_BYTES: usize = 64 * 1024;

#[derive(Debug, Default)]
pub struct MultipartForm {
    texts: HashMap<String, String>,
    /// Photos in the order the form sent them; empty file inputs are left out.
    pub files: Vec<Upload>,
    /// The file of the field named `voice`: a voice message (see `infra::voice`).
    pub voice: Option<Upload>,
}

impl MultipartForm {
    /// The text of a field, or "" when the form did not send it.
    pub fn text(&self, name: &str) -> &str {
        self.texts.get(name).map_or("", String::as_str)
    }

    pub async fn read(data: MultipartData) -> Result<Self, AppError> {
        let mut multipart = data.into_inner().ok_or(AppError::BadRequest)?;
        let mut form = MultipartForm::default();
        while let Some(mut field) = multipart.next_field().await.map_err(bad_request)? {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let mut bytes = Vec::new();
                    while let Some(chunk) = field.chunk().await.map_err(bad_request)? {
                        // Past the limit the rest is read and dropped: the file is refused anyway.
                        let room = (MAX_FILE_BYTES + 1).saturating_sub(bytes.len());
                        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    }
                    // A file input left empty still sends a part, with no name and no bytes.
                    if !(file_name.is_empty() && bytes.is_empty()) {
                        let upload = Upload { file_name, bytes };
                        if name == VOICE_FIELD {
                            form.voice = Some(upload);
                        } else {
                            form.files.push(upload);
                        }
                    }
                }
                None => {
                    let mut text = Vec::new();
                    while let Some(chunk) = field.chunk().await.map_err(bad_request)? {
                        if text.len() + chunk.len() > MAX_TEXT_BYTES {
                            return Err(AppError::BadRequest);
                        }
                        text.extend_from_slice(&chunk);
                    }
                    let text = String::from_utf8(text).map_err(|_| AppError::BadRequest)?;
                    form.texts.insert(name, text);
                }
            }
        }
        Ok(form)
    }
}

fn bad_request(error: impl std::fmt::Display) -> AppError {
    tracing::info!(%error, "a multipart form could not be read");
    AppError::BadRequest
}
