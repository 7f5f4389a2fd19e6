//! `byline._native`: the byline library for Python. The package around it
//! (`python/byline/`) re-exports these and adds the tables and the Dask
//! and Spark helpers, in Python.
//!
//! Every function copies what it is given out of Python objects, then
//! works with the interpreter released; many articles are analysed on the
//! rayon pool `byline extract` uses, and handed back in input order.

mod given;
mod iterating;
mod job;
mod offsets;
mod ordered;
mod outcome;
mod pool;
mod reading;
mod settings;

use job::{Given, Want};
use ordered::Extracting;
use pyo3::exceptions::{PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use reading::Reading;
use std::path::PathBuf;

pyo3::create_exception!(
    byline,
    Problem,
    PyValueError,
    "An article byline could not read: its `reason` in words, and its `index` \
     in the input of `extract_many` (None for `extract`). `extract` raises it; \
     `extract_many` yields it in the article's place and goes on."
);

pyo3::create_exception!(
    byline,
    LoadWarning,
    PyUserWarning,
    "Something byline left out while reading an article (a field of the wrong \
     type) or a file (a broken line), as `byline extract` reports it on \
     standard error. The rest was read."
);

/// Finds the people, quotes and speakers of one article.
///
/// `article` is a str (the body) or a dict in any shape byline reads from
/// files: its own (`title`, `body`, `source`, `author`, `published`, …),
/// NewsAPI, news-please, JSON Feed, trafilatura and the rest (see
/// docs/formats.md).
///
/// Returns a dict with the fields of a `byline extract` line: `id`,
/// `title`, `source`, `published`, `authors`, `url`, `truncated`, `people`
/// (`name`, `kind`, `role`, `aliases`, `mentions`) and `quotes` (`text`, `start`, `end`,
/// `speaker`, `cue`). `start`/`end` are UTF-8 byte offsets into the body as
/// byline holds it (cleaned, HTML converted); each quote also has
/// `char_start`/`char_end`, the same span as Python str indexes. With
/// `include_body=True` the dict has that `body` too, so that
/// `body[q["char_start"]:q["char_end"]] == q["text"]`.
///
/// Raises `byline.Problem` (a ValueError) for an article byline cannot
/// read, TypeError for something that is not an article.
#[pyfunction]
#[pyo3(signature = (article, *, include_body = false))]
fn extract(py: Python<'_>, article: &Bound<'_, PyAny>, include_body: bool) -> PyResult<Py<PyAny>> {
    let given = given::article(article);
    if let Given::Bad(reason) = given {
        return Err(PyTypeError::new_err(reason));
    }
    let outcome = py.detach(|| job::run(given, byline::article::Place::File, Want::Record));
    let result = outcome::to_python(py, outcome, None, include_body)?;
    if result.bind(py).is_instance_of::<Problem>() {
        return Err(PyErr::from_value(result.into_bound(py)));
    }
    Ok(result)
}

/// Extracts many articles on all cores, yielding results in input order.
///
/// `articles` is any iterable of what `extract` takes (str bodies or
/// dicts; an endless generator is fine: a few dozen articles a thread are
/// read ahead, no more). The analysis runs with the GIL released, on
/// `threads` threads (None: one a core, or RAYON_NUM_THREADS).
///
/// Each result is `extract`'s dict; an article that cannot be read yields
/// a `byline.Problem` in its place (with its `index`), and the stream goes
/// on. An exception raised by the iterable itself is raised in its turn.
#[pyfunction]
#[pyo3(signature = (articles, threads = None, *, include_body = false))]
fn extract_many(
    articles: &Bound<'_, PyAny>,
    threads: Option<usize>,
    include_body: bool,
) -> PyResult<Extracting> {
    Extracting::new(articles, threads, Want::Record, include_body)
}

/// `byline extract` as a map over lines: each item is one article object's
/// JSON text (a line of JSON Lines, str or bytes) and each result the line
/// `byline extract` prints for it, byte for byte, or a `byline.Problem`.
/// In input order, on `threads` threads, as `extract_many`. For Dask
/// bags and Spark partitions of JSON Lines.
#[pyfunction]
#[pyo3(signature = (lines, threads = None))]
fn extract_lines(lines: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<Extracting> {
    Extracting::new(lines, threads, Want::Line, false)
}

/// The articles of a file or folder (or a list of them), as dicts.
///
/// Reads every format `byline` reads: JSON, arrays, JSON Lines of any
/// size, the news tools' and APIs' shapes, HTML bodies, newsboat's and
/// russ's caches; a folder is walked for .json, .jsonl and .ndjson files.
/// Each dict has `id`, `title`, `subtitle`, `body` (as byline holds it),
/// `source`, `authors`, `published`, `url`, `images`, `truncated`, `read`
/// and `origin` ("file:line"), and goes back into `extract` as it is.
///
/// Articles stream in as the files are read. A path that does not exist
/// raises FileNotFoundError; a problem inside a file is a
/// `byline.LoadWarning`, and the good articles are still read.
#[pyfunction]
fn read(paths: &Bound<'_, PyAny>) -> PyResult<Reading> {
    let paths = match paths.extract::<PathBuf>() {
        Ok(path) => vec![path],
        Err(_) => paths.extract::<Vec<PathBuf>>().map_err(|_| {
            PyTypeError::new_err("expected a path (str or os.PathLike) or a list of paths")
        })?,
    };
    Reading::start(paths)
}

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_lines, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_class::<Extracting>()?;
    m.add_class::<Reading>()?;
    m.add("Problem", m.py().get_type::<Problem>())?;
    m.add("LoadWarning", m.py().get_type::<LoadWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
