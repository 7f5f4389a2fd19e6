//! Publication times as news tools write them, normalised to ISO 8601.
//!
//! Read: ISO 8601 / RFC 3339 with or without a zone (`T` or a space
//! between date and time, `Z`, `±HH:MM`, `±HHMM`, `UTC`), a date alone,
//! RFC 2822 (RSS, e-mail), compact `YYYYMMDDTHHMMSSZ` (GDELT) and
//! `YYYYMMDD`, and epoch seconds, milliseconds or microseconds (as numbers
//! or digit strings). Written: `YYYY-MM-DD` for a date alone, else
//! `YYYY-MM-DDTHH:MM:SS` and `Z` or `±HH:MM`. A time given with no zone is
//! written with none: byline does not guess where it was written.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::fmt::Write as _;

/// Epoch values are believed only inside these years: a small number is
/// far more often a count or an id than a date in 1970.
const EPOCH_YEARS: std::ops::RangeInclusive<i32> = 1990..=2200;

/// The ISO 8601 form of a publication time, or `None` when `text` is not
/// one byline can read.
pub fn normalise(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return digits(text);
    }
    iso(text)
        .or_else(|| compact(text))
        .or_else(|| rfc2822(text))
}

/// An epoch number from JSON: seconds, milliseconds or microseconds.
pub fn from_epoch_number(value: f64) -> Option<String> {
    if !value.is_finite() || value < 0.0 || value.fract() != 0.0 || value >= 1e19 {
        return None;
    }
    digits(&format!("{value:.0}"))
}

/// All digits: `YYYYMMDD`, or an epoch count told by its length.
fn digits(text: &str) -> Option<String> {
    if text.len() == 8 {
        return NaiveDate::parse_from_str(text, "%Y%m%d")
            .ok()
            .map(|d| d.format("%Y-%m-%d").to_string());
    }
    let n: i64 = text.parse().ok()?;
    let (secs, nanos) = match text.len() {
        9..=11 => (n, 0),
        12..=14 => (n / 1_000, 0),
        15..=17 => (n / 1_000_000, 0),
        18 | 19 => (n / 1_000_000_000, 0),
        _ => return None,
    };
    let at = DateTime::from_timestamp(secs, nanos)?;
    EPOCH_YEARS
        .contains(&chrono::Datelike::year(&at))
        .then(|| write(at.naive_utc(), Some(0)))
}

