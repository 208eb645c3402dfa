//! Voice messages through HTTP: a proposal or comment said with the voice, in every format
//! phones record in, made again as Ogg Opus; held until staff have listened and written its
//! words; served only to who may read the post; in the data download; gone with "remove my
//! posts" or a deleted comment. Recordings are made in the test with eSpeak NG and ffmpeg.
use app::domain::Role;
use app::server::entities::{comment, proposal};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value;
use std::process::{Command, Stdio};
use tests::{Browser, TestApp, refused_fields, spawn_app, test_databases};

const JSON: &str = "application/json";

/// A short Czech sentence read by eSpeak NG, as WAV.
fn spoken_wav() -> Vec<u8> {
    let output = Command::new("espeak-ng")
        .args([
            "-v",
            "cs",
            "--stdout",
            "Chtěla bych novou lavičku u vchodu.",
        ])
        .output()
        .expect("espeak-ng runs");
    assert!(output.status.success());
    output.stdout
}

/// What ffmpeg reads: bytes of a file, or one of its own generators (`sine=…`, `color=…`).
enum Input<'a> {
    File(&'a [u8]),
    Made(&'a str),
}

/// `input` made into another format by ffmpeg, with the given output arguments.
fn ffmpeg(input: Input<'_>, output_args: &[&str]) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!("spolu-voice-{}", tests::random_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut command = Command::new("ffmpeg");
    command.args(["-nostdin", "-loglevel", "error", "-y"]);
    match input {
        Input::File(bytes) => {
            let source = dir.join("in");
            std::fs::write(&source, bytes).unwrap();
            command.arg("-i").arg(source);
        }
        Input::Made(generator) => {
            command.args(["-f", "lavfi", "-i", generator]);
        }
    }
    let target = dir.join("out");
    let status = command
        .args(output_args)
        .arg(&target)
        .stdin(Stdio::null())
        .status()
        .expect("ffmpeg runs");
    assert!(status.success(), "{output_args:?}");
    let made = std::fs::read(&target).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    made
}

/// AMR-NB frames (12.2 kbit/s, 50 a second) with arbitrary bits: Debian's ffmpeg decodes AMR
/// but cannot encode it, and any bits decode as some sound.
fn amr(seconds: usize) -> Vec<u8> {
    let mut file = b"#!AMR\n".to_vec();
    for frame in 0..seconds * 50 {
        file.push(0x3C);
        file.extend((0..31).map(|i| ((frame * 31 + i).wrapping_mul(2_654_435_761) >> 7) as u8));
    }
    file
}

/// The same recording as each kind of phone sends it: (file name, bytes).
fn phone_recordings() -> Vec<(&'static str, Vec<u8>)> {
    let wav = spoken_wav();
    vec![
        (
            "hlas.m4a",
            ffmpeg(
                Input::File(&wav),
                &["-c:a", "aac", "-b:a", "32k", "-f", "mp4"],
            ),
        ),
        (
            "hlas.3gp",
            ffmpeg(Input::File(&amr(3)), &["-c", "copy", "-f", "3gp"]),
        ),
        ("hlas.amr", amr(3)),
        (
            "hlas.ogg",
            ffmpeg(Input::File(&wav), &["-c:a", "libopus", "-f", "ogg"]),
        ),
        (
            "hlas.webm",
            ffmpeg(Input::File(&wav), &["-c:a", "libopus", "-f", "webm"]),
        ),
        (
            "hlas.mp3",
            ffmpeg(Input::File(&wav), &["-c:a", "libmp3lame", "-f", "mp3"]),
        ),
    ]
}

fn three_minutes() -> Vec<u8> {
    ffmpeg(
        Input::Made("sine=frequency=300:duration=180"),
        &["-c:a", "libopus", "-b:a", "8k", "-f", "ogg"],
    )
}

/// A JPEG photo under an audio file's name.
fn renamed_jpeg() -> (&'static str, Vec<u8>) {
    let photo = ffmpeg(
        Input::Made("color=red:size=40x30"),
        &["-frames:v", "1", "-f", "image2", "-c:v", "mjpeg"],
    );
    assert!(photo.starts_with(&[0xFF, 0xD8]), "a JPEG");
    ("hlas.m4a", photo)
}

async fn voice_proposal(who: &Browser, voice: (&str, Vec<u8>)) -> reqwest::Response {
    who.send_voice(
        "create_proposal",
        &[("title", ""), ("body", ""), ("category", ""), ("place", "")],
        voice,
        JSON,
        "/proposals/new",
    )
    .await
}

fn uploads(app: &TestApp) -> Vec<String> {
    std::fs::read_dir(app.uploads_dir())
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".ogg"))
                .collect()
        })
        .unwrap_or_default()
}

