//! Evidence: how much a candidate looks like a person's name, from its
//! words (given names, surnames, places, organisation words) and from its
//! context (a title, "X said", "X, the former minister", table layouts).
//! Positive points say person, negative points say something else.

use super::candidates::Candidate;
use super::kinds;
use super::layout;
use super::things;
use super::token::{Kind, Token};
use super::weights::WEIGHTS as W;
use crate::analysis::lexicon::compiled::number_words;
use crate::analysis::lexicon::{self, Flags, flag};
use crate::analysis::people::EntityKind;
use std::cell::Cell;

/// Points at or above which a candidate is taken as a person.
pub const THRESHOLD: f32 = W.threshold;

/// The verdict on one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub score: f32,
    /// What the phrase is when it is not a person (or `None`: unknown).
    pub other: Option<EntityKind>,
    /// Context alone (a title, a reporting verb, a table layout) says person.
    pub context: f32,
    /// The text calls the phrase a company, a party, an agency ("X, the
    /// company that..."): what it is wherever it stands in the text.
    pub called_organisation: bool,
}

/// Context passed to the rules: the text, its tokens and one candidate.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub cand: &'a Candidate,
    /// Flags of the name words, in order (the first eight: longer names
    /// are rare, and their tail says little).
    flags: [Flags; 8],
    len: usize,
    /// The whole phrase names a place (computed once: two rules ask).
    pub place: bool,
    /// [`Ctx::lower_flags`] of the words right before and after the phrase,
    /// which several rules ask about, looked up on first use (`UNSEEN`
    /// until then).
    near: [Cell<Flags>; 2],
    /// [`Ctx::phrase_flags`], looked up on first use (`UNSEEN` until then):
    /// the place rule and the firm rule both ask.
    phrase: Cell<Flags>,
}

/// No flags looked up yet: more bits than any list sets.
const UNSEEN: Flags = Flags::MAX;

impl<'a> Ctx<'a> {
    /// Inlined: built in place rather than copied out to the caller.
    #[inline]
    pub fn new(text: &'a str, tokens: &'a [Token], cand: &'a Candidate) -> Self {
        let mut flags = [0; 8];
        for (f, i) in flags.iter_mut().zip(cand.parts.iter()) {
            *f = tokens[i].flags(text);
        }
        let len = cand.parts.len().clamp(1, 8);
        let mut ctx = Ctx {
            text,
            tokens,
            cand,
            flags,
            len,
            place: false,
            near: [Cell::new(UNSEEN), Cell::new(UNSEEN)],
            phrase: Cell::new(UNSEEN),
        };
        ctx.place = whole_place(&ctx);
        ctx
    }

    /// The small lists' flags of token `i` if it is a lower-case word
    /// (titles, verbs, organisation words...), else 0.
    pub fn lower_flags(&self, i: usize) -> Flags {
        let look = || match self.tokens.get(i) {
            Some(t) if t.kind == Kind::Word && !t.cap => lexicon::small_flags(t.bytes(self.text)),
            _ => 0,
        };
        let slot = if Some(i) == self.before() {
            &self.near[0]
        } else if i == self.after() {
            &self.near[1]
        } else {
            return look();
        };
        if slot.get() == UNSEEN {
            slot.set(look());
        }
        slot.get()
    }

    /// The flags of the whole name as a phrase of the lists ("Hong Kong",
    /// "Morgan Stanley"); 0 for one word, or a first word that starts no
    /// listed phrase (most names: then nothing is hashed).
    pub fn phrase_flags(&self) -> Flags {
        if self.len < 2 || !lexicon::heads_phrase(self.bytes(self.cand.first())) {
            return 0;
        }
        if self.phrase.get() == UNSEEN {
            let words = self.cand.words(self.text, self.tokens);
            self.phrase.set(lexicon::phrase_flags(words));
        }
        self.phrase.get()
    }

    #[inline]
    pub fn flags(&self) -> &[Flags] {
        &self.flags[..self.len]
    }

    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// [`Ctx::word`] as bytes, for the many comparisons with literals: a
    /// match on byte strings tests letter by letter, and the slice needs
    /// no char-boundary checks.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start..t.end))
            .unwrap_or(&[])
    }

    /// The token index right before the phrase (role included).
    #[inline]
    pub fn before(&self) -> Option<usize> {
        let first = self
            .cand
            .role
            .map_or(self.cand.first(), |(a, _)| a.min(self.cand.first()));
        first.checked_sub(1)
    }

    #[inline]
    pub fn after(&self) -> usize {
        self.cand.last() + 1
    }
}

