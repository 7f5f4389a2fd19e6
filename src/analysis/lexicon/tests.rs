use super::*;

#[test]
fn flags_from_each_list() {
    let rows: &[(&str, Flags)] = &[
        ("John", flag::GIVEN | flag::MALE),
        ("mary", flag::GIVEN | flag::FEMALE),
        ("Smith", flag::SURNAME),
        ("Brussels", flag::PLACE),
        ("Kiev", flag::PLACE),
        ("the", flag::COMMON),
        ("Mr.", flag::HONORIFIC | flag::TITLE_MALE),
        ("Ms", flag::HONORIFIC | flag::TITLE_FEMALE),
        ("minister", flag::TITLE),
        ("prime", flag::QUALIFIER),
        ("Ministry", flag::ORG),
        ("river", flag::PLACE_WORD),
        ("Norwegian", flag::DEMONYM),
        ("AFP", flag::FURNITURE),
        ("Wednesday", flag::TIME),
        ("said", flag::VERB),
    ];
    for &(word, want) in rows {
        assert_eq!(flags(word) & want, want, "{word}");
    }
}

#[test]
fn unknown_and_odd_words() {
    assert_eq!(flags("Qwzxv"), 0);
    assert_eq!(flags(""), 0);
    assert_eq!(
        flags("ÉLYSÉE-palace-of-a-very-long-name-beyond-the-stack-buffer"),
        0
    );
    // A title is not a given name's gender, and vice versa.
    assert_eq!(flags("mr") & flag::MALE, 0);
    assert_eq!(flags("john") & flag::TITLE_MALE, 0);
}

#[test]
fn the_small_table_holds_the_small_lists_only() {
    let rows: &[(&str, Flags)] = &[
        ("minister", flag::TITLE),
        ("Prime", flag::QUALIFIER),
        ("said", flag::VERB),
        ("river", flag::PLACE_WORD),
        ("AFP", flag::FURNITURE),
        ("monday", flag::TIME),
    ];
    for &(word, want) in rows {
        let small = small_flags(word.as_bytes());
        assert_eq!(small & want, want, "{word}");
        assert_eq!(
            small & flags(word) & flag::PEOPLE,
            small & flag::PEOPLE,
            "{word}"
        );
        assert_eq!(small & flag::COMMON, 0, "{word}");
    }
    assert_eq!(small_flags(b"Brussels"), 0, "places are not small");
}

#[test]
fn reporting_verbs_and_their_forms() {
    let rows: &[(&str, Flags)] = &[
        ("said", flag::CUE_FINITE),
        ("says", flag::CUE_FINITE),
        ("saying", flag::CUE_PARTICIPLE),
        ("say", flag::CUE_BASE),
        ("read", flag::CUE_FINITE),
        ("called", flag::CUE_FINITE | flag::CUE_NAMING),
        ("pointed", flag::CUE_HEAD),
        ("out", flag::CUE_PARTICLE),
    ];
    for &(word, want) in rows {
        let list = if word == "out" {
            Filter::PARTICLES
        } else {
            Filter::CUES
        };
        let got = exact_flags(word.as_bytes(), list)
            & (flag::CUE_FORM | flag::CUE_HEAD | flag::CUE_PARTICLE);
        assert_eq!(got, want, "{word}");
    }
    assert_eq!(pair_flags("pointed", "out") & flag::CUE, flag::CUE_FINITE);
    assert_eq!(pair_flags("went", "home"), 0);
    assert_eq!(
        exact_flags(b"Said", Filter::CUES) & flag::CUE,
        0,
        "cues are lower case"
    );
}

#[test]
fn phrases_are_found_through_their_first_word() {
    assert!(heads_phrase(b"New"));
    assert_ne!(phrase_flags(["New", "York"].into_iter()) & flag::PLACE, 0);
    assert_eq!(phrase_flags(["Zbyk", "York"].into_iter()), 0);
}

/// Every list, as ripgrep's `default_types_are_sorted`: a header, lower
/// case, no line twice, every line readable.
#[test]
fn every_list_is_well_formed() {
    for list in LISTS {
        let name = list.name;
        for cols in lines(name, list.text) {
            let cased = list.shape == Shape::Cased;
            assert!(
                cased || cols[0] == cols[0].to_lowercase(),
                "{name}: {cols:?} not lower case"
            );
            assert!(readable(list, &cols[1..]), "{name}: cannot read {cols:?}");
        }
    }
    // The compiled lists are matched as written, in the case they are
    // written in; `build.rs` checks their columns.
    for &(name, text) in compiled::FILES {
        assert!(lines(name, text).count() > 0, "{name}: empty");
    }
}

/// The columns of each line of a list, after checking that it has a
/// header, no blank line, no spaces around a line, no line twice.
fn lines<'a>(name: &'a str, text: &'a str) -> impl Iterator<Item = Vec<&'a str>> {
    assert!(text.starts_with("# "), "{name}: no header");
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(move |line| {
            assert!(!line.trim().is_empty(), "{name}: blank line");
            assert_eq!(line, line.trim(), "{name}: spaces around {line:?}");
            assert!(seen.insert(line), "{name}: {line:?} twice");
            line.split('\t').collect()
        })
}

