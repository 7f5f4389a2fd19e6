//! The state file: JSON, compact enough for 100,000 ids and still readable.
//!
//! ```json
//! {"format":"byline-state","version":1,"open":"sample-geneva-quay-vote",
//! "articles":[
//! [0,"/home/ann/news/wire.jsonl#1",1],
//! [26,"2",3,4,120],
//! ...]}
//! ```
//!
//! One article a line: `[shared, rest, flags]` or `[shared, rest, flags,
//! paragraph, offset]`. Ids are sorted and front-coded (the first `shared`
//! bytes are the previous id's), which halves the size of ids that share a
//! path or a site; every 32nd id is written whole, so a damaged line costs
//! at most the lines up to the next whole id, and never yields a wrong id.
//! Flags: 1 read, 2 starred, 4 marked unread in byline (over a feed
//! reader's "read"). Ids in the default state are not written.

use super::{Entry, Position, ReadingState};
use serde_json::Value;
use std::fmt::Write;

pub const FORMAT: &str = "byline-state";
/// The newest format this byline reads and the one it writes.
pub const VERSION: u64 = 1;
/// Every this many ids, one is written whole.
const RESTART: usize = 32;

const READ: u64 = 1;
const STARRED: u64 = 2;
/// Read or unread set in byline (a read story always was: older files
/// have no such flag).
const MARKED: u64 = 4;

/// Why a file is not a reading state this byline can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not valid JSON ({0})")]
    NotJson(String),
    #[error("not a byline reading state")]
    NotState,
    #[error("written by a newer byline (format version {0}; this one reads up to {VERSION})")]
    Newer(u64),
}

/// A state read from a file, and how many of its article lines were lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub state: ReadingState,
    /// Article lines that could not be read (damaged, or coded against one).
    pub skipped: usize,
    /// Article lines in the file.
    pub total: usize,
}

/// The file's text for a state.
pub fn encode(state: &ReadingState) -> String {
    let mut out = String::with_capacity(64 + state.len() * 24);
    out.push_str("{\"format\":\"byline-state\",\"version\":1,\"open\":");
    out.push_str(&json_string(state.last_open()));
    out.push_str(",\n\"articles\":[");
    let mut entries: Vec<(&str, Entry)> = state.iter().collect();
    entries.sort_unstable_by_key(|&(id, _)| id);
    let mut prev = "";
    for (i, &(id, entry)) in entries.iter().enumerate() {
        let shared = if i % RESTART == 0 {
            0
        } else {
            shared_prefix(prev, id)
        };
        out.push_str(if i == 0 { "\n[" } else { ",\n[" });
        let flags = u64::from(entry.read) * READ
            + u64::from(entry.starred) * STARRED
            + u64::from(entry.marked && !entry.read) * MARKED;
        let rest = json_string(Some(&id[shared..]));
        // Writing to a String cannot fail.
        let _ = write!(out, "{shared},{rest},{flags}");
        if let Some(Position { paragraph, offset }) = entry.position {
            let _ = write!(out, ",{paragraph},{offset}");
        }
        out.push(']');
        prev = id;
    }
    out.push_str("]}\n");
    out
}

fn json_string(text: Option<&str>) -> String {
    // Serialising a string cannot fail.
    serde_json::to_string(&text).unwrap_or_else(|_| "null".to_owned())
}

/// The bytes `id` shares with `prev` from the start, ending on a char boundary.
fn shared_prefix(prev: &str, id: &str) -> usize {
    let mut n = prev
        .bytes()
        .zip(id.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !id.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Reads a state file's text, keeping every article line that can be read.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let value: Value =
        serde_json::from_str(text).map_err(|err| DecodeError::NotJson(err.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotState);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NotState)?;
    if version > VERSION {
        return Err(DecodeError::Newer(version));
    }
    let mut state = ReadingState::new();
    let mut skipped = 0;
    state.last_open = match value.get("open") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(id.clone()),
        Some(_) => {
            skipped += 1;
            None
        }
    };
    let lines = match value.get("articles") {
        Some(Value::Array(lines)) => lines.as_slice(),
        None => &[],
        Some(_) => return Err(DecodeError::NotState),
    };
    skipped += articles(lines, &mut state);
    Ok(Decoded {
        state,
        skipped,
        total: lines.len(),
    })
}

