//! Finding the repository a file belongs to, so that one file is checked with everything it
//! refers to.

use std::path::{Path, PathBuf};

/// The file that marks the root of a plan repository.
pub const MARKER: &str = "emplan.toml";

/// How the root of the repository was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundBy {
    /// The nearest folder upward with an `emplan.toml`.
    Marker,
    /// The top of the git work tree.
    Git,
    /// Given with `--root`.
    Flag,
}

impl FoundBy {
    /// The token used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            FoundBy::Marker => "emplan.toml",
            FoundBy::Git => "git",
            FoundBy::Flag => "--root",
        }
    }
}

/// The nearest folder at or above `start` (a folder) that holds an `emplan.toml`.
pub fn marked_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(MARKER).is_file())
        .map(Path::to_owned)
}

/// The root of the repository that holds `start` (a folder): the nearest folder upward with an
/// `emplan.toml`, or else the top of the git work tree.
pub fn find_root(start: &Path) -> Option<(PathBuf, FoundBy)> {
    if let Some(root) = marked_root(start) {
        return Some((root, FoundBy::Marker));
    }
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(|dir| (dir.to_owned(), FoundBy::Git))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_wins_over_git_and_the_nearest_marker_wins() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        std::fs::create_dir_all(top.join(".git")).unwrap();
        std::fs::create_dir_all(top.join("a/b/c")).unwrap();
        assert_eq!(
            find_root(&top.join("a/b/c")),
            Some((top.to_owned(), FoundBy::Git))
        );
        std::fs::write(top.join("a/emplan.toml"), "").unwrap();
        assert_eq!(
            find_root(&top.join("a/b/c")),
            Some((top.join("a"), FoundBy::Marker))
        );
        std::fs::write(top.join("a/b/emplan.toml"), "").unwrap();
        assert_eq!(marked_root(&top.join("a/b/c")), Some(top.join("a/b")));
    }
}
