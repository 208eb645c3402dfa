//! The night, when phones stay silent: a window of whole hours in the estate's local time, such as
//! 22–7 (from 22:00 to 07:00). News that comes at night waits until the morning.
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    from: u32,
    until: u32,
}

impl QuietHours {
    /// `22-7`: from 22:00 until 07:00. `0-0` means never quiet.
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let (from, until) = input
            .trim()
            .split_once('-')
            .ok_or("quiet hours look like 22-7")?;
        let hour = |text: &str| {
            text.trim()
                .parse::<u32>()
                .ok()
                .filter(|h| *h < 24)
                .ok_or("an hour is 0 to 23")
        };
        Ok(Self {
            from: hour(from)?,
            until: hour(until)?,
        })
    }

    /// Whether `at` falls in the quiet window, in the estate's zone.
    pub fn contains(&self, at: DateTime<Utc>, zone: Tz) -> bool {
        let hour = at.with_timezone(&zone).hour();
        match self.from.cmp(&self.until) {
            std::cmp::Ordering::Equal => false,
            // 22-7 wraps over midnight.
            std::cmp::Ordering::Greater => hour >= self.from || hour < self.until,
            std::cmp::Ordering::Less => hour >= self.from && hour < self.until,
        }
    }

    /// When the window that holds `at` ends (the next local `until:00`); `at` itself outside it.
    pub fn end_after(&self, at: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
        if !self.contains(at, zone) {
            return at;
        }
        let local = at.with_timezone(&zone);
        let Some(until) = NaiveTime::from_hms_opt(self.until, 0, 0) else {
            return at;
        };
        let mut day = local.date_naive();
        if local.hour() >= self.until {
            day += Duration::days(1);
        }
        zone.from_local_datetime(&day.and_time(until))
            .earliest()
            .map(|end| end.with_timezone(&Utc))
            // The hour that does not exist in spring: an hour later is the morning.
            .unwrap_or(at + Duration::hours(1))
    }
}

impl std::str::FromStr for QuietHours {
    type Err = &'static str;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Prague;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn the_night_from_ten_to_seven_is_quiet_in_the_estates_time() {
        let night = QuietHours::parse("22-7").unwrap();
        // 21:30 UTC in winter is 22:30 in Prague.
        assert!(night.contains(utc("2026-12-02T21:30:00Z"), Prague));
        assert!(night.contains(utc("2026-12-03T05:59:00Z"), Prague));
        assert!(!night.contains(utc("2026-12-03T06:00:00Z"), Prague));
        assert!(!night.contains(utc("2026-12-02T20:59:00Z"), Prague));
        // Summer time: 20:30 UTC is 22:30 in Prague.
        assert!(night.contains(utc("2026-07-01T20:30:00Z"), Prague));
    }

    #[test]
    fn news_at_night_waits_until_seven_in_the_morning() {
        let night = QuietHours::parse("22-7").unwrap();
        // Before midnight: the next morning.
        assert_eq!(
            night.end_after(utc("2026-12-02T21:30:00Z"), Prague),
            utc("2026-12-03T06:00:00Z")
        );
        // After midnight: the same morning.
        assert_eq!(
            night.end_after(utc("2026-12-03T02:00:00Z"), Prague),
            utc("2026-12-03T06:00:00Z")
        );
        // By day it goes at once.
        let noon = utc("2026-12-03T11:00:00Z");
        assert_eq!(night.end_after(noon, Prague), noon);
    }

    #[test]
    fn a_window_within_one_day_and_an_empty_one() {
        let afternoon = QuietHours::parse("13-15").unwrap();
        assert!(afternoon.contains(utc("2026-12-03T12:30:00Z"), Prague));
        assert!(!afternoon.contains(utc("2026-12-03T14:00:00Z"), Prague));
        assert!(
            !QuietHours::parse("0-0")
                .unwrap()
                .contains(utc("2026-12-03T02:00:00Z"), Prague)
        );
        assert!(QuietHours::parse("25-7").is_err());
        assert!(QuietHours::parse("22").is_err());
    }
}
