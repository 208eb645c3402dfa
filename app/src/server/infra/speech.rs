//! Texts read aloud by the server, so "Listen" works on every phone, with or without JavaScript
//! and whatever voices the phone has. eSpeak NG speaks the text in the page's language; ffmpeg
//! compresses it to Opus in an Ogg file (≈ 24 kbit/s mono: a 30-second text is under 100 KB).
//! Both come from Debian's packages (the README's commands install them). Each audio is made once
//! for a text and a voice and kept in a cache folder under a hash of both, so a changed text gets
//! new audio and an unchanged one is never made twice. Where the tools are missing, Spolu says so
//! in one log line at start and the pages keep the browser's own speech instead.
use crate::error::AppError;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;
use tokio::sync::Semaphore;

/// Bump when the voices or the encoding change, so every cached audio is made again.
const RECIPE: &str = "espeak-ng/opus-24k/1";
/// Making audio takes a core for about a second per 100 words; two at a time leave the other
/// requests room on a small machine.
const MAKING_AT_ONCE: usize = 2;
/// What is read aloud at the most; longer texts are cut at a word (a proposal is at most 5 000
/// characters, so this is only a guard).
const MAX_CHARS: usize = 6_000;

#[derive(Debug)]
pub struct Speech {
    /// `None` when eSpeak NG or ffmpeg is missing.
    cache: Option<PathBuf>,
    making: Semaphore,
}

impl Speech {
    /// Checks for the tools and prepares the cache folder; says in one log line when the server
    /// cannot speak, and why.
    pub async fn start(cache: PathBuf) -> Self {
        let mut missing = Vec::new();
        for (tool, flag) in [("espeak-ng", "--version"), ("ffmpeg", "-version")] {
            let runs = Command::new(tool)
                .arg(flag)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .await
                .is_ok_and(|status| status.success());
            if !runs {
                missing.push(tool);
            }
        }
        let cache = if !missing.is_empty() {
            tracing::warn!(
                missing = missing.join(", "),
                "the server cannot read texts aloud (install the Debian packages espeak-ng and ffmpeg); pages offer the browser's own speech instead"
            );
            None
        } else if let Err(error) = tokio::fs::create_dir_all(&cache).await {
            tracing::warn!(%error, dir = %cache.display(), "the server cannot read texts aloud: no folder for the audio");
            None
        } else {
            Some(cache)
        };
        Self {
            cache,
            making: Semaphore::new(MAKING_AT_ONCE),
        }
    }

    pub fn can_speak(&self) -> bool {
        self.cache.is_some()
    }

    /// Where uploaded recordings are put while ffmpeg reads them; `None` without the tools.
    pub(super) fn work_dir(&self) -> Option<&Path> {
        self.cache.as_deref()
    }

    /// A turn to run ffmpeg, shared with reading aloud, so uploads and speech together never
    /// take more than `MAKING_AT_ONCE` cores.
    pub(super) async fn turn(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        self.making.acquire().await.ok()
    }

    /// The file holding `text` read aloud in `language` (`cs` or `en`), made now if it is not
    /// made yet. Its name is the hash of the text and the voice, which also serves as its ETag.
    pub async fn audio(&self, text: &str, language: &str) -> Result<PathBuf, AppError> {
        let Some(cache) = &self.cache else {
            return Err(AppError::NotFound);
        };
        let voice = voice(language);
        let text = speakable(text);
        let path = cache.join(format!("{}.ogg", key(&text, voice)));
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(path);
        }
        let _turn = self
            .making
            .acquire()
            .await
            .map_err(|_| AppError::Internal)?;
        // Someone may have made it while this request waited for its turn.
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(path);
        }
        let audio = make(&text, voice).await?;
        store(&path, &audio).await?;
        Ok(path)
    }
}

/// eSpeak NG's voice for a page language; Czech unless the page is in English.
fn voice(language: &str) -> &'static str {
    if language == "en" { "en" } else { "cs" }
}

/// The text as it is read: blank lines as pauses, and cut at a word past `MAX_CHARS`.
fn speakable(text: &str) -> String {
    let mut spoken = String::with_capacity(text.len().min(MAX_CHARS));
    for word in text.split_whitespace() {
        if spoken.len() + word.len() > MAX_CHARS {
            break;
        }
        if !spoken.is_empty() {
            spoken.push(' ');
        }
        spoken.push_str(word);
    }
    spoken
}

fn key(text: &str, voice: &str) -> String {
    let mut hash = Sha256::new();
    for part in [RECIPE, voice, text] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    format!("{:x}", hash.finalize())
}

