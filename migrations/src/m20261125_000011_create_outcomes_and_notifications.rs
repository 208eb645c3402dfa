//! Closing the loop: outcomes of decided proposals with dated progress updates and their photos,
//! in-app notifications, and the mark of a deleted account.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Outcomes::Table)
                    .col(pk_auto(Outcomes::Id))
                    // One outcome per proposal; updates carry the story on.
                    .col(integer_uniq(Outcomes::ProposalId))
                    // The decision in plain words.
                    .col(text(Outcomes::Summary))
                    .col(string_len(Outcomes::WhoDoes, 200))
                    .col(date_null(Outcomes::DueOn))
                    // `planned`, `in_progress`, `done` or `not_possible`.
                    .col(string_len(Outcomes::Stage, 16))
                    .col(text_null(Outcomes::NotPossibleReason))
                    .col(integer(Outcomes::PublishedBy))
                    .col(timestamp_with_time_zone(Outcomes::PublishedAt))
                    .col(timestamp_with_time_zone(Outcomes::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Outcomes::Table, Outcomes::ProposalId)
                            .to(Proposals::Table, Proposals::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Outcomes::Table, Outcomes::PublishedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outcomes_updated")
                    .table(Outcomes::Table)
                    .col(Outcomes::UpdatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutcomeUpdates::Table)
                    .col(pk_auto(OutcomeUpdates::Id))
                    .col(integer(OutcomeUpdates::OutcomeId))
                    .col(text(OutcomeUpdates::Body))
                    // The stage the outcome moved to with this update, if it moved.
                    .col(string_len_null(OutcomeUpdates::Stage, 16))
                    .col(integer(OutcomeUpdates::WrittenBy))
                    .col(timestamp_with_time_zone(OutcomeUpdates::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutcomeUpdates::Table, OutcomeUpdates::OutcomeId)
                            .to(Outcomes::Table, Outcomes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutcomeUpdates::Table, OutcomeUpdates::WrittenBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outcome_updates_outcome")
                    .table(OutcomeUpdates::Table)
                    .col(OutcomeUpdates::OutcomeId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutcomePhotos::Table)
                    .col(pk_auto(OutcomePhotos::Id))
                    .col(integer(OutcomePhotos::UpdateId))
                    .col(integer(OutcomePhotos::Position))
                    .col(string_len(OutcomePhotos::FileName, 64))
                    .col(string_len(OutcomePhotos::ThumbnailName, 64))
                    .col(integer(OutcomePhotos::Width))
                    .col(integer(OutcomePhotos::Height))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutcomePhotos::Table, OutcomePhotos::UpdateId)
                            .to(OutcomeUpdates::Table, OutcomeUpdates::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outcome_photos_update")
                    .table(OutcomePhotos::Table)
                    .col(OutcomePhotos::UpdateId)
                    .col(OutcomePhotos::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(integer(Notifications::MemberId))
                    // Names the event (`comment-12`, `log-40`, `outcome-update-7`…): with the
                    // member, unique, so a retried or concurrent send never adds a second row.
                    .col(string_len(Notifications::Event, 64))
                    .col(string_len(Notifications::Kind, 32))
                    .col(integer_null(Notifications::ProposalId))
                    .col(integer_null(Notifications::DecisionId))
                    // A reason staff gave, or the result of a decision.
                    .col(string_len_null(Notifications::Detail, 200))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notifications::Table, Notifications::MemberId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_event")
                    .table(Notifications::Table)
                    .col(Notifications::MemberId)
                    .col(Notifications::Event)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_unread")
                    .table(Notifications::Table)
                    .col(Notifications::MemberId)
                    .col(Notifications::ReadAt)
                    .to_owned(),
            )
            .await?;
        // A deleted account keeps its row (others' replies and the moderation log point at it),
        // emptied of everything personal.
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Users::DeletedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::DeletedAt)
                    .to_owned(),
            )
            .await?;
        for table in [
            Notifications::Table.into_iden(),
            OutcomePhotos::Table.into_iden(),
            OutcomeUpdates::Table.into_iden(),
            Outcomes::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Outcomes {
    Table,
    Id,
    ProposalId,
    Summary,
    WhoDoes,
    DueOn,
    Stage,
    NotPossibleReason,
    PublishedBy,
    PublishedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OutcomeUpdates {
    Table,
    Id,
    OutcomeId,
    Body,
    Stage,
    WrittenBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutcomePhotos {
    Table,
    Id,
    UpdateId,
    Position,
    FileName,
    ThumbnailName,
    Width,
    Height,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    MemberId,
    Event,
    Kind,
    ProposalId,
    DecisionId,
    Detail,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    DeletedAt,
}
