//! The command line: serves the app, or runs one of the operator's commands. `spolu --help`
//! lists them. Kept in the library so the tests can run the very same program as a process.
use crate::{Application, Command, Config};
use clap::Parser;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

pub async fn main() -> ExitCode {
    // Logs go to stderr: stdout carries what people read (the setup link, printed invite codes).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::parse();
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("spolu: {error}");
            tracing::error!(%error, "Spolu could not start");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    match &config.command {
        Some(Command::Invite { role, count }) => {
            crate::print_invites(&config, *role, *count).await?;
            return Ok(());
        }
        Some(Command::Backup { dir }) => {
            let copied = crate::backup::backup(&config, dir).await?;
            println!(
                "Backed up into {}: the database ({} kB) and {} photos.",
                dir.display(),
                copied.database_bytes / 1024,
                copied.photos
            );
            return Ok(());
        }
        Some(Command::Restore { dir }) => {
            let aside = crate::backup::restore(&config, dir).await?;
            println!(
                "Restored from {}. What was there before is in {}. Start Spolu again.",
                dir.display(),
                aside.display()
            );
            return Ok(());
        }
        None => {}
    }
    let app = Application::build(&config).await?;
    crate::prepare(&app, config.demo).await?;
    tracing::info!(address = %app.address(), "Spolu is listening");
    println!("Spolu runs at {}", app.public_url());
    app.run().await?;
    Ok(())
}
