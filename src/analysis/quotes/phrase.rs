//! Noun phrases around a reporting cue: the speaker phrase before it
//! (skipping adverbs, times, appositions and relative clauses) or after it,
//! and the small word classes that bound a phrase.

use super::cues;
use super::words::{Kind, Token};
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::{
    aside_openers, not_adverbs, spokes_nouns, time_openers, title_prefixes,
};
use crate::analysis::lexicon::{self, Filter, Flags, flag};

/// The longest a speaker phrase may be, in words.
pub(super) const MAX_PHRASE: usize = 9;

/// How many rounds of asides, times and adverbs may stand between a
/// subject and its verb: "Harry Bond, 30, of Raleigh, N.C., who was
/// polled, said" takes several; more are a run-on clause, not a subject.
const ASIDE_ROUNDS: usize = 6;

/// How many tokens back a party tag's opening bracket may be: "(R-OH)",
/// "(D-N.Y.)" split into up to six.
const PARTY_TAG_TOKENS: usize = 8;

/// The longest a party tag is, in bytes, with its state: "D-N.Y.", "R-Ohio".
const PARTY_TAG_BYTES: usize = 12;

/// How far back an unclosed aside may open before the phrase that ends
/// it ("Sam Lau, the communications director for the party said"): a
/// title phrase's length; further back, the comma is another clause's.
const UNCLOSED_ASIDE_TOKENS: usize = 12;

/// How far back the comma that opens an aside may be (`Ayrault, the
/// foreign minister of France, a member of the Council, said`): two or
/// three descriptions; a sentence's whole length would take in a list.
const ASIDE_TOKENS: usize = 30;

/// The subject of the clause that ends at the end of `tokens`: its first
/// noun phrase, after an opening phrase cut off by a comma ("In 2016, Mrs.
/// Schlafly endorsed Trump, saying …").
pub(super) fn clause_subject(tokens: &[Token]) -> Option<Span> {
    let mut from = usize::from(opens_with_adverb(tokens));
    for _ in 0..4 {
        let first = tokens.get(from)?;
        // "However, Ann Roe denied it": an adverb cut off by a comma.
        let adverb = || {
            tokens.get(from + 1).is_some_and(|t| t.is(','))
                && is_adverb(&first.text.to_ascii_lowercase())
        };
        let opener = lower(first).is_some()
            || adverb()
            || adverb_of_time(tokens, from)
            || is_preposition(first.text)
            || opens_with_time(tokens, from)
            || (from > 0 && ends_a_place(tokens, from));
        if !opener {
            return phrase_after(tokens, from).map(|phrase| before_verb(tokens, from, phrase));
        }
        from += tokens[from..].iter().position(|t| t.is(','))? + 1;
    }
    None
}

/// "Shortly after the match,", "Soon afterwards,": an adverb before
/// "after" or "before" opens a phrase of time at `from`.
fn adverb_of_time(tokens: &[Token], from: usize) -> bool {
    let word = tokens[from].text.to_ascii_lowercase();
    (word == "soon" || is_any_adverb(&word))
        && tokens
            .get(from + 1)
            .and_then(lower)
            .is_some_and(|w| one_of(w, &["after", "before", "afterwards"]))
}

/// An adverb of time opens the clause with no comma before a name:
/// "Earlier Tory leader Ivo Lind sent …" (`assets/words/adverbs.txt`,
/// `assets/words/time-words.txt`).
fn opens_with_adverb(tokens: &[Token]) -> bool {
    let (Some(first), Some(next)) = (tokens.first(), tokens.get(1)) else {
        return false;
    };
    let word = first.text.to_ascii_lowercase();
    first.is_capitalised() && next.is_capitalised() && (is_adverb(&word) || is_time_word(&word))
}

/// A clause's subject ends before its verb: "Romney went after Trump" is
/// "Romney". After a capitalised word only a word of a title ("campaign
/// manager"), or "of", goes on.
fn before_verb(tokens: &[Token], from: usize, phrase: Span) -> Span {
    let words = tokens[from..]
        .iter()
        .take_while(|t| t.span.end <= phrase.end)
        .collect::<Vec<_>>();
    let cut = (1..words.len()).find(|&k| {
        // "US behemoth General Electric": a noun before a name goes on;
        // a verb before "Mr" and a name does not ("Ivo Lind sent Mr Ash").
        let before_name = words
            .get(k + 1)
            .is_some_and(|t| t.is_capitalised() && lexicon::flags(t.text) & flag::HONORIFIC == 0);
        words[k - 1].is_capitalised()
            && lower(words[k]).is_some_and(|w| {
                let noun_before_name = before_name && !w.ends_with("ed");
                w != "of" && !is_title_like(w) && !noun_before_name
            })
    });
    match cut {
        Some(k) => Span::new(phrase.start, words[k - 1].span.end),
        None => phrase,
    }
}

