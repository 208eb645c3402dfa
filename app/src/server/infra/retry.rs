//! How the outgoing queues (phone notifications, text messages) claim and retry: one instance
//! claims a message for a while, and a message that could not go out waits longer each time.
use chrono::Duration;

/// How long a claim holds: another instance may take the message over after that (the one that
/// claimed it stopped).
pub const CLAIM_FOR: Duration = Duration::seconds(60);
/// A service that keeps failing is tried this often over about a day, then given up.
pub const ATTEMPTS: i32 = 8;

/// 30 s, 1 min, 2 min, … doubling up to 6 hours.
pub fn pause_after(attempts: i32) -> Duration {
    let seconds = 30_i64.saturating_mul(1 << attempts.clamp(0, 20).saturating_sub(1));
    Duration::seconds(seconds.min(6 * 60 * 60))
}

#[cfg(test)]
mod tests {
    use super::pause_after;

    #[test]
    fn pauses_double_and_stop_growing_at_six_hours() {
        assert_eq!(pause_after(1).num_seconds(), 30);
        assert_eq!(pause_after(2).num_seconds(), 60);
        assert_eq!(pause_after(5).num_seconds(), 480);
        assert_eq!(pause_after(30).num_seconds(), 6 * 60 * 60);
    }
}
