//! The reviewer's check (issue 11): every threshold moves through `emplan.toml`, a bad
//! configuration is located, suppressions and baselines, suspect acceptances and `emplan
//! review`, the sample's drill dates, and the new rules' Chinese output.

mod common;

use std::path::Path;

use common::{check_files, codes, fixture, patched, read_tree, write_tree};
use emplan::model::index::Index;

/// The mini fixture with these edits and this `emplan.toml`.
fn configured(toml: &str, edits: &[Edit]) -> Vec<(String, Vec<u8>)> {
    let mut files = patched(edits);
    let config = files.iter_mut().find(|(p, _)| p == "emplan.toml").unwrap();
    config.1 = format!("as_of = 2026-12-01\n{toml}").into_bytes();
    files
}

/// An edit of the mini fixture: in a file, the first `find` becomes `replace`.
type Edit<'a> = (&'a str, &'a str, &'a str);

fn count(files: &[(String, Vec<u8>)], code: &str) -> usize {
    codes(&check_files(files))
        .iter()
        .filter(|c| **c == code)
        .count()
}

/// Each threshold: the mini fixture is clean at the default and reports the rule once the
/// threshold in `emplan.toml` says so.
#[test]
fn every_threshold_changes_behaviour_through_emplan_toml() {
    let cases: &[(&str, &str, &[Edit])] = &[
        ("[thresholds]\nassessment_years = 1\n", "T101", &[]),
        (
            "[thresholds]\ndrill_months = { specialised = 3 }\n",
            "T102",
            &[],
        ),
        (
            "[thresholds]\ndrill_months_tagged = { flood-prone = 3 }\n",
            "T102",
            &[(
                "registry/registry.yaml",
                "  - id: qu-shuiliju\n    name: 区水利局\n    kind: department\n    parent: qu-zhengfu\n",
                "  - id: qu-shuiliju\n    name: 区水利局\n    kind: department\n    parent: qu-zhengfu\n    tags: [flood-prone]\n",
            )],
        ),
        ("[thresholds]\nfiling_working_days = 9\n", "T103", &[]),
        ("[thresholds]\ntownship_team_size = 30\n", "C105", &[]),
        (
            "[thresholds]\nvillage_team_size = 12\n",
            "C105",
            &[(
                "registry/registry.yaml",
                "  - id: hp-baolun\n",
                "  - { id: team-hexi, kind: team, name: 河西村应急分队, org: cun-hexi, size: 11 }\n  - id: hp-baolun\n",
            )],
        ),
        ("[thresholds]\nsite_plan_threatened = 30\n", "C107", &[]),
        ("[thresholds]\ntownship_drill_months = 3\n", "C104", &[]),
        ("[thresholds]\ncontact_verified_months = 6\n", "Q102", &[]),
        (
            "[chapters]\ntownship = [\"总则\", \"应急物资调拨\"]\n",
            "S301",
            &[],
        ),
        (
            "[rules]\nD104 = \"error\"\nT101 = \"warning\"\n[thresholds]\nassessment_years = 1\n",
            "T101",
            &[],
        ),
    ];
    for (toml, code, edits) in cases {
        let files = configured("", edits);
        assert_eq!(
            count(&files, code),
            0,
            "{code} at the default, with {edits:?}"
        );
        let files = configured(toml, edits);
        assert!(count(&files, code) > 0, "{code} with {toml}");
    }
}

/// The filing deadline counts working days: holidays move it later, make-up working days
/// earlier. zx-flood was issued on Friday 2024-03-01 and filed on Friday 2024-03-15.
#[test]
fn the_calendar_decides_the_filing_deadline() {
    let late = |toml: &str| count(&configured(toml, &[]), "T103") > 0;
    assert!(!late("[thresholds]\nfiling_working_days = 10\n"));
    assert!(late("[thresholds]\nfiling_working_days = 9\n"));
    assert!(!late(
        "[thresholds]\nfiling_working_days = 9\n[calendar]\nholidays = [2024-03-04]\n"
    ));
    assert!(late(
        "[thresholds]\nfiling_working_days = 10\n[calendar]\nworkdays = [2024-03-09]\n"
    ));
}

