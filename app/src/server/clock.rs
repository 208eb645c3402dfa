//! The one clock: what time it is, and how the estate's calendar shows a time. Every service asks
//! here, so a stored time compares equal on SQLite and PostgreSQL and a day is the estate's day.
use chrono::{DateTime, NaiveDateTime, SubsecRound, TimeZone, Utc};
use chrono_tz::Tz;

/// Micro-seconds are what PostgreSQL keeps; SQLite gets the same, so cursors compare equal on both.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A local date and time from a `datetime-local` field, in the estate's zone.
pub fn parse_local(input: &str, zone: Tz) -> Option<DateTime<Utc>> {
    let input = input.trim();
    let naive = NaiveDateTime::parse_from_str(input, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(input, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    // In the autumn hour that happens twice, the first; the spring hour that never happens is
    // refused (`None`).
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|local| local.with_timezone(&Utc))
}

/// The day as the estate's calendar shows it, `2026-11-24` (a proposal made at 00:30 in Prague
/// belongs to that day, not to the UTC day before).
pub fn local_day(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%Y-%m-%d").to_string()
}

/// A time as the estate's clock shows it, `2026-11-24T18:00`.
pub fn to_local(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Prague;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn local_days_follow_the_estate_calendar_in_winter_and_summer() {
        assert_eq!(local_day(utc("2026-11-23T23:30:00Z"), Prague), "2026-11-24");
        assert_eq!(local_day(utc("2026-07-01T22:30:00Z"), Prague), "2026-07-02");
        assert_eq!(local_day(utc("2026-07-01T21:30:00Z"), Prague), "2026-07-01");
    }

    #[test]
    fn local_times_round_trip_and_the_missing_spring_hour_is_refused() {
        let at = parse_local("2026-11-24T18:00", Prague).unwrap();
        assert_eq!(at, utc("2026-11-24T17:00:00Z"));
        assert_eq!(to_local(at, Prague), "2026-11-24T18:00");
        // 29 March 2026, 02:30 does not exist in Prague: clocks jump from 02:00 to 03:00.
        assert_eq!(parse_local("2026-03-29T02:30", Prague), None);
        // 25 October 2026, 02:30 happens twice; the first (summer time) is taken.
        assert_eq!(
            parse_local("2026-10-25T02:30", Prague),
            Some(utc("2026-10-25T00:30:00Z"))
        );
        assert_eq!(parse_local("zítra", Prague), None);
    }
}
