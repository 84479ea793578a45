//! Drills: the exercise packs of the sample's drills, the injects derived from the plans, the
//! escalation a stage's readings cause, and the refusals. The PDF text checks use poppler's
//! pdftotext (Debian's poppler-utils): without it a test fails in CI, and elsewhere says that it
//! is skipped and checks less.

mod common;

use std::path::Path;
use std::process::Command;

use common::{emplan, read_tree, require_tool, sample_with, write_tree};
use emplan::drill::{self, InjectKind, Source};
use emplan::model::index::Index;
use emplan::model::travel::Travel;
use emplan::model::{Repository, ResponseLevel};

const DRILLS: &[&str] = &[
    "2026-baichao-forest-fire-blind",
    "2026-baolun-flood-tabletop",
    "2026-jindong-debris-flow-live",
];

fn sample() -> Repository {
    emplan::load::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")).unwrap()
}

fn pack(drill: &str, out: &Path) {
    let (code, _, err) = emplan(&["drill", "new", drill, "-o", out.to_str().unwrap(), "plans"]);
    assert_eq!(code, 0, "{drill}: {err}");
    assert!(err.contains("wrote"), "{err}");
    assert!(!err.contains("warning"), "{drill}: {err}");
}

#[test]
fn the_sample_has_a_tabletop_a_live_and_a_double_blind_drill() {
    let repo = sample();
    let ids: Vec<&str> = repo.drills.iter().map(|d| d.value.id.as_str()).collect();
    assert_eq!(ids, DRILLS);
    use emplan::model::drill::DrillForm;
    let form = |f: DrillForm| repo.drills.iter().any(|d| d.value.form.value == f);
    assert!(form(DrillForm::Tabletop) && form(DrillForm::Live));
    assert!(
        repo.drills
            .iter()
            .any(|d| d.value.double_blind.as_ref().is_some_and(|b| b.value))
    );
}

