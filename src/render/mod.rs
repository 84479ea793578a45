//! Render: PDF handbooks (工作手册) and pocket response cards (应急处置卡) from the model, set
//! by Typst embedded as a library.
//!
//! The data flow: the model (and the graph's lookups and flow charts) -> the book's files
//! (`book.json`, one `plans/ID.json` and `plans/ID.typ` per plan, the flow-chart SVGs) ->
//! a Typst template of `templates/` -> laid-out pages -> the missing-glyph check -> PDF.

pub mod cards;
pub mod document;
pub mod fonts;
pub mod glyphs;
pub mod handbook;
pub mod markdown;
pub mod message;
pub mod world;

use std::collections::HashMap;
use std::path::Path;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::{World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::foundation::diagnostic::Diagnostic;
use crate::model::Repository;
use crate::model::values::Date;

pub use fonts::{FontOptions, Fonts};
pub use glyphs::MissingGlyph;

/// A book ready to compile: its template and generated files.
pub struct Book {
    /// The main template, a file name in `templates/` (`handbook.typ`, `cards.typ`).
    pub template: &'static str,
    pub files: HashMap<String, Bytes>,
    /// The date printed in the PDF's metadata: from the data, never the clock.
    pub date: Date,
    /// What the book is, for messages (`zx-flood-drought`, `all`).
    pub name: String,
    /// The plans the book holds, by id.
    pub plans: Vec<String>,
}

/// Why a book was not made.
#[derive(Debug)]
pub enum RenderError {
    /// Typst's own errors, with the file and line in the book where they arise.
    Typst(Vec<String>),
    /// Characters no font has.
    MissingGlyphs(Vec<MissingGlyph>),
    /// Response cards that do not fit their page: post id, and how much is over, in mm.
    Overflow(Vec<(String, f64)>),
}

/// The findings located in the files of the plans `ids`: what a book's last page and the
/// terminal list, and what `--strict` refuses on.
pub fn findings_in<'a>(
    repo: &Repository,
    ids: &[&str],
    findings: &'a [Diagnostic],
) -> impl Iterator<Item = &'a Diagnostic> {
    let files: Vec<_> = repo
        .plans
        .iter()
        .filter(|p| ids.contains(&p.meta.id.as_str()))
        .map(|p| p.file)
        .collect();
    findings.iter().filter(move |d| files.contains(&d.loc.file))
}

/// A rendered book.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Lays out `book` and checks its glyphs. It is set with `--font-path`, the bundled fonts and
/// Typst's own first, and set again with the system's fonts as well when it names a family
/// those lack, or sets a glyph in one of Typst's own fonts (which come after the system's) or
/// in none.
pub fn layout(fonts: &Fonts, root: &Path, book: &Book) -> Result<PagedDocument, RenderError> {
    let (mut document, unknown_family) = compile(fonts.own(), root, book)?;
    if (unknown_family || needs_system(fonts, &document))
        && let Some(all) = fonts.with_system()
    {
        document = compile(all, root, book)?.0;
    }
    let over = cards::overflows(&document);
    if !over.is_empty() {
        return Err(RenderError::Overflow(over));
    }
    let missing = glyphs::missing(&document);
    if !missing.is_empty() {
        return Err(RenderError::MissingGlyphs(missing));
    }
    Ok(document)
}

/// Whether `document` has a glyph that neither `--font-path` nor the bundled fonts drew.
fn needs_system(fonts: &Fonts, document: &PagedDocument) -> bool {
    !glyphs::missing(document).is_empty()
        || glyphs::families(document).iter().any(|f| !fonts.is_own(f))
}

/// The laid-out book, and whether it names a font family that `fonts` lack.
fn compile(
    fonts: &FontStore,
    root: &Path,
    book: &Book,
) -> Result<(PagedDocument, bool), RenderError> {
    let today = datetime(book.date);
    let world = world::BookWorld::new(fonts, root, book.template, &book.files, today);
    let result = typst::compile::<PagedDocument>(&world);
    let unknown_family = result
        .warnings
        .iter()
        .any(|w| w.message.starts_with("unknown font family"));
    let document = result
        .output
        .map_err(|errors| RenderError::Typst(describe(&world, &errors)))?;
    Ok((document, unknown_family))
}

/// The PDF of a laid-out book, byte-identical for the same input.
pub fn pdf(document: &PagedDocument, book: &Book) -> Result<Pdf, RenderError> {
    let options = PdfOptions {
        ident: Smart::Custom(format!("emplan:{}", book.name)),
        creator: Smart::Custom(Some("emplan".into())),
        timestamp: Some(Timestamp::new_utc(datetime(book.date))),
        tagged: false,
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(document, &options).map_err(|errors| {
        RenderError::Typst(errors.iter().map(|e| e.message.to_string()).collect())
    })?;
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
    })
}

/// Lays out and exports `book`.
pub fn render(fonts: &Fonts, root: &Path, book: &Book) -> Result<Pdf, RenderError> {
    let document = layout(fonts, root, book)?;
    pdf(&document, book)
}

fn datetime(date: Date) -> Datetime {
    Datetime::from_ymd(date.year as i32, date.month, date.day)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"))
}

/// Typst's errors as `file:line:column: message (hint)` lines.
fn describe(world: &dyn World, errors: &[SourceDiagnostic]) -> Vec<String> {
    errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .map(|e| {
            let place = e
                .span
                .id()
                .and_then(|id| {
                    let range = world.range(e.span)?;
                    let source = world.source(id).ok()?;
                    let line = source.lines().byte_to_line(range.start)? + 1;
                    let column = source.lines().byte_to_column(range.start)? + 1;
                    Some(format!("{}:{line}:{column}: ", id.vpath().get_with_slash()))
                })
                .unwrap_or_default();
            let hints: String = e
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{place}{}{hints}", e.message)
        })
        .collect()
}
