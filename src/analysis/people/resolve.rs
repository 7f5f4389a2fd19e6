//! Resolution: from judged candidates to persons and entity mentions.
//! A candidate is a person when its evidence is strong enough, or when all
//! its words are already known as a person's name in the article (the
//! surname alone, the given name alone). Grouped forms become one
//! [`Person`] with its fullest form as the name.

use super::candidates::Candidate;
use super::evidence::{self, Ctx, THRESHOLD, Verdict};
use super::gender::{self, Votes};
use super::grouping::{self, Form};
use super::token::{Kind, Token};
use super::weights::WEIGHTS as W;
use super::{EntityKind, Mention, People, Person};
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::{body_titles, given_name_titles};
use crate::analysis::lexicon::{self, flag};
use crate::hash::{FxHasher, KeyHasher, word_hash};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// Judges, accepts and groups the candidates.
pub fn resolve(text: &str, tokens: &[Token], cands: &[Candidate]) -> People {
    let mut verdicts: Vec<Verdict> = cands
        .iter()
        .map(|c| evidence::judge(&Ctx::new(text, tokens, c)))
        .collect();
    if verdicts.iter().any(|v| v.called_organisation) {
        spread_organisations(text, tokens, cands, &mut verdicts);
    }
    heads_of_bodies(text, tokens, cands, &mut verdicts);
    let mut memo = KeyMemo {
        keys: HashMap::with_capacity_and_hasher(2 * cands.len(), BuildHasherDefault::default()),
        // Room for the keys of most articles' names.
        text: String::with_capacity(1024),
    };
    let accepted = accept(text, tokens, cands, &verdicts, &mut memo);
    let names: Vec<Cow<str>> = accepted
        .iter()
        .map(|&i| cands[i].name_in(text, tokens))
        .collect();
    // Grouped by name, but "Prince Charles" by his title too, unless the
    // text gives the prince's full name ("Prince Saud al-Faisal").
    let full: Vec<(&str, &str)> = accepted
        .iter()
        .filter(|&&i| cands[i].parts.len() > 1)
        .filter_map(|&i| {
            Some((
                title_of(text, tokens, &cands[i])?,
                first_word(text, tokens, &cands[i]),
            ))
        })
        .collect();
    let keys: Vec<Cow<str>> = accepted
        .iter()
        .zip(&names)
        .map(|(&i, name)| match title_of(text, tokens, &cands[i]) {
            Some(title) if cands[i].parts.len() == 1 && !full.contains(&(title, name.as_ref())) => {
                Cow::Owned(format!("{title} {name}"))
            }
            _ => Cow::Borrowed(name.as_ref()),
        })
        .collect();
    let (forms, form_of) = forms_of(&keys, &memo);
    let owners = renumber(&grouping::group(&forms, &form_of));
    // One list of members by person (each in text order), rather than a
    // list per person.
    let (order, starts) = by_owner(&owners);
    let members: Vec<Member> = order
        .iter()
        .map(|&k| Member {
            cand: &cands[accepted[k]],
            name: &names[k],
            words: forms[form_of[k]].key_count(),
        })
        .collect();
    let spans: Vec<(Span, usize)> = accepted
        .iter()
        .zip(&owners)
        .map(|(&i, &o)| (cands[i].span, o))
        .collect();
    let all = Named::new(spans);
    let persons = starts
        .windows(2)
        .enumerate()
        .map(|(o, w)| person(text, tokens, &members[w[0]..w[1]], &all, o))
        .collect();
    let mentions = mentions(text, tokens, cands, &verdicts, &accepted, &owners);
    People { persons, mentions }
}

/// "Prince Charles": the title of `assets/words/given-name-titles.txt`
/// right before a name, with which a lone given name is grouped, so that
/// it is someone other than a "Charles Kennedy" of the same text.
fn title_of<'t>(text: &'t str, tokens: &[Token], cand: &Candidate) -> Option<&'t str> {
    let (_, last) = cand.role?;
    let title = text.get(tokens[last].start..tokens[last].end)?;
    given_name_titles::contains(title.as_bytes()).then_some(title)
}

/// The first word of a name as written.
fn first_word<'t>(text: &'t str, tokens: &[Token], cand: &Candidate) -> &'t str {
    let t = tokens[cand.parts.first];
    &text[t.start..t.end]
}

