//! Stories for tests, with analyses written by hand, so that the reader's
//! tests do not move when the analysis improves.

use super::app::{App, IndexCopy, Msg};
use super::digest::Digest;
use super::keymap::{Key, Keymap};
use super::theme::Theme;
use crate::Analysis;
use crate::analysis::{Person, Quote, Span};
use crate::article::{Article, Image, Loaded, Origin, Place, Problem};
use crate::index::SpeakerIndex;
use std::sync::Arc;

const HARBOUR: &[&str] = &[
    "The city council on Tuesday approved a flood barrier for the old harbour, ending two years of argument over cost and the view from the promenade.",
    "Mayor Mara Lindqvist said the vote was overdue. \"Every winter we fill sandbags and hope, and hope is not a plan,\" she told the chamber before the vote.",
    "The barrier, a row of steel gates that rise from the harbour floor when the tide is forecast to top the quay, will cost 48 million crowns.",
    "Engineer Tomas Reyes, who led the design team, said the gates would be tested every month. \"A gate that is never moved is a gate that will not move when you need it,\" Reyes said.",
    "Opponents had argued for a cheaper wall. Council member Elin Berg called the gates \"a luxury for a town that needs roofs on its schools\" and voted against.",
    "Lindqvist said the money would come from a regional fund and not from local taxes. \"Not one crown of this comes out of the school budget,\" she said.",
    "The harbour master, Jonas Ek, welcomed the decision but warned that the works would close the inner basin for a summer.",
    "Reyes said the firm would start with the northern gate. \"We begin where the water came in last time,\" he said, \"and we finish before the autumn storms.\"",
    "Construction is due to start in April. The Port Authority said in a statement that it \"supports any measure that keeps the quays open\".",
    "Residents who spoke to the Gazette were divided. Some welcomed the plan; others asked why the council had waited so long.",
];

const RAIL: &[&str] = &[
    "Talks between the rail operator and the drivers' union collapsed late on Sunday, making a strike next week all but certain.",
    "\"We came with an offer and they walked out,\" said Petra Novak, the operator's chief executive.",
    "Union leader Sam Okafor said the offer \"would cut real pay for the third year in a row\".",
];

const CHESS: &[&str] = &[
    "A fifteen-year-old from the coast won the city's open chess tournament on Saturday, beating three grandmasters on the way.",
    "\"I did not expect to win, I expected to learn,\" said Ida Holm after the final round.",
];

fn article(id: &str, title: &str, source: &str, date: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        subtitle: None,
        body: paragraphs.join("\n\n"),
        source: Some(source.into()),
        authors: Vec::new(),
        published: Some(date.into()),
        url: Some(format!("https://news.example/{id}")),
        images: Vec::new(),
        truncated: false,
        read: None,
        origin: Origin {
            file: Arc::from("fixture.json"),
            place: Place::File,
        },
    }
}

/// A reader with nothing loaded whose list is in the order the stories
/// come (the tests speak of stories by their place in the fixture), with
/// the speakers' names inline, where the tests look for them.
pub fn unsorted() -> App {
    let mut app = App::new(Theme::default(), Keymap::default());
    app.order = super::app::order::Order::new(crate::config::SortBy::File);
    app.labels = crate::config::Labels::Inline;
    app
}

/// A person with only a name: the one place tests build a `Person`, so a
/// new field of the analysis touches one line.
pub fn person_named(name: &str) -> Person {
    Person {
        name: name.into(),
        aliases: Vec::new(),
        mentions: Vec::new(),
        role: None,
        gender: None,
        descriptors: Vec::new(),
    }
}

/// A quote of `span` by person `person`, with no speaker name or cue.
pub fn quote_at(span: Span, person: Option<usize>) -> Quote {
    Quote {
        span,
        person,
        speaker: None,
        cue: None,
    }
}

fn person(body: &str, name: &str, forms: &[&str], role: Option<&str>) -> Person {
    let mut person = person_named(name);
    for form in forms {
        person.mentions.extend(
            body.match_indices(form)
                .map(|(at, m)| Span::new(at, at + m.len())),
        );
    }
    person.mentions.sort();
    person.role = role.map(Into::into);
    person
}

/// A quote of the words `text` (found in `body`) by person `who` or by a name.
fn quote(body: &str, text: &str, who: Option<usize>, speaker: &str) -> Quote {
    let at = body
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} is not in the body"));
    let mut quote = quote_at(Span::new(at, at + text.len()), who);
    quote.speaker = Some(speaker.into());
    quote.cue = Some("said".into());
    quote
}

