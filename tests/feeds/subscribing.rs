//! Subscribing: `byline feeds add/remove/list/import/export`, and the
//! subscriptions file a person edits.

use super::Home;
use byline::feeds::{Subscription, Subscriptions};

fn subscriptions(home: &Home) -> Vec<Subscription> {
    Subscriptions::load_from(&home.subscriptions_file())
        .unwrap()
        .feeds()
        .to_vec()
}

#[test]
fn add_list_and_remove() {
    let home = Home::new();
    home.add(&[
        "--full-text",
        "--name",
        "Harbour \"Gazette\"",
        "--tag",
        "local",
        "https://harbour.example/rss",
    ]);
    home.add(&["https://lake.example/atom", "http://wire.example/feed.json"]);
    let again = home.byline(&["feeds", "add", "https://lake.example/atom"]);
    assert_eq!(again.code, Some(0));
    assert_eq!(
        again.stderr,
        "byline: already subscribed to https://lake.example/atom\n"
    );

    let refused = home.byline(&[
        "feeds",
        "add",
        "https://ok.example/rss",
        "file:///etc/passwd",
    ]);
    assert_eq!(refused.code, Some(2), "{refused:?}");
    assert_eq!(
        refused.stderr,
        "byline: `file:///etc/passwd` is not an http:// or https:// address; byline fetches only those\n"
    );
    assert_eq!(subscriptions(&home).len(), 3, "nothing added");
    let two_names = home.byline(&[
        "feeds",
        "add",
        "--name",
        "X",
        "https://a.example/",
        "https://b.example/",
    ]);
    assert_eq!(two_names.code, Some(2));

    let list = home.byline(&["feeds", "list", "--json"]);
    assert_eq!(list.code, Some(0), "{list:?}");
    let rows: Vec<serde_json::Value> = list
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["url"], "https://harbour.example/rss");
    assert_eq!(rows[0]["name"], "Harbour \"Gazette\"");
    assert_eq!(rows[0]["full_text"], true);
    assert_eq!(rows[0]["tags"], serde_json::json!(["local"]));
    assert_eq!(rows[0]["last_fetch"], serde_json::Value::Null);
    assert_eq!(rows[0]["stories"], 0);
    assert_eq!(rows[1]["full_text"], false);

    let removed = home.byline(&["feeds", "remove", "https://lake.example/atom"]);
    assert_eq!(removed.code, Some(0), "{removed:?}");
    let urls: Vec<String> = subscriptions(&home).into_iter().map(|f| f.url).collect();
    assert_eq!(
        urls,
        [
            "https://harbour.example/rss",
            "http://wire.example/feed.json"
        ]
    );
    let unknown = home.byline(&["feeds", "remove", "https://lake.example/atom"]);
    assert_eq!(unknown.code, Some(1));
    assert_eq!(
        unknown.stderr,
        "byline: not subscribed to https://lake.example/atom\n"
    );
}

