//! [`Outcome`] → Python: a record dict (the `byline extract` line's fields,
//! plus character offsets), a line, or a [`Problem`](crate::Problem); the
//! notes on fields left out become warnings, as the CLI prints them on
//! standard error.

use crate::job::{Extracted, Outcome};
use crate::{LoadWarning, Problem};
use byline::extract::Record;
use byline::index::SpeakerKind;
use pyo3::intern;
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

/// The record as `byline extract` writes it, field for field in its
/// order, each quote with `char_start`/`char_end` beside `start`/`end`.
/// Built by hand with interned keys rather than through serde: it is most
/// of the interpreter's share of the work, done while the pool waits.
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
    let r = Record::new(article, analysis);
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "id"), r.id)?;
    dict.set_item(intern!(py, "title"), r.title)?;
    dict.set_item(intern!(py, "source"), r.source)?;
    dict.set_item(intern!(py, "published"), r.published)?;
    dict.set_item(intern!(py, "authors"), r.authors)?;
    dict.set_item(intern!(py, "url"), r.url)?;
    dict.set_item(intern!(py, "truncated"), r.truncated)?;
    let people = PyList::empty(py);
    for p in &r.people {
        let person = PyDict::new(py);
        person.set_item(intern!(py, "name"), p.name)?;
        person.set_item(intern!(py, "kind"), kind_name(p.kind))?;
        person.set_item(intern!(py, "role"), p.role)?;
        person.set_item(intern!(py, "aliases"), p.aliases)?;
        person.set_item(intern!(py, "mentions"), p.mentions)?;
        people.append(person)?;
    }
    dict.set_item(intern!(py, "people"), people)?;
    let quotes = PyList::empty(py);
    for (q, (char_start, char_end)) in r.quotes.iter().zip(chars) {
        let quote = PyDict::new(py);
        quote.set_item(intern!(py, "text"), q.text)?;
        quote.set_item(intern!(py, "start"), q.start)?;
        quote.set_item(intern!(py, "end"), q.end)?;
        quote.set_item(intern!(py, "speaker"), q.speaker)?;
        quote.set_item(intern!(py, "cue"), q.cue)?;
        quote.set_item(intern!(py, "char_start"), char_start)?;
        quote.set_item(intern!(py, "char_end"), char_end)?;
        quotes.append(quote)?;
    }
    dict.set_item(intern!(py, "quotes"), quotes)?;
    if include_body {
        dict.set_item(intern!(py, "body"), &article.body)?;
    }
    Ok(dict)
}

/// The name `byline extract` writes for a kind of speaker.
fn kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
    }
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