impl Verdict {
    /// What the text calls an organisation (see [`Verdict::called_organisation`]).
    pub const ORGANISATION: Verdict = Verdict {
        score: W.called_organisation,
        other: Some(EntityKind::Organisation),
        context: 0.0,
        called_organisation: true,
    };

    /// What the words around the name call a thing (see
    /// [`kinds::named_as_thing`]): a company, a band, a film, of no kind
    /// the engine tells; like [`Verdict::ORGANISATION`], wherever the name
    /// stands in the text.
    pub const THING: Verdict = Verdict {
        score: W.named_thing,
        other: None,
        context: 0.0,
        called_organisation: true,
    };
}

/// Weighs all the evidence for one candidate.
pub fn judge(ctx: &Ctx) -> Verdict {
    // A sentence-opening common word is a name only by the known-surname
    // rule of resolution, never by evidence, and never another entity.
    if ctx.cand.opener {
        return Verdict {
            score: f32::NEG_INFINITY,
            other: None,
            context: 0.0,
            called_organisation: false,
        };
    }
    if let Some(v) = obvious(ctx) {
        return v;
    }
    // "the Guildford Four", "the Chicago Seven": a group.
    if ctx.len > 1 && number_words::contains(ctx.bytes(ctx.cand.last())) {
        return Verdict::ORGANISATION;
    }
    let appositive = apposition(ctx);
    if appositive == Appositive::Organisation {
        return Verdict::ORGANISATION;
    }
    let appositive = if appositive == Appositive::Person {
        W.apposition_person
    } else {
        0.0
    };
    let speaks = speech(ctx);
    let context = title(ctx) + speaks + appositive + layout::score(ctx);
    // After the speech rule, which looked up the words around the name.
    // "its" is asked of a name however low it scores: "Qorvath said its"
    // scores low there, and makes the name a firm's wherever it stands.
    if kinds::named_as_thing(ctx) || things::its_follows(ctx) {
        return Verdict::THING;
    }
    let mut score = context + words(ctx) + counter(ctx);
    // "Mike Hill said", "Ann Lake, a spokeswoman": a given name and a
    // surname that is also a place's word, read as a place ("Hyde
    // Park"), are a person's name where the context says person.
    if ctx.place && context > 0.0 && given_then_surname(ctx) {
        score -= W.place;
    }
    // The rules of `things` only lower a score: a score too low already to
    // make a person or a list's item (most candidates) need not ask them.
    if score > W.listed {
        match against_thing(ctx, speaks) {
            Some(points) => score += points,
            None => return Verdict::THING,
        }
    }
    // After `things`, which may call the name a thing wherever it stands
    // ("London Irish coach Gary Gold": a team's).
    if ctx.len > 1 && qualifies_a_title(ctx) || modifies_a_title(ctx) {
        score += W.before_title;
    }
    Verdict {
        score,
        other: kinds::other_kind(ctx),
        context,
        called_organisation: false,
    }
}

/// Two words: a given name, then a surname that is a place's word
/// ("Hill", "Lake"), not together a place's name ("Hong Kong").
fn given_then_surname(ctx: &Ctx) -> bool {
    let f = ctx.flags();
    f.len() == 2
        && f[0] & flag::GIVEN != 0
        && f[1] & flag::SURNAME != 0
        && f[1] & flag::PLACE_WORD != 0
        && ctx.phrase_flags() & flag::PLACE == 0
}

