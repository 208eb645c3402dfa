//! Text messages (SMS): the number a member gave for them (with who added it, since staff add
//! numbers at the desk with the member's consent), the queue of messages still to send, and
//! how many went out each month, which the admin's monthly cap is checked against.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SmsNumbers::Table)
                    .col(integer(SmsNumbers::MemberId).primary_key())
                    // `+420777123456`: the international form, at most 15 digits.
                    .col(string_len(SmsNumbers::Number, 16))
                    .col(integer(SmsNumbers::AddedBy))
                    .col(timestamp_with_time_zone(SmsNumbers::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SmsNumbers::Table, SmsNumbers::MemberId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SmsMessages::Table)
                    .col(pk_auto(SmsMessages::Id))
                    .col(integer(SmsMessages::MemberId))
                    .col(integer(SmsMessages::NotificationId))
                    .col(integer(SmsMessages::Attempts).default(0))
                    .col(timestamp_with_time_zone(SmsMessages::NextAttemptAt))
                    // An instance claims a message until then; another takes it only after.
                    .col(timestamp_with_time_zone_null(SmsMessages::ClaimedUntil))
                    .col(timestamp_with_time_zone_null(SmsMessages::SentAt))
                    .col(timestamp_with_time_zone(SmsMessages::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // One message per member and notification, however often the news is told.
        manager
            .create_index(
                Index::create()
                    .name("idx_sms_messages_once")
                    .table(SmsMessages::Table)
                    .col(SmsMessages::MemberId)
                    .col(SmsMessages::NotificationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sms_messages_due")
                    .table(SmsMessages::Table)
                    .col(SmsMessages::SentAt)
                    .col(SmsMessages::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SmsMonths::Table)
                    // `2026-12`, in the estate's time.
                    .col(string_len(SmsMonths::Month, 7).primary_key())
                    .col(integer(SmsMonths::Sent).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SmsMonths::Table.into_iden(),
            SmsMessages::Table.into_iden(),
            SmsNumbers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum SmsNumbers {
    Table,
    MemberId,
    Number,
    AddedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SmsMessages {
    Table,
    Id,
    MemberId,
    NotificationId,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    SentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SmsMonths {
    Table,
    Month,
    Sent,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
