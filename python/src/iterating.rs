//! What the package's iterators share: their state is taken for one
//! `__next__` at a time.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::sync::{Mutex, MutexGuard, TryLockError};

/// The iterator's state, or a RuntimeError when another thread is reading
/// `what` from it. Waiting here, holding the interpreter, could deadlock
/// with the thread that has it; a panic in an earlier call left the state
/// as it was, which is still usable.
pub fn take<'s, T>(state: &'s Mutex<T>, what: &str) -> PyResult<MutexGuard<'s, T>> {
    match state.try_lock() {
        Ok(state) => Ok(state),
        Err(TryLockError::Poisoned(poisoned)) => Ok(poisoned.into_inner()),
        Err(TryLockError::WouldBlock) => Err(PyRuntimeError::new_err(format!(
            "these {what} are being read in another thread"
        ))),
    }
}
