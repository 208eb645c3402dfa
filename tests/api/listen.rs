//! "Listen": a proposal read aloud by the server (eSpeak NG, compressed to Ogg Opus), made once
//! per text and voice, made again when the text changes, and given only to who may read it.
use app::domain::Role;
use tests::{TestApp, spawn_app, test_databases};

/// The audio files the server has made so far.
fn made(app: &TestApp) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(app.data_dir().join("speech")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ogg"))
        .collect()
}

/// The Ogg Opus stream's length in seconds, from the granule position of its last page (Opus
/// counts in 48 kHz samples).
fn seconds(ogg: &[u8]) -> f64 {
    let last_page = ogg
        .windows(4)
        .rposition(|w| w == b"OggS")
        .expect("an Ogg page");
    let granule: [u8; 8] = ogg[last_page + 6..last_page + 14].try_into().unwrap();
    u64::from_le_bytes(granule) as f64 / 48_000.0
}

async fn listen(who: &tests::Browser, id: i32, lang: &str) -> reqwest::Response {
    who.get(&format!("/proposals/{id}/listen?lang={lang}"))
        .await
}

async fn listen_to_comment(who: &tests::Browser, comment: i32) -> reqwest::Response {
    who.get(&format!("/comments/{comment}/listen?lang=cs"))
        .await
}

const BODY: &str = "Lavička u vchodu číslo 12 je rozbitá. Navrhuji ji opravit a natřít, aby si \
    na ni mohli sednout starší sousedé, když čekají na autobus.";

#[tokio::test]
async fn a_proposal_is_read_aloud_in_czech_and_english_as_small_ogg_opus() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Oprava lavičky", BODY).await;
        let visitor = app.browser();
        let mut sizes = Vec::new();
        for lang in ["cs", "en"] {
            let response = listen(&visitor, id, lang).await;
            assert_eq!(response.status(), 200, "{lang} {}", database.kind());
            assert_eq!(response.headers()["content-type"], "audio/ogg");
            let audio = response.bytes().await.unwrap();
            assert!(audio.starts_with(b"OggS"), "an Ogg file");
            assert!(
                audio.windows(8).any(|w| w == b"OpusHead"),
                "Opus inside the Ogg"
            );
            let length = seconds(&audio);
            assert!((4.0..30.0).contains(&length), "{lang}: {length} s");
            // ≈ 24 kbit/s: a second of speech is about 3 KB.
            let bits_per_second = audio.len() as f64 * 8.0 / length;
            assert!(
                bits_per_second < 32_000.0,
                "{lang}: {bits_per_second} bit/s"
            );
            sizes.push(audio.len());
        }
        assert_ne!(sizes[0], sizes[1], "two voices, two audios");
        assert_eq!(made(&app).len(), 2);
    }
}

#[tokio::test]
async fn the_audio_is_made_once_and_made_again_when_the_text_changes() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Oprava lavičky", BODY).await;
        let visitor = app.browser();
        let first = listen(&visitor, id, "cs").await.bytes().await.unwrap();
        let again = listen(&visitor, id, "cs").await.bytes().await.unwrap();
        assert_eq!(first, again);
        assert_eq!(made(&app).len(), 1, "made once");

        let own = app.browser();
        own.sign_in_as(&author).await;
        let edited = own
            .call(
                "edit_proposal",
                &[
                    ("proposal", &id.to_string()),
                    ("title", "Oprava dvou laviček"),
                    ("body", BODY),
                    ("category", &category),
                ],
            )
            .await;
        assert_eq!(edited.status(), 200, "{}", database.kind());
        let after = listen(&visitor, id, "cs").await.bytes().await.unwrap();
        assert_ne!(first, after, "the new title is read");
        assert_eq!(made(&app).len(), 2);
    }
}

