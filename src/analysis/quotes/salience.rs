//! Who the text is about, sentence by sentence: the subject of each
//! sentence (its first person named outside quotes, after any opening
//! phrase), which is what a later "he" or "she" most often refers to.

use super::attribute::cue_subject;
use super::credit::is_credit;
use super::index::TextIndex;
use super::phrase;
use super::words::{Token, starts_sentence};
use crate::analysis::Span;
use crate::analysis::chars::{is_alphabetic, is_alphanumeric};
use crate::analysis::lexicon::compiled::{possessives, spokes_nouns, title_gap_links};
use crate::analysis::lexicon::{self, Filter, Flags, flag};
use crate::analysis::people::{EntityKind, Mention, People};

/// Words that open a phrase before the subject ("After the debate, …";
/// `assets/words/subject-openers.txt`).
pub(super) fn is_opener(word: &str) -> bool {
    lexicon::exact_flags(word.as_bytes(), Filter::SUBJECT_OPENERS) & flag::SUBJECT_OPENER != 0
}

/// `(position, person)` for the subject of every sentence of one line
/// that has one, in text order, from the line's tokens.
pub fn subjects(
    text: &str,
    tokens: &[Token],
    people: &People,
    index: &TextIndex<'_>,
    quotes: &[Span],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in (1..=tokens.len()).filter(|&i| i == tokens.len() || starts_sentence(tokens, i)) {
        let sentence = &tokens[start..end];
        if let Some(person) = subject(text, sentence, people, index, quotes) {
            out.push((sentence[0].span.start, person));
        }
        out.extend(clause_subjects(sentence, people));
        start = end;
    }
    out
}

/// "Ash said he had had enough, but Ivo Lind rejected his comments": a
/// clause after a comma and a conjunction that opens with a person and
/// a verb is about that person, later than the sentence's subject.
fn clause_subjects<'p>(
    tokens: &'p [Token],
    people: &'p People,
) -> impl Iterator<Item = (usize, usize)> + 'p {
    tokens.windows(3).filter_map(|w| {
        let opens = w[0].is(',') && matches!(w[1].text, "but" | "while" | "and" | "though");
        if !opens || !w[2].is_capitalised() {
            return None;
        }
        let at = people
            .mentions
            .partition_point(|m| m.span.start < w[2].span.start);
        let m = people.mentions.get(at)?;
        let after = tokens.iter().find(|t| t.span.start >= m.span.end)?;
        let verb = after.is_word()
            && after.text.starts_with(char::is_lowercase)
            && !matches!(after.text, "and" | "or" | "of" | "in" | "at" | "for" | "to");
        (m.span.start == w[2].span.start && m.kind == EntityKind::Person && verb)
            .then_some((w[1].span.start, m.person?))
    })
}

