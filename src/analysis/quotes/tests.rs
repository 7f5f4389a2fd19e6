//! The quote engine on sentences written for each rule: one row per
//! pattern, `(name, text, [(quote, speaker, cue)])`, with `None` where the
//! text does not say who spoke.

use crate::analysis::{Span, analyse};
use proptest::prelude::*;

type Row = (
    &'static str,
    &'static str,
    &'static [(&'static str, Option<&'static str>, Option<&'static str>)],
);

const ROWS: &[Row] = &[
    (
        "he after a spokesman for a body is the body",
        "Tom Ash left in May. A spokesman for the Harbour Board said: \"It is sad.\" He \
         added: \"We will miss him.\" A spokesman for Ann Roe said she was well. He said \
         \"she is resting\".",
        &[
            ("It is sad.", Some("Harbour Board"), Some("said")),
            ("We will miss him.", Some("Harbour Board"), Some("added")),
            ("she is resting", None, Some("said")),
        ],
    ),
    (
        "he after an unnamed spokesman opening a clause is the body, also a bare one",
        "Tom Ash spoke first. Responding to the ruling, a Harbour Board spokesman said the \
         rules had changed. He added \"that the old system will go\". A spokesman said \
         more. He added \"that it is over\".",
        &[
            (
                "that the old system will go",
                Some("Harbour Board"),
                Some("added"),
            ),
            ("that it is over", Some("Harbour Board"), Some("added")),
        ],
    ),
    (
        "a quote opening a paragraph after one with a cue goes on with its speaker",
        "\"We were called savages,\" said Mr Lind.\n\n\"This cannot go on.\" The film \
         is due in April. The firm announced a \"new season\".\n\n\"It will be big.\" \
         Tickets are on sale.",
        &[
            ("We were called savages,", Some("Lind"), Some("said")),
            ("This cannot go on.", Some("Lind"), None),
            ("new season", None, Some("announced")),
            ("It will be big.", None, None),
        ],
    ),
    (
        "an MP is a title and a group of MPs no one named",
        "Tory MP Tom Varga said it was \"a farce\". \"It is late,\" said Ann Roe MSP. The \
         committee met. \"We are concerned,\" MPs said.",
        &[
            ("a farce", Some("Tom Varga"), Some("said")),
            ("It is late,", Some("Ann Roe"), Some("said")),
            ("We are concerned,", None, Some("said")),
        ],
    ),
    (
        "an unnamed spokesman of a body named before the noun is the body",
        "The port reopened. \"We are pleased,\" a Harbour Board spokesman said. \"It went \
         well,\" said an NSPA spokeswoman. \"No,\" a Danish spokesman said.",
        &[
            ("We are pleased,", Some("Harbour Board"), Some("said")),
            ("It went well,", Some("NSPA"), Some("said")),
            ("No,", None, Some("said")),
        ],
    ),
    (
        "a description opening a sentence is the subject of its verbs",
        "Gordon Brown made an appeal for unity.\n\nThe chancellor would not comment on the \
         reports, but insisted he would not be \"diverted or distracted\" from his work.",
        &[(
            "diverted or distracted",
            Some("Gordon Brown"),
            Some("insisted"),
        )],
    ),
    (
        "a verb joined after but has the subject of its own clause",
        "Port officials claimed Mr Lind led the group, but his lawyer, Anton Varga, told \
         reporters it was absurd and added: \"He lived on welfare.\"",
        &[("He lived on welfare.", Some("Anton Varga"), Some("added"))],
    ),
    (
        "a name from a body before the cue is the speaker, not the body",
        "On Thursday, Tom Grady from the Agency's Office of Port Safety told the panel that \
         \"there is no need for it\". \"We are busy,\" Ana Lund from Harbour Trust said.",
        &[
            ("there is no need for it", Some("Tom Grady"), Some("told")),
            ("We are busy,", Some("Ana Lund"), Some("said")),
        ],
    ),
    (
        "a cue with a clause of its own after a quote that ended is not its cue",
        "Tom Ash has impressed the fans. \"The crowd was great,\" he said. \"It is not up to \
         me.\" Club manager Ivo Lind insists he will not sell Ash.",
        &[
            ("The crowd was great,", Some("Tom Ash"), Some("said")),
            ("It is not up to me.", Some("Tom Ash"), None),
        ],
    ),
    (
        "a modal verb between two names is no role: the first is the subject",
        "Martina Holm reached the final. Holm will partner Nadia Lund in the doubles. She \
         will then play in Sydney. \"I might play more,\" she added.",
        &[("I might play more,", Some("Martina Holm"), Some("added"))],
    ),
    (
        "the subject of a clause before a participle ends before its verb",
        "Mitt Rowan went after Tom Drake on Wednesday over his taxes, calling it \
         \"disqualifying\".",
        &[("disqualifying", Some("Mitt Rowan"), Some("calling"))],
    ),
    (
        "a noun before a name in the subject goes on to the name",
        "Conservative co-chairman Liam Foss derided the photo call, saying: \"It was bad \
         acting.\"",
        &[("It was bad acting.", Some("Liam Foss"), Some("saying"))],
    ),
    (
        "a name between commas after a role that ends in a body",
        "Shadow chief secretary to the Treasury, Gareth Olsen, said: \"This was more talk.\"",
        &[("This was more talk.", Some("Gareth Olsen"), Some("said"))],
    ),
    (
        "people of a role in the plural are not named",
        "Prices rose again in March. Analysts said the rise was \"a stand-off\".",
        &[("a stand-off", None, Some("said"))],
    ),
    (
        "a full name and its verb before another name: the first is the subject",
        "Tom Ashby beat Ivo Karlsen in three sets on Sunday. \"I felt good,\" he said.",
        &[("I felt good,", Some("Tom Ashby"), Some("said"))],
    ),
    (
        "a photographer in a credit is no one a pronoun goes to",
        "Mayor Ana Reyes visited the pier on Monday.\n\nPhoto: Karl Odum/Reuters\n\n\
         \"We will rebuild,\" she said. \"It will take a year,\" he said.",
        &[
            ("We will rebuild,", Some("Ana Reyes"), Some("said")),
            ("It will take a year,", None, Some("said")),
        ],
    ),
    (
        "the company is the body named at the start of a sentence before",
        "Norvik Shipping Group said profits rose. Analysts had expected less.\n\n\
         \"It was a good year,\" the company said.",
        &[(
            "It was a good year,",
            Some("Norvik Shipping Group"),
            Some("said"),
        )],
    ),
    (
        "the government is not the last body named",
        "The Harbour Trust opposed the plan. The government said the plan would \
         \"help the town\".",
        &[("help the town", None, Some("said"))],
    ),
    (
        "an organisation word before of: the whole body, not the place",
        "The Harbour Council of Northland said: \"We are concerned.\"",
        &[(
            "We are concerned.",
            Some("Harbour Council of Northland"),
            Some("said"),
        )],
    ),
    (
        "a day before a participle is never the one who says",
        "Mr Brandt issued a statement late on Friday saying that they remained \
         \"long-term investors\" in the club.",
        &[("long-term investors", Some("Brandt"), None)],
    ),
    (
        "a title chain of four lower-case words after said",
        "\"It looks grim,\" said Swedish shadow trades union official Ulf Karlsen.",
        &[("It looks grim,", Some("Ulf Karlsen"), Some("said"))],
    ),
    (
        "a quote that opens its sentence after one about someone is theirs",
        "\"We were happy with the start,\" said Owen Hale.\n\nWinger Tom Brice was keen \
         not to talk about the title. \"We have more belief these days.\"",
        &[
            (
                "We were happy with the start,",
                Some("Owen Hale"),
                Some("said"),
            ),
            ("We have more belief these days.", Some("Tom Brice"), None),
        ],
    ),
    (
        "he after an unnamed spokesman is the body they speak for, not a name before",
        "Ed Lowe said the visa checks had failed. A Home Office spokesman said the \
         system had been tightened. He added \"that checks will be simpler\".",
        &[(
            "that checks will be simpler",
            Some("Home Office"),
            Some("added"),
        )],
    ),
    (
        "a spokeswoman for a body whose name has for and and in it",
        "A Department for Roads and Rail spokeswoman said the plan was sound. \
         She added: \"It will be ready by May.\"",
        &[(
            "It will be ready by May.",
            Some("Department for Roads and Rail"),
            Some("added"),
        )],
    ),
    (
        "a statement of a body is the body speaking",
        "The league will appeal. A NRFL statement said: \"The ruling was wrong.\"",
        &[("The ruling was wrong.", Some("NRFL"), Some("said"))],
    ),
    (
        "it after a body that opened the sentence before is that body",
        "The Harbour Board denied the claims on Monday. It said the figures were \
         \"simply wrong\".",
        &[("simply wrong", Some("Harbour Board"), Some("said"))],
    ),
    (
        "it after a body described since is not an earlier body",
        "The Harbour Board met on Monday.\n\n\"We chose well,\" said the magazine. \
         \"It was hard,\" it concluded.",
        &[
            ("We chose well,", None, Some("said")),
            ("It was hard,", None, Some("concluded")),
        ],
    ),
    (
        "it after a time with a dotted abbreviation is no body",
        "The email was sent at 7:19 p.m. EST to the office.\n\n\
         \"I just tried you on the phone,\" it reads.",
        &[("I just tried you on the phone,", None, Some("reads"))],
    ),
    (
        "a role after with is the subject of its participle",
        "The Harbour Board defended the rules, with a spokesman saying: \
         \"You have to look at the whole record.\"",
        &[(
            "You have to look at the whole record.",
            Some("Harbour Board"),
            Some("saying"),
        )],
    ),
    (
        "a stray comma between a name after a quote and told keeps the name",
        "\"Sales will fall,\" shop owner Ann Roe, told Tellco News. \"We are worried.\"",
        &[
            ("Sales will fall,", Some("Ann Roe"), Some("told")),
            ("We are worried.", Some("Ann Roe"), Some("told")),
        ],
    ),
    (
        "the corporation is the body that opened a sentence before",
        "The Norvale Broadcasting Corporation is to relaunch its chart show. The \
         corporation said the new show \"aims to appeal to all\".",
        &[(
            "aims to appeal to all",
            Some("Norvale Broadcasting Corporation"),
            Some("said"),
        )],
    ),
    (
        "a player's role described is the player in focus",
        "Tom Brice was full of praise for the side. \"It was a great goal,\" said the \
         striker.",
        &[("It was a great goal,", Some("Tom Brice"), Some("said"))],
    ),
    (
        "a rugby position before a name, and the youngster, describe a player",
        "Meanwhile, Leeds centre Tomas Varga is delighted with his call-up. \
         \"It is incredible,\" the youngster said. Fergus Lane is the side's \
         hooker. He said: \"We are ready.\"",
        &[
            ("It is incredible,", Some("Tomas Varga"), Some("said")),
            ("We are ready.", Some("Fergus Lane"), Some("said")),
        ],
    ),
    (
        "a firm found by its \"its\" is what \"it\" says",
        "Shares rose when Qorvath said its profits were up. Qorvath also said it \
         would cut jobs. \"We are pleased,\" it said.",
        &[("We are pleased,", Some("Qorvath"), Some("said"))],
    ),
    (
        "a cue with a name and its verb after it reports that clause",
        "Tom Brice promised to help. \"I will value their opinion.\" Minister Ann \
         Roe said Prof Brice would \"strengthen\" the office.",
        &[
            ("I will value their opinion.", Some("Tom Brice"), None),
            ("strengthen", Some("Ann Roe"), Some("said")),
        ],
    ),
    (
        "\"which\" after a name stands for it",
        "The move was welcomed by Norvale, which described it as a \"great step\".",
        &[("great step", Some("Norvale"), Some("described"))],
    ),
    (
        "a quote opening a paragraph of narration goes on with the report before",
        "\"We are ready,\" said Ann Roe. Tom Brice said the plan had worked.\n\n\
         \"We predicted it years ago.\" He then left the stage.",
        &[
            ("We are ready,", Some("Ann Roe"), Some("said")),
            (
                "We predicted it years ago.",
                Some("Tom Brice"),
                Some("said"),
            ),
        ],
    ),
    (
        "a quote opening its sentence after one about \"she\" is hers",
        "\"We are pleased,\" said Tom Brice.\n\nAnn Roe is up for an award. And she \
         will not commit to a view. \"I am just in the middle of it.\"",
        &[
            ("We are pleased,", Some("Tom Brice"), Some("said")),
            ("I am just in the middle of it.", Some("Ann Roe"), None),
        ],
    ),
    (
        "a sentence about his times keeps him, not the owner of a record",
        "Tom Brice won the 60m race in Glasgow. His time was well short of Ivo \
         Marsh's world record. \"It is a hard record,\" said the world indoor champion.",
        &[("It is a hard record,", Some("Tom Brice"), Some("said"))],
    ),
    (
        "who a paper quoted as saying is the speaker, not the paper",
        "The Norvale Post quoted Ann Roe as saying: \"We will win this.\" \
         \"It is over,\" Tellco News quoted a trader as saying.",
        &[
            ("We will win this.", Some("Ann Roe"), Some("quoted")),
            ("It is over,", None, Some("quoted")),
        ],
    ),
    (
        "a body described with its country is the body in focus",
        "Norvale AG is considering a car plant in India. The German giant said \
         it remained only a \"potential\" idea.",
        &[("potential", Some("Norvale AG"), Some("said"))],
    ),
    (
        "a naming verb with no one as subject is no cue for the quote after",
        "Tom Brice grew up in Leeds. He spent his days on a new thing called the \
         internet. \"At a certain point in 1995, I was driving to work.\"",
        // No cue: the quote is his as the one the sentence before is about.
        &[(
            "At a certain point in 1995, I was driving to work.",
            Some("Tom Brice"),
            None,
        )],
    ),
    (
        "a name, then a bare role of a body, then the cue with no comma",
        "\"We see more women online,\" Paula Gosse, head of Bitwarden told the website.",
        &[(
            "We see more women online,",
            Some("Paula Gosse"),
            Some("told"),
        )],
    ),
    (
        "a naming verb in a clause of its own after but is its subject's word",
        "Rovers have confirmed the bid - but managing director Kara Brandt has called it \
         \"derisory\".",
        &[("derisory", Some("Kara Brandt"), Some("called"))],
    ),
    (
        "a name in what \"he\" said is not the sentence's subject",
        "Alan Marsh spoke for the party. Nina Holt would lead the campaign, he said. \
         \"She will be everywhere,\" he promised.",
        &[(
            "She will be everywhere,",
            Some("Alan Marsh"),
            Some("promised"),
        )],
    ),
    (
        "a sentence opening with she is about her, not the partner it names",
        "Mara Voss won the title on Sunday. She will then team up with Daniela Kerr \
         in the doubles. \"I might play some singles,\" she added.",
        &[(
            "I might play some singles,",
            Some("Mara Voss"),
            Some("added"),
        )],
    ),
    (
        "a nationality as a noun stands for the player the story is about",
        "Tom Ashgrove won in three sets against Ivo Karlsen on Sunday.\n\n\
         \"I felt good from the start,\" said the American.",
        &[(
            "I felt good from the start,",
            Some("Tom Ashgrove"),
            Some("said"),
        )],
    ),
    (
        "paragraphs run together: two parts of one quotation, one speaker",
        "\"It was a hard year for all of us. \"We expect more from the council,\" said \
         Rosa Lind.",
        &[
            (
                "It was a hard year for all of us.",
                Some("Rosa Lind"),
                Some("said"),
            ),
            (
                "We expect more from the council,",
                Some("Rosa Lind"),
                Some("said"),
            ),
        ],
    ),
    (
        "quote then name said",
        "Mayor Linda Harper opened the session.\n\n\"We will build it,\" Harper said.",
        &[("We will build it,", Some("Linda Harper"), Some("said"))],
    ),
    (
        "said then name",
        "\"The vote was close,\" said Thomas Reed.",
        &[("The vote was close,", Some("Thomas Reed"), Some("said"))],
    ),
    (
        "a company called one in an apposition speaks as one",
        "Zbyk Qorvath said the farm was safe. In a statement, Zbyk Qorvath, the company \
         that owns the farm, said it was \"repaired safely\".",
        &[("repaired safely", Some("Zbyk Qorvath"), Some("said"))],
    ),
    (
        "an unlisted name of an organisation is the name, not the organisation",
        "Holm Zbykowski of Qorvathbank, Poland's largest private bank, warned that \
         \"logic would suggest otherwise.\"",
        &[(
            "logic would suggest otherwise.",
            Some("Holm Zbykowski of Qorvathbank"),
            Some("warned"),
        )],
    ),
    (
        "an organisation's whole name, plural possessive and all",
        "The Central Valley Growers' Coalition said the cuts would \"hollow out the valley\".",
        &[(
            "hollow out the valley",
            Some("Central Valley Growers' Coalition"),
            Some("said"),
        )],
    ),
    (
        "an organisation named earlier, in full, for the union",
        "Talks with the Harbour and Ferry Workers' Union stalled on Monday.\n\n\
         \"We will strike on Thursday,\" the union said.",
        &[(
            "We will strike on Thursday,",
            Some("Harbour and Ferry Workers' Union"),
            Some("said"),
        )],
    ),
    (
        "an organisation with an of phrase",
        "The Lakeside Chamber of Commerce said the closure was \"a blow to every shop\".",
        &[(
            "a blow to every shop",
            Some("Lakeside Chamber of Commerce"),
            Some("said"),
        )],
    ),
    (
        "said title chain then relative clause",
        "\"We are ready,\" said Foreign Minister Ana Ruiz, who spoke in Lima on Monday.",
        &[("We are ready,", Some("Ana Ruiz"), Some("said"))],
    ),
    (
        "name said colon",
        "Robert Hale said: \"The bridge stays open.\"",
        &[("The bridge stays open.", Some("Robert Hale"), Some("said"))],
    ),
    (
        "name said that",
        "Karen Doyle said that \"nothing has changed\" since March.",
        &[("nothing has changed", Some("Karen Doyle"), Some("said"))],
    ),
    (
        "told reporters",
        "Michael Grant told reporters \"the talks are over.\"",
        &[("the talks are over.", Some("Michael Grant"), Some("told"))],
    ),
    (
        "split quote",
        "Susan Clarke leads the union. \"We will,\" she said, \"win the vote.\"",
        &[
            ("We will,", Some("Susan Clarke"), Some("said")),
            ("win the vote.", Some("Susan Clarke"), Some("said")),
        ],
    ),
    (
        "according to",
        "According to Daniel Moss, \"the plant will close in June.\"",
        &[(
            "the plant will close in June.",
            Some("Daniel Moss"),
            Some("According to"),
        )],
    ),
    (
        "apposition",
        "\"It is a sad day,\" Paul Bennett, the former minister, said on Friday.",
        &[("It is a sad day,", Some("Paul Bennett"), Some("said"))],
    ),
    (
        "relative clause is skipped",
        "Sir Vince Cable, who replaced Tim Farron, said \"the party must unite.\"",
        &[("the party must unite.", Some("Vince Cable"), Some("said"))],
    ),
    (
        "partial quote in reported speech",
        "Helen Ward said the allies would \"mobilise more support\" at the meeting.",
        &[("mobilise more support", Some("Helen Ward"), Some("said"))],
    ),
    (
        "a paragraph that is only a quote continues",
        "\"We start today,\" George Miller said.\n\n\"And we will not stop until the work is done.\"",
        &[
            ("We start today,", Some("George Miller"), Some("said")),
            (
                "And we will not stop until the work is done.",
                Some("George Miller"),
                None,
            ),
        ],
    ),
    (
        "said at the end of the paragraph before",
        "Nancy Price told the council:\n\n\"This budget does not add up and everyone in this room knows it.\"",
        &[(
            "This budget does not add up and everyone in this room knows it.",
            Some("Nancy Price"),
            Some("told"),
        )],
    ),
    (
        "he and she resolved by gender",
        "Mark Evans and Laura Bishop met in Oslo. \"The deal is fair,\" she said. \"It is not,\" he replied.",
        &[
            ("The deal is fair,", Some("Laura Bishop"), Some("said")),
            ("It is not,", Some("Mark Evans"), Some("replied")),
        ],
    ),
    (
        "he prefers the last speaker",
        "\"We have a plan,\" Steven Cole said after meeting Brian Ford. \"It will work,\" he added.",
        &[
            ("We have a plan,", Some("Steven Cole"), Some("said")),
            ("It will work,", Some("Steven Cole"), Some("added")),
        ],
    ),
    (
        "a description resolves to the person it describes",
        "Kevin Larsen, a 45-year-old engineer, designed the turbine. \"It floats,\" the 45-year-old said.",
        &[("It floats,", Some("Kevin Larsen"), Some("said"))],
    ),
    (
        "an organisation speaks",
        "\"Services will resume on Monday,\" the Harbour Authority said in a statement.",
        &[(
            "Services will resume on Monday,",
            Some("Harbour Authority"),
            Some("said"),
        )],
    ),
    (
        "a spokesperson is nobody",
        "\"We do not comment on rumours,\" a spokesperson said.",
        &[("We do not comment on rumours,", None, Some("said"))],
    ),
    (
        "one commuter is nobody",
        "Trains stopped at noon. \"I have waited two hours for nothing,\" one commuter said.",
        &[("I have waited two hours for nothing,", None, Some("said"))],
    ),
    (
        "pointed out",
        "\"Prices have doubled since spring,\" Joseph Hall pointed out.",
        &[(
            "Prices have doubled since spring,",
            Some("Joseph Hall"),
            Some("pointed out"),
        )],
    ),
    (
        "signed with a dash",
        "\"We deserve better than this from our leaders.\" ― Maria Lopez",
        &[(
            "We deserve better than this from our leaders.",
            Some("Maria Lopez"),
            Some("―"),
        )],
    ),
    (
        "a book title is not a quote",
        "Jennifer Stone wrote the memoir \"Rivers Of Glass\" in 2019.",
        &[],
    ),
    (
        "a quote inside a quote stays inside",
        "\"He told me 'never again' and meant it,\" Betty Moore said.",
        &[(
            "He told me 'never again' and meant it,",
            Some("Betty Moore"),
            Some("said"),
        )],
    ),
    (
        "guillemets",
        "« We will win », said Pierre Martin.",
        &[("We will win", Some("Pierre Martin"), Some("said"))],
    ),
    (
        "german marks",
        "„Wir schaffen das“, said Greta Vogel.",
        &[("Wir schaffen das", Some("Greta Vogel"), Some("said"))],
    ),
    (
        "a name in apposition to a role is the subject",
        "The talks ended late. Chile's foreign minister, Ana Ruiz, said the deal would \"hold for years\".",
        &[("hold for years", Some("Ana Ruiz"), Some("said"))],
    ),
    (
        "told names the listener, not the speaker",
        "\"We looked hard,\" the firm's chief executive, Laszlo Varga, told The Daily Post. \"We found nothing.\"",
        &[
            ("We looked hard,", Some("Laszlo Varga"), Some("told")),
            ("We found nothing.", Some("Laszlo Varga"), Some("told")),
        ],
    ),
    (
        "the statement speaks for who issued it",
        "The Port Authority said its crews were \"on site within minutes\". \"We are sorry,\" the statement said.",
        &[
            (
                "on site within minutes",
                Some("Port Authority"),
                Some("said"),
            ),
            ("We are sorry,", Some("Port Authority"), Some("said")),
        ],
    ),
    (
        "a modifier alone does not describe a person",
        "Tom Reid, the harbour board's engineer, left early. \"It failed,\" the harbour board said.",
        &[("It failed,", None, Some("said"))],
    ),
    (
        "a description as subject makes its person the one a pronoun means",
        "State Sen. Dolores Whitcombe opened the hearing.\n\n\"Some have,\" Anil Varghese replied.\n\nThe senator said the panel would meet again. \"Nobody leaves happy,\" she said.",
        &[
            ("Some have,", Some("Anil Varghese"), Some("replied")),
            (
                "Nobody leaves happy,",
                Some("Dolores Whitcombe"),
                Some("said"),
            ),
        ],
    ),
    (
        "a pronoun reaches the speaker of a quote within the horizon, named further back",
        "Mary Quinn leads the crews' union.\n\nTalks began in May.\n\nThey stalled in June.\n\n\"It is wrong,\" she said.\n\nThe ferries kept sailing.\n\nAsked about a shorter stoppage, she replied that \"nothing is off the table\".",
        &[
            ("It is wrong,", Some("Mary Quinn"), Some("said")),
            (
                "nothing is off the table",
                Some("Mary Quinn"),
                Some("replied"),
            ),
        ],
    ),
    (
        "two roles joined by and, before the name",
        "Profits at Qorvath rose.\n\n\"Our results were strong,\" chairman and chief \
         executive Lena Ortiz said.",
        &[("Our results were strong,", Some("Lena Ortiz"), Some("said"))],
    ),
    (
        "a whole sentence quoted without its comma, then the cue",
        "The plant closed.\n\n\"We were left in the dark\" union president Carl Meyer said.",
        &[("We were left in the dark", Some("Carl Meyer"), Some("said"))],
    ),
    (
        "an opening phrase of time is not the subject",
        "Lena Ortiz met the union.\n\nHours later, Ortiz praised the talks, telling \
         reporters, \"We are close to a deal.\"",
        &[(
            "We are close to a deal.",
            Some("Lena Ortiz"),
            Some("telling"),
        )],
    ),
    (
        "a comma after a party tag is no aside",
        "Holt won the state. After the vote, Sen. Mary Holt (D-Ore.), said, \"We will go on.\"",
        &[("We will go on.", Some("Mary Holt"), Some("said"))],
    ),
    (
        "a town and its state after of belong to the name before",
        "Lena Ortiz of Columbia, South Carolina says the plan is \"far too slow.\"",
        &[("far too slow.", Some("Lena Ortiz"), Some("says"))],
    ),
    (
        "at the time between the name and the cue",
        "Lena Ortiz spoke to the union. Ortiz at the time said the offer was \"far too low.\"",
        &[("far too low.", Some("Lena Ortiz"), Some("said"))],
    ),
    (
        "a town and its state in an opening phrase are not the subject",
        "Lena Ortiz faced Tom Ray in the race.\n\nSpeaking in Salem, New Hampshire, Ortiz \
         attacked Ray, saying \"he is a total stiff.\"",
        &[("he is a total stiff.", Some("Lena Ortiz"), Some("saying"))],
    ),
    (
        "an unnamed spokesman speaks for the body the story is about",
        "But the Harbour Office defended the rules. A spokesman said: \"They stay.\" \
         Norland Bank backed the cuts.\n\n\"It is a reminder,\" a spokeswoman said. \"We \
         will wait,\" said the spokeswoman.",
        &[
            ("They stay.", Some("Harbour Office"), Some("said")),
            ("It is a reminder,", Some("Norland Bank"), Some("said")),
            ("We will wait,", Some("Norland Bank"), Some("said")),
        ],
    ),
    (
        "a spokesman for a body named after the noun, and for a person",
        "Rivo Telecom said it had no plans. \"We wait,\" said a spokesman for Ofmark.\n\n\"We \
         act,\" said a spokesman for the company. Ann Roe left. \"She is well,\" said \
         a spokesman for the author.",
        &[
            ("We wait,", Some("Ofmark"), Some("said")),
            ("We act,", Some("Rivo Telecom"), Some("said")),
            ("She is well,", None, Some("said")),
        ],
    ),
    (
        "a party spokesman is the party, a nationality no body",
        "A Labour spokesman said: \"It is fair.\" A Danish spokesman said: \"It is \
         not.\"",
        &[
            ("It is fair.", Some("Labour"), Some("said")),
            ("It is not.", None, Some("said")),
        ],
    ),
    (
        "a spokesman by the noun of a body named before",
        "The Harbour Film Council met in May. \"It fell,\" the council's spokeswoman \
         said. The Scottish Executive lost a case. An executive spokesman said: \"We \
         will study it.\" Ann Roe sued. \"No,\" the singer's spokesman said.",
        &[
            ("It fell,", Some("Harbour Film Council"), Some("said")),
            (
                "We will study it.",
                Some("Scottish Executive"),
                Some("said"),
            ),
            ("No,", None, Some("said")),
        ],
    ),
    (
        "she after the spokeswoman of a body named by her noun is the body",
        "Ann Roe, the health minister, spoke first. The Scottish Executive approved \
         the leave. The executive spokeswoman said the advice was followed. She said: \
         \"Ministers were told.\" The OFMA spokesman said it was fine. \"It is,\" he \
         said.",
        &[
            (
                "Ministers were told.",
                Some("Scottish Executive"),
                Some("said"),
            ),
            ("It is,", Some("OFMA"), Some("said")),
        ],
    ),
    (
        "a sentence about a person described is not about the name in it",
        "Ivo Lind beat Tom Ash in the final. The American had cast doubt on Ash's \
         fitness. \"I was ready,\" he said. The leader of the union, Ed Lowe, \
         warned of a strike. \"We will walk out,\" he said.",
        &[
            ("I was ready,", Some("Ivo Lind"), Some("said")),
            ("We will walk out,", Some("Ed Lowe"), Some("said")),
        ],
    ),
    (
        "a cue set off by commas names its subject after it",
        "But, says Ivo Lind of Tellco, it was not \"the thing\" itself. The idea, \
         says Tellco, is \"a new model\". Their head, Tom Ash, says Lind \"does not \
         wish to stay\".",
        &[
            ("the thing", Some("Ivo Lind"), Some("says")),
            ("a new model", Some("Tellco"), Some("says")),
            ("does not wish to stay", Some("Tom Ash"), Some("says")),
        ],
    ),
    (
        "a participle after \"with\" and a name is a clause of its own",
        "Labour hit back at the plans, with campaign chief Ivo Lind accusing Tom Ash \
         of producing \"a fraudulent prospectus\".",
        &[(
            "a fraudulent prospectus",
            Some("Ivo Lind"),
            Some("accusing"),
        )],
    ),
    (
        "paragraphs run together go on with the first one's speaker",
        "Ivo Lind still feels the loss. \"That was hard, but I made the final. \"I \
         just have to be patient.\" Tom Ash left.",
        &[
            (
                "That was hard, but I made the final.",
                Some("Ivo Lind"),
                None,
            ),
            ("I just have to be patient.", Some("Ivo Lind"), None),
        ],
    ),
    (
        "a pronoun cue inside a clause of a named subject",
        "Shadow home secretary Tim Cole set out a scheme to tackle what he says are \
         \"crippling shortages\". Ed Lowe spoke next. But he said Mr Cole had \
         \"no plan at all\".",
        &[
            ("crippling shortages", Some("Tim Cole"), Some("says")),
            ("no plan at all", Some("Ed Lowe"), Some("said")),
        ],
    ),
    (
        "a sentence about the holder of a role the name before owns",
        "Ivo Lind spoke first. Mr Lind's campaign chief, Tom Ash, dismissed the \
         report as \"a smear\".",
        &[("a smear", Some("Tom Ash"), None)],
    ),
    (
        "a quote after a cued one goes on past a sentence with its own words",
        "\"We want him to stay,\" said Ivo Lind. \"Now he has the chance.\" Keeper \
         Tom Ash echoed Lind's words. \"Why not?\" Ash asked, smiling.",
        &[
            ("We want him to stay,", Some("Ivo Lind"), Some("said")),
            ("Now he has the chance.", Some("Ivo Lind"), None),
            ("Why not?", Some("Tom Ash"), Some("asked")),
        ],
    ),
    (
        "a quote after a cued one goes on past a sentence that ends in its own cue",
        "\"It is a front,\" said Ivo Lind, an analyst. \"We tried to find it.\" The \
         sale has bought the firm time, traders said.\n\n\"We will appeal.\" The \
         firm is not done yet, Ann Roe said.",
        &[
            ("It is a front,", Some("Ivo Lind"), Some("said")),
            ("We tried to find it.", Some("Ivo Lind"), None),
            ("We will appeal.", Some("Ann Roe"), Some("said")),
        ],
    ),
    (
        "a sentence opening with a conjunction and a pronoun is about the pronoun",
        "Tom Ash spoke first. Ivo Lind said the court was faster. But he refused \
         to accept that it had a bearing on Ash's results. \"He is good on all \
         courts,\" he said.",
        &[("He is good on all courts,", Some("Ivo Lind"), Some("said"))],
    ),
    (
        "a clause after a comma and a conjunction is about the person opening it",
        "Tom Ash said he had had enough of the court, but Ivo Lind rejected his \
         comments. \"We did ask for it,\" he said.",
        &[("We did ask for it,", Some("Ivo Lind"), Some("said"))],
    ),
    (
        "\"according to\" after a quote is the source of its own clause",
        "\"Broadband is moving fast,\" said Ann Roe, Chief Executive of Tellco UK, \
         \"with many people online.\" According to analysts Zbyk/Lind, more than \
         half of homes have it.",
        &[
            ("Broadband is moving fast,", Some("Ann Roe"), Some("said")),
            ("with many people online.", Some("Ann Roe"), None),
        ],
    ),
    (
        "an aside opened by a role or by \"of\" and not closed ends in a body or a place",
        "Ann Roe, a strategist at Tellco Securities told Reuters it was \"enough\". \
         Ivo Lind, of the Centre for Transport in Leeds said: \"It is poor.\"",
        &[
            ("enough", Some("Ann Roe"), Some("told")),
            ("It is poor.", Some("Ivo Lind"), Some("said")),
        ],
    ),
    (
        "a DJ is a title and a role",
        "Tellco Radio DJ Ivo Lind said: \"This year was good.\" Ann Roe spoke. \
         \"They will be back,\" says the DJ.",
        &[
            ("This year was good.", Some("Ivo Lind"), Some("said")),
            ("They will be back,", Some("Ivo Lind"), Some("says")),
        ],
    ),
    (
        "the owner of a statement is its author",
        "Tom Ash spoke first. Ann Roe's statement said: \"I am sorry.\" Then \
         Tellco's statement added: \"We stand by him.\"",
        &[
            ("I am sorry.", Some("Ann Roe"), Some("said")),
            ("We stand by him.", Some("Tellco"), Some("added")),
        ],
    ),
    (
        "a nationality ending in \"man\" is no man's unless its stem is a nationality",
        "Ann Roe was the better player but lost. \"It was my first final,\" said \
         the German.",
        &[("It was my first final,", Some("Ann Roe"), Some("said"))],
    ),
    (
        "a spokesman for a man or a woman is not them; for a firm, is the firm",
        "Tom Ash met Ann Roe. A spokesman for Mr Ash said: \"It went well.\" A \
         spokeswoman for Tellco said: \"We agree.\"",
        &[
            ("It went well.", None, Some("said")),
            ("We agree.", Some("Tellco"), Some("said")),
        ],
    ),
    (
        "a comma and a conjunction open a clause, not an aside before the cue",
        "Mr Tom Ash spoke. All mail is subject to the laws, but the thing was the \
         content, said Mr Ash.\n\n\"If in doubt, retain.\"",
        &[("If in doubt, retain.", Some("Tom Ash"), Some("said"))],
    ),
    (
        "a title chain holds \"of\" and a field in lower case",
        "\"England wanted a second opinion,\" director of rugby Ivo Lind told the \
         paper. \"It was late,\" Ann Roe, head of Tellco told the BBC.",
        &[
            (
                "England wanted a second opinion,",
                Some("Ivo Lind"),
                Some("told"),
            ),
            ("It was late,", Some("Ann Roe"), Some("told")),
        ],
    ),
    (
        "a title in capitals is a role that the name after its comma fills",
        "\"We are ready,\" Tellco's CEO, Ann Roe, told the paper.",
        &[("We are ready,", Some("Ann Roe"), Some("told"))],
    ),
    (
        "an opening adverb with no comma leaves the subject after it",
        "Mr Tom Ash said the law was clear.\n\nEarlier Ivo Lind defended the \
         plans in the Commons. \"My view is clear,\" he told MPs.",
        &[("My view is clear,", Some("Ivo Lind"), Some("told"))],
    ),
    (
        "the role before \"for\" or \"of\" and a place is the speaker, not the place",
        "Ann Roe spoke in the debate. The MP for Selby and Goole said the plan \
         was \"a mess\".\n\nIvo Lind starred in a film. The star of Harbour \
         Lights said: \"It was fun.\"",
        &[
            ("a mess", Some("Ann Roe"), Some("said")),
            ("It was fun.", Some("Ivo Lind"), Some("said")),
        ],
    ),
    (
        "a body's spokesman is the body, a person's is no one",
        "Harbour Lights lost viewers. Harbour Lights's spokeswoman said: \"We are \
         pleased.\" Ivo Lind was away. Mr Lind's spokesman said: \"He is ill.\" \
         Singer Tom Ash is sued. The singer's spokesman said: \"It is untrue.\"",
        &[
            ("We are pleased.", Some("Harbour Lights"), Some("said")),
            ("He is ill.", None, Some("said")),
            ("It is untrue.", None, Some("said")),
        ],
    ),
    (
        "a cue right after \"When\" has no subject; after \"once\" it has",
        "Tom Ash will start. When asked if he would stay Ivo Lind replied: \"I \
         could tell you yes. \"It is a blow. \"It is good.\" A critic once said \
         of Ann Roe: \"She gave the illusion of flight.\"",
        &[
            ("I could tell you yes.", Some("Ivo Lind"), Some("replied")),
            ("It is a blow.", Some("Ivo Lind"), Some("replied")),
            ("It is good.", Some("Ivo Lind"), Some("replied")),
            ("She gave the illusion of flight.", None, Some("said")),
        ],
    ),
    (
        "an aside opened by \"from\" whose comma is missing; a preposition names no one",
        "\"It is going well,\" Jo Tan, from the Tellco Institute (TI) told the \
         paper.\n\nAmong them were posters carrying messages, saying \"we are \
         sorry\" for the result.",
        &[
            ("It is going well,", Some("Jo Tan"), Some("told")),
            ("we are sorry", None, Some("saying")),
        ],
    ),
    (
        "a body the last cue's subject names speaks for a spokesman or \"it\"",
        "Ann Roe said the plan was good. \"It is fine,\" a spokesman said.\n\n\
         Labour said it would press the Tories. A spokesman said: \"We are \
         clear.\"",
        &[
            ("It is fine,", None, Some("said")),
            ("We are clear.", Some("Labour"), Some("said")),
        ],
    ),
    (
        "the body that spoke in the paragraph before is \"it\"",
        "The Greens said they would fight.\n\n\"We will win,\" it said.",
        &[("We will win,", Some("Greens"), Some("said"))],
    ),
    (
        "a firm's name that ends in \"s\" is a body the company noun stands for",
        "Novartis said that it would merge departments.\n\n\"The outlook is \
         strong,\" the firm said in a statement.",
        &[("The outlook is strong,", Some("Novartis"), Some("said"))],
    ),
    (
        "a relative clause after a dash; \"who\" after a place is who is in it",
        "The Tellco Board - which said it was \"very surprised\" - will appeal. \
         The film was attacked by critics in the US, who described it as \
         \"jarring\".\n\nIt was backed by Ann Roe in Leeds, who said: \"It is true.\"",
        &[
            ("very surprised", Some("Tellco Board"), Some("said")),
            ("jarring", None, Some("described")),
            ("It is true.", Some("Ann Roe"), Some("said")),
        ],
    ),
    (
        "a possessive pronoun's statement is the pronoun's, also opening a sentence",
        "Ann Roe has sued the agency. Her lawsuit said: \"She has never cheated.\"",
        &[("She has never cheated.", Some("Ann Roe"), Some("said"))],
    ),
    (
        "a body's spokesman with no article; not after a list or a person",
        "The claim was denied by Harbour Trust spokesman, who said: \"It is \
         empty.\"\n\nA Department for Arts, Media and Sport spokeswoman said: \
         \"We know.\"\n\nAnn Roe lost. One Roe spokesman said: \"She is tired.\"",
        &[
            ("It is empty.", Some("Harbour Trust"), Some("said")),
            ("We know.", None, Some("said")),
            ("She is tired.", None, Some("said")),
        ],
    ),
    (
        "a name after \"a\" qualifies a noun; \"It's\" opens with its pronoun",
        "Ivo Lind felt the team was never in danger.\n\nAn early goal and a Tom \
         Ash strike won it. \"We got our goals early,\" he said.\n\nIvo Lind \
         spoke. It's implied that he will not stand in Tom Ash's way. \"Let me \
         be clear,\" he said.",
        &[
            ("We got our goals early,", Some("Ivo Lind"), Some("said")),
            ("Let me be clear,", Some("Ivo Lind"), Some("said")),
        ],
    ),
    (
        "an unnamed spokesman's cue passes the body back to the cue before",
        "Scotland Yard said the plan had been reviewed. A spokesman said it was \
         safe. \"We cannot discuss it,\" said the spokesman.",
        &[("We cannot discuss it,", Some("Scotland Yard"), Some("said"))],
    ),
    (
        "a cue after a whole sentence quoted, before a possessive, reports its own clause",
        "Ann Roe spoke first. \"We will win the game.\" Tom Ash said his team \
         were ready.",
        &[("We will win the game.", Some("Ann Roe"), None)],
    ),
    (
        "an unclosed aside after a name that follows \"but\"",
        "Tellco plans a network, but Ivo Lind, head of the mobile division at \
         the firm says that: \"The need will be great.\"",
        &[("The need will be great.", Some("Ivo Lind"), Some("says"))],
    ),
    (
        "a date after its opener is no part of the name after it",
        "On Monday Tellco said: \"We are ready.\" Union leader Ann Roe in \
         July said the plan was \"a good start\".",
        &[
            ("We are ready.", Some("Tellco"), Some("said")),
            ("a good start", Some("Ann Roe"), Some("said")),
        ],
    ),
    (
        "\"it\" speaks for the body that opens the sentence before, or a named cue's",
        "Ivo Lind said the change would help firms.\n\nThe Bremen Chambers of \
         Commerce strongly welcomed the plan. \"This is the best of both \
         worlds,\" it said.\n\nIn a statement Tellco Ltd said the service was a \
         trial. It said: \"Users can turn it off.\"",
        &[
            (
                "This is the best of both worlds,",
                Some("Bremen Chambers of Commerce"),
                Some("said"),
            ),
            ("Users can turn it off.", Some("Tellco Ltd"), Some("said")),
        ],
    ),
    (
        "a body's own noun in lower case ends its name before a spokes-noun",
        "Ann Roe denied the claim. A Norvale Tennis club spokesperson denied she \
         made the remark, insisting: \"We are sure of it.\" The statement added: \
         \"We will say no more.\"",
        &[
            (
                "We are sure of it.",
                Some("Norvale Tennis club"),
                Some("insisting"),
            ),
            (
                "We will say no more.",
                Some("Norvale Tennis club"),
                Some("added"),
            ),
        ],
    ),
    (
        "a firm's longer name may end in a plural organisation word",
        "Halvern Systems, the payments firm, said on Sunday that an update had \
         failed.\n\n\"We are sorry,\" the company said in a statement.",
        &[("We are sorry,", Some("Halvern Systems"), Some("said"))],
    ),
    (
        "an unclosed aside of a body's name and a role",
        "\"We will act,\" Ann Lowe, Tellco chief executive said. \"It is time,\" \
         Ivo Lind, Brenford's sales director told the paper. Meanwhile, Tellco \
         chief executive Eva Roe said: \"We agree.\"",
        &[
            ("We will act,", Some("Ann Lowe"), Some("said")),
            ("It is time,", Some("Ivo Lind"), Some("told")),
            ("We agree.", Some("Eva Roe"), Some("said")),
        ],
    ),
    (
        "an age between the name and \"who\" is an aside",
        "The award went to Ann Roe, 49, who told the paper: \"I am thrilled.\" \
         It was a first for Eva Lind, who said: \"I did not expect it.\"",
        &[
            ("I am thrilled.", Some("Ann Roe"), Some("told")),
            ("I did not expect it.", Some("Eva Lind"), Some("said")),
        ],
    ),
    (
        "\"and\" inside a body's name that ends in an organisation word",
        "Prices rose. \"Growth will slow next year,\" the Finance and Economy \
         Ministry said. The Food and Drug Administration said: \"The drug is \
         safe.\"",
        &[
            (
                "Growth will slow next year,",
                Some("Finance and Economy Ministry"),
                Some("said"),
            ),
            (
                "The drug is safe.",
                Some("Food and Drug Administration"),
                Some("said"),
            ),
        ],
    ),
    (
        "\"it\" goes on for a one-word speaker nothing calls a person",
        "The drive won an award. \"It is the kind of storage people want,\" \
         said Qorvath. \"It is the first time a drive is sexy,\" it said.",
        &[
            (
                "It is the kind of storage people want,",
                Some("Qorvath"),
                Some("said"),
            ),
            (
                "It is the first time a drive is sexy,",
                Some("Qorvath"),
                Some("said"),
            ),
        ],
    ),
    (
        "a quote after a sentence about \"it\" goes on with the last speaker, if no one is named since",
        "Ann Roe said: \"When the stadium opens we will review it all.\"\n\n\
         The club is funding its move through a loan. It is also looking to \
         Asia. \"We have two executives in Japan at the moment.\" The club is \
         popular. It has fans like Ivo Lind. \"We are the best.\"",
        &[
            (
                "When the stadium opens we will review it all.",
                Some("Ann Roe"),
                Some("said"),
            ),
            (
                "We have two executives in Japan at the moment.",
                Some("Ann Roe"),
                None,
            ),
            ("We are the best.", None, None),
        ],
    ),
    (
        "a quote after narration that names no one goes on with the last speaker",
        "Ivo Lind said: \"The plan will work in the end.\"\n\nThe film will be \
         encrypted and sent by satellite. \"It cannot be copied by anyone at \
         all.\" The film goes to Ann Roe by satellite. The disc is sealed. \
         \"It is safe in every way.\"",
        &[
            (
                "The plan will work in the end.",
                Some("Ivo Lind"),
                Some("said"),
            ),
            (
                "It cannot be copied by anyone at all.",
                Some("Ivo Lind"),
                None,
            ),
            ("It is safe in every way.", None, None),
        ],
    ),
    (
        "an unnamed official speaks for the body",
        "\"Calculators will have to wait for now,\" said an IMF official in a \
         briefing. But a Home Office official responded: \"We will act on this \
         soon.\"",
        &[
            (
                "Calculators will have to wait for now,",
                Some("IMF"),
                Some("said"),
            ),
            (
                "We will act on this soon.",
                Some("Home Office"),
                Some("responded"),
            ),
        ],
    ),
    (
        "an athlete, an agent, a broadcaster: nouns for a person described",
        "Ann Roe agreed the honour capped a hard year. \"I think the award is \
         important to me,\" said the Newport-based athlete. Tom Ash insists the \
         player is worth more. \"Mike wants to stay at the club,\" the agent \
         added.",
        &[
            (
                "I think the award is important to me,",
                Some("Ann Roe"),
                Some("said"),
            ),
            (
                "Mike wants to stay at the club,",
                Some("Tom Ash"),
                Some("added"),
            ),
        ],
    ),
    (
        "a body's noun goes to the body named right after that noun",
        "The phone was named best gadget by US magazine Mobile PC. \"It is the \
         best phone we have ever tested,\" said the magazine. The firms Tellco \
         and Brenford agreed. \"We will share the costs of the trial,\" the \
         firms said.",
        &[
            (
                "It is the best phone we have ever tested,",
                Some("Mobile PC"),
                Some("said"),
            ),
            ("We will share the costs of the trial,", None, Some("said")),
        ],
    ),
    (
        "a capitalised role after \"the\" names who the commas hold",
        "\"We will not resign,\" the Vardanian President, Askar Tolen, said. The \
         Shadow Secretary of State for the Family, Ann Roe, said: \"It is late.\"",
        &[
            ("We will not resign,", Some("Askar Tolen"), Some("said")),
            ("It is late.", Some("Ann Roe"), Some("said")),
        ],
    ),
    (
        "whoever is quoted or reported as saying is the speaker",
        "Ann Roe spoke first. \"They will sue,\" Mr Lind is reported as saying. \
         \"It is over,\" Tom Ash has been quoted as saying.",
        &[
            ("They will sue,", Some("Lind"), Some("saying")),
            ("It is over,", Some("Tom Ash"), Some("saying")),
        ],
    ),
    (
        "\"for\" after an organisation word is inside the body's name",
        "\"We will build it,\" the Department for Roads said. A spokesman for the \
         Campaign for Real Cider said: \"Pubs are closing.\"",
        &[
            (
                "We will build it,",
                Some("Department for Roads"),
                Some("said"),
            ),
            (
                "Pubs are closing.",
                Some("Campaign for Real Cider"),
                Some("said"),
            ),
        ],
    ),
    (
        "a former or shadow office is not the office a plain description names",
        "Former president Ivo Lind left in 2003. The new president, Tom Ash, \
         spoke. \"We will rebuild,\" the president told MPs. Chancellor Ann \
         Roe spoke. Shadow chancellor Jo Brice attacked her. \"We will win,\" \
         the chancellor said.",
        &[
            ("We will rebuild,", Some("Tom Ash"), Some("told")),
            ("We will win,", Some("Ann Roe"), Some("said")),
        ],
    ),
    (
        "an adverb and its comma open the clause before its subject",
        "Tellco were fined. However, Ann Roe played down the incidents, adding: \
         \"It was nothing.\"",
        &[("It was nothing.", Some("Ann Roe"), Some("adding"))],
    ),
    (
        "an unnamed source speaks for the body named with it",
        "\"It is a mess,\" a Tellco source said. A Brenford Union source told \
         reporters: \"We will strike.\"",
        &[
            ("It is a mess,", Some("Tellco"), Some("said")),
            ("We will strike.", Some("Brenford Union"), Some("told")),
        ],
    ),
    (
        "whom a quote names is spoken of, not speaking",
        "Tom Ash has rapped his captain Ivo Lind. Lind spoke against the \
         rivals before the match. \"I have had a word with Ivo,\" he told \
         reporters.",
        &[("I have had a word with Ivo,", Some("Tom Ash"), Some("told"))],
    ),
    (
        "the subject of a reporting passive before the quote is its speaker",
        "Ivo Lind hosted a dinner. In her book Mr Ash is alleged to have told \
         the minister: \"I cannot trust you.\"",
        &[("I cannot trust you.", Some("Ash"), Some("told"))],
    ),
    (
        "a cue's word after a pronoun and a verb in the past is an adjective",
        "Ann Roe played on the right. She looked assured in a new role. \
         \"I was happy to play.\"",
        &[("I was happy to play.", Some("Ann Roe"), None)],
    ),
    (
        "a cue after a quote that reports a clause of its own, the clause a described subject's",
        "Tom Ash said firms had to work with stars. \"We need them more than \
         ever.\" Ann Roe, an analyst, said the move could help.",
        &[("We need them more than ever.", Some("Tom Ash"), None)],
    ),
    (
        "a paragraph that opens with a quote goes on with whom the paragraph before quoted",
        "Tom Ash said the vote was of \"great importance\" to all.\n\n\
         \"We are stating a principle.\" Under the deal, talks will start.",
        &[
            ("great importance", Some("Tom Ash"), Some("said")),
            ("We are stating a principle.", Some("Tom Ash"), None),
        ],
    ),
    (
        "a capitalised title after \"the\" is the person it describes, not a body",
        "Home Secretary Ray Corwin spoke to the forum. The Home Secretary told the \
         paper: \"I was making an observation.\" Ana Pell has long sat for Leeds. \
         \"We will hold the seat,\" said the Leeds MP. Ola Brand, the trust's chief \
         executive, spoke. The Welsh Executive said it was \"a matter for the courts\".",
        &[
            (
                "I was making an observation.",
                Some("Ray Corwin"),
                Some("told"),
            ),
            ("We will hold the seat,", Some("Ana Pell"), Some("said")),
            (
                "a matter for the courts",
                Some("Welsh Executive"),
                Some("said"),
            ),
        ],
    ),
    (
        "a term takes no speaker from a quote in another sentence of its paragraph",
        "From May, all sets will carry an \"UltraView\" sticker. \"The logo is \
         the way forward,\" said Tom Farrow.\n\nThere are \"no big differences in \
         wait times\" between the sites. \"Good staff work anywhere,\" Ana Pell says.",
        &[
            (
                "The logo is the way forward,",
                Some("Tom Farrow"),
                Some("said"),
            ),
            (
                "no big differences in wait times",
                Some("Ana Pell"),
                Some("says"),
            ),
            ("Good staff work anywhere,", Some("Ana Pell"), Some("says")),
        ],
    ),
    (
        "after a naming verb's participle, the agent after the quote said it",
        "Reports that Ola Brand will quit were described as \"idle speculation\" by \
         the Treasury. The plan was branded \"reckless\" and \"vain\" by Tom Ash. \
         Ola Brand was \"deeply hurt\" by the Harbour row, she said. The Daily Post \
         labelled it a \"vanity project\".",
        &[
            ("idle speculation", Some("Treasury"), Some("by")),
            ("reckless", Some("Tom Ash"), Some("by")),
            ("vain", Some("Tom Ash"), Some("by")),
            ("deeply hurt", Some("Ola Brand"), Some("said")),
            ("vanity project", Some("Daily Post"), Some("labelled")),
        ],
    ),
    (
        "a body's name alone after a name and a comma is where the person is from",
        "Colin Vasco, Harbour Hotel Association said: \"It amazes me.\" In Tarnby, \
         the Harbour Hotel Association said: \"We are sad.\"",
        &[
            ("It amazes me.", Some("Colin Vasco"), Some("said")),
            (
                "We are sad.",
                Some("Harbour Hotel Association"),
                Some("said"),
            ),
        ],
    ),
    (
        "an \"and\" between two lower-case roles goes on with the title chain",
        "\"We are ready,\" said Tellco president and chief executive Ivo Lind. \"It \
         works,\" said sales and marketing manager Ann Roe. \"We agree,\" said Ivo \
         Lind and Ann Roe.",
        &[
            ("We are ready,", Some("Ivo Lind"), Some("said")),
            ("It works,", Some("Ann Roe"), Some("said")),
            ("We agree,", Some("Ivo Lind"), Some("said")),
        ],
    ),
    (
        "a spokesman for a body named after what it is speaks for it",
        "A spokesman for distributor Tellco said the film \"has done well\". \"We \
         are glad,\" he added.",
        &[
            ("has done well", Some("Tellco"), Some("said")),
            ("We are glad,", Some("Tellco"), Some("added")),
        ],
    ),
    (
        "a role of a body with a long name, then a name between commas",
        "But director of the Friends of Tarn Park Trust, Ivo Lind, said: \"It is \
         neglect.\"",
        &[("It is neglect.", Some("Ivo Lind"), Some("said"))],
    ),
    (
        "words with no cue are the subject's only if the subject is named first",
        "To study \"space weather\" Mr Lind needed maps. Films with \"medium\" \
         budgets, like those of Ann Roe, will suffer. Mr Lind dismissed it as a \
         \"silly fuss\". It was a \"stellar year\" said Ann Roe.",
        &[
            ("silly fuss", Some("Lind"), None),
            ("stellar year", Some("Ann Roe"), None),
        ],
    ),
    (
        "a capitalised adverb and a comma after a quote open a sentence of their own",
        "Ann Roe said: \"I spoke to him.\n\n\"I said we need help. \"We must make the \
         squad stronger.\" Meanwhile, Ivo Lind has urged the board to sign a striker.",
        &[
            ("I spoke to him.", Some("Ann Roe"), Some("said")),
            ("I said we need help.", Some("Ann Roe"), Some("said")),
            (
                "We must make the squad stronger.",
                Some("Ann Roe"),
                Some("said"),
            ),
        ],
    ),
    (
        "an adverb before \"after\" opens a phrase of time before the subject",
        "Tom Ash won the final. Shortly after the match, Ash thanked the crowd, \
         saying \"thanks for having me\".",
        &[("thanks for having me", Some("Tom Ash"), Some("saying"))],
    ),
    (
        "a participle after a cue set off by commas is that cue's subject's",
        "Ann Roe spoke on Monday. Mr Lind has failed, she claimed, saying he has the \
         \"wrong answer\".",
        &[("wrong answer", Some("Ann Roe"), Some("saying"))],
    ),
    (
        "a title chain after the cue ends in the name, past a comma or a verb's form",
        "\"It was hard,\" said Tellco chief economist, Ivo Lind. \"It is incredible,\" \
         said Florida state archivist Ann Roe. According to the Datacorp report the \
         trend is \"clear\".",
        &[
            ("It was hard,", Some("Ivo Lind"), Some("said")),
            ("It is incredible,", Some("Ann Roe"), Some("said")),
            ("clear", Some("Datacorp"), Some("According to")),
        ],
    ),
    (
        "a plural common noun before a cue names people of a kind, no one",
        "Critics say the plan is \"a disaster\". Democrats say it is \"a triumph\".",
        &[
            ("a disaster", None, Some("say")),
            ("a triumph", Some("Democrats"), Some("say")),
        ],
    ),
    (
        "a plural of two-byte letters before a cue's base form",
        "Élèves say the plan is \"a disaster\".",
        &[("a disaster", Some("Élèves"), Some("say"))],
    ),
    (
        "a cue's base form after a plural or a body that opens its sentence",
        "Labour say a vote could \"let the Tories in\", while the Tories say it \
         would mean \"higher taxes\". To hear Ivo Lind tell it, the deal is \"a \
         steal\". Consumer demand will stay \"fragile in the short run\", the bank \
         said.",
        &[
            ("let the Tories in", Some("Labour"), Some("say")),
            ("higher taxes", Some("Tories"), Some("say")),
            ("a steal", Some("Ivo Lind"), None),
            ("fragile in the short run", None, Some("said")),
        ],
    ),
    (
        "a description names no one who holds a lesser office of its title",
        "Deputy Prime Minister Ivo Lind spoke first. Tom Ash followed him. But the \
         prime minister said the claims were a \"load of nonsense\".",
        &[("load of nonsense", Some("Tom Ash"), Some("said"))],
    ),
    (
        "a name before a statement's noun is its author, a day is not",
        "Prices rose. The Tellbank survey concluded there were \"signs of a \
         slowdown\". \"It is a farce,\" reads a Wednesday editorial.",
        &[
            ("signs of a slowdown", Some("Tellbank"), Some("concluded")),
            ("It is a farce,", None, Some("reads")),
        ],
    ),
    (
        "after the cue, a body's plural possessive owns the person named",
        "\"It is an honour,\" said Tellco Networks' Ivo Lind. \"We will act,\" said \
         Marks & Spencer.",
        &[
            ("It is an honour,", Some("Ivo Lind"), Some("said")),
            ("We will act,", Some("Marks & Spencer"), Some("said")),
        ],
    ),
    (
        "an adverb of time opens the clause of a participle's subject",
        "Earlier Tory leader Ivo Lind sent Mr Ash his \"warmest congratulations\", \
         saying: \"It is a great win.\"",
        &[
            // The sentence is about Lind: the fragment is his, with no
            // cue of its own.
            ("warmest congratulations", Some("Ivo Lind"), None),
            ("It is a great win.", Some("Ivo Lind"), Some("saying")),
        ],
    ),
    (
        "a sentence opening with an unnamed spokesman is about them",
        "Minister Ivo Lind spoke on Monday. But a spokesman for the Home Office \
         defended the plans. He said: \"We stand by them.\" A spokesman for the \
         agency, Tom Ash, disagreed. He said: \"It is wrong.\"",
        &[
            ("We stand by them.", Some("Home Office"), Some("said")),
            ("It is wrong.", Some("Tom Ash"), Some("said")),
        ],
    ),
    (
        "a quote after \"the term\" or \"the slogan\" is a label, not speech",
        "He misunderstood the term \"Islamic fundamentalism\". The Tories campaign \
         with the slogan: \"It is not racist to impose limits\". A longer term \
         \"step change in pricing\" is ahead, Ann Roe said.",
        &[("step change in pricing", Some("Ann Roe"), Some("said"))],
    ),
    (
        "a short quote after \"such as\" or a thing's noun and \"called\" is a label",
        "Ann Roe said the system uses links called \"trackers\" and words such as \
         \"affect\". Critics called it \"a mess\", and lawmakers called \"fraud\", \
         she said.",
        &[
            ("a mess", None, Some("called")),
            ("fraud", Some("Ann Roe"), Some("said")),
        ],
    ),
];

