//! The bundled sample `plans/`: clean, at the seed district's real shape, and a good test bed
//! for the acceptance scenarios (a deleted plan, a near-miss id, a GBK file).

mod common;

use std::path::Path;

use common::{check_files, read_tree};
use emplan::check::Diagnostic;
use emplan::load;
use emplan::model::index::Index;
use emplan::model::{PlanKind, PlanScope, Repository, Span};

fn sample() -> Vec<(String, Vec<u8>)> {
    read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"))
}

fn position(files: &[(String, Vec<u8>)], file: &str, span: Span) -> (usize, usize) {
    let text = &files.iter().find(|(p, _)| p == file).unwrap().1;
    let before = &text[..span.start as usize];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&text[line_start..span.start as usize])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn at(repo: &Repository, d: &Diagnostic) -> (String, Span) {
    (repo.sources.get(d.loc.file).path.clone(), d.loc.span)
}

#[test]
fn the_sample_checks_clean_at_the_real_shape() {
    let files = sample();
    let repo = load::load_files(&files);
    let diagnostics = emplan::check::check(&Index::new(&repo), emplan::foundation::i18n::Lang::En);
    assert!(
        diagnostics.is_empty(),
        "{:#?}",
        &diagnostics[..diagnostics.len().min(5)]
    );
    let count = |kind| repo.plans.iter().filter(|p| *p.meta.kind == kind).count();
    assert!(repo.plans.len() >= 100, "{} plans", repo.plans.len());
    assert_eq!(count(PlanKind::Overall), 1);
    assert_eq!(count(PlanKind::Specialised), 24);
    assert!(count(PlanKind::Departmental) >= 40);
    // Every township has its overall plan; 宝轮镇 has its flood evacuation plan beside it.
    let township = |scope| {
        let plans = repo
            .plans
            .iter()
            .filter(|p| *p.meta.kind == PlanKind::Township);
        plans
            .filter(|p| p.meta.scope.as_ref().map(|s| s.value).unwrap_or_default() == scope)
            .count()
    };
    assert_eq!(township(PlanScope::Comprehensive), 17);
    assert_eq!(township(PlanScope::Hazard), 1);
    assert!(count(PlanKind::Village) >= 10);
    assert!(count(PlanKind::Enterprise) >= 5);
    assert!(count(PlanKind::Site) >= 5);
}

#[test]
fn deleting_any_departmental_plan_is_reported_where_its_duties_are_assigned() {
    let files = sample();
    let repo = load::load_files(&files);
    let sources = &repo.sources;
    for plan in repo
        .plans
        .iter()
        .filter(|p| *p.meta.kind == PlanKind::Departmental)
    {
        let owner = plan.meta.owner.as_str();
        let path = &repo.sources.get(plan.file).path;
        // Where the organisation's duties are assigned that only this plan took up.
        let accepted_elsewhere = |assigner: &str, duty: &str| {
            repo.plans.iter().any(|other| {
                other.file != plan.file
                    && other.meta.owner.as_str() == owner
                    && other
                        .meta
                        .accepts
                        .iter()
                        .any(|a| a.plan.as_str() == assigner && a.duty.as_str() == duty)
            })
        };
        let mut expected: Vec<(String, Span)> = repo
            .plans
            .iter()
            .filter(|p| p.meta.owner.as_str() != owner)
            .flat_map(|p| {
                p.meta
                    .duties
                    .iter()
                    .filter(|d| d.org.as_str() == owner)
                    .filter(|d| !accepted_elsewhere(p.meta.id.as_str(), d.id.as_str()))
                    .map(move |d| (sources.get(p.file).path.clone(), d.org.span))
            })
            .collect();
        let remaining: Vec<_> = files.iter().filter(|(p, _)| p != path).cloned().collect();
        let after = load::load_files(&remaining);
        let diagnostics =
            emplan::check::check(&Index::new(&after), emplan::foundation::i18n::Lang::En);
        let mut linkage: Vec<(String, Span)> = diagnostics
            .iter()
            .filter(|d| d.rule.code.starts_with('L'))
            .map(|d| at(&after, d))
            .collect();
        assert!(!linkage.is_empty(), "deleting {path} went unnoticed");
        expected.sort();
        linkage.sort();
        for place in &expected {
            assert!(
                linkage.contains(place),
                "deleting {path}: nothing reported at {place:?}"
            );
        }
    }
}

/// Replaces the id at `span` of `file` with a near miss (its last character dropped).
fn near_miss(
    files: &[(String, Vec<u8>)],
    file: &str,
    span: Span,
) -> (Vec<(String, Vec<u8>)>, String) {
    let mut files = files.to_vec();
    let entry = files.iter_mut().find(|(p, _)| p == file).unwrap();
    let id = String::from_utf8(entry.1[span.range()].to_vec()).unwrap();
    let mut miss = id.clone();
    miss.pop();
    entry.1.splice(span.range(), miss.bytes());
    (files, id)
}

#[test]
fn a_near_miss_id_is_reported_at_the_token_with_the_right_suggestion() {
    let files = sample();
    let repo = load::load_files(&files);
    let mut tried = 0;
    for (i, plan) in repo.plans.iter().enumerate().filter(|(i, _)| i % 7 == 0) {
        let path = repo.sources.get(plan.file).path.clone();
        let mut targets = vec![("R102", plan.meta.owner.span)];
        if let Some(parent) = plan.meta.parents.get(i % plan.meta.parents.len().max(1)) {
            targets.push(("R101", parent.span));
        }
        for (code, span) in targets {
            let (mutated, id) = near_miss(&files, &path, span);
            let diagnostics = check_files(&mutated);
            let expected = position(&files, &path, span);
            let found = diagnostics
                .iter()
                .find(|d| d.rule.code == code && position(&mutated, &path, d.loc.span) == expected);
            let found =
                found.unwrap_or_else(|| panic!("{path}: no {code} at {expected:?} for `{id}`"));
            assert!(
                found.help.iter().any(|h| h.contains(&format!("`{id}`"))),
                "{path}: help {:?} does not suggest `{id}`",
                found.help
            );
            tried += 1;
        }
    }
    assert!(tried >= 20, "only {tried} near misses tried");
}

#[test]
fn a_plan_saved_as_gbk_is_named_and_read_in_gbk() {
    let mut files = sample();
    let total = load::load_files(&files).plans.len();
    let index = files.iter().position(|(p, _)| p.ends_with(".md")).unwrap();
    let text = String::from_utf8(files[index].1.clone()).unwrap();
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    files[index].1 = bytes.into_owned();
    let repo = load::load_files(&files);
    let diagnostics = emplan::check::check(&Index::new(&repo), emplan::foundation::i18n::Lang::En);
    // The one finding is the encoding: the plan is read in GBK, so nothing it defines or
    // accepts is reported missing elsewhere.
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0].rule.code, "S102");
    assert_eq!(
        repo.sources.get(diagnostics[0].loc.file).path,
        files[index].0
    );
    assert!(diagnostics[0].message.contains("GBK"));
    assert_eq!(repo.plans.len(), total, "every plan is read");
}
