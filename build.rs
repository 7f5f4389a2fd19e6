//! Compiles the small word lists of `assets/words/` that the analysis asks
//! about at almost every word (name particles, prepositions, pronouns…)
//! into Rust: one `matches!` per list or tag, which compiles to a test
//! per letter, as fast as the word list written as code it replaces and
//! with no start-up cost. The large lists (names, places, titles, verbs)
//! are read at run time into the lexicon's hash tables instead.
//!
//! A list that cannot be read (no header, a line twice, an unknown tag, a
//! map line without its value) fails the build with the file and line.

use std::fmt::Write as _;
use std::path::Path;

/// How a list's lines are read, and what is made of them.
enum Shape {
    /// One word a line, matched as written: `contains(word)`.
    Set,
    /// One lower-case word a line, matched in any ASCII case:
    /// `contains(word)`.
    Folded,
    /// One word a line, each with one or more of `tags`: one predicate a
    /// tag, `<tag>(word)`.
    Tagged(&'static [&'static str]),
    /// A word and what it stands for: `get(word)`.
    Map,
    /// As [`Shape::Map`], the words lower case and matched in any ASCII
    /// case.
    FoldedMap,
    /// Words (or prefixes) searched for, in order: `WORDS`.
    Words,
}

/// The lists compiled in, by file name in `assets/words/`.
const LISTS: &[(&str, Shape)] = &[
    (
        "name-links.tsv",
        Shape::Tagged(&["particle", "hyphen", "link"]),
    ),
    ("prepositions.txt", Shape::Set),
    ("place-prefixes.txt", Shape::Set),
    ("number-words.txt", Shape::Set),
    ("phrase-ends.txt", Shape::Set),
    (
        "sport-words.tsv",
        Shape::Tagged(&["cricket", "beaten", "versus"]),
    ),
    ("newsroom-words.txt", Shape::Set),
    (
        "gendered-pronouns.tsv",
        Shape::Tagged(&["male", "female", "none"]),
    ),
    ("title-abbreviations.tsv", Shape::Map),
    ("title-gap-links.txt", Shape::Set),
    ("title-case-minor.txt", Shape::Set),
    ("lesser-ranks.txt", Shape::Set),
    ("given-name-titles.txt", Shape::Folded),
    ("term-words.txt", Shape::Folded),
    ("time-openers.txt", Shape::Set),
    ("credit-words.txt", Shape::Words),
    ("title-prefixes.txt", Shape::Words),
    ("clause-function-words.txt", Shape::Set),
    ("name-suffixes.txt", Shape::Set),
    ("not-adverbs.txt", Shape::Set),
    ("aside-openers.txt", Shape::Folded),
    ("nameless-words.txt", Shape::Set),
    ("possessives.tsv", Shape::FoldedMap),
    ("spokes-nouns.txt", Shape::Folded),
    ("party-words.txt", Shape::Folded),
    ("post-nominals.txt", Shape::Set),
    ("surname-prefixes.txt", Shape::Set),
    ("body-titles.txt", Shape::Set),
    ("work-roles.txt", Shape::Set),
    ("firm-relations.txt", Shape::Set),
    ("work-parts.txt", Shape::Folded),
    ("label-words.txt", Shape::Folded),
];

fn main() {
    let dir = Path::new("assets/words");
    let mut out = String::new();
    let mut files = String::new();
    for (name, shape) in LISTS {
        let path = dir.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lines = read(name, &text);
        let module = name.split('.').next().unwrap_or(name).replace('-', "_");
        let _ = writeln!(
            out,
            "/// `assets/words/{name}`: see its header.\npub mod {module} {{"
        );
        match shape {
            Shape::Set => out.push_str(&predicate(
                "contains",
                &format!("is in `{name}`"),
                lines.iter(),
            )),
            Shape::Folded => out.push_str(&folded(name, &lines)),
            Shape::Tagged(tags) => {
                for tag in *tags {
                    let words = lines.iter().filter(|(_, cols)| cols.contains(tag));
                    let what = format!("has the tag `{tag}` in `{name}`");
                    out.push_str(&predicate(tag, &what, words));
                }
                for (n, (word, cols)) in lines.iter().enumerate() {
                    let known = !cols.is_empty() && cols.iter().all(|c| tags.contains(c));
                    assert!(known, "{name}: entry {}: {word:?}: tags {cols:?}", n + 1);
                }
            }
            Shape::Map => out.push_str(&map(name, &lines, false)),
            Shape::FoldedMap => out.push_str(&map(name, &lines, true)),
            Shape::Words => out.push_str(&words(name, &lines)),
        }
        out.push_str("}\n\n");
        let _ = writeln!(
            files,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/words/{name}\"))),"
        );
    }
    let _ = writeln!(
        out,
        "/// The compiled lists' files and their text, for the list checks.\n\
         #[cfg(test)]\n\
         pub const FILES: &[(&str, &str)] = &[\n{files}];"
    );
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("compiled_words.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// The entries of a list: each line's word and its other columns, after
/// the header; panics, naming the line, on a list that is not well
/// formed.
fn read<'a>(name: &str, text: &'a str) -> Vec<(&'a str, Vec<&'a str>)> {
    assert!(text.starts_with("# "), "{name}: no header");
    let mut seen = std::collections::HashSet::new();
    let mut entries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let at = format!("{name}:{}", n + 1);
        assert!(!line.trim().is_empty(), "{at}: blank line");
        assert_eq!(line, line.trim(), "{at}: spaces around {line:?}");
        let mut cols = line.split('\t');
        let word = cols.next().unwrap_or_default();
        assert!(seen.insert(word), "{at}: {word:?} twice");
        entries.push((word, cols.collect()));
    }
    entries
}