#[tokio::test]
async fn a_player_may_ask_for_part_of_the_audio_and_learns_its_length() {
    let app = spawn_app(&tests::TestDatabase::Sqlite { path: None }).await;
    let author = app.member(Role::Resident, false).await;
    let id = app.proposal(&author, "Oprava lavičky", BODY).await;
    let visitor = app.browser();
    let whole = listen(&visitor, id, "cs").await.bytes().await.unwrap();
    let part = visitor
        .get_with(
            &format!("/proposals/{id}/listen?lang=cs"),
            ("range", "bytes=0-99"),
        )
        .await;
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 0-99/{}", whole.len()).as_str()
    );
}

#[tokio::test]
async fn hidden_or_waiting_words_are_never_read_aloud_to_who_may_not_read_them() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app
            .proposal(&author, "Kupte si hodinky", "Levně na webu")
            .await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let hidden = staff
            .call(
                "hide_content",
                &[
                    ("kind", "proposal"),
                    ("id", &id.to_string()),
                    ("reason", "other"),
                    ("written", "Reklama"),
                ],
            )
            .await;
        assert_eq!(hidden.status(), 200, "{}", database.kind());
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(listen(&eva, id, "cs").await.status(), 404);
        assert_eq!(listen(&app.browser(), id, "cs").await.status(), 404);
        assert!(made(&app).is_empty(), "nothing was made for them");
        // Staff read hidden words on the page, so they may hear them too.
        assert_eq!(listen(&staff, id, "cs").await.status(), 200);
        // A proposal that does not exist is the same "not found".
        assert_eq!(listen(&eva, id + 1000, "cs").await.status(), 404);
    }
}

#[tokio::test]
async fn the_proposal_page_offers_a_player_that_loads_nothing_before_play() {
    let app = spawn_app(&tests::TestDatabase::Sqlite { path: None }).await;
    let author = app.member(Role::Resident, false).await;
    let id = app.proposal(&author, "Oprava lavičky", BODY).await;
    let html = app
        .browser()
        .get(&format!("/proposals/{id}"))
        .await
        .text()
        .await
        .unwrap();
    let player = html
        .split("<audio")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("an audio player");
    assert!(player.contains(r#"preload="none""#), "{player}");
    assert!(
        player.contains(&format!(r#"src="/proposals/{id}/listen?lang=cs""#)),
        "{player}"
    );
    assert!(made(&app).is_empty(), "made only when someone plays it");
}

#[tokio::test]
async fn a_comment_is_read_aloud_until_it_is_hidden_or_deleted() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Oprava lavičky", BODY).await;
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let comment = |text: &'static str| {
            let eva = &eva;
            async move {
                let response = eva
                    .call(
                        "add_comment",
                        &[("proposal", &id.to_string()), ("text", text)],
                    )
                    .await;
                assert_eq!(response.status(), 200);
                response.json::<i32>().await.unwrap()
            }
        };
        let kept = comment("Souhlasím, lavička tu chybí.").await;
        let hidden = comment("Kupte si hodinky levně na webu.").await;
        let deleted = comment("Tohle smažu.").await;
        let visitor = app.browser();
        let audio = listen_to_comment(&visitor, kept).await;
        assert_eq!(audio.status(), 200, "{}", database.kind());
        assert!(audio.bytes().await.unwrap().starts_with(b"OggS"));

        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let hiding = staff
            .call(
                "hide_content",
                &[
                    ("kind", "comment"),
                    ("id", &hidden.to_string()),
                    ("reason", "other"),
                    ("written", "Reklama"),
                ],
            )
            .await;
        assert_eq!(hiding.status(), 200);
        let removing = eva
            .call("delete_comment", &[("comment", &deleted.to_string())])
            .await;
        assert_eq!(removing.status(), 200);
        assert_eq!(listen_to_comment(&visitor, hidden).await.status(), 404);
        assert_eq!(listen_to_comment(&eva, hidden).await.status(), 404);
        assert_eq!(listen_to_comment(&staff, hidden).await.status(), 200);
        assert_eq!(listen_to_comment(&visitor, deleted).await.status(), 404);
        assert_eq!(
            listen_to_comment(&visitor, deleted + 1000).await.status(),
            404
        );

        // The discussion offers a player under each readable comment only.
        let comments: serde_json::Value = visitor
            .call("list_comments", &[("proposal", &id.to_string())])
            .await
            .json()
            .await
            .unwrap();
        let players: Vec<(i64, bool)> = comments
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["id"].as_i64().unwrap(), c["listen"].is_string()))
            .collect();
        assert_eq!(
            players,
            vec![
                (i64::from(kept), true),
                (i64::from(hidden), false),
                (i64::from(deleted), false)
            ]
        );
    }
}

