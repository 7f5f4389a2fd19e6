//! What a phrase is when it is not a person: a place or an organisation,
//! from its words and the word before it ("in X", "the newspaper X").

use super::evidence::Ctx;
use super::token::{Gap, Kind};
use super::weights::WEIGHTS as W;
use crate::analysis::lexicon::compiled::work_parts;
use crate::analysis::lexicon::{self, flag};
use crate::analysis::people::EntityKind;

/// "the X" is rarely a person; "in X", "at X" is rarely one; nor is "the
/// newspaper X".
pub fn preceding_word(ctx: &Ctx) -> f32 {
    let Some(b) = ctx.before() else { return 0.0 };
    if ctx.tokens[ctx.cand.first()].gap != Gap::Space {
        return 0.0;
    }
    match ctx.bytes(b) {
        // "the X", and "&" in a firm's name ("Caufield & Byers")
        b"the" | b"The" | b"&" => W.after_the,
        b"in" | b"at" | b"near" | b"In" | b"At" => W.after_in,
        b"of" | b"from" if after_named_comma(ctx, b) => W.after_in,
        b"of" | b"for" if of_a_body(ctx, b) => W.after_in,
        _ if kind_noun(ctx, b).is_some() => W.after_kind_noun,
        _ => 0.0,
    }
}

/// "the Department of Justice", "the Bank of Tellco", "the Campaign for
/// Real Ale": the "of" or "for" at `b` follows a body's capitalised noun,
/// so the name after it is the body's.
fn of_a_body(ctx: &Ctx, b: usize) -> bool {
    b >= 1 && ctx.tokens[b - 1].cap && lexicon::small_flags(ctx.bytes(b - 1)) & flag::BODY_NOUN != 0
}

/// "Ann Roe, of Tellco Boyd, said", "Jo Tan, from Harlow Vantrell": the
/// "of" or "from" at `b` opens an aside after a name, which says where
/// the person is from or works: a place or a body.
fn after_named_comma(ctx: &Ctx, b: usize) -> bool {
    b >= 2 && ctx.bytes(b - 1) == b"," && ctx.tokens[b - 2].cap
}

/// A lower-case organisation or place noun right before the phrase: "the
/// daily newspaper Iltalehti", "his club Essex", "the port of Whittier".
fn kind_noun(ctx: &Ctx, b: usize) -> Option<EntityKind> {
    // 0 unless a lower-case word: then no kind.
    let f = ctx.lower_flags(b);
    if f & (flag::TITLE | flag::HONORIFIC) != 0 {
        None
    } else if f & flag::ORG != 0 {
        Some(EntityKind::Organisation)
    } else if f & flag::PLACE_WORD != 0 {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// The words around the name say it names a thing, not a person: a noun
/// right before it ("search engine firm Google", "the band Keane", "the
/// film Vera Drake", but not "the film Scorsese made": a verb other than a
/// reporting one after the name makes it a clause's subject), or a
/// company's shares ("shares in Jarvis", "Jarvis's shareholders"). Not
/// after a title ("company chairman Qorvath").
pub fn named_as_thing(ctx: &Ctx) -> bool {
    if ctx.cand.role.is_some() || ctx.tokens[ctx.cand.first()].gap != Gap::Space {
        return false;
    }
    let a = ctx.after();
    // Only words can say so: most names stand after "the", a comma or a
    // capitalised word, and before punctuation.
    let word = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.end - t.start > 3)
    };
    if let Some(b) = ctx.before() {
        if word(b) && ctx.lower_flags(b) & flag::THING_BEFORE != 0 && !clause_follows(ctx, a) {
            return true;
        }
        // "a network called Qorvath", "the system dubbed Zbyk"; not the
        // verb ("the firm named Ann Lind as its head", "the party called
        // Ivo Lind a liar"), which an object's complement follows.
        if b > 0
            && matches!(ctx.bytes(b), b"called" | b"dubbed" | b"named")
            && word(b - 1)
            && ctx.lower_flags(b - 1) & flag::THING_BEFORE != 0
            && !complement_follows(ctx, a)
        {
            return true;
        }
        // "US-based Alistair Cragg", "London-based Levy": a person's name.
        let f = ctx.flags();
        let named = f[0] & flag::GIVEN != 0 || (f.len() == 1 && f[0] & flag::SURNAME != 0);
        if !named && ctx.tokens[b].kind == Kind::Word && thing_adjective(ctx.bytes(b)) {
            return true;
        }
        // "Shares in X" opens a sentence as often as not: any case.
        if b > 0
            && ctx.bytes(b) == b"in"
            && lexicon::small_flags(ctx.bytes(b - 1)) & flag::STOCK != 0
        {
            return true;
        }
        // "her role in Vera Drake", "starred in Ann Roe": a work; "his
        // part in Ann Roe's cabinet" is the person's.
        let owner = ctx.cand.possessive || ctx.text[ctx.cand.span.end..].starts_with(['\'', '’']);
        if b > 0 && ctx.bytes(b) == b"in" && !owner && work_parts::contains(ctx.bytes(b - 1)) {
            return true;
        }
    }
    // "Blair shares the view": "shares" after a name is a company's only
    // after a possessive.
    (word(a)
        && ctx.lower_flags(a) & flag::STOCK != 0
        && (ctx.cand.possessive || ctx.bytes(a) != b"shares"))
        || named_as_thing_around(ctx, a)
}