#[test]
fn every_sample_pack_builds_and_two_runs_give_identical_bytes() {
    for drill in DRILLS {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        pack(drill, a.path());
        pack(drill, b.path());
        let (first, second) = (read_tree(a.path()), read_tree(b.path()));
        assert_eq!(
            first.iter().map(|f| &f.0).collect::<Vec<_>>(),
            second.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        for ((path, x), (_, y)) in first.iter().zip(&second) {
            assert!(x == y, "{drill}: {path} differs between two runs");
        }
        let names: Vec<&str> = first.iter().map(|f| f.0.as_str()).collect();
        // A double-blind drill's pack is two: the controllers' and the participants'.
        let blind = drill.ends_with("-blind");
        let (staff, players) = if blind {
            ("controller/", "participant/")
        } else {
            ("", "")
        };
        for expected in [
            "drill-plan.md",
            "drill-plan.pdf",
            "msel.md",
            "msel.pdf",
            "msel.csv",
            "msel.xlsx",
            "script.pdf",
            "controller-handbook.pdf",
            "manifest.json",
        ] {
            let path = format!("{staff}{expected}");
            assert!(names.contains(&path.as_str()), "{drill}: no {path}");
        }
        for expected in ["participant-brief.pdf", "sign-in.pdf", "manifest.json"] {
            let path = format!("{players}{expected}");
            assert!(names.contains(&path.as_str()), "{drill}: no {path}");
        }
        let forms = format!("{staff}evaluation/");
        assert!(names.iter().any(|n| n.starts_with(&forms)));
    }
}

#[test]
fn the_manifest_names_every_file_with_its_audience_and_checksum() {
    use sha2::{Digest, Sha256};
    let out = tempfile::tempdir().unwrap();
    pack("2026-baolun-flood-tabletop", out.path());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    let listed = manifest["files"].as_array().unwrap();
    let files = read_tree(out.path());
    assert_eq!(listed.len(), files.len() - 1, "every file but the manifest");
    for entry in listed {
        let path = entry["path"].as_str().unwrap();
        let bytes = std::fs::read(out.path().join(path)).unwrap();
        let sum: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry["sha256"], sum.as_str(), "{path}");
        let audience: Vec<&str> = entry["audience"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert!(!audience.is_empty(), "{path}");
        // Controller material never goes to participants.
        if path.starts_with("msel") || path.starts_with("script") || path.starts_with("controller")
        {
            assert!(!audience.contains(&"participant"), "{path}: {audience:?}");
        }
    }
}

/// Every inject's expected action is a clause of a plan: a duty, an action of a level or
/// warning, or a level's activation criterion, quoted as the plan writes it.
#[test]
fn every_expected_action_cites_an_existing_duty_or_level_action() {
    let repo = sample();
    let index = Index::new(&repo);
    let travel = Travel::new(&repo);
    for entry in &repo.drills {
        let exercise = drill::derive(&repo, &index, &travel, entry).unwrap();
        let mut expected = 0;
        for inject in &exercise.injects {
            let Some(e) = &inject.expected else {
                continue;
            };
            expected += 1;
            let plan = index.plans.get(e.plan).unwrap();
            let m = &plan.meta;
            let quoted = &repo.sources.get(e.loc.file).text
                [e.loc.span.start as usize..e.loc.span.end as usize];
            match &e.source {
                Source::Duty(id) => {
                    let duty = m.duties.iter().find(|d| d.id.as_str() == *id);
                    let duty = duty.unwrap_or_else(|| panic!("{}: no duty {id}", e.plan));
                    assert_eq!(duty.text.value, e.what, "{}", inject.id);
                }
                Source::Level(_) => {
                    assert!(
                        m.actions().any(|a| a.what.value == e.what),
                        "{} {}: `{}` is no action of {}",
                        entry.value.id.as_str(),
                        inject.id,
                        e.what,
                        e.plan
                    );
                }
                Source::Activation(level) => {
                    let def = m.response.iter().find(|r| r.level.value == *level).unwrap();
                    assert!(def.criteria.iter().any(|c| e.what.contains(&c.text.value)));
                }
            }
            // The located clause is the text quoted (or, for an escalation, its criterion).
            assert!(
                e.what.contains(quoted.trim_matches(['"', '\''])),
                "{}: {quoted}",
                inject.id
            );
            if let Some(duty) = e.duty {
                assert!(m.duties.iter().any(|d| d.id.as_str() == duty));
            }
        }
        assert!(expected > 10, "{}", entry.value.id.as_str());
    }
}

#[test]
fn a_stage_that_crosses_a_threshold_yields_an_escalation_inject() {
    let repo = sample();
    let index = Index::new(&repo);
    let travel = Travel::new(&repo);
    let entry = drill::find(&repo, "2026-baolun-flood-tabletop").unwrap();
    let exercise = drill::derive(&repo, &index, &travel, entry).unwrap();
    let escalations: Vec<_> = exercise
        .injects
        .iter()
        .filter(|i| i.kind == InjectKind::Escalation)
        .collect();
    assert_eq!(escalations.len(), 1);
    let e = escalations[0].expected.as_ref().unwrap();
    // 128 mm in 24 hours meets level III's 100 mm of the flood plan, not level II's 200 mm.
    assert_eq!(escalations[0].minutes, 90);
    assert_eq!(e.plan, "zx-flood-drought");
    assert_eq!(e.source, Source::Activation(ResponseLevel::III));
    assert!(e.what.contains("24小时降雨量达100毫米以上"), "{}", e.what);
    assert_eq!(escalations[0].objective, Some("obj-escalate"));
    assert_eq!(exercise.final_level, ResponseLevel::III);
    // Level III's own actions follow at the same time, and a contingency chases the escalation.
    assert!(exercise.injects.iter().any(|i| {
        i.minutes == 90
            && i.expected
                .as_ref()
                .is_some_and(|x| x.what.starts_with("指挥长主持会商"))
    }));
    assert!(
        exercise
            .injects
            .iter()
            .any(|i| i.kind == InjectKind::Contingency
                && i.chases == Some(escalations[0].id.clone()))
    );
    // The landslide of the last stage brings the geohazard plans.
    assert!(exercise.injects.iter().any(|i| {
        i.kind == InjectKind::Secondary
            && i.expected
                .as_ref()
                .is_some_and(|x| x.plan == "zx-geohazard")
    }));

    // Below the threshold, no escalation.
    let files = sample_with(
        "drills/2026-baolun-flood-tabletop.drill.yaml",
        "{metric: rainfall-24h, value: 128}",
        "{metric: rainfall-24h, value: 99}",
    );
    let repo = emplan::load::load_files(&files);
    let index = Index::new(&repo);
    let travel = Travel::new(&repo);
    let entry = drill::find(&repo, "2026-baolun-flood-tabletop").unwrap();
    let exercise = drill::derive(&repo, &index, &travel, entry).unwrap();
    assert!(
        !exercise
            .injects
            .iter()
            .any(|i| i.kind == InjectKind::Escalation)
    );
    assert_eq!(exercise.final_level, ResponseLevel::IV);
}

#[test]
fn the_msel_csv_has_a_row_per_inject_and_reads_in_a_spreadsheet() {
    let out = tempfile::tempdir().unwrap();
    pack("2026-jindong-debris-flow-live", out.path());
    let bytes = std::fs::read(out.path().join("msel.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(head, emplan::drill::pack::MSEL_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let msel = std::fs::read_to_string(out.path().join("msel.md")).unwrap();
    assert_eq!(
        rows.len(),
        msel.lines().filter(|l| l.starts_with("| M")).count()
    );
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(&row[0], format!("M{:03}", n + 1));
        assert!(row[1].starts_with("T+"));
    }
    // Scenario times never go back.
    let minutes: Vec<u32> = rows
        .iter()
        .map(|r| {
            let (h, m) = r[1][2..].split_once(':').unwrap();
            h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
        })
        .collect();
    assert!(minutes.windows(2).all(|w| w[0] <= w[1]));
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn the_pdfs_hold_the_documents_text() {
    let out = tempfile::tempdir().unwrap();
    pack("2026-baolun-flood-tabletop", out.path());
    if !require_tool("pdftotext") {
        return;
    }
    let plan = pdf_text(&out.path().join("drill-plan.pdf"));
    assert!(
        plan.contains("2026年宝轮镇防汛抢险桌面推演演练方案"),
        "{plan}"
    );
    assert!(plan.contains("检验危险区群众转移避险的组织和安置"));
    let form = pdf_text(&out.path().join("evaluation/obj-evacuate.pdf"));
    assert!(
        form.contains("通过急促锣声、口哨和广播发出立即转移信号"),
        "{form}"
    );
    let msel = pdf_text(&out.path().join("msel.pdf"));
    assert!(
        msel.contains("研判达到“24小时降雨量达100毫米以上”"),
        "{msel}"
    );
}

#[test]
fn errors_in_a_drill_file_write_no_pack() {
    let files = sample_with(
        "drills/2026-baolun-flood-tabletop.drill.yaml",
        "controllers: [post-yingji-duty",
        "controllers: [post-yingji-dut",
    );
    let repo = write_tree(&files);
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("pack");
    let (code, _, err) = emplan(&[
        "drill",
        "new",
        "2026-baolun-flood-tabletop",
        "-o",
        out.to_str().unwrap(),
        repo.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[D101]"), "{err}");
    assert!(
        err.contains("2026-baolun-flood-tabletop.drill.yaml:"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn an_unknown_drill_is_named_with_the_nearest() {
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = emplan(&[
        "drill",
        "new",
        "2026-baolun-flood",
        "-o",
        out.path().to_str().unwrap(),
        "plans",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean `2026-baolun-flood-tabletop`"),
        "{err}"
    );
}

#[test]
fn an_objective_citing_a_duty_that_is_gone_is_a_finding() {
    let files = sample_with(
        "township/xz-baolun-flood.md",
        "- {id: transfer, org: xz-baolun",
        "- {id: transfer-all, org: xz-baolun",
    );
    let findings = common::check_files(&files);
    let d102: Vec<_> = findings.iter().filter(|d| d.rule.code == "D102").collect();
    assert_eq!(d102.len(), 1, "{findings:?}");
    assert!(d102[0].message.contains("transfer"));
    assert!(d102[0].help.iter().any(|h| h.contains("transfer-all")));
}

#[test]
fn a_pack_is_never_written_inside_the_repository() {
    let repo = write_tree(&read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"),
    ));
    let before = read_tree(repo.path());
    let out = repo.path().join("drills/pack");
    let (code, _, err) = emplan(&[
        "drill",
        "new",
        "2026-baolun-flood-tabletop",
        "-o",
        out.to_str().unwrap(),
        repo.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("inside the plan repository"), "{err}");
    assert_eq!(
        read_tree(repo.path()),
        before,
        "nothing inside the repository changed"
    );
}

const SEED: u64 = 20_260_312_917;

/// What a participant must not learn of the drawn scenario: its hazard, place, township, day,
/// start and level (by name and by id), every inject's text and expected action, and the seed.
fn secrets(seed: u64) -> Vec<String> {
    let repo = sample();
    let entry = drill::find(&repo, "2026-baichao-forest-fire-blind").unwrap();
    let drawn = drill::blind::draw(&repo, &entry.value, seed).unwrap();
    let index = Index::new(&repo);
    let travel = Travel::new(&repo);
    let exercise =
        drill::derive_drill(&repo, &index, &travel, &drawn, entry.file, Some(seed)).unwrap();
    let s = &drawn.scenario;
    let c = &exercise.cascade;
    let date = s.date.value;
    let mut out = vec![
        s.hazard.as_str().to_owned(),
        index.hazard_name(s.hazard.as_str()).to_owned(),
        s.place.as_str().to_owned(),
        c.place.name.to_owned(),
        c.place.township.to_owned(),
        index.org_name(c.place.township).to_owned(),
        date.to_string(),
        format!("{}年{}月{}日", date.year, date.month, date.day),
        format!("{}月{}日", date.month, date.day),
        s.time.value.to_string(),
        format!("{}应急响应", s.level.value.zh()),
        seed.to_string(),
        s.state.value.clone(),
    ];
    for inject in &exercise.injects {
        out.push(inject.text.clone());
        if let Some(e) = &inject.expected {
            out.push(e.what.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every secret found in the files below `dir`: in their text, in a PDF's text and metadata
/// (pdftotext, pdfinfo) and in its bytes.
fn leaks(dir: &Path, secrets: &[String], read_pdfs: bool) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in read_tree(dir) {
        let mut texts = vec![String::from_utf8_lossy(&bytes).into_owned()];
        if path.ends_with(".pdf") && read_pdfs {
            let file = dir.join(&path);
            texts.push(pdf_text(&file));
            let info = Command::new("pdfinfo").arg(&file).output().unwrap();
            texts.push(String::from_utf8_lossy(&info.stdout).into_owned());
        }
        for secret in secrets {
            let squeezed: String = secret.chars().filter(|c| !c.is_whitespace()).collect();
            if texts
                .iter()
                .any(|t| t.contains(secret.as_str()) || t.contains(&squeezed))
            {
                found.push(format!("{path}: {secret}"));
            }
        }
    }
    found
}

#[test]
fn a_double_blind_participant_pack_reveals_nothing_of_the_scenario() {
    let out = tempfile::tempdir().unwrap();
    let seed = SEED.to_string();
    let args = [
        "drill",
        "new",
        "2026-baichao-forest-fire-blind",
        "--blind",
        "--seed",
        &seed,
        "-o",
        out.path().to_str().unwrap(),
        "plans",
    ];
    let (code, _, err) = emplan(&args);
    assert_eq!(code, 0, "{err}");
    let participant = out.path().join("participant");
    let controller = out.path().join("controller");
    let names: Vec<String> = read_tree(&participant).into_iter().map(|f| f.0).collect();
    assert_eq!(
        names,
        [
            "manifest.json",
            "participant-brief.md",
            "participant-brief.pdf",
            "sign-in.md",
            "sign-in.pdf"
        ]
    );
    let secrets = secrets(SEED);
    assert!(secrets.len() > 20);
    let pdfs = require_tool("pdftotext") && require_tool("pdfinfo");
    let found = leaks(&participant, &secrets, pdfs);
    assert!(
        found.is_empty(),
        "the participant pack gives away: {found:#?}"
    );
    // The controller pack holds them: the check can see a secret where there is one.
    assert!(!leaks(&controller, &secrets, false).is_empty());
    let plan = std::fs::read_to_string(controller.join("drill-plan.md")).unwrap();
    assert!(plan.contains(&seed), "the controllers know the seed");

    // Planted in a participant file, a scenario detail is found.
    let place = &secrets
        .iter()
        .find(|s| s.ends_with("隐患点"))
        .expect("the drawn place is a hazard point")
        .clone();
    let brief = participant.join("participant-brief.md");
    let mut text = std::fs::read_to_string(&brief).unwrap();
    text.push_str(place);
    std::fs::write(&brief, text).unwrap();
    let found = leaks(&participant, &secrets, pdfs);
    assert!(
        found.contains(&format!("participant-brief.md: {place}")),
        "{found:?}"
    );

    // Same seed, same drill; another seed, another.
    let again = tempfile::tempdir().unwrap();
    let args_again: Vec<&str> = args
        .iter()
        .map(|a| {
            if *a == out.path().to_str().unwrap() {
                again.path().to_str().unwrap()
            } else {
                a
            }
        })
        .collect();
    assert_eq!(emplan(&args_again).0, 0);
    assert_eq!(
        read_tree(&controller),
        read_tree(&again.path().join("controller"))
    );
    assert_ne!(secrets, self::secrets(SEED + 1));
}

#[test]
fn the_summary_report_has_the_seven_parts_and_ties_each_action_to_its_plan() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let (code, _, err) = emplan(&[
        "drill",
        "evaluate",
        "2026-baolun-flood-tabletop",
        "-o",
        dir,
        "plans",
    ]);
    assert_eq!(code, 0, "{err}");
    let report = std::fs::read_to_string(out.path().join("summary-report.md")).unwrap();
    let parts = [
        "## 一、演练目的",
        "## 二、演练时间和地点",
        "## 三、参演单位和人员",
        "## 四、演练方案概要",
        "## 五、发现的问题和原因",
        "## 六、经验和教训",
        "## 七、改进建议",
    ];
    let mut at = 0;
    for part in parts {
        let found = report[at..]
            .find(part)
            .unwrap_or_else(|| panic!("no {part}"));
        at += found;
    }
    // The improvement plan names each action's plan by its title, and its clause.
    let repo = sample();
    let record = &repo.records[0].value;
    let index = Index::new(&repo);
    for finding in &record.findings {
        let plan = index.plans.get(finding.action.plan.as_str()).unwrap();
        let row = report
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", finding.id.as_str())))
            .unwrap();
        assert!(
            row.contains(&format!("《{}》", plan.meta.title.value)),
            "{row}"
        );
    }
    // Timeliness against the plan's deadline: the meeting took 70 minutes of its hour.
    let meeting = report.lines().find(|l| l.starts_with("| M067 |")).unwrap();
    assert!(
        meeting.contains("| 1小时内 |") && meeting.contains("| 70分钟 | 超时 |"),
        "{meeting}"
    );
    assert!(out.path().join("summary-report.pdf").exists());
    if require_tool("pdftotext") {
        let text = pdf_text(&out.path().join("summary-report.pdf"));
        assert!(text.contains("七、改进建议"), "{text}");
    }
}

#[test]
fn a_record_that_names_nothing_is_located() {
    let files = sample_with(
        "drills/2026-baolun-flood-tabletop.record.yaml",
        "    chapter: 应急响应",
        "    chapter: 应急相应",
    );
    let findings = common::check_files(&files);
    let d103: Vec<_> = findings.iter().filter(|d| d.rule.code == "D103").collect();
    assert_eq!(d103.len(), 1, "{findings:?}");
    assert!(
        d103[0].message.contains("“应急相应”"),
        "{}",
        d103[0].message
    );
    assert_eq!(d103[0].help, ["did you mean `六、应急响应`?"]);
}

#[test]
fn coverage_counts_what_the_held_drills_exercised() {
    let json = |since: &str| {
        let (code, out, err) = emplan(&[
            "drill", "coverage", "--since", since, "--format", "json", "plans",
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let all = json("2020-01-01");
    assert_eq!(all["held"][0]["drill"], "2026-baolun-flood-tabletop");
    let never = all["duties"]["never"].as_array().unwrap();
    let is_never =
        |plan: &str, duty: &str| never.iter().any(|n| n["plan"] == plan && n["duty"] == duty);
    // The tabletop drill expected the township's evacuation; it did not reach the coal mines.
    assert!(!is_never("xz-baolun-flood", "transfer"));
    assert!(is_never("xc-dawanggou-face", "watch"));
    let exercised = all["duties"]["exercised"].as_u64().unwrap() as usize;
    assert_eq!(
        exercised + never.len(),
        all["duties"]["all"].as_u64().unwrap() as usize
    );
    assert!(exercised > 10);
    // After the drill's day nothing was held, so nothing was exercised.
    let later = json("2026-06-19");
    assert_eq!(later["held"].as_array().unwrap().len(), 0);
    assert_eq!(later["duties"]["exercised"], 0);
    assert_eq!(later["levels"]["exercised"], 0);
}

#[test]
fn target_gaps_sets_the_scenario_where_it_exercises_the_most_never_drilled() {
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = emplan(&[
        "drill",
        "new",
        "2026-jindong-debris-flow-live",
        "--target-gaps",
        "-o",
        out.path().to_str().unwrap(),
        "plans",
    ]);
    assert_eq!(code, 0, "{err}");
    let gaps: usize = err
        .split("it exercises ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(gaps > 50, "{err}");
    // Its MSEL expects duties that no held drill has.
    let (_, coverage, _) = emplan(&[
        "drill",
        "coverage",
        "--since",
        "2020-01-01",
        "--format",
        "json",
        "plans",
    ]);
    let coverage: serde_json::Value = serde_json::from_str(&coverage).unwrap();
    let never: Vec<(String, String)> = coverage["duties"]["never"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["plan"].as_str().unwrap().to_owned(),
                n["duty"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let bytes = std::fs::read(out.path().join("msel.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let new = reader
        .records()
        .map(Result::unwrap)
        .filter_map(|r| Some((r[10].to_owned(), r[11].strip_prefix("职责 ")?.to_owned())))
        .filter(|k| never.contains(k))
        .count();
    assert!(new > 20, "{new} of the MSEL's duties were never drilled");
}

/// `drill new` then `drill import-msel` of the file it wrote, in a copy of the sample: the
/// MSEL the next `drill new` writes.
fn round_trip(file: &str) -> (Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>) {
    let repo = write_tree(&read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"),
    ));
    let root = repo.path().to_str().unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let drill = "2026-jindong-debris-flow-live";
    let (code, _, err) = emplan(&[
        "drill",
        "new",
        drill,
        "-o",
        a.path().to_str().unwrap(),
        root,
    ]);
    assert_eq!(code, 0, "{err}");
    let exported = a.path().join(file);
    let (code, _, err) = emplan(&[
        "drill",
        "import-msel",
        drill,
        exported.to_str().unwrap(),
        root,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 64 injects into"), "{err}");
    let (code, _, err) = emplan(&["check", root]);
    assert_eq!(code, 0, "the written definition checks clean: {err}");
    let (code, _, err) = emplan(&[
        "drill",
        "new",
        drill,
        "-o",
        b.path().to_str().unwrap(),
        root,
    ]);
    assert_eq!(code, 0, "{err}");
    let read = |dir: &Path, name: &str| std::fs::read(dir.join(name)).unwrap();
    (
        read(a.path(), "msel.csv"),
        read(b.path(), "msel.csv"),
        read(a.path(), "msel.md"),
        read(b.path(), "msel.md"),
    )
}

#[test]
fn csv_and_xlsx_export_then_import_give_the_same_msel() {
    for file in ["msel.csv", "msel.xlsx"] {
        let (csv_before, csv_after, md_before, md_after) = round_trip(file);
        assert!(csv_before == csv_after, "{file}: the CSV changed");
        assert!(md_before == md_after, "{file}: the Markdown MSEL changed");
    }
}

#[test]
fn an_msel_with_five_mistakes_reports_all_five_at_their_cells() {
    let repo = write_tree(&read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"),
    ));
    let root = repo.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let drill = "2026-jindong-debris-flow-live";
    assert_eq!(
        emplan(&[
            "drill",
            "new",
            drill,
            "-o",
            out.path().to_str().unwrap(),
            root
        ])
        .0,
        0
    );
    let bytes = std::fs::read(out.path().join("msel.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    // Rows counted from 1 with the head; columns from 1.
    let duty_row = rows
        .iter()
        .position(|r| r[11].starts_with("职责 "))
        .unwrap();
    rows[2][1] = "T+0:6".to_owned(); // row 3, 场景时间
    rows[4][10] = "zx-nowhere".to_owned(); // row 5, 依据预案
    rows[duty_row][11] = "职责 nothing".to_owned(); // 依据条款
    rows[7][12] = "obj-none".to_owned(); // row 8, 演练目标
    rows[9][13] = "post-nobody".to_owned(); // row 10, 导调人员
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    let edited = out.path().join("edited.csv");
    std::fs::write(&edited, writer.into_inner().unwrap()).unwrap();
    let definition = repo
        .path()
        .join("drills/2026-jindong-debris-flow-live.drill.yaml");
    let before = std::fs::read(&definition).unwrap();
    let (code, _, err) = emplan(&[
        "drill",
        "import-msel",
        drill,
        edited.to_str().unwrap(),
        root,
    ]);
    assert_eq!(code, 1, "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 5, "{err}");
    let duty_cell = format!("row {}, column 12", duty_row + 1);
    for cell in [
        "row 3, column 2",
        "row 5, column 11",
        &duty_cell,
        "row 8, column 13",
        "row 10, column 14",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(cell)),
            "no mistake at {cell}: {err}"
        );
    }
    assert_eq!(
        std::fs::read(&definition).unwrap(),
        before,
        "the definition is unchanged"
    );
}
