//! The fuzz harness: random inputs, as many as time allows, through the
//! loaders (bytes and JSON of every shape the tools write), the HTML
//! conversion, the time parser and the analysis. Each case checks what
//! must always hold: no panic; every article titled; no tag left in
//! converted text; every quote span on character boundaries inside the
//! body it came from.
//!
//! A quick pass runs with the other tests. The long run is
//! `BYLINE_FUZZ_SECONDS=1800 cargo test --release --test tests fuzz:: -- --ignored`
//! (the seconds are spread over the targets); a failure prints the input,
//! shrunk, that broke the rule.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::html::{looks_like_html, to_text};
use byline::article::timestamp::normalise;
use byline::article::{Input, load};
use byline::{analyse, analyse_article};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value as J};
use std::time::{Duration, Instant};

/// Runs `check` on cases from `strategy` until `time` has passed (at least
/// `min_cases` of them).
fn fuzz<S: Strategy>(
    name: &str,
    time: Duration,
    min_cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let start = Instant::now();
    let mut cases = 0u64;
    loop {
        let mut runner = TestRunner::new(Config {
            cases: min_cases,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(err) = runner.run(&strategy, &check) {
            panic!("{name}: {err}");
        }
        cases += u64::from(min_cases);
        if start.elapsed() >= time {
            break;
        }
    }
    eprintln!("{name}: {cases} cases in {:.1?}", start.elapsed());
}

fn words() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,9}",
        Just("said".to_owned()),
        Just("told".to_owned()),
        Just("according to".to_owned()),
        Just("he".to_owned()),
        Just("she".to_owned()),
        Just("Mr.".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("'".to_owned()),
        Just("’".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just("\n\n".to_owned()),
        Just("—".to_owned()),
        Just(":".to_owned()),
        "\\PC",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|p| p.join(" "))
}

fn markup() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "p",
        "div",
        "a",
        "em",
        "script",
        "style",
        "nav",
        "aside",
        "figure",
        "figcaption",
        "span",
        "br",
        "pre",
        "li",
        "ul",
        "table",
        "td",
        "tr",
        "h1",
        "form",
        "title",
        "textarea",
        "svg",
        "plaintext",
        "xmp",
        "noscript",
        "iframe",
        "blockquote",
    ]);
    let piece = prop_oneof![
        words(),
        (
            name.clone(),
            "( class=\"[a-z ]{0,8}\"| href=\"[^\"]{0,10}\")?"
        )
            .prop_map(|(n, a)| format!("<{n}{a}>")),
        name.clone().prop_map(|n| format!("</{n}>")),
        name.prop_map(|n| format!("<{n}/>")),
        Just("<!-- \"c\" -->".to_owned()),
        Just("&amp;&quot;&#8220;&#27;[2J".to_owned()),
        "[<>&/!\"=a-z]{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn json() -> impl Strategy<Value = J> {
    let key = prop::sample::select(vec![
        "title",
        "body",
        "content",
        "text",
        "items",
        "articles",
        "entries",
        "response",
        "results",
        "docs",
        "list",
        "fields",
        "headline",
        "main",
        "source",
        "name",
        "author",
        "authors",
        "published",
        "date",
        "url",
        "link",
        "href",
        "canonical",
        "id",
        "images",
        "caption",
        "status",
        "read",
        "version",
        "summary",
        "origin",
        "feed",
        "content_html",
        "maintext",
        "_embedded",
        "x",
    ])
    .prop_map(str::to_owned);
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        any::<i64>().prop_map(J::from),
        any::<f64>().prop_map(J::from),
        words().prop_map(J::String),
        markup().prop_map(J::String),
        Just(J::String("https://jsonfeed.org/version/1.1".into())),
        Just(J::String("… [+352 chars]".into())),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| J::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Loads `text` as a file would be and checks every article.
fn check_text(text: String) -> Result<(), TestCaseError> {
    let input = Input::Text {
        name: "fuzz.json".to_owned(),
        text,
    };
    for article in &load(&[input]).articles {
        prop_assert!(!article.title.is_empty());
        let analysis = analyse_article(article);
        for quote in &analysis.quotes {
            prop_assert!(article.body.get(quote.span.start..quote.span.end).is_some());
        }
    }
    Ok(())
}

fn run_all(time: Duration, cases: u32) {
    let each = time / 5;
    fuzz("loader, JSON of every shape", each, cases, json(), |j| {
        check_text(j.to_string())
    });
    fuzz(
        "loader, JSON Lines of any text",
        each,
        cases,
        prop::collection::vec(
            prop_oneof![json().prop_map(|j| j.to_string()), "\\PC{0,40}"],
            1..8,
        ),
        |lines| check_text(lines.join("\n")),
    );
    fuzz("HTML conversion", each, cases, markup(), |html| {
        let got = to_text(&html);
        for out in std::iter::once(&got.text).chain(got.images.iter().map(|i| &i.caption)) {
            prop_assert!(!looks_like_html(out), "{:?} → {:?}", html, out);
        }
        Ok(())
    });
    fuzz("analysis", each, cases, words(), |text| {
        let analysis = analyse(&text);
        for quote in &analysis.quotes {
            prop_assert!(text.get(quote.span.start..quote.span.end).is_some());
        }
        for person in &analysis.people {
            prop_assert!(!person.name.is_empty());
        }
        Ok(())
    });
    fuzz(
        "times",
        each,
        cases,
        "[0-9TZ:+ ,.a-zA-Z-]{0,32}|\\PC{0,32}",
        |text| {
            if let Some(out) = normalise(&text) {
                let again = normalise(&out);
                prop_assert_eq!(again.as_deref(), Some(out.as_str()));
            }
            Ok(())
        },
    );
}

/// A quick pass with every test run.
#[test]
fn a_quick_fuzz_pass() {
    run_all(Duration::ZERO, 64);
}

/// The long run (see the module's doc).
#[test]
#[ignore = "long: BYLINE_FUZZ_SECONDS=1800 cargo test --release --test tests fuzz:: -- --ignored"]
fn the_long_fuzz_run() {
    let seconds: u64 = std::env::var("BYLINE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    run_all(Duration::from_secs(seconds), 512);
}
