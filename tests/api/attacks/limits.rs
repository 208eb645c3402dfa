//! Every limit under 40 requests at once: password tries per account (signing in, and on a
//! signed-in phone) and per address, invite-code guesses per address, posts per account; and
//! photos that would cost the server gigabytes.
use app::domain::Role;
use futures::future::join_all;
use tests::{spawn_app, spawn_app_with, test_databases};

/// How many answers had each status: (422 wrong, 429 refused before checking, anything else).
fn count(statuses: &[u16]) -> (usize, usize, usize) {
    let wrong = statuses.iter().filter(|s| **s == 422).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    (wrong, refused, statuses.len() - wrong - refused)
}

#[tokio::test]
async fn forty_wrong_passwords_at_once_are_checked_exactly_up_to_the_limit() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let owner = app.member(Role::Resident, false).await;
        let statuses = app.wrong_sign_ins_at_once(&owner.username, 40).await;
        assert_eq!(count(&statuses), (5, 35, 0), "{}", database.kind());
        // The owner is slowed down too, until staff at the desk lift it with a reset code.
        assert_eq!(app.browser().sign_in_as(&owner).await.status(), 429);
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let reset = staff
            .call("make_reset_code", &[("member", &owner.id.to_string())])
            .await;
        assert_eq!(reset.status(), 200);
        assert_eq!(app.browser().sign_in_as(&owner).await.status(), 200);
    }
}

/// A phone found unlocked, signed in: guessing the owner's password through "change password" and
/// "delete my account" is the same guessing as at sign-in, counted under the same account limit.
#[tokio::test]
async fn forty_password_guesses_on_a_signed_in_phone_are_checked_exactly_up_to_the_limit() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (phone, owner) = app.signed_in(Role::Resident, false).await;
        let tries = (0..40).map(|n| {
            let phone = &phone;
            async move {
                let guess = format!("hádám-heslo-{n}");
                let response = if n % 2 == 0 {
                    phone
                        .call(
                            "change_password",
                            &[
                                ("current_password", guess.as_str()),
                                ("new_password", "nové-heslo-na-jaro"),
                            ],
                        )
                        .await
                } else {
                    phone
                        .call(
                            "delete_account",
                            &[("posts", "remove"), ("password", guess.as_str())],
                        )
                        .await
                };
                response.status().as_u16()
            }
        });
        let statuses = join_all(tries).await;
        assert_eq!(count(&statuses), (5, 35, 0), "{}", database.kind());
        // Even the right password now waits, and signing in counts the same account.
        let deleted = phone
            .call(
                "delete_account",
                &[("posts", "remove"), ("password", &owner.password)],
            )
            .await;
        assert_eq!(deleted.status(), 429, "{}", database.kind());
        assert_eq!(app.browser().sign_in_as(&owner).await.status(), 429);
    }
}

#[tokio::test]
async fn sixty_sign_ins_at_once_from_one_address_are_checked_up_to_the_address_limit() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let tries = (0..60).map(|n| {
            let browser = app.browser();
            async move {
                let username = format!("nikdo{n}");
                browser
                    .call(
                        "sign_in",
                        &[("username", &username), ("password", "heslo-12345")],
                    )
                    .await
                    .status()
                    .as_u16()
            }
        });
        let statuses = join_all(tries).await;
        assert_eq!(count(&statuses), (20, 40, 0), "{}", database.kind());
    }
}

#[tokio::test]
async fn guessing_invite_codes_is_limited_per_address() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let tries = (0..25).map(|n| {
            let browser = app.browser();
            async move {
                let username = format!("host{n}");
                browser
                    .call(
                        "join",
                        &[
                            ("code", "K7QM-3XPA"),
                            ("display_name", "Host"),
                            ("username", &username),
                            ("password", "heslo-12345"),
                        ],
                    )
                    .await
                    .status()
                    .as_u16()
            }
        });
        let statuses = join_all(tries).await;
        assert_eq!(count(&statuses), (20, 5, 0), "{}", database.kind());
    }
}

#[tokio::test]
async fn forty_proposals_at_once_stop_exactly_at_the_daily_limit() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let category = app.first_category().await.to_string();
        let (anna, member) = app.signed_in(Role::Resident, false).await;
        let anna = std::sync::Arc::new(anna);
        let posts = (0..40).map(|n| {
            let anna = anna.clone();
            let category = category.clone();
            async move {
                let title = format!("Návrh číslo {n}");
                anna.propose(&[
                    ("title", &title),
                    ("body", "Text."),
                    ("category", &category),
                ])
                .await
                .status()
                .as_u16()
            }
        });
        let statuses = join_all(posts).await;
        let stored = statuses.iter().filter(|s| **s == 200).count();
        assert_eq!(stored, 5, "{statuses:?} on {}", database.kind());
        assert!(
            statuses.iter().all(|s| matches!(s, 200 | 422)),
            "{statuses:?}"
        );
        use app::server::entities::proposal;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let rows = proposal::Entity::find()
            .filter(proposal::Column::AuthorId.eq(member.id))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(rows, 5);
    }
}

#[tokio::test]
async fn a_decompression_bomb_is_refused_at_once_and_counts_against_the_posting_limit() {
    for database in test_databases() {
        let app = spawn_app_with(&database, |c| c.proposals_per_day = 2).await;
        let category = app.first_category().await.to_string();
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let form = [
            ("title", "Lavička"),
            ("body", "Text."),
            ("category", category.as_str()),
        ];
        for _ in 0..2 {
            let started = std::time::Instant::now();
            let response = anna
                .propose_with_photos(&form, vec![("bomba.jpg", tests::jpeg_bomb(12_000))])
                .await;
            assert!(started.elapsed() < std::time::Duration::from_secs(2));
            assert_eq!(response.status(), 422, "{}", database.kind());
            let body: serde_json::Value = response.json().await.unwrap();
            assert_eq!(
                body["Invalid"]["errors"][0]["message"], "error-photo-too-large",
                "{body}"
            );
        }
        // Two refused uploads used up the day's two posts.
        let fields = super::error_fields(anna.propose(&form).await).await;
        assert_eq!(
            fields,
            ["form"],
            "the posting limit's message, for the whole form"
        );
    }
}
