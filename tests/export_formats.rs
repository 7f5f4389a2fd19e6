//! `byline export` and the rendering behind it: the exact text of each
//! format, files never overwritten without `--force`, and exit statuses.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::analysis::{Analysis, Person, Quote, Span};
use byline::article::{Article, Origin, Place, load};
use byline::export::{self, Format};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const BODY: &str = "The harbour council voted on Tuesday to build a flood barrier.\n\n\
    \"The barrier will protect every home,\" said Mayor Tom Hale.\n\n\
    Residents were pleased. \"We have waited ten years,\" a neighbour said.";

fn article() -> Article {
    Article {
        id: "harbour-1".to_owned(),
        title: "Harbour council approves flood barrier".to_owned(),
        subtitle: Some("Work starts in May".to_owned()),
        body: BODY.to_owned(),
        source: Some("Northshore Gazette".to_owned()),
        authors: vec!["Ann Lee".to_owned()],
        published: Some("2026-03-14T09:00:00Z".to_owned()),
        url: Some("https://gazette.example/harbour".to_owned()),
        images: Vec::new(),
        truncated: false,
        read: None,
        origin: Origin {
            file: "a.json".into(),
            place: Place::File,
        },
    }
}

fn span_of(text: &str) -> Span {
    let start = BODY.find(text).unwrap();
    Span::new(start, start + text.len())
}

/// A fixed analysis, so the expected text does not move with the rules.
fn analysis() -> Analysis {
    // A person as the analysis makes one, then set to known values.
    let mut person: Person = byline::analyse("Mayor Tom Hale spoke.").people.remove(0);
    "Tom Hale".clone_into(&mut person.name);
    person.aliases = vec!["Hale".to_owned()];
    person.mentions = vec![span_of("Tom Hale")];
    person.role = Some("Mayor".to_owned());
    let quote = |text, speaker: Option<&str>, cue: &str| Quote {
        span: span_of(text),
        person: speaker.map(|_| 0),
        speaker: speaker.map(str::to_owned),
        cue: Some(cue.to_owned()),
    };
    Analysis {
        people: vec![person],
        quotes: vec![
            quote(
                "The barrier will protect every home,",
                Some("Tom Hale"),
                "said",
            ),
            quote("We have waited ten years,", None, "said"),
        ],
    }
}

#[test]
fn markdown() {
    let expected = "# Harbour council approves flood barrier

*Work starts in May*

Northshore Gazette · 14 Mar 2026 · by Ann Lee
<https://gazette.example/harbour>

The harbour council voted on Tuesday to build a flood barrier.

\"The barrier will protect every home,\" said Mayor Tom Hale.

Residents were pleased. \"We have waited ten years,\" a neighbour said.

## Quotes

- **Tom Hale** (said): “The barrier will protect every home,”
- *Unattributed* (said): “We have waited ten years,”

## People

- **Tom Hale**, Mayor; also Hale; 1 mention
";
    assert_eq!(
        export::render(&article(), &analysis(), Format::Markdown),
        expected
    );
}

#[test]
fn plain_text() {
    let expected = "Harbour council approves flood barrier
======================================

Work starts in May

Northshore Gazette · 14 Mar 2026 · by Ann Lee
https://gazette.example/harbour

The harbour council voted on Tuesday to build a flood barrier.

\"The barrier will protect every home,\" said Mayor Tom Hale.

Residents were pleased. \"We have waited ten years,\" a neighbour said.

QUOTES

  Tom Hale (said): “The barrier will protect every home,”
  Unattributed (said): “We have waited ten years,”

PEOPLE

  Tom Hale, Mayor; also Hale; 1 mention
";
    assert_eq!(
        export::render(&article(), &analysis(), Format::Text),
        expected
    );
}

