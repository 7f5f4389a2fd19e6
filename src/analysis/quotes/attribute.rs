//! Attribution: in the words around a quote, the reporting cue and the
//! phrase that names its speaker.
//!
//! After the closing mark, the attribution must start at once:
//! `“…,” Smith said` · `“…,” said Smith` · `“…,” Smith, the former
//! minister, said` · `“…,” according to Smith`. Before the opening mark it
//! may stand anywhere in the sentence, and the nearest cue wins:
//! `Smith said: “…”` · `Smith told reporters that the plan would “…”` ·
//! `According to Smith, “…”` · `Smith attacked Jones, saying “…”`.

use super::cues::{self, Form};
use super::phrase::{
    MAX_PHRASE, aside_start, clause_subject, is_adverb, is_dash, is_determiner, is_pronoun_token,
    is_role_noun, is_time_word, join, lower, one_of, phrase_after, phrase_before, skip_adverbs,
    subject_before,
};
use super::salience::is_opener;
use super::words::{Kind, Token};
use crate::analysis::Span;
use crate::analysis::chars::is_alphanumeric;
use crate::analysis::lexicon::compiled::possessives;
use crate::analysis::lexicon::{self, Filter, Flags, flag};

/// How many tokens after a quote its cue may stand, beyond a whole
/// speaker phrase: room for an aside describing the speaker (`“…,”
/// Smith, the former minister of the interior who led the talks, said`);
/// a cue further on reports another sentence.
const CUE_REACH: usize = MAX_PHRASE + 40;

/// The most words a description before the speaker may have (`“…,”
/// another friend, Mariam Emara, told CNN`): a short noun phrase and its
/// comma; longer, the words are a clause of their own.
const DESCRIPTION_WORDS: usize = 6;

/// How near after a cue a colon makes it introduce the quote after it
/// (`Smith said on Monday: “…”`): a time or a place may come between;
/// further off, the colon belongs to another clause.
const COLON_REACH: usize = 6;

/// How far after a possessive its speech noun may stand ("his claim",
/// "her repeated public pledge"): two modifiers at most, as such nouns
/// take.
const SPEECH_NOUN_REACH: usize = 3;

/// The most tokens a transcript label may have before its colon (`Smith:`,
/// `Mr. Christie gloated:`): a name, a title and a verb; longer, the
/// colon ends a sentence's own clause.
const LABEL_TOKENS: usize = 5;

/// A cue and the phrase naming whoever it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The cue words ("said", "pointed out", "according to").
    pub cue: Span,
    /// The speaker phrase ("Smith", "he", "the former minister").
    pub subject: Span,
    /// The cue is a naming verb ("called it a …").
    pub naming: bool,
    /// Found right after the quote's closing mark.
    pub direct: bool,
}

/// An attribution right after a quote's closing mark.
pub fn after(tokens: &[Token]) -> Option<Found> {
    after_quote_words(tokens).map(|found| Found {
        direct: true,
        ..found
    })
}

fn after_quote_words(tokens: &[Token]) -> Option<Found> {
    if let Some(found) = signed(tokens) {
        return Some(found);
    }
    let start = tokens
        .iter()
        .position(|t| !(t.is(',') || is_dash(t) || t.is('\'') || t.is('’')))?;
    let first = tokens.get(start)?;
    if is_according_to(tokens, start) {
        let subject = phrase_after(tokens, start + 2)?;
        return Some(Found {
            cue: join(first.span, tokens[start + 1].span),
            subject,
            naming: false,
            direct: false,
        });
    }
    if let Some((cue, len)) = cue_at(tokens, start).filter(|(c, _)| c.form != Form::Participle) {
        if introduces(tokens, start + len) {
            return None;
        }
        let subject = phrase_after(tokens, start + len)?;
        let naming = cue.naming;
        return Some(Found {
            cue: cue_span(tokens, start, len),
            subject,
            naming,
            direct: false,
        });
    }
    subject_first(tokens, start).or_else(|| closing_clause(tokens))
}

