//! Publication dates: just enough of ISO 8601 to sort and show a date.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (2024).
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// Reads the `YYYY-MM-DD` at the start of `text` (a date or an RFC 3339
    /// date-time); anything else is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let head = text.get(..10)?;
        let bytes = head.as_bytes();
        if bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = head[..4].parse().ok()?;
        let month: u8 = digits(&head[5..7])?;
        let day: u8 = digits(&head[8..10])?;
        let rest = &text[10..];
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return None;
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }
}

fn digits(text: &str) -> Option<u8> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    /// `11 Oct 2023`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        write!(f, "{} {month} {}", self.day, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_date_times() {
        let d = Date {
            year: 2023,
            month: 10,
            day: 11,
        };
        assert_eq!(Date::parse("2023-10-11"), Some(d));
        assert_eq!(Date::parse("2023-10-11T08:30:00Z"), Some(d));
        assert_eq!(Date::parse(" 2023-10-11 08:30 "), Some(d));
        assert_eq!(d.to_string(), "11 Oct 2023");
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "yesterday",
            "2023-13-01",
            "2023-02-30",
            "2023-1-1",
            "2023-10-11x",
            "ééééééééééé",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }
}
