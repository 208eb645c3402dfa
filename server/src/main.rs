//! `spolu`: serves the app, or with `invite` prints invite codes. See `spolu --help`.
use clap::Parser;
use server::{Application, Command, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    // Logs go to stderr: stdout carries what people read (the setup link, printed invite codes).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::parse();
    if let Err(error) = run(config).await {
        eprintln!("spolu: {error}");
        tracing::error!(%error, "Spolu could not start");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(Command::Invite { role, count }) = config.command {
        server::print_invites(&config, role, count).await?;
        return Ok(());
    }
    let app = Application::build(&config).await?;
    server::prepare(&app, config.demo).await?;
    tracing::info!(address = %app.address(), "Spolu is listening");
    println!("Spolu runs at {}", app.public_url());
    app.run().await?;
    Ok(())
}
