//! Variants: the distinct ways a speaker is named across the library, the
//! unit the clustering works on. Every appearance of "Jens Stoltenberg" in
//! any story lands on one variant; "Stoltenberg" alone lands on another
//! (one per distinct role, since a surname alone is told apart by role).
//! Variants with the same surname (or a spelling variant of it) share a
//! bucket, and only a bucket that changed is clustered again.

use super::SpeakerKind;
use super::intern::{FastMap, Hash64, Interner, Sym, hash64};
use crate::analysis::people::same_word;
use std::collections::hash_map::Entry as Slot;
use std::hash::Hash;

/// A full name keeps at most this many role words: enough to place a
/// surname seen alone, bounded for the most described people.
const MAX_ROLES: usize = 24;

/// What makes two appearances the same variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VariantKey {
    pub kind: SpeakerKind,
    /// Word keys of a person's name; the folded name of an organisation.
    pub keys: Box<[Sym]>,
    /// Role words, for a name of one word only.
    pub roles: Box<[Sym]>,
    /// A generational suffix ("jr"): Donald Trump Jr is not Donald Trump.
    pub suffix: Option<Sym>,
}

/// Room for one more in `list`, growing 1, 2, 4, 8… rather than from 4:
/// most speakers have one name, one quote, one story, and there may be
/// hundreds of thousands of them.
pub fn make_room<T>(list: &mut Vec<T>) {
    if list.len() == list.capacity() {
        list.reserve_exact(list.len().max(1));
    }
}

impl VariantKey {
    fn hash64(&self) -> u64 {
        let mut hasher = Hash64::default();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

/// Finds a variant by its key, keeping a hash per variant rather than a
/// copy of its key.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    by_hash: FastMap<u64, u32>,
    /// Keys whose hash another key had first: in practice none.
    others: FastMap<VariantKey, u32>,
}

impl Lookup {
    pub fn find(&self, key: &VariantKey, variants: &[Variant]) -> Option<u32> {
        match self.by_hash.get(&key.hash64()) {
            Some(&v) if variants[v as usize].has_key(key) => Some(v),
            Some(_) => self.others.get(key).copied(),
            None => None,
        }
    }

    pub fn insert(&mut self, key: VariantKey, v: u32) {
        match self.by_hash.entry(key.hash64()) {
            Slot::Vacant(slot) => {
                slot.insert(v);
            }
            Slot::Occupied(_) => {
                self.others.insert(key, v);
            }
        }
    }

    pub fn heap_size(&self) -> usize {
        self.by_hash.capacity() * 13 + self.others.capacity() * 64
    }
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub kind: SpeakerKind,
    pub keys: Box<[Sym]>,
    /// The given name is an initial ("J. Smith").
    pub initial: bool,
    pub suffix: Option<Sym>,
    /// Role words from every appearance, sorted.
    pub roles: Vec<Sym>,
    /// Each fullest form as stories wrote it, with how many stories did.
    pub names: Vec<(Sym, u32)>,
    /// The other forms stories used.
    pub aliases: Vec<Sym>,
    pub appearances: u32,
    /// Quote ids, in library order.
    pub quotes: Vec<u32>,
    /// The newest date of its quotes (packed, see `pack_date`).
    pub latest: u32,
    pub bucket: u32,
}

impl Variant {
    pub fn new(key: &VariantKey, initial: bool, bucket: u32) -> Variant {
        Variant {
            kind: key.kind,
            keys: key.keys.clone(),
            initial,
            suffix: key.suffix,
            roles: key.roles.to_vec(),
            names: Vec::new(),
            aliases: Vec::new(),
            appearances: 0,
            quotes: Vec::new(),
            latest: 0,
            bucket,
        }
    }

    /// Was this variant made for `key`? (A full name's roles grow; the
    /// roles of a surname alone are part of its key.)
    fn has_key(&self, key: &VariantKey) -> bool {
        self.kind == key.kind
            && self.keys == key.keys
            && self.suffix == key.suffix
            && (self.is_full() || *self.roles == *key.roles)
    }

    /// A name of two words or more: a given name and a surname.
    pub fn is_full(&self) -> bool {
        self.kind == SpeakerKind::Person && self.keys.len() >= 2
    }

    pub fn given(&self) -> Option<Sym> {
        self.is_full().then(|| self.keys[0])
    }

