//! The People view's second half on a screen wide enough for two panels:
//! the selected person's quotes, each whole, in the story's pane (where a
//! story unrelated to them would otherwise sit). On a narrow screen they
//! stay below the people, one line each.

use super::{App, whole};
use crate::tui::layout::{Focus, text_area};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

impl App {
    /// Where the person's quotes are shown whole: the story's pane, while
    /// the People view has the keyboard.
    pub fn said_pane(&self) -> Option<Rect> {
        let shown = self.people.is_some() && self.focus == Focus::List;
        self.areas.body.filter(|_| shown).map(text_area)
    }

    /// The words of the person's quote `i`, wrapped as the pane shows them.
    pub fn said_lines(&self, i: usize) -> Vec<String> {
        let (Some(pane), Some(people)) = (self.said_pane(), &self.people) else {
            return Vec::new();
        };
        let words = people.quotes.get(i).and_then(|quote| {
            let article = self.library.articles.get(quote.article)?;
            Some(quote.span.text(&article.body))
        });
        whole::quote_lines(
            words.unwrap_or(""),
            usize::from(pane.width),
            usize::from(pane.height),
        )
    }

    fn said_height(&self, i: usize) -> usize {
        whole::height(self.said_lines(i).len())
    }

    /// Quotes a page moves by in the pane.
    pub(super) fn said_page(&self) -> usize {
        let (Some(pane), Some(people)) = (self.said_pane(), &self.people) else {
            return 1;
        };
        let rows = usize::from(pane.height);
        whole::page(people.said_whole, people.quotes.len(), rows, |i| {
            self.said_height(i)
        })
    }

    /// Keeps the quote selected in the pane on screen.
    pub(super) fn settle_said(&mut self) {
        let (Some(pane), Some(people)) = (self.said_pane(), &self.people) else {
            return;
        };
        let rows = usize::from(pane.height);
        let offset = whole::settle(people.said_whole, people.said.selected, rows, |i| {
            self.said_height(i)
        });
        if let Some(people) = &mut self.people {
            people.said_whole = offset;
        }
    }

    /// The quote under row `row` of the screen, when the pane shows one.
    pub(super) fn said_at(&self, row: u16) -> Option<usize> {
        let (pane, people) = (self.said_pane()?, self.people.as_ref()?);
        let line = usize::from(row.checked_sub(pane.y)?);
        whole::at_row(people.said_whole, people.quotes.len(), line, |i| {
            self.said_height(i)
        })
    }

    /// The mouse over the pane: a click selects the quote under it (and
    /// puts the keys in the quotes), the wheel moves the selection.
    pub(super) fn said_mouse(&mut self, mouse: MouseEvent) {
        let clicked = self.said_at(mouse.row);
        let Some(people) = &mut self.people else {
            return;
        };
        let len = people.quotes.len();
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(i) = clicked {
                    people.said.selected = i;
                    people.in_quotes = true;
                }
            }
            MouseEventKind::ScrollDown => people.said.move_by(1, len),
            MouseEventKind::ScrollUp => people.said.move_by(-1, len),
            _ => {}
        }
    }
}
