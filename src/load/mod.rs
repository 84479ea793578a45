//! Stage 1: files on disk -> [`Repository`]. Walks the folder, reads every file in parallel,
//! splits front matter from Markdown, and keeps every problem for the structure rules.

pub mod config;
pub(crate) mod encoding;
pub mod markdown;
pub mod message;
pub mod root;
pub mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::foundation::problem::{Expected, Problem, ProblemKind, YamlProblem};
use crate::model::config::Limits;
use crate::model::drill::{Drill, DrillRecord};
use crate::model::{
    Entry, FileId, Loc, Plan, PlanKind, PlanMeta, RegistryFile, Repository, SourceFile, Span,
    UnreadPlan,
};
pub use encoding::NotUtf8;
pub use yaml::Document;

impl Document for PlanMeta {
    const REQUIRED: &'static [&'static str] = &["id", "kind", "title", "owner"];
}

impl Document for RegistryFile {
    const REQUIRED: &'static [&'static str] = &[];
}

impl Document for DrillRecord {
    const REQUIRED: &'static [&'static str] = &["drill", "date", "start", "place"];
}

impl Document for Drill {
    const REQUIRED: &'static [&'static str] = &[
        "id",
        "title",
        "organiser",
        "form",
        "content",
        "purpose",
        "scenario",
    ];
}

/// Why emplan could not run at all.
#[derive(Debug)]
pub struct RootError {
    pub path: PathBuf,
    pub message: String,
}

/// What kind of file a path is, by its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Plan,
    Registry,
    /// A drill definition, `*.drill.yaml`.
    Drill,
    /// What happened in a drill, `*.record.yaml`.
    Record,
}

fn file_kind(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    if name.eq_ignore_ascii_case("README.md") {
        return None;
    }
    match path.extension()?.to_str()? {
        "md" => Some(FileKind::Plan),
        "yaml" | "yml" => {
            let stem = path.file_stem()?.to_str()?;
            Some(if stem.ends_with(".drill") {
                FileKind::Drill
            } else if crate::model::drill::is_record_name(name) {
                FileKind::Record
            } else {
                FileKind::Registry
            })
        }
        _ => None,
    }
}

fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') && name != "." && name != ".."
        || name == "target"
        || name == "node_modules"
}

/// What the walk below the root found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A file to read (a link to a file inside the repository is one too).
    File(PathBuf),
    /// A symbolic link that points outside the repository, and where.
    Outside { link: PathBuf, target: PathBuf },
    /// A symbolic link that leads back to itself.
    Loop(PathBuf),
    /// A symbolic link to nothing, with a plan's or registry's name, and what it names.
    Dangling { link: PathBuf, target: PathBuf },
}

/// Lists the files emplan reads below `root`, in a stable order. Symbolic links are not
/// followed out of the repository: a link whose target lies outside the root is listed as such
/// and never read (a pull request must not make a CI log print `/etc/passwd`); a link to a
/// folder inside the root adds nothing, the folder is walked where it is.
pub fn discover(root: &Path) -> Result<Vec<Found>, RootError> {
    let metadata = std::fs::metadata(root).map_err(|e| RootError {
        path: root.to_owned(),
        message: e.to_string(),
    })?;
    if metadata.is_file() {
        return Ok(vec![Found::File(root.to_owned())]);
    }
    let canonical_root = std::fs::canonicalize(root).map_err(|e| RootError {
        path: root.to_owned(),
        message: e.to_string(),
    })?;
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .follow_root_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !skipped_dir(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.path_is_symlink() && entry.depth() > 0 => {
                let link = entry.into_path();
                match std::fs::canonicalize(&link) {
                    Ok(target) if !target.starts_with(&canonical_root) => {
                        files.push(Found::Outside { link, target });
                    }
                    Ok(target) if target.is_file() && file_kind(&link).is_some() => {
                        files.push(Found::File(link));
                    }
                    Ok(_) => {}
                    Err(error) if error.raw_os_error() == Some(ELOOP) => {
                        files.push(Found::Loop(link))
                    }
                    // A dangling link matters only under a name emplan reads.
                    Err(_) if file_kind(&link).is_some() => match std::fs::read_link(&link) {
                        Ok(target) => files.push(Found::Dangling { link, target }),
                        Err(_) => files.push(Found::File(link)),
                    },
                    Err(_) => {}
                }
            }
            Ok(entry) if entry.file_type().is_file() && file_kind(entry.path()).is_some() => {
                files.push(Found::File(entry.into_path()));
            }
            Ok(_) => {}
            Err(error) if error.depth() == 0 => {
                return Err(RootError {
                    path: root.to_owned(),
                    message: error.to_string(),
                });
            }
            // An unreadable folder below the root is reported as an unreadable file.
            Err(error) => {
                if let Some(path) = error.path() {
                    files.push(Found::File(path.to_owned()));
                }
            }
        }
    }
    Ok(files)
}

