//! What a run of `emplan check` reports on: the repository root and the files named on the
//! command line (`emplan check PATHS [--root DIR]`), the findings in them, and at most so many
//! findings of each rule.

use std::path::{Path, PathBuf};

use crate::foundation::diagnostic::Diagnostic;
use crate::foundation::i18n::Lang;
use crate::load::message::cannot_read;
use crate::load::root::{self, FoundBy};
use crate::model::Repository;
use crate::tr;

/// What a run loads, and which of its files it reports on.
pub struct Target {
    pub root: PathBuf,
    /// How the root was found and the files and folders reported on, when not all of them.
    pub scope: Option<(FoundBy, Vec<PathBuf>)>,
}

/// The repository root and the scope of `emplan check PATHS [--root DIR]`. A single folder is
/// the repository itself, unless a folder above it holds an `emplan.toml`; files, or several
/// paths, are checked in the repository they belong to.
pub fn target(paths: &[PathBuf], root: Option<&Path>, lang: Lang) -> Result<Target, String> {
    let canonical = |path: &Path| {
        path.canonicalize()
            .map_err(|e| cannot_read(path, &e.to_string(), lang))
    };
    let named = paths
        .iter()
        .map(|p| canonical(p))
        .collect::<Result<Vec<PathBuf>, String>>()?;
    let (root, found_by) = match root {
        Some(root) => (canonical(root)?, FoundBy::Flag),
        None => {
            if let [dir] = named.as_slice()
                && dir.is_dir()
            {
                match root::marked_root(dir) {
                    Some(marked) if &marked != dir => (marked, FoundBy::Marker),
                    // The folder is the repository.
                    _ => {
                        return Ok(Target {
                            root: paths[0].clone(),
                            scope: None,
                        });
                    }
                }
            } else {
                let first = &named[0];
                let start = if first.is_dir() {
                    first.as_path()
                } else {
                    first.parent().unwrap_or(first)
                };
                root::find_root(start).ok_or_else(|| {
                    let (path, marker) = (paths[0].display(), root::MARKER);
                    tr!(
                        lang,
                        "no repository root above {path}: add an {marker} at the repository's root, or give --root",
                        "{path} 之上找不到仓库根目录：请在仓库根目录放置 {marker}，或使用 --root 指定"
                    )
                })?
            }
        }
    };
    if named.iter().all(|p| p == &root) {
        return Ok(Target { root, scope: None });
    }
    if let Some((path, _)) = paths
        .iter()
        .zip(&named)
        .find(|(_, p)| !p.starts_with(&root))
    {
        let (path, root) = (path.display(), root.display());
        return Err(tr!(
            lang,
            "{path} is not inside the repository at {root}",
            "{path} 不在仓库 {root} 之内"
        ));
    }
    Ok(Target {
        root,
        scope: Some((found_by, named)),
    })
}

/// For each file of the repository, whether it lies at or below one of `named`, compared as
/// paths (`emplan check .` in a folder of the repository names the files shown there as
/// `zx-flood.md`); or the first of `named` that holds no file.
pub fn reported<'a>(repo: &Repository, named: &'a [PathBuf]) -> Result<Vec<bool>, &'a PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut holds_files = vec![false; named.len()];
    let in_scope = repo
        .sources
        .files
        .iter()
        .map(|f| {
            let path = cwd.join(&f.path);
            let mut any = false;
            for (holds, named) in holds_files.iter_mut().zip(named) {
                if path.starts_with(named) {
                    (*holds, any) = (true, true);
                }
            }
            any
        })
        .collect();
    match holds_files.iter().position(|holds| !holds) {
        Some(empty) => Err(&named[empty]),
        None => Ok(in_scope),
    }
}

/// Keeps the findings, and the suppressed ones, located in the files a run reports on.
pub fn keep(
    in_scope: &[bool],
    diagnostics: &mut Vec<Diagnostic>,
    suppressed: &mut Vec<super::suppress::Suppressed>,
) {
    diagnostics.retain(|d| in_scope[d.loc.file]);
    suppressed.retain(|s| in_scope[s.diagnostic.loc.file]);
}

/// Keeps the first `per_rule` findings of each rule, in order, and says how many of each it
/// left out: a mistake repeated 100,000 times must not bury the others in the log.
pub fn cap(diagnostics: &mut Vec<Diagnostic>, per_rule: usize) -> Vec<(&'static str, usize)> {
    let mut seen: std::collections::BTreeMap<&'static str, usize> =
        std::collections::BTreeMap::new();
    diagnostics.retain(|d| {
        let n = seen.entry(d.rule.code).or_default();
        *n += 1;
        *n <= per_rule
    });
    seen.into_iter()
        .filter(|(_, n)| *n > per_rule)
        .map(|(code, n)| (code, n - per_rule))
        .collect()
}
