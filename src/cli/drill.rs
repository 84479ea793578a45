//! `emplan drill`: exercise packs derived from the plans.

use std::path::Path;

use rayon::prelude::*;

use crate::check::{self, Severity};
use crate::drill::pack::{self, Audience, PackFile};
use crate::drill::{self, Unknown, blind};
use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::render::{self, Fonts};
use crate::tr;

use super::args::{
    AnswerFormat, DrillArgs, DrillCommand, DrillCoverageArgs, DrillEvaluateArgs, DrillImportArgs,
    DrillNewArgs,
};
use super::{EXIT_FINDINGS, EXIT_OK, load_repository, write_atomic};

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
    let Some(repo) = open_for_writing(&args.path, &args.output, lang)? else {
        return Ok(EXIT_FINDINGS);
    };
    let entry =
        drill::find(&repo, &args.drill).map_err(|u| unknown(&repo, &u, &args.drill, lang))?;
    let lookup = Index::new(&repo);
    let travel = Travel::new(&repo);
    let drawn = match args.seed {
        Some(seed) => Some(blind::draw(&repo, &entry.value, seed).map_err(|_| {
            tr!(
                lang,
                "--blind: the registry has no hazard point with a hazard and people threatened to draw a scenario from",
                "--blind：登记册中没有注明灾种和受威胁人数的隐患点，无法抽取情景"
            )
        })?),
        None if args.target_gaps => {
            let coverage = drill::coverage::coverage(&repo, &lookup, three_years_ago(&repo));
            let (targeted, gaps) =
                drill::gaps::target(&repo, &lookup, &travel, &entry.value, &coverage).ok_or_else(
                    || {
                        tr!(
                            lang,
                            "--target-gaps: the registry has no hazard point with a hazard to set a scenario at",
                            "--target-gaps：登记册中没有注明灾种的隐患点，无法设置情景"
                        )
                    },
                )?;
            let id = targeted.scenario.place.as_str();
            let place = escape(lookup.resource(id).map_or(id, |r| r.name.value.as_str()));
            let level = targeted.scenario.level.value.zh();
            let since = coverage.since;
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "--target-gaps: the scenario is set at {place}, {level}: it exercises {gaps} duties and levels no drill since {since} has",
                    "--target-gaps：情景设在 {place}，{level}：可检验 {gaps} 项自 {since} 以来从未演练过的职责和响应级别"
                )
            );
            Some(targeted)
        }
        None => None,
    };
    let definition = drawn.as_ref().unwrap_or(&entry.value);
    let exercise = drill::derive_drill(&repo, &lookup, &travel, definition, entry.file, args.seed)
        .map_err(|u| unknown(&repo, &u, &args.drill, lang))?;
    let documents = pack::documents(&repo, &lookup, &exercise).map_err(|e| {
        let (template, message) = (&e.template, escape(&e.message));
        tr!(
            lang,
            "template {template} cannot be rendered: {message}",
            "模板 {template} 无法生成：{message}"
        )
    })?;
    // The PDFs carry the date of the plans, not the clock nor the scenario's day (which a
    // double-blind pack must not give away).
    let date = render::handbook::book_date(repo.plans.iter());
    let fonts = Fonts::new(&args.render.font_options());
    let pdfs: Vec<Result<PackFile, String>> = documents
        .par_iter()
        .map(|doc| {
            let name = doc.path.trim_end_matches(".md");
            let book = render::document::book(name, &doc.title, &doc.markdown, doc.landscape, date);
            let pdf = render::render(&fonts, &repo.root, &book)
                .map_err(|e| render::message::explain(&repo, &book, &e, lang))?;
            Ok(PackFile {
                path: format!("{name}.pdf"),
                audience: doc.audience,
                bytes: pdf.bytes,
            })
        })
        .collect();
    let mut files: Vec<PackFile> = Vec::new();
    for (doc, pdf) in documents.into_iter().zip(pdfs) {
        let pdf = pdf?;
        files.push(PackFile {
            path: doc.path,
            audience: doc.audience,
            bytes: doc.markdown.into_bytes(),
        });
        files.push(pdf);
    }
    files.push(PackFile {
        path: "msel.csv".to_owned(),
        audience: &[Audience::Controller, Audience::Evaluator],
        bytes: pack::msel_csv(&lookup, &exercise),
    });
    let xlsx = pack::msel_xlsx(&lookup, &exercise, date).map_err(|e| {
        tr!(
            lang,
            "the MSEL spreadsheet cannot be written: {e}",
            "无法生成主情景事件清单电子表格：{e}"
        )
    })?;
    files.push(PackFile {
        path: "msel.xlsx".to_owned(),
        audience: &[Audience::Controller, Audience::Evaluator],
        bytes: xlsx,
    });
    let id = exercise.drill.id.as_str();
    let count = if pack::is_blind(&exercise) {
        // Double-blind: what participants may read goes into a folder of its own, with its
        // own manifest that does not name the drill.
        let (participant, controller): (Vec<PackFile>, Vec<PackFile>) = files
            .into_iter()
            .partition(|f| f.audience.contains(&Audience::Participant));
        let count = participant.len() + controller.len() + 2;
        write_with_manifest(&args.output.join("controller"), controller, Some(id), lang)?;
        write_with_manifest(&args.output.join("participant"), participant, None, lang)?;
        count
    } else {
        let count = files.len() + 1;
        write_with_manifest(&args.output, files, Some(id), lang)?;
        count
    };
    for o in &exercise.drill.objectives {
        let tested = exercise
            .injects
            .iter()
            .any(|i| i.objective == Some(o.id.as_str()));
        if !tested {
            let id = escape(o.id.as_str());
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "warning: objective {id} has no inject: the scenario activates none of its duties or levels",
                    "警告：演练目标 {id} 没有对应的注入：情景未启动其所列的职责或响应级别"
                )
            );
        }
    }
    let injects = exercise.injects.len();
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
    let entry =
        drill::find(&repo, &args.drill).map_err(|u| unknown(&repo, &u, &args.drill, lang))?;
    let shown = crate::load::display_path(&args.file);
    let table = drill::msel::read(&args.file, lang).map_err(|e| {
        let e = escape(&e);
        tr!(lang, "cannot read {shown}: {e}", "无法读取 {shown}：{e}")
    })?;
    let lookup = Index::new(&repo);
    let rows = match drill::msel::check(&lookup, &entry.value, &table, lang) {
        Ok(rows) => rows,
        Err(mistakes) => {
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
            return Ok(EXIT_FINDINGS);
        }
    };
    let source = repo.sources.get(entry.file);
    let text = drill::msel::write_back(&source.text, &rows);
    // Shown paths are relative to the working directory, or absolute: both open from here.
    let target = std::path::PathBuf::from(&source.path);
    write_atomic(&target, text.as_bytes(), lang)?;
    let (count, written) = (rows.len(), crate::load::display_path(&target));
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

