//! The settings file's terms turned into the reader's: its key bindings
//! (`config::Bindings`) into the [`Keymap`], its palette into the
//! [`Theme`], its body width into the wrap cap. Problems in the file go to
//! the problems panel; each cost only its own entry.

use super::app::App;
use super::keymap::{Action, Binding, Context, Key, Keymap};
use crate::config::{self, Bindings, Config};
use crossterm::event::{KeyCode, KeyModifiers};

impl App {
    /// Applies the settings the reader draws and listens with.
    pub fn configure(&mut self, config: &Config) {
        let settings = &config.settings;
        self.keymap = keymap(&settings.keys);
        self.theme = self.theme.with_palette(settings.colours);
        self.body_width = settings.body_width;
        self.library
            .problems
            .extend(config.problems.iter().cloned());
    }
}

/// The reader's keymap for the settings' bindings.
pub fn keymap(bindings: &Bindings) -> Keymap {
    let bindings = bindings
        .bindings
        .iter()
        .map(|b| Binding {
            context: context(b.context),
            keys: b.keys.iter().map(key).collect(),
            action: action(b.action),
        })
        .collect();
    Keymap { bindings }
}

fn context(context: config::Context) -> Context {
    match context {
        config::Context::Normal => Context::Normal,
        config::Context::Prompt => Context::Prompt,
    }
}

fn key(key: &config::Key) -> Key {
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
        C::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    mods.set(KeyModifiers::CONTROL, key.ctrl);
    mods.set(KeyModifiers::ALT, key.alt);
    mods.set(KeyModifiers::SHIFT, key.shift);
    Key::new(code, mods)
}

/// Every action the settings file names is one of the reader's.
fn action(action: config::Action) -> Action {
    use config::Action as C;
    match action {
        C::Down => Action::Down,
        C::Up => Action::Up,
        C::PageDown => Action::PageDown,
        C::PageUp => Action::PageUp,
        C::HalfDown => Action::HalfDown,
        C::HalfUp => Action::HalfUp,
        C::Top => Action::Top,
        C::Bottom => Action::Bottom,
        C::FocusNext => Action::FocusNext,
        C::FocusPrev => Action::FocusPrev,
        C::FocusLeft => Action::FocusLeft,
        C::FocusRight => Action::FocusRight,
        C::Enter => Action::Enter,
        C::NextStory => Action::NextStory,
        C::PrevStory => Action::PrevStory,
        C::NextQuote => Action::NextQuote,
        C::PrevQuote => Action::PrevQuote,
        C::NextBySpeaker => Action::NextBySpeaker,
        C::PrevBySpeaker => Action::PrevBySpeaker,
        C::PickSpeaker => Action::PickSpeaker,
        C::Search => Action::Search,
        C::NextMatch => Action::NextMatch,
        C::PrevMatch => Action::PrevMatch,
        C::Cancel => Action::Cancel,
        C::OpenUrl => Action::OpenUrl,
        C::CopyQuote => Action::CopyQuote,
        C::ToggleSidebar => Action::ToggleSidebar,
        C::Problems => Action::Problems,
        C::Help => Action::Help,
        C::Quit => Action::Quit,
        C::Backspace => Action::Backspace,
        C::ToggleRead => Action::ToggleRead,
        C::MarkAllRead => Action::MarkAllRead,
        C::Undo => Action::Undo,
        C::ToggleStar => Action::ToggleStar,
        C::ShowAll => Action::ShowAll,
        C::ShowUnread => Action::ShowUnread,
        C::ShowStarred => Action::ShowStarred,
        C::Export => Action::Export,
        C::People => Action::People,
        C::SortPeople => Action::SortPeople,
        C::QuotesOnly => Action::QuotesOnly,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{DEFAULTS, Outcome};

    #[test]
    fn the_default_settings_are_the_default_keymap() {
        assert_eq!(keymap(&Bindings::default()), Keymap::default());
    }

    #[test]
    fn every_reader_action_can_be_bound() {
        let named: Vec<Action> = config::Action::ALL.iter().map(|&a| action(a)).collect();
        for &(_, _, reader) in DEFAULTS {
            assert!(named.contains(&reader), "{reader:?} has no name");
        }
    }

    #[test]
    fn keys_with_modifiers_match_what_the_terminal_sends() {
        let map = keymap(
            &config::parse("[keys]\nhalf_down = \"C-j\"\nquit = \"M-x\"\n", "c")
                .settings
                .keys,
        );
        let n = Context::Normal;
        assert_eq!(
            map.resolve(n, &[], Key::ctrl('j')),
            Outcome::Action(Action::HalfDown)
        );
        let alt_x = Key::new(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(map.resolve(n, &[], alt_x), Outcome::Action(Action::Quit));
    }
}
