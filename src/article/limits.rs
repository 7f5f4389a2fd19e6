//! How much byline reads: caps that keep a mistaken or hostile input (a
//! device named `.json`, an endless pipe, a file of one 20 GB line) from
//! taking all the memory or the time. Each is a setting; the defaults are
//! far above any real news file.

use std::fmt;

/// The caps, as the settings file sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read whole (one article, an array, an envelope);
    /// JSON Lines are read a piece at a time, at any size.
    pub max_file: u64,
    /// The longest line of JSON Lines (one article).
    pub max_line: u64,
    /// How deep a folder is walked.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file: 1 << 30,
            max_line: 256 << 20,
            max_depth: 64,
        }
    }
}

/// A size as people write it: `1048576`, `512 KiB`, `64 MiB`, `2GB`.
/// Decimal and binary units are both powers of 1024: nobody means 10⁹ by a
/// file size cap.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().ok()?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return None,
    };
    number.checked_mul(1 << shift)
}

/// A size for a message: `256 MiB`, `1 GiB`, `1500 bytes`.
pub struct Size(pub u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] {
            if self.0 >= 1 << shift && self.0.is_multiple_of(1 << shift) {
                return write!(f, "{} {unit}", self.0 >> shift);
            }
        }
        write!(f, "{} bytes", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_people_write_them() {
        let cases = [
            ("1048576", Some(1 << 20)),
            ("512 KiB", Some(512 << 10)),
            ("64MiB", Some(64 << 20)),
            ("2 GB", Some(2 << 30)),
            (" 3k ", Some(3 << 10)),
            ("", None),
            ("MiB", None),
            ("5 parsecs", None),
            ("-1", None),
            ("99999999999999999999", None),
            ("20000000 TiB", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_size(text), want, "{text:?}");
        }
        assert_eq!(Size(256 << 20).to_string(), "256 MiB");
        assert_eq!(Size(1 << 30).to_string(), "1 GiB");
        assert_eq!(Size(1500).to_string(), "1500 bytes");
    }
}
