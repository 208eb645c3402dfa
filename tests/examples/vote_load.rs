//! Issue 4's figures: votes per second with 500 voters voting at once, and the time to cast one
//! under that load. `cargo run --release -p tests --example vote_load [voters]`, on SQLite, and on
//! PostgreSQL too when `SPOLU_TEST_POSTGRES_URL` is set (a fresh database each).
//! It calls the decisions service directly (the transaction that serialises votes against the
//! close is what limits the rate); HTTP and session handling add to each vote but not to the lock.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::domain::{
    Choice, DecisionRule, Eligibility, ProposalBody, ProposalId, ProposalTitle, Role, VotingWindow,
};

use app::server::decisions::{self, NewDecision};
use app::server::entities::user;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use server::Config;
use std::time::Instant;

/// Votes each voter casts (the first, then changes), so the rate is held for several seconds.
const ROUNDS: usize = 10;

#[tokio::main]
async fn main() {
    let voters: usize = std::env::args()
        .nth(1)
        .map_or(500, |n| n.parse().expect("a number"));
    for database in tests::test_databases() {
        let database = database.fresh().await;
        let data_dir = std::env::temp_dir().join(format!("spolu-votes-{}", std::process::id()));
        let mut config = Config::defaults();
        config.data_dir = data_dir.clone();
        config.database_url = Some(database.url());
        let db = server::open_database(&config).await.expect("database");
        let members: Vec<user::ActiveModel> = (0..=voters)
            .map(|n| user::ActiveModel {
                username: Set(format!("volic{n}")),
                display_name: Set(format!("Volič {n}")),
                password_hash: Set("bench".into()),
                role: Set(if n == 0 { Role::Staff } else { Role::Resident }),
                core: Set(n != 0),
                created_at: Set(Utc::now()),
                ..Default::default()
            })
            .collect();
        user::Entity::insert_many(members).exec(&db).await.unwrap();
        let rows = user::Entity::find()
            .filter(user::Column::PasswordHash.eq("bench"))
            .all(&db)
            .await
            .unwrap();
        let everyone: Vec<_> = rows
            .iter()
            .map(app::server::accounts::members::to_member)
            .collect();
        let staff = everyone
            .iter()
            .find(|m| m.role == Role::Staff)
            .unwrap()
            .clone();
        let category = app::server::catalog::categories::add_missing_defaults(&db)
            .await
            .unwrap();
        assert!(category > 0);
        let category = app::server::entities::category::Entity::find()
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let files = app::server::infra::file_store::LocalFolder::new(config.uploads_dir());
        let limits = app::server::PostingLimits::default();
        let new = app::server::proposals::NewProposal {
            title: ProposalTitle::parse("Lavička").unwrap(),
            body: ProposalBody::parse("Chybí lavička.").unwrap(),
            category: Some(category),
            place: None,
        };
        let ready = app::server::proposals::find_choices(&db, new)
            .await
            .unwrap();
        let proposal = app::server::proposals::create(
            &db,
            &files,
            &staff,
            None,
            ready,
            app::server::proposals::Attached::default(),
            &limits,
            false,
        )
        .await
        .unwrap();
        let now = Utc::now();
        let id = decisions::open_single(
            &db,
            &staff,
            NewDecision {
                proposal: ProposalId(proposal),
                rule: DecisionRule::new(Eligibility::CoreGroup, 1).unwrap(),
                window: VotingWindow::new(now, now + chrono::Duration::days(1)).unwrap(),
            },
        )
        .await
        .unwrap();

        let start = Instant::now();
        let tasks = everyone
            .into_iter()
            .filter(|m| m.core)
            .enumerate()
            .map(|(n, voter)| {
                let db = db.clone();
                tokio::spawn(async move {
                    // Each voter votes, then changes their mind: a sustained load, not one burst.
                    let mut times = Vec::with_capacity(ROUNDS);
                    for round in 0..ROUNDS {
                        let choice = Choice::ALL[(n + round) % 3];
                        let began = Instant::now();
                        decisions::vote(&db, &voter, id, choice, None)
                            .await
                            .unwrap();
                        times.push(began.elapsed());
                    }
                    times
                })
            });
        let mut times: Vec<_> = futures::future::join_all(tasks)
            .await
            .into_iter()
            .flat_map(Result::unwrap)
            .collect();
        let total = start.elapsed();
        times.sort();
        let p = |q: usize| times[(times.len() * q / 100).min(times.len() - 1)];
        println!(
            "{:<10} {voters} voters at once, {ROUNDS} votes each: {:>6.0} votes/s, cast p50 {:>6.1} ms, p95 {:>6.1} ms ({} votes in {:.2} s)",
            database.kind(),
            times.len() as f64 / total.as_secs_f64(),
            p(50).as_secs_f64() * 1000.0,
            p(95).as_secs_f64() * 1000.0,
            times.len(),
            total.as_secs_f64(),
        );
        decisions::close_early(&db, &staff, id).await.unwrap();
        let _ = std::fs::remove_dir_all(&data_dir);
    }
}
