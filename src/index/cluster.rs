//! Clustering one bucket (one surname) into speakers:
//!
//! 1. full names join when their given names agree (the same key, a
//!    spelling variant, "J." for John when only one John fits, "Ed" for
//!    Edward when only one Edward fits) or one name ends the other
//!    ("Sanchez Vicario" in "Arantxa Sanchez Vicario"), and their
//!    generational suffixes do too; "John Smith" and "Mary Smith" stay two
//!    people, and so do Donald Trump and Donald Trump Jr;
//! 2. a surname alone joins the one full-name person it can be: the only
//!    one in the library, or the only one whose roles it shares ("Smith,
//!    the farmer"); when several fit, it stays a speaker of its own;
//! 3. surnames alone with no full name join each other unless their roles
//!    disagree (Nesheim the fisherman and Nesheim the mayor are two).
//!
//! Heavier variants go first so that the result does not hang on the
//! order stories arrived in.

use super::SpeakerKind;
use super::intern::{Interner, Sym};
use super::variant::Variant;
use crate::analysis::people::same_word;
use std::cmp::Reverse;

/// One speaker being formed.
struct Group {
    members: Vec<u32>,
    givens: Vec<Sym>,
    roles: Vec<Sym>,
    full: bool,
    suffix: Option<Sym>,
}

impl Group {
    fn new(v: u32, variant: &Variant) -> Group {
        Group {
            members: vec![v],
            givens: variant.given().into_iter().collect(),
            roles: variant.roles.clone(),
            full: variant.is_full(),
            suffix: variant.suffix,
        }
    }

    fn join(&mut self, v: u32, variant: &Variant) {
        self.members.push(v);
        if let Some(given) = variant.given().filter(|g| !self.givens.contains(g)) {
            self.givens.push(given);
        }
        self.add_roles(&variant.roles);
    }

    fn absorb(&mut self, other: Group) {
        self.members.extend(other.members);
        for given in other.givens {
            if !self.givens.contains(&given) {
                self.givens.push(given);
            }
        }
        self.add_roles(&other.roles);
    }

    fn add_roles(&mut self, roles: &[Sym]) {
        for &role in roles {
            if let Err(at) = self.roles.binary_search(&role) {
                self.roles.insert(at, role);
            }
        }
    }
}

/// The speakers a bucket's variants form, as lists of variant ids (each
/// sorted).
pub fn clusters(members: &[u32], variants: &[Variant], strings: &Interner) -> Vec<Vec<u32>> {
    let of = |v: u32| &variants[v as usize];
    if members
        .iter()
        .all(|&v| of(v).kind == SpeakerKind::Organisation)
    {
        let mut all = members.to_vec();
        all.sort_unstable();
        return vec![all];
    }
    let mut order = members.to_vec();
    order.sort_by_key(|&v| (Reverse(of(v).appearances), v));
    let mut groups: Vec<Group> = Vec::new();
    place_full_names(&mut groups, &order, variants, strings);
    merge_short_givens(&mut groups, strings);
    for &v in order.iter().filter(|&&v| !of(v).is_full()) {
        place_surname(&mut groups, v, of(v));
    }
    groups
        .into_iter()
        .map(|mut g| {
            g.members.sort_unstable();
            g.members
        })
        .collect()
}

/// Step 1: full names with a whole given name first, so that an initial
/// then finds every John it might be.
fn place_full_names(
    groups: &mut Vec<Group>,
    order: &[u32],
    variants: &[Variant],
    strings: &Interner,
) {
    let text = |s: Sym| strings.text(s);
    for initials in [false, true] {
        for &v in order.iter().filter(|&&v| {
            let variant = &variants[v as usize];
            variant.is_full() && variant.initial == initials
        }) {
            let fits: Vec<usize> = (0..groups.len())
                .filter(|&g| fits_full(&groups[g], v, variants, &text))
                .collect();
            place(groups, &fits, v, &variants[v as usize], initials);
        }
    }
}

