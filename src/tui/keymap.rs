//! Keys to actions: `(context, keys pressed so far, key)` → [`Outcome`], a pure
//! function over one table of bindings: the settings file's
//! ([`Bindings`], its defaults when there is no file), in terminal keys.

use crate::config::{self, Bindings};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

pub use crate::config::{Action, Context};

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

    /// Reads the settings file's notation: `j`, `J`, `C-d`, `S-Tab`,
    /// `Space`, `PageDown`, `Esc`, `F1`, …
    pub fn parse(text: &str) -> Option<Key> {
        config::Key::parse(text).map(|key| Key::from(&key))
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
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        // The settings file's spellings (config::keys), never crossterm's,
        // which differ by platform (macOS: Return, Delete for Backspace).
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
            other => write!(f, "{other}"),
        }
    }
}

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

/// The settings file's key, as the terminal reports it.
impl From<&config::Key> for Key {
    fn from(key: &config::Key) -> Key {
        use config::KeyCode as C;
        let code = match key.code {
            C::Char(c) => KeyCode::Char(c),
            C::Enter => KeyCode::Enter,
            C::Esc => KeyCode::Esc,
            C::Tab => KeyCode::Tab,
            C::BackTab => KeyCode::BackTab,
            C::Backspace => KeyCode::Backspace,
            C::Up => KeyCode::Up,
            C::Down => KeyCode::Down,
            C::Left => KeyCode::Left,
            C::Right => KeyCode::Right,
            C::PageUp => KeyCode::PageUp,
            C::PageDown => KeyCode::PageDown,
            C::Home => KeyCode::Home,
            C::End => KeyCode::End,
            C::Insert => KeyCode::Insert,
            C::Delete => KeyCode::Delete,
            C::F(n) => KeyCode::F(n),
        };
        let mut mods = KeyModifiers::NONE;
        mods.set(KeyModifiers::CONTROL, key.ctrl);
        mods.set(KeyModifiers::ALT, key.alt);
        mods.set(KeyModifiers::SHIFT, key.shift);
        Key::new(code, mods)
    }
}

/// The bindings of the settings file (or the defaults, with none).
impl From<&Bindings> for Keymap {
    fn from(bindings: &Bindings) -> Self {
        let bindings = bindings
            .bindings
            .iter()
            .map(|b| Binding {
                context: b.context,
                keys: b.keys.iter().map(Key::from).collect(),
                action: b.action,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::from(&Bindings::default())
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
        assert_eq!(
            Keymap::default().bindings.len(),
            config::actions::DEFAULTS.len()
        );
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
