//! Whole-engine rows: a sentence or two, and what `find_people` must make
//! of them. Each rule has a row where it fires and one where it must not.

use super::{EntityKind, Gender, People, find_people};

/// The canonical names found, in order of first mention.
pub(super) fn names(text: &str) -> Vec<String> {
    find_people(text)
        .persons
        .into_iter()
        .map(|p| p.name)
        .collect()
}

fn person<'a>(people: &'a People, form: &str) -> &'a super::Person {
    let i = people
        .lookup(form)
        .unwrap_or_else(|| panic!("{form} not found in {people:?}"));
    &people.persons[i]
}

#[test]
fn who_is_a_person() {
    let rows: &[(&str, &[&str])] = &[
        (
            "Prime Minister Qorvath Zbyk said on Monday that talks would resume.",
            &["Qorvath Zbyk"],
        ),
        (
            "The Kremlin said NATO and Brussels were to blame, AFP reported.",
            &[],
        ),
        // A lone given name after a royal title is someone of its own,
        // unless the text gives that royal's full name.
        (
            "Lib Dem leader Charles Kennedy spoke first. Prince Charles will marry \
             Ann Roe. Prince Charles said he was glad. Foreign Minister Prince Faisal \
             Alvar came. Prince Faisal said so.",
            &["Charles Kennedy", "Charles", "Ann Roe", "Faisal Alvar"],
        ),
        // A surname that is also a place's word is a name where the
        // context says person; alone, the phrase stays a place. A
        // bookmaker is a firm.
        (
            "Tom Hill said he was glad. They walked up Primrose Hill. The odds of \
             bookmaker Ruth Marsh were long.",
            &["Tom Hill"],
        ),
        // Given names of other countries (`given-extra.tsv`): a name with
        // no title and no verb of its own is found by its first name.
        (
            "The champion beat Ivo Marek in the final, after wins over Ruud Kessel \
             and Aurelien Dufour.",
            &["Ivo Marek", "Ruud Kessel", "Aurelien Dufour"],
        ),
        // A champion may be a club: the story calling it one decides.
        (
            "Former European champion Viktoria Kessel may go bankrupt. The club \
             said it lost money. Shares in Viktoria Kessel fell.",
            &[],
        ),
        // A department's name before a title's holder is no part of it.
        (
            "Chief Secretary to the Treasury Paul Varga attacked the plans.",
            &["Paul Varga"],
        ),
        // A middle initial without its dot, as British news writes it.
        (
            "Her lawyer, Dolores M Tarrant, said so. Plan B was dropped. Tarrant left.",
            &["Dolores M Tarrant"],
        ),
        // A surname alone is a person once the full name is known...
        (
            "Anna Qorvath arrived. Qorvath spoke first.",
            &["Anna Qorvath"],
        ),
        // ...but not before, with nothing else to say so.
        ("Qorvath spoke first.", &[]),
        // A number's dot ends its sentence, so "But" opens the next.
        (
            "The fee rose to £2.2m. But Zbyk told reporters no. Anna Zbyk is the director.",
            &["Anna Zbyk"],
        ),
        ("The U.S. Senate met. Anna Zbyk spoke.", &["Anna Zbyk"]),
        // MP is a title before a name, and letters after one are not in it.
        (
            "Tory MP Tom Varga said no. Ann Roe QC and Ivo Lind MSP agreed.",
            &["Tom Varga", "Ann Roe", "Ivo Lind"],
        ),
        // A name that "its" or "which" refers back to is a thing's.
        (
            "Qorvex said its profits rose. Zbyntal, which owns the mine, \
             agreed, Anna Qorvath said.",
            &["Anna Qorvath"],
        ),
        (
            "Qorvex has said its profits rose. Zbyntal and its partners \
             agreed. Vorlan's profits fell, Vorlan said.",
            &[],
        ),
        // Capitals and a plural s are a group, never a person.
        (
            "MPs voted on Monday. MEPs said the bill failed, Anna Qorvath said.",
            &["Anna Qorvath"],
        ),
        // A list takes the kind of its items.
        (
            "Did not bat: Anna Qorvath, Zbyk Ulla, Pim Tarvo.",
            &["Anna Qorvath", "Zbyk Ulla", "Pim Tarvo"],
        ),
        ("He visited Qorvath, Ulla and Tarvo.", &[]),
        // Places, dates, nationalities and furniture are never persons.
        (
            "Ukrainian officials in Kiev said on Wednesday, PHOTO/AFP.",
            &[],
        ),
        // A role noun glued to a name by the capital that opens the
        // sentence is the role, not part of the name...
        (
            "Fishmonger Albie Rooke said the hall was cold.",
            &["Albie Rooke"],
        ),
        // ...but a word that is a given name stays ("Peter Sallow").
        ("Peter Albie Rooke said so.", &["Peter Albie Rooke"]),
        // Role nouns of everyday work make a title chain.
        (
            "The county's chief engineer, Obi Nwachukwu, praised the crews.",
            &["Obi Nwachukwu"],
        ),
    ];
    for &(text, want) in rows {
        assert_eq!(names(text), want, "{text}");
    }
}

