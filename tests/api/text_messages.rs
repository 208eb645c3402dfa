//! Text messages (SMS) through HTTP, against an SMS gateway on port 0: only admins set the
//! gateway up and its password never comes back; a member gives a number with consent (staff
//! only with the member's); the most important news reaches those numbers once, never a vote;
//! the monthly cap holds across instances; the number is in the member's data and gone with the
//! account.
use app::domain::{Eligibility, QuietHours, Role};
use app::server::entities::{moderation_log, sms_message, sms_month, sms_number};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value;
use tests::{
    Browser, FakeSmsGateway, TestApp, TestDatabase, refused_fields, spawn_app_with, test_databases,
};

/// A server with no quiet night (tests run at any hour).
async fn sms_app(database: &TestDatabase) -> TestApp {
    spawn_app_with(database, |c| {
        c.quiet_hours = QuietHours::parse("0-0").unwrap();
    })
    .await
}

async fn set_gateway(admin: &Browser, url: &str, cap: &str) -> reqwest::Response {
    admin
        .call(
            "save_text_gateway",
            &[
                ("url", url),
                ("username", "spolu"),
                ("password", "tajne-heslo-brany"),
                (
                    "body",
                    r#"{"phoneNumbers": ["{number}"], "message": "{text}"}"#,
                ),
                ("monthly_cap", cap),
            ],
        )
        .await
}

async fn give_number(browser: &Browser, number: &str) -> reqwest::Response {
    browser
        .call("save_my_phone", &[("number", number), ("consent", "on")])
        .await
}

#[tokio::test]
async fn only_admins_set_up_the_gateway_and_its_password_never_comes_back() {
    for database in test_databases() {
        let app = sms_app(&database).await;
        let gateway = FakeSmsGateway::start().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        for browser in [&staff, &anna] {
            assert_eq!(set_gateway(browser, &gateway.url, "10").await.status(), 403);
            assert_eq!(browser.call("get_text_gateway", &[]).await.status(), 403);
        }
        assert_eq!(
            app.browser().call("get_text_gateway", &[]).await.status(),
            401
        );

        // Every field is checked at once, and nothing is stored.
        let bad = admin
            .call(
                "save_text_gateway",
                &[
                    ("url", "file:///etc/passwd"),
                    ("username", ""),
                    ("password", ""),
                    ("body", "to={number}"),
                    ("monthly_cap", "-1"),
                ],
            )
            .await;
        let mut fields: Vec<String> = refused_fields(bad).await.into_iter().map(|f| f.0).collect();
        fields.sort();
        assert_eq!(
            fields,
            ["body", "monthly_cap", "url"],
            "{}",
            database.kind()
        );
        let view: Value = admin
            .call("get_text_gateway", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view["url"], "");
        assert_eq!(view["password_set"], false);

        assert_eq!(set_gateway(&admin, &gateway.url, "10").await.status(), 200);
        let answer = admin.call("get_text_gateway", &[]).await;
        let text = answer.text().await.unwrap();
        assert!(
            !text.contains("tajne-heslo-brany"),
            "the password stays on the server"
        );
        let view: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(view["url"], gateway.url.as_str());
        assert_eq!(view["password_set"], true);
        assert_eq!(view["monthly_cap"], 10);
        // The admin page does not show it either.
        assert!(
            !admin
                .page_text("/admin")
                .await
                .contains("tajne-heslo-brany")
        );

        // An empty password keeps the stored one.
        let kept = admin
            .call(
                "save_text_gateway",
                &[
                    ("url", &gateway.url),
                    ("username", "spolu"),
                    ("password", ""),
                    (
                        "body",
                        r#"{"phoneNumbers": ["{number}"], "message": "{text}"}"#,
                    ),
                    ("monthly_cap", "10"),
                ],
            )
            .await;
        assert_eq!(kept.status(), 200);
        let view: Value = admin
            .call("get_text_gateway", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view["password_set"], true);
    }
}

