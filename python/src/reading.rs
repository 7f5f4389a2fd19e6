//! `byline.read`: the articles of files and folders, as dicts, loaded on a
//! thread of their own by the loader `byline extract` uses (every format,
//! folders walked, large JSON Lines streamed) and handed over a batch at a
//! time, so a 500 MB file is never all in memory at once.

use crate::iterating;
use crate::outcome::warn_all;
use crate::settings::options;
use byline::article::{Article, Input, Loaded, Place, load_while_with};
use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

/// Batches read ahead of the caller: enough to hide the loader's pauses.
const READ_AHEAD: usize = 2;

/// The articles of `byline.read`, in the order the files hold them.
#[pyclass(module = "byline")]
pub struct Reading {
    state: Mutex<State>,
}

struct State {
    batches: Receiver<Loaded>,
    articles: VecDeque<Article>,
}

impl Reading {
    /// Starts the loader on `paths`; a path that does not exist is an error
    /// at once, anything wrong inside the files a warning as they are read.
    pub fn start(paths: Vec<PathBuf>) -> PyResult<Self> {
        if let Some(missing) = paths.iter().find(|p| !p.exists()) {
            return Err(PyFileNotFoundError::new_err(format!(
                "{}: no such file or folder",
                missing.display()
            )));
        }
        let inputs: Vec<Input> = paths.into_iter().map(Input::Path).collect();
        let (send, batches) = sync_channel(READ_AHEAD);
        // The loader stops when the caller drops the iterator: its next
        // send fails and the callback says stop.
        std::thread::Builder::new()
            .name("byline-read".to_owned())
            .spawn(move || load_while_with(&inputs, options(), |batch| send.send(batch).is_ok()))
            .map_err(|err| PyRuntimeError::new_err(format!("cannot start the reader: {err}")))?;
        Ok(Reading {
            state: Mutex::new(State {
                batches,
                articles: VecDeque::new(),
            }),
        })
    }
}

#[pymethods]
impl Reading {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let mut state = iterating::take(&self.state, "articles")?;
        loop {
            if let Some(article) = state.articles.pop_front() {
                return Ok(Some(article_dict(py, &article)?.into_any().unbind()));
            }
            let batches = &mut state.batches;
            match py.detach(move || batches.recv_timeout(Duration::from_millis(100))) {
                Ok(batch) => {
                    warn_all(py, &batch.problems)?;
                    state.articles.extend(batch.articles);
                }
                Err(RecvTimeoutError::Timeout) => py.check_signals()?,
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }
}

/// An article as byline holds it: cleaned, its body converted from HTML
/// and its paragraphs joined with a blank line (the text quote offsets
/// point into), metadata read from whichever tool's shape it came in.
/// Handed back to `extract`, it gives the same analysis.
pub fn article_dict<'py>(py: Python<'py>, article: &Article) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("id", &article.id)?;
    dict.set_item("title", &article.title)?;
    dict.set_item("subtitle", &article.subtitle)?;
    dict.set_item("body", &article.body)?;
    dict.set_item("source", &article.source)?;
    dict.set_item("authors", &article.authors)?;
    dict.set_item("published", &article.published)?;
    dict.set_item("url", &article.url)?;
    let images = PyList::empty(py);
    for image in &article.images {
        let item = PyDict::new(py);
        item.set_item("caption", &image.caption)?;
        item.set_item("credit", &image.credit)?;
        images.append(item)?;
    }
    dict.set_item("images", images)?;
    dict.set_item("truncated", article.truncated)?;
    dict.set_item("read", article.read)?;
    dict.set_item("origin", origin(article))?;
    Ok(dict)
}

/// Where the article was read: `news/a.jsonl:3`, `news/b.json [article 2]`.
fn origin(article: &Article) -> String {
    let file = &article.origin.file;
    match article.origin.place {
        Place::File => file.to_string(),
        Place::Line(line) => format!("{file}:{line}"),
        Place::Index(index) => format!("{file} [article {index}]"),
    }
}
