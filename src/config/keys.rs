//! The key notation of the settings file and the help screen, without a
//! terminal: `j`, `J`, `C-d`, `M-x`, `S-Tab`, `Space`, `PageDown`, `F1`, and
//! sequences of them separated by spaces (`g g`). The reader turns terminal
//! key events into the same [`Key`] values, so a binding read here matches
//! the key pressed there.

use std::fmt;

/// A key without its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character; `Space` is `Char(' ')`.
    Char(char),
    Enter,
    Esc,
    Tab,
    /// Shift-Tab, as terminals send it.
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

/// One key with its modifiers, normalised so that `J` and `S-j` agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// The names of the keys that are not a single character, in the notation.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
];

impl Key {
    /// A key with modifiers, normalised: a character carries Shift itself
    /// (`S-j` is `J`), Ctrl with a letter ignores its case, and Shift-Tab is
    /// [`KeyCode::BackTab`] with or without the Shift flag.
    pub fn new(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> Self {
        match code {
            KeyCode::Char(c) if ctrl => {
                Self::plain(KeyCode::Char(c.to_ascii_lowercase()), ctrl, alt)
            }
            KeyCode::Char(c) if shift => {
                let upper = c.to_uppercase().next().unwrap_or(c);
                Self::plain(KeyCode::Char(upper), ctrl, alt)
            }
            KeyCode::BackTab | KeyCode::Char(_) => Self::plain(code, ctrl, alt),
            _ => Self {
                code,
                ctrl,
                alt,
                shift,
            },
        }
    }

    fn plain(code: KeyCode, ctrl: bool, alt: bool) -> Self {
        Self {
            code,
            ctrl,
            alt,
            shift: false,
        }
    }

    pub fn char(c: char) -> Self {
        Self::new(KeyCode::Char(c), false, false, false)
    }

    pub fn ctrl(c: char) -> Self {
        Self::new(KeyCode::Char(c), true, false, false)
    }

    /// Reads one key: `j`, `J`, `C-d`, `M-x` (or `A-x`), `S-Tab`, `Space`,
    /// `PageDown`, `Esc`, `F1`…`F24`. `None` for anything else.
    pub fn parse(text: &str) -> Option<Key> {
        let (ctrl, alt, shift, name) = match text
            .split_once('-')
            .filter(|(m, rest)| !rest.is_empty() && m.len() == 1)
        {
            Some(("C", rest)) => (true, false, false, rest),
            Some(("M" | "A", rest)) => (false, true, false, rest),
            Some(("S", rest)) => (false, false, true, rest),
            _ => (false, false, false, text),
        };
        let code = match NAMED.iter().find(|(n, _)| *n == name) {
            Some(&(_, code)) if shift && code == KeyCode::Tab => KeyCode::BackTab,
            Some(&(_, code)) => code,
            None => single_or_function(name)?,
        };
        Some(Key::new(code, ctrl, alt, shift))
    }
}

fn single_or_function(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && c != ' ' => Some(KeyCode::Char(c)),
        (Some('F'), Some(_)) => {
            let n: u8 = name[1..].parse().ok()?;
            (1..=24).contains(&n).then_some(KeyCode::F(n))
        }
        _ => None,
    }
}

/// What the notation accepts, for error messages.
pub const NOTATION: &str = "a character (j, J, ?), C-x (Ctrl), M-x (Alt), S-Tab, Space, Enter, \
     Esc, Tab, Backspace, Up, Down, Left, Right, PageUp, PageDown, Home, End or F1…F24; \
     a sequence is keys separated by spaces (\"g g\")";

/// Reads a key sequence: keys separated by single or repeated spaces.
pub fn parse_sequence(text: &str) -> Option<Vec<Key>> {
    let keys: Option<Vec<Key>> = text.split_whitespace().map(Key::parse).collect();
    keys.filter(|keys| !keys.is_empty())
}

/// Shows a sequence the way the help does: `g g`, `Ctrl-d`.
pub fn show_sequence(keys: &[Key]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_show() {
        for (text, shown) in [
            ("j", "j"),
            ("J", "J"),
            ("S-j", "J"),
            ("C-d", "Ctrl-d"),
            ("C-D", "Ctrl-d"),
            ("M-x", "Alt-x"),
            ("A-x", "Alt-x"),
            ("S-Tab", "Shift-Tab"),
            ("S-Up", "Shift-↑"),
            ("Space", "Space"),
            ("PageDown", "PgDn"),
            ("}", "}"),
            ("-", "-"),
            ("F1", "F1"),
            ("F12", "F12"),
        ] {
            assert_eq!(
                Key::parse(text).map(|k| k.to_string()).as_deref(),
                Some(shown),
                "{text}"
            );
        }
    }

    #[test]
    fn nonsense_is_refused() {
        for text in ["", "Nope", "jj", "C-", "X-j", "F0", "F25", "Fx", " ", "\t"] {
            assert_eq!(Key::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn sequences() {
        assert_eq!(
            parse_sequence("g  g"),
            Some(vec![Key::char('g'), Key::char('g')])
        );
        assert_eq!(parse_sequence("   "), None);
        assert_eq!(parse_sequence("g Nope"), None);
        let keys = parse_sequence("C-x S-Tab").unwrap_or_default();
        assert_eq!(show_sequence(&keys), "Ctrl-x Shift-Tab");
    }
}
