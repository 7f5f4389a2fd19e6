//! Stable names: the file a feed's stories are kept in, a story's id and a
//! cached page's file. Each is derived from addresses with a hash that
//! never changes between versions of byline (FNV-1a, 64 bits; std's
//! hashers make no such promise), so a story keeps its id, and with it its
//! read and starred marks, across fetches and upgrades.

use super::address::host;

/// FNV-1a over the parts, with a byte no UTF-8 text holds between them so
/// that `("ab", "c")` and `("a", "bc")` differ.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash = step(hash, 0xff);
        }
        for &byte in part.as_bytes() {
            hash = step(hash, byte);
        }
    }
    hash
}

fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// The name (without extension) of the file a feed's stories are kept
/// in: its host, made safe for a file name, and a short hash of the whole
/// address (`harbour.example-1a2b3c4d`), so that two feeds of one site
/// have two files.
pub fn feed_stem(url: &str) -> String {
    format!("{}-{:08x}", host_slug(url), stable_hash(&[url]) >> 32)
}

/// A story's id: its feed's host and a hash of the feed's address and the
/// item's key (its guid, else its link), the same at every fetch.
pub fn story_id(feed_url: &str, key: &str) -> String {
    format!(
        "{}-{:016x}",
        host_slug(feed_url),
        stable_hash(&[feed_url, key])
    )
}

/// The file a web page is cached in.
pub fn page_file(url: &str) -> String {
    format!("{:016x}.html", stable_hash(&[url]))
}

/// The host in lower case with anything but letters, digits, dots and
/// dashes made a dash; `feed` when there is none.
fn host_slug(url: &str) -> String {
    let slug: String = host(url)
        .unwrap_or("")
        .chars()
        .take(48)
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '.' | '-') => c,
            _ => '-',
        })
        .collect();
    let slug = slug.trim_matches(['-', '.']);
    if slug.is_empty() {
        "feed".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a_and_never_changes() {
        // FNV-1a's published test vectors.
        assert_eq!(stable_hash(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(stable_hash(&["foobar"]), 0x8594_4171_f739_67e8);
        assert_ne!(stable_hash(&["ab", "c"]), stable_hash(&["a", "bc"]));
    }

    #[test]
    fn names_are_safe_and_stable() {
        let url = "https://Harbour.Example:8443/news/feed.xml";
        assert_eq!(feed_stem(url), feed_stem(url));
        assert!(
            feed_stem(url).starts_with("harbour.example-"),
            "{}",
            feed_stem(url)
        );
        assert_ne!(
            feed_stem(url),
            feed_stem("https://harbour.example/other.xml")
        );
        assert!(
            feed_stem("http://[::1]:80/x").starts_with("feed-") || {
                let stem = feed_stem("http://[::1]:80/x");
                stem.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            }
        );
        assert!(feed_stem("http://../etc").bytes().all(|b| b != b'/'));
        let id = story_id(url, "guid-1");
        assert_eq!(id, story_id(url, "guid-1"));
        assert_ne!(id, story_id(url, "guid-2"));
        assert_ne!(id, story_id("https://harbour.example/other.xml", "guid-1"));
        assert_eq!(page_file("https://a.example/x").len(), 21);
    }
}
