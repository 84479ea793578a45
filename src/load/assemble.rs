//! Assembling the [`Repository`]: each file's result under its file id, the configuration, and
//! plans whose id an earlier plan has set aside.

use super::config;
use super::read::FileResult;
use crate::foundation::problem::{Problem, ProblemKind};
use crate::model::{Entry, FileId, Loc, Plan, Repository, SourceFile, UnreadPlan};

/// Adds the configuration and its file, whose mistakes are findings like any other.
pub(super) fn add_config(repo: &mut Repository, source: SourceFile, read: config::Read) {
    let file = repo.sources.files.len();
    repo.problems
        .extend(read.problems.into_iter().map(|(span, message)| Problem {
            loc: Loc { file, span },
            kind: ProblemKind::Config { message },
        }));
    repo.config = read.config;
    repo.config_file = Some(file);
    repo.sources.files.push(source);
}

/// Moves each plan whose id an earlier plan already has to [`Repository::duplicate_plans`].
pub(super) fn set_aside_duplicates(repo: &mut Repository) {
    let mut seen = std::collections::HashSet::with_capacity(repo.plans.len());
    let has_duplicates = repo
        .plans
        .iter()
        .any(|p| !seen.insert(p.meta.id.as_str().to_owned()));
    if !has_duplicates {
        return;
    }
    seen.clear();
    let (plans, duplicates) = std::mem::take(&mut repo.plans)
        .into_iter()
        .partition(|p| seen.insert(p.meta.id.as_str().to_owned()));
    repo.plans = plans;
    repo.duplicate_plans = duplicates;
}

pub(super) fn add(repo: &mut Repository, file: FileId, result: FileResult) {
    repo.problems
        .extend(result.problems.into_iter().map(|(span, kind)| Problem {
            loc: Loc { file, span },
            kind,
        }));
    repo.broken_ids.extend(result.broken_ids);
    repo.broken_owners.extend(result.broken_owner);
    if let Some((meta, body, complete)) = result.plan {
        repo.plans.push(Plan {
            file,
            meta,
            body,
            complete,
        });
    }
    if let Some((kind, body)) = result.unread {
        repo.unread_plans.push(UnreadPlan { file, kind, body });
    }
    if let Some(registry) = result.registry {
        repo.registry.extend(file, registry);
    }
    if let Some(drill) = result.drill {
        repo.drills.push(Entry { file, value: drill });
    }
    if let Some(record) = result.record {
        repo.records.push(Entry {
            file,
            value: record,
        });
    }
    repo.sources.files.push(result.source);
}
