//! Golden output of the analysis: what `byline extract` finds in every
//! bundled sample (the people, and each quote with its span, speaker and
//! cue), kept as insta snapshots in `src/snapshots/`. A rule change shows
//! here as a reviewable diff; a change that should not alter the output
//! proves it by leaving the snapshots as they are.

use crate::article::{Article, Input, load};
use crate::{Analysis, analyse_article, samples};
use std::fmt::Write as _;

/// One article's analysis as reviewable text: every field `byline extract`
/// prints for the analysis, one line each.
fn render(article: &Article, analysis: &Analysis, out: &mut String) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "## {}", article.id);
    let _ = writeln!(out, "people:");
    for p in &analysis.people {
        let aliases = if p.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also {})", p.aliases.join(" · "))
        };
        let _ = writeln!(out, "  {}{aliases} ×{}", p.name, p.mentions.len());
    }
    let _ = writeln!(out, "quotes:");
    for q in &analysis.quotes {
        let _ = writeln!(
            out,
            "  {}..{} {} · {} · {:?}",
            q.span.start,
            q.span.end,
            q.speaker.as_deref().unwrap_or("(nobody)"),
            q.cue.as_deref().unwrap_or("(no cue)"),
            q.span.text(&article.body),
        );
    }
    out.push('\n');
}

#[test]
fn the_analysis_of_every_sample() {
    for (name, text) in samples::SAMPLES {
        let loaded = load(&[Input::Text {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
        }]);
        assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
        let mut out = String::new();
        for article in &loaded.articles {
            render(article, &analyse_article(article), &mut out);
        }
        let snapshot = name.trim_end_matches(".jsonl").trim_end_matches(".json");
        insta::assert_snapshot!(snapshot, out);
    }
}
