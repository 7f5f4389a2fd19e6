//! Reading a settings file entry by entry, so that one bad entry costs only
//! itself: the TOML is parsed with spans, every entry is checked on its own,
//! and each problem names its line. An entry that is refused keeps its
//! default; the rest of the file applies.

mod feeds;
mod formats;

use super::Settings;
use super::actions::{Action, Context};
use super::bindings::{self, Entry};
use super::keys::{Key, NOTATION, parse_sequence};
use super::theme::{Colour, Palette, SPEAKER_SLOTS, ThemeName};
use std::ops::Range;
use std::path::PathBuf;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The top-level settings, for messages.
const SETTINGS: &[&str] = &[
    "paths",
    "body_width",
    "theme",
    "mouse",
    "watch",
    "colours",
    "keys",
    "prompt_keys",
    "formats",
    "max_file_size",
    "max_line_size",
    "max_folder_depth",
    "sort",
    "labels",
    "feeds",
];

/// The smallest size cap allowed: below it no article fits.
const MIN_SIZE: u64 = 1 << 10;

/// The folder depths allowed.
const FOLDER_DEPTH: std::ops::RangeInclusive<usize> = 1..=4096;

/// The body width cap allowed, in columns.
pub const BODY_WIDTH: Range<i64> = 20..1001;

type Item<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

/// A problem with the file: the line (from 1) where known, and the message.
pub(super) type Found = (Option<usize>, String);

/// What reading a file found: the problems (each entry refused keeps its
/// default) and the warnings (an entry that holds but costs another action
/// a key), both in line order.
pub(super) struct Report {
    pub problems: Vec<Found>,
    pub warnings: Vec<Found>,
}

/// Reads settings from the text of a file; every problem is reported with
/// its line and the defaults stand in for what it touched.
pub(super) fn parse(text: &str) -> (Settings, Report) {
    let mut reader = Reader {
        lines: LineIndex::new(text),
        found: Vec::new(),
        warnings: Vec::new(),
    };
    let (doc, errors) = DeTable::parse_recoverable(text);
    for err in errors {
        let line = err.span().map(|span| reader.lines.line(span.start));
        reader
            .found
            .push((line, err.message().trim_end().to_owned()));
    }
    let settings = reader.settings(doc.get_ref());
    let (mut problems, mut warnings) = (reader.found, reader.warnings);
    problems.sort_by_key(|(line, _)| line.unwrap_or(0));
    warnings.sort_by_key(|(line, _)| line.unwrap_or(0));
    (settings, Report { problems, warnings })
}

/// Byte offsets to line numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

struct Reader {
    lines: LineIndex,
    found: Vec<Found>,
    warnings: Vec<Found>,
}

impl Reader {
    fn line<T>(&self, spanned: &Spanned<T>) -> usize {
        self.lines.line(spanned.span().start)
    }

    fn problem<T>(&mut self, at: &Spanned<T>, message: String) {
        let line = self.line(at);
        self.found.push((Some(line), message));
    }

    fn settings(&mut self, doc: &DeTable<'_>) -> Settings {
        let mut settings = Settings::default();
        let mut items: Vec<Item<'_, '_>> = doc.iter().collect();
        // The table is kept in key order; problems read better in file order.
        items.sort_by_key(|(key, _)| key.span().start);
        let mut colours = None;
        for (key, value) in items {
            match key.get_ref().as_ref() {
                "paths" => self.paths(value, &mut settings.paths),
                "body_width" => self.body_width(value, &mut settings.body_width),
                "theme" => self.theme(value, &mut settings.theme),
                "sort" => self.sort(value, &mut settings.sort),
                "labels" => self.labels(value, &mut settings.labels),
                "mouse" => self.boolean(key, value, &mut settings.mouse),
                "watch" => self.boolean(key, value, &mut settings.watch),
                "colours" | "colors" => colours = Some(value),
                "keys" => self.keys(Context::Normal, value),
                "prompt_keys" => self.keys(Context::Prompt, value),
                "formats" => settings.formats = self.formats(value),
                "feeds" => self.feeds(value, &mut settings.feeds),
                "max_file_size" => self.size(key, value, &mut settings.limits.max_file),
                "max_line_size" => self.size(key, value, &mut settings.limits.max_line),
                "max_folder_depth" => self.depth(value, &mut settings.limits.max_depth),
                other => {
                    let hint = suggest(other, SETTINGS.iter().copied());
                    self.problem(key, format!("unknown setting `{other}`{hint}"));
                }
            }
        }
        settings.colours = Palette::of(settings.theme);
        if let Some(value) = colours {
            self.colours(value, &mut settings.colours);
        }
        settings.keys = self.bindings(doc);
        settings
    }