/// `ELOOP`, "too many levels of symbolic links", on Linux and the BSDs (40 and 62).
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

/// The path as shown to the user: relative to the working directory where possible, with `/`.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_owned))
        .unwrap_or_else(|| path.to_owned());
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").map(str::to_owned).unwrap_or(text);
    // The working directory itself.
    if text.is_empty() {
        ".".to_owned()
    } else {
        text
    }
}

/// What reading one file produced, before file ids are handed out.
struct FileResult {
    source: SourceFile,
    plan: Option<(PlanMeta, crate::model::Body, bool)>,
    /// A plan whose front matter could not be read: its kind, if written, and its body.
    unread: Option<(Option<PlanKind>, crate::model::Body)>,
    registry: Option<RegistryFile>,
    drill: Option<Drill>,
    record: Option<DrillRecord>,
    problems: Vec<(Span, ProblemKind)>,
    broken_ids: Vec<String>,
    /// The owner of a plan that could not be read.
    broken_owner: Option<String>,
}

/// Loads the repository below `root`. Fails only when `root` itself cannot be read.
pub fn load(root: &Path) -> Result<Repository, RootError> {
    let config_path = root.join(root::MARKER);
    let config = config_path
        .is_file()
        .then(|| std::fs::read(&config_path))
        .map(|read| match read {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let read = config::read(&text);
                (SourceFile::new(display_path(&config_path), text), read)
            }
            Err(error) => {
                let mut read = config::read("");
                read.problems
                    .push((Span::default(), format!("cannot read it: {error}")));
                (
                    SourceFile::new(display_path(&config_path), String::new()),
                    read,
                )
            }
        });
    let limits = config
        .as_ref()
        .map_or_else(Limits::default, |(_, read)| read.config.limits);
    let mut found = discover(root)?;
    if let Some((_, read)) = &config {
        found.retain(|f| {
            let path = match f {
                Found::File(path) | Found::Loop(path) => path,
                Found::Outside { link, .. } | Found::Dangling { link, .. } => link,
            };
            let relative = path.strip_prefix(root).unwrap_or(path);
            !read.ignore.is_match(relative)
        });
    }
    let results: Vec<FileResult> = found
        .par_iter()
        .map(|found| match found {
            Found::File(path) => read_file(path, limits),
            Found::Outside { link, target } => not_read(
                link,
                ProblemKind::LinkOutside {
                    target: target.to_string_lossy().into_owned(),
                },
            ),
            Found::Loop(link) => not_read(link, ProblemKind::LinkLoop),
            Found::Dangling { link, target } => not_read(
                link,
                ProblemKind::LinkDangling {
                    target: target.to_string_lossy().into_owned(),
                },
            ),
        })
        .collect();
    let mut repo = Repository {
        root: root.to_owned(),
        ..Repository::default()
    };
    // A plan is several hundred bytes: growing the vector by doubling would copy them and, at
    // the last doubling, hold both copies at once.
    repo.plans
        .reserve_exact(results.iter().filter(|r| r.plan.is_some()).count());
    repo.sources.files.reserve_exact(results.len());
    for (file, result) in results.into_iter().enumerate() {
        add(&mut repo, file, result);
    }
    if let Some((source, read)) = config {
        add_config(&mut repo, source, read);
    }
    set_aside_duplicates(&mut repo);
    Ok(repo)
}