fn subject(
    text: &str,
    tokens: &[Token],
    people: &People,
    index: &TextIndex<'_>,
    quotes: &[Span],
) -> Option<usize> {
    let (first, last) = (tokens.first()?, tokens.last()?);
    let sentence = Span::new(first.span.start, last.span.end);
    if let Some(found) = cue_subject(tokens) {
        // "A spokesman for the Harbour Board said": the body is the
        // phrase found, and someone unnamed the subject.
        if text
            .get(sentence.start..found.subject.start)
            .is_some_and(speaks_for)
        {
            return Some(UNNAMED);
        }
        if let Some(person) = head(text, found.subject, people) {
            return Some(person);
        }
        // "Blair would lead, he said": the sentence is still about "he";
        // a name in what he said is not its subject. "Tim Cole set out
        // what he says is a plan" is about Cole.
        if is_personal(found.subject.text(text)) {
            let lead = Span::new(sentence.start, found.subject.start);
            let aside = lead.text(text).trim_end().ends_with([',', '"', '”']);
            return if aside {
                None
            } else {
                named_first(text, lead, people)
            };
        }
        // "A Home Office spokesman said …": someone unnamed is the
        // subject, and a "he" in the next sentence is most likely them.
        if is_indefinite(found.subject.text(text))
            || is_spokesperson(found.subject.text(text))
            || spokes_after_long_body(text, sentence.start, found.subject)
        {
            return Some(UNNAMED);
        }
        // "The senator said …": the person described so earlier. Most
        // subjects are names: only a phrase opening with "the" is lowered.
        let mut words = found.subject.text(text).split_whitespace();
        if words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            let rest: Vec<String> = words.map(str::to_lowercase).collect();
            if let Some(person) = index.described(&rest, found.subject.start) {
                return Some(person);
            }
        }
    }
    // "But a spokesman for the Home Office defended the plans": someone
    // unnamed, whatever the verb, unless an apposition names them ("A
    // spokesman for the agency, Ivo Lind, said").
    if opens_with_spokesperson(&text[sentence.start..sentence.end])
        && !names_in_apposition(text, sentence, people)
    {
        return Some(UNNAMED);
    }
    let mut from = sentence.start;
    let first_word = text[from..sentence.end]
        .split(|c: char| !is_alphanumeric(c))
        .find(|w| !w.is_empty())?;
    if is_opener(first_word)
        || first_word.len() > 4 && (first_word.ends_with("ing") || first_word.ends_with("ed"))
    {
        from += match bare_adverb(&text[from..sentence.end], first_word) {
            // "Earlier Tony Blair defended the plans": no comma after an
            // adverb that is the whole opening phrase.
            Some(end) => end,
            None => text[from..sentence.end].find(',')? + 1,
        };
    }
    // "She will team up with Ann Roe": about "she", not Roe; so is "But
    // she …" ("But it was Ann Roe who …" is about Roe).
    let mut words = text[from..sentence.end].split_whitespace();
    // "She's a fan of Ann Roe": the pronoun before its contraction.
    let subject_word = words
        .next()
        .map(|w| w.split(['\'', '’']).next().unwrap_or(w));
    if subject_word.is_some_and(is_personal)
        || subject_word.is_some_and(is_conjunction)
            && words
                .next()
                .is_some_and(|w| matches!(w, "he" | "she" | "they"))
    {
        return None;
    }
    // "His times were short of Ann Roe's record": about "he", not the
    // owner of a thing named later; "Her call was backed by Ann Roe, who
    // said" is about Roe.
    let owned_subject = subject_word
        .and_then(possessives::get)
        .is_some_and(|p| matches!(p, "he" | "she"));
    // "The American had cast doubt on Ann Roe's claims": about the person
    // described, whoever the text was about, not Roe.
    if from == sentence.start && opens_with_description(&text[from..sentence.end]) {
        return None;
    }
    // Quotes are in text order: the one that could hold `at` is found by
    // bisection.
    let inside = |at: usize| {
        let i = quotes.partition_point(|q| q.end <= at);
        quotes.get(i).is_some_and(|q| q.start <= at)
    };
    let first = people.mentions.partition_point(|m| m.span.start < from);
    let mut persons = people.mentions[first..]
        .iter()
        .take_while(|m| m.span.start < sentence.end)
        .filter(|m| {
            m.kind == EntityKind::Person
                && !inside(m.span.start)
                && !is_credit(text, m.span)
                && (!owned_subject || !is_possessive_at(text, m.span.end))
                && !after_indefinite(text, m.span.start)
        });
    let mut head = persons.next()?;
    // "Obama consultant Cornell Belcher": the last name of one phrase. A
    // full name before a word that is no title is a subject and its verb
    // ("Tom Ash met Ivo Lind").
    for next in persons {
        if owner_before_apposition(text, head.span, next.span) {
            head = next;
            continue;
        }
        let gap = strip_possessive(&text[head.span.end..next.span.start]);
        let modifier = !head.span.text(text).contains(' ') || is_title_words(gap);
        if !is_title_gap(gap) || !modifier {
            break;
        }
        head = next;
    }
    head.person
}

/// "An early goal and an Alan Shearer strike won it": a name after "a"
/// or "an" qualifies a noun after it; the sentence is not about them.
fn after_indefinite(text: &str, at: usize) -> bool {
    let word = text[..at].split_whitespace().next_back();
    matches!(word, Some("a" | "an" | "A" | "An"))
}

/// Where an opening adverb ends ("Earlier", "Meanwhile";
/// `assets/words/adverbs.txt`) when no comma follows it.
fn bare_adverb(sentence: &str, word: &str) -> Option<usize> {
    let end = sentence.find(word)? + word.len();
    let bare = !sentence[end..].starts_with(',') && phrase::is_adverb(&word.to_ascii_lowercase());
    bare.then_some(end)
}

/// A conjunction that may open a sentence before its subject: "But he
/// refused".
fn is_conjunction(word: &str) -> bool {
    matches!(word, "And" | "But" | "Yet" | "So" | "Or" | "Nor")
}

/// "Mr. Lind's campaign chairman, Ivo Roe, dismissed": the first name
/// owns the role whose holder the apposition names, and the sentence is
/// about the holder. The role is one or two lower-case words between the
/// possessive and a comma, and a comma closes the apposition.
fn owner_before_apposition(text: &str, owner: Span, holder: Span) -> bool {
    let gap = &text[owner.end..holder.start];
    let role = strip_possessive(gap);
    let after_possessive = role.len() < gap.len();
    let Some(role) = role.trim_end().strip_suffix(',') else {
        return false;
    };
    after_possessive
        && !role.trim().is_empty()
        && role
            .split_whitespace()
            .all(|w| w.starts_with(char::is_lowercase))
        && is_title_gap(role)
        && text[holder.end..].starts_with(',')
}

