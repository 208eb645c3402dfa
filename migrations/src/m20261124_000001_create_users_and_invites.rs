//! Members and the single-use invite codes that let people join.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .if_not_exists()
                    .col(pk_auto(Users::Id))
                    // Stored lower-cased, so "Anna" and "anna" cannot both exist.
                    .col(string_len_uniq(Users::Username, 32))
                    .col(string_len(Users::DisplayName, 40))
                    .col(string(Users::PasswordHash))
                    .col(string_len(Users::Role, 16))
                    .col(boolean(Users::Core).default(false))
                    .col(string_len_null(Users::Language, 16))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone_null(Users::SuspendedUntil))
                    .col(string_null(Users::SuspensionReason))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invites::Table)
                    .if_not_exists()
                    .col(pk_auto(Invites::Id))
                    // Normalised form without the dash: "K7QM3XPA".
                    .col(string_len_uniq(Invites::Code, 16))
                    .col(string_len(Invites::Role, 16))
                    .col(boolean(Invites::Core).default(false))
                    .col(integer_null(Invites::CreatedBy))
                    .col(timestamp_with_time_zone(Invites::CreatedAt))
                    .col(timestamp_with_time_zone(Invites::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invites::UsedAt))
                    .col(integer_null(Invites::UsedBy))
                    .col(timestamp_with_time_zone_null(Invites::RevokedAt))
                    .col(string_null(Invites::Note))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invites::Table, Invites::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invites::Table, Invites::UsedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Invites::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    PasswordHash,
    Role,
    Core,
    Language,
    CreatedAt,
    SuspendedUntil,
    SuspensionReason,
}

#[derive(DeriveIden)]
enum Invites {
    Table,
    Id,
    Code,
    Role,
    Core,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    UsedBy,
    RevokedAt,
    Note,
}