/// Adds the configuration and its file, whose mistakes are findings like any other.
fn add_config(repo: &mut Repository, source: SourceFile, read: config::Read) {
    let file = repo.sources.files.len();
    repo.problems
        .extend(read.problems.into_iter().map(|(span, message)| Problem {
            loc: Loc { file, span },
            kind: ProblemKind::Config { message },
        }));
    repo.config = read.config;
    repo.config_file = Some(file);
    repo.sources.files.push(source);
}

/// Loads files given as (path, contents) pairs, as if read from disk in that order; for tests,
/// benches and tools that hold a repository in memory.
pub fn load_files(files: &[(String, Vec<u8>)]) -> Repository {
    let mut repo = Repository::default();
    let mut config = None;
    for (path, bytes) in files {
        if path == root::MARKER {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let read = config::read(&text);
            config = Some((SourceFile::new(path.clone(), text), read));
        }
    }
    let limits = config
        .as_ref()
        .map_or_else(Limits::default, |(_, read)| read.config.limits);
    let files = files.iter().filter(|(path, _)| path != root::MARKER);
    for (file, (path, bytes)) in files.enumerate() {
        if bytes.len() as u64 > limits.file_bytes() {
            let too_large = ProblemKind::TooLarge {
                bytes: bytes.len() as u64,
                limit_mib: limits.file_size_mib,
            };
            add(&mut repo, file, not_read(Path::new(path), too_large));
            continue;
        }
        let (text, not_utf8) = encoding::decode(bytes);
        let result = read_text(Path::new(path), path.clone(), text, not_utf8, limits);
        add(&mut repo, file, result);
    }
    if let Some((source, read)) = config {
        add_config(&mut repo, source, read);
    }
    set_aside_duplicates(&mut repo);
    repo
}

/// Moves each plan whose id an earlier plan already has to [`Repository::duplicate_plans`].
fn set_aside_duplicates(repo: &mut Repository) {
    let mut seen = std::collections::HashSet::with_capacity(repo.plans.len());
    let has_duplicates = repo
        .plans
        .iter()
        .any(|p| !seen.insert(p.meta.id.as_str().to_owned()));
    if !has_duplicates {
        return;
    }
    seen.clear();
    let (plans, duplicates) = std::mem::take(&mut repo.plans)
        .into_iter()
        .partition(|p| seen.insert(p.meta.id.as_str().to_owned()));
    repo.plans = plans;
    repo.duplicate_plans = duplicates;
}

fn add(repo: &mut Repository, file: FileId, result: FileResult) {
    repo.problems
        .extend(result.problems.into_iter().map(|(span, kind)| Problem {
            loc: Loc { file, span },
            kind,
        }));
    repo.broken_ids.extend(result.broken_ids);
    repo.broken_owners.extend(result.broken_owner);
    if let Some((meta, body, complete)) = result.plan {
        repo.plans.push(Plan {
            file,
            meta,
            body,
            complete,
        });
    }
    if let Some((kind, body)) = result.unread {
        repo.unread_plans.push(UnreadPlan { file, kind, body });
    }
    if let Some(registry) = result.registry {
        repo.registry.extend(file, registry);
    }
    if let Some(drill) = result.drill {
        repo.drills.push(Entry { file, value: drill });
    }
    if let Some(record) = result.record {
        repo.records.push(Entry {
            file,
            value: record,
        });
    }
    repo.sources.files.push(result.source);
}