/// Names the word lists alone would misread: a name or a nationality in
/// them that is more, a name missing from them, a title read as a name.
#[test]
fn who_is_a_person_past_the_lists() {
    let rows: &[(&str, &[&str])] = &[
        // British ranks are written without a full stop ("Lt Col").
        (
            "Lt Col Ivo Vekterin of the PCO told the agency it was over. Cllr Ann \
             Roe agreed.",
            &["Ivo Vekterin", "Ann Roe"],
        ),
        // An occupation that opens the sentence is the name's title, not
        // its first word; "a software developer" may be a firm.
        (
            "Farmer Geoff Brooks, a member of the hunt, told the BBC it was over. \
             London-based software developer Tellcom has unveiled a phone.",
            &["Geoff Brooks"],
        ),
        // Two given names joined by a hyphen are a given name.
        (
            "Ann Roe won with victory over Anna-Lena Vekterin at the Open.",
            &["Ann Roe", "Anna-Lena Vekterin"],
        ),
        // Given names the US Census lacks (`given-extra.tsv`).
        ("Liam Fox said it was wrong.", &["Liam Fox"]),
        // A nationality that is also a given name, before a plural, is
        // a team's or a group's name.
        (
            "Captain Tom Ash warned the British and Irish Lions will be tough.",
            &["Tom Ash"],
        ),
        // "Olympian" is a title, not a given name.
        ("Olympian Vekterin tried to catch up.", &["Vekterin"]),
        // A weekday or month after a preposition is the clause's time.
        (
            "On Monday Hale said he was sorry. In September Crane said she \
             was to marry Ivo Lind. Rapper Zippo said he was happy on Christmas \
             Day.",
            &["Hale", "Crane", "Ivo Lind", "Zippo"],
        ),
        ("Until March Vekterin said no.", &["Vekterin"]),
        // So is one after a time phrase's opener; "as" compares.
        ("Last June Qorvath said he was banned.", &["Qorvath"]),
        ("As Jan Ode said: \"It is over.\"", &["Jan Ode"]),
        // A peer's rank is a title, as "Lord" is.
        ("Baroness Amos said she was sad.", &["Amos"]),
    ];
    for &(text, want) in rows {
        assert_eq!(names(text), want, "{text}");
    }
}

