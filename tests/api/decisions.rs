//! Decisions through HTTP and the service, on SQLite and PostgreSQL: who may open, vote, close and
//! cancel; the secret (no row links a voter to a choice after the close); exact tallies under
//! concurrency; votes racing the close; closing on time with no request arriving.
use app::domain::{Choice, DecisionRule, Eligibility, ProposalId, Role, VotingWindow};
use app::server::clock;
use app::server::decisions::{self, NewDecision};
use app::server::entities::{
    decision, decision_participant, decision_tally, open_ballot_mark, user,
};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::Value;
use tests::{TestApp, spawn_app, test_databases};

const ZONE: chrono_tz::Tz = chrono_tz::Europe::Prague;

fn local_in(duration: Duration) -> String {
    clock::to_local(Utc::now() + duration, ZONE)
}

async fn cast(browser: &tests::Browser, decision: i32, choice: &str) -> reqwest::Response {
    browser
        .call(
            "cast_vote",
            &[("decision", &decision.to_string()), ("choice", choice)],
        )
        .await
}

/// Calls a server function with owned values (forms built per case).
async fn send(
    browser: &tests::Browser,
    function: &str,
    form: Vec<(&str, String)>,
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.call(function, &pairs).await
}

async fn view(browser: &tests::Browser, id: i32) -> Value {
    let response = browser
        .call("get_decision", &[("id", &id.to_string())])
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn marks(app: &TestApp, id: i32) -> u64 {
    open_ballot_mark::Entity::find()
        .filter(open_ballot_mark::Column::DecisionId.eq(id))
        .count(&app.db)
        .await
        .unwrap()
}

async fn tally(app: &TestApp, id: i32) -> (i32, i32, i32) {
    let row = decision_tally::Entity::find()
        .filter(decision_tally::Column::DecisionId.eq(id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a tally");
    (row.yes, row.no, row.abstain)
}

async fn proposal_status(app: &TestApp, proposal: i32) -> &'static str {
    app::server::entities::proposal::Entity::find_by_id(proposal)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .status
        .as_str()
}

#[tokio::test]
async fn only_staff_open_decisions_and_every_field_is_checked() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, "Houpačka", "Rozbitá.")
            .await
            .to_string();
        let closes = local_in(Duration::days(2));
        let form = [
            ("proposal", proposal.as_str()),
            ("eligibility", "core"),
            ("opens", "now"),
            ("opens_at", ""),
            ("closes_at", closes.as_str()),
            ("quorum", "3"),
        ];
        assert_eq!(
            app.browser().call("open_decision", &form).await.status(),
            401,
            "{}",
            database.kind()
        );
        for (role, core) in [(Role::Resident, false), (Role::Resident, true)] {
            let (member, _) = app.signed_in(role, core).await;
            assert_eq!(
                member.call("open_decision", &form).await.status(),
                403,
                "{role:?} {core}"
            );
        }
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let past = local_in(-Duration::hours(1));
        let bad = [
            ("proposal", proposal.as_str()),
            ("eligibility", "everyone"),
            ("opens", "now"),
            ("opens_at", ""),
            ("closes_at", past.as_str()),
            ("quorum", "0"),
        ];
        let response = staff.call("open_decision", &bad).await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.unwrap();
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["eligibility", "quorum", "closes_at"]);
        assert_eq!(
            decision::Entity::find().count(&app.db).await.unwrap(),
            0,
            "nothing stored"
        );

        let response = staff.call("open_decision", &form).await;
        assert_eq!(response.status(), 200);
        let id: i32 = response.json().await.unwrap();
        assert_eq!(
            proposal_status(&app, proposal.parse().unwrap()).await,
            "voting"
        );
        // A proposal already being voted on cannot get a second decision.
        let again = staff.call("open_decision", &form).await;
        assert_eq!(again.status(), 422);

        let (admin, _) = app.signed_in(Role::Admin, false).await;
        let shown = view(&admin, id).await;
        assert_eq!(shown["state"], "Open");
        assert_eq!(shown["can_manage"], true);
        assert!(
            shown["result"].is_null(),
            "no results while open, not even for admins"
        );
    }
}