/// A name the text calls an organisation ("Nordvind, the company that
/// owns the farm") is one everywhere in it: in "Nordvind said" too. An
/// honorific or a role noun ("Mr. Nordvind", "President Nordvind") still
/// says person: "former Nordvind adviser Ann Lind" made the name an
/// employer. Not any title: "rival Nordvind" is a firm as often, and so is
/// "champion Nordvind" (`assets/words/body-titles.txt`).
fn spread_organisations(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    verdicts: &mut [Verdict],
) {
    let called: HashSet<Cow<str>, BuildHasherDefault<FxHasher>> = cands
        .iter()
        .zip(verdicts.iter())
        .filter(|(_, v)| v.called_organisation)
        .map(|(c, _)| c.name_in(text, tokens))
        .collect();
    for (c, v) in cands.iter().zip(verdicts.iter_mut()) {
        let titled = c.role_flags & flag::HONORIFIC != 0
            || c.role.is_some_and(|(a, b)| {
                (a..=b).any(|i| {
                    let word = tokens[i].bytes(text);
                    lexicon::small_flags(word) & flag::ROLE_NOUN != 0
                        && !body_titles::contains(word)
                })
            });
        if !titled && called.contains(&c.name_in(text, tokens)) {
            *v = Verdict::ORGANISATION;
        }
    }
}

/// "Jupiter Research found … said Jupiter": a lone word that opens the
/// name of a body in the same text is that body, unless it is a given
/// name, has a title, or ends the name of someone the text calls a
/// person ("Blair" of "Tony Blair", not of "the Blair Foundation").
fn heads_of_bodies(text: &str, tokens: &[Token], cands: &[Candidate], verdicts: &mut [Verdict]) {
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let body = |c: &Candidate, v: &Verdict| {
        c.parts.len() > 1 && v.other == Some(EntityKind::Organisation) && v.score < THRESHOLD
    };
    // Sorted lists searched by bisection: most texts name a few bodies,
    // and a text of many stays linear in its length.
    let mut heads: Vec<&str> = cands
        .iter()
        .zip(verdicts.iter())
        .filter(|(c, v)| body(c, v))
        .map(|(c, _)| word(c.first()))
        .filter(|w| !lexicon::is_sentence_opener(w.as_bytes()))
        .collect();
    if heads.is_empty() {
        return;
    }
    heads.sort_unstable();
    // The heads' first letters, as bits: most lone words start with none
    // of them and need no search.
    let bit = |w: &str| 1u64 << (w.as_bytes()[0] & 63);
    let letters = heads.iter().fold(0, |m, w| m | bit(w));
    let mut surnames: Option<Vec<&str>> = None;
    for k in 0..cands.len() {
        let c = &cands[k];
        if c.parts.len() > 1 || c.role.is_some() {
            continue;
        }
        let w = word(c.first());
        if letters & bit(w) == 0 || heads.binary_search(&w).is_err() {
            continue;
        }
        let surnames = surnames.get_or_insert_with(|| {
            let mut all: Vec<&str> = cands
                .iter()
                .zip(verdicts.iter())
                .filter(|(c, v)| c.parts.len() > 1 && v.score >= THRESHOLD)
                .map(|(c, _)| word(c.last()))
                .collect();
            all.sort_unstable();
            all
        });
        if surnames.binary_search(&w).is_err() && lexicon::flags(w) & flag::GIVEN == 0 {
            verdicts[k] = Verdict::ORGANISATION;
        }
    }
}

/// The [`Form`] of each distinct name, and the index of each name's form:
/// a person is often named the same way many times, and a form is
/// computed once, from the keys of its words computed before when they
/// were.
fn forms_of(names: &[Cow<str>], memo: &KeyMemo) -> (Vec<Form>, Vec<usize>) {
    let mut seen: HashMap<&str, usize, BuildHasherDefault<FxHasher>> =
        HashMap::with_capacity_and_hasher(names.len(), BuildHasherDefault::default());
    let mut forms = Vec::new();
    let form_of = names
        .iter()
        .map(|n| {
            *seen.entry(n.as_ref()).or_insert_with(|| {
                forms.push(Form::with_keys(n, |w, out| match memo.get(w) {
                    Some(k) => out.push_str(memo.text(k)),
                    None => grouping::push_key(w, out),
                }));
                forms.len() - 1
            })
        })
        .collect();
    (forms, form_of)
}

/// A candidate taken as a person: its name as written, and the number of
/// its name words (particles and suffixes aside, as [`Form::words`] counts
/// them), read off the name's form.
#[derive(Clone, Copy)]
struct Member<'a> {
    cand: &'a Candidate,
    name: &'a str,
    words: usize,
}

