//! Every session row names its member: sessions saved before `member_id` existed get it from
//! their data, so a signed-in page finds its member with the session in one query.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The data is the JSON object the session store writes, e.g. {"member_id":5}.
        let sql = match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                "UPDATE sessions SET member_id = (data::json ->> 'member_id')::integer \
                 WHERE member_id IS NULL AND data::json ->> 'member_id' IS NOT NULL"
            }
            _ => {
                "UPDATE sessions SET member_id = CAST(json_extract(data, '$.member_id') AS INTEGER) \
                 WHERE member_id IS NULL AND json_extract(data, '$.member_id') IS NOT NULL"
            }
        };
        manager.get_connection().execute_unprepared(sql).await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // Nothing to undo: the column stays filled in, as the store keeps it.
        Ok(())
    }
}