/// "described as “idle speculation” by Downing Street", "branded a
/// “waste” by MPs": after a naming verb's participle, the agent of the
/// passive right after the quote, a name (with its title chain) or "the"
/// and a name, said the words. "“deeply hurt” by Ash's death" is no one's.
/// `tokens` are those after the quote, `before` those before it in its
/// sentence.
pub fn agent(before: &[Token], tokens: &[Token]) -> Option<Found> {
    // "described as “irresponsible” and “outrageous” by": two quotes, one
    // agent.
    let pair = |a: &Token, b: &Token| a.kind == Kind::Quote && lower(b) == Some("and");
    let mut i = before.len();
    if i >= 2 && pair(&before[i - 2], &before[i - 1]) {
        i -= 2;
    }
    while i > 0 && lower(&before[i - 1]).is_some_and(|w| matches!(w, "as" | "a" | "an")) {
        i -= 1;
    }
    let naming = i > 0
        && cue_at(before, i - 1)
            .is_some_and(|(cue, len)| cue.naming && len == 1 && before[i - 1].text.ends_with("ed"));
    if !naming {
        return None;
    }
    let start = match tokens {
        [and, quote, ..] if pair(quote, and) => 2,
        _ => 0,
    };
    let by = tokens.get(start).filter(|t| lower(t) == Some("by"))?;
    let next = tokens.get(start + 1)?;
    let named = next.is_capitalised()
        || lower(next) == Some("the") && tokens.get(start + 2).is_some_and(Token::is_capitalised);
    if !named {
        return None;
    }
    let subject = phrase_after(tokens, start + 1)?;
    let last = tokens.iter().rfind(|t| t.span.end <= subject.end)?;
    let after = tokens.iter().find(|t| t.span.start >= subject.end);
    let possessive = ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|e| last.text.ends_with(e))
        || after.is_some_and(|t| t.is('\'') || t.is('’'));
    (!possessive).then_some(Found {
        cue: by.span,
        subject,
        naming: false,
        direct: false,
    })
}

/// The speaker phrase comes before the cue, and the cue is followed by a
/// clause of its own: "that …", a pronoun and its verb (`Ash insists he
/// will not sell`), a possessive (`Ash said his team …`), or a name or a
/// determiner's phrase and an auxiliary verb (`Ash said Prof Lind would
/// help`, `Ash said the move could …`), so it reports that clause; or
/// "according to" and its
/// source, then a comma and the clause it is the source of.
pub fn reports_own_clause(tokens: &[Token], found: &Found) -> bool {
    // "“…” According to Tellco, sales rose": the source of what follows.
    let source = tokens.iter().position(|t| t.span.start == found.cue.start);
    if source.is_some_and(|at| is_according_to(tokens, at)) {
        // The source may run on past the subject found ("Nielsen//Net
        // Ratings").
        let tail = tokens.partition_point(|t| t.span.start < found.subject.end);
        let comma = tokens[tail..]
            .iter()
            .take(SOURCE_TAIL)
            .position(|t| t.is(','));
        return comma.is_some_and(|n| tokens.get(tail + n + 1).is_some_and(Token::is_word));
    }
    let Some(next) = tokens
        .iter()
        .position(|t| t.span.start >= found.cue.end && t.is_word())
    else {
        return false;
    };
    let t = &tokens[next];
    // "… Ash said his team were ready": a possessive opens a subject too.
    let owned = possessives::get(t.text).is_some();
    found.subject.end <= found.cue.start
        && (t.text == "that"
            || is_pronoun_token(t)
            || owned
            || name_then_auxiliary(&tokens[next..])
            || described_then_auxiliary(&tokens[next..]))
}

/// A determiner, a few words, then an auxiliary verb: "the move could",
/// "the Tories would".
fn described_then_auxiliary(tokens: &[Token]) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return false;
    };
    if !is_determiner(first.text) {
        return false;
    }
    let words = rest
        .iter()
        .take(NAME_WORDS)
        .take_while(|t| t.is_word() && !is_auxiliary(t.text))
        .count();
    words > 0 && rest.get(words).is_some_and(|t| is_auxiliary(t.text))
}

/// How many tokens after the subject found "according to" reads for the
/// comma that ends its source.
const SOURCE_TAIL: usize = 4;

/// A capitalised name (a title and dotted abbreviations in it), then an
/// auxiliary verb: "Prof Lind would", "Mr. Lind has".
fn name_then_auxiliary(tokens: &[Token]) -> bool {
    let name = tokens
        .iter()
        .take(NAME_WORDS)
        .take_while(|t| t.is_capitalised() || t.is('.'))
        .count();
    name > 0 && tokens.get(name).is_some_and(|t| is_auxiliary(t.text))
}

/// An auxiliary verb of the third person: "would", "has", "is".
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "would" | "will" | "could" | "should" | "had" | "has" | "was" | "is" | "must"
    )
}

/// The most words [`name_then_auxiliary`] reads as a name.
const NAME_WORDS: usize = 5;

/// `“…” — Esther Tapia`: a quote signed with a dash and a name.
pub fn signed(tokens: &[Token]) -> Option<Found> {
    let dash = tokens.first().filter(|t| is_dash(t) || t.is('-'))?;
    let name = tokens.get(1).filter(|t| t.is_capitalised())?;
    let subject = phrase_after(tokens, 1)?;
    (name.span.start == subject.start).then_some(Found {
        cue: dash.span,
        subject,
        naming: false,
        direct: false,
    })
}

