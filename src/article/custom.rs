//! The user's own shapes: `[formats.NAME]` tables in the settings file
//! that say where a shape byline does not know keeps its articles and
//! their fields, as dotted paths.
//!
//! ```toml
//! [formats.inkwire]
//! items = "payload.stories"   # where the articles are; leave out for files of articles
//! title = "headline.text"
//! body = "content.html"
//! published = "meta.time"
//! authors = "meta.writers"
//! source = "site.name"
//! url = "links.canonical"
//! ```
//!
//! Every table's paths are tried before byline's own, so a field the table
//! leaves out is still found where byline would look for it.

use super::fields::{Field, first_member};

/// One `[formats.NAME]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format {
    /// The table's `NAME`.
    pub name: String,
    /// The path to the array (or id-keyed object) of articles in a file.
    pub items: Option<String>,
    /// Where each field sits, as the table gives it.
    pub paths: Vec<(Field, String)>,
}

/// Every table of the settings file, in its order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Formats {
    formats: Vec<Format>,
    /// The first member of every path, for the record reader.
    members: Vec<String>,
}

impl Formats {
    /// The tables, in the settings file's order.
    pub fn new(formats: Vec<Format>) -> Self {
        let mut members: Vec<String> = formats
            .iter()
            .flat_map(|f| f.paths.iter())
            .map(|(_, path)| first_member(path).to_owned())
            .collect();
        members.sort_unstable();
        members.dedup();
        Self { formats, members }
    }

    /// There is no table.
    pub fn is_empty(&self) -> bool {
        self.formats.is_empty()
    }

    /// Every table, in order.
    pub fn formats(&self) -> &[Format] {
        &self.formats
    }

    /// The first members the user's paths read.
    pub fn members(&self) -> &[String] {
        &self.members
    }

    /// The user's paths for `field`, in the order of the tables.
    pub fn paths(&self, field: Field) -> impl Iterator<Item = &str> {
        self.formats
            .iter()
            .flat_map(move |f| f.paths.iter().filter(move |(of, _)| *of == field))
            .map(|(_, path)| path.as_str())
    }

    /// The paths to articles in a file, in the order of the tables.
    pub fn items(&self) -> impl Iterator<Item = &str> {
        self.formats.iter().filter_map(|f| f.items.as_deref())
    }
}
