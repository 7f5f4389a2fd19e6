//! The JSON that real news tools and APIs write, one fixture per tool
//! (`tests/fixtures/formats/`, invented stories in each tool's documented
//! shape): every mapped field, and the quotes with their speakers.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::analyse_article;
use byline::article::{Article, Input, load};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

/// Each tool's fixture and what it must give.
fn cases() -> Vec<(PathBuf, Value)> {
    let mut cases: Vec<(PathBuf, Value)> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".expect.json"))
        .map(|expect| {
            let name = expect
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".expect.json", "");
            let data = ["json", "jsonl"]
                .iter()
                .map(|ext| fixtures().join(format!("{name}.{ext}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no fixture for {name}"));
            let want = serde_json::from_str(&std::fs::read_to_string(&expect).unwrap()).unwrap();
            (data, want)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

fn text(value: &Value) -> Option<&str> {
    value.as_str()
}

fn check(tool: &str, got: &Article, want: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut same = |field: &str, got: &Value, want: &Value| {
        if got != want {
            wrong.push(format!("{tool}: {field}: got {got}, want {want}"));
        }
    };
    let opt = |s: &Option<String>| s.as_deref().map_or(Value::Null, Value::from);
    same("title", &Value::from(got.title.as_str()), &want["title"]);
    same("subtitle", &opt(&got.subtitle), &want["subtitle"]);
    same("source", &opt(&got.source), &want["source"]);
    same(
        "authors",
        &Value::from(got.authors.clone()),
        &want["authors"],
    );
    same("published", &opt(&got.published), &want["published"]);
    same("url", &opt(&got.url), &want["url"]);
    same("truncated", &Value::from(got.truncated), &want["truncated"]);
    same(
        "read",
        &got.read.map_or(Value::Null, Value::from),
        &want["read"],
    );
    same("body", &Value::from(got.body.as_str()), &want["body"]);
    let images: Vec<Value> = got
        .images
        .iter()
        .map(|i| serde_json::json!({"caption": i.caption, "credit": i.credit}))
        .collect();
    same("images", &Value::from(images), &want["images"]);
    let analysis = analyse_article(got);
    let quotes: Vec<Value> = analysis
        .quotes
        .iter()
        .map(|q| serde_json::json!({"speaker": q.speaker, "text": q.span.text(&got.body)}))
        .collect();
    same("quotes", &Value::from(quotes), &want["quotes"]);
    wrong
}

#[test]
fn every_tools_json_reads_as_its_stories() {
    let mut wrong = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 15, "{} fixtures", cases.len());
    for (path, want) in &cases {
        let tool = want["tool"].as_str().unwrap_or("?");
        let loaded = load(&[Input::Path(path.clone())]);
        if !loaded.problems.is_empty() {
            wrong.push(format!("{tool}: problems {:?}", loaded.problems));
        }
        let want_articles = want["articles"].as_array().unwrap();
        if loaded.articles.len() != want_articles.len() {
            wrong.push(format!("{tool}: {} articles", loaded.articles.len()));
        }
        for (got, want) in loaded.articles.iter().zip(want_articles) {
            wrong.extend(check(tool, got, want));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn no_envelope_is_ever_an_article() {
    for (path, want) in cases() {
        let loaded = load(&[Input::Path(path)]);
        for article in &loaded.articles {
            let titles: Vec<_> = want["articles"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|a| text(&a["title"]))
                .collect();
            assert!(
                titles.contains(&article.title.as_str()),
                "{}: {}",
                want["tool"],
                article.title
            );
        }
    }
}

#[test]
fn a_shape_of_the_users_own_by_a_formats_table() {
    let config = byline::config::parse(
        r#"
[formats.inkwire]
items = "payload.stories"
title = "headline.text"
body = "content.html"
published = "meta.time"
authors = "meta.writers"
source = "site.name"
url = ["links.canonical", "links.0"]
"#,
        "config.toml",
    );
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("inkwire.json");
    std::fs::write(
        &path,
        r#"{"payload": {"count": 2, "stories": [
            {"headline": {"text": "Quay wall to be rebuilt"},
             "content": {"html": "<p>\"We start in May,\" said engineer Ada Quist.</p>"},
             "meta": {"time": 1767349800, "writers": ["Bo Lind", "Cy Marr"]},
             "site": {"name": "Inkwire"},
             "links": {"canonical": "https://inkwire.example/quay"}},
            {"headline": {"text": "Ferry fares frozen"}, "title": "not this one",
             "content": {"html": "<p>Fares stay as they are.</p>"},
             "links": ["https://inkwire.example/fares"]}
        ]}}"#,
    )
    .unwrap();
    let options = config.settings.load_options();
    let loaded = byline::article::load_with(&[Input::Path(path)], &options);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Quay wall to be rebuilt", "Ferry fares frozen"]);
    let quay = &loaded.articles[0];
    assert_eq!(quay.body, "\"We start in May,\" said engineer Ada Quist.");
    assert_eq!(quay.published.as_deref(), Some("2026-01-02T10:30:00Z"));
    assert_eq!(quay.authors, ["Bo Lind", "Cy Marr"]);
    assert_eq!(quay.source.as_deref(), Some("Inkwire"));
    assert_eq!(quay.url.as_deref(), Some("https://inkwire.example/quay"));
    let quotes = analyse_article(quay).quotes;
    assert_eq!(quotes[0].speaker.as_deref(), Some("Ada Quist"));
    // A field the table leaves out is still found where byline looks.
    let fares = &loaded.articles[1];
    assert_eq!(fares.url.as_deref(), Some("https://inkwire.example/fares"));
    assert_eq!(fares.source.as_deref(), Some("inkwire.example"));
    // Without the table the file is one envelope byline does not know.
    let plain = load(&[Input::Path(dir.path().join("inkwire.json"))]);
    assert!(plain.articles.is_empty() && !plain.problems.is_empty());
}

#[test]
fn a_formats_table_that_cannot_be_used_says_why() {
    let config = byline::config::parse(
        "[formats.a]\ntitel = \"x\"\nbody = \"content..html\"\n[formats.b]\nurl = 5\n",
        "config.toml",
    );
    let shown: Vec<String> = config.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "config.toml:1: [formats.a] names no field; it is left out",
            "config.toml:2: unknown entry `titel` in [formats.a]; did you mean `title`?",
            "config.toml:3: `body` must be a dotted path, like \"meta.headline\", or a list of them; it is left out",
            "config.toml:4: [formats.b] names no field; it is left out",
            "config.toml:5: `url` must be a dotted path, like \"meta.headline\", or a list of them; it is left out",
        ]
    );
}