#[test]
fn json_is_the_extract_record_plus_the_article() {
    let text = export::render(&article(), &analysis(), Format::Json);
    assert!(text.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let expected = serde_json::json!({
        "id": "harbour-1",
        "title": "Harbour council approves flood barrier",
        "subtitle": "Work starts in May",
        "source": "Northshore Gazette",
        "authors": ["Ann Lee"],
        "published": "2026-03-14T09:00:00Z",
        "url": "https://gazette.example/harbour",
        "body": BODY,
        "people": [{"name": "Tom Hale", "kind": "person", "role": "Mayor",
                    "aliases": ["Hale"], "mentions": 1}],
        "quotes": [
            {"text": "The barrier will protect every home,", "start": 65, "end": 101,
             "speaker": "Tom Hale", "cue": "said"},
            {"text": "We have waited ten years,", "start": 150, "end": 175,
             "speaker": null, "cue": "said"}
        ]
    });
    assert_eq!(value, expected);
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 10);
}

#[test]
fn a_bare_article_has_no_empty_sections() {
    let mut bare = article();
    bare.subtitle = None;
    bare.source = None;
    bare.authors.clear();
    bare.published = None;
    bare.url = None;
    bare.body = "Short.".to_owned();
    let md = export::render(&bare, &Analysis::default(), Format::Markdown);
    assert_eq!(md, "# Harbour council approves flood barrier\n\nShort.\n");
    assert_eq!(
        export::file_name(&bare, Format::Text),
        "harbour-council-approves-flood-barrier.txt"
    );
}

#[test]
fn save_in_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let (article, analysis) = (article(), analysis());
    let first = export::save_in(dir.path(), &article, &analysis, Format::Markdown).unwrap();
    fs::write(&first, "mine").unwrap();
    let second = export::save_in(dir.path(), &article, &analysis, Format::Markdown).unwrap();
    assert_eq!(
        second.file_name().unwrap(),
        "harbour-council-approves-flood-barrier-2.md"
    );
    assert_eq!(fs::read_to_string(first).unwrap(), "mine");
}