    fn paths(&mut self, value: &Spanned<DeValue<'_>>, paths: &mut Vec<PathBuf>) {
        let strings = match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .map(|item| item.get_ref().as_str().map(PathBuf::from))
                .collect::<Option<Vec<_>>>(),
            _ => None,
        };
        match strings {
            Some(list) => *paths = list,
            None => self.problem(
                value,
                "`paths` must be a list of folders or files, like [\"~/news\"]; \
                 using the default (none)"
                    .to_owned(),
            ),
        }
    }

    fn body_width(&mut self, value: &Spanned<DeValue<'_>>, width: &mut usize) {
        let read = value
            .get_ref()
            .as_integer()
            .and_then(|n| i64::from_str_radix(n.as_str(), n.radix()).ok())
            .filter(|n| BODY_WIDTH.contains(n));
        match read.and_then(|n| usize::try_from(n).ok()) {
            Some(n) => *width = n,
            None => self.problem(
                value,
                format!(
                    "`body_width` must be a whole number of columns from {} to {}; using {width}",
                    BODY_WIDTH.start,
                    BODY_WIDTH.end - 1
                ),
            ),
        }
    }

    /// A size: a whole number of bytes, or a string with a unit ("64 MiB").
    fn size(
        &mut self,
        key: &Spanned<impl AsRef<str>>,
        value: &Spanned<DeValue<'_>>,
        size: &mut u64,
    ) {
        let read = match value.get_ref() {
            DeValue::String(text) => crate::article::parse_size(text),
            other => other
                .as_integer()
                .and_then(|n| u64::from_str_radix(n.as_str(), n.radix()).ok()),
        };
        match read.filter(|&n| n >= MIN_SIZE) {
            Some(n) => *size = n,
            None => self.problem(
                value,
                format!(
                    "`{}` must be a size of at least 1 KiB, like \"64 MiB\" or 1048576; using {}",
                    key.get_ref().as_ref(),
                    crate::article::Size(*size)
                ),
            ),
        }
    }

    fn depth(&mut self, value: &Spanned<DeValue<'_>>, depth: &mut usize) {
        let read = value
            .get_ref()
            .as_integer()
            .and_then(|n| usize::from_str_radix(n.as_str(), n.radix()).ok())
            .filter(|n| FOLDER_DEPTH.contains(n));
        match read {
            Some(n) => *depth = n,
            None => self.problem(
                value,
                format!(
                    "`max_folder_depth` must be a whole number from {} to {}; using {depth}",
                    FOLDER_DEPTH.start(),
                    FOLDER_DEPTH.end()
                ),
            ),
        }
    }

    fn labels(&mut self, value: &Spanned<DeValue<'_>>, labels: &mut super::Labels) {
        if let Some(mode) = value.get_ref().as_str().and_then(super::Labels::parse) {
            *labels = mode;
        } else {
            let names: Vec<&str> = super::Labels::ALL.iter().map(|l| l.name()).collect();
            self.problem(
                value,
                format!(
                    "`labels` must be one of \"{}\"; using \"{}\"",
                    names.join("\", \""),
                    labels.name()
                ),
            );
        }
    }

    fn sort(&mut self, value: &Spanned<DeValue<'_>>, sort: &mut super::SortBy) {
        if let Some(by) = value.get_ref().as_str().and_then(super::SortBy::parse) {
            *sort = by;
        } else {
            let names: Vec<&str> = super::SortBy::ALL.iter().map(|s| s.name()).collect();
            self.problem(
                value,
                format!(
                    "`sort` must be one of \"{}\"; using \"{}\"",
                    names.join("\", \""),
                    sort.name()
                ),
            );
        }
    }

    fn theme(&mut self, value: &Spanned<DeValue<'_>>, theme: &mut ThemeName) {
        match value.get_ref().as_str().and_then(ThemeName::parse) {
            Some(name) => *theme = name,
            None => self.problem(
                value,
                "`theme` must be \"dark\" or \"light\"; using \"dark\"".to_owned(),
            ),
        }
    }

    fn boolean(
        &mut self,
        key: &Spanned<impl AsRef<str>>,
        value: &Spanned<DeValue<'_>>,
        to: &mut bool,
    ) {
        match value.get_ref().as_bool() {
            Some(b) => *to = b,
            None => self.problem(
                value,
                format!(
                    "`{}` must be true or false; using {to}",
                    key.get_ref().as_ref()
                ),
            ),
        }
    }

    fn colours(&mut self, value: &Spanned<DeValue<'_>>, palette: &mut Palette) {
        let Some(table) = self.table("colours", value) else {
            return;
        };
        let mut items: Vec<Item<'_, '_>> = table.iter().collect();
        items.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in items {
            let role = key.get_ref().as_ref();
            if role == "speakers" {
                self.speakers(value, &mut palette.speakers);
            } else if let Some(slot) = palette.role_mut(role) {
                match value.get_ref().as_str().and_then(Colour::parse) {
                    Some(colour) => *slot = colour,
                    None => self.problem(value, bad_colour(role)),
                }
            } else {
                let roles = Palette::ROLES.iter().copied().chain(["speakers"]);
                let hint = suggest(role, roles);
                self.problem(key, format!("unknown colour role `{role}`{hint}"));
            }
        }
    }

    fn speakers(&mut self, value: &Spanned<DeValue<'_>>, speakers: &mut [Colour; SPEAKER_SLOTS]) {
        let list = match value.get_ref() {
            DeValue::Array(items) if items.len() == SPEAKER_SLOTS => items
                .iter()
                .map(|item| item.get_ref().as_str().and_then(Colour::parse))
                .collect::<Option<Vec<_>>>(),
            _ => None,
        };
        match list.and_then(|list| <[Colour; SPEAKER_SLOTS]>::try_from(list).ok()) {
            Some(list) => *speakers = list,
            None => self.problem(
                value,
                format!(
                    "`speakers` must be a list of {SPEAKER_SLOTS} colours ({}); \
                     using the theme's",
                    Colour::names().collect::<Vec<_>>().join(", ")
                ),
            ),
        }
    }

    fn table<'a, 'i>(
        &mut self,
        name: &str,
        value: &'a Spanned<DeValue<'i>>,
    ) -> Option<&'a DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.problem(value, format!("`{name}` must be a table: [{name}]"));
        }
        table
    }

    /// Checks the key tables' names and values here; the bindings
    /// themselves are merged in [`Reader::bindings`].
    fn keys(&mut self, context: Context, value: &Spanned<DeValue<'_>>) {
        self.table(context.table(), value);
    }

    fn bindings(&mut self, doc: &DeTable<'_>) -> bindings::Bindings {
        let mut entries = Vec::new();
        for context in Context::ALL {
            let Some(table) = doc
                .get(context.table())
                .and_then(|v| v.get_ref().as_table())
            else {
                continue;
            };
            for (key, value) in table {
                if let Some(entry) = self.entry(context, key, value) {
                    entries.push(entry);
                }
            }
        }
        entries.sort_by_key(|e| e.line);
        let applied = bindings::apply(entries);
        let at_line = |(line, message)| (Some(line), message);
        self.found.extend(applied.refused.into_iter().map(at_line));
        self.warnings
            .extend(applied.warnings.into_iter().map(at_line));
        applied.bindings
    }

    /// One `action = "keys"` or `action = ["keys", …]` entry.
    fn entry(
        &mut self,
        context: Context,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) -> Option<Entry> {
        let name = key.get_ref().as_ref();
        let Some(action) = Action::from_name(name) else {
            let hint = suggest(name, Action::ALL.iter().map(|a| a.name()));
            self.problem(
                key,
                format!("unknown action `{name}` in [{}]{hint}", context.table()),
            );
            return None;
        };
        if !bindings::allowed(context, action) {
            self.problem(key, not_in_prompt(action));
            return None;
        }
        match read_keys(value) {
            Ok(keys) => Some(Entry {
                context,
                action,
                keys,
                line: self.line(key),
            }),
            Err(why) => {
                self.problem(value, format!("{why}; `{name}` keeps its default keys"));
                None
            }
        }
    }
}

