//! The app's side of fetching feeds: one fetch at a time, its progress on
//! the status line, and how it went once it is over. The fetched stories
//! themselves come as changed files (see `watching`).

use super::{App, Job};
use crate::tui::fetching::Fetched;

impl App {
    /// `Ctrl-r`: fetch every feed, unless a fetch is on already.
    pub(super) fn fetch(&mut self) {
        if self.library.fetching.is_some() {
            self.status = Some("already fetching the feeds…".into());
            return;
        }
        self.library.fetching = Some((0, 0));
        self.jobs.push(Job::Fetch);
        self.status = Some("fetching the feeds…".into());
    }

    /// `fetch_every`: time for a fetch, if none is on.
    pub(super) fn fetch_due(&mut self) {
        if self.library.fetching.is_none() {
            self.fetch();
        }
    }

    pub(super) fn on_fetch_progress(&mut self, done: usize, total: usize) {
        self.library.fetching = Some((done, total));
        self.status = Some(format!("fetching the feeds: {done} of {total}…"));
    }

    pub(super) fn on_fetched(&mut self, fetched: Fetched) {
        self.library.fetching = None;
        self.library.problems.extend(fetched.problems);
        self.status = Some(fetched.summary);
    }
}