/// A word of a title or a body, also in the plural or with "co-" or
/// "vice-" (`assets/words/title-prefixes.txt`): "campaign",
/// "co-chairman", "analysts".
fn is_title_like(word: &str) -> bool {
    const TITLE: Flags =
        flag::TITLE | flag::QUALIFIER | flag::ORG | flag::ROLE_NOUN | flag::SPEAKING_ORG;
    let word = title_prefixes::WORDS
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word);
    let title = |w: &str| lexicon::small_flags(w.as_bytes()) & TITLE != 0;
    title(word) || word.strip_suffix('s').is_some_and(title)
}

/// "Speaking in Salem, New Hampshire, Trump said": after an opening
/// phrase, a place between commas at `from` completes the place before.
fn ends_a_place(tokens: &[Token], from: usize) -> bool {
    let Some(comma) = tokens[from..].iter().take(4).position(|t| t.is(',')) else {
        return false;
    };
    let words = &tokens[from..from + comma];
    !words.is_empty()
        && words.iter().all(Token::is_capitalised)
        && lexicon::phrase_flags(words.iter().map(|t| t.text)) & flag::PLACE != 0
}

/// An opening phrase of time from `from` to its comma: "Sunday morning,",
/// "Hours later,", "Two days ago,": no subject there.
fn opens_with_time(tokens: &[Token], from: usize) -> bool {
    let Some(comma) = tokens[from..].iter().take(5).position(|t| t.is(',')) else {
        return false;
    };
    let last = comma.checked_sub(1).and_then(|i| lower(&tokens[from + i]));
    is_time_word(tokens[from].text)
        || lexicon::flags(tokens[from].text) & flag::TIME != 0
        || matches!(last, Some("later" | "earlier" | "ago"))
}

/// Opens a phrase before a clause's subject: "In", "Speaking"
/// (`assets/words/clause-openers.txt`), or a participle.
pub(super) fn is_preposition(word: &str) -> bool {
    // "Weighing in on the debate, …", "Preceded at the lectern by …".
    let participle = word.len() > 4 && (word.ends_with("ing") || word.ends_with("ed"));
    lexicon::exact_flags(word.as_bytes(), Filter::CLAUSE_OPENERS) & flag::CLAUSE_OPENER != 0
        || participle
}

/// Skips the adverbs before `at` (`assets/words/adverbs.txt`, and words
/// in "-ly" but those of `assets/words/not-adverbs.txt`).
pub(super) fn skip_adverbs(tokens: &[Token], at: usize) -> usize {
    let mut i = at;
    while i > 0 && lower(&tokens[i - 1]).is_some_and(is_any_adverb) {
        i -= 1;
    }
    i
}

/// A lower-case adverb: listed (`assets/words/adverbs.txt`), or in "-ly"
/// but those of `assets/words/not-adverbs.txt` ("family", "early").
fn is_any_adverb(word: &str) -> bool {
    is_adverb(word)
        || word.len() > 4 && word.ends_with("ly") && !not_adverbs::contains(word.as_bytes())
}

/// The speaker phrase before the cue at `at`, skipping adverbs, a time,
/// an apposition or relative clause between commas, or a parenthesis.
/// Returns the phrase and the index of its first token.
pub(super) fn subject_before(tokens: &[Token], at: usize) -> Option<(Span, usize)> {
    let mut end = skip_time(tokens, skip_adverbs(tokens, at));
    // "Stevie Wonder, who joked", "Qorvath Group, which said": the
    // relative pronoun stands for the name ("which" for a name only: "the
    // chart show, which suggests" is no speaker).
    let relative = |w: &str| {
        w == "who"
            || w == "which"
                && tokens
                    .get(end.wrapping_sub(3))
                    .is_some_and(Token::is_capitalised)
    };
    // "The IAAF - which said": a dash opens the clause as well.
    let opens = |t: &Token| t.is(',') || t.is('-') || is_dash(t);
    let relative =
        end >= 3 && lower(&tokens[end - 1]).is_some_and(relative) && opens(&tokens[end - 2]);
    // After an age, the comma before "who" stays, so that the age is
    // skipped as an aside: "Ann Roe, 49, who said". Any other word before
    // the comma is the subject ("the Mexican president, who said").
    if relative {
        let age =
            tokens[end - 2].is(',') && tokens[end - 3].text.bytes().all(|b| b.is_ascii_digit());
        end -= if age { 1 } else { 2 };
    }
    // A few rounds: "Harry Bond, 30, of Raleigh, N.C., who was polled, said".
    for _ in 0..ASIDE_ROUNDS {
        let before = end;
        end = skip_adverbs(tokens, end);
        end = skip_time(tokens, end);
        if end >= 2 && tokens[end - 1].is(',') && party_tag_before(tokens, end - 1) {
            // "Gov. John Kasich (R-OH), said": a stray comma after the
            // party tag, which the next round skips.
            end -= 1;
        } else if end > 0 && (tokens[end - 1].is(',') || is_dash(&tokens[end - 1])) {
            // Not an aside: a stray comma between subject and verb.
            let close = end - 1;
            end = match aside_start(tokens, close) {
                Some(open) if !names_a_role(tokens, open, &tokens[open + 1..close]) => open,
                _ => close,
            };
        } else if end > 0 && tokens[end - 1].is(')') {
            end = tokens[..end - 1].iter().rposition(|t| t.is('('))?;
        }
        if before == end {
            break;
        }
    }
    let (phrase, start) = phrase_before(tokens, end)?;
    // "critics in the US, who said": the clause is about the critics,
    // not the place they are in.
    if relative && let Some(at) = place_before(tokens, start) {
        return phrase_before(tokens, at);
    }
    if let Some(found) = place_after_place(tokens, start) {
        return Some(found);
    }
    if let Some(found) = role_for_place(tokens, start) {
        return Some(found);
    }
    Some(unclosed_aside(tokens, start).unwrap_or((phrase, start)))
}