/// The key sequences of an entry: one string or a list of strings.
fn read_keys(value: &Spanned<DeValue<'_>>) -> Result<Vec<Vec<Key>>, String> {
    let texts: Vec<&str> = match value.get_ref() {
        DeValue::String(s) => vec![s.as_ref()],
        DeValue::Array(items) => items
            .iter()
            .map(|item| item.get_ref().as_str())
            .collect::<Option<_>>()
            .ok_or("keys must be a string or a list of strings")?,
        _ => return Err("keys must be a string or a list of strings".to_owned()),
    };
    texts
        .iter()
        .map(|text| {
            parse_sequence(text).ok_or_else(|| format!("`{text}` is not a key; write {NOTATION}"))
        })
        .collect()
}

fn bad_colour(role: &str) -> String {
    format!(
        "`{role}` must be one of {}; using the theme's",
        Colour::names().collect::<Vec<_>>().join(", ")
    )
}

fn not_in_prompt(action: Action) -> String {
    let allowed: Vec<&str> = Action::ALL
        .iter()
        .filter(|&&a| bindings::allowed(Context::Prompt, a))
        .map(|a| a.name())
        .collect();
    format!(
        "`{}` cannot be bound in [prompt_keys]; these can: {}",
        action.name(),
        allowed.join(", ")
    )
}

/// `; did you mean `x`?` when a known name is one or two edits away.
fn suggest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> String {
    closest(name, known)
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}

/// The known name one or two edits away from `name`, the nearest first.
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (distance(name, k), k))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars; names are short.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut last = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(last + usize::from(ca != cb));
            last = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_from_offsets() {
        let index = LineIndex::new("a\nbb\n\nc");
        assert_eq!(
            [0, 1, 2, 4, 5, 6].map(|o| index.line(o)),
            [1, 1, 2, 2, 3, 4]
        );
    }

    #[test]
    fn suggestions_are_close_names_only() {
        let known = ["body_width", "theme", "watch"];
        assert_eq!(
            suggest("bodywidth", known.iter().copied()),
            "; did you mean `body_width`?"
        );
        assert_eq!(suggest("colour_scheme", known.iter().copied()), "");
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
