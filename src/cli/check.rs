//! `emplan check`: load, run every rule, report.

use std::io::Write;
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::check;
use crate::foundation::i18n::Lang;
use crate::load;
use crate::load::root::{self, FoundBy};
use crate::model::Repository;
use crate::report::{self, Format, Scope, Summary};
use crate::tr;

use super::args::{CheckArgs, Color};
use super::{EXIT_FINDINGS, EXIT_OK, cannot_read, load_repository};

pub fn run(args: &CheckArgs, lang: Lang) -> Result<i32, String> {
    let target = target(args, lang)?;
    let mut repo = load_repository(&target.root, lang)?;
    let (found_by, named) = match target.scope {
        Some((found_by, named)) => (Some(found_by), named),
        None => (None, Vec::new()),
    };
    // A path in the repository that holds nothing emplan reads (a FIFO, a notes file, an empty
    // folder) is a wrong path, not a clean pass.
    let in_scope = match named.as_slice() {
        [] => Vec::new(),
        named => reported(&repo, named)
            .map_err(|empty| super::no_plans(&load::display_path(empty), lang))?,
    };
    if let Some(today) = args.today {
        repo.config.as_of = Some(today);
    }
    let checked = check::run(
        &crate::model::index::Index::new(&repo),
        lang,
        check::FAMILIES,
    );
    let (mut diagnostics, mut suppressed) = (checked.diagnostics, checked.suppressed);
    if let Some(path) = &args.write_baseline {
        let count = diagnostics.len();
        super::write_atomic(
            path,
            check::baseline::write(&repo, &diagnostics).as_bytes(),
            lang,
        )?;
        let shown = load::display_path(path);
        eprintln!(
            "{}",
            tr!(
                lang,
                "wrote {count} finding(s) into the baseline {shown}; `emplan check --baseline {shown}` reports only new ones",
                "已将 {count} 个问题写入基线 {shown}；`emplan check --baseline {shown}` 只报告新问题"
            )
        );
        return Ok(EXIT_OK);
    }
    let baselined = match &args.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| cannot_read(path, &e.to_string(), lang))?;
            let recorded = check::baseline::read(&text).map_err(|why| {
                let shown = path.display();
                tr!(
                    lang,
                    "{shown} is not a baseline emplan can read: {why}; write one with --write-baseline",
                    "{shown} 不是可读取的基线文件：{why}；请用 --write-baseline 生成"
                )
            })?;
            check::baseline::filter(&repo, &mut diagnostics, recorded)
        }
        None => 0,
    };
    let scope = found_by.map(|found_by| {
        diagnostics.retain(|d| in_scope[d.loc.file]);
        suppressed.retain(|s| in_scope[s.diagnostic.loc.file]);
        Scope {
            root: load::display_path(&target.root),
            found_by,
            files: in_scope.iter().filter(|&&i| i).count(),
            paths: named.iter().map(|p| load::display_path(p)).collect(),
        }
    });
    let mut summary = Summary::new(&repo, &diagnostics);
    summary.scope = scope;
    summary.suppressed = suppressed.len();
    summary.baselined = baselined;
    // Whether the run fails is decided on every finding, shown or not.
    let failed = diagnostics.iter().any(|d| args.fail_on.fails(d.severity));
    if args.max_per_rule > 0 {
        summary.omitted = report::cap(&mut diagnostics, args.max_per_rule);
    }
    let written = match args.format {
        Format::Human => {
            let choice = match args.color {
                Color::Always => ColorChoice::Always,
                Color::Never => ColorChoice::Never,
                Color::Auto => report::human::color_choice(false, false),
            };
            let mut out = StandardStream::stdout(choice);
            report::human::write(&mut out, &repo.sources, &diagnostics, &summary, lang)
        }
        Format::Github => {
            let mut out = std::io::stdout().lock();
            report::github::write(&mut out, &repo.sources, &diagnostics, &summary, lang)
        }
        Format::Json => write_json(&report::json::to_value(
            &repo.sources,
            &diagnostics,
            &summary,
        )),
        Format::Junit => {
            let mut out = std::io::stdout().lock();
            report::junit::write(&mut out, &repo.sources, &diagnostics, &summary, lang)
        }
        Format::Sarif => write_json(&report::sarif::to_value(
            &repo.sources,
            &diagnostics,
            &suppressed,
            lang,
        )),
    };
    // Freeing a province's plans (millions of small strings) takes a noticeable part of a run;
    // the process is about to exit, so let another thread do it instead of the one that reports.
    std::thread::spawn(move || drop(repo));
    super::stdout_written(written, lang)?;
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

/// What a run loads, and which of its files it reports on.
struct Target {
    root: PathBuf,
    /// How the root was found and the files and folders reported on, when not all of them.
    scope: Option<(FoundBy, Vec<PathBuf>)>,
}

/// The repository root and the scope of `emplan check PATHS [--root DIR]`. A single folder is
/// the repository itself, unless a folder above it holds an `emplan.toml`; files, or several
/// paths, are checked in the repository they belong to.
fn target(args: &CheckArgs, lang: Lang) -> Result<Target, String> {
    let canonical = |path: &Path| {
        path.canonicalize()
            .map_err(|e| cannot_read(path, &e.to_string(), lang))
    };
    let named = args
        .paths
        .iter()
        .map(|p| canonical(p))
        .collect::<Result<Vec<PathBuf>, String>>()?;
    let (root, found_by) = match &args.root {
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
                            root: args.paths[0].clone(),
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
                    let (path, marker) = (args.paths[0].display(), root::MARKER);
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
    if let Some((path, _)) = args
        .paths
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
fn reported<'a>(repo: &Repository, named: &'a [PathBuf]) -> Result<Vec<bool>, &'a PathBuf> {
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

fn write_json(value: &serde_json::Value) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(|e| match e.io_error_kind() {
            Some(kind) => std::io::Error::from(kind),
            None => std::io::Error::other(e),
        })
        .and_then(|()| writeln!(out))
}