/// The "in" of "in the US" or "in Leeds" right before the phrase at
/// `start`, after a word ("fans in Leeds", "Ann Roe in Leeds").
fn place_before(tokens: &[Token], start: usize) -> Option<usize> {
    let the = start.checked_sub(1).filter(|&i| tokens[i].text == "the");
    let at = the.unwrap_or(start).checked_sub(1).filter(|&at| at > 0)?;
    (tokens[at].text == "in" && tokens[at - 1].kind == Kind::Word).then_some(at)
}

/// A party and state tag in parentheses ends right before `at`: "(R-OH)",
/// "(D-N.Y.)".
fn party_tag_before(tokens: &[Token], at: usize) -> bool {
    let Some(close) = at.checked_sub(1).filter(|&c| tokens[c].is(')')) else {
        return false;
    };
    let Some(open) = (close.saturating_sub(PARTY_TAG_TOKENS)..close)
        .rev()
        .find(|&i| tokens[i].is('('))
    else {
        return false;
    };
    let tag: String = tokens[open + 1..close].iter().map(|t| t.text).collect();
    tag.len() <= PARTY_TAG_BYTES && ["R-", "D-", "I-"].iter().any(|p| tag.starts_with(p))
}

/// "Stacy Baker of Columbia, South Carolina says": a place phrase at
/// `start` that completes the place of an "of" before it ("of Columbia,")
/// belongs to the phrase before the comma.
fn place_after_place(tokens: &[Token], start: usize) -> Option<(Span, usize)> {
    let comma = start.checked_sub(1).filter(|&c| tokens[c].is(','))?;
    let words = tokens[start..].iter().take_while(|t| t.is_capitalised());
    let place = words.clone().count() > 0
        && lexicon::phrase_flags(words.map(|t| t.text)) & flag::PLACE != 0;
    let of = (comma.saturating_sub(4)..comma)
        .rev()
        .find(|&i| tokens[i].text == "of")?;
    let named = tokens[of + 1..comma].iter().all(Token::is_capitalised);
    (place && named && of > 0)
        .then(|| phrase_before(tokens, comma))
        .flatten()
}

/// How many words the place after "the MP for" may hold, with its "and".
const SEAT_WORDS: usize = 6;

/// "The MP for Sittingbourne and Sheppey said": a role and the place or
/// body it is for, after a determiner, is a description of a person; the
/// name at `start` ends the place, and is not the speaker. Not a
/// spokesman's (whose body speaks).
fn role_for_place(tokens: &[Token], start: usize) -> Option<(Span, usize)> {
    let link = (start.saturating_sub(SEAT_WORDS)..start)
        .rev()
        .take_while(|&i| tokens[i].is_capitalised() || tokens[i].text == "and")
        .last()
        .unwrap_or(start)
        .checked_sub(1)?;
    if !one_of(tokens[link].text, &["for", "of"]) || link < 2 || !tokens[start].is_capitalised() {
        return None;
    }
    let (det, role) = (&tokens[link - 2], &tokens[link - 1]);
    (is_determiner(det.text)
        && !det.is_possessive()
        && is_role_noun_word(role.text)
        && !spokes_nouns::contains(role.text.to_ascii_lowercase().as_bytes()))
    .then(|| (join(det.span, role.span), link - 2))
}

/// A title noun in any case: "head", "Mayor", "MP".
fn is_role_noun_word(word: &str) -> bool {
    lexicon::small_flags(word.as_bytes()) & flag::TITLE != 0
}

/// A lower-case role noun: "head", "director", "spokesman".
pub(super) fn is_role_noun(token: &Token) -> bool {
    lower(token).is_some_and(is_role_noun_word)
}

/// A title written in capitals: "CEO", "MP" ("Tellco's CEO, Ann Roe,
/// said").
fn is_capital_title(token: &Token) -> bool {
    token.text.len() > 1
        && token.text.bytes().all(|b| b.is_ascii_uppercase())
        && is_role_noun_word(token.text)
}

