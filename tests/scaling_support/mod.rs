//! Generated article bodies for the scaling checks (`tests/analysis_scaling.rs`
//! and `benches/scaling.rs`): news sentences with quotations, cues and
//! invented names, in three shapes that once made the analysis grow much
//! faster than the text:
//!
//! - [`one_paragraph`]: a body with no line break at all;
//! - [`paragraphs`]: the same sentences, a few to a paragraph;
//! - [`speakers`]: `k` distinct people, each quoted once.
//!
//! Everything is made from a fixed seed, so a size always gives the same
//! text.

#![allow(dead_code)] // each user takes the shapes it needs

use std::fmt::Write as _;

/// A small deterministic generator (splitmix64): no dependency, same text
/// on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const GIVEN: &[&str] = &[
    "Teresa", "John", "Maria", "Ahmed", "Laura", "David", "Fatima", "Peter", "Sarah", "Michael",
    "Elena", "James", "Amina", "Robert", "Julia", "Daniel", "Grace", "Thomas", "Nadia", "Paul",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "to", "va", "shi", "dor", "bel", "nu", "ra", "go", "fen", "li", "sa",
    "mer",
];

const TITLES: &[&str] = &[
    "Mayor",
    "Senator",
    "Councillor",
    "Professor",
    "Dr.",
    "Ms.",
    "Mr.",
    "Governor",
];

const PLACES: &[&str] = &[
    "Kettle Point",
    "Marlow",
    "Riverton",
    "Ashford",
    "Port Elgin",
    "Dunmore",
    "Lakeside",
    "Westbrook",
];

const ROLES: &[&str] = &[
    "teacher",
    "fisherman",
    "spokeswoman for the council",
    "local shop owner",
    "retired nurse",
    "union official",
];

const SAYINGS: &[&str] = &[
    "We will rebuild the pier",
    "Nobody told us the road would close",
    "This is the best budget the town has seen in years",
    "I have lived here for forty years and never seen a storm like it",
    "The money is there, we just need the will to spend it",
    "It is not over yet",
    "Our children deserve better schools",
    "We asked for help and nobody came",
];

/// What "the …" may stand for: a person by a word that described them, an
/// organisation, a statement.
const DESCRIPTIONS: &[&str] = &[
    "the teacher",
    "the mayor",
    "the spokeswoman",
    "the council",
    "the statement",
    "the board",
];

const FILLER: &[&str] = &[
    "The council met on Tuesday to discuss the budget.",
    "Repairs are expected to take most of the summer.",
    "The storm damaged more than two hundred homes along the coast.",
    "Officials said the figures would be published next month.",
    "Residents gathered outside the town hall in the rain.",
];

/// A distinct invented surname for every `i` below 65,536, made of four
/// syllables ("Kalomiren"); neighbouring numbers differ in every syllable.
pub fn surname(i: usize) -> String {
    let mixed = (i as u32).wrapping_mul(40_503) & 0xFFFF;
    let mut out = String::new();
    for k in 0..4 {
        let syllable = SYLLABLES[((mixed >> (4 * k)) & 0xF) as usize];
        if k == 0 {
            let mut chars = syllable.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(syllable);
        }
    }
    out
}

/// One news sentence (with a trailing space) about person `who` of a cast
/// of `cast` people, chosen by `rng`.
fn sentence(rng: &mut Rng, out: &mut String, cast: usize) {
    let who = rng.below(cast);
    let given = GIVEN[who % GIVEN.len()];
    let family = surname(who);
    let title = rng.pick(TITLES);
    let place = rng.pick(PLACES);
    let saying = rng.pick(SAYINGS);
    let other = rng.pick(SAYINGS);
    let role = rng.pick(ROLES);
    // Writing to a String cannot fail.
    let _ = match rng.below(13) {
        0 => write!(
            out,
            "“{saying},” said {title} {given} {family} of {place}. "
        ),
        1 => write!(
            out,
            "{given} {family}, a {role} from {place}, said: “{saying}.” "
        ),
        2 => write!(out, "“{saying},” {family} said. “{other}.” "),
        3 => write!(
            out,
            "{title} {given} {family} told reporters the plan was “{other}” and would go ahead. "
        ),
        4 => write!(out, "“{saying}?” asked {given} {family}. "),
        5 => write!(out, "She added: “{other}.” "),
        6 => write!(
            out,
            "According to {given} {family}, the {place} project \"{saying}.\" "
        ),
        7 => write!(out, "“{saying},” {} said. ", rng.pick(DESCRIPTIONS)),
        8 => write!(
            out,
            "The {place} Harbour Board said in a statement that the pier “{saying}.” "
        ),
        9 => write!(out, "\"{}: {saying}.\" ", family.to_uppercase()),
        10 => write!(out, "“{saying},” he said, “{other}.” "),
        _ => write!(out, "{} ", rng.pick(FILLER)),
    };
}

/// About `bytes` bytes of news sentences in one paragraph (no line break),
/// about a cast of a few hundred people.
pub fn one_paragraph(bytes: usize) -> String {
    let mut rng = Rng(1);
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        sentence(&mut rng, &mut out, 300);
    }
    out.truncate(out.trim_end().len());
    out
}

/// About `bytes` bytes of the same sentences, one to four to a paragraph.
pub fn paragraphs(bytes: usize) -> String {
    let mut rng = Rng(2);
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        for _ in 0..=rng.below(4) {
            sentence(&mut rng, &mut out, 300);
        }
        out.truncate(out.trim_end().len());
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out
}

/// `k` distinct people (below 65,536), each quoted once, a paragraph each,
/// with an ordinary sentence after some of them.
pub fn speakers(k: usize) -> String {
    speakers_with(k, "\n\n")
}

/// [`speakers`], all in one paragraph.
pub fn speakers_in_one_paragraph(k: usize) -> String {
    speakers_with(k, " ")
}

fn speakers_with(k: usize, separator: &str) -> String {
    let mut rng = Rng(3);
    let mut out = String::with_capacity(k * 110);
    for who in 0..k {
        let given = GIVEN[who % GIVEN.len()];
        let family = surname(who);
        let saying = rng.pick(SAYINGS);
        let place = rng.pick(PLACES);
        let _ = match rng.below(3) {
            0 => write!(out, "“{saying},” said {given} {family} of {place}."),
            1 => write!(
                out,
                "{given} {family}, a {} from {place}, said: “{saying}.”",
                rng.pick(ROLES)
            ),
            _ => write!(
                out,
                "“{saying},” said {given} {family}. {}",
                rng.pick(FILLER)
            ),
        };
        out.push_str(separator);
    }
    out.truncate(out.trim_end().len());
    out
}