#[test]
fn the_format_reference_lists_every_path_byline_reads() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/formats.md"))
            .unwrap();
    for field in byline::article::Field::ALL {
        for path in field.builtin() {
            assert!(
                docs.contains(&format!("`{path}`")),
                "docs/formats.md lacks `{path}` ({field:?})"
            );
        }
    }
}

/// The quotes of an HTML story are the quotes of its plain-text twin:
/// same text, same offsets, same speakers and cues.
#[test]
fn a_story_and_its_html_twin_give_the_same_quotes() {
    let paragraphs = [
        "The harbour wall at Kettle Point will be rebuilt by May, the council said on Tuesday.",
        "\"We will not wait for another storm,\" said Mayor Teresa Okafor. \"The work starts next week.\"",
        "Engineer Obi Ade said the old stones would be reused. \"Nothing good goes to waste,\" he said.",
    ];
    let plain = serde_json::json!({"title": "Wall", "body": paragraphs});
    let mut html = String::new();
    for p in paragraphs {
        let p = p
            .replace('"', "&quot;")
            .replace("Okafor", "<a href=\"/okafor\">Okafor</a>");
        html.push_str("<p>");
        html.push_str(&p);
        html.push_str("</p>\n");
    }
    html.push_str(
        "<aside><p>\"Read more,\" said nobody.</p></aside><script>var q = \"x\";</script>",
    );
    let html = serde_json::json!({"title": "Wall", "content_html": format!("<div>{html}</div>")});
    let load_one = |json: serde_json::Value| {
        let input = Input::Text {
            name: "twin.json".to_owned(),
            text: json.to_string(),
        };
        let loaded = load(&[input]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.articles.into_iter().next().unwrap()
    };
    let (plain, html) = (load_one(plain), load_one(html));
    assert_eq!(html.body, plain.body);
    let (a, b) = (analyse_article(&plain), analyse_article(&html));
    assert_eq!(a.quotes, b.quotes);
    assert_eq!(a.quotes.len(), 3);
    assert_eq!(a.quotes[2].speaker.as_deref(), Some("Obi Ade"));
}

/// JSON of any shape, keyed with the names the tools use: loading and
/// analysing never panic, and every article has a title.
mod any_json {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Map, Value as J};

    fn key() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
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
            "pubDate",
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
            "x",
        ])
        .prop_map(str::to_owned)
    }

    fn value() -> impl Strategy<Value = J> {
        let leaf = prop_oneof![
            Just(J::Null),
            any::<bool>().prop_map(J::Bool),
            any::<i64>().prop_map(J::from),
            "[a-zA-Z<>&;\"/ .+:0-9\u{1b}-]{0,24}".prop_map(J::String),
            Just(J::String("https://jsonfeed.org/version/1.1".into())),
            Just(J::String("Fri, 02 Jan 2026 10:30:00 +0100".into())),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(J::Array),
                prop::collection::vec((key(), inner), 0..6)
                    .prop_map(|pairs| J::Object(pairs.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn loading_any_json_never_panics(json in value()) {
            let input = Input::Text { name: "any.json".to_owned(), text: json.to_string() };
            let loaded = load(&[input]);
            for article in &loaded.articles {
                prop_assert!(!article.title.is_empty());
                let _ = analyse_article(article);
            }
        }
    }
}