    /// Counts one more appearance with this name and these aliases; true
    /// when the variant learnt new role words (which may change how a
    /// surname alone is placed).
    pub fn appear(&mut self, name: Sym, aliases: &[Sym], roles: &[Sym]) -> bool {
        self.appearances += 1;
        if let Some((_, count)) = self.names.iter_mut().find(|(n, _)| *n == name) {
            *count += 1;
        } else {
            make_room(&mut self.names);
            self.names.push((name, 1));
        }
        for &alias in aliases {
            if alias != name && !self.aliases.contains(&alias) {
                make_room(&mut self.aliases);
                self.aliases.push(alias);
            }
        }
        let before = self.roles.len();
        for &role in roles {
            if self.roles.len() >= MAX_ROLES {
                break;
            }
            if let Err(at) = self.roles.binary_search(&role) {
                self.roles.insert(at, role);
            }
        }
        self.roles.len() != before
    }

    pub fn heap_size(&self) -> usize {
        let sym = std::mem::size_of::<Sym>();
        self.keys.len() * sym
            + self.roles.capacity() * sym
            + self.names.capacity() * std::mem::size_of::<(Sym, u32)>()
            + self.aliases.capacity() * sym
            + self.quotes.capacity() * 4
    }
}

/// The variants that must be clustered together, and the entries they
/// formed last time.
#[derive(Debug, Clone, Default)]
pub struct Bucket {
    pub variants: Vec<u32>,
    pub entries: Vec<u32>,
    /// Changed since the last clustering.
    pub touched: bool,
}

/// Buckets by surname key, with spelling variants of a surname
/// (`same_word`: Muhamad / Mohamed) sharing one bucket.
#[derive(Debug, Clone, Default)]
pub struct Buckets {
    of_surname: FastMap<(SpeakerKind, Sym), u32>,
    /// Person surnames that `same_word` may find similar to another:
    /// chained by skeleton (the key with its vowels masked), since words
    /// that differ only in vowels have the same skeleton.
    similar: Vec<Similar>,
    /// Skeleton hash → the last surname in `similar` with it.
    skeletons: FastMap<u64, u32>,
    pub list: Vec<Bucket>,
    /// Buckets changed since the last clustering, each once.
    pub touched: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Similar {
    surname: Sym,
    bucket: u32,
    /// The one before with the same skeleton, or [`u32::MAX`].
    previous: u32,
}

/// `same_word` never matches shorter words than this unless they are equal.
const SIMILAR_LEN: usize = 6;

impl Buckets {
    /// Marks a bucket to be clustered again at the next refresh.
    pub fn touch(&mut self, b: u32) {
        let bucket = &mut self.list[b as usize];
        if !bucket.touched {
            bucket.touched = true;
            self.touched.push(b);
        }
    }

    /// The bucket of a surname key (of an organisation's folded name).
    pub fn bucket_for(&mut self, kind: SpeakerKind, surname: Sym, strings: &Interner) -> u32 {
        if let Some(&b) = self.of_surname.get(&(kind, surname)) {
            return b;
        }
        let text = strings.text(surname);
        let skeleton = (kind == SpeakerKind::Person && text.len() >= SIMILAR_LEN)
            .then(|| hash64(text.replace(['a', 'e', 'i', 'o', 'u'], "*").as_bytes()));
        let mut at = skeleton.and_then(|h| self.skeletons.get(&h).copied());
        let mut similar = None;
        while let Some(i) = at.filter(|&i| i != u32::MAX) {
            let other = self.similar[i as usize];
            if same_word(strings.text(other.surname), text) {
                similar = Some(other.bucket);
                break;
            }
            at = Some(other.previous);
        }
        let b = similar.unwrap_or_else(|| {
            self.list.push(Bucket::default());
            (self.list.len() - 1) as u32
        });
        self.of_surname.insert((kind, surname), b);
        if let Some(h) = skeleton {
            let previous = self.skeletons.get(&h).copied().unwrap_or(u32::MAX);
            self.skeletons.insert(h, self.similar.len() as u32);
            self.similar.push(Similar {
                surname,
                bucket: b,
                previous,
            });
        }
        b
    }

    pub fn heap_size(&self) -> usize {
        let buckets: usize = self
            .list
            .iter()
            .map(|b| (b.variants.capacity() + b.entries.capacity()) * 4)
            .sum();
        buckets
            + self.list.capacity() * std::mem::size_of::<Bucket>()
            + self.of_surname.capacity() * 13
            + self.similar.capacity() * std::mem::size_of::<Similar>()
            + self.skeletons.capacity() * 13
            + self.touched.capacity() * 4
    }
}