/// The word at `a`, right after a name, opens what a verb of naming
/// says of its object: "named Ann Lind as its head", "called Ivo Lind a
/// liar" ("the system called Qorvath to share files" is a name's).
fn complement_follows(ctx: &Ctx, a: usize) -> bool {
    matches!(
        ctx.bytes(a),
        b"as" | b"a" | b"an" | b"the" | b"his" | b"her"
    )
}

/// What else the words around a name say of a thing, rarely asked (a
/// comma or a bracket must follow or precede): its initials after it
/// ("Hewlett Packard (HP)"), "which" after it ("Euronext, which
/// combines"), or a body's noun in apposition before it at a clause's
/// end ("the rural affairs ministry, Defra."). Not for a given name.
fn named_as_thing_around(ctx: &Ctx, a: usize) -> bool {
    if ctx.flags()[0] & flag::GIVEN != 0 {
        return false;
    }
    match ctx.bytes(a) {
        b"(" => initials_follow(ctx, a),
        b"," => ctx.bytes(a + 1) == b"which" && !ends_list(ctx) || body_noun_before(ctx),
        b"." | b")" | b";" => body_noun_before(ctx),
        _ => false,
    }
}

/// "a gig starring Keane and Jools Holland, which raised": the last of a
/// list, after which "which" is the thing the list belongs to.
fn ends_list(ctx: &Ctx) -> bool {
    ctx.before()
        .is_some_and(|b| matches!(ctx.bytes(b), b"and" | b"or" | b"&"))
}

/// "Hewlett Packard (HP)": the capitals in brackets after a name of two
/// words or more are their initials (link words aside).
fn initials_follow(ctx: &Ctx, open: usize) -> bool {
    if ctx.cand.parts.len() < 2 || ctx.bytes(open + 2) != b")" {
        return false;
    }
    let acronym = ctx.bytes(open + 1);
    let mut initials = ctx
        .cand
        .words(ctx.text, ctx.tokens)
        .filter_map(|w| w.bytes().next().filter(u8::is_ascii_uppercase));
    acronym.len() >= 2
        && acronym.iter().all(|&b| initials.next() == Some(b))
        && initials.next().is_none()
}