/// "Sam Lau, the communications director for the party said": an aside
/// whose closing comma is missing, so the phrase before the cue is the
/// end of the aside. The name before the aside's comma is the subject.
fn unclosed_aside(tokens: &[Token], start: usize) -> Option<(Span, usize)> {
    let first = tokens.get(start)?;
    let inside = (start.saturating_sub(UNCLOSED_ASIDE_TOKENS)..start)
        .rev()
        .take_while(|&i| {
            tokens[i].kind != Kind::Quote
                && !tokens[i].is('.')
                && lower(&tokens[i]).is_none_or(|w| cues::cue(w, None).is_none())
        });
    let comma = inside.clone().find(|&i| tokens[i].is(','))?;
    let relative = inside
        .take_while(|&i| i > comma)
        .any(|i| lower(&tokens[i]) == Some("who"));
    let opens = tokens
        .get(comma + 1)
        .is_some_and(|t| one_of(t.text, &["the", "a", "an", "who", "whose"]));
    // "Paul Gee, head of Preventon told", "Ann Roe, a strategist at
    // Tellco said", "Ivo Lind, of the Centre for Transport in Leeds
    // said", "Jo Tan, from the Tellco Institute told": a role with no
    // name, or "of", "from" or "at", opens the aside, and the phrase
    // before the cue is the body or the place it names.
    let role = (role_opens(&tokens[comma + 1..start])
        || one_of(tokens[comma + 1].text, &["of", "from", "at"]))
        && start > 0
        && one_of(tokens[start - 1].text, &["of", "at", "for", "from", "in"]);
    // "Ann Roe, Tellco chief executive said", "Ivo Lind, Tellco's head
    // said": a body's name and a role in lower case, with nothing after
    // the role but the cue.
    let body = tokens[start..]
        .iter()
        .take_while(|t| t.is_capitalised())
        .count();
    let role_words = &tokens[start + body..];
    let cue_at = role_words
        .iter()
        .take(ROLE_OPENS_WORDS + 1)
        .position(|t| lower(t).is_some_and(|w| cues::cue(w, None).is_some()));
    let body_role = comma + 1 == start
        && body > 0
        && cue_at.is_some_and(|c| {
            role_words[..c].iter().all(Token::is_lowercase) && role_opens(&role_words[..c])
        });
    // "Colin Vasco, Harbour Hotel Association said": a body's name alone
    // is where the person named before the comma is from.
    let body_only = comma + 1 == start
        && cue_at == Some(0)
        && body > 0
        && lexicon::flags(tokens[start + body - 1].text) & flag::ORG != 0;
    // The comma must follow a name, not close an opening phrase ("At a
    // forum in Chelsea, the mayor said") or a time ("On Monday, …").
    let clause = tokens[..comma]
        .iter()
        .rposition(|t| t.is(',') || t.is('.') || t.kind == Kind::Quote)
        .map_or(0, |i| i + 1);
    // "…, but Christoph Caselitz, president of …": a conjunction opens a
    // clause, not a phrase before its subject.
    let clause = clause
        + usize::from(
            clause + 1 < comma
                && tokens[clause].is_lowercase()
                && one_of(tokens[clause].text, &["but", "and", "while", "yet"]),
        );
    let opener = tokens
        .get(clause)
        .is_none_or(|t| is_preposition(t.text) || lower(t).is_some());
    let named = comma > 0
        && tokens[comma - 1].is_capitalised()
        && !is_time_word(tokens[comma - 1].text)
        && !opener;
    ((is_determiner(first.text) || relative) && opens && named
        || (role || body_role || body_only) && named)
        .then(|| phrase_before(tokens, comma))
        .flatten()
}

/// A role opens the words: a role noun, after at most two lower-case
/// words ("head", "a strategist", "senior director").
fn role_opens(words: &[Token]) -> bool {
    words
        .iter()
        .take(ROLE_OPENS_WORDS)
        .take_while(|t| t.is_lowercase())
        .any(is_role_noun)
}

/// How many words [`role_opens`] reads for the role noun.
const ROLE_OPENS_WORDS: usize = 3;

/// Where an aside that ends with the comma (or dash) at `close` begins:
/// `Smith, the former minister, said` · `Cable, who replaced Farron, said`
/// · `Smith, 45, said`. `None` when the words are not an aside.
pub(super) fn aside_start(tokens: &[Token], close: usize) -> Option<usize> {
    let commas = (close.saturating_sub(ASIDE_TOKENS)..close)
        .rev()
        .take_while(|&i| tokens[i].kind != Kind::Quote && !tokens[i].is('.'));
    let opens: Vec<usize> = commas
        .filter(|&i| tokens[i].is(',') || is_dash(&tokens[i]))
        .collect();
    // "Ayrault, the foreign minister of France, a member of the Council,
    // said": the furthest comma that opens an aside right after a name.
    let after_name = opens.iter().rev().copied().find(|&open| {
        open > 0
            && tokens[open - 1].is_capitalised()
            && tokens.get(open + 1).is_some_and(opens_aside)
            && is_aside(&tokens[open + 1..close])
    });
    let open = after_name.or_else(|| opens.first().copied())?;
    // "…the laws, but the thing was the content, said Ash": a comma and a
    // conjunction open a clause, not an aside.
    let clause = tokens
        .get(open + 1)
        .is_some_and(|t| one_of(t.text, &["but", "and", "or", "yet"]));
    (open + 1 < close && !clause && is_aside(&tokens[open + 1..close])).then_some(open)
}