/// The quotes found in `text` as `(text, speaker, cue)`.
fn found(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    analyse(text)
        .quotes
        .into_iter()
        .map(|q| (q.span.text(text).to_owned(), q.speaker, q.cue))
        .collect()
}

#[test]
fn every_rule_on_its_own_sentence() {
    let mut failures = Vec::new();
    for &(name, text, want) in ROWS {
        let want: Vec<_> = want
            .iter()
            .map(|&(q, s, c)| (q.to_owned(), s.map(str::to_owned), c.map(str::to_owned)))
            .collect();
        let got = found(text);
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reporting_verbs_in_every_inflection() {
    for verb in [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "stressed",
        "noted",
        "warned",
        "urged",
        "insisted",
        "argued",
        "explained",
        "claimed",
        "admitted",
        "wrote",
        "tweeted",
        "asked",
        "replied",
        "commented",
        "declared",
        "continued",
        "recalled",
    ] {
        let text = format!("\"The plan is ready,\" Edward Quinn {verb}.");
        let got = found(&text);
        assert_eq!(got.len(), 1, "{verb}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Edward Quinn"), "{verb}");
        assert_eq!(got[0].2.as_deref(), Some(verb), "{verb}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_sound_quotes(text in prop_oneof![
        any::<String>(),
        proptest::collection::vec(prop_oneof![
            Just("\"".to_owned()), Just("“".to_owned()), Just("”".to_owned()), Just("'".to_owned()),
            Just("’".to_owned()), Just("‘".to_owned()), Just("«".to_owned()), Just("»".to_owned()),
            Just("''".to_owned()), Just(" said ".to_owned()), Just(" he ".to_owned()), Just(", ".to_owned()),
            Just(". ".to_owned()), Just("\n\n".to_owned()), Just("\n".to_owned()), Just("John Smith".to_owned()),
            Just("Mr. Ng".to_owned()), Just(" according to ".to_owned()), Just(" — ".to_owned()), Just("é".to_owned()),
            Just("Élèves".to_owned()), Just(" say ".to_owned()),
            "[a-zA-Z ]{0,12}",
        ], 0..60).prop_map(|parts| parts.concat()),
    ]) {
        let analysis = analyse(&text);
        let mut last_end = 0;
        for q in &analysis.quotes {
            prop_assert!(q.span.start >= last_end, "quotes overlap: {:?}", analysis.quotes);
            prop_assert!(q.span.start < q.span.end && q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            last_end = q.span.end;
            if let Some(speaker) = &q.speaker {
                let is_person = analysis.people.iter().any(|p| &p.name == speaker);
                prop_assert!(is_person || text.contains(speaker.as_str()), "speaker {speaker:?} not in the text");
                prop_assert!(!matches!(speaker.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i"));
            }
            prop_assert_eq!(q.person.is_some(), q.person.and_then(|p| analysis.people.get(p)).is_some());
        }
        for p in &analysis.people {
            for m in &p.mentions {
                prop_assert!(text.get(Span::range(*m)).is_some());
            }
        }
    }
}
