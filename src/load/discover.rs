//! Discovery: the files below the root that emplan reads, by their names, and the symbolic
//! links it does not follow.

use std::path::{Path, PathBuf};

use super::RootError;

/// What kind of file a path is, by its name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    Plan,
    Registry,
    /// A drill definition, `*.drill.yaml`.
    Drill,
    /// What happened in a drill, `*.record.yaml`.
    Record,
}

pub(super) fn file_kind(path: &Path) -> Option<FileKind> {
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
