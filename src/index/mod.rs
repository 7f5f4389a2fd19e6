//! The speaker index: who said what across a whole library.
//!
//! Built incrementally, story by story, from each story's analysis, so
//! that the reader can feed it in the background as analyses arrive (in
//! any order):
//!
//! 1. [`SpeakerIndex::add`] takes one story's speakers (`appear`) and
//!    files each under a variant: the distinct ways a speaker is named
//!    ("Jens Stoltenberg"; "Stoltenberg" alone; "Zelenski" and "Zelensky"
//!    give one key) (`variant`). It stores spans and ids, never text.
//! 2. [`SpeakerIndex::refresh`] clusters the variants whose surname bucket
//!    changed into speakers (`cluster`) and brings the counts of the
//!    speakers up to date (`entry`): a few new quotes cost a few steps,
//!    not a pass over the library.
//! 3. Queries (`query`) read the state of the last refresh: speakers by
//!    name or fuzzy filter (`fuzzy`), sorted lists, a speaker's quotes
//!    (wire copies shown once, "also in N stories") and the next or
//!    previous quote by a speaker across stories.
//!
//! A [`SpeakerId`] stays the same across refreshes unless its speaker is
//! merged with another or split; [`SpeakerIndex::speaker_of`] finds the
//! speaker of a quote again. [`QuoteId`]s never change.
//!
//! ```
//! use byline::index::{Order, Sort, SpeakerIndex};
//!
//! let library = byline::article::load(&byline::samples::inputs()).articles;
//! let mut index = SpeakerIndex::new();
//! for (i, article) in library.iter().enumerate() {
//!     index.add(i, article, &byline::analyse(&article.body));
//! }
//! index.refresh();
//! // Sorted once per generation; filtered on every key typed.
//! let everyone = index.speakers(Sort::Quotes);
//! let found = index.filter_in(&everyone, "lefev");
//! let helene = index.speaker(found[0]).unwrap();
//! assert_eq!(helene.name(), "Hélène Lefèvre");
//! // Her quotes, newest first; then the next one in library order.
//! let quotes = index.quotes(helene.id(), Order::Newest);
//! let said = quotes[0].said;
//! assert!(!said.text(&library[said.article].body).is_empty());
//! let next = index.next_quote(helene.id(), said.position());
//! assert!(next.is_some());
//! ```

#![warn(missing_docs)]

mod appear;
mod chunks;
mod cluster;
mod entry;
mod fold;
mod fuzzy;
mod intern;
mod query;
mod variant;

pub use fold::fold;
pub use fuzzy::Pattern;
pub use query::{Listed, Order, Position, Said, Sort, Speaker};

use crate::analysis::Analysis;
use crate::article::{Article, Date};
use chunks::Chunks;
use entry::Entry;
use intern::{FastMap, FastSet, Interner, Sym};
use variant::{Buckets, Lookup, Variant, VariantKey, make_room};

/// A person, or an organisation that speaks ("the Kremlin said").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
}

/// One speaker of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpeakerId(u32);

/// One quote of the index; never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuoteId(u32);

/// Marks a missing id in the compact records.
const NONE: u32 = u32::MAX;

/// One quote as the index stores it: 32 bytes, no text.
#[derive(Debug, Clone, Copy)]
struct Record {
    article: u32,
    start: u32,
    end: u32,
    cue: Option<Sym>,
    /// [`NONE`] once the story was added again and this quote retired.
    variant: u32,
    /// Fingerprint of the folded text, for wire copies.
    text: u64,
}

/// What the index keeps of one story.
#[derive(Debug, Clone, Copy)]
struct Slot {
    date: u32,
    /// Stories with the same id are one story; [`NONE`] until added.
    story: u32,
    /// Its quotes are `first..end`.
    first: u32,
    end: u32,
}

impl Slot {
    const EMPTY: Slot = Slot {
        date: 0,
        story: NONE,
        first: 0,
        end: 0,
    };
}