/// How far before a comma the role noun of "secretary to the Treasury,
/// George Osborne," may stand: the noun, "to the", the body.
const ROLE_REACH: usize = 4;

/// "New Zealand's foreign minister, Rāwiri Takerei, said" · "The third,
/// Zipli, warned": a name between commas after a common noun is who the
/// noun is, and the subject of the verb, not an aside to skip.
fn names_a_role(tokens: &[Token], open: usize, words: &[Token]) -> bool {
    // "shadow chief secretary to the Treasury, George Osborne, said": the
    // role may end in the body it serves.
    let role = open > 0
        && (tokens[open - 1].is_lowercase()
            || is_capital_title(&tokens[open - 1])
            || tokens[open.saturating_sub(ROLE_REACH)..open]
                .iter()
                .any(is_role_noun)
            || capital_role(tokens, open)
            || role_of_body(tokens, open));
    role && words.len() <= 4
        && words
            .iter()
            .all(|t| t.is_capitalised() && !is_determiner(t.text))
}

/// "director of the Friends of Parks Trust, Ann Roe, said": a role noun,
/// "of" (or "at", "for") and a body's capitalised name before the comma,
/// however long the name ("the" and "of" may stand inside it).
fn role_of_body(tokens: &[Token], open: usize) -> bool {
    let inner = |t: &Token| one_of(t.text, &["of", "for", "the", "and", "&"]);
    let run_start = (open.saturating_sub(CAPITAL_ROLE_TOKENS)..open)
        .rev()
        .take_while(|&i| tokens[i].is_capitalised() || inner(&tokens[i]))
        .last();
    run_start.is_some_and(|first| {
        first > 0
            && one_of(tokens[first].text, &["of", "at", "for"])
            && tokens[first + 1..open].iter().any(Token::is_capitalised)
            && is_role_noun(&tokens[first - 1])
    })
}

/// How far back [`capital_role`] reads a capitalised role: "The Shadow
/// Secretary of State for the Family".
const CAPITAL_ROLE_TOKENS: usize = 8;

/// "The Kyrgyz President, Askar Akaev, said" · "The Shadow Secretary of
/// State for the Family, Ann Roe, said": a capitalised role after "the"
/// names whoever the commas hold. The run of capitalised words (and "of",
/// "for", "the") before the comma must open with "the" and hold a title
/// noun; a name before it ("Ann Roe and the President, Bo Li,") is a list.
fn capital_role(tokens: &[Token], open: usize) -> bool {
    let connector = |t: &Token| one_of(t.text, &["of", "for", "the"]);
    let run_start = (open.saturating_sub(CAPITAL_ROLE_TOKENS)..open)
        .rev()
        .take_while(|&i| tokens[i].is_capitalised() || connector(&tokens[i]))
        .last();
    run_start.is_some_and(|first| {
        tokens[first].text.eq_ignore_ascii_case("the")
            && tokens[first + 1..open]
                .iter()
                .any(|t| t.is_capitalised() && is_role_noun_word(t.text))
    })
}

/// A list of names ("Smith, Jones, Brown said") is not an aside; a role,
/// an age, a place or a clause has a lower-case word, a number, a
/// possessive, or is a short tag ("R-Ky.", "N.C.").
pub(super) fn is_aside(words: &[Token]) -> bool {
    words.len() <= 2
        || words.iter().any(|t| t.is_lowercase() || t.is_possessive())
        || words[0].text.starts_with(|c: char| c.is_ascii_digit())
}

/// How an apposition or relative clause starts: "the", "a", "who"
/// (`assets/words/aside-openers.txt`), "45".
pub(super) fn opens_aside(token: &Token) -> bool {
    let word = token.text;
    is_determiner(word)
        || aside_openers::contains(word.as_bytes())
        || token.text.starts_with(|c: char| c.is_ascii_digit())
        || token.is_lowercase()
}

