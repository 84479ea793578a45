//! Reading a file of the repository that is not a plan (a template) without leaving the
//! repository: a link that leads out of it is refused, as the plan loader and the Typst world
//! refuse it.

use std::path::Path;

/// Why a file of the repository was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum NotInside {
    /// The path, its links resolved, lies outside the repository.
    Outside,
    /// It could not be read (not UTF-8, no permission, a folder...).
    Unreadable(String),
}

impl NotInside {
    /// What happened, for a message that names the file.
    pub fn message(&self) -> String {
        match self {
            NotInside::Outside => {
                "a link that leads out of the repository (or to nothing): not read; put the file itself in the repository".to_owned()
            }
            NotInside::Unreadable(e) => format!("cannot be read: {e}"),
        }
    }
}

/// The text of the repository's file at `relative`, `None` when there is none.
pub fn read_inside(root: &Path, relative: &str) -> Result<Option<String>, NotInside> {
    let path = root.join(relative);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let (Ok(root), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        // A link to nothing: what it names is not in the repository.
        return Err(NotInside::Outside);
    };
    if !real.starts_with(&root) {
        return Err(NotInside::Outside);
    }
    std::fs::read_to_string(&real)
        .map(Some)
        .map_err(|e| NotInside::Unreadable(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_out_of_the_repository_is_refused_and_one_inside_is_read() {
        let top = tempfile::tempdir().unwrap();
        let repo = top.path().join("repo");
        std::fs::create_dir_all(repo.join("templates")).unwrap();
        std::fs::write(top.path().join("secret"), "outside").unwrap();
        std::fs::write(repo.join("templates/own.md"), "inside").unwrap();
        std::os::unix::fs::symlink("../../secret", repo.join("templates/out.md")).unwrap();
        std::os::unix::fs::symlink("own.md", repo.join("templates/in.md")).unwrap();
        std::os::unix::fs::symlink("nowhere", repo.join("templates/gone.md")).unwrap();
        let read = |name: &str| read_inside(&repo, &format!("templates/{name}"));
        assert_eq!(read("own.md"), Ok(Some("inside".to_owned())));
        assert_eq!(read("in.md"), Ok(Some("inside".to_owned())));
        assert_eq!(read("out.md"), Err(NotInside::Outside));
        assert_eq!(read("gone.md"), Err(NotInside::Outside));
        assert_eq!(read("none.md"), Ok(None));
    }
}
