//! Reading the index: speakers by name, by fuzzy filter and in sorted
//! lists; a speaker's quotes with wire copies folded together; the next or
//! previous quote by a speaker across stories.

use super::entry::Entry;
use super::fold::{self, fold};
use super::fuzzy::Pattern;
use super::intern::{FastMap, FastSet, Sym};
use super::{QuoteId, Record, SpeakerId, SpeakerIndex, SpeakerKind, organisation_key, unpack_date};
use crate::analysis::Span;
use crate::article::Date;
use std::cmp::Ordering;

/// How a list of speakers is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most quotes first (then most stories, then by name).
    #[default]
    Quotes,
    /// By name, case and accents aside.
    Name,
    /// The one quoted most recently first.
    Latest,
}

/// The order of a speaker's quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Newest story first; a story's quotes in text order.
    Newest,
    /// Library order: story by story, in text order.
    Library,
}

/// A place in the library: a story (its article index) and a byte offset
/// into its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The story, by its article index.
    pub article: usize,
    /// A byte offset into its body.
    pub offset: usize,
}

/// One quote: where it is and how it was introduced. Its text is
/// `said.text(&article.body)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said<'a> {
    /// Its id in the index.
    pub id: QuoteId,
    /// The article index it was added under.
    pub article: usize,
    /// The words inside the marks, as a byte span into the body.
    pub span: Span,
    /// The date of its story, if known.
    pub date: Option<Date>,
    /// The reporting verb or phrase ("said", "told").
    pub cue: Option<&'a str>,
}

impl Said<'_> {
    /// The quote's text in its story's body (`""` if the body changed).
    pub fn text<'b>(&self, body: &'b str) -> &'b str {
        self.span.text(body)
    }

    /// Where the quote starts.
    pub fn position(&self) -> Position {
        Position {
            article: self.article,
            offset: self.span.start,
        }
    }
}

/// A quote in a speaker's list: wire copies of it (the same words, folded,
/// in other stories) are listed once, with how many other stories have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed<'a> {
    /// The quote.
    pub said: Said<'a>,
    /// How many other stories carry a wire copy of it.
    pub also_in: usize,
}

/// A speaker as the lists show it.
#[derive(Clone, Copy)]
pub struct Speaker<'a> {
    index: &'a SpeakerIndex,
    id: SpeakerId,
    entry: &'a Entry,
}

impl std::fmt::Debug for Speaker<'_> {
    /// The speaker, not the whole index behind it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speaker")
            .field("id", &self.id)
            .field("name", &self.name())
            .field("kind", &self.kind())
            .field("quotes", &self.quotes())
            .field("stories", &self.stories())
            .finish_non_exhaustive()
    }
}

impl<'a> Speaker<'a> {
    /// Its id, stable across refreshes.
    pub fn id(&self) -> SpeakerId {
        self.id
    }

    /// The canonical name: the full name stories use most.
    pub fn name(&self) -> &'a str {
        self.index.strings.text(self.entry.name)
    }

    /// A person or an organisation.
    pub fn kind(&self) -> SpeakerKind {
        self.entry.kind
    }

    /// Every form of the name, the canonical one first.
    pub fn forms(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let strings = &self.index.strings;
        self.entry.forms.iter().map(move |&s| strings.text(s))
    }

    /// Distinct quotes: wire copies of one quote count once.
    pub fn quotes(&self) -> usize {
        self.entry.quotes()
    }

    /// Every quote, wire copies included.
    pub fn occurrences(&self) -> usize {
        self.entry.occurrences as usize
    }

    /// How many stories quote them.
    pub fn stories(&self) -> usize {
        self.entry.stories()
    }

    /// The date of the newest story quoting them.
    pub fn latest(&self) -> Option<Date> {
        unpack_date(self.entry.latest)
    }
}

impl SpeakerIndex {
    /// How many speakers the lists show.
    pub fn len(&self) -> usize {
        self.listed().count()
    }

    /// No speaker to list.
    pub fn is_empty(&self) -> bool {
        self.listed().next().is_none()
    }