/// Names that are a firm's or a body's by the words around them: "its",
/// "which", initials in brackets, a body's noun before.
#[test]
fn who_is_a_firm() {
    let rows: &[(&str, &[&str])] = &[
        // A lone word in no list with "its" after it is a firm's, not
        // after a preposition or past another name.
        (
            "Shares rose when Qorvath said its profits were up. Qorvath also said it \
             would cut jobs.",
            &[],
        ),
        (
            "The Daily Norvale spoke with Tevanian on its podcast. Tevanian said he \
             would run.",
            &["Tevanian"],
        ),
        (
            "Tevanian and Ann Lind, a Qorbex director and the architect of its \
             products, met. Tevanian said he was tired.",
            &["Tevanian", "Ann Lind"],
        ),
        // The items of a list a thing's plural introduces are things.
        (
            "Its brands include Vera Lind, Qorvath and Tom Brice. He likes films such as \
             Ann Roe won. Stars such as Ivo Marsh came.",
            &["Ivo Marsh"],
        ),
        // A name with its initials after it is a body's; so is one a
        // "which" follows, and one set after a body's noun at a clause's
        // end. The last of a list before "which" is still a person.
        (
            "A woman is suing Harlow Vantrell (HV), saying its cartridges fail. \
             Ann Roe said Harlow Vantrell knew.",
            &["Ann Roe"],
        ),
        (
            "Rival suitor Qorbex upped its offer. Meanwhile, Qorbex, which runs three \
             exchanges, said so. Qorbex said more.",
            &[],
        ),
        (
            "He asked the rural affairs ministry, Vorda. Vorda said no.",
            &[],
        ),
        (
            "A gig starring Ann Roe and Tilda Vantrell, which raised money, is \
             repeated. Vantrell said so.",
            &["Ann Roe", "Tilda Vantrell"],
        ),
        // A firm's name (`companies.txt`) names no one, however it speaks;
        // an organisation word before a word in no list may still open a
        // person's name.
        (
            "Goldman Sachs said the deal was done. Novartis said it agreed. \
             Microsoft told the BBC that sales rose. Tellco hired Morgan Stanley.",
            &[],
        ),
        (
            "Asa Vekterin said she won. Ann Roe lost to Asa Vekterin.",
            &["Asa Vekterin", "Ann Roe"],
        ),
        // A place, then a common noun that is no one's name, is a body or
        // a building.
        (
            "Scotland Yard said the plan was reviewed. Ann Roe flew from Berlin \
             Airport.",
            &["Ann Roe"],
        ),
        // "of" or "from" opening an aside after a name says where the
        // person works.
        ("Ann Roe, of Tellco Boyd, said so.", &["Ann Roe"]),
        // A name that ends in a number written as a word is a group's.
        (
            "One of the so-called Tarnby Four, Ann Roe, said so.",
            &["Ann Roe"],
        ),
        // A person's possessive right before a name makes it a work; a
        // role between makes it a person.
        (
            "Despite three nominations, Ivo Lind's Vera Vantrell failed to win. \
             Ann Roe's husband Tom Ash came.",
            &["Ivo Lind", "Ann Roe", "Tom Ash"],
        ),
        // A name that owns a person named after it is a body's, also
        // where it speaks.
        (
            "Prices are too high, Qorvath says in a report. Qorvath's Ann Roe \
             said so.",
            &["Ann Roe"],
        ),
        // A thing's plural right before a list, or before one name that
        // opens no clause; "such films as"; a thing's noun, then "called";
        // a company's people after the name.
        (
            "Research by technology firms Qorvath and Zbyk Lind found it. He likes \
             such films as Vera Lind. The films Ann Roe made won. The two films, \
             Ivo Marsh says, are old.",
            &["Ann Roe", "Ivo Marsh"],
        ),
        (
            "He set up a party called Vorda. Tellmark bosses were upset. Tellmark \
             said the plan was sad. Ann Roe said Vorda was right.",
            &["Ann Roe"],
        ),
        // Software, tests and makers are things too.
        (
            "The console has a messaging application called Zappochat. A speed \
             test called Lindpak ranks them. Shares in housebuilder Wrexley \
             rose.",
            &[],
        ),
        // "named" and "called" as verbs, with a complement after the name.
        (
            "The firm named Ivo Lind as its head. The party called Tom Ash a liar.",
            &["Ivo Lind", "Tom Ash"],
        ),
    ];
    for &(text, want) in rows {
        assert_eq!(names(text), want, "{text}");
    }
}

