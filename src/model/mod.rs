//! The typed repository: plans, registry and the source files they came from.
//!
//! Built once by [`crate::load`] and shared read-only by every later stage.

pub mod config;
pub mod drill;
pub mod index;
pub mod plan;
pub mod refs;
pub mod registry;
pub mod schema;
pub mod span;
pub mod travel;
pub mod values;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

pub use crate::foundation::span::{FileId, Loc, Span};
pub use plan::{Id, PlanMeta};
pub use registry::RegistryFile;
pub use span::{SPANNED, Spanned};
pub use values::{
    ClockTime, Date, Deadline, MonthDay, PlanKind, PlanScope, ResponseLevel, Timing, WarningLevel,
};

/// One file read from the repository, kept for diagnostics.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user: relative to the working directory when possible.
    pub path: String,
    /// The file's text; for a file that is not UTF-8, its decoding in the encoding it was
    /// detected in (lossy when that is unknown).
    pub text: String,
    /// For a file that is not UTF-8, the encoding it was read in. Such a file is read so that
    /// what it defines is known, but only its encoding is reported.
    pub encoding: Option<&'static str>,
    /// Byte offset of each line's start, computed on first use: only files with a diagnostic
    /// need it, and a province's files would spend tens of megabytes on it. A `u32` each: no
    /// file read is 4 GiB (`file_size_mib` is at most 4095), and a file of short lines would
    /// spend half its size again on `usize`s.
    line_starts: OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        SourceFile {
            path,
            text,
            encoding: None,
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            // Counted first, so that the list is not held twice while it grows.
            let lines = 1 + self.text.bytes().filter(|&b| b == b'\n').count();
            let mut starts = Vec::with_capacity(lines);
            starts.push(0);
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1));
            starts
        })
    }

    /// Zero-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts()
            .partition_point(|&start| start as usize <= offset)
            .saturating_sub(1)
    }

    /// Byte range of a zero-based line, without its line break.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self
            .line_starts()
            .get(line)
            .map_or(self.text.len(), |&start| start as usize);
        let end = self
            .line_starts()
            .get(line + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        let end = if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset);
        let line = self.line_index(offset);
        let start = self.line_starts()[line] as usize;
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte offset of a one-based line and character column, clamped to the file.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let range = self.line_range(line.saturating_sub(1).min(self.line_count() - 1));
        let text = &self.text[range.clone()];
        let within = text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i);
        range.start + within
    }

    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Every file read, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Where `loc` is, as the output formats give it: path, and one-based lines and columns (in
    /// characters) of its start and end.
    pub fn place(&self, loc: Loc) -> Place<'_> {
        let file = self.get(loc.file);
        let (line, column) = file.position(loc.span.start as usize);
        let (end_line, end_column) = file.position(loc.span.end as usize);
        Place {
            path: &file.path,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// A [`Loc`] in lines and columns (see [`Sources::place`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A registry entry with the file it was defined in.
#[derive(Clone, Debug)]
pub struct Entry<T> {
    pub file: FileId,
    pub value: T,
}

/// All registry sections of the repository, merged across files in path order.
#[derive(Debug, Default)]
pub struct Registry {
    pub organisations: Vec<Entry<registry::Organisation>>,
    pub hazards: Vec<Entry<registry::Hazard>>,
    pub metrics: Vec<Entry<registry::Metric>>,
    pub resources: Vec<Entry<registry::Resource>>,
    pub posts: Vec<Entry<registry::Post>>,
    pub contacts: Vec<Entry<registry::Contact>>,
    pub external_plans: Vec<Entry<registry::ExternalPlan>>,
    /// The `travel` sections, in file order.
    pub travel: Vec<Entry<registry::Travel>>,
    pub drill_log: Vec<Entry<registry::HeldDrill>>,
}

impl Registry {
    pub fn extend(&mut self, file: FileId, part: RegistryFile) {
        fn add<T>(into: &mut Vec<Entry<T>>, file: FileId, items: Vec<T>) {
            into.extend(items.into_iter().map(|value| Entry { file, value }));
        }
        add(&mut self.organisations, file, part.organisations);
        add(&mut self.hazards, file, part.hazards);
        add(&mut self.metrics, file, part.metrics);
        add(&mut self.resources, file, part.resources);
        add(&mut self.posts, file, part.posts);
        add(&mut self.contacts, file, part.contacts);
        add(&mut self.external_plans, file, part.external_plans);
        add(&mut self.travel, file, part.travel.into_iter().collect());
        add(&mut self.drill_log, file, part.drill_log);
    }
}

/// A level-1 to level-6 heading of a plan's body.
#[derive(Clone, Copy, Debug)]
pub struct Heading {
    pub level: u8,
    /// True when the section has content: text under the heading or under one of its
    /// subheadings, or an `<!-- emplan: ... -->` note saying where the content is. An empty
    /// heading does not make a chapter.
    pub has_content: bool,
    pub span: Span,
    /// Its text, read with [`Body::text`] (`一、总则` of `## 一、**总则**`).
    pub text: TextAt,
}

/// A Markdown link with the `plan:` scheme: `[..](plan:ID)` or `[..](plan:ID#DUTY)`.
#[derive(Clone, Copy, Debug)]
pub struct PlanLink {
    /// The plan id, read with [`Body::text`].
    pub plan: TextAt,
    pub duty: Option<TextAt>,
    /// The link destination in the file.
    pub span: Span,
}

/// Where a piece of text of a body's outline is: in the file's text, where the outline reads
/// it as written, else in the body's own text. A body all of headings or links keeps no more
/// than a few bytes for each beside the file (issue 12, defect 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextAt {
    start: u32,
    /// The length; its top bit set for the body's own text.
    len: u32,
}

impl TextAt {
    const OWN: u32 = 1 << 31;
}

/// The Markdown part of a plan.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// Byte offset of the body in the file.
    pub start: usize,
    pub headings: Vec<Heading>,
    pub links: Vec<PlanLink>,
    /// Texts of the outline that do not appear as written in the file.
    own: String,
}