/// "the rural affairs ministry, Defra": the phrase before the comma is
/// "the" and at most three words, the last a body's noun; the name is in
/// no surname list.
fn body_noun_before(ctx: &Ctx) -> bool {
    // "They thanked the club, Ferguson.": a known surname stays a name.
    if ctx.flags().iter().any(|&f| f & flag::SURNAME != 0) {
        return false;
    }
    let Some(comma) = ctx.before().filter(|&b| ctx.bytes(b) == b",") else {
        return false;
    };
    let Some(noun) = comma.checked_sub(1) else {
        return false;
    };
    if !(ctx.tokens[noun].kind == Kind::Word
        && !ctx.tokens[noun].cap
        && organisation_head(ctx.bytes(noun)))
    {
        return false;
    }
    (noun.saturating_sub(APPOSITION_WORDS)..noun)
        .rev()
        .take_while(|&i| ctx.tokens[i].kind == Kind::Word)
        .any(|i| ctx.bytes(i) == b"the")
}

/// How many words may stand between "the" and a body's noun before a
/// name in apposition ("the rural affairs ministry, Defra").
const APPOSITION_WORDS: usize = 3;

/// "Denver-based", "state-owned": a word, a hyphen and a participle that
/// says the name after it is a company's or an organisation's (not a
/// given name's: "US-based Alistair Cragg").
fn thing_adjective(word: &[u8]) -> bool {
    // From the end, lower-case letters back to the hyphen: most words stop
    // at their first letter ("Zbyk") or have no hyphen.
    let Some(h) = word.iter().rposition(|c| !c.is_ascii_lowercase()) else {
        return false;
    };
    word[h] == b'-'
        && h + 1 < word.len()
        && lexicon::lower_case_flags(&word[h + 1..]) & flag::THING_SUFFIX != 0
}

/// Token `a` (right after a name) opens a clause the name is the subject
/// of: a lower-case word that is neither a reporting verb nor a function
/// word ("the film Scorsese made"), or a reporting verb after a given name
/// and a surname ("the traffic service Valentin Valkov said").
pub(super) fn clause_follows(ctx: &Ctx, a: usize) -> bool {
    let Some(t) = ctx.tokens.get(a) else {
        return false;
    };
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    if ctx.lower_flags(a) & flag::VERB != 0 {
        // "the air traffic service Valentin Valkov said": a given name
        // and a reporting verb say person.
        return ctx.flags().len() > 1 && ctx.flags()[0] & flag::GIVEN != 0;
    }
    let w = ctx.bytes(a);
    // `assets/words/clause-function-words.txt`: "is", "which", "and".
    !(is_preposition(w) || lexicon::compiled::clause_function_words::contains(w))
}

/// When a phrase is not a person: a place or an organisation, if it says so.
pub fn other_kind(ctx: &Ctx) -> Option<EntityKind> {
    let f = ctx.flags();
    if f.iter().any(|&x| x & flag::ORG != 0) {
        return Some(EntityKind::Organisation);
    }
    if ctx.place {
        return Some(EntityKind::Place);
    }
    if ctx.cand.parts.iter().any(|i| ctx.tokens[i].upper) {
        return Some(EntityKind::Organisation);
    }
    let b = ctx.before()?;
    match ctx.bytes(b) {
        b"in" | b"at" | b"near" | b"In" | b"At" => Some(EntityKind::Place),
        b"the" | b"The" => Some(EntityKind::Organisation),
        _ => kind_noun(ctx, b),
    }
}

/// A noun that heads a description of an organisation ("the company
/// that...", "a Polish firm", "the state's largest newspaper"), as
/// written: the tag `head` of `assets/words/orgwords.tsv`. Only nouns
/// that do not also name a person by a role ("producer", "operator") or a
/// place ("city").
pub fn organisation_head(word: &[u8]) -> bool {
    lexicon::lower_case_flags(word) & flag::ORG_HEAD != 0
}

/// A preposition (lower case) that ends a noun phrase's head ("a member
/// of"), opens a sentence's introductory phrase ("In Germany, ...") or
/// stands before a name rather than in it ("Alongside BLM"):
/// `assets/words/prepositions.txt`.
#[inline]
pub fn is_preposition(word: &[u8]) -> bool {
    lexicon::compiled::prepositions::contains(word)
}
