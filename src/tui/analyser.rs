//! The analysis threads: one for the story on screen, which never waits
//! behind the library, and a few for the rest of the library (one core is
//! left to the reader and the story on screen). Each result is boiled down
//! to a [`Digest`] on the thread that made it; background results go to the
//! UI thread in batches, about ten a second, so that analysing 100,000
//! stories does not wake the screen 100,000 times. Dropping the
//! [`Analyser`] stops every thread after the story it is on.

use super::app::Msg;
use super::digest::{Digest, Interner};
use super::indexer::{self, Fed};
use super::runtime::Event;
use super::worker::panic_text;
use crate::article::{Article, Problem};
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// Background results are held back at most this long.
const BATCH_TIME: Duration = Duration::from_millis(100);

/// No story is wanted on screen.
const NONE: usize = usize::MAX;

type Work = (usize, Arc<Article>);

/// What the threads share.
struct Shared {
    names: Mutex<Interner>,
    /// Which stories some thread has taken (or finished).
    taken: Mutex<Vec<bool>>,
    queue: Mutex<VecDeque<Work>>,
    /// Signalled when work is queued or the analyser stops.
    ready: Condvar,
    stop: AtomicBool,
    /// The story on screen, sent at once by whichever thread analyses it.
    wanted: AtomicUsize,
    events: Sender<Event>,
    /// The index thread, when the library is indexed.
    index: Option<Sender<Fed>>,
}

/// A mutex's data even if a thread panicked while holding it: every
/// critical section here leaves the data consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Takes a story for analysis; false if it is taken already.
    fn take(&self, index: usize) -> bool {
        let mut taken = lock(&self.taken);
        if taken.len() <= index {
            taken.resize(index + 1, false);
        }
        !std::mem::replace(&mut taken[index], true)
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// The next story of the background queue; `None` once stopped.
    fn next(&self) -> Option<Work> {
        let mut queue = lock(&self.queue);
        loop {
            if self.stopped() {
                return None;
            }
            if let Some(work) = queue.pop_front() {
                return Some(work);
            }
            queue = self
                .ready
                .wait(queue)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Analyses a story and digests it, handing the analysis on to the
    /// index; a panic becomes a problem shown in the problems panel, and
    /// the story an empty digest.
    fn digest(&self, index: usize, article: &Arc<Article>) -> Digest {
        match catch_unwind(AssertUnwindSafe(|| crate::analyse_article(article))) {
            Ok(analysis) => {
                let digest = Digest::new(&article.body, &analysis, &mut lock(&self.names));
                if let Some(feed) = &self.index {
                    let _ = feed.send((index, Arc::clone(article), analysis));
                }
                digest
            }
            Err(panic) => {
                let reason = format!(
                    "could not analyse “{}”: {}",
                    article.title,
                    panic_text(&panic)
                );
                let problem = Problem::new(&article.origin.file, article.origin.place, reason);
                let _ = self.events.send(Event::Msg(Msg::Problem(problem)));
                Digest::default()
            }
        }
    }

    /// False once nobody listens.
    fn send(&self, digests: Vec<(usize, Digest)>) -> bool {
        digests.is_empty() || self.events.send(Event::Msg(Msg::Analysed(digests))).is_ok()
    }
}

/// The analysis threads' inbox.
pub struct Analyser {
    now: Sender<Work>,
    shared: Arc<Shared>,
}

impl Analyser {
    /// Starts the threads: one for the story on screen and `background`
    /// for the library (none: only stories asked for are analysed).
    #[cfg(test)]
    pub fn spawn(events: Sender<Event>, background: usize) -> std::io::Result<Analyser> {
        Self::spawn_with(events, background, None)
    }

    /// As `spawn`, also building the speaker index of the
    /// library on a thread of its own.
    pub fn spawn_indexing(events: Sender<Event>, background: usize) -> std::io::Result<Analyser> {
        let feed = indexer::spawn(events.clone())?;
        Self::spawn_with(events, background, Some(feed))
    }

    fn spawn_with(
        events: Sender<Event>,
        background: usize,
        index: Option<Sender<Fed>>,
    ) -> std::io::Result<Analyser> {
        let shared = Arc::new(Shared {
            names: Mutex::new(Interner::default()),
            taken: Mutex::new(Vec::new()),
            queue: Mutex::new(VecDeque::new()),
            ready: Condvar::new(),
            stop: AtomicBool::new(false),
            wanted: AtomicUsize::new(NONE),
            events,
            index,
        });
        let (now, inbox) = channel();
        let urgent = Arc::clone(&shared);
        thread::Builder::new()
            .name("byline-analyse".into())
            .spawn(move || urgent_loop(&inbox, &urgent))?;
        for n in 0..background {
            let shared = Arc::clone(&shared);
            thread::Builder::new()
                .name(format!("byline-analyse-{n}"))
                .spawn(move || background_loop(&shared))?;
        }
        Ok(Analyser { now, shared })
    }

    /// How many background threads suit this machine: all cores but one.
    pub fn background_threads() -> usize {
        thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
    }

    /// Analyse this one next: it is on screen.
    pub fn now(&self, index: usize, article: Arc<Article>) {
        self.shared.wanted.store(index, Ordering::Relaxed);
        let _ = self.now.send((index, article));
    }

    /// Analyse these again (they changed), first of the background's work.
    pub fn again(&self, articles: Vec<Work>) {
        {
            let mut taken = lock(&self.shared.taken);
            for (index, _) in &articles {
                if let Some(slot) = taken.get_mut(*index) {
                    *slot = false;
                }
            }
        }
        let mut queue = lock(&self.shared.queue);
        for work in articles.into_iter().rev() {
            queue.push_front(work);
        }
        drop(queue);
        self.shared.ready.notify_all();
    }

    /// Analyse these, in order, when nothing is more urgent.
    pub fn later(&self, articles: Vec<Work>) {
        lock(&self.shared.queue).extend(articles);
        self.shared.ready.notify_all();
    }
}

impl Drop for Analyser {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        // Taking the lock orders the flag before any thread's next wait.
        drop(lock(&self.shared.queue));
        self.shared.ready.notify_all();
    }
}

/// The story on screen: only the latest request counts (the reader may
/// have moved on past the others, which the background will reach).
fn urgent_loop(inbox: &Receiver<Work>, shared: &Shared) {
    while let Ok(mut work) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            work = newer;
        }
        if shared.stopped() {
            return;
        }
        let (index, article) = work;
        if shared.take(index) && !shared.send(vec![(index, shared.digest(index, &article))]) {
            return;
        }
    }
}

