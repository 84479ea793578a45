//! Every rule is documented, and its example really triggers it while its fix really clears it.

mod common;

use common::{check_files, codes, fixture, patched, read_tree, write_tree};
use emplan::check::{Example, RULES, Rule};

/// The mini fixture with the example applied, using `text` (the bad or the good variant).
fn apply(rule: &Rule, text: &str) -> Vec<(String, Vec<u8>)> {
    let Example { file, .. } = rule.example;
    let patched = rule
        .example
        .apply(text)
        .unwrap_or_else(|| panic!("{}: the example does not fit {file}", rule.code));
    // S102's example is the file saved as GBK, S106's the file with CR line ends.
    let original = || {
        read_tree(&fixture("mini"))
            .into_iter()
            .find(|(p, _)| p == file)
            .unwrap()
            .1
    };
    let bytes = if rule.code == "S102" && text == rule.example.bad {
        let original = rule.example.apply(rule.example.good).unwrap();
        encoding_rs::GBK.encode(&original).0.into_owned()
    } else if rule.code == "S106" {
        let lf = original();
        if text == rule.example.bad {
            lf.iter()
                .map(|&b| if b == b'\n' { b'\r' } else { b })
                .collect()
        } else {
            lf
        }
    } else {
        patched.into_bytes()
    };
    let mut files = read_tree(&fixture("mini"));
    files.retain(|(path, _)| path != file);
    files.push((file.to_owned(), bytes));
    files.sort();
    files
}

#[test]
fn the_built_in_mini_repository_is_the_fixture() {
    let on_disk = read_tree(&fixture("mini"));
    let built_in: Vec<(String, Vec<u8>)> = emplan::check::example::MINI
        .iter()
        .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
        .collect();
    assert_eq!(built_in, on_disk);
}

#[test]
fn the_mini_fixture_is_clean() {
    let diagnostics = check_files(&read_tree(&fixture("mini")));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn every_example_triggers_its_rule_and_every_fix_clears_it() {
    for rule in RULES {
        if rule.code == "S101" {
            continue; // needs a file system: tests/cli.rs makes a dangling link
        }
        let bad = codes(&check_files(&apply(rule, rule.example.bad)));
        assert!(
            bad.contains(&rule.code),
            "{}: example gave {bad:?}",
            rule.code
        );
        let good = codes(&check_files(&apply(rule, rule.example.good)));
        assert!(
            !good.contains(&rule.code),
            "{}: fix still gives {good:?}",
            rule.code
        );
    }
}

/// What `emplan check` prints about each rule's failing example, in English and in Chinese: the
/// message, the file, line and column, the source line with a caret, help lines and related
/// places. One snapshot per rule, named by its code (`rules__L101.snap`): a new rule gets one.
#[cfg(unix)]
#[test]
fn every_rule_has_a_snapshot_of_its_example_in_both_languages() {
    for rule in RULES {
        let dir = if rule.code == "S101" {
            let dir = write_tree(&read_tree(&fixture("mini")));
            std::os::unix::fs::symlink("gone.md", dir.path().join("plans/link.md")).unwrap();
            dir
        } else {
            write_tree(&apply(rule, rule.example.bad))
        };
        let mut shown = String::new();
        for (language, locale) in [("English", common::ENGLISH), ("中文", common::CHINESE)] {
            let own = common::findings_of(dir.path(), locale, rule.code);
            shown.push_str(&format!("## {language}\n{}\n\n", own.join("\n\n")));
        }
        insta::with_settings!({
            description => format!("{} {}: its example in {}", rule.code, rule.name, rule.example.file),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(rule.code, shown);
        });
    }
}

#[test]
fn every_rule_is_documented_and_unique() {
    let mut seen = std::collections::HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
        assert!(seen.insert(rule.name), "duplicate name {}", rule.name);
        let family = rule.code.chars().next().unwrap();
        assert!(
            "SRLGCTQD".contains(family) && rule.code.len() == 4,
            "{}",
            rule.code
        );
        assert!(
            rule.code[1..].chars().all(|c| c.is_ascii_digit()),
            "{}",
            rule.code
        );
        assert!(
            rule.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            rule.name
        );
        for section in ["## What it does", "## Why is this bad?", "## How to fix"] {
            assert!(
                rule.doc.0.contains(section),
                "{} lacks {section}",
                rule.code
            );
        }
        for section in ["## 作用", "## 为什么有问题", "## 如何修复"] {
            assert!(
                rule.doc.1.contains(section),
                "{} lacks {section}",
                rule.code
            );
        }
        assert!(
            !rule.doc.1.contains("## What"),
            "{}: the Chinese doc is in English",
            rule.code
        );
        assert!(!rule.summary.0.is_empty() && !rule.summary.1.is_empty());
        assert_ne!(rule.example.bad, rule.example.good, "{}", rule.code);
    }
    // Families in data-flow order (S, R, L, G, C, T, Q, D), codes ascending within each.
    let key = |code: &str| ("SRLGCTQD".find(&code[..1]).unwrap(), code.to_owned());
    let mut sorted: Vec<_> = RULES.iter().map(|r| key(r.code)).collect();
    sorted.sort();
    assert_eq!(
        sorted,
        RULES.iter().map(|r| key(r.code)).collect::<Vec<_>>()
    );
}

#[test]
fn the_readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for rule in RULES {
        let row = format!("| {} | {} |", rule.code, rule.name);
        assert!(readme.contains(&row), "README lacks the row `{row}`");
    }
}

