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

/// A summary kept as the subtitle when the full text takes its place; a
/// longer body was more than a summary and is not repeated.
const SUMMARY_KEPT: usize = 600;

impl App {
    /// `t`: the selected story's web page, read for its full text.
    pub(super) fn ask_full_text(&mut self) {
        let Some(i) = self.selected else {
            self.status = Some("no story is selected".into());
            return;
        };
        let url = self.library.articles[i].url.clone();
        match url.filter(|u| crate::feeds::is_http(u)) {
            Some(url) => {
                self.jobs.push(Job::FullText(i, url));
                self.status = Some("fetching the story's web page…".into());
            }
            None => self.status = Some("this story has no http(s) web address".into()),
        }
    }

    /// The full text takes the body's place (the summary becomes the
    /// subtitle) and is analysed again; unless the story changed meanwhile.
    pub(super) fn on_full_text(
        &mut self,
        i: usize,
        url: &str,
        text: Result<crate::feeds::FullText, String>,
    ) {
        let Some(article) = self.library.articles.get(i) else {
            return;
        };
        if article.url.as_deref() != Some(url) {
            return;
        }
        let full = match text {
            Ok(full) => full,
            Err(why) => {
                self.status = Some(format!("could not read the full text: {why}"));
                return;
            }
        };
        let mut story = crate::article::Article::clone(article);
        let summary = std::mem::replace(&mut story.body, full.body);
        if story.subtitle.is_none() && summary.len() <= SUMMARY_KEPT && !summary.trim().is_empty() {
            story.subtitle = Some(summary);
        }
        if !full.images.is_empty() {
            story.images = full.images;
        }
        let paragraphs = crate::article::paragraphs(&story.body).count();
        self.replace(i, story);
        self.status = Some(format!("the full text: {paragraphs} paragraphs"));
    }
}
