//! Search: the list narrows to matching stories as the query is typed.
//! Both the library and the open story are searched a slice at a time
//! (see [`App::work`]), each slice about a millisecond, so typing never
//! waits on a big library or a long story: a key pressed meanwhile waits
//! for one slice at most. `Enter` opens the first matching story once no
//! earlier one can match, without waiting for it; `n`/`N` search the open
//! story as far as they need to.

use super::nav::SLICES_PER_KEY;
use super::order::Order;
use super::query::parse_query;
use super::search_people::Quoting;
use super::{App, CONTEXT, Mode, Open, ScrollTo};
use crate::article::Article;
use crate::index::fold;
use crate::tui::digest::Digest;
use crate::tui::keymap::Action;
use crate::tui::layout::Focus;
use crate::tui::needle::Needle;

/// Bytes of the library checked per slice of the scan.
const SLICE_BYTES: usize = 1 << 20;

/// Bytes of the open story searched per slice.
const BODY_SLICE: usize = 256 << 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The words to find; none when the query only names people.
    pub needle: Option<Needle>,
    /// The people named with `@` and the stories quoting them, if any are.
    pub quoting: Option<Quoting>,
    /// `source:`: only this source's stories (folded).
    pub source: Option<String>,
    /// The matching articles, in the list's order.
    pub hits: Vec<usize>,
    /// Every article before this index has been checked.
    pub scanned: usize,
    /// `Enter` was pressed: open the first hit once it is certain.
    pub open_first: bool,
}

impl Search {
    pub fn new(query: &str, needle: Option<Needle>, quoting: Option<Quoting>) -> Search {
        Search {
            query: query.to_owned(),
            needle,
            quoting,
            source: None,
            hits: Vec::new(),
            scanned: 0,
            open_first: false,
        }
    }

    /// Whether a story matches: its title, subtitle, source, authors, text,
    /// or the names of the people found in it.
    pub fn matches(&self, article: &Article, digest: Option<&Digest>) -> bool {
        if let Some(source) = &self.source
            && article.source.as_deref().is_none_or(|s| fold(s) != *source)
        {
            return false;
        }
        let Some(n) = &self.needle else {
            return true;
        };
        n.is_in(&article.title)
            || article.subtitle.as_deref().is_some_and(|s| n.is_in(s))
            || article.source.as_deref().is_some_and(|s| n.is_in(s))
            || article.authors.iter().any(|a| n.is_in(a))
            || n.is_in(&article.body)
            || digest.is_some_and(|d| self.names_match(d))
    }

    fn names_match(&self, digest: &Digest) -> bool {
        let Some(needle) = &self.needle else {
            return false;
        };
        digest.person_names().any(|name| needle.is_in(name))
    }

    /// A story analysed after the scan passed it may match by its people.
    pub(super) fn analysed(&mut self, article: usize, digest: &Digest, order: &Order) {
        if article < self.scanned && self.admits(article) && self.names_match(digest) {
            self.add_hit(article, order);
        }
    }

    fn add_hit(&mut self, article: usize, order: &Order) {
        if let Err(at) = order.search(&self.hits, article) {
            self.hits.insert(at, article);
        }
    }

    /// Checks the next slice of the library (in the order the stories
    /// came); false once all is checked.
    fn step(
        &mut self,
        articles: &[std::sync::Arc<Article>],
        digests: &[Option<std::sync::Arc<Digest>>],
        order: &Order,
    ) -> bool {
        let mut budget = SLICE_BYTES;
        while self.scanned < articles.len() && budget > 0 {
            let article = &articles[self.scanned];
            if self.admits(self.scanned) && self.matches(article, digests[self.scanned].as_deref())
            {
                self.add_hit(self.scanned, order);
            }
            budget = budget.saturating_sub(article.body.len() + article.title.len() + 64);
            self.scanned += 1;
        }
        self.scanned < articles.len()
    }
}

impl App {
    pub(super) fn start_search(&mut self) {
        // The stories found must show: they take the People view's place.
        self.people = None;
        let input = self
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        self.searches.start();
        self.mode = Mode::Search { input };
    }