/// A possessive "'s" or "’s" (or a lone apostrophe) at `at`, as
/// [`strip_possessive`] reads one.
fn is_possessive_at(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    strip_possessive(rest).len() < rest.len()
}

/// The person a sentence opens with, before the pronoun of its cue at
/// `lead.end`, after nothing but capitalised and title words: "Shadow
/// home secretary Tim Cole set out what he says is a plan" is about Cole;
/// "But standing next to Ann Roe he added" is not about Roe.
fn named_first(text: &str, lead: Span, people: &People) -> Option<usize> {
    let first = people
        .mentions
        .partition_point(|m| m.span.start < lead.start);
    let m = people.mentions.get(first)?;
    let opens = m.span.end <= lead.end
        && m.kind == EntityKind::Person
        && text[lead.start..m.span.start].split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase) && !is_opener(w)
                || lexicon::small_flags(w.as_bytes()) & (flag::TITLE | flag::QUALIFIER) != 0
        });
    if opens { m.person } else { None }
}

/// The sentence opens with a description of a person and its verb ("The
/// American had", "And the 20-year-old remains", "The former Scotland
/// striker has"): "the", at most three words, the last a role noun, a
/// nationality, an age or an "ex-" word, then a lower-case word that is
/// none of those, nor "is" or "was" before a name, nor a preposition ("The
/// leader of the league, Ivo Lind, warned"). No name stands in it ("The
/// England captain Ivo Lind" is Lind).
fn opens_with_description(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace().peekable();
    if words.peek().is_some_and(|w| matches!(*w, "And" | "But")) {
        words.next();
    }
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return false;
    }
    let describes = |w: &str| {
        let f = lexicon::flags(w);
        f & flag::TITLE != 0 && w.starts_with(char::is_lowercase)
            || f & flag::DEMONYM != 0 && w.starts_with(char::is_uppercase)
            || w.ends_with("-year-old")
            || w.starts_with("ex-")
    };
    let words: Vec<&str> = words.take(5).collect();
    let mut after_head = false;
    for (i, &w) in words.iter().take(4).enumerate() {
        let capitalised = w.starts_with(char::is_uppercase);
        if after_head && !capitalised && w.chars().all(is_alphabetic) {
            // "The film's British director is Ivo Lind" names the person.
            let names = matches!(w, "is" | "was")
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase));
            return !names && !matches!(w, "of" | "for" | "at" | "in" | "from") && !describes(w);
        }
        let place = lexicon::flags(w) & (flag::PLACE | flag::DEMONYM) != 0;
        if capitalised && !place && !w.starts_with("ex-") {
            return false;
        }
        after_head = describes(w);
    }
    false
}

/// The person a speaker phrase ends with.
fn head(text: &str, phrase: Span, people: &People) -> Option<usize> {
    persons_in(people, phrase)
        .filter(|m| {
            is_title_gap(&text[m.span.end..phrase.end])
                || text[m.span.end..phrase.end].trim_start().starts_with("of ")
        })
        .last()
        .and_then(|m| m.person)
}

/// Every word of `gap` is a title word ("campaign manager"), or it is
/// empty.
fn is_title_words(gap: &str) -> bool {
    const TITLE: Flags = flag::TITLE | flag::QUALIFIER | flag::ORG;
    gap.split_whitespace()
        .all(|w| lexicon::small_flags(w.as_bytes()) & TITLE != 0)
}

/// The subject of a sentence about someone the text does not name ("a
/// spokesman", "one analyst"): a pronoun that goes to them has no speaker.
pub const UNNAMED: usize = usize::MAX;

/// The words before a subject phrase end with "a spokesman for" (or "of",
/// "at"): the phrase is the body an unnamed person speaks for.
pub(super) fn speaks_for(lead: &str) -> bool {
    let mut words = lead.split_whitespace().rev();
    let link = words
        .next()
        .is_some_and(|w| matches!(w, "for" | "of" | "at"));
    let noun = words
        .next()
        .is_some_and(|w| spokes_nouns::contains(w.as_bytes()));
    link && noun && words.next().is_some_and(|w| w.eq_ignore_ascii_case("a"))
}

/// "A Department for Education and Skills spokeswoman said": the subject
/// found is "Skills spokeswoman", after "A" and the rest of a body's name
/// that open the sentence.
fn spokes_after_long_body(text: &str, sentence_start: usize, subject: Span) -> bool {
    let noun = subject.text(text).rsplit(' ').next();
    if !noun.is_some_and(|w| spokes_nouns::contains(w.as_bytes())) {
        return false;
    }
    let mut lead = text[sentence_start..subject.start].split_whitespace();
    lead.next()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
        && lead.all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "for" | "of" | "and" | "the")
        })
}

