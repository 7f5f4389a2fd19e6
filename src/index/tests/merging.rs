//! Speakers across stories: spellings, surnames alone, roles,
//! organisations, and the same result however stories arrive.

use super::*;

#[test]
fn one_person_across_stories_and_spellings() {
    let stories = [
        story(
            "a",
            "2023-10-11",
            &[JENS, ZELENSKY],
            &[(P(0), "We stand with you"), (P(1), "Thank you")],
        ),
        story(
            "b",
            "2023-10-12",
            &[("Volodimir Zelenski", &["Zelenski"], None)],
            &[(P(0), "We need air defence")],
        ),
        story(
            "c",
            "2023-10-13",
            &[("Zelenskyy", &[], None)],
            &[(P(0), "Winter is coming")],
        ),
        story(
            "d",
            "2023-10-14",
            &[("Stoltenberg", &[], Some("NATO chief"))],
            &[(P(0), "NATO is ready")],
        ),
        story(
            "e",
            "2023-10-15",
            &[("Stoltenberg", &[], None)],
            &[(P(0), "Allies agree")],
        ),
    ];
    let index = index(&stories);
    assert_eq!(
        listing(&index),
        vec![
            person("Jens Stoltenberg", 3, 3),
            person("Volodymyr Zelensky", 3, 3)
        ]
    );
    let zelensky = index.find("zelenski")[0];
    let forms: Vec<&str> = index.speaker(zelensky).unwrap().forms().collect();
    for form in [
        "Volodymyr Zelensky",
        "Volodimir Zelenski",
        "Zelensky",
        "Zelenski",
        "Zelenskyy",
    ] {
        assert!(forms.contains(&form), "{form} in {forms:?}");
    }
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let john: Named = ("John Smith", &["Smith"], Some("farmer"));
    let mary: Named = ("Mary Smith", &["Smith"], Some("health minister"));
    let stories = [
        story("a", "2024-01-01", &[john], &[(P(0), "Rain at last")]),
        story("b", "2024-01-02", &[mary], &[(P(0), "Hospitals are ready")]),
        story(
            "c",
            "2024-01-03",
            &[("J. Smith", &[], None)],
            &[(P(0), "The barley is in")],
        ),
        story(
            "d",
            "2024-01-04",
            &[("Smith", &[], Some("farmer"))],
            &[(P(0), "Good harvest")],
        ),
        story(
            "e",
            "2024-01-05",
            &[("Smith", &[], None)],
            &[(P(0), "Who knows")],
        ),
        story(
            "f",
            "2024-01-06",
            &[("Smith", &[], Some("Minister"))],
            &[(P(0), "Beds for all")],
        ),
    ];
    let index = index(&stories);
    assert_eq!(
        listing(&index),
        vec![
            person("John Smith", 3, 3),
            person("Mary Smith", 2, 2),
            person("Smith", 1, 1)
        ],
        "the farmer and the minister find their full names; a bare Smith is nobody's"
    );
}

#[test]
fn short_given_names_and_suffixes() {
    let stories = [
        story(
            "a",
            "2016-01-01",
            &[("Edward G. Rendell", &[], None)],
            &[(P(0), "1")],
        ),
        story(
            "b",
            "2016-01-02",
            &[("Ed Rendell", &[], None)],
            &[(P(0), "2")],
        ),
        story(
            "c",
            "2016-01-03",
            &[("Donald Trump", &[], None)],
            &[(P(0), "3")],
        ),
        story(
            "d",
            "2016-01-04",
            &[("Donald Trump Jr.", &[], None)],
            &[(P(0), "4")],
        ),
        story(
            "e",
            "2016-01-05",
            &[("Christine Murphy", &[], None)],
            &[(P(0), "5")],
        ),
        story(
            "f",
            "2016-01-06",
            &[("Christopher Murphy", &[], None)],
            &[(P(0), "6")],
        ),
        story(
            "g",
            "2016-01-07",
            &[("Chris Murphy", &[], None)],
            &[(P(0), "7")],
        ),
    ];
    let index = index(&stories);
    assert_eq!(
        listing(&index),
        vec![
            person("Chris Murphy", 1, 1),
            person("Christine Murphy", 1, 1),
            person("Christopher Murphy", 1, 1),
            person("Donald Trump", 1, 1),
            person("Donald Trump Jr.", 1, 1),
            person("Edward G. Rendell", 2, 2),
        ]
    );
}

#[test]
fn surnames_alone_are_told_apart_by_role() {
    let stories = [
        story(
            "a",
            "2024-02-01",
            &[("Nesheim", &[], Some("fisherman"))],
            &[(P(0), "The fish left")],
        ),
        story(
            "b",
            "2024-02-02",
            &[("Nesheim", &[], Some("fisherman"))],
            &[(P(0), "The fish came back")],
        ),
        story(
            "c",
            "2024-02-03",
            &[("Nesheim", &[], Some("mayor"))],
            &[(P(0), "The budget is set")],
        ),
    ];
    let index = index(&stories);
    assert_eq!(
        listing(&index),
        vec![person("Nesheim", 2, 2), person("Nesheim", 1, 1)]
    );
}

