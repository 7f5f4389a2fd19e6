//! How articles are read: the user's settings file, as `byline extract`
//! reads it, so a `[formats.NAME]` table there works from Python too.

use byline::article::Options;
use std::sync::OnceLock;

/// The load options of the settings file, read once per process.
pub fn options() -> &'static Options {
    static OPTIONS: OnceLock<Options> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        byline::config::default_path()
            .map(|path| byline::config::load(&path).settings.load_options())
            .unwrap_or_default()
    })
}