fn byline(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// A library of one file, and what export should write for its article.
fn library(dir: &Path) -> (String, String) {
    let json = serde_json::json!({"id": "harbour-1", "title": "Harbour council approves flood barrier",
        "body": ["\"It will hold,\" said Mayor Tom Hale.", "Work starts in May."]});
    fs::write(dir.join("a.json"), json.to_string()).unwrap();
    let loaded = load(&[byline::article::Input::Path(dir.join("a.json"))]);
    let article = &loaded.articles[0];
    let analysis = byline::analyse(&article.body);
    let md = export::render(article, &analysis, Format::Markdown);
    let txt = export::render(article, &analysis, Format::Text);
    (md, txt)
}

#[test]
fn the_command_writes_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (md, txt) = library(d);
    let out = byline(&["export", "harbour-1", "a.json"], d);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), md);

    let out = byline(
        &[
            "export",
            "--format",
            "txt",
            "harbour-1",
            "a.json",
            "--out",
            "x.txt",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "x.txt\n");
    assert_eq!(fs::read_to_string(d.join("x.txt")).unwrap(), txt);

    // An existing file stays as it is without --force.
    fs::write(d.join("x.txt"), "mine").unwrap();
    let out = byline(
        &["export", "-f", "txt", "harbour-1", "a.json", "-o", "x.txt"],
        d,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.txt exists; --force replaces it"));
    assert_eq!(fs::read_to_string(d.join("x.txt")).unwrap(), "mine");
    let out = byline(
        &[
            "export",
            "-f",
            "txt",
            "harbour-1",
            "a.json",
            "-o",
            "x.txt",
            "--force",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(fs::read_to_string(d.join("x.txt")).unwrap(), txt);

    // A folder gets a name made from the title.
    fs::create_dir(d.join("out")).unwrap();
    let out = byline(
        &[
            "export",
            "-f",
            "json",
            "harbour-1",
            "a.json",
            "--out",
            "out",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0));
    let written = d.join("out/harbour-council-approves-flood-barrier.json");
    let value: serde_json::Value = serde_json::from_slice(&fs::read(written).unwrap()).unwrap();
    assert_eq!(value["id"], "harbour-1");
}

#[test]
fn the_command_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    library(d);
    let out = byline(&["export", "nope", "a.json"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no article has the id \"nope\" (of 1 read"),
        "{stderr}"
    );
    let out = byline(&["export", "--format", "html", "harbour-1", "a.json"], d);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let out = byline(&["export", "harbour-1", "a.json", "--force"], d);
    assert_eq!(out.status.code(), Some(2), "--force needs --out");
    // Without a path: the samples.
    let out = byline(&["export", "sample-geneva-quay-vote"], d);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("# Geneva voters")
    );
}

/// `byline export` into a 64 KiB tmpfs, a story longer than that: nothing
/// is left behind, the error says the disk is full, and the next try says
/// so again (not that a file "exists"). The tmpfs is mounted in a mount
/// namespace of the test's own (`unshare`), so nothing outlives the test;
/// where that is not allowed the test says so and passes.
#[test]
fn a_full_disk_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sentence = "The harbour council met again on Tuesday to discuss the barrier. ";
    let json = serde_json::json!({"id": "long-1", "title": "A very long story",
        "body": sentence.repeat(2000)});
    fs::write(d.join("a.json"), json.to_string()).unwrap();
    let disk = d.join("disk");
    fs::create_dir(&disk).unwrap();
    fs::write(d.join("mine.md"), "mine").unwrap();
    // Each export prints its status and what is on the disk after it.
    let script = r#"
        mount -t tmpfs -o size=64k tmpfs "$1" || exit 90
        cp "$4" "$1/mine.md"
        for out in "$1" "$1" "$1/x.md"; do
            "$2" export long-1 "$3" --out "$out"
            echo "exit $?: $(ls -A "$1" | tr '\n' ' ')"
        done
        "$2" export long-1 "$3" --out "$1/mine.md" --force
        echo "exit $?: $(ls -A "$1" | tr '\n' ' ')"
        echo "mine: $(cat "$1/mine.md")"
    "#;
    let out = Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
        ])
        .arg(&disk)
        .arg(env!("CARGO_BIN_EXE_byline"))
        .arg(d.join("a.json"))
        .arg(d.join("mine.md"))
        .output();
    let out = match out {
        Ok(out) if out.status.success() => out,
        Ok(out) => {
            eprintln!(
                "skipped: a tmpfs cannot be mounted here ({}; {})",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return;
        }
        Err(err) => {
            eprintln!("skipped: unshare cannot be run here ({err})");
            return;
        }
    };
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "exit 1: mine.md ",
            "exit 1: mine.md ",
            "exit 1: mine.md ",
            "exit 1: mine.md ",
            "mine: mine"
        ],
        "{stderr}"
    );
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 4, "{stderr}");
    for error in errors {
        assert!(error.starts_with("byline: cannot write "), "{error}");
        assert!(error.contains("No space left on device"), "{error}");
    }
}

const HOSTILE_BODY: &str = "<script>alert(1)</script> Read [this](javascript:alert(1)) & &amp; now.\n\n\
    # Not a heading\n1. Not a list\n> Not a quote\n- Not an item\n+ Nor this\n\n    \
    Not code\n***\n\n\
    ![pic](http://x.test/p.png) `code` *em* _em_ ~~del~~ | a | b | \\ <b>\"Run,\" said <i>Eve</i>.</b>";

