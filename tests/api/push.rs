//! Phone notifications through HTTP, against a push service on port 0 that checks each message's
//! VAPID signature and decrypts it with the keys the test's "browser" made: devices kept per
//! member, each event on exactly the right devices once, the switches, the night, a gone
//! subscription, several instances, and the member's data.
use app::domain::{QuietHours, Role};
use app::server::entities::{decision, push_delivery, push_device};
use app::server::infra::web_push::PushService;
use chrono::{Timelike, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::Value;
use tests::{
    Browser, FakePushService, TestApp, TestDatabase, TestDevice, spawn_app_with, test_databases,
};

/// A server that posts to `service`, with no quiet night (tests run at any hour).
async fn push_app(database: &TestDatabase, service: &FakePushService) -> TestApp {
    let origin = service.origin.clone();
    spawn_app_with(database, move |c| {
        c.push_services = vec![PushService::parse(&origin).unwrap()];
        c.quiet_hours = QuietHours::parse("0-0").unwrap();
    })
    .await
}

async fn subscribe(browser: &Browser, device: &TestDevice) -> reqwest::Response {
    browser
        .call(
            "subscribe_push",
            &[
                ("endpoint", &device.endpoint),
                ("p256dh", &device.p256dh),
                ("auth", &device.auth),
            ],
        )
        .await
}

async fn settings(browser: &Browser) -> Value {
    let answer = browser.call("my_push_settings", &[]).await;
    assert_eq!(answer.status(), 200);
    answer.json().await.unwrap()
}

/// The site's VAPID public key, as a browser gets it.
async fn site_key(browser: &Browser) -> String {
    settings(browser).await["public_key"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn comment(browser: &Browser, proposal: i32, text: &str) -> i32 {
    let answer = browser
        .call(
            "add_comment",
            &[("proposal", &proposal.to_string()), ("text", text)],
        )
        .await;
    assert_eq!(answer.status(), 200);
    answer.json().await.unwrap()
}

/// Each message is the four fields a phone needs and nothing else (no vote, no names).
fn bodies(messages: &[Value]) -> Vec<String> {
    for message in messages {
        let mut keys: Vec<&str> = message
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["body", "tag", "title", "url"], "{message}");
        assert!(
            message["url"]
                .as_str()
                .unwrap()
                .starts_with("/notifications/"),
            "{message}"
        );
    }
    messages
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn devices_are_kept_per_member_and_only_their_owner_removes_them() {
    for database in test_databases() {
        let service = FakePushService::start().await;
        let app = push_app(&database, &service).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let phone = service.device("anna-phone");

        // Nobody signed in may not subscribe.
        assert_eq!(subscribe(&app.browser(), &phone).await.status(), 401);
        // Only the push services the site knows; only keys a browser could have made.
        let mut stranger = service.device("x");
        stranger.endpoint = "http://127.0.0.1:9/internal".into();
        let refused = subscribe(&anna, &stranger).await;
        assert_eq!(refused.status(), 422, "{}", database.kind());
        assert!(refused.text().await.unwrap().contains("error-push-service"));
        let mut broken = service.device("y");
        broken.p256dh = "</textarea>\"=".into();
        let refused = subscribe(&anna, &broken).await;
        assert!(refused.text().await.unwrap().contains("error-push-keys"));
        assert_eq!(push_device::Entity::find().count(&app.db).await.unwrap(), 0);

        let on = anna
            .client
            .post(format!("{}/api/subscribe_push", app.base_url))
            .header("accept", "application/json")
            .header(
                "user-agent",
                "Mozilla/5.0 (Linux; Android 10; K) Chrome/120.0 Mobile Safari/537.36",
            )
            .form(&[
                ("endpoint", phone.endpoint.as_str()),
                ("p256dh", phone.p256dh.as_str()),
                ("auth", phone.auth.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(on.status(), 200);
        assert_eq!(
            settings(&anna).await["devices"][0]["label"],
            "Android · Chrome"
        );
        // Again from the same browser: still one device.
        assert_eq!(subscribe(&anna, &phone).await.status(), 200);
        let mine = settings(&anna).await;
        let devices = mine["devices"].as_array().unwrap();
        assert_eq!(devices.len(), 1, "{mine}");
        let offered: Vec<&str> = mine["offered"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(!offered.contains(&"Queue"), "the queue is for staff");
        let id = devices[0]["id"].as_i64().unwrap().to_string();

        // Another member can neither see nor remove it.
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        assert!(
            settings(&eva).await["devices"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        let theirs = eva.call("forget_push_device", &[("id", &id)]).await;
        assert_eq!(theirs.status(), 404);
        assert_eq!(push_device::Entity::find().count(&app.db).await.unwrap(), 1);

        // The page shows the section, the list and the switches.
        let page = anna.page_text("/me").await;
        assert!(page.contains("Oznámení v telefonu"), "{page}");
        assert!(page.contains("Kam oznámení chodí"), "{page}");
        assert!(page.contains("name=\"replies\""), "{page}");

        let removed = anna.call("forget_push_device", &[("id", &id)]).await;
        assert_eq!(removed.status(), 200);
        assert!(
            settings(&anna).await["devices"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn each_event_reaches_exactly_the_right_devices_once_and_never_a_vote() {
    for database in test_databases() {
        let service = FakePushService::start().await;
        let app = push_app(&database, &service).await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let key = site_key(&anna).await;
        let (anna_phone, anna_tablet) = (service.device("anna-1"), service.device("anna-2"));
        let eva_phone = service.device("eva");
        let staff_phone = service.device("staff");
        for (browser, device) in [
            (&anna, &anna_phone),
            (&anna, &anna_tablet),
            (&eva, &eva_phone),
            (&staff, &staff_phone),
        ] {
            assert_eq!(subscribe(browser, device).await.status(), 200);
        }

        // A reply: to the proposal's author, on both her devices, not to the writer.
        let proposal = app.proposal(&anna_member, "Lavička", "U bloku 5").await;
        comment(&eva, proposal, "Dobrý nápad.").await;
        for device in [&anna_phone, &anna_tablet] {
            let messages = service.wait_for(device, 1, &key).await;
            assert_eq!(
                bodies(&messages),
                ["Někdo odpověděl u návrhu „Lavička“."],
                "{}",
                database.kind()
            );
            assert_eq!(messages[0]["title"], "Spolu");
            assert_eq!(messages[0]["tag"], format!("proposal-{proposal}"));
        }
        assert!(service.received_for(&eva_phone).is_empty());
        assert!(service.received_for(&staff_phone).is_empty());

        // The message opens the notification, which leads to the proposal.
        let url = service.messages_for(&anna_phone, &key)[0]["url"]
            .as_str()
            .unwrap()
            .to_owned();
        let opened = anna.get(&url).await;
        assert_eq!(
            opened.headers()["location"],
            format!("/proposals/{proposal}")
        );

        // Eva does not want results; she still hears that a vote opened.
        let off = eva
            .call(
                "save_push_topics",
                &[
                    ("replies", "on"),
                    ("votes", "on"),
                    ("reminders", "on"),
                    ("outcomes", "on"),
                    ("moderation", "on"),
                ],
            )
            .await;
        assert_eq!(off.status(), 200);
        assert_eq!(
            settings(&eva).await["muted"],
            serde_json::json!(["Results"])
        );

        let decision = app
            .open_decision_on(
                &staff_member,
                proposal,
                app::domain::Eligibility::AllMembers,
                1,
            )
            .await;
        let opened_text = "Začalo hlasování: „Lavička“. Můžete hlasovat.";
        assert_eq!(
            bodies(&service.wait_for(&eva_phone, 1, &key).await),
            [opened_text]
        );
        assert_eq!(
            bodies(&service.wait_for(&anna_phone, 2, &key).await)[1],
            opened_text
        );
        let voted = eva
            .call(
                "cast_vote",
                &[("decision", &decision.to_string()), ("choice", "no")],
            )
            .await;
        assert_eq!(voted.status(), 200);

        // A day before it closes, only who has not voted is reminded, once.
        decision::ActiveModel {
            id: Set(decision),
            started_at: Set(Some(Utc::now() - chrono::Duration::days(3))),
            closes_at: Set(Utc::now() + chrono::Duration::hours(2)),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .unwrap();
        let reminded = service.wait_for(&anna_phone, 3, &key).await;
        assert_eq!(
            bodies(&reminded)[2],
            "Hlasování „Lavička“ zítra končí. Ještě jste nehlasovali."
        );
        assert_eq!(service.received_for(&eva_phone).len(), 1, "Eva voted");

        let closed = staff
            .call("close_decision", &[("decision", &decision.to_string())])
            .await;
        assert_eq!(closed.status(), 200);
        let anna_all = service.wait_for(&anna_phone, 4, &key).await;
        assert_eq!(bodies(&anna_all)[3], "Je rozhodnuto: „Lavička“.");
        // Eva switched results off.
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        assert_eq!(service.received_for(&eva_phone).len(), 1);

        // Staff hear that something waits in the queue (after the vote's three messages, since
        // staff may vote too); residents do not.
        let held = app
            .proposal_held(&anna_member, "Graffiti", "Smazat nápisy.")
            .await;
        let staff_messages = service.wait_for(&staff_phone, 4, &key).await;
        let staff_bodies = bodies(&staff_messages);
        assert!(
            staff_bodies.contains(&"Na kontrolu čeká příspěvek u návrhu „Graffiti“.".to_owned()),
            "{staff_bodies:?}"
        );
        let waiting = staff_messages
            .iter()
            .find(|m| m["body"].as_str().unwrap().contains("Graffiti"))
            .unwrap();
        let to_queue = staff.get(waiting["url"].as_str().unwrap()).await;
        assert_eq!(to_queue.headers()["location"], "/staff");
        assert!(held > 0);

        // Every device got each of its messages exactly once.
        for device in [&anna_phone, &anna_tablet, &eva_phone, &staff_phone] {
            let urls: Vec<String> = service
                .messages_for(device, &key)
                .iter()
                .map(|m| m["url"].as_str().unwrap().to_owned())
                .collect();
            let unique: std::collections::BTreeSet<&String> = urls.iter().collect();
            assert_eq!(unique.len(), urls.len(), "{}: {urls:?}", device.name);
        }
        assert_eq!(
            service.received_for(&anna_phone).len(),
            service.received_for(&anna_tablet).len()
        );
    }
}

#[tokio::test]
async fn news_at_night_waits_for_the_morning() {
    for database in test_databases() {
        let service = FakePushService::start().await;
        // A "night" that is now, in the estate's time: two hours from the start of this one, so
        // that it is still night when the news is due, even if the test starts at :59.
        let hour = Utc::now().with_timezone(&chrono_tz::Europe::Prague).hour();
        let night = format!("{hour}-{}", (hour + 2) % 24);
        let origin = service.origin.clone();
        let mut app = spawn_app_with(&database, move |c| {
            c.push_services = vec![PushService::parse(&origin).unwrap()];
            c.quiet_hours = QuietHours::parse(&night).unwrap();
        })
        .await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let phone = service.device("anna");
        assert_eq!(subscribe(&anna, &phone).await.status(), 200);
        let proposal = app.proposal(&anna_member, "Světla", "Tma u garáží.").await;
        comment(&eva, proposal, "Ano, je tam tma.").await;
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        assert!(
            service.received_for(&phone).is_empty(),
            "{}",
            database.kind()
        );
        assert_eq!(
            push_delivery::Entity::find()
                .filter(push_delivery::Column::SentAt.is_null())
                .count(&app.db)
                .await
                .unwrap(),
            1,
            "it waits in the queue"
        );

        // Morning: it goes, once.
        app.restart(|c| c.quiet_hours = QuietHours::parse("0-0").unwrap())
            .await;
        let again = app.browser();
        again.sign_in_as(&anna_member).await;
        let key = site_key(&again).await;
        assert_eq!(service.wait_for(&phone, 1, &key).await.len(), 1);
    }
}

#[tokio::test]
async fn a_gone_subscription_is_forgotten_and_a_busy_service_is_tried_again_later() {
    for database in test_databases() {
        let service = FakePushService::start().await;
        let app = push_app(&database, &service).await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let (gone, busy) = (service.device("gone"), service.device("busy"));
        for device in [&gone, &busy] {
            assert_eq!(subscribe(&anna, device).await.status(), 200);
        }
        service.answer(&gone, 410);
        service.answer(&busy, 503);
        let proposal = app.proposal(&anna_member, "Lampa", "Nesvítí.").await;
        comment(&eva, proposal, "Nahlásím to.").await;
        service.wait_received(&gone, 1).await;
        service.wait_received(&busy, 1).await;
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        let devices: Vec<String> = push_device::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.endpoint)
            .collect();
        assert_eq!(
            devices,
            std::slice::from_ref(&busy.endpoint),
            "{}",
            database.kind()
        );
        assert_eq!(service.received_for(&gone).len(), 1, "never again");
        let waiting = push_delivery::Entity::find().all(&app.db).await.unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].attempts, 1);
        assert!(waiting[0].sent_at.is_none());
        assert!(waiting[0].next_attempt_at > Utc::now(), "tried again later");
        assert_eq!(service.received_for(&busy).len(), 1, "not at once");
    }
}

#[tokio::test]
async fn two_instances_on_one_database_never_send_one_twice() {
    for database in test_databases() {
        let service = FakePushService::start().await;
        let app = push_app(&database, &service).await;
        let origin = service.origin.clone();
        let _other = app
            .another_instance(move |c| {
                c.push_services = vec![PushService::parse(&origin).unwrap()];
            })
            .await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let (eva, _) = app.signed_in(Role::Resident, false).await;
        let key = site_key(&anna).await;
        let phone = service.device("anna");
        assert_eq!(subscribe(&anna, &phone).await.status(), 200);
        let proposal = app.proposal(&anna_member, "Hřiště", "Nová houpačka.").await;
        for n in 0..12 {
            comment(&eva, proposal, &format!("Komentář {n}")).await;
        }
        let messages = service.wait_for(&phone, 12, &key).await;
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        assert_eq!(
            service.received_for(&phone).len(),
            12,
            "{}: each once",
            database.kind()
        );
        assert_eq!(messages.len(), 12);
    }
}

#[tokio::test]
async fn devices_are_in_the_members_data_and_gone_with_the_account() {
    for database in test_databases() {
        let service = FakePushService::start().await;
        let app = push_app(&database, &service).await;
        let (anna, anna_member) = app.signed_in(Role::Resident, false).await;
        let phone = service.device("anna");
        assert_eq!(subscribe(&anna, &phone).await.status(), 200);
        anna.call("save_push_topics", &[("replies", "on")]).await;
        let data: Value = anna.get("/me/data.json").await.json().await.unwrap();
        let mine = &data["phone_notifications"];
        assert_eq!(mine["devices"][0]["address"], phone.endpoint.as_str());
        assert!(
            mine["switched_off"]
                .as_array()
                .unwrap()
                .contains(&"results".into()),
            "{mine}"
        );
        let deleted = anna
            .call(
                "delete_account",
                &[("posts", "keep"), ("password", &anna_member.password)],
            )
            .await;
        assert_eq!(deleted.status(), 200, "{}", database.kind());
        assert_eq!(push_device::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(
            app::server::entities::push_muted::Entity::find()
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
    }
}
