//! `spolu`: serves the app, or runs an operator's command. See `spolu --help` and `cli.rs`.
#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::main().await
}