/// `“…,” Smith said` · `“…,” another friend, Mariam Emara, told CNN`: the
/// speaker phrase opens the words after the quote (perhaps after a short
/// description and a comma), and a cue follows it.
fn subject_first(tokens: &[Token], start: usize) -> Option<Found> {
    for at in start + 1..tokens.len().min(start + CUE_REACH) {
        if !tokens[at].is_lowercase() {
            continue;
        }
        let Some((cue, len)) = cue_at(tokens, at) else {
            continue;
        };
        if is_noun_use(tokens, at) {
            continue;
        }
        // `“…,” Ann Roe is quoted as saying`: the subject of the passive.
        let verb = reported_as(tokens, at).unwrap_or(at);
        if verb == at
            && (cue.form == Form::Participle && !is_progressive(tokens, at)
                || is_passive(tokens, at))
            || introduces(tokens, at + len)
        {
            continue;
        }
        if quoted_as_saying(tokens, at, len) {
            // `“…,” the Telegraph quoted Ann Roe as saying`.
            return phrase_after(tokens, at + len).map(|subject| Found {
                cue: cue_span(tokens, at, len),
                subject,
                naming: cue.naming,
                direct: false,
            });
        }
        let (subject, from) = subject_before(tokens, verb)?;
        let lead = tokens.get(start..from)?;
        // "“….” Meanwhile, Ivo Lind has urged": an adverb opens a
        // sentence of its own, no description.
        let described = lead.len() <= DESCRIPTION_WORDS
            && lead.last().is_some_and(|t| t.is(','))
            && !opens_with_capital_adverb(lead)
            && !lead.iter().any(|t| t.kind == Kind::Quote);
        return (from == start || described).then(|| Found {
            cue: cue_span(tokens, at, len),
            subject,
            naming: cue.naming,
            direct: false,
        });
    }
    None
}

/// `“…” because she would expand her lead, he said.`: an attribution
/// closing the sentence the quote is in.
pub fn closing_clause(tokens: &[Token]) -> Option<Found> {
    (1..tokens.len())
        .filter(|&i| tokens[i - 1].is(','))
        // "“….” Meanwhile, Ivo Lind has urged": the comma after an
        // opening adverb opens a sentence, it closes no clause.
        .filter(|&i| i != 2 || !opens_with_capital_adverb(tokens))
        .find_map(|i| {
            let first = tokens.get(i)?;
            match cue_at(tokens, i) {
                Some((cue, len))
                    if cue.form == Form::Finite
                        && first.is_lowercase()
                        && !introduces(tokens, i + len) =>
                {
                    let subject = phrase_after(tokens, i + len)?;
                    Some(Found {
                        cue: cue_span(tokens, i, len),
                        subject,
                        naming: cue.naming,
                        direct: false,
                    })
                }
                _ => subject_first(tokens, i).filter(|f| {
                    tokens
                        .get(i)
                        .is_some_and(|t| t.span.start == f.subject.start)
                }),
            }
        })
}

/// The words open with a capitalised adverb ("Meanwhile", "However").
fn opens_with_capital_adverb(tokens: &[Token]) -> bool {
    tokens
        .first()
        .is_some_and(|t| t.is_capitalised() && is_adverb(&t.text.to_ascii_lowercase()))
}

/// A cue followed by a colon introduces the quote after it, not the one
/// before: `“We are refugees.” Mr. Zahed said: “…”`.
fn introduces(tokens: &[Token], after_cue: usize) -> bool {
    tokens[after_cue..]
        .iter()
        .take(COLON_REACH)
        .any(|t| t.is(':'))
}

