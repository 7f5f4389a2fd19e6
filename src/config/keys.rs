//! The key notation of the settings file and the help screen, without a
//! terminal: `j`, `J`, `C-d`, `M-x`, `S-Tab`, `Space`, `PageDown`, `F1`, and
//! sequences of them separated by spaces (`g g`). The help's spellings read
//! too (`Ctrl-d`, `Alt-x`, `Shift-Tab`, `PgDn`, `↓`), and so do the other
//! usual ones (`Escape`, `Del`, `Ins`), names in any case: whatever the
//! help shows can be copied into the file. The reader turns terminal key
//! events into the same [`Key`] values, so a binding read here matches the
//! key pressed there.

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
    Insert,
    Delete,
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

/// The names of the keys that are not a single character, lower case (they
/// are read in any case): the notation's first, then the help's and other
/// usual spellings, and the arrows the help shows.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("bs", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("↑", KeyCode::Up),
    ("down", KeyCode::Down),
    ("↓", KeyCode::Down),
    ("left", KeyCode::Left),
    ("←", KeyCode::Left),
    ("right", KeyCode::Right),
    ("→", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("pgdown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
];

/// The modifiers written before a key, lower case: `C-`/`Ctrl-`,
/// `M-`/`A-`/`Alt-`/`Meta-`, `S-`/`Shift-`.
#[derive(Debug, Clone, Copy, Default)]
struct Modifiers {
    ctrl: bool,
    alt: bool,
    shift: bool,
}

impl Modifiers {
    /// Takes the modifiers off the front of `text`; what is left names the
    /// key. A `-` that is the key itself (`-`, `C--`) stays.
    fn split(text: &str) -> (Modifiers, &str) {
        let mut mods = Modifiers::default();
        let mut rest = text;
        while let Some((word, key)) = rest.split_once('-') {
            if key.is_empty() {
                break;
            }
            match word.to_ascii_lowercase().as_str() {
                "c" | "ctrl" | "control" => mods.ctrl = true,
                "m" | "a" | "alt" | "meta" => mods.alt = true,
                "s" | "shift" => mods.shift = true,
                _ => break,
            }
            rest = key;
        }
        (mods, rest)
    }
}

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

    /// Reads one key: `j`, `J`, `C-d` or `Ctrl-d`, `M-x`, `A-x` or
    /// `Alt-x`, `S-Tab` or `Shift-Tab`, `Space`, `PageDown` or `PgDn`,
    /// `Esc` or `Escape`, `F1`…`F24`; modifiers may be combined
    /// (`Ctrl-Alt-x`) and names are read in any case. `None` for anything
    /// else.
    pub fn parse(text: &str) -> Option<Key> {
        let (mods, name) = Modifiers::split(text);
        let code = match named(name) {
            Some(KeyCode::Tab) if mods.shift => KeyCode::BackTab,
            Some(code) => code,
            None => single_or_function(name)?,
        };
        Some(Key::new(code, mods.ctrl, mods.alt, mods.shift))
    }
}

/// The key a name names, case aside. A single letter is never a name:
/// `j` and `J` are characters.
fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_lowercase();
    NAMED
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, code)| code)
}

fn single_or_function(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && c != ' ' => Some(KeyCode::Char(c)),
        (Some('F' | 'f'), Some(_)) => {
            let digits = &name[1..];
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u8 = digits.parse().ok()?;
            (1..=24).contains(&n).then_some(KeyCode::F(n))
        }
        _ => None,
    }
}

/// What the notation accepts, for error messages.
pub const NOTATION: &str = "a character (j, J, ?), C-x or Ctrl-x, M-x or Alt-x, S-Tab or \
     Shift-Tab, Space, Enter, Esc, Tab, Backspace, Up, Down, Left, Right, PageUp or PgUp, \
     PageDown or PgDn, Home, End, Insert or Ins, Delete or Del, or F1…F24 (names in any case); \
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

/// The help's spelling of a key sequence written any way the file accepts
/// (`C-d` → `Ctrl-d`, `pagedown` → `PgDn`), for matching what is typed
/// into a search of the keys; `None` when `text` is not keys.
pub fn canonical(text: &str) -> Option<String> {
    parse_sequence(text).map(|keys| show_sequence(&keys))
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
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Delete => f.write_str("Del"),
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
    fn both_spellings_read_and_show_as_the_help_does() {
        for (texts, shown) in [
            (
                &["C-d", "Ctrl-d", "ctrl-D", "CTRL-d", "Control-d"][..],
                "Ctrl-d",
            ),
            (&["C-q", "Ctrl-q"], "Ctrl-q"),
            (&["M-x", "A-x", "Alt-x", "alt-x", "Meta-x"], "Alt-x"),
            (&["S-Tab", "Shift-Tab", "shift-tab", "BackTab"], "Shift-Tab"),
            (&["PageDown", "PgDn", "pgdn", "PAGEDOWN", "PgDown"], "PgDn"),
            (&["PageUp", "PgUp", "pageup"], "PgUp"),
            (&["Esc", "Escape", "ESC", "escape"], "Esc"),
            (&["Del", "Delete", "delete"], "Del"),
            (&["Ins", "Insert"], "Ins"),
            (&["Enter", "Return", "enter"], "Enter"),
            (&["Space", "space", "SPACE"], "Space"),
            (&["Down", "↓", "down"], "↓"),
            (&["S-Up", "Shift-↑", "shift-up"], "Shift-↑"),
            (&["F1", "f1"], "F1"),
            (&["C-M-x", "Ctrl-Alt-x", "M-C-x"], "Ctrl-Alt-x"),
            (&["C--", "Ctrl--"], "Ctrl--"),
        ] {
            for text in texts {
                assert_eq!(
                    Key::parse(text).map(|k| k.to_string()).as_deref(),
                    Some(shown),
                    "{text}"
                );
            }
        }
        // A single letter is a character, in its case, never a name.
        assert_eq!(Key::parse("f"), Some(Key::char('f')));
        assert_eq!(Key::parse("F"), Some(Key::char('F')));
    }

    /// Whatever the help shows for a default key can be written in the
    /// settings file and means the same key.
    #[test]
    fn the_help_spelling_reads_back() {
        for &(_, keys, _) in crate::config::actions::DEFAULTS {
            let read = parse_sequence(keys).unwrap_or_default();
            assert_eq!(parse_sequence(&show_sequence(&read)), Some(read), "{keys}");
        }
    }

    #[test]
    fn nonsense_is_refused() {
        for text in [
            "",
            "Nope",
            "jj",
            "C-",
            "X-j",
            "F0",
            "F25",
            "Fx",
            "F+1",
            " ",
            "\t",
            "Ctrl-",
            "Hyper-x",
            "PageSideways",
        ] {
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
        assert_eq!(canonical("g  G").as_deref(), Some("g G"));
        assert_eq!(canonical("escape C-q").as_deref(), Some("Esc Ctrl-q"));
        assert_eq!(canonical("page"), None);
    }
}
