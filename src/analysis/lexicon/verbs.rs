//! The forms of a reporting verb, from its entry in
//! `assets/words/reporting-verbs.tsv`: each verb is listed once, by its
//! base form and any irregular forms; the regular inflections (says,
//! said/added, saying) are derived, so a new verb is one new line. Tags
//! after the verb say which engine reads which form (see the file's
//! header).

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

/// One form of a verb: the word (or "word particle") and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflected {
    /// The form as written, with its particle if any ("pointed out").
    pub text: String,
    /// How it relates to its speaker.
    pub form: Form,
}

/// One line of the list, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb<'a> {
    /// Base, third person, past, participle.
    pub forms: [Inflected; 4],
    /// Its forms are quote cues (no `nocue` tag).
    pub cue: bool,
    /// It names rather than reports (`naming`).
    pub naming: bool,
    /// The forms the people engine reads as speech next to a name
    /// (`people:` tag), without the particle.
    pub people: Vec<&'a str>,
}

/// Why a line of the list cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadVerb {
    /// A tag that is none of `naming`, `nocue`, `people:`.
    #[error("unknown tag {0:?}")]
    Tag(String),
    /// A `people:` form that the verb does not have.
    #[error("{0:?} is not a form of the verb")]
    Form(String),
    /// Not lower case, or a malformed list of irregular forms.
    #[error("malformed verb {0:?}")]
    Verb(String),
}

/// Reads one line of the list: the verb `entry` and its tags.
pub fn parse<'a>(entry: &str, tags: impl Iterator<Item = &'a str>) -> Result<Verb<'a>, BadVerb> {
    let irregular = entry
        .split_once(':')
        .map_or(3, |(_, i)| i.split(',').count());
    let well_formed = irregular == 3 && !entry.is_empty() && !entry.chars().any(char::is_uppercase);
    if !well_formed {
        return Err(BadVerb::Verb(entry.to_owned()));
    }
    let mut verb = Verb {
        forms: forms(entry),
        cue: true,
        naming: false,
        people: Vec::new(),
    };
    for tag in tags.map(str::trim).filter(|t| !t.is_empty()) {
        match tag {
            "naming" => verb.naming = true,
            "nocue" => verb.cue = false,
            _ => match tag.strip_prefix("people:") {
                Some(list) => verb.people.extend(list.split(',')),
                None => return Err(BadVerb::Tag(tag.to_owned())),
            },
        }
    }
    let word = |f: &Inflected| f.text.split(' ').next().unwrap_or("").to_owned();
    if let Some(bad) = verb
        .people
        .iter()
        .find(|p| !verb.forms.iter().any(|f| word(f) == **p))
    {
        return Err(BadVerb::Form((*bad).to_owned()));
    }
    Ok(verb)
}

/// The four forms of one entry, `base[:third,past,ing][ particle]`, in
/// the order base, third person, past, participle (`_` keeps a regular
/// form): "say:_,said,_", "point out", "sum:_,summed,summing up".
pub fn forms(entry: &str) -> [Inflected; 4] {
    let (verb, particle) = entry.rsplit_once(' ').unwrap_or((entry, ""));
    let (base, irregular) = verb.split_once(':').unwrap_or((verb, "_,_,_"));
    let mut given = irregular.split(',');
    let mut pick = |regular: String| match given.next() {
        Some(form) if form != "_" => form.to_owned(),
        _ => regular,
    };
    let third = pick(third_person(base));
    let past = pick(past_tense(base));
    let ing = pick(participle(base));
    let with = |form: &str, kind| Inflected {
        text: if particle.is_empty() {
            form.to_owned()
        } else {
            format!("{form} {particle}")
        },
        form: kind,
    };
    [
        with(base, Form::Base),
        with(&third, Form::Finite),
        with(&past, Form::Finite),
        with(&ing, Form::Participle),
    ]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(entry: &str) -> [String; 4] {
        forms(entry).map(|f| f.text)
    }

    #[test]
    fn regular_forms_are_derived_and_irregular_ones_kept() {
        let rows: &[(&str, [&str; 4])] = &[
            ("add", ["add", "adds", "added", "adding"]),
            ("say:_,said,_", ["say", "says", "said", "saying"]),
            ("reply", ["reply", "replies", "replied", "replying"]),
            ("stress", ["stress", "stresses", "stressed", "stressing"]),
            (
                "argue:_,argued,arguing",
                ["argue", "argues", "argued", "arguing"],
            ),
            (
                "agree:_,agreed,_",
                ["agree", "agrees", "agreed", "agreeing"],
            ),
            ("echo:echoes,_,_", ["echo", "echoes", "echoed", "echoing"]),
            (
                "point out",
                ["point out", "points out", "pointed out", "pointing out"],
            ),
            (
                "go:goes,went,_ on",
                ["go on", "goes on", "went on", "going on"],
            ),
        ];
        for &(entry, want) in rows {
            assert_eq!(texts(entry), want.map(str::to_owned), "{entry}");
        }
        assert_eq!(forms("tell:_,told,_")[2].form, Form::Finite);
        assert_eq!(forms("tell:_,told,_")[3].form, Form::Participle);
    }

    #[test]
    fn tags_are_read_and_checked() {
        let v = parse("call", ["naming", "people:calls,called"].into_iter()).unwrap();
        assert!(v.cue && v.naming);
        assert_eq!(v.people, ["calls", "called"]);
        let v = parse("think:_,thought,_", ["nocue", "people:thought"].into_iter()).unwrap();
        assert!(!v.cue && !v.naming);
        let v = parse("sum:_,summed,summing up", ["people:summed"].into_iter()).unwrap();
        assert_eq!(v.people, ["summed"]);
        let bad = [
            ("say", "people:said"),
            ("say", "loud"),
            ("Say", ""),
            ("say:_,said", ""),
        ];
        for (entry, tag) in bad {
            assert!(parse(entry, [tag].into_iter()).is_err(), "{entry} {tag}");
        }
    }
}
