//! `extract_many` and `extract_lines`: an iterator that keeps the pool
//! busy and hands results back in input order.
//!
//! Each call to `__next__`:
//! 1. tops up the work in flight to a window (a few dozen articles a
//!    thread), pulling from the caller's iterator with the interpreter held
//!    and copying each item out of Python ([`given`](crate::given)), and
//!    hands them to the pool a chunk at a time;
//! 2. takes the next result in input order, waiting for it with the
//!    interpreter released (so other Python threads run) while the pool
//!    analyses; results that come early wait in a reorder buffer;
//! 3. makes it a Python object ([`outcome`](crate::outcome)).
//!
//! The window bounds memory on an endless iterator, and a result is made a
//! Python object while the pool already works on the next ones. Chunks
//! (a job analyses a few articles and sends their results at once) keep
//! the interpreter's thread from sleeping and waking for every article:
//! one handoff an article cost about a sixth of the CPU time on one
//! thread (the kernel's switches and the channel's lock).

use crate::iterating;
use crate::job::{self, Given, Outcome, Want};
use crate::outcome::to_python;
use crate::pool::Pool;
use byline::article::Place;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// Articles in flight per thread: enough that no thread waits while the
/// interpreter's side converts a result.
const WINDOW_PER_THREAD: usize = 32;

/// Articles a job: a quarter of one thread's window, so each thread still
/// has several jobs queued.
const CHUNK: usize = WINDOW_PER_THREAD / 4;

/// How often a wait looks up from the channel for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// The results of `byline.extract_many` (or `extract_lines`), in input order.
#[pyclass(module = "byline")]
pub struct Extracting {
    state: Mutex<State>,
}

struct State {
    /// The caller's iterator, until it ends or fails.
    input: Option<Py<PyIterator>>,
    /// The caller's iterator failed here: raised in its turn.
    failed: Option<(usize, PyErr)>,
    pool: Pool,
    window: usize,
    /// Each job's first index and its results, in order.
    sent: Sender<(usize, Vec<Outcome>)>,
    got: Receiver<(usize, Vec<Outcome>)>,
    /// Results that came before their turn.
    early: BTreeMap<usize, Outcome>,
    next_in: usize,
    next_out: usize,
    want: Want,
    include_body: bool,
}

impl Extracting {
    pub fn new(
        articles: &Bound<'_, PyAny>,
        threads: Option<usize>,
        want: Want,
        include_body: bool,
    ) -> PyResult<Self> {
        let input = articles.try_iter()?.unbind();
        let pool = Pool::new(threads)?;
        let (sent, got) = channel();
        Ok(Extracting {
            state: Mutex::new(State {
                input: Some(input),
                failed: None,
                window: pool.threads() * WINDOW_PER_THREAD,
                pool,
                sent,
                got,
                early: BTreeMap::new(),
                next_in: 0,
                next_out: 0,
                want,
                include_body,
            }),
        })
    }
}

#[pymethods]
impl Extracting {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let mut state = iterating::take(&self.state, "results")?;
        state.fill(py);
        let Some((index, outcome)) = state.take_next(py)? else {
            return Ok(None);
        };
        to_python(py, outcome, Some(index), state.include_body).map(Some)
    }
}

impl State {
    /// Pulls from the caller's iterator a chunk at a time while a whole
    /// chunk fits in the window (a last short chunk where the input ends).
    fn fill(&mut self, py: Python<'_>) {
        while self.input.is_some() && self.next_in - self.next_out + CHUNK <= self.window {
            let mut chunk = Vec::with_capacity(CHUNK);
            while chunk.len() < CHUNK {
                let Some(input) = &self.input else { break };
                match input.bind(py).clone().next() {
                    None => self.input = None,
                    Some(Err(err)) => {
                        self.failed = Some((self.next_in + chunk.len(), err));
                        self.input = None;
                    }
                    Some(Ok(item)) => chunk.push(match self.want {
                        Want::Record => crate::given::article(&item),
                        Want::Line => crate::given::line(&item),
                    }),
                }
            }
            if !chunk.is_empty() {
                self.send(chunk);
            }
        }
    }

    fn send(&mut self, chunk: Vec<Given>) {
        let (first, want, sent) = (self.next_in, self.want, self.sent.clone());
        self.next_in += chunk.len();
        self.pool.spawn(move || {
            let outcomes = (first..)
                .zip(chunk)
                .map(|(index, given)| {
                    let place = Place::Index(index);
                    catch_unwind(AssertUnwindSafe(|| job::run(given, place, want)))
                        .unwrap_or_else(|_| job::failed(place))
                })
                .collect();
            // The receiver is gone only when the caller dropped the results.
            let _ = sent.send((first, outcomes));
        });
    }

    fn keep(&mut self, first: usize, outcomes: Vec<Outcome>) {
        self.early.extend((first..).zip(outcomes));
    }

    /// The next result in input order; `None` at the end; the caller's
    /// iterator's own error in its turn.
    fn take_next(&mut self, py: Python<'_>) -> PyResult<Option<(usize, Outcome)>> {
        loop {
            let index = self.next_out;
            if let Some(outcome) = self.early.remove(&index) {
                self.next_out += 1;
                return Ok(Some((index, outcome)));
            }
            if let Some((_, err)) = self.failed.take_if(|(at, _)| *at == index) {
                return Err(err);
            }
            if self.next_in == index {
                return Ok(None);
            }
            let got = &mut self.got;
            match py.detach(move || got.recv_timeout(SIGNAL_CHECK)) {
                Ok((first, outcomes)) => {
                    self.keep(first, outcomes);
                    while let Ok((first, outcomes)) = self.got.try_recv() {
                        self.keep(first, outcomes);
                    }
                }
                Err(RecvTimeoutError::Timeout) => py.check_signals()?,
                // Cannot happen while `sent` is held; end rather than spin.
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }
}
