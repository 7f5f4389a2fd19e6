//! Title chains: the role words before a name ("NATO Secretary General",
//! "Belgian Prime Minister", "chief spokesman"), split off the name and
//! kept as the person's role.

use super::candidates::{Candidate, Parts, possessive_cut};
use super::token::{Gap, Kind, Token};
use crate::analysis::Span;
use crate::analysis::lexicon::{self, flag};

/// Splits a run into the title chain (role) and the name, strips a final
/// possessive, and looks back for lower-case title words before the run.
pub fn split_title(text: &str, tokens: &[Token], parts: Parts) -> Candidate {
    let f = |i: usize| tokens[i].flags(text);
    // The role ends at the last title word that still has a word after it:
    // "EU Farm Commissioner | Franz Fischler".
    let n = parts.len();
    let mut cut = parts
        .iter()
        .take(n - 1)
        .enumerate()
        .filter(|&(_, i)| f(i) & (flag::TITLE | flag::HONORIFIC) != 0)
        .last()
        .map_or(0, |(k, _)| k + 1);
    // Qualifiers and demonyms left over open the role too ("Secretary of
    // State | Warren Christopher"), unless they are given names or the
    // phrase is a place ("Saudi Arabia", "New Zealand").
    let place =
        || lexicon::phrase_flags(parts.iter().map(|i| tokens[i].text(text))) & flag::PLACE != 0;
    while cut + 1 < n {
        let i = parts.nth(cut);
        let g = f(i);
        let chain = g & (flag::QUALIFIER | flag::DEMONYM) != 0 || tokens[i].upper;
        // "German Alex Radulescu": a nationality that is also a given name
        // goes to the role when a given name follows it.
        let next = f(parts.nth(cut + 1));
        let before_given =
            g & flag::DEMONYM != 0 && next & flag::GIVEN != 0 && next & flag::COMMON == 0;
        if !chain || (g & flag::GIVEN != 0 && !before_given) || (cut == 0 && place()) {
            break;
        }
        cut += 1;
    }
    cut = given_name_start(text, tokens, parts, cut);
    let name_parts = parts.drop_front(cut);
    let role = if cut > 0 {
        Some((parts.first, parts.nth(cut - 1)))
    } else {
        // "President (Vladimir) Putin": the title stands before the bracket.
        let bracketed = parts.skip.is_some() && parts.first > 0;
        role_before(text, tokens, parts.first - usize::from(bracketed))
    };
    build(text, tokens, name_parts, role)
}

/// Where a name starts after ordinary words in one run: "Near Eastern
/// Affairs | Robert Pelletreau", "Chicago Alderman | Jason Ervin". The
/// words before a given name are dropped when none of them can be part
/// of a name (each is a common word, a place, a nationality or an
/// organisation word, and no given name or surname).
fn given_name_start(text: &str, tokens: &[Token], parts: Parts, cut: usize) -> usize {
    let n = parts.len();
    let f = |k: usize| tokens[parts.nth(k)].flags(text);
    let kind = flag::PLACE | flag::PLACE_WORD | flag::DEMONYM | flag::ORG | flag::QUALIFIER;
    let name = flag::GIVEN | flag::SURNAME;
    // At least one dropped word must say place or organisation: "Gala Leon
    // Garcia" keeps "Gala", a common word only.
    let mut said = false;
    for k in cut..n.saturating_sub(1) {
        let g = f(k);
        if k > cut && said && g & flag::GIVEN != 0 && g & flag::COMMON == 0 {
            return k;
        }
        if g & (kind | flag::COMMON) == 0 || g & name != 0 {
            break;
        }
        said |= g & kind != 0;
    }
    cut
}

/// Lower-case title words right before a name: "chief spokesman", "striker".
fn role_before(text: &str, tokens: &[Token], first: usize) -> Option<(usize, usize)> {
    let mut a = first;
    let mut has_title = false;
    while a > 0 && tokens[a].gap == Gap::Space {
        let prev = tokens[a - 1];
        if prev.kind != Kind::Word || prev.upper {
            break;
        }
        let mut f = prev.flags(text);
        if f == 0 {
            // "defenders Marcio Santos and ...": a plural role noun.
            let w = prev.text(text);
            f = w
                .strip_suffix('s')
                .map_or(0, |w| lexicon::small_flags(w.as_bytes()) & flag::TITLE);
        }
        if f & (flag::TITLE | flag::HONORIFIC | flag::QUALIFIER | flag::DEMONYM) == 0 {
            break;
        }
        has_title |= f & (flag::TITLE | flag::HONORIFIC) != 0;
        a -= 1;
    }
    (has_title && a < first).then(|| (a, first - 1))
}

fn build(text: &str, tokens: &[Token], parts: Parts, role: Option<(usize, usize)>) -> Candidate {
    let last = tokens[parts.last].bytes(text);
    let cut = possessive_cut(last);
    let possessive = cut.is_some();
    let end = tokens[parts.last].start + cut.unwrap_or(last.len());
    let mut start = tokens[parts.first].start;
    if parts.skip.is_some() && parts.first > 0 {
        start = tokens[parts.first - 1].start;
    }
    let role_flags = role.map_or(0, |(a, b)| {
        (a..=b).fold(0, |acc, i| acc | tokens[i].flags(text))
    });
    Candidate {
        parts,
        span: Span::new(start, end),
        role,
        role_flags,
        possessive,
        opener: false,
    }
}
