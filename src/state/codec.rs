//! The state file: JSON, compact enough for 100,000 ids and still readable.
//!
//! ```json
//! {"format":"byline-state","version":2,"base":1767225599999,"open":"sample-geneva-quay-vote",
//! "articles":[
//! [0,"/home/ann/news/wire.jsonl#1",1,[1]],
//! [26,"2",3,[5,61002],4,120],
//! [26,"3",0,[0,70311]],
//! ...]}
//! ```
//!
//! One article a line: `[shared, rest, flags]`, then the times its parts
//! changed if known (`[read, star, position]`, milliseconds after `base`,
//! 0 for never, trailing zeros left out), then `paragraph, offset` if it
//! was left past the top. Ids are sorted and front-coded (the first
//! `shared` bytes are the previous id's), which halves the size of ids
//! that share a path or a site; every 32nd id is written whole, so a
//! damaged line costs at most the lines up to the next whole id, and never
//! yields a wrong id. Flags: 1 read, 2 starred, 4 marked unread in byline
//! (over a feed reader's "read"). Ids in the default state are not written,
//! unless they were changed back to it (flags 0, with the time).
//!
//! Version 1 (before the times) is read as having no times. A file that is
//! not valid JSON as a whole (cut short, bytes garbled) is read line by
//! line, keeping every article line that can still be read.

use super::{Entry, Position, ReadingState, Stamps};
use serde_json::Value;
use std::fmt::Write;

pub const FORMAT: &str = "byline-state";
/// The newest format this byline reads and the one it writes.
pub const VERSION: u64 = 2;
/// Every this many ids, one is written whole.
const RESTART: usize = 32;
/// What opens the article lines.
const ARTICLES: &[u8] = b"\"articles\":[";

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
    /// Why the file as a whole was not valid JSON (its lines were then
    /// read one by one), if it was not.
    pub broken: Option<String>,
}

impl Decoded {
    /// Whether the file was read whole, every line of it.
    pub fn is_whole(&self) -> bool {
        self.skipped == 0 && self.broken.is_none()
    }
}

/// The file's text for a state.
pub fn encode(state: &ReadingState) -> String {
    let mut out = String::with_capacity(96 + state.entries.len() * 28);
    let mut slots: Vec<(&str, super::Slot)> = state
        .entries
        .iter()
        .map(|(id, slot)| (id.as_str(), *slot))
        .collect();
    slots.sort_unstable_by_key(|&(id, _)| id);
    // Times are written after the earliest, less one (0 is "never").
    let base = slots
        .iter()
        .flat_map(|(_, s)| [s.stamps.read, s.stamps.star, s.stamps.position])
        .filter(|&t| t > 0)
        .min()
        .map_or(0, |t| t - 1);
    let _ = write!(
        out,
        "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"base\":{base},\"open\":"
    );
    out.push_str(&json_string(state.last_open()));
    out.push_str(",\n\"articles\":[");
    let mut prev = "";
    for (i, &(id, slot)) in slots.iter().enumerate() {
        let shared = if i % RESTART == 0 {
            0
        } else {
            shared_prefix(prev, id)
        };
        out.push_str(if i == 0 { "\n[" } else { ",\n[" });
        let entry = slot.entry;
        let flags = u64::from(entry.read) * READ
            + u64::from(entry.starred) * STARRED
            + u64::from(entry.marked && !entry.read) * MARKED;
        let rest = json_string(Some(&id[shared..]));
        // Writing to a String cannot fail.
        let _ = write!(out, "{shared},{rest},{flags}");
        push_stamps(&mut out, slot.stamps, base);
        if let Some(Position { paragraph, offset }) = entry.position {
            let _ = write!(out, ",{paragraph},{offset}");
        }
        out.push(']');
        prev = id;
    }
    out.push_str("]}\n");
    out
}

/// `,[read,star,position]` after `base`, trailing zeros left out; nothing
/// if no time is known.
fn push_stamps(out: &mut String, stamps: Stamps, base: u64) {
    let times = [stamps.read, stamps.star, stamps.position].map(|t| t.saturating_sub(base));
    let Some(last) = times.iter().rposition(|&t| t > 0) else {
        return;
    };
    out.push_str(",[");
    for (i, t) in times[..=last].iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{t}");
    }
    out.push(']');
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
    decode_bytes(text.as_bytes())
}

/// Reads a state file, keeping every article line that can be read: when
/// the file is not valid JSON (or not UTF-8) as a whole, its header and its
/// article lines are read one by one.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => decode_whole(&value),
        Err(err) => decode_lines(bytes, err.to_string()),
    }
}