fn read_file(path: &Path, limits: Limits) -> FileResult {
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
fn not_read(path: &Path, why: ProblemKind) -> FileResult {
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

fn read_text(
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

/// An S203 problem for each number outside its domain, at the number.
fn out_of_domain(bad: Vec<(Span, Expected)>, text: &str) -> Vec<(Span, ProblemKind)> {
    bad.into_iter()
        .map(|(span, expected)| {
            let found = text
                .get(span.start as usize..span.end as usize)
                .map(str::to_owned);
            (
                span,
                ProblemKind::Yaml(YamlProblem::InvalidValue { found, expected }),
            )
        })
        .collect()
}

/// The registry's numbers in their domains: a travel factor and speed finite and 1 or more, a
/// latitude from -90 to 90 and a longitude from -180 to 180. A number outside is an S203
/// problem and is dropped (coordinates as a pair), as for thresholds.
fn registry_numbers(
    registry: &mut RegistryFile,
    text: &str,
    problems: &mut Vec<(Span, ProblemKind)>,
) {
    use crate::model::registry::Coordinates;

    let mut bad = Vec::new();
    if let Some(travel) = &mut registry.travel {
        for n in [&mut travel.road_factor, &mut travel.speed_kmh] {
            if let Some(v) = n
                && !(v.value.is_finite() && v.value >= 1.0)
            {
                bad.push((v.span, Expected::AtLeast(1.0)));
                *n = None;
            }
        }
    }
    let mut place = |at: &mut Option<Coordinates>| {
        let Some(c) = at else { return };
        let before = bad.len();
        for (v, max) in [(&c.lat, 90.0), (&c.lon, 180.0)] {
            if !(-max..=max).contains(&v.value) {
                bad.push((v.span, Expected::Between(-max, max)));
            }
        }
        if bad.len() > before {
            *at = None;
        }
    };
    for org in &mut registry.organisations {
        place(&mut org.at);
    }
    for resource in &mut registry.resources {
        if let Some(p) = &mut resource.place {
            place(&mut p.at);
        }
    }
    problems.extend(out_of_domain(bad, text));
}

/// A drill's readings are finite numbers (a reading may be below 0: a temperature); one that is
/// not is an S203 problem and is dropped.
fn drill_numbers(drill: &mut Drill, text: &str, problems: &mut Vec<(Span, ProblemKind)>) {
    let mut bad = Vec::new();
    for stage in &mut drill.scenario.stages {
        stage.readings.retain(|r| {
            let finite = r.value.value.is_finite();
            if !finite {
                bad.push((r.value.span, Expected::Finite));
            }
            finite
        });
    }
    problems.extend(out_of_domain(bad, text));
}

/// Every threshold of the plan's criteria (`at_least`, `below`) is a finite number, 0 or more:
/// one that is not (`.nan`, `.inf`, `-5`) is an S203 problem and is dropped, so that no rule
/// compares against it and nothing else of the plan is lost. Both YAML readers end here, so the
/// same number is judged the same way on every path (issue 12, defect 4).
fn thresholds(meta: &mut PlanMeta, text: &str, problems: &mut Vec<(Span, ProblemKind)>) {
    fn visit(c: &mut crate::model::plan::Criterion, bad: &mut Vec<Span>) {
        for n in [&mut c.at_least, &mut c.below] {
            if let Some(v) = n
                && !(v.value.is_finite() && v.value >= 0.0)
            {
                bad.push(v.span);
                *n = None;
            }
        }
        for inner in &mut c.all_of {
            visit(inner, bad);
        }
    }
    let mut bad = Vec::new();
    let lists = meta.grading.iter_mut().map(|g| &mut g.criteria);
    let lists = lists.chain(meta.warning.iter_mut().map(|w| &mut w.criteria));
    for list in lists.chain(meta.response.iter_mut().map(|r| &mut r.criteria)) {
        for c in list {
            visit(c, &mut bad);
        }
    }
    let bad = bad.into_iter().map(|s| (s, Expected::Threshold)).collect();
    problems.extend(out_of_domain(bad, text));
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
fn front_matter(text: &str) -> Option<Option<(usize, usize)>> {
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