/// Names that are a firm's or a body's by a word for what it is to
/// another, or by "the" before a plain word dropped from the name.
#[test]
fn who_is_a_firm_by_relation() {
    let rows: &[(&str, &[&str])] = &[
        // What a firm is to another names a firm; a list after the
        // plural names people.
        (
            "Tellco could build cars for its Japanese rival Qorvath. Zbyk sued \
             Morgan Stanley, its former banker, on Friday. Sales rose, according \
             to technology analysts Lindqvist. Analysts Ann Roe and Tom Ash agreed. \
             Tellco said its US rival Zorvath broke the rules.",
            &["Ann Roe", "Tom Ash"],
        ),
        // So does a relation after a preposition, before one word.
        (
            "Ivo Lind, a former executive at rival Qorvath, said sales rose. \
             Tellco voted for rival Ann Roe.",
            &["Ivo Lind", "Ann Roe"],
        ),
        // A plain word dropped before a name leaves "the" before it.
        ("The walk ended at the East Wayne Hunt.", &[]),
    ];
    for &(text, want) in rows {
        assert_eq!(names(text), want, "{text}");
    }
}

/// Names of sport and the arts: positions and given names of the British
/// Isles, the people of a work or a band.
#[test]
fn who_is_a_person_in_sport_and_the_arts() {
    let rows: &[(&str, &[&str])] = &[
        // British and Irish given names (`given-extra.tsv`), and a
        // rugby position before a name, which is also a body's noun
        // ("the research centre").
        (
            "Piers Halloran is a shop steward. Scrum-half Rhys Dunmore and \
             centre Conor Mulvey start.",
            &["Piers Halloran", "Rhys Dunmore", "Conor Mulvey"],
        ),
        // A small word capitalised ("In", "With") ends a name and opens
        // none: a title's, in Title Case.
        (
            "Fans of Lost In Translation met Tom Brice In Leeds, and Ann Roe spoke \
             on The Late Show With Ivo Marsh.",
            &["Tom Brice", "Ann Roe", "Ivo Marsh"],
        ),
        // A work's or a band's role after a name makes it the work's,
        // also when a given name opens it; "-winning", "-nominated" make
        // adjectives, and a possessive ends a name before one.
        (
            "Vera Lind star Tom Brice won. Oscar-winning Ada Kemp read from \
             Ivo Marsh's Booker-shortlisted novel.",
            &["Tom Brice", "Ada Kemp", "Ivo Marsh"],
        ),
    ];
    for &(text, want) in rows {
        assert_eq!(names(text), want, "{text}");
    }
}