/// The noun phrase that ends just before `end`: a pronoun, a name with its
/// title chain, or a determiner and the words after it.
pub(super) fn phrase_before(tokens: &[Token], end: usize) -> Option<(Span, usize)> {
    let last = tokens.get(end.checked_sub(1)?)?;
    if is_pronoun_token(last) {
        return Some((last.span, end - 1));
    }
    let mut start = end;
    while start > 0 && end - start < MAX_PHRASE {
        let t = &tokens[start - 1];
        if t.kind != Kind::Word {
            if start >= 2 && start < end && plural_possessive(&tokens[start - 2], t) {
                start -= 1;
                continue;
            }
            break;
        }
        let word = t.text;
        if t.is_capitalised() && is_determiner(word) {
            // "His comments", "The senator": the determiner opens the phrase.
            start -= 1;
            break;
        }
        let lower_word = lower(t);
        if let Some(w) = lower_word {
            // "Mr. Morgan of the Sierra Club", "Tom Grady from the FDA":
            // "the" inside "of the", "from the".
            let of_the = w == "the"
                && start >= 2
                && (matches!(tokens[start - 2].text, "of" | "from")
                    || for_in_a_body(tokens, start - 2))
                && start < end;
            if is_determiner(w) && !of_the {
                start -= 1;
                break;
            }
            // "Bank of England", and a title chain's "director of rugby
            // Ivo Lind" (a field in lower case: "head of Tellco" is the
            // body an aside names).
            let field_of = || {
                w == "of"
                    && is_role_noun(&tokens[start - 2])
                    && tokens[start].is_lowercase()
                    && !is_determiner(tokens[start].text)
                    && tokens[end - 1].is_capitalised()
            };
            let inner_of = matches!(w, "of" | "from")
                && start < end
                && start >= 2
                && (tokens[start - 2].is_capitalised() || field_of());
            let inner = inner_of
                || joins_roles(tokens, start - 1, end)
                || and_in_a_body(tokens, start - 1)
                || for_in_a_body(tokens, start - 1);
            if (is_stop(w) && !inner) || is_pronoun(w) || cues::cue(w, None).is_some() {
                break;
            }
        } else if !t.is_capitalised() && !word.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        } else if start < end && opens_a_date(tokens, start - 1) {
            // "On Monday Google said": the date is no part of the name.
            break;
        }
        start -= 1;
    }
    (start < end).then(|| (join(tokens[start].span, last.span), start))
}

/// "and" at `at` joins two roles of one title chain inside a phrase that
/// ends at `end`: "chairman and chief executive Richard Parsons". Roles
/// are the title words of the lexicon.
fn joins_roles(tokens: &[Token], at: usize, end: usize) -> bool {
    let role = |i: usize| {
        tokens
            .get(i)
            .filter(|_| i < end)
            .and_then(lower)
            .is_some_and(|w| {
                lexicon::small_flags(w.as_bytes()) & (flag::TITLE | flag::QUALIFIER) != 0
            })
    };
    tokens[at].text == "and" && at > 0 && role(at - 1) && role(at + 1)
}

/// "and" at `at` joins two lower-case words of a title chain that goes
/// on to a name: "said Tellco president and chief executive Ivo Lind",
/// "said music and marketing manager Ann Roe" ("said Ivo Lind and Ann
/// Roe" are two people).
fn joins_lower_roles(tokens: &[Token], at: usize) -> bool {
    tokens[at].text == "and"
        && at > 0
        && lower(&tokens[at - 1]).is_some()
        && tokens.get(at + 1).is_some_and(|t| lower(t).is_some())
        && is_title_word(tokens, at + 1)
}

/// How many capitalised words after "and" [`and_in_a_body`] reads for
/// the organisation word that ends the name.
const BODY_AFTER_AND: usize = 3;

/// "for" at `at` joins two parts of one body's name, after an
/// organisation word: "the Department for Transport", "the Campaign for
/// the Arts" ("Tellco for Ann Roe" is no name).
fn for_in_a_body(tokens: &[Token], at: usize) -> bool {
    let next = match tokens.get(at + 1) {
        Some(t) if t.text == "the" => tokens.get(at + 2),
        next => next,
    };
    tokens[at].text == "for"
        && at > 0
        && tokens[at - 1].is_capitalised()
        && lexicon::flags(tokens[at - 1].text) & flag::BODY_NOUN != 0
        && next.is_some_and(Token::is_capitalised)
}

/// "and" at `at` joins two words of one body's name, which ends in an
/// organisation word: "the Food and Drug Administration", "the Finance
/// and Economy Ministry" ("Tellco and Brenford said" are two bodies).
fn and_in_a_body(tokens: &[Token], at: usize) -> bool {
    let after = tokens[at + 1..]
        .iter()
        .take(BODY_AFTER_AND)
        .take_while(|t| t.is_capitalised())
        .last();
    tokens[at].text == "and"
        && at > 0
        && tokens[at - 1].is_capitalised()
        && !tokens[at - 1].is_possessive()
        && after.is_some_and(|t| lexicon::flags(t.text) & flag::ORG != 0)
}

/// `word` and the apostrophe right after it make a capitalised plural
/// possessive inside a name: "the Central Arizona Growers' Coalition".
fn plural_possessive(word: &Token, mark: &Token) -> bool {
    matches!(mark.text, "'" | "’")
        && word.span.end == mark.span.start
        && word.is_capitalised()
        && word.text.ends_with('s')
}