/// The sentence opens with "a spokesman" ("But a spokesman for the
/// Home Office", "A Home Office spokeswoman"): an indefinite article, then
/// a spokes-noun after nothing but capitalised words
/// (`assets/words/spokes-nouns.txt`).
fn opens_with_spokesperson(sentence: &str) -> bool {
    let mut words = sentence
        .split_whitespace()
        .skip_while(|w| matches!(*w, "But" | "And" | "However," | "Meanwhile,"));
    if !words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
    {
        return false;
    }
    for w in words.take(SPOKES_WORDS) {
        if spokes_nouns::contains(w.trim_end_matches(',').as_bytes()) {
            return true;
        }
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// A person named between commas in the sentence: ", Ivo Lind,".
fn names_in_apposition(text: &str, sentence: Span, people: &People) -> bool {
    persons_in(people, sentence).any(|m| {
        text[..m.span.start].trim_end().ends_with(',') && text[m.span.end..].starts_with(',')
    })
}

/// The mentions of persons inside `span` (mentions are sorted by start).
fn persons_in(people: &People, span: Span) -> impl Iterator<Item = &Mention> {
    let first = people
        .mentions
        .partition_point(|m| m.span.start < span.start);
    people.mentions[first..]
        .iter()
        .take_while(move |m| m.span.end <= span.end)
        .filter(|m| m.kind == EntityKind::Person)
}

/// How many words after the article [`opens_with_spokesperson`] reads:
/// the spokes-noun and a body's name of a few capitalised words before
/// it ("A Home Office spokesman").
const SPOKES_WORDS: usize = 5;

/// "a spokesman", "an official", "one trader": someone not named, by a
/// role noun ("an improbable remark" is no one).
fn is_indefinite(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    words.next().is_some_and(|w| {
        lexicon::folded_flags(w.as_bytes(), Filter::DETERMINERS) & flag::INDEFINITE != 0
    }) && words.any(|w| lexicon::small_flags(w.as_bytes()) & flag::TITLE != 0)
}

/// "The executive spokeswoman", "the BPI spokesman": someone unnamed who
/// speaks for a body, as "a spokesman" is. A bare "the spokesman" is the
/// one the text introduced, who stays the subject.
fn is_spokesperson(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    let the = words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    the && words.count() == 2
        && phrase
            .rsplit(' ')
            .next()
            .is_some_and(|w| spokes_nouns::contains(w.as_bytes()))
}

/// A third-person pronoun: it stands for someone the text has named, who
/// stays the subject ("I", "we" and "you" do not point back into the text).
fn is_personal(word: &str) -> bool {
    lexicon::folded_flags(word.as_bytes(), Filter::PRONOUNS) & flag::THIRD_PERSON != 0
}

/// The gap after a possessive ("’s campaign chairman" → "campaign
/// chairman"): "Clinton’s campaign chairman John Podesta" is Podesta.
fn strip_possessive(gap: &str) -> &str {
    ["'s ", "’s ", "' ", "’ "]
        .iter()
        .find_map(|p| gap.strip_prefix(p))
        .unwrap_or(gap)
}

/// The words between two names of one phrase: at most two role words
/// ("consultant", "campaign manager"), no verb, no punctuation.
fn is_title_gap(gap: &str) -> bool {
    // Words of letters only hold no punctuation either. Gaps are often
    // long: the first word that fails ends the reading.
    let role_word = |w: Option<&str>| w.is_none_or(|w| w.chars().all(is_alphabetic) && !is_link(w));
    let mut words = gap.split_whitespace();
    role_word(words.next()) && role_word(words.next()) && words.next().is_none()
}

/// A word that is no role word: `assets/words/title-gap-links.txt`, or a
/// participle.
fn is_link(word: &str) -> bool {
    title_gap_links::contains(word.as_bytes()) || word.ends_with("ed")
}
#[cfg(test)]
mod tests {
    use super::super::words::tokenize;
    use super::*;

    #[test]
    fn sentences_start_after_stops_not_after_titles() {
        let text = "Mr. Smith spoke. Then the U.S. team left! “Go.” Next one";
        let open = text.find('“').unwrap();
        let quote = Span::new(open, text.find('”').unwrap() + '”'.len_utf8());
        let tokens = tokenize(text, Span::new(0, text.len()), &[quote]);
        let starts: Vec<&str> = (0..tokens.len())
            .filter(|&i| starts_sentence(&tokens, i))
            .map(|i| tokens[i].text)
            .collect();
        assert_eq!(starts, ["Mr.", "Then", "“Go.”", "Next"]);
    }
}
