//! Reading state in the reader: read and starred marks (`r`, `f`, `R`
//! after asking, `u` to undo), the all / unread / starred lists (`1`, `2`,
//! `3`), where each story was left, and the story to return to after a
//! restart. The state itself is [`ReadingState`]; saving it is the
//! runtime's.

use super::nav::SLICES_PER_KEY;
use super::{App, Job, ScrollTo};
use crate::article::paragraphs;
use crate::state::{Filter, Position, ReadingState, Restored};
use crate::tui::keymap::{Action, Key};
use crate::tui::layout::Focus;
use std::ops::Range;
use std::sync::Arc;

/// A question on the status line, waiting for `y` or anything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Mark this many listed stories read.
    MarkAllRead(usize),
    /// Mark every story of this source read (`None`: those with none).
    MarkSourceRead(Option<String>),
}

/// The reader's side of the reading state.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub state: ReadingState,
    pub filter: Filter,
    /// Under a filter, the stories listed, ascending: chosen when the
    /// filter was picked (and as stories arrive), so that a story marked
    /// read stays under the cursor until the list is picked again.
    pub listed: Vec<usize>,
    /// `listed` within the search's hits, while both narrow the list.
    pub combined: Vec<usize>,
    /// The story to go back to once it is loaded, until a key is pressed.
    pub resume: Option<String>,
    /// The selection was chosen (by a key, a click, the story resumed or
    /// the end of loading): until then it stays on the top story as newer
    /// ones arrive.
    pub chosen: bool,
    /// Stories whose file was deleted while byline watched it.
    pub gone: Vec<bool>,
    pub asking: Option<Ask>,
    /// The reading position last noted: (article, first line shown).
    noted: Option<(usize, usize)>,
}

impl Reading {
    /// Starts from a saved state: the story open last is the one to return to.
    pub fn restored(state: ReadingState) -> Reading {
        Reading {
            resume: state.last_open().map(str::to_owned),
            state,
            ..Reading::default()
        }
    }
}

impl App {
    /// Takes the reading state found on disk; a problem with the file goes
    /// to the problems panel.
    pub fn restore_state(&mut self, restored: Restored) {
        let gone = std::mem::take(&mut self.reading.gone);
        self.reading = Reading {
            gone,
            ..Reading::restored(restored.state)
        };
        self.library.problems.extend(restored.problem);
    }

    pub fn is_read(&self, article: usize) -> bool {
        self.library
            .articles
            .get(article)
            .is_some_and(|a| self.reading.state.is_read(&a.id, a.read))
    }

    pub fn is_starred(&self, article: usize) -> bool {
        self.library
            .articles
            .get(article)
            .is_some_and(|a| self.reading.state.is_starred(&a.id))
    }

    pub fn is_gone(&self, article: usize) -> bool {
        self.reading.gone.get(article).copied().unwrap_or(false)
    }

    pub(super) fn act_reading(&mut self, action: Action) {
        match action {
            Action::ToggleRead => self.toggle(ReadingState::toggle_read, "read", "unread"),
            Action::ToggleStar => {
                self.toggle(|s, id, _| s.toggle_star(id), "starred", "unstarred");
            }
            Action::MarkAllRead => self.ask_mark_all_read(),
            Action::MarkSourceRead => self.mark_selected_source_read(),
            Action::Undo => {
                let undone = self.reading.state.undo();
                self.status = Some(undone.map_or("nothing to undo".to_owned(), |u| u.to_string()));
            }
            Action::ShowAll => self.show_only(Filter::All),
            Action::ShowUnread => self.show_only(Filter::Unread),
            Action::ShowStarred => self.show_only(Filter::Starred),
            Action::Export => self.export(),
            _ => {}
        }
    }

