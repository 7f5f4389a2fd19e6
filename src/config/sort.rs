//! The order of the story list, as the settings file names it.

/// How the story list is sorted (`S`, and `sort = "…"` in the settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Date,
    Source,
    Unread,
    File,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [SortBy::Date, SortBy::Source, SortBy::Unread, SortBy::File];

    /// The next order, as `S` goes round them.
    #[must_use]
    pub fn next(self) -> SortBy {
        let at = SortBy::ALL.iter().position(|&s| s == self).unwrap_or(0);
        SortBy::ALL[(at + 1) % SortBy::ALL.len()]
    }

    /// The name in the settings file and in messages.
    pub fn name(self) -> &'static str {
        match self {
            SortBy::Date => "date",
            SortBy::Source => "source",
            SortBy::Unread => "unread",
            SortBy::File => "file",
        }
    }

    pub fn parse(name: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|s| s.name() == name)
    }

    /// What the list shows as its order, in words.
    pub fn describe(self) -> &'static str {
        match self {
            SortBy::Date => "newest first",
            SortBy::Source => "by source",
            SortBy::Unread => "unread first",
            SortBy::File => "as in the files",
        }
    }
}
