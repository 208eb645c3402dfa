//! Uploaded photos kept in the database itself (`--photo-store database`), so that several
//! instances on one PostgreSQL all serve every photo.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StoredFiles::Table)
                    .col(string(StoredFiles::Name).primary_key())
                    .col(blob(StoredFiles::Bytes))
                    .col(timestamp_with_time_zone(StoredFiles::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(StoredFiles::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum StoredFiles {
    Table,
    Name,
    Bytes,
    CreatedAt,
}
