//! Appearances: who speaks in one story, as the index takes them from its
//! analysis. One appearance per person quoted (with every form the story
//! uses for them) and one per organisation quoted.

use super::SpeakerKind;
use super::fold::{self, fold};
use crate::analysis::{Analysis, Person, Quote};

/// One speaker of one story and the quotes they gave in it.
#[derive(Debug)]
pub struct Appearance<'a> {
    pub kind: SpeakerKind,
    /// The fullest form of the name in the story.
    pub name: &'a str,
    /// Other forms the story uses ("Zelenski", "Stoltenberg").
    pub aliases: Vec<&'a str>,
    pub roles: Vec<String>,
    pub quotes: Vec<&'a Quote>,
}

/// The speakers of one story, persons first (in the order the analysis
/// lists them), then the speakers it did not list (in the order they
/// first speak).
pub fn appearances(analysis: &Analysis) -> Vec<Appearance<'_>> {
    let mut persons: Vec<Option<Appearance>> = analysis.people.iter().map(|_| None).collect();
    // Speakers the people engine did not list: organisations, "Mr. Singer".
    let mut others: Vec<Appearance> = Vec::new();
    // Made on the first speaker without a person, if there is one.
    let mut surnames: Option<Vec<(usize, String)>> = None;
    for quote in &analysis.quotes {
        let named = quote.speaker.as_deref();
        let person = quote.person.or_else(|| {
            let name = named?;
            let surnames = surnames.get_or_insert_with(|| surname_keys(&analysis.people));
            person_by_surname(surnames, name)
        });
        match (person, named) {
            (Some(p), _) if p < persons.len() => {
                let person = &analysis.people[p];
                let seen = persons[p].get_or_insert_with(|| of_person(person));
                seen.quotes.push(quote);
                if let Some(name) = named.filter(|n| quote.person.is_none() && *n != seen.name) {
                    add_form(seen, name);
                }
            }
            (_, Some(name)) => {
                let Some(kind) = unlisted_kind(name) else {
                    continue;
                };
                match others.iter_mut().find(|o| o.name == name) {
                    Some(seen) => seen.quotes.push(quote),
                    None => others.push(Appearance {
                        kind,
                        name,
                        aliases: Vec::new(),
                        roles: Vec::new(),
                        quotes: vec![quote],
                    }),
                }
            }
            _ => {}
        }
    }
    persons.into_iter().flatten().chain(others).collect()
}

fn of_person(person: &Person) -> Appearance<'_> {
    Appearance {
        kind: SpeakerKind::Person,
        name: &person.name,
        aliases: person.aliases.iter().map(String::as_str).collect(),
        roles: fold::role_words(person.role.as_deref(), &person.descriptors),
        quotes: Vec::new(),
    }
}

/// A form found only as a quote's speaker joins the forms; when it has
/// more words than the name ("Franziska Haberl" for "Haberl"), it becomes
/// the name.
fn add_form<'a>(seen: &mut Appearance<'a>, form: &'a str) {
    if fold::name_words(form).len() > fold::name_words(seen.name).len() {
        let name = std::mem::replace(&mut seen.name, form);
        seen.aliases.retain(|a| *a != form);
        seen.aliases.push(name);
    } else if !seen.aliases.contains(&form) {
        seen.aliases.push(form);
    }
}

/// The surname key of every form of every person: `(person, key)`.
fn surname_keys(people: &[Person]) -> Vec<(usize, String)> {
    let mut keys = Vec::new();
    for (p, person) in people.iter().enumerate() {
        for form in person.forms() {
            if let Some(last) = fold::name_words(form).last() {
                keys.push((p, fold::key(last)));
            }
        }
    }
    keys
}

/// The quote engine names some speakers it did not list as persons
/// ("Franziska Haberl told…" where the people engine found "Haberl"): a
/// name whose surname is the surname of exactly one person of the story
/// is that person.
fn person_by_surname(surnames: &[(usize, String)], name: &str) -> Option<usize> {
    let words = fold::name_words(name);
    let surname = fold::key(words.last()?);
    if surname.is_empty() {
        return None;
    }
    let mut found = surnames
        .iter()
        .filter(|(_, key)| *key == surname)
        .map(|(p, _)| *p);
    let first = found.next()?;
    found.all(|p| p == first).then_some(first)
}

/// What a speaker the people engine did not list is: a person when an
/// honorific says so ("Mr. Singer"), else an organisation ("the Kremlin");
/// `None` for a sentence's first word taken for a name ("The said…",
/// "However…"), which nobody would look up.
fn unlisted_kind(name: &str) -> Option<SpeakerKind> {
    const NOISE: &[&str] = &[
        "a", "an", "and", "but", "he", "her", "here", "his", "how", "however", "i", "i m", "it",
        "no", "now", "she", "so", "some", "that", "the", "then", "there", "these", "they", "this",
        "those", "wait", "we", "what", "when", "where", "why", "yes", "you",
    ];
    let folded = fold(name);
    if folded.is_empty() || NOISE.contains(&folded.as_str()) {
        None
    } else if fold::has_honorific(name) {
        Some(SpeakerKind::Person)
    } else {
        Some(SpeakerKind::Organisation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;

    fn person(name: &str, aliases: &[&str]) -> Person {
        Person {
            name: name.into(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            mentions: Vec::new(),
            role: None,
            gender: None,
            descriptors: Vec::new(),
        }
    }

    fn quote(at: usize, person: Option<usize>, speaker: Option<&str>) -> Quote {
        Quote {
            span: Span::new(at, at + 1),
            person,
            speaker: speaker.map(str::to_owned),
            cue: Some("said".into()),
        }
    }

    #[test]
    fn persons_organisations_and_unlisted_names() {
        let analysis = Analysis {
            people: vec![person("Haberl", &[]), person("Stefan Ilić", &[])],
            quotes: vec![
                quote(0, None, Some("Franziska Haberl")),
                quote(2, Some(0), Some("Haberl")),
                quote(4, None, Some("Café Amsel")),
                quote(6, Some(1), Some("Stefan Ilić")),
                quote(8, None, None),
                quote(10, None, Some("The")),
                quote(12, None, Some("Mr. Singer")),
            ],
        };
        let found = appearances(&analysis);
        let summary: Vec<(SpeakerKind, &str, Vec<&str>, usize)> = found
            .iter()
            .map(|a| (a.kind, a.name, a.aliases.clone(), a.quotes.len()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (SpeakerKind::Person, "Franziska Haberl", vec!["Haberl"], 2),
                (SpeakerKind::Person, "Stefan Ilić", vec![], 1),
                (SpeakerKind::Organisation, "Café Amsel", vec![], 1),
                (SpeakerKind::Person, "Mr. Singer", vec![], 1),
            ]
        );
    }
}