#[tokio::test]
async fn the_core_group_votes_changes_its_vote_and_sees_only_its_own_choice() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let staff = app.member(Role::Staff, false).await;
        let (id, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let (boris, _) = app.signed_in(Role::Resident, true).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        let (cyril, _) = app.signed_in(Role::Staff, false).await;

        assert_eq!(
            cast(&eva, id, "yes").await.status(),
            200,
            "{}",
            database.kind()
        );
        assert_eq!(view(&eva, id).await["my_choice"], "Yes");
        assert_eq!(cast(&eva, id, "no").await.status(), 200);
        assert_eq!(
            view(&eva, id).await["my_choice"],
            "No",
            "the vote was replaced"
        );
        assert!(
            view(&boris, id).await["my_choice"].is_null(),
            "nobody sees another's choice"
        );
        assert_eq!(cast(&boris, id, "maybe").await.status(), 422);

        assert_eq!(
            cast(&anna, id, "yes").await.status(),
            403,
            "not in the core group"
        );
        assert_eq!(view(&anna, id).await["cannot_vote"], "OnlyCoreGroup");
        assert_eq!(
            cast(&cyril, id, "yes").await.status(),
            403,
            "staff vote only as members"
        );
        assert_eq!(cast(&app.browser(), id, "yes").await.status(), 401);

        let participants = decision_participant::Entity::find()
            .filter(decision_participant::Column::DecisionId.eq(id))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(
            participants, 1,
            "one vote per member, however often changed"
        );
    }
}

#[tokio::test]
async fn after_the_close_no_row_links_a_voter_to_a_choice() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let (id, proposal) = app
            .open_decision(&staff_member, Eligibility::AllMembers, 2)
            .await;
        let decision = id.to_string();
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        for (who, choice) in [(&eva, "yes"), (&anna, "yes")] {
            let response = who
                .call("cast_vote", &[("decision", &decision), ("choice", choice)])
                .await;
            assert_eq!(response.status(), 200);
        }
        assert_eq!(marks(&app, id).await, 2);
        assert_eq!(
            anna.call("close_decision", &[("decision", &decision)])
                .await
                .status(),
            403
        );
        assert_eq!(
            staff
                .call("close_decision", &[("decision", &decision)])
                .await
                .status(),
            200
        );

        assert_eq!(marks(&app, id).await, 0, "the choices are gone");
        assert_eq!(tally(&app, id).await, (2, 0, 0));
        assert_eq!(proposal_status(&app, proposal).await, "accepted");
        let shown = view(&eva, id).await;
        assert_eq!(shown["state"], "Closed");
        assert!(shown["my_choice"].is_null());
        assert_eq!(shown["took_part"], true);
        let result = &shown["result"];
        assert_eq!(result["voters"], 2);
        assert_eq!(result["outcome"], "Accepted");
        assert_eq!(result["quorum_met"], true);
        assert!(
            result["eligible"].as_u64().unwrap() >= 4,
            "all members could vote"
        );

        let late = eva
            .call("cast_vote", &[("decision", &decision), ("choice", "no")])
            .await;
        assert_eq!(late.status(), 422, "a vote after the close is refused");
        assert_eq!(
            tally(&app, id).await,
            (2, 0, 0),
            "tallies never change afterwards"
        );

        let page = eva.page_text(&format!("/decisions/{id}")).await;
        assert!(
            page.contains("Návrh byl přijat."),
            "the outcome in one sentence"
        );
        assert!(page.contains("<svg"), "with a chart");
        assert!(page.contains("Ano: 2"), "and the numbers in words");
    }
}

/// 500 members made straight in the database (hashing 500 passwords would take minutes).
async fn many_members(app: &TestApp, count: usize, core: bool) -> Vec<app::visitor::Member> {
    let rows: Vec<user::ActiveModel> = (0..count)
        .map(|n| user::ActiveModel {
            username: Set(format!("volic{n}-{}", rand::random::<u32>())),
            display_name: Set(format!("Volič {n}")),
            password_hash: Set("not-a-hash".into()),
            role: Set(Role::Resident),
            core: Set(core),
            created_at: Set(Utc::now()),
            ..Default::default()
        })
        .collect();
    user::Entity::insert_many(rows).exec(&app.db).await.unwrap();
    user::Entity::find()
        .filter(user::Column::PasswordHash.eq("not-a-hash"))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(app::server::accounts::members::to_member)
        .collect()
}