/// The default window of coverage: three years before the repository's reference date, the
/// drill cycle of specialised and departmental plans (2013 办法 Art. 22).
fn three_years_ago(repo: &crate::model::Repository) -> crate::model::Date {
    let today = repo.config.as_of.unwrap_or_else(crate::model::Date::today);
    today.plus_months(-36)
}

/// `drill coverage`: what the drills held since a day have exercised, and what never.
fn coverage(args: &DrillCoverageArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let lookup = Index::new(&repo);
    let since = args.since.unwrap_or_else(|| three_years_ago(&repo));
    let c = drill::coverage::coverage(&repo, &lookup, since);
    let text = match args.format {
        AnswerFormat::Json => {
            let mut text = serde_json::to_string_pretty(&c.json()).unwrap_or_default();
            text.push('\n');
            text
        }
        AnswerFormat::Text | AnswerFormat::Md => crate::foundation::escape::escape_lines(
            &coverage_text(&c, &lookup, lang, args.format == AnswerFormat::Md),
        ),
    };
    super::print(&text, lang)?;
    Ok(EXIT_OK)
}

fn coverage_text(
    c: &drill::coverage::Coverage<'_>,
    lookup: &Index<'_>,
    lang: Lang,
    markdown: bool,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let since = c.since;
    let held = c.held.len();
    if markdown {
        let _ = writeln!(out, "# {}\n", tr!(lang, "Drill coverage", "演练覆盖情况"));
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "drills held since {since}: {held}",
            "{since} 以来举行的演练：{held} 次"
        )
    );
    for (drill, day) in &c.held {
        let _ = writeln!(out, "{}{drill} ({day})", if markdown { "- " } else { "  " });
    }
    let percent = |n: usize, all: usize| {
        if all == 0 {
            0.0
        } else {
            100.0 * n as f64 / all as f64
        }
    };
    let (d, dn) = (c.duties.len(), c.all_duties.len());
    let (l, ln) = (c.levels.len(), c.all_levels.len());
    let (dp, lp) = (percent(d, dn), percent(l, ln));
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            lang,
            "duties exercised: {d} of {dn} ({dp:.1}%); response levels: {l} of {ln} ({lp:.1}%)",
            "已检验的职责：{d}/{dn}（{dp:.1}%）；响应级别：{l}/{ln}（{lp:.1}%）"
        )
    );
    let _ = writeln!(
        out,
        "\n{}",
        tr!(lang, "never exercised, by plan:", "从未检验的，按预案：")
    );
    let mut plans: Vec<&str> = c
        .untested_duties()
        .map(|(p, _)| *p)
        .chain(c.untested_levels().map(|(p, _)| *p))
        .collect();
    plans.sort_unstable();
    plans.dedup();
    for plan in plans {
        let duties: Vec<&str> = c
            .untested_duties()
            .filter(|(p, _)| *p == plan)
            .map(|(_, d)| *d)
            .collect();
        let levels: Vec<&str> = c
            .untested_levels()
            .filter(|(p, _)| *p == plan)
            .map(|(_, l)| l.zh())
            .collect();
        let mut parts = Vec::new();
        if !duties.is_empty() {
            let list = duties.join(", ");
            parts.push(tr!(lang, "duties {list}", "职责 {list}"));
        }
        if !levels.is_empty() {
            let list = levels.join("、");
            parts.push(tr!(lang, "levels {list}", "级别 {list}"));
        }
        let _ = writeln!(
            out,
            "{}{plan} {}: {}",
            if markdown { "- " } else { "  " },
            lookup.plan_title(plan),
            parts.join("; ")
        );
    }
    out
}

