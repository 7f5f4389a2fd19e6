//! The points the people engine's rules give, in one value (as textwrap's
//! `Penalties`): each field is one rule's weight, documented with the
//! phrase the rule is for. Positive points say a candidate is a person,
//! negative points say it is something else; a candidate is taken at
//! [`Weights::threshold`]. The rules read [`WEIGHTS`], a constant, so each
//! weight is folded into the code as the literal it replaced.

/// The weight of every rule of the evidence (`evidence`, `layout`,
/// `kinds`) and of the spelling guard of the grouping (`grouping`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Points at or above which a candidate is taken as a person.
    pub threshold: f32,

    // The words of the phrase.
    /// "John Qorvath": a given name first that is nothing else.
    pub given_first: f32,
    /// "Mark Qorvath": a given name first that is also a common word or a
    /// place.
    pub given_first_shared: f32,
    /// "Zbyk Smith": a surname last that is nothing else.
    pub surname_last: f32,
    /// "Zbyk Young": a surname last that is also a common word or a place.
    pub surname_last_shared: f32,
    /// "Mark Woodforde", "Tang Shubei": every capitalised word a name or
    /// in no list (a phrase of ordinary words is not a name).
    pub all_names: f32,
    /// "Qorvath" alone, a given name or surname that is not a common word.
    pub lone_name: f32,

    // The context.
    /// "Mr. Qorvath", "Dr. Qorvath": an honorific before the name.
    pub honorific: f32,
    /// "Mayor Ana Reyes", "the striker Qorvath": a title before the name.
    pub title: f32,
    /// "Qorvath said", "Qorvath also said", "said Qorvath", "Qorvath, who",
    /// "according to Qorvath": the subject or object of a reporting verb.
    pub speech: f32,
    /// "the official, Aryeh Shumer, said": a title noun, a comma, the name.
    pub named_after_title: f32,
    /// "Qorvath, the former minister,", "Qorvath, 45,": an apposition that
    /// says person.
    pub apposition_person: f32,

    // The layout of results and tables (`layout`).
    /// "M. Qorvath": an initial before the surname.
    pub initial: f32,
    /// "Jana Qorvath (Czech Republic)": a capitalised word in brackets
    /// after the name.
    pub bracketed_after: f32,
    /// "Thomas Muster of Austria": "of" and a place after the name.
    pub of_place: f32,
    /// "-- Qorvath, Moscow Newsroom": a reporter's byline.
    pub newsroom: f32,
    /// "St Pauli 4 Schalke 4": a team's score after the phrase (against).
    pub team_score: f32,
    /// "Anna" at a line's end, her surname on the next line.
    pub surname_next_line: f32,
    /// "(Bobic 47th)": a scorer and the minute.
    pub scorer_minute: f32,
    /// "Qorvath not out 37", "Qorvath 169 not out", "c Qorvath b Akram": a
    /// batsman's line.
    pub cricket_after: f32,
    /// "(Zorc 59, Moeller 73)", "(Saeed Anwar 57)": scorers listed in
    /// brackets.
    pub scorers_listed: f32,
    /// "Qorvath 6-2 6-3": a tennis player's set scores.
    pub set_scores: f32,
    /// "Iain Pyman 71 75": a golfer's rounds after a given name.
    pub golf_rounds: f32,
    /// "c Qorvath", "lbw Qorvath": a cricket dismissal before the name.
    pub cricket_before: f32,
    /// "Sampras beat Qorvath": a result's verb before the name.
    pub beaten: f32,
    /// "Sampras v Qorvath": teams meet this way too, so less.
    pub versus: f32,
    /// "1. Qorvath", "3 - Qorvath": a ranked line.
    pub ranked: f32,

    // Counter-evidence: the phrase is something else.
    /// "Qorvath Zbyk, the company that owns it": the text calls the phrase
    /// an organisation.
    pub called_organisation: f32,
    /// "NATO", "Wednesday", "Norwegian" alone: no rule could make it a
    /// person.
    pub obvious: f32,
    /// "search engine firm Qorvath", "the film Qorvath Zbyk", "shares in
    /// Qorvath", "Qorvath have signed", "Qorvath striker Zbyk Lind", "U2",
    /// "The Zbyks": the words
    /// around the name (`kinds`) or its form and grammar (`things`) say it
    /// names a thing, wherever it stands in the text.
    pub named_thing: f32,
    /// "Qorvath Group": an organisation word in the phrase.
    pub organisation_word: f32,
    /// "Tomas Post", "Michael Power": a given name, then a surname that is
    /// also an organisation word.
    pub organisation_surname: f32,
    /// "Brussels", "New York": the phrase names a place.
    pub place: f32,
    /// "NATO Qorvath": a word all in capitals.
    pub acronym: f32,
    /// "Norwegian", "Wednesday", "AFP" alone: a nationality, a date,
    /// newsroom furniture.
    pub demonym_date_furniture: f32,
    /// "River" alone: a place word.
    pub place_word: f32,
    /// "President" alone: a title with no name.
    pub title_alone: f32,
    /// "Officials" alone: a common word.
    pub common_word: f32,
    /// "Officials said": a common word opening the sentence.
    pub common_opener: f32,
    /// "Google said its profits rose", "Yukos, which owns": a name that
    /// "its" or "which" refers to.
    pub thing: f32,
    /// `EastEnders`, `AutoLink`: a lone word run together from two, with
    /// nothing in its context that says person.
    pub brand: f32,
    /// "Legal Affairs Minister": a phrase that ends in a title.
    pub ends_in_title: f32,
    /// "Crystal Palace striker Andy Johnson": a name of two words or more
    /// right before a role noun and a name.
    pub before_title: f32,
    /// "Athens Newsroom": newsroom furniture in the phrase.
    pub furniture: f32,
    /// "Legia Warsaw": a phrase that ends in a place.
    pub ends_in_place: f32,
    /// "Atlanta Braves": a place, then a plural noun (a team).
    pub team: f32,
    /// "Scotland Yard", "Berlin Airport": a place, then a common noun
    /// that is no one's name (a body or a building).
    pub place_then_noun: f32,
    /// "Qorvath Studies", "Zbyk Breweries": a phrase that opens with no
    /// given name and ends in a common noun's plural.
    pub plural_phrase: f32,
    /// "Sunni Muslims": every word a nationality.
    pub demonyms: f32,
    /// "the Qorvath", "Caufield & Qorvath": a firm's or a thing's name.
    pub after_the: f32,
    /// "in Qorvath", "at Qorvath": rarely a person.
    pub after_in: f32,
    /// "the daily newspaper Qorvath", "his club Qorvath": an organisation
    /// or place noun before the name.
    pub after_kind_noun: f32,
    /// "Did not bat: Arjuna Ranatunga, Asanka Gurusinha": an item scoring
    /// above this (little against it) in a list next to a person is one.
    pub listed: f32,

    // Spellings of one person (`grouping`).
    /// "Muhamad" / "Mohamed": two words that differ only in a vowel or two
    /// spell one name if their Jaro-Winkler similarity is at least this.
    pub same_spelling: f64,
}