#[tokio::test]
async fn a_member_gives_a_number_with_consent_and_staff_only_with_theirs() {
    for database in test_databases() {
        let app = sms_app(&database).await;
        let gateway = FakeSmsGateway::start().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, eva_member) = app.signed_in(Role::Resident, false).await;

        // No gateway yet: not offered, and a number is not taken.
        let mine: Value = anna
            .call("get_my_text_messages", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(mine["offered"], false, "{}", database.kind());
        assert!(!anna.page_text("/me").await.contains("id=\"text-messages\""));
        assert_eq!(
            refused_fields(give_number(&anna, "777 123 456").await).await,
            [("number".to_owned(), "error-sms-not-offered".to_owned())]
        );

        // Who may is asked first: staff are refused an admin's number before anything else.
        let an_admin = app.member(Role::Admin, false).await.id.to_string();
        let for_an_admin = [
            ("member", an_admin.as_str()),
            ("number", "604 111 223"),
            ("consent", "on"),
        ];
        assert_eq!(
            staff.call("set_member_phone", &for_an_admin).await.status(),
            403
        );
        assert_eq!(set_gateway(&admin, &gateway.url, "10").await.status(), 200);
        assert_eq!(
            refused_fields(
                anna.call("save_my_phone", &[("number", "777 123 456")])
                    .await
            )
            .await,
            [("consent".to_owned(), "error-sms-consent".to_owned())]
        );
        for typed in ["=1+1", "<b>777</b>", "12"] {
            assert_eq!(
                refused_fields(give_number(&anna, typed).await).await,
                [("number".to_owned(), "error-phone-invalid".to_owned())],
                "{typed}"
            );
        }
        assert_eq!(sms_number::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(give_number(&anna, "+420 777 123 456").await.status(), 200);
        let mine: Value = anna
            .call("get_my_text_messages", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(mine["number"], "+420 777 123 456");
        assert!(anna.page_text("/me").await.contains("+420 777 123 456"));

        // Another resident can neither set nor remove anna's number, nor read it.
        let anna_id = anna_member.id.to_string();
        let form = [
            ("member", anna_id.as_str()),
            ("number", "777 000 000"),
            ("consent", "on"),
        ];
        assert_eq!(eva.call("set_member_phone", &form).await.status(), 403);
        assert_eq!(
            eva.call("remove_member_phone", &[("member", &anna_id)])
                .await
                .status(),
            403
        );
        assert_eq!(eva.call("search_members", &[("q", "")]).await.status(), 403);
        for path in [
            format!(
                "/proposals/{}",
                app.proposal(&anna_member, "Lavička", "Text").await
            ),
            "/staff/members".to_owned(),
        ] {
            assert!(
                !eva.page_text(&path).await.contains("777 123 456"),
                "{path}"
            );
        }
        let mine: Value = eva
            .call("get_my_text_messages", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(mine["number"], Value::Null);

        // Staff see it, and add one at the desk only with the member's consent, logged.
        let rows: Value = staff
            .call("search_members", &[("q", "")])
            .await
            .json()
            .await
            .unwrap();
        let anna_row = rows
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == anna_member.id)
            .unwrap();
        assert_eq!(anna_row["phone"], "+420 777 123 456");
        let eva_id = eva_member.id.to_string();
        let without = [("member", eva_id.as_str()), ("number", "604 111 222")];
        assert_eq!(
            refused_fields(staff.call("set_member_phone", &without).await).await,
            [("consent".to_owned(), "error-sms-consent".to_owned())]
        );
        let with = [
            ("member", eva_id.as_str()),
            ("number", "604 111 222"),
            ("consent", "on"),
        ];
        assert_eq!(staff.call("set_member_phone", &with).await.status(), 200);
        let mine: Value = eva
            .call("get_my_text_messages", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(mine["number"], "+420 604 111 222");
        // Staff do not set an admin's number.
        let admin_member = app.member(Role::Admin, false).await;
        let admin_id = admin_member.id.to_string();
        let for_admin = [
            ("member", admin_id.as_str()),
            ("number", "604 111 223"),
            ("consent", "on"),
        ];
        assert_eq!(
            staff.call("set_member_phone", &for_admin).await.status(),
            403
        );

        // The member removes their own; staff remove another's; both logged for staff only.
        assert_eq!(anna.call("remove_my_phone", &[]).await.status(), 200);
        assert_eq!(
            refused_fields(anna.call("remove_my_phone", &[]).await).await,
            [("number".to_owned(), "error-sms-no-number".to_owned())]
        );
        assert_eq!(
            staff
                .call("remove_member_phone", &[("member", &eva_id)])
                .await
                .status(),
            200
        );
        assert_eq!(sms_number::Entity::find().count(&app.db).await.unwrap(), 0);
        let logged: Vec<String> = moderation_log::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.action.as_str().to_owned())
            .filter(|a| a.ends_with("phone"))
            .collect();
        assert_eq!(logged, ["set_phone", "remove_phone"]);
    }
}

#[tokio::test]
async fn the_most_important_news_reaches_numbers_once_and_never_a_vote() {
    for database in test_databases() {
        let app = sms_app(&database).await;
        let _other = app.another_instance(|_| {}).await;
        let gateway = FakeSmsGateway::start().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        assert_eq!(set_gateway(&admin, &gateway.url, "100").await.status(), 200);
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let (filip, _) = app.signed_in(Role::Resident, false).await;
        let staff = app.member(Role::Staff, false).await;
        assert_eq!(give_number(&anna, "777 123 456").await.status(), 200);
        assert_eq!(give_number(&eva, "604 111 222").await.status(), 200);
        let (anna_no, eva_no) = ("+420777123456", "+420604111222");

        // A reply is not worth a text.
        let proposal = app
            .proposal(&anna_member, "Nové lavičky u dětského hřiště", "Chybí.")
            .await;
        let replied = eva
            .call(
                "add_comment",
                &[("proposal", &proposal.to_string()), ("text", "Ano!")],
            )
            .await;
        assert_eq!(replied.status(), 200);
        let decision = app
            .open_decision_on(&staff, proposal, Eligibility::AllMembers, 1)
            .await;
        let texts = gateway.wait_for(2).await;
        assert_eq!(texts.len(), 2, "{}: {texts:?}", database.kind());
        let opened = "Spolu: Začalo hlasování: „Nové lavičky u dětského hřiště“. Můžete hlasovat.";
        // Too long for one message with its accents; without them it fits one.
        let plain = "Spolu: Zacalo hlasovani: \"Nove lavicky u detskeho hriste\". Muzete hlasovat.";
        assert!(opened.chars().count() > 70);
        assert_eq!(gateway.texts_to(anna_no), [plain]);
        assert_eq!(gateway.texts_to(eva_no), [plain]);
        assert_eq!(texts[0].content_type.as_deref(), Some("application/json"));
        assert!(
            texts[0]
                .authorization
                .as_deref()
                .unwrap()
                .starts_with("Basic ")
        );

        for (voter, choice) in [(&eva, "yes"), (&filip, "yes")] {
            let voted = voter
                .call(
                    "cast_vote",
                    &[("decision", &decision.to_string()), ("choice", choice)],
                )
                .await;
            assert_eq!(voted.status(), 200);
        }
        let (staff_browser, _) = app.signed_in(Role::Staff, false).await;
        let closed = staff_browser
            .call("close_decision", &[("decision", &decision.to_string())])
            .await;
        assert_eq!(closed.status(), 200);
        let texts = gateway.wait_for(4).await;
        assert_eq!(texts.len(), 4, "{texts:?}");
        let result = "Spolu: Je rozhodnuto: „Nové lavičky u dětského hřiště“.";
        assert_eq!(gateway.texts_to(eva_no)[1], result);
        for text in gateway.texts() {
            let lower = text.text.to_lowercase();
            for vote_word in ["ano", "ne ", "pro", "proti", "hlasoval"] {
                assert!(!lower.contains(vote_word), "no vote in {:?}", text.text);
            }
        }

        // An outcome: by text only to the proposal's author, not to eva who discussed it.
        let published = staff_browser
            .call(
                "publish_outcome",
                &[
                    ("proposal", &proposal.to_string()),
                    ("summary", "Lavičky přibudou v březnu."),
                    ("stage", "planned"),
                ],
            )
            .await;
        assert_eq!(published.status(), 200);
        let texts = gateway.wait_for(5).await;
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert_eq!(gateway.texts_to(anna_no).len(), 3);
        assert_eq!(gateway.texts_to(eva_no).len(), 2);

        // A gateway that answers "busy" is tried again later; nothing is counted meanwhile.
        gateway.answer(503);
        let sent_before = sms_month::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .sent;
        let second = app.proposal(&anna_member, "Koše", "Víc košů.").await;
        app.open_decision_on(&staff, second, Eligibility::AllMembers, 1)
            .await;
        tokio::time::sleep(std::time::Duration::from_secs(4)).await;
        let sent_after = sms_month::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .sent;
        assert_eq!(
            sent_before, sent_after,
            "a text that did not go out is not counted"
        );
        assert_eq!(gateway.texts().len(), 5);
    }
}

#[tokio::test]
async fn the_monthly_cap_holds_across_instances() {
    for database in test_databases() {
        let app = sms_app(&database).await;
        let _other = app.another_instance(|_| {}).await;
        let gateway = FakeSmsGateway::start().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        assert_eq!(set_gateway(&admin, &gateway.url, "3").await.status(), 200);
        for n in 0..6 {
            let (member, _) = app.signed_in(Role::Resident, false).await;
            let number = format!("777 000 00{n}");
            assert_eq!(give_number(&member, &number).await.status(), 200);
        }
        let staff = app.member(Role::Staff, false).await;
        app.open_decision(&staff, Eligibility::AllMembers, 1).await;
        let texts = gateway.wait_for(3).await;
        assert_eq!(texts.len(), 3, "{}: the cap", database.kind());
        let view: Value = admin
            .call("get_text_gateway", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view["sent_this_month"], 3);
        assert!(admin.page_text("/admin").await.contains("odešlo 3 z 3 SMS"));
    }
}

#[tokio::test]
async fn the_number_is_in_the_members_data_and_gone_with_the_account() {
    for database in test_databases() {
        let app = sms_app(&database).await;
        let gateway = FakeSmsGateway::start().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        assert_eq!(set_gateway(&admin, &gateway.url, "10").await.status(), 200);
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        assert_eq!(give_number(&anna, "777 123 456").await.status(), 200);
        let data: Value = anna.get("/me/data.json").await.json().await.unwrap();
        assert_eq!(data["text_messages"]["number"], "+420777123456");
        let deleted = anna
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", &anna_member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200, "{}", database.kind());
        assert_eq!(sms_number::Entity::find().count(&app.db).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn a_text_at_night_waits_for_the_morning() {
    for database in test_databases() {
        // A "night" that is now, in the estate's time: two hours from the start of this one, so
        // that it is still night when the text is due, even if the test starts at :59.
        let hour =
            chrono::Timelike::hour(&chrono::Utc::now().with_timezone(&chrono_tz::Europe::Prague));
        let night = format!("{hour}-{}", (hour + 2) % 24);
        let mut app = spawn_app_with(&database, move |c| {
            c.quiet_hours = QuietHours::parse(&night).unwrap();
        })
        .await;
        let gateway = FakeSmsGateway::start().await;
        let (admin, _) = app.signed_in(Role::Admin, false).await;
        assert_eq!(set_gateway(&admin, &gateway.url, "10").await.status(), 200);
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(give_number(&anna, "777 123 456").await.status(), 200);
        let staff = app.member(Role::Staff, false).await;
        app.open_decision(&staff, Eligibility::AllMembers, 1).await;
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        assert!(gateway.texts().is_empty(), "{}", database.kind());
        assert_eq!(
            sms_message::Entity::find().count(&app.db).await.unwrap(),
            1,
            "it waits in the queue"
        );

        // Morning: it goes, once.
        app.restart(|c| c.quiet_hours = QuietHours::parse("0-0").unwrap())
            .await;
        assert_eq!(gateway.wait_for(1).await.len(), 1);
    }
}
