//! The threads that do the slow work off the UI thread: the loader (files
//! read in order, each file's articles sent as one batch) and the analyser
//! (the story on screen first, then the rest of the library in the
//! background, stopped by a flag on quit). A panic in either is caught and
//! shown as a problem rather than tearing the screen down.

use super::app::Msg;
use super::runtime::Event;
use crate::article::{Article, Input, Loaded, Place, Problem, load_each};
use std::any::Any;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

/// Reads every input on a thread, sending each file's articles as read.
pub fn spawn_loader(inputs: Vec<Input>, events: Sender<Event>) -> std::io::Result<()> {
    thread::Builder::new()
        .name("byline-load".into())
        .spawn(move || {
            let sent = catch_unwind(AssertUnwindSafe(|| {
                load_each(&inputs, |batch| {
                    let _ = events.send(Event::Msg(Msg::Loaded(batch)));
                });
            }));
            if let Err(panic) = sent {
                let problem = Problem::new(
                    &Arc::from("(loading)"),
                    Place::File,
                    format!("loading stopped: {}", panic_text(&panic)),
                );
                let batch = Loaded {
                    articles: Vec::new(),
                    problems: vec![problem],
                };
                let _ = events.send(Event::Msg(Msg::Loaded(batch)));
            }
            let _ = events.send(Event::Msg(Msg::LoadDone));
        })?;
    Ok(())
}

enum Work {
    Now(usize, Arc<Article>),
    Later(Vec<(usize, Arc<Article>)>),
}

/// The analysis thread's inbox.
pub struct Analyser {
    work: Sender<Work>,
}

impl Analyser {
    pub fn spawn(events: Sender<Event>, stop: Arc<AtomicBool>) -> std::io::Result<Analyser> {
        let (work, inbox) = channel();
        thread::Builder::new()
            .name("byline-analyse".into())
            .spawn(move || analyse_loop(&inbox, &events, &stop))?;
        Ok(Analyser { work })
    }

    /// Analyse this one next.
    pub fn now(&self, index: usize, article: Arc<Article>) {
        let _ = self.work.send(Work::Now(index, article));
    }

    /// Analyse these when nothing is more urgent.
    pub fn later(&self, articles: Vec<(usize, Arc<Article>)>) {
        let _ = self.work.send(Work::Later(articles));
    }
}

fn analyse_loop(inbox: &Receiver<Work>, events: &Sender<Event>, stop: &AtomicBool) {
    let mut urgent: Vec<(usize, Arc<Article>)> = Vec::new();
    let mut later: VecDeque<(usize, Arc<Article>)> = VecDeque::new();
    let mut done: Vec<bool> = Vec::new();
    let take = |work: Work, urgent: &mut Vec<_>, later: &mut VecDeque<_>| match work {
        Work::Now(index, article) => urgent.push((index, article)),
        Work::Later(articles) => later.extend(articles),
    };
    loop {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if urgent.is_empty() && later.is_empty() {
            match inbox.recv() {
                Ok(work) => take(work, &mut urgent, &mut later),
                Err(_) => return,
            }
        }
        while let Ok(work) = inbox.try_recv() {
            take(work, &mut urgent, &mut later);
        }
        // The latest request is the story on screen now.
        let Some((index, article)) = urgent.pop().or_else(|| later.pop_front()) else {
            continue;
        };
        if done.get(index).copied().unwrap_or(false) {
            continue;
        }
        if done.len() <= index {
            done.resize(index + 1, false);
        }
        done[index] = true;
        if !analyse_one(index, &article, events) {
            return;
        }
    }
}

/// Analyses one story and sends the result; false once nobody listens.
fn analyse_one(index: usize, article: &Article, events: &Sender<Event>) -> bool {
    let analysis = match catch_unwind(AssertUnwindSafe(|| crate::analyse(&article.body))) {
        Ok(analysis) => analysis,
        Err(panic) => {
            let reason = format!(
                "could not analyse “{}”: {}",
                article.title,
                panic_text(&panic)
            );
            let problem = Problem::new(&article.origin.file, article.origin.place, reason);
            let _ = events.send(Event::Msg(Msg::Problem(problem)));
            crate::Analysis::default()
        }
    };
    events
        .send(Event::Msg(Msg::Analysed(index, Arc::new(analysis))))
        .is_ok()
}

fn panic_text(panic: &Box<dyn Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".to_owned())
}