/// Counter-evidence from `things`: `None` when the name is a thing's
/// wherever it stands (its form, what [`named_by_grammar`] reads, or a
/// person it owns: "Oxfam's Ann Roe" makes "Oxfam says" a body's words),
/// else the points against it (a state after a town, a phrase ending in
/// a plural, a brand that does not speak: a brand that speaks is a
/// speaker still, the quotes name it).
/// Not inlined: few candidates ask, and a smaller `judge` keeps the
/// rules it calls inlined.
#[inline(never)]
fn against_thing(ctx: &Ctx, speaks: f32) -> Option<f32> {
    // Words all in the lists, a given name first ("Ann Lind"): only the
    // words around it read otherwise, not its form (most candidates that
    // get here).
    let f = ctx.flags();
    if f.len() > 1
        && f[0] & flag::GIVEN != 0
        && f[0] & flag::DEMONYM == 0
        && ctx.cand.parts.len() == f.len()
        && f.iter().all(|&x| x != 0)
    {
        return (!named_by_grammar(ctx)).then_some(0.0);
    }
    if things::by_form(ctx) || named_by_grammar(ctx) || things::owns_person(ctx) {
        return None;
    }
    let mut s = 0.0;
    if things::state_after_town(ctx) {
        s += W.place;
    }
    if things::plural_phrase(ctx) {
        s += W.plural_phrase;
    }
    if (speaks <= 0.0 || opens_clause(ctx)) && things::brand(ctx) {
        s += W.brand;
    }
    Some(s)
}

/// The words around the name make it a thing's, whatever its form: a
/// plural verb ("Qorvath have signed"), a title and a person after it
/// ("Vera Lind star Ann Roe"), a list of things it stands in ("films such
/// as Vera Lind").
fn named_by_grammar(ctx: &Ctx) -> bool {
    things::plural_verb(ctx)
        || things::employs(ctx)
        || things::listed_as_things(ctx)
        || things::related_firm(ctx)
        || things::persons_work(ctx)
}

/// A lone acronym, date or nationality with no title before it: no rule
/// could make it a person, so the context is not read (a third of all
/// candidates; this is the hot path).
fn obvious(ctx: &Ctx) -> Option<Verdict> {
    if ctx.len != 1 || ctx.cand.role.is_some() {
        return None;
    }
    let f = ctx.flags[0];
    let t = ctx.tokens[ctx.cand.first()];
    let other = if t.upper {
        Some(EntityKind::Organisation)
    } else if f & (flag::TIME | flag::DEMONYM) != 0 && f & (flag::GIVEN | flag::SURNAME) == 0 {
        None
    } else {
        return None;
    };
    Some(Verdict {
        score: W.obvious,
        other,
        context: 0.0,
        called_organisation: false,
    })
}

/// A title or honorific in front: "Mr. X", "President X", "striker X".
fn title(ctx: &Ctx) -> f32 {
    let f = ctx.cand.role_flags;
    if f & flag::HONORIFIC != 0 {
        W.honorific
    } else if f & flag::TITLE != 0 {
        W.title
    } else {
        0.0
    }
}

/// The subject or object of a reporting verb: "X said", "X told",
/// "X also said", "said X", "according to X", "X, who".
fn speech(ctx: &Ctx) -> f32 {
    let a = ctx.after();
    let is_verb = |i: usize| ctx.lower_flags(i) & flag::VERB != 0;
    let adverb = |i: usize| {
        matches!(
            ctx.bytes(i),
            b"also" | b"has" | b"had" | b"later" | b"then" | b"was"
        )
    };
    if is_verb(a) || (adverb(a) && is_verb(a + 1)) {
        return W.speech;
    }
    if ctx.bytes(a) == b"," && ctx.bytes(a + 1) == b"who" {
        return W.speech;
    }
    match ctx.before() {
        // Not "said Gartner's analyst Kobita Desai": the owner of the
        // speaker's title is no speaker.
        Some(b) if is_verb(b) && !ctx.tokens[b].sent_start && !owns_title(ctx) && !heads(ctx) => {
            W.speech
        }
        // "the official, Aryeh Shumer, said": a title noun, a comma, X.
        Some(b) if ctx.bytes(b) == b"," && b > 0 && is_title_noun(ctx, b - 1) => {
            W.named_after_title
        }
        Some(b) if ctx.bytes(b) == b"to" && b > 0 && ctx.bytes(b - 1) == b"according" => W.speech,
        _ => 0.0,
    }
}

/// "Gartner's principal analyst": a possessive name, then a title within
/// three lower-case words.
fn owns_title(ctx: &Ctx) -> bool {
    let a = ctx.after();
    ctx.cand.possessive
        && (a..a + 3)
            .take_while(|&i| {
                ctx.tokens
                    .get(i)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap)
            })
            .any(|i| ctx.lower_flags(i) & (flag::TITLE | flag::QUALIFIER) != 0)
}