/// Step 1, shortened given names: a group whose given names all shorten
/// the given names of exactly one other group joins it ("Ed Rendell" and
/// "Edward G. Rendell", "Geoff" and "Geoffrey"); "Chris Smith" with a
/// Christine Smith and a Christopher Smith joins neither.
fn merge_short_givens(groups: &mut Vec<Group>, strings: &Interner) {
    let text = |s: Sym| strings.text(s);
    let shortens = |short: &Group, long: &Group| {
        short.full
            && long.full
            && short.suffix == long.suffix
            && !conflict(&short.roles, &long.roles)
            && short.givens.iter().all(|&s| {
                let s = text(s);
                s.len() >= 2
                    && long.givens.iter().any(|&l| {
                        let l = text(l);
                        l.len() > s.len() && l.starts_with(s)
                    })
            })
    };
    let mut i = 0;
    while i < groups.len() {
        let into: Vec<usize> = (0..groups.len())
            .filter(|&j| j != i && shortens(&groups[i], &groups[j]))
            .collect();
        if let [j] = into[..] {
            let short = groups.remove(i);
            groups[if j > i { j - 1 } else { j }].absorb(short);
        } else {
            i += 1;
        }
    }
}

/// Steps 2 and 3: a surname alone.
fn place_surname(groups: &mut Vec<Group>, v: u32, variant: &Variant) {
    let full: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].full).collect();
    let pool = if full.is_empty() {
        (0..groups.len()).collect()
    } else {
        full
    };
    let fits: Vec<usize> = pool
        .into_iter()
        .filter(|&g| !conflict(&groups[g].roles, &variant.roles))
        .collect();
    let fits = if fits.len() > 1 {
        narrow_by_role(groups, fits, &variant.roles)
    } else {
        fits
    };
    place(groups, &fits, v, variant, true);
}

/// Joins the one group that fits (or, when `need_one` is false, the first
/// of several); else starts a group.
fn place(groups: &mut Vec<Group>, fits: &[usize], v: u32, variant: &Variant, need_one: bool) {
    match fits {
        [one] => groups[*one].join(v, variant),
        [first, ..] if !need_one => groups[*first].join(v, variant),
        _ => groups.push(Group::new(v, variant)),
    }
}

/// Can full name `v` be the person of `group`?
fn fits_full<'s>(
    group: &Group,
    v: u32,
    variants: &[Variant],
    text: &impl Fn(Sym) -> &'s str,
) -> bool {
    let variant = &variants[v as usize];
    if variant.suffix != group.suffix {
        return false;
    }
    let ends_other = group.members.iter().any(|&m| {
        let other = &variants[m as usize];
        ends_with(&other.keys, &variant.keys) || ends_with(&variant.keys, &other.keys)
    });
    if ends_other {
        return true;
    }
    let Some(given) = variant.given() else {
        return false;
    };
    let first = |s: Sym| text(s).chars().next();
    group
        .givens
        .iter()
        .any(|&g| same_word(text(g), text(given)) || (variant.initial && first(g) == first(given)))
}

/// `long` ends with all of `short`, which has two words or more.
fn ends_with(long: &[Sym], short: &[Sym]) -> bool {
    short.len() >= 2 && short.len() < long.len() && long.ends_with(short)
}

/// Two sets of role words that both say something and share nothing.
pub fn conflict(a: &[Sym], b: &[Sym]) -> bool {
    !a.is_empty() && !b.is_empty() && !shares(a, b)
}

fn shares(a: &[Sym], b: &[Sym]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Of several groups a surname alone could join, the ones its roles
/// point to; a surname without roles points nowhere.
fn narrow_by_role(groups: &[Group], fits: Vec<usize>, roles: &[Sym]) -> Vec<usize> {
    if roles.is_empty() {
        return fits;
    }
    fits.into_iter()
        .filter(|&g| shares(&groups[g].roles, roles))
        .collect()
}
