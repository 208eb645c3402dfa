//! Decisions: secret votes on proposals. The schema is built around the secret (DESIGN.md):
//! - `decision_participants` says who took part (and who helped, for an assisted vote); it never
//!   says how anyone voted, and it stays after the close.
//! - `open_ballot_marks` holds each voter's current choice only while a decision is open; closing
//!   counts them into `decision_tallies` and deletes them in the same transaction, so after the
//!   close no row links a voter to a choice.
//! - `decision_tallies` holds the counts per proposal, written once at the close (or entered from a
//!   meeting) and never changed afterwards.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Decisions::Table)
                    .if_not_exists()
                    .col(pk_auto(Decisions::Id))
                    // `single` (yes / no / abstain on one proposal) or `priority` (dots).
                    .col(string_len(Decisions::Kind, 16))
                    // `online` (members vote in Spolu) or `meeting` (a tally counted in the room).
                    .col(string_len(Decisions::Method, 16))
                    .col(string_len(Decisions::Title, 200))
                    // `core` or `members`; with the rule and quorum, fixed once the decision opens.
                    .col(string_len(Decisions::Eligibility, 16))
                    .col(integer(Decisions::Quorum))
                    .col(integer_null(Decisions::DotsPerVoter))
                    .col(integer_null(Decisions::DotsPerProposal))
                    .col(timestamp_with_time_zone(Decisions::OpensAt))
                    .col(timestamp_with_time_zone(Decisions::ClosesAt))
                    // Set when the opening was carried out (proposals moved to `voting`).
                    .col(timestamp_with_time_zone_null(Decisions::StartedAt))
                    // Set by the close; a closed decision never changes again.
                    .col(timestamp_with_time_zone_null(Decisions::ClosedAt))
                    .col(timestamp_with_time_zone_null(Decisions::CancelledAt))
                    .col(text_null(Decisions::CancelReason))
                    // Frozen at the close: how many could vote, how many did, and the result.
                    .col(integer_null(Decisions::EligibleCount))
                    .col(integer_null(Decisions::VoterCount))
                    .col(string_len_null(Decisions::Outcome, 16))
                    .col(text_null(Decisions::MeetingNote))
                    .col(integer(Decisions::CreatedBy))
                    .col(timestamp_with_time_zone(Decisions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decisions::Table, Decisions::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_decisions_due")
                    .table(Decisions::Table)
                    .col(Decisions::ClosedAt)
                    .col(Decisions::ClosesAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DecisionProposals::Table)
                    .if_not_exists()
                    .col(integer(DecisionProposals::DecisionId))
                    .col(integer(DecisionProposals::ProposalId))
                    .col(integer(DecisionProposals::Position))
                    .primary_key(
                        Index::create()
                            .col(DecisionProposals::DecisionId)
                            .col(DecisionProposals::ProposalId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DecisionProposals::Table, DecisionProposals::DecisionId)
                            .to(Decisions::Table, Decisions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DecisionProposals::Table, DecisionProposals::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_decision_proposals_proposal")
                    .table(DecisionProposals::Table)
                    .col(DecisionProposals::ProposalId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DecisionParticipants::Table)
                    .if_not_exists()
                    .col(integer(DecisionParticipants::DecisionId))
                    .col(integer(DecisionParticipants::MemberId))
                    // The staff member who helped at the centre, if any; never what was chosen.
                    .col(integer_null(DecisionParticipants::AssistedBy))
                    .col(timestamp_with_time_zone(DecisionParticipants::VotedAt))
                    // One vote per member per decision, enforced here.
                    .primary_key(
                        Index::create()
                            .col(DecisionParticipants::DecisionId)
                            .col(DecisionParticipants::MemberId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                DecisionParticipants::Table,
                                DecisionParticipants::DecisionId,
                            )
                            .to(Decisions::Table, Decisions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DecisionParticipants::Table, DecisionParticipants::MemberId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpenBallotMarks::Table)
                    .if_not_exists()
                    .col(integer(OpenBallotMarks::DecisionId))
                    .col(integer(OpenBallotMarks::MemberId))
                    .col(integer(OpenBallotMarks::ProposalId))
                    // `yes` / `no` / `abstain` for a single decision; null in a priority poll.
                    .col(string_len_null(OpenBallotMarks::Choice, 8))
                    // Dots on this proposal in a priority poll; null otherwise.
                    .col(integer_null(OpenBallotMarks::Dots))
                    .primary_key(
                        Index::create()
                            .col(OpenBallotMarks::DecisionId)
                            .col(OpenBallotMarks::MemberId)
                            .col(OpenBallotMarks::ProposalId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpenBallotMarks::Table, OpenBallotMarks::DecisionId)
                            .to(Decisions::Table, Decisions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DecisionTallies::Table)
                    .if_not_exists()
                    .col(integer(DecisionTallies::DecisionId))
                    .col(integer(DecisionTallies::ProposalId))
                    .col(integer(DecisionTallies::Yes))
                    .col(integer(DecisionTallies::No))
                    .col(integer(DecisionTallies::Abstain))
                    .col(integer(DecisionTallies::Dots))
                    .primary_key(
                        Index::create()
                            .col(DecisionTallies::DecisionId)
                            .col(DecisionTallies::ProposalId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DecisionTallies::Table, DecisionTallies::DecisionId)
                            .to(Decisions::Table, Decisions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DecisionTallies::Table.into_iden(),
            OpenBallotMarks::Table.into_iden(),
            DecisionParticipants::Table.into_iden(),
            DecisionProposals::Table.into_iden(),
            Decisions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    Id,
    Kind,
    Method,
    Title,
    Eligibility,
    Quorum,
    DotsPerVoter,
    DotsPerProposal,
    OpensAt,
    ClosesAt,
    StartedAt,
    ClosedAt,
    CancelledAt,
    CancelReason,
    EligibleCount,
    VoterCount,
    Outcome,
    MeetingNote,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DecisionProposals {
    Table,
    DecisionId,
    ProposalId,
    Position,
}

#[derive(DeriveIden)]
enum DecisionParticipants {
    Table,
    DecisionId,
    MemberId,
    AssistedBy,
    VotedAt,
}

#[derive(DeriveIden)]
enum OpenBallotMarks {
    Table,
    DecisionId,
    MemberId,
    ProposalId,
    Choice,
    Dots,
}

#[derive(DeriveIden)]
enum DecisionTallies {
    Table,
    DecisionId,
    ProposalId,
    Yes,
    No,
    Abstain,
    Dots,
}