/// After "said", the name heads a longer phrase rather than naming the
/// speaker: "said Qorvath Research analyst Ann Lind" (a title noun
/// follows: the speaker comes after).
fn heads(ctx: &Ctx) -> bool {
    let a = ctx.after();
    a < ctx.tokens.len() && is_title_noun(ctx, a)
}

/// An auxiliary follows the name: "said Qorvath would win" reports what
/// Qorvath would do, not what Qorvath said.
fn opens_clause(ctx: &Ctx) -> bool {
    matches!(
        ctx.bytes(ctx.after()),
        b"would" | b"will" | b"could" | b"should" | b"might" | b"may" | b"can" | b"is" | b"was"
    )
}

fn is_title_noun(ctx: &Ctx, i: usize) -> bool {
    ctx.tokens[i].kind == Kind::Word
        && !ctx.tokens[i].cap
        && lexicon::small_flags(ctx.bytes(i)) & flag::TITLE != 0
}

/// What a phrase set off by a comma says the candidate is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Appositive {
    None,
    /// "X, the former minister,", "X, 45,".
    Person,
    /// "X, the company that owns it", "X, a Norwegian firm,".
    Organisation,
}

/// An apposition: a title says person; an organisation's head noun that
/// ends the phrase says organisation ("X, the state oil company,", "X, a
/// group that...", "X, Germany's largest bank,"; not "X, a bank
/// executive" nor "X, a member of parliament").
fn apposition(ctx: &Ctx) -> Appositive {
    let a = ctx.after();
    if ctx.bytes(a) != b"," {
        return Appositive::None;
    }
    let age = ctx.tokens.get(a + 1).is_some_and(|t| t.kind == Kind::Num)
        && ctx.bytes(a + 1).len() == 2
        && matches!(ctx.bytes(a + 2), b"," | b".");
    if age {
        return Appositive::Person;
    }
    let mut i = a + 1;
    let article = matches!(ctx.bytes(i), b"the" | b"a" | b"an" | b"another");
    let owner = ctx.tokens.get(i).is_some_and(|t| t.cap) && is_possessive(ctx.bytes(i));
    if article || matches!(ctx.bytes(i), b"his" | b"her" | b"its" | b"their") {
        i += 1;
    }
    // Past a preposition the head noun is behind ("a member of the party").
    let mut may_be_organisation = (article || owner) && !ctx.place && !introduced(ctx);
    for k in i..i + 4 {
        let Some(t) = ctx.tokens.get(k) else { break };
        if t.kind != Kind::Word {
            break;
        }
        let w = ctx.bytes(k);
        if lexicon::small_flags(w) & flag::TITLE != 0 {
            return if titles_a_name(ctx, k) {
                Appositive::None
            } else {
                Appositive::Person
            };
        }
        if may_be_organisation && !t.cap && kinds::organisation_head(w) && ends_noun_phrase(ctx, k)
        {
            return Appositive::Organisation;
        }
        if may_be_organisation && kinds::is_preposition(w) {
            may_be_organisation = false;
        }
    }
    Appositive::None
}

/// "During Prime Minister's Questions, Tory leader Ann Lind said": the
/// title words from `k` on go before a name of their own, after a phrase
/// that opens the sentence, so they are the subject's and no apposition
/// of the name before the comma ("It included Ann Roe, presenter Tess
/// Daly and …" lists people).
fn titles_a_name(ctx: &Ctx, k: usize) -> bool {
    if !in_opening_phrase(ctx) {
        return false;
    }
    let mut i = k;
    while ctx.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
        && lexicon::small_flags(ctx.bytes(i)) & flag::TITLE != 0
    {
        i += 1;
    }
    ctx.tokens
        .get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.cap)
}

/// The name stands in a phrase that opens its sentence with a
/// preposition, with no comma before it: "During Prime Minister's
/// Questions,".
fn in_opening_phrase(ctx: &Ctx) -> bool {
    let Some(before) = ctx.before() else {
        return false;
    };
    // The name (or its title) opens a sentence of its own.
    if ctx.tokens[before + 1].sent_start {
        return false;
    }
    for i in (before.saturating_sub(OPENING_PHRASE_TOKENS)..=before).rev() {
        let t = ctx.tokens[i];
        if ctx.bytes(i) == b"," {
            return false;
        }
        if t.sent_start {
            return t.cap && kinds::is_preposition(&ctx.bytes(i).to_ascii_lowercase());
        }
    }
    false
}

