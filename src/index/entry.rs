//! Entries: one speaker of the library, the variants that name them, and
//! the counts kept up to date quote by quote (distinct quotes, stories,
//! the newest date), with the name and forms the lists show.

use super::chunks::Chunks;
use super::fold::{fold, name_words};
use super::intern::{FastMap, Interner, Sym};
use super::variant::Variant;
use super::{Record, SpeakerKind};
use std::cmp::Reverse;
use std::hash::Hash;

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: SpeakerKind,
    /// False once the entry was merged into another or split.
    pub live: bool,
    /// Sorted variant ids.
    pub variants: Box<[u32]>,
    /// The canonical name: the full name stories use most.
    pub name: Sym,
    /// Every form, the name first, without repeats (case and accents aside).
    pub forms: Box<[Sym]>,
    /// Quote fingerprint → how many times it was given (wire copies).
    texts: Counts<u64>,
    /// Story → how many quotes in it.
    stories: Counts<u32>,
    pub occurrences: u32,
    pub latest: u32,
}

impl Entry {
    pub fn new(kind: SpeakerKind) -> Entry {
        Entry {
            kind,
            live: true,
            variants: Box::new([]),
            name: Sym::default(),
            forms: Box::new([]),
            texts: Counts::default(),
            stories: Counts::default(),
            occurrences: 0,
            latest: 0,
        }
    }

    /// Distinct quotes: wire copies of one quote count once.
    pub fn quotes(&self) -> usize {
        self.texts.len()
    }

    pub fn stories(&self) -> usize {
        self.stories.len()
    }

    pub fn count(&mut self, record: &Record, story: u32) {
        self.texts.add(record.text);
        self.stories.add(story);
        self.occurrences += 1;
    }

    pub fn uncount(&mut self, record: &Record, story: u32) {
        self.texts.remove(record.text);
        self.stories.remove(story);
        self.occurrences = self.occurrences.saturating_sub(1);
    }

    /// Counts every quote of a variant that joins this entry.
    pub fn absorb(
        &mut self,
        variant: &Variant,
        records: &Chunks<Record>,
        story_of: &impl Fn(u32) -> u32,
    ) {
        for &q in &variant.quotes {
            let record = &records[q as usize];
            self.count(record, story_of(record.article));
        }
    }

    /// Frees the counts of an entry merged away or split.
    pub fn retire(&mut self) {
        self.live = false;
        self.variants = Box::new([]);
        self.texts = Counts::default();
        self.stories = Counts::default();
        self.forms = Box::new([]);
        self.occurrences = 0;
    }

    /// Chooses the name and forms again from the variants' spellings;
    /// returns the forms folded, one per line, for the filter.
    pub fn rename(&mut self, variants: &[Variant], strings: &Interner) -> String {
        let mut names: Vec<(Sym, u32)> = Vec::new();
        let mut aliases: Vec<Sym> = Vec::new();
        self.latest = 0;
        for &v in &self.variants {
            let variant = &variants[v as usize];
            self.latest = self.latest.max(variant.latest);
            for &(name, count) in &variant.names {
                match names.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, c)) => *c += count,
                    None => names.push((name, count)),
                }
            }
            aliases.extend(&variant.aliases);
        }
        // A full name before a surname alone, then the most used, then the
        // longest; the first seen breaks a tie so that names do not flicker.
        names.sort_by_cached_key(|&(name, count)| {
            let words = name_words(strings.text(name)).len();
            (Reverse((words >= 2, count, words)), name)
        });
        let mut forms: Vec<Sym> = Vec::new();
        let mut folded: Vec<String> = Vec::new();
        for sym in names.iter().map(|(n, _)| *n).chain(aliases) {
            let f = fold(strings.text(sym));
            if !f.is_empty() && !folded.contains(&f) {
                folded.push(f);
                forms.push(sym);
            }
        }
        self.name = forms.first().copied().unwrap_or_default();
        self.forms = forms.into_boxed_slice();
        folded.join("\n")
    }

    pub fn heap_size(&self) -> usize {
        self.texts.heap_size()
            + self.stories.heap_size()
            + self.variants.len() * 4
            + self.forms.len() * 4
    }
}

/// How many times each key was counted. Most speakers have a few quotes
/// in a few stories: a short list serves them with less memory than a
/// hash map, which takes over past [`FEW`] keys.
#[derive(Debug, Clone)]
enum Counts<K> {
    Few(Vec<(K, u32)>),
    Many(FastMap<K, u32>),
}

const FEW: usize = 16;

impl<K> Default for Counts<K> {
    fn default() -> Self {
        Counts::Few(Vec::new())
    }
}

impl<K: Copy + Eq + Hash> Counts<K> {
    /// Distinct keys.
    fn len(&self) -> usize {
        match self {
            Counts::Few(list) => list.len(),
            Counts::Many(map) => map.len(),
        }
    }

    fn add(&mut self, key: K) {
        match self {
            Counts::Few(list) => {
                if let Some(i) = list.iter().position(|(k, _)| *k == key) {
                    list[i].1 += 1;
                } else if list.len() < FEW {
                    super::variant::make_room(list);
                    list.push((key, 1));
                } else {
                    let mut map: FastMap<K, u32> = list.drain(..).collect();
                    map.insert(key, 1);
                    *self = Counts::Many(map);
                }
            }
            Counts::Many(map) => *map.entry(key).or_default() += 1,
        }
    }

    /// One fewer of `key`; gone at zero.
    fn remove(&mut self, key: K) {
        match self {
            Counts::Few(list) => {
                if let Some(i) = list.iter().position(|(k, _)| *k == key) {
                    list[i].1 -= 1;
                    if list[i].1 == 0 {
                        list.swap_remove(i);
                    }
                }
            }
            Counts::Many(map) => {
                if let Some(n) = map.get_mut(&key) {
                    *n -= 1;
                    if *n == 0 {
                        map.remove(&key);
                    }
                }
            }
        }
    }

    fn heap_size(&self) -> usize {
        let pair = std::mem::size_of::<(K, u32)>();
        match self {
            Counts::Few(list) => list.capacity() * pair,
            // A hash map holds its pairs and one control byte per slot.
            Counts::Many(map) => map.capacity() * (pair + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_grow_from_a_list_into_a_map_and_shrink() {
        let mut counts: Counts<u32> = Counts::default();
        for round in 0..2 {
            for key in 0..40 {
                counts.add(key);
            }
            assert_eq!(counts.len(), 40, "round {round}");
        }
        assert!(matches!(counts, Counts::Many(_)));
        for key in 0..40 {
            counts.remove(key);
        }
        assert_eq!(counts.len(), 40, "each key was counted twice");
        for key in 0..39 {
            counts.remove(key);
        }
        counts.remove(1000);
        assert_eq!(counts.len(), 1);
        let mut few: Counts<u32> = Counts::default();
        few.add(7);
        few.add(7);
        few.remove(7);
        assert_eq!(few.len(), 1);
        few.remove(7);
        assert_eq!(few.len(), 0);
    }
}