/// `(name, forms that mention the person, role)`
type People = &'static [(&'static str, &'static [&'static str], Option<&'static str>)];
/// `(the quoted words, index of the person, speaker's name)`
type Quotes = &'static [(&'static str, Option<usize>, &'static str)];

const HARBOUR_PEOPLE: People = &[
    (
        "Mara Lindqvist",
        &["Mara Lindqvist", "Lindqvist said"],
        Some("Mayor"),
    ),
    (
        "Tomas Reyes",
        &["Tomas Reyes", "Reyes said"],
        Some("Engineer"),
    ),
    ("Elin Berg", &["Elin Berg"], Some("Council member")),
    ("Jonas Ek", &["Jonas Ek"], Some("Harbour master")),
];

const HARBOUR_QUOTES: Quotes = &[
    (
        "Every winter we fill sandbags and hope, and hope is not a plan,",
        Some(0),
        "Mara Lindqvist",
    ),
    (
        "A gate that is never moved is a gate that will not move when you need it,",
        Some(1),
        "Tomas Reyes",
    ),
    (
        "a luxury for a town that needs roofs on its schools",
        Some(2),
        "Elin Berg",
    ),
    (
        "Not one crown of this comes out of the school budget,",
        Some(0),
        "Mara Lindqvist",
    ),
    (
        "We begin where the water came in last time,",
        Some(1),
        "Tomas Reyes",
    ),
    (
        "and we finish before the autumn storms.",
        Some(1),
        "Tomas Reyes",
    ),
    (
        "supports any measure that keeps the quays open",
        None,
        "Port Authority",
    ),
];

const RAIL_PEOPLE: People = &[
    ("Petra Novak", &["Petra Novak"], Some("chief executive")),
    ("Sam Okafor", &["Sam Okafor"], Some("Union leader")),
];

const RAIL_QUOTES: Quotes = &[
    (
        "We came with an offer and they walked out,",
        Some(0),
        "Petra Novak",
    ),
    (
        "would cut real pay for the third year in a row",
        Some(1),
        "Sam Okafor",
    ),
];

const CHESS_PEOPLE: People = &[("Ida Holm", &["Ida Holm"], None)];

const CHESS_QUOTES: Quotes = &[(
    "I did not expect to win, I expected to learn,",
    Some(0),
    "Ida Holm",
)];

fn analysed(article: &Article, people: People, quotes: Quotes) -> Analysis {
    let body = &article.body;
    Analysis {
        people: people
            .iter()
            .map(|&(name, forms, role)| person(body, name, forms, role))
            .collect(),
        quotes: quotes
            .iter()
            .map(|&(text, who, speaker)| quote(body, text, who, speaker))
            .collect(),
    }
}

/// The stories and their analyses.
pub fn stories() -> Vec<(Article, Analysis)> {
    let title = "Harbour council approves flood barrier after two-year fight";
    let mut harbour = article(
        "harbour",
        title,
        "Northshore Gazette",
        "2026-03-14",
        HARBOUR,
    );
    harbour.subtitle =
        Some("Steel gates will rise from the harbour floor when storms are forecast".into());
    harbour.authors = vec!["Lena Ström".into()];
    let caption = "The inner basin at high tide".into();
    harbour.images = vec![Image {
        caption,
        credit: Some("Gazette".into()),
    }];
    let title = "Rail strike talks collapse as union rejects pay offer";
    let rail = article("rail", title, "Capital Wire", "2026-07-19", RAIL);
    let title = "Teenager stuns grandmaster field to take the city open";
    let chess = article("chess", title, "Board & Clock", "2026-05-02", CHESS);
    let title = "Library extends opening hours over the winter";
    let text =
        "The central library will stay open until nine on weekdays from December to February.";
    let mut quiet = article("quiet", title, "Northshore Gazette", "2026-01-09", &[text]);
    quiet.url = None;
    vec![
        (analysed(&harbour, HARBOUR_PEOPLE, HARBOUR_QUOTES), harbour),
        (analysed(&rail, RAIL_PEOPLE, RAIL_QUOTES), rail),
        (analysed(&chess, CHESS_PEOPLE, CHESS_QUOTES), chess),
        (Analysis::default(), quiet),
    ]
    .into_iter()
    .map(|(analysis, article)| (article, analysis))
    .collect()
}