#[test]
fn spellings_group_into_one_person() {
    let rows: &[(&str, &[&str])] = &[
        (
            "Volodymyr Zelenskyy met him. Later Volodimir Zelenski said no. Zelensky's aides agreed.",
            &["Volodymyr Zelenskyy"],
        ),
        (
            "Boris Johnson said no. Anna Johansson said yes. Johnson left.",
            &["Boris Johnson", "Anna Johansson"],
        ),
        (
            "Sergei Lavrov said no. Maria Lavrova said yes.",
            &["Sergei Lavrov", "Maria Lavrova"],
        ),
        (
            "Steve Martin said no. Luis Martinez said yes.",
            &["Steve Martin", "Luis Martinez"],
        ),
        (
            "John Smith said no. Mary Smith said yes. Smith left.",
            &["John Smith", "Mary Smith"],
        ),
        // A first name alone joins the only person who has it.
        ("Salem Bitar said no. Later Salem smiled.", &["Salem Bitar"]),
        // A particle capitalised at the start of a sentence is the same
        // surname...
        (
            "Mayor Joris van der Zbyk said no. Van der Zbyk left. De Qorvath, \
             the minister, said yes. Later Anna de Qorvath smiled.",
            &["Joris van der Zbyk", "Anna de Qorvath"],
        ),
        // A full name in no list of given names is the person "Zbyk said"
        // made known...
        (
            "Per-Olav Zbyk has fished here for years. \"It is quiet,\" Zbyk said.",
            &["Per-Olav Zbyk"],
        ),
        // ...but not words run together, nor a place.
        (
            "ReplyShareAnna Zbyk liked it. Oslo Zbyk opened. \"No,\" Zbyk said.",
            &["Zbyk"],
        ),
        // ...but a given name that is also a particle is a given name.
        (
            "Pim Jones said no. Van Jones said yes.",
            &["Pim Jones", "Van Jones"],
        ),
        // The Irish "Ó" stands alone inside a name.
        (
            "Seosamh Ó Zbyk, who runs a guesthouse, said no. Ó Zbyk smiled.",
            &["Seosamh Ó Zbyk"],
        ),
    ];
    for &(text, want) in rows {
        assert_eq!(names(text), want, "{text}");
    }
    let people = find_people("Volodymyr Zelenskyy met him. Later Volodimir Zelenski said no.");
    let z = &people.persons[0];
    assert_eq!(z.aliases, ["Volodimir Zelenski"]);
    assert_eq!(z.mentions.len(), 2);
}

#[test]
fn lookup_and_person_at() {
    let text = "NATO Secretary General Jens Stoltenberg met Mr. Putin. Stoltenberg's aide left.";
    let people = find_people(text);
    for form in [
        "Stoltenberg",
        "Jens Stoltenberg's",
        "Secretary General Jens Stoltenberg",
        "jens stoltenberg",
    ] {
        assert_eq!(person(&people, form).name, "Jens Stoltenberg", "{form}");
    }
    assert_eq!(person(&people, "Mr. Putin").name, "Putin");
    assert_eq!(people.lookup("Nobody"), None);
    assert_eq!(people.lookup(""), None);
    let at = text.find("Stoltenberg's").unwrap_or(0);
    let span = crate::analysis::Span::new(at, at + 5);
    assert_eq!(people.person_at(span), people.lookup("Stoltenberg"));
    assert_eq!(
        people.person_at(crate::analysis::Span::new(0, 4)),
        None,
        "NATO"
    );
}

#[test]
fn the_lookup_index_answers_as_lookup() {
    // Persons that share surnames, given names, spellings and initials,
    // asked by every word and pair of words of the text and a few more.
    let text = "John Smith met Mary Smith and Jens Stoltenberg. Volodymyr Zelensky \
        spoke to J. Smyth, Anna Lee and Anna Kim. Muhammad Ali and Mohammed Alli \
        left; Smith and Anna stayed. Sanchez Vicario and Arantxa Sanchez Vicario.";
    let people = find_people(text);
    assert!(people.persons.len() >= 8, "{people:?}");
    let index = people.lookup_index();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut forms: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    forms.extend(words.windows(2).map(|w| w.join(" ")));
    forms.extend(words.windows(3).map(|w| w.join(" ")));
    forms.extend(
        [
            "Zelenski",
            "Volodimir Zelenski",
            "Mr. Smith",
            "J. Smith",
            "Smith's",
            "",
            "Ann",
        ]
        .map(str::to_owned),
    );
    for form in &forms {
        assert_eq!(index.lookup(form), people.lookup(form), "{form:?}");
    }
}

#[test]
fn entity_kinds() {
    let text =
        "The Kremlin said Prime Minister Anna Qorvath would fly to Brussels with NATO envoys.";
    let people = find_people(text);
    let kind = |w: &str| {
        let at = text.find(w).unwrap_or(0);
        people
            .mentions
            .iter()
            .find(|m| m.span.start == at)
            .map(|m| m.kind)
    };
    assert_eq!(kind("Kremlin"), Some(EntityKind::Organisation));
    assert_eq!(kind("Brussels"), Some(EntityKind::Place));
    assert_eq!(kind("NATO"), Some(EntityKind::Organisation));
    assert_eq!(kind("Anna"), Some(EntityKind::Person));
    assert_eq!(kind("Prime"), None, "a role is not a mention");
}

