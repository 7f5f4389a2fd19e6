//! The People view: everyone quoted in the library, from the speaker
//! index, in place of the story list. Sorted by quotes, name or latest
//! (`S` cycles), narrowed by a fuzzy filter as it is typed; the selected
//! person's quotes, newest first, below. `Enter` on a quote opens its story
//! there, and `}`/`{` then follow that person from story to story.
//!
//! The lists are kept here, made again only when the index's generation,
//! the sort or the filter change: drawing reads them and the index copy
//! the app holds, never waiting for the index thread.

use super::nav::motion_delta;
use super::{App, ListState, Mode};
use crate::Span;
use crate::article::Date;
use crate::index::{Order, Sort, SpeakerId, SpeakerIndex};
use crate::tui::keymap::Action;
use crate::tui::layout::{self, Focus};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::sync::Arc;

/// One of a person's quotes, as the view lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonQuote {
    pub article: usize,
    pub span: Span,
    pub date: Option<Date>,
    /// Other stories with the same words (wire copies).
    pub also_in: usize,
}

/// The People view's lists and selections.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub sort: Sort,
    pub filter: String,
    /// Everyone in `sort` order, as of the index generation in `made`.
    sorted: Vec<SpeakerId>,
    made: Option<(u64, Sort)>,
    /// The filter `shown` was made for.
    filtered: Option<String>,
    /// The people listed: `sorted` narrowed by `filter`.
    pub shown: Vec<SpeakerId>,
    /// Where the people list is: a row of `shown`.
    pub speakers: ListState,
    /// Whose quotes are listed, as of which generation.
    pub person: Option<SpeakerId>,
    quoted: u64,
    pub quotes: Vec<PersonQuote>,
    /// `quotes` are not yet those of `person`: listing someone quoted
    /// thousands of times waits for a moment when no key does.
    pub quotes_stale: bool,
    /// Where the quotes are: the quote selected, and the first shown one
    /// line each below the people on a narrow screen.
    pub said: ListState,
    /// The first quote shown whole in the story's pane, where they are
    /// listed when the screen has room for it: the same selection, laid
    /// out another way.
    pub said_whole: usize,
    /// The keyboard is in the quotes list.
    pub in_quotes: bool,
}

/// A copy of the speaker index as the index thread hands it over, with
/// everyone already sorted by quotes (the view's first order), so that a
/// new copy costs the UI thread no sorting (tens of milliseconds for
/// 200,000 speakers).
#[derive(Debug, Clone)]
pub struct IndexCopy {
    pub index: Arc<SpeakerIndex>,
    /// How many stories it holds.
    pub stories: usize,
    pub by_quotes: Vec<SpeakerId>,
}

impl IndexCopy {
    /// Sorts; call it where the index is built, not on the UI thread.
    pub fn new(index: Arc<SpeakerIndex>, stories: usize) -> IndexCopy {
        let by_quotes = index.speakers(Sort::Quotes);
        IndexCopy {
            index,
            stories,
            by_quotes,
        }
    }
}

/// People quoted more often than this have their quotes listed between
/// keys, not on the key that selects them.
const QUOTES_AT_ONCE: usize = 2_000;

/// The next sort `S` gives.
pub fn next_sort(sort: Sort) -> Sort {
    match sort {
        Sort::Quotes => Sort::Name,
        Sort::Name => Sort::Latest,
        Sort::Latest => Sort::Quotes,
    }
}

pub fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Quotes => "by quotes",
        Sort::Name => "by name",
        Sort::Latest => "latest",
    }
}

/// The list panel split into the people (top) and their quotes (below).
pub fn split(list: Rect) -> (Rect, Rect) {
    let top = (list.height / 2).max(3).min(list.height);
    let people = Rect {
        height: top,
        ..list
    };
    let quotes = Rect {
        y: list.y + top,
        height: list.height - top,
        ..list
    };
    (people, quotes)
}

/// Two-line rows that fit inside a bordered panel.
fn rows_in(rect: Rect) -> usize {
    (usize::from(rect.height.saturating_sub(2)) / 2).max(1)
}

