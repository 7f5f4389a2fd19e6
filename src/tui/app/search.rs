//! Search: the list narrows to matching stories as the query is typed. The
//! library is scanned a slice at a time (see [`App::work`]), so typing never
//! waits on a big library; matches in the open story are found at once, for
//! highlighting and `n`/`N`.

use super::{App, CONTEXT, Mode};
use crate::Analysis;
use crate::article::Article;
use crate::tui::keymap::Action;
use crate::tui::layout::Focus;
use crate::tui::text::Needle;

/// Bytes of text checked per slice of the scan: a few milliseconds.
const SLICE_BYTES: usize = 4 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub needle: Needle,
    /// The matching articles, ascending.
    pub hits: Vec<usize>,
    /// Every article before this index has been checked.
    pub scanned: usize,
}

impl Search {
    pub fn new(query: &str, needle: Needle) -> Search {
        Search {
            query: query.to_owned(),
            needle,
            hits: Vec::new(),
            scanned: 0,
        }
    }

    /// Whether a story matches: its title, subtitle, source, authors, text,
    /// or the names of the people found in it.
    pub fn matches(&self, article: &Article, analysis: Option<&Analysis>) -> bool {
        let n = &self.needle;
        let people = analysis.map(|a| a.people.as_slice()).unwrap_or_default();
        n.is_in(&article.title)
            || article.subtitle.as_deref().is_some_and(|s| n.is_in(s))
            || article.source.as_deref().is_some_and(|s| n.is_in(s))
            || article.authors.iter().any(|a| n.is_in(a))
            || n.is_in(&article.body)
            || people
                .iter()
                .any(|p| n.is_in(&p.name) || p.aliases.iter().any(|a| n.is_in(a)))
    }

    fn add_hit(&mut self, article: usize) {
        let at = self.hits.partition_point(|&h| h < article);
        if self.hits.get(at) != Some(&article) {
            self.hits.insert(at, article);
        }
    }

    /// Checks the next slice of the library; false once all is checked.
    fn step(
        &mut self,
        articles: &[std::sync::Arc<Article>],
        analyses: &[Option<std::sync::Arc<Analysis>>],
    ) -> bool {
        let mut budget = SLICE_BYTES;
        while self.scanned < articles.len() && budget > 0 {
            let article = &articles[self.scanned];
            if self.matches(article, analyses[self.scanned].as_deref()) {
                self.add_hit(self.scanned);
            }
            budget = budget.saturating_sub(article.body.len() + article.title.len() + 64);
            self.scanned += 1;
        }
        self.scanned < articles.len()
    }
}

impl App {
    pub(super) fn start_search(&mut self) {
        let input = self
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        self.mode = Mode::Search { input };
    }

    pub(super) fn act_search_prompt(&mut self, action: Action) {
        let Mode::Search { input } = &mut self.mode else {
            return;
        };
        match action {
            Action::Enter => {
                self.mode = Mode::Normal;
                self.open_first_hit();
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
            Action::Down => self.move_list(1),
            Action::Up => self.move_list(-1),
            _ => {}
        }
    }

    pub(super) fn set_query(&mut self, query: &str) {
        let Some(needle) = Needle::new(query) else {
            self.clear_search();
            return;
        };
        let mut search = Search::new(query, needle);
        // The open story stays selected while it still matches.
        if let Some(open) = &self.open {
            if search.matches(
                &self.library.articles[open.article],
                self.library.analyses[open.article].as_deref(),
            ) {
                search.add_hit(open.article);
            }
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
        let more = search.step(&self.library.articles, &self.library.analyses);
        if self.selected_row().is_none() {
            if let Some(first) = self.list_item(0) {
                self.select(first);
            }
        }
        more
    }

    /// `Enter` in the prompt: scans until the first hit is certain, then
    /// opens it at its first match.
    fn open_first_hit(&mut self) {
        loop {
            let Some(search) = &self.search else { return };
            let settled = search.hits.first().is_some_and(|&h| h < search.scanned);
            if settled || !self.search_step() {
                break;
            }
        }
        let Some(first) = self.list_item(0) else {
            self.status = Some("No story matches".into());
            return;
        };
        self.select(first);
        self.focus_on(Focus::Body);
        self.next_match(true);
    }

    pub(super) fn clear_search(&mut self) {
        self.search = None;
        if let Some(open) = &mut self.open {
            self.selected = Some(open.article);
            open.matches.clear();
            open.current_match = None;
        }
    }

    /// Finds the search's matches in the open story's body.
    pub(super) fn find_in_body(&mut self) {
        let Some(open) = &mut self.open else { return };
        let body = &self.library.articles[open.article].body;
        open.matches = self
            .search
            .as_ref()
            .map(|s| s.needle.find_all(body))
            .unwrap_or_default();
        open.current_match = None;
    }

    /// `n`/`N`: the next match in the story, then in the next matching story.
    pub(super) fn next_match(&mut self, forward: bool) {
        if self.search.is_none() {
            self.status = Some("No search: press / to search".into());
            return;
        }
        let height = self.body_height();
        let Some(open) = &self.open else { return };
        let line_of = |m: &(usize, usize)| open.view.line_at(m.0);
        let next = match (open.current_match, forward) {
            (Some(c), true) => Some(c + 1).filter(|&n| n < open.matches.len()),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => open.matches.iter().position(|m| line_of(m) >= open.scroll),
            (None, false) => open
                .matches
                .iter()
                .rposition(|m| line_of(m) < open.scroll + height),
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
        open.view
            .extend_past(&self.library.articles[open.article].body, start, height);
        open.current_match = Some(index);
        let line = open.view.line_at(start);
        if line < open.scroll || line >= open.scroll + height {
            open.scroll = line.saturating_sub(CONTEXT);
        }
    }
}
