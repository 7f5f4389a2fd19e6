//! Head nouns of descriptions: who or what "the minister", "the company",
//! "the statement" can be.

use crate::analysis::lexicon::{self, flag};
use crate::analysis::people::Gender;

/// What the head noun of a definite description names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A person, of a gender when the noun says so ("spokeswoman").
    Person(Option<Gender>),
    /// Words said or written ("the statement", "the letter").
    Statement,
    /// Anything else: an organisation by name ("the commission"), a thing.
    Other,
}

/// What `noun` (lower case) names: a role noun of
/// `assets/words/titles.tsv` (tag `role`), with the gender the list gives
/// it; a statement (`assets/words/statement-nouns.txt`); an age ("the
/// 45-year-old"); or anything else.
pub fn head_noun(noun: &str) -> Head {
    let f = lexicon::small_flags(noun.as_bytes());
    if f & flag::ROLE_NOUN != 0 {
        Head::Person(if f & flag::TITLE_MALE != 0 {
            Some(Gender::Male)
        } else if f & flag::TITLE_FEMALE != 0 {
            Some(Gender::Female)
        } else {
            None
        })
    } else if f & flag::STATEMENT != 0 {
        Head::Statement
    } else if noun.ends_with("-year-old") {
        Head::Person(None)
    } else {
        Head::Other
    }
}

/// A noun that makes a name before it an organisation: "the Trump
/// campaign", "Mrs. Clinton's campaign" (the tag `speaker` of
/// `assets/words/orgwords.tsv`), as written.
pub(super) fn is_organisation_noun(word: &str) -> bool {
    lexicon::lower_case_flags(word.as_bytes()) & flag::SPEAKING_ORG != 0
}
