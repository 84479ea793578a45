//! `emplan check`: load, run every rule, report.

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use std::io::Write;

use std::path::Path;

use crate::check::suppress::Suppressed;
use crate::check::{self, Diagnostic, scope};
use crate::foundation::i18n::Lang;
use crate::load;
use crate::load::message::no_plans;
use crate::model::Repository;
use crate::model::index::Index;
use crate::report::{self, Format, Scope, Summary};
use crate::tr;

use super::args::{CheckArgs, Color};
use super::{EXIT_FINDINGS, EXIT_OK, load_repository};

pub fn run(args: &CheckArgs, lang: Lang) -> Result<i32, String> {
    let target = scope::target(&args.paths, args.root.as_deref(), lang)?;
    let mut repo = load_repository(&target.root, lang)?;
    let (found_by, named) = match target.scope {
        Some((found_by, named)) => (Some(found_by), named),
        None => (None, Vec::new()),
    };
    // A path in the repository that holds nothing emplan reads (a FIFO, a notes file, an empty
    // folder) is a wrong path, not a clean pass.
    let in_scope = match named.as_slice() {
        [] => Vec::new(),
        named => scope::reported(&repo, named)
            .map_err(|empty| no_plans(&load::display_path(empty), lang))?,
    };
    if let Some(today) = args.today {
        repo.config.as_of = Some(today);
    }
    let checked = check::run(&Index::new(&repo), lang, check::FAMILIES);
    let (mut diagnostics, mut suppressed) = (checked.diagnostics, checked.suppressed);
    if let Some(path) = &args.write_baseline {
        write_baseline(&repo, &diagnostics, path, lang)?;
        return Ok(EXIT_OK);
    }
    let baselined = match &args.baseline {
        Some(path) => check::baseline::apply(&repo, &mut diagnostics, path, lang)?,
        None => 0,
    };
    let scope = found_by.map(|found_by| {
        scope::keep(&in_scope, &mut diagnostics, &mut suppressed);
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
        summary.omitted = scope::cap(&mut diagnostics, args.max_per_rule);
    }
    let written = write_report(args, &repo, &diagnostics, &suppressed, &summary, lang);
    // Freeing a province's plans (millions of small strings) takes a noticeable part of a run;
    // the process is about to exit, so let another thread do it instead of the one that reports.
    std::thread::spawn(move || drop(repo));
    super::stdout_written(written, lang)?;
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

/// `--write-baseline`: every finding into the baseline file.
fn write_baseline(
    repo: &Repository,
    diagnostics: &[Diagnostic],
    path: &Path,
    lang: Lang,
) -> Result<(), String> {
    let count = diagnostics.len();
    super::write_atomic(
        path,
        check::baseline::write(repo, diagnostics).as_bytes(),
        super::May::NotTouch(repo),
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
    Ok(())
}

/// The findings in the format asked for, on standard output.
fn write_report(
    args: &CheckArgs,
    repo: &Repository,
    diagnostics: &[Diagnostic],
    suppressed: &[Suppressed],
    summary: &Summary,
    lang: Lang,
) -> std::io::Result<()> {
    match args.format {
        Format::Human => {
            let choice = match args.color {
                Color::Always => ColorChoice::Always,
                Color::Never => ColorChoice::Never,
                Color::Auto => report::human::color_choice(false, false),
            };
            let mut out = StandardStream::stdout(choice);
            report::human::write(&mut out, &repo.sources, diagnostics, summary, lang)
        }
        Format::Github => {
            let mut out = std::io::stdout().lock();
            report::github::write(&mut out, &repo.sources, diagnostics, summary, lang)
        }
        Format::Json => write_json(&report::json::to_value(&repo.sources, diagnostics, summary)),
        Format::Junit => {
            let mut out = std::io::stdout().lock();
            report::junit::write(&mut out, &repo.sources, diagnostics, summary, lang)
        }
        Format::Sarif => write_json(&report::sarif::to_value(
            &repo.sources,
            diagnostics,
            suppressed,
            lang,
        )),
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
