//! The article model: one story as byline holds it after loading and
//! cleaning, plus where it came from.

#![warn(missing_docs)]

mod custom;
mod date;
mod envelope;
mod fields;
pub mod html;
mod limits;
pub mod load;
mod objects;
mod one;
mod parse;
mod problem;
pub mod sanitize;
mod shape;
mod sqlite;
mod stream;
pub mod timestamp;
mod truncate;
mod walk;
pub(crate) use walk::display_name;
pub mod watch;

pub use custom::{Format, Formats};
pub use date::Date;
pub use fields::Field;
pub use limits::{Limits, Size, parse_size};
pub use load::{
    Input, Loaded, Options, load, load_each, load_file, load_while, load_while_with, load_with,
};
pub use one::{load_object_text, load_object_value};
pub use problem::{Place, Problem};

use std::sync::Arc;

/// One news story. Every string has been through [`sanitize`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// From the file, or derived from the file and position when absent.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The standfirst or subheading, if any.
    pub subtitle: Option<String>,
    /// The text; paragraphs are separated by a blank line.
    pub body: String,
    /// The outlet ("Reuters", "BBC News").
    pub source: Option<String>,
    /// The bylines, as given.
    pub authors: Vec<String>,
    /// ISO 8601 (`YYYY-MM-DD`, or a date-time with its offset when the
    /// file gave one), or as written when it could not be read as a time.
    pub published: Option<String>,
    /// Where the story was published.
    pub url: Option<String>,
    /// The photos, with captions and credits.
    pub images: Vec<Image>,
    /// The file holds only the start of the story (a news API cut it).
    pub truncated: bool,
    /// Read or unread as the tool the story came from recorded it (a feed
    /// reader's cache); byline's own marks win over it.
    pub read: Option<bool>,
    /// Where byline read it.
    pub origin: Origin,
}

/// A photo caption and its credit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    /// The caption text.
    pub caption: String,
    /// Who took or supplied the photo.
    pub credit: Option<String>,
}

/// Where an article was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it (or `-`, or a bundled sample's name).
    pub file: Arc<str>,
    /// Where in the file: a line, an item.
    pub place: Place,
}

impl Article {
    /// The publication date, when `published` starts with a `YYYY-MM-DD` date.
    pub fn date(&self) -> Option<Date> {
        self.published.as_deref().and_then(Date::parse)
    }

    /// `published` when it is a time byline could read (ISO 8601, as it
    /// writes them); `None` for one kept as written.
    pub fn published_iso(&self) -> Option<&str> {
        let published = self.published.as_deref()?;
        (timestamp::normalise(published).as_deref() == Some(published)).then_some(published)
    }

    /// The part of the body the analysis reads: all of it, or for a cut
    /// story everything before the sentence the cut broke off.
    pub fn analysed_text(&self) -> &str {
        if self.truncated {
            &self.body[..truncate::whole_sentences_end(&self.body)]
        } else {
            &self.body
        }
    }

    /// The paragraphs of the body, with their byte offsets.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        paragraphs(&self.body)
    }
}

/// Splits a body into its paragraphs (separated by blank lines), each with
/// its byte offset; blank paragraphs are skipped.
pub fn paragraphs(body: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        loop {
            if rest >= body.len() {
                return None;
            }
            let tail = &body[rest..];
            let (len, skip) = match find_blank_line(tail) {
                Some((at, after)) => (at, after),
                None => (tail.len(), tail.len()),
            };
            let start = rest;
            rest += skip;
            let text = &tail[..len];
            let trimmed = text.trim_start_matches('\n');
            if !trimmed.trim().is_empty() {
                return Some((start + (text.len() - trimmed.len()), trimmed.trim_end()));
            }
        }
    })
}

/// Finds the first blank line (`\n`, optional spaces, `\n`): returns where
/// the paragraph ends and where the next one may start.
pub(crate) fn find_blank_line(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(nl) = memchr::memchr(b'\n', &bytes[i..]) {
        let first = i + nl;
        let mut j = first + 1;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\r') {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'\n' {
            let mut after = j + 1;
            while after < bytes.len() && bytes[after] == b'\n' {
                after += 1;
            }
            return Some((first, after));
        }
        i = first + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let body = "One.\n\nTwo\nstill two.\n \n\n\nThree.";
        let got: Vec<_> = paragraphs(body).collect();
        assert_eq!(
            got,
            vec![(0, "One."), (6, "Two\nstill two."), (25, "Three.")]
        );
        for (at, text) in got {
            assert_eq!(&body[at..at + text.len()], text);
        }
    }

    #[test]
    fn paragraphs_of_empty_and_blank_bodies() {
        assert_eq!(paragraphs("").count(), 0);
        assert_eq!(paragraphs("\n\n \n").count(), 0);
        assert_eq!(
            paragraphs("\n\nOnly.\n\n").collect::<Vec<_>>(),
            vec![(2, "Only.")]
        );
    }
}
