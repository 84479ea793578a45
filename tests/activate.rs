//! `emplan activate`: the activation cascade of the sample, pinned for three scenarios, and its
//! answers to bad input.

mod common;

use common::emplan;

/// `emplan activate` for a rainstorm at level Ⅱ in 宝轮镇, with more arguments (the format, the
/// repository).
fn rainstorm_at_baolun(more: &[&str]) -> (i32, String, String) {
    let args = [
        "activate",
        "--hazard",
        "rainstorm",
        "--level",
        "II",
        "--at",
        "xz-baolun",
    ];
    emplan(&[&args[..], more].concat())
}

/// The three scenarios: a hazard, a level, a place (a township, a village, a hazard point).
const SCENARIOS: [(&str, &str, &str, &str); 3] = [
    ("rainstorm_baolun", "rainstorm", "II", "xz-baolun"),
    ("forest_fire_yueba", "forest-fire", "Ⅲ", "cun-yueba"),
    ("landslide_point", "landslide", "4", "hp-baichao-yueba"),
];

#[test]
fn three_scenarios_match_the_golden_text_and_json() {
    for (name, hazard, level, place) in SCENARIOS {
        let args = [
            "activate", "--hazard", hazard, "--level", level, "--at", place,
        ];
        let (code, text, err) = emplan(&[&args[..], &["plans"]].concat());
        assert_eq!(code, 0, "{name}: {err}");
        insta::assert_snapshot!(format!("activate_{name}_text"), text);
        let (code, json, _) = emplan(&[&args[..], &["--format", "json", "plans"]].concat());
        assert_eq!(code, 0);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["version"], 1);
        insta::assert_snapshot!(format!("activate_{name}_json"), json);
        // Run to run, byte for byte.
        let (_, again, _) = emplan(&[&args[..], &["--format", "json", "plans"]].concat());
        assert_eq!(json, again, "{name}");
    }
}

#[test]
fn a_rainstorm_at_baolun_reaches_every_tier_of_plan() {
    let (code, json, _) = rainstorm_at_baolun(&["--format", "json", "plans"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["plan"].as_str().unwrap().to_owned())
            .collect()
    };
    let (activated, standby) = (ids("activated"), ids("standby"));
    // The rainstorm plans, the township's plan, its hazard-point site plan, departmental plans
    // accepting the activated duties, and the joint plan with the neighbour 宝轮 borders.
    for plan in [
        "zx-flood-drought",
        "zx-meteo",
        "xz-baolun-plan",
        "xz-baolun-flood",
        "xc-baolun-qingjiang",
        "bm-shuili",
        "bm-caizheng",
        "lh-jialing",
    ] {
        assert!(activated.contains(&plan.to_owned()), "{plan} not activated");
    }
    // The flood and geological-hazard plans come through the hazard chain, on standby.
    for plan in ["zx-geohazard", "zx-disaster-relief"] {
        assert!(standby.contains(&plan.to_owned()), "{plan} not on standby");
        assert!(!activated.contains(&plan.to_owned()));
    }
    // No plan of another township.
    assert!(!activated.iter().any(|p| p.starts_with("xz-sandui")));
    // The township plan grades Ⅲ/Ⅳ and maps the district's Ⅱ onto its Ⅲ (`parent_levels`).
    let baolun = v["activated"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["plan"] == "xz-baolun-plan")
        .unwrap();
    assert_eq!(baolun["level"], "III");
    // Teams with their travel times, the local ones inside the rescue circle.
    let teams: Vec<&serde_json::Value> = v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "team")
        .collect();
    let local = teams.iter().find(|r| r["id"] == "team-tw-baolun").unwrap();
    assert_eq!(local["within_circle"], true);
    assert!(local["minutes"].as_u64().unwrap() <= 60);
    assert!(teams.iter().any(|r| r["within_circle"] == false));
    // With --chain the plans of the chain are activated too.
    let (_, json, _) = rainstorm_at_baolun(&["--format", "json", "--chain", "plans"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let activated: Vec<&str> = v["activated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["plan"].as_str().unwrap())
        .collect();
    assert!(activated.contains(&"zx-geohazard"));
    assert!(v["standby"].as_array().unwrap().is_empty());
}

#[test]
fn the_chinese_view_names_levels_and_reasons_in_chinese() {
    let (code, text, _) = rainstorm_at_baolun(&["--lang", "zh", "plans"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("activate_rainstorm_baolun_zh", text);
}

#[test]
fn the_markdown_report_has_tables() {
    let (code, md, _) = emplan(&[
        "activate",
        "--hazard",
        "forest-fire",
        "--level",
        "III",
        "--at",
        "cun-yueba",
        "--format",
        "md",
        "plans",
    ]);
    assert_eq!(code, 0);
    assert!(md.starts_with("# "));
    assert!(md.contains("| Due | Who | What | From |"));
    assert!(md.contains("| Resource | Where | Time | Why |"));
}

#[test]
fn unknown_hazards_levels_and_places_are_named_with_a_near_miss() {
    let run = |hazard, level, place| {
        let args = [
            "activate", "--hazard", hazard, "--level", level, "--at", place, "plans",
        ];
        let (code, _, err) = emplan(&args);
        assert_eq!(code, 2, "{args:?}");
        err
    };
    let err = run("rainstrom", "II", "xz-baolun");
    assert!(err.contains("did you mean `rainstorm`?"), "{err}");
    let err = run("rainstorm", "II", "xz-baolung");
    assert!(err.contains("did you mean `xz-baolun`?"), "{err}");
    let err = run("rainstorm", "V", "xz-baolun");
    assert!(err.contains("expected I, II, III or IV"), "{err}");
}

#[test]
fn a_repository_with_errors_still_answers_and_says_what_is_missing() {
    // The sample with a misspelt post holder.
    let files = common::sample_with(
        "registry/posts.yaml",
        "holder: c-gov-wenwei}",
        "holder: c-gov-wenweii}",
    );
    let dir = common::write_tree(&files);
    let root = dir.path().to_str().unwrap();
    let (code, json, _) = rainstorm_at_baolun(&["--format", "json", root]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(!v["activated"].as_array().unwrap().is_empty());
    let gaps = v["incomplete"].as_array().unwrap();
    assert!(gaps.iter().any(|g| g["code"] == "R108"), "{gaps:?}");
    let (_, text, _) = rainstorm_at_baolun(&[root]);
    assert!(text.contains("The answer is incomplete"), "{text}");
}

#[test]
fn plan_text_never_acts_on_the_terminal() {
    let files = common::sample_with(
        "specialised/zx-flood-drought.md",
        "title: 利州区防汛抗旱应急预案",
        "title: \"利州区防汛抗旱应急预案\\e]0;PWNED\\a\\u202e\"",
    );
    let dir = common::write_tree(&files);
    let root = dir.path().to_str().unwrap();
    for format in ["text", "md"] {
        let (code, out, _) = rainstorm_at_baolun(&["--format", format, root]);
        assert_eq!(code, 0);
        // Markdown escapes the `]` too.
        let shown = match format {
            "md" => "利州区防汛抗旱应急预案\\x1b\\]0;PWNED\\x07\\u{202e}",
            _ => "利州区防汛抗旱应急预案\\x1b]0;PWNED\\x07\\u{202e}",
        };
        assert!(out.contains(shown), "{format}: {out}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{format}"
        );
    }
}