/// The repository for a verb that writes into `output`: an `output` inside the repository is
/// refused (its Markdown would be read as plans), and `None` means a drill file has errors,
/// which are printed; a pack made from it would test the wrong thing.
fn open_for_writing(
    path: &Path,
    output: &Path,
    lang: Lang,
) -> Result<Option<crate::model::Repository>, String> {
    let repo = load_repository(path, lang)?;
    if inside(&repo.root, output) {
        let shown = crate::load::display_path(output);
        return Err(tr!(
            lang,
            "-o {shown} is inside the plan repository, where its Markdown would be read as plans: write it elsewhere",
            "-o {shown} 位于预案仓库内，其中的 Markdown 会被当作预案读取：请写到仓库之外"
        ));
    }
    let findings = check::check(&crate::model::index::Index::new(&repo), lang);
    Ok((!refuse_on_drill_errors(&repo, &findings, lang)).then_some(repo))
}

/// Prints the errors found in drill definitions and records; true when there are any.
fn refuse_on_drill_errors(
    repo: &crate::model::Repository,
    findings: &[check::Diagnostic],
    lang: Lang,
) -> bool {
    let in_drills: Vec<&check::Diagnostic> = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| is_drill_file(&repo.sources.get(d.loc.file).path))
        .collect();
    for d in &in_drills {
        let place = repo.sources.place(d.loc);
        eprintln!(
            "error[{}] {}:{}:{}: {}",
            d.rule.code,
            escape(place.path),
            place.line,
            place.column,
            escape(&d.message)
        );
    }
    if in_drills.is_empty() {
        return false;
    }
    let count = in_drills.len();
    eprintln!(
        "{}",
        tr!(
            lang,
            "{count} errors in the drill files: nothing written (`emplan check` lists them too)",
            "演练文件中有 {count} 个错误：未生成任何文件（`emplan check` 也会列出）"
        )
    );
    true
}

/// Whether `path` (which may not exist yet) lies inside the folder `root`.
fn inside(root: &Path, path: &Path) -> bool {
    let Ok(root) = root.canonicalize() else {
        return false;
    };
    // The nearest folder of `path` that exists, and what is left below it.
    let mut existing = path.to_path_buf();
    while !existing.exists() {
        if !existing.pop() {
            existing = std::path::PathBuf::from(".");
            break;
        }
        if existing.as_os_str().is_empty() {
            existing = std::path::PathBuf::from(".");
        }
    }
    existing
        .canonicalize()
        .is_ok_and(|real| real.starts_with(&root))
}

fn is_drill_file(path: &str) -> bool {
    [".drill.yaml", ".drill.yml", ".record.yaml", ".record.yml"]
        .iter()
        .any(|end| path.ends_with(end))
}

