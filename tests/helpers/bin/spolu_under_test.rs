//! The `spolu` program, built inside the test package so that tests can start it as a process of
//! its own (`CARGO_BIN_EXE_spolu-under-test`), e.g. under a file-size limit that fills its disk.
#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::main().await
}