/// The attributions in the words of the sentence before a quote, the
/// nearest first; the caller takes the first that names someone.
pub fn before(tokens: &[Token]) -> Vec<Found> {
    let mut out = Vec::new();
    // Weaker readings go last: a participle after a name ("footage of
    // Clinton asking") yields to a finite cue of the sentence.
    let mut weak = Vec::new();
    for at in (0..tokens.len()).rev() {
        if let Some(found) = possessive_noun(tokens, at) {
            weak.push(found);
            continue;
        }
        if !tokens[at].is_lowercase() {
            continue;
        }
        let Some((cue, len)) = cue_at(tokens, at) else {
            continue;
        };
        if is_noun_use(tokens, at) {
            continue;
        }
        let naming = cue.naming;
        let cue_span = cue_span(tokens, at, len);
        let reported = reported_as(tokens, at);
        let subject = match cue.form {
            // "The Telegraph quoted Ann Roe as saying": the one quoted.
            _ if quoted_as_saying(tokens, at, len) => phrase_after(tokens, at + len),
            // "Ann Roe is alleged to have told him:", "Ivo Lind was quoted
            // as saying": the subject of the passive.
            _ if reported.is_some() => {
                reported.and_then(|be| subject_before(tokens, be).map(|(s, _)| s))
            }
            Form::Participle if is_progressive(tokens, at) => {
                subject_before(tokens, at).map(|(s, _)| s)
            }
            // "Ash has failed, he claimed, saying": the subject of the cue
            // set off right before the participle.
            Form::Participle if follows_comma(tokens, at) => {
                cue_clause_before(tokens, at).or_else(|| clause_subject(&tokens[..at]))
            }
            // "late on Friday saying": a day is never the one who says.
            Form::Participle
                if at > 1
                    && tokens[at - 1].is_capitalised()
                    && !is_time_word(tokens[at - 1].text) =>
            {
                match phrase_before(tokens, at) {
                    // "Labour hit back, with its head Ann Roe accusing him
                    // of “…”": a clause of its own, nearer the quote than
                    // the sentence's verb.
                    Some((subject, start))
                        if start > 0 && one_of(tokens[start - 1].text, &["with"]) =>
                    {
                        Some(subject)
                    }
                    Some((subject, _)) => {
                        weak.push(Found {
                            cue: cue_span,
                            subject,
                            naming,
                            direct: false,
                        });
                        None
                    }
                    None => None,
                }
            }
            Form::Participle if at > 1 && is_role_noun(&tokens[at - 1]) => {
                role_after_with(tokens, at)
            }
            Form::Participle => None,
            Form::Base if is_infinitive(tokens, at) => None,
            _ if is_passive(tokens, at) || after_subordinator(tokens, at) => None,
            _ if after_past_verb(tokens, at) => None,
            _ if is_coordinated(tokens, at) => clause_subject(&tokens[own_clause(tokens, at)..at])
                .or_else(|| clause_subject(&tokens[..at])),
            // "But, says Ivo Lind of Tellco, it was not “the thing”", "The
            // idea, says Tellco, is": a cue set off by commas names its
            // subject after it; not after a name ("Ivo Lind, its head,
            // said the plan").
            _ if parenthetical(tokens, at, len) => phrase_after(tokens, at + len),
            _ => subject_before(tokens, at).map(|(s, _)| s),
        };
        if let Some(subject) = subject {
            out.push(Found {
                cue: cue_span,
                subject,
                naming,
                direct: false,
            });
        }
    }
    out.extend(according_to(tokens));
    out.extend(colon(tokens));
    prefer_reporting_over_naming(tokens, &mut out);
    out.extend(weak);
    out
}

/// Where the clause of the verb at `at` opens: after the last word before
/// it that contrasts two clauses ("X claimed …, but his lawyer told the BBC
/// … and added"), else at the start. A clause with no subject of its own
/// ("…, but now said") has the sentence's.
fn own_clause(tokens: &[Token], at: usize) -> usize {
    tokens[..at]
        .iter()
        .rposition(|t| {
            t.is_lowercase()
                && lexicon::folded_flags(t.text.as_bytes(), Filter::FUNCTION_WORDS) & flag::CONTRAST
                    != 0
        })
        .map_or(0, |i| i + 1)
}

/// "Trump said … that Clinton once described it as “the gold standard”":
/// a naming verb inside reported speech gives the words to the reporter.
/// Not across a clause of its own: "Rovers confirmed the bid - but their
/// director has called it “derisory”" is the director's word.
fn prefer_reporting_over_naming(tokens: &[Token], found: &mut [Found]) {
    if let Some(first) = found.first().filter(|f| f.naming)
        && let Some(outer) = found.iter().position(|f| !f.naming && f.cue.len() > 1)
        && !contrasted(tokens, found[outer].cue.end, first.subject.start)
    {
        found[..=outer].rotate_right(1);
    }
}

/// A "but" or "while" between `from` and `to` starts a clause of its own.
fn contrasted(tokens: &[Token], from: usize, to: usize) -> bool {
    tokens
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .any(|t| {
            lexicon::folded_flags(t.text.as_bytes(), Filter::FUNCTION_WORDS) & flag::CONTRAST != 0
                || t.is(';')
        })
}