    /// A search has looked at every story and found none.
    pub fn search_found_none(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|s| s.scanned >= self.library.articles.len() && self.list_len() == 0)
    }

    pub(super) fn act_search_prompt(&mut self, action: Action) {
        let Mode::Search { input } = &mut self.mode else {
            return;
        };
        match action {
            Action::Enter => {
                self.searches.record(input);
                self.mode = Mode::Normal;
                self.open_first_hit();
            }
            Action::Up | Action::Down => {
                let recalled = if action == Action::Up {
                    self.searches.older()
                } else {
                    self.searches.newer()
                };
                if let Some(query) = recalled {
                    input.clone_from(&query);
                    self.set_query(&query);
                }
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.clear_search();
            }
            Action::Backspace => {
                input.pop();
                let query = input.clone();
                self.set_query(&query);
            }
            _ => {}
        }
    }

    pub(super) fn set_query(&mut self, query: &str) {
        let parsed = parse_query(query);
        let needle = Needle::new(&parsed.words);
        if needle.is_none() && parsed.names.is_empty() && parsed.source.is_none() {
            self.clear_search();
            return;
        }
        let names = parsed.names;
        let quoting = (!names.is_empty()).then(|| self.quoting(names));
        let mut search = Search::new(query, needle, quoting);
        search.source = parsed.source.as_deref().map(fold);
        // The open story stays selected while it still matches.
        if let Some(open) = &self.open
            && search.admits(open.article)
            && search.matches(
                &self.library.articles[open.article],
                self.library.digests[open.article].as_deref(),
            )
        {
            search.add_hit(open.article, &self.order);
        }
        self.search = Some(search);
        self.search_step();
        self.find_in_body();
    }

    /// One slice of the scan; then, if the selected story is no longer
    /// listed, the first hit is selected. True while more remains.
    pub(super) fn search_step(&mut self) -> bool {
        let Some(search) = &mut self.search else {
            return false;
        };
        let more = search.step(&self.library.articles, &self.library.digests, &self.order);
        if self.selected_row().is_none()
            && let Some(first) = self.list_item(0)
        {
            self.select(first);
        }
        self.open_first_when_certain();
        more
    }

    /// `Enter` in the prompt: the first hit is opened at its first match
    /// as soon as no earlier story can match (at once, usually).
    fn open_first_hit(&mut self) {
        if let Some(search) = &mut self.search {
            search.open_first = true;
        }
        self.open_first_when_certain();
    }

    fn open_first_when_certain(&mut self) {
        let loading = self.library.loading;
        let total = self.library.articles.len();
        let Some(search) = self.search.as_mut().filter(|s| s.open_first) else {
            return;
        };
        // No story above the first hit in the list can still match: every
        // one of them has been scanned.
        let order = &self.order;
        let certain = search
            .hits
            .first()
            .and_then(|&h| order.row_of(h))
            .is_some_and(|row| order.newest_story_to(row) < search.scanned);
        let finished = search.scanned >= total && !loading;
        if !certain && !finished {
            return;
        }
        search.open_first = false;
        let Some(first) = self.list_item(0) else {
            self.status = Some("No story matches".into());
            return;
        };
        self.select(first);
        self.focus_on(Focus::Body);
        if self.search.as_ref().is_some_and(|s| s.needle.is_none()) {
            self.first_quote_by_named();
        } else {
            self.next_match(true);
        }
    }

    pub(super) fn clear_search(&mut self) {
        self.search = None;
        if let Some(open) = &mut self.open {
            self.selected = Some(open.article);
            open.matches.clear();
            open.current_match = None;
        }
    }

    /// Starts finding the search's matches in the open story: the first
    /// slice now, the rest in [`App::work`] or as `n`/`N` need them.
    pub(super) fn find_in_body(&mut self) {
        let Some(open) = &mut self.open else { return };
        open.matches.clear();
        open.matched_to = 0;
        open.current_match = None;
        self.find_more_in_body();
    }

    /// Whether the open story is still being searched.
    pub fn finding_in_body(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.needle.is_some())
            && self
                .open
                .as_ref()
                .is_some_and(|o| o.matched_to < self.library.articles[o.article].body.len())
    }

    /// Searches one more slice of the open story; true while more remains.
    pub(super) fn find_more_in_body(&mut self) -> bool {
        let (Some(open), Some(needle)) = (
            &mut self.open,
            self.search.as_ref().and_then(|s| s.needle.as_ref()),
        ) else {
            return false;
        };
        let body = &self.library.articles[open.article].body;
        if open.matched_to >= body.len() {
            return false;
        }
        let mut end = open.matched_to.saturating_add(BODY_SLICE).min(body.len());
        while !body.is_char_boundary(end) {
            end += 1;
        }
        let (found, next) = needle.matches_in(body, open.matched_to..end);
        open.matches.extend(found);
        open.matched_to = next;
        next < body.len()
    }

    /// Searches the open story on until `enough` holds or it is all searched.
    fn find_in_body_until(&mut self, enough: impl Fn(&Open) -> bool) {
        while self.open.as_ref().is_some_and(|o| !enough(o)) && self.find_more_in_body() {}
    }

    /// Finds the matches `n`/`N` need to choose the next one.
    fn find_for_next_match(&mut self, current: Option<usize>, forward: bool, height: usize) {
        match (current, forward) {
            (Some(c), true) => self.find_in_body_until(|o| o.matches.len() > c + 1),
            (None, true) => self.find_in_body_until(|o| {
                o.matches
                    .last()
                    .is_some_and(|m| o.view.line_at(m.0) >= o.scroll.offset)
            }),
            (Some(_), false) => {}
            // Every match that starts above the bottom of the screen.
            (None, false) => self.find_in_body_until(|o| {
                let bottom = o.view.lines.get(o.scroll.offset + height);
                bottom.is_some_and(|l| o.matched_to > l.pos)
            }),
        }
    }

    /// The current match, if it is on screen.
    pub fn current_match_on_screen(&self) -> Option<usize> {
        let open = self.open.as_ref()?;
        let (start, _) = *open.matches.get(open.current_match?)?;
        let line = open.view.line_at(start);
        open.scroll
            .shows(line, self.body_height())
            .then_some(open.current_match?)
    }

    /// `n`/`N`: the next match in the story, then in the next matching story.
    pub(super) fn next_match(&mut self, forward: bool) {
        if self.search.is_none() {
            self.status = Some("No search: press / to search".into());
            return;
        }
        let height = self.body_height();
        // A match scrolled out of sight no longer counts: n and N go on
        // from what is on screen, as they do in a pager.
        let current = self.current_match_on_screen();
        self.find_for_next_match(current, forward, height);
        let Some(open) = &self.open else { return };
        let line_of = |m: &(usize, usize)| open.view.line_at(m.0);
        let next = match (current, forward) {
            (Some(c), true) => Some(c + 1).filter(|&n| n < open.matches.len()),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => open
                .matches
                .iter()
                .position(|m| line_of(m) >= open.scroll.offset),
            (None, false) => open
                .matches
                .iter()
                .rposition(|m| line_of(m) < open.scroll.offset + height),
        };
        if let Some(next) = next {
            self.reveal_match(next);
            return;
        }
        let before = self.selected;
        self.move_list(if forward { 1 } else { -1 });
        if self.selected == before {
            self.status = Some(format!(
                "No more matches {}",
                if forward { "below" } else { "above" }
            ));
            return;
        }
        self.mark_read();
        if forward {
            self.find_in_body_until(|o| !o.matches.is_empty());
        } else {
            while self.find_more_in_body() {}
        }
        let count = self.open.as_ref().map_or(0, |o| o.matches.len());
        if count > 0 {
            self.reveal_match(if forward { 0 } else { count - 1 });
        }
    }

    fn reveal_match(&mut self, index: usize) {
        let height = self.body_height();
        let Some(open) = &mut self.open else { return };
        let Some(&(start, _)) = open.matches.get(index) else {
            return;
        };
        let body = &self.library.articles[open.article].body;
        open.current_match = Some(index);
        if !open.view.extend_past(body, start, height, SLICES_PER_KEY) {
            open.scroll_to = Some(ScrollTo::Pos {
                pos: start,
                above: CONTEXT,
            });
            return;
        }
        let line = open.view.line_at(start);
        if !open.scroll.shows(line, height) {
            open.scroll.offset = line.saturating_sub(CONTEXT);
        }
    }
}
