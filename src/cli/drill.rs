//! `emplan drill`: exercise packs derived from the plans.

use std::path::Path;

use crate::drill::assemble::{self, Imported, Pack, Refusal, Request};
use crate::drill::pack::PackFile;
use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::Repository;
use crate::model::index::Index;
use crate::tr;

use super::args::{
    AnswerFormat, DrillArgs, DrillCommand, DrillCoverageArgs, DrillEvaluateArgs, DrillImportArgs,
    DrillNewArgs,
};
use super::{EXIT_FINDINGS, EXIT_OK, May, load_repository, write_atomic};

pub fn run(args: &DrillArgs, lang: Lang) -> Result<i32, String> {
    match &args.command {
        DrillCommand::New(args) => new(args, lang),
        DrillCommand::Evaluate(args) => evaluate(args, lang),
        DrillCommand::Coverage(args) => coverage(args, lang),
        DrillCommand::ImportMsel(args) => import_msel(args, lang),
    }
}

/// `drill new`: the exercise pack of one drill, into a folder.
fn new(args: &DrillNewArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let request = Request {
        drill: &args.drill,
        output: &args.output,
        seed: args.seed,
        target_gaps: args.target_gaps,
    };
    let note = |line: &str| eprintln!("{line}");
    let made = assemble::new_pack(&repo, &request, &args.render.font_options(), lang, &note);
    let Some(pack) = refused(made)? else {
        return Ok(EXIT_FINDINGS);
    };
    let count = pack.count();
    let Pack {
        folders,
        injects,
        warnings,
    } = pack;
    for (folder, files) in &folders {
        let dir = match folder {
            Some(folder) => args.output.join(folder),
            None => args.output.clone(),
        };
        write_pack(&dir, files, &repo, lang)?;
    }
    for warning in &warnings {
        eprintln!("{warning}");
    }
    let shown = crate::load::display_path(&args.output);
    eprintln!(
        "{}",
        tr!(
            lang,
            "wrote {count} files ({injects} injects) into {shown}",
            "已将 {count} 个文件（{injects} 条注入）写入 {shown}"
        )
    );
    Ok(EXIT_OK)
}

/// `drill import-msel`: an edited MSEL, checked, into the drill definition (a command whose
/// job is to write that file).
fn import_msel(args: &DrillImportArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let shown = crate::load::display_path(&args.file);
    match assemble::import_msel(&repo, &args.drill, &args.file, lang)? {
        Imported::Mistakes(mistakes) => {
            for m in &mistakes {
                eprintln!("error: {}: {}", escape(&shown), escape(m));
            }
            let count = mistakes.len();
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "{count} mistakes in {shown}: the drill definition is unchanged",
                    "{shown} 中有 {count} 处错误：演练定义未修改"
                )
            );
            Ok(EXIT_FINDINGS)
        }
        Imported::Written {
            target,
            text,
            injects: count,
        } => {
            write_atomic(&target, text.as_bytes(), May::WritePlans, lang)?;
            let written = crate::load::display_path(&target);
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "wrote {count} injects into {written}",
                    "已将 {count} 条注入写入 {written}"
                )
            );
            Ok(EXIT_OK)
        }
    }
}

/// `drill coverage`: what the drills held since a day have exercised, and what never.
fn coverage(args: &DrillCoverageArgs, lang: Lang) -> Result<i32, String> {
    use crate::drill::coverage;
    let repo = load_repository(&args.path, lang)?;
    let index = Index::new(&repo);
    let since = args
        .since
        .unwrap_or_else(|| coverage::three_years_ago(&repo));
    let c = coverage::coverage(&repo, &index, since);
    let text = match args.format {
        AnswerFormat::Json => {
            let mut text = serde_json::to_string_pretty(&c.json()).unwrap_or_default();
            text.push('\n');
            text
        }
        AnswerFormat::Text | AnswerFormat::Md => crate::foundation::escape::escape_lines(
            &coverage::text(&c, &index, lang, args.format == AnswerFormat::Md),
        ),
    };
    super::print(&text, lang)?;
    Ok(EXIT_OK)
}

/// `drill evaluate`: the summary report of a held drill, from its record.
fn evaluate(args: &DrillEvaluateArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let fonts = args.render.font_options();
    let made = assemble::summary_report(&repo, &args.drill, &args.output, &fonts, lang);
    let Some((files, pages)) = refused(made)? else {
        return Ok(EXIT_FINDINGS);
    };
    write_pack(&args.output, &files, &repo, lang)?;
    let shown = crate::load::display_path(&args.output);
    eprintln!(
        "{}",
        tr!(
            lang,
            "wrote the summary report ({pages} pages) into {shown}",
            "已将总结报告（{pages} 页）写入 {shown}"
        )
    );
    Ok(EXIT_OK)
}

/// What was made, or `None` when the drill files have errors, which are printed; a usage
/// error is returned as one.
fn refused<T>(made: Result<T, Refusal>) -> Result<Option<T>, String> {
    match made {
        Ok(made) => Ok(Some(made)),
        Err(Refusal::Usage(message)) => Err(message),
        Err(Refusal::DrillErrors(lines)) => {
            for line in &lines {
                eprintln!("{line}");
            }
            Ok(None)
        }
    }
}

/// Writes the files of a pack below `dir`, each through a temporary file and a rename.
fn write_pack(dir: &Path, files: &[PackFile], repo: &Repository, lang: Lang) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        let shown = crate::load::display_path(dir);
        return Err(tr!(
            lang,
            "-o {shown} is a file: give the folder to write the pack into",
            "-o {shown} 是一个文件：请给出写入演练资料的目录"
        ));
    }
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                let shown = crate::load::display_path(parent);
                tr!(lang, "cannot create {shown}: {e}", "无法创建 {shown}：{e}")
            })?;
        }
        write_atomic(&path, &file.bytes, May::NotTouch(repo), lang)?;
    }
    Ok(())
}
