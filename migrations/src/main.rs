//! The sea-orm-migration command line (`cargo run -p migrations -- status|up|down`), reading DATABASE_URL.
use sea_orm_migration::prelude::*;

#[tokio::main]
async fn main() {
    cli::run_cli(migrations::Migrator).await;
}
