//! Fetching every subscription: a bounded number of threads take feeds
//! from a shared queue, so that a slow or hung feed holds one thread for
//! at most its timeout while the others go on. Each feed is fetched with
//! its validators, read, given its full text where asked, and merged into
//! its file; its outcome goes back to the calling thread, which reports
//! progress and keeps the status records. A feed's failure, whatever it
//! is (a panic included), costs that feed only.

use super::address::{host, is_http};
use super::fulltext::full_text_with;
use super::http::{ACCEPT_FEED, Ask, Client, Reply, Validators};
use super::parse::{Item, parse};
use super::status::{FeedStatus, Statuses};
use super::store::{Seen, Store};
use super::{FetchError, FetchOptions, Subscription, Subscriptions, clock};
use crate::article::sanitize::one_line;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// What one fetch of every feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchReport {
    /// One per feed, in the subscriptions' order.
    pub feeds: Vec<FeedReport>,
    /// Problems of the run itself (the status records not written).
    pub problems: Vec<String>,
}

impl FetchReport {
    /// The feeds that failed.
    pub fn failures(&self) -> impl Iterator<Item = &FeedReport> {
        self.feeds.iter().filter(|f| f.failed())
    }
}

/// What fetching one feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    pub url: String,
    /// The subscription's name, else the feed's title, else its host.
    pub name: String,
    pub outcome: Outcome,
    /// Stories of the feed that did not get everything (full text that
    /// could not be had): each a line naming the story.
    pub problems: Vec<String>,
    /// The JSON Lines file its stories are kept in.
    pub file: PathBuf,
}

impl FeedReport {
    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }
}

/// How a feed's fetch ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The feed came back and was merged into its file.
    Fetched {
        new: usize,
        changed: usize,
        unchanged: usize,
        /// Stories past `keep_days` dropped from the file.
        dropped: usize,
        /// How many its file now holds.
        stories: usize,
    },
    /// `304 Not Modified`: nothing to read, nothing written.
    NotModified {
        stories: usize,
    },
    /// Not asked: its server asked not to be before `until` (ISO 8601).
    Deferred {
        until: String,
    },
    Failed(FetchError),
}

/// One finished feed, for a progress display.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// Feeds finished so far, this one included.
    pub done: usize,
    pub total: usize,
    pub feed: &'a FeedReport,
}

