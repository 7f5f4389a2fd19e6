//! Python objects → [`Given`]: the only place that reads what the caller
//! handed in. Everything is copied out, so the work after it runs without
//! the interpreter.

use crate::job::Given;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use serde_json::Value;

/// An article: a `str` is a body, a `dict` (or any mapping) an article
/// object in any shape the loader reads.
pub fn article(obj: &Bound<'_, PyAny>) -> Given {
    if let Ok(text) = obj.cast::<PyString>() {
        return match text.to_cow() {
            Ok(body) => Given::Value(serde_json::json!({ "body": body })),
            Err(err) => Given::Bad(format!("the body is not valid text: {err}")),
        };
    }
    if obj.cast::<PyDict>().is_ok() || obj.hasattr("keys").unwrap_or(false) {
        return match pythonize::depythonize::<Value>(obj) {
            Ok(value) => Given::Value(value),
            Err(err) => Given::Bad(format!("the article cannot be read as JSON: {err}")),
        };
    }
    Given::Bad(format!(
        "expected a str (a body) or a dict (an article), found {}",
        type_name(obj)
    ))
}

/// A line of JSON Lines: an article object's JSON text, as `str` or
/// UTF-8 `bytes`.
pub fn line(obj: &Bound<'_, PyAny>) -> Given {
    if let Ok(text) = obj.cast::<PyString>() {
        return match text.to_cow() {
            Ok(text) => Given::Text(text.into_owned()),
            Err(err) => Given::Bad(format!("the line is not valid text: {err}")),
        };
    }
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Given::Text(String::from_utf8_lossy(bytes.as_bytes()).into_owned());
    }
    Given::Bad(format!(
        "expected a line of JSON (str or bytes), found {}",
        type_name(obj)
    ))
}

pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "an object".to_owned(), |name| name.to_string())
}