fn decode_whole(value: &Value) -> Result<Decoded, DecodeError> {
    let (mut state, base, mut skipped) = header(value)?;
    let lines = match value.get("articles") {
        Some(Value::Array(lines)) => lines.as_slice(),
        None => &[],
        Some(_) => return Err(DecodeError::NotState),
    };
    skipped += articles(lines.iter().map(Some), base, &mut state);
    Ok(Decoded {
        state,
        skipped,
        total: lines.len(),
        broken: None,
    })
}

/// A file that is not JSON as a whole: the header up to `"articles":[`,
/// then one article a line. Without a readable header nothing can be.
fn decode_lines(bytes: &[u8], why: String) -> Result<Decoded, DecodeError> {
    let not_json = || DecodeError::NotJson(why.clone());
    let at = memchr::memmem::find(bytes, ARTICLES).ok_or_else(not_json)?;
    let head = std::str::from_utf8(&bytes[..at]).map_err(|_| not_json())?;
    let head = format!("{}}}", head.trim_end().trim_end_matches(','));
    let head: Value = serde_json::from_str(&head).map_err(|_| not_json())?;
    let (mut state, base, mut skipped) = header(&head)?;
    let mut lines: Vec<Option<Value>> = Vec::new();
    for line in bytes[at + ARTICLES.len()..].split(|&b| b == b'\n') {
        let line = line.trim_ascii();
        // The last line closes the list and the file: what follows is not
        // the file's.
        let (line, last) = match line.strip_suffix(b"]}") {
            Some(line) => (line, true),
            None => (line.strip_suffix(b",").unwrap_or(line), false),
        };
        if !line.is_empty() {
            lines.push(serde_json::from_slice(line).ok());
        }
        if last {
            break;
        }
    }
    skipped += articles(lines.iter().map(Option::as_ref), base, &mut state);
    Ok(Decoded {
        state,
        skipped,
        total: lines.len(),
        broken: Some(why),
    })
}

/// The format, version, `base` and story open last: a state with that
/// story, the base, and 1 if the story could not be read.
fn header(value: &Value) -> Result<(ReadingState, u64, usize), DecodeError> {
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
    let base = match value.get("base") {
        None => 0,
        Some(base) => base.as_u64().ok_or(DecodeError::NotState)?,
    };
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
    Ok((state, base, skipped))
}

/// Restores each article line (`None`: one that is not even JSON); returns
/// how many were lost.
fn articles<'a>(
    lines: impl Iterator<Item = Option<&'a Value>>,
    base: u64,
    state: &mut ReadingState,
) -> usize {
    let mut prev: Option<String> = Some(String::new());
    let mut lost = 0;
    for line in lines {
        if let Some((id, entry, stamps)) = line.and_then(|l| article(l, prev.as_deref(), base)) {
            prev = Some(id.clone());
            state.restore(id, entry, stamps);
        } else {
            lost += 1;
            // The next lines may be coded against this one: only a whole
            // id can be trusted until then.
            prev = None;
        }
    }
    lost
}

/// One `[shared, rest, flags(, [times])(, paragraph, offset)]` line.
fn article(line: &Value, prev: Option<&str>, base: u64) -> Option<(String, Entry, Stamps)> {
    let items = line.as_array()?;
    let shared = usize::try_from(items.first()?.as_u64()?).ok()?;
    let rest = items.get(1)?.as_str()?;
    let flags = items.get(2)?.as_u64()?;
    let head = if shared == 0 {
        ""
    } else {
        prev?.get(..shared)?
    };
    let mut more = &items[3..];
    let stamps = match more.first() {
        Some(Value::Array(times)) => {
            more = &more[1..];
            stamps(times, base)?
        }
        _ => Stamps::default(),
    };
    let position = match more {
        [] => None,
        [paragraph, offset] => Some(Position {
            paragraph: u32::try_from(paragraph.as_u64()?).ok()?,
            offset: u32::try_from(offset.as_u64()?).ok()?,
        }),
        _ => return None,
    };
    let entry = Entry {
        read: flags & READ != 0,
        marked: flags & (READ | MARKED) != 0,
        starred: flags & STARRED != 0,
        position,
    };
    Some((format!("{head}{rest}"), entry, stamps))
}