/// The indices of `owners` ordered by owner (in text order within one),
/// and where each owner's run starts (one more entry, the end): a
/// counting sort, as the owners are the numbers from 0 up.
fn by_owner(owners: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let count = owners.iter().max().map_or(0, |m| m + 1);
    let mut starts = vec![0; count + 1];
    for &o in owners {
        starts[o + 1] += 1;
    }
    for o in 0..count {
        starts[o + 1] += starts[o];
    }
    let mut next = starts.clone();
    let mut order = vec![0; owners.len()];
    for (k, &o) in owners.iter().enumerate() {
        order[next[o]] = k;
        next[o] += 1;
    }
    (order, starts)
}

/// Hashes of the keys of words known as a person's (see [`KeyMemo`]).
type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// The indices of the candidates taken as persons, in text order: strong
/// evidence, then list neighbours, then words known as a person's (from
/// all of those), then list neighbours again.
fn accept(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    verdicts: &[Verdict],
    memo: &mut KeyMemo,
) -> Vec<usize> {
    let mut taken: Vec<bool> = verdicts.iter().map(|v| v.score >= THRESHOLD).collect();
    spread_in_lists(text, tokens, cands, verdicts, &mut taken);
    let mut known = Known {
        keys: KeySet::with_capacity_and_hasher(64, BuildHasherDefault::default()),
        surnames: KeySet::with_capacity_and_hasher(64, BuildHasherDefault::default()),
        initials: 0,
    };
    for (c, _) in cands.iter().zip(&taken).filter(|(_, t)| **t) {
        // The last of two words or more is a surname.
        let (mut last, mut n) = (0, 0);
        for w in c
            .words(text, tokens)
            .filter(|w| !grouping::is_particle_word(w))
        {
            let Key { hash, first, .. } = memo.key(w);
            known.keys.insert(hash);
            known.initials |= first.map_or(0, |b| 1 << (b % 64));
            (last, n) = (hash, n + 1);
        }
        if n > 1 {
            known.surnames.insert(last);
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if !taken[i]
            && (known_name(text, tokens, c, &known, memo)
                || known_surname(text, tokens, c, &verdicts[i], &known, memo))
        {
            taken[i] = true;
        }
    }
    spread_in_lists(text, tokens, cands, verdicts, &mut taken);
    let mut accepted = Vec::with_capacity(taken.iter().filter(|&&t| t).count());
    accepted.extend((0..cands.len()).filter(|&i| taken[i]));
    accepted
}

/// Items of one list are of one kind: a candidate with no evidence against
/// it that stands in a list ("A, B and C", "A / B") next to a person is a
/// person too ("Did not bat: Arjuna Ranatunga, Asanka Gurusinha, ...").
fn spread_in_lists(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    verdicts: &[Verdict],
    taken: &mut [bool],
) {
    let open = |i: usize| {
        let c = &cands[i];
        verdicts[i].score > W.listed
            && verdicts[i].other.is_none()
            && !c
                .parts
                .iter()
                .any(|t| tokens[t].upper || tokens[t].flags(text) & flag::ORG != 0)
    };
    let linked = |i: usize| listed(text, tokens, cands[i].last(), cands[i + 1].first());
    // A person spreads along a list both ways, and only to open items: a
    // pass forwards then one backwards reach all that passes over the
    // whole text until nothing changes would (one for each step back).
    // The pass backwards starts only from a person after an untaken item,
    // which the pass forwards meets (and does not change) on its way.
    let mut back = false;
    for i in 0..cands.len().saturating_sub(1) {
        if taken[i] == taken[i + 1] || !linked(i) {
            continue;
        }
        if !taken[i] {
            back = true;
        } else if open(i + 1) {
            taken[i + 1] = true;
        }
    }
    if !back {
        return;
    }
    for i in (0..cands.len().saturating_sub(1)).rev() {
        if taken[i + 1] && !taken[i] && linked(i) && open(i) {
            taken[i] = true;
        }
    }
}

/// Tokens `a` and `b` are neighbours in a list: between them only a
/// separator (`,` `and` `/` `or`; not `&`, which joins firm names), after
/// an optional bracket
/// ("Asa Carlsson (Sweden), Barbara Schett").
fn listed(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    let mut i = a + 1;
    if tokens.get(i).is_some_and(|t| t.is_punct(text, '(')) {
        let close = (i..(i + 6).min(b)).find(|&k| tokens[k].is_punct(text, ')'));
        let Some(close) = close else { return false };
        i = close + 1;
    }
    i + 1 == b && matches!(tokens[i].text(text), "," | "and" | "/" | "or")
}

/// The keys of the words of accepted names, the keys of their surnames
/// (the last word of a name of two words or more), and a bit per first
/// letter of those keys (a cheap test before a key is computed).
#[derive(Default)]
struct Known {
    keys: KeySet,
    surnames: KeySet,
    initials: u64,
}

/// A name whose surname is a known person's and whose other words are
/// in no list but the given names: "Per-Olav Nesheim" once "Nesheim
/// said", though "Per-Olav" is in no list of given names.
fn known_surname(
    text: &str,
    tokens: &[Token],
    c: &Candidate,
    verdict: &Verdict,
    known: &Known,
    memo: &mut KeyMemo,
) -> bool {
    if c.opener || c.parts.len() < 2 || verdict.other.is_some() || known.keys.is_empty() {
        return false;
    }
    let surname = super::candidates::strip_possessive(tokens[c.last()].text(text));
    if !known.keys.contains(&memo.key(surname).hash) {
        return false;
    }
    c.parts.iter().filter(|&i| i != c.last()).all(|i| {
        let t = tokens[i];
        let f = t.flags(text);
        t.particle
            || (t.cap
                && !t.upper
                && (f & flag::GIVEN != 0
                    || (f & flag::NOT_A_NAME == 0 && plain_word(t.text(text)))))
    })
}

/// A word in no list that may be a given name: no dot, and not words run
/// together (a page's buttons glued to a name: `FlagShareLikeReplySara`).
fn plain_word(w: &str) -> bool {
    !w.contains('.') && w.chars().skip(1).filter(|c| c.is_uppercase()).count() <= 1
}

/// All the words are a known person's, and none says organisation.
fn known_name(
    text: &str,
    tokens: &[Token],
    c: &Candidate,
    known: &Known,
    memo: &mut KeyMemo,
) -> bool {
    if known.keys.is_empty() {
        return false;
    }
    // Not an acronym, an organisation word or an abbreviation ("U.N." is
    // not "Un" of "Kim Jong Un").
    let org = c.parts.iter().any(|i| {
        let t = tokens[i];
        // A byte loop: `contains` sets up a search, and words are short.
        t.upper || t.flags(text) & flag::ORG != 0 || t.text(text).bytes().any(|b| b == b'.')
    });
    if org {
        return false;
    }
    // A sentence opener ("Trump", "Brown") counts only as a known surname,
    // never as a given name: "Will" opening a sentence is not Will Smith.
    let keys = if c.opener {
        &known.surnames
    } else {
        &known.keys
    };
    let mut words = c
        .words(text, tokens)
        .filter(|w| !grouping::is_particle_word(w))
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let word = word_hash(w.as_bytes());
            if let Some(k) = memo.keys.get(&word) {
                return keys.contains(&k.hash);
            }
            let first = grouping::first_key_byte(w);
            if first.is_some_and(|b| known.initials & (1 << (b % 64)) == 0) {
                return false;
            }
            keys.contains(&memo.key_of(word, w).hash)
        })
}

