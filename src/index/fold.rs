//! Text folded for comparison: names and quotes compared without case,
//! accents or punctuation, the word keys that clustering compares, and the
//! words of a role.

use super::intern::Hash64;
use crate::analysis::people::word_key;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Calls `f` with each character of `text` in lower case without accents;
/// letters that do not decompose are spelled out in ASCII (ø → o, ß → ss,
/// æ → ae). ASCII, most of any news text, skips the Unicode tables.
pub fn each_folded(text: &str, mut f: impl FnMut(char)) {
    for c in text.chars() {
        if c.is_ascii() {
            f(c.to_ascii_lowercase());
            continue;
        }
        // Decomposing each character alone is NFKD without the reordering
        // of combining marks, which are dropped anyway.
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                for lower in d.to_lowercase() {
                    spell_out(lower).for_each(&mut f);
                }
            }
        });
    }
}

fn spell_out(c: char) -> impl Iterator<Item = char> {
    let (first, second) = match c {
        'ø' => ('o', None),
        'æ' => ('a', Some('e')),
        'œ' => ('o', Some('e')),
        'ß' => ('s', Some('s')),
        'ł' => ('l', None),
        'đ' | 'ð' => ('d', None),
        'þ' => ('t', Some('h')),
        'ı' => ('i', None),
        _ => (c, None),
    };
    std::iter::once(first).chain(second)
}

/// `text` in lower case without accents, every run of other characters
/// than letters and digits made one space: "Hélène  Lefèvre-Roy" →
/// "helene lefevre roy". Names and queries are compared in this form.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !word.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            }
        }
        return out;
    }
    let mut gap = false;
    each_folded(text, |c| {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
            gap = false;
        } else {
            gap = true;
        }
    });
    out
}

/// A 64-bit fingerprint of a quotation's words, folded: the same quote in
/// two wire copies has the same fingerprint whatever the case, accents,
/// punctuation or quote marks around it.
pub fn fingerprint(text: &str) -> u64 {
    // The hash of `fold(text)`, computed as the text is folded: this runs
    // on every quote of the library.
    let mut hash = Hash64::default();
    let mut gap = false;
    let mut buf = [0u8; 4];
    let mut push = |c: char| {
        if !c.is_alphanumeric() {
            gap = true;
            return;
        }
        if gap && hash.len() > 0 {
            hash.push(b' ');
        }
        c.encode_utf8(&mut buf).bytes().for_each(|b| hash.push(b));
        gap = false;
    };
    if text.is_ascii() {
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !word.is_empty() {
                if hash.len() > 0 {
                    hash.push(b' ');
                }
                word.bytes().for_each(|b| hash.push(b.to_ascii_lowercase()));
            }
        }
        return hash.finish();
    }
    each_folded(text, &mut push);
    hash.finish()
}

/// Lower-case particles that are not part of the surname's key ("van der
/// Berghe", "de Rham"), also when capitalised at the start of a name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "von", "van", "le", "la",
];
/// Generational suffixes: "Donald Trump Jr" is not "Donald Trump".
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];
/// Words before a name that are not part of it.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof"];

/// The words of a name that identify a person, without honorifics,
/// particles and the generational suffix ([`name_suffix`]): "Mr. Pieter
/// van der Berghe Jr." → `["Pieter", "Berghe"]`; "De Rham" → `["Rham"]`.
pub fn name_words(name: &str) -> Vec<&str> {
    let all: Vec<&str> = name.split_whitespace().collect();
    let mut words: Vec<&str> = Vec::with_capacity(all.len());
    for (i, &w) in all.iter().enumerate() {
        let folded = fold(w);
        let last = i + 1 == all.len();
        if folded.is_empty()
            || (words.is_empty() && !last && HONORIFICS.contains(&folded.as_str()))
            || (!words.is_empty() && SUFFIXES.contains(&folded.as_str()))
        {
            continue;
        }
        let particle = PARTICLES.contains(&folded.as_str()) && !w.contains('-');
        let lower = w.starts_with(char::is_lowercase);
        // A capitalised particle is one at the start of a surname ("De
        // Rham"); "Van" alone may be a given name ("Van Jones").
        let next_is_particle = all
            .get(i + 1)
            .is_some_and(|n| PARTICLES.contains(&fold(n).as_str()));
        let capital_particle =
            particle && words.is_empty() && (folded != "van" || next_is_particle);
        if !last && particle && (lower || capital_particle) {
            continue;
        }
        words.push(w);
    }
    if words.is_empty() {
        words.extend(all.last());
    }
    words
}

/// The generational suffix of a name, folded: "Donald Trump Jr." → "jr".
pub fn name_suffix(name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    words.next()?;
    let last = fold(words.last()?);
    SUFFIXES.contains(&last.as_str()).then_some(last)
}

