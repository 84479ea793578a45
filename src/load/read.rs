//! Reading one file: its bytes within the size limit, its text, its front matter and body, into
//! a [`FileResult`] that waits for its file id.

use std::path::Path;

use super::discover::{FileKind, file_kind};
use super::domains::{drill_numbers, registry_numbers, thresholds};
use super::{Document, NotUtf8, display_path, encoding, markdown, yaml};
use crate::foundation::problem::ProblemKind;
use crate::model::config::Limits;
use crate::model::drill::{Drill, DrillRecord};
use crate::model::{PlanKind, PlanMeta, RegistryFile, SourceFile, Span};

/// What reading one file produced, before file ids are handed out.
pub(super) struct FileResult {
    pub(super) source: SourceFile,
    pub(super) plan: Option<(PlanMeta, crate::model::Body, bool)>,
    /// A plan whose front matter could not be read: its kind, if written, and its body.
    pub(super) unread: Option<(Option<PlanKind>, crate::model::Body)>,
    pub(super) registry: Option<RegistryFile>,
    pub(super) drill: Option<Drill>,
    pub(super) record: Option<DrillRecord>,
    pub(super) problems: Vec<(Span, ProblemKind)>,
    pub(super) broken_ids: Vec<String>,
    /// The owner of a plan that could not be read.
    pub(super) broken_owner: Option<String>,
}

pub(super) fn read_file(path: &Path, limits: Limits) -> FileResult {
    let shown = display_path(path);
    match read_at_most(path, limits.file_bytes()) {
        Ok(Ok(bytes)) => {
            let (text, not_utf8) = encoding::decode_owned(bytes);
            read_text(path, shown, text, not_utf8, limits)
        }
        Ok(Err(bytes)) => not_read(
            path,
            ProblemKind::TooLarge {
                bytes,
                limit_mib: limits.file_size_mib,
            },
        ),
        Err(error) => not_read(
            path,
            ProblemKind::Unreadable {
                message: error.to_string(),
            },
        ),
    }
}

/// The file's bytes, or its size when it is larger than `limit` (a file that grows while it is
/// read stops at the limit too).
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Ok(Err(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Err(bytes.len() as u64));
    }
    Ok(Ok(bytes))
}

/// A file that is not read, with why.
pub(super) fn not_read(path: &Path, why: ProblemKind) -> FileResult {
    FileResult {
        source: SourceFile::new(display_path(path), String::new()),
        plan: None,
        unread: None,
        registry: None,
        drill: None,
        record: None,
        problems: vec![(Span::default(), why)],
        broken_ids: Vec::new(),
        broken_owner: None,
    }
}

pub(super) fn read_text(
    path: &Path,
    shown: String,
    text: String,
    not_utf8: Option<NotUtf8>,
    limits: Limits,
) -> FileResult {
    // Lines that end in CR alone (classic Mac OS) are read as LF lines: one byte for one byte,
    // so every offset still points into the file as it is.
    // Nearly every file has a line feed in its first line, so this costs a few bytes' look.
    let cr_only = !text.contains('\n') && text.contains('\r');
    let text = if cr_only {
        text.replace('\r', "\n")
    } else {
        text
    };
    let mut result = FileResult {
        source: SourceFile::new(shown, String::new()),
        plan: None,
        unread: None,
        registry: None,
        drill: None,
        record: None,
        problems: Vec::new(),
        broken_ids: Vec::new(),
        broken_owner: None,
    };
    match file_kind(path) {
        Some(FileKind::Registry) | None => {
            result.registry = read_yaml(&text, &mut result, limits);
            if let Some(registry) = &mut result.registry {
                registry_numbers(registry, &text, &mut result.problems);
            }
        }
        Some(FileKind::Drill) => {
            result.drill = read_yaml(&text, &mut result, limits);
            if let Some(drill) = &mut result.drill {
                drill_numbers(drill, &text, &mut result.problems);
            }
        }
        Some(FileKind::Record) => result.record = read_yaml(&text, &mut result, limits),
        Some(FileKind::Plan) => read_plan(&text, &mut result, limits),
    }
    result.source = SourceFile::new(result.source.path, text);
    if cr_only {
        let first = result.source.text.find('\n').unwrap_or(0);
        result
            .problems
            .insert(0, (Span::new(first, first), ProblemKind::CrLineEnds));
    }
    // A file that is not UTF-8 is read in the encoding it was detected in, so that the ids it
    // defines are known and one file saved as GBK is one finding, not a finding at every use
    // of its ids; its own problems wait until it is saved as UTF-8.
    if let Some(NotUtf8 { encoding, offset }) = not_utf8 {
        result.problems = vec![(Span::new(offset, offset), ProblemKind::NotUtf8 { encoding })];
        result.source.encoding = Some(encoding);
    }
    result
}

