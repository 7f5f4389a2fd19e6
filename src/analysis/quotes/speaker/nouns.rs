//! Head nouns of descriptions: who or what "the minister", "the company",
//! "the statement" can be.

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

pub fn head_noun(noun: &str) -> Head {
    match noun {
        "congressman" | "businessman" | "spokesman" | "king" | "prince" | "father" | "son"
        | "husband" | "brother" | "grandfather" => Head::Person(Some(Gender::Male)),
        "congresswoman" | "businesswoman" | "spokeswoman" | "chairwoman" | "queen" | "princess"
        | "mother" | "daughter" | "wife" | "sister" | "grandmother" => {
            Head::Person(Some(Gender::Female))
        }
        _ if STATEMENT_NOUNS.contains(&noun) => Head::Statement,
        _ if PERSON_NOUNS.contains(&noun) || noun.ends_with("-year-old") => Head::Person(None),
        _ => Head::Other,
    }
}

/// Things said or written that "say" in news English.
#[rustfmt::skip]
const STATEMENT_NOUNS: &[&str] = &[
    "statement", "release", "letter", "memo", "post", "tweet", "email", "e-mail", "message",
    "notice", "filing", "complaint", "lawsuit", "suit", "indictment", "ruling", "report",
    "note", "announcement", "communique", "communiqué", "transcript", "document", "petition",
];

/// Nouns that name a person by a role, whatever their gender.
const PERSON_NOUNS: &[&str] = &[
    "politician",
    "minister",
    "president",
    "senator",
    "leader",
    "official",
    "candidate",
    "nominee",
    "governor",
    "lawmaker",
    "legislator",
    "mayor",
    "chairman",
    "chair",
    "executive",
    "billionaire",
    "millionaire",
    "star",
    "actor",
    "singer",
    "player",
    "coach",
    "veteran",
    "activist",
    "lawyer",
    "attorney",
    "judge",
    "justice",
    "general",
    "secretary",
    "chief",
    "director",
    "ambassador",
    "diplomat",
    "analyst",
    "economist",
    "expert",
    "professor",
    "author",
    "writer",
    "host",
    "journalist",
    "commentator",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "representative",
    "delegate",
    "prosecutor",
    "officer",
    "commander",
    "founder",
    "owner",
    "manager",
    "premier",
    "chancellor",
    "speaker",
    "republican",
    "democrat",
    "frontrunner",
    "front-runner",
    "incumbent",
    "challenger",
    "mogul",
    "tycoon",
    "developer",
    "entrepreneur",
    "engineer",
    "scientist",
    "researcher",
    "doctor",
    "surgeon",
    "nurse",
    "teacher",
    "student",
    "farmer",
    "worker",
    "pollster",
    "spokesperson",
    "businessperson",
    "contender",
    "hopeful",
    "envoy",
    "negotiator",
    "monarch",
    "pope",
    "councillor",
    "councilor",
    "commissioner",
    "regulator",
    "investor",
    "banker",
    "critic",
];

/// Nouns that make a phrase an organisation: "the Trump campaign",
/// "Mrs. Clinton's campaign".
pub(super) const ORGANISATION_NOUNS: &[&str] = &[
    "campaign",
    "team",
    "office",
    "administration",
    "staff",
    "camp",
    "foundation",
    "party",
    "committee",
    "department",
    "ministry",
    "government",
    "agency",
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "board",
    "council",
    "commission",
    "spokespeople",
];