/// The library, a story at a time, in batches.
fn background_loop(shared: &Shared) {
    let mut batch = Vec::new();
    let mut sent = Instant::now();
    while let Some((index, article)) = shared.next() {
        // A story taken already (the one on screen) is skipped, but the
        // batch may still be due: the queue may be empty after it.
        let fresh = shared.take(index);
        if fresh {
            batch.push((index, shared.digest(index, &article)));
        }
        // The story on screen goes at once; the rest wait for company.
        let wanted = fresh && shared.wanted.load(Ordering::Relaxed) == index;
        let idle = lock(&shared.queue).is_empty();
        if wanted || idle || sent.elapsed() >= BATCH_TIME {
            if !shared.send(std::mem::take(&mut batch)) {
                return;
            }
            sent = Instant::now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    fn digests(inbox: &Receiver<Event>, want: usize) -> Vec<usize> {
        let mut got = Vec::new();
        while got.len() < want {
            match inbox.recv_timeout(Duration::from_secs(10)) {
                Ok(Event::Msg(Msg::Analysed(batch))) => got.extend(batch.iter().map(|(i, _)| *i)),
                Ok(_) => {}
                Err(err) => panic!("{err}: got {got:?}"),
            }
        }
        got
    }

    #[test]
    fn every_story_is_analysed_once_and_the_one_on_screen_first() {
        let (events, inbox) = channel();
        let analyser = Analyser::spawn(events, 2).unwrap();
        let articles: Vec<_> = fixture::stories()
            .into_iter()
            .map(|(a, _)| Arc::new(a))
            .collect();
        analyser.now(2, Arc::clone(&articles[2]));
        assert_eq!(digests(&inbox, 1), [2]);
        let all = articles.iter().cloned().enumerate().collect();
        analyser.later(all);
        let mut rest = digests(&inbox, 3);
        rest.sort_unstable();
        assert_eq!(rest, [0, 1, 3]);
        assert!(
            inbox.recv_timeout(Duration::from_millis(200)).is_err(),
            "nothing twice"
        );
    }

    #[test]
    fn a_batch_is_sent_when_the_queue_ends_on_a_story_taken_already() {
        let (events, inbox) = channel();
        let analyser = Analyser::spawn(events, 1).unwrap();
        let articles: Vec<_> = fixture::stories()
            .into_iter()
            .map(|(a, _)| Arc::new(a))
            .collect();
        analyser.now(1, Arc::clone(&articles[1]));
        assert_eq!(digests(&inbox, 1), [1]);
        // The last in the queue is the one on screen, analysed already:
        // the batch before it must not wait for more work.
        analyser.later(vec![
            (0, Arc::clone(&articles[0])),
            (1, Arc::clone(&articles[1])),
        ]);
        assert_eq!(digests(&inbox, 1), [0]);
    }

    #[test]
    fn a_story_that_changed_is_analysed_again() {
        let (events, inbox) = channel();
        let analyser = Analyser::spawn(events, 1).unwrap();
        let article = Arc::new(fixture::stories().remove(0).0);
        analyser.later(vec![(0, Arc::clone(&article))]);
        assert_eq!(digests(&inbox, 1), [0]);
        analyser.now(0, Arc::clone(&article));
        analyser.later(vec![(0, Arc::clone(&article))]);
        assert!(
            inbox.recv_timeout(Duration::from_millis(200)).is_err(),
            "analysed once"
        );
        analyser.again(vec![(0, article)]);
        assert_eq!(digests(&inbox, 1), [0], "a changed story again");
    }

    #[test]
    fn dropping_the_analyser_stops_its_threads() {
        let (events, inbox) = channel();
        let analyser = Analyser::spawn(events, 1).unwrap();
        drop(analyser);
        // Every thread has let go of its sender once it has stopped.
        let started = Instant::now();
        loop {
            match inbox.recv_timeout(Duration::from_secs(5)) {
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                other => assert!(started.elapsed() < Duration::from_secs(5), "{other:?}"),
            }
        }
    }
}
