//! Feeds as an attacker or a broken server makes them: each costs one
//! problem line, never a hang, a panic or the other feeds.

use super::server::{Reply, Server};
use super::{Home, fixture};
use std::fmt::Write as _;

const RSS: &str = "application/rss+xml";

/// The classic entity bomb: ten entities, each ten of the one before.
fn billion_laughs() -> String {
    let mut entities = String::from(" <!ENTITY lol \"lol\">\n");
    for n in 1..10 {
        let before = if n == 1 {
            String::new()
        } else {
            (n - 1).to_string()
        };
        let _ = writeln!(
            entities,
            " <!ENTITY lol{n} \"{}\">",
            format!("&lol{before};").repeat(10)
        );
    }
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n{entities}]>\n\
         <rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>"
    )
}

#[test]
fn hostile_feeds_cost_only_themselves() {
    let server = Server::start();
    let base = server.base();
    server.fixed("/good.rss", Reply::ok(RSS, fixture("harbour.rss", &base)));
    server.fixed(
        "/page",
        Reply::ok(
            "text/html",
            "<!DOCTYPE html><html><body><p>Welcome</p></body></html>",
        ),
    );
    server.fixed(
        "/truncated.rss",
        Reply::ok(RSS, "<rss version=\"2.0\"><channel><title>Cut</title><item><title>One</title></item><item><ti"),
    );
    server.fixed("/bomb.rss", Reply::ok(RSS, billion_laughs()));
    server.fixed("/endless.rss", Reply::endless(RSS));
    server.fixed("/empty.rss", Reply::ok(RSS, ""));
    // 64 MiB of spaces in 64 KiB of gzip: the cap is on what it unpacks to.
    let bomb = super::fetching::gzip(&vec![b' '; 64 << 20]);
    server.fixed(
        "/zip-bomb.rss",
        Reply::ok(RSS, bomb).header("Content-Encoding", "gzip"),
    );
    let home = Home::new();
    home.settings("[feeds]\nmax_feed_size = \"1 MiB\"\n");
    for path in [
        "/good.rss",
        "/page",
        "/truncated.rss",
        "/bomb.rss",
        "/endless.rss",
        "/empty.rss",
        "/zip-bomb.rss",
    ] {
        home.add(&[&server.url(path)]);
    }
    let run = home.byline(&["fetch"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 6, "{run:?}");
    let says = |path: &str, what: &str| {
        let start = format!("byline: {}: ", server.url(path));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&start) && l.contains(what)),
            "{path}: {what} not in {lines:#?}"
        );
    };
    says("/page", "not a feed: it is a web page (HTML)");
    says("/truncated.rss", "not a feed: broken XML");
    says("/bomb.rss", "entity bomb");
    says(
        "/endless.rss",
        "larger than 1 MiB (max_feed_size in [feeds] of the settings); not read further",
    );
    says("/empty.rss", "not a feed");
    says("/zip-bomb.rss", "larger than 1 MiB");
    assert_eq!(home.articles().len(), 2, "the good feed's stories");
}

#[test]
fn a_link_that_is_not_http_is_never_opened() {
    let server = Server::start();
    let mut items = String::new();
    for (i, link) in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
    ]
    .iter()
    .enumerate()
    {
        let _ = write!(
            items,
            "<item><title>Story {i}</title><link>{link}</link><guid>s{i}</guid>\
             <description>\"We will rebuild the pier,\" said Mayor Teresa Okafor.</description></item>"
        );
    }
    let rss = format!("<rss version=\"2.0\"><channel><title>Sly</title>{items}</channel></rss>");
    server.fixed("/sly.rss", Reply::ok(RSS, rss));
    let home = Home::new();
    home.add(&["--full-text", &server.url("/sly.rss")]);
    let run = home.byline(&["fetch"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 3, "{run:?}");
    assert!(
        lines[0].ends_with(
            "story \"Story 0\": its link file:///etc/passwd is not an http:// or https:// address \
             and is never opened; its summary is kept"
        ),
        "{lines:?}"
    );
    for article in home.articles() {
        assert_eq!(
            article.body,
            "\"We will rebuild the pier,\" said Mayor Teresa Okafor."
        );
        assert_eq!(article.url, None, "only web addresses are kept as links");
    }
    assert_eq!(
        server.all_requests().len(),
        1,
        "only the feed was asked for"
    );
    assert!(!home.pages().exists() || std::fs::read_dir(home.pages()).unwrap().count() == 0);
}

#[test]
fn escape_sequences_never_reach_the_files_or_the_terminal() {
    let server = Server::start();
    let rss = "<rss version=\"2.0\"><channel><title>Evil\u{1b}]0;PWNED\u{7} Times\u{1b}[2J</title>\
               <item><title>Breaking\u{1b}[31m news&#x1b;]8;;http://x\u{7}</title><guid>e1</guid>\
               <author>a@b.example (Eve\u{9b}31m Mallory)</author>\
               <description>&lt;p&gt;Text\u{202e}evil &#27;[1mbold&lt;/p&gt;</description></item></channel></rss>";
    server.fixed("/evil.rss", Reply::ok(RSS, rss));
    let home = Home::new();
    home.add(&[&server.url("/evil.rss")]);
    let run = home.byline(&["fetch"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let story = home.article("Breaking news");
    assert_eq!(story.source.as_deref(), Some("Evil Times"));
    assert!(
        !story
            .body
            .contains(['\u{1b}', '\u{9b}', '\u{202e}', '\u{7}']),
        "{:?}",
        story.body
    );
    for (_, bytes) in home.story_files() {
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.contains(['\u{1b}', '\u{9b}', '\u{7}', '\u{202e}']),
            "{text}"
        );
        assert!(!text.contains("\\u001b"), "{text}");
    }
    let list = home.byline(&["feeds", "list"]);
    assert!(list.stdout.contains("Evil Times"), "{list:?}");
    assert!(!list.stdout.contains('\u{1b}') && !list.stderr.contains('\u{1b}'));
}