#[tokio::test]
async fn five_hundred_members_voting_and_changing_at_once_are_counted_exactly() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let staff = app.member(Role::Staff, false).await;
        let (id, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
        let voters = many_members(&app, 500, true).await;
        let finals = Choice::ALL;
        let tasks = voters.into_iter().enumerate().map(|(n, voter)| {
            let db = app.db.clone();
            tokio::spawn(async move {
                decisions::vote(&db, &voter, id, finals[(n + 1) % 3], None).await?;
                decisions::vote(&db, &voter, id, finals[n % 3], None).await
            })
        });
        for result in futures::future::join_all(tasks).await {
            result.unwrap().expect("every vote is taken");
        }
        decisions::close_early(&app.db, &staff.as_member(), id)
            .await
            .unwrap();
        // 500 = 167 × yes (n % 3 == 0), 167 × no, 166 × abstain.
        assert_eq!(
            tally(&app, id).await,
            (167, 167, 166),
            "{}",
            database.kind()
        );
        let shown = decision::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(shown.voter_count, Some(500));
        assert_eq!(marks(&app, id).await, 0);
    }
}

#[tokio::test]
async fn a_vote_racing_the_close_is_either_counted_or_refused_never_lost() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let staff = app.member(Role::Staff, false).await;
        let (id, _) = app.open_decision(&staff, Eligibility::CoreGroup, 1).await;
        let voters = many_members(&app, 200, true).await;
        let tasks: Vec<_> = voters
            .into_iter()
            .map(|voter| {
                let db = app.db.clone();
                tokio::spawn(
                    async move { decisions::vote(&db, &voter, id, Choice::Yes, None).await },
                )
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        decisions::close_early(&app.db, &staff.as_member(), id)
            .await
            .unwrap();
        let mut counted = 0;
        for result in futures::future::join_all(tasks).await {
            match result.unwrap() {
                Ok(()) => counted += 1,
                Err(error) => assert_eq!(error.message_for("choice"), Some("error-vote-closed")),
            }
        }
        let (yes, no, abstain) = tally(&app, id).await;
        assert_eq!((yes, no, abstain), (counted, 0, 0), "{}", database.kind());
        let shown = decision::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(shown.voter_count, Some(counted));
        assert_eq!(marks(&app, id).await, 0);
    }
}

#[tokio::test]
async fn a_decision_closes_on_time_with_no_request_arriving() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let staff = app.member(Role::Staff, false).await;
        let eva = app.member(Role::Resident, true).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app.proposal(&author, "Koše", "Víc košů.").await;
        let now = Utc::now();
        let id = decisions::open_single(
            &app.db,
            &staff.as_member(),
            NewDecision {
                proposal: ProposalId(proposal),
                rule: DecisionRule::new(Eligibility::CoreGroup, 1).unwrap(),
                window: VotingWindow::new(now, now + Duration::seconds(3)).unwrap(),
            },
        )
        .await
        .unwrap();
        decisions::vote(&app.db, &eva.as_member(), id, Choice::No, None)
            .await
            .unwrap();
        // Nobody asks for anything; the server's clock must close it.
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        let row = decision::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(
            row.closed_at.is_some(),
            "closed by the clock ({})",
            database.kind()
        );
        assert_eq!(row.outcome.map(|o| o.as_str()), Some("rejected"));
        assert_eq!(tally(&app, id).await, (0, 1, 0));
        assert_eq!(proposal_status(&app, proposal).await, "rejected");
        assert_eq!(marks(&app, id).await, 0);
    }
}