#[test]
fn compiled_lists_match_as_written() {
    use compiled::{gendered_pronouns, name_links, sport_words, title_abbreviations};
    assert!(name_links::particle(b"van") && !name_links::particle(b"Van"));
    assert!(name_links::hyphen(b"al") && !name_links::particle(b"abu"));
    assert!(name_links::link(b"The") && name_links::link(b"&"));
    assert!(gendered_pronouns::female(b"Her") && gendered_pronouns::none(b"I"));
    assert!(!gendered_pronouns::male(b"HE"));
    assert!(sport_words::versus(b"vs.") && !sport_words::beaten(b"v"));
    assert!(compiled::place_prefixes::contains("São".as_bytes()));
    assert_eq!(title_abbreviations::get("sen"), Some("senator"));
    assert_eq!(title_abbreviations::get("senator"), None);
    assert_eq!(compiled::title_prefixes::WORDS[0], "co-");
    assert_eq!(compiled::possessives::get("His"), Some("he"));
    assert_eq!(compiled::possessives::get("its"), Some("they"));
    assert_eq!(compiled::possessives::get("theirs"), None);
    assert!(compiled::aside_openers::contains(b"Who"));
    assert!(!compiled::aside_openers::contains(b"whosoever"));
    assert!(compiled::name_suffixes::contains(b"Jr.") && !compiled::name_suffixes::contains(b"jr"));
}

/// The columns of a line are what its list expects.
fn readable(list: &lists::List, cols: &[&str]) -> bool {
    let n = cols.len();
    let all = |ok: &[&str]| cols.iter().all(|c| ok.contains(c));
    match list.name {
        _ if list.shape == Shape::Verbs => true,
        "given.tsv" | "given-extra.tsv" => n == 1 && all(&["m", "f", "u"]),
        "titles.tsv" => {
            let tags = cols.get(2..).unwrap_or(&[]);
            let role = tags == ["role"];
            (n == 2 || n == 3 && role)
                && (["h", "t", "q"].contains(&cols[0]) || cols[0] == "-" && role)
                && ["m", "f", "-"].contains(&cols[1])
        }
        "orgwords.tsv" => {
            let tags = cols.get(1..).unwrap_or(&[]);
            let tagged = !tags.is_empty()
                && tags
                    .iter()
                    .all(|t| ["head", "speaker", "referent"].contains(t));
            (1..=4).contains(&n)
                && (["o", "p"].contains(&cols[0]) || cols[0] == "-" && tagged)
                && (tags.is_empty() || tagged)
        }
        "thing-words.tsv" => {
            cols == ["before"]
                || cols == ["stock"]
                || cols == ["adjective"]
                || cols == ["adjective", "thing"]
        }
        "speech-nouns.tsv" => {
            cols == ["possessive"] || cols == ["plural"] || cols == ["possessive", "plural"]
        }
        "determiners.tsv" => n == 0 || cols == ["indefinite"],
        "pronouns.tsv" => n == 0 || cols == ["third"],
        "function-words.tsv" => {
            let tags = ["infinitive", "passive", "progressive", "contrast"];
            n > 0 && all(&tags)
        }
        _ => n == 0,
    }
}

#[test]
fn every_reporting_verb_is_readable() {
    let list = LISTS
        .iter()
        .find(|l| l.shape == Shape::Verbs)
        .expect("verbs");
    let mut bases = std::collections::HashSet::new();
    for (entry, tags) in lists::entries(list.text) {
        let verb = verbs::parse(entry, tags).unwrap_or_else(|e| panic!("{entry}: {e}"));
        assert!(bases.insert(verb.forms[0].text.clone()), "{entry} twice");
    }
}

#[test]
fn tagged_lists_behind_their_filters() {
    let speech = |w: &str| exact_flags(w.as_bytes(), Filter::SPEECH_NOUNS);
    let both = flag::SPEECH_NOUN | flag::SPEECH_PLURAL;
    assert_eq!(speech("claims") & both, both);
    assert_eq!(speech("pledge") & both, flag::SPEECH_NOUN);
    assert_eq!(speech("Claims"), 0, "matched as written");
    let function = |w: &str| exact_flags(w.as_bytes(), Filter::FUNCTION_WORDS);
    assert_ne!(function("was") & flag::PASSIVE, 0);
    assert_ne!(function("kept") & flag::PROGRESSIVE, 0);
    assert_ne!(function("will") & flag::INFINITIVE, 0);
    let work = folded_flags(b"Titled", Filter::WORK_WORDS);
    assert_ne!(work & flag::WORK_WORD, 0);
    let contrast = folded_flags(b"Whereas", Filter::FUNCTION_WORDS);
    assert_ne!(contrast & flag::CONTRAST, 0);
}

#[test]
fn tags_of_determiners_and_pronouns() {
    let det = |w: &str| folded_flags(w.as_bytes(), Filter::DETERMINERS);
    assert_ne!(det("Another") & flag::INDEFINITE, 0);
    assert_eq!(det("the") & flag::INDEFINITE, 0);
    assert_ne!(det("the") & flag::DETERMINER, 0);
    let pro = |w: &str| folded_flags(w.as_bytes(), Filter::PRONOUNS);
    assert_ne!(pro("She") & flag::THIRD_PERSON, 0);
    assert_eq!(pro("we") & flag::THIRD_PERSON, 0);
}