/// What the text calls a company once is one wherever it is named, even
/// where "said" would make it a person; a namesake with an honorific is
/// still a person.
#[test]
fn a_name_called_a_company_is_one_throughout() {
    let text = "Zbyk Qorvath said the farm was safe. Anna Ulla, the director at Zbyk \
                Qorvath, the company that owns the farm, agreed. Later Zbyk Qorvath said more.";
    let people = find_people(text);
    assert_eq!(names(text), ["Anna Ulla"]);
    let kinds: Vec<EntityKind> = people
        .mentions
        .iter()
        .filter(|m| text[m.span.range()].starts_with("Zbyk"))
        .map(|m| m.kind)
        .collect();
    assert_eq!(kinds, [EntityKind::Organisation; 3]);
    let founder = "Zbyk Qorvath, the company that owns the farm, agreed. Mr. Zbyk Qorvath, \
                   who founded it, said so.";
    assert_eq!(names(founder), ["Zbyk Qorvath"]);
}

#[test]
fn gender_where_the_text_tells_it() {
    let rows: &[(&str, &str, Option<Gender>)] = &[
        ("Mrs. Qorvath said no.", "Qorvath", Some(Gender::Female)),
        ("Mr. Qorvath said no.", "Qorvath", Some(Gender::Male)),
        (
            "Mary Qorvath said no.",
            "Mary Qorvath",
            Some(Gender::Female),
        ),
        (
            "Zbyk Qorvath said no. He left.",
            "Zbyk Qorvath",
            Some(Gender::Male),
        ),
        (
            "Zbyk Qorvath said no. She left.",
            "Zbyk Qorvath",
            Some(Gender::Female),
        ),
        ("Zbyk Qorvath said no. They left.", "Zbyk Qorvath", None),
    ];
    for &(text, form, want) in rows {
        let people = find_people(text);
        assert_eq!(person(&people, form).gender, want, "{text}");
    }
}

#[test]
fn roles_and_descriptors() {
    let text = "Belgian Prime Minister Alexander de Croo met Anna Qorvath, the former finance minister, and Zbyk Ulla, 45, a striker.";
    let people = find_people(text);
    let de_croo = person(&people, "de Croo");
    assert_eq!(de_croo.role.as_deref(), Some("Belgian Prime Minister"));
    assert_eq!(de_croo.descriptors, ["belgian", "prime", "minister"]);
    let q = person(&people, "Qorvath");
    assert!(q.descriptors.contains(&"minister".to_owned()), "{q:?}");
    assert!(q.descriptors.contains(&"former".to_owned()), "{q:?}");
    assert_eq!(person(&people, "Ulla").descriptors, ["45-year-old"]);
}

#[test]
fn a_sentence_opening_surname_is_the_person_already_named() {
    // "Trump" is also a common word; opening a sentence it is the surname
    // of the person the article has named in full.
    let people = find_people("Donald Trump spoke on Monday.\n\nTrump took to Twitter overnight.");
    assert_eq!(people.persons.len(), 1);
    assert_eq!(people.persons[0].mentions.len(), 2);
    // A common word opening a sentence is no one when nobody has it as a
    // surname.
    assert!(names("Officials left early. Rose prices fell.").is_empty());
    let people = find_people("Karen Brown said the plan was ready. Brown left at noon.");
    assert_eq!(people.persons.len(), 1);
    assert_eq!(people.persons[0].mentions.len(), 2);
}

#[test]
fn title_abbreviations_describe_by_the_full_word() {
    let text = "State Sen. Dolores Whitcombe opened the hearing with Gov. Tom Alder.";
    let people = find_people(text);
    let sen = person(&people, "Whitcombe");
    assert!(sen.descriptors.contains(&"senator".to_owned()), "{sen:?}");
    let gov = person(&people, "Alder");
    assert!(gov.descriptors.contains(&"governor".to_owned()), "{gov:?}");
}