#[test]
fn a_hand_edited_file_keeps_its_comments_and_its_bad_entries() {
    let home = Home::new();
    let file = home.subscriptions_file();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let text = "# My feeds, by hand.\n\n[[feed]]\nurl = \"https://a.example/rss\"   # the first\n\n\
                [[feed]]\nurl = \"gopher://old.example/\"\n\n[[feed]]\nurl = \"https://b.example/rss\"\n";
    std::fs::write(&file, text).unwrap();
    let list = home.byline(&["feeds", "list", "--json"]);
    assert_eq!(list.code, Some(1), "the bad entry is a problem: {list:?}");
    assert!(
        list.stderr.contains(
            "feeds.toml:7: `gopher://old.example/` is not an http:// or https:// address"
        ),
        "{list:?}"
    );
    assert_eq!(list.stdout.lines().count(), 2);
    home.byline(&["feeds", "add", "https://c.example/rss"]);
    home.byline(&["feeds", "remove", "https://b.example/rss"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "# My feeds, by hand.\n\n[[feed]]\nurl = \"https://a.example/rss\"   # the first\n\n\
         [[feed]]\nurl = \"gopher://old.example/\"\n\n[[feed]]\nurl = \"https://c.example/rss\"\n"
    );

    std::fs::write(&file, "[[feed]\nurl = \"https://a.example/rss\"\n").unwrap();
    let refused = home.byline(&["feeds", "add", "https://d.example/rss"]);
    assert_eq!(refused.code, Some(1), "{refused:?}");
    assert!(
        refused.stderr.contains("leaves it alone until it is fixed"),
        "{refused:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "[[feed]\nurl = \"https://a.example/rss\"\n"
    );
}

const OPML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Exported from another reader</title></head>
  <body>
    <outline text="News" title="News">
      <outline text="Harbour Gazette" type="rss" xmlUrl="https://harbour.example/rss" htmlUrl="https://harbour.example/"/>
      <outline text="Local">
        <outline text="Lake &amp; Quay" type="rss" xmlUrl="https://lake.example/atom"/>
      </outline>
    </outline>
    <outline text="Wire" type="rss" xmlUrl="https://wire.example/feed.json" category="/economy,/politics"/>
    <outline text="Podcast" type="rss" xmlUrl="ftp://cast.example/feed"/>
  </body>
</opml>
"#;

#[test]
fn opml_import_and_export_round_trip() {
    let home = Home::new();
    let file = home.config().join("subs.opml");
    std::fs::create_dir_all(home.config()).unwrap();
    std::fs::write(&file, OPML).unwrap();
    let run = home.byline(&["feeds", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "the ftp feed is a problem: {run:?}");
    assert!(
        run.stderr.contains(
            "subs.opml:12: `ftp://cast.example/feed` is not an http:// or https:// address"
        ),
        "{run:?}"
    );
    assert!(run.stdout.starts_with("imported 3 feeds from"), "{run:?}");
    let imported = subscriptions(&home);
    let summary: Vec<(&str, Option<&str>, Vec<&str>)> = imported
        .iter()
        .map(|f| {
            (
                f.url.as_str(),
                f.name.as_deref(),
                f.tags.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "https://harbour.example/rss",
                Some("Harbour Gazette"),
                vec!["News"]
            ),
            (
                "https://lake.example/atom",
                Some("Lake & Quay"),
                vec!["News", "Local"]
            ),
            (
                "https://wire.example/feed.json",
                Some("Wire"),
                vec!["economy", "politics"]
            ),
        ]
    );
    let again = home.byline(&["feeds", "import", file.to_str().unwrap()]);
    assert!(
        again.stdout.contains("imported 0 feeds")
            && again.stdout.contains("(3 subscribed already)"),
        "{again:?}"
    );

    let export = home.byline(&["feeds", "export"]);
    assert_eq!(export.code, Some(0), "{export:?}");
    assert!(
        export
            .stdout
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")
    );
    let other = Home::new();
    std::fs::create_dir_all(other.config()).unwrap();
    let exported = other.config().join("exported.opml");
    std::fs::write(&exported, &export.stdout).unwrap();
    let run = other.byline(&["feeds", "import", exported.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(subscriptions(&other), imported);
}

#[test]
fn newsboat_urls_import_and_round_trip() {
    let home = Home::new();
    std::fs::create_dir_all(home.config()).unwrap();
    let urls = home.config().join("urls");
    std::fs::write(
        &urls,
        "# newsboat\nhttps://harbour.example/rss local \"~Harbour Gazette\"\n\
         https://lake.example/atom \"lake and quay\" local\n\
         \"query:Unread:unread = \\\"yes\\\"\"\n",
    )
    .unwrap();
    let run = home.byline(&["feeds", "import", urls.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("urls:4: newsboat's query: feeds are not fetched by byline"),
        "{run:?}"
    );
    let imported = subscriptions(&home);
    assert_eq!(imported.len(), 2);
    assert_eq!(imported[0].name.as_deref(), Some("Harbour Gazette"));
    assert_eq!(imported[0].tags, ["local"]);
    assert_eq!(imported[1].tags, ["lake and quay", "local"]);

    let export = home.byline(&["feeds", "export"]);
    let other = Home::new();
    std::fs::create_dir_all(other.config()).unwrap();
    let exported = other.config().join("x.opml");
    std::fs::write(&exported, &export.stdout).unwrap();
    assert_eq!(
        other
            .byline(&["feeds", "import", exported.to_str().unwrap()])
            .code,
        Some(0)
    );
    assert_eq!(subscriptions(&other), imported);
}

#[test]
fn usage_errors_exit_2_and_no_subscriptions_is_said() {
    let home = Home::new();
    assert_eq!(home.byline(&["fetch", "--bogus"]).code, Some(2));
    assert_eq!(home.byline(&["feeds", "add"]).code, Some(2));
    assert_eq!(home.byline(&["feeds"]).code, Some(2));
    let none = home.byline(&["fetch"]);
    assert_eq!(none.code, Some(0));
    assert!(none.stderr.contains("no subscriptions yet"), "{none:?}");
}
