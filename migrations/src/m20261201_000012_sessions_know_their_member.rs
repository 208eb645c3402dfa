//! Sessions know their member, so a password change, a reset, a suspension or a deleted account
//! can end every other session of that member in one statement; and a table that serialises
//! concurrent tries under a limit (sign-in, posting), so each limit holds under 40 at once; and
//! photos refused on upload, which count against the posting limit like a post; and indexes to
//! find a photo's proposal by its file name, since a photo is served only to who may read it.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The file-name columns a photo's address is looked up by.
const PHOTO_NAMES: [(&str, &str); 4] = [
    ("proposal_photos", "file_name"),
    ("proposal_photos", "thumbnail_name"),
    ("outcome_photos", "file_name"),
    ("outcome_photos", "thumbnail_name"),
];

fn index_name(table: &str, column: &str) -> String {
    format!("idx_{table}_{column}")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(integer_null(Sessions::MemberId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_member_id")
                    .table(Sessions::Table)
                    .col(Sessions::MemberId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignInGates::Table)
                    // "account:anna" or "address:203.0.113.7"; one row a key, locked while a try
                    // is counted.
                    .col(string_len(SignInGates::Key, 80).primary_key())
                    .col(timestamp_with_time_zone(SignInGates::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RefusedUploads::Table)
                    .col(pk_auto(RefusedUploads::Id))
                    .col(integer(RefusedUploads::MemberId))
                    .col(timestamp_with_time_zone(RefusedUploads::RefusedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refused_uploads_member_at")
                    .table(RefusedUploads::Table)
                    .col(RefusedUploads::MemberId)
                    .col(RefusedUploads::RefusedAt)
                    .to_owned(),
            )
            .await?;
        for (table, column) in PHOTO_NAMES {
            manager
                .create_index(
                    Index::create()
                        .name(index_name(table, column))
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in PHOTO_NAMES {
            manager
                .drop_index(
                    Index::drop()
                        .name(index_name(table, column))
                        .table(Alias::new(table))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(RefusedUploads::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SignInGates::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_sessions_member_id")
                    .table(Sessions::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .drop_column(Sessions::MemberId)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    MemberId,
}

#[derive(DeriveIden)]
enum SignInGates {
    Table,
    Key,
    UsedAt,
}

#[derive(DeriveIden)]
enum RefusedUploads {
    Table,
    Id,
    MemberId,
    RefusedAt,
}
