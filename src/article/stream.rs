//! Large JSON Lines files and standard input, read a piece at a time:
//! each piece's lines are parsed in parallel and handed over as one batch,
//! so the first articles arrive at once and memory stays near the size of
//! the articles.

use super::limits::Size;
use super::load::{Loaded, Named};
use super::objects::{parse_line, too_long};
use super::problem::{Place, Problem};
use rayon::prelude::*;
use std::io::{self, Read};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::thread;

/// How much of a file is read and parsed at a time.
const PIECE: usize = 4 << 20;

/// Where the bytes of a stream come from, a piece at a time.
pub(super) trait Source {
    /// Fills the front of `buf` with as much as is worth waiting for;
    /// 0 only at the end.
    fn fill(&mut self, buf: &mut [u8]) -> io::Result<usize>;
}

/// A file: every piece is filled whole, as reading it never waits long.
pub(super) struct Whole<R>(pub R);

impl<R: Read> Source for Whole<R> {
    fn fill(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        read_full(&mut self.0, buf)
    }
}

/// What becomes of a line longer than the cap (`max_line_size`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Long {
    /// Skipped to its line break, the lines after it read (a file).
    Skip,
    /// The end of the reading (a pipe or a device, which may never send
    /// the line break).
    Stop,
}

/// Reads the rest of a JSON Lines stream from `source`, after the `head`
/// already read, handing over one batch per piece. Bytes are searched for
/// line breaks once each, so a line of any length costs its length. A
/// line longer than the cap is a problem and is not kept. Returns false
/// when `on_batch` asked to stop.
pub(super) fn lines(
    mut source: impl Source,
    head: Vec<u8>,
    file: Named<'_>,
    long: Long,
    on_batch: &mut dyn FnMut(Loaded) -> bool,
) -> bool {
    let cap = file.options.limits.max_line;
    let mut buffer = head;
    let mut line = 1;
    let mut done = false;
    // `buffer[..searched]` holds no line break: only new bytes are searched.
    let mut searched = 0;
    // Reading past the rest of a line longer than the cap.
    let mut skipping = false;
    loop {
        if skipping {
            match memchr::memchr(b'\n', &buffer) {
                Some(at) => {
                    buffer.drain(..=at);
                    line += 1;
                    skipping = false;
                }
                None => buffer.clear(),
            }
            searched = 0;
        }
        if !skipping {
            // Whole lines only, unless the stream has ended. The lines
            // already here go first: a pipe's next bytes may be a long
            // time coming.
            let end = if done {
                buffer.len()
            } else {
                memchr::memrchr(b'\n', &buffer[searched..]).map_or(0, |n| searched + n + 1)
            };
            if end > 0 {
                let (batch, lines) = parse_piece(&buffer[..end], line, file);
                line += lines;
                buffer.drain(..end);
                if (!batch.articles.is_empty() || !batch.problems.is_empty()) && !on_batch(batch) {
                    return false;
                }
            }
            searched = buffer.len();
            if !done && buffer.len() as u64 > cap {
                let reason = match long {
                    Long::Skip => too_long(line, cap),
                    Long::Stop => format!(
                        "line {line} is longer than {} (max_line_size in the settings); \
                         the rest of the input was not read",
                        Size(cap)
                    ),
                };
                if !on_batch(problem(file, reason)) || long == Long::Stop {
                    return long == Long::Stop;
                }
                skipping = true;
                buffer.clear();
                searched = 0;
            }
        }
        if done {
            return true;
        }
        let have = buffer.len();
        buffer.resize(have + PIECE, 0);
        let read = match source.fill(&mut buffer[have..]) {
            Ok(read) => read,
            Err(err) => {
                let reason = format!("reading stopped at line {line}: {err}");
                return on_batch(problem(file, reason));
            }
        };
        buffer.truncate(have + read);
        done = read == 0;
    }
}

fn problem(file: Named<'_>, reason: String) -> Loaded {
    Loaded {
        articles: Vec::new(),
        problems: vec![Problem::new(file.name, Place::File, reason)],
    }
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

/// A pipe or terminal: what has arrived is handed over without waiting for
/// a whole piece, so `producer | byline extract -` prints each line's
/// article while the producer is still writing. A thread reads; a bounded
/// channel keeps it at most a piece ahead.
pub(super) struct Pipe {
    chunks: Receiver<io::Result<Vec<u8>>>,
    /// The part of the last chunk that did not fit the caller's buffer.
    left: Vec<u8>,
    ended: bool,
}

/// What the reading thread reads at a time (a pipe's usual capacity).
const CHUNK: usize = 64 << 10;

impl Pipe {
    pub(super) fn spawn(reader: impl Read + Send + 'static) -> io::Result<Pipe> {
        let (out, chunks) = sync_channel(PIECE / CHUNK);
        thread::Builder::new()
            .name("byline-stdin".into())
            .spawn(move || pump(reader, &out))?;
        Ok(Pipe {
            chunks,
            left: Vec::new(),
            ended: false,
        })
    }

    /// Moves pending bytes into `buf` from `at`; returns the new end.
    fn take_left(&mut self, buf: &mut [u8], at: usize) -> usize {
        let n = self.left.len().min(buf.len() - at);
        buf[at..at + n].copy_from_slice(&self.left[..n]);
        self.left.drain(..n);
        at + n
    }
}

/// Sends the reader's bytes a chunk at a time until the end, an error,
/// or the receiving side going away.
fn pump(mut reader: impl Read, out: &SyncSender<io::Result<Vec<u8>>>) {
    loop {
        let mut chunk = vec![0; CHUNK];
        let read = loop {
            match reader.read(&mut chunk) {
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                other => break other,
            }
        };
        let last = !matches!(read, Ok(n) if n > 0);
        let sent = out.send(read.map(|n| {
            chunk.truncate(n);
            chunk
        }));
        if last || sent.is_err() {
            return;
        }
    }
}

impl Read for Pipe {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.fill(buf)
    }
}