/// `YYYY-MM-DD`, optionally followed by a time and a zone.
fn iso(text: &str) -> Option<String> {
    let date = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(date.format("%Y-%m-%d").to_string());
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (time, zone) = split_time(rest)?;
    let offset = zone_offset(zone.trim())?;
    Some(write(date.and_time(time), offset))
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` at the start of `text`, and what
/// follows it.
fn split_time(text: &str) -> Option<(NaiveTime, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(text.len());
    let clock = &text[..end];
    let whole = clock.split(['.', ',']).next().unwrap_or(clock);
    let time = match whole.len() {
        5 => NaiveTime::parse_from_str(whole, "%H:%M").ok()?,
        8 => NaiveTime::parse_from_str(whole, "%H:%M:%S").ok()?,
        _ => return None,
    };
    Some((time, &text[end..]))
}

/// The offset a zone stands for in seconds: `Some(None)` for no zone at
/// all, `None` for something that is not a zone.
#[allow(clippy::option_option)] // "no zone" and "not a zone" differ
fn zone_offset(zone: &str) -> Option<Option<i32>> {
    match zone {
        "" => return Some(None),
        "Z" | "z" | "UTC" | "GMT" | "UT" => return Some(Some(0)),
        _ => {}
    }
    let (sign, digits) = match zone.as_bytes().first()? {
        b'+' => (1, &zone[1..]),
        b'-' => (-1, &zone[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|&c| c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes): (i32, i32) = match digits.len() {
        2 => (digits.parse().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    (hours <= 23 && minutes <= 59).then_some(Some(sign * (hours * 3600 + minutes * 60)))
}

/// GDELT's `YYYYMMDDTHHMMSSZ`, with or without the `Z`.
fn compact(text: &str) -> Option<String> {
    let (body, offset) = match text.strip_suffix(['Z', 'z']) {
        Some(body) => (body, Some(0)),
        None => (text, None),
    };
    let at = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S").ok()?;
    Some(write(at, offset))
}

fn rfc2822(text: &str) -> Option<String> {
    let at: DateTime<FixedOffset> = DateTime::parse_from_rfc2822(text).ok()?;
    Some(write(at.naive_local(), Some(at.offset().local_minus_utc())))
}

/// `YYYY-MM-DDTHH:MM:SS` and the zone, whole seconds.
fn write(at: NaiveDateTime, offset: Option<i32>) -> String {
    let at = at.with_nanosecond(0).unwrap_or(at);
    let mut out = at.format("%Y-%m-%dT%H:%M:%S").to_string();
    match offset {
        None => {}
        Some(0) => out.push('Z'),
        Some(seconds) => {
            let sign = if seconds < 0 { '-' } else { '+' };
            let minutes = seconds.abs() / 60;
            let _ = write!(out, "{sign}{:02}:{:02}", minutes / 60, minutes % 60);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_news_tools_write() {
        let cases = [
            ("2026-01-02", "2026-01-02"),
            ("2026-01-02T10:30:00Z", "2026-01-02T10:30:00Z"),
            ("2026-01-02T10:30:00.000000Z", "2026-01-02T10:30:00Z"),
            ("2026-01-02T10:30:00+01:00", "2026-01-02T10:30:00+01:00"),
            ("2026-01-02T10:30:00+0000", "2026-01-02T10:30:00Z"),
            ("2026-01-02T10:30:00-0530", "2026-01-02T10:30:00-05:30"),
            ("2026-01-02 10:30:00", "2026-01-02T10:30:00"),
            ("2026-01-02 10:30:00 +0000", "2026-01-02T10:30:00Z"),
            ("2026-01-02 10:30 UTC", "2026-01-02T10:30:00Z"),
            ("2026-01-02T10:30", "2026-01-02T10:30:00"),
            (
                "Fri, 02 Jan 2026 10:30:00 +0100",
                "2026-01-02T10:30:00+01:00",
            ),
            ("Fri, 2 Jan 2026 10:30:00 GMT", "2026-01-02T10:30:00Z"),
            ("20260102T103000Z", "2026-01-02T10:30:00Z"),
            ("20260102", "2026-01-02"),
            ("1767349800", "2026-01-02T10:30:00Z"),
            ("1767349800000", "2026-01-02T10:30:00Z"),
            ("1767349800000000", "2026-01-02T10:30:00Z"),
            (" 2026-01-02 ", "2026-01-02"),
        ];
        for (text, want) in cases {
            assert_eq!(normalise(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(
            from_epoch_number(1_767_349_800.0).as_deref(),
            Some("2026-01-02T10:30:00Z")
        );
    }

    #[test]
    fn turns_down_what_is_not_a_time() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30",
            "2026-01-02X",
            "2026-01-02T25:00",
            "2026-01-02T10:30:00+2500",
            "12",
            "12345",
            "20261340",
            "ééééééééééé",
        ] {
            assert_eq!(normalise(text), None, "{text}");
        }
        for value in [-1.0, 1.5, f64::NAN, 42.0] {
            assert_eq!(from_epoch_number(value), None, "{value}");
        }
    }

    proptest::proptest! {
        /// Whatever comes in, what comes out reads again as itself, and its
        /// date is one [`super::super::Date`] understands.
        #[test]
        fn normalised_is_a_fixed_point(text in "[0-9TZ:+ .-]{0,30}|\\PC{0,30}") {
            if let Some(out) = normalise(&text) {
                let again = normalise(&out);
                proptest::prop_assert_eq!(again.as_deref(), Some(out.as_str()));
                proptest::prop_assert!(super::super::Date::parse(&out).is_some(), "{}", out);
            }
        }
    }
}
