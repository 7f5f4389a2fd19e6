//! Load problems: what went wrong with a file or an article, and where.

use super::sanitize::clean_line;
use std::fmt;
use std::sync::Arc;

/// Where in a file a problem or an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The file as a whole (or its one article).
    File,
    /// A line of a JSON Lines file, from 1.
    Line(usize),
    /// An item of an array, from 0.
    Index(usize),
}

/// A problem met while loading: the file, the place in it, and a reason a
/// person can act on. Shown as one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    /// The file as the user named it.
    pub file: Arc<str>,
    /// Where in the file.
    pub place: Place,
    /// What is wrong, in words a person can act on.
    pub reason: String,
}

impl Problem {
    /// A problem, its file name and reason cleaned as any text from a file
    /// is: a reason quotes the file ("not JSON: it starts with …"), and a
    /// message must not drive the terminal it is printed on.
    pub fn new(file: &Arc<str>, place: Place, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        let clean = clean_line(&reason);
        Self {
            file: if clean_line(file) == **file {
                Arc::clone(file)
            } else {
                Arc::from(clean_line(file))
            },
            place,
            reason: if clean == reason { reason } else { clean },
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::File => write!(f, "{}: {}", self.file, self.reason),
            Place::Line(line) => write!(f, "{}:{line}: {}", self.file, self.reason),
            Place::Index(index) => write!(f, "{} [article {index}]: {}", self.file, self.reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_cannot_drive_the_terminal() {
        let file: Arc<str> = Arc::from("evil\u{1b}]0;x\u{7}.toml");
        let p = Problem::new(
            &file,
            Place::Line(2),
            "unknown setting `a\u{202e}b\u{1b}[2J`",
        );
        assert_eq!(p.to_string(), "evil.toml:2: unknown setting `ab`");
    }

    #[test]
    fn one_line_with_file_and_place() {
        let file: Arc<str> = Arc::from("news/a.jsonl");
        let at = |place| Problem::new(&file, place, "no \"title\" and no body").to_string();
        assert_eq!(at(Place::File), "news/a.jsonl: no \"title\" and no body");
        assert_eq!(
            at(Place::Line(3)),
            "news/a.jsonl:3: no \"title\" and no body"
        );
        assert_eq!(
            at(Place::Index(2)),
            "news/a.jsonl [article 2]: no \"title\" and no body"
        );
    }
}
