//! End-to-end, in tmux, against a feed served on 127.0.0.1 (never the
//! internet): `byline` with no paths opens the fetched feeds, `Ctrl-r`
//! brings in a story the feed gained while the reader ran, `t` reads a
//! story's web page for its full text, and `F` lists the sources with
//! their unread counts. Skipped, with a message, where
//! tmux is not installed.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::feeds::server;
use crate::tui_support;

use server::{Reply, Server};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tui_support::{Tmux, have_tmux};

/// The pier story's web page: its article among clutter.
const PIER_PAGE: &str = "<html><head><title>Pier</title></head><body>\
    <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
    <article><h1>Pier to be rebuilt after storm</h1>\
    <p>The harbour council voted on Tuesday to rebuild the old pier, which the March storm broke in two places.</p>\
    <p>\"We will rebuild the pier stone by stone, and it will stand for another century,\" said Mayor Teresa Okafor after the vote.</p>\
    <p>Engineers expect the work to take eighteen months and to cost about four million crowns.</p>\
    </article><footer>Cookies keep this site running.</footer></body></html>";

/// A feed of two stories, or three once `more` is set.
fn feed(base: &str, more: bool) -> String {
    let extra = if more {
        "<item><title>Lighthouse keeper returns to the rock</title><guid>light</guid>\
         <pubDate>Fri, 06 Mar 2026 09:00:00 GMT</pubDate>\
         <description>\"The light is back,\" said keeper Jon Aas.</description></item>"
    } else {
        ""
    };
    format!(
        "<rss version=\"2.0\"><channel><title>Harbour Wire</title>{extra}\
         <item><title>Pier to be rebuilt after storm</title><guid>pier</guid><link>{base}/pier</link>\
         <pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate>\
         <description>\"We will rebuild the pier,\" said Mayor Teresa Okafor.</description></item>\
         <item><title>Quay closed for repairs</title><guid>quay</guid>\
         <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>\
         <description>The quay is closed.</description></item></channel></rss>"
    )
}

#[test]
fn the_reader_opens_the_fetched_feeds_and_ctrl_r_fetches_again() {
    if !have_tmux() {
        return;
    }
    let server = Server::start();
    let more = Arc::new(AtomicBool::new(false));
    let grown = Arc::clone(&more);
    let base = server.base();
    server.route("/rss", move |_, _| {
        Reply::ok(
            "application/rss+xml",
            feed(&base, grown.load(Ordering::SeqCst)),
        )
    });
    server.fixed("/pier", Reply::ok("text/html; charset=utf-8", PIER_PAGE));
    let tmux = Tmux::start(120, 30);
    // The pane's shell has HOME here and no XDG variables.
    let config = tmux.dir.join(".config/byline");
    std::fs::create_dir_all(&config).unwrap();
    let subscription = format!("[[feed]]\nurl = \"{}\"\n", server.url("/rss"));
    std::fs::write(config.join("feeds.toml"), subscription).unwrap();
    let fetched = Command::new(tui_support::binary())
        .arg("fetch")
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", &tmux.dir)
        .output()
        .unwrap();
    assert!(fetched.status.success(), "{fetched:?}");

    tmux.byline(&[]);
    let screen = tmux.wait_for("the fetched stories", |s| s.contains("Pier to be rebuilt"));
    assert!(screen.contains("Harbour Wire"), "{screen}");
    assert!(
        !screen.contains("Senators clash"),
        "no samples beside them: {screen}"
    );

    more.store(true, Ordering::SeqCst);
    tmux.keys(&["C-r"]);
    let screen = tmux.wait_for("the story the feed gained", |s| {
        s.contains("Lighthouse keeper returns") && s.contains("fetched 1 feed: 1 new story")
    });
    // Newest first: the new story heads the list.
    let first = screen.lines().nth(2).unwrap_or_default();
    assert!(first.contains("Lighthouse keeper"), "{screen}");

    // The pier story is selected: `t` reads its page.
    tmux.keys(&["t"]);
    let screen = tmux.wait_for("the pier story's full text", |s| {
        s.contains("stone by stone") && s.contains("the full text: 3 paragraphs")
    });
    assert!(
        !screen.contains("Cookies keep"),
        "the article alone: {screen}"
    );
    assert_eq!(server.count("/pier"), 1);

    tmux.keys(&["F"]);
    tmux.wait_for("the sources with unread counts", |s| {
        s.contains("Sources · 1") && s.contains("Harbour Wire") && s.contains("3 unread of 3")
    });
    tmux.keys(&["A", "y"]);
    tmux.wait_for("the source marked read", |s| s.contains("all 3 read"));
    // Apart: an Escape followed at once by a key reads as Alt and that key.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the sources closed", |s| !s.contains("Sources ·"));
    tmux.keys(&["q"]);
    tmux.wait_for("the prompt", |s| s.contains("exit=0"));
}