/// How many tokens before a name [`in_opening_phrase`] reads back for the
/// sentence's start.
const OPENING_PHRASE_TOKENS: usize = 8;

fn is_possessive(word: &[u8]) -> bool {
    word.ends_with(b"'s") || word.ends_with("\u{2019}s".as_bytes())
}

/// Word `head` ends its noun phrase: punctuation follows (a list's ", and"
/// aside), or the end, or a word that opens a relative clause, a
/// participle (`assets/words/phrase-ends.txt`) or an "of" phrase ("the
/// maker of"; but "a group of scouts" is people).
fn ends_noun_phrase(ctx: &Ctx, head: usize) -> bool {
    let i = head + 1;
    if ctx.bytes(i) == b"of" {
        return ctx.bytes(head) != b"group";
    }
    match ctx.tokens.get(i) {
        None => true,
        Some(t) if t.kind != Kind::Word => {
            !(ctx.bytes(i) == b"," && matches!(ctx.bytes(i + 1), b"and" | b"or"))
        }
        Some(_) => lexicon::compiled::phrase_ends::contains(ctx.bytes(i)),
    }
}

/// The candidate ends an introductory phrase ("In Germany, the party
/// that won..."): its sentence opens with a preposition and no comma
/// comes between.
fn introduced(ctx: &Ctx) -> bool {
    let mut i = ctx.cand.first();
    for _ in 0..8 {
        let t = ctx.tokens[i];
        if t.sent_start {
            return i != ctx.cand.first()
                && kinds::is_preposition(&ctx.bytes(i).to_ascii_lowercase());
        }
        if i == 0 || t.kind != Kind::Word && ctx.bytes(i) == b"," {
            return false;
        }
        i -= 1;
    }
    false
}

/// What the words themselves say: a given name first, a surname last,
/// words found in no list (a foreign name rather than a phrase).
fn words(ctx: &Ctx) -> f32 {
    let f = ctx.flags();
    let (first, last) = (f[0], f[f.len() - 1]);
    let mut s = 0.0;
    let other = flag::COMMON | flag::PLACE;
    if f.len() >= 2 {
        if first & flag::GIVEN != 0 {
            s += if first & other == 0 {
                W.given_first
            } else {
                W.given_first_shared
            };
        }
        if last & flag::SURNAME != 0 {
            s += if last & other == 0 {
                W.surname_last
            } else {
                W.surname_last_shared
            };
        }
        // Every word is a name or in no list at all ("Mark Woodforde",
        // "Tang Shubei"): a phrase of ordinary words is not.
        let plain = other | flag::ORG | flag::DEMONYM | flag::TIME;
        let namey = |x: Flags| x & plain == 0 || x & (flag::GIVEN | flag::SURNAME) != 0;
        if ctx
            .cand
            .parts
            .iter()
            .zip(f)
            .all(|(i, &x)| !ctx.tokens[i].cap || namey(x))
        {
            s += W.all_names;
        }
    } else if first & (flag::SURNAME | flag::GIVEN) != 0 && first & flag::COMMON == 0 {
        s += W.lone_name;
    }
    s
}

/// Counter-evidence: places, organisations, acronyms, newsroom furniture,
/// dates, nationalities, common words, "the X", "in X".
fn counter(ctx: &Ctx) -> f32 {
    let f = ctx.flags();
    let mut s = if f.len() == 1 {
        counter_one(ctx, f[0])
    } else {
        counter_many(ctx, f)
    };
    // "Morgan Stanley", "Goldman Sachs": a firm's whole name
    // (`companies.txt`), whatever its words are on their own.
    let firm = ctx.phrase_flags() & flag::ORG != 0;
    if firm || f.iter().any(|&x| x & flag::ORG != 0) {
        // "Tomas Post", "Michael Power": a given name, then a surname that
        // is also an organisation word, is weaker counter-evidence; so is
        // a firm's word before a word in no list ("Nissan Kapeta", a
        // foreign name).
        let named = !firm
            && f.len() == 2
            && (f[0] & flag::GIVEN != 0 && f[1] & flag::SURNAME != 0 || f[1] == 0);
        s += if named {
            W.organisation_surname
        } else {
            W.organisation_word
        };
    }
    if ctx.place {
        s += W.place;
    }
    if ctx.cand.parts.iter().any(|i| ctx.tokens[i].upper) {
        s += W.acronym;
    }
    if ctx.cand.role.is_none() || plain_word_role(ctx) {
        s += kinds::preceding_word(ctx);
    }

    s
}

