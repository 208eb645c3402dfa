//! What a city-sized Spolu needs (issue 18):
//! - `notification_events`: news for many people (a decision opening to every member, an outcome
//!   for every supporter) is queued here by the action and handed out by a background task, so no
//!   request waits for 250 000 rows; a queued event survives a restart.
//! - `idx_notifications_event`: the phone and text queues find an event's notifications by name.
//! - On PostgreSQL, trigram indexes (`pg_trgm`) on the folded search text of proposals and
//!   members, so `LIKE '%word%'` — the same query SQLite runs — is an index lookup, not a scan.
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NotificationEvents::Table)
                    .col(pk_auto(NotificationEvents::Id))
                    .col(string_len(NotificationEvents::Kind, 40))
                    .col(integer(NotificationEvents::SubjectId))
                    .col(timestamp_with_time_zone(NotificationEvents::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        NotificationEvents::ClaimedUntil,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_events_once")
                    .table(NotificationEvents::Table)
                    .col(NotificationEvents::Kind)
                    .col(NotificationEvents::SubjectId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_by_event")
                    .table(Notifications::Table)
                    .col(Notifications::Event)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres && trigrams_available(db).await? {
            db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                .await?;
            db.execute_unprepared(
                "CREATE INDEX IF NOT EXISTS idx_proposals_search_trgm \
                 ON proposals USING gin (search_text gin_trgm_ops)",
            )
            .await?;
            db.execute_unprepared(
                "CREATE INDEX IF NOT EXISTS idx_users_search_trgm \
                 ON users USING gin (search_text gin_trgm_ops)",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("DROP INDEX IF EXISTS idx_proposals_search_trgm")
                .await?;
            db.execute_unprepared("DROP INDEX IF EXISTS idx_users_search_trgm")
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("idx_notifications_by_event")
                    .table(Notifications::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(NotificationEvents::Table).to_owned())
            .await
    }
}

/// Whether this PostgreSQL has the `pg_trgm` extension to install (Debian's server package has
/// it). Without it, search still works, by scanning, and the operator is told.
async fn trigrams_available(db: &SchemaManagerConnection<'_>) -> Result<bool, DbErr> {
    let row = db
        .query_one_raw(sea_orm_migration::sea_orm::Statement::from_string(
            DbBackend::Postgres,
            "SELECT 1 AS yes FROM pg_available_extensions WHERE name = 'pg_trgm'",
        ))
        .await?;
    if row.is_none() {
        eprintln!(
            "PostgreSQL has no pg_trgm extension: search will scan instead of using an index \
             (install the postgresql-contrib package and restart Spolu)"
        );
    }
    Ok(row.is_some())
}

#[derive(DeriveIden)]
enum NotificationEvents {
    Table,
    Id,
    Kind,
    SubjectId,
    CreatedAt,
    ClaimedUntil,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Event,
}
