//! The database schema, as an ordered list of migrations that run on SQLite and PostgreSQL alike.
pub use sea_orm_migration::prelude::*;

mod m20261124_000001_create_users_and_invites;
mod m20261124_000002_create_sessions;
mod m20261124_000003_create_sign_in_attempts;
mod m20261124_000004_create_categories;
mod m20261124_000005_create_proposals;
mod m20261124_000006_create_comments;
mod m20261124_000007_create_reports;
mod m20261124_000008_create_proposal_photos;
mod m20261124_000009_create_decisions;
mod m20261125_000010_create_moderation;
mod m20261125_000011_create_outcomes_and_notifications;
mod m20261201_000012_sessions_know_their_member;
mod m20261201_000013_sessions_member_filled_in;
mod m20261201_000014_create_stored_files;
mod m20261202_000015_voice_messages;
mod m20261203_000016_phone_notifications;
mod m20261203_000017_text_messages;
mod m20261203_000018_member_search;
mod m20261203_000019_city_scale;
mod m20261204_000020_data_version;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_create_users_and_invites::Migration),
            Box::new(m20261124_000002_create_sessions::Migration),
            Box::new(m20261124_000003_create_sign_in_attempts::Migration),
            Box::new(m20261124_000004_create_categories::Migration),
            Box::new(m20261124_000005_create_proposals::Migration),
            Box::new(m20261124_000006_create_comments::Migration),
            Box::new(m20261124_000007_create_reports::Migration),
            Box::new(m20261124_000008_create_proposal_photos::Migration),
            Box::new(m20261124_000009_create_decisions::Migration),
            Box::new(m20261125_000010_create_moderation::Migration),
            Box::new(m20261125_000011_create_outcomes_and_notifications::Migration),
            Box::new(m20261201_000012_sessions_know_their_member::Migration),
            Box::new(m20261201_000013_sessions_member_filled_in::Migration),
            Box::new(m20261201_000014_create_stored_files::Migration),
            Box::new(m20261202_000015_voice_messages::Migration),
            Box::new(m20261203_000016_phone_notifications::Migration),
            Box::new(m20261203_000017_text_messages::Migration),
            Box::new(m20261203_000018_member_search::Migration),
            Box::new(m20261203_000019_city_scale::Migration),
            Box::new(m20261204_000020_data_version::Migration),
        ]
    }
}
