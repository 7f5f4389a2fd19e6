//! The word lists of `assets/words/`, embedded in the binary and parsed once
//! into one map from a lower-case word (or phrase) to what it can be.

use std::hash::Hasher;
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
    /// The lists of words that are not names (places, common words,
    /// titles, organisation words, dates...).
    pub const NOT_A_NAME: u32 = PLACE
        | COMMON
        | HONORIFIC
        | TITLE
        | QUALIFIER
        | ORG
        | PLACE_WORD
        | DEMONYM
        | FURNITURE
        | TIME;
}

/// `FxHash` (the rustc hasher), for small sets of our own keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            self.0 = (self.0.rotate_left(5) ^ load(chunk)).wrapping_mul(K);
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
    finalise(h.finish(), bytes.len())
}

fn finalise(state: u64, len: usize) -> u64 {
    let mut x = state ^ len as u64;
    x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x = (x ^ (x >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// [`word_hash`] of the lower-cased word, read straight from the text:
/// every capitalised word is looked up, and copying it into a buffer to
/// lower-case it first cost more than the lookup. A word that is not ASCII
/// (rare) is lower-cased by `to_lowercase` first.
#[inline]
fn lower_hash(word: &[u8]) -> u64 {
    // Most words are one chunk (the loop's first step from state 0),
    // hashed here; longer ones apart, so that this stays small enough to
    // inline without the loop's registers.
    if word.len() > 8 {
        return long_lower_hash(word);
    }
    match ascii_lower(load(word)) {
        Some(x) => finalise(x.wrapping_mul(K), word.len()),
        None => unicode_lower_hash(word),
    }
}

/// [`lower_hash`] of a word longer than eight bytes.
#[inline(never)]
fn long_lower_hash(word: &[u8]) -> u64 {
    let mut state = 0u64;
    for chunk in word.chunks(8) {
        let Some(x) = ascii_lower(load(chunk)) else {
            return unicode_lower_hash(word);
        };
        state = (state.rotate_left(5) ^ x).wrapping_mul(K);
    }
    finalise(state, word.len())
}

/// [`lower_hash`] of a word that is not ASCII, apart: its allocation
/// would otherwise weigh on every call.
#[cold]
#[inline(never)]
fn unicode_lower_hash(word: &[u8]) -> u64 {
    // Words are UTF-8: the lossy reading borrows them as they are.
    let word = String::from_utf8_lossy(word).to_lowercase();
    word_hash(word.as_bytes())
}

/// Up to eight bytes as a little-endian word, zero-padded as a hasher
/// reads its last chunk. A short chunk is read as two overlapping halves
/// (the bytes they share are equal, so or-ing them is exact), which is
/// cheaper than a copy into a buffer: that copy calls `memcpy`.
fn load(chunk: &[u8]) -> u64 {
    let n = chunk.len();
    let u64_at = |i: usize| chunk.get(i..i + 8).and_then(|b| b.try_into().ok());
    let u32_at = |i: usize| chunk.get(i..i + 4).and_then(|b| b.try_into().ok());
    let u16_at = |i: usize| chunk.get(i..i + 2).and_then(|b| b.try_into().ok());
    match n {
        8 => u64_at(0).map_or(0, u64::from_le_bytes),
        4..=7 => {
            let half = |i| u32_at(i).map_or(0, |b| u64::from(u32::from_le_bytes(b)));
            half(0) | half(n - 4) << (8 * (n - 4))
        }
        2 | 3 => {
            let half = |i| u16_at(i).map_or(0, |b| u64::from(u16::from_le_bytes(b)));
            half(0) | half(n - 2) << (8 * (n - 2))
        }
        1 => u64::from(chunk[0]),
        _ => 0,
    }
}

/// Eight ASCII bytes lower-cased at once (`None` if one is not ASCII):
/// adding 0x3f sets a byte's top bit from 'A' up, adding 0x25 from '[' up,
/// so the capitals are the bytes where only the first did; their 0x20 bit
/// is then set.
fn ascii_lower(x: u64) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    if x & HIGH != 0 {
        return None;
    }
    let from_a = x + 0x3f * ONES;
    let past_z = x + 0x25 * ONES;
    let capitals = from_a & !past_z & HIGH;
    Some(x | (capitals >> 2))
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

/// Word hash (see [`word_hash`]) to flags, by open addressing: a slot is
/// a key and its flags side by side, so a lookup costs one cache line
/// where a general hash map reads a control byte and then a slot.
/// Flags 0 mark an empty slot (a word with no flags is as good as absent).
pub struct WordMap {
    slots: Box<[(u64, u32)]>,
    mask: usize,
}

impl WordMap {
    /// Room for `n` words at most half full, so probes stay short and
    /// there is always an empty slot to end them.
    fn with_capacity(n: usize) -> Self {
        let size = (2 * n).next_power_of_two().max(16);
        WordMap {
            slots: vec![(0, 0); size].into_boxed_slice(),
            mask: size - 1,
        }
    }

    #[inline]
    pub fn get(&self, hash: u64) -> u32 {
        let mut i = hash as usize & self.mask;
        loop {
            let (key, flags) = self.slots[i];
            if flags == 0 || key == hash {
                return flags;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn or_insert(&mut self, hash: u64, flags: u32) {
        if flags == 0 {
            return;
        }
        let mut i = hash as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == 0 || slot.0 == hash {
                *slot = (hash, slot.1 | flags);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Two maps: every list (for capitalised words, which may be names or
/// places), and the small lists of function words (titles, verbs,
/// organisation words...), which stays in cache for the many lookups of
/// lower-case words around a candidate. One map of all lists answers a
/// capitalised word in one probe, where the big and small maps took two.
static ALL: LazyLock<WordMap> = LazyLock::new(|| build(&[BIG_LISTS, SMALL_LISTS]));
static SMALL: LazyLock<WordMap> = LazyLock::new(|| build(&[SMALL_LISTS]));

/// The first words of the lists' phrases ("new" of "new york"): a
/// phrase whose first word is none of them is in no list, which spares
/// joining and hashing the phrase (few names start like a place).
static PHRASE_HEADS: LazyLock<WordMap> = LazyLock::new(|| {
    let mut map = WordMap::with_capacity(1024);
    for head in phrase_heads() {
        map.or_insert(word_hash(head.as_bytes()), 1);
    }
    map
});

/// The first words of the lists' phrases. Only a line with a space can
/// hold a phrase: the lines are found by searching for spaces, not by
/// reading every line of the long lists again.
fn phrase_heads() -> impl Iterator<Item = &'static str> {
    BIG_LISTS
        .iter()
        .chain(SMALL_LISTS)
        .flat_map(|&(text, _)| lines_with_a_space(text))
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let word = line.split('\t').next().unwrap_or("").trim();
            word.split_once(' ').map(|(head, _)| head)
        })
}

fn lines_with_a_space(text: &'static str) -> impl Iterator<Item = &'static str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let space = at + memchr::memchr(b' ', bytes.get(at..)?)?;
        let start = memchr::memrchr(b'\n', &bytes[..space]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &bytes[space..]).map_or(bytes.len(), |n| space + n);
        at = end;
        Some(&text[start..end])
    })
}

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

fn build(groups: &[&[(&'static str, u32)]]) -> WordMap {
    let mut map = WordMap::with_capacity(list_lines(groups).count());
    for (line, base) in list_lines(groups) {
        let mut cols = line.split('\t');
        let word = cols.next().unwrap_or("").trim();
        if !word.is_empty() {
            map.or_insert(word_hash(word.as_bytes()), base | line_flags(cols));
        }
    }
    map
}

/// The lines of the lists (comments and blank lines aside), with each
/// list's default flags.
fn list_lines(
    groups: &[&[(&'static str, u32)]],
) -> impl Iterator<Item = (&'static str, u32)> + Clone {
    groups
        .iter()
        .flat_map(|lists| lists.iter())
        .flat_map(|&(text, base)| {
            text.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(move |l| (l, base))
        })
}

/// The words (or phrases) of the lists' lines, with the default flags:
/// what the faster readings above are tested against.
#[cfg(test)]
fn list_words(groups: &[&[(&'static str, u32)]]) -> impl Iterator<Item = (&'static str, u32)> {
    list_lines(groups)
        .map(|(line, base)| (line.split('\t').next().unwrap_or("").trim(), base))
        .filter(|(word, _)| !word.is_empty())
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
#[inline]
pub fn flags(word: &str) -> u32 {
    ALL.get(lower_hash(word.as_bytes()))
}

/// The flags from the small lists only (titles, verbs, organisation and
/// place words, demonyms, furniture, dates): enough for lower-case words.
#[inline]
pub fn small_flags(word: &[u8]) -> u32 {
    // The list words are ASCII but for a few accented ones, which the
    // filter was built with too; a byte shape is the same either way.
    let k = shape(word);
    if SMALL_SHAPES[k / 64] & (1 << (k % 64)) == 0 {
        return 0;
    }
    SMALL.get(lower_hash(word))
}

/// Whether a phrase starting with `word` may be in the lists (see
/// [`PHRASE_HEADS`]): when not, [`phrase_flags`] of it is 0, and the
/// phrase need not be read.
pub fn heads_phrase(word: &[u8]) -> bool {
    PHRASE_HEADS.get(lower_hash(word)) != 0
}

/// The flags of a phrase ("New York"): its words joined by one space.
pub fn phrase_flags<'a>(words: impl Iterator<Item = &'a str>) -> u32 {
    let mut buf = [0u8; 64];
    let (mut n, mut headed) = (0, false);
    for w in words {
        let sep = usize::from(n > 0);
        if !w.is_ascii() || n + sep + w.len() > buf.len() {
            return 0; // long or non-ASCII phrases are not in the lists
        }
        if sep == 1 {
            // A phrase of two words or more: its first word must start one
            // in the lists.
            if !headed {
                let head = buf[..n].split(|&b| b == b' ').next().unwrap_or(&[]);
                if PHRASE_HEADS.get(lower_hash(head)) == 0 {
                    return 0;
                }
                headed = true;
            }
            buf[n] = b' ';
        }
        buf[n + sep..n + sep + w.len()].copy_from_slice(w.as_bytes());
        n += sep + w.len();
    }
    buf[..n].make_ascii_lowercase();
    ALL.get(word_hash(&buf[..n]))
}

/// Makes sure the lists are parsed (for benchmarks that time only the work).
pub fn warm_up() {
    LazyLock::force(&ALL);
    LazyLock::force(&SMALL);
    LazyLock::force(&SMALL_SHAPES);
    LazyLock::force(&PHRASE_HEADS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_heads_are_found_by_their_spaces() {
        let mut slow: Vec<&str> = list_words(&[BIG_LISTS, SMALL_LISTS])
            .filter_map(|(word, _)| word.split_once(' ').map(|(head, _)| head))
            .collect();
        let mut fast: Vec<&str> = phrase_heads().collect();
        slow.sort_unstable();
        fast.sort_unstable();
        assert!(!slow.is_empty());
        assert_eq!(fast, slow);
    }

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

    #[test]
    fn load_reads_short_chunks_as_zero_padded_words() {
        let bytes = [0x41u8, 0x62, 0xc3, 0xa9, 0x7a, 0x2d, 0x27, 0xff];
        for n in 0..=8 {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load(&bytes[..n]), u64::from_le_bytes(buf), "{n}");
        }
    }

    #[test]
    fn lower_hash_is_the_hash_of_the_lower_case_word() {
        let words = [
            "",
            "A",
            "@[`{Zz",
            "Putin",
            "MSNBC's",
            "Stoltenberg",
            "SECRETARY-GENERAL",
            "Mixed-Case-Words-Longer-Than-Sixteen",
            "Lefèvre",
            "ÉLYSÉE",
            "Владимир",
        ];
        for w in words {
            assert_eq!(
                lower_hash(w.as_bytes()),
                word_hash(w.to_lowercase().as_bytes()),
                "{w}"
            );
        }
        for b in 0u8..0x80 {
            let w = String::from(char::from(b)).repeat(9);
            assert_eq!(
                lower_hash(w.as_bytes()),
                word_hash(w.to_lowercase().as_bytes()),
                "{b}"
            );
        }
    }
}