async fn heard(who: &Browser, path: &str) -> u16 {
    let response = who.get(path).await;
    let status = response.status().as_u16();
    if status == 200 {
        assert_eq!(response.headers()["content-type"], "audio/ogg");
        let audio = response.bytes().await.unwrap();
        assert!(audio.starts_with(b"OggS"), "{path}");
        assert!(audio.windows(8).any(|w| w == b"OpusHead"), "{path}");
    }
    status
}

#[tokio::test]
async fn a_proposal_said_in_any_phone_format_is_kept_as_opus_and_waits_for_staff_to_write_it() {
    let recordings = phone_recordings();
    for database in test_databases() {
        let app = spawn_app(&database).await;
        // The categories, "Other" among them, that a proposal without one falls into.
        app.first_category().await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let visitor = app.browser();
        for (name, bytes) in recordings.clone() {
            // One author each: a member may propose only a few times a day.
            let (author, _) = app.signed_in(Role::Resident, false).await;
            let sent = voice_proposal(&author, (name, bytes)).await;
            assert_eq!(sent.status(), 200, "{name} {}", database.kind());
            let id: i32 = sent.json().await.unwrap();
            let row = proposal::Entity::find_by_id(id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            assert!(row.awaiting_text, "{name}");
            assert_eq!(row.status.as_str(), "submitted", "{name}: held");
            let seconds = row.voice_seconds.unwrap();
            assert!((1..=6).contains(&seconds), "{name}: {seconds} s");
            let path = format!("/proposals/{id}/voice");
            // Never public before staff let it through; its author and staff hear it.
            assert_eq!(heard(&visitor, &path).await, 404, "{name}");
            assert_eq!(heard(&author, &path).await, 200, "{name}");
            assert_eq!(heard(&staff, &path).await, 200, "{name}");
        }
        // Only the re-encoded files are kept, one per proposal, and they are not served as
        // plain uploads to anyone.
        let kept = uploads(&app);
        assert_eq!(kept.len(), recordings.len());
        assert_eq!(
            heard(&staff, &format!("/uploads/{}", kept[0])).await,
            404,
            "only through its post's address"
        );
    }
}

#[tokio::test]
async fn staff_write_the_words_of_a_voice_proposal_before_it_opens_and_then_everyone_hears_it() {
    let (name, bytes) = phone_recordings().swap_remove(0);
    for database in test_databases() {
        let app = spawn_app(&database).await;
        // The categories, "Other" among them, that a proposal without one falls into.
        app.first_category().await;
        let (author, _) = app.signed_in(Role::Resident, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let id: i32 = voice_proposal(&author, (name, bytes.clone()))
            .await
            .json()
            .await
            .unwrap();
        let pid = id.to_string();
        let form = [("kind", "proposal"), ("id", pid.as_str())];
        let approve = || staff.call("approve_content", &form);
        assert_eq!(
            refused_fields(approve().await).await,
            [("approve".to_owned(), "error-voice-needs-text".to_owned())],
            "{}",
            database.kind()
        );
        // The queue offers the voice and an empty form to write it down.
        let queue = staff.page_text("/staff").await;
        assert!(
            queue.contains(&format!(r#"src="/proposals/{id}/voice""#)),
            "{queue}"
        );
        let written = staff
            .call(
                "edit_content",
                &[
                    ("kind", "proposal"),
                    ("id", &pid),
                    ("title", "Nová lavička u vchodu"),
                    ("text", "Chtěla bych novou lavičku u vchodu."),
                    ("note", "Napsáno podle hlasové zprávy"),
                ],
            )
            .await;
        assert_eq!(written.status(), 200);
        assert_eq!(approve().await.status(), 200);
        let visitor = app.browser();
        assert_eq!(
            heard(&visitor, &format!("/proposals/{id}/voice")).await,
            200
        );
        let page = visitor.page_text(&format!("/proposals/{id}")).await;
        assert!(page.contains("Chtěla bych novou lavičku u vchodu."));
        assert!(page.contains(&format!(r#"src="/proposals/{id}/voice""#)));
        // Its words are searchable now, like any proposal's.
        let found = visitor.page_text("/proposals?q=lavičku").await;
        assert!(found.contains("Nová lavička u vchodu"), "{found}");

        // Hidden by moderators, its voice is hidden with it.
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &pid),
                    ("reason", "other"),
                    ("written", "Omyl"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200);
        assert_eq!(
            heard(&visitor, &format!("/proposals/{id}/voice")).await,
            404
        );
        assert_eq!(heard(&author, &format!("/proposals/{id}/voice")).await, 404);
    }
}

#[tokio::test]
async fn a_photo_renamed_as_audio_or_a_three_minute_recording_is_refused_and_nothing_is_kept() {
    let jpeg = renamed_jpeg();
    let long = three_minutes();
    for database in test_databases() {
        let app = spawn_app(&database).await;
        // The categories, "Other" among them, that a proposal without one falls into.
        app.first_category().await;
        let (author, _) = app.signed_in(Role::Resident, false).await;
        let refused = voice_proposal(&author, jpeg.clone()).await;
        assert_eq!(
            refused_fields(refused).await,
            [("voice".to_owned(), "error-voice-not-audio".to_owned())],
            "{}",
            database.kind()
        );
        let refused = voice_proposal(&author, ("dlouhe.ogg", long.clone())).await;
        assert_eq!(
            refused_fields(refused).await,
            [("voice".to_owned(), "error-voice-too-long".to_owned())]
        );
        // Every message at once: a bad recording beside a too-long title.
        let both = author
            .send_voice(
                "create_proposal",
                &[("title", &"x".repeat(200)), ("body", "Lavička")],
                jpeg.clone(),
                JSON,
                "/proposals/new",
            )
            .await;
        let fields: Vec<String> = refused_fields(both)
            .await
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(fields, ["title", "voice"]);
        assert_eq!(proposal::Entity::find().count(&app.db).await.unwrap(), 0);
        assert!(uploads(&app).is_empty());

        // Without JavaScript the form comes back with the message next to the field.
        let back = author
            .send_voice(
                "create_proposal",
                &[("title", ""), ("body", "")],
                jpeg.clone(),
                "text/html",
                "/proposals/new",
            )
            .await;
        let location = back.headers()["location"].to_str().unwrap().to_owned();
        let page = author
            .page_text(location.trim_start_matches(&author.base_url))
            .await;
        assert!(
            page.contains("Tohle není zvuková nahrávka."),
            "{location}: {page}"
        );
    }
}

#[tokio::test]
async fn a_voice_comment_waits_for_staff_goes_with_its_comment_and_is_in_the_data_download() {
    let (name, bytes) = phone_recordings().swap_remove(3);
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Lavička", "Chybí lavička.").await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let pid = id.to_string();
        let sent = eva
            .send_voice(
                "send_voice_comment",
                &[("proposal", &pid), ("text", "")],
                (name, bytes.clone()),
                JSON,
                &format!("/proposals/{id}"),
            )
            .await;
        assert_eq!(sent.status(), 200, "{}", database.kind());
        let comment_id: i32 = sent.json().await.unwrap();
        let path = format!("/comments/{comment_id}/voice");
        let visitor = app.browser();
        assert_eq!(heard(&visitor, &path).await, 404, "held");
        assert_eq!(heard(&eva, &path).await, 200, "its author hears it");
        let approve = staff
            .call(
                "approve_content",
                &[("kind", "comment"), ("id", &comment_id.to_string())],
            )
            .await;
        assert_eq!(
            refused_fields(approve).await,
            [("approve".to_owned(), "error-voice-needs-text".to_owned())]
        );
        let written = staff
            .call(
                "edit_content",
                &[
                    ("kind", "comment"),
                    ("id", &comment_id.to_string()),
                    ("text", "Taky chci lavičku."),
                    ("note", "Napsáno podle hlasové zprávy"),
                ],
            )
            .await;
        assert_eq!(written.status(), 200);
        let approve = staff
            .call(
                "approve_content",
                &[("kind", "comment"), ("id", &comment_id.to_string())],
            )
            .await;
        assert_eq!(approve.status(), 200);
        assert_eq!(heard(&visitor, &path).await, 200, "let through");
        let comments: Value = visitor
            .call("list_comments", &[("proposal", &pid)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(comments[0]["voice"]["url"], path.as_str());
        assert_eq!(comments[0]["text"], "Taky chci lavičku.");

        // A voice with words, and none at all.
        let with_words = eva
            .send_voice(
                "send_voice_comment",
                &[("proposal", &pid), ("text", "Řeknu to i nahlas.")],
                (name, bytes.clone()),
                JSON,
                &format!("/proposals/{id}"),
            )
            .await;
        assert_eq!(with_words.status(), 200);
        let without = eva
            .call_multipart("send_voice_comment", &[("proposal", &pid)], vec![])
            .await;
        assert_eq!(
            refused_fields(without).await,
            [("voice".to_owned(), "error-voice-missing".to_owned())]
        );
        // Nobody signed in: refused before the file is read.
        let stranger = visitor
            .send_voice(
                "send_voice_comment",
                &[("proposal", &pid)],
                (name, bytes.clone()),
                JSON,
                "/",
            )
            .await;
        assert_eq!(stranger.status(), 401);

        // The member's data download holds both recordings, whole.
        let download: Value = eva.get("/me/data.json").await.json().await.unwrap();
        let voices: Vec<&str> = download["comments"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["voice"]["audio"].as_str())
            .collect();
        assert_eq!(voices.len(), 2);
        assert!(
            voices
                .iter()
                .all(|a| a.starts_with("data:audio/ogg;base64,T2dnUw"))
        );

        // Deleting a comment removes its recording; "remove my posts" removes the rest.
        assert_eq!(uploads(&app).len(), 2);
        let deleted = eva
            .call("delete_comment", &[("comment", &comment_id.to_string())])
            .await;
        assert_eq!(deleted.status(), 200);
        assert_eq!(uploads(&app).len(), 1);
        let gone = eva
            .call(
                "delete_account",
                &[("posts", "remove"), ("password", &eva_member.password)],
            )
            .await;
        assert_eq!(gone.status(), 200);
        assert!(uploads(&app).is_empty());
        let rows = comment::Entity::find().all(&app.db).await.unwrap();
        assert!(rows.iter().all(|c| c.voice_file.is_none()));
    }
}

#[tokio::test]
async fn a_persons_reading_plays_instead_of_the_machine_until_the_text_changes() {
    let (name, bytes) = phone_recordings().swap_remove(0);
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Lavička", "Chybí lavička u vchodu.")
            .await;
        let pid = id.to_string();
        let own = app.browser();
        own.sign_in_as(&author).await;
        let (neighbour, _) = app.signed_in(Role::Resident, true).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let read = |who: &'static str, kind: &'static str, target: String| {
            let browser = match who {
                "author" => &own,
                "neighbour" => &neighbour,
                "staff" => &staff,
                _ => unreachable!(),
            };
            let bytes = bytes.clone();
            async move {
                browser
                    .send_voice(
                        "record_reading",
                        &[("kind", kind), ("id", &target)],
                        (name, bytes),
                        JSON,
                        "/",
                    )
                    .await
                    .status()
            }
        };
        // Only its author and staff read a proposal; a visitor is asked to sign in first.
        assert_eq!(
            read("neighbour", "proposal", pid.clone()).await,
            403,
            "{}",
            database.kind()
        );
        let visitor = app.browser();
        let stranger = visitor
            .send_voice(
                "record_reading",
                &[("kind", "proposal"), ("id", &pid)],
                (name, bytes.clone()),
                JSON,
                "/",
            )
            .await;
        assert_eq!(stranger.status(), 401);
        assert_eq!(read("author", "proposal", pid.clone()).await, 200);
        let kept = uploads(&app);
        assert_eq!(kept.len(), 1);
        let reading = std::fs::read(app.uploads_dir().join(&kept[0])).unwrap();
        for lang in ["cs", "en"] {
            let heard = visitor
                .get(&format!("/proposals/{id}/listen?lang={lang}"))
                .await
                .bytes()
                .await
                .unwrap();
            assert_eq!(
                heard.as_ref(),
                reading.as_slice(),
                "the author's voice in {lang}"
            );
        }
        let speech = app.data_dir().join("speech");
        let synthesized = || {
            std::fs::read_dir(&speech)
                .map(|d| {
                    d.flatten()
                        .filter(|e| e.path().extension().is_some_and(|x| x == "ogg"))
                        .count()
                })
                .unwrap_or(0)
        };
        assert_eq!(synthesized(), 0, "the machine did not speak");

        // The text changes: the machine reads the new one.
        let edited = own
            .call(
                "edit_proposal",
                &[
                    ("proposal", &pid),
                    ("title", "Dvě lavičky"),
                    ("body", "Chybí dvě lavičky u vchodu."),
                    ("category", &category),
                ],
            )
            .await;
        assert_eq!(edited.status(), 200);
        let heard = visitor
            .get(&format!("/proposals/{id}/listen?lang=cs"))
            .await
            .bytes()
            .await
            .unwrap();
        assert_ne!(heard.as_ref(), reading.as_slice());
        assert_eq!(synthesized(), 1);

        // A decision and an outcome are read by staff only.
        let staff_member = app.member(Role::Staff, false).await;
        let decision = app
            .open_decision_on(&staff_member, id, app::domain::Eligibility::CoreGroup, 1)
            .await;
        assert_eq!(
            read("neighbour", "decision", decision.to_string()).await,
            403
        );
        assert_eq!(read("staff", "decision", decision.to_string()).await, 200);
        let heard = visitor
            .get(&format!("/decisions/{decision}/listen?lang=en"))
            .await;
        assert_eq!(heard.status(), 200);
        assert_eq!(synthesized(), 1, "the staff's reading, not the machine's");
        assert_eq!(
            read("staff", "outcome", pid.clone()).await,
            404,
            "no outcome yet"
        );

        // The author's reading is theirs: in the data download, gone with their posts.
        let download: Value = own.get("/me/data.json").await.json().await.unwrap();
        assert_eq!(download["readings"][0]["kind"], "proposal");
        assert!(
            download["readings"][0]["voice"]["audio"]
                .as_str()
                .unwrap()
                .starts_with("data:audio/ogg;base64,")
        );
        let gone = own
            .call(
                "delete_account",
                &[("posts", "remove"), ("password", &author.password)],
            )
            .await;
        assert_eq!(gone.status(), 200);
        assert_eq!(
            uploads(&app).len(),
            1,
            "only the staff's reading of the decision"
        );
    }
}
