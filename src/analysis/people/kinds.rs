//! What a phrase is when it is not a person: a place or an organisation,
//! from its words and the word before it ("in X", "the newspaper X").

use super::evidence::Ctx;
use super::token::Gap;
use super::weights::WEIGHTS as W;
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
        _ if kind_noun(ctx, b).is_some() => W.after_kind_noun,
        _ => 0.0,
    }
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
/// stands before a name rather than in it ("Alongside BLM").
pub fn is_preposition(word: &[u8]) -> bool {
    matches!(
        word,
        b"of"
            | b"in"
            | b"at"
            | b"on"
            | b"for"
            | b"from"
            | b"to"
            | b"by"
            | b"with"
            | b"after"
            | b"before"
            | b"across"
            | b"outside"
            | b"inside"
            | b"within"
            | b"throughout"
            | b"under"
            | b"like"
            | b"unlike"
            | b"besides"
            | b"beyond"
            | b"since"
            | b"during"
            | b"despite"
            | b"among"
            | b"behind"
            | b"near"
            | b"over"
            | b"through"
            | b"without"
            | b"alongside"
            | b"amid"
            | b"following"
            | b"including"
            | b"according"
            | b"as"
            | b"into"
    )
}