#[test]
fn organisations_speak_too() {
    let stories = [
        story(
            "a",
            "2024-03-01",
            &[("Haberl", &[], None)],
            &[
                (Org("Franziska Haberl"), "We saved the chairs"),
                (P(0), "Thank you"),
            ],
        ),
        story(
            "b",
            "2024-03-02",
            &[],
            &[
                (Org("the Kremlin"), "No comment"),
                (Org("The"), "Noise"),
                (Nobody, "Anonymous"),
            ],
        ),
        story(
            "c",
            "2024-03-03",
            &[],
            &[(Org("Kremlin"), "Still no comment")],
        ),
    ];
    let index = index(&stories);
    assert_eq!(
        listing(&index),
        vec![
            person("Franziska Haberl", 2, 1),
            ("the Kremlin".to_owned(), SpeakerKind::Organisation, 2, 2),
        ]
    );
}

#[test]
fn refreshing_batch_by_batch_gives_the_same_speakers() {
    let stories = [
        story(
            "a",
            "2024-01-01",
            &[("Stoltenberg", &[], None)],
            &[(P(0), "Surname first")],
        ),
        story(
            "b",
            "2024-01-02",
            &[("John Smith", &[], None)],
            &[(P(0), "x")],
        ),
        story("c", "2024-01-03", &[JENS], &[(P(0), "Full name later")]),
        story("d", "2024-01-04", &[("Smith", &[], None)], &[(P(0), "y")]),
        story(
            "e",
            "2024-01-05",
            &[("Mary Smith", &[], None)],
            &[(P(0), "z")],
        ),
        story(
            "f",
            "2024-01-06",
            &[("Zelenski", &[], None), ("Muhamad Ali", &[], None)],
            &[(P(0), "w"), (P(1), "v")],
        ),
        story(
            "g",
            "2024-01-07",
            &[ZELENSKY, ("Mohamed Ali", &[], None)],
            &[(P(0), "u"), (P(1), "t")],
        ),
    ];
    let at_once = index(&stories);
    let mut one_by_one = SpeakerIndex::new();
    for (i, (article, analysis)) in stories.iter().enumerate() {
        one_by_one.add(i, article, analysis);
        one_by_one.refresh();
    }
    assert_eq!(listing(&one_by_one), listing(&at_once));
    assert_eq!(
        names(&at_once),
        [
            "Jens Stoltenberg",
            "John Smith",
            "Mary Smith",
            "Muhamad Ali",
            "Smith",
            "Volodymyr Zelensky"
        ]
    );
}

#[test]
fn a_speaker_keeps_its_id_as_stories_arrive() {
    let stories = [
        story("a", "2024-01-01", &[JENS], &[(P(0), "First")]),
        story(
            "b",
            "2024-01-02",
            &[("Stoltenberg", &[], None)],
            &[(P(0), "Second")],
        ),
        story("c", "2024-01-03", &[JENS], &[(P(0), "Third")]),
    ];
    let mut index = SpeakerIndex::new();
    index.add(0, &stories[0].0, &stories[0].1);
    index.refresh();
    let jens = index.find("Jens Stoltenberg")[0];
    let generation = index.generation();
    for (i, (article, analysis)) in stories.iter().enumerate().skip(1) {
        index.add(i, article, analysis);
        assert!(index.is_stale());
        index.refresh();
    }
    assert!(index.generation() > generation);
    assert_eq!(index.find("Stoltenberg"), [jens]);
    assert_eq!(index.speaker(jens).unwrap().quotes(), 3);
}

#[test]
fn adding_a_story_again_replaces_it() {
    let first = story(
        "a",
        "2024-01-01",
        &[JENS, ZELENSKY],
        &[(P(0), "Old"), (P(1), "Gone")],
    );
    let again = story(
        "a",
        "2024-01-02",
        &[JENS],
        &[(P(0), "New"), (P(0), "Newer")],
    );
    let mut index = SpeakerIndex::new();
    index.add(0, &first.0, &first.1);
    index.refresh();
    index.add(0, &again.0, &again.1);
    index.refresh();
    assert_eq!(listing(&index), vec![person("Jens Stoltenberg", 2, 1)]);
    let jens = index.find("Stoltenberg")[0];
    let texts: Vec<&str> = index
        .quotes(jens, Order::Library)
        .iter()
        .map(|l| l.said.text(&again.0.body))
        .collect();
    assert_eq!(texts, ["New", "Newer"]);
    assert!(index.find("Zelensky").is_empty());
    assert_eq!(
        index.speaker(jens).unwrap().latest().map(|d| d.day),
        Some(2)
    );
}
