//! The threads the analysis runs on: rayon, as in `byline extract` — its
//! global pool (as many threads as cores, or `RAYON_NUM_THREADS`) unless
//! the caller asked for a number.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pub enum Pool {
    Global,
    Own(rayon::ThreadPool),
}

impl Pool {
    pub fn new(threads: Option<usize>) -> PyResult<Self> {
        match threads {
            None => Ok(Pool::Global),
            Some(0) => Err(PyValueError::new_err("threads must be 1 or more (or None)")),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("byline-{i}"))
                .build()
                .map(Pool::Own)
                .map_err(|err| PyValueError::new_err(format!("cannot start {n} threads: {err}"))),
        }
    }

    pub fn threads(&self) -> usize {
        match self {
            Pool::Global => rayon::current_num_threads(),
            Pool::Own(pool) => pool.current_num_threads(),
        }
    }

    pub fn spawn(&self, job: impl FnOnce() + Send + 'static) {
        match self {
            Pool::Global => rayon::spawn(job),
            Pool::Own(pool) => pool.spawn(job),
        }
    }
}
