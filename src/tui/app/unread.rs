//! Read state that follows reading, as newsboat and mutt keep it: a story
//! is read once it has been read — opened, scrolled, or shown to its end in
//! the preview — and is marked so when it is left; `Space` pages the story
//! and at its end goes on to the next unread one.

use super::App;
use crate::tui::layout::{Focus, TWO_PANELS};

impl App {
    /// Whether the story shown counts as read: its text was scrolled, or
    /// its end is on screen (a short story previewed whole).
    fn shown_read(&self) -> bool {
        let Some(open) = &self.open else {
            return false;
        };
        let end_shown = open.view.complete
            && open.scroll_to.is_none()
            && open.scroll.offset + self.body_height() >= open.view.lines.len();
        open.touched || (end_shown && self.body_shown())
    }

    /// Whether the story's pane is on screen.
    fn body_shown(&self) -> bool {
        self.size.0 >= TWO_PANELS || self.focus == Focus::Body
    }

    /// Marks the story shown read if it has been read: called as the
    /// reader moves away from it.
    pub(super) fn leave(&mut self) {
        if self.shown_read() {
            self.mark_read();
        }
    }

    /// `Space`: the next page of the story; at its end, the next unread.
    pub(super) fn read_on(&mut self) {
        if self.open.is_none() || !self.body_shown() {
            self.enter_story();
            return;
        }
        let end_shown = self.open.as_ref().is_some_and(|open| {
            open.view.complete && open.scroll.offset + self.body_height() >= open.view.lines.len()
        });
        if end_shown {
            self.next_unread();
            return;
        }
        let page = isize::try_from(self.body_height().saturating_sub(1).max(1)).unwrap_or(1);
        self.scroll_body(page);
        if let Some(open) = &mut self.open {
            open.touched = true;
        }
    }

    /// Opens the story selected (or the first) for reading.
    fn enter_story(&mut self) {
        if self.open.is_none() {
            let Some(first) = self.list_item(0) else {
                self.status = Some("No stories to read".into());
                return;
            };
            self.select(first);
        }
        self.focus_on(Focus::Body);
    }

    /// The next unread story in the list after the one selected (then from
    /// the top); the one left is marked read.
    pub(super) fn next_unread(&mut self) {
        let from = self.selected_row().map_or(0, |row| row + 1);
        let len = self.list_len();
        let next = (from..len)
            .chain(0..from.min(len))
            .filter_map(|row| self.list_item(row))
            .find(|&i| Some(i) != self.selected && !self.is_read(i));
        self.mark_read();
        let Some(next) = next else {
            self.status = Some("No more unread stories".into());
            return;
        };
        self.select(next);
        if self.focus == Focus::Body {
            self.mark_read();
        }
    }
}