#[tokio::test]
async fn staff_cancel_with_a_reason_and_the_proposal_returns_to_discussion() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let (id, proposal) = app
            .open_decision(&staff_member, Eligibility::CoreGroup, 1)
            .await;
        let decision = id.to_string();
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        eva.call("cast_vote", &[("decision", &decision), ("choice", "yes")])
            .await;
        let form = [
            ("decision", decision.as_str()),
            ("reason", "Chyba v zadání."),
        ];
        assert_eq!(eva.call("cancel_decision", &form).await.status(), 403);
        let empty = staff
            .call(
                "cancel_decision",
                &[("decision", &decision), ("reason", " ")],
            )
            .await;
        assert_eq!(empty.status(), 422, "{}", database.kind());
        assert_eq!(staff.call("cancel_decision", &form).await.status(), 200);
        assert_eq!(marks(&app, id).await, 0, "uncounted choices are deleted");
        assert_eq!(proposal_status(&app, proposal).await, "open");
        let shown = view(&eva, id).await;
        assert_eq!(shown["state"], "Cancelled");
        assert_eq!(shown["cancel_reason"], "Chyba v zadání.");
    }
}

#[tokio::test]
async fn without_javascript_staff_open_a_vote_and_a_member_votes_by_form() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, "Světlo", "Tma v podchodu.")
            .await
            .to_string();
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let page = staff
            .page_text(&format!("/proposals/{proposal}/decide"))
            .await;
        assert!(page.contains("Hlasování o návrhu") && page.contains("type=\"datetime-local\""));
        let closes = local_in(Duration::days(3));
        let response = staff
            .submit(
                &format!("/proposals/{proposal}/decide"),
                "open_decision",
                &[
                    ("proposal", &proposal),
                    ("eligibility", "core"),
                    ("opens", "now"),
                    ("opens_at", ""),
                    ("closes_at", &closes),
                    ("quorum", "1"),
                ],
            )
            .await;
        assert_eq!(response.status(), 302, "{}", database.kind());
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/decisions/"), "{location}");
        let id = location.trim_start_matches("/decisions/").to_owned();

        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let response = eva
            .submit(
                &location,
                "cast_vote",
                &[("decision", &id), ("choice", "yes")],
            )
            .await;
        assert_eq!(response.status(), 302);
        let page = eva.page_text(&location).await;
        assert!(
            page.contains("Váš hlas je uložen: Ano."),
            "the vote is confirmed"
        );
        let list = eva.page_text("/decisions").await;
        assert!(list.contains("Světlo") && list.contains("probíhá"));
    }
}

#[tokio::test]
async fn staff_record_a_tally_counted_in_a_meeting() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let proposal = app
            .proposal(&author, "Hřiště", "Nové hřiště.")
            .await
            .to_string();
        let today = clock::to_local(Utc::now(), ZONE)[..10].to_owned();
        let tomorrow = clock::to_local(Utc::now() + Duration::days(1), ZONE)[..10].to_owned();
        let form = |held_on: &str, yes: &str, note: &str| {
            vec![
                ("proposal", proposal.clone()),
                ("eligibility", "core".to_owned()),
                ("held_on", held_on.to_owned()),
                ("yes", yes.to_owned()),
                ("no", "3".to_owned()),
                ("abstain", "2".to_owned()),
                ("quorum", "10".to_owned()),
                ("note", note.to_owned()),
            ]
        };
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        let good = form(&today, "7", "Schůzka jádrové skupiny, přítomno 12 lidí.");
        assert_eq!(
            send(&eva, "record_meeting_tally", good.clone())
                .await
                .status(),
            403,
            "{}",
            database.kind()
        );

        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let response = send(&staff, "record_meeting_tally", form(&tomorrow, "-1", " ")).await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.unwrap();
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["yes", "held_on", "note"]);
        assert_eq!(decision::Entity::find().count(&app.db).await.unwrap(), 0);

        let response = send(&staff, "record_meeting_tally", good).await;
        assert_eq!(response.status(), 200);
        let id: i32 = response.json().await.unwrap();
        assert_eq!(tally(&app, id).await, (7, 3, 2));
        assert_eq!(
            proposal_status(&app, proposal.parse().unwrap()).await,
            "accepted"
        );
        let shown = view(&eva, id).await;
        assert_eq!(shown["state"], "Closed");
        assert_eq!(shown["result"]["voters"], 12);
        assert_eq!(shown["result"]["outcome"], "Accepted");
        assert_eq!(
            shown["decided_at_meeting"][1],
            "Schůzka jádrové skupiny, přítomno 12 lidí."
        );
        let page = eva.page_text(&format!("/decisions/{id}")).await;
        assert!(
            page.contains("Rozhodnuto na schůzce"),
            "shown as decided at a meeting"
        );
    }
}

