//! The word lists of `assets/words/`, embedded in the binary and parsed once
//! into one map from a lower-case word (or phrase) to what it can be.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Bit flags: what a lower-case word can be. One word may carry several
/// (for example "jordan" is a given name, a surname and a place).
pub mod flag {
    pub const GIVEN: u32 = 1;
    pub const MALE: u32 = 1 << 1;
    pub const FEMALE: u32 = 1 << 2;
    pub const SURNAME: u32 = 1 << 3;
    pub const PLACE: u32 = 1 << 4;
    pub const COMMON: u32 = 1 << 5;
    /// Mr, Dr., Sen.: stands right before a name.
    pub const HONORIFIC: u32 = 1 << 6;
    /// A role noun that ends a title chain: president, minister, coach.
    pub const TITLE: u32 = 1 << 7;
    /// A word that may stand inside a title chain: prime, deputy, foreign.
    pub const QUALIFIER: u32 = 1 << 8;
    pub const ORG: u32 = 1 << 9;
    /// Street, river, province: the phrase is a place.
    pub const PLACE_WORD: u32 = 1 << 10;
    pub const DEMONYM: u32 = 1 << 11;
    pub const FURNITURE: u32 = 1 << 12;
    pub const TIME: u32 = 1 << 13;
    pub const VERB: u32 = 1 << 14;
    /// The title or honorific says the person is a man / a woman.
    pub const TITLE_MALE: u32 = 1 << 15;
    pub const TITLE_FEMALE: u32 = 1 << 16;
}

/// `FxHash` (the rustc hasher), for small sets of our own keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A 64-bit hash of a word: `FxHash` over its bytes, then `MurmurHash3`'s
/// finaliser so that every bit depends on every byte. The word maps are
/// keyed by this hash alone: a lookup then touches no key text (fewer
/// cache misses), and a false hit needs a 64-bit collision between a text
/// word and one of ~70,000 list words, which is negligible.
pub fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    let mut x = h.finish() ^ bytes.len() as u64;
    x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x = (x ^ (x >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Passes an already well-mixed `u64` key through.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Keys are word hashes (see [`word_hash`]). Two maps: the big name, place and common-word lists,
/// and the small lists of function words (titles, verbs, organisation
/// words...), which stays in cache for the many lookups of lower-case
/// words around a candidate.
type Map = HashMap<u64, u32, BuildHasherDefault<KeyHasher>>;

static BIG: LazyLock<Map> = LazyLock::new(|| build(BIG_LISTS));
static SMALL: LazyLock<Map> = LazyLock::new(|| build(SMALL_LISTS));

/// A one-bit-per-shape filter in front of the small map: most words looked
/// up there (the word before or after a name) are in none of its lists,
/// and their (length, first letter, last letter) shape says so at once.
static SMALL_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; SHAPES.div_ceil(64)];
    for &(text, _) in SMALL_LISTS {
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let word = line.split('\t').next().unwrap_or("").trim().to_lowercase();
            let k = shape(word.as_bytes());
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
});

const SHAPES: usize = 16 * 27 * 27;

/// The filter cell of a word: its byte length (up to 15) and its first
/// and last letters, lower-cased (a-z, or 26 for anything else).
fn shape(w: &[u8]) -> usize {
    let letter = |b: Option<&u8>| match b.map(u8::to_ascii_lowercase) {
        Some(b @ b'a'..=b'z') => usize::from(b - b'a'),
        _ => 26,
    };
    w.len().min(15) * 27 * 27 + letter(w.first()) * 27 + letter(w.last())
}

/// Lists as `(text, default flags)`; a `.tsv` list's extra columns refine
/// the flags per line (see [`line_flags`]).
const BIG_LISTS: &[(&str, u32)] = &[
    (include_str!("../../../assets/words/given.tsv"), flag::GIVEN),
    (
        include_str!("../../../assets/words/given-extra.tsv"),
        flag::GIVEN,
    ),
    (
        include_str!("../../../assets/words/surnames.txt"),
        flag::SURNAME,
    ),
    (
        include_str!("../../../assets/words/places.txt"),
        flag::PLACE,
    ),
    (
        include_str!("../../../assets/words/places-extra.txt"),
        flag::PLACE,
    ),
    (
        include_str!("../../../assets/words/common.txt"),
        flag::COMMON,
    ),
];

const SMALL_LISTS: &[(&str, u32)] = &[
    (include_str!("../../../assets/words/titles.tsv"), 0),
    (include_str!("../../../assets/words/orgwords.tsv"), 0),
    (
        include_str!("../../../assets/words/demonyms.txt"),
        flag::DEMONYM,
    ),
    (
        include_str!("../../../assets/words/furniture.txt"),
        flag::FURNITURE,
    ),
    (include_str!("../../../assets/words/time.txt"), flag::TIME),
    (include_str!("../../../assets/words/verbs.txt"), flag::VERB),
];