/// "the East Kent Hunt": the one word dropped before the name is a
/// plain word (no title, nationality, place or body word), so the words
/// before it still say what the name is.
fn plain_word_role(ctx: &Ctx) -> bool {
    let kind =
        flag::TITLE | flag::HONORIFIC | flag::DEMONYM | flag::QUALIFIER | flag::PLACE | flag::ORG;
    ctx.cand.role.is_some_and(|(a, b)| {
        a == b
            && ctx.tokens[a].cap
            && !ctx.tokens[a].upper
            && lexicon::flags(ctx.word(a)) & kind == 0
    })
}

/// Against a one-word candidate: a date, a nationality, furniture, a
/// direction ("the West"), a title alone ("President"), a common word.
fn counter_one(ctx: &Ctx, f: Flags) -> f32 {
    let mut s = 0.0;
    if f & (flag::DEMONYM | flag::TIME | flag::FURNITURE) != 0 {
        s += W.demonym_date_furniture;
    }
    if f & flag::PLACE_WORD != 0 && f & flag::GIVEN == 0 {
        s += W.place_word;
    }
    if f & (flag::TITLE | flag::HONORIFIC) != 0 {
        s += W.title_alone;
    }
    if f & flag::COMMON != 0 && f & (flag::GIVEN | flag::SURNAME) == 0 {
        s += W.common_word;
    }
    if ctx.tokens[ctx.cand.first()].sent_start && f & flag::COMMON != 0 {
        s += W.common_opener;
    }
    if f & flag::GIVEN == 0 && speaks_as_a_thing(ctx) {
        s += W.thing;
    }
    s
}

/// "Google said its profits rose", "Google has said its", "Yukos, which
/// owns", "Yukos and its partners": a name that a verb's "its", a "which"
/// or a joined "its" refers back to is a thing's.
fn speaks_as_a_thing(ctx: &Ctx) -> bool {
    let a = ctx.after();
    // The bytes first: most names are followed by none of these.
    let verb = |i: usize| ctx.lower_flags(i) & flag::VERB != 0;
    let its = (ctx.bytes(a + 1) == b"its" && verb(a))
        || (ctx.bytes(a + 2) == b"its"
            && matches!(ctx.bytes(a), b"has" | b"had" | b"have" | b"will")
            && verb(a + 1));
    its || (ctx.bytes(a) == b"," && ctx.bytes(a + 1) == b"which")
        || (matches!(ctx.bytes(a), b"and" | b"or") && ctx.bytes(a + 1) == b"its")
}

/// Against a phrase: it ends in a title ("Legal Affairs Minister") or a
/// place ("Legia Warsaw"), holds furniture ("Athens Newsroom"), is all
/// nationalities ("Sunni Muslims") or a team ("Atlanta Braves").
fn counter_many(ctx: &Ctx, f: &[Flags]) -> f32 {
    let mut s = 0.0;
    let last = f[f.len() - 1];
    if last & (flag::TITLE | flag::HONORIFIC) != 0 {
        s += W.ends_in_title;
    }
    if f.iter().any(|&x| x & flag::FURNITURE != 0) {
        s += W.furniture;
    }
    if last & flag::PLACE != 0 && last & (flag::SURNAME | flag::GIVEN) == 0 {
        s += W.ends_in_place;
    }
    let place_first = f[0] & flag::PLACE != 0 && f[0] & flag::GIVEN == 0;
    if place_first && plural_noun(ctx) {
        s += W.team;
    }
    let name_flags = flag::GIVEN | flag::SURNAME;
    if place_first
        && f[0] & flag::SURNAME == 0
        && last & flag::COMMON != 0
        && last & name_flags == 0
    {
        s += W.place_then_noun;
    }
    if f.iter().all(|&x| x & flag::DEMONYM != 0) {
        s += W.demonyms;
    }
    s
}