impl People {
    /// Brings the lists up to date with `index`; cheap when nothing moved.
    /// `by_quotes` is everyone sorted by quotes, for this generation.
    fn refresh(&mut self, index: &SpeakerIndex, by_quotes: &[SpeakerId]) {
        let generation = index.generation();
        let kept = self.shown.get(self.speakers.selected).copied();
        let mut changed = false;
        if self.made != Some((generation, self.sort)) {
            self.sorted = match self.sort {
                Sort::Quotes => by_quotes.to_vec(),
                sort => index.speakers(sort),
            };
            self.made = Some((generation, self.sort));
            changed = true;
        }
        if changed || self.filtered.as_deref() != Some(&self.filter) {
            let new_filter = self.filtered.as_deref() != Some(&self.filter);
            self.shown = index.filter_in(&self.sorted, &self.filter);
            // A name spelled another way ("Zelenskyy") is not a fuzzy
            // match, but the index still knows whom it names.
            if self.shown.is_empty() {
                self.shown = index.find(&self.filter);
            }
            self.filtered = Some(self.filter.clone());
            // A new filter starts at its best match; a new index or sort
            // keeps the person selected.
            self.speakers.selected = match kept.filter(|_| !new_filter) {
                Some(id) => self.shown.iter().position(|&s| s == id).unwrap_or(0),
                None => 0,
            };
        }
        self.speakers.keep_within(self.shown.len());
        let person = self.shown.get(self.speakers.selected).copied();
        if person != self.person || (person.is_some() && self.quoted != generation) {
            if person != self.person {
                (self.said, self.said_whole) = (ListState::default(), 0);
                self.in_quotes = false;
            }
            self.person = person;
            self.quoted = generation;
            let many = person
                .and_then(|id| index.speaker(id))
                .is_some_and(|s| s.occurrences() > QUOTES_AT_ONCE);
            if many {
                self.quotes.clear();
                self.quotes_stale = true;
            } else {
                self.list_quotes(index);
            }
        }
        self.said.keep_within(self.quotes.len());
    }
}

impl People {
    /// The quotes' list or the people's, and how long it is.
    fn list(&mut self, quotes: bool) -> (&mut ListState, usize) {
        if quotes {
            (&mut self.said, self.quotes.len())
        } else {
            (&mut self.speakers, self.shown.len())
        }
    }

    /// Moves the selection of the list the keyboard is in.
    fn move_by(&mut self, delta: isize) {
        let (list, len) = self.list(self.in_quotes);
        list.move_by(delta, len);
    }

    /// Lists the person's quotes (about 10 ms for 10,000).
    fn list_quotes(&mut self, index: &SpeakerIndex) {
        self.quotes = self.person.map_or_else(Vec::new, |id| quotes_of(index, id));
        self.quotes_stale = false;
    }
}

fn quotes_of(index: &SpeakerIndex, id: SpeakerId) -> Vec<PersonQuote> {
    index
        .quotes(id, Order::Newest)
        .into_iter()
        .map(|listed| PersonQuote {
            article: listed.said.article,
            span: listed.said.span,
            date: listed.said.date,
            also_in: listed.also_in,
        })
        .collect()
}

impl App {
    /// A new copy of the speaker index from the index thread.
    pub(super) fn on_index(&mut self, copy: IndexCopy) {
        self.index = Some(copy.index);
        self.indexed = copy.stories;
        self.by_quotes = copy.by_quotes;
        self.index_changed();
    }

    /// `P`: the People view in place of the story list, or back.
    pub(super) fn toggle_people(&mut self) {
        if self.people.take().is_some() {
            return;
        }
        // The list has the keys (`q`, `?`, `j` do what they say); `/`
        // filters.
        self.people = Some(People::default());
        self.focus_on(Focus::List);
    }

    /// Whether the People view has the keyboard.
    fn people_focused(&self) -> bool {
        self.people.is_some() && self.focus == Focus::List
    }

    /// Whether the person's quotes are listed below the people: on a
    /// screen too narrow for them to go whole beside.
    pub fn people_split(&self) -> bool {
        self.size.0 < layout::TWO_PANELS
    }

    /// Rows of the people list and of the quotes list below it (none
    /// when the quotes are beside it, whole).
    pub fn people_view_rows(&self) -> (usize, usize) {
        let list = self.areas.list.unwrap_or_default();
        if !self.people_split() {
            return (rows_in(list), 0);
        }
        let (people, quotes) = split(list);
        (rows_in(people), rows_in(quotes))
    }

