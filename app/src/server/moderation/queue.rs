//! Reading what moderators need: the queue (reported, waiting and hidden items).
//! A fixed number of queries, whatever the queue's length.
use crate::domain::Target;
use crate::domain::{ProposalStatus, ReportReason};
use crate::error::AppError;
use crate::server::accounts::members::names;
use crate::server::clock::local_day;
use crate::server::entities::{comment, proposal, report};
use crate::views::moderation::{Marks, Queue, QueueItem};
use crate::views::proposals::VoiceView;
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// How many items each part of the queue shows at most.
const SECTION_LIMIT: u64 = 100;

/// The queue: items with open reports (grouped, newest report first), items waiting for approval,
/// and recently hidden items (to restore). With `only`, just that one item, wherever it belongs.
pub async fn queue(
    db: &DatabaseConnection,
    zone: Tz,
    only: Option<Target>,
) -> Result<Queue, AppError> {
    let mut reports_query = report::Entity::find()
        .filter(report::Column::ResolvedAt.is_null())
        .order_by_desc(report::Column::CreatedAt)
        .limit(SECTION_LIMIT * 5);
    if let Some(target) = only {
        reports_query = reports_query
            .filter(report::Column::TargetKind.eq(target.kind()))
            .filter(report::Column::TargetId.eq(target.id()));
    }
    let reports = reports_query.all(db).await?;
    let mut reported: Vec<Target> = Vec::new();
    for row in &reports {
        if let Some(target) = Some(Target::new(row.target_kind, row.target_id))
            && !reported.contains(&target)
        {
            reported.push(target);
        }
    }
    reported.truncate(SECTION_LIMIT as usize);

    let (waiting, hidden) = match only {
        Some(target) => (vec![target], vec![target]),
        None => (waiting_items(db).await?, hidden_items(db).await?),
    };
    let all: Vec<Target> = reported
        .iter()
        .chain(&waiting)
        .chain(&hidden)
        .copied()
        .collect();
    let items = Items::load(db, &all).await?;
    let build = |target: &Target| items.item(*target, &reports, zone);
    let mut queue = Queue {
        reported: reported.iter().filter_map(build).collect(),
        waiting: waiting
            .iter()
            .filter_map(build)
            .filter(|item| item.waiting)
            .collect(),
        hidden: hidden
            .iter()
            .filter_map(build)
            .filter(|item| item.marks.hidden_reason.is_some())
            .collect(),
    };
    if let Some(target) = only {
        let shown =
            !queue.reported.is_empty() || !queue.waiting.is_empty() || !queue.hidden.is_empty();
        if !shown {
            queue.reported = build(&target).into_iter().collect();
        }
        if queue.reported.is_empty() && queue.waiting.is_empty() && queue.hidden.is_empty() {
            return Err(AppError::NotFound);
        }
        // One item shows once, in the first part it belongs to.
        if !queue.reported.is_empty() {
            queue.waiting.clear();
            queue.hidden.clear();
        } else if !queue.waiting.is_empty() {
            queue.hidden.clear();
        }
    }
    Ok(queue)
}

/// Proposals waiting for approval and comments held by the word list, oldest first (first come,
/// first served).
async fn waiting_items(db: &DatabaseConnection) -> Result<Vec<Target>, AppError> {
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted))
        .filter(proposal::Column::HiddenAt.is_null())
        .order_by_asc(proposal::Column::Id)
        .limit(SECTION_LIMIT)
        .all(db)
        .await?;
    let comments = comment::Entity::find()
        .filter(comment::Column::HeldAt.is_not_null())
        .filter(comment::Column::HiddenAt.is_null())
        .filter(comment::Column::DeletedAt.is_null())
        .order_by_asc(comment::Column::Id)
        .limit(SECTION_LIMIT)
        .all(db)
        .await?;
    Ok(proposals
        .iter()
        .map(|p| Target::Proposal(p.id))
        .chain(comments.iter().map(|c| Target::Comment(c.id)))
        .collect())
}

/// The most recently hidden proposals and comments.
async fn hidden_items(db: &DatabaseConnection) -> Result<Vec<Target>, AppError> {
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::HiddenAt.is_not_null())
        .order_by_desc(proposal::Column::HiddenAt)
        .limit(SECTION_LIMIT / 2)
        .all(db)
        .await?;
    let comments = comment::Entity::find()
        .filter(comment::Column::HiddenAt.is_not_null())
        .filter(comment::Column::DeletedAt.is_null())
        .order_by_desc(comment::Column::HiddenAt)
        .limit(SECTION_LIMIT / 2)
        .all(db)
        .await?;
    let mut hidden: Vec<_> = proposals
        .iter()
        .map(|p| (p.hidden_at, Target::Proposal(p.id)))
        .chain(
            comments
                .iter()
                .map(|c| (c.hidden_at, Target::Comment(c.id))),
        )
        .collect();
    hidden.sort_by_key(|item| std::cmp::Reverse(item.0));
    Ok(hidden.into_iter().map(|(_, target)| target).collect())
}

