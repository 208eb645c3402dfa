//! What a city-sized Spolu needs (issue 18):
//! - `notification_events`: news for many people (a decision opening to every member, an outcome
//!   for every supporter) is queued here by the action and handed out by a background task, so no
//!   request waits for 250 000 rows; a queued event survives a restart.
//! - `idx_notifications_by_event`: the phone and text queues find an event's notifications by name.
//! - Indexes on who wrote or supported what, for a member's own rows, and on roles.
//! - Proposal search through an index on both databases, with the same results: on PostgreSQL,
//!   trigram indexes (`pg_trgm`) on the folded search text of proposals and members, so
//!   `LIKE '%word%'` is an index lookup; on SQLite, an FTS5 trigram table over the same text,
//!   asked the same `LIKE` (`app::server::infra::search::proposal_has`).
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
        // A member's own rows (their data download, account deletion, "have I supported this")
        // and the staff were found by scanning whole tables: 2 000 000 supports in a city.
        for (name, table, column) in LOOKUP_INDEXES {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        // The few hidden proposals, so lists leave them out without joining every row.
        db.execute_unprepared(
            "CREATE INDEX idx_proposals_hidden ON proposals (id) WHERE hidden_at IS NOT NULL",
        )
        .await?;
        if db.get_database_backend() == DbBackend::Sqlite {
            for statement in SQLITE_SEARCH {
                db.execute_unprepared(statement).await?;
            }
        }
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
        if db.get_database_backend() == DbBackend::Sqlite {
            for statement in [
                "DROP TRIGGER IF EXISTS proposals_search_insert",
                "DROP TRIGGER IF EXISTS proposals_search_delete",
                "DROP TRIGGER IF EXISTS proposals_search_update",
                "DROP TABLE IF EXISTS proposals_search",
            ] {
                db.execute_unprepared(statement).await?;
            }
        }
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("DROP INDEX IF EXISTS idx_proposals_search_trgm")
                .await?;
            db.execute_unprepared("DROP INDEX IF EXISTS idx_users_search_trgm")
                .await?;
        }
        db.execute_unprepared("DROP INDEX IF EXISTS idx_proposals_hidden")
            .await?;
        for (name, table, _) in LOOKUP_INDEXES {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
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

/// SQLite's index for the same search: an FTS5 table of trigrams over `proposals.search_text`
/// (its content stays in `proposals`), kept up to date by triggers on every insert, change and
/// delete, and filled once here. Its `LIKE '%word%'` finds exactly what a `LIKE` on the table
/// finds, through the index.
const SQLITE_SEARCH: [&str; 5] = [
    "CREATE VIRTUAL TABLE proposals_search USING fts5(search_text, content='proposals', \
     content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN \
     INSERT INTO proposals_search (rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER proposals_search_delete AFTER DELETE ON proposals BEGIN \
     INSERT INTO proposals_search (proposals_search, rowid, search_text) \
     VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER proposals_search_update AFTER UPDATE OF search_text ON proposals BEGIN \
     INSERT INTO proposals_search (proposals_search, rowid, search_text) \
     VALUES ('delete', old.id, old.search_text); \
     INSERT INTO proposals_search (rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO proposals_search (proposals_search) VALUES ('rebuild')",
];

const LOOKUP_INDEXES: [(&str, &str, &str); 6] = [
    // Which decisions a member took part in (their data download) and their open marks
    // (account deletion): both tables' keys start with the decision.
    (
        "idx_decision_participants_member",
        "decision_participants",
        "member_id",
    ),
    (
        "idx_open_ballot_marks_member",
        "open_ballot_marks",
        "member_id",
    ),
    // Staff and admins, told of what waits in the queue, among 600 000 residents.
    ("idx_users_role", "users", "role"),
    ("idx_supports_member", "supports", "member_id"),
    ("idx_comments_author", "comments", "author_id"),
    ("idx_proposals_author", "proposals", "author_id"),
];

/// Whether `pg_trgm` is installed in this database or may be installed by this user (Debian's
/// server package has it; it is a trusted extension, so a database owner may add it). Without it,
/// search still works, by scanning, and the operator is told.
async fn trigrams_available(db: &SchemaManagerConnection<'_>) -> Result<bool, DbErr> {
    let row = db
        .query_one_raw(sea_orm_migration::sea_orm::Statement::from_string(
            DbBackend::Postgres,
            "SELECT 1 AS yes WHERE EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') \
             OR (has_database_privilege(current_database(), 'CREATE') AND EXISTS ( \
                 SELECT 1 FROM pg_available_extension_versions \
                 WHERE name = 'pg_trgm' AND (trusted OR (SELECT rolsuper FROM pg_roles \
                                                         WHERE rolname = current_user))))",
        ))
        .await?;
    if row.is_none() {
        eprintln!(
            "PostgreSQL's pg_trgm extension is missing or may not be installed by this user: \
             search will scan instead of using an index (the README's PostgreSQL part says how to \
             add it later)"
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
