//! Interned strings: every name, spelling, cue and key is stored once and
//! referred to by a four-byte [`Sym`], so that a library of 100,000 stories
//! holds each "Jens Stoltenberg" and each "said" one time.

use crate::hash::mix;
pub use crate::hash::{FastMap, FastSet};
use std::collections::HashMap;
use std::hash::Hasher;

/// A 64-bit hash of `bytes` for fingerprints, where two different texts
/// must almost never collide: every eight bytes are mixed in with
/// `MurmurHash3`'s finaliser (`FxHash` alone lets texts that differ in
/// a few digits collide).
pub fn hash64(bytes: &[u8]) -> u64 {
    let mut h = Hash64::default();
    for &b in bytes {
        h.push(b);
    }
    h.finish()
}

/// [`hash64`] fed a byte at a time, so that a text can be hashed as it
/// is folded, without building the folded copy.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hash64 {
    state: u64,
    word: [u8; 8],
    len: usize,
}

impl Hash64 {
    pub fn push(&mut self, byte: u8) {
        self.word[self.len % 8] = byte;
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.state = mix(self.state ^ u64::from_le_bytes(self.word));
        }
    }

    /// Bytes pushed so far.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn finish(&self) -> u64 {
        let mut state = self.state;
        let rest = self.len % 8;
        if rest != 0 {
            let mut word = self.word;
            word[rest..].fill(0);
            state = mix(state ^ u64::from_le_bytes(word));
        }
        mix(state ^ self.len as u64)
    }
}

impl Hasher for Hash64 {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.push(b);
        }
    }

    fn finish(&self) -> u64 {
        Hash64::finish(self)
    }
}

/// An interned string.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(u32);

/// Strings stored end to end in one buffer, found again by their hash.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    text: String,
    /// Where each symbol's string ends in `text`; it starts where the one
    /// before it ends.
    ends: Vec<u32>,
    /// [`hash64`] of a string → its symbol.
    ids: FastMap<u64, Sym>,
    /// The strings whose hash another string had first: in practice none.
    others: HashMap<Box<str>, Sym>,
}

impl Interner {
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(sym) = self.get(text) {
            return sym;
        }
        let sym = self.push(text);
        let hash = hash64(text.as_bytes());
        match self.ids.entry(hash) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(sym);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.others.insert(Box::from(text), sym);
            }
        }
        sym
    }

    fn push(&mut self, text: &str) -> Sym {
        self.text.push_str(text);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        Sym(u32::try_from(self.ends.len() - 1).unwrap_or(u32::MAX))
    }

    /// The symbol of a string already interned.
    pub fn get(&self, text: &str) -> Option<Sym> {
        match self.ids.get(&hash64(text.as_bytes())) {
            Some(&sym) if self.text(sym) == text => Some(sym),
            Some(_) => self.others.get(text).copied(),
            None => None,
        }
    }

    /// The text of a symbol this interner made.
    pub fn text(&self, sym: Sym) -> &str {
        let i = sym.0 as usize;
        let start = i
            .checked_sub(1)
            .map_or(0, |before| self.ends[before] as usize);
        self.ends
            .get(i)
            .and_then(|&end| self.text.get(start..end as usize))
            .unwrap_or("")
    }

    /// Bytes held on the heap, roughly: the strings and the tables that
    /// find them.
    pub fn heap_size(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * 4
            + self.ids.capacity() * (std::mem::size_of::<(u64, Sym)>() + 1)
            + self.others.keys().map(|k| k.len() + 24).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_of_similar_ids_do_not_collide() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..200_000 {
            assert!(seen.insert(hash64(format!("gen-{n:06}").as_bytes())), "{n}");
        }
    }

    #[test]
    fn one_symbol_per_string() {
        let mut names = Interner::default();
        let a = names.intern("Jens Stoltenberg");
        let b = names.intern("Zelensky");
        assert_eq!(names.intern("Jens Stoltenberg"), a);
        assert_ne!(a, b);
        assert_eq!(names.text(b), "Zelensky");
        assert_eq!(names.get("Zelensky"), Some(b));
        assert_eq!(names.get("Putin"), None);
    }
}
