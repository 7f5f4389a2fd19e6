//! Settings: `$XDG_CONFIG_HOME/byline/config.toml`, read over the defaults.
//!
//! 1. [`load`] reads the file (a missing file is the defaults, silently);
//! 2. [`parse()`] reads its TOML entry by entry: an unknown setting, a bad
//!    value or a key bound twice is a [`Problem`] naming the line, and that
//!    entry keeps its default while the rest of the file applies;
//! 3. the key tables patch the default bindings ([`bindings`]), written in
//!    the reader's key notation ([`keys`]) and named after its actions
//!    ([`actions`]); colours come from a shipped [`theme`], patched by role.
//!
//! Nothing here knows the terminal: the reader turns the keys pressed into
//! [`Key`]s, matched against the bindings as they are, and maps [`Colour`]
//! onto its own type.

pub mod actions;
pub mod bindings;
pub mod keys;
mod labels;
mod parse;
mod sort;
pub mod theme;

pub use actions::{Action, Context};
pub use bindings::{Binding, Bindings};
pub use keys::{Key, KeyCode};
pub use labels::Labels;
pub use parse::closest;
pub use sort::SortBy;
pub use theme::{Colour, Palette, ThemeName};

use crate::article::{Place, Problem};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The default settings file, every entry commented (`byline config --default`).
pub const DEFAULT_FILE: &str = include_str!("../../assets/config.toml");

/// The cap on the body's width when the file sets none, in columns.
pub const DEFAULT_BODY_WIDTH: usize = 100;

/// Everything the settings file can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Opened when byline is started without a path; empty: the samples.
    /// A leading `~/` is the home folder (see [`expand_home`]).
    pub paths: Vec<PathBuf>,
    /// The widest the story's text is wrapped, in columns.
    pub body_width: usize,
    pub theme: ThemeName,
    /// The theme's palette with the file's `[colours]` applied.
    pub colours: Palette,
    /// Capture the mouse (click and wheel).
    pub mouse: bool,
    /// Pick up new and changed files in the opened folders.
    pub watch: bool,
    pub keys: Bindings,
    /// The user's own article shapes (`[formats.NAME]`).
    pub formats: crate::article::Formats,
    /// The story list's order.
    pub sort: SortBy,
    /// Where a quote's speaker is shown (`labels`).
    pub labels: Labels,
    /// How much is read at most (`max_file_size`, `max_line_size`,
    /// `max_folder_depth`).
    pub limits: crate::article::Limits,
    /// How feeds are fetched (`[feeds]`).
    pub feeds: crate::feeds::FeedSettings,
}

impl Settings {
    /// How the loader reads files under these settings.
    pub fn load_options(&self) -> crate::article::Options {
        crate::article::Options {
            formats: self.formats.clone(),
            limits: self.limits,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            paths: Vec::new(),
            body_width: DEFAULT_BODY_WIDTH,
            theme: ThemeName::Dark,
            colours: Palette::DARK,
            mouse: true,
            watch: false,
            keys: Bindings::default(),
            formats: crate::article::Formats::default(),
            limits: crate::article::Limits::default(),
            sort: SortBy::default(),
            labels: Labels::default(),
            feeds: crate::feeds::FeedSettings::default(),
        }
    }
}

/// Settings and the problems met reading them. There are always settings:
/// each problem cost only its own entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub settings: Settings,
    /// One per bad entry, as `file:line: message`.
    pub problems: Vec<Problem>,
    /// Entries that hold but cost another action a key (`next_story = "n"`
    /// takes `n` from `next_match`), as `file:line: warning: message`.
    pub warnings: Vec<Problem>,
}

impl Config {
    /// The problems and the warnings together, in line order (a problem
    /// before a warning on the same line): what the reader lists.
    pub fn reported(&self) -> Vec<Problem> {
        let mut all: Vec<Problem> = self
            .problems
            .iter()
            .chain(&self.warnings)
            .cloned()
            .collect();
        all.sort_by_key(|p| p.place);
        all
    }
}

/// Reads settings from `text`; `file` names it in problems.
pub fn parse(text: &str, file: &str) -> Config {
    let (settings, report) = parse::parse(text);
    let file: Arc<str> = Arc::from(file);
    let problems = |found: Vec<(Option<usize>, String)>| -> Vec<Problem> {
        found
            .into_iter()
            .map(|(line, message)| {
                let place = line.map_or(Place::File, Place::Line);
                Problem::new(&file, place, message)
            })
            .collect()
    };
    Config {
        settings,
        problems: problems(report.problems),
        warnings: problems(report.warnings),
    }
}

/// Reads the settings file at `path`. A missing file is the defaults; one
/// that cannot be read is the defaults with a problem. `~/` in `paths` is
/// expanded here.
pub fn load(path: &Path) -> Config {
    let name = path.display().to_string();
    let mut config = match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &name),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(err) => Config {
            settings: Settings::default(),
            problems: vec![Problem::new(
                &Arc::from(name.as_str()),
                Place::File,
                format!("cannot be read ({err}); using the default settings"),
            )],
            warnings: Vec::new(),
        },
    };
    if let Ok(home) = etcetera::home_dir() {
        for path in &mut config.settings.paths {
            *path = expand_home(path, &home);
        }
    }
    config
}

/// `~` or `~/rest` as a path under `home`; any other path as it is.
pub fn expand_home(path: &Path, home: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => path.to_owned(),
    }
}

/// `$XDG_CONFIG_HOME/byline/config.toml` (`~/.config/byline/config.toml`
/// when unset), or `None` when there is no home folder to put it in.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("byline").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_is_expanded_only_at_the_start() {
        let home = Path::new("/home/ann");
        assert_eq!(
            expand_home(Path::new("~/news"), home),
            Path::new("/home/ann/news")
        );
        assert_eq!(expand_home(Path::new("~"), home), home);
        assert_eq!(
            expand_home(Path::new("/srv/~/x"), home),
            Path::new("/srv/~/x")
        );
        assert_eq!(expand_home(Path::new("~bob/x"), home), Path::new("~bob/x"));
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let config = parse("", "config.toml");
        assert_eq!(config, Config::default());
    }
}
