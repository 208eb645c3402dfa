//! The demo's decisions: one open vote of the core group (Eva has voted, Boris has not), one
//! closed with its result, a priority poll open to all members, and a tally from a meeting.
//! Added once; a database that already has decisions is left alone.
use crate::error::AppError;
use crate::server::accounts::members::to_member;
use crate::server::clock;
use crate::server::clock::now;
use crate::server::decisions::polls::{self, NewPoll};
use crate::server::decisions::{self, MeetingTally, NewDecision};
use crate::server::entities::{decision, proposal, user};
use crate::visitor::Member;
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// Returns how many decisions were added.
pub async fn seed_decisions(db: &DatabaseConnection, zone: Tz) -> Result<usize, AppError> {
    if decision::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let member = |username: &'static str| async move {
        user::Entity::find()
            .filter(user::Column::Username.eq(username))
            .one(db)
            .await?
            .map(|row| to_member(&row))
            .ok_or(AppError::Internal)
    };
    let proposal = |title: &'static str| async move {
        proposal::Entity::find()
            .filter(proposal::Column::Title.eq(title))
            .one(db)
            .await?
            .map(|row| row.id.to_string())
            .ok_or(AppError::Internal)
    };
    let cyril: Member = member("cyril").await?;
    let (eva, boris) = (member("eva").await?, member("boris").await?);
    let (anna, filip) = (member("anna").await?, member("filip").await?);
    let in_days = |days: i64| clock::to_local(now() + chrono::Duration::days(days), zone);
    let single = |proposal: String, days: i64| NewDecisionOwned {
        proposal,
        closes_at: in_days(days),
    };

    let open = single(proposal("Světlo v podchodu").await?, 5);
    let open = decisions::open_single(db, &cyril, open.borrowed(), zone).await?;
    decisions::vote(db, &eva, open, "yes", None).await?;

    let closed = single(proposal("Opravit houpačku na hřišti").await?, 2);
    let closed = decisions::open_single(db, &cyril, closed.borrowed(), zone).await?;
    decisions::vote(db, &eva, closed, "yes", None).await?;
    decisions::vote(db, &boris, closed, "yes", None).await?;
    decisions::close_early(db, &cyril, closed).await?;

    let ranked = [
        proposal("Společný úklid parku po zimě").await?,
        proposal("Zahradní slavnost pro děti").await?,
        proposal("Víko na pískoviště").await?,
    ];
    let poll = polls::open_poll(
        db,
        &cyril,
        NewPoll {
            title: "Co udělat na jaře jako první?",
            proposals: &ranked,
            eligibility: "members",
            opens: "now",
            opens_at: "",
            closes_at: &in_days(7),
            quorum: "3",
            dots: "3",
            dots_per_proposal: "2",
        },
        zone,
    )
    .await?;
    polls::vote_dots(db, &anna, poll, &["2".into(), "1".into(), "0".into()], None).await?;
    polls::vote_dots(
        db,
        &filip,
        poll,
        &["0".into(), "2".into(), "1".into()],
        None,
    )
    .await?;

    let today = clock::to_local(now(), zone);
    decisions::record_meeting(
        db,
        &cyril,
        MeetingTally {
            proposal: &proposal("Přechod u školy").await?,
            eligibility: "core",
            held_on: today.split('T').next().unwrap_or_default(),
            yes: "6",
            no: "2",
            abstain: "1",
            quorum: "5",
            note: "Schůzka jádrové skupiny v komunitním centru, přítomno 9 lidí.",
        },
        zone,
    )
    .await?;
    Ok(4)
}

/// The owned parts of a [`NewDecision`] the demo varies.
struct NewDecisionOwned {
    proposal: String,
    closes_at: String,
}

impl NewDecisionOwned {
    fn borrowed(&self) -> NewDecision<'_> {
        NewDecision {
            proposal: &self.proposal,
            eligibility: "core",
            opens: "now",
            opens_at: "",
            closes_at: &self.closes_at,
            quorum: "2",
        }
    }
}
