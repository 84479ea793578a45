//! `emplan activate`: the activation cascade of the sample, pinned for three scenarios, and its
//! answers to bad input.

mod common;

use common::emplan;
use serde_json::Value;

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

/// `emplan activate` on the sample for one scenario, with more arguments before the repository.
fn activate(hazard: &str, level: &str, place: &str, more: &[&str]) -> String {
    let args = [
        "activate", "--hazard", hazard, "--level", level, "--at", place,
    ];
    let (code, out, err) = emplan(&[&args[..], more, &["plans"]].concat());
    assert_eq!(code, 0, "{hazard} {level} {place}: {err}");
    out
}

/// A JSON value as a summary shows it: a string bare, nothing as `-`.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_owned(),
        other => other.to_string(),
    }
}

/// A plan of the answer on one line: its level or warning, and why it is there (the duties it
/// accepts counted, the other reasons with their fields).
fn plan_line(plan: &Value) -> String {
    let reasons = plan["reasons"].as_array().unwrap();
    let mut why: Vec<String> = reasons
        .iter()
        .filter(|r| r["kind"] != "accepts")
        .map(|r| {
            let fields = r.as_object().unwrap().values().map(text);
            fields.collect::<Vec<_>>().join(" ")
        })
        .collect();
    let accepts = reasons.len() - why.len();
    if accepts > 0 {
        why.push(format!("accepted duties: {accepts}"));
    }
    let at: Vec<String> = ["level", "warning"]
        .into_iter()
        .filter(|key| !plan[key].is_null())
        .map(|key| format!("{key} {}", text(&plan[key])))
        .collect();
    format!(
        "  {} [{}] {}\n",
        text(&plan["plan"]),
        at.join(", "),
        why.join("; ")
    )
}

/// What a reviewer needs of `activate --format json`: the plans activated and on standby with
/// their levels and reasons, the secondary hazards, how many HQs, tasks by deadline and
/// resources by kind, and the first steps.
fn summary(v: &Value) -> String {
    let list = |key: &str| v[key].as_array().unwrap();
    let s = &v["scenario"];
    let mut out = format!(
        "{} level {} at {} ({}, {}), chain {}; rescue circle {} minutes\n",
        text(&s["hazard"]),
        text(&s["level"]),
        text(&s["place"]["id"]),
        text(&s["place"]["name"]),
        text(&s["place"]["kind"]),
        text(&s["chain"]),
        text(&v["rescue_circle_minutes"]),
    );
    out.push_str(&format!("activated: {}\n", list("activated").len()));
    out.extend(list("activated").iter().map(plan_line));
    let secondary: Vec<String> = list("secondary")
        .iter()
        .map(|h| format!("{} (via {})", text(&h["hazard"]), text(&h["via"])))
        .collect();
    out.push_str(&format!("secondary hazards: {}\n", secondary.join(", ")));
    out.push_str(&format!("standby: {}\n", list("standby").len()));
    out.extend(list("standby").iter().map(plan_line));
    let deputies = list("headquarters")
        .iter()
        .filter(|h| !h["deputy"].is_null())
        .count();
    out.push_str(&format!(
        "headquarters: {}, {deputies} with a stand-in\n",
        list("headquarters").len()
    ));
    let mut dues: Vec<(String, usize)> = Vec::new();
    for task in list("tasks") {
        let due = text(&task["due"]);
        match dues.iter_mut().find(|(d, _)| *d == due) {
            Some((_, n)) => *n += 1,
            None => dues.push((due, 1)),
        }
    }
    let dues: Vec<String> = dues.iter().map(|(d, n)| format!("{d} {n}")).collect();
    out.push_str(&format!(
        "tasks: {} ({})\n",
        list("tasks").len(),
        dues.join(", ")
    ));
    for task in list("tasks").iter().take(5) {
        out.push_str(&format!(
            "  {} {}#{} {}: {}\n",
            text(&task["due"]),
            text(&task["plan"]),
            text(&task["duty"]),
            text(&task["org"]),
            text(&task["do"]),
        ));
    }
    let mut kinds: Vec<(String, usize, usize)> = Vec::new();
    for resource in list("resources") {
        let kind = text(&resource["kind"]);
        let within = usize::from(resource["within_circle"] == true);
        match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, n, w)) => (*n, *w) = (*n + 1, *w + within),
            None => kinds.push((kind, 1, within)),
        }
    }
    let kinds: Vec<String> = kinds
        .iter()
        .map(|(k, n, w)| format!("{k} {n} ({w} within the circle)"))
        .collect();
    out.push_str(&format!(
        "resources: {} ({})\n",
        list("resources").len(),
        kinds.join(", ")
    ));
    for key in ["conflicts", "incomplete"] {
        out.push_str(&format!("{key}: {}\n", list(key).len()));
        out.extend(list(key).iter().map(|item| format!("  {item}\n")));
    }
    out
}

