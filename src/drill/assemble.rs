//! The files the drill verbs write, assembled: the exercise pack of `drill new` (documents as
//! Markdown and PDF, the MSEL as CSV and XLSX, a manifest per folder), the summary report of
//! `drill evaluate`, and the drill definition `drill import-msel` rewrites. Nothing here writes;
//! the verbs write what these functions return.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Exercise;
use super::message::{template, unknown};
use super::pack::{self, Audience, Document, PackFile};
use crate::check::{self, Severity};
use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::drill::Drill;
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::model::{Date, Repository};
use crate::render::{self, FontOptions, Fonts, Pdf};
use crate::tr;

/// Why nothing is assembled.
pub enum Refusal {
    /// A message for the terminal: a wrong argument or a file that cannot be made.
    Usage(String),
    /// The drill files have errors, one line each and a summary line last: a pack made from
    /// them would test the wrong thing.
    DrillErrors(Vec<String>),
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal::Usage(message)
    }
}

/// What `drill new` asks for.
pub struct Request<'a> {
    /// The drill, by id.
    pub drill: &'a str,
    /// The folder the pack goes into.
    pub output: &'a Path,
    /// `--blind`: the seed of the drawn scenario.
    pub seed: Option<u64>,
    /// `--target-gaps`: set the scenario where it exercises what no recent drill has.
    pub target_gaps: bool,
}

