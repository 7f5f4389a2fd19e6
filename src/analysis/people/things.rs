//! Names of things that look like persons' names: brands, bands, teams,
//! companies. Their form gives some away (`EastEnders`, "U2", "MPs",
//! "The Cure"), their grammar others (British English gives a band or a
//! team a plural verb: "Qorvath have signed"), and their place others
//! still ("Qorvath's Zbyk Lind": a club's or a firm's person).

use super::candidates::is_possessive;
use super::evidence::Ctx;
use super::kinds::{clause_follows, is_preposition};
use super::token::Kind;
use crate::analysis::lexicon::compiled::{firm_relations, gendered_pronouns, work_roles};
use crate::analysis::lexicon::{self, flag};
use memchr::memmem;
use std::sync::LazyLock;

/// The name's form says it is a thing's: a word with a digit ("U2"), an
/// acronym's plural ("MPs"), a web address ("Qorvath.com"), or a leading
/// "The" inside a sentence ("The Cure").
pub fn by_form(ctx: &Ctx) -> bool {
    let parts = ctx.cand.parts;
    if parts.len() > 1 && ctx.bytes(parts.first) == b"The" {
        return true;
    }
    // A word in a list is letters (most name words): only the others,
    // and the ninth word on, are read.
    let known = ctx.flags();
    parts.iter().enumerate().any(|(k, i)| {
        if known.get(k).is_some_and(|&f| f != 0) {
            return false;
        }
        let w = ctx.bytes(i);
        // Letters only (and UTF-8), all at or above 'A': most words.
        if w.iter().all(|&c| c >= b'A') {
            return w.last() == Some(&b's') && acronym_plural(w);
        }
        w.iter().any(u8::is_ascii_digit) || web_address(w)
    })
}

/// A dot inside the word between two letters or more on each side:
/// "Qorvath.com", not initials ("J.R.", "A.de Silva").
fn web_address(w: &[u8]) -> bool {
    w.windows(5)
        .any(|x| x[2] == b'.' && [x[0], x[1], x[3], x[4]].iter().all(u8::is_ascii_alphabetic))
}

/// Initials alone after a town and a comma, before punctuation: a state
/// or a province ("Nashua, N.H.,", "Halifax, N.S."), not a person's
/// initials ("N.J. Bose").
pub fn state_after_town(ctx: &Ctx) -> bool {
    let i = ctx.cand.first();
    let w = ctx.bytes(i);
    if ctx.cand.parts.len() != 1 || w.len() < 4 || w[1] != b'.' {
        return false;
    }
    let initials = w
        .chunks(2)
        .all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.');
    initials
        && ctx
            .tokens
            .get(ctx.after())
            .is_none_or(|t| t.kind == Kind::Punct)
        && i >= 2
        && ctx.bytes(i - 1) == b","
        && ctx.tokens[i - 2].cap
}

/// A lone word with a capital inside, after four letters or more that are
/// no name: words run together into a brand (`EastEnders`, `AutoLink`),
/// which no name's prefix makes (Mc, Mac, De, La and O' are shorter;
/// `RoseAnn` joins two given names, `VanderSloot` a particle and a name).
pub fn brand(ctx: &Ctx) -> bool {
    // A word run together is in no list.
    if ctx.cand.parts.len() != 1 || ctx.flags()[0] != 0 {
        return false;
    }
    let w = ctx.bytes(ctx.cand.first());
    let Some(k) = (1..w.len()).find(|&k| w[k].is_ascii_uppercase()) else {
        return false;
    };
    let head = &w[..k];
    head.len() >= 4
        && head.iter().all(u8::is_ascii_alphabetic)
        && !lexicon::compiled::surname_prefixes::contains(head)
        && lexicon::flags(std::str::from_utf8(head).unwrap_or_default())
            & (flag::GIVEN | flag::SURNAME)
            == 0
}

/// Two capitals or more, then a plural "s": "MPs", "CEOs".
fn acronym_plural(w: &[u8]) -> bool {
    let Some((&b's', caps)) = w.split_last() else {
        return false;
    };
    caps.len() >= 2 && caps.iter().all(u8::is_ascii_uppercase)
}

