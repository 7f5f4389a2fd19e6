//! Times as the feeds code keeps them: seconds since the epoch, written
//! as ISO 8601 in UTC (`2026-03-14T09:30:00Z`) so that the files say
//! when, and compare as text in time order.

use chrono::DateTime;
use std::time::{SystemTime, UNIX_EPOCH};

/// Now, in seconds since the epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `secs` as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// An ISO 8601 time with its zone, in seconds since the epoch.
pub fn parse_iso(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp())
}

/// The longest byline waits for a server that asked it to (a day).
pub const LONGEST_WAIT: i64 = 24 * 60 * 60;

/// When a `Retry-After` header (seconds, or an HTTP date) lets the feed be
/// asked again, at most [`LONGEST_WAIT`] from now.
pub fn retry_after(value: &str, now: i64) -> Option<i64> {
    let value = value.trim();
    let at = if value.bytes().all(|b| b.is_ascii_digit()) {
        now.saturating_add(value.parse::<i64>().unwrap_or(LONGEST_WAIT))
    } else {
        DateTime::parse_from_rfc2822(value).ok()?.timestamp()
    };
    Some(at.clamp(now, now + LONGEST_WAIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_retry_after() {
        assert_eq!(iso(1_767_349_800), "2026-01-02T10:30:00Z");
        assert_eq!(parse_iso("2026-01-02T10:30:00Z"), Some(1_767_349_800));
        let now = 1_767_349_800;
        assert_eq!(retry_after("120", now), Some(now + 120));
        assert_eq!(
            retry_after("Fri, 02 Jan 2026 10:40:00 GMT", now),
            Some(now + 600)
        );
        assert_eq!(retry_after("99999999999", now), Some(now + LONGEST_WAIT));
        assert_eq!(retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now), Some(now));
        assert_eq!(retry_after("soon", now), None);
    }
}