/// The key of each word keyed so far (see [`grouping::key`]), its hash
/// (see [`word_hash`]) and first byte: a name is written many times in an
/// article, and a table look-up costs a fraction of a key. The table is
/// keyed by the hash of the word as written, which is as good as the word
/// (see [`word_hash`]) and takes one hashing for a look-up and an insertion.
/// The keys are kept too, one after the other in `text`, for the forms of
/// the names (see [`forms_of`]).
struct KeyMemo {
    keys: HashMap<u64, Key, BuildHasherDefault<KeyHasher>>,
    text: String,
}

/// A word's key in [`KeyMemo`]: where it is in the memo's text, its hash
/// and its first byte.
#[derive(Clone, Copy)]
struct Key {
    hash: u64,
    first: Option<u8>,
    start: usize,
    end: usize,
}

impl KeyMemo {
    fn key(&mut self, word: &str) -> Key {
        self.key_of(word_hash(word.as_bytes()), word)
    }

    /// [`KeyMemo::key`] of `word`, whose hash is `hash`.
    fn key_of(&mut self, hash: u64, word: &str) -> Key {
        *self.keys.entry(hash).or_insert_with(|| {
            let start = self.text.len();
            grouping::push_key(word, &mut self.text);
            let key = &self.text.as_bytes()[start..];
            Key {
                hash: word_hash(key),
                first: key.first().copied(),
                start,
                end: self.text.len(),
            }
        })
    }

