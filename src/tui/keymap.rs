//! Keys to actions: `(context, keys pressed so far, key)` → [`Outcome`], a pure
//! function over one table of bindings. The defaults live in [`DEFAULTS`];
//! the settings file patches them (see `tui::settings`), multi-key
//! sequences (`g g`) included.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// What the reader can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Down,
    Up,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Enter,
    NextStory,
    PrevStory,
    NextQuote,
    PrevQuote,
    NextBySpeaker,
    PrevBySpeaker,
    PickSpeaker,
    Search,
    NextMatch,
    PrevMatch,
    Cancel,
    OpenUrl,
    CopyQuote,
    ToggleSidebar,
    Problems,
    Help,
    Quit,
    /// The People view: everyone quoted in the library.
    People,
    /// The People view's next sort order.
    SortPeople,
    /// The open story's quotes alone.
    QuotesOnly,
    /// Delete the last character of a prompt.
    Backspace,
    ToggleRead,
    MarkAllRead,
    Undo,
    ToggleStar,
    ShowAll,
    ShowUnread,
    ShowStarred,
    Export,
}

impl Action {
    /// The line shown for the action in the help overlay.
    pub fn describe(self) -> &'static str {
        use Action as A;
        match self {
            A::Down => "move down / scroll down a line",
            A::Up => "move up / scroll up a line",
            A::PageDown => "page down",
            A::PageUp => "page up",
            A::HalfDown => "half a page down",
            A::HalfUp => "half a page up",
            A::Top => "go to the top",
            A::Bottom => "go to the bottom",
            A::FocusNext => "focus the next panel",
            A::FocusPrev => "focus the previous panel",
            A::FocusLeft => "focus the panel on the left",
            A::FocusRight => "focus the panel on the right",
            A::Enter => "open the story · go to the person's first quote · to the quote",
            A::NextStory => "next story",
            A::PrevStory => "previous story",
            A::NextQuote => "next quote in the story",
            A::PrevQuote => "previous quote in the story",
            A::NextBySpeaker => "next quote by the same speaker",
            A::PrevBySpeaker => "previous quote by the same speaker",
            A::PickSpeaker => "pick a speaker by part of the name, go to their first quote",
            A::Search => "search stories (text, people); @name: stories quoting them",
            A::NextMatch => "next search match",
            A::PrevMatch => "previous search match",
            A::Cancel => "clear the search and filters / close",
            A::OpenUrl => "open the story's web page in the browser",
            A::CopyQuote => "copy the current quote with its attribution",
            A::ToggleSidebar => "show or hide the people and quotes",
            A::Problems => "show the problems met while loading",
            A::Help => "this help (type to search it)",
            A::Quit => "quit",
            A::People => "everyone quoted in the library; type to filter",
            A::SortPeople => "sort the people by quotes, name or latest",
            A::QuotesOnly => "the story's quotes alone, with speaker and cue",
            A::Backspace => "delete a character",
            A::ToggleRead => "mark the story read or unread",
            A::MarkAllRead => "mark every listed story read (asks first)",
            A::Undo => "undo the last read, unread or star change",
            A::ToggleStar => "star or unstar the story",
            A::ShowAll => "list every story",
            A::ShowUnread => "list the unread stories",
            A::ShowStarred => "list the starred stories",
            A::Export => "export the story, its quotes and people as Markdown",
        }
    }
}

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Reading: panels, overlays that are only scrolled.
    Normal,
    /// Typing into a prompt (search, speaker picker, help filter): printable
    /// keys are text.
    Prompt,
}