/// A whole YAML file read as `T`, its problems and broken ids kept in `result`.
fn read_yaml<T: Document>(text: &str, result: &mut FileResult, limits: Limits) -> Option<T> {
    let parsed = yaml::parse::<T>(text, limits);
    result.problems.extend(
        parsed
            .problems
            .into_iter()
            .map(|(s, p)| (s, ProblemKind::Yaml(p))),
    );
    result.broken_ids = parsed.broken_ids;
    parsed.value
}

fn read_plan(text: &str, result: &mut FileResult, limits: Limits) {
    let Some(front) = front_matter(text) else {
        let first_line = text.find('\n').unwrap_or(text.len());
        result
            .problems
            .push((Span::new(0, first_line), ProblemKind::NoFrontMatter));
        return;
    };
    let Some((yaml_end, body_start)) = front else {
        result
            .problems
            .push((Span::new(0, 3), ProblemKind::UnterminatedFrontMatter));
        return;
    };
    let before = result.problems.len();
    let value = read_yaml::<PlanMeta>(&text[..yaml_end], result, limits);
    let complete = result.problems.len() == before;
    match value {
        Some(mut meta) => {
            thresholds(&mut meta, text, &mut result.problems);
            // A dropped threshold is a part not read, like any other bad value.
            let complete = complete && result.problems.len() == before;
            let mut body = markdown::outline(text, body_start);
            shrink(&mut meta, &mut body);
            result.plan = Some((meta, body, complete));
        }
        None => {
            let probe = yaml::probe(&text[..yaml_end]);
            result.broken_ids.extend(probe.id);
            result.broken_owner = probe.owner;
            let kind = probe
                .kind
                .and_then(|k| PlanKind::ALL.into_iter().find(|p| p.key() == k));
            result.unread = Some((kind, markdown::outline(text, body_start)));
        }
    }
}

/// Gives back the unused capacity of a plan's lists. They grow by doubling while they are read,
/// and a province's plans would otherwise keep about 40% of their list memory unused (tens of
/// megabytes at 10,000 plans); shrinking right after reading is in place and cheap.
fn shrink(meta: &mut PlanMeta, body: &mut crate::model::Body) {
    meta.parents.shrink_to_fit();
    meta.hazards.shrink_to_fit();
    if let Some(command) = &mut meta.command {
        command.deputies.shrink_to_fit();
        command.members.shrink_to_fit();
        for group in &mut command.groups {
            group.members.shrink_to_fit();
        }
        command.groups.shrink_to_fit();
    }
    meta.duties.shrink_to_fit();
    meta.accepts.shrink_to_fit();
    for level in &mut meta.warning {
        level.criteria.shrink_to_fit();
        level.actions.shrink_to_fit();
    }
    meta.warning.shrink_to_fit();
    for level in &mut meta.response {
        level.criteria.shrink_to_fit();
        level.actions.shrink_to_fit();
    }
    meta.response.shrink_to_fit();
    meta.resources.shrink_to_fit();
    meta.neighbours.shrink_to_fit();
    if let Some(lifecycle) = &mut meta.lifecycle {
        lifecycle.revisions.shrink_to_fit();
    }
    body.shrink();
}

/// Finds the front matter: `None` when the file does not start with `---`, `Some(None)` when it
/// is not closed, else the end of the YAML (the start of the closing line) and the start of the
/// body.
pub(super) fn front_matter(text: &str) -> Option<Option<(usize, usize)>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    for line in lines {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some(Some((offset, offset + line.len())));
        }
        offset += line.len();
    }
    Some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_found() {
        assert_eq!(front_matter("---\nid: a\n---\n# T\n"), Some(Some((10, 14))));
        assert_eq!(
            front_matter("---\r\nid: a\r\n---\r\n"),
            Some(Some((12, 17)))
        );
        assert_eq!(front_matter("# T\n"), None);
        assert_eq!(front_matter("---\nid: a\n"), Some(None));
        assert_eq!(front_matter(""), None);
    }
}