/// A reader of `width`×`height` with the stories loaded and analysed.
pub fn app(width: u16, height: u16) -> App {
    let mut app = unsorted();
    app.update(Msg::Resize(width, height));
    let (articles, analyses): (Vec<_>, Vec<_>) = stories().into_iter().unzip();
    let digests = articles
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(i, (article, analysis))| (i, Digest::of(&article.body, analysis)))
        .collect();
    app.update(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    app.update(Msg::Analysed(digests));
    app.update(Msg::LoadDone);
    app
}

const FERRY: &[&str] = &[
    "Ferry fares will not rise this year, the council decided on Thursday.",
    "Mayor Mara Lindqvist said the crossing was a lifeline. \"Nobody should pay more to cross the water,\" Lindqvist said.",
    "Captain Olle Strand welcomed the freeze. \"The boats are full every morning,\" he said.",
];

const BUDGET: &[&str] = &[
    "\"We will not borrow a single crown for the gates,\" Mayor Mara Lindqvist told reporters on Monday.",
    "She said the harbour works were on time and that \"every crown is accounted for\".",
];

const FERRY_PEOPLE: People = &[
    (
        "Mara Lindqvist",
        &["Mara Lindqvist", "Lindqvist said"],
        Some("Mayor"),
    ),
    ("Olle Strand", &["Olle Strand"], Some("Captain")),
];

const FERRY_QUOTES: Quotes = &[
    (
        "Nobody should pay more to cross the water,",
        Some(0),
        "Mara Lindqvist",
    ),
    ("The boats are full every morning,", Some(1), "Olle Strand"),
];

const BUDGET_PEOPLE: People = &[("Mara Lindqvist", &["Mara Lindqvist"], Some("Mayor"))];

const BUDGET_QUOTES: Quotes = &[
    (
        "We will not borrow a single crown for the gates,",
        Some(0),
        "Mara Lindqvist",
    ),
    ("every crown is accounted for", Some(0), "Mara Lindqvist"),
];

/// The stories, then two more quoting the mayor of the first: someone to
/// follow from story to story.
pub fn stories_with_the_mayor() -> Vec<(Article, Analysis)> {
    let title = "Ferry fares frozen for another year";
    let ferry = article("ferry", title, "Northshore Gazette", "2026-04-02", FERRY);
    let title = "Mayor rules out borrowing for the harbour gates";
    let budget = article("budget", title, "Capital Wire", "2026-08-01", BUDGET);
    let mut all = stories();
    let ferry_analysis = analysed(&ferry, FERRY_PEOPLE, FERRY_QUOTES);
    all.push((ferry, ferry_analysis));
    let budget_analysis = analysed(&budget, BUDGET_PEOPLE, BUDGET_QUOTES);
    all.push((budget, budget_analysis));
    all
}

/// The speaker index of `stories`, as the index thread builds it.
pub fn index_of(stories: &[(Article, Analysis)]) -> Arc<SpeakerIndex> {
    let mut index = SpeakerIndex::new();
    for (i, (article, analysis)) in stories.iter().enumerate() {
        index.add(i, article, analysis);
    }
    index.refresh();
    Arc::new(index)
}

/// A reader with [`stories_with_the_mayor`] loaded, analysed and indexed.
pub fn app_with_index(width: u16, height: u16) -> App {
    let stories = stories_with_the_mayor();
    let mut app = unsorted();
    app.update(Msg::Resize(width, height));
    let digests = stories
        .iter()
        .enumerate()
        .map(|(i, (article, analysis))| (i, Digest::of(&article.body, analysis)))
        .collect();
    app.update(Msg::Loaded(Loaded {
        articles: stories.iter().map(|(a, _)| a.clone()).collect(),
        problems: Vec::new(),
    }));
    app.update(Msg::Analysed(digests));
    app.update(Msg::LoadDone);
    app.update(Msg::Index(IndexCopy::new(
        index_of(&stories),
        stories.len(),
    )));
    app
}

/// A load problem as the loader reports one.
pub fn problem() -> Problem {
    Problem::new(
        &Arc::from("news/broken.json"),
        Place::Line(3),
        "expected a JSON object, found `]`",
    )
}

/// Presses keys given as the keymap writes them: `"j"`, `"g g"`, `"C-d"`.
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split(' ') {
        let key = Key::parse(key).unwrap_or_else(|| panic!("bad key {key}"));
        app.update(Msg::Key(key));
    }
}

/// Types text into a prompt.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = if c == ' ' {
            "Space".to_owned()
        } else {
            c.to_string()
        };
        press(app, &key);
    }
}