/// The noun phrase that starts at `from` (after "said", "according to"):
/// a pronoun; a name with its title chain ("former Obama adviser David
/// Axelrod"), which a lower-case word ends unless a capitalised one
/// follows; or a determiner and the words after it ("the former senator").
pub(super) fn phrase_after(tokens: &[Token], from: usize) -> Option<Span> {
    let first = tokens.get(from)?;
    if is_pronoun_token(first) {
        return Some(first.span);
    }
    // "the former senator", also opening a sentence: "The chancellor
    // would not comment, but insisted".
    let descriptive = first.is_word() && is_determiner(first.text);
    let mut end = from;
    while end < tokens.len() && end - from < MAX_PHRASE {
        let t = &tokens[end];
        // "said Fitch Ratings' Ivo Lind": the person the body owns, a
        // given name first ("the Growers' Coalition" is one name).
        if end > from
            && plural_possessive(&tokens[end - 1], t)
            && tokens
                .get(end + 1)
                .is_some_and(|n| n.is_capitalised() && lexicon::flags(n.text) & flag::GIVEN != 0)
        {
            return phrase_after(tokens, end + 1);
        }
        // "the Securities & Exchange Commission", "the Food and Drug
        // Administration": one name.
        let link = t.is('&') || and_in_a_body(tokens, end);
        if link
            && end > from
            && tokens[end - 1].is_capitalised()
            && tokens.get(end + 1).is_some_and(Token::is_capitalised)
        {
            end += 1;
            continue;
        }
        if t.kind != Kind::Word {
            break;
        }
        if let Some(w) = lower(t) {
            // "said Florida state archivist Ivo Lind": a cue's base form
            // between a capitalised word and a title is a title's word.
            let in_chain = end > from
                && tokens[end - 1].is_capitalised()
                && tokens.get(end + 1).is_some_and(|n| lower(n).is_some())
                && title_chain_ahead(tokens, end);
            // "the Institute for Fiscal Studies", "the Campaign for the
            // Arts": one name.
            let in_body = end > from
                && (w == "of"
                    || for_in_a_body(tokens, end)
                    || w == "the" && for_in_a_body(tokens, end - 1));
            let blocked = is_stop(w) && !in_body && !joins_lower_roles(tokens, end)
                || is_pronoun(w)
                || cues::cue(w, None).is_some() && !in_chain;
            // Right after the cue a participle describes ("said retired
            // teacher Ann Roe"); further on it is a verb.
            let title = if end == from {
                !is_determiner(w) && title_chain_ahead(tokens, end)
            } else {
                is_title_word(tokens, end)
            };
            let allowed = if descriptive {
                end == from || !blocked
            } else {
                !blocked && title
            };
            if !allowed {
                break;
            }
        }
        end += 1;
    }
    // A phrase never ends on a lower-case link word ("of").
    while end > from + 1 && lower(&tokens[end - 1]).is_some_and(|w| w == "of") {
        end -= 1;
    }
    // "said EEF chief economist, Ivo Lind": a title chain that ends in
    // a lower-case word before a comma describes the name after it.
    let ends_in_role = end > from + 1 && lower(&tokens[end - 1]).is_some();
    if (descriptive || ends_in_role)
        && let Some(name) = named_after(tokens, end)
    {
        return Some(name);
    }
    (end > from).then(|| join(first.span, tokens[end - 1].span))
}

/// "said the company's chief executive, Priyanka Dunmore" · "according to
/// its head of recreation, Duncan Lyle.": the name after a description and
/// a comma is who the description is, and the speaker.
fn named_after(tokens: &[Token], comma: usize) -> Option<Span> {
    if !tokens.get(comma)?.is(',') {
        return None;
    }
    let first = comma + 1;
    let name = tokens[first..]
        .iter()
        .take(4)
        .take_while(|t| {
            t.is_capitalised()
                && !is_determiner(t.text)
                && !is_pronoun_token(t)
                && !is_time_word(t.text)
                && !t.is_possessive()
        })
        .count();
    let next = tokens.get(first + name);
    // The name ends the clause: a mark, the end, or "who" ("…, Reuters
    // reported" is who reported; "the director of JFK, Platoon and Nixon"
    // is a list of titles, not a name).
    let ends = next.is_none_or(|t| t.kind != Kind::Word || lower(t) == Some("who"));
    (name > 0 && ends).then(|| join(tokens[first].span, tokens[first + name - 1].span))
}

/// A lower-case word inside a title chain before a name ("former Obama
/// adviser David Axelrod", "Cruz constituent Dan Golvach"): one or two
/// such words, then a capitalised one; never a verb in the past tense or
/// a determiner ("Clinton celebrated in Florida", "threw her support").
pub(super) fn is_title_word(tokens: &[Token], at: usize) -> bool {
    let word = tokens[at].text;
    if is_determiner(word) || (word.ends_with("ed") && word.len() > 4) {
        return false;
    }
    title_chain_ahead(tokens, at)
}

/// A capitalised word within the next four ("said Tory shadow local
/// government secretary Caroline Spelman"), before any determiner: the
/// lower-case word at `at` leads to a name.
fn title_chain_ahead(tokens: &[Token], at: usize) -> bool {
    let mut words = 0;
    for t in tokens[at + 1..].iter().take(TITLE_CHAIN_AHEAD) {
        if !t.is_word() || lower(t).is_some_and(is_determiner) {
            break;
        }
        if t.is_capitalised() {
            return true;
        }
        words += 1;
    }
    // "said BA director of planning, Ivo Lind": the name after the comma.
    let comma = at + 1 + words;
    words < TITLE_CHAIN_AHEAD
        && tokens.get(comma).is_some_and(|t| t.is(','))
        && tokens.get(comma + 1).is_some_and(Token::is_capitalised)
}

