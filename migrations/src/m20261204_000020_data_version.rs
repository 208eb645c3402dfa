//! One number that every change to what pages show raises (issue 19): `data_version.version`.
//!
//! Each instance keeps what rarely changes (site settings, categories, places) and visitors'
//! finished pages in memory, tagged with the number it read. A request reads the number once
//! (one small statement); when another instance has written since, the number differs and the
//! memory is not used. The database raises it itself, by triggers on the tables pages show, so
//! no write in the code can forget to, and it moves in the writing transaction: a reader never
//! sees the new number before the new rows.
//!
//! Left out, because no visitor's page shows them: sessions and sign-in attempts, notifications
//! and their queues, phone and text deliveries, invites, the staff log, reports, ballots and who
//! voted (so a burst of votes does not queue on this one row), stored photo bytes.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose rows some page shows.
pub const SHOWN_TABLES: [&str; 16] = [
    "categories",
    "category_names",
    "places",
    "proposals",
    "proposal_photos",
    "proposal_status_changes",
    "comments",
    "supports",
    "outcomes",
    "outcome_photos",
    "outcome_updates",
    "decisions",
    "decision_proposals",
    "decision_tallies",
    "users",
    "site_settings",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE TABLE data_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL, \
             changed_by BIGINT)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO data_version (id, version) VALUES (1, 1)")
            .await?;
        match db.get_database_backend() {
            DbBackend::Postgres => {
                // Raised once per transaction, at its commit (a deferred trigger): the row is
                // locked only for the moment of the commit, after the transaction took every
                // other lock it needs, so two writers cannot deadlock on it, and a bulk insert
                // raises it once, not once per row.
                db.execute_unprepared(
                    "CREATE FUNCTION spolu_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN \
                       UPDATE data_version SET version = version + 1, changed_by = txid_current() \
                       WHERE id = 1 AND changed_by IS DISTINCT FROM txid_current(); \
                       RETURN NULL; \
                     END $$",
                )
                .await?;
                for table in SHOWN_TABLES {
                    db.execute_unprepared(&format!(
                        "CREATE CONSTRAINT TRIGGER {table}_data_changed \
                         AFTER INSERT OR UPDATE OR DELETE ON {table} \
                         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW \
                         EXECUTE FUNCTION spolu_data_changed()"
                    ))
                    .await?;
                }
            }
            _ => {
                // SQLite has one writer at a time: no lock to worry about.
                for table in SHOWN_TABLES {
                    for (event, name) in [
                        ("INSERT", "inserted"),
                        ("UPDATE", "updated"),
                        ("DELETE", "deleted"),
                    ] {
                        db.execute_unprepared(&format!(
                            "CREATE TRIGGER {table}_{name}_data_changed AFTER {event} ON {table} \
                             BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END"
                        ))
                        .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                for table in SHOWN_TABLES {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS {table}_data_changed ON {table}"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION IF EXISTS spolu_data_changed()")
                    .await?;
            }
            _ => {
                for table in SHOWN_TABLES {
                    for name in ["inserted", "updated", "deleted"] {
                        db.execute_unprepared(&format!(
                            "DROP TRIGGER IF EXISTS {table}_{name}_data_changed"
                        ))
                        .await?;
                    }
                }
            }
        }
        db.execute_unprepared("DROP TABLE data_version").await?;
        Ok(())
    }
}