#[test]
fn a_rule_set_off_reports_nothing_and_a_level_replaces_its_severity() {
    let files = configured("[rules]\nC105 = \"off\"\n", &[]);
    let files = {
        let mut files = files;
        let toml = files.iter_mut().find(|(p, _)| p == "emplan.toml").unwrap();
        toml.1 = b"as_of = 2026-12-01\n[rules]\nteam-too-small = \"off\"\nQ102 = \"error\"\n[thresholds]\ntownship_team_size = 30\ncontact_verified_months = 6\n".to_vec();
        files
    };
    let diagnostics = check_files(&files);
    assert!(!codes(&diagnostics).contains(&"C105"));
    let q102: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule.code == "Q102")
        .collect();
    assert!(!q102.is_empty());
    assert!(
        q102.iter()
            .all(|d| d.severity == emplan::check::Severity::Error)
    );
}

#[test]
fn ignored_paths_are_not_read() {
    let files = configured("ignore = [\"plans/cun-*.md\"]\n", &[]);
    let repo = emplan::load::load(write_tree(&files).path()).unwrap();
    assert!(
        repo.plans
            .iter()
            .all(|p| p.meta.id.as_str() != "cun-hexi-plan")
    );
    assert_eq!(repo.plans.len(), 5);
}

/// A malformed emplan.toml is a finding at its line and column, and every mistake in values
/// is reported in one run while the rest of the file applies.
#[test]
fn a_malformed_configuration_is_located() {
    let place = |toml: &str| {
        let files = configured(toml, &[]);
        let repo = emplan::load::load_files(&files);
        let diagnostics =
            emplan::check::check(&Index::new(&repo), emplan::foundation::i18n::Lang::En);
        diagnostics
            .iter()
            .filter(|d| d.rule.code == "S107")
            .map(|d| {
                let p = repo.sources.place(d.loc);
                format!("{}:{}:{} {}", p.path, p.line, p.column, d.message)
            })
            .collect::<Vec<_>>()
    };
    let found = place("[thresholds]\nassessment_years = \"three\"\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("emplan.toml:3:20 "), "{found:?}");
    let found = place("[thresholds\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("emplan.toml:2:"), "{found:?}");
    let found = place(
        "[rules]\nL3O1 = \"off\"\n[thresholds]\nsite_plan_threatened = 0\ndrill_months = { farm = 2 }\n",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("emplan.toml:3:1 ") && f.contains("L3O1")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("emplan.toml:5:24 ")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("emplan.toml:6:18 ") && f.contains("farm")),
        "{found:?}"
    );
}

#[test]
fn check_today_overrides_the_configured_date() {
    let (code, out, _) = common::emplan(&[
        "check",
        "--today",
        "2031-01-01",
        "--format",
        "json",
        "plans",
    ]);
    assert_eq!(code, 0, "warnings only");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    for code in ["T101", "T102", "Q102"] {
        assert!(rules.contains(&code), "{code} in {rules:?}");
    }
}

/// Issue 10: the sample's drill dates reach check; without the flood tabletop's record the flood
/// plan's last drill is too old.
#[test]
fn removing_the_drill_record_makes_the_plan_drill_overdue() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut files = read_tree(&sample);
    let clean = check_files(&files);
    assert!(clean.is_empty(), "{clean:#?}");
    files.retain(|(p, _)| p != "drills/2026-baolun-flood-tabletop.record.yaml");
    let repo = emplan::load::load_files(&files);
    let diagnostics = emplan::check::check(&Index::new(&repo), emplan::foundation::i18n::Lang::En);
    let found: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let p = repo.sources.place(d.loc);
            format!("{} {}:{} {}", d.rule.code, p.path, p.line, d.message)
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("T102 specialised/zx-flood-drought.md:")
            && found[0].contains("never drilled since this version of 2023年5月22日"),
        "{found:#?}"
    );
}