    /// The speaker `id`, if the lists show it.
    pub fn speaker(&self, id: SpeakerId) -> Option<Speaker<'_>> {
        let entry = self.entries.get(id.0 as usize)?;
        (entry.live && entry.occurrences > 0).then_some(Speaker {
            index: self,
            id,
            entry,
        })
    }

    /// Every speaker, sorted. O(n log n) (about 25 ms for 200,000
    /// speakers): keep the list while [`generation`](Self::generation)
    /// stays the same, and filter it with [`filter_in`](Self::filter_in).
    pub fn speakers(&self, sort: Sort) -> Vec<SpeakerId> {
        self.sorted(self.listed(), sort)
    }

    fn sorted(&self, ids: impl Iterator<Item = SpeakerId>, sort: Sort) -> Vec<SpeakerId> {
        let mut keyed: Vec<((u64, u64, u128), SpeakerId)> =
            ids.map(|id| (self.sort_key(id, sort), id)).collect();
        // The keys settle almost every comparison; equal keys compare the
        // whole names, so the order is the same as comparing them always.
        keyed.sort_unstable_by(|(x, a), (y, b)| {
            x.cmp(y).then_with(|| {
                let name = |id: &SpeakerId| self.sort_name(*id);
                name(a).cmp(name(b)).then(a.cmp(b))
            })
        });
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    /// The speakers that `query` matches as a fuzzy subsequence of any
    /// form of their name (case and accents aside), best match first,
    /// then in `sort` order. An empty query matches everyone. Sorts the
    /// whole list first: as the user types, use [`filter_in`](Self::filter_in).
    pub fn filter(&self, query: &str, sort: Sort) -> Vec<SpeakerId> {
        self.filter_in(&self.speakers(sort), query)
    }

    /// The speakers of `sorted` (a list from [`speakers`](Self::speakers))
    /// that `query` matches, best match first and in their order within
    /// a score: what the reader runs on each key typed. Linear in the list.
    pub fn filter_in(&self, sorted: &[SpeakerId], query: &str) -> Vec<SpeakerId> {
        let pattern = Pattern::new(query);
        if pattern.is_empty() {
            return sorted.to_vec();
        }
        // Score the names in memory order, then read the scores in list
        // order: one pass over each, no pointer chased per speaker.
        let mut scores: Vec<Option<i32>> = vec![None; self.entries.len()];
        self.names.score_all(&pattern, |e, score| {
            scores[e as usize] = Some(i32::try_from(score).unwrap_or(i32::MAX));
        });
        let mut found: Vec<(std::cmp::Reverse<i32>, usize)> = sorted
            .iter()
            .enumerate()
            .filter_map(|(at, id)| {
                Some((std::cmp::Reverse(scores.get(id.0 as usize).copied()??), at))
            })
            .collect();
        // Best score first; within a score, the list's order.
        found.sort_unstable();
        found.into_iter().map(|(_, at)| sorted[at]).collect()
    }

    /// The speakers one of whose names has a word starting with `part`
    /// (`castell` for "Ana Castellanos", `jens stol` for "Jens
    /// Stoltenberg"), case and accents aside; most quoted first. Linear in
    /// the speakers.
    pub fn find_part(&self, part: &str) -> Vec<SpeakerId> {
        let part = fold(part);
        if part.is_empty() {
            return Vec::new();
        }
        let found = self.listed().filter(|id| {
            self.names.get(id.0).split('\n').any(|form| {
                form.match_indices(part.as_str())
                    .any(|(at, _)| at == 0 || form[..at].ends_with(' '))
            })
        });
        self.sorted(found, Sort::Quotes)
    }

    /// The speakers `name` names: any of their forms, case and accents
    /// aside ("zelenski", "JENS STOLTENBERG"), a spelling variant of one
    /// ("Zelensky" for "Zelenski"), or their surname alone. Most quoted
    /// first.
    pub fn find(&self, name: &str) -> Vec<SpeakerId> {
        let folded = fold(name);
        if folded.is_empty() {
            return Vec::new();
        }
        let keys: Option<Vec<Sym>> = fold::name_words(name)
            .iter()
            .map(|w| fold::key(w))
            .filter(|k| !k.is_empty())
            .map(|k| self.strings.get(&k))
            .collect();
        let keys = keys.unwrap_or_default();
        let organisation = self.strings.get(&organisation_key(name));
        let found = self.listed().filter(|id| {
            let entry = &self.entries[id.0 as usize];
            self.names.get(id.0).split('\n').any(|f| f == folded)
                || entry.variants.iter().any(|&v| {
                    let variant = &self.variants[v as usize];
                    match variant.kind {
                        SpeakerKind::Person => names_person(&variant.keys, &keys),
                        SpeakerKind::Organisation => Some(variant.keys[0]) == organisation,
                    }
                })
        });
        self.sorted(found, Sort::Quotes)
    }

    /// A speaker's quotes, wire copies listed once (the first in `order`).
    /// Linear in the speaker's quotes, wire copies included, then sorted:
    /// keep the list while the [`generation`](Self::generation) stays the same.
    pub fn quotes(&self, id: SpeakerId, order: Order) -> Vec<Listed<'_>> {
        /// The copy of a text that comes first, and how many stories have it.
        struct First {
            key: (u32, u32, u32),
            quote: u32,
            stories: usize,
        }
        // Per text: the copy that comes first, and in how many stories.
        let count = self.speaker(id).map_or(0, |s| s.occurrences());
        let mut first: FastMap<u64, First> = FastMap::default();
        let mut seen: FastSet<(u64, u32)> = FastSet::default();
        seen.reserve(count);
        for q in self.lists(id).flatten().copied() {
            let r = &self.records[q as usize];
            let k = self.order_key(q, order);
            let story = self.articles[r.article as usize].story;
            let new_story = seen.insert((r.text, story));
            let copy = first.entry(r.text).or_insert(First {
                key: k,
                quote: q,
                stories: 0,
            });
            if k < copy.key {
                (copy.key, copy.quote) = (k, q);
            }
            copy.stories += usize::from(new_story);
        }
        let mut listed: Vec<First> = first.into_values().collect();
        listed.sort_unstable_by_key(|f| f.key);
        listed
            .into_iter()
            .map(|f| Listed {
                said: self.said(f.quote),
                also_in: f.stories - 1,
            })
            .collect()
    }

    /// The speaker's first quote after `from`, in library order (in a
    /// later story when none is left in this one).
    pub fn next_quote(&self, id: SpeakerId, from: Position) -> Option<Said<'_>> {
        let at = (from.article, from.offset);
        self.lists(id)
            .filter_map(|list| {
                let i = list.partition_point(|&q| self.place(q) <= at);
                list.get(i).copied()
            })
            .min_by_key(|&q| self.place(q))
            .map(|q| self.said(q))
    }

    /// The speaker's last quote before `from`, in library order.
    pub fn previous_quote(&self, id: SpeakerId, from: Position) -> Option<Said<'_>> {
        let at = (from.article, from.offset);
        self.lists(id)
            .filter_map(|list| {
                let i = list.partition_point(|&q| self.place(q) < at);
                i.checked_sub(1).map(|i| list[i])
            })
            .max_by_key(|&q| self.place(q))
            .map(|q| self.said(q))
    }

    /// The speaker's first quote after `from` with the stories in another
    /// order: `rank` gives each article's place in it (the reader's list).
    pub fn next_quote_ranked(
        &self,
        id: SpeakerId,
        from: Position,
        rank: impl Fn(usize) -> usize,
    ) -> Option<Said<'_>> {
        self.nearest_ranked(id, from, rank, Ordering::Greater)
    }

    /// The speaker's last quote before `from`, stories ranked by `rank`.
    pub fn previous_quote_ranked(
        &self,
        id: SpeakerId,
        from: Position,
        rank: impl Fn(usize) -> usize,
    ) -> Option<Said<'_>> {
        self.nearest_ranked(id, from, rank, Ordering::Less)
    }

    /// The quote nearest `from` on the side `way` of it, in `rank` order:
    /// a scan of their quotes, as the lists are in library order.
    fn nearest_ranked(
        &self,
        id: SpeakerId,
        from: Position,
        rank: impl Fn(usize) -> usize,
        way: Ordering,
    ) -> Option<Said<'_>> {
        let key = |q: u32| {
            let (article, offset) = self.place(q);
            (rank(article), offset)
        };
        let at = (rank(from.article), from.offset);
        let beyond = self
            .lists(id)
            .flatten()
            .copied()
            .filter(|&q| key(q).cmp(&at) == way);
        let nearest = if way == Ordering::Greater {
            beyond.min_by_key(|&q| key(q))
        } else {
            beyond.max_by_key(|&q| key(q))
        };
        nearest.map(|q| self.said(q))
    }

    /// The article indices of the stories quoting a speaker, ascending.
    pub fn stories_of(&self, id: SpeakerId) -> Vec<usize> {
        let mut articles: Vec<usize> = self
            .quote_ids(id)
            .iter()
            .map(|&q| self.records[q as usize].article as usize)
            .collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }

    /// The speaker a quote is filed under now.
    pub fn speaker_of(&self, quote: QuoteId) -> Option<SpeakerId> {
        let record = self.records.get(quote.0 as usize)?;
        let e = *self.entry_of.get(record.variant as usize)?;
        let id = SpeakerId(e);
        self.speaker(id).map(|_| id)
    }

    /// The quote `quote`, if it is still in the index.
    pub fn quote(&self, quote: QuoteId) -> Option<Said<'_>> {
        let record = self.records.get(quote.0 as usize)?;
        (record.variant != super::NONE).then(|| self.said(quote.0))
    }

    /// The quote (with a speaker) whose span holds `at`.
    pub fn quote_at(&self, at: Position) -> Option<QuoteId> {
        let slot = self.articles.get(at.article)?;
        (slot.first..slot.end)
            .find(|&q| {
                let r = &self.records[q as usize];
                r.variant != super::NONE && (r.start as usize..=r.end as usize).contains(&at.offset)
            })
            .map(QuoteId)
    }

    fn listed(&self) -> impl Iterator<Item = SpeakerId> + '_ {
        (0..self.entries.len() as u32)
            .filter(|&e| {
                let entry = &self.entries[e as usize];
                entry.live && entry.occurrences > 0
            })
            .map(SpeakerId)
    }

    /// The quote lists of a speaker's variants (each in library order).
    fn lists(&self, id: SpeakerId) -> impl Iterator<Item = &[u32]> + '_ {
        let variants = self.speaker(id).map_or(&[][..], |s| &s.entry.variants[..]);
        variants
            .iter()
            .map(|&v| self.variants[v as usize].quotes.as_slice())
    }

    fn quote_ids(&self, id: SpeakerId) -> Vec<u32> {
        self.lists(id).flatten().copied().collect()
    }

    /// Sorts quotes in `order`.
    fn order_key(&self, q: u32, order: Order) -> (u32, u32, u32) {
        let r = &self.records[q as usize];
        match order {
            Order::Library => (r.article, r.start, 0),
            Order::Newest => (!self.articles[r.article as usize].date, !r.article, r.start),
        }
    }

    fn place(&self, q: u32) -> (usize, usize) {
        let r = &self.records[q as usize];
        (r.article as usize, r.start as usize)
    }

    fn said(&self, q: u32) -> Said<'_> {
        let r: &Record = &self.records[q as usize];
        Said {
            id: QuoteId(q),
            article: r.article as usize,
            span: Span::new(r.start as usize, r.end as usize),
            date: unpack_date(self.articles[r.article as usize].date),
            cue: r.cue.map(|c| self.strings.text(c)),
        }
    }

    /// The folded canonical name, which sorts case and accents aside.
    fn sort_name(&self, id: SpeakerId) -> &str {
        self.names.get(id.0).split('\n').next().unwrap_or("")
    }

    /// A speaker's place in `sort` order, as far as three numbers tell it:
    /// counts reversed (most first), then the first sixteen bytes of the
    /// folded name (UTF-8 sorts as its code points do).
    fn sort_key(&self, id: SpeakerId, sort: Sort) -> (u64, u64, u128) {
        let entry = &self.entries[id.0 as usize];
        let name = self.sort_name(id).as_bytes();
        let mut head = [0u8; 16];
        let n = name.len().min(16);
        head[..n].copy_from_slice(&name[..n]);
        let head = u128::from_be_bytes(head);
        let most = |n: usize| u64::MAX - n as u64;
        match sort {
            Sort::Quotes => (most(entry.quotes()), most(entry.stories()), head),
            Sort::Name => (0, 0, head),
            Sort::Latest => (u64::from(!entry.latest), most(entry.quotes()), head),
        }
    }
}

/// Does a name given as `keys` name the person whose variant has
/// `variant` keys: the same words (spelling variants aside), or the
/// surname alone?
fn names_person(variant: &[Sym], keys: &[Sym]) -> bool {
    match keys {
        [] => false,
        [surname] => variant.last() == Some(surname),
        _ => variant == keys,
    }
}
