//! Categories of proposals ("oblasti"): an icon, a colour, an order, and a name per language.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Categories::Table)
                    .if_not_exists()
                    .col(pk_auto(Categories::Id))
                    // A stable name for code and seeds, e.g. "playgrounds".
                    .col(string_len_uniq(Categories::Slug, 40))
                    .col(string_len(Categories::Icon, 40))
                    .col(string_len(Categories::Colour, 7))
                    .col(integer(Categories::Position))
                    .col(timestamp_with_time_zone_null(Categories::ArchivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CategoryNames::Table)
                    .if_not_exists()
                    .col(integer(CategoryNames::CategoryId))
                    .col(string_len(CategoryNames::Language, 16))
                    .col(string_len(CategoryNames::Name, 60))
                    .primary_key(
                        Index::create()
                            .col(CategoryNames::CategoryId)
                            .col(CategoryNames::Language),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CategoryNames::Table, CategoryNames::CategoryId)
                            .to(Categories::Table, Categories::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CategoryNames::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Categories::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    Slug,
    Icon,
    Colour,
    Position,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum CategoryNames {
    Table,
    CategoryId,
    Language,
    Name,
}
