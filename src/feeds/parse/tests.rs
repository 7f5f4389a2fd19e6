use super::*;

const SEEN: &str = "2026-03-01T00:00:00Z";

fn feed(url: &str) -> Subscription {
    Subscription::new(url.to_owned())
}

fn parse_text(text: &str) -> Result<Parsed, FetchError> {
    parse(
        text.as_bytes(),
        None,
        &feed("https://harbour.example/rss"),
        SEEN,
    )
}

#[test]
fn rss_items_become_stories() {
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Harbour &amp; Gazette</title><link>https://harbour.example/</link>
<item><title>Pier to be rebuilt</title><link>/news/pier</link><guid isPermaLink="false">pier-1</guid>
<dc:creator>Ann Lee</dc:creator><pubDate>Fri, 02 Jan 2026 10:30:00 +0100</pubDate>
<description><![CDATA[<p>&ldquo;We will rebuild the pier,&rdquo; said Mayor Teresa Okafor.</p><figure><img src="p.jpg"><figcaption>The old pier <span class="credit">Bo Chan</span></figcaption></figure><p>Work starts in May.</p>]]></description></item>
<item><title>No guid</title><link>https://harbour.example/news/two</link><description>Plain text &amp; more.</description></item>
</channel></rss>"#;
    let parsed = parse_text(rss).unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Harbour & Gazette"));
    let pier = &parsed.items[0].story;
    assert_eq!(pier.title, "Pier to be rebuilt");
    assert_eq!(pier.source.as_deref(), Some("Harbour & Gazette"));
    assert_eq!(pier.authors, ["Ann Lee"]);
    assert_eq!(pier.published.as_deref(), Some("2026-01-02T09:30:00Z"));
    assert_eq!(
        pier.url.as_deref(),
        Some("https://harbour.example/news/pier"),
        "resolved"
    );
    assert_eq!(
        pier.body,
        "“We will rebuild the pier,” said Mayor Teresa Okafor.\n\nWork starts in May."
    );
    assert_eq!(pier.images[0].caption, "The old pier");
    assert_eq!(pier.images[0].credit.as_deref(), Some("Bo Chan"));
    assert_eq!(pier.fetch.key, "pier-1");
    assert_eq!(pier.id, story_id("https://harbour.example/rss", "pier-1"));
    let two = &parsed.items[1].story;
    assert_eq!(
        two.fetch.key, "https://harbour.example/news/two",
        "no guid: the link"
    );
    assert_eq!(two.body, "Plain text & more.");
}

#[test]
fn the_subscriptions_name_is_the_source() {
    let mut named = feed("https://harbour.example/rss");
    named.name = Some("My Harbour".into());
    let rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title></item></channel></rss>";
    let parsed = parse(rss.as_bytes(), None, &named, SEEN).unwrap();
    assert_eq!(parsed.items[0].story.source.as_deref(), Some("My Harbour"));
}

#[test]
fn atom_html_content_with_its_summary_as_subtitle() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lakeside Courier</title><id>urn:x</id><updated>2026-03-09T08:00:00Z</updated>
<entry><title type="html">Quay &lt;em&gt;vote&lt;/em&gt;</title><id>urn:quay</id><updated>2026-03-09T08:00:00+01:00</updated>
<author><name>Sophie Marchetti</name></author><link href="https://lake.example/quay"/>
<summary>Voters back a car-free quay.</summary>
<content type="html">&lt;p&gt;&amp;ldquo;The lake wins,&amp;rdquo; said Hélène Lefèvre.&lt;/p&gt;</content></entry></feed>"#;
    let parsed = parse_text(atom).unwrap();
    let quay = &parsed.items[0].story;
    assert_eq!(quay.title, "Quay vote");
    assert_eq!(
        quay.subtitle.as_deref(),
        Some("Voters back a car-free quay.")
    );
    assert_eq!(quay.body, "“The lake wins,” said Hélène Lefèvre.");
    assert_eq!(quay.published.as_deref(), Some("2026-03-09T07:00:00Z"));
    assert_eq!(quay.authors, ["Sophie Marchetti"]);
}

#[test]
fn json_feed() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
      "items": [{"id": "w1", "url": "https://wire.example/w1", "title": "Ferry talks",
                 "content_text": "\"No deal,\" said Ola Berg.", "date_published": "2026-03-03T12:00:00Z",
                 "authors": [{"name": "Kim Dahl"}]}]}"#;
    let parsed = parse_text(json).unwrap();
    let story = &parsed.items[0].story;
    assert_eq!(
        (story.title.as_str(), story.body.as_str()),
        ("Ferry talks", "\"No deal,\" said Ola Berg.")
    );
    assert_eq!(story.source.as_deref(), Some("Wire"));
    assert_eq!(story.authors, ["Kim Dahl"]);
}

#[test]
fn latin1_by_declaration_or_by_header() {
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Z\xfcrich</title><item><title>Caf\xe9</title></item></channel></rss>".to_vec();
    let parsed = parse(&bytes, None, &feed("https://z.example/rss"), SEEN).unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Zürich"));
    assert_eq!(parsed.items[0].story.title, "Café");
    let declaration = bytes.iter().position(|&b| b == b'>').unwrap() + 1;
    bytes.drain(..declaration);
    let parsed = parse(
        &bytes,
        Some("iso-8859-1"),
        &feed("https://z.example/rss"),
        SEEN,
    )
    .unwrap();
    assert_eq!(parsed.items[0].story.title, "Café");
}

#[test]
fn escape_sequences_are_removed() {
    let rss = "<rss version=\"2.0\"><channel><title>T\u{1b}]0;PWNED\u{7}itle</title><item><title>Bad\u{1b}[2J news&#x1b;[31m</title><description>a\u{9b}31mb \u{202e}c</description></item></channel></rss>";
    let parsed = parse_text(rss).unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Title"));
    let story = &parsed.items[0].story;
    assert_eq!(story.title, "Bad news");
    assert!(
        !story.body.contains(['\u{1b}', '\u{9b}', '\u{202e}']),
        "{:?}",
        story.body
    );
}

#[test]
fn what_is_not_a_feed() {
    let page = parse_text("<!DOCTYPE html><html><body><p>Hello</p></body></html>").unwrap_err();
    assert_eq!(page.to_string(), "not a feed: it is a web page (HTML)");
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"#;
    assert!(
        parse_text(bomb)
            .unwrap_err()
            .to_string()
            .contains("entity bomb")
    );
    assert!(matches!(
        parse_text("{\"version\": 1, \"items\": ["),
        Err(FetchError::NotAFeed(_))
    ));
    assert!(matches!(
        parse_text("just words"),
        Err(FetchError::NotAFeed(_))
    ));
}

#[test]
fn truncated_xml_is_not_a_feed() {
    let rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>One</title></item><item><title>Tw";
    let got = parse_text(rss);
    assert!(matches!(got, Err(FetchError::NotAFeed(_))), "{got:?}");
}
