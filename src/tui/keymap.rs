//! Keys to actions: `(context, keys pressed so far, key)` → [`Outcome`], a pure
//! function over one table of bindings: the settings file's
//! ([`Bindings`], its defaults when there is no file). Keys are the settings
//! file's [`Key`]s throughout: the terminal's key events become one here,
//! once, as the input thread reads them ([`key_pressed`]).

use crate::config::{self, Binding, Bindings};
use crossterm::event::{KeyCode as Code, KeyEvent, KeyEventKind, KeyModifiers};

pub use crate::config::{Action, Context, Key, KeyCode};

/// The key a terminal event presses, normalised as the settings file's
/// keys are (`J` and `Shift-j` agree); `None` for a release or a repeat
/// report, and for a key the settings file cannot name (a media key, Caps
/// Lock on its own), which no binding can match.
pub fn key_pressed(event: KeyEvent) -> Option<Key> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let mods = event.modifiers;
    let code = match event.code {
        Code::Char(c) => KeyCode::Char(c),
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::Tab => KeyCode::Tab,
        Code::BackTab => KeyCode::BackTab,
        Code::Backspace => KeyCode::Backspace,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::Insert => KeyCode::Insert,
        Code::Delete => KeyCode::Delete,
        Code::F(n) => KeyCode::F(n),
        _ => return None,
    };
    // A character already says whether Shift was held: `J`, not `Shift-J`.
    let shift = mods.contains(KeyModifiers::SHIFT) && !matches!(code, KeyCode::Char(_));
    Some(Key::new(
        code,
        mods.contains(KeyModifiers::CONTROL),
        mods.contains(KeyModifiers::ALT),
        shift,
    ))
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

/// The bindings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// The bindings of the settings file (or the defaults, with none).
impl From<&Bindings> for Keymap {
    fn from(bindings: &Bindings) -> Self {
        Keymap {
            bindings: bindings.bindings.clone(),
        }
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
            (Context::Prompt, KeyCode::Char(c)) if pending.is_empty() && !key.ctrl => {
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
            .map(|b| config::keys::show_sequence(&b.keys))
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

    fn pressed(code: Code, mods: KeyModifiers) -> Option<Key> {
        key_pressed(KeyEvent::new(code, mods))
    }

    #[test]
    fn what_the_terminal_sends_is_normalised() {
        let map = Keymap::default();
        let n = Context::Normal;
        let resolve = |key: Option<Key>| key.map(|key| map.resolve(n, &[], key));
        let next = Some(Outcome::Action(Action::NextStory));
        assert_eq!(resolve(pressed(Code::Char('J'), KeyModifiers::SHIFT)), next);
        let back = pressed(Code::BackTab, KeyModifiers::SHIFT);
        assert_eq!(resolve(back), Some(Outcome::Action(Action::FocusPrev)));
        let ctrl_upper = pressed(Code::Char('C'), KeyModifiers::CONTROL | KeyModifiers::SHIFT);
        assert_eq!(resolve(ctrl_upper), Some(Outcome::Action(Action::Quit)));
        // The character says whether Shift was held; other keys keep it.
        let shifted = pressed(Code::Char('j'), KeyModifiers::SHIFT);
        assert_eq!(shifted, Some(Key::char('j')));
        let shift_up = pressed(Code::Up, KeyModifiers::SHIFT);
        assert_eq!(shift_up, Key::parse("S-Up"));
        let alt_x = pressed(Code::Char('x'), KeyModifiers::ALT | KeyModifiers::SUPER);
        assert_eq!(alt_x, Key::parse("M-x"));
    }

    #[test]
    fn only_presses_of_keys_with_names_count() {
        let mut release = KeyEvent::new(Code::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key_pressed(release), None);
        assert_eq!(pressed(Code::CapsLock, KeyModifiers::NONE), None);
        assert_eq!(pressed(Code::F(5), KeyModifiers::NONE), Key::parse("F5"));
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
        let esc = Key::new(KeyCode::Esc, false, false, false);
        assert_eq!(map.resolve(p, &[], esc), Outcome::Action(Action::Cancel));
        let alt_x = Key::new(KeyCode::Char('x'), false, true, false);
        assert_eq!(map.resolve(p, &[], alt_x), Outcome::Text('x'));
    }

    #[test]
    fn the_help_shows_keys_as_the_settings_file_writes_them() {
        assert_eq!(
            Keymap::default().keys_for(Context::Normal, Action::Top),
            vec!["g g", "Home"]
        );
    }
}