#[test]
fn a_british_spelling_of_a_common_word_is_no_one() {
    assert!(names("Neighbours complained last year about the queue.").is_empty());
    assert!(names("Colours faded in the sun, the owner said.").is_empty());
    // A name with "our" in it is still a name.
    assert_eq!(
        names("Tom Gourley said the vote was close."),
        ["Tom Gourley"]
    );
}

#[test]
fn a_name_its_neighbours_call_a_thing_is_none() {
    let rows: &[(&str, &[&str])] = &[
        // A name right before a role noun and a name is the person's
        // team or body; not a given name and a surname.
        (
            "German Economy minister Ivo Lind said no. Fans like Vale winger \
             Tom Ash or Crystal Palace striker Ann Roe. Jane Wilson aide Eva \
             Lind said no.",
            &["Ivo Lind", "Tom Ash", "Ann Roe", "Jane Wilson", "Eva Lind"],
        ),
        // "X-published" says the name after it is a paper's.
        (
            "A report in the China-published Evening Qorvath said Ann Roe quit.",
            &["Ann Roe"],
        ),
        // A name after "role in" or "starred in" is a work's, but not
        // before a possessive.
        (
            "Ann Roe won praise for her role in Vera Marsh. Tom Ash starred in \
             Ivo Lind. Her part in Tom Brice' cabinet ended.",
            &["Ann Roe", "Tom Ash", "Tom Brice"],
        ),
        // A name after a body's noun and "of" is the body's.
        (
            "The US Department of Qorvath said Ann Roe was charged.",
            &["Ann Roe"],
        ),
        // So is a name after a body's noun and "for".
        (
            "A spokesman for the Campaign for Real Cider said Ann Roe agreed.",
            &["Ann Roe"],
        ),
        // "Unit" and "Olympic" end a body's or an event's name.
        (
            "Figures from the Analyst Research Unit were cited by Ann Roe. \
             Sydney Olympic 400m champion Tom Ash ran.",
            &["Ann Roe", "Tom Ash"],
        ),
        // A Romance article opens a paper's name, not a given name; inside
        // a name it is a particle.
        (
            "The French daily Le Qorvath said Jean-Paul Le Brice quit. Le Brice \
             agreed.",
            &["Jean-Paul Le Brice"],
        ),
        // A lone word that opens a body's name is the body.
        (
            "The Zbyk Foundation funds it. \"It will grow,\" said Zbyk. Ann Roe of \
             the Blair Foundation met Tony Blair. Blair said no.",
            &["Ann Roe", "Tony Blair"],
        ),
        // An organisation's word ends its name: a consortium is a body.
        (
            "Mr Brown spoke. The British Retail Consortium welcomed the plan. Ann Roe agreed.",
            &["Brown", "Ann Roe"],
        ),
        // A noun right before the name says what it is, wherever the
        // name stands after.
        (
            "Search engine firm Qorvex said it would appeal. Qorvex said \
             the ruling was wrong, Anna Qorvath said.",
            &["Anna Qorvath"],
        ),
        (
            "Best album went to the band Marta Zbyk. Marta Zbyk said thanks.",
            &[],
        ),
        (
            "The film Vera Qorvath, which took $3m, stars nobody known.",
            &[],
        ),
        // But not a clause whose subject is the name, nor a given name
        // and a surname that say something.
        (
            "The film Anna Qorvath made won the prize.",
            &["Anna Qorvath"],
        ),
        (
            "The director of the traffic service Anna Qorvath said the \
             strike was illegal.",
            &["Anna Qorvath"],
        ),
        // Nor a title in between.
        ("Company chairman Anna Qorvath said no.", &["Anna Qorvath"]),
        // A company's shares.
        (
            "Shares in Zbyntal rose 5%. Zbyntal said profits were up, \
             Anna Qorvath said.",
            &["Anna Qorvath"],
        ),
        (
            "Zbyntal's shareholders rejected the bid, Anna Qorvath said.",
            &["Anna Qorvath"],
        ),
        // "shares" after a name is a verb unless a possessive comes first.
        (
            "Anna Qorvath shares the view, Pim Tarvo said.",
            &["Anna Qorvath", "Pim Tarvo"],
        ),
        // The owner of a speaker's title is no speaker.
        (
            "\"It is over,\" said Qorvex's principal analyst Anna Qorvath.",
            &["Anna Qorvath"],
        ),
    ];
    for (text, want) in rows {
        assert_eq!(names(text), *want, "{text}");
    }
}