/// An exercise pack, ready to write.
pub struct Pack {
    /// The folders of the pack: `None` for the output folder itself, else a folder below it
    /// (a double-blind pack's `controller` and `participant`), each with its files and
    /// `manifest.json`.
    pub folders: Vec<(Option<&'static str>, Vec<PackFile>)>,
    /// How many injects the MSEL holds.
    pub injects: usize,
    /// Warnings for the terminal: objectives that no inject tests.
    pub warnings: Vec<String>,
}

impl Pack {
    /// How many files the pack holds.
    pub fn count(&self) -> usize {
        self.folders.iter().map(|(_, files)| files.len()).sum()
    }
}

/// The exercise pack of one drill. `note` hears what the terminal is told on the way (where
/// `--target-gaps` set the scenario).
pub fn new_pack(
    repo: &Repository,
    request: &Request,
    fonts: &FontOptions,
    lang: Lang,
    note: &dyn Fn(&str),
) -> Result<Pack, Refusal> {
    let index = Index::new(repo);
    refuse(&index, request.output, lang)?;
    let id = request.drill;
    let entry = super::find(repo, id).map_err(|u| unknown(repo, &u, id, lang))?;
    let travel = Travel::new(repo);
    let drawn = match request.seed {
        Some(seed) => Some(super::blind::draw(repo, &entry.value, seed).map_err(|_| {
            tr!(
                lang,
                "--blind: the registry has no hazard point with a hazard and people threatened to draw a scenario from",
                "--blind：登记册中没有注明灾种和受威胁人数的隐患点，无法抽取情景"
            )
        })?),
        None if request.target_gaps => {
            Some(targeted(repo, &index, &travel, &entry.value, lang, note)?)
        }
        None => None,
    };
    let definition = drawn.as_ref().unwrap_or(&entry.value);
    let exercise = super::derive_drill(repo, &index, &travel, definition, entry.file, request.seed)
        .map_err(|u| unknown(repo, &u, id, lang))?;
    let documents = pack::documents(repo, &index, &exercise).map_err(|e| template(&e, lang))?;
    // The PDFs carry the date of the plans, not the clock nor the scenario's day (which a
    // double-blind pack must not give away).
    let date = render::handbook::book_date(repo.plans.iter());
    let fonts = Fonts::new(fonts);
    let pdfs: Vec<Result<Pdf, String>> = documents
        .par_iter()
        .map(|doc| pdf(repo, &fonts, doc, date, lang))
        .collect();
    let mut files: Vec<PackFile> = Vec::new();
    for (doc, pdf) in documents.into_iter().zip(pdfs) {
        files.extend(document_files(doc, pdf?));
    }
    files.extend(msel_files(&index, &exercise, date, lang)?);
    Ok(Pack {
        folders: folders(files, &exercise),
        injects: exercise.injects.len(),
        warnings: warnings(&exercise, lang),
    })
}

/// The drill with its scenario set where it exercises what no drill of the last three years
/// has (`--target-gaps`); `note` hears where.
fn targeted(
    repo: &Repository,
    index: &Index<'_>,
    travel: &Travel<'_>,
    drill: &Drill,
    lang: Lang,
    note: &dyn Fn(&str),
) -> Result<Drill, String> {
    let coverage = super::coverage::coverage(repo, index, super::coverage::three_years_ago(repo));
    let (targeted, gaps) = super::gaps::target(repo, index, travel, drill, &coverage)
        .ok_or_else(|| {
            tr!(
                lang,
                "--target-gaps: the registry has no hazard point with a hazard to set a scenario at",
                "--target-gaps：登记册中没有注明灾种的隐患点，无法设置情景"
            )
        })?;
    let id = targeted.scenario.place.as_str();
    let place = escape(index.resource(id).map_or(id, |r| r.name.value.as_str()));
    let level = targeted.scenario.level.value.zh();
    let since = coverage.since;
    note(&tr!(
        lang,
        "--target-gaps: the scenario is set at {place}, {level}: it exercises {gaps} duties and levels no drill since {since} has",
        "--target-gaps：情景设在 {place}，{level}：可检验 {gaps} 项自 {since} 以来从未演练过的职责和响应级别"
    ));
    Ok(targeted)
}

/// A document as a PDF (`name.pdf` for `name.md`), dated `date`.
fn pdf(
    repo: &Repository,
    fonts: &Fonts,
    doc: &Document,
    date: Date,
    lang: Lang,
) -> Result<Pdf, String> {
    let name = doc.path.trim_end_matches(".md");
    let book = render::document::book(name, &doc.title, &doc.markdown, doc.landscape, date);
    render::render(fonts, &repo.root, &book)
        .map_err(|e| render::message::explain(repo, &book, &e, lang))
}

/// A document's two files: its Markdown, then its PDF.
fn document_files(doc: Document, pdf: Pdf) -> [PackFile; 2] {
    let name = doc.path.trim_end_matches(".md");
    let pdf = PackFile {
        path: format!("{name}.pdf"),
        audience: doc.audience,
        bytes: pdf.bytes,
    };
    let markdown = PackFile {
        path: doc.path,
        audience: doc.audience,
        bytes: doc.markdown.into_bytes(),
    };
    [markdown, pdf]
}

/// The MSEL as CSV and as an XLSX workbook dated `date`.
fn msel_files(
    index: &Index<'_>,
    exercise: &Exercise<'_>,
    date: Date,
    lang: Lang,
) -> Result<[PackFile; 2], String> {
    let xlsx = pack::msel_xlsx(index, exercise, date).map_err(|e| {
        tr!(
            lang,
            "the MSEL spreadsheet cannot be written: {e}",
            "无法生成主情景事件清单电子表格：{e}"
        )
    })?;
    Ok([
        PackFile {
            path: "msel.csv".to_owned(),
            audience: pack::STAFF,
            bytes: pack::msel_csv(index, exercise),
        },
        PackFile {
            path: "msel.xlsx".to_owned(),
            audience: pack::STAFF,
            bytes: xlsx,
        },
    ])
}

/// The pack's folders: one, or for a double-blind drill a `controller` and a `participant`
/// folder, each with its manifest.
fn folders(
    files: Vec<PackFile>,
    exercise: &Exercise<'_>,
) -> Vec<(Option<&'static str>, Vec<PackFile>)> {
    let id = exercise.drill.id.as_str();
    if pack::is_blind(exercise) {
        // Double-blind: what participants may read goes into a folder of its own, with its
        // own manifest that does not name the drill.
        let (participant, controller): (Vec<PackFile>, Vec<PackFile>) = files
            .into_iter()
            .partition(|f| f.audience.contains(&Audience::Participant));
        vec![
            (Some("controller"), with_manifest(controller, Some(id))),
            (Some("participant"), with_manifest(participant, None)),
        ]
    } else {
        vec![(None, with_manifest(files, Some(id)))]
    }
}

/// A warning for each objective that no inject tests.
fn warnings(exercise: &Exercise<'_>, lang: Lang) -> Vec<String> {
    exercise
        .drill
        .objectives
        .iter()
        .filter(|o| {
            !exercise
                .injects
                .iter()
                .any(|i| i.objective == Some(o.id.as_str()))
        })
        .map(|o| {
            let id = escape(o.id.as_str());
            tr!(
                lang,
                "warning: objective {id} has no inject: the scenario activates none of its duties or levels",
                "警告：演练目标 {id} 没有对应的注入：情景未启动其所列的职责或响应级别"
            )
        })
        .collect()
}

/// The summary report of a held drill, from its record: the files to write (Markdown and
/// PDF) and the PDF's pages.
pub fn summary_report(
    repo: &Repository,
    id: &str,
    output: &Path,
    fonts: &FontOptions,
    lang: Lang,
) -> Result<(Vec<PackFile>, usize), Refusal> {
    let index = Index::new(repo);
    refuse(&index, output, lang)?;
    let entry = super::find(repo, id).map_err(|u| unknown(repo, &u, id, lang))?;
    let record = repo
        .records
        .iter()
        .find(|r| r.value.drill.as_str() == id)
        .ok_or_else(|| {
            tr!(
                lang,
                "drill `{id}` has no record: write what happened in a *.record.yaml file with `drill: {id}` (docs/drill.md)",
                "演练 `{id}` 没有演练记录：请在 *.record.yaml 文件中以 `drill: {id}` 记录演练情况（见 docs/drill.md）"
            )
        })?;
    let seed = record.value.seed.as_ref().map(|s| s.value);
    let drawn = super::redrawn(repo, &entry.value, seed);
    let travel = Travel::new(repo);
    let definition = drawn.as_ref().unwrap_or(&entry.value);
    let exercise = super::derive_drill(repo, &index, &travel, definition, entry.file, seed)
        .map_err(|u| unknown(repo, &u, id, lang))?;
    let markdown = super::evaluate::report(repo, &index, &exercise, &record.value)
        .map_err(|e| template(&e, lang))?;
    let fonts = Fonts::new(fonts);
    let doc = Document {
        path: "summary-report.md".to_owned(),
        title: format!("{}总结报告", exercise.drill.title.value),
        audience: pack::STAFF,
        markdown,
        landscape: false,
    };
    let pdf = pdf(repo, &fonts, &doc, record.value.date.value, lang)?;
    let pages = pdf.pages;
    Ok((document_files(doc, pdf).into(), pages))
}

/// What `drill import-msel` makes of an edited MSEL.
pub enum Imported {
    /// The drill definition with the MSEL's injects: the file to write, its new text, and how
    /// many injects it holds.
    Written {
        target: PathBuf,
        text: String,
        injects: usize,
    },
    /// The MSEL's mistakes, one message each: the definition is left as it is.
    Mistakes(Vec<String>),
}

/// An edited MSEL (`file`, CSV or XLSX), checked, into the definition of the drill `id`.
pub fn import_msel(
    repo: &Repository,
    id: &str,
    file: &Path,
    lang: Lang,
) -> Result<Imported, String> {
    let entry = super::find(repo, id).map_err(|u| unknown(repo, &u, id, lang))?;
    let shown = crate::load::display_path(file);
    let table = super::msel::read(file, lang).map_err(|e| {
        let e = escape(&e);
        tr!(lang, "cannot read {shown}: {e}", "无法读取 {shown}：{e}")
    })?;
    let index = Index::new(repo);
    let rows = match super::msel::check(&index, &entry.value, &table, lang) {
        Ok(rows) => rows,
        Err(mistakes) => return Ok(Imported::Mistakes(mistakes)),
    };
    let source = repo.sources.get(entry.file);
    Ok(Imported::Written {
        // Shown paths are relative to the working directory, or absolute: both open from here.
        target: PathBuf::from(&source.path),
        text: super::msel::write_back(&source.text, &rows),
        injects: rows.len(),
    })
}

/// `files` and their `manifest.json`.
fn with_manifest(mut files: Vec<PackFile>, drill: Option<&str>) -> Vec<PackFile> {
    let audience: &'static [Audience] = if drill.is_some() {
        pack::EVERYONE
    } else {
        &[Audience::Participant, Audience::Observer]
    };
    let manifest = pack::manifest(drill, &files);
    files.push(PackFile {
        path: "manifest.json".to_owned(),
        audience,
        bytes: manifest,
    });
    files
}

