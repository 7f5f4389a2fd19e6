//! The settings file's terms turned into the reader's: its key bindings
//! into the [`Keymap`] (`Keymap::from`), its palette into the
//! `Theme`, its body width into the wrap cap. Problems in the file go to
//! the problems panel; each cost only its own entry.

use super::app::App;
use super::keymap::Keymap;
use crate::config::Config;

impl App {
    /// Applies the settings the reader draws and listens with.
    pub fn configure(&mut self, config: &Config) {
        let settings = &config.settings;
        self.keymap = Keymap::from(&settings.keys);
        self.theme = self.theme.with_palette(settings.colours);
        self.body_width = settings.body_width;
        self.labels = settings.labels;
        let mut order = std::mem::take(&mut self.order);
        order.sort(settings.sort, &self.library.articles, &|i| self.is_read(i));
        self.order = order;
        self.library.problems.extend(config.reported());
        // The open story in the new width and with the names where asked.
        self.rewrap(true);
    }
}

#[cfg(test)]
mod tests {
    use crate::config;
    use crate::tui::keymap::{Action, Context, Key, Keymap, Outcome, key_pressed};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn keys_with_modifiers_match_what_the_terminal_sends() {
        let map = Keymap::from(
            &config::parse("[keys]\nhalf_down = \"C-j\"\nquit = \"M-x\"\n", "c")
                .settings
                .keys,
        );
        let n = Context::Normal;
        assert_eq!(
            map.resolve(n, &[], Key::ctrl('j')),
            Outcome::Action(Action::HalfDown)
        );
        let alt_x = key_pressed(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT));
        let quit = alt_x.map(|key| map.resolve(n, &[], key));
        assert_eq!(quit, Some(Outcome::Action(Action::Quit)));
    }
}
