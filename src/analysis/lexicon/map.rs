//! The table a word is looked up in: word hash → flags, by open
//! addressing, and the hash of a word lower-cased as it is read.

use crate::hash::{FX_K, load, mix, word_hash};

/// Word hash (see [`word_hash`]) to flags, by open addressing: a slot is
/// a key and its flags side by side, so a lookup costs one cache line
/// where a general hash map reads a control byte and then a slot.
/// Flags 0 mark an empty slot (a word with no flags is as good as absent).
pub struct WordMap {
    slots: Box<[(u64, u64)]>,
    mask: usize,
}

impl WordMap {
    /// Room for `n` words at most half full, so probes stay short and
    /// there is always an empty slot to end them.
    pub fn with_capacity(n: usize) -> Self {
        let size = (2 * n).next_power_of_two().max(16);
        WordMap {
            slots: vec![(0, 0); size].into_boxed_slice(),
            mask: size - 1,
        }
    }

    #[inline]
    pub fn get(&self, hash: u64) -> u64 {
        let mut i = hash as usize & self.mask;
        loop {
            let (key, flags) = self.slots[i];
            if flags == 0 || key == hash {
                return flags;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Sets the bits of `group` for `hash` to `flags` (other bits kept):
    /// with `group` 0 the flags are added to what the word has.
    pub fn set(&mut self, hash: u64, group: u64, flags: u64) {
        if flags == 0 {
            return;
        }
        let mut i = hash as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == 0 || slot.0 == hash {
                *slot = (hash, slot.1 & !group | flags);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// [`word_hash`] of the lower-cased word, read straight from the text:
/// every capitalised word is looked up, and copying it into a buffer to
/// lower-case it first cost more than the lookup. A word that is not ASCII
/// (rare) is lower-cased by `to_lowercase` first.
#[inline]
pub fn lower_hash(word: &[u8]) -> u64 {
    // Most words are one chunk (the loop's first step from state 0),
    // hashed here; longer ones apart, so that this stays small enough to
    // inline without the loop's registers.
    if word.len() > 8 {
        return long_lower_hash(word);
    }
    match ascii_lower(load(word)) {
        Some(x) => mix(x.wrapping_mul(FX_K) ^ word.len() as u64),
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
        state = (state.rotate_left(5) ^ x).wrapping_mul(FX_K);
    }
    mix(state ^ word.len() as u64)
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

/// The filter cell of a word: its byte length (up to 15) and its first
/// and last letters, lower-cased (a-z, or 26 for anything else).
#[inline]
pub fn shape(w: &[u8]) -> usize {
    let letter = |b: Option<&u8>| match b.map(u8::to_ascii_lowercase) {
        Some(b @ b'a'..=b'z') => usize::from(b - b'a'),
        _ => 26,
    };
    w.len().min(15) * 27 * 27 + letter(w.first()) * 27 + letter(w.last())
}

/// How many cells [`shape`] has.
pub const SHAPES: usize = 16 * 27 * 27;

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_group_is_replaced_and_other_bits_kept() {
        let mut map = WordMap::with_capacity(4);
        map.set(7, 0, 0b0001);
        map.set(7, 0b1110, 0b0100);
        map.set(7, 0b1110, 0b1000);
        assert_eq!(map.get(7), 0b1001);
        assert_eq!(map.get(8), 0);
    }
}