/// Who said what across a library; see the [module docs](self).
#[derive(Debug, Clone, Default)]
pub struct SpeakerIndex {
    strings: Interner,
    articles: Vec<Slot>,
    story_of_id: FastMap<u64, u32>,
    records: Chunks<Record>,
    variants: Vec<Variant>,
    variant_of: Lookup,
    buckets: Buckets,
    entries: Vec<Entry>,
    /// Entry of each variant, as of the last refresh.
    entry_of: Vec<u32>,
    /// Quotes before this one are in the entries' counts.
    counted: u32,
    /// Entries whose counts changed outside a refresh (a story added again).
    changed: FastSet<u32>,
    /// The folded forms of each entry, for the filter.
    names: fuzzy::Names,
    generation: u64,
}

impl SpeakerIndex {
    /// An empty index.
    pub fn new() -> SpeakerIndex {
        SpeakerIndex::default()
    }

    /// Adds a story's speakers and quotes under `article`, its place in
    /// the library (the reader's article index). Adding the same `article`
    /// again replaces what it had. Seen by queries after [`refresh`](Self::refresh).
    pub fn add(&mut self, article: usize, story: &Article, analysis: &Analysis) {
        let Ok(at) = u32::try_from(article) else {
            return;
        };
        if self.articles.len() <= article {
            self.articles.resize(article + 1, Slot::EMPTY);
        }
        if self.articles[article].story != NONE {
            self.retire(article);
        }
        let first = self.records.len() as u32;
        let date = pack_date(story.date());
        let story_number = self.story_number(&story.id);
        for appearance in appear::appearances(analysis) {
            let Some(v) = self.variant_for(&appearance) else {
                continue;
            };
            for quote in &appearance.quotes {
                let text = fold::fingerprint(quote.span.text(&story.body));
                let cue = quote.cue.as_deref().map(|c| self.strings.intern(c));
                let record = Record {
                    article: at,
                    start: quote.span.start as u32,
                    end: quote.span.end as u32,
                    cue,
                    variant: v,
                    text,
                };
                self.file_quote(record, date);
            }
        }
        self.articles[article] = Slot {
            date,
            story: story_number,
            first,
            end: self.records.len() as u32,
        };
    }

    /// Brings the speakers up to date with everything added: clusters the
    /// buckets that changed and counts the new quotes. Costs about the
    /// size of what changed; call it after each batch.
    pub fn refresh(&mut self) {
        let touched = std::mem::take(&mut self.buckets.touched);
        let pending = self.counted as usize..self.records.len();
        if touched.is_empty() && pending.is_empty() && self.changed.is_empty() {
            return;
        }
        let mut fresh: FastSet<u32> = FastSet::default();
        let mut renamed = std::mem::take(&mut self.changed);
        self.entry_of.resize(self.variants.len(), NONE);
        for b in touched {
            self.recluster(b, &mut fresh, &mut renamed);
        }
        for q in pending {
            let record = self.records[q];
            if record.variant == NONE || fresh.contains(&record.variant) {
                continue;
            }
            let e = self.entry_of[record.variant as usize];
            let story = self.articles[record.article as usize].story;
            self.entries[e as usize].count(&record, story);
            renamed.insert(e);
        }
        self.counted = self.records.len() as u32;
        for e in renamed {
            let forms = self.entries[e as usize].rename(&self.variants, &self.strings);
            self.names.set(e, &forms);
        }
        self.generation += 1;
    }

    /// Added stories not yet seen by queries.
    pub fn is_stale(&self) -> bool {
        self.counted as usize != self.records.len()
            || !self.changed.is_empty()
            || !self.buckets.touched.is_empty()
    }

    /// Changes with every refresh that changed something: lists sorted or
    /// filtered before can be kept until it moves.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Bytes the index holds on the heap, counted from its tables'
    /// capacities (a close estimate; allocator overhead aside).
    pub fn heap_size(&self) -> usize {
        use std::mem::size_of;
        let variants: usize = self.variants.iter().map(Variant::heap_size).sum();
        let entries: usize = self.entries.iter().map(Entry::heap_size).sum();
        self.strings.heap_size()
            + self.articles.capacity() * size_of::<Slot>()
            + self.story_of_id.capacity() * (size_of::<(u64, u32)>() + 1)
            + self.records.heap_size()
            + self.variants.capacity() * size_of::<Variant>()
            + variants
            + self.variant_of.heap_size()
            + self.names.heap_size()
            + self.buckets.heap_size()
            + self.entries.capacity() * size_of::<Entry>()
            + entries
            + self.entry_of.capacity() * 4
    }

