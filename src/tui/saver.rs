//! Saving the reading state off the UI thread. The UI thread hands over a
//! copy when the state changed, at most once every [`EVERY`] (and once more
//! on quit); a thread of its own merges the newest copy with the file
//! (another byline may have saved to it) and writes it atomically through
//! the [`StateStore`], then hands what the file added back to the UI thread
//! ([`Msg::Synced`]), which merges it in: the other byline's marks show,
//! and the next save does not take them back. A write that fails is
//! reported once, in the problems panel; a damaged file found on the way
//! is reported as it is set aside.

use super::app::{App, Msg};
use super::runtime::Event;
use crate::article::{Place, Problem};
use crate::state::{ReadingState, StateStore};
use std::io;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The longest a change waits before it is written.
pub const EVERY: Duration = Duration::from_secs(1);

pub struct Saver {
    copies: Sender<ReadingState>,
    thread: JoinHandle<()>,
    sent: Option<Instant>,
}

impl Saver {
    pub fn spawn(store: StateStore, events: Sender<Event>) -> io::Result<Saver> {
        let (copies, inbox) = channel::<ReadingState>();
        let thread = thread::Builder::new()
            .name("byline-state".into())
            .spawn(move || {
                let mut reported = false;
                while let Ok(mut state) = inbox.recv() {
                    // Only the newest copy matters.
                    while let Ok(newer) = inbox.try_recv() {
                        state = newer;
                    }
                    match store.save(&mut state) {
                        Ok(saved) => {
                            if let Some(problem) = saved.problem {
                                let _ = events.send(Event::Msg(Msg::Problem(problem)));
                            }
                            if !saved.taken.is_blank() {
                                let _ = events.send(Event::Msg(Msg::Synced(saved.taken)));
                            }
                        }
                        Err(err) if !reported => {
                            reported = true;
                            let file = Arc::from(store.file().display().to_string());
                            let problem = Problem::new(&file, Place::File, err.to_string());
                            let _ = events.send(Event::Msg(Msg::Problem(problem)));
                        }
                        Err(_) => {}
                    }
                }
            })?;
        Ok(Saver {
            copies,
            thread,
            sent: None,
        })
    }

    /// Hands a copy of a changed state (reading position included) over,
    /// unless one went less than [`EVERY`] ago: then returns how long to
    /// wait before offering again.
    pub fn offer(&mut self, app: &mut App) -> Option<Duration> {
        if !app.reading.state.is_dirty() && !app.position_moved() {
            return None;
        }
        if let Some(wait) = self
            .sent
            .map(|at| EVERY.saturating_sub(at.elapsed()))
            .filter(|wait| !wait.is_zero())
        {
            return Some(wait);
        }
        app.note_position();
        let state = &mut app.reading.state;
        if state.is_dirty() {
            let _ = self.copies.send(state.clone());
            state.mark_saved();
            self.sent = Some(Instant::now());
        }
        None
    }

    /// Hands over what changed since the last copy and waits for the write.
    pub fn finish(self, app: &mut App) {
        app.note_position();
        let state = &mut app.reading.state;
        if state.is_dirty() {
            let _ = self.copies.send(state.clone());
            state.mark_saved();
        }
        drop(self.copies);
        let _ = self.thread.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture::{self, press};

    #[test]
    fn changes_are_written_at_most_once_a_second_and_on_finish() {
        let dir = tempfile::tempdir().unwrap();
        let (events, _inbox) = channel();
        let mut saver = Saver::spawn(StateStore::new(dir.path()), events).unwrap();
        let mut app = fixture::app(100, 20);
        saver.offer(&mut app);
        assert!(
            !app.reading.state.is_dirty(),
            "the story open is saved at once"
        );
        press(&mut app, "r");
        let wait = saver.offer(&mut app).expect("the next change waits");
        assert!(wait <= EVERY);
        assert!(app.reading.state.is_dirty());
        press(&mut app, "Enter j j j j j j j j j j");
        let id = app.library.articles[0].id.clone();
        assert_eq!(
            app.reading.state.position(&id),
            None,
            "not noted on every key"
        );
        saver.finish(&mut app);
        let restored = StateStore::new(dir.path()).load();
        assert!(restored.problem.is_none());
        assert!(restored.state.is_read(&id, None));
        assert_eq!(restored.state.last_open(), Some(id.as_str()));
        assert!(restored.state.position(&id).is_some(), "noted on finish");
    }

    #[test]
    fn another_bylines_changes_are_taken_in_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (events, inbox) = channel();
        let mut saver = Saver::spawn(StateStore::new(dir.path()), events).unwrap();
        let mut app = fixture::app(100, 20);
        let (first, second) = (
            app.library.articles[0].id.clone(),
            app.library.articles[1].id.clone(),
        );
        // Another byline, on the same folder, stars the second story.
        let other = StateStore::new(dir.path());
        let mut theirs = other.load().state;
        theirs.toggle_star(&second);
        other.save(&mut theirs).unwrap();
        // This one marks the first read and saves: the star comes back.
        press(&mut app, "r");
        saver.offer(&mut app);
        let synced = loop {
            if let Event::Msg(msg @ Msg::Synced(_)) =
                inbox.recv_timeout(Duration::from_secs(10)).unwrap()
            {
                break msg;
            }
        };
        app.update(synced);
        assert!(app.reading.state.is_starred(&second), "shown at once");
        // Then unstars the second story, and quits.
        press(&mut app, "j f");
        saver.finish(&mut app);
        let state = &app.reading.state;
        assert!(state.is_read(&first, None));
        assert!(
            !state.is_starred(&second),
            "this byline's later unstar stands"
        );
        let file = StateStore::new(dir.path()).load().state;
        assert!(file.is_read(&first, None) && !file.is_starred(&second));
    }

    #[test]
    fn a_write_that_fails_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the state's folder should be: it cannot be created.
        let blocked = dir.path().join("byline");
        std::fs::write(&blocked, "").unwrap();
        let (events, inbox) = channel();
        let mut saver = Saver::spawn(StateStore::new(&blocked), events).unwrap();
        let mut app = fixture::app(100, 20);
        saver.offer(&mut app);
        press(&mut app, "r");
        saver.finish(&mut app);
        let problems: Vec<Event> = inbox.try_iter().collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(matches!(&problems[0], Event::Msg(Msg::Problem(_))));
    }
}
