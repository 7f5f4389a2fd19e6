//! Measures `byline fetch` on many feeds served from 127.0.0.1: a local
//! HTTP server (the feeds tests' own) serves FEEDS feeds of ITEMS items
//! each, a tenth of them slow (answering after two seconds) or failing
//! (a 500, a 404, a page that is not a feed), every good feed with an
//! `ETag`. byline is run twice under `/usr/bin/time -v` in a home of its
//! own: the first fetch reads every feed, the second should cost only
//! 304s, which the server counts.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example feeds_bench -- --feeds 200 --items 50
//! ```
//!
//! `--bin PATH` runs another build of byline (default:
//! `target/release/byline`).

#[path = "../tests/feeds/server.rs"]
mod server;

use server::{Reply, Server};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

struct Options {
    feeds: usize,
    items: usize,
    /// How long a slow feed takes to answer.
    slow: Duration,
    bin: PathBuf,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "feeds_bench: {message}\nusage: feeds_bench [--feeds N] [--items N] [--slow-secs N] [--bin PATH]"
            );
            return ExitCode::from(2);
        }
    };
    let server = Server::start();
    let urls = serve(&server, &options);
    let home = tempfile::TempDir::new().expect("a temporary folder");
    subscribe(home.path(), &urls);
    println!(
        "{} feeds of {} items from {} ({} slow, {} failing), byline {}",
        options.feeds,
        options.items,
        server.base(),
        urls.iter().filter(|u| u.contains("/slow/")).count(),
        urls.iter().filter(|u| u.contains("/fail/")).count(),
        options.bin.display()
    );
    for run in ["first fetch", "second fetch (unchanged)"] {
        let before = server.all_requests().len();
        let Timed {
            took,
            cpu,
            max_rss_kib,
            code,
            summary,
        } = fetch(home.path(), &options.bin);
        let requests = server.all_requests();
        let this = &requests[before..];
        let conditional = this
            .iter()
            .filter(|r| r.header("if-none-match").is_some())
            .count();
        println!(
            "{run}: {:.2} s wall, {cpu:.2} s CPU (user + system), max RSS {:.1} MiB, exit {code:?}, \
             {} requests ({conditional} with If-None-Match)\n  {summary}",
            took.as_secs_f64(),
            max_rss_kib as f64 / 1024.0,
            this.len(),
        );
    }
    let stories: usize =
        std::fs::read_dir(home.path().join("data/byline/feeds")).map_or(0, |dir| {
            dir.flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .map(|text| text.lines().count())
                .sum()
        });
    println!("stories kept: {stories}");
    ExitCode::SUCCESS
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        feeds: 200,
        items: 50,
        slow: Duration::from_secs(2),
        bin: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/byline"),
    };
    while let Some(arg) = args.next() {
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--feeds" => options.feeds = value.parse().map_err(|_| "--feeds: a number")?,
            "--items" => options.items = value.parse().map_err(|_| "--items: a number")?,
            "--slow-secs" => {
                options.slow =
                    Duration::from_secs(value.parse().map_err(|_| "--slow-secs: a number")?);
            }
            "--bin" => options.bin = PathBuf::from(value),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

/// Routes every feed; the addresses to subscribe to. Every tenth feed is
/// slow or failing, in turn.
fn serve(server: &Server, options: &Options) -> Vec<String> {
    let mut urls = Vec::new();
    for n in 0..options.feeds {
        let odd = n % 10 == 9;
        let path = match (odd, (n / 10) % 2) {
            (false, _) => format!("/ok/{n}.rss"),
            (true, 0) => format!("/slow/{n}.rss"),
            (true, _) => format!("/fail/{n}.rss"),
        };
        let body = feed(n, options.items, &server.base());
        let etag = format!("\"f{n}-v1\"");
        let slow = path.starts_with("/slow/").then_some(options.slow);
        let fail = path.starts_with("/fail/");
        server.route(&path, move |request, _| {
            if fail {
                return match n % 3 {
                    0 => Reply::status(500),
                    1 => Reply::status(404),
                    _ => Reply::ok("text/html", "<html><body>Moved to our app!</body></html>"),
                };
            }
            let reply = if request.header("if-none-match") == Some(etag.as_str()) {
                Reply::status(304).header("ETag", &etag)
            } else {
                Reply::ok("application/rss+xml", body.clone()).header("ETag", &etag)
            };
            match slow {
                Some(delay) => reply.delay(delay),
                None => reply,
            }
        });
        urls.push(server.url(&path));
    }
    urls
}

/// An RSS feed of `items` stories with quotes, HTML summaries of a few
/// paragraphs (about 1 KiB an item).
fn feed(n: usize, items: usize, base: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\
         <title>Gazette {n}</title><link>{base}/</link><description>Feed {n}</description>\n"
    );
    for i in 0..items {
        let _ = writeln!(
            out,
            "<item><title>Council votes on pier {i} of feed {n}</title><link>{base}/story/{n}/{i}</link>\
             <guid isPermaLink=\"false\">feed-{n}-item-{i}</guid>\
             <pubDate>Tue, 03 Mar 2026 {:02}:{:02}:00 +0000</pubDate><dc:creator>Ann Lee</dc:creator>\
             <description><![CDATA[<p>The harbour council voted on Tuesday night to rebuild pier {i}, \
             closed two winters ago after storms tore away a third of its deck.</p>\
             <p>&ldquo;We will rebuild the pier,&rdquo; said Mayor Teresa Okafor. &ldquo;It is where \
             this town began, and where the boats still come home.&rdquo;</p>\
             <p>&ldquo;Twelve million is a great deal of money for a structure the sea has already \
             beaten once,&rdquo; said councillor Rhys Pemberton, who voted against the plan.</p>\
             <p>The work will cost about twelve million, most of it from the regional recovery \
             fund, and should be finished before the following winter.</p>]]></description></item>",
            i % 24,
            i % 60
        );
    }
    out.push_str("</channel></rss>\n");
    out
}

/// `feeds.toml` with every feed, and default settings.
fn subscribe(home: &Path, urls: &[String]) {
    let folder = home.join("config/byline");
    std::fs::create_dir_all(&folder).expect("the settings folder");
    let mut text = String::new();
    for url in urls {
        let _ = writeln!(text, "[[feed]]\nurl = \"{url}\"\n");
    }
    std::fs::write(folder.join("feeds.toml"), text).expect("feeds.toml");
}

/// What a timed run of `byline fetch` took.
struct Timed {
    took: Duration,
    /// User and system time, in seconds (0 without `/usr/bin/time`).
    cpu: f64,
    /// Maximum resident set size (0 without `/usr/bin/time`).
    max_rss_kib: u64,
    code: Option<i32>,
    /// byline's summary line.
    summary: String,
}

/// Runs `byline fetch` under `/usr/bin/time -v`.
fn fetch(home: &Path, bin: &Path) -> Timed {
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut command = Command::new("/usr/bin/time");
        command.arg("-v").arg(bin);
        command
    } else {
        Command::new(bin)
    };
    command
        .arg("fetch")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"));
    for proxy in [
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "all_proxy",
    ] {
        command.env_remove(proxy);
    }
    let start = Instant::now();
    let out = command.output().expect("byline runs");
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let field = |name: &str| {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let cpu = field("User time (seconds): ") + field("System time (seconds): ");
    let max_rss_kib = field("Maximum resident set size (kbytes): ") as u64;
    let summary = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned();
    Timed {
        took,
        cpu,
        max_rss_kib,
        code: out.status.code(),
        summary,
    }
}