impl Source for Pipe {
    /// Waits for the first bytes, then takes what has already arrived.
    fn fill(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut filled = self.take_left(buf, 0);
        let mut wait = filled == 0;
        while filled < buf.len() && !self.ended {
            let chunk = if wait {
                self.chunks.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                self.chunks.try_recv()
            };
            let chunk = match chunk {
                Ok(chunk) => chunk?,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => Vec::new(),
            };
            if chunk.is_empty() {
                self.ended = true;
                break;
            }
            self.left = chunk;
            filled = self.take_left(buf, filled);
            wait = false;
        }
        Ok(filled)
    }
}

/// The lines of one piece, parsed in parallel, merged in order, and how
/// many line breaks the piece holds.
fn parse_piece(piece: &[u8], first_line: usize, file: Named<'_>) -> (Loaded, usize) {
    let lines: Vec<(usize, &[u8])> = piece
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (first_line + i, l))
        .collect();
    let parsed: Vec<Loaded> = lines
        .par_iter()
        .with_min_len(64)
        .filter(|(_, bytes)| !bytes.trim_ascii().is_empty())
        .map(|&(n, bytes)| parse_line(bytes, n, file))
        .collect();
    let mut all = Loaded::default();
    for one in parsed {
        all.articles.extend(one.articles);
        all.problems.extend(one.problems);
    }
    (all, lines.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::Arc;
    use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
    use std::time::Duration;

    /// A reader fed by the test: each message is one read's bytes, and
    /// the end comes when the sender goes. A read that waits for bytes
    /// the test has not sent fails after a while, so a stream that waits
    /// for more than it needs fails the test rather than hanging it.
    struct Fed(Receiver<Vec<u8>>);

    impl Read for Fed {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.recv_timeout(Duration::from_secs(2)) {
                Ok(bytes) => {
                    buf[..bytes.len()].copy_from_slice(&bytes);
                    Ok(bytes.len())
                }
                Err(RecvTimeoutError::Disconnected) => Ok(0),
                Err(RecvTimeoutError::Timeout) => Err(io::Error::other("waited for nothing")),
            }
        }
    }

    fn named(name: &Arc<str>) -> Named<'_> {
        static OPTIONS: std::sync::LazyLock<crate::article::load::Options> =
            std::sync::LazyLock::new(Default::default);
        Named {
            name,
            id_base: name,
            options: &OPTIONS,
        }
    }

    fn article(id: &str) -> Vec<u8> {
        format!("{{\"id\": \"{id}\", \"title\": \"T\", \"body\": \"B\"}}\n").into_bytes()
    }

    #[test]
    fn a_pipe_hands_over_each_line_as_it_arrives() {
        let (feed, reader): (Sender<Vec<u8>>, _) = channel();
        feed.send(article("a")).unwrap();
        let pipe = Pipe::spawn(Fed(reader)).unwrap();
        let name: Arc<str> = Arc::from("stdin");
        let mut batches: Vec<Vec<String>> = Vec::new();
        let mut feed = Some(feed);
        lines(pipe, Vec::new(), named(&name), Long::Stop, &mut |batch| {
            batches.push(batch.articles.iter().map(|a| a.id.clone()).collect());
            // Only now does the producer write its second line.
            if let Some(feed) = feed.take() {
                feed.send(article("b")).unwrap();
            }
            true
        });
        assert_eq!(batches, [["a"], ["b"]]);
    }

    #[test]
    fn a_file_is_read_a_whole_piece_at_a_time() {
        let mut bytes = article("a");
        bytes.extend(article("b"));
        let name: Arc<str> = Arc::from("f.jsonl");
        let mut batches = 0;
        lines(
            Whole(&bytes[..]),
            Vec::new(),
            named(&name),
            Long::Skip,
            &mut |batch| {
                assert_eq!(batch.articles.len(), 2);
                batches += 1;
                true
            },
        );
        assert_eq!(batches, 1);
    }

    proptest! {
        /// However the bytes arrive and however much is asked for at a
        /// time, a pipe gives back exactly what was written, in order.
        #[test]
        fn a_pipe_loses_and_reorders_nothing(
            chunks in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..300), 0..20),
            asks in prop::collection::vec(1usize..500, 1..10),
        ) {
            let (feed, reader) = channel();
            for chunk in &chunks {
                feed.send(chunk.clone()).unwrap();
            }
            drop(feed);
            let mut pipe = Pipe::spawn(Fed(reader)).unwrap();
            let mut got = Vec::new();
            for ask in asks.iter().cycle() {
                let mut buf = vec![0; *ask];
                let n = pipe.fill(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
            }
            prop_assert_eq!(got, chunks.concat());
        }
    }
}
