//! Layout evidence: names in sports results and tables, where there is no
//! sentence to read. "1. X (Country)", "X beat Y 6-2", a scorer "(X 29th)",
//! cricket "c X b Y", "X not out", an initial "M. X", a byline "-- X,
//! Moscow Newsroom"; and against: team scores "X 4 Y 4".

use super::evidence::Ctx;
use super::lexicon::flag;
use super::token::Kind;

/// Points from the layout around a candidate.
pub fn score(ctx: &Ctx) -> f32 {
    let mut s = after(ctx);
    if let Some(b) = ctx.before() {
        s += before(ctx, b);
    }
    let initial = ctx.cand.parts.len() >= 2 && is_initial(ctx.word(ctx.cand.first()));
    if initial {
        s += 2.5;
    }
    s
}

/// What follows the name.
fn after(ctx: &Ctx) -> f32 {
    let a = ctx.after();
    let (w1, w2) = (ctx.word(a), ctx.word(a + 1));
    let num = |i: usize| ctx.tokens.get(i).is_some_and(|t| t.kind == Kind::Num);
    let cap = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.cap && t.kind == Kind::Word)
    };
    if (num(a) && is_ordinal(w1)) || (w1 == "(" && num(a + 1) && is_ordinal(w2)) {
        return 2.5; // a scorer and the minute: "(Bobic 47th)"
    }
    if matches!((w1, w2), ("not" | "run", "out"))
        || (matches!(w1, "c" | "b" | "lbw" | "st") && cap(a + 1))
    {
        return 2.5; // cricket: "X not out 37", "X c Y b Z"
    }
    if w1 == "(" && cap(a + 1) {
        return 1.5; // "(Sweden)", "(Cagliari)"
    }
    if num(a) && is_set_score(w1) && num(a + 1) && is_set_score(w2) {
        return 1.5; // tennis: "X 6-2 6-3" (one score alone is a team's)
    }
    if w1 == "of"
        && ctx
            .tokens
            .get(a + 1)
            .is_some_and(|t| t.flags(ctx.text) & flag::PLACE != 0)
    {
        return 1.5; // "Thomas Muster of Austria"
    }
    if w1 == "," && newsroom(ctx, a + 1) {
        return 2.5;
    }
    if num(a) && !w1.contains('-') && cap(a + 1) && num(a + 2) {
        return -2.0; // team scores: "St Pauli 4 Schalke 4"
    }
    0.0
}

/// What precedes the name (or its role).
fn before(ctx: &Ctx, b: usize) -> f32 {
    let w = ctx.word(b);
    match w {
        "c" | "b" | "lbw" | "st" => return 3.0,
        "beat" | "beats" | "bt" | "defeated" | "beating" => return 1.0,
        "v" | "vs" | "vs." => return 0.5, // teams meet this way too
        _ => {}
    }
    // "1. X" or "3 - X" at the start of a line.
    let enumerated = matches!(w, "." | "-")
        && b > 0
        && ctx.tokens[b - 1].kind == Kind::Num
        && ctx.tokens[b - 1].sent_start;
    if enumerated { 1.5 } else { 0.0 }
}

/// ", Moscow Newsroom" after a reporter's name.
fn newsroom(ctx: &Ctx, from: usize) -> bool {
    (from..from + 4)
        .map_while(|i| ctx.tokens.get(i).filter(|t| t.cap))
        .any(|t| {
            matches!(
                t.text(ctx.text),
                "Newsroom" | "Newsdesk" | "Bureau" | "Desk"
            )
        })
}

pub fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// "6-3", "7-6": a set score.
fn is_set_score(w: &str) -> bool {
    let b = w.as_bytes();
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
