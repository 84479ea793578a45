//! Baselines: `emplan check --write-baseline FILE` records every finding of a run, and
//! `--baseline FILE` leaves out the findings recorded there, so that a repository adopting
//! emplan sees only what a change makes new.
//!
//! A finding is matched by its rule, its file (relative to the repository's root) and a
//! fingerprint of the text it points at (the line, trimmed, and the marked part of it), never by
//! its line number: moving unrelated lines keeps every finding matched. Identical findings are
//! counted, so a second copy of one recorded finding is new.

use std::collections::HashMap;
use std::path::Path;

use crate::foundation::i18n::Lang;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::model::Repository;

use super::Diagnostic;

/// The key a finding is matched by: rule code, file and fingerprint.
type Key = (String, String, String);

/// `cwd`: the working directory, which the paths shown are relative to.
fn key(repo: &Repository, cwd: &Path, d: &Diagnostic) -> Key {
    let file = repo.sources.get(d.loc.file);
    let (start, end) = (d.loc.span.start as usize, d.loc.span.end as usize);
    let line = file.line_range(file.line_index(start));
    let text = |r: std::ops::Range<usize>| file.text.get(r).unwrap_or_default();
    let mut hash = Sha256::new();
    hash.update(d.rule.code);
    hash.update([0]);
    hash.update(text(line).trim());
    hash.update([0]);
    hash.update(text(start..end.max(start)));
    hash.update([0]);
    hash.update(&d.message);
    let print: String = hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (
        d.rule.code.to_owned(),
        relative(repo, cwd, &file.path),
        print,
    )
}

/// A source's path relative to the repository's root, with `/`, whichever folder emplan runs
/// in: a file shown as `zx-flood.md` in `plans/` is `plans/zx-flood.md`.
fn relative(repo: &Repository, cwd: &Path, shown: &str) -> String {
    let path = cwd.join(shown);
    let path = path
        .strip_prefix(cwd.join(&repo.root))
        .unwrap_or(Path::new(shown));
    path.to_string_lossy().replace('\\', "/")
}

/// The baseline file for these findings: JSON, one entry per finding, in the findings' order.
pub fn write(repo: &Repository, diagnostics: &[Diagnostic]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let findings: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let (rule, file, fingerprint) = key(repo, &cwd, d);
            json!({"rule": rule, "file": file, "fingerprint": fingerprint, "message": d.message})
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({
        "emplan_baseline": 1,
        "findings": findings,
    }))
    .unwrap_or_default();
    text.push('\n');
    text
}

/// The recorded findings of a baseline file, or what is wrong with it.
pub fn read(text: &str) -> Result<HashMap<Key, usize>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if value["emplan_baseline"] != 1 {
        return Err("not an emplan baseline (version 1)".to_owned());
    }
    let mut counts = HashMap::new();
    for entry in value["findings"].as_array().into_iter().flatten() {
        let field = |name: &str| entry[name].as_str().map(str::to_owned);
        let (Some(rule), Some(file), Some(print)) =
            (field("rule"), field("file"), field("fingerprint"))
        else {
            return Err(format!(
                "an entry lacks its rule, file or fingerprint: {entry}"
            ));
        };
        *counts.entry((rule, file, print)).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Takes the findings the baseline records out of `diagnostics`; returns how many.
pub fn filter(
    repo: &Repository,
    diagnostics: &mut Vec<Diagnostic>,
    mut baseline: HashMap<Key, usize>,
) -> usize {
    let before = diagnostics.len();
    let cwd = std::env::current_dir().unwrap_or_default();
    diagnostics.retain(|d| match baseline.get_mut(&key(repo, &cwd, d)) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    });
    before - diagnostics.len()
}

/// Takes the findings recorded in the baseline file `path` out of `diagnostics`; returns how
/// many, or why the file cannot be used.
pub fn apply(
    repo: &Repository,
    diagnostics: &mut Vec<Diagnostic>,
    path: &Path,
    lang: Lang,
) -> Result<usize, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| crate::load::message::cannot_read(path, &e.to_string(), lang))?;
    let recorded = read(&text).map_err(|why| {
        let shown = path.display();
        crate::tr!(
            lang,
            "{shown} is not a baseline emplan can read: {why}; write one with --write-baseline",
            "{shown} 不是可读取的基线文件：{why}；请用 --write-baseline 生成"
        )
    })?;
    Ok(filter(repo, diagnostics, recorded))
}
