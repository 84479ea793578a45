//! The binary as a user runs it: exit codes, formats, languages, golden output.

mod common;

use assert_cmd::Command;
use common::{fixture, patched, read_tree, write_tree};

/// `emplan` run from the crate root with an English locale and no colour.
fn emplan() -> Command {
    Command::from_std(common::emplan_in(common::ENGLISH))
}

fn stdout(command: &mut Command) -> (i32, String) {
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn clean_repository_exits_zero() {
    let (code, out) = stdout(emplan().args(["check", "tests/fixtures/mini"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "checked 10 files (6 plans): no problems found\n");
}

#[test]
fn findings_exit_one_and_match_the_golden_output() {
    let (code, out) = stdout(emplan().args(["check", "tests/fixtures/broken", "--color", "never"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("broken_en", out);
}

#[test]
fn chinese_output_matches_the_golden_output() {
    let (code, out) = stdout(emplan().args(["check", "tests/fixtures/broken", "--lang", "zh"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("broken_zh", out);
}

#[test]
fn language_follows_lang_by_default() {
    let (_, out) = stdout(
        emplan()
            .env("LANG", "zh_CN.UTF-8")
            .args(["check", "tests/fixtures/mini"]),
    );
    assert_eq!(out, "已检查 10 个文件（6 个预案）：未发现问题\n");
}

/// The tests' `emplan` speaks the language a test asks for whatever the contributor's shell
/// says: its `LC_ALL`, `LC_MESSAGES` and `LANGUAGE` would override the `LANG` the test sets.
#[test]
fn the_tests_ask_for_a_language_whatever_the_shell_says() {
    let shell_of = |lang: &str| {
        [
            ("LC_ALL", format!("{lang}.UTF-8")),
            ("LC_MESSAGES", format!("{lang}.UTF-8")),
            ("LANGUAGE", format!("{lang}:{}", &lang[..2])),
        ]
    };
    for (shell, asked, expected) in [
        (
            shell_of("zh_CN"),
            common::ENGLISH,
            "checked 10 files (6 plans): no problems found\n",
        ),
        (
            shell_of("en_US"),
            common::CHINESE,
            "已检查 10 个文件（6 个预案）：未发现问题\n",
        ),
    ] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_emplan"));
        command
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .envs(shell.clone());
        common::speak(&mut command, asked).args(["check", "tests/fixtures/mini"]);
        let set: Vec<_> = command.get_envs().collect();
        for (name, _) in &shell {
            assert!(
                set.contains(&(std::ffi::OsStr::new(name), None)),
                "{name} is left to the shell: {set:?}"
            );
        }
        let (_, out) = stdout(&mut Command::from_std(command));
        assert_eq!(out, expected, "{shell:?}, asked for {asked}");
    }
}

#[test]
fn a_missing_tool_fails_in_ci_and_is_skipped_elsewhere() {
    assert!(common::required("dot", true, true));
    assert!(common::required("dot", true, false));
    assert!(!common::required("no-such-tool", false, false));
    let failed = std::panic::catch_unwind(|| common::required("no-such-tool", false, true));
    let message = failed.expect_err("a missing tool in CI fails the test");
    let message = message.downcast_ref::<String>().unwrap();
    assert!(
        message.ends_with(": no-such-tool is not installed, and CI=true: CI installs it (.ci/run)"),
        "{message}"
    );
    // The PATH is searched: `sh` is on every system's.
    assert!(common::require_tool("sh"));
}

#[test]
fn json_output_matches_the_golden_output() {
    let (code, out) = stdout(emplan().args(["check", "--format", "json", "tests/fixtures/broken"]));
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["version"], 1);
    let count = |severity: &str| value["summary"][severity].as_u64().unwrap();
    assert_eq!(
        count("errors") + count("warnings") + count("infos"),
        value["diagnostics"].as_array().unwrap().len() as u64
    );
    insta::assert_snapshot!("broken_json", out);
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let run = || stdout(emplan().args(["check", "--format", "json", "tests/fixtures/broken"])).1;
    let first = run();
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}

#[test]
fn unreadable_root_and_bad_arguments_exit_two() {
    let output = emplan().args(["check", "no/such/folder"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(error.contains("cannot read no/such/folder"), "{error}");

    let output = emplan()
        .args(["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = emplan().args(["frobnicate"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_reported_and_the_rest_still_checked() {
    let mut files = read_tree(&fixture("mini"));
    files.retain(|(path, _)| path != "plans/bm-shuili.md");
    let dir = write_tree(&files);
    std::os::unix::fs::symlink(dir.path().join("gone.md"), dir.path().join("plans/link.md"))
        .unwrap();
    let (code, out) = stdout(
        emplan()
            .arg("check")
            .arg(dir.path())
            .args(["--format", "json"]),
    );
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"S101"), "{rules:?}");
    // The plan that was removed is missed by the plans that assign it duties.
    assert!(
        rules.contains(&"L302") || rules.contains(&"L401"),
        "{rules:?}"
    );
}

#[test]
fn explain_prints_the_rule_doc_and_example() {
    let (code, out) = stdout(emplan().args(["explain", "L301"]));
    assert_eq!(code, 0);
    assert!(
        out.starts_with("# L301 duty-not-accepted (linkage, error)\n"),
        "{out}"
    );
    assert!(out.contains("## Why is this bad?") && out.contains("## Use instead"));
    let (_, by_name) = stdout(emplan().args(["explain", "duty-not-accepted"]));
    assert_eq!(by_name, out);
    let (_, zh) = stdout(emplan().args(["--lang", "zh", "explain", "L301"]));
    assert!(
        zh.starts_with("# L301 duty-not-accepted (衔接, error)\n"),
        "{zh}"
    );
    assert!(
        zh.contains("## 为什么有问题") && zh.contains("## 改为"),
        "{zh}"
    );
    assert!(!zh.contains("Why is this bad"), "{zh}");
    let output = emplan().args(["explain", "X999"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn rules_lists_every_rule() {
    let (code, out) = stdout(emplan().arg("rules"));
    assert_eq!(code, 0);
    for rule in emplan::check::RULES {
        assert!(
            out.contains(rule.code) && out.contains(rule.name),
            "{}",
            rule.code
        );
    }
    insta::assert_snapshot!("rules_en", out);
}

#[test]
fn help_reads_in_both_languages() {
    let (_, en) = stdout(emplan().arg("--help"));
    assert!(
        en.contains("Usage: emplan") && en.contains("Check a plan repository"),
        "{en}"
    );
    let (_, zh) = stdout(emplan().args(["--lang", "zh", "check", "--help"]));
    assert!(
        zh.contains("用法：emplan check") && zh.contains("预案仓库目录"),
        "{zh}"
    );
    assert!(!zh.contains("Print help"), "{zh}");
    // Values and defaults are explained in Chinese, not in clap's English.
    assert!(zh.contains("github：GitHub Actions 注释"), "{zh}");
    assert!(
        !zh.contains("Possible values") && !zh.contains("[default"),
        "{zh}"
    );
}

#[test]
fn sarif_format_is_a_sarif_log_of_every_finding() {
    let (code, out) =
        stdout(emplan().args(["check", "--format", "sarif", "tests/fixtures/broken"]));
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), emplan::check::RULES.len());
    let results = run["results"].as_array().unwrap();
    let (_, json) = stdout(emplan().args(["check", "--format", "json", "tests/fixtures/broken"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(results.len(), json["diagnostics"].as_array().unwrap().len());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("tests/fixtures/broken/")
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    insta::assert_snapshot!(
        "broken_sarif_results",
        serde_json::to_string_pretty(results).unwrap()
    );
}

#[test]
fn junit_format_has_a_failed_case_per_finding() {
    let (code, out) =
        stdout(emplan().args(["check", "--format", "junit", "tests/fixtures/broken"]));
    assert_eq!(code, 1);
    let (_, json) = stdout(emplan().args(["check", "--format", "json", "tests/fixtures/broken"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings = json["diagnostics"].as_array().unwrap().len();
    assert_eq!(out.matches("<testcase ").count(), findings);
    assert_eq!(out.matches("<failure ").count(), findings);
    assert!(out.contains(&format!(
        r#"<testsuites name="emplan" tests="{findings}" failures="{findings}">"#
    )));
    insta::assert_snapshot!("broken_junit", out);
    let (code, clean) =
        stdout(emplan().args(["check", "--format", "junit", "tests/fixtures/mini"]));
    assert_eq!(code, 0);
    assert!(
        clean.contains(r#"<testcase name="check" classname="emplan">"#),
        "{clean}"
    );
    assert!(!clean.contains("<failure"), "{clean}");
}

#[test]
fn fail_on_sets_the_severity_that_fails_the_run() {
    // A duty id in Chinese (used alike wherever it is used) is a warning (S206), not an error.
    let mut files = read_tree(&fixture("mini"));
    for (_, bytes) in &mut files {
        if let Ok(text) = String::from_utf8(bytes.clone()) {
            *bytes = text.replace("rescue", "抢险救援").into_bytes();
        }
    }
    let dir = write_tree(&files);
    let run = |fail_on: Option<&str>| {
        let mut command = emplan();
        command.args(["check", "--format", "json"]).arg(dir.path());
        if let Some(fail_on) = fail_on {
            command.args(["--fail-on", fail_on]);
        }
        let (code, out) = stdout(&mut command);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["summary"]["warnings"], 1, "{out}");
        assert_eq!(value["summary"]["errors"], 0, "{out}");
        code
    };
    assert_eq!(run(None), 0);
    assert_eq!(run(Some("error")), 0);
    assert_eq!(run(Some("warning")), 1);
    assert_eq!(run(Some("info")), 1);
    assert_eq!(run(Some("never")), 0);
    let (code, _) = stdout(emplan().args(["check", "--fail-on", "never", "tests/fixtures/broken"]));
    assert_eq!(code, 0);
}

#[test]
fn github_format_annotates_each_finding() {
    let (code, out) =
        stdout(emplan().args(["check", "--format", "github", "tests/fixtures/broken"]));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    let (summary, commands) = lines.split_last().unwrap();
    assert!(summary.starts_with("checked "), "{summary}");
    for command in commands {
        assert!(
            command.starts_with("::error file=tests/fixtures/broken/")
                || command.starts_with("::warning file=tests/fixtures/broken/"),
            "{command}"
        );
    }
    insta::assert_snapshot!("broken_github", out);
}

#[test]
fn the_sample_checks_clean_through_the_binary() {
    let (code, out) = stdout(emplan().args(["check", "--format", "json", "plans"]));
    assert_eq!(code, 0, "{out}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let summary = &value["summary"];
    assert!(summary["plans"].as_u64().unwrap() >= 100);
    let kinds = &summary["plans_by_kind"];
    assert_eq!(kinds["overall"], 1);
    assert_eq!(kinds["specialised"], 24);
    assert!(kinds["departmental"].as_u64().unwrap() >= 40);
    // The 17 townships' overall plans and 宝轮镇's flood evacuation plan.
    assert_eq!(kinds["township"], 18);
    assert!(kinds["village"].as_u64().unwrap() >= 10);
    assert!(kinds["enterprise"].as_u64().unwrap() >= 5);
    assert!(kinds["site"].as_u64().unwrap() >= 5);
    assert_eq!(value["diagnostics"], serde_json::json!([]));
}

/// `emplan check FILE` checks the file in its repository: every file is loaded, and only the
/// named file's findings are reported, from the root and from anywhere else.
#[test]
fn a_file_is_checked_in_its_repository() {
    let files = patched(&[
        ("plans/zx-flood.md", "org: qu-yingjiju", "org: qu-yingjju"),
        (
            "plans/bm-shuili.md",
            "parents: [overall]",
            "parents: [overal]",
        ),
    ]);
    // The mini repository has its emplan.toml, which marks its root.
    let dir = write_tree(&files);
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let absolute = root.join("plans/zx-flood.md");
    for (cwd, file) in [
        (
            root.to_owned(),
            std::path::PathBuf::from("plans/zx-flood.md"),
        ),
        (root.join("plans"), std::path::PathBuf::from("zx-flood.md")),
        (elsewhere.path().to_owned(), absolute.clone()),
    ] {
        let (code, out) = stdout(
            emplan()
                .current_dir(&cwd)
                .args(["check", "--format", "json"])
                .arg(&file),
        );
        assert_eq!(code, 1, "{out}");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rules: Vec<&str> = value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["R102"], "from {cwd:?}");
        let summary = &value["summary"];
        assert_eq!(summary["files"], 10, "the whole repository is loaded");
        assert_eq!(summary["reported_files"], 1);
        assert_eq!(summary["root_found_by"], "emplan.toml");
    }
    // The human summary says which root it used.
    let (code, out) = stdout(
        emplan()
            .current_dir(root)
            .args(["check", "plans/bm-shuili.md"]),
    );
    assert_eq!(code, 1);
    assert!(out.contains("error[R101]"), "{out}");
    assert!(!out.contains("R102"), "{out}");
    assert!(
        out.ends_with(
            "checked 1 of 10 files in the repository at . (found by its emplan.toml; 6 plans): 1 error(s), 0 warning(s), 0 info\n"
        ),
        "{out}"
    );
    // A folder inside the repository is a scope too; the root itself is the whole repository.
    let (_, out) = stdout(emplan().current_dir(root).args(["check", "plans"]));
    assert!(out.contains("R101") && out.contains("R102"), "{out}");
    assert!(out.contains("checked 6 of 10 files"), "{out}");
    let (_, out) = stdout(emplan().current_dir(root).args(["check", "."]));
    assert!(
        out.ends_with("checked 10 files (6 plans): 2 error(s), 0 warning(s), 0 info\n"),
        "{out}"
    );
    // Paths are compared as paths, not as the text they are shown as: `.` in a folder of the
    // repository is that folder (its files are shown as `zx-flood.md`), `..` the whole of it.
    let plans = root.join("plans");
    let (_, out) = stdout(emplan().current_dir(&plans).args(["check", "."]));
    assert!(out.contains("R101") && out.contains("R102"), "{out}");
    assert!(out.contains("checked 6 of 10 files"), "{out}");
    let (_, out) = stdout(
        emplan()
            .current_dir(&plans)
            .args(["check", "..", "zx-flood.md"]),
    );
    assert!(out.contains("checked 10 of 10 files"), "{out}");
    // Without emplan.toml the top of the git work tree is the root; without either, --root.
    std::fs::remove_file(root.join("emplan.toml")).unwrap();
    let (code, out) = stdout(
        emplan()
            .current_dir(root)
            .args(["check", "plans/zx-flood.md"]),
    );
    assert_eq!(code, 2, "{out}");
    std::fs::create_dir(root.join(".git")).unwrap();
    let (_, out) = stdout(
        emplan()
            .current_dir(root)
            .args(["check", "plans/zx-flood.md"]),
    );
    assert!(
        out.contains("(the top of the git work tree; 6 plans)"),
        "{out}"
    );
    std::fs::remove_dir(root.join(".git")).unwrap();
    let (_, out) =
        stdout(
            emplan()
                .current_dir(root)
                .args(["check", "--root", ".", "plans/zx-flood.md"]),
        );
    assert!(out.contains("(given with --root; 6 plans)"), "{out}");
    // A file outside the root is refused.
    let (code, _) = stdout(
        emplan()
            .current_dir(root)
            .args(["check", "--root", "plans"])
            .arg(elsewhere.path()),
    );
    assert_eq!(code, 2);
}

/// The mistakes Chinese authors make most, each named with its fix, in both languages: a
/// full-width colon or comma, an ASCII comma that cuts a text in `{...}`, ids joined by `，`, a
/// tab, a Chinese level name, a Chinese time limit, a typo in an accepted duty.
#[test]
fn authoring_slips_are_named_with_their_fix_in_both_languages() {
    let files = patched(&[
        (
            "plans/zx-flood.md",
            "title: 区防汛抗旱应急预案",
            "title：区防汛抗旱应急预案",
        ),
        (
            "plans/zx-flood.md",
            "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
            "{ text: 造成3人以上死亡,含失踪, metric: deaths, at_least: 3 }",
        ),
        ("plans/zx-flood.md", "deadline: 1h", "deadline: 30分钟"),
        ("plans/overall.md", "  - level: red", "  - level: 红色"),
        (
            "plans/bm-shuili.md",
            "parents: [overall]",
            "\tparents: [overall]",
        ),
        (
            "plans/xz-baolun.md",
            "parents: [overall, zx-flood]",
            "parents: [overall，zx-flood]",
        ),
        ("plans/xz-baolun.md", "duty: evacuate,", "duty: evacuat,"),
        (
            "registry/registry.yaml",
            "{ id: deaths, name: 死亡人数, unit: 人 }",
            "{ id: deaths，name: 死亡人数, unit: 人 }",
        ),
    ]);
    let dir = write_tree(&files);
    for (lang, name) in [("en", "slips_en"), ("zh", "slips_zh")] {
        let (code, out) = stdout(
            emplan()
                .current_dir(dir.path())
                .args(["--lang", lang, "check", "--color", "never", "."]),
        );
        assert_eq!(code, 1);
        insta::assert_snapshot!(name, out);
    }
}

/// The SARIF log of a repository with seeded errors, one of them suppressed, validates against
/// the official SARIF 2.1.0 schema (tests/sarif/README.md names its source).
#[test]
fn the_sarif_log_validates_against_the_official_schema() {
    let schema = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sarif/sarif-schema-2.1.0.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut files = read_tree(&fixture("broken"));
    let registry = files
        .iter_mut()
        .find(|(p, _)| p == "registry/registry.yaml")
        .unwrap();
    let text = String::from_utf8(registry.1.clone()).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("id: c-0001"))
        .unwrap()
        .to_owned();
    registry.1 = text
        .replacen(
            &line,
            &format!("{line}  # emplan: allow Q102 -- 2027年核实"),
            1,
        )
        .into_bytes();
    let dir = write_tree(&files);
    let (code, out) = stdout(
        emplan()
            .args(["check", "--format", "sarif"])
            .arg(dir.path()),
    );
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 10);
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    // The schema is not a rubber stamp: a result without its message is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
}
