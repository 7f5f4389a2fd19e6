//! The speaker index over the seed article (`../shared/seed/`) plus the
//! bundled samples, as the reader builds it: batch by batch, refreshed
//! after each. Jens Stoltenberg and Volodymyr Zelensky are one speaker
//! each, with the seed's quotes (5 and 8); `}` walks Stoltenberg's quotes
//! across both copies of the seed.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::analyse;
use byline::article::{Article, Input, load_each};
use byline::index::{Order, Position, Sort, SpeakerIndex, SpeakerKind};
use std::path::PathBuf;

fn library() -> Option<(Vec<Article>, SpeakerIndex)> {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    if !seed.is_dir() {
        eprintln!("skipping: {} is absent", seed.display());
        return None;
    }
    let mut inputs = vec![Input::Path(seed)];
    inputs.extend(byline::samples::inputs());
    let mut articles = Vec::new();
    let mut index = SpeakerIndex::new();
    load_each(&inputs, |batch| {
        for article in batch.articles {
            index.add(articles.len(), &article, &analyse(&article.body));
            articles.push(article);
        }
        index.refresh();
    });
    Some((articles, index))
}

#[test]
fn stoltenberg_and_zelensky_are_one_speaker_each() {
    let Some((articles, index)) = library() else {
        return;
    };
    let seed_copies = articles
        .iter()
        .filter(|a| a.id == "seed-nato-zelensky-2023-10-11")
        .count();
    assert_eq!(seed_copies, 2, "the seed folder holds the article twice");
    for (surname, quotes) in [("Stoltenberg", 5), ("Zelensky", 8)] {
        let found = index.find(surname);
        assert_eq!(found.len(), 1, "{surname}: {found:?}");
        let speaker = index.speaker(found[0]).unwrap();
        assert_eq!(speaker.kind(), SpeakerKind::Person);
        assert_eq!(
            (speaker.quotes(), speaker.stories()),
            (quotes, 1),
            "{surname}"
        );
        assert_eq!(speaker.occurrences(), 2 * quotes, "{surname}: both copies");
        let listed = index.quotes(found[0], Order::Newest);
        assert_eq!(listed.len(), quotes, "wire copies once");
        assert!(
            listed.iter().all(|l| l.also_in == 0),
            "one story, not a wire copy"
        );
        let same_names = index
            .speakers(Sort::Name)
            .into_iter()
            .filter(|&id| {
                index
                    .speaker(id)
                    .unwrap()
                    .forms()
                    .any(|f| f.contains(surname))
            })
            .count();
        assert_eq!(same_names, 1, "no second {surname} entry");
    }
    let zelensky = index.speaker(index.find("zelenski")[0]).unwrap();
    assert_eq!(
        zelensky.latest().map(|d| d.to_string()),
        Some("11 Oct 2023".into())
    );
}

#[test]
fn next_quote_walks_across_the_two_copies() {
    let Some((articles, index)) = library() else {
        return;
    };
    let jens = index.find("Jens Stoltenberg")[0];
    let mut at = Position {
        article: 0,
        offset: 0,
    };
    let mut visited = Vec::new();
    while let Some(said) = index.next_quote(jens, at) {
        let text = said.text(&articles[said.article].body);
        assert!(!text.is_empty());
        visited.push(said.article);
        at = said.position();
    }
    assert_eq!(visited.len(), 10, "five quotes in each copy");
    assert!(visited.windows(2).all(|w| w[0] <= w[1]), "library order");
    let mut stories = visited.clone();
    stories.dedup();
    assert_eq!(stories.len(), 2, "both copies: {visited:?}");
    let mut back = 0;
    while let Some(said) = index.previous_quote(jens, at) {
        back += 1;
        at = said.position();
    }
    assert_eq!(back, 9, "and back to the first");
}
