//! A small HTTP/1.1 server on 127.0.0.1 (port 0) for the feeds tests and
//! the fetch benchmark: routes by path, each answered by a function of the
//! request and how many times its path was asked for; every request kept
//! for the test to look at. One thread per connection, `Connection:
//! close`. A reply can hang (accept, read the request, never answer) or
//! stream without end; both stop when the server is dropped.

#![allow(dead_code)] // each user takes its own part

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// How a reply's body is sent.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Vec<u8>),
    /// Nothing at all, not even a status line, until the server stops.
    Hang,
    /// Bytes without end, until the client hangs up or the server stops.
    Endless,
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Waited before answering.
    pub delay: Duration,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self::status(200)
            .header("Content-Type", content_type)
            .body(body)
    }

    pub fn status(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
            delay: Duration::ZERO,
        }
    }

    pub fn hang() -> Self {
        Self {
            body: Body::Hang,
            ..Self::status(200)
        }
    }

    pub fn endless(content_type: &str) -> Self {
        Self {
            body: Body::Endless,
            ..Self::status(200).header("Content-Type", content_type)
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = Body::Bytes(body.into());
        self
    }

    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// A route: the reply to a request, given how many requests to this path
/// came before it.
pub type Route = Arc<dyn Fn(&Request, usize) -> Reply + Send + Sync>;

#[derive(Default)]
struct Shared {
    routes: Mutex<HashMap<String, Route>>,
    log: Mutex<Vec<Request>>,
    stop: AtomicBool,
}

pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accepting: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let addr = listener.local_addr().expect("its address");
        let shared = Arc::new(Shared::default());
        let accepting = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if shared.stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let shared = Arc::clone(&shared);
                    std::thread::spawn(move || serve(&stream, &shared));
                }
            })
        };
        Self {
            addr,
            shared,
            accepting: Some(accepting),
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    /// Answers `path` with `route`.
    pub fn route(
        &self,
        path: &str,
        route: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
    ) {
        self.shared
            .routes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_owned(), Arc::new(route));
    }

    /// Answers `path` with the same reply every time.
    pub fn fixed(&self, path: &str, reply: Reply) {
        self.route(path, move |_, _| reply.clone());
    }

    /// The requests for `path`, in the order they came.
    pub fn requests(&self, path: &str) -> Vec<Request> {
        let log = self
            .shared
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        log.iter().filter(|r| r.path == path).cloned().collect()
    }

    pub fn count(&self, path: &str) -> usize {
        self.requests(path).len()
    }

    /// Every request so far.
    pub fn all_requests(&self) -> Vec<Request> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread up to see the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(accepting) = self.accepting.take() {
            let _ = accepting.join();
        }
    }
}

fn serve(stream: &TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Some(request) = read_request(stream) else {
        return;
    };
    let route = shared
        .routes
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&request.path)
        .cloned();
    let nth = {
        let mut log = shared.log.lock().unwrap_or_else(PoisonError::into_inner);
        let nth = log.iter().filter(|r| r.path == request.path).count();
        log.push(request.clone());
        nth
    };
    let reply = route.map_or_else(|| Reply::status(404), |route| route(&request, nth));
    if !wait(reply.delay, shared) {
        return;
    }
    let mut out = stream;
    match reply.body {
        Body::Hang => while wait(Duration::from_millis(50), shared) {},
        Body::Bytes(bytes) => {
            let head = head(reply.status, &reply.headers, Some(bytes.len()));
            let _ = out
                .write_all(head.as_bytes())
                .and_then(|()| out.write_all(&bytes));
        }
        Body::Endless => {
            let head = head(reply.status, &reply.headers, None);
            if out.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = b"<item><title>more</title></item>\n".repeat(2048);
            loop {
                if shared.stop.load(Ordering::SeqCst) || out.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
    }
    let _ = out.flush();
}

/// Sleeps `how_long` in small steps; false when the server stopped.
fn wait(how_long: Duration, shared: &Shared) -> bool {
    let step = Duration::from_millis(20);
    let mut waited = Duration::ZERO;
    while waited < how_long {
        if shared.stop.load(Ordering::SeqCst) {
            return false;
        }
        std::thread::sleep(step.min(how_long.saturating_sub(waited)));
        waited += step;
    }
    !shared.stop.load(Ordering::SeqCst)
}

fn head(status: u16, headers: &[(String, String)], length: Option<usize>) -> String {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nConnection: close\r\n",
        reason(status)
    );
    for (name, value) in headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    if let Some(length) = length {
        let _ = write!(head, "Content-Length: {length}\r\n");
    }
    head.push_str("\r\n");
    head
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    Some(Request { path, headers })
}
