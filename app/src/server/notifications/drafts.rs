//! What each event says and to whom: one draft per kind of event, never with anyone's vote.
use super::Draft;
use crate::domain::{Eligibility, LogAction, Role, Target, TargetKind};
use crate::error::AppError;
use crate::server::clock::now;
use crate::server::entities::{
    comment, decision, decision_participant, decision_proposal, moderation_log, outcome, proposal,
    support, user,
};
use crate::views::notifications::NotificationKind;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::BTreeSet;

/// A reply: to the proposal's author, and to the author of the comment it answers.
pub(super) async fn comment_draft(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<Draft>, AppError> {
    let Some(row) = comment::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if row.deleted_at.is_some() || row.hidden_at.is_some() || row.held_at.is_some() {
        return Ok(None);
    }
    let mut recipients = BTreeSet::new();
    if let Some(proposal) = proposal::Entity::find_by_id(row.proposal_id)
        .one(db)
        .await?
    {
        recipients.insert(proposal.author_id);
    }
    if let Some(parent) = row.parent_id
        && let Some(parent) = comment::Entity::find_by_id(parent).one(db).await?
    {
        recipients.insert(parent.author_id);
    }
    recipients.remove(&row.author_id);
    Ok(Some(Draft {
        event: format!("comment-{id}"),
        kind: NotificationKind::Reply,
        proposal: Some(row.proposal_id),
        decision: None,
        detail: None,
        recipients,
    }))
}

/// What moderators did to a member's proposal or comment, with the reason, told to its author.
pub(super) async fn moderation_draft(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<Draft>, AppError> {
    let Some(row) = moderation_log::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let kind = match row.action {
        LogAction::Hide => NotificationKind::Hidden,
        LogAction::Edit => NotificationKind::Edited,
        LogAction::Merge => NotificationKind::Merged,
        LogAction::Approve => NotificationKind::Approved,
        _ => return Ok(None),
    };
    let (Some(author), Some(target)) = (row.member_id, row.target_id) else {
        return Ok(None);
    };
    let proposal = match row.target_kind {
        Some(TargetKind::Proposal) => Some(target),
        Some(TargetKind::Comment) => comment::Entity::find_by_id(target)
            .one(db)
            .await?
            .map(|c| c.proposal_id),
        None => None,
    };
    let recipients = if author == row.staff_id {
        BTreeSet::new()
    } else {
        BTreeSet::from([author])
    };
    Ok(Some(Draft {
        event: format!("log-{id}"),
        kind,
        proposal,
        decision: None,
        // A merge's log row names the target; the duplicate's page links there already.
        detail: (kind != NotificationKind::Merged)
            .then_some(row.reason)
            .flatten(),
        recipients,
    }))
}

/// A decision opened (to those who may vote) or closed (to them and the proposals' authors,
/// with the result).
pub(super) async fn decision_draft(
    db: &DatabaseConnection,
    id: i32,
    closed: bool,
) -> Result<Option<Draft>, AppError> {
    let Some(row) = decision::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let mut recipients = voters(db, row.eligibility).await?;
    let proposals = proposals_of(db, id).await?;
    if closed {
        let authors: Vec<i32> = proposal::Entity::find()
            .select_only()
            .column(proposal::Column::AuthorId)
            .filter(proposal::Column::Id.is_in(proposals.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        recipients.extend(authors);
    }
    let (event, kind) = if closed {
        (
            format!("decision-closed-{id}"),
            NotificationKind::DecisionClosed,
        )
    } else {
        (
            format!("decision-open-{id}"),
            NotificationKind::DecisionOpened,
        )
    };
    Ok(Some(Draft {
        event,
        kind,
        // A decision on one proposal belongs to it (named by it, listed with its other news); a
        // poll is named by its own title.
        proposal: match proposals.as_slice() {
            [only] => Some(*only),
            _ => None,
        },
        decision: Some(id),
        detail: if closed {
            row.outcome.map(|o| o.as_str().to_owned())
        } else {
            None
        },
        recipients,
    }))
}

/// A decision closes within a day: to those who may vote and have not.
pub(super) async fn closing_draft(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<Draft>, AppError> {
    let Some(row) = decision::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if row.closed_at.is_some() || row.cancelled_at.is_some() {
        return Ok(None);
    }
    let mut recipients = voters(db, row.eligibility).await?;
    let voted: Vec<i32> = decision_participant::Entity::find()
        .select_only()
        .column(decision_participant::Column::MemberId)
        .filter(decision_participant::Column::DecisionId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    for member in voted {
        recipients.remove(&member);
    }
    let proposals = proposals_of(db, id).await?;
    Ok(Some(Draft {
        event: format!("decision-closing-{id}"),
        kind: NotificationKind::DecisionClosing,
        proposal: match proposals.as_slice() {
            [only] => Some(*only),
            _ => None,
        },
        decision: Some(id),
        detail: None,
        recipients,
    }))
}

/// A proposal or a comment waits in the moderation queue: to every staff member and admin.
pub(super) async fn waiting_draft(
    db: &DatabaseConnection,
    target: Target,
) -> Result<Option<Draft>, AppError> {
    let (event, proposal) = match target {
        Target::Proposal(id) => (format!("waiting-proposal-{id}"), id),
        Target::Comment(id) => {
            let Some(row) = comment::Entity::find_by_id(id).one(db).await? else {
                return Ok(None);
            };
            (format!("waiting-comment-{id}"), row.proposal_id)
        }
    };
    let recipients: BTreeSet<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Role.is_in([Role::Staff, Role::Admin]))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(Some(Draft {
        event,
        kind: NotificationKind::Waiting,
        proposal: Some(proposal),
        decision: None,
        detail: None,
        recipients,
    }))
}

/// Everyone who may vote in a decision of this eligibility. A suspended member may not vote,
/// so is not asked to.
async fn voters(
    db: &DatabaseConnection,
    eligibility: Eligibility,
) -> Result<BTreeSet<i32>, AppError> {
    let mut voters = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(
            sea_orm::Condition::any()
                .add(user::Column::SuspendedUntil.is_null())
                .add(user::Column::SuspendedUntil.lte(now())),
        );
    if eligibility == Eligibility::CoreGroup {
        voters = voters.filter(user::Column::Core.eq(true));
    }
    Ok(voters
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The proposals a decision is about, in their order.
async fn proposals_of(db: &DatabaseConnection, decision: i32) -> Result<Vec<i32>, AppError> {
    Ok(decision_proposal::Entity::find()
        .select_only()
        .column(decision_proposal::Column::ProposalId)
        .filter(decision_proposal::Column::DecisionId.eq(decision))
        .order_by_asc(decision_proposal::Column::Position)
        .into_tuple()
        .all(db)
        .await?)
}

/// Everyone who wrote, supported or commented on the proposal, but not the staff member who
/// wrote the outcome.
pub(super) async fn outcome_draft(
    db: &DatabaseConnection,
    row: &outcome::Model,
    event: String,
    kind: NotificationKind,
    by: i32,
) -> Result<Draft, AppError> {
    let mut recipients = BTreeSet::new();
    if let Some(proposal) = proposal::Entity::find_by_id(row.proposal_id)
        .one(db)
        .await?
    {
        recipients.insert(proposal.author_id);
    }
    let supporters: Vec<i32> = support::Entity::find()
        .select_only()
        .column(support::Column::MemberId)
        .filter(support::Column::ProposalId.eq(row.proposal_id))
        .into_tuple()
        .all(db)
        .await?;
    let commenters: Vec<i32> = comment::Entity::find()
        .select_only()
        .column(comment::Column::AuthorId)
        .distinct()
        .filter(comment::Column::ProposalId.eq(row.proposal_id))
        .filter(comment::Column::DeletedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    recipients.extend(supporters);
    recipients.extend(commenters);
    recipients.remove(&by);
    Ok(Draft {
        event,
        kind,
        proposal: Some(row.proposal_id),
        decision: None,
        detail: Some(row.stage.as_str().to_owned()),
        recipients,
    })
}
