//! Why a feed, a page or a whole fetch failed: one line a person can act on.

use crate::article::Size;

/// Why fetching a feed or a page failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The address is not one byline opens (`file:`, `javascript:`…).
    #[error(transparent)]
    Address(#[from] super::address::AddressError),
    /// Nothing came back within the timeout.
    #[error("no answer within {0} s (timeout in [feeds] of the settings)")]
    Timeout(u64),
    /// An answer other than a success (`404 Not Found`).
    #[error("the server answered {0}")]
    Status(String),
    /// A 429 or 503 with `Retry-After`: not asked again before `until`.
    #[error("the server answered {status} and asked not to be asked again before {until}")]
    RetryLater { status: String, until: String },
    /// A body larger than its cap; the rest was not read.
    #[error("larger than {} ({setting} in [feeds] of the settings); not read further", Size(*cap))]
    TooLarge { cap: u64, setting: &'static str },
    /// The host, the connection or TLS failed.
    #[error("{0}")]
    Network(String),
    /// What came back is not a feed byline can read.
    #[error("not a feed: {0}")]
    NotAFeed(String),
    /// The page has no article that readability could find.
    #[error("no article found on the page")]
    NoArticle,
    /// The stories, the status or a cached page could not be written.
    #[error("cannot write {0}")]
    Write(String),
    /// Another `byline fetch` holds the lock.
    #[error("another byline is fetching feeds (it holds {0}); try again when it is done")]
    Busy(String),
    /// There is no home folder to keep anything in.
    #[error("there is no home folder to keep feeds in (set HOME or the XDG folders)")]
    NoHome,
}

impl FetchError {
    pub(crate) fn write(path: &std::path::Path, err: &std::io::Error) -> Self {
        Self::Write(format!("{}: {err}", path.display()))
    }
}
