//! Every rule is documented, and its example really triggers it while its fix really clears it.

mod common;

use common::{check_files, codes, fixture, read_tree};
use emplan::check::{Example, RULES, Rule};

/// The mini fixture with the example applied, using `text` (the bad or the good variant).
fn apply(rule: &Rule, text: &str) -> Vec<(String, Vec<u8>)> {
    let Example { file, .. } = rule.example;
    let patched = rule
        .example
        .apply(text)
        .unwrap_or_else(|| panic!("{}: the example does not fit {file}", rule.code));
    // S102's example is the file saved as GBK.
    let bytes = if rule.code == "S102" && text == rule.example.bad {
        let original = rule.example.apply(rule.example.good).unwrap();
        encoding_rs::GBK.encode(&original).0.into_owned()
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

#[test]
fn every_rule_is_documented_and_unique() {
    let mut seen = std::collections::HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
        assert!(seen.insert(rule.name), "duplicate name {}", rule.name);
        let family = rule.code.chars().next().unwrap();
        assert!(
            "SRL".contains(family) && rule.code.len() == 4,
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
    // Families in data-flow order (S, R, L), codes ascending within each.
    let key = |code: &str| ("SRL".find(&code[..1]).unwrap(), code.to_owned());
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
        let mut files = read_tree(&fixture("mini"));
        let entry = files.iter_mut().find(|(p, _)| p == file).unwrap();
        let text = String::from_utf8(entry.1.clone()).unwrap();
        assert!(text.contains(find));
        entry.1 = text.replacen(find, replace, 1).into_bytes();
        assert_eq!(codes(&check_files(&files)), [code], "{replace}");
    }
}
