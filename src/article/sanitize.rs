//! Cleaning text read from files before it can reach a terminal.

/// Cleans a multi-line text (a body).
pub fn clean_text(text: &str) -> String {
    text.to_owned()
}

/// Cleans a one-line field (title, source, author…).
pub fn clean_line(text: &str) -> String {
    text.to_owned()
}