    /// Flips a mark of the selected story and says which way it went.
    fn toggle(
        &mut self,
        flip: fn(&mut ReadingState, &str, Option<bool>) -> bool,
        on: &str,
        off: &str,
    ) {
        let Some(article) = self.selected.and_then(|i| self.library.articles.get(i)) else {
            return;
        };
        let now = flip(&mut self.reading.state, &article.id, article.read);
        self.status = Some(format!("marked {}", if now { on } else { off }));
    }

    /// The listed stories that are unread, by id.
    fn listed_unread(&self) -> impl Iterator<Item = &str> {
        (0..self.list_len())
            .filter_map(|row| self.list_item(row))
            .filter(|&i| !self.is_read(i))
            .map(|i| self.library.articles[i].id.as_str())
    }

    fn ask_mark_all_read(&mut self) {
        let unread = self.listed_unread().count();
        if unread == 0 {
            self.status = Some("every listed story is read".to_owned());
            return;
        }
        self.reading.asking = Some(Ask::MarkAllRead(unread));
        self.status = Some(format!("Mark {unread} listed stories read? (y/n)"));
    }

    /// The key that answers the question on the status line: `y` does it,
    /// any other key cancels.
    pub(super) fn answer(&mut self, key: Key) {
        let Some(ask) = self.reading.asking.take() else {
            return;
        };
        if key != Key::char('y') && key != Key::char('Y') {
            self.status = Some("nothing marked".to_owned());
            return;
        }
        let ids: Vec<String> = match &ask {
            Ask::MarkAllRead(_) => self.listed_unread().map(str::to_owned).collect(),
            Ask::MarkSourceRead(source) => self
                .unread_of(source.as_deref())
                .map(str::to_owned)
                .collect(),
        };
        let marked = self
            .reading
            .state
            .mark_all_read(ids.iter().map(String::as_str));
        self.status = Some(format!("{marked} stories marked read · u undoes"));
        self.refresh_sources();
    }

    /// `S`: the list's next order. The selected story stays selected and in
    /// view; a narrowed list takes the new order too.
    pub(super) fn cycle_story_sort(&mut self) {
        let by = self.order.by.next();
        let mut order = std::mem::take(&mut self.order);
        order.sort(by, &self.library.articles, &|i| self.is_read(i));
        self.order = order;
        self.order.arrange(&mut self.reading.listed);
        self.order.arrange(&mut self.reading.combined);
        if let Some(search) = &mut self.search {
            self.order.arrange(&mut search.hits);
        }
        if let Some(row) = self.selected_row() {
            self.list.offset = row.saturating_sub(self.list_rows() / 2);
        }
        self.status = Some(format!("stories {}", by.describe()));
    }

    /// `1`, `2`, `3`: lists all, unread or starred stories. The selection
    /// stays if it is listed, else moves to the next listed story.
    pub(super) fn show_only(&mut self, filter: Filter) {
        self.reading.filter = filter;
        self.reading.listed.clear();
        self.listed(0..self.library.articles.len());
        self.combine_filters();
        let count = self.list_len();
        let selected = self.selected.unwrap_or(0);
        if self.list_row(selected).is_none() {
            let next = match self.rows() {
                Some(rows) => {
                    let at = self.order.search(rows, selected).unwrap_or_else(|at| at);
                    rows.get(at).copied()
                }
                None => None,
            };
            if let Some(article) = next.or_else(|| self.list_item(count.saturating_sub(1))) {
                self.select(article);
            }
        }
        let what = match filter {
            Filter::All => "all",
            Filter::Unread => "unread",
            Filter::Starred => "starred",
        };
        self.status = Some(format!("{what}: {count} stories"));
    }

