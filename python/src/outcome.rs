//! [`Outcome`] → Python: a record dict (the `byline extract` line's fields,
//! plus character offsets), a line, or a [`Problem`](crate::Problem); the
//! notes on fields left out become warnings, as the CLI prints them on
//! standard error.

use crate::job::{Extracted, Outcome};
use crate::{LoadWarning, Problem};
use byline::extract::Record;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::ffi::CString;

/// The Python object for one outcome; a problem is handed back as an
/// exception instance, not raised (`index`: its place in a stream).
pub fn to_python(
    py: Python<'_>,
    outcome: Outcome,
    index: Option<usize>,
    include_body: bool,
) -> PyResult<Py<PyAny>> {
    match outcome {
        Outcome::Extracted(extracted) => {
            warn_all(py, &extracted.notes)?;
            Ok(record(py, &extracted, include_body)?.into_any().unbind())
        }
        Outcome::Line { line, notes } => {
            warn_all(py, &notes)?;
            Ok(PyString::new(py, &line).into_any().unbind())
        }
        Outcome::Problem { reason, message } => {
            let err = Problem::new_err(message);
            let value = err.value(py);
            value.setattr("index", index)?;
            value.setattr("reason", reason)?;
            Ok(value.clone().into_any().unbind())
        }
    }
}

/// The record as `byline extract` writes it, each quote with
/// `char_start`/`char_end` beside `start`/`end`.
fn record<'py>(
    py: Python<'py>,
    extracted: &Extracted,
    include_body: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let Extracted {
        article,
        analysis,
        chars,
        ..
    } = extracted;
    let record = pythonize::pythonize(py, &Record::new(article, analysis))?;
    let record = record.cast_into::<PyDict>()?;
    if let Some(quotes) = record.get_item("quotes")? {
        for (quote, (start, end)) in quotes.cast::<PyList>()?.iter().zip(chars) {
            quote.set_item("char_start", start)?;
            quote.set_item("char_end", end)?;
        }
    }
    if include_body {
        record.set_item("body", &article.body)?;
    }
    Ok(record)
}

/// Each problem as a [`LoadWarning`], pointing at the caller's line.
pub fn warn_all(py: Python<'_>, problems: &[byline::Problem]) -> PyResult<()> {
    let category = py.get_type::<LoadWarning>();
    for problem in problems {
        let text = CString::new(problem.to_string().replace('\0', "")).unwrap_or_default();
        PyErr::warn(py, &category, &text, 1)?;
    }
    Ok(())
}
