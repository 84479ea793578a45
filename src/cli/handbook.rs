//! `emplan handbook`: a plan's handbook, an organisation's book, or the whole plan system, as
//! PDF.

use crate::check::{self, Diagnostic};
use crate::foundation::i18n::Lang;
use crate::model::index::Index;
use crate::render::Fonts;
use crate::render::handbook::{self, Subject, Unknown};
use crate::tr;

use super::args::HandbookArgs;
use super::output::{Outcome, render_and_write, render_one};
use super::{EXIT_OK, load_repository};

pub fn run(args: &HandbookArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let index = Index::new(&repo);
    let findings = check::check(&index, Lang::Zh);
    let fonts = Fonts::new(&args.render.font_options());
    if args.each {
        return each(&index, &fonts, &findings, args, lang);
    }
    let subject = match (&args.plan, &args.org) {
        (Some(id), _) => Subject::Plan(id.clone()),
        (None, Some(id)) => Subject::Org(id.clone()),
        (None, None) => Subject::All,
    };
    let book = handbook::book(&index, &subject, &findings).map_err(|u| unknown(&u, lang))?;
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

/// `--each`: every plan's handbook into the folder `-o`, rendered in parallel. Every book is
/// tried; the run fails when one of them fails.
fn each(
    index: &Index,
    fonts: &Fonts,
    findings: &[Diagnostic],
    args: &HandbookArgs,
    lang: Lang,
) -> Result<i32, String> {
    use rayon::prelude::*;
    let repo = index.repo;
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
            let book = handbook::book(index, &subject, findings).map_err(|u| unknown(&u, lang))?;
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
