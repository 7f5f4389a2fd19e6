//! One story as the reader shows it: its analysis turned into speakers
//! (people sorted by quotes, then mentions; each with a colour) and quotes in
//! the order they appear. Built from the story's [`Digest`] when it is
//! opened or its analysis arrives, never in draw.

use super::app::Msg;
use super::body::{Label, labels};
use super::digest::{By, Digest};
use super::runtime::Event;
use crate::Span;
use crate::article::Article;
use crate::index::fold;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;

/// Who a quote is by: a person of the analysis, or only a name (an
/// organisation, or a speaker the people finder did not know).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SpeakerKey {
    Person(usize),
    Named(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub key: SpeakerKey,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub quotes: usize,
    pub mentions: usize,
    /// Colour slot: speakers are numbered in the order they first speak.
    pub slot: usize,
}

/// The story's people, one entry for the names the speaker index takes
/// for one person (case and accents aside: "Guðrún Sigurðardóttir" and
/// "Gudrun Sigurdardottir"), and for each person of the analysis the
/// index of the entry that stands for them.
fn merged_people(digest: &Digest) -> (Vec<Speaker>, Vec<usize>) {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut same = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, p) in digest.people().enumerate() {
        let folded = fold(p.name);
        if let Some(&first) = by_name.get(&folded) {
            let kept: &mut Speaker = &mut speakers[first];
            kept.mentions += p.mentions;
            kept.aliases.push(p.name.to_owned());
            kept.aliases
                .extend(p.aliases.iter().map(ToString::to_string));
            if kept.role.is_none() {
                kept.role = p.role.map(str::to_owned);
            }
            same.push(first_key(&speakers[first]));
            continue;
        }
        by_name.insert(folded, speakers.len());
        same.push(i);
        speakers.push(Speaker {
            aliases: p.aliases.iter().map(ToString::to_string).collect(),
            role: p.role.map(str::to_owned),
            mentions: p.mentions,
            ..Speaker::unknown(SpeakerKey::Person(i), p.name.to_owned())
        });
    }
    (speakers, same)
}

/// The analysis's index of the person an entry was made for.
fn first_key(speaker: &Speaker) -> usize {
    match speaker.key {
        SpeakerKey::Person(i) => i,
        SpeakerKey::Named(_) => usize::MAX,
    }
}

impl Speaker {
    /// A speaker known only by a name, not yet counted or coloured.
    fn unknown(key: SpeakerKey, name: String) -> Speaker {
        Speaker {
            key,
            name,
            aliases: Vec::new(),
            role: None,
            quotes: 0,
            mentions: 0,
            slot: usize::MAX,
        }
    }

    /// The short form shown where a quote starts: the surname of a person,
    /// an organisation's name as it is.
    pub fn label(&self) -> &str {
        match self.key {
            SpeakerKey::Person(_) => surname(&self.name),
            SpeakerKey::Named(_) => &self.name,
        }
    }
}

/// Words after a surname that are not the surname.
const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];
/// Lower-case words that belong to the surname that follows them.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "der", "van", "von", "le", "la", "du", "bin", "al", "ter",
];

/// "Jens Stoltenberg" → "Stoltenberg", "Alexander de Croo" → "de Croo",
/// "Martin Luther King Jr." → "King".
pub fn surname(name: &str) -> &str {
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let Some(last) = words.iter().rposition(|(_, w)| !SUFFIXES.contains(w)) else {
        return name;
    };
    let mut first = last;
    while first > 1 && PARTICLES.contains(&words[first - 1].1) {
        first -= 1;
    }
    let (start, end) = (words[first].0, words[last].0 + words[last].1.len());
    &name[start..end]
}

/// A quote with its speaker resolved to [`Story::speakers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryQuote {
    pub span: Span,
    pub speaker: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Story {
    /// Sorted as the sidebar lists them.
    pub speakers: Vec<Speaker>,
    /// In body order.
    pub quotes: Vec<StoryQuote>,
    /// Where the speakers' names stand in the body, in body order.
    pub labels: Arc<[Label]>,
}

