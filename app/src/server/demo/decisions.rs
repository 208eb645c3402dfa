//! The demo's decisions: one open vote of the core group (Eva has voted, Boris has not), one
//! closed with its result, a priority poll open to all members, and a tally from a meeting.
//! Added once; a database that already has decisions is left alone.
use crate::domain::{
    Choice, DecisionRule, Dots, Eligibility, MeetingNote, PollTitle, ProposalId, Tally,
    VotingWindow,
};
use crate::error::AppError;
use crate::server::accounts::members::to_member;
use crate::server::clock::now;
use crate::server::decisions::polls::{self, NewPoll};
use crate::server::decisions::{self, MeetingTally, NewDecision};
use crate::server::entities::{decision, proposal, user};
use crate::visitor::Member;
use chrono::Duration;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// Returns how many decisions were added.
pub async fn seed_decisions(db: &DatabaseConnection) -> Result<usize, AppError> {
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
            .map(|row| ProposalId(row.id))
            .ok_or(AppError::Internal)
    };
    let cyril: Member = member("cyril").await?;
    let (eva, boris) = (member("eva").await?, member("boris").await?);
    let (anna, filip) = (member("anna").await?, member("filip").await?);
    // The demo's own numbers, all within the rules; a broken one is a bug, not a resident's error.
    let rule = |eligibility, voters| {
        DecisionRule::new(eligibility, voters).map_err(|_| AppError::Internal)
    };
    let for_days = |days: i64| {
        let at = now();
        VotingWindow::new(at, at + Duration::days(days)).map_err(|_| AppError::Internal)
    };
    let single = |proposal: ProposalId, days: i64| {
        Ok::<_, AppError>(NewDecision {
            proposal,
            rule: rule(Eligibility::CoreGroup, 2)?,
            window: for_days(days)?,
        })
    };

    let open = single(proposal("Světlo v podchodu").await?, 5)?;
    let open = decisions::open_single(db, &cyril, open).await?;
    decisions::vote(db, &eva, open, Choice::Yes, None).await?;

    let closed = single(proposal("Opravit houpačku na hřišti").await?, 2)?;
    let closed = decisions::open_single(db, &cyril, closed).await?;
    decisions::vote(db, &eva, closed, Choice::Yes, None).await?;
    decisions::vote(db, &boris, closed, Choice::Yes, None).await?;
    decisions::close_early(db, &cyril, closed).await?;

    let ranked = vec![
        proposal("Společný úklid parku po zimě").await?,
        proposal("Zahradní slavnost pro děti").await?,
        proposal("Víko na pískoviště").await?,
    ];
    let poll = polls::open_poll(
        db,
        &cyril,
        NewPoll {
            title: PollTitle::parse("Co udělat na jaře jako první?")
                .map_err(|_| AppError::Internal)?,
            proposals: ranked,
            rule: rule(Eligibility::AllMembers, 3)?,
            window: for_days(7)?,
            dots: Dots::new(3, 2).map_err(|_| AppError::Internal)?,
        },
    )
    .await?;
    polls::vote_dots(db, &anna, poll, &[2, 1, 0], None).await?;
    polls::vote_dots(db, &filip, poll, &[0, 2, 1], None).await?;

    decisions::record_meeting(
        db,
        &cyril,
        MeetingTally {
            proposal: proposal("Přechod u školy").await?,
            rule: rule(Eligibility::CoreGroup, 5)?,
            held_at: now(),
            tally: Tally {
                yes: 6,
                no: 2,
                abstain: 1,
            },
            note: MeetingNote::parse(
                "Schůzka jádrové skupiny v komunitním centru, přítomno 9 lidí.",
            )
            .map_err(|_| AppError::Internal)?,
        },
    )
    .await?;
    Ok(4)
}