/// The proposals, comments and people an item list refers to, loaded in four queries.
struct Items {
    proposals: HashMap<i32, proposal::Model>,
    comments: HashMap<i32, comment::Model>,
    names: HashMap<i32, String>,
}

impl Items {
    async fn load(db: &DatabaseConnection, targets: &[Target]) -> Result<Self, AppError> {
        let comment_ids: Vec<i32> = targets
            .iter()
            .filter_map(|t| match t {
                Target::Comment(id) => Some(*id),
                Target::Proposal(_) => None,
            })
            .collect();
        let comments: HashMap<i32, comment::Model> = comment::Entity::find()
            .filter(comment::Column::Id.is_in(comment_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let proposal_ids: Vec<i32> = targets
            .iter()
            .filter_map(|t| match t {
                Target::Proposal(id) => Some(*id),
                Target::Comment(_) => None,
            })
            .chain(comments.values().map(|c| c.proposal_id))
            .collect();
        let proposals: HashMap<i32, proposal::Model> = proposal::Entity::find()
            .filter(proposal::Column::Id.is_in(proposal_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut people: Vec<i32> = Vec::new();
        for p in proposals.values() {
            people.extend([Some(p.author_id), p.assisted_by].into_iter().flatten());
        }
        for c in comments.values() {
            people.extend([Some(c.author_id), c.assisted_by].into_iter().flatten());
        }
        let names = names(db, people.into_iter()).await?;
        Ok(Self {
            proposals,
            comments,
            names,
        })
    }

    fn name(&self, id: i32) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }

    fn item(&self, target: Target, reports: &[report::Model], zone: Tz) -> Option<QueueItem> {
        let mine: Vec<&report::Model> = reports
            .iter()
            .filter(|r| r.target_kind == target.kind() && r.target_id == target.id())
            .collect();
        let mut reasons: Vec<(String, u32)> = Vec::new();
        for reason in ReportReason::ALL {
            let count = mine.iter().filter(|r| r.reason == reason).count() as u32;
            if count > 0 {
                reasons.push((reason.label_key(), count));
            }
        }
        let notes = mine.iter().filter_map(|r| r.note.clone()).collect();
        let newest_report = mine.first().map(|r| r.created_at);
        let (proposal, text, author_id, marks, waiting, written, voice) = match target {
            Target::Proposal(id) => {
                let p = self.proposals.get(&id)?;
                let waiting = p.status == ProposalStatus::Submitted;
                let marks = Marks {
                    hidden_reason: p.hidden_reason.clone(),
                    moderator_note: p.moderator_note.clone(),
                    held: waiting,
                    helped_by: p.assisted_by.map(|s| self.name(s)),
                };
                let voice = p.voice_file.as_ref().map(|_| {
                    (
                        VoiceView::of("proposals", p.id, p.voice_seconds),
                        p.awaiting_text,
                    )
                });
                (
                    p,
                    p.body.clone(),
                    p.author_id,
                    marks,
                    waiting,
                    p.created_at,
                    voice,
                )
            }
            Target::Comment(id) => {
                let c = self.comments.get(&id)?;
                let p = self.proposals.get(&c.proposal_id)?;
                let marks = Marks {
                    hidden_reason: c.hidden_reason.clone(),
                    moderator_note: c.moderator_note.clone(),
                    held: c.held_at.is_some(),
                    helped_by: c.assisted_by.map(|s| self.name(s)),
                };
                let voice = c.voice_file.as_ref().map(|_| {
                    (
                        VoiceView::of("comments", c.id, c.voice_seconds),
                        c.awaiting_text,
                    )
                });
                (
                    p,
                    c.body.clone(),
                    c.author_id,
                    marks,
                    c.held_at.is_some(),
                    c.created_at,
                    voice,
                )
            }
        };
        let status = proposal.status;
        Some(QueueItem {
            kind: target.kind().as_str().into(),
            id: target.id(),
            proposal_id: proposal.id,
            proposal_title: proposal.title.clone(),
            text,
            author: self.name(author_id),
            author_id,
            marks,
            locked: proposal.locked_at.is_some(),
            mergeable: matches!(target, Target::Proposal(_))
                && matches!(status, ProposalStatus::Submitted | ProposalStatus::Open),
            waiting,
            reasons,
            notes,
            on: local_day(newest_report.unwrap_or(written), zone),
            awaiting_text: voice.as_ref().is_some_and(|(_, awaiting)| *awaiting),
            voice: voice.map(|(voice, _)| voice),
        })
    }
}
