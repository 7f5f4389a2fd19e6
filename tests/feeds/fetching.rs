//! Fetching: the stories each kind of feed gives, full text, conditional
//! GET, a new item on a later fetch, failures, Retry-After, encodings.

use super::server::{Reply, Server};
use super::{Home, fixture, speakers};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const RSS: &str = "application/rss+xml";

/// The harbour feed (full text, its two pages), the lake's Atom feed and
/// the wire's JSON Feed.
fn newsroom(server: &Server) {
    let base = server.base();
    server.fixed(
        "/harbour.rss",
        Reply::ok(RSS, fixture("harbour.rss", &base)),
    );
    server.fixed(
        "/news/pier",
        Reply::ok("text/html; charset=utf-8", fixture("page-pier.html", &base)),
    );
    server.fixed(
        "/news/ferry",
        Reply::ok("text/html", fixture("page-ferry.html", &base)),
    );
    server.fixed(
        "/lake.atom",
        Reply::ok("application/atom+xml", fixture("lake.atom", &base)),
    );
    server.fixed(
        "/wire.json",
        Reply::ok("application/feed+json", fixture("wire.json", &base)),
    );
}

#[test]
fn rss_with_full_text_atom_and_json_feed_become_stories_with_their_speakers() {
    let server = Server::start();
    newsroom(&server);
    let home = Home::new();
    home.add(&[
        "--full-text",
        "--name",
        "Harbour Gazette",
        &server.url("/harbour.rss"),
    ]);
    home.add(&[&server.url("/lake.atom"), &server.url("/wire.json")]);
    let run = home.byline(&["fetch"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    assert!(
        run.stdout
            .starts_with("3 feeds: 4 new stories, 0 changed; 0 not modified\n"),
        "{run:?}"
    );

    let pier = home.article("Harbour council votes to rebuild the pier");
    assert_eq!(pier.source.as_deref(), Some("Harbour Gazette"));
    assert_eq!(pier.published.as_deref(), Some("2026-03-03T21:15:00Z"));
    assert_eq!(pier.authors, ["Ann Lee"]);
    assert_eq!(pier.url, Some(server.url("/news/pier")));
    assert_eq!(
        pier.subtitle.as_deref(),
        Some("The council voted to rebuild the old pier, closed since the storms.")
    );
    assert!(
        pier.body
            .starts_with("The harbour council voted on Tuesday night"),
        "{}",
        pier.body
    );
    assert!(
        pier.body
            .contains("“We will rebuild the pier,” said Mayor Teresa Okafor.")
    );
    for clutter in [
        "cookies",
        "Subscribe",
        "Related",
        "All rights reserved",
        "Lighthouse",
    ] {
        assert!(!pier.body.contains(clutter), "{clutter} in {}", pier.body);
    }
    assert_eq!(pier.images[0].caption, "The pier after the storm of 2024");
    assert_eq!(
        speakers(&pier),
        [
            "Teresa Okafor",
            "Teresa Okafor",
            "Rhys Pemberton",
            "Ingrid Solberg",
            "Ingrid Solberg"
        ]
    );

    let ferry = home.article("Ferry timetable cut for winter");
    assert_eq!(
        ferry.subtitle.as_deref(),
        Some("Two crossings a day will go from November, the operator said.")
    );
    assert_eq!(
        speakers(&ferry),
        [
            "Marit Halvorsen",
            "Marit Halvorsen",
            "Sunniva Dahl",
            "Sunniva Dahl"
        ]
    );

    let quay = home.article("Geneva voters back car-free lakeside quay");
    assert_eq!(quay.source.as_deref(), Some("Léman Courier"));
    assert_eq!(quay.published.as_deref(), Some("2026-03-09T17:00:00Z"));
    assert_eq!(
        quay.subtitle.as_deref(),
        Some("A narrow majority backs closing the quay to cars.")
    );
    assert_eq!(quay.images[0].credit.as_deref(), Some("Luca Rossi"));
    assert_eq!(speakers(&quay), ["Hélène Lefèvre"]);

    let strike = home.article("Students' union backs rent strike");
    assert_eq!(strike.source.as_deref(), Some("Capital Wire"));
    assert_eq!(strike.authors, ["Marisol Quintero"]);
    assert_eq!(speakers(&strike), ["Kofi Mensah"]);

    extract_and_cached_full_text(&home, &server, &pier);
}

/// `byline extract` on the fetched folder; the full text on demand from the cache.
fn extract_and_cached_full_text(home: &Home, server: &Server, pier: &byline::Article) {
    // `byline extract` reads the folder as it reads any.
    let stories = home.stories();
    let extract = home.byline(&["extract", stories.to_str().unwrap()]);
    assert_eq!(extract.code, Some(0), "{extract:?}");
    let lines: Vec<serde_json::Value> = extract
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let pier_line = lines.iter().find(|l| l["title"] == pier.title).unwrap();
    assert_eq!(pier_line["quotes"][0]["speaker"], "Teresa Okafor");
    assert_eq!(pier_line["source"], "Harbour Gazette");

    // The pages were fetched once; the full text on demand comes from the cache.
    assert_eq!(server.count("/news/pier"), 1);
    let again = byline::feeds::full_text(&server.url("/news/pier"), &home.options()).unwrap();
    assert_eq!(again.body, pier.body);
    assert_eq!(server.count("/news/pier"), 1, "from the cache");
    assert_eq!(std::fs::read_dir(home.pages()).unwrap().count(), 2);
}

#[test]
fn an_unchanged_feed_costs_a_304_and_a_new_item_is_added_once() {
    let server = Server::start();
    let base = server.base();
    let version = Arc::new(AtomicUsize::new(1));
    let seen = Arc::clone(&version);
    server.route("/feed.rss", move |request, _| {
        let version = seen.load(Ordering::SeqCst);
        let etag = format!("\"v{version}\"");
        if request.header("if-none-match") == Some(etag.as_str()) {
            return Reply::status(304).header("ETag", &etag);
        }
        Reply::ok(RSS, feed_version(&base, version)).header("ETag", &etag)
    });
    let home = Home::new();
    home.add(&[&server.url("/feed.rss")]);

    let first = home.byline(&["fetch"]);
    assert_eq!(first.code, Some(0), "{first:?}");
    assert!(
        first
            .stdout
            .starts_with("1 feeds: 2 new stories, 0 changed; 0 not modified"),
        "{first:?}"
    );
    let before = home.story_files();
    let ids: Vec<String> = home.articles().iter().map(|a| a.id.clone()).collect();

    let second = home.byline(&["fetch"]);
    assert_eq!(second.code, Some(0), "{second:?}");
    assert!(
        second
            .stdout
            .starts_with("1 feeds: 0 new stories, 0 changed; 1 not modified"),
        "{second:?}"
    );
    let requests = server.requests("/feed.rss");
    assert_eq!(requests[0].header("if-none-match"), None);
    assert_eq!(requests[1].header("if-none-match"), Some("\"v1\""));
    assert!(
        requests[1]
            .header("user-agent")
            .unwrap()
            .starts_with("byline/")
    );
    assert_eq!(home.story_files(), before, "a 304 writes nothing");

    // The feed gains an item and changes one.
    version.store(2, Ordering::SeqCst);
    let third = home.byline(&["fetch"]);
    assert!(
        third
            .stdout
            .starts_with("1 feeds: 1 new stories, 1 changed; 0 not modified"),
        "{third:?}"
    );
    let articles = home.articles();
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Lighthouse reopens",
            "Pier rebuilt (updated)",
            "Quay closed"
        ],
        "newest first"
    );
    assert!(
        ids.contains(&articles[1].id),
        "an updated story keeps its id"
    );
    let mut unique: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 3, "no duplicates after three fetches");
    let fourth = home.byline(&["fetch"]);
    assert!(fourth.stdout.contains("1 not modified"), "{fourth:?}");
    assert_eq!(home.articles().len(), 3);
}