/// "Donald Trump’s claim that Obama “founded ISIS”", "his pledge to be
/// “neutral”": a possessive before a word for speech gives the speaker.
fn possessive_noun(tokens: &[Token], at: usize) -> Option<Found> {
    let owner = &tokens[at];
    let pronoun = possessives::get(owner.text).is_some();
    if !(pronoun || owner.is_capitalised() && owner.is_possessive()) {
        return None;
    }
    let noun = at
        + 1
        + tokens[at + 1..]
            .iter()
            .take(SPEECH_NOUN_REACH)
            .take_while(|t| t.is_lowercase())
            .position(|t| has(t.text, flag::SPEECH_NOUN))?;
    // The words must be what follows: "claim that …", "pledge to be …",
    // "remarks about …", or the quote itself.
    let next = tokens.get(noun + 1)?;
    let introduces = next.kind == Kind::Quote
        || next.is(':')
        || next.is(',')
        || one_of(next.text, &["that", "to", "of", "about", "on"]);
    if !introduces {
        return None;
    }
    let cue = tokens[noun].span;
    let subject = if pronoun {
        owner.span
    } else {
        phrase_before(tokens, at + 1)?.0
    };
    Some(Found {
        cue,
        subject,
        naming: false,
        direct: false,
    })
}

/// "his comments", "a report by", "the call": a cue word used as a noun.
fn is_noun_use(tokens: &[Token], at: usize) -> bool {
    let Some(before) = at.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let determined = before.is_possessive()
        || is_determiner(before.text) && !before.text.eq_ignore_ascii_case("that");
    // "Democratic claims", "Republican comments": a plural noun after an
    // adjective, where a verb would follow a name or a pronoun.
    let plural_noun = has(tokens[at].text, flag::SPEECH_PLURAL)
        && before.is_capitalised()
        && (before.text.ends_with("an")
            || before.text.ends_with("ic")
            || before.text.ends_with("ish")
            || before.text.ends_with("ese"));
    determined || plural_noun
}

/// "… and urged", "but now said": a second verb of the clause, whose
/// subject is the clause's.
fn is_coordinated(tokens: &[Token], at: usize) -> bool {
    let i = skip_adverbs(tokens, at);
    i > 0 && lower(&tokens[i - 1]).is_some_and(|w| matches!(w, "and" | "but" | "then"))
}

/// "is insisting", "was telling": a participle that is the main verb.
fn is_progressive(tokens: &[Token], at: usize) -> bool {
    let i = skip_adverbs(tokens, at);
    i > 0 && lower(&tokens[i - 1]).is_some_and(|w| has(w, flag::PROGRESSIVE))
}

/// ", he claimed, saying": a finite cue and its subject set off by a
/// comma before it, right before the comma at `at - 1` that the
/// participle at `at` follows.
fn cue_clause_before(tokens: &[Token], at: usize) -> Option<Span> {
    let verb = at.checked_sub(2)?;
    if !tokens[verb + 1].is(',') || !tokens[verb].is_lowercase() {
        return None;
    }
    cue_at(tokens, verb).filter(|(cue, len)| cue.form == Form::Finite && *len == 1)?;
    let (subject, start) = subject_before(tokens, verb)?;
    (start > 0 && tokens[start - 1].is(',')).then_some(subject)
}

/// ", saying": a participle that adds to the main clause.
fn follows_comma(tokens: &[Token], at: usize) -> bool {
    let i = skip_adverbs(tokens, at);
    let Some(before) = i.checked_sub(1).map(|j| &tokens[j]) else {
        return false;
    };
    let quote_comma = before.kind == Kind::Quote
        && before
            .text
            .trim_end_matches(|c: char| !is_alphanumeric(c) && c != ',')
            .ends_with(',');
    before.is(',') || is_dash(before) || lower(before) == Some("by") || quote_comma
}

/// `word`, as written, has the tag `tag` of `speech-nouns.tsv` or
/// `function-words.tsv` (whose words are lower case).
fn has(word: &str, tag: Flags) -> bool {
    let filter = if tag & (flag::SPEECH_NOUN | flag::SPEECH_PLURAL) != 0 {
        Filter::SPEECH_NOUNS
    } else {
        Filter::FUNCTION_WORDS
    };
    lexicon::exact_flags(word.as_bytes(), filter) & tag != 0
}

