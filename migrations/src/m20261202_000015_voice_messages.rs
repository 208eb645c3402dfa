//! Voice messages: a proposal or a comment may carry its author's recording (a stored file, one
//! format, its length), and a post sent only as a voice waits for staff to write its words
//! (`awaiting_text`) before it can be let through. The file name is indexed, since a recording
//! is served only to who may read its post and is found by its name. And `readings`: a person's
//! own reading of a proposal, decision or outcome, in place of the machine's voice.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["proposals", "comments"];

fn index_name(table: &str) -> String {
    format!("idx_{table}_voice_file")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            // One column a statement: SQLite alters a table one change at a time.
            for column in [
                string_len_null(Column::VoiceFile, 80),
                integer_null(Column::VoiceSeconds),
                boolean(Column::AwaitingText).default(false).to_owned(),
            ] {
                let mut column = column;
                manager
                    .alter_table(
                        Table::alter()
                            .table(Alias::new(table))
                            .add_column(&mut column)
                            .to_owned(),
                    )
                    .await?;
            }
            manager
                .create_index(
                    Index::create()
                        .name(index_name(table))
                        .table(Alias::new(table))
                        .col(Column::VoiceFile)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Readings::Table)
                    .col(string_len(Readings::Kind, 16))
                    .col(integer(Readings::TargetId))
                    .col(string_len(Readings::TextKey, 64))
                    .col(string_len(Readings::FileName, 80))
                    .col(integer(Readings::Seconds))
                    .col(integer(Readings::RecordedBy))
                    .col(timestamp_with_time_zone(Readings::RecordedAt))
                    .primary_key(Index::create().col(Readings::Kind).col(Readings::TargetId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_readings_recorded_by")
                    .table(Readings::Table)
                    .col(Readings::RecordedBy)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Readings::Table).to_owned())
            .await?;
        for table in TABLES {
            manager
                .drop_index(
                    Index::drop()
                        .name(index_name(table))
                        .table(Alias::new(table))
                        .to_owned(),
                )
                .await?;
            for column in [
                Column::AwaitingText,
                Column::VoiceSeconds,
                Column::VoiceFile,
            ] {
                manager
                    .alter_table(
                        Table::alter()
                            .table(Alias::new(table))
                            .drop_column(column)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
/// The new columns, the same on both tables.
enum Column {
    VoiceFile,
    VoiceSeconds,
    AwaitingText,
}

#[derive(DeriveIden)]
enum Readings {
    Table,
    Kind,
    TargetId,
    TextKey,
    FileName,
    Seconds,
    RecordedBy,
    RecordedAt,
}
