//! `emplan handbook`: a plan's handbook, an organisation's book, or the whole plan system, as
//! PDF.

use std::path::Path;

use crate::check::{self, Diagnostic, Severity};
use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::Repository;
use crate::render::handbook::{self, Subject, Unknown};
use crate::render::{self, Book, FontOptions, Fonts, RenderError};
use crate::tr;

use super::args::{HandbookArgs, RenderArgs};
use super::{EXIT_FINDINGS, EXIT_OK, load_repository, write_atomic};

pub fn run(args: &HandbookArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let findings = check::check(&crate::model::index::Index::new(&repo), Lang::Zh);
    let fonts = Fonts::new(&font_options(&args.render));
    if args.each {
        return each(&repo, &fonts, &findings, args, lang);
    }
    let subject = match (&args.plan, &args.org) {
        (Some(id), _) => Subject::Plan(id.clone()),
        (None, Some(id)) => Subject::Org(id.clone()),
        (None, None) => Subject::All,
    };
    let book = handbook::book(&repo, &subject, &findings).map_err(|u| unknown(&u, lang))?;
    render_one(
        &repo,
        &fonts,
        &book,
        &findings,
        &args.render,
        &args.output,
        lang,
    )
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
pub(super) fn progress(length: Option<u64>, message: String) -> indicatif::ProgressBar {
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

/// `--each`: every plan's handbook into the folder `-o`, rendered in parallel. Every book is
/// tried; the run fails when one of them fails.
fn each(
    repo: &Repository,
    fonts: &Fonts,
    findings: &[Diagnostic],
    args: &HandbookArgs,
    lang: Lang,
) -> Result<i32, String> {
    use rayon::prelude::*;
    let dir = &args.output;
    if !dir.is_dir() {
        let shown = crate::load::display_path(dir);
        return Err(tr!(
            lang,
            "-o {shown}: with --each, -o is the folder to write into, and it does not exist",
            "-o {shown}：配合 --each 时 -o 为写入的目录，该目录不存在"
        ));
    }
    let mut ids: Vec<&str> = repo.plans.iter().map(|p| p.meta.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let results: Vec<Result<Outcome, String>> = ids
        .par_iter()
        .map(|id| {
            let subject = Subject::Plan((*id).to_owned());
            let book = handbook::book(repo, &subject, findings).map_err(|u| unknown(&u, lang))?;
            let output = dir.join(format!("{id}.pdf"));
            render_and_write(
                repo,
                fonts,
                &book,
                findings,
                &args.render,
                &output,
                false,
                lang,
            )
        })
        .collect();
    let (mut code, mut books, mut pages) = (EXIT_OK, 0, 0);
    for result in results {
        match result {
            Ok(Outcome::Written { pages: n }) => (books, pages) = (books + 1, pages + n),
            Ok(refused) => code = code.max(refused.exit_code()),
            Err(message) => {
                eprintln!("emplan: {message}");
                code = code.max(super::EXIT_USAGE);
            }
        }
    }
    let shown = crate::load::display_path(dir);
    eprintln!(
        "{}",
        tr!(
            lang,
            "wrote {books} handbooks ({pages} pages) into {shown}",
            "已将 {books} 本工作手册（共 {pages} 页）写入 {shown}"
        )
    );
    Ok(code)
}

pub(super) fn font_options(args: &RenderArgs) -> FontOptions {
    FontOptions {
        paths: args.font_path.clone(),
        no_system: args.no_system_fonts,
    }
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
    fn exit_code(&self) -> i32 {
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
    let pdf = pdf.map_err(|e| explain(repo, book, &e, lang))?;
    write_atomic(output, &pdf.bytes, lang)?;
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

fn unknown(unknown: &Unknown, lang: Lang) -> String {
    match unknown {
        Unknown::Plan(id, Some(near)) => tr!(
            lang,
            "--plan: no plan `{id}`; did you mean `{near}`?",
            "--plan：没有编号为 `{id}` 的预案；是否应为 `{near}`？"
        ),
        Unknown::Plan(id, None) => tr!(
            lang,
            "--plan: no plan `{id}` (`emplan graph --view plans` lists them)",
            "--plan：没有编号为 `{id}` 的预案（`emplan graph --view plans` 可列出全部）"
        ),
        Unknown::Org(id, Some(near)) => tr!(
            lang,
            "--org: no organisation `{id}`; did you mean `{near}`?",
            "--org：没有编号为 `{id}` 的单位；是否应为 `{near}`？"
        ),
        Unknown::Org(id, None) => tr!(
            lang,
            "--org: no organisation `{id}` in the registry",
            "--org：登记册中没有编号为 `{id}` 的单位"
        ),
    }
}

/// Why the book was not made, for the terminal.
pub(super) fn explain(repo: &Repository, book: &Book, error: &RenderError, lang: Lang) -> String {
    match error {
        RenderError::Typst(messages) => {
            let name = &book.name;
            let mut text = tr!(
                lang,
                "Typst could not lay out {name} (a template in templates/ is wrong):",
                "Typst 无法排版 {name}（templates/ 中的模板有误）："
            );
            for m in messages {
                text.push_str("\n  ");
                text.push_str(&escape(m));
            }
            text
        }
        RenderError::MissingGlyphs(missing) => {
            let mut text = String::new();
            for m in missing {
                let c = m.character;
                let code = format!("U+{:04X}", c as u32);
                let plans: Vec<&str> = repo
                    .plans
                    .iter()
                    .filter(|p| book.plans.iter().any(|id| id == p.meta.id.as_str()))
                    .filter(|p| repo.sources.get(p.file).text.contains(c))
                    .map(|p| p.meta.id.as_str())
                    .collect();
                let plans = if plans.is_empty() {
                    book.name.clone()
                } else {
                    plans.join(", ")
                };
                let page = m.page;
                let character = c.to_string();
                let shown = escape(&character);
                let context = escape(&m.context);
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&tr!(
                    lang,
                    "no font has the character '{shown}' ({code}) in {plans}, page {page} (in “{context}”): give a folder with a font that has it with --font-path DIR",
                    "没有字体包含字符“{shown}”（{code}），见 {plans} 第 {page} 页（“{context}”）：请用 --font-path 目录 指定含此字符的字体"
                ));
            }
            text
        }
        RenderError::Overflow(cards) => {
            let mut text = String::new();
            for (post, mm) in cards {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&tr!(
                    lang,
                    "the card of post {post} does not fit its page: {mm:.0} mm too long; shorten its steps or split the post",
                    "岗位 {post} 的处置卡超出页面 {mm:.0} 毫米；请精简处置步骤或拆分岗位"
                ));
            }
            text
        }
    }
}
