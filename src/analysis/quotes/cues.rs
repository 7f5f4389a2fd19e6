//! Reporting verbs and phrases: the words that tie a quote to its speaker.
//!
//! Each verb is listed once, by its base form and any irregular forms;
//! the regular inflections (says, said/added, saying) are derived, so a
//! new verb is one new entry.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// How a cue word relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// said, says, tells: the speaker is its subject, before or after it.
    Finite,
    /// saying, adding: the speaker is the subject of the main clause.
    Participle,
    /// say, tell (after to/will/would, or an order): weak evidence.
    Base,
}

/// Verbs that report speech or writing. `base` or `base:forms` where the
/// forms are the irregular `-s, past, -ing` ones (`_` keeps the regular one).
const VERBS: &[&str] = &[
    "say:_,said,_",
    "tell:_,told,_",
    "add",
    "write:_,wrote,writing",
    "ask",
    "reply",
    "answer",
    "respond",
    "explain",
    "claim",
    "admit:_,admitted,admitting",
    "argue:_,argued,arguing",
    "insist",
    "warn",
    "urge:_,urged,urging",
    "note:_,noted,noting",
    "stress",
    "comment",
    "declare:_,declared,declaring",
    "announce:_,announced,announcing",
    "state:_,stated,stating",
    "suggest",
    "acknowledge:_,acknowledged,acknowledging",
    "recall",
    "react",
    "remember",
    "reason",
    "surmise:_,surmised,surmising",
    "posit",
    "gush",
    "rave:_,raved,raving",
    "tease:_,teased,teasing",
    "implore:_,implored,imploring",
    "beg:_,begged,begging",
    "grumble:_,grumbled,grumbling",
    "sigh",
    "laugh",
    "concur:_,concurred,concurring",
    "echo:echoes,_,_",
    "cite:_,cited,citing",
    "quote:_,quoted,quoting",
    "continue:_,continued,continuing",
    "conclude:_,concluded,concluding",
    "joke:_,joked,joking",
    "quip:_,quipped,quipping",
    "predict",
    "promise:_,promised,promising",
    "vow",
    "boast",
    "complain",
    "charge:_,charged,charging",
    "contend",
    "assert",
    "maintain",
    "observe:_,observed,observing",
    "remark",
    "recount",
    "concede:_,conceded,conceding",
    "confirm",
    "deny:denies,denied,_",
    "lament",
    "mutter",
    "shout",
    "yell",
    "scream",
    "exclaim",
    "whisper",
    "repeat",
    "emphasize:_,emphasized,emphasizing",
    "emphasise:_,emphasised,emphasising",
    "retort",
    "counter",
    "tweet",
    "post",
    "text",
    "email",
    "blog",
    "report",
    "testify:testifies,testified,_",
    "describe:_,described,describing",
    "call",
    "dub:_,dubbed,dubbing",
    "label:_,labeled,labeling",
    "brand",
    "term",
    "characterize:_,characterized,characterizing",
    "tout",
    "proclaim",
    "pledge:_,pledged,pledging",
    "plead:_,pleaded,_",
    "cry:cries,cried,_",
    "chant",
    "begin:_,began,_",
    "interject",
    "interrupt",
    "agree:_,agreed,_",
    "caution",
    "advise:_,advised,advising",
    "summarize:_,summarized,summarizing",
    "recommend",
    "opine:_,opined,opining",
    "muse:_,mused,musing",
    "marvel:_,marveled,marveling",
    "scoff",
    "fume",
    "seethe",
    "bristle",
    "gripe",
    "chide",
    "scold",
    "taunt",
    "bellow",
    "fret:_,fretted,fretting",
    "rant",
    "snarl",
    "speculate",
    "theorize",
    "theorise",
    "deride",
    "sneer",
    "snap:_,snapped,snapping",
    "thunder",
    "declaim",
    "inform",
    "assure:_,assured,assuring",
    "reassure:_,reassured,reassuring",
    "speak:_,spoke,_",
    "put:_,put,putting",
    "read:_,read,_",
    "reflect",
    "reiterate:_,reiterated,reiterating",
    "elaborate:_,elaborated,elaborating",
    "demand",
    "question",
    "wonder",
    "predict",
    "hint",
    "rail",
    "bemoan",
    "criticize:_,criticized,criticizing",
    "praise:_,praised,praising",
    "thank",
    "accuse:_,accused,accusing",
    "allege:_,alleged,alleging",
    "declare:_,declared,declaring",
    "instruct",
    "order",
    "preach",
    "sing:_,sang,_",
    "shoot:_,shot,_",
];