#[tokio::test]
async fn an_assisted_vote_needs_the_members_own_password_and_records_who_helped() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let (staff, staff_member) = app.signed_in(Role::Staff, false).await;
        let (id, _) = app
            .open_decision(&staff_member, Eligibility::CoreGroup, 1)
            .await;
        let decision = id.to_string();
        let (eva_phone, eva) = app.signed_in(Role::Resident, true).await;
        let anna = app.member(Role::Resident, false).await;
        let assist = |username: &str, password: &str| {
            vec![
                ("decision", decision.clone()),
                ("username", username.to_owned()),
                ("password", password.to_owned()),
                ("choice", "yes".to_owned()),
            ]
        };
        assert_eq!(
            send(
                &eva_phone,
                "assisted_vote",
                assist(&eva.username, &eva.password)
            )
            .await
            .status(),
            403
        );
        let wrong = send(
            &staff,
            "assisted_vote",
            assist(&eva.username, "nesprávné-heslo"),
        )
        .await;
        assert_eq!(wrong.status(), 422, "{}", database.kind());
        assert_eq!(marks(&app, id).await, 0, "a wrong password votes nothing");
        let not_core = send(
            &staff,
            "assisted_vote",
            assist(&anna.username, &anna.password),
        )
        .await;
        assert_eq!(not_core.status(), 422);

        assert_eq!(
            send(
                &staff,
                "assisted_vote",
                assist(&eva.username, &eva.password)
            )
            .await
            .status(),
            200
        );
        let record = decision_participant::Entity::find_by_id((id, eva.id))
            .one(&app.db)
            .await
            .unwrap()
            .expect("eva took part");
        assert_eq!(
            record.assisted_by,
            Some(staff_member.id),
            "who helped is recorded"
        );
        assert_eq!(
            view(&eva_phone, id).await["my_choice"],
            "Yes",
            "the vote is hers"
        );
        assert!(
            view(&staff, id).await["my_choice"].is_null(),
            "the helper does not see it"
        );
    }
}

#[tokio::test]
async fn a_priority_poll_ranks_proposals_by_the_dots_members_spread() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let mut ids = Vec::new();
        for title in ["Lavičky", "Koše", "Světla"] {
            ids.push(app.proposal(&author, title, "Text.").await.to_string());
        }
        let closes = local_in(Duration::days(1));
        let poll = |proposals: &[String], dots: &str| {
            let mut form = vec![
                ("title", "Co udělat na jaře?".to_owned()),
                ("eligibility", "core".to_owned()),
                ("opens", "now".to_owned()),
                ("opens_at", String::new()),
                ("closes_at", closes.clone()),
                ("quorum", "2".to_owned()),
                ("dots", dots.to_owned()),
                ("dots_per_proposal", "2".to_owned()),
            ];
            form.extend(proposals.iter().map(|id| ("proposals[]", id.clone())));
            form
        };
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        assert_eq!(
            send(&eva, "open_poll", poll(&ids, "3")).await.status(),
            403,
            "{}",
            database.kind()
        );
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let bad = send(&staff, "open_poll", poll(&ids[..1], "0")).await;
        assert_eq!(bad.status(), 422);
        let body: Value = bad.json().await.unwrap();
        let fields: Vec<&str> = body["Invalid"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["proposals", "dots"]);
        let response = send(&staff, "open_poll", poll(&ids, "3")).await;
        assert_eq!(response.status(), 200);
        let id: i32 = response.json().await.unwrap();
        for proposal in &ids {
            assert_eq!(
                proposal_status(&app, proposal.parse().unwrap()).await,
                "open",
                "a poll only ranks"
            );
        }

        let dots = |values: [&str; 3]| {
            let mut form = vec![("decision", id.to_string())];
            form.extend(values.iter().map(|v| ("dots[]", (*v).to_owned())));
            form
        };
        let (boris, _) = app.signed_in(Role::Resident, true).await;
        let (anna, _) = app.signed_in(Role::Resident, false).await;
        assert_eq!(
            send(&eva, "cast_dots", dots(["2", "1", "0"]))
                .await
                .status(),
            200
        );
        assert_eq!(
            view(&eva, id).await["my_dots"],
            serde_json::json!([2, 1, 0])
        );
        assert_eq!(
            send(&boris, "cast_dots", dots(["3", "0", "0"]))
                .await
                .status(),
            422,
            "at most 2 on one"
        );
        assert_eq!(
            send(&boris, "cast_dots", dots(["1", "2", "1"]))
                .await
                .status(),
            422,
            "at most 3 in all"
        );
        assert_eq!(
            send(&boris, "cast_dots", dots(["1", "0", "2"]))
                .await
                .status(),
            200
        );
        assert_eq!(
            send(&anna, "cast_dots", dots(["1", "0", "0"]))
                .await
                .status(),
            403
        );
        assert!(view(&boris, id).await["my_dots"] != view(&eva, id).await["my_dots"]);

        assert_eq!(
            send(&staff, "close_decision", vec![("decision", id.to_string())])
                .await
                .status(),
            200
        );
        let dots_of = |proposal: &str| {
            let proposal: i32 = proposal.parse().unwrap();
            let db = app.db.clone();
            async move {
                decision_tally::Entity::find_by_id((id, proposal))
                    .one(&db)
                    .await
                    .unwrap()
                    .unwrap()
                    .dots
            }
        };
        assert_eq!(
            (
                dots_of(&ids[0]).await,
                dots_of(&ids[1]).await,
                dots_of(&ids[2]).await
            ),
            (3, 1, 2)
        );
        assert_eq!(marks(&app, id).await, 0);
        let shown = view(&eva, id).await;
        assert_eq!(shown["result"]["outcome"], "Ranked");
        let page = eva.page_text(&format!("/decisions/{id}")).await;
        assert!(
            page.contains("1. Lavičky: 3") && page.contains("2. Světla: 2"),
            "the order, in words"
        );
    }
}