    /// Stories are told apart by id: the same id twice (the same story in
    /// two files) is one story.
    fn story_number(&mut self, id: &str) -> u32 {
        let next = self.story_of_id.len() as u32;
        *self
            .story_of_id
            .entry(intern::hash64(id.as_bytes()))
            .or_insert(next)
    }

    /// The variant an appearance lands on, made if new; `None` for a name
    /// with no letters to key.
    fn variant_for(&mut self, appearance: &appear::Appearance) -> Option<u32> {
        let roles: Vec<Sym> = appearance
            .roles
            .iter()
            .map(|r| self.strings.intern(r))
            .collect();
        let (key, initial) = self.key_of(appearance, &roles)?;
        let v = if let Some(v) = self.variant_of.find(&key, &self.variants) {
            v
        } else {
            let surname = key.keys[key.keys.len() - 1];
            let bucket = self.buckets.bucket_for(key.kind, surname, &self.strings);
            let v = self.variants.len() as u32;
            self.variants.push(Variant::new(&key, initial, bucket));
            self.variant_of.insert(key, v);
            let members = &mut self.buckets.list[bucket as usize].variants;
            make_room(members);
            members.push(v);
            self.buckets.touch(bucket);
            v
        };
        let name = self.strings.intern(appearance.name);
        let aliases: Vec<Sym> = appearance
            .aliases
            .iter()
            .map(|a| self.strings.intern(a))
            .collect();
        let variant = &mut self.variants[v as usize];
        if variant.appear(name, &aliases, &roles) && variant.is_full() {
            self.buckets.touch(variant.bucket);
        }
        Some(v)
    }

    /// The variant key of an appearance (a surname alone is told apart by
    /// its roles), and whether its given name is an initial.
    fn key_of(
        &mut self,
        appearance: &appear::Appearance,
        roles: &[Sym],
    ) -> Option<(VariantKey, bool)> {
        let kind = appearance.kind;
        let words = match kind {
            SpeakerKind::Person => fold::name_words(appearance.name),
            SpeakerKind::Organisation => vec![appearance.name],
        };
        let mut keys = Vec::with_capacity(words.len());
        for word in &words {
            let key = match kind {
                SpeakerKind::Person => fold::key(word),
                SpeakerKind::Organisation => organisation_key(word),
            };
            if !key.is_empty() {
                keys.push(self.strings.intern(&key));
            }
        }
        if keys.is_empty() {
            return None;
        }
        let single = kind == SpeakerKind::Person && keys.len() < 2;
        let suffix = match kind {
            SpeakerKind::Person => fold::name_suffix(appearance.name),
            SpeakerKind::Organisation => None,
        };
        let key = VariantKey {
            kind,
            keys: keys.into_boxed_slice(),
            roles: if single { roles.into() } else { Box::new([]) },
            suffix: suffix.map(|s| self.strings.intern(&s)),
        };
        Some((key, words.len() >= 2 && fold::is_initial(words[0])))
    }

    /// Stores a quote and files it in its variant's list, in library order.
    fn file_quote(&mut self, record: Record, date: u32) {
        let q = self.records.len() as u32;
        self.records.push(record);
        let records = &self.records;
        let variant = &mut self.variants[record.variant as usize];
        let place = |r: &Record| (r.article, r.start);
        let after = |other: u32| place(&records[other as usize]) < place(&record);
        make_room(&mut variant.quotes);
        // Stories mostly arrive in library order: then the quote goes last.
        if variant.quotes.last().is_none_or(|&last| after(last)) {
            variant.quotes.push(q);
        } else {
            let at = variant.quotes.partition_point(|&other| after(other));
            variant.quotes.insert(at, q);
        }
        variant.latest = variant.latest.max(date);
    }