impl Body {
    /// An empty outline of a body that starts at byte `start` of its file.
    pub fn at(start: usize) -> Body {
        Body {
            start,
            ..Body::default()
        }
    }

    /// The text at `at`; `file` is the text of the body's file.
    pub fn text<'a>(&'a self, at: TextAt, file: &'a str) -> &'a str {
        let (from, own) = if at.len & TextAt::OWN != 0 {
            (self.own.as_str(), at.len & !TextAt::OWN)
        } else {
            (file, at.len)
        };
        let start = at.start as usize;
        from.get(start..start + own as usize).unwrap_or("")
    }

    /// Keeps `text`, found at `written` of the file when it is that text as written.
    pub fn keep(&mut self, text: &str, file: &str, written: Span) -> TextAt {
        let range = written.start as usize..written.end as usize;
        if let Some(at) = file.get(range).and_then(|w| w.find(text))
            && let Ok(len) = u32::try_from(text.len())
            && len < TextAt::OWN
        {
            return TextAt {
                start: written.start + at as u32,
                len,
            };
        }
        let start = u32::try_from(self.own.len()).unwrap_or(u32::MAX);
        self.own.push_str(text);
        let len = u32::try_from(text.len()).unwrap_or(0).min(TextAt::OWN - 1);
        TextAt {
            start,
            len: len | TextAt::OWN,
        }
    }

    /// Gives back unused capacity.
    pub fn shrink(&mut self) {
        self.headings.shrink_to_fit();
        self.links.shrink_to_fit();
        self.own.shrink_to_fit();
    }
}

/// One plan: its front matter and the outline of its body.
#[derive(Debug)]
pub struct Plan {
    pub file: FileId,
    pub meta: PlanMeta,
    pub body: Body,
    /// False when parts of the front matter could not be read; rules then avoid reporting
    /// follow-on problems (such as unknown duties) that the broken part may explain.
    pub complete: bool,
}

impl Plan {
    pub fn loc(&self, span: Span) -> Loc {
        Loc {
            file: self.file,
            span,
        }
    }
}

/// A plan file whose front matter could not be read into the model: its body is still
/// checked (chapters, links, names), and what its text shows of its kind.
#[derive(Debug)]
pub struct UnreadPlan {
    pub file: FileId,
    /// The `kind` written in the front matter, where it can be read as text.
    pub kind: Option<PlanKind>,
    pub body: Body,
}

/// The whole repository as loaded.
#[derive(Debug, Default)]
pub struct Repository {
    pub root: PathBuf,
    pub sources: Sources,
    pub plans: Vec<Plan>,
    /// Plans whose id an earlier plan (in path order) already has: S205 reports each, and no
    /// other rule sees them, so that one copied file is one finding.
    pub duplicate_plans: Vec<Plan>,
    /// Plan files whose front matter could not be read.
    pub unread_plans: Vec<UnreadPlan>,
    pub registry: Registry,
    /// The drill definitions (`*.drill.yaml`), in path order.
    pub drills: Vec<Entry<drill::Drill>>,
    /// The drill records (`*.record.yaml`), in path order.
    pub records: Vec<Entry<drill::DrillRecord>>,
    /// What the loader could not read, for the structure rules to report.
    pub problems: Vec<crate::foundation::problem::Problem>,
    /// Ids of registry entries and duties that exist but could not be read completely, so
    /// references to them are not reported as unknown.
    pub broken_ids: HashSet<String>,
    /// Owners of plans that could not be read: their duties may be accepted there.
    pub broken_owners: HashSet<String>,
    /// The repository's `emplan.toml`, defaults where it has none.
    pub config: config::Config,
    /// The file `config` was read from.
    pub config_file: Option<FileId>,
}

impl Repository {
    pub fn plans_by_kind(&self) -> Vec<(PlanKind, usize)> {
        PlanKind::ALL
            .iter()
            .map(|&kind| {
                let count = self.plans.iter().filter(|p| *p.meta.kind == kind).count();
                (kind, count)
            })
            .collect()
    }
}
