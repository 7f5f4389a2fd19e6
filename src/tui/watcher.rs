//! Watching the opened folders while the reader runs: the watcher
//! (`article::watch`) is started on a thread of its own, since it walks the
//! folders once, and lives until the session stops; what it sees comes to
//! the UI thread as [`Msg::File`].

use super::app::{FileChange, Msg};
use super::runtime::Event;
use crate::article::watch::{WatchEvent, Watcher};
use crate::article::{Place, Problem};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

impl From<WatchEvent> for Event {
    fn from(event: WatchEvent) -> Self {
        Event::Msg(Msg::File(FileChange::from(event)))
    }
}

/// How often the watching thread looks whether the session is over.
const POLL: Duration = Duration::from_millis(100);

/// Watches `paths` until `stop` is set; a failure to start is a problem.
pub fn spawn_watcher(
    paths: Vec<PathBuf>,
    options: crate::article::Options,
    events: Sender<Event>,
    stop: Arc<AtomicBool>,
) {
    let spawned = thread::Builder::new()
        .name("byline-watch-start".into())
        .spawn(
            move || match Watcher::start(&paths, options, events.clone()) {
                Ok(_watcher) => {
                    let _ = events.send(Event::Msg(Msg::File(FileChange::Watching)));
                    while !stop.load(Ordering::Relaxed) {
                        thread::sleep(POLL);
                    }
                }
                Err(err) => {
                    let file = Arc::from("--watch");
                    let problem = Problem::new(&file, Place::File, err.to_string());
                    let _ = events.send(Event::Msg(Msg::Problem(problem)));
                }
            },
        );
    drop(spawned);
}