async fn heard(who: &tests::Browser, path: &str) -> Vec<u8> {
    let response = who.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], "audio/ogg");
    let audio = response.bytes().await.unwrap().to_vec();
    assert!(audio.starts_with(b"OggS"), "{path}: an Ogg file");
    audio
}

#[tokio::test]
async fn a_decision_is_read_aloud_as_its_page_says_it_and_again_with_its_result() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let staff = app.member(Role::Staff, false).await;
        let (decision, _) = app
            .open_decision(&staff, app::domain::Eligibility::CoreGroup, 1)
            .await;
        let path = format!("/decisions/{decision}/listen");
        let visitor = app.browser();
        let czech = heard(&visitor, &format!("{path}?lang=cs")).await;
        let english = heard(&visitor, &format!("{path}?lang=en")).await;
        assert_ne!(czech, english, "{}", database.kind());
        assert!(
            seconds(&czech) > 3.0,
            "the question, who votes and the rule"
        );

        // The page offers it where it says the rule.
        let page: serde_json::Value = visitor
            .call("get_decision", &[("id", &decision.to_string())])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            page["listen"],
            format!("/decisions/{decision}/listen?lang=cs").as_str()
        );

        // Closed, it is read with its result: another text, another audio.
        let (voter, _) = app.signed_in(Role::Resident, true).await;
        let voted = voter
            .call(
                "cast_vote",
                &[("decision", &decision.to_string()), ("choice", "yes")],
            )
            .await;
        assert_eq!(voted.status(), 200);
        let (staff_browser, _) = app.signed_in(Role::Staff, false).await;
        let closed = staff_browser
            .call("close_decision", &[("decision", &decision.to_string())])
            .await;
        assert_eq!(closed.status(), 200);
        let with_result = heard(&visitor, &format!("{path}?lang=cs")).await;
        assert!(
            seconds(&with_result) > seconds(&czech),
            "the result is read too"
        );
        assert_eq!(
            app.browser().get("/decisions/99999/listen").await.status(),
            404
        );
    }
}

#[tokio::test]
async fn an_outcome_is_read_aloud_with_its_updates_and_not_once_its_proposal_is_hidden() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let id = app.proposal(&author, "Oprava lavičky", BODY).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let path = format!("/proposals/{id}/outcome/listen?lang=cs");
        let visitor = app.browser();
        assert_eq!(visitor.get(&path).await.status(), 404, "no outcome yet");

        app.accept_in_meeting(&staff, id).await;
        let pid = id.to_string();
        let published = staff
            .call(
                "publish_outcome",
                &[
                    ("proposal", &pid),
                    ("summary", "Lavičku opraví město."),
                    ("who_does", "Technické služby"),
                    ("due_on", "2027-03-31"),
                    ("stage", "planned"),
                    ("reason", ""),
                ],
            )
            .await;
        assert_eq!(published.status(), 200, "{}", database.kind());
        let first = heard(&visitor, &path).await;
        let shown: serde_json::Value = visitor
            .call("get_outcome", &[("proposal", &pid)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(shown["listen"], path.as_str());

        let updated = staff
            .call_multipart(
                "add_outcome_update",
                &[
                    ("proposal", pid.as_str()),
                    ("body", "Lavička je opravená a natřená."),
                    ("stage", "done"),
                ],
                vec![],
            )
            .await;
        assert_eq!(updated.status(), 200);
        let second = heard(&visitor, &path).await;
        assert!(seconds(&second) > seconds(&first), "the update is read too");
        assert_eq!(made(&app).len(), 2);

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
        assert_eq!(visitor.get(&path).await.status(), 404);
    }
}
