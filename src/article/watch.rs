//! Watching the opened files and folders for new, changed and deleted
//! article files, so a library that grows shows up without a restart.
//!
//! 1. [`Watcher::start`] asks the system (through `notify`) to report every
//!    change under each folder, and for each file named on its own, in the
//!    folder that holds it (an editor's save replaces the file);
//! 2. a thread gathers the reports per file and waits until a file has been
//!    quiet for [`QUIET`] (at most [`MAX_DELAY`] after its first report), so
//!    a file being written is read once, when it is done;
//! 3. each file that settled is read again with [`load_file`], the same
//!    reading as at start (same ids, same problems), and sent as a
//!    [`WatchEvent`]; a file that is gone is sent as [`WatchEvent::Removed`].
//!
//! Only what the loader would have read counts: `.json`, `.jsonl` and
//! `.ndjson` files, hidden entries skipped.

use super::load::{Loaded, Options, load_file};
use super::walk::{display_name, files_under};
use notify::event::{Event, EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// A file is read once it has had no change for this long…
pub const QUIET: Duration = Duration::from_millis(200);
/// …or this long after its first change, if it keeps changing.
pub const MAX_DELAY: Duration = Duration::from_millis(700);

/// Whether a file is new to byline or one it had read before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A file byline had not read.
    Added,
    /// A file it had read, changed since.
    Changed,
}

/// What the watcher reports.
#[derive(Debug)]
pub enum WatchEvent {
    /// A file appeared or changed: every article in it as it is now, and
    /// the problems reading it. Its articles replace those whose
    /// `origin.file` is `file`.
    Loaded {
        /// The file as the articles' `origin.file` names it.
        file: Arc<str>,
        /// Its path on disk.
        path: PathBuf,
        /// New, or changed.
        change: Change,
        /// Its articles and problems.
        loaded: Loaded,
    },
    /// A file that had been read is gone.
    Removed {
        /// The file as the articles' `origin.file` names it.
        file: Arc<str>,
        /// Its path on disk.
        path: PathBuf,
    },
    /// The system could not watch something (a folder, too many folders);
    /// watching goes on for the rest.
    Error(String),
}

