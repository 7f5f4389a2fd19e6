//! The colours of the reader, by role, without a terminal: a dark and a
//! light palette of the 16 ANSI colours (so they follow the terminal's own
//! palette), either of which the settings file can patch role by role.

/// One of the 16 ANSI colours, by the name the settings file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

const NAMES: [(&str, Colour); 16] = [
    ("black", Colour::Black),
    ("red", Colour::Red),
    ("green", Colour::Green),
    ("yellow", Colour::Yellow),
    ("blue", Colour::Blue),
    ("magenta", Colour::Magenta),
    ("cyan", Colour::Cyan),
    ("gray", Colour::Gray),
    ("dark_gray", Colour::DarkGray),
    ("light_red", Colour::LightRed),
    ("light_green", Colour::LightGreen),
    ("light_yellow", Colour::LightYellow),
    ("light_blue", Colour::LightBlue),
    ("light_magenta", Colour::LightMagenta),
    ("light_cyan", Colour::LightCyan),
    ("white", Colour::White),
];

impl Colour {
    /// Reads `cyan`, `light_blue`, `dark-gray`, `Light Red`…
    pub fn parse(text: &str) -> Option<Colour> {
        let name = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let name = if name == "grey" || name == "dark_grey" {
            name.replace("grey", "gray")
        } else {
            name
        };
        NAMES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
    }

    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|&&(_, c)| c == self)
            .map_or("", |&(n, _)| n)
    }

    /// Every name, for messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        NAMES.iter().map(|&(n, _)| n)
    }
}

/// A shipped palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// For light text on a dark background.
    #[default]
    Dark,
    /// For dark text on a light background.
    Light,
}

impl ThemeName {
    pub fn parse(text: &str) -> Option<ThemeName> {
        match text {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            _ => None,
        }
    }
}

/// How many speakers get a colour of their own before the colours repeat.
pub const SPEAKER_SLOTS: usize = 6;

/// The colour of each role the reader draws with. Everything else on the
/// screen is told apart by bold, dim, italic, underline and reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Speakers, in the order they first speak in a story; their quotes,
    /// names and sidebar entries take this colour.
    pub speakers: [Colour; SPEAKER_SLOTS],
    /// The focused panel's border, the program's name, prompts.
    pub accent: Colour,
    /// The mark of an unread story.
    pub unread: Colour,
    /// The mark of a starred story.
    pub starred: Colour,
    /// Load problems and other warnings.
    pub warning: Colour,
    /// Search matches: the text and the background behind it (the only
    /// background the reader ever sets).
    pub match_fg: Colour,
    pub match_bg: Colour,
}

impl Palette {
    pub const DARK: Palette = Palette {
        speakers: [
            Colour::Cyan,
            Colour::Magenta,
            Colour::Yellow,
            Colour::Green,
            Colour::LightBlue,
            Colour::LightRed,
        ],
        accent: Colour::Cyan,
        unread: Colour::Cyan,
        starred: Colour::Yellow,
        warning: Colour::Yellow,
        match_fg: Colour::Black,
        match_bg: Colour::Yellow,
    };

    /// Darker colours that stay readable on white; no yellow text.
    pub const LIGHT: Palette = Palette {
        speakers: [
            Colour::Blue,
            Colour::Magenta,
            Colour::Red,
            Colour::Green,
            Colour::Cyan,
            Colour::DarkGray,
        ],
        accent: Colour::Blue,
        unread: Colour::Blue,
        starred: Colour::Magenta,
        warning: Colour::Red,
        match_fg: Colour::Black,
        match_bg: Colour::LightYellow,
    };

    pub fn of(theme: ThemeName) -> Palette {
        match theme {
            ThemeName::Dark => Palette::DARK,
            ThemeName::Light => Palette::LIGHT,
        }
    }

    /// The role named `name` in the `[colours]` table.
    pub(super) fn role_mut(&mut self, name: &str) -> Option<&mut Colour> {
        Some(match name {
            "accent" => &mut self.accent,
            "unread" => &mut self.unread,
            "starred" => &mut self.starred,
            "warning" => &mut self.warning,
            "match_fg" => &mut self.match_fg,
            "match_bg" => &mut self.match_bg,
            _ => return None,
        })
    }

    /// The roles of `[colours]` that take one colour (`speakers` takes a list).
    pub const ROLES: [&'static str; 6] = [
        "accent", "unread", "starred", "warning", "match_fg", "match_bg",
    ];
}

impl Default for Palette {
    fn default() -> Self {
        Palette::DARK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_names_read_back() {
        for name in Colour::names() {
            assert_eq!(Colour::parse(name).map(Colour::name), Some(name));
        }
        assert_eq!(Colour::parse("Light-Blue"), Some(Colour::LightBlue));
        assert_eq!(Colour::parse("grey"), Some(Colour::Gray));
        assert_eq!(Colour::parse("teal"), None);
    }

    #[test]
    fn every_role_is_reachable() {
        let mut palette = Palette::DARK;
        for role in Palette::ROLES {
            assert!(palette.role_mut(role).is_some(), "{role}");
        }
    }

    #[test]
    fn speakers_differ_within_a_palette() {
        for palette in [Palette::DARK, Palette::LIGHT] {
            for (i, a) in palette.speakers.iter().enumerate() {
                assert!(!palette.speakers[i + 1..].contains(a));
            }
        }
    }
}
