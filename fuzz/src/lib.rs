//! What the fuzz targets share: the sample repository in memory, and a run of `check` through
//! every output format.

use std::path::Path;

use emplan::foundation::i18n::Lang;
use emplan::model::Repository;
use emplan::model::index::Index;
use emplan::report::{self, Summary};

/// The sample plan system (`plans/`), each file as (path below `plans/`, bytes), in a stable
/// order.
pub fn sample() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../plans");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the sample is readable") {
            let path = entry.expect("the sample is readable").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// Runs every rule on `repo` and writes the findings in every format, in both languages: none
/// of it may panic, and the machine formats must be valid JSON and XML-safe text.
pub fn check_and_report(repo: &Repository) {
    for lang in [Lang::En, Lang::Zh] {
        let diagnostics = emplan::check::check(&Index::new(&repo), lang);
        let summary = Summary::new(repo, &diagnostics);
        let mut human = termcolor::NoColor::new(Vec::new());
        report::human::write(&mut human, &repo.sources, &diagnostics, &summary, lang)
            .expect("writing to memory");
        let human = String::from_utf8(human.into_inner()).expect("the report is UTF-8");
        // Nothing a file holds reaches the terminal raw.
        assert!(
            !human.chars().any(|c| report::escape::acts(c) && c != '\n'),
            "a control character reached the human report"
        );
        let mut github = Vec::new();
        report::github::write(&mut github, &repo.sources, &diagnostics, &summary, lang)
            .expect("writing to memory");
        let mut junit = Vec::new();
        report::junit::write(&mut junit, &repo.sources, &diagnostics, &summary, lang)
            .expect("writing to memory");
        let json = report::json::to_value(&repo.sources, &diagnostics, &summary);
        serde_json::to_string(&json).expect("the JSON report serialises");
        let sarif = report::sarif::to_value(&repo.sources, &diagnostics, &[], lang);
        serde_json::to_string(&sarif).expect("the SARIF log serialises");
    }
}
