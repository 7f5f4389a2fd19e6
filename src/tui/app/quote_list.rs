//! The quotes-only view of the open story (`"`): its quotes in order, each
//! with its speaker and cue, in place of the text. `Enter` goes to the
//! selected quote in the full text.

use super::nav::motion_delta;
use super::{App, ListState, whole};
use crate::tui::keymap::Action;
use crate::tui::layout::{self, Focus};

/// Which quote is selected, for which story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteList {
    pub article: usize,
    /// Where the list is: an index into the story's quotes.
    pub quotes: ListState,
}

impl App {
    /// `"`: the open story's quotes alone, or the text again.
    pub(super) fn toggle_quote_list(&mut self) {
        if self.quote_list.take().is_some() {
            return;
        }
        let Some(open) = &self.open else {
            self.status = Some("No story is open".into());
            return;
        };
        // Start from the current quote, else the first one on screen.
        let on_screen = || {
            open.story.as_ref().and_then(|s| {
                s.quotes
                    .iter()
                    .position(|q| open.view.line_at(q.span.start) >= open.scroll.offset)
            })
        };
        let selected = open.current_quote.or_else(on_screen).unwrap_or(0);
        self.quote_list = Some(QuoteList {
            article: open.article,
            quotes: ListState {
                selected,
                offset: 0,
            },
        });
        if self.size.0 < layout::TWO_PANELS || self.focus == Focus::List {
            self.focus_on(Focus::Body);
        }
    }

    /// The words of quote `q` of the open story, wrapped as the view
    /// shows them.
    pub fn quote_list_lines(&self, q: usize) -> Vec<String> {
        let words = self
            .open
            .as_ref()
            .zip(self.story())
            .and_then(|(open, story)| {
                let quote = story.quotes.get(q)?;
                Some(quote.span.text(&self.library.articles[open.article].body))
            });
        whole::quote_lines(words.unwrap_or(""), self.body_width(), self.body_height())
    }

    fn quote_list_height(&self, q: usize) -> usize {
        whole::height(self.quote_list_lines(q).len())
    }

    /// Keys the quotes-only view takes when the body has the keyboard;
    /// false for those it leaves to the reader.
    pub(super) fn act_quote_list(&mut self, action: Action) -> bool {
        if self.focus != Focus::Body {
            return false;
        }
        let count = self.story().map_or(0, |s| s.quotes.len());
        let Some(offset) = self.quote_list.map(|l| l.quotes.offset) else {
            return false;
        };
        let rows = self.body_height();
        let page = whole::page(offset, count, rows, |q| self.quote_list_height(q));
        let page = isize::try_from(page).unwrap_or(1);
        let Some(list) = &mut self.quote_list else {
            return false;
        };
        let Some(delta) = motion_delta(action, page) else {
            match action {
                Action::Enter | Action::Cancel => {
                    let quote = list.quotes.selected;
                    self.quote_list = None;
                    if action == Action::Enter && quote < count {
                        self.jump_to_quote(quote);
                    }
                    return true;
                }
                _ => return false,
            }
        };
        list.quotes.move_by(delta, count);
        true
    }

    /// Keeps the list on the open story and its selection in view.
    pub(super) fn settle_quote_list(&mut self) {
        let rows = self.body_height();
        let count = self.story().map_or(0, |s| s.quotes.len());
        let article = self.open.as_ref().map(|o| o.article);
        let Some(list) = &mut self.quote_list else {
            return;
        };
        if Some(list.article) != article {
            *list = QuoteList {
                article: article.unwrap_or(list.article),
                ..QuoteList::default()
            };
        }
        list.quotes.keep_within(count);
        let ListState { selected, offset } = list.quotes;
        let offset = whole::settle(offset, selected, rows, |q| self.quote_list_height(q));
        if let Some(list) = &mut self.quote_list {
            list.quotes.offset = offset;
        }
    }
}