impl Weights {
    /// The weights the engine runs with, set by hand against the corpora.
    pub const DEFAULT: Weights = Weights {
        threshold: 2.0,
        given_first: 2.0,
        given_first_shared: 1.5,
        surname_last: 1.0,
        surname_last_shared: 0.5,
        all_names: 1.0,
        lone_name: 0.5,
        honorific: 4.0,
        title: 3.0,
        speech: 2.0,
        named_after_title: 2.5,
        apposition_person: 2.0,
        initial: 2.5,
        bracketed_after: 1.5,
        of_place: 1.5,
        newsroom: 2.5,
        team_score: -2.0,
        surname_next_line: 2.0,
        scorer_minute: 2.5,
        cricket_after: 2.5,
        scorers_listed: 2.0,
        set_scores: 1.5,
        golf_rounds: 1.5,
        cricket_before: 3.0,
        beaten: 1.0,
        versus: 0.5,
        ranked: 1.5,
        called_organisation: -4.0,
        obvious: -4.0,
        named_thing: -4.0,
        organisation_word: -4.0,
        organisation_surname: -1.5,
        place: -4.0,
        acronym: -3.0,
        demonym_date_furniture: -4.0,
        place_word: -2.0,
        title_alone: -3.0,
        common_word: -2.0,
        common_opener: -1.0,
        thing: -4.0,
        brand: -4.0,
        ends_in_title: -3.0,
        before_title: -4.0,
        furniture: -3.0,
        ends_in_place: -2.0,
        team: -3.0,
        place_then_noun: -3.0,
        demonyms: -4.0,
        plural_phrase: -3.0,
        after_the: -2.5,
        after_in: -1.5,
        after_kind_noun: -3.0,
        listed: -1.0,
        same_spelling: 0.8,
    };
}

impl Default for Weights {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The weights the rules read.
pub const WEIGHTS: Weights = Weights::DEFAULT;
