//! Places on the estate, proposals, their status history and supports ("I want this too").
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Places::Table)
                    .if_not_exists()
                    .col(pk_auto(Places::Id))
                    .col(string_len(Places::Name, 80))
                    .col(string_null(Places::Description))
                    .col(integer(Places::Position))
                    .col(timestamp_with_time_zone_null(Places::ArchivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Proposals::Table)
                    .if_not_exists()
                    .col(pk_auto(Proposals::Id))
                    .col(integer(Proposals::AuthorId))
                    .col(string_len(Proposals::Title, 80))
                    .col(text(Proposals::Body))
                    .col(integer(Proposals::CategoryId))
                    .col(integer_null(Proposals::PlaceId))
                    .col(string_len(Proposals::Status, 16))
                    .col(timestamp_with_time_zone(Proposals::CreatedAt))
                    .col(timestamp_with_time_zone_null(Proposals::EditedAt))
                    // Newest comment or change: "recently discussed" sorts by this.
                    .col(timestamp_with_time_zone(Proposals::LastActivityAt))
                    // Kept in step with `supports` inside the same transaction.
                    .col(integer(Proposals::SupportCount).default(0))
                    .col(integer(Proposals::CommentCount).default(0))
                    // Title and text lower-cased without diacritics, so "hriste" finds "Hřiště".
                    .col(text(Proposals::SearchText))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposals::Table, Proposals::AuthorId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposals::Table, Proposals::CategoryId)
                            .to(Categories::Table, Categories::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposals::Table, Proposals::PlaceId)
                            .to(Places::Table, Places::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // One index per sort order of the list, each ending in the id for keyset pagination.
        for (name, columns) in [
            (
                "idx_proposals_newest",
                vec![Proposals::CreatedAt, Proposals::Id],
            ),
            (
                "idx_proposals_supported",
                vec![Proposals::SupportCount, Proposals::Id],
            ),
            (
                "idx_proposals_discussed",
                vec![Proposals::LastActivityAt, Proposals::Id],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(Proposals::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ProposalStatusChanges::Table)
                    .if_not_exists()
                    .col(pk_auto(ProposalStatusChanges::Id))
                    .col(integer(ProposalStatusChanges::ProposalId))
                    .col(string_len(ProposalStatusChanges::Status, 16))
                    .col(timestamp_with_time_zone(ProposalStatusChanges::ChangedAt))
                    .col(integer_null(ProposalStatusChanges::ChangedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                ProposalStatusChanges::Table,
                                ProposalStatusChanges::ProposalId,
                            )
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Supports::Table)
                    .if_not_exists()
                    .col(integer(Supports::ProposalId))
                    .col(integer(Supports::MemberId))
                    .col(timestamp_with_time_zone(Supports::CreatedAt))
                    // One support per member per proposal, enforced by the database.
                    .primary_key(
                        Index::create()
                            .col(Supports::ProposalId)
                            .col(Supports::MemberId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Supports::Table, Supports::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Supports::Table, Supports::MemberId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Supports::Table.into_iden(),
            ProposalStatusChanges::Table.into_iden(),
            Proposals::Table.into_iden(),
            Places::Table.into_iden(),
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
enum Categories {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Places {
    Table,
    Id,
    Name,
    Description,
    Position,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    AuthorId,
    Title,
    Body,
    CategoryId,
    PlaceId,
    Status,
    CreatedAt,
    EditedAt,
    LastActivityAt,
    SupportCount,
    CommentCount,
    SearchText,
}

#[derive(DeriveIden)]
enum ProposalStatusChanges {
    Table,
    Id,
    ProposalId,
    Status,
    ChangedAt,
    ChangedBy,
}

#[derive(DeriveIden)]
enum Supports {
    Table,
    ProposalId,
    MemberId,
    CreatedAt,
}
