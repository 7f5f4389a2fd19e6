//! `Ctrl-r` and `fetch_every`: the subscribed feeds fetched on a thread of
//! their own, progress on the status line, and each feed file that changed
//! read again into the library as a watched file is (new stories listed in
//! their place, unread; changed ones replaced). `t`: one story's web page
//! read for its full text.

use super::app::{FileChange, Msg};
use super::runtime::Event;
use crate::article::{self, Place, Problem, display_name, load_file};
use crate::feeds::{
    FeedReport, FeedSettings, FetchOptions, Folders, Outcome, Subscriptions, fetch_all, full_text,
};
use std::fmt::Write;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

/// How a fetch ended, for the status line and the problems panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub summary: String,
    pub problems: Vec<Problem>,
}

impl Fetched {
    fn said(summary: impl Into<String>) -> Fetched {
        Fetched {
            summary: summary.into(),
            problems: Vec::new(),
        }
    }
}

/// What a fetch needs: how feeds are fetched and files read.
#[derive(Debug, Clone, Default)]
pub struct FetchSetup {
    pub feeds: FeedSettings,
    pub load: article::Options,
}

/// Fetches every subscription on a thread; sends progress, each changed
/// feed file read again, then [`Msg::Fetched`].
pub fn fetch_in_background(setup: FetchSetup, events: Sender<Event>) {
    let spawned = thread::Builder::new()
        .name("byline-fetch".into())
        .spawn(move || {
            let done = fetch(&setup, &events);
            let _ = events.send(Event::Msg(Msg::Fetched(done)));
        });
    if spawned.is_err() {
        // The app waits for an answer: say why there is none.
        let _ = Fetched::said("could not start fetching: no thread");
    }
}

fn fetch(setup: &FetchSetup, events: &Sender<Event>) -> Fetched {
    let subscriptions = match Subscriptions::load() {
        Ok(subscriptions) => subscriptions,
        Err(err) => return Fetched::said(format!("could not read the subscriptions: {err}")),
    };
    if subscriptions.feeds().is_empty() {
        return Fetched::said("no feeds to fetch: subscribe with `byline feeds add URL`");
    }
    let Some(folders) = Folders::from_env() else {
        return Fetched::said("no home folder to keep fetched stories in");
    };
    let options = FetchOptions::new(setup.feeds, folders);
    let progress = |p: crate::feeds::Progress<'_>| {
        let _ = events.send(Event::Msg(Msg::FetchProgress(p.done, p.total)));
    };
    let report = match fetch_all(&subscriptions, &options, progress) {
        Ok(report) => report,
        Err(err) => return Fetched::said(format!("could not fetch: {err}")),
    };
    for feed in report.feeds.iter().filter(|f| changed(f)) {
        let loaded = load_file(&feed.file, &setup.load);
        let file = display_name(&feed.file);
        let _ = events.send(Event::Msg(Msg::File(FileChange::Loaded { file, loaded })));
    }
    summarise(&report.feeds, &report.problems)
}

/// Whether a feed's file holds stories the reader has not seen.
fn changed(feed: &FeedReport) -> bool {
    matches!(feed.outcome, Outcome::Fetched { new, changed, .. } if new + changed > 0)
}

/// "12 feeds: 30 new stories, 2 changed · 1 failed (p shows why)".
fn summarise(feeds: &[FeedReport], problems: &[String]) -> Fetched {
    let (mut new, mut updated, mut failed) = (0, 0, 0);
    let mut found = Vec::new();
    for feed in feeds {
        let url: Arc<str> = Arc::from(feed.url.as_str());
        match &feed.outcome {
            Outcome::Fetched {
                new: n, changed, ..
            } => (new, updated) = (new + n, updated + changed),
            Outcome::Failed(err) => {
                failed += 1;
                found.push(Problem::new(&url, Place::File, err.to_string()));
            }
            Outcome::NotModified { .. } | Outcome::Deferred { .. } => {}
        }
        found.extend(
            feed.problems
                .iter()
                .map(|p| Problem::new(&url, Place::File, p.clone())),
        );
    }
    let feeds_file: Arc<str> = Arc::from("feeds.toml");
    found.extend(
        problems
            .iter()
            .map(|p| Problem::new(&feeds_file, Place::File, p.clone())),
    );
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut summary = format!(
        "fetched {}: {}, {updated} changed",
        plural(feeds.len(), "feed", "feeds"),
        plural(new, "new story", "new stories"),
    );
    if failed > 0 {
        let _ = write!(summary, " · {failed} failed");
    }
    if !found.is_empty() {
        summary.push_str(" (p shows why)");
    }
    Fetched {
        summary,
        problems: found,
    }
}

/// `fetch_every`: asks for a fetch now and then every `minutes` until the
/// reader is gone.
pub fn fetch_every(minutes: u32, events: Sender<Event>) {
    if minutes == 0 {
        return;
    }
    let every = Duration::from_secs(u64::from(minutes) * 60);
    let spawned = thread::Builder::new()
        .name("byline-fetch-timer".into())
        .spawn(move || {
            while events.send(Event::Msg(Msg::FetchDue)).is_ok() {
                thread::sleep(every);
            }
        });
    drop(spawned);
}

/// `t`: reads story `article`'s web page at `url` on a thread of its own
/// and sends [`Msg::FullText`].
pub fn full_text_in_background(
    article: usize,
    url: String,
    feeds: FeedSettings,
    events: Sender<Event>,
) {
    let spawned = thread::Builder::new()
        .name("byline-full-text".into())
        .spawn(move || {
            let text = match Folders::from_env() {
                Some(folders) => {
                    let options = FetchOptions::new(feeds, folders);
                    full_text(&url, &options).map_err(|e| e.to_string())
                }
                None => Err("no home folder to keep the page in".into()),
            };
            let _ = events.send(Event::Msg(Msg::FullText { article, url, text }));
        });
    drop(spawned);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feeds::FetchError;
    use std::path::PathBuf;

    fn report(url: &str, outcome: Outcome) -> FeedReport {
        FeedReport {
            url: url.into(),
            name: url.into(),
            outcome,
            problems: Vec::new(),
            file: PathBuf::from("feed.jsonl"),
        }
    }

    fn fetched(new: usize, changed: usize) -> Outcome {
        Outcome::Fetched {
            new,
            changed,
            unchanged: 0,
            dropped: 0,
            stories: new + changed,
        }
    }

    #[test]
    fn the_summary_counts_stories_and_failures() {
        let feeds = [
            report("https://a.example/rss", fetched(3, 1)),
            report("https://b.example/rss", Outcome::NotModified { stories: 9 }),
            report(
                "https://c.example/rss",
                Outcome::Failed(FetchError::Timeout(30)),
            ),
        ];
        let done = summarise(&feeds, &[]);
        assert_eq!(
            done.summary,
            "fetched 3 feeds: 3 new stories, 1 changed · 1 failed (p shows why)"
        );
        assert_eq!(done.problems.len(), 1);
        assert_eq!(&*done.problems[0].file, "https://c.example/rss");
        assert!(changed(&feeds[0]) && !changed(&feeds[1]) && !changed(&feeds[2]));
        let one = summarise(&[report("https://a.example/rss", fetched(1, 0))], &[]);
        assert_eq!(one.summary, "fetched 1 feed: 1 new story, 0 changed");
    }
}
