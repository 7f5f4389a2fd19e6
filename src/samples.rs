//! The sample articles bundled in the binary, so that `byline` with no
//! arguments shows something anywhere it is installed.

use crate::article::Input;

/// `(file name, text)` of every article file in `assets/samples/`.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "city-desk-roundup.json",
        include_str!("../assets/samples/city-desk-roundup.json"),
    ),
    (
        "ferry-strike-talks.json",
        include_str!("../assets/samples/ferry-strike-talks.json"),
    ),
    (
        "geneva-quay-vote.json",
        include_str!("../assets/samples/geneva-quay-vote.json"),
    ),
    (
        "harbour-flood-barrier.json",
        include_str!("../assets/samples/harbour-flood-barrier.json"),
    ),
    (
        "longread-floating-wind.json",
        include_str!("../assets/samples/longread-floating-wind.json"),
    ),
    (
        "newsapi-business.json",
        include_str!("../assets/samples/newsapi-business.json"),
    ),
    (
        "tokyo-night-bookshop.json",
        include_str!("../assets/samples/tokyo-night-bookshop.json"),
    ),
    (
        "wire-briefs.jsonl",
        include_str!("../assets/samples/wire-briefs.jsonl"),
    ),
];

/// The bundled samples as loader inputs, named `samples/<file>`.
pub fn inputs() -> Vec<Input> {
    SAMPLES
        .iter()
        .map(|(name, text)| Input::Text {
            name: format!("samples/{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_file_is_bundled() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| {
                let ext = std::path::Path::new(name).extension().unwrap_or_default();
                ext.eq_ignore_ascii_case("json") || ext.eq_ignore_ascii_case("jsonl")
            })
            .collect();
        on_disk.sort();
        let bundled: Vec<&str> = SAMPLES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, bundled);
    }

    #[test]
    fn the_samples_load_without_problems() {
        let loaded = crate::article::load(&inputs());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert!(loaded.articles.len() >= 10);
        let words: usize = loaded
            .articles
            .iter()
            .map(|a| a.body.split_whitespace().count())
            .max()
            .unwrap();
        assert!(words >= 3000, "the long read has {words} words");
    }
}