/// Fetches every subscription ([`FetchOptions::settings`]' `concurrency`
/// at a time) and merges each into its file in
/// [`Folders::stories`](super::Folders). `progress` is called on this
/// thread as each feed finishes. Fails as a whole only when nothing can
/// be written or another byline is fetching.
pub fn fetch_all(
    subscriptions: &Subscriptions,
    options: &FetchOptions,
    progress: impl FnMut(Progress<'_>),
) -> Result<FetchReport, FetchError> {
    let feeds = subscriptions.feeds();
    let mut report = fetch_feeds(feeds, options, progress)?;
    // Records of feeds no longer subscribed to are forgotten.
    let mut statuses = Statuses::load(&options.folders);
    let before = statuses.clone();
    statuses.retain(|url| feeds.iter().any(|f| f.url == url));
    if statuses != before
        && let Err(err) = statuses.save(&options.folders)
    {
        report
            .problems
            .push(FetchError::write(&options.folders.status_file(), &err).to_string());
    }
    Ok(report)
}

/// [`fetch_all`] for some of the feeds.
pub fn fetch_feeds(
    feeds: &[Subscription],
    options: &FetchOptions,
    mut progress: impl FnMut(Progress<'_>),
) -> Result<FetchReport, FetchError> {
    let folders = &options.folders;
    for folder in [&folders.stories, &folders.state] {
        std::fs::create_dir_all(folder).map_err(|err| FetchError::write(folder, &err))?;
    }
    let _lock = lock(options)?;
    let mut statuses = Statuses::load(folders);
    let before: Vec<FeedStatus> = feeds
        .iter()
        .map(|f| statuses.get(&f.url).cloned().unwrap_or_default())
        .collect();
    let client = Client::new(options);
    let next = AtomicUsize::new(0);
    let (done_tx, done_rx) = mpsc::channel();
    let mut reports: Vec<Option<FeedReport>> = vec![None; feeds.len()];
    std::thread::scope(|scope| {
        for _ in 0..options.settings.concurrency.clamp(1, feeds.len().max(1)) {
            let done_tx = done_tx.clone();
            let (client, next, before) = (&client, &next, &before);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(feed) = feeds.get(i) else { break };
                    let done = guarded(client, feed, &before[i], options);
                    if done_tx.send((i, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        for (done, (i, (report, status))) in done_rx.into_iter().enumerate() {
            statuses.set(&feeds[i].url, status);
            progress(Progress {
                done: done + 1,
                total: feeds.len(),
                feed: &report,
            });
            reports[i] = Some(report);
        }
    });
    let mut report = FetchReport {
        feeds: reports.into_iter().flatten().collect(),
        problems: Vec::new(),
    };
    if let Err(err) = statuses.save(folders) {
        report
            .problems
            .push(FetchError::write(&folders.status_file(), &err).to_string());
    }
    Ok(report)
}

/// Only one byline fetches at a time: two would write the same files.
fn lock(options: &FetchOptions) -> Result<std::fs::File, FetchError> {
    let path = options.folders.state.join("feeds.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|err| FetchError::write(&path, &err))?;
    // A file system without locks: go on without.
    if let Err(std::fs::TryLockError::WouldBlock) = file.try_lock() {
        return Err(FetchError::Busy(path.display().to_string()));
    }
    Ok(file)
}

/// [`fetch_one`], a panic in it (a bug, in byline or a crate, that a
/// hostile feed found) becoming that feed's failure.
fn guarded(
    client: &Client,
    feed: &Subscription,
    before: &FeedStatus,
    options: &FetchOptions,
) -> (FeedReport, FeedStatus) {
    catch_unwind(AssertUnwindSafe(|| {
        fetch_one(client, feed, before, options)
    }))
    .unwrap_or_else(|_| {
        let mut report = FeedReport::new(feed, before, options);
        let err = FetchError::NotAFeed("byline failed reading it (a bug: please report it)".into());
        let mut status = before.clone();
        status.last_fetch = Some(clock::iso(clock::now()));
        status.failed = true;
        status.last_status = Some(err.to_string());
        report.outcome = Outcome::Failed(err);
        (report, status)
    })
}

impl FeedReport {
    fn new(feed: &Subscription, before: &FeedStatus, options: &FetchOptions) -> Self {
        let name = feed
            .name
            .clone()
            .or_else(|| before.title.clone())
            .or_else(|| host(&feed.url).map(str::to_owned))
            .unwrap_or_else(|| feed.url.clone());
        Self {
            url: feed.url.clone(),
            name,
            outcome: Outcome::NotModified {
                stories: before.stories,
            },
            problems: Vec::new(),
            file: options.folders.stories.join(super::file_name(&feed.url)),
        }
    }
}

/// Fetches one feed: its report, and its new status record.
fn fetch_one(
    client: &Client,
    feed: &Subscription,
    before: &FeedStatus,
    options: &FetchOptions,
) -> (FeedReport, FeedStatus) {
    let now = clock::now();
    let mut report = FeedReport::new(feed, before, options);
    if let Some(until) = before.retry_after.as_deref()
        && clock::parse_iso(until).is_some_and(|until| until > now)
    {
        report.outcome = Outcome::Deferred {
            until: until.to_owned(),
        };
        return (report, before.clone());
    }
    let mut status = FeedStatus {
        last_fetch: Some(clock::iso(now)),
        retry_after: None,
        ..before.clone()
    };
    match fetch_into(client, feed, before, options, now, &mut report) {
        Ok(fetched) => {
            status.failed = false;
            status.last_status = Some(fetched.status);
            status.stories = fetched.stories;
            if let Some(validators) = fetched.validators {
                status.etag = validators.etag;
                status.last_modified = validators.last_modified;
            }
            if let Some(title) = fetched.title {
                if feed.name.is_none() {
                    report.name.clone_from(&title);
                }
                status.title = Some(title);
            }
            report.outcome = fetched.outcome;
        }
        Err(err) => {
            if let FetchError::RetryLater { until, .. } = &err {
                status.retry_after = Some(until.clone());
            }
            status.failed = true;
            status.last_status = Some(err.to_string());
            report.outcome = Outcome::Failed(err);
        }
    }
    (report, status)
}

/// What a successful fetch of a feed leaves.
struct Fetched {
    outcome: Outcome,
    status: String,
    stories: usize,
    /// New validators (`None`: keep the old ones, after a 304).
    validators: Option<Validators>,
    title: Option<String>,
}

fn fetch_into(
    client: &Client,
    feed: &Subscription,
    before: &FeedStatus,
    options: &FetchOptions,
    now: i64,
    report: &mut FeedReport,
) -> Result<Fetched, FetchError> {
    let write_failed = |err: std::io::Error| FetchError::write(&report.file, &err);
    // Without its file, a 304 would leave the feed with no stories.
    let validators = Validators {
        etag: before.etag.clone(),
        last_modified: before.last_modified.clone(),
    };
    let conditional =
        report.file.exists() && (validators.etag.is_some() || validators.last_modified.is_some());
    let ask = Ask {
        accept: ACCEPT_FEED,
        validators: conditional.then_some(&validators),
        cap: options.settings.max_feed_size,
        setting: "max_feed_size",
    };
    let body = match client.get(&feed.url, &ask)? {
        Reply::NotModified => {
            return Ok(Fetched {
                outcome: Outcome::NotModified {
                    stories: before.stories,
                },
                status: "304 Not Modified".to_owned(),
                stories: before.stories,
                validators: None,
                title: None,
            });
        }
        Reply::Body(body) => body,
    };
    let parsed = parse(&body.bytes, body.charset.as_deref(), feed, &clock::iso(now))?;
    let mut store = Store::open(&report.file).map_err(write_failed)?;
    let mut items = parsed.items;
    if feed.full_text {
        for item in &mut items {
            if store.seen(&item.story.fetch.key, &item.story.fetch.hash) != Seen::Same {
                with_full_text(client, item, options, &mut report.problems);
            }
        }
    }
    let counts = store.merge(
        items.into_iter().map(|item| item.story).collect(),
        options.settings.keep_days,
        now,
    );
    store
        .save()
        .map_err(|err| FetchError::write(&report.file, &err))?;
    Ok(Fetched {
        status: format!(
            "{}: {} new, {} changed",
            body.status, counts.new, counts.changed
        ),
        outcome: Outcome::Fetched {
            new: counts.new,
            changed: counts.changed,
            unchanged: counts.unchanged,
            dropped: counts.dropped,
            stories: store.len(),
        },
        stories: store.len(),
        validators: Some(body.validators),
        title: parsed.title,
    })
}

/// Replaces an item's body with its page's article, the feed's summary
/// becoming its subtitle; on failure the summary stays, with a problem.
fn with_full_text(
    client: &Client,
    item: &mut Item,
    options: &FetchOptions,
    problems: &mut Vec<String>,
) {
    let story = &mut item.story;
    let named = format!("story \"{}\"", story.title);
    let full = match item.link.as_deref() {
        None => Err("it has no link".to_owned()),
        Some(link) if !is_http(link) => Err(format!(
            "its link {link} is not an http:// or https:// address and is never opened"
        )),
        Some(link) => full_text_with(client, link, options)
            .map_err(|err| format!("full text of {link}: {err}")),
    };
    match full {
        Ok(full) => {
            let summary = story
                .subtitle
                .take()
                .unwrap_or_else(|| one_line(&story.body));
            story.subtitle = Some(summary).filter(|s| !s.is_empty());
            story.body = full.body;
            story.images = full.images.into_iter().map(Into::into).collect();
            story.fetch.full_text = true;
        }
        Err(why) => problems.push(format!("{named}: {why}; its summary is kept")),
    }
}
