//! `emplan impact` and `emplan graph --critical` on the sample.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::emplan;
use emplan::model::index::Index;

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = emplan(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The duties impact says would be left with nobody are the ones check reports, L301 or L302,
/// once the organisation's plans are taken out of a copy of the sample.
#[test]
fn an_organisation_leaves_the_duties_that_check_reports_without_it() {
    let org = "qu-shuiliju";
    let v = json(&["impact", org, "--format", "json", "plans"]);
    let said: BTreeSet<(String, u64, u64)> = v["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let at = &d["at"];
            let file = at["file"].as_str().unwrap();
            let file = file.strip_prefix("plans/").unwrap().to_owned();
            (
                file,
                at["line"].as_u64().unwrap(),
                at["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(said.len() > 5, "{said:?}");
    let files: Vec<(String, Vec<u8>)> =
        common::read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"))
            .into_iter()
            .filter(|(path, bytes)| {
                let owned = String::from_utf8_lossy(bytes).contains(&format!("\nowner: {org}\n"));
                !(path.ends_with(".md") && owned)
            })
            .collect();
    let repo = emplan::load::load_files(&files);
    let found: BTreeSet<(String, u64, u64)> =
        emplan::check::check(&Index::new(&repo), emplan::foundation::i18n::Lang::En)
            .into_iter()
            .filter(|d| matches!(d.rule.code, "L301" | "L302"))
            .filter(|d| &repo.sources.get(d.loc.file).text[d.loc.span.range()] == org)
            .map(|d| {
                let p = repo.sources.place(d.loc);
                (p.path.to_owned(), p.line as u64, p.column as u64)
            })
            .collect();
    assert_eq!(said, found);
}

#[test]
fn the_impact_of_the_water_bureau_reads_as_a_report() {
    let (code, text, _) = emplan(&["impact", "qu-shuiliju", "plans"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("impact_shuiliju_text", text);
}

#[test]
fn a_lost_team_says_which_hazard_points_leave_the_rescue_circle() {
    let v = json(&["impact", "team-mine-rescue", "--format", "json", "plans"]);
    let cover = v["cover"].as_array().unwrap();
    let coal = cover.iter().find(|c| c["hazard"] == "coal-mine").unwrap();
    assert_eq!(
        coal["points_lost"],
        serde_json::json!(["hp-dawanggou-face"])
    );
    assert_eq!(coal["capable_teams_left"], 0);
    assert!(
        v["relying"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["plan"] == "zx-coal-mine")
    );
}

#[test]
fn a_person_away_hands_posts_to_their_stand_in() {
    let v = json(&["impact", "c-shuili-head", "--format", "json", "plans"]);
    let posts = v["posts"].as_array().unwrap();
    let head = posts
        .iter()
        .find(|p| p["post"] == "post-shuili-head")
        .unwrap();
    assert_eq!(head["left_with"], "c-shuili-deputy");
}

#[test]
fn an_unknown_id_is_named_with_a_near_miss() {
    let (code, _, err) = emplan(&["impact", "qu-shuiljiu", "plans"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `qu-shuiliju`?"), "{err}");
}

#[test]
fn the_critical_ranking_counts_what_depends_on_each_alone() {
    let v = json(&["graph", "--critical", "--format", "json", "plans"]);
    let list = v["critical"].as_array().unwrap();
    let scores: Vec<u64> = list.iter().map(|c| c["score"].as_u64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    // The emergency management bureau carries the most duties and actions of the district.
    assert_eq!(list[0]["id"], "qu-yingjiju");
    // The mine rescue team is the only one able to reach the coal face.
    let team = list.iter().find(|c| c["id"] == "team-mine-rescue").unwrap();
    assert_eq!(team["counts"]["only-team-in-circle"], 1);
    let (_, text, _) = emplan(&["graph", "--critical", "plans"]);
    assert!(text.lines().count() <= 31);
}
