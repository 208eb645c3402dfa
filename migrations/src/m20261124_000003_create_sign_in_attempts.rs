//! Failed sign-ins, counted per account and per client address to slow down password guessing.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInFailures::Table)
                    .if_not_exists()
                    .col(pk_auto(SignInFailures::Id))
                    // "account:anna" or "address:203.0.113.7"
                    .col(string_len(SignInFailures::Key, 80))
                    .col(timestamp_with_time_zone(SignInFailures::FailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_in_failures_key_failed_at")
                    .table(SignInFailures::Table)
                    .col(SignInFailures::Key)
                    .col(SignInFailures::FailedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SignInFailures::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SignInFailures {
    Table,
    Id,
    Key,
    FailedAt,
}