/// The line `at` points to in the sample.
fn line_at(at: &Value) -> String {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(at["file"].as_str().unwrap());
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{at}: {e}"));
    let line = at["line"].as_u64().unwrap() as usize;
    assert!(line >= 1 && at["column"].as_u64().unwrap() >= 1, "{at}");
    text.lines().nth(line - 1).unwrap().to_owned()
}

#[test]
fn three_scenarios_match_the_golden_text_and_summary() {
    for (name, hazard, level, place) in SCENARIOS {
        let text = activate(hazard, level, place, &[]);
        insta::assert_snapshot!(format!("activate_{name}_text"), text);
        let json = activate(hazard, level, place, &["--format", "json"]);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["version"], 1);
        insta::assert_snapshot!(format!("activate_{name}_summary"), summary(&value));
        // Run to run, byte for byte.
        assert_eq!(
            json,
            activate(hazard, level, place, &["--format", "json"]),
            "{name}"
        );
    }
}

/// Every entry of the JSON answer has the fields a consumer reads, and points into the sample.
#[test]
fn every_entry_of_the_json_answer_is_complete_and_located() {
    for (name, hazard, level, place) in SCENARIOS {
        let v: Value =
            serde_json::from_str(&activate(hazard, level, place, &["--format", "json"])).unwrap();
        assert_eq!(v["scenario"]["hazard"], hazard, "{name}");
        assert_eq!(v["scenario"]["place"]["id"], place, "{name}");
        let circle = v["rescue_circle_minutes"].as_u64().unwrap();
        let mut seen = std::collections::HashSet::new();
        for plan in ["activated", "standby"]
            .iter()
            .flat_map(|k| v[k].as_array().unwrap())
        {
            let id = plan["plan"].as_str().unwrap();
            assert!(seen.insert(id), "{name}: {id} is listed twice");
            assert!(!plan["title"].as_str().unwrap().is_empty(), "{name}: {id}");
            assert!(plan["kind"].is_string(), "{name}: {id}");
            assert!(
                plan["level"].is_string() || plan["warning"].is_string(),
                "{name}: {id} has neither a level nor a warning"
            );
            assert!(
                !plan["reasons"].as_array().unwrap().is_empty(),
                "{name}: {id}"
            );
            let line = line_at(&plan["at"]);
            assert!(line.contains(id), "{name}: {id} is not at {line:?}");
        }
        let activated: Vec<&str> = v["activated"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["plan"].as_str().unwrap())
            .collect();
        for hq in v["headquarters"].as_array().unwrap() {
            assert!(
                activated.contains(&hq["plan"].as_str().unwrap()),
                "{name}: {hq}"
            );
            assert!(hq["commander"].is_string(), "{name}: {hq}");
            assert!(hq["holder"]["name"].is_string(), "{name}: {hq}");
        }
        // Tasks fall due in order; a task without a deadline (`as-needed`) comes last.
        let tasks = v["tasks"].as_array().unwrap();
        let minutes: Vec<Option<u64>> = tasks.iter().map(|t| t["minutes"].as_u64()).collect();
        let timed: Vec<u64> = minutes.iter().map_while(|m| *m).collect();
        assert!(timed.is_sorted(), "{name}: {minutes:?}");
        assert!(minutes[timed.len()..].iter().all(Option::is_none), "{name}");
        for task in tasks {
            assert!(
                activated.contains(&task["plan"].as_str().unwrap()),
                "{name}: {task}"
            );
            assert!(task["due"].is_string(), "{name}: {task}");
            // Someone does it: an organisation, or posts of the plan's command.
            let posts = task["posts"].as_array().unwrap();
            assert!(
                task["org"].is_string() || !posts.is_empty(),
                "{name}: nobody does {task}"
            );
            assert!(!task["do"].as_str().unwrap().is_empty(), "{name}: {task}");
            line_at(&task["at"]);
        }
        for resource in v["resources"].as_array().unwrap() {
            let within = resource["minutes"].as_u64().is_some_and(|m| m <= circle);
            assert_eq!(resource["within_circle"], within, "{name}: {resource}");
            assert!(
                !resource["calls"].as_array().unwrap().is_empty(),
                "{name}: {resource}"
            );
        }
    }
}

