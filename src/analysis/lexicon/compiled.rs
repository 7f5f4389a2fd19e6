//! The small lists of `assets/words/` that are asked about at almost
//! every word, compiled into the binary by `build.rs`: one module a list,
//! named for its file (`name-links.tsv` → [`name_links`]), with one
//! predicate a tag (or `contains`, `get`, `WORDS`). Adding a word is a
//! line in the file; the next build has it.

include!(concat!(env!("OUT_DIR"), "/compiled_words.rs"));