/// A plural verb right after the name, which opens its clause: "Qorvath
/// have signed", "but Zbyk Lind are": a band, a team or a firm in British
/// English. Not after "and" or a comma ("Smith and Jones are"), a
/// preposition or a verb ("friends of Smith are", "fans who booed Smith
/// were"), nor a subjunctive ("if Smith were to").
pub fn plural_verb(ctx: &Ctx) -> bool {
    let a = ctx.after();
    let verb = ctx.bytes(a);
    if ctx.cand.possessive || !matches!(verb, b"have" | b"are" | b"were") {
        return false;
    }
    if ctx.cand.role.is_some() || (verb == b"were" && ctx.bytes(a + 1) == b"to") {
        return false;
    }
    if ctx.tokens[ctx.cand.first()].sent_start {
        return true;
    }
    ctx.before().is_some_and(|b| {
        matches!(
            ctx.bytes(b),
            b"that" | b"but" | b"because" | b"when" | b"while" | b"although" | b"though"
        )
    })
}

/// The name owns a person named right after it: "Qorvath's Zbyk Lind",
/// a club's player or a firm's analyst, not a person's. Not a name that
/// opens with a given name: "Ann Qorvath's Martin Lind" is her novel.
pub fn owns_person(ctx: &Ctx) -> bool {
    let f = ctx.flags();
    if !ctx.cand.possessive || (f.len() > 1 && f[0] & flag::GIVEN != 0) {
        return false;
    }
    let a = ctx.after();
    let name = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && !t.sent_start)
    };
    name(a) && name(a + 1) && ctx.tokens[a].flags(ctx.text) & flag::GIVEN != 0
}

/// A title and a name follow: "Qorvath striker Zbyk Lind", "Qorvath
/// chief executive Ann Lind": the name is the employer's, a club's or a
/// firm's. Not a name opening with a given name ("Ann Lind aide Zbyk
/// Qorvath"); a person named so ("Lind aide Zbyk Qorvath") is mostly
/// named elsewhere too, and known from there. But the role of a work's or
/// a band's people makes any name a work's or a band's: "Vera Lind star
/// Ann Roe" (`assets/words/work-roles.txt`).
pub fn employs(ctx: &Ctx) -> bool {
    let a = ctx.after();
    let role = flag::TITLE | flag::QUALIFIER;
    let f = ctx.flags();
    if ctx.lower_flags(a) & role == 0 || ctx.cand.possessive {
        return false;
    }
    let end = (a + 1..a + 3)
        .find(|&i| ctx.lower_flags(i) & role == 0)
        .unwrap_or(a + 3);
    let given_first = f.len() > 1 && f[0] & flag::GIVEN != 0;
    end > a
        && ctx.lower_flags(end - 1) & flag::TITLE != 0
        && (!given_first || work_roles::contains(ctx.bytes(end - 1)))
        && ctx
            .tokens
            .get(end)
            .is_some_and(|t| t.kind == Kind::Word && t.cap)
}

/// A person's possessive right before the name makes it their work:
/// "Mike Leigh's Vera Drake", "Ann Roe's Tom Brice" (a novel). The
/// owner is a given name and a possessive surname; a role between
/// ("Ann Roe's husband Tom Ash") makes the name a person's again.
pub fn persons_work(ctx: &Ctx) -> bool {
    let first = ctx.cand.first();
    if first < 2 || ctx.cand.role.is_some() {
        return false;
    }
    let (given, owner) = (ctx.tokens[first - 2], ctx.tokens[first - 1]);
    given.cap
        && owner.cap
        && is_possessive(owner.bytes(ctx.text))
        && given.flags(ctx.text) & flag::GIVEN != 0
        && (first < 3 || !ctx.tokens[first - 3].cap)
}

