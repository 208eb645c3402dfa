//! Reports of proposals and comments by members; the moderation queue (a later issue) reads them.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Reports::Table)
                    .if_not_exists()
                    .col(pk_auto(Reports::Id))
                    .col(integer(Reports::ReporterId))
                    // "proposal" or "comment"
                    .col(string_len(Reports::TargetKind, 16))
                    .col(integer(Reports::TargetId))
                    // "offensive", "personal_information", "spam" or "other"
                    .col(string_len(Reports::Reason, 32))
                    .col(text_null(Reports::Note))
                    .col(timestamp_with_time_zone(Reports::CreatedAt))
                    .col(timestamp_with_time_zone_null(Reports::ResolvedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Reports::Table, Reports::ReporterId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per member per item: a second tap changes nothing.
        manager
            .create_index(
                Index::create()
                    .name("idx_reports_once")
                    .table(Reports::Table)
                    .col(Reports::ReporterId)
                    .col(Reports::TargetKind)
                    .col(Reports::TargetId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Reports::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    ReporterId,
    TargetKind,
    TargetId,
    Reason,
    Note,
    CreatedAt,
    ResolvedAt,
}