/// The feed at version 1 (two items) or 2 (one changed, one new).
fn feed_version(base: &str, version: usize) -> String {
    let pier = if version == 1 {
        "Pier rebuilt"
    } else {
        "Pier rebuilt (updated)"
    };
    let new = if version == 2 {
        "<item><title>Lighthouse reopens</title><guid>light</guid><pubDate>Thu, 05 Mar 2026 09:00:00 GMT</pubDate>\
         <description>\"The light is back,\" said keeper Jon Aas.</description></item>"
    } else {
        ""
    };
    format!(
        "<rss version=\"2.0\"><channel><title>Harbour</title><link>{base}/</link>{new}\
         <item><title>{pier}</title><guid>pier</guid><pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate>\
         <description>\"We will rebuild the pier,\" said Mayor Teresa Okafor.</description></item>\
         <item><title>Quay closed</title><link>{base}/quay</link><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>\
         <description>The quay is closed.</description></item></channel></rss>"
    )
}

#[test]
fn failures_are_one_line_each_and_the_other_feeds_are_fetched() {
    let server = Server::start();
    let base = server.base();
    server.fixed("/good.rss", Reply::ok(RSS, feed_version(&base, 1)));
    server.fixed("/broken", Reply::status(500));
    server.fixed("/never", Reply::hang());
    server.fixed(
        "/old",
        Reply::status(301).header("Location", &server.url("/moved.json")),
    );
    server.fixed(
        "/moved.json",
        Reply::ok("application/feed+json", fixture("wire.json", &base)),
    );
    server.fixed(
        "/to-file",
        Reply::status(302).header("Location", "file:///etc/passwd"),
    );
    let home = Home::new();
    home.settings("[feeds]\ntimeout = 1\n");
    for path in [
        "/good.rss",
        "/broken",
        "/never",
        "/old",
        "/to-file",
        "/missing",
    ] {
        home.add(&[&server.url(path)]);
    }
    let run = home.byline(&["fetch"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 4, "{run:?}");
    let line = |path: &str| {
        let start = format!("byline: {}: ", server.url(path));
        lines
            .iter()
            .find(|l| l.starts_with(&start))
            .unwrap_or_else(|| panic!("no line for {path}: {lines:?}"))
            .trim_start_matches(&start)
            .to_owned()
    };
    assert_eq!(
        line("/broken"),
        "the server answered 500 Internal Server Error"
    );
    assert_eq!(line("/missing"), "the server answered 404 Not Found");
    assert_eq!(
        line("/never"),
        "no answer within 1 s (timeout in [feeds] of the settings)"
    );
    assert_eq!(
        line("/to-file"),
        "redirected to file:///etc/passwd, which is not an http:// or https:// address; not followed"
    );
    assert!(
        run.stdout
            .starts_with("6 feeds: 3 new stories, 0 changed; 0 not modified, 4 failed"),
        "{run:?}"
    );
    // The hung feed held its thread for the timeout, not the run.
    assert!(run.took.as_secs() < 30, "{:?}", run.took);
    let titles: Vec<String> = home.articles().into_iter().map(|a| a.title).collect();
    assert!(
        titles.contains(&"Students' union backs rent strike".to_owned()),
        "followed the redirect: {titles:?}"
    );
    assert_eq!(titles.len(), 3);
    assert_eq!(server.count("/moved.json"), 1);
    assert_eq!(
        server.all_requests().len(),
        7,
        "the file: redirect was not followed"
    );
}

#[test]
fn retry_after_is_honoured() {
    let server = Server::start();
    server.fixed(
        "/busy.rss",
        Reply::status(429).header("Retry-After", "3600"),
    );
    server.fixed("/fine.rss", Reply::ok(RSS, feed_version(&server.base(), 1)));
    let home = Home::new();
    home.add(&[&server.url("/busy.rss"), &server.url("/fine.rss")]);
    let first = home.byline(&["fetch"]);
    assert_eq!(first.code, Some(1), "{first:?}");
    assert!(
        first.stderr.contains(
            "the server answered 429 Too Many Requests and asked not to be asked again before"
        ),
        "{first:?}"
    );
    let second = home.byline(&["fetch"]);
    assert_eq!(
        second.code,
        Some(0),
        "waiting as asked is no failure: {second:?}"
    );
    assert!(second.stderr.contains("not asked before"), "{second:?}");
    assert!(second.stdout.contains("1 waiting"), "{second:?}");
    assert_eq!(server.count("/busy.rss"), 1, "not asked again");
    assert_eq!(server.count("/fine.rss"), 2);
    let list = home.byline(&["feeds", "list", "--json"]);
    let busy: serde_json::Value =
        serde_json::from_str(list.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(busy["failed"], true);
    assert!(busy["last_status"].as_str().unwrap().contains("429"));
}

#[test]
fn latin1_by_declaration_or_by_header_and_gzip() {
    let server = Server::start();
    let base = server.base();
    let declared = fixture("zurich-latin1.rss", &base);
    server.fixed("/declared.rss", Reply::ok(RSS, declared.clone()));
    let end = declared.iter().position(|&b| b == b'>').unwrap() + 1;
    server.fixed(
        "/header.rss",
        Reply::ok(
            "application/rss+xml; charset=ISO-8859-1",
            declared[end..].to_vec(),
        ),
    );
    let zipped = gzip(&fixture("harbour.rss", &base));
    server.route("/zipped.rss", move |request, _| {
        assert!(
            request
                .header("accept-encoding")
                .is_some_and(|a| a.contains("gzip"))
        );
        Reply::ok(RSS, zipped.clone()).header("Content-Encoding", "gzip")
    });
    let home = Home::new();
    home.add(&["--name", "Bote", &server.url("/declared.rss")]);
    home.add(&["--name", "Bote by header", &server.url("/header.rss")]);
    home.add(&[&server.url("/zipped.rss")]);
    let run = home.byline(&["fetch"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let articles = home.articles();
    let cafes: Vec<_> = articles
        .iter()
        .filter(|a| a.title == "Café am See schließt")
        .collect();
    assert_eq!(
        cafes.len(),
        2,
        "{:?}",
        articles.iter().map(|a| &a.title).collect::<Vec<_>>()
    );
    for cafe in cafes {
        assert_eq!(
            cafe.body,
            "«Wir danken unseren Gästen», sagte Besitzerin Anna Müller."
        );
    }
    assert!(
        articles
            .iter()
            .any(|a| a.source.as_deref() == Some("Harbour Gazette — News"))
    );
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn only_one_fetch_at_a_time() {
    let home = Home::new();
    let options = home.options();
    std::fs::create_dir_all(&options.folders.state).unwrap();
    let held = std::fs::File::create(options.folders.state.join("feeds.lock")).unwrap();
    held.lock().unwrap();
    let got = byline::feeds::fetch_feeds(&[], &options, |_| {});
    assert!(
        matches!(got, Err(byline::feeds::FetchError::Busy(_))),
        "{got:?}"
    );
    held.unlock().unwrap();
    let report = byline::feeds::fetch_feeds(&[], &options, |_| {}).unwrap();
    assert!(report.feeds.is_empty());
}

#[test]
fn last_modified_is_sent_back_and_a_feed_with_no_item_has_no_file() {
    let server = Server::start();
    let base = server.base();
    let when = "Wed, 04 Mar 2026 09:00:00 GMT";
    server.route("/dated.rss", move |request, _| {
        if request.header("if-modified-since") == Some(when) {
            return Reply::status(304);
        }
        Reply::ok(RSS, feed_version(&base, 1)).header("Last-Modified", when)
    });
    server.fixed(
        "/quiet.rss",
        Reply::ok(
            RSS,
            "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>",
        ),
    );
    let home = Home::new();
    home.add(&[&server.url("/dated.rss"), &server.url("/quiet.rss")]);
    assert_eq!(home.byline(&["fetch"]).code, Some(0));
    let second = home.byline(&["fetch"]);
    assert_eq!(second.code, Some(0), "{second:?}");
    assert!(second.stdout.contains("1 not modified"), "{second:?}");
    assert_eq!(
        server.requests("/dated.rss")[1].header("if-modified-since"),
        Some(when)
    );
    assert_eq!(
        home.story_files().len(),
        1,
        "no file for the feed with no item"
    );
    assert_eq!(home.articles().len(), 2);
}