/// What a firm is to another makes the name a firm's: "its Japanese
/// rival Qorvath", "Qorvath, its former banker,", and, in the plural
/// before one name, "technology analysts Qorvath"
/// (`assets/words/firm-relations.txt`). Not a list of names after the
/// plural: "analysts Ann Roe and Zbyk Lind" are people.
pub fn related_firm(ctx: &Ctx) -> bool {
    let first = ctx.cand.first();
    let relation = |i: usize| firm_relations::contains(ctx.bytes(i));
    let a = ctx.after();
    if first > 0 && relation(first - 1) {
        let noun = ctx.bytes(first - 1);
        if noun.ends_with(b"s") {
            // "administrators Ann Roe & Partners" is named after a
            // person, who may speak in the story too.
            let listed = matches!(ctx.bytes(a), b"and" | b"or" | b"&")
                || ctx.bytes(a) == b"," && ctx.tokens.get(a + 1).is_some_and(|t| t.cap);
            return !listed;
        }
        return owned_by_its(ctx, first - 1) || worked_at(ctx, first - 1);
    }
    // "Qorvath, its former banker,".
    ctx.bytes(a) == b","
        && ctx.bytes(a + 1) == b"its"
        && (a + 2..a + 2 + RELATION_WORDS)
            .find(|&i| relation(i) || !is_modifier(ctx, i))
            .is_some_and(|i| relation(i) && matches!(ctx.bytes(i + 1), b"," | b"."))
}

/// A preposition before the relation noun at `noun` and one word after
/// it: "a former executive at rival Qorvath", "bought from rival Qorvath"
/// ("votes for rival Ann Roe" names a person in full).
fn worked_at(ctx: &Ctx, noun: usize) -> bool {
    ctx.cand.parts.len() == 1 && noun > 0 && is_preposition(ctx.bytes(noun - 1))
}

/// "its" before the relation noun at `noun`, past a few modifiers ("its
/// former", "its Japanese").
fn owned_by_its(ctx: &Ctx, noun: usize) -> bool {
    (1..=RELATION_WORDS)
        .map_while(|k| noun.checked_sub(k))
        .find(|&i| !is_modifier(ctx, i))
        .is_some_and(|i| ctx.bytes(i) == b"its")
}

/// A word that may stand between "its" and a relation noun: a lower-case
/// word that is no function word, a nationality ("Japanese") or a
/// country ("its US rival").
fn is_modifier(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| {
        t.kind == Kind::Word
            && t.bytes(ctx.text) != b"its"
            && (!t.cap && !is_preposition(t.bytes(ctx.text))
                || t.flags(ctx.text) & (flag::DEMONYM | flag::PLACE) != 0)
    })
}

/// How many words [`related_firm`] reads between "its" and the relation
/// noun, the noun included.
const RELATION_WORDS: usize = 3;

/// A lone word in no list of names, with "its" later in its sentence and
/// no "he", "she" or other name before that: "Qorvath said its profits
/// rose", "Qorvath and its rivals" name a firm or a product. Not after a
/// preposition ("spoke with Qorvath on its podcast": the podcast is the
/// subject's), nor within a quotation's words (a mark ends the search),
/// where "its" may be anything's.
pub fn its_follows(ctx: &Ctx) -> bool {
    if ctx.cand.parts.len() != 1
        || ctx.cand.role.is_some()
        || ctx.flags()[0] & (flag::GIVEN | flag::SURNAME) != 0
        || ctx.before().is_some_and(|b| is_preposition(ctx.bytes(b)))
    {
        return false;
    }
    // Most names have no "its" near: the bytes say so before the tokens.
    let from = ctx.tokens[ctx.cand.last()].end;
    let near = &ctx.text.as_bytes()[from..ctx.text.len().min(from + ITS_BYTES)];
    if ITS.find(near).is_none() {
        return false;
    }
    for t in ctx.tokens.iter().skip(ctx.after()).take(ITS_REACH) {
        if t.sent_start || t.upper || t.cap && t.flags(ctx.text) & OTHER_NAME != 0 {
            return false;
        }
        let w = t.bytes(ctx.text);
        if w == b"its" {
            return true;
        }
        // `assets/words/gendered-pronouns.tsv`: "he", "her" ...
        if gendered_pronouns::male(w) || gendered_pronouns::female(w) || is_quote_mark(w) {
            return false;
        }
    }
    false
}

/// A quotation mark, straight or curly (“ and ” in UTF-8).
fn is_quote_mark(w: &[u8]) -> bool {
    matches!(w, b"\"" | b"\xe2\x80\x9c" | b"\xe2\x80\x9d")
}

