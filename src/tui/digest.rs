//! What the reader keeps of each story's analysis: only what the sidebar,
//! search and the header need, so that a library of 100,000 analysed
//! stories costs tens of megabytes, not the hundreds its full analyses
//! would.
//!
//! An [`Analysis`] holds every mention's span, each person's descriptors
//! and gender: the reader shows none of these. A [`Digest`] keeps, per
//! person, the name, aliases and role (shared strings, interned across the
//! library, since the same people recur from story to story) and the number
//! of mentions; per quote, its span as two `u32`s, who said it and its cue
//! ("said", shared like the names). Digests are made on the analysis threads, so a full
//! analysis never reaches the UI thread.

use crate::{Analysis, Span};
use std::collections::HashSet;
use std::sync::Arc;

/// A name (or role) shared by every story that uses it.
pub type Name = Arc<str>;

/// One copy of each name: the analysis threads share one.
#[derive(Debug, Default)]
pub struct Interner(HashSet<Name>);

impl Interner {
    pub fn intern(&mut self, text: &str) -> Name {
        if let Some(name) = self.0.get(text) {
            return Arc::clone(name);
        }
        let name: Name = Arc::from(text);
        self.0.insert(Arc::clone(&name));
        name
    }

    /// How many distinct names are held.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Who said a quote, as the digest records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By<'a> {
    Nobody,
    /// Index into [`Digest::people`].
    Person(usize),
    /// A speaker known only by a name (an organisation, say).
    Named(&'a str),
}

/// One person of a story, as the sidebar shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonView<'a> {
    pub name: &'a str,
    pub aliases: &'a [Name],
    pub role: Option<&'a str>,
    pub mentions: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PersonEntry {
    /// Index into `names` of the name; the aliases follow it.
    name: u32,
    aliases: u32,
    role: Option<u32>,
    mentions: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Nobody,
    Person(u32),
    /// Index into `names`.
    Named(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct QuoteEntry {
    start: u32,
    end: u32,
    by: Who,
    /// Index into `names` of the reporting verb ("said"), shared like names.
    cue: Option<u32>,
}

/// A story's people and quotes, compactly. Three allocations a story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digest {
    /// Each person's name, aliases and role; then other speakers' names.
    names: Box<[Name]>,
    people: Box<[PersonEntry]>,
    /// In body order; only quotes whose span is non-empty text of the body.
    quotes: Box<[QuoteEntry]>,
}

/// `n` as a `u32` index; digests never hold more than `u32::MAX` of anything.
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where a speaker known only by a name (or a cue) stands in `table`,
/// adding it the first time it comes.
fn speaker_at(name: &Name, speakers: &mut Vec<(Name, u32)>, table: &mut Vec<Name>) -> u32 {
    if let Some(&(_, at)) = speakers.iter().find(|(n, _)| Arc::ptr_eq(n, name)) {
        return at;
    }
    let at = index(table.len());
    table.push(Arc::clone(name));
    speakers.push((Arc::clone(name), at));
    at
}

impl Digest {
    /// Digests `analysis`, made from `body`, taking names from `names`.
    pub fn new(body: &str, analysis: &Analysis, names: &mut Interner) -> Digest {
        let mut table: Vec<Name> = Vec::new();
        let mut people = Vec::with_capacity(analysis.people.len());
        for person in &analysis.people {
            let name = index(table.len());
            table.push(names.intern(&person.name));
            table.extend(person.aliases.iter().map(|a| names.intern(a)));
            let role = person.role.as_deref().map(|role| {
                table.push(names.intern(role));
                index(table.len() - 1)
            });
            people.push(PersonEntry {
                name,
                aliases: index(person.aliases.len()),
                role,
                mentions: index(person.mentions.len()),
            });
        }
        let quotes = Self::quote_entries(body, analysis, &mut table, names);
        Digest {
            names: table.into_boxed_slice(),
            people: people.into_boxed_slice(),
            quotes: quotes.into_boxed_slice(),
        }
    }

    /// The quotes in body order, dropping any whose span is not text of
    /// the body (or does not fit a `u32`).
    fn quote_entries(
        body: &str,
        analysis: &Analysis,
        table: &mut Vec<Name>,
        names: &mut Interner,
    ) -> Vec<QuoteEntry> {
        let mut ordered: Vec<_> = analysis
            .quotes
            .iter()
            .filter(|q| body.get(q.span.range()).is_some_and(|t| !t.is_empty()))
            .filter_map(|q| {
                let start = u32::try_from(q.span.start).ok()?;
                let end = u32::try_from(q.span.end).ok()?;
                Some((start, end, q))
            })
            .collect();
        ordered.sort_by_key(|&(start, end, _)| (start, end));
        let mut speakers: Vec<(Name, u32)> = Vec::new();
        let mut entries = Vec::with_capacity(ordered.len());
        for (start, end, quote) in ordered {
            let by = match (quote.person, &quote.speaker) {
                (Some(i), _) if i < analysis.people.len() => Who::Person(index(i)),
                (_, Some(name)) if !name.trim().is_empty() => {
                    Who::Named(speaker_at(&names.intern(name), &mut speakers, table))
                }
                _ => Who::Nobody,
            };
            // Cues repeat ("said"): one slot per story for each.
            let cue = quote
                .cue
                .as_deref()
                .map(|cue| speaker_at(&names.intern(cue), &mut speakers, table));
            entries.push(QuoteEntry {
                start,
                end,
                by,
                cue,
            });
        }
        entries
    }

    /// A digest made with a name table of its own (tests, benchmarks).
    pub fn of(body: &str, analysis: &Analysis) -> Digest {
        Digest::new(body, analysis, &mut Interner::default())
    }

    fn name(&self, at: u32) -> &str {
        self.names.get(at as usize).map_or("", |n| &**n)
    }

    /// The people, in the analysis's order.
    pub fn people(&self) -> impl ExactSizeIterator<Item = PersonView<'_>> {
        self.people.iter().map(|p| {
            let first = p.name as usize + 1;
            let aliases = self
                .names
                .get(first..first + p.aliases as usize)
                .unwrap_or_default();
            PersonView {
                name: self.name(p.name),
                aliases,
                role: p.role.map(|r| self.name(r)),
                mentions: p.mentions as usize,
            }
        })
    }

    /// The quotes in body order, each with who said it.
    pub fn quotes(&self) -> impl ExactSizeIterator<Item = (Span, By<'_>)> {
        self.quotes.iter().map(|q| {
            let by = match q.by {
                Who::Nobody => By::Nobody,
                Who::Person(i) => By::Person(i as usize),
                Who::Named(at) => By::Named(self.name(at)),
            };
            (Span::new(q.start as usize, q.end as usize), by)
        })
    }

    /// The reporting verb of each quote ("said", "told"), in body order.
    pub fn cues(&self) -> impl ExactSizeIterator<Item = Option<&str>> {
        self.quotes.iter().map(|q| q.cue.map(|at| self.name(at)))
    }

    /// Every form of every person's name (what search looks in).
    pub fn person_names(&self) -> impl Iterator<Item = &str> {
        self.people()
            .flat_map(|p| std::iter::once(p.name).chain(p.aliases.iter().map(|a| &**a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    #[test]
    fn keeps_people_and_quotes_in_body_order_with_shared_names() {
        let body = "a \"one\" b \"two\" c \"three\" d";
        let mut ann = fixture::person_named("Ann Lee");
        ann.aliases = vec!["Lee".into()];
        ann.role = Some("mayor".into());
        ann.mentions = vec![Span::new(0, 1); 3];
        let mut nato = fixture::quote_at(Span::new(11, 14), None);
        nato.speaker = Some("NATO".into());
        let analysis = Analysis {
            people: vec![ann, fixture::person_named("Bo Chan")],
            quotes: vec![
                fixture::quote_at(Span::new(19, 24), Some(1)),
                fixture::quote_at(Span::new(3, 6), Some(0)),
                nato,
                // Outside the body, and a person who is not there: dropped or unattributed.
                fixture::quote_at(Span::new(90, 95), Some(0)),
                fixture::quote_at(Span::new(25, 26), Some(7)),
            ],
        };
        let mut names = Interner::default();
        let digest = Digest::new(body, &analysis, &mut names);
        let people: Vec<_> = digest.people().collect();
        assert_eq!(people[0].name, "Ann Lee");
        assert_eq!(people[0].aliases, [Name::from("Lee")]);
        assert_eq!((people[0].role, people[0].mentions), (Some("mayor"), 3));
        assert_eq!((people[1].name, people[1].role), ("Bo Chan", None));
        let quotes: Vec<_> = digest.quotes().map(|(s, by)| (s.start, by)).collect();
        assert_eq!(
            quotes,
            [
                (3, By::Person(0)),
                (11, By::Named("NATO")),
                (19, By::Person(1)),
                (25, By::Nobody)
            ]
        );
        assert_eq!(
            digest.person_names().collect::<Vec<_>>(),
            ["Ann Lee", "Lee", "Bo Chan"]
        );
        let again = Digest::new(body, &analysis, &mut names);
        assert!(Arc::ptr_eq(&digest.names[0], &again.names[0]), "interned");
        assert_eq!(names.len(), 5);
    }

    #[test]
    fn an_empty_analysis_is_an_empty_digest() {
        let digest = Digest::of("", &Analysis::default());
        assert_eq!(digest.people().len() + digest.quotes().len(), 0);
    }
}
