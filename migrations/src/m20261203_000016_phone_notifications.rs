//! Phone notifications (Web Push): each device a member turned them on for, the kinds of news
//! a member switched off, and the queue of pushes still to deliver. A decision also remembers
//! that its "closes tomorrow" reminder went out, so that several instances send it once.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PushDevices::Table)
                    .col(pk_auto(PushDevices::Id))
                    .col(integer(PushDevices::MemberId))
                    // The push service's address for this browser: unique, since a browser that
                    // subscribes again (or for another member) takes its row over.
                    .col(string_len(PushDevices::Endpoint, 1000).unique_key())
                    .col(string_len(PushDevices::P256dh, 120))
                    .col(string_len(PushDevices::Auth, 40))
                    // What the member sees in their list ("Android · Chrome").
                    .col(string_len(PushDevices::Label, 80))
                    .col(timestamp_with_time_zone(PushDevices::CreatedAt))
                    .col(timestamp_with_time_zone_null(PushDevices::LastSentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PushDevices::Table, PushDevices::MemberId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_push_devices_member")
                    .table(PushDevices::Table)
                    .col(PushDevices::MemberId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PushMuted::Table)
                    .col(integer(PushMuted::MemberId))
                    .col(string_len(PushMuted::Topic, 32))
                    .primary_key(
                        Index::create()
                            .col(PushMuted::MemberId)
                            .col(PushMuted::Topic),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PushDeliveries::Table)
                    .col(pk_auto(PushDeliveries::Id))
                    .col(integer(PushDeliveries::DeviceId))
                    .col(integer(PushDeliveries::NotificationId))
                    .col(integer(PushDeliveries::Attempts).default(0))
                    .col(timestamp_with_time_zone(PushDeliveries::NextAttemptAt))
                    // An instance claims a delivery until then; another takes it only after.
                    .col(timestamp_with_time_zone_null(PushDeliveries::ClaimedUntil))
                    .col(timestamp_with_time_zone_null(PushDeliveries::SentAt))
                    .col(timestamp_with_time_zone(PushDeliveries::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // One push per device and notification, however often the news is told.
        manager
            .create_index(
                Index::create()
                    .name("idx_push_deliveries_once")
                    .table(PushDeliveries::Table)
                    .col(PushDeliveries::DeviceId)
                    .col(PushDeliveries::NotificationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_push_deliveries_due")
                    .table(PushDeliveries::Table)
                    .col(PushDeliveries::SentAt)
                    .col(PushDeliveries::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Decisions::Table)
                    .add_column(timestamp_with_time_zone_null(Decisions::RemindedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Decisions::Table)
                    .drop_column(Decisions::RemindedAt)
                    .to_owned(),
            )
            .await?;
        for table in [
            PushDeliveries::Table.into_iden(),
            PushMuted::Table.into_iden(),
            PushDevices::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum PushDevices {
    Table,
    Id,
    MemberId,
    Endpoint,
    P256dh,
    Auth,
    Label,
    CreatedAt,
    LastSentAt,
}

#[derive(DeriveIden)]
enum PushMuted {
    Table,
    MemberId,
    Topic,
}

#[derive(DeriveIden)]
enum PushDeliveries {
    Table,
    Id,
    DeviceId,
    NotificationId,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    SentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    RemindedAt,
}