/// `drill evaluate`: the summary report of a held drill, from its record.
fn evaluate(args: &DrillEvaluateArgs, lang: Lang) -> Result<i32, String> {
    let Some(repo) = open_for_writing(&args.path, &args.output, lang)? else {
        return Ok(EXIT_FINDINGS);
    };
    let entry =
        drill::find(&repo, &args.drill).map_err(|u| unknown(&repo, &u, &args.drill, lang))?;
    let id = &args.drill;
    let record = repo
        .records
        .iter()
        .find(|r| r.value.drill.as_str() == id.as_str())
        .ok_or_else(|| {
            tr!(
                lang,
                "drill `{id}` has no record: write what happened in a *.record.yaml file with `drill: {id}` (docs/drill.md)",
                "演练 `{id}` 没有演练记录：请在 *.record.yaml 文件中以 `drill: {id}` 记录演练情况（见 docs/drill.md）"
            )
        })?;
    let seed = record.value.seed.as_ref().map(|s| s.value);
    let drawn = drill::redrawn(&repo, &entry.value, seed);
    let lookup = Index::new(&repo);
    let travel = Travel::new(&repo);
    let definition = drawn.as_ref().unwrap_or(&entry.value);
    let exercise = drill::derive_drill(&repo, &lookup, &travel, definition, entry.file, seed)
        .map_err(|u| unknown(&repo, &u, &args.drill, lang))?;
    let markdown =
        drill::evaluate::report(&repo, &lookup, &exercise, &record.value).map_err(|e| {
            let (template, message) = (&e.template, escape(&e.message));
            tr!(
                lang,
                "template {template} cannot be rendered: {message}",
                "模板 {template} 无法生成：{message}"
            )
        })?;
    let title = format!("{}总结报告", exercise.drill.title.value);
    let book = render::document::book(
        "summary-report",
        &title,
        &markdown,
        false,
        record.value.date.value,
    );
    let fonts = Fonts::new(&args.render.font_options());
    let pdf = render::render(&fonts, &repo.root, &book)
        .map_err(|e| render::message::explain(&repo, &book, &e, lang))?;
    let files = vec![
        PackFile {
            path: "summary-report.md".to_owned(),
            audience: &[Audience::Controller, Audience::Evaluator],
            bytes: markdown.into_bytes(),
        },
        PackFile {
            path: "summary-report.pdf".to_owned(),
            audience: &[Audience::Controller, Audience::Evaluator],
            bytes: pdf.bytes,
        },
    ];
    write_pack(&args.output, &files, lang)?;
    let shown = crate::load::display_path(&args.output);
    let pages = pdf.pages;
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

/// Writes `files` and their `manifest.json` into `dir`.
fn write_with_manifest(
    dir: &Path,
    mut files: Vec<PackFile>,
    drill: Option<&str>,
    lang: Lang,
) -> Result<(), String> {
    let audience: &'static [Audience] = if drill.is_some() {
        &[
            Audience::Controller,
            Audience::Evaluator,
            Audience::Participant,
            Audience::Observer,
        ]
    } else {
        &[Audience::Participant, Audience::Observer]
    };
    let manifest = pack::manifest(drill, &files);
    files.push(PackFile {
        path: "manifest.json".to_owned(),
        audience,
        bytes: manifest,
    });
    write_pack(dir, &files, lang)
}

/// Writes the files of a pack below `dir`, each through a temporary file and a rename.
fn write_pack(dir: &Path, files: &[PackFile], lang: Lang) -> Result<(), String> {
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
        write_atomic(&path, &file.bytes, lang)?;
    }
    Ok(())
}

fn unknown(repo: &crate::model::Repository, u: &Unknown<'_>, id: &str, lang: Lang) -> String {
    let at = |loc: &crate::model::Loc| {
        let p = repo.sources.place(*loc);
        format!("{}:{}:{}", escape(p.path), p.line, p.column)
    };
    match u {
        Unknown::Drill(Some(near)) => tr!(
            lang,
            "no drill `{id}`; did you mean `{near}`?",
            "没有编号为 `{id}` 的演练；是否应为 `{near}`？"
        ),
        Unknown::Drill(None) => tr!(
            lang,
            "no drill `{id}`: drills are defined in *.drill.yaml files of the repository",
            "没有编号为 `{id}` 的演练：演练定义在仓库的 *.drill.yaml 文件中"
        ),
        Unknown::Hazard(loc, near) => {
            let (at, near) = (at(loc), near.unwrap_or("?"));
            tr!(
                lang,
                "{at}: the scenario's hazard is not in the registry (nearest: `{near}`)",
                "{at}：情景的灾种不在登记册中（最接近的是 `{near}`）"
            )
        }
        Unknown::Place(loc, near) => {
            let (at, near) = (at(loc), near.unwrap_or("?"));
            tr!(
                lang,
                "{at}: the scenario's place is no township, village or hazard point (nearest: `{near}`)",
                "{at}：情景地点不是乡镇（街道）、村（社区）或隐患点（最接近的是 `{near}`）"
            )
        }
    }
}