/// "Crystal Palace striker Andy Johnson", "German Economy minister Wolf
/// Clement": a name right before a role noun and the name it titles is
/// the team, body or place the person belongs to. Not a given name and a
/// surname: "Hillary Clinton aide Huma Abedin" is the person's aide.
fn qualifies_a_title(ctx: &Ctx) -> bool {
    let f = ctx.flags();
    let named = f[0] & flag::GIVEN != 0 && f[f.len() - 1] & flag::SURNAME != 0;
    let a = ctx.after();
    !named
        && !ctx.cand.possessive
        && a + 1 < ctx.tokens.len()
        && is_title_noun(ctx, a)
        && ctx.tokens[a + 1].cap
        && ctx.tokens[a + 1].kind == Kind::Word
}

/// "The billionaire Zorbco owner said": one word in no list of names
/// right before a title noun that ends the phrase is what the title is
/// of, a body's or a team's name.
fn modifies_a_title(ctx: &Ctx) -> bool {
    // The word after's flags are cached: other rules ask for them too.
    let a = ctx.after();
    ctx.len == 1
        && !ctx.cand.possessive
        && ctx.flags()[0] & (flag::GIVEN | flag::SURNAME) == 0
        && ctx.lower_flags(a) & flag::TITLE != 0
        && ctx.tokens.get(a + 1).is_none_or(|t| !t.cap)
}

/// The last word is a plural common noun ("Braves", "Rovers").
fn plural_noun(ctx: &Ctx) -> bool {
    let w = ctx.word(ctx.cand.last());
    w.len() > 3
        && w.ends_with('s')
        && lexicon::flags(&w[..w.len() - 1]) & flag::COMMON != 0
        && lexicon::flags(w) & (flag::SURNAME | flag::GIVEN) == 0
}

