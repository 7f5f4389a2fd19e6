//! Gender, where the text tells it: an honorific or gendered title (Mr,
//! Mrs, spokeswoman), a given name from the Census lists, and the he/she
//! that follows the person's mentions.

use super::token::{Kind, Token};
use crate::analysis::lexicon::compiled::gendered_pronouns;
use crate::analysis::lexicon::{self, Flags, flag};
use crate::analysis::people::Gender;

/// Votes for one person: positive says male, negative female.
#[derive(Debug, Default, Clone, Copy)]
pub struct Votes(i32);

impl Votes {
    /// A title or honorific's gender counts three votes.
    pub fn title(&mut self, role_flags: Flags) {
        if role_flags & flag::TITLE_MALE != 0 {
            self.0 += 3;
        }
        if role_flags & flag::TITLE_FEMALE != 0 {
            self.0 -= 3;
        }
    }

    /// A given name that is (almost) only male or female counts two.
    pub fn given(&mut self, word: &str) {
        let f = lexicon::flags(word);
        if f & flag::GIVEN == 0 {
            return;
        }
        if f & flag::MALE != 0 {
            self.0 += 2;
        } else if f & flag::FEMALE != 0 {
            self.0 -= 2;
        }
    }

    /// The first personal pronoun after a mention, before anyone else is
    /// named, counts one.
    pub fn pronoun(&mut self, g: Option<Gender>) {
        match g {
            Some(Gender::Male) => self.0 += 1,
            Some(Gender::Female) => self.0 -= 1,
            None => {}
        }
    }

    pub fn decide(self) -> Option<Gender> {
        match self.0 {
            v if v > 0 => Some(Gender::Male),
            v if v < 0 => Some(Gender::Female),
            _ => None,
        }
    }
}

/// How many tokens after a name its pronoun may come: a sentence or two
/// ("Anna Smith arrived late. She said …"); further, it may be anyone's.
const PRONOUN_REACH: usize = 30;

/// The gender of the first he/him/his/she/her
/// (`assets/words/gendered-pronouns.tsv`) within the 30 tokens from
/// token `from`, unless it comes at or after byte `limit` (where someone
/// else is named).
pub fn next_pronoun(text: &str, tokens: &[Token], from: usize, limit: usize) -> Option<Gender> {
    let bytes = text.as_bytes();
    for t in tokens.get(from..).unwrap_or(&[]).iter().take(PRONOUN_REACH) {
        if t.start >= limit {
            return None;
        }
        // Only short words can be pronouns (or end the search); the rest
        // are skipped before their text is read.
        if t.kind != Kind::Word || t.end - t.start > 7 {
            continue;
        }
        let w = bytes.get(t.start..t.end).unwrap_or(&[]);
        if gendered_pronouns::male(w) {
            return Some(Gender::Male);
        }
        if gendered_pronouns::female(w) {
            return Some(Gender::Female);
        }
        if gendered_pronouns::none(w) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people::token::tokenize;

    #[test]
    fn votes() {
        let mut v = Votes::default();
        v.title(lexicon::flags("Mrs."));
        assert_eq!(v.decide(), Some(Gender::Female));
        let mut v = Votes::default();
        v.given("John");
        v.pronoun(Some(Gender::Female));
        assert_eq!(v.decide(), Some(Gender::Male));
        let mut v = Votes::default();
        v.given("Qorvath");
        assert_eq!(v.decide(), None);
    }

    #[test]
    fn pronouns_after_a_mention() {
        let text = "Qorvath arrived. She said no.";
        let t = tokenize(text);
        assert_eq!(next_pronoun(text, &t, 1, text.len()), Some(Gender::Female));
        let text = "Qorvath met Zbyk. He said no.";
        let t = tokenize(text);
        assert_eq!(next_pronoun(text, &t, 1, 12), None);
        let text = "Qorvath arrived. They said no; he left.";
        let t = tokenize(text);
        assert_eq!(next_pronoun(text, &t, 1, text.len()), None);
    }
}