/// One key with its modifiers, normalised so that `J` and `Shift-j` agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // Terminals send Shift-Tab as BackTab, some with SHIFT set too.
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Char(c) => {
                // The character already says whether Shift was held.
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            other => other,
        };
        Self { code, mods }
    }

    pub fn char(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    pub fn ctrl(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// Reads `j`, `J`, `C-d`, `S-Tab`, `Space`, `PageDown`, `Esc`, `F1`, …
    pub fn parse(text: &str) -> Option<Key> {
        let (mods, name) = match text
            .split_once('-')
            .filter(|(m, rest)| !rest.is_empty() && m.len() == 1)
        {
            Some(("C", rest)) => (KeyModifiers::CONTROL, rest),
            Some(("M" | "A", rest)) => (KeyModifiers::ALT, rest),
            Some(("S", "Tab")) => return Some(Key::new(KeyCode::BackTab, KeyModifiers::NONE)),
            Some(("S", rest)) => (KeyModifiers::SHIFT, rest),
            _ => (KeyModifiers::NONE, text),
        };
        let code = match name {
            "Space" => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Backspace" => KeyCode::Backspace,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            _ => {
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    (Some('F'), Some(_)) => KeyCode::F(name[1..].parse().ok()?),
                    _ => return None,
                }
            }
        };
        Some(Key::new(code, mods))
    }
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Self {
        Key::new(event.code, event.modifiers)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
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
            other => write!(f, "{other}"),
        }
    }
}

/// The default bindings: `(context, keys, action)`, keys separated by spaces
/// for a sequence. The help overlay lists this table in this order.
pub const DEFAULTS: &[(Context, &str, Action)] = {
    use Action as A;
    use Context::{Normal as N, Prompt as P};
    &[
        (N, "j", A::Down),
        (N, "Down", A::Down),
        (N, "k", A::Up),
        (N, "Up", A::Up),
        (N, "Space", A::PageDown),
        (N, "PageDown", A::PageDown),
        (N, "b", A::PageUp),
        (N, "PageUp", A::PageUp),
        (N, "C-d", A::HalfDown),
        (N, "C-u", A::HalfUp),
        (N, "g g", A::Top),
        (N, "Home", A::Top),
        (N, "G", A::Bottom),
        (N, "End", A::Bottom),
        (N, "Tab", A::FocusNext),
        (N, "S-Tab", A::FocusPrev),
        (N, "h", A::FocusLeft),
        (N, "Left", A::FocusLeft),
        (N, "l", A::FocusRight),
        (N, "Right", A::FocusRight),
        (N, "Enter", A::Enter),
        (N, "J", A::NextStory),
        (N, "K", A::PrevStory),
        (N, "]", A::NextQuote),
        (N, "[", A::PrevQuote),
        (N, "}", A::NextBySpeaker),
        (N, "{", A::PrevBySpeaker),
        (N, "@", A::PickSpeaker),
        (N, "P", A::People),
        (N, "S", A::SortPeople),
        (N, "\"", A::QuotesOnly),
        (N, "/", A::Search),
        (N, "n", A::NextMatch),
        (N, "N", A::PrevMatch),
        (N, "Esc", A::Cancel),
        (N, "o", A::OpenUrl),
        (N, "y", A::CopyQuote),
        (N, "s", A::ToggleSidebar),
        (N, "p", A::Problems),
        (N, "?", A::Help),
        (N, "q", A::Quit),
        (N, "C-c", A::Quit),
        (N, "r", A::ToggleRead),
        (N, "R", A::MarkAllRead),
        (N, "u", A::Undo),
        (N, "f", A::ToggleStar),
        (N, "1", A::ShowAll),
        (N, "2", A::ShowUnread),
        (N, "3", A::ShowStarred),
        (N, "e", A::Export),
        (P, "Enter", A::Enter),
        (P, "Esc", A::Cancel),
        (P, "Backspace", A::Backspace),
        (P, "Down", A::Down),
        (P, "C-n", A::Down),
        (P, "Up", A::Up),
        (P, "C-p", A::Up),
        (P, "PageDown", A::PageDown),
        (P, "PageUp", A::PageUp),
        (P, "C-c", A::Quit),
    ]
};

/// What a key press means, given the keys pressed before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Action(Action),
    /// The keys so far start a longer binding: wait for the next key.
    Pending,
    /// A printable character typed into a prompt.
    Text(char),
    /// Nothing bound: the pending keys are dropped.
    Unbound,
}

/// One binding: a key sequence in a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
}