/// A record that cannot be read may hold the drill that T102 would miss: T102 stays silent,
/// whichever of the two extensions the record has (`*.record.yml` gave a false T102).
#[test]
fn an_unreadable_record_hides_no_drill_under_either_extension() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    for name in [
        "2026-baolun-flood-tabletop.record.yaml",
        "2026-baolun-flood-tabletop.record.yml",
    ] {
        let mut files = read_tree(&sample);
        let record = files
            .iter_mut()
            .find(|(p, _)| p == "drills/2026-baolun-flood-tabletop.record.yaml")
            .unwrap();
        record.0 = format!("drills/{name}");
        record.1 = b"drill: [unclosed\n".to_vec();
        let codes = codes(&check_files(&files));
        assert!(!codes.is_empty(), "{name}: the broken record is reported");
        assert!(!codes.contains(&"T102"), "{name}: {codes:?}");
    }
}

/// Suppressions: with a reason they cover the finding on their line and are counted; without
/// one they suppress nothing and are S108; one covering nothing is S109.
#[test]
fn suppressions_need_a_reason_and_a_finding() {
    let team = ("registry/registry.yaml", "    size: 24\n", "    size: 12");
    let with = |comment: &str| {
        let edit = [(team.0, team.1, &*format!("{}{comment}\n", team.2))];
        let files = patched(&edit);
        let repo = emplan::load::load_files(&files);
        let checked = emplan::check::run(
            &Index::new(&repo),
            emplan::foundation::i18n::Lang::En,
            emplan::check::FAMILIES,
        );
        let found: Vec<&str> = checked.diagnostics.iter().map(|d| d.rule.code).collect();
        let reasons: Vec<String> = checked
            .suppressed
            .iter()
            .map(|s| s.reason.clone())
            .collect();
        (
            found.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            reasons,
        )
    };
    assert_eq!(with(""), (vec!["C105".to_owned()], vec![]));
    assert_eq!(
        with("  # emplan: allow C105 -- 2027年汛前补足至20人"),
        (vec![], vec!["2027年汛前补足至20人".to_owned()])
    );
    assert_eq!(
        with("  # emplan: allow team-too-small -- 按区应急委意见"),
        (vec![], vec!["按区应急委意见".to_owned()])
    );
    assert_eq!(
        with("  # emplan: allow C105"),
        (vec!["C105".to_owned(), "S108".to_owned()], vec![])
    );
    assert_eq!(
        with("  # emplan: allow C106 -- 不相干"),
        (vec!["C105".to_owned(), "S109".to_owned()], vec![])
    );
}

