//! `[feeds]`: how `byline fetch` fetches (see [`crate::feeds::FeedSettings`]).

use super::{Item, Reader, suggest};
use crate::feeds::FeedSettings;
use std::ops::RangeInclusive;
use std::time::Duration;
use toml::Spanned;
use toml::de::DeValue;

/// The entries of the table.
const ENTRIES: &[&str] = &[
    "timeout",
    "concurrency",
    "max_feed_size",
    "max_page_size",
    "keep_days",
    "fetch_every",
];

const TIMEOUT: RangeInclusive<u64> = 1..=3600;
const CONCURRENCY: RangeInclusive<u64> = 1..=64;
const KEEP_DAYS: RangeInclusive<u64> = 0..=36_500;
const FETCH_EVERY: RangeInclusive<u64> = 0..=10_080;

impl Reader {
    pub(super) fn feeds(&mut self, value: &Spanned<DeValue<'_>>, settings: &mut FeedSettings) {
        let Some(table) = self.table("feeds", value) else {
            return;
        };
        let mut items: Vec<Item<'_, '_>> = table.iter().collect();
        items.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in items {
            match key.get_ref().as_ref() {
                "timeout" => {
                    let now = settings.timeout.as_secs();
                    if let Some(secs) = self.whole(value, "timeout", TIMEOUT, "seconds", now) {
                        settings.timeout = Duration::from_secs(secs);
                    }
                }
                "concurrency" => {
                    let now = settings.concurrency as u64;
                    if let Some(n) = self.whole(value, "concurrency", CONCURRENCY, "feeds", now) {
                        settings.concurrency = n as usize;
                    }
                }
                "max_feed_size" => self.size(key, value, &mut settings.max_feed_size),
                "max_page_size" => self.size(key, value, &mut settings.max_page_size),
                "keep_days" => {
                    let now = u64::from(settings.keep_days);
                    if let Some(n) = self.whole(value, "keep_days", KEEP_DAYS, "days", now) {
                        settings.keep_days = u32::try_from(n).unwrap_or(u32::MAX);
                    }
                }
                "fetch_every" => {
                    let now = u64::from(settings.fetch_every);
                    if let Some(n) = self.whole(value, "fetch_every", FETCH_EVERY, "minutes", now) {
                        settings.fetch_every = u32::try_from(n).unwrap_or(u32::MAX);
                    }
                }
                other => {
                    let hint = suggest(other, ENTRIES.iter().copied());
                    self.problem(key, format!("unknown entry `{other}` in [feeds]{hint}"));
                }
            }
        }
    }

    /// A whole number in `range`, or a problem saying what it must be.
    fn whole(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        name: &str,
        range: RangeInclusive<u64>,
        unit: &str,
        now: u64,
    ) -> Option<u64> {
        let read = value
            .get_ref()
            .as_integer()
            .and_then(|n| u64::from_str_radix(n.as_str(), n.radix()).ok())
            .filter(|n| range.contains(n));
        if read.is_none() {
            self.problem(
                value,
                format!(
                    "`{name}` must be a whole number of {unit} from {} to {}; using {now}",
                    range.start(),
                    range.end()
                ),
            );
        }
        read
    }
}
