//! Layout evidence: names in sports results and tables, where there is no
//! sentence to read. "1. X (Country)", "X beat Y 6-2", a scorer "(X 29th)",
//! cricket "c X b Y", "X not out", an initial "M. X", a byline "-- X,
//! Moscow Newsroom"; and against: team scores "X 4 Y 4".

use super::evidence::Ctx;
use super::token::{Gap, Kind};
use super::weights::WEIGHTS as W;
use crate::analysis::lexicon::compiled::{newsroom_words, sport_words};
use crate::analysis::lexicon::flag;

/// Points from the layout around a candidate.
pub fn score(ctx: &Ctx) -> f32 {
    let mut s = after(ctx);
    if let Some(b) = ctx.before() {
        s += before(ctx, b);
    }
    let initial = ctx.cand.parts.len() >= 2 && is_initial(ctx.word(ctx.cand.first()));
    if initial {
        s += W.initial;
    }
    s
}

/// What follows the name.
fn after(ctx: &Ctx) -> f32 {
    let a = ctx.after();
    let w1 = ctx.bytes(a);
    if let Some(s) = scores(ctx, a) {
        return s;
    }
    if w1 == b"(" && cap(ctx, a + 1) {
        return W.bracketed_after; // "(Sweden)", "(Cagliari)"
    }
    let place = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.flags(ctx.text) & flag::PLACE != 0)
    };
    if w1 == b"of" && place(a + 1) {
        return W.of_place; // "Thomas Muster of Austria"
    }
    if w1 == b"," && newsroom(ctx, a + 1) {
        return W.newsroom;
    }
    if num(ctx, a) && !w1.contains(&b'-') && cap(ctx, a + 1) && num(ctx, a + 2) {
        return W.team_score; // team scores: "St Pauli 4 Schalke 4"
    }
    let given = ctx.flags()[0] & flag::GIVEN != 0 && ctx.flags()[0] & flag::COMMON == 0;
    let next_line = ctx
        .tokens
        .get(a)
        .is_some_and(|t| t.gap == Gap::Line && t.name_like);
    if given && ctx.cand.parts.len() == 1 && next_line {
        return W.surname_next_line; // a given name, its surname on the next line
    }
    0.0
}

/// Numbers after a name: a scorer's minute, a batsman's runs, set scores,
/// golf rounds.
fn scores(ctx: &Ctx, a: usize) -> Option<f32> {
    let (w1, w2, w3) = (ctx.bytes(a), ctx.bytes(a + 1), ctx.bytes(a + 2));
    let out = |x: &[u8], y: &[u8]| matches!((x, y), (b"not" | b"run", b"out"));
    if (num(ctx, a) && is_ordinal(w1)) || (w1 == b"(" && num(ctx, a + 1) && is_ordinal(w2)) {
        return Some(W.scorer_minute); // a scorer and the minute: "(Bobic 47th)"
    }
    let cricket = out(w1, w2) || (num(ctx, a) && out(w2, w3));
    if cricket || (sport_words::cricket(w1) && cap(ctx, a + 1)) {
        return Some(W.cricket_after); // cricket: "X not out 37", "X 169 not out", "X c Y b Z"
    }
    let listed = ctx
        .before()
        .is_some_and(|b| matches!(ctx.bytes(b), b"(" | b","));
    let bare = num(ctx, a) && !w1.contains(&b'-') && matches!(w2, b")" | b",");
    if listed && bare && inside_brackets(ctx) {
        return Some(W.scorers_listed); // "(Zorc 59, Moeller 73)", "(Saeed Anwar 57)"
    }
    if num(ctx, a) && is_set_score(w1) && num(ctx, a + 1) && is_set_score(w2) {
        return Some(W.set_scores); // tennis: "X 6-2 6-3" (one score alone is a team's)
    }
    let given = ctx.flags()[0] & flag::GIVEN != 0 && ctx.flags()[0] & flag::COMMON == 0;
    let rounds = num(ctx, a) && num(ctx, a + 1) && !w1.contains(&b'-');
    (given && ctx.cand.parts.len() >= 2 && rounds).then_some(W.golf_rounds) // "Iain Pyman 71 75"
}

fn num(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| t.kind == Kind::Num)
}

fn cap(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens
        .get(i)
        .is_some_and(|t| t.cap && t.kind == Kind::Word)
}

/// How far back the bracket of a scorers' list may open ("(Zorc 59,
/// Moeller 73, ...)"): a dozen scorers, each a name, a minute and a comma.
const BRACKET_REACH: usize = 40;

/// The candidate stands inside brackets opened on its line: "(" comes
/// before it with no ")" in between.
fn inside_brackets(ctx: &Ctx) -> bool {
    let first = ctx.cand.first();
    for i in (first.saturating_sub(BRACKET_REACH)..first).rev() {
        let t = ctx.tokens[i];
        if t.is_punct(ctx.text, ')') || t.gap == Gap::Para {
            return false;
        }
        if t.is_punct(ctx.text, '(') {
            return true;
        }
    }
    false
}