/// `[read, star, position]` after `base`, any of them left out at the end.
fn stamps(times: &[Value], base: u64) -> Option<Stamps> {
    if times.len() > 3 {
        return None;
    }
    let mut at = [0; 3];
    for (slot, time) in at.iter_mut().zip(times) {
        *slot = match time.as_u64()? {
            0 => 0,
            t => base.checked_add(t)?,
        };
    }
    Some(Stamps {
        read: at[0],
        star: at[1],
        position: at[2],
    })
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
        assert_eq!(decoded.state.entries, state.entries, "times included");
    }

    #[test]
    fn times_are_kept_compact() {
        let mut state = ReadingState::new();
        // In the future, so that the times are known.
        state.clock = 4_000_000_000_000;
        state.set_read("a", true);
        state.toggle_star("a");
        state.set_read("b", true);
        state.set_position(
            "b",
            Position {
                paragraph: 2,
                offset: 7,
            },
        );
        state.toggle_star("c");
        state.toggle_star("c");
        let text = encode(&state);
        assert!(
            text.starts_with("{\"format\":\"byline-state\",\"version\":2,\"base\":4000000000000,"),
            "{text}"
        );
        let lines: Vec<&str> = text.lines().skip(1).collect();
        assert_eq!(
            lines,
            [
                "\"articles\":[",
                "[0,\"a\",3,[1,2]],",
                "[0,\"b\",1,[3,0,4],2,7],",
                "[0,\"c\",0,[0,6]]]}"
            ]
        );
        let decoded = decode(&text).unwrap();
        assert!(decoded.is_whole());
        assert_eq!(decoded.state.entries, state.entries);
        assert_eq!(decoded.state.clock, state.clock, "later changes stay later");
        assert!(!decoded.state.contains("c") && decoded.state.len() == 2);
    }

    #[test]
    fn version_1_files_are_read_without_times() {
        let text = "{\"format\":\"byline-state\",\"version\":1,\"open\":\"b\",\n\"articles\":[\n\
                    [0,\"a\",1],\n[1,\"b\",3,3,40],\n[0,\"c\",4]]}\n";
        let decoded = decode(text).unwrap();
        assert!(decoded.is_whole());
        let state = decoded.state;
        assert!(state.is_read("a", None) && state.is_read("ab", None));
        assert!(state.is_starred("ab"));
        assert_eq!(
            state.position("ab"),
            Some(Position {
                paragraph: 3,
                offset: 40
            })
        );
        assert!(!state.is_read("c", Some(true)), "marked unread in byline");
        assert_eq!(state.changed("a"), None);
        assert_eq!(state.last_open(), Some("b"));
    }

    #[test]
    fn a_file_cut_short_keeps_every_whole_line() {
        let state = sample();
        let text = encode(&state);
        // Cut in the middle of the last but one line.
        let cut = text.len() - text.lines().last().unwrap().len() - 8;
        let decoded = decode(&text[..cut]).unwrap();
        assert!(
            decoded.broken.as_deref().unwrap().contains("EOF"),
            "{decoded:?}"
        );
        assert_eq!(decoded.skipped, 1);
        assert_eq!(decoded.total, state.entries.len() - 1);
        assert_eq!(decoded.state.entries.len(), state.entries.len() - 2);
        for (id, slot) in &decoded.state.entries {
            assert_eq!(state.entries.get(id), Some(slot), "{id}");
        }
        assert_eq!(decoded.state.last_open(), Some("sample-geneva"));
    }

    #[test]
    fn garbled_bytes_cost_their_lines_only() {
        let state = sample();
        let mut bytes = encode(&state).into_bytes();
        // Not UTF-8 in the 64th article line and a stray brace in the 96th,
        // each the last before an id written whole: each costs itself.
        let lines: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        bytes[lines[64] + 5] = 0xff;
        bytes.insert(lines[96] + 2, b'}');
        let decoded = decode_bytes(&bytes).unwrap();
        assert!(decoded.broken.is_some());
        assert_eq!(decoded.total, state.entries.len());
        assert_eq!(decoded.skipped, 2);
        for (id, slot) in &decoded.state.entries {
            assert_eq!(state.entries.get(id), Some(slot), "no wrong id: {id}");
        }
    }

    #[test]
    fn garbage_after_the_end_loses_nothing() {
        let state = sample();
        let text = format!("{}\u{0}\u{0}junk", encode(&state));
        let decoded = decode(&text).unwrap();
        assert!(decoded.broken.is_some() && decoded.skipped == 0);
        assert_eq!(decoded.state.entries, state.entries);
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
        // A header that cannot be read: nothing can be.
        assert!(matches!(
            decode("{\"format\":\"byline-st\n\"articles\":[\n[0,\"a\",1]]}"),
            Err(DecodeError::NotJson(_))
        ));
        assert_eq!(
            decode("{\"format\":\"byline-state\",\"version\":3,\n\"articles\":[\n[0,"),
            Err(DecodeError::Newer(3))
        );
    }
}