/// Does a name start with an honorific ("Mr. Singer")?
pub fn has_honorific(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().map(fold).unwrap_or_default();
    words.next().is_some() && HONORIFICS.contains(&first.as_str())
}

/// A given name written as an initial: "J." or "J".
pub fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1
}

/// The key of one name word: spelling variants give the same key
/// (Zelensky, Zelenski and Zelenskyy all give "zelenski").
pub fn key(word: &str) -> String {
    word_key(word)
}

/// Words of a role or description that say nothing about who a person is.
const ROLE_STOP: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "before", "but", "by", "current", "ex", "for", "former",
    "from", "has", "her", "his", "in", "is", "its", "new", "not", "now", "of", "on", "or", "said",
    "say", "says", "that", "the", "their", "then", "this", "to", "was", "who", "with",
];

/// The words of a role and a person's descriptors, reduced for comparing
/// roles across stories: folded, common abbreviations spelled out ("Sen."
/// → senator), and cut to five letters so that "Ukraine" and "Ukrainian"
/// agree. Sorted, without repeats.
pub fn role_words(role: Option<&str>, descriptors: &[String]) -> Vec<String> {
    let mut text = String::new();
    let said = role
        .into_iter()
        .chain(descriptors.iter().map(String::as_str))
        .flat_map(str::split_whitespace)
        // "45-year-old" tells nothing about who (and changes every year).
        .filter(|w| !w.chars().any(char::is_numeric));
    for word in said {
        text.push_str(word);
        text.push(' ');
    }
    let mut words: Vec<String> = fold(&text)
        .split(' ')
        .filter(|w| !(w.is_empty() || *w == "s" || ROLE_STOP.contains(w)))
        .map(|w| {
            let full = match w {
                "sen" => "senator",
                "gov" => "governor",
                "rep" => "representative",
                "pres" => "president",
                "gen" => "general",
                "lt" => "lieutenant",
                "sec" | "secy" => "secretary",
                _ => w,
            };
            full.chars().take(5).collect()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        let rows = [
            ("Hélène Lefèvre", "helene lefevre"),
            ("  Bríd O'Donnell ", "brid o donnell"),
            ("Sørensen-Blom", "sorensen blom"),
            ("Guðrún Sigurðardóttir", "gudrun sigurdardottir"),
            ("STRAßE", "strasse"),
            ("東京", "東京"),
            ("", ""),
        ];
        for (text, want) in rows {
            assert_eq!(fold(text), want, "{text}");
        }
    }

    #[test]
    fn fingerprints_ignore_marks_case_and_spacing() {
        let text = "We will stand with you, because this is important,";
        let a = fingerprint(text);
        let b = fingerprint("we will  stand with you because this is important.");
        assert_eq!(a, super::super::intern::hash64(fold(text).as_bytes()));
        assert_eq!(fingerprint("Ça va"), super::super::intern::hash64(b"ca va"));
        let c = fingerprint("We will stand with you.");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(fingerprint("Zelenský"), fingerprint("zelensky"));
    }

    #[test]
    fn name_words_drop_what_does_not_identify() {
        let rows: &[(&str, &[&str])] = &[
            ("Jens Stoltenberg", &["Jens", "Stoltenberg"]),
            ("Pieter van der Berghe", &["Pieter", "Berghe"]),
            ("Van der Berghe", &["Berghe"]),
            ("De Rham", &["Rham"]),
            ("Jean-Marc de Rham", &["Jean-Marc", "Rham"]),
            ("Van Jones", &["Van", "Jones"]),
            ("Joseph R. Biden Jr.", &["Joseph", "R.", "Biden"]),
            ("Brent Bozell III", &["Brent", "Bozell"]),
            ("Mr. Putin", &["Putin"]),
            ("Hani al-Masri", &["Hani", "al-Masri"]),
            ("de", &["de"]),
        ];
        for &(name, want) in rows {
            assert_eq!(name_words(name), want, "{name}");
        }
        assert_eq!(name_suffix("Donald Trump Jr.").as_deref(), Some("jr"));
        assert_eq!(name_suffix("Brent Bozell III").as_deref(), Some("iii"));
        assert_eq!(name_suffix("Donald Trump"), None);
        assert_eq!(name_suffix("Jr"), None);
        assert!(has_honorific("Mr. Singer") && !has_honorific("Mr."));
    }

    #[test]
    fn role_words_agree_across_spellings() {
        let a = role_words(Some("Ukrainian President"), &[]);
        let b = role_words(Some("Ukraine's president"), &[]);
        assert_eq!(a, b);
        assert_eq!(
            role_words(Some("Texas Sen."), &["45-year-old".into()]),
            ["senat", "texas"]
        );
        assert!(role_words(Some("the former"), &[]).is_empty());
    }
}