fn build(lists: &[(&'static str, u32)]) -> Map {
    let mut map = Map::default();
    for &(text, base) in lists {
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or("").trim();
            if !word.is_empty() {
                *map.entry(word_hash(word.as_bytes())).or_insert(0) |= base | line_flags(cols);
            }
        }
    }
    map
}

/// Flags from the extra columns of a `.tsv` line: `m`/`f`/`u` for a given
/// name's gender; `h`/`t`/`q` + gender for a title; `o`/`p` for an
/// organisation or place word.
fn line_flags<'a>(cols: impl Iterator<Item = &'a str>) -> u32 {
    let mut f = 0;
    for col in cols {
        f |= match col {
            "h" => flag::HONORIFIC,
            "t" => flag::TITLE,
            "q" => flag::QUALIFIER,
            "o" => flag::ORG,
            "p" => flag::PLACE_WORD,
            _ => 0,
        };
        // The gender column differs between given names (m/f) and titles.
        f |= match (col, f & (flag::HONORIFIC | flag::TITLE) != 0) {
            ("m", false) => flag::MALE,
            ("f", false) => flag::FEMALE,
            ("m", true) => flag::TITLE_MALE,
            ("f", true) => flag::TITLE_FEMALE,
            _ => 0,
        };
    }
    f
}

/// The flags of `word`, compared case-insensitively; 0 when unknown.
pub fn flags(word: &str) -> u32 {
    with_lower(word, |w| {
        let h = word_hash(w);
        [&*BIG, &*SMALL]
            .iter()
            .fold(0, |f, m| f | m.get(&h).copied().unwrap_or(0))
    })
}

/// The flags from the small lists only (titles, verbs, organisation and
/// place words, demonyms, furniture, dates): enough for lower-case words.
pub fn small_flags(word: &str) -> u32 {
    // The list words are ASCII but for a few accented ones, which the
    // filter was built with too; a byte shape is the same either way.
    let k = shape(word.as_bytes());
    if SMALL_SHAPES[k / 64] & (1 << (k % 64)) == 0 {
        return 0;
    }
    with_lower(word, |w| lookup(&SMALL, w))
}

/// The flags of a phrase ("New York"): its words joined by one space.
pub fn phrase_flags<'a>(words: impl Iterator<Item = &'a str>) -> u32 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for w in words {
        let sep = usize::from(n > 0);
        if !w.is_ascii() || n + sep + w.len() > buf.len() {
            return 0; // long or non-ASCII phrases are not in the lists
        }
        if sep == 1 {
            buf[n] = b' ';
        }
        buf[n + sep..n + sep + w.len()].copy_from_slice(w.as_bytes());
        n += sep + w.len();
    }
    buf[..n].make_ascii_lowercase();
    lookup(&BIG, &buf[..n]) | lookup(&SMALL, &buf[..n])
}

/// Calls `f` with the lower-case bytes of `word`, without allocating for a
/// short ASCII word.
fn with_lower(word: &str, f: impl Fn(&[u8]) -> u32) -> u32 {
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        return f(bytes);
    }
    f(word.to_lowercase().as_bytes())
}

fn lookup(map: &Map, word: &[u8]) -> u32 {
    map.get(&word_hash(word)).copied().unwrap_or(0)
}

/// Makes sure the lists are parsed (for benchmarks that time only the work).
pub fn warm_up() {
    LazyLock::force(&BIG);
    LazyLock::force(&SMALL);
    LazyLock::force(&SMALL_SHAPES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_from_each_list() {
        let rows: &[(&str, u32)] = &[
            ("John", flag::GIVEN | flag::MALE),
            ("mary", flag::GIVEN | flag::FEMALE),
            ("Smith", flag::SURNAME),
            ("Brussels", flag::PLACE),
            ("Kiev", flag::PLACE),
            ("the", flag::COMMON),
            ("Mr.", flag::HONORIFIC | flag::TITLE_MALE),
            ("Ms", flag::HONORIFIC | flag::TITLE_FEMALE),
            ("minister", flag::TITLE),
            ("prime", flag::QUALIFIER),
            ("Ministry", flag::ORG),
            ("river", flag::PLACE_WORD),
            ("Norwegian", flag::DEMONYM),
            ("AFP", flag::FURNITURE),
            ("Wednesday", flag::TIME),
            ("said", flag::VERB),
        ];
        for &(word, want) in rows {
            assert_eq!(flags(word) & want, want, "{word}");
        }
    }

    #[test]
    fn unknown_and_odd_words() {
        assert_eq!(flags("Qwzxv"), 0);
        assert_eq!(flags(""), 0);
        assert_eq!(
            flags("ÉLYSÉE-palace-of-a-very-long-name-beyond-the-stack-buffer"),
            0
        );
        // A title is not a given name's gender, and vice versa.
        assert_eq!(flags("mr") & flag::MALE, 0);
        assert_eq!(flags("john") & flag::TITLE_MALE, 0);
    }
}
