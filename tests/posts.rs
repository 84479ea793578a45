//! The posts of a command HQ: one list in the model, read by every stage, and a card for each.

mod common;

use std::path::Path;

use common::read_tree;
use emplan::load;
use emplan::model::index::Index;
use emplan::model::plan::Command;
use emplan::render::cards::{self, Sheet, Subject};
use serde_json::Value;

/// The HQ's fields that name a post, as the schema documents them: `(path, takes a list)`,
/// where the path is a field of `command` or of its `field` HQ.
fn post_fields() -> Vec<(Vec<String>, bool)> {
    let (_, text) = emplan::model::schema::schemas()
        .into_iter()
        .find(|(name, _)| *name == "plan.schema.json")
        .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let defs = &schema["$defs"];
    let mut out = Vec::new();
    for (definition, prefix) in [
        ("Command", vec![]),
        ("FieldCommand", vec!["field".to_owned()]),
    ] {
        let properties = defs[definition]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("the schema has no {definition}"));
        for (name, property) in properties {
            let about = property["description"].as_str().unwrap_or_default();
            let names_a_post = about.split(|c: char| !c.is_ascii_alphabetic()).any(|word| {
                word.eq_ignore_ascii_case("post") || word.eq_ignore_ascii_case("posts")
            });
            if names_a_post {
                let mut path = prefix.clone();
                path.push(name.clone());
                out.push((path, property.get("items").is_some()));
            }
        }
    }
    out
}

#[test]
fn every_post_field_of_an_hq_is_among_its_posts() {
    let fields = post_fields();
    // The seven seats of today's format, so that the schema reading cannot quietly find none.
    assert!(fields.len() >= 7, "{fields:?}");
    for (path, list) in fields {
        let value = if list { "[post-probe]" } else { "post-probe" };
        let yaml = match path.as_slice() {
            [field] => format!("hq: 某指挥部\n{field}: {value}\n"),
            [outer, field] => {
                format!("hq: 某指挥部\n{outer}:\n  name: 现场指挥部\n  {field}: {value}\n")
            }
            _ => unreachable!(),
        };
        let command: Command =
            serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{path:?}: {e}\n{yaml}"));
        assert!(
            command
                .posts()
                .any(|(_, post)| post.as_str() == "post-probe"),
            "command.{} names a post that Command::posts leaves out",
            path.join(".")
        );
    }
}

#[test]
fn every_command_post_of_the_sample_has_a_card() {
    let files = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"));
    let repo = load::load_files(&files);
    let index = Index::new(&repo);
    let mut seen = 0;
    for plan in &repo.plans {
        for (seat, post) in plan.meta.command.iter().flat_map(|c| c.posts()) {
            seen += 1;
            let subject = Subject::Post(post.as_str().to_owned());
            let book = cards::book(&index, &subject, Sheet::A6).unwrap_or_else(|e| {
                panic!(
                    "{} {} {}: no card ({e:?})",
                    plan.meta.id.as_str(),
                    seat.zh(),
                    post.as_str()
                )
            });
            assert!(
                book.plans.iter().any(|p| p == plan.meta.id.as_str()),
                "the card of {} ({}) leaves out {}",
                post.as_str(),
                seat.zh(),
                plan.meta.id.as_str()
            );
        }
        // A plan's own cards hold every post of its HQ.
        if let Some(command) = &plan.meta.command {
            let book = cards::book(
                &index,
                &Subject::Plan(plan.meta.id.as_str().to_owned()),
                Sheet::A6,
            )
            .unwrap();
            let json: Value = serde_json::from_slice(&book.files["/cards.json"]).unwrap();
            let carded: Vec<&str> = json["cards"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|c| c["id"].as_str())
                .collect();
            for (seat, post) in command.posts() {
                assert!(
                    carded.contains(&post.as_str()),
                    "cards --plan {} leaves out its {} {}",
                    plan.meta.id.as_str(),
                    seat.zh(),
                    post.as_str()
                );
            }
        }
    }
    assert!(seen > 100, "the sample's HQs name {seen} posts");
}