#[test]
fn a_word_that_describes_or_qualifies_is_no_name() {
    let rows: &[(&str, &[&str])] = &[
        // One word in no list of names right before a title noun that ends
        // the phrase is what the title is of.
        (
            "Ann Roe, the billionaire Zorbco owner, said no. \"It is fine,\" \
             said Ivo Lind, Qorvex analyst.",
            &["Ann Roe", "Ivo Lind"],
        ),
        // A city's or a region's people are no name.
        (
            "Ann Roe signed on. The 25-year-old Dubliner said he would stay. \
             The Glaswegian agreed.",
            &["Ann Roe"],
        ),
        // A title and a name after the comma of an opening phrase are the
        // subject's, not an apposition that makes the word before a person;
        // after a name in a list they are the next item's.
        (
            "During Prime Minister's Questions, Tory leader Ann Roe spoke. \
             Guests included Zorb Quillan, presenter Tess Daly and Ivo Lind.",
            &["Ann Roe", "Zorb Quillan", "Tess Daly", "Ivo Lind"],
        ),
    ];
    for (text, want) in rows {
        assert_eq!(names(text), *want, "{text}");
    }
}

#[test]
fn an_adjective_made_with_a_hyphen_is_no_name() {
    let rows: &[(&str, &[&str])] = &[
        // Never a name, nor the start of one.
        ("Los Qorvas-based lawyers said no.", &[]),
        (
            "The French-language daily said so, Anna Qorvath said.",
            &["Anna Qorvath"],
        ),
        ("Iranian-born Anna Qorvath said no.", &["Anna Qorvath"]),
        // "X-based" before a name says company, unless a given name (or a
        // lone surname) opens it.
        ("Denver-based Zbyntal Qorvex said profits rose.", &[]),
        (
            "US-based Anna Qorvath said she would run.",
            &["Anna Qorvath"],
        ),
    ];
    for (text, want) in rows {
        assert_eq!(names(text), *want, "{text}");
    }
}

#[test]
fn a_word_glued_before_a_name_is_no_part_of_it() {
    let rows: &[(&str, &[&str])] = &[
        // A long lower-case word after a hyphen is no name; a Korean given
        // name's syllable is short.
        (
            "The leading China-watcher said Ban Ki-moon agreed.",
            &["Ban Ki-moon"],
        ),
        ("On Wednesday Tony Qorvath said no.", &["Tony Qorvath"]),
        ("He said German Dieter Zbyk agreed.", &["Dieter Zbyk"]),
        ("The Hall of Famer Ron Qorvath said no.", &["Ron Qorvath"]),
        (
            "Goal-kickers Ann Qorvath and Jo Lind scored.",
            &["Ann Qorvath", "Jo Lind"],
        ),
        ("Rose Mary Qorvath said no.", &["Rose Mary Qorvath"]),
        ("He said June Ann Qorvath agreed.", &["June Ann Qorvath"]),
        (
            "Senators Ann Qorvath and Jo Lind said no.",
            &["Ann Qorvath", "Jo Lind"],
        ),
    ];
    for &(text, want) in rows {
        let got: Vec<String> = find_people(text)
            .persons
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}
