//! The crate's hashing, in one place: `FxHash` for the hash maps keyed by
//! short strings and small numbers that byline makes itself (a fast hash
//! serves them better than a DoS-proof one), `MurmurHash3`'s finaliser
//! where every output bit must depend on every input bit, and the 64-bit
//! word hash that keys the word lists.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// `FxHash` (as in rustc): a rotate, a xor and a multiply per eight bytes.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

/// `FxHash`'s multiplier.
pub(crate) const FX_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    /// Mixes in one word.
    #[inline]
    pub fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            self.add(load(chunk));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Passes an already well-mixed `u64` key (a [`word_hash`]) through.
#[derive(Debug, Default, Clone, Copy)]
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

/// A 64-bit hash of a word: `FxHash` over its bytes, then [`mix`] with
/// its length, so that every bit depends on every byte. Tables of words
/// may be keyed by this hash alone: a false hit needs a 64-bit collision.
#[inline]
pub fn word_hash(bytes: &[u8]) -> u64 {
    // Most words are one chunk: the hasher's first step from state 0.
    if bytes.len() <= 8 {
        return mix(load(bytes).wrapping_mul(FX_K) ^ bytes.len() as u64);
    }
    let mut h = FxHasher::default();
    h.write(bytes);
    mix(h.finish() ^ bytes.len() as u64)
}

/// `MurmurHash3`'s 64-bit finaliser: a bijection in which every output
/// bit depends on every input bit.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x = (x ^ (x >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Up to eight bytes as a little-endian word, zero-padded as a hasher
/// reads its last chunk. A short chunk is read as two overlapping halves
/// (the bytes they share are equal, so or-ing them is exact), which is
/// cheaper than a copy into a buffer: that copy calls `memcpy`.
#[inline]
pub fn load(chunk: &[u8]) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn short_words_hash_as_the_hasher_reads_them() {
        for word in ["", "a", "said", "12345678", "123456789", "Stoltenberg"] {
            let mut h = FxHasher::default();
            h.write(word.as_bytes());
            let want = mix(h.finish() ^ word.len() as u64);
            assert_eq!(word_hash(word.as_bytes()), want, "{word}");
        }
    }

    #[test]
    fn integers_hash_as_their_bytes() {
        let hash = |f: &dyn Fn(&mut FxHasher)| {
            let mut h = FxHasher::default();
            f(&mut h);
            h.finish()
        };
        let bytes = hash(&|h| h.write(&7u64.to_le_bytes()));
        assert_eq!(hash(&|h| h.write_u64(7)), bytes);
        assert_eq!(hash(&|h| h.write_usize(7)), bytes);
        assert_eq!(hash(&|h| h.write_u32(7)), bytes);
        assert_eq!(hash(&|h| h.write_u8(7)), hash(&|h| h.write(&[7])));
    }
}
