//! Feed readers' caches as libraries: newsboat's `cache.db` and russ's
//! `feeds.db`.
//!
//! The file is opened read-only (newsboat may be running: it keeps its
//! lock in a file of its own and holds `SQLite`'s only while it writes) and
//! never written. Each item is a story: its feed's title is the source,
//! its HTML is converted as any body is, and its read or unread state
//! comes along as the tool recorded it. Each row becomes a record of
//! byline's own field names and is read by [`parse`](super::parse) like
//! any other, so the rules are the same for every input.
//!
//! | | newsboat `rss_item` | russ `entries` |
//! |---|---|---|
//! | id | `guid` | `link`, else the row id |
//! | date | `pubDate`, epoch seconds | `pub_date`, `YYYY-MM-DD HH:MM:SS+00:00` |
//! | body | `content` (HTML) | `content`, else `description` |
//! | read | `unread = 0` | `read_at` set |
//! | hidden | `deleted = 1` (left out) | — |

use super::fields::Record;
use super::load::{Loaded, Named};
use super::objects::add_parsed;
use super::parse::{Context, parse_record};
use super::{Origin, Place, Problem};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, Row, ffi::ErrorCode};
use serde_json::{Map, Value};
use std::path::Path;
use std::time::Duration;

/// How long to wait for a writer (newsboat saving a reload) to finish.
const BUSY_WAIT: Duration = Duration::from_secs(2);

/// Whether a file's first bytes are an `SQLite` database header.
pub(super) fn is_sqlite(head: &[u8]) -> bool {
    head.starts_with(b"SQLite format 3\0")
}

/// The stories in a newsboat or russ database, or one problem saying why
/// there are none.
pub(super) fn load(path: &Path, file: Named<'_>) -> Loaded {
    let problem = |reason: String| Loaded {
        articles: Vec::new(),
        problems: vec![Problem::new(file.name, Place::File, reason)],
    };
    let read = open(path).and_then(|db| {
        let tables = tables(&db)?;
        let has = |name: &str| tables.iter().any(|t| t == name);
        if has("rss_item") && has("rss_feed") {
            rows(&db, &newsboat_query(&db)?).map(Some)
        } else if has("entries") && has("feeds") {
            rows(&db, &russ_query(&db)?).map(Some)
        } else {
            Ok(None)
        }
    });
    match read {
        Ok(Some(records)) => articles(records, file),
        Ok(None) => problem(
            "an SQLite file, but neither newsboat's cache nor russ's feeds database".to_owned(),
        ),
        Err(err) => problem(reason(&err)),
    }
}

fn open(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let db = Connection::open_with_flags(path, flags)?;
    db.busy_timeout(BUSY_WAIT)?;
    Ok(db)
}

fn tables(db: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut query = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    query.query_map([], |row| row.get(0))?.collect()
}

/// Whether `table` has `column` (older versions of both tools lack some).
fn has_column(db: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    let mut query = db.prepare(&format!("PRAGMA table_info({table})"))?;
    let names: Vec<String> = query
        .query_map([], |row| row.get::<_, String>(1))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names.iter().any(|name| name == column))
}

/// newsboat's items, newest first as it lists them, without the ones the
/// user deleted; the columns of [`COLUMNS`].
fn newsboat_query(db: &Connection) -> rusqlite::Result<String> {
    let hidden = if has_column(db, "rss_item", "deleted")? {
        "WHERE i.deleted = 0"
    } else {
        ""
    };
    Ok(format!(
        "SELECT i.id, i.guid, i.title, i.author, i.url, i.pubDate, i.content, i.unread = 0, \
         f.title FROM rss_item i LEFT JOIN rss_feed f ON f.rssurl = i.feedurl {hidden} \
         ORDER BY i.pubDate DESC, i.id DESC"
    ))
}

/// russ's entries, newest first as it lists them; the columns of
/// [`COLUMNS`]. Its oldest files say `read_on` where later ones say
/// `read_at`.
fn russ_query(db: &Connection) -> rusqlite::Result<String> {
    let read = if has_column(db, "entries", "read_at")? {
        "e.read_at"
    } else if has_column(db, "entries", "read_on")? {
        "e.read_on"
    } else {
        "NULL"
    };
    Ok(format!(
        "SELECT e.id, e.link, e.title, e.author, e.link, e.pub_date, \
         COALESCE(e.content, e.description), {read} IS NOT NULL, f.title \
         FROM entries e LEFT JOIN feeds f ON f.id = e.feed_id \
         ORDER BY e.pub_date DESC, e.id DESC"
    ))
}

/// What each query's columns are, in order, as byline's own field names
/// (`row` is the row number, for an id when there is none).
const COLUMNS: [&str; 9] = [
    "row",
    "id",
    "title",
    "author",
    "url",
    "published",
    "body",
    "read",
    "source",
];

/// One row as a record of byline's field names. NULL, and the empty text
/// that is newsboat's "none", are absent; `read` is a truth value.
fn record(row: &Row<'_>) -> rusqlite::Result<Map<String, Value>> {
    let mut record = Map::new();
    for (i, name) in COLUMNS.iter().enumerate() {
        let value = match row.get_ref(i)? {
            ValueRef::Integer(n) if *name == "read" => Value::Bool(n != 0),
            ValueRef::Integer(n) => Value::from(n),
            ValueRef::Real(x) => Value::from(x),
            ValueRef::Text(bytes) if !bytes.is_empty() => {
                Value::String(String::from_utf8_lossy(bytes).into_owned())
            }
            _ => continue,
        };
        record.insert((*name).to_owned(), value);
    }
    Ok(record)
}

fn rows(db: &Connection, sql: &str) -> rusqlite::Result<Vec<Map<String, Value>>> {
    let mut query = db.prepare(sql)?;
    query.query_map([], record)?.collect()
}

/// Each row through the same reading as a JSON article; a row with no
/// id of its own is known by its row number.
fn articles(records: Vec<Map<String, Value>>, file: Named<'_>) -> Loaded {
    let mut loaded = Loaded::default();
    let cx = Context {
        formats: &file.options.formats,
        source: None,
    };
    for (i, mut map) in records.into_iter().enumerate() {
        let row = map
            .remove("row")
            .and_then(|v| v.as_i64())
            .map_or_else(|| i.to_string(), |row| row.to_string());
        let place = Place::Index(i);
        let origin = Origin {
            file: std::sync::Arc::clone(file.name),
            place,
        };
        let fallback = || format!("{}#{row}", file.id_base);
        let parsed = parse_record(Record::from_map(map), origin, fallback, cx);
        add_parsed(&mut loaded, file, place, parsed);
    }
    loaded
}

/// One line for the problems panel.
fn reason(err: &rusqlite::Error) -> String {
    let code = match err {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
        _ => None,
    };
    match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "locked by the program that writes it; try again in a moment".to_owned()
        }
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            "damaged: not a readable SQLite database".to_owned()
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen) => format!(
            "cannot be read without writing to it ({err}); open it once in the program it belongs to"
        ),
        _ => format!("cannot be read as a feed cache: {err}"),
    }
}