/// "to say", "will tell", "did not say": no one said it (yet). After a
/// capitalised plural ("Critics say", "the Lib Dems accuse") or a name
/// that opens the sentence ("Labour say") the base form is the present;
/// after another name it is the name's infinitive ("to hear Ann Roe tell
/// it") or a noun ("a Tom Ash tweet"), and before an auxiliary a noun
/// ("Consumer demand will").
fn is_infinitive(tokens: &[Token], at: usize) -> bool {
    if at == 0 {
        return true;
    }
    if let Some(w) = lower(&tokens[at - 1]) {
        return has(w, flag::INFINITIVE) || w.ends_with("n't") || w.ends_with("n’t");
    }
    let name = &tokens[at - 1];
    let plural = name.text.len() > 3
        && name.text.ends_with('s')
        && !name.is_possessive()
        && name.text.chars().skip(1).any(char::is_lowercase);
    let opens = tokens[..at].iter().all(Token::is_capitalised);
    let noun = tokens.get(at + 1).is_some_and(|t| is_auxiliary(t.text));
    !(name.is_capitalised() && (plural || opens) && !noun)
}

/// The speaker phrase of the first reporting cue in a sentence ("Ryan
/// said Obama has …" → "Ryan"; "…, said Jake Horowitz, editor" → "Jake
/// Horowitz"): who the sentence is about, for a later "he" or "she".
pub fn cue_subject(tokens: &[Token]) -> Option<Found> {
    (0..tokens.len()).find_map(|at| {
        if !tokens[at].is_lowercase() {
            return None;
        }
        let (cue, len) = cue_at(tokens, at)?;
        if is_noun_use(tokens, at)
            || is_passive(tokens, at)
            || after_subordinator(tokens, at)
            || after_past_verb(tokens, at)
        {
            return None;
        }
        let subject = match cue.form {
            // "The Telegraph quoted Ann Roe as saying": the one quoted.
            _ if quoted_as_saying(tokens, at, len) => phrase_after(tokens, at + len),
            Form::Participle if at > 1 && is_role_noun(&tokens[at - 1]) => {
                role_after_with(tokens, at)
            }
            Form::Participle => None,
            Form::Base if is_infinitive(tokens, at) => None,
            _ if inverted(tokens, at, len) => phrase_after(tokens, at + len),
            _ => subject_before(tokens, at).map(|(s, _)| s),
        }?;
        Some(Found {
            cue: cue_span(tokens, at, len),
            subject,
            naming: cue.naming,
            direct: false,
        })
    })
}

/// "When asked if he would stay, Ash replied": a cue right after a
/// word that opens a clause before its subject ("When", "If", "As";
/// `assets/words/subject-openers.txt`) has no subject of its own. Not
/// after an adverb among them: "Ash once said", "she later explained".
fn after_subordinator(tokens: &[Token], at: usize) -> bool {
    let Some(word) = at.checked_sub(1).map(|i| tokens[i].text) else {
        return false;
    };
    let mut chars = word.chars();
    let subordinator = match chars.next() {
        Some(c) if c.is_ascii_lowercase() => {
            is_opener(&(word[..1].to_ascii_uppercase() + chars.as_str()))
        }
        _ => is_opener(word),
    };
    subordinator && !is_adverb(&word.to_ascii_lowercase())
}

/// A sentence ending in a colon introduces the quote after it; its subject
/// is the speaker even without a reporting verb ("Sanders made the
/// following comment:"). The colon stands as the cue.
pub fn introducer(tokens: &[Token]) -> Option<Found> {
    let subject = clause_subject(tokens)?;
    let last = tokens.last()?;
    Some(Found {
        cue: last.span,
        subject,
        naming: false,
        direct: false,
    })
}

/// "The Home Office defended it, with a spokesman saying": a role after
/// "with" is the subject of the participle at `at`, as a name is.
fn role_after_with(tokens: &[Token], at: usize) -> Option<Span> {
    phrase_before(tokens, at)
        .filter(|&(_, start)| start > 0 && one_of(tokens[start - 1].text, &["with"]))
        .map(|(subject, _)| subject)
}

/// "quoted Ann Roe as saying", "quoting an aide as telling": a phrase
/// after "quoted", then "as" and a participle of speech.
fn quoted_as_saying(tokens: &[Token], at: usize, len: usize) -> bool {
    if len != 1 || !one_of(tokens[at].text, &["quoted", "quotes", "quoting"]) {
        return false;
    }
    let after = &tokens[at + 1..];
    after
        .iter()
        .take(MAX_PHRASE + 1)
        .position(|t| t.text == "as")
        .is_some_and(|k| {
            k > 0
                && after[..k].iter().all(|t| t.kind == Kind::Word)
                && after
                    .get(k + 1)
                    .is_some_and(|t| one_of(t.text, &["saying", "telling"]))
        })
}

/// The participles of a passive that reports speech with "to have
/// said": "is alleged to have said", "is understood to have told".
const SAID_TO_HAVE: &[&str] = &["alleged", "reported", "understood", "believed", "said"];