/// What precedes the name (or its role): a word of a sports result
/// (`assets/words/sport-words.tsv`), a rank.
fn before(ctx: &Ctx, b: usize) -> f32 {
    let w = ctx.bytes(b);
    if sport_words::cricket(w) {
        return W.cricket_before;
    }
    if sport_words::beaten(w) {
        return W.beaten;
    }
    if sport_words::versus(w) {
        return W.versus; // teams meet this way too
    }
    // "1. X" or "3 - X" at the start of a line.
    let enumerated = matches!(w, b"." | b"-")
        && b > 0
        && ctx.tokens[b - 1].kind == Kind::Num
        && ctx.tokens[b - 1].sent_start;
    if enumerated { W.ranked } else { 0.0 }
}

/// ", Moscow Newsroom" after a reporter's name
/// (`assets/words/newsroom-words.txt`).
fn newsroom(ctx: &Ctx, from: usize) -> bool {
    (from..from + 4)
        .map_while(|i| ctx.tokens.get(i).filter(|t| t.cap))
        .any(|t| newsroom_words::contains(t.text(ctx.text).as_bytes()))
}

pub fn is_ordinal(b: &[u8]) -> bool {
    let n = b.len();
    n >= 3
        && matches!(&b[n - 2..], b"st" | b"nd" | b"rd" | b"th")
        && b[..n - 2].iter().all(u8::is_ascii_digit)
}

/// "6-3", "7-6": a set score.
fn is_set_score(b: &[u8]) -> bool {
    b.len() == 3 && b[0].is_ascii_digit() && b[1] == b'-' && b[2].is_ascii_digit()
}

fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people::candidates;
    use crate::analysis::people::token::tokenize;

    fn layout(text: &str, name: &str) -> f32 {
        let tokens = tokenize(text);
        let cands = candidates::find(text, &tokens);
        let c = cands
            .iter()
            .find(|c| c.name(text, &tokens) == name)
            .expect("candidate");
        score(&Ctx::new(text, &tokens, c))
    }

    #[test]
    fn each_layout_rule_fires_and_holds_back() {
        // (text, name, expected sign: 1 for, 0 none, -1 against)
        let rows: &[(&str, &str, i8)] = &[
            ("Leeds 1 (Qorvath 58th minute) Wimbledon 0", "Qorvath", 1),
            ("Brann - Zbyk Qorvath (10th), Jan Ove", "Zbyk Qorvath", 1),
            ("Atherton c Qorvath b Akram 43", "Qorvath", 1),
            ("Qorvath not out 37", "Qorvath", 1),
            ("Qorvath hit out at them", "Qorvath", 0),
            (
                "Pakistan 318-2 (Zbyk Ulla 169 not out, Ijaz Ahmed 61).",
                "Zbyk Ulla",
                1,
            ),
            (
                "Heerenveen 4 (Qorvath 15, Hansma 24, Wouden 70).",
                "Hansma",
                1,
            ),
            ("He scored (Qorvath 15) later.", "Qorvath", 1),
            ("He counted Qorvath 15, then left.", "Qorvath", 0),
            ("146 Paul Ulla 71 75, Eduardo Romero 70 76", "Paul Ulla", 1),
            ("Borussia Ulla 4 3 1 0 9 2 10", "Borussia Ulla", 0),
            (
                "Paul Eales 67 68, Wayne\nRiley (Australia) 64 71",
                "Wayne",
                1,
            ),
            ("Paul Eales 67 68, Wayne said so", "Wayne", 0),
            (
                "3 - Jana Qorvath (Czech Republic) beat her",
                "Jana Qorvath",
                1,
            ),
            ("Jana Qorvath beat Zbyk Ulla 6-2 6-3", "Zbyk Ulla", 1),
            ("Zbyk Ulla won 6-2 6-3", "Zbyk Ulla", 0),
            ("Porto beat Zbyk Ulla 2-1 away", "Zbyk Ulla", 1),
            ("Zbyk Ulla 2-1 away", "Zbyk Ulla", 0),
            ("top seed Zbyk Ulla of Austria won", "Zbyk Ulla", 1),
            ("-- Zbyk Ulla, Moscow Newsroom +7095", "Zbyk Ulla", 1),
            ("He met M. Qorvath there.", "M. Qorvath", 1),
            ("Qorvath Ulla 4 Schalke 4", "Qorvath Ulla", -1),
            ("Qorvath Ulla 69 71, Zbyk 70 70", "Qorvath Ulla", 0),
            ("He met Zbyk Ulla there.", "Zbyk Ulla", 0),
        ];
        for &(text, name, sign) in rows {
            let s = layout(text, name);
            let got = if s > 0.0 {
                1
            } else if s < 0.0 {
                -1
            } else {
                0
            };
            assert_eq!(got, sign, "{text}: {name} scored {s}");
        }
    }
}