/// Why watching could not start at all.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The system's watcher failed to start.
    #[error("cannot watch for changes: {0}")]
    Notify(#[from] notify::Error),
    /// The thread could not be spawned.
    #[error("cannot start the watching thread: {0}")]
    Thread(#[from] std::io::Error),
}

/// Watches while it lives; dropping it stops the watching thread.
#[derive(Debug)]
pub struct Watcher {
    _watcher: RecommendedWatcher,
}

impl Watcher {
    /// Watches `paths` (files or folders, as given to the loader) and sends
    /// what changes to `events`, as anything a [`WatchEvent`] converts into
    /// (the reader's own event type, or `WatchEvent` itself). A path that
    /// cannot be watched is reported on `events` and skipped.
    ///
    /// It walks the folders once, as the loader does, so call it off the
    /// UI thread for a large library; start it before loading (or with it)
    /// and no change falls between the two.
    pub fn start<T>(
        paths: &[PathBuf],
        options: Options,
        events: Sender<T>,
    ) -> Result<Watcher, WatchError>
    where
        T: From<WatchEvent> + Send + 'static,
    {
        let (raw, inbox) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(raw)?;
        let mut roots = Vec::new();
        for path in paths {
            match Root::new(path).and_then(|root| {
                watcher.watch(&root.watched(), root.mode())?;
                Ok(root)
            }) {
                Ok(root) => roots.push(root),
                Err(err) => {
                    let message = format!("{}: not watched ({err})", display_name(path));
                    let _ = events.send(T::from(WatchEvent::Error(message)));
                }
            }
        }
        let mut gatherer = Gatherer {
            known: HashMap::new(),
            roots,
            pending: Debounce::default(),
            options,
            send: move |event| events.send(T::from(event)).is_ok(),
        };
        // The files there now, to tell new files from changed ones later.
        gatherer.known = gatherer.present_files();
        std::thread::Builder::new()
            .name("byline-watch".to_owned())
            .spawn(move || gatherer.run(&inbox))?;
        Ok(Watcher { _watcher: watcher })
    }
}

/// A path the user opened, as given (the names articles carry) and as the
/// system reports it (absolute, or with links resolved).
#[derive(Debug)]
struct Root {
    given: PathBuf,
    absolute: PathBuf,
    real: Option<PathBuf>,
    folder: bool,
}

impl Root {
    fn new(given: &Path) -> notify::Result<Root> {
        let meta = std::fs::metadata(given).map_err(notify::Error::io)?;
        let absolute = std::path::absolute(given).map_err(notify::Error::io)?;
        Ok(Root {
            given: given.to_owned(),
            real: absolute.canonicalize().ok(),
            absolute,
            folder: meta.is_dir(),
        })
    }

    /// A folder is watched itself; a file through its folder, so that a
    /// file replaced by a rename is still seen.
    fn watched(&self) -> PathBuf {
        if self.folder {
            return self.absolute.clone();
        }
        self.absolute
            .parent()
            .map_or_else(|| self.absolute.clone(), Path::to_owned)
    }

    fn mode(&self) -> RecursiveMode {
        if self.folder {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        }
    }

    /// The reported path under the name the loader gave it, if this root
    /// covers it: the file itself, or anything below the folder that is
    /// not hidden.
    fn given_name(&self, reported: &Path) -> Option<PathBuf> {
        let bases = std::iter::once(&self.absolute).chain(&self.real);
        if !self.folder {
            let base_matches = bases.into_iter().any(|b| b == reported);
            return base_matches.then(|| self.given.clone());
        }
        let rest = bases
            .into_iter()
            .find_map(|base| reported.strip_prefix(base).ok())?;
        let hidden = rest.components().any(|c| match c {
            Component::Normal(name) => name.to_string_lossy().starts_with('.'),
            _ => true,
        });
        (!hidden).then(|| self.given.join(rest))
    }
}

/// Is this a file name the loader reads in a folder?
fn is_article_name(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str());
    ext.is_some_and(|e| {
        ["json", "jsonl", "ndjson"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// The files reported on, each with when it was first and last reported.
#[derive(Debug, Default)]
struct Debounce {
    pending: HashMap<PathBuf, (Instant, Instant)>,
}

impl Debounce {
    fn add(&mut self, path: PathBuf, now: Instant) {
        self.pending
            .entry(path)
            .and_modify(|(_, last)| *last = now)
            .or_insert((now, now));
    }

    fn due_at(first: Instant, last: Instant) -> Instant {
        (last + QUIET).min(first + MAX_DELAY)
    }

    /// When the next file settles.
    fn next_due(&self) -> Option<Instant> {
        self.pending
            .values()
            .map(|&(first, last)| Self::due_at(first, last))
            .min()
    }

    /// The files settled by `now`, in name order.
    fn take_due(&mut self, now: Instant) -> Vec<PathBuf> {
        let mut due: Vec<PathBuf> = self
            .pending
            .iter()
            .filter(|&(_, &(first, last))| Self::due_at(first, last) <= now)
            .map(|(path, _)| path.clone())
            .collect();
        due.sort();
        for path in &due {
            self.pending.remove(path);
        }
        due
    }
}

/// The watching thread's state: the files read so far (by their given
/// names), the roots, the files waiting to settle, and where to send.
struct Gatherer<S> {
    /// Each file read, by its given name, with its real path: a second
    /// way to one file (a link to a folder above) is not a second file.
    known: HashMap<PathBuf, PathBuf>,
    roots: Vec<Root>,
    pending: Debounce,
    options: Options,
    send: S,
}

impl<S: FnMut(WatchEvent) -> bool> Gatherer<S> {
    /// Runs until the watcher is dropped (its channel closes) or nobody
    /// listens any more.
    fn run(&mut self, inbox: &Receiver<notify::Result<Event>>) {
        loop {
            let received = match self.pending.next_due() {
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(due) => inbox.recv_timeout(due.saturating_duration_since(Instant::now())),
            };
            match received {
                Ok(Ok(event)) => self.note(&event, Instant::now()),
                Ok(Err(err)) => {
                    if !(self.send)(WatchEvent::Error(err.to_string())) {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            for path in self.pending.take_due(Instant::now()) {
                if !self.report(path) {
                    return;
                }
            }
        }
    }

    /// Files an event touches join the waiting list.
    fn note(&mut self, event: &Event, now: Instant) {
        if event.need_rescan() {
            // Reports were lost: every file there is or was may have changed.
            let all: Vec<PathBuf> = self
                .present_files()
                .into_keys()
                .chain(self.known.keys().cloned())
                .collect();
            for path in all {
                self.pending.add(path, now);
            }
            return;
        }
        // Reading a file (ours included) and touching it change nothing in it.
        if matches!(
            event.kind,
            EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
        ) {
            return;
        }
        for reported in &event.paths {
            for path in self.touched(reported) {
                self.pending.add(path, now);
            }
        }
    }

    /// The article files behind one reported path: the file, the files in
    /// a folder that appeared, or the known files under one that went.
    fn touched(&self, reported: &Path) -> Vec<PathBuf> {
        let Some(given) = self.roots.iter().find_map(|r| r.given_name(reported)) else {
            return Vec::new();
        };
        if given.is_dir() {
            // Files changed in it report themselves; those moved in with it
            // may not have.
            let (files, _) = files_under(&given, &self.options.limits);
            return files
                .into_iter()
                .map(|f| f.path)
                .filter(|f| !self.known.contains_key(f) && !self.is_known_file(f))
                .collect();
        }
        if is_article_name(&given)
            || self.known.contains_key(&given)
            || self.roots.iter().any(|r| r.given == given)
        {
            return vec![given];
        }
        // A folder that went away takes its files with it.
        self.known
            .keys()
            .filter(|k| k.starts_with(&given))
            .cloned()
            .collect()
    }

    /// Sends what became of one settled file; false when nobody listens.
    fn report(&mut self, path: PathBuf) -> bool {
        let file = display_name(&path);
        if path.is_file() {
            if !self.known.contains_key(&path) && self.is_known_file(&path) {
                return true;
            }
            let real = path.canonicalize().unwrap_or_else(|_| path.clone());
            let change = if self.known.insert(path.clone(), real).is_none() {
                Change::Added
            } else {
                Change::Changed
            };
            let loaded = load_file(&path, &self.options);
            (self.send)(WatchEvent::Loaded {
                file,
                path,
                change,
                loaded,
            })
        } else if self.known.remove(&path).is_some() {
            (self.send)(WatchEvent::Removed { file, path })
        } else {
            true
        }
    }

    /// Every article file under the roots now, by given name.
    fn present_files(&self) -> HashMap<PathBuf, PathBuf> {
        self.roots
            .iter()
            .flat_map(|root| files_under(&root.given, &self.options.limits).0)
            .map(|f| {
                let real = f.path.canonicalize().unwrap_or_else(|_| f.path.clone());
                (f.path, real)
            })
            .collect()
    }

    /// Whether the file at `path` is one already read under another name.
    fn is_known_file(&self, path: &Path) -> bool {
        path.canonicalize()
            .is_ok_and(|real| self.known.values().any(|known| *known == real))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_settles_when_quiet_or_at_the_latest_after_max_delay() {
        let start = Instant::now();
        let mut debounce = Debounce::default();
        let path = PathBuf::from("news/a.json");
        debounce.add(path.clone(), start);
        assert_eq!(debounce.next_due(), Some(start + QUIET));
        assert!(debounce.take_due(start + QUIET / 2).is_empty());
        // It keeps being written: each report pushes it back, up to MAX_DELAY.
        let mut now = start;
        while now < start + MAX_DELAY {
            now += QUIET / 2;
            debounce.add(path.clone(), now);
        }
        assert_eq!(debounce.next_due(), Some(start + MAX_DELAY));
        assert_eq!(debounce.take_due(start + MAX_DELAY), vec![path]);
        assert_eq!(debounce.next_due(), None);
        assert!(
            MAX_DELAY < Duration::from_secs(1),
            "new files show within a second"
        );
    }

    #[test]
    fn reported_paths_take_the_names_the_loader_gave() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("news")).unwrap();
        let given = dir.path().join("news");
        let root = Root::new(&given).unwrap();
        let real = given.canonicalize().unwrap();
        assert_eq!(
            root.given_name(&real.join("a.json")),
            Some(given.join("a.json"))
        );
        assert_eq!(
            root.given_name(&real.join("sub/b.jsonl")),
            Some(given.join("sub/b.jsonl"))
        );
        assert_eq!(root.given_name(&real.join(".a.json.swp")), None);
        assert_eq!(root.given_name(&real.join(".git/x.json")), None);
        assert_eq!(root.given_name(dir.path()), None);
    }

    #[test]
    fn article_names() {
        for (name, yes) in [
            ("a.json", true),
            ("b.JSONL", true),
            ("c.ndjson", true),
            ("d.txt", false),
            ("e", false),
        ] {
            assert_eq!(is_article_name(Path::new(name)), yes, "{name}");
        }
    }
}
