//! Stage 1: files on disk -> [`Repository`]. Walks the folder, reads every file in parallel,
//! splits front matter from Markdown, and keeps every problem for the structure rules.

mod assemble;
pub mod config;
mod discover;
mod domains;
pub(crate) mod encoding;
pub mod inside;
pub mod markdown;
pub mod message;
mod read;
pub mod root;
pub mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::foundation::problem::ProblemKind;
use crate::model::config::Limits;
use crate::model::drill::{Drill, DrillRecord};
use crate::model::{PlanMeta, RegistryFile, Repository, SourceFile, Span};
use assemble::{add, add_config, set_aside_duplicates};
pub use discover::{Found, discover};
pub use encoding::NotUtf8;
use read::{FileResult, not_read, read_file, read_text};
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
