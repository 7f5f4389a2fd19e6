//! Files that changed while byline watched them. A changed file's stories
//! replace theirs in place and new ones join the end of the list, so the
//! selection and the reading position stay; a deleted file's stories stay
//! until restart, marked gone.

use super::{App, Job};
use crate::article::watch::WatchEvent;
use crate::article::{Article, Loaded};
use crate::tui::digest::Digest;
use std::collections::HashMap;
use std::sync::Arc;

/// What a watched file did.
#[derive(Debug, Clone)]
pub enum FileChange {
    /// New or changed: every story in it now.
    Loaded {
        file: Arc<str>,
        loaded: Loaded,
    },
    Removed {
        file: Arc<str>,
    },
    /// The system could not watch something.
    Failed(String),
    /// Watching has begun: changes from now on are seen.
    Watching,
}

impl From<WatchEvent> for FileChange {
    fn from(event: WatchEvent) -> Self {
        match event {
            WatchEvent::Loaded { file, loaded, .. } => FileChange::Loaded { file, loaded },
            WatchEvent::Removed { file, .. } => FileChange::Removed { file },
            WatchEvent::Error(message) => FileChange::Failed(message),
        }
    }
}

impl App {
    pub(super) fn on_file(&mut self, change: FileChange) {
        match change {
            FileChange::Loaded { file, loaded } => self.reload(&file, loaded),
            FileChange::Removed { file } => {
                let articles = self.library.articles.iter();
                for (article, gone) in articles.zip(&mut self.reading.gone) {
                    if *article.origin.file == *file {
                        *gone = true;
                    }
                }
            }
            FileChange::Failed(message) => self.status = Some(message),
            FileChange::Watching => self.library.watching = true,
        }
    }

    /// A file read again: stories it held before are replaced where they
    /// are, stories it no longer holds are marked gone, new ones are listed.
    fn reload(&mut self, file: &str, loaded: Loaded) {
        let mut before: HashMap<String, usize> = (0..self.library.articles.len())
            .filter(|&i| *self.library.articles[i].origin.file == *file)
            .map(|i| (self.library.articles[i].id.clone(), i))
            .collect();
        let mut fresh = Vec::new();
        for article in loaded.articles {
            match before.remove(&article.id) {
                Some(i) => {
                    self.mark_gone(i, false);
                    if *self.library.articles[i] != article {
                        self.replace(i, article);
                    }
                }
                None => fresh.push(article),
            }
        }
        for &i in before.values() {
            self.mark_gone(i, true);
        }
        let first = self.library.articles.len();
        let count = fresh.len();
        // The file's problems now replace those of its earlier versions (a
        // half-written line that is whole now is no problem any more).
        self.library.problems.retain(|p| *p.file != *file);
        self.on_loaded(Loaded {
            articles: fresh,
            problems: loaded.problems,
        });
        // Changed stories were sent to be analysed again as they were
        // replaced; new ones wait for the end of loading like the rest.
        if !self.library.loading && count > 0 {
            let later = (first..first + count)
                .map(|i| (i, Arc::clone(&self.library.articles[i])))
                .collect();
            self.jobs.push(Job::AnalyseLater(later));
        }
    }

    fn mark_gone(&mut self, i: usize, gone: bool) {
        if let Some(slot) = self.reading.gone.get_mut(i) {
            *slot = gone;
        }
    }

    /// Puts a new version of story `i` in its place; shown again (at the
    /// same reading position) if it is open.
    pub(super) fn replace(&mut self, i: usize, article: Article) {
        self.library.articles[i] = Arc::new(article);
        // Before it is shown: the story on screen is analysed first.
        let again = vec![(i, Arc::clone(&self.library.articles[i]))];
        self.jobs.push(Job::AnalyseAgain(again));
        self.wrapped.retain(|(view, _)| view.article != i);
        if self.library.digests[i].take().is_some() {
            self.library.analysed -= 1;
        }
        if self.open.as_ref().is_some_and(|o| o.article == i) {
            self.note_position();
            self.open = None;
            self.show(i);
        }
    }
}

/// Whether an analysis can belong to this body: every quote lies within
/// it, on character boundaries. One of a story's earlier version (its
/// file changed while it was being analysed) may not, and is dropped.
pub(super) fn fits(body: &str, digest: &Digest) -> bool {
    digest.quotes().all(|(span, _)| {
        span.end <= body.len()
            && body.is_char_boundary(span.start)
            && body.is_char_boundary(span.end)
    })
}
