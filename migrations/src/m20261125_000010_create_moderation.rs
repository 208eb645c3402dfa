//! Moderation: what staff did to proposals and comments (hidden with a reason, edited with a note,
//! discussion locked, merged, held for review, written with someone's help), the append-only
//! moderation log, password-reset codes, and the settings admins change at run time.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE, so each column is its own statement.
        let proposal_columns = [
            timestamp_with_time_zone_null(Proposals::HiddenAt),
            // A reason code from the built-in list, or the words staff wrote.
            string_len_null(Proposals::HiddenReason, 200),
            string_len_null(Proposals::ModeratorNote, 200),
            timestamp_with_time_zone_null(Proposals::LockedAt),
            integer_null(Proposals::MergedInto),
            // The staff member who wrote it for its author, at the centre.
            integer_null(Proposals::AssistedBy),
        ];
        for column in proposal_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Proposals::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        let comment_columns = [
            timestamp_with_time_zone_null(Comments::HiddenAt),
            string_len_null(Comments::HiddenReason, 200),
            string_len_null(Comments::ModeratorNote, 200),
            // Matched the word list: seen only by its author and staff until released.
            timestamp_with_time_zone_null(Comments::HeldAt),
            integer_null(Comments::AssistedBy),
        ];
        for column in comment_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Comments::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        // A code made for an existing member who forgot their password; and the batch a printed
        // code belongs to (the id of the batch's first code).
        for column in [
            integer_null(Invites::ResetFor),
            integer_null(Invites::Batch),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Invites::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ModerationLog::Table)
                    .if_not_exists()
                    .col(pk_auto(ModerationLog::Id))
                    .col(integer(ModerationLog::StaffId))
                    .col(string_len(ModerationLog::Action, 32))
                    .col(string_len_null(ModerationLog::TargetKind, 16))
                    .col(integer_null(ModerationLog::TargetId))
                    // The member it concerned or was done for (a suspension, an assisted post).
                    .col(integer_null(ModerationLog::MemberId))
                    .col(text_null(ModerationLog::Reason))
                    .col(timestamp_with_time_zone(ModerationLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_moderation_log_created", ModerationLog::CreatedAt),
            ("idx_moderation_log_staff", ModerationLog::StaffId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(ModerationLog::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_reports_open")
                    .table(Reports::Table)
                    .col(Reports::ResolvedAt)
                    .col(Reports::TargetKind)
                    .col(Reports::TargetId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SiteSettings::Table)
                    .if_not_exists()
                    .col(string_len(SiteSettings::Key, 64).primary_key())
                    .col(text(SiteSettings::Value))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SiteSettings::Table).to_owned())
            .await?;
        manager
            .drop_index(Index::drop().name("idx_reports_open").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ModerationLog::Table).to_owned())
            .await?;
        for column in [Invites::ResetFor, Invites::Batch] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Invites::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            Comments::HiddenAt,
            Comments::HiddenReason,
            Comments::ModeratorNote,
            Comments::HeldAt,
            Comments::AssistedBy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Comments::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            Proposals::HiddenAt,
            Proposals::HiddenReason,
            Proposals::ModeratorNote,
            Proposals::LockedAt,
            Proposals::MergedInto,
            Proposals::AssistedBy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Proposals::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    HiddenAt,
    HiddenReason,
    ModeratorNote,
    LockedAt,
    MergedInto,
    AssistedBy,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    HiddenAt,
    HiddenReason,
    ModeratorNote,
    HeldAt,
    AssistedBy,
}

#[derive(DeriveIden)]
enum Invites {
    Table,
    ResetFor,
    Batch,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    TargetKind,
    TargetId,
    ResolvedAt,
}

#[derive(DeriveIden)]
enum ModerationLog {
    Table,
    Id,
    StaffId,
    Action,
    TargetKind,
    TargetId,
    MemberId,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SiteSettings {
    Table,
    Key,
    Value,
}
