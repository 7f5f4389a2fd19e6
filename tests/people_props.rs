//! Property tests for the people engine: any text, no panic, spans valid.

use byline::analysis::people::find_people;
use proptest::prelude::*;

/// Words that exercise the rules: names, titles, particles, places,
/// acronyms, possessives, brackets, accents and multi-byte punctuation.
const WORDS: &[&str] = &[
    "Jens",
    "Stoltenberg",
    "Stoltenberg's",
    "de",
    "van",
    "der",
    "Croo",
    "al-Assad",
    "O'Donnell",
    "Mr.",
    "Ms",
    "President",
    "Prime",
    "Minister",
    "NATO",
    "AFP",
    "Brussels",
    "said",
    "told",
    "he",
    "she",
    "the",
    "(",
    ")",
    ",",
    ".",
    "\"",
    "“",
    "”",
    "’s",
    "Zelenski",
    "Zelensky",
    "Petrauskaitė",
    "Lefèvre",
    "J.",
    "U.S.",
    "1.",
    "-",
    "29th",
    "c",
    "b",
    "Ünal",
    "İstanbul",
    "ǅemal",
    "ß",
    "Σίσυφος",
    "日本",
    "👍",
    "'",
    "’",
    "Smith",
    "Smith's",
    "John",
    "Mary",
];

fn texts() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS);
    let sep = prop::sample::select(&[" ", " ", " ", "  ", "\n", "\n\n", ""][..]);
    let built = prop::collection::vec((word, sep), 0..40)
        .prop_map(|ws| ws.into_iter().flat_map(|(w, s)| [w, s]).collect::<String>());
    prop_oneof![built, any::<String>(), "[A-Za-zÀ-ÿ' .,()\n-]{0,80}"]
}

/// `text[span]` without a final possessive and editorial brackets.
/// A mention's text as a form spells it: without a possessive or an
/// editor's brackets, and any white space between its words (a
/// mathematical space, a no-break space) one plain space.
fn clean(s: &str) -> String {
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    let words: Vec<&str> = s.split_whitespace().collect();
    words.join(" ").replace(['(', ')'], "")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_valid_and_names_are_mentioned(text in texts()) {
        let people = find_people(&text);
        let mut last = 0;
        for m in &people.mentions {
            prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last, "mentions sorted by start");
            last = m.span.start;
            if let Some(p) = m.person {
                prop_assert!(p < people.persons.len());
            }
        }
        for p in &people.persons {
            prop_assert!(!p.mentions.is_empty());
            let mut said: Vec<String> = p.mentions.iter().map(|s| clean(&text[s.range()])).collect();
            said.extend(p.mentions.iter().map(|s| text[s.range()].replace(['(', ')'], "")));
            for form in p.forms() {
                // A form is a mention's text, or its end when an editor's
                // bracketed given name was inserted ("(Vladimir) Putin").
                let ok = said.iter().any(|s| s == form || s.ends_with(&format!(" {form}")));
                prop_assert!(ok, "{form} not among {said:?}");
            }
            for s in &p.mentions {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                prop_assert_eq!(people.person_at(*s).is_some(), true);
            }
        }
    }
}