    /// Takes a story's quotes out before it is added again.
    fn retire(&mut self, article: usize) {
        let slot = self.articles[article];
        for q in slot.first..slot.end {
            let record = self.records[q as usize];
            if record.variant == NONE {
                continue;
            }
            let v = record.variant as usize;
            self.variants[v].quotes.retain(|&other| other != q);
            let records = &self.records;
            let dates = &self.articles;
            let variant = &mut self.variants[v];
            variant.latest = variant
                .quotes
                .iter()
                .filter(|&&other| records[other as usize].article as usize != article)
                .map(|&other| dates[records[other as usize].article as usize].date)
                .max()
                .unwrap_or(0);
            if q < self.counted {
                let e = self.entry_of[v];
                self.entries[e as usize].uncount(&record, slot.story);
                self.changed.insert(e);
            }
            self.records[q as usize].variant = NONE;
        }
        self.articles[article] = Slot::EMPTY;
    }

    /// Clusters one bucket again, keeping the id of every speaker that
    /// only gained variants.
    fn recluster(&mut self, b: u32, fresh: &mut FastSet<u32>, renamed: &mut FastSet<u32>) {
        let bucket = &mut self.buckets.list[b as usize];
        bucket.touched = false;
        let old = std::mem::take(&mut bucket.entries);
        let clusters = cluster::clusters(&bucket.variants, &self.variants, &self.strings);
        let mut used = vec![false; old.len()];
        let mut formed = Vec::with_capacity(clusters.len());
        for cluster in clusters {
            let reuse = (0..old.len())
                .filter(|&i| {
                    !used[i] && is_subset(&self.entries[old[i] as usize].variants, &cluster)
                })
                .max_by_key(|&i| self.entries[old[i] as usize].occurrences);
            let e = if let Some(i) = reuse {
                used[i] = true;
                old[i]
            } else {
                let kind = self.variants[cluster[0] as usize].kind;
                self.entries.push(Entry::new(kind));
                (self.entries.len() - 1) as u32
            };
            self.fill(e, cluster, fresh);
            renamed.insert(e);
            formed.push(e);
        }
        for (i, &e) in old.iter().enumerate() {
            if !used[i] {
                self.entries[e as usize].retire();
                self.names.clear(e);
                renamed.remove(&e);
            }
        }
        self.buckets.list[b as usize].entries = formed;
    }

    /// Gives entry `e` the variants of `cluster`, counting the quotes of
    /// those it did not have.
    fn fill(&mut self, e: u32, cluster: Vec<u32>, fresh: &mut FastSet<u32>) {
        let articles = &self.articles;
        let story_of = |article: u32| articles[article as usize].story;
        let entry = &mut self.entries[e as usize];
        for &v in &cluster {
            if entry.variants.binary_search(&v).is_err() {
                entry.absorb(&self.variants[v as usize], &self.records, &story_of);
                fresh.insert(v);
            }
            self.entry_of[v as usize] = e;
        }
        entry.variants = cluster.into_boxed_slice();
    }
}

/// An organisation's name as one key: folded, without a leading "the".
fn organisation_key(name: &str) -> String {
    let folded = fold(name);
    folded
        .strip_prefix("the ")
        .map_or(folded.clone(), str::to_owned)
}

fn is_subset(small: &[u32], big: &[u32]) -> bool {
    !small.is_empty() && small.iter().all(|v| big.binary_search(v).is_ok())
}

/// A date as one sortable number; 0 for none.
fn pack_date(date: Option<Date>) -> u32 {
    date.map_or(0, |d| {
        let year = d.year.clamp(0, 9999) as u32;
        (year << 9) | (u32::from(d.month) << 5) | u32::from(d.day)
    })
}

fn unpack_date(packed: u32) -> Option<Date> {
    (packed != 0).then_some(Date {
        year: i32::try_from(packed >> 9).unwrap_or_default(),
        month: ((packed >> 5) & 15) as u8,
        day: (packed & 31) as u8,
    })
}

#[cfg(test)]
mod tests;
