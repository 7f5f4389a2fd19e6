//! Loading speed, one core: `cargo bench --bench loading`.
//!
//! The same stories twice, as JSON Lines of byline's own plain-text
//! articles and as JSON Lines whose bodies are HTML (paragraphs, links,
//! emphasis, a figure with its caption, a script), as feed readers and
//! news APIs hand them over. Plain loading is the baseline in the same
//! run: the HTML conversion reads as a ratio to it. The stories are the
//! bundled samples, cycled to about 8 MB, so the benchmark needs nothing
//! outside the repository.

use byline::article::{Input, load};
use divan::Bencher;
use divan::counter::BytesCount;
use serde_json::json;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// About how many bytes of JSON each text holds.
const SIZE: usize = 8 << 20;

struct Texts {
    plain: String,
    html: String,
}

static TEXTS: LazyLock<Texts> = LazyLock::new(|| {
    let samples = load(&byline::samples::inputs()).articles;
    let mut plain = String::new();
    let mut html = String::new();
    for (i, article) in samples.iter().cycle().enumerate() {
        if plain.len() >= SIZE {
            break;
        }
        let title = format!("{} ({i})", article.title);
        let line = json!({"id": format!("p{i}"), "title": title, "body": article.body});
        plain.push_str(&line.to_string());
        plain.push('\n');
        let line =
            json!({"id": format!("h{i}"), "title": title, "content_html": as_html(&article.body)});
        html.push_str(&line.to_string());
        html.push('\n');
    }
    Texts { plain, html }
});

/// A body as a feed would give it: each paragraph a `<p>`, its first words
/// a link and its last emphasised, with a figure and a script after the
/// first paragraph.
fn as_html(body: &str) -> String {
    let mut out = String::with_capacity(body.len() * 5 / 4);
    for (i, paragraph) in body.split("\n\n").enumerate() {
        let (head, tail) = paragraph.split_at(paragraph.find(' ').unwrap_or(0));
        let _ = writeln!(
            out,
            "<p><a href=\"https://news.example/{i}\">{}</a><em>{}</em></p>",
            escape(head),
            escape(tail)
        );
        if i == 0 {
            out.push_str(
                "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>The quay at dawn. \
                 <span class=\"credit\">Photo: Ana Ruiz</span></figcaption></figure>\n\
                 <script>track(\"view\");</script>\n",
            );
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

fn main() {
    println!(
        "loading: {} bytes plain, {} bytes HTML",
        TEXTS.plain.len(),
        TEXTS.html.len()
    );
    divan::main();
}

fn load_text(text: &str) -> usize {
    let input = Input::Text {
        name: "bench.jsonl".to_owned(),
        text: text.to_owned(),
    };
    load(&[divan::black_box(input)]).articles.len()
}

/// The baseline: byline's own articles, bodies in plain text.
#[divan::bench]
fn plain_bodies(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(TEXTS.plain.len()))
        .bench(|| load_text(&TEXTS.plain));
}

/// The same stories with HTML bodies, converted to text at load.
#[divan::bench]
fn html_bodies(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(TEXTS.html.len()))
        .bench(|| load_text(&TEXTS.html));
}
