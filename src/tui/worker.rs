//! The loader thread: inputs read in order, each batch of articles sent to
//! the UI thread as it is parsed, until everything is read or the reader
//! stops. A panic in the loader is caught and shown as a problem rather
//! than tearing the screen down. The analysis threads are in
//! [`analyser`](super::analyser).

use super::app::Msg;
use super::runtime::Event;
use crate::article::{Input, Loaded, Options, Place, Problem, load_while_with};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

/// Reads every input on a thread, sending articles as they are parsed;
/// stops reading as soon as `stop` is set or nobody listens.
pub fn spawn_loader(
    inputs: Vec<Input>,
    options: Options,
    events: Sender<Event>,
    stop: Arc<AtomicBool>,
) -> std::io::Result<()> {
    thread::Builder::new()
        .name("byline-load".into())
        .spawn(move || {
            let sent = catch_unwind(AssertUnwindSafe(|| {
                load_while_with(&inputs, &options, |batch| {
                    !stop.load(Ordering::Relaxed)
                        && events.send(Event::Msg(Msg::Loaded(batch))).is_ok()
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

/// What a caught panic said.
pub fn panic_text(panic: &Box<dyn Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".to_owned())
}
