//! Photos of proposals. Each row names two stored files (the photo, at most 1600 px, and its
//! thumbnail); the files themselves live in the file store, never in the database.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProposalPhotos::Table)
                    .if_not_exists()
                    .col(pk_auto(ProposalPhotos::Id))
                    .col(integer(ProposalPhotos::ProposalId))
                    // 0 is the photo shown on the proposal's card.
                    .col(integer(ProposalPhotos::Position))
                    .col(string_len(ProposalPhotos::FileName, 64))
                    .col(string_len(ProposalPhotos::ThumbnailName, 64))
                    .col(integer(ProposalPhotos::Width))
                    .col(integer(ProposalPhotos::Height))
                    .col(timestamp_with_time_zone(ProposalPhotos::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalPhotos::Table, ProposalPhotos::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_proposal_photos_proposal")
                    .table(ProposalPhotos::Table)
                    .col(ProposalPhotos::ProposalId)
                    .col(ProposalPhotos::Position)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ProposalPhotos::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ProposalPhotos {
    Table,
    Id,
    ProposalId,
    Position,
    FileName,
    ThumbnailName,
    Width,
    Height,
    CreatedAt,
}
