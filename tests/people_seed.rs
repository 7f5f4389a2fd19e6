//! The seed article: the people are exactly Volodymyr Zelensky (all his
//! spellings as one person), Jens Stoltenberg, Alexander de Croo and
//! Vladimir Putin; no place or organisation is listed as a person.

use byline::analysis::people::{EntityKind, People, find_people};
use std::path::PathBuf;

/// The seed article's body (and, separately, its captions), or `None` with
/// a message when `../shared` is not there.
fn seed() -> Option<(String, Vec<String>)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/seed-article.json");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} is absent", path.display());
        return None;
    };
    let v: serde_json::Value = serde_json::from_str(&raw).expect("seed JSON");
    let strings = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    let body = strings(&v["body"]).join("\n\n");
    let captions = v["images"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["caption"].as_str().map(str::to_owned))
        .collect();
    Some((body, captions))
}

fn person<'a>(people: &'a People, form: &str) -> &'a byline::Person {
    let i = people
        .lookup(form)
        .unwrap_or_else(|| panic!("{form} not found"));
    &people.persons[i]
}

fn check_four(people: &People, zelensky_forms: &[&str]) {
    let mut names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(people.persons.len(), 4, "{names:?}");
    let z = person(people, "Zelensky");
    for form in zelensky_forms {
        assert!(z.forms().any(|f| f == *form), "{form} not in {z:?}");
    }
    assert_eq!(person(people, "Stoltenberg").name, "Jens Stoltenberg");
    assert_eq!(person(people, "de Croo").name, "Alexander de Croo");
    let putin = person(people, "Putin");
    assert_eq!(putin.name, "Vladimir Putin");
    assert!(putin.aliases.iter().any(|a| a == "Putin"), "{putin:?}");
    for not_person in [
        "Kiev", "NATO", "Brussels", "Hamas", "AFP", "Ukraine", "Israel",
    ] {
        assert_eq!(people.lookup(not_person), None, "{not_person}");
    }
}

#[test]
fn seed_body_has_the_four_people() {
    let Some((body, _)) = seed() else { return };
    let people = find_people(&body);
    check_four(
        &people,
        &[
            "Volodymir Zelensky",
            "Volodymir Zelenski",
            "Zelenski",
            "Zelensky",
        ],
    );
    assert_eq!(
        person(&people, "Stoltenberg").role.as_deref(),
        Some("NATO Secretary General")
    );
    let nato = people
        .mentions
        .iter()
        .find(|m| &body[m.span.range()] == "NATO");
    assert_eq!(nato.map(|m| m.kind), Some(EntityKind::Organisation));
}

#[test]
fn seed_with_captions_has_all_five_spellings_as_one() {
    let Some((body, captions)) = seed() else {
        return;
    };
    let text = format!("{}\n\n{body}", captions.join("\n\n"));
    let people = find_people(&text);
    check_four(
        &people,
        &[
            "Volodimir Zelenski",
            "Volodymir Zelensky",
            "Volodymir Zelenski",
            "Zelenski",
            "Zelensky",
        ],
    );
}
