//! Staff find members by name in SQL instead of reading every account into memory: each member
//! keeps a folded copy of their name and username (`search_text`: lower case, no accents, so
//! "zofie" finds "Žofie"), the same way proposals keep theirs. Existing accounts get theirs here.
use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len(Users::SearchText, 200).default(""))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let select = Query::select()
            .columns([Users::Id, Users::DisplayName, Users::Username])
            .from(Users::Table)
            .to_owned();
        let rows = db.query_all(&select).await?;
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let name: String = row.try_get("", "display_name")?;
            let username: String = row.try_get("", "username")?;
            let update = Query::update()
                .table(Users::Table)
                .value(Users::SearchText, folded(&format!("{name} {username}")))
                .and_where(Expr::col(Users::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::SearchText)
                    .to_owned(),
            )
            .await
    }
}

/// As the app folds text for search (`app::server::infra::search::fold`) at the time of this
/// migration; kept here so the migration means the same whatever the app later does.
fn folded(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    DisplayName,
    Username,
    SearchText,
}
