//! Reading the index: wire copies, next and previous across stories,
//! the fuzzy filter, names, sorting and size.

use super::*;

#[test]
fn wire_copies_are_listed_once() {
    let copy = "We will stand with you, because this is important";
    let stories = [
        story(
            "a",
            "2023-10-11",
            &[JENS],
            &[(P(0), copy), (P(0), "Only here")],
        ),
        story(
            "b",
            "2023-10-12",
            &[JENS],
            &[(P(0), "we will stand with you because this is important.")],
        ),
        story("c", "2023-10-13", &[JENS], &[(P(0), copy)]),
        // The same story in a second file: one story, not a wire copy.
        story("c", "2023-10-13", &[JENS], &[(P(0), copy)]),
    ];
    let index = index(&stories);
    let jens = index.find("Stoltenberg")[0];
    let speaker = index.speaker(jens).unwrap();
    assert_eq!(
        (speaker.quotes(), speaker.occurrences(), speaker.stories()),
        (2, 5, 3)
    );
    let newest = index.quotes(jens, Order::Newest);
    let shown: Vec<(usize, usize)> = newest.iter().map(|l| (l.said.article, l.also_in)).collect();
    assert_eq!(
        shown,
        vec![(3, 2), (0, 0)],
        "the newest copy, also in two other stories"
    );
    let (article, _) = &stories[3];
    assert_eq!(newest[0].said.text(&article.body), copy);
    let first = index.quotes(jens, Order::Library);
    assert_eq!(first[0].said.article, 0);
    assert_eq!(first[0].said.cue, Some("said"));
}

#[test]
fn next_and_previous_cross_stories_in_library_order() {
    let stories = [
        story("a", "2023-10-11", &[JENS], &[(P(0), "One"), (P(0), "Two")]),
        story("b", "2023-10-12", &[ZELENSKY], &[(P(0), "Not his")]),
        story(
            "c",
            "2023-10-13",
            &[("Stoltenberg", &[], None)],
            &[(P(0), "Three")],
        ),
    ];
    // Added out of order, as the reader's analyser sends them.
    let mut index = SpeakerIndex::new();
    for i in [2, 0, 1] {
        index.add(i, &stories[i].0, &stories[i].1);
        index.refresh();
    }
    let jens = index.find("jens stoltenberg")[0];
    let text = |said: Option<Said>| said.map(|s| s.text(&stories[s.article].0.body).to_owned());
    let start = Position {
        article: 0,
        offset: 0,
    };
    let one = index.next_quote(jens, start);
    assert_eq!(text(one), Some("One".into()));
    let two = index.next_quote(jens, one.unwrap().position());
    assert_eq!(text(two), Some("Two".into()));
    let three = index.next_quote(jens, two.unwrap().position());
    assert_eq!(
        text(three),
        Some("Three".into()),
        "over a story without him"
    );
    assert_eq!(index.next_quote(jens, three.unwrap().position()), None);
    let back = index.previous_quote(jens, three.unwrap().position());
    assert_eq!(text(back), Some("Two".into()));
    assert_eq!(index.previous_quote(jens, start), None);
    assert_eq!(index.stories_of(jens), vec![0, 2]);
    let q = index.quote_at(three.unwrap().position()).unwrap();
    assert_eq!(index.speaker_of(q), Some(jens));
}

#[test]
fn the_filter_is_fuzzy_and_ignores_case_and_accents() {
    let stories = [
        story(
            "a",
            "2024-04-01",
            &[JENS, ZELENSKY, ("Hélène Lefèvre", &["Lefèvre"], None)],
            &[(P(0), "A"), (P(1), "B"), (P(2), "C"), (P(2), "D")],
        ),
        story(
            "b",
            "2024-04-02",
            &[("Jan Stolberg-Tolten", &[], None)],
            &[(P(0), "E")],
        ),
    ];
    let index = index(&stories);
    let found = |query: &str| -> Vec<String> {
        index
            .filter(query, Sort::Quotes)
            .into_iter()
            .map(|id| index.speaker(id).unwrap().name().to_owned())
            .collect()
    };
    assert_eq!(found("stol"), ["Jens Stoltenberg", "Jan Stolberg-Tolten"]);
    assert_eq!(found("LEFEVRE"), ["Hélène Lefèvre"]);
    assert_eq!(found("zelen"), ["Volodymyr Zelensky"]);
    assert_eq!(found("vz"), ["Volodymyr Zelensky"]);
    assert!(found("xyz").is_empty());
    assert_eq!(found("").len(), 4, "an empty query lists everyone");
    assert_eq!(found("")[0], "Hélène Lefèvre", "the most quoted first");
}

#[test]
fn find_takes_any_form_case_and_accents_aside() {
    let stories = [story(
        "a",
        "2024-04-01",
        &[JENS, ("Hélène Lefèvre", &["Lefèvre"], None)],
        &[(P(0), "A"), (P(1), "B")],
    )];
    let index = index(&stories);
    let name = |query: &str| -> Vec<String> {
        index
            .find(query)
            .into_iter()
            .map(|id| index.speaker(id).unwrap().name().to_owned())
            .collect()
    };
    for query in ["helene lefevre", "LEFÈVRE", "Lefevre", "Hélène  Lefèvre"] {
        assert_eq!(name(query), ["Hélène Lefèvre"], "{query}");
    }
    assert_eq!(name("stoltenberg"), ["Jens Stoltenberg"]);
    assert!(
        name("Jens").is_empty(),
        "a given name alone is not a form here"
    );
    assert!(name("").is_empty());
}

#[test]
fn lists_sort_by_count_name_and_latest() {
    let stories = [
        story(
            "a",
            "2024-01-01",
            &[("Anna Berg", &[], None), ("Carl Diaz", &[], None)],
            &[(P(0), "1"), (P(0), "2"), (P(1), "3")],
        ),
        story(
            "b",
            "2024-06-01",
            &[("Eva Falk", &[], None)],
            &[(P(0), "4")],
        ),
    ];
    let index = index(&stories);
    let sorted = |sort| -> Vec<String> {
        index
            .speakers(sort)
            .into_iter()
            .map(|id| index.speaker(id).unwrap().name().to_owned())
            .collect()
    };
    assert_eq!(sorted(Sort::Quotes), ["Anna Berg", "Carl Diaz", "Eva Falk"]);
    assert_eq!(sorted(Sort::Name), ["Anna Berg", "Carl Diaz", "Eva Falk"]);
    assert_eq!(sorted(Sort::Latest), ["Eva Falk", "Anna Berg", "Carl Diaz"]);
    let eva = index.find("Falk")[0];
    assert_eq!(
        index.speaker(eva).unwrap().latest().map(|d| d.to_string()),
        Some("1 Jun 2024".into())
    );
}

#[test]
fn the_index_stays_small() {
    let stories: Vec<(Article, Analysis)> = (0..200)
        .map(|n| {
            story(
                &format!("s{n}"),
                "2024-01-01",
                &[JENS, ZELENSKY],
                &[(P(0), "Same words"), (P(1), "Other words")],
            )
        })
        .collect();
    let index = index(&stories);
    assert_eq!(index.len(), 2);
    let per_quote = index.heap_size() / 400;
    assert!(per_quote < 200, "{per_quote} bytes per quote");
}