    fn get(&self, word: &str) -> Option<Key> {
        self.keys.get(&word_hash(word.as_bytes())).copied()
    }

    fn text(&self, k: Key) -> &str {
        self.text.get(k.start..k.end).unwrap_or("")
    }
}

/// Group numbers in order of first mention.
fn renumber(owners: &[usize]) -> Vec<usize> {
    // Owners are the numbers from 0 up: a table, not a list searched for
    // each name (which grew with the square of the number of people).
    let mut new = vec![None; owners.iter().max().map_or(0, |m| m + 1)];
    let mut next = 0;
    owners
        .iter()
        .map(|&o| {
            *new[o].get_or_insert_with(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// The spans of every person's mentions with their owners, in text order,
/// and where each run of one owner's mentions ends.
struct Named {
    spans: Vec<(Span, usize)>,
    /// For each mention, the first one after it of another owner (or the
    /// end): "the next mention of somebody else" in one step, where a walk
    /// would pass over all of one person's mentions each time.
    run_ends: Vec<usize>,
}

impl Named {
    fn new(spans: Vec<(Span, usize)>) -> Self {
        let mut run_ends = vec![spans.len(); spans.len()];
        for k in (0..spans.len().saturating_sub(1)).rev() {
            run_ends[k] = if spans[k + 1].1 == spans[k].1 {
                run_ends[k + 1]
            } else {
                k + 1
            };
        }
        Named { spans, run_ends }
    }

    /// Where the first mention of someone other than `me` that starts at
    /// or after `at` starts.
    fn other_from(&self, at: usize, me: usize) -> Option<usize> {
        let next = self.spans.partition_point(|(s, _)| s.start < at);
        let other = match self.spans.get(next) {
            Some(&(_, o)) if o == me => self.run_ends[next],
            _ => next,
        };
        self.spans.get(other).map(|(s, _)| s.start)
    }
}

/// One person (number `me`) from its mentions (in text order); `all` are
/// every person's mentions with their owners.
fn person(text: &str, tokens: &[Token], members: &[Member], all: &Named, me: usize) -> Person {
    let mut forms: Vec<(&str, usize, usize)> = Vec::new(); // (form, words, count)
    for m in members {
        match forms.iter_mut().find(|f| f.0 == m.name) {
            Some(f) => f.2 += 1,
            None => forms.push((m.name, m.words, 1)),
        }
    }
    // "(Vladimir) Putin" was written "Putin": that form is one too.
    let written: Vec<String> = members
        .iter()
        .filter_map(|m| m.cand.unbracketed(text, tokens))
        .collect();
    for w in &written {
        if !forms.iter().any(|f| f.0 == w) {
            forms.push((w, Form::words(w), 0));
        }
    }
    let best = (0..forms.len())
        .max_by_key(|&i| (forms[i].1, forms[i].2, std::cmp::Reverse(i)))
        .unwrap_or(0);
    let name = forms.get(best).map_or(String::new(), |f| f.0.to_owned());
    let aliases = forms
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, f)| f.0.to_owned())
        .collect();
    let role = members
        .iter()
        .find_map(|m| m.cand.role_text(text, tokens))
        .map(str::to_owned);
    Person {
        gender: gender_of(text, tokens, members, all, me, &name),
        name,
        aliases,
        mentions: members.iter().map(|m| m.cand.span).collect(),
        role,
        descriptors: descriptors(text, tokens, members),
    }
}

/// Titles, the given name, and the pronouns after each mention.
fn gender_of(
    text: &str,
    tokens: &[Token],
    members: &[Member],
    all: &Named,
    me: usize,
    name: &str,
) -> Option<super::Gender> {
    let mut votes = Votes::default();
    for Member { cand: c, .. } in members {
        votes.title(c.role_flags);
        // The pronoun must come before anyone else is named.
        let limit = all.other_from(c.span.end, me).unwrap_or(text.len());
        votes.pronoun(gender::next_pronoun(text, tokens, c.last() + 1, limit));
    }
    if let Some((first, _)) = name.split_once(' ') {
        votes.given(first);
    }
    votes.decide()
}

/// Lower-case words describing the person: its role words and appositions.
fn descriptors(text: &str, tokens: &[Token], members: &[Member]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // One buffer for the lower-cased word: most words are seen before or
    // are honorifics, and only the new ones are copied out.
    let mut lower = String::new();
    let mut add = |mut w: &str| {
        // Trailing apostrophes off ("Ministers'"), tested as suffixes: a
        // search for either character reads the word char by char.
        while let Some(rest) = w.strip_suffix('\'').or_else(|| w.strip_suffix('’')) {
            w = rest;
        }
        lower.clear();
        if w.is_ascii() {
            lower.push_str(w);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&w.to_lowercase());
        }
        let w = lower.strip_suffix("'s").unwrap_or(&lower);
        // "Sen. Whitcombe" is later "the senator".
        let w = expand_title(w.trim_end_matches('.')).unwrap_or(w);
        if !w.is_empty() && !out.iter().any(|o| o == w) && lexicon::flags(w) & flag::HONORIFIC == 0
        {
            out.push(w.to_owned());
        }
    };
    for Member { cand: c, .. } in members {
        if let Some((a, b)) = c.role {
            (after_owner(text, tokens, a, b + 1)..=b)
                .filter(|&i| tokens[i].kind == Kind::Word)
                .for_each(|i| add(tokens[i].text(text)));
        }
        apposition(text, tokens, c.last() + 1, &mut add);
    }
    out
}

/// Passes the words of ", the former minister," or ", 45," after a name
/// to `add` (which lower-cases them).
fn apposition(text: &str, tokens: &[Token], at: usize, add: &mut impl FnMut(&str)) {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    if word(at) != "," {
        return;
    }
    if tokens.get(at + 1).is_some_and(|t| t.kind == Kind::Num) && word(at + 1).len() == 2 {
        add(&format!("{}-year-old", word(at + 1)));
        return;
    }
    let stop = (at + 7).min(tokens.len());
    let end = (at + 1..stop)
        .find(|&i| tokens[i].kind != Kind::Word)
        .unwrap_or(stop);
    let titled = (at + 1..end).any(|i| lexicon::small_flags(word(i).as_bytes()) & flag::TITLE != 0);
    if !titled {
        return;
    }
    let skip = [
        "the", "a", "an", "his", "her", "its", "their", "of", "and", "who",
    ];
    // A word lower-cases to one of these only if it is one in some ASCII
    // case: the one letter outside ASCII that lower-cases into it, the
    // Kelvin sign, gives a "k".
    for w in (after_owner(text, tokens, at + 1, end)..end).map(word) {
        if !skip.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            add(w);
        }
    }
}

