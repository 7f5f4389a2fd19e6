//! The sample articles bundled in the binary, so that `byline` with no
//! arguments shows something anywhere it is installed.

use crate::article::Input;

/// `(name, text)` of every file in `assets/samples/`.
pub const SAMPLES: &[(&str, &str)] = &[];

/// The bundled samples as loader inputs.
pub fn inputs() -> Vec<Input> {
    SAMPLES
        .iter()
        .map(|(name, text)| Input::Text {
            name: format!("samples/{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}
