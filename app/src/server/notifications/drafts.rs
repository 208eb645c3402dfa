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
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
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
        recipients: these(recipients),
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
    let recipients = these(recipients);
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
    let recipients = if closed {
        // The result goes to the proposals' authors too.
        let authors = Query::select()
            .column(proposal::Column::AuthorId)
            .from(proposal::Entity)
            .and_where(proposal::Column::Id.in_subquery(proposals_subquery(id)))
            .to_owned();
        Condition::any()
            .add(voters(row.eligibility))
            .add(user::Column::Id.in_subquery(authors))
    } else {
        voters(row.eligibility)
    };
    let proposals = proposals_of(db, id).await?;
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
    let voted = Query::select()
        .column(decision_participant::Column::MemberId)
        .from(decision_participant::Entity)
        .and_where(decision_participant::Column::DecisionId.eq(id))
        .to_owned();
    let recipients = voters(row.eligibility).add(user::Column::Id.not_in_subquery(voted));
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
    let recipients = Condition::all().add(user::Column::Role.is_in([Role::Staff, Role::Admin]));
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
fn voters(eligibility: Eligibility) -> Condition {
    let voters = Condition::all().add(
        Condition::any()
            .add(user::Column::SuspendedUntil.is_null())
            .add(user::Column::SuspendedUntil.lte(now())),
    );
    if eligibility == Eligibility::CoreGroup {
        voters.add(user::Column::Core.eq(true))
    } else {
        voters
    }
}

/// Exactly these members (none when the set is empty).
fn these(members: BTreeSet<i32>) -> Condition {
    Condition::all().add(user::Column::Id.is_in(members))
}

/// `SELECT proposal_id FROM decision_proposals` of one decision.
fn proposals_subquery(decision: i32) -> SelectStatement {
    Query::select()
        .column(decision_proposal::Column::ProposalId)
        .from(decision_proposal::Entity)
        .and_where(decision_proposal::Column::DecisionId.eq(decision))
        .to_owned()
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
pub(super) fn outcome_draft(
    row: &outcome::Model,
    event: String,
    kind: NotificationKind,
    by: i32,
) -> Draft {
    let author = Query::select()
        .column(proposal::Column::AuthorId)
        .from(proposal::Entity)
        .and_where(proposal::Column::Id.eq(row.proposal_id))
        .to_owned();
    let supporters = Query::select()
        .column(support::Column::MemberId)
        .from(support::Entity)
        .and_where(support::Column::ProposalId.eq(row.proposal_id))
        .to_owned();
    let commenters = Query::select()
        .column(comment::Column::AuthorId)
        .from(comment::Entity)
        .and_where(comment::Column::ProposalId.eq(row.proposal_id))
        .and_where(comment::Column::DeletedAt.is_null())
        .to_owned();
    let recipients = Condition::all()
        .add(
            Condition::any()
                .add(user::Column::Id.in_subquery(author))
                .add(user::Column::Id.in_subquery(supporters))
                .add(user::Column::Id.in_subquery(commenters)),
        )
        .add(user::Column::Id.ne(by));
    Draft {
        event,
        kind,
        proposal: Some(row.proposal_id),
        decision: None,
        detail: Some(row.stage.as_str().to_owned()),
        recipients,
    }
}