    /// Actions the People view takes when it has the keyboard; false for
    /// those it leaves to the reader.
    pub(super) fn act_people(&mut self, action: Action) -> bool {
        if !self.people_focused() {
            return false;
        }
        let (people_rows, quote_rows) = self.people_view_rows();
        let Some(in_quotes) = self.people.as_ref().map(|p| p.in_quotes) else {
            return false;
        };
        let page = match (in_quotes, quote_rows) {
            (true, 0) => self.said_page(),
            (true, rows) => rows,
            (false, _) => people_rows,
        };
        let page = isize::try_from(page).unwrap_or(1);
        let Some(people) = &mut self.people else {
            return false;
        };
        let Some(delta) = motion_delta(action, page) else {
            match action {
                Action::Enter => {
                    self.people_enter();
                    return true;
                }
                Action::Search | Action::PickSpeaker => {
                    people.in_quotes = false;
                    self.mode = Mode::PeopleFilter;
                    return true;
                }
                Action::Cancel if people.in_quotes => {
                    people.in_quotes = false;
                    return true;
                }
                Action::Cancel if !people.filter.is_empty() => {
                    people.filter.clear();
                    return true;
                }
                Action::Cancel => {
                    self.people = None;
                    return true;
                }
                _ => return false,
            }
        };
        people.move_by(delta);
        true
    }

    /// `Enter`: from a person to their quotes; from a quote to its story.
    fn people_enter(&mut self) {
        // Asked for: list them now if they still wait.
        self.people_work();
        let Some(people) = &mut self.people else {
            return;
        };
        if !people.in_quotes {
            if people.quotes.is_empty() {
                self.status = Some("Pick someone first: type part of a name".into());
            } else {
                people.in_quotes = true;
            }
            return;
        }
        let Some(quote) = people.quotes.get(people.said.selected).copied() else {
            return;
        };
        self.following = people.person;
        self.go_to_quote_at(quote.article, quote.span.start);
        self.focus_on(Focus::Body);
    }

    /// Keys while the filter is typed: arrows move, `Enter` takes the
    /// person selected, `Esc` stops typing (the filter stays).
    pub(super) fn act_people_prompt(&mut self, action: Action) {
        let Some(people) = &mut self.people else {
            self.mode = Mode::Normal;
            return;
        };
        match action {
            Action::Enter => {
                self.mode = Mode::Normal;
                self.people_enter();
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Backspace => {
                people.filter.pop();
            }
            Action::Down => people.speakers.move_by(1, people.shown.len()),
            Action::Up => people.speakers.move_by(-1, people.shown.len()),
            Action::PageDown => people.speakers.move_by(10, people.shown.len()),
            Action::PageUp => people.speakers.move_by(-10, people.shown.len()),
            _ => {}
        }
    }

    /// The mouse over the People view: a click selects the person or
    /// quote under it, the wheel moves the selection.
    pub(super) fn people_mouse(&mut self, mouse: MouseEvent) {
        let list = self.areas.list.unwrap_or_default();
        let (top, _) = split(list);
        let in_quotes = mouse.row >= top.bottom();
        let Some(people) = &mut self.people else {
            return;
        };
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = Focus::List;
                people.in_quotes = in_quotes;
                let first = if in_quotes { top.bottom() } else { top.y } + 1;
                let Some(line) = mouse.row.checked_sub(first) else {
                    return;
                };
                let (list, len) = people.list(in_quotes);
                list.select_shown(usize::from(line / 2), len);
            }
            MouseEventKind::ScrollDown => {
                let (list, len) = people.list(in_quotes);
                list.move_by(1, len);
            }
            MouseEventKind::ScrollUp => {
                let (list, len) = people.list(in_quotes);
                list.move_by(-1, len);
            }
            _ => {}
        }
    }

    /// A character typed into the People filter.
    pub(super) fn type_people(&mut self, c: char) {
        if let Some(people) = &mut self.people {
            people.filter.push(c);
        }
    }

    /// `S`: the next sort order.
    pub(super) fn cycle_people_sort(&mut self) {
        match &mut self.people {
            Some(people) => people.sort = next_sort(people.sort),
            None => self.status = Some("Sorting is for the People view: press P".into()),
        }
    }

    /// Whether a person's quotes wait to be listed.
    pub fn people_waiting(&self) -> bool {
        self.people.as_ref().is_some_and(|p| p.quotes_stale)
    }

    /// Lists the quotes of the person selected, if they wait; true if it did.
    pub(super) fn people_work(&mut self) -> bool {
        let (Some(people), Some(index)) = (&mut self.people, &self.index) else {
            return false;
        };
        if !people.quotes_stale {
            return false;
        }
        people.list_quotes(index);
        true
    }

    /// Keeps the People view's lists current and their rows in view.
    pub(super) fn settle_people(&mut self) {
        let (people_rows, quote_rows) = self.people_view_rows();
        let (Some(people), Some(index)) = (&mut self.people, &self.index) else {
            return;
        };
        people.refresh(index, &self.by_quotes);
        people.speakers.settle(people.shown.len(), people_rows);
        if quote_rows > 0 {
            people.said.settle(people.quotes.len(), quote_rows);
        }
        self.settle_said();
    }
}