/// The bindings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|&(context, keys, action)| {
                let keys = keys
                    .split(' ')
                    .map(Key::parse)
                    .collect::<Option<Vec<_>>>()?;
                Some(Binding {
                    context,
                    keys,
                    action,
                })
            })
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// Resolves `key` pressed after `pending` in `context`.
    pub fn resolve(&self, context: Context, pending: &[Key], key: Key) -> Outcome {
        let mut longer = false;
        for binding in self.bindings.iter().filter(|b| b.context == context) {
            let n = pending.len();
            if binding.keys.len() <= n || binding.keys[..n] != *pending || binding.keys[n] != key {
                continue;
            }
            if binding.keys.len() == n + 1 {
                return Outcome::Action(binding.action);
            }
            longer = true;
        }
        if longer {
            return Outcome::Pending;
        }
        match (context, key.code) {
            (Context::Prompt, KeyCode::Char(c))
                if pending.is_empty() && !key.mods.contains(KeyModifiers::CONTROL) =>
            {
                Outcome::Text(c)
            }
            _ => Outcome::Unbound,
        }
    }

    /// The keys bound to `action` in `context`, as the help shows them.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(|b| {
                b.keys
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_binding_parses() {
        assert_eq!(Keymap::default().bindings.len(), DEFAULTS.len());
    }

    #[test]
    fn single_keys_and_sequences() {
        let map = Keymap::default();
        let n = Context::Normal;
        assert_eq!(
            map.resolve(n, &[], Key::char('j')),
            Outcome::Action(Action::Down)
        );
        assert_eq!(
            map.resolve(n, &[], Key::char('J')),
            Outcome::Action(Action::NextStory)
        );
        assert_eq!(
            map.resolve(n, &[], Key::ctrl('d')),
            Outcome::Action(Action::HalfDown)
        );
        assert_eq!(map.resolve(n, &[], Key::char('g')), Outcome::Pending);
        assert_eq!(
            map.resolve(n, &[Key::char('g')], Key::char('g')),
            Outcome::Action(Action::Top)
        );
        assert_eq!(
            map.resolve(n, &[Key::char('g')], Key::char('x')),
            Outcome::Unbound
        );
        assert_eq!(map.resolve(n, &[], Key::char('Z')), Outcome::Unbound);
    }

    #[test]
    fn shift_is_normalised() {
        let map = Keymap::default();
        let shifted = Key::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Normal, &[], shifted),
            Outcome::Action(Action::NextStory)
        );
        let back = Key::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Normal, &[], back),
            Outcome::Action(Action::FocusPrev)
        );
        let ctrl_upper = Key::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(
            map.resolve(Context::Normal, &[], ctrl_upper),
            Outcome::Action(Action::Quit)
        );
    }

    #[test]
    fn prompts_take_text_but_not_control_keys() {
        let map = Keymap::default();
        let p = Context::Prompt;
        assert_eq!(map.resolve(p, &[], Key::char('q')), Outcome::Text('q'));
        assert_eq!(map.resolve(p, &[], Key::char('j')), Outcome::Text('j'));
        assert_eq!(
            map.resolve(p, &[], Key::ctrl('c')),
            Outcome::Action(Action::Quit)
        );
        assert_eq!(map.resolve(p, &[], Key::ctrl('z')), Outcome::Unbound);
        let esc = Key::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(map.resolve(p, &[], esc), Outcome::Action(Action::Cancel));
    }

    #[test]
    fn keys_read_and_show() {
        for (text, shown) in [
            ("C-d", "Ctrl-d"),
            ("S-Tab", "Shift-Tab"),
            ("Space", "Space"),
            ("PageDown", "PgDn"),
            ("}", "}"),
            ("F1", "F1"),
        ] {
            assert_eq!(
                Key::parse(text).map(|k| k.to_string()).as_deref(),
                Some(shown),
                "{text}"
            );
        }
        assert_eq!(Key::parse("Nope"), None);
        assert_eq!(
            Keymap::default().keys_for(Context::Normal, Action::Top),
            vec!["g g", "Home"]
        );
    }
}