/// Plans with the level, or the warning, they are activated at.
type Levels<'a> = &'a [(&'a str, &'a str)];
/// Tasks as (due, plan, organisation).
type Steps<'a> = &'a [(&'a str, &'a str, &'a str)];

/// Which plans each scenario activates at which level, and its first steps with their deadlines.
#[test]
fn each_scenario_activates_its_plans_at_their_levels_and_starts_with_its_first_steps() {
    let expected: [(&str, Levels, Steps); 3] = [
        (
            "rainstorm_baolun",
            &[
                ("overall", "II"),
                ("zx-flood-drought", "II"),
                ("xz-baolun-plan", "III"),
                ("xz-baolun-flood", "立即转移"),
                ("xc-baolun-qingjiang", "yellow"),
                ("lh-jialing", "II"),
            ],
            &[
                ("immediately", "xz-baolun-flood", "xz-baolun"),
                ("30m", "overall", "qu-yingjiju"),
                ("30m", "overall", "qu-gonganju"),
            ],
        ),
        (
            "forest_fire_yueba",
            &[
                ("overall", "III"),
                ("zx-forest-fire", "III"),
                ("xz-baichao-plan", "III"),
                ("qy-yueba-plan", "III"),
                ("cun-yueba-plan", "yellow"),
            ],
            &[
                ("30m", "overall", "qu-shengtai"),
                ("30m", "overall", "qu-rongmeiti"),
                ("30m", "overall", "xz-baichao"),
            ],
        ),
        (
            "landslide_point",
            &[
                ("overall", "IV"),
                ("zx-geohazard", "IV"),
                ("zx-disaster-relief", "IV"),
                ("xz-baichao-plan", "IV"),
                ("xc-baichao-yueba", "yellow"),
            ],
            &[
                ("30m", "overall", "qu-gonganju"),
                ("30m", "overall", "qu-rongmeiti"),
                ("30m", "overall", "qu-tuanquwei"),
            ],
        ),
    ];
    for ((name, hazard, level, place), (scenario, plans, steps)) in
        SCENARIOS.into_iter().zip(expected)
    {
        assert_eq!(name, scenario);
        let v: Value =
            serde_json::from_str(&activate(hazard, level, place, &["--format", "json"])).unwrap();
        let activated = v["activated"].as_array().unwrap();
        for (plan, at) in plans {
            let found = activated
                .iter()
                .find(|p| p["plan"] == *plan)
                .unwrap_or_else(|| panic!("{name}: {plan} is not activated"));
            let (found_level, warning) = (text(&found["level"]), text(&found["warning"]));
            assert!(
                found_level == *at || (found_level == "-" && warning == *at),
                "{name}: {plan} at level {found_level}, warning {warning}, not {at}"
            );
        }
        let first: Vec<(String, String, String)> = v["tasks"].as_array().unwrap()[..steps.len()]
            .iter()
            .map(|t| (text(&t["due"]), text(&t["plan"]), text(&t["org"])))
            .collect();
        let steps: Vec<(String, String, String)> = steps
            .iter()
            .map(|(d, p, o)| (d.to_string(), p.to_string(), o.to_string()))
            .collect();
        assert_eq!(first, steps, "{name}");
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