/// eSpeak NG reads the text from its input (never from the command line, where it could pass
/// for an option) into WAV, which ffmpeg turns into Ogg Opus.
async fn make(text: &str, voice: &str) -> Result<Vec<u8>, AppError> {
    let failed = |step: &str, error: &dyn std::fmt::Display| {
        tracing::error!(%error, step, "reading a text aloud failed");
        AppError::Internal
    };
    let mut espeak = Command::new("espeak-ng")
        .args(["-v", voice, "-s", "150", "--stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| failed("starting espeak-ng", &e))?;
    let mut input = espeak.stdin.take().ok_or(AppError::Internal)?;
    let text = text.to_owned();
    let feeding = tokio::spawn(async move {
        let written = input.write_all(text.as_bytes()).await;
        drop(input);
        written
    });
    let wav = espeak
        .wait_with_output()
        .await
        .map_err(|e| failed("espeak-ng", &e))?;
    feeding
        .await
        .map_err(|e| failed("feeding espeak-ng", &e))?
        .map_err(|e| failed("feeding espeak-ng", &e))?;
    if !wav.status.success() || wav.stdout.is_empty() {
        return Err(failed("espeak-ng", &wav.status));
    }
    encode(Source::Ours(&wav.stdout))
        .await?
        .ok_or_else(|| failed("ffmpeg", &"no audio came out"))
}

/// Where ffmpeg reads audio from.
pub(super) enum Source<'a> {
    /// Audio Spolu made itself (eSpeak NG's WAV), through a pipe.
    Ours(&'a [u8]),
    /// A file someone uploaded: read only by the demuxers of the formats phones record in
    /// (never a playlist that could point ffmpeg at other files), its first audio stream only,
    /// and no longer than `seconds`.
    Upload { path: &'a Path, seconds: u32 },
}

/// Phones record in MP4/M4A (AAC), 3GP (AMR), Ogg and WebM (Opus) and MP3; WAV, AAC and FLAC
/// files are audio too. Nothing else is even opened.
const UPLOAD_FORMATS: &str = "mov,mp4,m4a,3gp,3g2,mj2,ogg,matroska,webm,mp3,amr,wav,aac,flac";

/// The audio as Ogg Opus at 24 kbit/s, mono; metadata is not carried over. `None` when ffmpeg
/// could not read it as audio.
pub(super) async fn encode(source: Source<'_>) -> Result<Option<Vec<u8>>, AppError> {
    let failed = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "compressing audio failed");
        AppError::Internal
    };
    let mut ffmpeg = Command::new("ffmpeg");
    ffmpeg.args(["-nostdin", "-loglevel", "error"]);
    let mut bytes = None;
    match source {
        Source::Ours(audio) => {
            ffmpeg.args(["-i", "pipe:0"]);
            bytes = Some(audio.to_vec());
        }
        Source::Upload { path, seconds } => {
            ffmpeg
                .args(["-protocol_whitelist", "file", "-format_whitelist"])
                .arg(UPLOAD_FORMATS)
                .arg("-i")
                .arg(path)
                .args(["-map", "0:a:0", "-t"])
                .arg(seconds.to_string());
        }
    }
    ffmpeg
        .args([
            "-map_metadata",
            "-1",
            "-ac",
            "1",
            "-ar",
            "16000",
            "-c:a",
            "libopus",
            "-b:a",
            "24k",
            "-application",
            "voip",
            "-f",
            "ogg",
            "pipe:1",
        ])
        .stdin(if bytes.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    let mut ffmpeg = ffmpeg.spawn().map_err(|e| failed(&e))?;
    let feeding = match (bytes, ffmpeg.stdin.take()) {
        (Some(audio), Some(mut input)) => Some(tokio::spawn(async move {
            let written = input.write_all(&audio).await;
            drop(input);
            written
        })),
        _ => None,
    };
    let output = ffmpeg.wait_with_output().await.map_err(|e| failed(&e))?;
    // A broken pipe here only means ffmpeg stopped reading; its own status says why.
    if let Some(feeding) = feeding {
        let _ = feeding.await;
    }
    if !output.status.success() || output.stdout.is_empty() {
        return Ok(None);
    }
    Ok(Some(output.stdout))
}

/// An Ogg Opus stream's length in seconds, from the granule position of its last page (Opus
/// counts in 48 kHz samples, from the stream's start).
pub(super) fn ogg_seconds(ogg: &[u8]) -> Option<f64> {
    let last_page = ogg.windows(4).rposition(|w| w == b"OggS")?;
    let granule: [u8; 8] = ogg.get(last_page + 6..last_page + 14)?.try_into().ok()?;
    Some(u64::from_le_bytes(granule) as f64 / 48_000.0)
}

/// Writes the audio under a temporary name first, so a reader never finds half a file.
async fn store(path: &Path, audio: &[u8]) -> Result<(), AppError> {
    let partial = path.with_extension(format!("{}.part", rand::random::<u64>()));
    let written = async {
        tokio::fs::write(&partial, audio).await?;
        tokio::fs::rename(&partial, path).await
    }
    .await;
    written.map_err(|error| {
        tracing::error!(%error, path = %path.display(), "keeping read-aloud audio failed");
        AppError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_and_voice_share_one_audio_and_any_change_makes_another() {
        assert_eq!(key("Lavička", "cs"), key("Lavička", "cs"));
        assert_ne!(key("Lavička", "cs"), key("Lavička", "en"));
        assert_ne!(key("Lavička", "cs"), key("Lavicka", "cs"));
    }

    #[test]
    fn a_text_is_read_as_words_and_never_past_the_limit() {
        assert_eq!(speakable("  Oprava\n\nlavičky  "), "Oprava lavičky");
        let long = "slovo ".repeat(2_000);
        assert!(speakable(&long).len() <= MAX_CHARS);
        assert!(speakable(&long).ends_with("slovo"));
    }

    #[test]
    fn english_pages_are_read_in_english_and_everything_else_in_czech() {
        assert_eq!(voice("en"), "en");
        assert_eq!(voice("cs"), "cs");
        assert_eq!(voice("de"), "cs");
    }
}