/// Makes the story of a long article ready on a thread of its own and
/// sends it as [`Msg::Prepared`]; the reader shows the text meanwhile.
pub fn prepare_apart(
    index: usize,
    digest: Arc<Digest>,
    article: Arc<Article>,
    events: Sender<Event>,
) {
    let spawned = thread::Builder::new()
        .name("byline-prepare".into())
        .spawn(move || {
            let story = Story::new(&digest, &article.body);
            let _ = events.send(Event::Msg(Msg::Prepared(index, digest, Box::new(story))));
        });
    drop(spawned);
}

impl Story {
    /// The story of `body` with this analysis, labels and all.
    pub fn new(digest: &Digest, body: &str) -> Story {
        let mut story = Story::speakers_and_quotes(digest);
        story.labels = labels(body, &story);
        story
    }

    fn speakers_and_quotes(digest: &Digest) -> Story {
        let (mut speakers, same) = merged_people(digest);
        let mut by_key: HashMap<SpeakerKey, usize> = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.clone(), i))
            .collect();
        let quotes = digest
            .quotes()
            .map(|(span, by)| {
                let key = match by {
                    By::Person(i) => SpeakerKey::Person(same[i]),
                    By::Named(name) => SpeakerKey::Named(name.to_owned()),
                    By::Nobody => return (span, None),
                };
                let speaker = *by_key.entry(key.clone()).or_insert_with(|| {
                    let name = if let SpeakerKey::Named(name) = &key {
                        name.clone()
                    } else {
                        String::new()
                    };
                    speakers.push(Speaker::unknown(key, name));
                    speakers.len() - 1
                });
                (span, Some(speaker))
            })
            .collect();
        Self::finish(speakers, quotes)
    }

    /// How many speakers are quoted: they come first in
    /// [`speakers`](Self::speakers), the people only named after them.
    pub fn quoted(&self) -> usize {
        self.speakers.partition_point(|s| s.quotes > 0)
    }

    /// Counts quotes, numbers colours by first quote, sorts the speakers.
    fn finish(mut speakers: Vec<Speaker>, quotes: Vec<(Span, Option<usize>)>) -> Story {
        let mut next_slot = 0;
        for &(_, speaker) in &quotes {
            if let Some(s) = speaker {
                speakers[s].quotes += 1;
                if speakers[s].slot == usize::MAX {
                    speakers[s].slot = next_slot;
                    next_slot += 1;
                }
            }
        }
        for speaker in speakers.iter_mut().filter(|s| s.slot == usize::MAX) {
            speaker.slot = next_slot;
            next_slot += 1;
        }
        let mut order: Vec<usize> = (0..speakers.len()).collect();
        order.sort_by_key(|&i| {
            (
                std::cmp::Reverse(speakers[i].quotes),
                std::cmp::Reverse(speakers[i].mentions),
            )
        });
        let mut new_index = vec![0; speakers.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let quotes = quotes
            .into_iter()
            .map(|(span, speaker)| StoryQuote {
                span,
                speaker: speaker.map(|s| new_index[s]),
            })
            .collect();
        let mut sorted: Vec<Option<Speaker>> = speakers.into_iter().map(Some).collect();
        let speakers = order.iter().filter_map(|&old| sorted[old].take()).collect();
        Story {
            speakers,
            quotes,
            labels: Arc::default(),
        }
    }

    /// The colour slot of a quote's speaker.
    pub fn slot_of(&self, quote: usize) -> Option<usize> {
        let speaker = self.quotes.get(quote)?.speaker?;
        Some(self.speakers[speaker].slot)
    }

    /// The quotes (indexes into [`Story::quotes`]) by `speaker`, or all.
    pub fn quotes_by(&self, speaker: Option<usize>) -> Vec<usize> {
        (0..self.quotes.len())
            .filter(|&q| speaker.is_none() || self.quotes[q].speaker == speaker)
            .collect()
    }

    /// The quote whose span contains byte `at`.
    pub fn quote_at(&self, at: usize) -> Option<usize> {
        let i = self.quotes.partition_point(|q| q.span.start <= at);
        i.checked_sub(1).filter(|&q| at < self.quotes[q].span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analysis, Person, Quote};

    fn person(name: &str, mentions: usize) -> Person {
        let mut person = crate::tui::fixture::person_named(name);
        person.mentions = vec![Span::new(0, 1); mentions];
        person
    }

    fn quote(start: usize, end: usize, person: Option<usize>, speaker: Option<&str>) -> Quote {
        let mut quote = crate::tui::fixture::quote_at(Span::new(start, end), person);
        quote.speaker = speaker.map(Into::into);
        quote
    }

    #[test]
    fn surnames_for_labels() {
        for (name, short) in [
            ("Jens Stoltenberg", "Stoltenberg"),
            ("Alexander de Croo", "de Croo"),
            ("Martin Luther King Jr.", "King"),
            ("Ludwig van der Rohe", "van der Rohe"),
            ("Madonna", "Madonna"),
            ("de Gaulle", "Gaulle"),
            ("", ""),
        ] {
            assert_eq!(surname(name), short, "{name}");
        }
    }

    #[test]
    fn one_person_spelled_with_and_without_accents_is_one_speaker() {
        let body = "a \"one\" b \"two\" c";
        let analysis = Analysis {
            people: vec![
                person("Guðrún Sigurðardóttir", 2),
                person("Gudrun Sigurdardottir", 1),
                person("Cy Doe", 1),
            ],
            quotes: vec![
                quote(3, 6, Some(0), Some("Guðrún Sigurðardóttir")),
                quote(11, 14, Some(1), Some("Gudrun Sigurdardottir")),
            ],
        };
        let story = Story::new(&Digest::of(body, &analysis), body);
        let names: Vec<_> = story
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.quotes, s.mentions))
            .collect();
        assert_eq!(
            names,
            [("Guðrún Sigurðardóttir", 2, 3), ("Cy Doe", 0, 1)],
            "as the People view counts her"
        );
        assert_eq!(story.speakers[0].aliases, ["Gudrun Sigurdardottir"]);
        assert_eq!(story.quoted(), 1, "Cy Doe is named, not quoted");
    }

    #[test]
    fn speakers_sort_by_quotes_then_mentions_and_colour_by_first_quote() {
        let body = "a \"one\" b \"two\" c \"three\" d \"four\" e";
        let analysis = Analysis {
            people: vec![
                person("Ann Lee", 1),
                person("Bo Chan", 5),
                person("Cy Doe", 9),
            ],
            quotes: vec![
                quote(19, 24, Some(1), Some("Bo Chan")),
                quote(3, 6, Some(0), Some("Ann Lee")),
                quote(11, 14, Some(1), Some("Bo Chan")),
                quote(29, 33, None, Some("NATO")),
                quote(90, 95, None, None),
            ],
        };
        let story = Story::new(&Digest::of(body, &analysis), body);
        let names: Vec<_> = story
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.quotes, s.slot))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Bo Chan", 2, 1),
                ("Ann Lee", 1, 0),
                ("NATO", 1, 2),
                ("Cy Doe", 0, 3)
            ]
        );
        let spans: Vec<_> = story
            .quotes
            .iter()
            .map(|q| (q.span.start, q.speaker))
            .collect();
        assert_eq!(
            spans,
            vec![(3, Some(1)), (11, Some(0)), (19, Some(0)), (29, Some(2))]
        );
        assert_eq!(story.quotes_by(Some(0)), vec![1, 2]);
        assert_eq!(story.quote_at(12), Some(1));
        assert_eq!(story.quote_at(15), None);
        assert_eq!(story.speakers[0].label(), "Chan");
        assert_eq!(story.speakers[2].label(), "NATO");
    }
}