/// Where the words describing the person start in `from..end`: after the
/// last possessive, whose words describe its owner ("the harbour board's
/// engineer" is an engineer, not a board).
fn after_owner(text: &str, tokens: &[Token], from: usize, end: usize) -> usize {
    (from..end)
        .rev()
        .find(|&i| {
            let w = tokens[i].text(text);
            w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
        })
        .map_or(from, |i| i + 1)
}

/// Every entity mention: the persons', and the places and organisations
/// among the other candidates and inside roles ("NATO" in "NATO Secretary
/// General"), sorted by start.
fn mentions(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    verdicts: &[Verdict],
    accepted: &[usize],
    owners: &[usize],
) -> Vec<Mention> {
    let mut out = Vec::with_capacity(cands.len() + 8);
    let mut owner = vec![None; cands.len()];
    for (&i, &o) in accepted.iter().zip(owners) {
        owner[i] = Some(o);
    }
    for (i, c) in cands.iter().enumerate() {
        if let Some(o) = owner[i] {
            out.push(Mention {
                span: c.span,
                kind: EntityKind::Person,
                person: Some(o),
            });
        } else if let Some(kind) = verdicts[i].other {
            out.push(Mention {
                span: c.span,
                kind,
                person: None,
            });
        }
        if let Some((a, b)) = c.role {
            out.extend((a..=b).filter_map(|t| role_entity(text, tokens[t])));
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by_key(|m| m.span);
    out
}

/// An acronym or a place inside a title chain.
fn role_entity(text: &str, t: Token) -> Option<Mention> {
    let w = t.text(text);
    let w = super::candidates::strip_possessive(w);
    let span = Span::new(t.start, t.start + w.len());
    let f = lexicon::flags(w);
    if f & flag::PLACE != 0 && t.cap {
        Some(Mention {
            span,
            kind: EntityKind::Place,
            person: None,
        })
    } else if t.upper && f & flag::TITLE == 0 {
        Some(Mention {
            span,
            kind: EntityKind::Organisation,
            person: None,
        })
    } else {
        None
    }
}

/// The word a title abbreviation stands for
/// (`assets/words/title-abbreviations.tsv`).
fn expand_title(abbreviation: &str) -> Option<&'static str> {
    crate::analysis::lexicon::compiled::title_abbreviations::get(abbreviation)
}