/// Words that may name what "its" stands for, between a name and "its":
/// a person's name, a body's, a party ("Keyworth and Dick Hackborn, an
/// HP director and the architect of its products").
const OTHER_NAME: lexicon::Flags = flag::GIVEN | flag::SURNAME | flag::ORG | flag::DEMONYM;

/// How many tokens after a name [`its_follows`] reads: about a clause's
/// length.
const ITS_REACH: usize = 20;

/// How many bytes after a name hold [`ITS_REACH`] tokens, at most.
const ITS_BYTES: usize = 160;

/// The search for " its ", built once.
static ITS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b" its "));

/// An item of a list that a plural of a thing's noun introduces: "films
/// such as Vera Lind, Tom Brice and Qorvath", "its brands include Ann
/// Roe", "studios like Qorvath", "technology firms Qorvath and Zbyk".
/// Read back over names, commas and "and" to the introducing words.
pub fn listed_as_things(ctx: &Ctx) -> bool {
    let first = ctx.cand.first();
    let mut i = first;
    let mut list = false;
    while i > 0 && first - i < LIST_REACH {
        i -= 1;
        let t = ctx.tokens[i];
        let w = t.bytes(ctx.text);
        if t.cap || matches!(w, b"," | b"and" | b"or" | b"&") {
            list |= !t.cap;
            continue;
        }
        let noun = match w {
            // "films such as", "films, such as", "such films as".
            b"as" if i >= 2 && ctx.bytes(i - 1) == b"such" => {
                if ctx.bytes(i - 2) == b"," {
                    i.saturating_sub(3)
                } else {
                    i - 2
                }
            }
            b"as" if i >= 2 && ctx.bytes(i - 2) == b"such" => i - 1,
            b"include" | b"includes" | b"including" | b"like" if i >= 1 => i - 1,
            // "technology firms Qorvath and Zbyk": the plural right
            // before a list in its sentence, with no comma ("the two
            // films, Zbyk Lind brings"); before one name, unless a clause
            // follows ("the films Zbyk made").
            _ if ctx.tokens[i + 1].cap
                && !ctx.tokens[i + 1].sent_start
                && (list || !clause_follows(ctx, ctx.after())) =>
            {
                i
            }
            _ => return false,
        };
        return things_plural(ctx.bytes(noun));
    }
    false
}

/// How many tokens before a name [`listed_as_things`] reads: a list of a
/// few names.
const LIST_REACH: usize = 24;

/// The plural of a noun that names a thing before a name ("films",
/// "companies"; `assets/words/thing-words.tsv`, tag `before`).
fn things_plural(w: &[u8]) -> bool {
    let Some(one) = w.strip_suffix(b"s") else {
        return false;
    };
    let thing = |x: &[u8]| lexicon::lower_case_flags(x) & flag::THING_BEFORE != 0;
    if thing(one) {
        return true;
    }
    // "companies": "company".
    one.strip_suffix(b"ie").is_some_and(|stem| {
        let mut y = stem.to_vec();
        y.push(b'y');
        thing(&y)
    })
}

