//! The stages use only the stages below them, in the order docs/architecture.md writes down.

use std::path::{Path, PathBuf};

/// The stage order of docs/architecture.md, from the bottom: the line in backticks that starts
/// with `foundation <`.
fn order() -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let line = doc
        .lines()
        .find(|l| l.starts_with("`foundation <"))
        .expect("docs/architecture.md writes the order as `foundation < ... < main`");
    line.trim_matches('`')
        .split('<')
        .map(|s| s.trim().to_owned())
        .collect()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The stage a source file belongs to: its first path component under `src/`.
fn stage_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

/// The code of a file that is part of the flow: without its `#[cfg(test)]` part and comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines().enumerate().filter_map(|(n, line)| {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            return None;
        }
        let line = line.find(" //").map_or(line, |at| &line[..at]);
        Some((n + 1, line))
    })
}

/// The top-level modules a `crate::` path names: `crate::check::X` names `check`, and
/// `crate::{check::X, model}` names both.
fn named_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            out.push(first_segment(&item));
        } else {
            out.push(first_segment(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every `use` of a stage above the user's own, as `src/FILE:LINE stage -> stage`.
fn against_the_order(order: &[String]) -> Vec<String> {
    let src = root().join("src");
    let level = |stage: &str| order.iter().position(|s| s == stage);
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let stage = stage_of(relative);
        let stage = if stage == "lib" { "main".into() } else { stage };
        let Some(own) = level(&stage) else {
            found.push(format!(
                "src/{}: the module {stage} is not in the order of docs/architecture.md",
                relative.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        for (line, code) in code_lines(&text) {
            for used in named_modules(code) {
                match level(&used) {
                    Some(other) if other > own => found.push(format!(
                        "src/{}:{line} {stage} -> {used}",
                        relative.display()
                    )),
                    _ => {}
                }
            }
        }
    }
    found
}

#[test]
fn no_module_uses_a_stage_above_its_own() {
    let order = order();
    assert_eq!(order.first().map(String::as_str), Some("foundation"));
    let found = against_the_order(&order);
    assert!(
        found.is_empty(),
        "imports against the order of docs/architecture.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_every_form_of_path() {
    assert_eq!(named_modules("use crate::check::Diagnostic;"), ["check"]);
    assert_eq!(
        named_modules("use crate::{check::{self, Rule}, model::Plan};"),
        ["check", "model"]
    );
    assert_eq!(
        named_modules("let x = crate::report::escape(y) + crate::cli::z;"),
        ["report", "cli"]
    );
    assert_eq!(
        named_modules("$crate::foundation::i18n::Lang"),
        Vec::<String>::new()
    );
    let text = "use crate::model::Plan; // crate::check is named in a comment\n#[cfg(test)]\nuse crate::check::X;";
    let named: Vec<String> = code_lines(text)
        .flat_map(|(_, code)| named_modules(code))
        .collect();
    assert_eq!(named, ["model"]);
}