#[test]
fn suppressed_counts_appear_in_every_format() {
    let files = patched(&[(
        "registry/registry.yaml",
        "    size: 24\n",
        "    size: 12  # emplan: allow C105 -- 2027年汛前补足至20人\n",
    )]);
    let dir = write_tree(&files);
    let root = dir.path().to_str().unwrap();
    for (format, expect) in [
        ("human", "no problems found (1 suppressed)"),
        ("github", "no problems found (1 suppressed)"),
        ("junit", "no problems found (1 suppressed)"),
        ("json", "\"suppressed\": 1"),
        ("sarif", "\"justification\": \"2027年汛前补足至20人\""),
    ] {
        let (code, out, err) = common::emplan(&["check", "--format", format, root]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(expect), "{format}: {out}");
    }
    // Checking another file of the repository counts only that file's suppressions.
    let plan = dir.path().join("plans/zx-flood.md");
    let (code, out, _) = common::emplan(&["check", plan.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.ends_with("no problems found\n"), "{out}");
}

/// Acceptance: 50 seeded findings and a baseline written from them report 0; one more finding
/// reports exactly 1; moving unrelated lines keeps 0.
#[test]
fn a_baseline_hides_what_it_records_and_survives_moved_lines() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut files = read_tree(&sample);
    let contacts = files
        .iter_mut()
        .find(|(p, _)| p == "registry/contacts.yaml")
        .unwrap();
    let text = String::from_utf8(contacts.1.clone()).unwrap();
    let mut seeded = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if seeded < 50 && line.contains(", verified: '") {
                seeded += 1;
                let at = line.find(", verified: '").unwrap();
                format!("{}}}", &line[..at])
            } else {
                line.to_owned()
            }
        })
        .collect();
    contacts.1 = (lines.join("\n") + "\n").into_bytes();
    let dir = write_tree(&files);
    let root = dir.path().to_str().unwrap().to_owned();
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    let summary = |out: &str| out.lines().last().unwrap_or_default().to_owned();
    let (_, out, _) = common::emplan(&["check", &root]);
    assert!(
        summary(&out).ends_with("0 error(s), 50 warning(s), 0 info"),
        "{out}"
    );
    let (code, _, err) = common::emplan(&["check", "--write-baseline", baseline, &root]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = common::emplan(&["check", "--baseline", baseline, &root]);
    assert_eq!(code, 0);
    assert!(
        summary(&out).ends_with("no problems found (50 in the baseline)"),
        "{out}"
    );

    // Unrelated lines move: a comment above the contacts, a blank line in a plan's front matter.
    let path = dir.path().join("registry/contacts.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("# 2026年12月核对\n\n{text}")).unwrap();
    let plan = dir.path().join("specialised/zx-flood-drought.md");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replacen("\nhazards:", "\n\nhazards:", 1)).unwrap();
    let (_, out, _) = common::emplan(&["check", "--baseline", baseline, &root]);
    assert!(
        summary(&out).ends_with("no problems found (50 in the baseline)"),
        "{out}"
    );

    // One new finding is reported alone.
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find(", verified: '").unwrap();
    let end = at + text[at..].find('}').unwrap();
    std::fs::write(&path, format!("{}{}", &text[..at], &text[end..])).unwrap();
    let (_, out, _) = common::emplan(&["check", "--baseline", baseline, &root]);
    assert!(
        summary(&out).ends_with("0 error(s), 1 warning(s), 0 info (50 in the baseline)"),
        "{out}"
    );
    assert_eq!(out.matches("warning[Q102]").count(), 1, "{out}");

    // The baseline names files from the repository's root, whichever folder emplan runs in.
    let out = common::emplan_in(common::ENGLISH)
        .current_dir(dir.path().join("registry"))
        .args(["check", "--baseline", baseline, "."])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.matches("warning[Q102]").count(), 1, "{out}");
    assert!(out.contains("┌─ contacts.yaml:"), "{out}");
}

/// Acceptance: changing an accepted duty's text makes the accepting plan suspect, and the
/// assigning plan is told; `emplan review` clears it and changes nothing else in the file.
#[test]
fn a_changed_duty_makes_its_acceptance_suspect_until_reviewed() {
    let files = patched(&[(
        "plans/zx-flood.md",
        "text: 组织受威胁群众转移避险",
        "text: 组织受威胁群众转移避险并逐户核查",
    )]);
    let diagnostics = check_files(&files);
    let t105: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule.code == "T105")
        .collect();
    assert_eq!(t105.len(), 2, "{t105:#?}");
    assert!(
        t105[0]
            .message
            .contains("changed after this acceptance was reviewed")
    );
    assert!(t105[1].message.contains("xz-baolun-plan are suspect"));
    let dir = write_tree(&files);
    let plan = dir.path().join("plans/xz-baolun.md");
    let before = std::fs::read_to_string(&plan).unwrap();
    let root = dir.path().to_str().unwrap();
    let (code, _, err) = common::emplan(&["review", "--plan", "xz-baolun-plan", root]);
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(&plan).unwrap();
    let old = "reviewed: '48f9666287'";
    let at = before.find(old).unwrap();
    assert_eq!(
        before[..at],
        after[..at],
        "nothing before the fingerprint changes"
    );
    let new = &after[at..at + old.len()];
    assert_ne!(new, old);
    assert_eq!(
        before[at + old.len()..],
        after[at + old.len()..],
        "nothing after it changes"
    );
    let (code, out, _) = common::emplan(&["check", root]);
    assert_eq!(code, 0);
    assert!(!out.contains("T105"), "{out}");
}