/// Verbs whose particle belongs to the cue ("pointed out", "went on"),
/// written like [`VERBS`] with the particle after a space.
const PHRASAL: &[&str] = &[
    "point out",
    "sum:_,summed,summing up",
    "go:goes,went,_ on",
    "fire:_,fired,firing back",
    "shoot:_,shot,_ back",
    "hit:_,hit,hitting back",
    "lash out",
    "chime:_,chimed,chiming in",
    "weigh in",
    "spell out",
    "speak:_,spoke,_ out",
    "cry:cries,cried,_ out",
];

/// Cue words of a verb used only for short quoted fragments ("called it a
/// “disgrace”"): they name rather than report.
const NAMING: &[&str] = &[
    "call",
    "dub",
    "label",
    "brand",
    "term",
    "describe",
    "characterize",
];

pub struct Cue {
    pub base: &'static str,
    pub form: Form,
}

static CUES: LazyLock<HashMap<String, Cue, Fnv>> = LazyLock::new(build);

/// FNV-1a: cue lookups run for most words of a text, and `SipHash`'s
/// protection against crafted keys buys nothing for a fixed word list.
type Fnv = BuildHasherDefault<FnvHasher>;

#[derive(Default)]
struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// The first words of the phrasal cues, so that only they pay for a
/// two-word lookup.
static PHRASAL_FIRST: LazyLock<HashSet<String, Fnv>> = LazyLock::new(|| {
    CUES.keys()
        .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_owned()))
        .collect()
});

fn build() -> HashMap<String, Cue, Fnv> {
    let mut map = HashMap::default();
    for entry in VERBS {
        insert_forms(&mut map, entry, "");
    }
    for entry in PHRASAL {
        let (verb, particle) = entry.rsplit_once(' ').unwrap_or((entry, ""));
        insert_forms(&mut map, verb, particle);
    }
    map
}

/// Adds the four forms of one verb entry, each followed by ` particle`.
fn insert_forms(map: &mut HashMap<String, Cue, Fnv>, entry: &'static str, particle: &str) {
    let (base, irregular) = entry.split_once(':').unwrap_or((entry, "_,_,_"));
    let mut forms = irregular.split(',');
    let mut pick = |regular: String| match forms.next() {
        Some(form) if form != "_" => form.to_owned(),
        _ => regular,
    };
    let third = pick(third_person(base));
    let past = pick(past_tense(base));
    let ing = pick(participle(base));
    let key = |form: &str| {
        if particle.is_empty() {
            form.to_owned()
        } else {
            format!("{form} {particle}")
        }
    };
    map.insert(
        key(base),
        Cue {
            base,
            form: Form::Base,
        },
    );
    map.insert(
        key(&third),
        Cue {
            base,
            form: Form::Finite,
        },
    );
    map.insert(
        key(&past),
        Cue {
            base,
            form: Form::Finite,
        },
    );
    map.insert(
        key(&ing),
        Cue {
            base,
            form: Form::Participle,
        },
    );
}

fn third_person(base: &str) -> String {
    if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else if let Some(stem) = consonant_y(base) {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    }
}

fn past_tense(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if let Some(stem) = consonant_y(base) {
        format!("{stem}ied")
    } else {
        format!("{base}ed")
    }
}

fn participle(base: &str) -> String {
    match base.strip_suffix('e') {
        Some(stem) if !base.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    }
}

fn consonant_y(base: &str) -> Option<&str> {
    let stem = base.strip_suffix('y')?;
    (!stem.ends_with(['a', 'e', 'i', 'o', 'u'])).then_some(stem)
}

/// The cue a lower-case word is, if any, and how many words it takes:
/// a phrasal cue ("pointed out") wins over its verb alone.
pub fn cue(word: &str, next: Option<&str>) -> Option<(&'static Cue, usize)> {
    if !might_be_cue(word) {
        return None;
    }
    let phrasal = next.filter(|next| PARTICLES.contains(next) && PHRASAL_FIRST.contains(word));
    if let Some(next) = phrasal {
        let mut pair = String::with_capacity(word.len() + next.len() + 1);
        pair.push_str(word);
        pair.push(' ');
        pair.push_str(next);
        if let Some(cue) = CUES.get(&pair) {
            return Some((cue, 2));
        }
    }
    CUES.get(word).map(|cue| (cue, 1))
}

