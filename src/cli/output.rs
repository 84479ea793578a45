//! What the verbs share for writing: standard output, files written whole, the progress bar, and
//! a rendered book reported on the terminal and written.

use std::io::Write;
use std::path::Path;

use crate::check::{Diagnostic, Severity};
use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::Repository;
use crate::render::{self, Book, Fonts};
use crate::tr;

use super::write::{May, write_atomic};

use super::args::RenderArgs;
use super::{EXIT_FINDINGS, EXIT_OK};

/// Writes a verb's answer to standard output. A closed pipe (`emplan graph | head`) is not a
/// failure.
pub(super) fn print(text: &str, lang: Lang) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    stdout_written(
        out.write_all(text.as_bytes()).and_then(|()| out.flush()),
        lang,
    )
}

/// What writing to standard output came to: a closed pipe is not a failure, anything else (a
/// full disk) is, with a message.
pub(super) fn stdout_written(written: std::io::Result<()>, lang: Lang) -> Result<(), String> {
    match written {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(crate::tr!(
            lang,
            "cannot write to standard output: {error}",
            "无法写入标准输出：{error}"
        )),
        _ => Ok(()),
    }
}

/// One book, reported on the terminal, to `output`: the exit code it earns.
pub(super) fn render_one(
    repo: &Repository,
    fonts: &Fonts,
    book: &Book,
    findings: &[Diagnostic],
    args: &RenderArgs,
    output: &Path,
    lang: Lang,
) -> Result<i32, String> {
    render_and_write(repo, fonts, book, findings, args, output, true, lang)
        .map(|outcome| outcome.exit_code())
}

/// A progress bar (with `length`) or spinner on a terminal; hidden when standard error is not
/// one, so logs and pipes get only the result lines.
fn progress(length: Option<u64>, message: String) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = match length {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    let bar = bar.with_message(message);
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar
}

/// What became of one book.
pub(super) enum Outcome {
    Written {
        pages: usize,
    },
    /// `--strict`, and the book's plans have errors.
    Refused,
}

impl Outcome {
    pub(super) fn exit_code(&self) -> i32 {
        match self {
            Outcome::Written { .. } => EXIT_OK,
            Outcome::Refused => EXIT_FINDINGS,
        }
    }
}

/// Renders `book` and writes the PDF; with `report`, first lists on the terminal what check
/// found in its plans, and after it what was written.
#[allow(clippy::too_many_arguments)]
pub(super) fn render_and_write(
    repo: &Repository,
    fonts: &Fonts,
    book: &Book,
    findings: &[Diagnostic],
    args: &RenderArgs,
    output: &Path,
    report: bool,
    lang: Lang,
) -> Result<Outcome, String> {
    let ids: Vec<&str> = book.plans.iter().map(String::as_str).collect();
    let touching: Vec<&Diagnostic> = render::findings_in(repo, &ids, findings).collect();
    let errors = touching
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if report && !touching.is_empty() {
        list_findings(repo, &touching, errors, lang);
    }
    if args.strict && errors > 0 {
        let name = &book.name;
        eprintln!(
            "{}",
            tr!(
                lang,
                "--strict: {name} not rendered, because the plans of this book have errors",
                "--strict：本书涉及的预案有错误，{name} 未生成"
            )
        );
        return Ok(Outcome::Refused);
    }
    // The whole system takes seconds: a spinner says it is working.
    let parts = book.plans.len();
    let spinner = (report && parts > 1).then(|| {
        progress(
            None,
            tr!(lang, "laying out {parts} plans", "正在排版 {parts} 个预案"),
        )
    });
    let pdf = render::render(fonts, &repo.root, book);
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    let pdf = pdf.map_err(|e| render::message::explain(repo, book, &e, lang))?;
    write_atomic(output, &pdf.bytes, May::NotTouch(repo), lang)?;
    if report {
        let shown = crate::load::display_path(output);
        let pages = pdf.pages;
        eprintln!(
            "{}",
            tr!(
                lang,
                "wrote {shown} ({pages} pages)",
                "已写入 {shown}（{pages} 页）"
            )
        );
    }
    Ok(Outcome::Written { pages: pdf.pages })
}

/// What check found in the plans of a book, on the terminal: the first 20 findings.
fn list_findings(repo: &Repository, touching: &[&Diagnostic], errors: usize, lang: Lang) {
    let count = touching.len();
    eprintln!(
        "{}",
        tr!(
            lang,
            "{count} findings in the plans of this book ({errors} errors), also listed on its last page:",
            "本书涉及的预案有 {count} 个问题（其中错误 {errors} 个），也列在本书最后一页："
        )
    );
    for d in touching.iter().take(20) {
        let place = repo.sources.place(d.loc);
        eprintln!(
            "  {}[{}] {}:{}:{}: {}",
            d.severity.key(),
            d.rule.code,
            escape(place.path),
            place.line,
            place.column,
            escape(&d.message)
        );
    }
    if count > 20 {
        eprintln!("  … `emplan check`");
    }
}