/// `emplan review` adds a fingerprint where there is none, in flow and block acceptances, and
/// leaves the rest of the file as it was.
#[test]
fn review_starts_tracking_flow_and_block_acceptances() {
    let files = patched(&[(
        "plans/bm-yingji.md",
        "  - { plan: zx-flood, duty: rescue }\n",
        "  - plan: zx-flood\n    duty: rescue   # 承接\n",
    )]);
    let dir = write_tree(&files);
    let root = dir.path().to_str().unwrap();
    let (code, _, err) = common::emplan(&["review", "--all", root]);
    assert_eq!(code, 0, "{err}");
    let zx = std::fs::read_to_string(dir.path().join("plans/zx-flood.md")).unwrap();
    assert!(
        zx.contains("\naligned:\n  - {plan: overall, reviewed: '"),
        "{zx}"
    );
    let yingji = std::fs::read_to_string(dir.path().join("plans/bm-yingji.md")).unwrap();
    assert!(
        yingji.contains("  - plan: zx-flood\n    duty: rescue   # 承接\n    reviewed: '"),
        "{yingji}"
    );
    let shuili = std::fs::read_to_string(dir.path().join("plans/bm-shuili.md")).unwrap();
    assert!(
        shuili.contains("  - { plan: overall, duty: flood-lead, reviewed: '"),
        "{shuili}"
    );
    let (code, out, _) = common::emplan(&["check", root]);
    assert_eq!(code, 0, "{out}");
    // A second review has nothing to write.
    let (_, _, err) = common::emplan(&["review", "--all", root]);
    assert!(err.contains("nothing to write"), "{err}");
}

/// The Chinese output of every rule this issue adds, on its own failing example.
#[test]
fn the_new_rules_speak_chinese() {
    let mut all = String::new();
    for rule in emplan::check::RULES {
        if !matches!(&rule.code[..1], "C" | "T" | "Q")
            && !["S107", "S108", "S109"].contains(&rule.code)
        {
            continue;
        }
        let text = rule.example.apply(rule.example.bad).unwrap();
        let mut files = read_tree(&fixture("mini"));
        let entry = files
            .iter_mut()
            .find(|(p, _)| p == rule.example.file)
            .unwrap();
        entry.1 = text.into_bytes();
        let dir = write_tree(&files);
        let own = common::findings_of(dir.path(), common::CHINESE, rule.code);
        all.push_str(&format!("## {}\n{}\n\n", rule.code, own.join("\n\n")));
    }
    insta::assert_snapshot!("new_rules_zh", all);
}

/// A child that aligned its levels with a parent's is suspect when the parent's levels or
/// criteria change, until `emplan review` records them again; nothing else in the file moves.
#[test]
fn a_changed_parent_level_makes_the_child_suspect_until_reviewed() {
    let dir = write_tree(&patched(&[]));
    let root = dir.path().to_str().unwrap();
    let (code, _, err) = common::emplan(&["review", "--plan", "xz-baolun-plan", root]);
    assert_eq!(code, 0, "{err}");
    let plan = dir.path().join("plans/xz-baolun.md");
    let reviewed = std::fs::read_to_string(&plan).unwrap();
    assert!(
        reviewed.contains("aligned:\n  - {plan: overall, reviewed: '"),
        "{reviewed}"
    );
    assert_eq!(common::emplan(&["check", root]).0, 0);

    let parent = dir.path().join("plans/zx-flood.md");
    let text = std::fs::read_to_string(&parent).unwrap();
    std::fs::write(
        &parent,
        text.replacen(
            "metric: deaths, at_least: 3",
            "metric: deaths, at_least: 2",
            1,
        ),
    )
    .unwrap();
    let (_, out, _) = common::emplan(&["check", root]);
    assert!(
        out.contains("warning[T105]: the warning or response levels of zx-flood changed after this plan's levels were aligned with them"),
        "{out}"
    );
    assert!(
        out.contains("xz-baolun-plan are suspect until reviewed again"),
        "{out}"
    );
    let (code, _, err) = common::emplan(&["review", "--plan", "xz-baolun-plan", root]);
    assert_eq!(code, 0, "{err}");
    let again = std::fs::read_to_string(&plan).unwrap();
    let at = reviewed.find("{plan: zx-flood, reviewed: '").unwrap()
        + "{plan: zx-flood, reviewed: '".len();
    assert_eq!(reviewed[..at], again[..at]);
    assert_ne!(reviewed[at..at + 10], again[at..at + 10]);
    assert_eq!(reviewed[at + 10..], again[at + 10..]);
    let (code, out, _) = common::emplan(&["check", root]);
    assert_eq!(code, 0);
    assert!(!out.contains("T105"), "{out}");
}