/// `pub fn name(word: &[u8]) -> bool`: the word is one of `words`, of
/// which `what` is said.
fn predicate<'a>(
    name: &str,
    what: &str,
    words: impl Iterator<Item = &'a (&'a str, Vec<&'a str>)>,
) -> String {
    let arms: Vec<String> = words.map(|(w, _)| bytes(w)).collect();
    assert!(!arms.is_empty(), "no word {what}");
    format!(
        "    /// `word` {what} (matched as written).\n    \
         #[inline]\n    \
         #[must_use]\n    \
         pub fn {name}(word: &[u8]) -> bool {{\n        \
         matches!(word, {})\n    }}\n",
        arms.join(" | ")
    )
}

/// `pub fn contains(word: &[u8]) -> bool`, in any ASCII case: the word is
/// lower-cased into a buffer as long as the longest entry, then matched.
fn folded(file: &str, lines: &[(&str, Vec<&str>)]) -> String {
    for (w, cols) in lines {
        assert!(cols.is_empty(), "{file}: {w:?} has columns");
        assert_eq!(*w, w.to_ascii_lowercase(), "{file}: {w:?} not lower case");
    }
    let longest = lines.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
    let arms: Vec<String> = lines.iter().map(|(w, _)| bytes(w)).collect();
    format!(
        "    /// `word` is in `{file}`, in any ASCII case.\n    \
         #[must_use]\n    \
         pub fn contains(word: &[u8]) -> bool {{\n        \
         let mut lower = [0u8; {longest}];\n        \
         let Some(lower) = lower.get_mut(..word.len()) else {{\n            \
         return false;\n        }};\n        \
         lower.copy_from_slice(word);\n        \
         lower.make_ascii_lowercase();\n        \
         matches!(&*lower, {})\n    }}\n",
        arms.join(" | ")
    )
}

/// `pub fn get(word: &str) -> Option<&'static str>`: what `word` stands
/// for; with `folded`, in any ASCII case (the word lower-cased into a
/// buffer as long as the longest entry).
fn map(file: &str, lines: &[(&str, Vec<&str>)], folded: bool) -> String {
    // One arm a value, its words joined: arms with one body are one arm.
    let mut values: Vec<(&str, Vec<String>)> = Vec::new();
    for (n, (word, cols)) in lines.iter().enumerate() {
        let [value] = cols.as_slice() else {
            panic!("{file}: entry {}: {word:?} needs one value", n + 1);
        };
        let lower = word.to_ascii_lowercase();
        assert!(!folded || *word == lower, "{file}: {word:?} not lower case");
        match values.iter_mut().find(|(v, _)| v == value) {
            Some((_, words)) => words.push(bytes(word)),
            None => values.push((value, vec![bytes(word)])),
        }
    }
    let mut arms = String::new();
    for (value, words) in &values {
        let _ = writeln!(arms, "            {} => {value:?},", words.join(" | "));
    }
    let longest = lines.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
    let (doc, lower) = if folded {
        (
            ", in any ASCII case",
            format!(
                "let mut lower = [0u8; {longest}];\n        \
                 let lower = lower.get_mut(..word.len())?;\n        \
                 lower.copy_from_slice(word.as_bytes());\n        \
                 lower.make_ascii_lowercase();\n        \
                 let word: &[u8] = lower;\n        "
            ),
        )
    } else {
        ("", "let word = word.as_bytes();\n        ".to_string())
    };
    format!(
        "    /// What `word` stands for in `{file}`{doc}, if it is there.\n    \
         #[must_use]\n    \
         pub fn get(word: &str) -> Option<&'static str> {{\n        \
         {lower}Some(match word {{\n{arms}            _ => return None,\n        }})\n    }}\n"
    )
}

/// `pub const WORDS: &[&str]`: the words, in the file's order.
fn words(file: &str, lines: &[(&str, Vec<&str>)]) -> String {
    let list: Vec<String> = lines
        .iter()
        .map(|(w, cols)| {
            assert!(cols.is_empty(), "{file}: {w:?} has columns");
            format!("{w:?}")
        })
        .collect();
    format!(
        "    /// The words of `{file}`, in its order.\n    \
         pub const WORDS: &[&str] = &[{}];\n",
        list.join(", ")
    )
}

/// A byte-string literal of `word`.
fn bytes(word: &str) -> String {
    format!("b\"{}\"", word.as_bytes().escape_ascii())
}