/// The particles of the phrasal cues ("out", "up"): a word followed by
/// none of them pays for no two-word lookup.
static PARTICLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut particles: Vec<&str> = PHRASAL
        .iter()
        .filter_map(|entry| entry.rsplit_once(' ').map(|(_, particle)| particle))
        .collect();
    particles.sort_unstable();
    particles.dedup();
    particles
});

/// A bit for the shape (length, first two and last letters) of every cue
/// word, 65,536 bits in all: most words of a text are turned away here,
/// without hashing the word. Two shapes may share a bit; the lookup after
/// tells them apart.
static SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut shapes = vec![0; SHAPE_BITS / 64];
    for key in CUES.keys() {
        let word = key.split(' ').next().unwrap_or(key);
        let bit = shape_bit(word);
        shapes[bit / 64] |= 1 << (bit % 64);
    }
    shapes
});

const SHAPE_BITS: usize = 1 << 16;

/// Where a word's shape is in [`SHAPES`].
fn shape_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let letters = [
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
        b.len() as u8,
    ];
    let h = u32::from_le_bytes(letters).wrapping_mul(0x9e37_79b9);
    (h >> 16) as usize
}

fn might_be_cue(word: &str) -> bool {
    let bit = shape_bit(word);
    SHAPES[bit / 64] >> (bit % 64) & 1 != 0
}

/// Builds the cue tables now rather than on first use.
pub fn warm_up() {
    LazyLock::force(&SHAPES);
    LazyLock::force(&PARTICLES);
    LazyLock::force(&PHRASAL_FIRST);
}

/// Naming verbs ("called it a …") report a word or two, not speech.
pub fn is_naming(base: &str) -> bool {
    NAMING.contains(&base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_word_passes_the_shape_filter() {
        for key in CUES.keys() {
            let word = key.split(' ').next().unwrap_or(key);
            assert!(might_be_cue(word), "{key}");
        }
        assert!(!might_be_cue("the") && !might_be_cue("Said"));
    }

    #[test]
    fn inflections_are_derived() {
        let rows = [
            ("said", "say", Form::Finite),
            ("says", "say", Form::Finite),
            ("saying", "say", Form::Participle),
            ("told", "tell", Form::Finite),
            ("wrote", "write", Form::Finite),
            ("writing", "write", Form::Participle),
            ("replied", "reply", Form::Finite),
            ("replies", "reply", Form::Finite),
            ("stresses", "stress", Form::Finite),
            ("argued", "argue", Form::Finite),
            ("admitted", "admit", Form::Finite),
            ("tweeted", "tweet", Form::Finite),
            ("denies", "deny", Form::Finite),
            ("add", "add", Form::Base),
            ("quipped", "quip", Form::Finite),
            ("noted", "note", Form::Finite),
            ("testified", "testify", Form::Finite),
            ("fumed", "fume", Form::Finite),
            ("fretted", "fret", Form::Finite),
            ("scolding", "scold", Form::Participle),
        ];
        for (word, base, form) in rows {
            let (got, words) = cue(word, None).unwrap_or_else(|| panic!("{word} is not a cue"));
            assert_eq!((got.base, got.form, words), (base, form, 1), "{word}");
        }
        for word in [
            "sad", "tolled", "the", "saidd", "addition", "pointed", "went",
        ] {
            assert!(cue(word, None).is_none(), "{word}");
        }
    }

    #[test]
    fn phrasal_cues_take_their_particle() {
        for (word, next, base) in [
            ("pointed", "out", "point"),
            ("summed", "up", "sum"),
            ("went", "on", "go"),
            ("fired", "back", "fire"),
        ] {
            let (got, words) = cue(word, Some(next)).unwrap_or_else(|| panic!("{word} {next}"));
            assert_eq!((got.base, words), (base, 2), "{word} {next}");
        }
        assert_eq!(
            cue("said", Some("on")).map(|(c, n)| (c.base, n)),
            Some(("say", 1))
        );
        assert!(cue("went", Some("home")).is_none());
    }
}