/// How many words [`title_chain_ahead`] reads for the name.
const TITLE_CHAIN_AHEAD: usize = 4;

/// "he", "She": a personal pronoun, whatever its case.
pub(super) fn is_pronoun_token(token: &Token) -> bool {
    token.is_word() && token.text.len() <= 4 && is_pronoun(token.text)
}

/// Skips a time phrase that ends at `end`: "on Tuesday", "last week",
/// "on Wednesday night", "earlier this month".
pub(super) fn skip_time(tokens: &[Token], end: usize) -> usize {
    // "Trump at the time said": a time phrase, not the subject.
    let words = |i: usize| tokens.get(end.wrapping_sub(i)).and_then(lower);
    let at_the_time = end >= 3
        && words(3) == Some("at")
        && matches!(words(2), Some("the" | "that"))
        && matches!(words(1), Some("time" | "moment"));
    if at_the_time {
        return end - 3;
    }
    // "Bob Geldof in July said": a month or season after "in".
    let month = end >= 2
        && lower(&tokens[end - 2])
            .is_some_and(|w| w == "in" || time_openers::contains(w.as_bytes()))
        && tokens[end - 1].is_capitalised()
        && lexicon::flags(tokens[end - 1].text) & flag::TIME != 0;
    if month {
        return end - 2;
    }
    let is_time = |t: &Token| is_time_word(t.text);
    let mut i = end;
    while i > 0 && is_time(&tokens[i - 1]) {
        i -= 1;
    }
    if i == end {
        return end;
    }
    // "on", "last": a word that opens the phrase
    // (`assets/words/time-openers.txt`).
    match i.checked_sub(1).and_then(|j| lower(&tokens[j])) {
        Some(w) if time_openers::contains(w.as_bytes()) => i - 1,
        _ => i,
    }
}

/// The capitalised time word at `at` ends a time phrase its opener
/// starts ("On Monday", "Last Friday"), so a name after it begins
/// after it. Not "The Sunday Times", whose weekday is a name's.
fn opens_a_date(tokens: &[Token], at: usize) -> bool {
    // Asked of every capitalised word of a phrase: the short word before
    // (the openers have at most seven letters) is tested first.
    let Some(before) = at.checked_sub(1).map(|i| tokens[i].text) else {
        return false;
    };
    before.len() <= 7
        && is_time_word(tokens[at].text)
        && time_openers::contains(before.to_ascii_lowercase().as_bytes())
}

/// A word of a time phrase: "Tuesday", "week"
/// (`assets/words/time-words.txt`).
pub(super) fn is_time_word(word: &str) -> bool {
    lexicon::exact_flags(word.as_bytes(), Filter::TIME_WORDS) & flag::TIME_WORD != 0
}

pub(super) fn lower<'t>(token: &Token<'t>) -> Option<&'t str> {
    token.is_lowercase().then_some(token.text)
}

pub(super) fn is_dash(token: &Token) -> bool {
    token.is('—') || token.is('–') || token.is('―')
}

pub(super) fn join(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

/// A personal pronoun, in any case ("he", "She";
/// `assets/words/pronouns.tsv`).
pub(super) fn is_pronoun(word: &str) -> bool {
    lexicon::folded_flags(word.as_bytes(), Filter::PRONOUNS) & flag::PRONOUN != 0
}

/// A determiner, in any case ("the", "His";
/// `assets/words/determiners.tsv`).
pub(super) fn is_determiner(word: &str) -> bool {
    lexicon::folded_flags(word.as_bytes(), Filter::DETERMINERS) & flag::DETERMINER != 0
}

/// `word` is one of `list`, ignoring ASCII case (no allocation: this runs
/// for most words of a text).
pub(super) fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// May stand between a speaker and the cue (`assets/words/adverbs.txt`).
pub(super) fn is_adverb(word: &str) -> bool {
    lexicon::exact_flags(word.as_bytes(), Filter::ADVERBS) & flag::ADVERB != 0
}

/// Ends a speaker phrase (`assets/words/stop-words.txt`).
pub(super) fn is_stop(word: &str) -> bool {
    lexicon::exact_flags(word.as_bytes(), Filter::STOP_WORDS) & flag::STOP != 0
}

#[cfg(test)]
mod tests {
    use super::super::words::tokenize;
    use super::*;

    fn after(text: &str) -> Option<&str> {
        let tokens = tokenize(text, Span::new(0, text.len()), &[]);
        phrase_after(&tokens, 0).map(|phrase| phrase.text(text))
    }

    #[test]
    fn a_phrase_after_may_open_the_words() {
        // A lower-case "the" first: nothing before it to look back at.
        assert_eq!(after("the minister said"), Some("the minister"));
        assert_eq!(
            after("the Institute for Fiscal Studies said"),
            Some("the Institute for Fiscal Studies")
        );
        assert_eq!(
            after("the Campaign for the Arts said"),
            Some("the Campaign for the Arts")
        );
    }
}