/// Where the passive before the cue at `at` begins, when the cue
/// reports what its subject was quoted saying: "is quoted as saying",
/// "was reported as telling", "is alleged to have said", "has been
/// quoted as saying".
fn reported_as(tokens: &[Token], at: usize) -> Option<usize> {
    let word = |i: Option<usize>, list: &[&str]| {
        i.and_then(|i| lower(&tokens[i]))
            .is_some_and(|w| one_of(w, list))
    };
    let back = |n: usize| at.checked_sub(n);
    let cue = tokens[at].text;
    let quoted_as = one_of(cue, &["saying", "telling"])
        && word(back(1), &["as"])
        && word(back(2), &["quoted", "reported"]);
    let said_to_have = one_of(cue, &["said", "told"])
        && word(back(1), &["have"])
        && word(back(2), &["to"])
        && word(back(3), SAID_TO_HAVE);
    let participle = match (quoted_as, said_to_have) {
        (true, _) => at - 2,
        (_, true) => at - 3,
        _ => return None,
    };
    let be = participle.checked_sub(1)?;
    if !word(Some(be), &["is", "was", "are", "were", "been"]) {
        return None;
    }
    // "has been quoted": the auxiliary opens the verb.
    let has = word(Some(be), &["been"]) && word(be.checked_sub(1), &["has", "have", "had"]);
    Some(if has { be - 1 } else { be })
}

/// The cue comes before its subject: right after a quote (`“…,” said
/// Smith`), or after a comma with a name or "the" to follow (`…, said Ohio
/// State professor Paul Beck`).
fn inverted(tokens: &[Token], at: usize, len: usize) -> bool {
    let i = if at > 0 && tokens[at - 1].is(',') {
        at - 1
    } else {
        at
    };
    let after_quote = i > 0 && tokens[i - 1].kind == Kind::Quote;
    let next = tokens.get(at + len);
    let named_next = next.is_some_and(|t| {
        (t.is_capitalised() && !is_time_word(t.text)) || one_of(t.text, &["the", "a", "an"])
    });
    // "Flynn, a top Trump surrogate, said Thursday": the comma closes an
    // aside after the subject, which stands before.
    after_quote
        || (i < at
            && named_next
            && aside_start(tokens, i).is_none()
            && !name_after_quote(tokens, i))
}

/// `“…,” shop owner Ann Roe, told AP`: a phrase ending in a name, and
/// nothing else, between a quote and the comma at `comma`: a stray comma
/// after the subject.
fn name_after_quote(tokens: &[Token], comma: usize) -> bool {
    let words = tokens[..comma]
        .iter()
        .rev()
        .take(MAX_PHRASE + 1)
        .take_while(|t| t.kind == Kind::Word)
        .count();
    (1..=MAX_PHRASE).contains(&words)
        && comma > words
        && tokens[comma - 1].is_capitalised()
        && tokens[comma - words - 1].kind == Kind::Quote
}

/// The cue at `at` follows a comma after a lower-case word or an opening
/// "But", and a name or "the" follows it.
fn parenthetical(tokens: &[Token], at: usize, len: usize) -> bool {
    let Some(before) = at.checked_sub(2).map(|i| &tokens[i]) else {
        return false;
    };
    let opening = at == 2 && one_of(before.text, &["but", "and", "yet"]);
    tokens[at - 1].is(',') && (before.is_lowercase() || opening) && inverted(tokens, at, len)
}

/// `According to X, …` anywhere in the words.
fn according_to(tokens: &[Token]) -> Option<Found> {
    let at = (0..tokens.len()).find(|&i| is_according_to(tokens, i))?;
    let subject = phrase_after(tokens, at + 2)?;
    Some(Found {
        cue: join(tokens[at].span, tokens[at + 1].span),
        subject,
        naming: false,
        direct: false,
    })
}

fn is_according_to(tokens: &[Token], at: usize) -> bool {
    tokens[at].text.eq_ignore_ascii_case("according")
        && tokens.get(at + 1).is_some_and(|t| t.text == "to")
}

/// `Smith: “…”`, a transcript's way of giving the speaker.
fn colon(tokens: &[Token]) -> Option<Found> {
    let (last, rest) = tokens.split_last()?;
    if !last.is(':') || rest.len() > LABEL_TOKENS || !rest.iter().any(Token::is_capitalised) {
        return None;
    }
    // "Mr. Christie gloated:": a verb of any kind between name and colon.
    let end = if rest.last().is_some_and(Token::is_lowercase) {
        rest.len() - 1
    } else {
        rest.len()
    };
    let (subject, _) = phrase_before(rest, end)?;
    Some(Found {
        cue: last.span,
        subject,
        naming: false,
        direct: false,
    })
}