/// An article whose every text tries to be markup, HTML or a link.
fn hostile() -> (Article, Analysis) {
    let mut article = article();
    "<script>alert(1)</script> [x](javascript:alert(1)) #1".clone_into(&mut article.title);
    article.subtitle = Some("*bold* _it_".to_owned());
    article.source = Some("- Evil | Wire".to_owned());
    article.authors = vec!["[A](javascript:x)".to_owned()];
    article.published = None;
    article.url = Some("https://x.test/a>b<c d\"e'(f)`g\\h".to_owned());
    HOSTILE_BODY.clone_into(&mut article.body);
    let at = |text: &str| {
        let start = HOSTILE_BODY.find(text).unwrap();
        Span::new(start, start + text.len())
    };
    let mut person: Person = byline::analyse("Mayor Tom Hale spoke.").people.remove(0);
    "<i>Eve</i>".clone_into(&mut person.name);
    person.aliases = vec!["[E](javascript:e)".to_owned()];
    person.mentions = vec![at("Eve")];
    person.role = Some("**boss**".to_owned());
    let analysis = Analysis {
        people: vec![person],
        quotes: vec![Quote {
            span: at("Run,"),
            person: Some(0),
            speaker: Some("<i>Eve</i>".to_owned()),
            cue: Some("said](javascript:x)".to_owned()),
        }],
    };
    (article, analysis)
}

#[test]
fn markdown_escapes_every_text_and_links_only_the_web() {
    let (article, analysis) = hostile();
    let expected = r#"# \<script\>alert(1)\</script\> \[x\](javascript:alert(1)) \#1

*\*bold\* \_it\_*

\- Evil \| Wire · by \[A\](javascript:x)
<https://x.test/a%3Eb%3Cc%20d%22e%27%28f%29%60g%5Ch>

\<script\>alert(1)\</script\> Read \[this\](javascript:alert(1)) & \&amp; now.

\# Not a heading
1\. Not a list
\> Not a quote
\- Not an item
\+ Nor this

Not code
\*\*\*

!\[pic\](http://x.test/p.png) \`code\` \*em\* \_em\_ \~\~del\~\~ \| a \| b \| \\ \<b\>"Run," said \<i\>Eve\</i\>.\</b\>

## Quotes

- **\<i\>Eve\</i\>** (said\](javascript:x)): “Run,”

## People

- **\<i\>Eve\</i\>**, \*\*boss\*\*; also \[E\](javascript:e); 1 mention
"#;
    let md = export::render(&article, &analysis, Format::Markdown);
    assert_eq!(md, expected, "{md}");
    // Plain text and JSON stay as written.
    let txt = export::render(&article, &analysis, Format::Text);
    assert!(txt.contains("<script>alert(1)</script> [x](javascript:alert(1))"));
    assert!(txt.contains("https://x.test/a>b<c d\"e'(f)`g\\h"));
}

#[test]
fn markdown_links_only_http_and_https() {
    let (mut article, _) = hostile();
    article.body = "Short.".to_owned();
    let link = |url: &str| {
        let mut article = article.clone();
        article.url = Some(url.to_owned());
        let md = export::render(&article, &Analysis::default(), Format::Markdown);
        md.lines().find(|l| l.starts_with('<')).map(str::to_owned)
    };
    assert_eq!(link("javascript:alert(1)"), None);
    assert_eq!(link("JavaScript:alert(1)"), None);
    assert_eq!(link(" data:text/html,<script>x</script>"), None);
    assert_eq!(link("vbscript:x"), None);
    assert_eq!(link("//x.test/a"), None);
    assert_eq!(link("https:"), None);
    assert_eq!(
        link(" HTTPS://X.test/a b "),
        Some("<HTTPS://X.test/a%20b>".to_owned())
    );
    assert_eq!(
        link("http://x.test/é?q=1&r=[2]#top"),
        Some("<http://x.test/é?q=1&r=[2]#top>".to_owned())
    );
    assert_eq!(
        link("https://x.test/\n<script>"),
        Some("<https://x.test/%0A%3Cscript%3E>".to_owned())
    );
    // Without a link the source line stays, with nothing under it.
    article.url = Some("javascript:alert(1)".to_owned());
    let md = export::render(&article, &Analysis::default(), Format::Markdown);
    assert!(
        md.contains("\\- Evil \\| Wire · by \\[A\\](javascript:x)\n\nShort.\n"),
        "{md}"
    );
}