    /// Stories that have just joined the library: those the filter keeps
    /// are listed, and the one to return to is opened where it was left.
    pub(super) fn listed(&mut self, articles: Range<usize>) {
        self.reading.gone.resize(self.library.articles.len(), false);
        let filter = self.reading.filter;
        if filter != Filter::All {
            let state = &self.reading.state;
            let keeps = |&i: &usize| {
                let article = &self.library.articles[i];
                state.keeps(filter, &article.id, article.read)
            };
            let kept: Vec<usize> = articles.clone().filter(keeps).collect();
            self.reading.listed.extend(kept);
            self.order.arrange(&mut self.reading.listed);
        }
        let Some(id) = self.reading.resume.as_deref() else {
            return;
        };
        if let Some(i) = articles
            .into_iter()
            .find(|&i| self.library.articles[i].id == id)
        {
            self.reading.resume = None;
            self.reading.chosen = true;
            self.select(i);
            self.focus = Focus::Body;
        }
    }

    /// Keeps `combined` (the filter's list within the search's hits) up to date.
    pub(super) fn combine_filters(&mut self) {
        let (Some(search), true) = (&self.search, self.reading.filter != Filter::All) else {
            return;
        };
        let listed = &self.reading.listed;
        let order = &self.order;
        self.reading.combined.clear();
        self.reading.combined.extend(
            search
                .hits
                .iter()
                .filter(|&&i| order.search(listed, i).is_ok()),
        );
    }

    /// Whether the open story was scrolled since its position was noted.
    pub fn position_moved(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|o| self.reading.noted != Some((o.article, o.scroll.offset)))
    }

    /// Records where the open story is being read, when that moved. It
    /// finds the paragraph from the top of the story, so it is done when
    /// leaving a story and before saving, not on every key.
    pub fn note_position(&mut self) {
        let Some(open) = &self.open else { return };
        if self.reading.noted == Some((open.article, open.scroll.offset)) {
            return;
        }
        let Some(line) = open.view.lines.get(open.scroll.offset) else {
            return;
        };
        let article = &self.library.articles[open.article];
        let position = if open.scroll.offset == 0 {
            Position::default()
        } else {
            position_of(&article.body, line.pos)
        };
        self.reading.state.set_position(&article.id, position);
        self.reading.noted = Some((open.article, open.scroll.offset));
    }

    /// Scrolls a story just shown to where it was left, and remembers it
    /// as the story open.
    pub(super) fn restore_position(&mut self) {
        let height = self.body_height();
        let Some(open) = &mut self.open else { return };
        let article = &self.library.articles[open.article];
        self.reading.state.set_last_open(Some(&article.id));
        if let Some(position) = self.reading.state.position(&article.id) {
            let pos = position_in(&article.body, position);
            if open
                .view
                .extend_past(&article.body, pos, 2 * height, SLICES_PER_KEY)
            {
                open.scroll.offset = open.view.line_at(pos);
            } else {
                open.scroll_to = Some(ScrollTo::Pos { pos, above: 0 });
            }
        }
        self.reading.noted = Some((open.article, open.scroll.offset));
    }

    fn export(&mut self) {
        let Some(open) = &self.open else {
            self.status = Some("no story is open".to_owned());
            return;
        };
        let article = Arc::clone(&self.library.articles[open.article]);
        self.jobs.push(Job::Export(article));
        self.status = Some("exporting…".to_owned());
    }
}

/// The paragraph a body offset falls in, and how far into it: a position
/// that does not depend on the wrap width.
pub fn position_of(body: &str, pos: usize) -> Position {
    let (paragraph, start) = paragraphs(body)
        .take_while(|&(start, _)| start <= pos)
        .enumerate()
        .last()
        .map_or((0, 0), |(n, (start, _))| (n, start));
    Position {
        paragraph: u32::try_from(paragraph).unwrap_or(u32::MAX),
        offset: u32::try_from(pos - start).unwrap_or(u32::MAX),
    }
}

/// The body offset of a position, within the body and on a character
/// boundary even if the story changed since.
pub fn position_in(body: &str, position: Position) -> usize {
    let start = paragraphs(body)
        .nth(position.paragraph as usize)
        .map_or(body.len(), |(start, _)| start);
    let mut pos = start
        .saturating_add(position.offset as usize)
        .min(body.len());
    while !body.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}
