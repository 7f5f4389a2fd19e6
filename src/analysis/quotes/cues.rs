//! Reporting cues: the words that tie a quote to its speaker, read from
//! the lexicon's list of reporting verbs (`assets/words/reporting-verbs.tsv`,
//! each verb once, its regular forms derived).

pub use crate::analysis::lexicon::Form;
use crate::analysis::lexicon::{self, Filter, flag};

/// What a cue word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub form: Form,
    /// A naming verb ("called it a …"): it reports a word or two, not
    /// speech.
    pub naming: bool,
}

/// The cue a lower-case word is, if any, and how many words it takes:
/// a phrasal cue ("pointed out") wins over its verb alone.
pub fn cue(word: &str, next: Option<&str>) -> Option<(Cue, usize)> {
    // Cues are matched as written: the list is lower case.
    let mut f = lexicon::exact_flags(word.as_bytes(), Filter::CUES);
    if f & (flag::CUE | flag::CUE_HEAD) == 0 {
        f = american(word).map_or(0, |w| lexicon::exact_flags(w.as_bytes(), Filter::CUES));
    }
    if f & (flag::CUE | flag::CUE_HEAD) == 0 {
        return None;
    }
    let phrasal = next.filter(|next| {
        f & flag::CUE_HEAD != 0
            && lexicon::exact_flags(next.as_bytes(), Filter::PARTICLES) & flag::CUE_PARTICLE != 0
    });
    if let Some(cue) = phrasal.and_then(|next| read(lexicon::pair_flags(word, next))) {
        return Some((cue, 2));
    }
    read(f).map(|cue| (cue, 1))
}

/// "labelled" → "labeled": the list spells the forms of a verb in "-el"
/// the American way; British spelling doubles the "l".
fn american(word: &str) -> Option<String> {
    ["lled", "lling"].iter().find_map(|end| {
        let stem = word.strip_suffix(end)?;
        Some(format!("{stem}{}", &end[1..]))
    })
}

/// The cue that flags `f` describe, if any.
fn read(f: lexicon::Flags) -> Option<Cue> {
    let form = if f & flag::CUE_FINITE != 0 {
        Form::Finite
    } else if f & flag::CUE_PARTICIPLE != 0 {
        Form::Participle
    } else if f & flag::CUE_BASE != 0 {
        Form::Base
    } else {
        return None;
    };
    Some(Cue {
        form,
        naming: f & flag::CUE_NAMING != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_of_each_verb_are_cues() {
        let rows = [
            ("said", Form::Finite),
            ("says", Form::Finite),
            ("labelled", Form::Finite),
            ("labelling", Form::Participle),
            ("saying", Form::Participle),
            ("told", Form::Finite),
            ("wrote", Form::Finite),
            ("writing", Form::Participle),
            ("replied", Form::Finite),
            ("replies", Form::Finite),
            ("stresses", Form::Finite),
            ("argued", Form::Finite),
            ("admitted", Form::Finite),
            ("tweeted", Form::Finite),
            ("denies", Form::Finite),
            ("add", Form::Base),
            ("quipped", Form::Finite),
            ("noted", Form::Finite),
            ("testified", Form::Finite),
            ("fumed", Form::Finite),
            ("fretted", Form::Finite),
            ("scolding", Form::Participle),
        ];
        for (word, form) in rows {
            let (got, words) = cue(word, None).unwrap_or_else(|| panic!("{word} is not a cue"));
            assert_eq!((got.form, words), (form, 1), "{word}");
        }
        for word in [
            "sad", "tolled", "the", "saidd", "addition", "pointed", "went",
        ] {
            assert!(cue(word, None).is_none(), "{word}");
        }
    }

    #[test]
    fn phrasal_cues_take_their_particle() {
        for (word, next) in [
            ("pointed", "out"),
            ("summed", "up"),
            ("went", "on"),
            ("fired", "back"),
        ] {
            let (_, words) = cue(word, Some(next)).unwrap_or_else(|| panic!("{word} {next}"));
            assert_eq!(words, 2, "{word} {next}");
        }
        assert_eq!(
            cue("said", Some("on")).map(|(c, n)| (c.form, n)),
            Some((Form::Finite, 1))
        );
        assert!(cue("went", Some("home")).is_none());
    }
}