/// The cue word (or phrase) starting at `at`, if it is one.
fn cue_at(tokens: &[Token], at: usize) -> Option<(cues::Cue, usize)> {
    let word = lower(&tokens[at])?;
    let next = tokens.get(at + 1).filter(|t| t.is_word()).map(|t| t.text);
    cues::cue(word, next)
}

fn cue_span(tokens: &[Token], at: usize, len: usize) -> Span {
    join(tokens[at].span, tokens[at + len - 1].span)
}

/// "he looked assured", "she seemed pleased": a pronoun, then a verb in
/// the past, makes the cue's word an adjective.
fn after_past_verb(tokens: &[Token], at: usize) -> bool {
    at >= 2
        && lower(&tokens[at - 1]).is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
        && is_pronoun_token(&tokens[at - 2])
}

/// "was told", "has been called": the subject did not say it.
fn is_passive(tokens: &[Token], at: usize) -> bool {
    let i = skip_adverbs(tokens, at);
    i > 0 && lower(&tokens[i - 1]).is_some_and(|w| has(w, flag::PASSIVE))
}

#[cfg(test)]
mod tests {
    use super::super::words::tokenize;
    use super::*;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        tokenize(text, Span::new(0, text.len()), &[])
    }

    fn show(text: &str, found: Option<Found>) -> Option<(&str, &str)> {
        found.map(|f| (f.cue.text(text), f.subject.text(text)))
    }

    #[test]
    fn after_a_quote() {
        let rows: &[(&str, Option<(&str, &str)>)] = &[
            (" Smith said.", Some(("said", "Smith"))),
            (", said Smith.", Some(("said", "Smith"))),
            (" he said, adding", Some(("said", "he"))),
            (
                " said Foreign Minister Ana Ruiz, who spoke in Lima.",
                Some(("said", "Foreign Minister Ana Ruiz")),
            ),
            (
                " Tina Tchen, Mrs. Obama's chief of staff, said in an interview.",
                Some(("said", "Tina Tchen")),
            ),
            (
                " Sir Vince Cable, who replaced Tim Farron, said.",
                Some(("said", "Sir Vince Cable")),
            ),
            (" Jo Kim, 45, told reporters.", Some(("told", "Jo Kim"))),
            (
                " the senator also said on Tuesday.",
                Some(("said", "the senator")),
            ),
            (
                " Stoltenberg summed up.",
                Some(("summed up", "Stoltenberg")),
            ),
            (
                ", according to Judicial Watch.",
                Some(("according to", "Judicial Watch")),
            ),
            (
                " Rep. Ann Lee (D-Calif.) said.",
                Some(("said", "Rep. Ann Lee")),
            ),
            (
                " White House press secretary Josh Earnest said Tuesday.",
                Some(("said", "White House press secretary Josh Earnest")),
            ),
            (
                ", said its head of recreation, Duncan Lyle.",
                Some(("said", "Duncan Lyle")),
            ),
            (
                ", according to the county's chief engineer, Obi Ade.",
                Some(("according to", "Obi Ade")),
            ),
            (
                ", said the director of JFK, Platoon and Nixon.",
                Some(("said", "the director of JFK")),
            ),
            (
                ", said retired teacher Ann Roe.",
                Some(("said", "retired teacher Ann Roe")),
            ),
            (" is what he said.", None),
            (" and the crowd cheered.", None),
            (" was told by aides.", None),
            (" in a statement.", None),
        ];
        for &(text, want) in rows {
            assert_eq!(show(text, after(&tokens(text))), want, "{text}");
        }
    }

    #[test]
    fn before_a_quote() {
        let rows: &[(&str, Option<(&str, &str)>)] = &[
            ("Smith said: ", Some(("said", "Smith"))),
            ("Smith said that ", Some(("said", "Smith"))),
            (
                "Stoltenberg said the allies would ",
                Some(("said", "Stoltenberg")),
            ),
            ("He noted that ", Some(("noted", "He"))),
            (
                "The Norwegian politician stressed to Zelenski that ",
                Some(("stressed", "The Norwegian politician")),
            ),
            (
                "According to the ministry, ",
                Some(("According to", "the ministry")),
            ),
            (
                "Trump attacked Clinton on Monday, saying ",
                Some(("saying", "Trump")),
            ),
            ("Kim told reporters ", Some(("told", "Kim"))),
            ("TRUMP: ", Some((":", "TRUMP"))),
            ("The plan was described as ", None),
            ("It is a ", None),
        ];
        for &(text, want) in rows {
            assert_eq!(
                show(text, before(&tokens(text)).into_iter().next()),
                want,
                "{text}"
            );
        }
    }
}