/// A phrase that ends in a common noun's plural and opens with no given
/// name: "Qorvath Studies", "Zbyk Breweries", "Red Hot Chili Peppers": a
/// firm's, a band's or a body's name ("Ann Lind Rivers" opens with one).
pub fn plural_phrase(ctx: &Ctx) -> bool {
    let f = ctx.flags();
    let last = f[f.len() - 1];
    // "Irish Lions": a nationality that is also a given name opens no
    // person's name before a plural.
    let given = f[0] & flag::GIVEN != 0 && f[0] & flag::DEMONYM == 0;
    if f.len() < 2 || given || last & (flag::SURNAME | flag::GIVEN) != 0 {
        return false;
    }
    let w = ctx.word(ctx.cand.last());
    let w = w.strip_suffix("'s").unwrap_or(w);
    let Some(one) = w.strip_suffix('s') else {
        return false;
    };
    if w.len() <= 3 || ctx.bytes(ctx.cand.first()).contains(&b'.') {
        return false;
    }
    let common = |x: &str| lexicon::flags(x) & flag::COMMON != 0;
    match one.strip_suffix("ie") {
        Some(stem) => common(&format!("{stem}y")),
        None => common(one),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::people::tests::names as people;

    #[test]
    fn a_name_of_this_form_is_a_thing() {
        for (text, thing) in [
            ("Qorvath2 said it would tour.", "Qorvath2"),
            ("The MPs said no.", "MPs"),
            ("He met The Zbyklers said the fans.", "The Zbyklers"),
            ("Readers of Qorvath.com said so.", "Qorvath.com"),
        ] {
            assert!(!people(text).iter().any(|p| p == thing), "{text}");
        }
    }

    #[test]
    fn a_word_run_together_is_a_brand_unless_it_speaks() {
        let text = "Fans of GlowVend loved it. Users said GlowVend would fail.";
        assert!(people(text).is_empty(), "{text}");
        // The quotes of a brand that speaks name it as their speaker.
        let text = "Fans loved it. GlowVend said it was glad.";
        assert_eq!(people(text), ["GlowVend"]);
        // Short prefixes of names, two given names, a particle: a person.
        for (text, name) in [
            ("Ruth McQuorvath said no.", "Ruth McQuorvath"),
            ("Ruth MacQuorvath said no.", "Ruth MacQuorvath"),
            ("FitzQuorvath said no.", "FitzQuorvath"),
            ("RoseZbyk said no.", "RoseZbyk"),
            ("VanderZbyk said no.", "VanderZbyk"),
            ("WestZbyk Qorvath said no.", "WestZbyk Qorvath"),
        ] {
            assert!(people(text).iter().any(|p| p == name), "{text}");
        }
    }

    #[test]
    fn a_state_abbreviated_after_a_town_is_a_place() {
        let text = "In Nashua, N.H., Ann Qorvath said no. In Fresno, Calif., Ann Lind said so.";
        assert_eq!(people(text), ["Ann Qorvath", "Ann Lind"]);
        let text = "The judge, N.J. Qorvath, said no.";
        assert_eq!(people(text), ["N.J. Qorvath"]);
    }

    #[test]
    fn a_plural_verb_makes_a_name_a_band_or_a_team() {
        let text = "Zbyklers have signed a new deal. Zbyklers said they were glad.";
        assert!(people(text).is_empty(), "{text}");
        let text = "Fans said that Qorvath are the best side. Qorvath said so.";
        assert!(people(text).is_empty(), "{text}");
        for text in [
            "Jan Lind and Ola Qorvath are to meet. Qorvath said so.",
            "Friends of Qorvath are worried, said Qorvath.",
            "If Qorvath were to go, he said. Qorvath said so.",
        ] {
            assert!(people(text).iter().any(|p| p.contains("Qorvath")), "{text}");
        }
    }

    #[test]
    fn a_name_before_a_title_and_a_name_employs_the_person() {
        let text = "Qorvath striker Zbyk Lind said he was fit.";
        assert_eq!(people(text), ["Zbyk Lind"]);
        let text = "Qorvath chief executive Ann Lind said so. Qorvath said no.";
        assert_eq!(people(text), ["Ann Lind"]);
        // A person named elsewhere is known from there.
        let text = "Jan Qorvath said no. Qorvath aide Ann Lind agreed.";
        assert_eq!(people(text), ["Jan Qorvath", "Ann Lind"]);
        let text = "President Qorvath met them. Qorvath aide Ann Lind agreed. Qorvath won.";
        assert_eq!(people(text), ["Qorvath", "Ann Lind"]);
    }

    #[test]
    fn a_phrase_ending_in_a_plural_is_a_body() {
        for text in [
            "Zbyk Breweries said profits rose.",
            "Qorvath Studies said so.",
            "We heard Zbyk Tin Peppers said so.",
        ] {
            assert!(people(text).is_empty(), "{text}");
        }
        let text = "Anna Peppers said so.";
        assert_eq!(people(text), ["Anna Peppers"]);
    }

    #[test]
    fn a_name_that_owns_a_person_is_a_club_or_a_firm() {
        let text = "Qorvath's Martin Lind said he was fit.";
        assert_eq!(people(text), ["Martin Lind"]);
        let text = "Ann Qorvath's Martin Lind won, said the judges.";
        assert!(people(text).iter().any(|p| p == "Ann Qorvath"), "{text}");
    }
}