/// Refuses to write into `output` inside the repository (its Markdown would be read as plans),
/// and to make anything from drill files with errors.
fn refuse(index: &Index, output: &Path, lang: Lang) -> Result<(), Refusal> {
    let repo = index.repo;
    if inside(&repo.root, output) {
        let shown = crate::load::display_path(output);
        return Err(Refusal::Usage(tr!(
            lang,
            "-o {shown} is inside the plan repository, where its Markdown would be read as plans: write it elsewhere",
            "-o {shown} 位于预案仓库内，其中的 Markdown 会被当作预案读取：请写到仓库之外"
        )));
    }
    let findings = check::check(index, lang);
    let mut lines: Vec<String> = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| is_drill_file(&repo.sources.get(d.loc.file).path))
        .map(|d| {
            let place = repo.sources.place(d.loc);
            format!(
                "error[{}] {}:{}:{}: {}",
                d.rule.code,
                escape(place.path),
                place.line,
                place.column,
                escape(&d.message)
            )
        })
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    let count = lines.len();
    lines.push(tr!(
        lang,
        "{count} errors in the drill files: nothing written (`emplan check` lists them too)",
        "演练文件中有 {count} 个错误：未生成任何文件（`emplan check` 也会列出）"
    ));
    Err(Refusal::DrillErrors(lines))
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
            existing = PathBuf::from(".");
            break;
        }
        if existing.as_os_str().is_empty() {
            existing = PathBuf::from(".");
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
