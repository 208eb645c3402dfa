//! Voice messages: a resident may propose or comment by speaking instead of (or besides)
//! writing. An upload is trusted for nothing: only what ffmpeg decodes as audio from the formats
//! phones record in is accepted, at most two minutes and 10 MB, and it is made again as Ogg Opus
//! (24 kbit/s, mono) with no metadata, so nothing but the voice is kept. The file is stored
//! through the `FileStore` like a photo and served only to who may read its post.
use super::file_store::{FileKind, FileStore};
use super::speech::{Source, Speech, encode, ogg_seconds};
use crate::error::AppError;

/// A phone's two-minute recording is well under this in any format it records in.
pub const MAX_VOICE_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_VOICE_SECONDS: u32 = crate::views::proposals::VOICE_MAX_SECONDS;

/// Why a recording was refused, as a locale key shown next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoiceProblem {
    TooLarge,
    TooLong,
    NotAudio,
    /// This server has no ffmpeg (see `Speech::start`).
    Unavailable,
}

impl VoiceProblem {
    pub fn message(self) -> &'static str {
        match self {
            VoiceProblem::TooLarge => "error-voice-too-large",
            VoiceProblem::TooLong => "error-voice-too-long",
            VoiceProblem::NotAudio => "error-voice-not-audio",
            VoiceProblem::Unavailable => "error-voice-unavailable",
        }
    }
}

/// A recording that has been decoded and made again; only [`check`] makes one.
#[derive(Debug, Clone)]
pub struct Voice {
    ogg: Vec<u8>,
    seconds: u32,
}

/// A stored recording: its file's name and its length.
#[derive(Debug, Clone)]
pub struct StoredVoice {
    pub file_name: String,
    pub seconds: i32,
}

/// Decodes `bytes` and makes them a voice message, or says why not.
pub async fn check(speech: &Speech, bytes: &[u8]) -> Result<Voice, VoiceProblem> {
    if bytes.len() > MAX_VOICE_BYTES {
        return Err(VoiceProblem::TooLarge);
    }
    let Some(dir) = speech.work_dir() else {
        return Err(VoiceProblem::Unavailable);
    };
    let _turn = speech.turn().await;
    // ffmpeg reads an MP4 from a file, not a pipe: phones write its index at the end.
    let path = dir.join(format!("{:032x}.upload", rand::random::<u128>()));
    if let Err(error) = tokio::fs::write(&path, bytes).await {
        tracing::error!(%error, "keeping an uploaded recording to read it failed");
        return Err(VoiceProblem::Unavailable);
    }
    // One second past the limit is read, so a longer recording is told apart from one that fits.
    let source = Source::Upload {
        path: &path,
        seconds: MAX_VOICE_SECONDS + 1,
    };
    let made = encode(source).await;
    let _ = tokio::fs::remove_file(&path).await;
    let ogg = match made {
        Ok(Some(ogg)) => ogg,
        Ok(None) => return Err(VoiceProblem::NotAudio),
        Err(_) => return Err(VoiceProblem::Unavailable),
    };
    let seconds = ogg_seconds(&ogg).ok_or(VoiceProblem::NotAudio)?;
    if seconds > f64::from(MAX_VOICE_SECONDS) + 0.5 {
        return Err(VoiceProblem::TooLong);
    }
    Ok(Voice {
        ogg,
        // At least a second, so a very short message never reads "0:00".
        seconds: (seconds.round() as u32).max(1),
    })
}

/// [`check`], with a refusal as a message on the form's `voice` field.
pub async fn check_field(speech: &Speech, bytes: &[u8]) -> Result<Voice, AppError> {
    check(speech, bytes)
        .await
        .map_err(|problem| AppError::field("voice", problem.message()))
}

/// Stores the recording; remove it again with [`remove`] if what it belongs to is not saved.
pub async fn store(files: &dyn FileStore, voice: &Voice) -> Result<StoredVoice, AppError> {
    let file_name = files.put(&voice.ogg, FileKind::OggOpus).await?;
    Ok(StoredVoice {
        file_name,
        seconds: i32::try_from(voice.seconds).unwrap_or(i32::MAX),
    })
}

pub async fn remove(files: &dyn FileStore, stored: Option<&StoredVoice>) {
    if let Some(stored) = stored {
        files.remove(&stored.file_name).await;
    }
}
