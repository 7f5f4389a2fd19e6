//! The sources of the library (a feed's name, a paper's) with their
//! unread counts: `F` lists them, `Enter` shows one source's stories alone
//! (a `source:` search, so `Esc` lists them all again), `A` marks every
//! story of a source read, after asking.

use super::list_state::step;
use super::overlay::overlay_motion;
use super::reading::Ask;
use super::{App, Mode};
use crate::tui::keymap::Action;
use std::collections::HashMap;

/// One source and how many of its stories are unread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// `None` for the stories that name no source.
    pub name: Option<String>,
    pub unread: usize,
    pub stories: usize,
}

impl App {
    /// Every source, by name (any case), the stories with none last.
    pub fn sources(&self) -> Vec<SourceRow> {
        let mut by_name: HashMap<Option<&str>, (usize, usize)> = HashMap::new();
        for (i, article) in self.library.articles.iter().enumerate() {
            if self.reading.gone.get(i).copied().unwrap_or(false) {
                continue;
            }
            let counts = by_name.entry(article.source.as_deref()).or_default();
            counts.0 += usize::from(!self.is_read(i));
            counts.1 += 1;
        }
        let mut rows: Vec<SourceRow> = by_name
            .into_iter()
            .map(|(name, (unread, stories))| SourceRow {
                name: name.map(str::to_owned),
                unread,
                stories,
            })
            .collect();
        rows.sort_by_cached_key(|r| (r.name.is_none(), r.name.as_deref().map(str::to_lowercase)));
        rows
    }

    /// `F`: the sources, the selected story's first.
    pub(super) fn open_sources(&mut self) {
        let rows = self.sources();
        let mine = self.selected_source();
        let row = rows.iter().position(|r| r.name == mine).unwrap_or(0);
        self.mode = Mode::Sources { rows, row };
    }

    fn selected_source(&self) -> Option<String> {
        let article = self.library.articles.get(self.selected?)?;
        article.source.clone()
    }

    pub(super) fn act_sources(&mut self, action: Action) {
        let Mode::Sources { rows, row } = &mut self.mode else {
            return;
        };
        if let Some(delta) = overlay_motion(action) {
            *row = step(*row, delta, rows.len().saturating_sub(1));
            return;
        }
        match action {
            Action::Enter => {
                let name = rows.get(*row).map(|r| r.name.clone());
                self.mode = Mode::Normal;
                if let Some(name) = name {
                    self.show_source(name.as_deref());
                }
            }
            Action::MarkSourceRead => {
                let source = rows.get(*row).map(|r| r.name.clone());
                if let Some(source) = source {
                    self.ask_mark_source_read(source);
                }
            }
            Action::Cancel | Action::Quit | Action::Sources => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// The stories of one source alone, newest first, as a search.
    fn show_source(&mut self, name: Option<&str>) {
        let Some(name) = name else {
            self.status = Some("stories without a source cannot be listed alone".into());
            return;
        };
        self.people = None;
        self.set_query(&format!("source:\"{}\"", name.replace('"', " ")));
        self.status = Some(format!("{name} alone · Esc lists every story"));
    }

    /// `A`: every story of a source read, after asking (that of the
    /// selected story outside the sources).
    pub(super) fn ask_mark_source_read(&mut self, source: Option<String>) {
        let unread = self.unread_of(source.as_deref()).count();
        let name = source.clone().unwrap_or_else(|| "no source".into());
        if unread == 0 {
            self.status = Some(format!("every story of {name} is read"));
            return;
        }
        self.reading.asking = Some(Ask::MarkSourceRead(source));
        self.status = Some(format!("Mark {unread} stories of {name} read? (y/n)"));
    }

    pub(super) fn mark_selected_source_read(&mut self) {
        if self.selected.is_none() {
            self.status = Some("no story is selected".into());
            return;
        }
        self.ask_mark_source_read(self.selected_source());
    }

    /// The ids of the unread stories of `source`.
    pub(super) fn unread_of<'a>(
        &'a self,
        source: Option<&'a str>,
    ) -> impl Iterator<Item = &'a str> {
        self.library
            .articles
            .iter()
            .enumerate()
            .filter(move |&(i, a)| a.source.as_deref() == source && !self.is_read(i))
            .map(|(_, a)| a.id.as_str())
    }

    /// The counts shown again after a source was marked.
    pub(super) fn refresh_sources(&mut self) {
        if let Mode::Sources { row, .. } = self.mode {
            let rows = self.sources();
            let row = row.min(rows.len().saturating_sub(1));
            self.mode = Mode::Sources { rows, row };
        }
    }
}