/// Restores each article line; returns how many were lost.
fn articles(lines: &[Value], state: &mut ReadingState) -> usize {
    let mut prev: Option<String> = Some(String::new());
    let mut lost = 0;
    for line in lines {
        if let Some((id, entry)) = article(line, prev.as_deref()) {
            state.restore(id.clone(), entry);
            prev = Some(id);
        } else {
            lost += 1;
            // The next lines may be coded against this one: only a whole
            // id can be trusted until then.
            prev = None;
        }
    }
    lost
}

/// One `[shared, rest, flags(, paragraph, offset)]` line.
fn article(line: &Value, prev: Option<&str>) -> Option<(String, Entry)> {
    let items = line.as_array()?;
    let shared = usize::try_from(items.first()?.as_u64()?).ok()?;
    let rest = items.get(1)?.as_str()?;
    let flags = items.get(2)?.as_u64()?;
    let head = if shared == 0 {
        ""
    } else {
        prev?.get(..shared)?
    };
    let position = match items.len() {
        3 => None,
        5 => Some(Position {
            paragraph: u32::try_from(items[3].as_u64()?).ok()?,
            offset: u32::try_from(items[4].as_u64()?).ok()?,
        }),
        _ => return None,
    };
    let entry = Entry {
        read: flags & READ != 0,
        marked: flags & (READ | MARKED) != 0,
        starred: flags & STARRED != 0,
        position,
    };
    Some((format!("{head}{rest}"), entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ReadingState {
        let mut state = ReadingState::new();
        for i in 0..100 {
            state.set_read(&format!("/home/ann/news/wire.jsonl#{i}"), true);
        }
        state.toggle_star("é-first");
        state.toggle_star("éa");
        state.set_position(
            "quote\"d\nid",
            Position {
                paragraph: 4,
                offset: 120,
            },
        );
        state.open("sample-geneva");
        state
    }

    fn sorted(state: &ReadingState) -> Vec<(&str, Entry)> {
        let mut all: Vec<_> = state.iter().collect();
        all.sort_unstable_by_key(|&(id, _)| id);
        all
    }

    #[test]
    fn round_trip() {
        let state = sample();
        let decoded = decode(&encode(&state)).unwrap();
        assert_eq!(decoded.skipped, 0);
        assert_eq!(decoded.total, state.len());
        assert_eq!(sorted(&decoded.state), sorted(&state));
        assert_eq!(decoded.state.last_open(), Some("sample-geneva"));
        assert!(!decoded.state.is_dirty() && !decoded.state.can_undo());
    }

    #[test]
    fn shared_prefixes_end_on_char_boundaries() {
        assert_eq!(shared_prefix("é-first", "éa"), 2);
        assert_eq!(shared_prefix("aé", "aè"), 1, "é and è share a first byte");
        assert_eq!(shared_prefix("", "x"), 0);
    }

    #[test]
    fn a_damaged_line_costs_the_lines_coded_against_it_only() {
        let text = encode(&sample());
        let lines: Vec<&str> = text.lines().collect();
        // Line 0 is the header, line 1 the "articles" key and first entry.
        let damaged = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 5 { "[1,2,3]," } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        let decoded = decode(&damaged).unwrap();
        assert!(
            decoded.skipped >= 1 && decoded.skipped < RESTART,
            "{}",
            decoded.skipped
        );
        for (id, _) in decoded.state.iter() {
            assert!(
                sample().iter().any(|(known, _)| known == id),
                "no wrong id: {id}"
            );
        }
    }

    #[test]
    fn what_is_not_a_state() {
        assert!(matches!(
            decode("{\"format\":"),
            Err(DecodeError::NotJson(_))
        ));
        assert_eq!(decode("[]"), Err(DecodeError::NotState));
        assert_eq!(
            decode("{\"format\":\"byline-state\",\"version\":7}"),
            Err(DecodeError::Newer(7))
        );
        let empty = decode("{\"format\":\"byline-state\",\"version\":1}").unwrap();
        assert!(empty.state.is_empty());
    }
}
