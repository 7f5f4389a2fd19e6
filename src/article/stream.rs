//! Large JSON Lines files, read a piece at a time: each piece's lines are
//! parsed in parallel and handed over as one batch, so the first articles
//! arrive at once and memory stays near the size of the articles.

use super::load::{Loaded, parse_line};
use super::problem::{Place, Problem};
use rayon::prelude::*;
use std::io::{self, Read};
use std::sync::Arc;

/// How much of a file is read and parsed at a time.
const PIECE: usize = 4 << 20;

/// Reads the rest of a JSON Lines file from `reader`, after the `head`
/// already read, handing over one batch per piece. Returns false when
/// `on_batch` asked to stop.
pub(super) fn lines(
    mut reader: impl Read,
    head: Vec<u8>,
    name: &Arc<str>,
    id_base: &Arc<str>,
    on_batch: &mut dyn FnMut(Loaded) -> bool,
) -> bool {
    let mut buffer = head;
    let mut line = 1;
    let mut done = false;
    while !done {
        let have = buffer.len();
        buffer.resize(have + PIECE, 0);
        let read = match read_full(&mut reader, &mut buffer[have..]) {
            Ok(read) => read,
            Err(err) => {
                let reason = format!("reading stopped at line {line}: {err}");
                return on_batch(Loaded {
                    articles: Vec::new(),
                    problems: vec![Problem::new(name, Place::File, reason)],
                });
            }
        };
        buffer.truncate(have + read);
        done = read == 0;
        // Whole lines only, unless the file has ended.
        let end = if done {
            buffer.len()
        } else {
            buffer
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1)
        };
        if end == 0 && !done {
            continue;
        }
        let (batch, lines) = parse_piece(&buffer[..end], line, name, id_base);
        line += lines;
        buffer.drain(..end);
        if (!batch.articles.is_empty() || !batch.problems.is_empty()) && !on_batch(batch) {
            return false;
        }
    }
    true
}

/// Fills `buf` as far as the reader allows; 0 means the end.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(filled)
}

/// The lines of one piece, parsed in parallel, merged in order, and how
/// many line breaks the piece holds.
fn parse_piece(
    piece: &[u8],
    first_line: usize,
    name: &Arc<str>,
    id_base: &Arc<str>,
) -> (Loaded, usize) {
    let lines: Vec<(usize, &[u8])> = piece
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (first_line + i, l))
        .collect();
    let parsed: Vec<Loaded> = lines
        .par_iter()
        .with_min_len(64)
        .filter(|(_, bytes)| !bytes.trim_ascii().is_empty())
        .map(|&(n, bytes)| parse_line(bytes, n, name, id_base))
        .collect();
    let mut all = Loaded::default();
    for one in parsed {
        all.articles.extend(one.articles);
        all.problems.extend(one.problems);
    }
    (all, lines.len() - 1)
}
