//! `spolu`: serves the app, or runs an operator's command. See `spolu --help` and `cli.rs`.

/// jemalloc gives freed memory back to the system (see `MALLOC_CONF` below); glibc's malloc kept
/// every Argon2 hash's 19 MiB in per-thread arenas: 377 MB after 32 sign-ins, never returned.
#[cfg(not(feature = "mimalloc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Only to measure the two side by side (`--features mimalloc`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// jemalloc's settings, read once at start: a background thread returns pages unused for a
/// second. (`unsafe` only because the linker, not Rust, checks this symbol's name.)
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static MALLOC_CONF: &[u8; 60] =
    b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::main().await
}