/// One typo is one finding: a near-miss owner, a plan that cannot be read, a broken registry
/// entry do not cascade into linkage findings about the same organisation.
#[test]
fn one_typo_gives_one_finding() {
    let cases: [(&str, &str, &str, &str); 7] = [
        (
            "plans/zx-flood.md",
            "org: qu-yingjiju",
            "org: qu-yingjju",
            "R102",
        ),
        (
            "plans/bm-shuili.md",
            "owner: qu-shuiliju",
            "owner: qu-shuili",
            "R102",
        ),
        (
            "plans/bm-shuili.md",
            "kind: departmental",
            "kind: departmentl",
            "S203",
        ),
        (
            "registry/registry.yaml",
            "    name: 区水利局\n",
            "    name: 区水利局\n    nmae: x\n",
            "S201",
        ),
        // Broken syntax: the plan or registry file is lost, but what it defines is not
        // reported as unknown wherever it is used.
        (
            "plans/zx-flood.md",
            "hazards: [rainstorm, flood]",
            "hazards: [rainstorm, flood",
            "S103",
        ),
        (
            "plans/zx-flood.md",
            "    org: qu-yingjiju\n",
            "    org: qu-yingjiju\n   text: x\n",
            "S103",
        ),
        (
            "registry/registry.yaml",
            "    name: 区水利局\n",
            "    name: 区水利局: 局\n",
            "S103",
        ),
    ];
    for (file, find, replace, code) in cases {
        let files = patched(&[(file, find, replace)]);
        assert_eq!(codes(&check_files(&files)), [code], "{replace}");
    }
}

/// S301 counts a chapter by the names the national and provincial templates use, not by a
/// heading alone: an empty heading is not the chapter, a note to emplan where the content is
/// elsewhere is; a township's hazard plan needs the chapters of its scope.
#[test]
fn chapters_are_named_as_templates_name_them_and_have_content() {
    let s301 = |edits: &[(&str, &str, &str)]| {
        let diagnostics = check_files(&patched(edits));
        diagnostics
            .iter()
            .filter(|d| d.rule.code == "S301")
            .map(|d| {
                let helps: Vec<&str> = d.help.iter().map(String::as_str).collect();
                format!("{} | {}", d.message, helps.join(" | "))
            })
            .collect::<Vec<_>>()
    };
    let overall = "plans/overall.md";
    // Template names: 组织体系, 应急响应 for 运行机制, 综合保障, 监督管理.
    let template = [
        (overall, "## 2 组织指挥体系", "## 二、组织体系"),
        (overall, "## 3 运行机制", "## 三、应急响应"),
        (overall, "## 4 应急保障", "## 四、综合保障"),
        (overall, "## 5 预案管理", "## 五、监督管理"),
    ];
    assert_eq!(s301(&template), Vec::<String>::new());

    let emptied = (
        overall,
        "## 4 应急保障\n队伍、物资、资金、通信保障。防汛工作见[区防汛抗旱应急预案](plan:zx-flood)。\n",
        "## 4 应急保障\n<!-- 待补充 -->\n### 4.1 队伍\n\n",
    );
    let found = s301(&[emptied]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("lacks the chapter(s) 应急保障"),
        "{found:?}"
    );
    assert!(
        found[0].contains(
            "a heading with nothing under it is not the chapter: `## 4 应急保障` (line 65)"
        ),
        "{found:?}"
    );
    let noted = (
        emptied.0,
        emptied.1,
        "## 4 应急保障\n<!-- emplan: 见附件3 -->\n",
    );
    assert_eq!(s301(&[noted]), Vec::<String>::new());

    // The township's overall chapters do not fit a hazard plan: it needs 转移 and 保障.
    let baolun = "plans/xz-baolun.md";
    let hazard = (
        baolun,
        "owner: xz-baolun\n",
        "owner: xz-baolun\nscope: hazard\n",
    );
    let found = s301(&[hazard]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("(`scope: hazard`) lacks the chapter(s) 转移、保障"),
        "{found:?}"
    );
}

/// L304 does not ask a duty of a post that commands in the plan: leading the response is what
/// the command structure gives it. The same action by a post without a command role is work
/// for its organisation and needs a duty.
#[test]
fn actions_of_commanding_posts_need_no_duty() {
    let action = (
        "plans/zx-flood.md",
        "      - { org: qu-yingjiju, duty: rescue, do: 调派救援队伍赴现场, within: 1h }\n",
        "      - { org: qu-yingjiju, duty: rescue, do: 调派救援队伍赴现场, within: 1h }\n      - { post: post-commander, do: 赶赴现场统一指挥, timing: immediately }\n",
    );
    let l304 = |edits: &[(&str, &str, &str)]| {
        let found = codes(&check_files(&patched(edits)));
        found.into_iter().filter(|c| *c == "L304").count()
    };
    assert_eq!(l304(&[action]), 1);
    let commands = (
        "plans/zx-flood.md",
        "  - level: IV\n    name: 一般\n",
        "  - level: IV\n    name: 一般\n    commander: post-commander\n",
    );
    assert_eq!(l304(&[action, commands]), 0);
}

/// The rules see every criterion, the conditions inside `all_of` included, outer first.
#[test]
fn criteria_are_walked_depth_first() {
    let files = patched(&[(
        "plans/zx-flood.md",
        "      - { text: 造成3人以上死亡, metric: deaths, at_least: 3 }\n",
        "      - text: 甲且乙\n        all_of:\n          - text: 甲\n            all_of: [{ text: 甲一 }]\n          - { text: 乙 }\n",
    )]);
    let repo = emplan::load::load_files(&files);
    let plan = repo
        .plans
        .iter()
        .find(|p| p.meta.id.as_str() == "zx-flood")
        .unwrap();
    let texts: Vec<&str> = plan.meta.criteria().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "甲且乙",
            "甲",
            "甲一",
            "乙",
            "造成1人以上死亡",
            "24小时降雨量达50毫米以上",
            "主汛期内24小时降雨量达30毫米以上"
        ]
    );
}