#[tokio::test]
async fn staff_record_a_priority_poll_counted_in_a_meeting() {
    for database in test_databases() {
        let app = spawn_app(&database).await;
        let author = app.member(Role::Resident, false).await;
        let mut ids = Vec::new();
        for title in ["Lavičky", "Koše", "Světla"] {
            ids.push(app.proposal(&author, title, "Text.").await.to_string());
        }
        let today = clock::to_local(Utc::now(), ZONE)[..10].to_owned();
        let form = |dots: [&str; 3]| {
            let mut form = vec![
                ("title", "Co dřív?".to_owned()),
                ("eligibility", "core".to_owned()),
                ("held_on", today.clone()),
                ("voters", "9".to_owned()),
                ("quorum", "5".to_owned()),
                ("note", "Schůzka, přítomno 9 lidí.".to_owned()),
            ];
            for (id, d) in ids.iter().zip(dots) {
                form.push(("proposals[]", id.clone()));
                form.push(("dots[]", d.to_owned()));
            }
            form
        };
        let (eva, _) = app.signed_in(Role::Resident, true).await;
        assert_eq!(
            send(&eva, "record_meeting_poll", form(["5", "3", ""]))
                .await
                .status(),
            403,
            "{}",
            database.kind()
        );
        let (staff, _) = app.signed_in(Role::Staff, false).await;
        let one = send(&staff, "record_meeting_poll", form(["5", "", ""])).await;
        assert_eq!(one.status(), 422, "a poll needs two proposals");
        let response = send(&staff, "record_meeting_poll", form(["5", "", "7"])).await;
        assert_eq!(response.status(), 200);
        let id: i32 = response.json().await.unwrap();
        let shown = view(&eva, id).await;
        assert_eq!(shown["result"]["outcome"], "Ranked");
        assert_eq!(shown["result"]["voters"], 9);
        assert_eq!(
            shown["proposals"].as_array().unwrap().len(),
            2,
            "the empty one is left out"
        );
        let page = eva.page_text(&format!("/decisions/{id}")).await;
        assert!(page.contains("1. Světla: 7") && page.contains("2. Lavičky: 5"));
        assert!(page.contains("Rozhodnuto na schůzce"));
        assert_eq!(proposal_status(&app, ids[0].parse().unwrap()).await, "open");
    }
}