fn whole_place(ctx: &Ctx) -> bool {
    if ctx.flags().len() == 1 {
        return ctx.flags()[0] & flag::PLACE != 0;
    }
    // "St Pauli", "San Lorenzo", "Fort Worth": a place-name prefix
    // (`assets/words/place-prefixes.txt`).
    let prefix = ctx.bytes(ctx.cand.first());
    if lexicon::compiled::place_prefixes::contains(prefix) {
        return true;
    }
    let last = ctx.flags()[ctx.flags().len() - 1];
    // Most phrases start with no place name's first word ("John Smith").
    last & flag::PLACE_WORD != 0 || ctx.phrase_flags() & flag::PLACE != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people::candidates;
    use crate::analysis::people::token::tokenize;

    /// The verdict on the candidate whose name is `name` in `text`, if it
    /// is a candidate.
    fn verdict(text: &str, name: &str) -> Option<Verdict> {
        let tokens = tokenize(text);
        let cands = candidates::find(text, &tokens);
        cands
            .iter()
            .find(|c| c.name(text, &tokens) == name)
            .map(|c| judge(&Ctx::new(text, &tokens, c)))
    }

    /// The score of the candidate whose name is `name` in `text` (minus
    /// infinity when it is not even a candidate).
    fn score(text: &str, name: &str) -> f32 {
        verdict(text, name).map_or(f32::NEG_INFINITY, |v| v.score)
    }

    #[test]
    fn each_rule_fires_and_holds_back() {
        // (text, name, is a person)
        let rows: &[(&str, &str, bool)] = &[
            ("He met Mr. Qorvath on Monday.", "Qorvath", true),
            ("He met Qorvath on Monday.", "Qorvath", false),
            ("the striker Qorvath scored", "Qorvath", true),
            ("Qorvath said the deal was off.", "Qorvath", true),
            ("Qorvath, who leads the talks, left.", "Qorvath", true),
            ("Qorvath, the former minister, left.", "Qorvath", true),
            ("Qorvath, 45, left.", "Qorvath", true),
            ("Qorvath hopes the deal holds.", "Qorvath", false),
            ("the talks, according to Qorvath.", "Qorvath", true),
            ("Leeds 1 (Qorvath 58th minute) Wimbledon 0", "Qorvath", true),
            ("Atherton c Qorvath b Akram 43", "Qorvath", true),
            (
                "3 - Jana Qorvath (Czech Republic) beat her",
                "Jana Qorvath",
                true,
            ),
            ("He met M. Qorvath there.", "M. Qorvath", true),
            ("We met John Qorvath there.", "John Qorvath", true),
            ("We met Zbyk Qorvath there.", "Zbyk Qorvath", false),
            ("Zbyk Qorvath said no.", "Zbyk Qorvath", true),
            (
                "We went to the Qorvath Group offices.",
                "Qorvath Group",
                false,
            ),
            ("They flew to Brussels on Monday.", "Brussels", false),
            ("NATO said it would act.", "NATO", false),
            ("AFP reported the attack.", "AFP", false),
            ("The Norwegian politician said no.", "Norwegian", false),
            ("On Wednesday he left.", "Wednesday", false),
            ("Officials said they would act.", "Officials", false),
            ("He said the Qorvath Zbyk was late.", "Qorvath Zbyk", false),
            ("He was born in Qorvath Zbyk.", "Qorvath Zbyk", false),
            ("the daily newspaper Qorvath said so.", "Qorvath", false),
            ("his club Qorvath announced it.", "Qorvath", false),
            ("Caufield & Qorvath said so.", "Qorvath", false),
            (
                "the Commission's chief spokesman Nikolaus van der Pas told",
                "Nikolaus van der Pas",
                true,
            ),
            (
                "Zbyk Qorvath, a former bank executive, said no.",
                "Zbyk Qorvath",
                true,
            ),
        ];
        for &(text, name, person) in rows {
            let s = score(text, name);
            assert_eq!(s >= THRESHOLD, person, "{text}: {name} scored {s}");
        }
    }

    #[test]
    fn an_apposition_may_call_a_name_an_organisation() {
        // (text, name, called an organisation)
        let rows: &[(&str, &str, bool)] = &[
            (
                "Qorvath Zbyk, the company that runs the port, said no.",
                "Qorvath Zbyk",
                true,
            ),
            (
                "Zbyk Qorvath, a Polish firm, said no.",
                "Zbyk Qorvath",
                true,
            ),
            (
                "Zbyk Qorvath, Poland's largest bank, said no.",
                "Zbyk Qorvath",
                true,
            ),
            (
                "He works at Zbyk Qorvath, the company that runs it.",
                "Zbyk Qorvath",
                true,
            ),
            (
                "Zbyk Qorvath, a former bank executive, said no.",
                "Zbyk Qorvath",
                false,
            ),
            (
                "Zbyk Qorvath, the company's founder, said no.",
                "Zbyk Qorvath",
                false,
            ),
            (
                "Zbyk Qorvath, a member of the party, said no.",
                "Zbyk Qorvath",
                false,
            ),
            (
                "Zbyk Qorvath, the party, and the unions said no.",
                "Zbyk Qorvath",
                false,
            ),
            (
                "Zbyk Qorvath, several groups said no.",
                "Zbyk Qorvath",
                false,
            ),
            (
                "In Qorvath Zbyk, the party that won said no.",
                "Qorvath Zbyk",
                false,
            ),
            (
                "They flew to Brussels, the city that hosts it.",
                "Brussels",
                false,
            ),
        ];
        for &(text, name, organisation) in rows {
            let v = verdict(text, name).expect("candidate");
            assert_eq!(v.called_organisation, organisation, "{text}");
            if organisation {
                assert_eq!(v.other, Some(EntityKind::Organisation), "{text}");
                assert!(v.score < THRESHOLD, "{text}");
            }
        }
    }

    #[test]
    fn other_kinds() {
        let rows: &[(&str, &str, Option<EntityKind>)] = &[
            (
                "NATO said it would act.",
                "NATO",
                Some(EntityKind::Organisation),
            ),
            (
                "the Kremlin said so.",
                "Kremlin",
                Some(EntityKind::Organisation),
            ),
            (
                "They flew to Brussels on Monday.",
                "Brussels",
                Some(EntityKind::Place),
            ),
            (
                "He lives in Qorvath now.",
                "Qorvath",
                Some(EntityKind::Place),
            ),
            (
                "The Qorvath Party won.",
                "Qorvath Party",
                Some(EntityKind::Organisation),
            ),
            ("He met Zbyk Qorvath.", "Zbyk Qorvath", None),
        ];
        for &(text, name, want) in rows {
            let v = verdict(text, name).expect("candidate");
            assert_eq!(v.other, want, "{text}");
        }
    }
}
