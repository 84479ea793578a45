//! The sandboxed Typst [`World`]: it serves the book's generated files, the templates, and
//! files of the plan repository (images) that lie inside its root, and nothing else. There
//! are no packages and no network; the date comes from the data.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use typst_kit::fonts::FontStore;

/// Where the repository's own files appear inside the book: `/repo/<path from the root>`.
pub const REPO_PREFIX: &str = "/repo/";

/// The templates emplan ships; a repository's `templates/` folder overrides any of them.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("official.typ", include_str!("../../templates/official.typ")),
    ("handbook.typ", include_str!("../../templates/handbook.typ")),
    ("cards.typ", include_str!("../../templates/cards.typ")),
    ("document.typ", include_str!("../../templates/document.typ")),
];

/// One compilation's files and settings.
pub struct BookWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a FontStore,
    main: FileId,
    /// Generated files by their path in the book (`/book.json`, `/plans/ID.typ`, ...).
    files: &'a HashMap<String, Bytes>,
    /// The plan repository's root, links resolved, for `/repo/...` and `templates/`
    /// overrides; `None` when it cannot be resolved (then nothing of it is read).
    root: Option<PathBuf>,
    today: Datetime,
    sources: Mutex<HashMap<FileId, Source>>,
}

impl<'a> BookWorld<'a> {
    /// A world whose main file is the template `main` (a file name in `templates/`).
    pub fn new(
        fonts: &'a FontStore,
        root: &Path,
        main: &str,
        files: &'a HashMap<String, Bytes>,
        today: Datetime,
    ) -> Self {
        BookWorld {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            main: file_id(&format!("/templates/{main}")),
            files,
            root: root.canonicalize().ok(),
            today,
            sources: Mutex::new(HashMap::new()),
        }
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let rooted = id.get();
        if matches!(rooted.root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some(
                "emplan books cannot import packages".into(),
            )));
        }
        let path = rooted.vpath().get_with_slash();
        if let Some(bytes) = self.files.get(path) {
            return Ok(bytes.clone());
        }
        if let Some(name) = path.strip_prefix("/templates/") {
            if let Some(bytes) = self.read_inside(&format!("templates/{name}"))? {
                return Ok(bytes);
            }
            return TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| Bytes::from_string(*text))
                .ok_or_else(|| FileError::NotFound(PathBuf::from(path)));
        }
        if let Some(relative) = path.strip_prefix(REPO_PREFIX)
            && let Some(bytes) = self.read_inside(relative)?
        {
            return Ok(bytes);
        }
        Err(FileError::NotFound(PathBuf::from(path)))
    }

    /// Reads the repository's file at `relative` when it exists and, links resolved, lies
    /// inside the root. A path that leaves the root, or enters a hidden folder or file (`.git`,
    /// where a token may be kept), is refused, not read.
    fn read_inside(&self, relative: &str) -> FileResult<Option<Bytes>> {
        let Some(root) = &self.root else {
            return Ok(None);
        };
        if relative.split('/').any(|part| part.starts_with('.')) {
            return Err(FileError::AccessDenied);
        }
        let path = root.join(relative);
        let Ok(real) = path.canonicalize() else {
            return Ok(None);
        };
        if !real.starts_with(root) {
            return Err(FileError::AccessDenied);
        }
        if !real.is_file() {
            return Ok(None);
        }
        std::fs::read(&real)
            .map(|data| Some(Bytes::new(data)))
            .map_err(|e| FileError::from_io(e, &path))
    }
}

/// The id of a file at `path` in the book.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid").unwrap());
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for BookWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(source) = sources.get(&id) {
            return Ok(source.clone());
        }
        let bytes = self.read(id)?;
        let text = bytes
            .as_str()
            .map_err(|_| FileError::InvalidUtf8)?
            .to_owned();
        let source = Source::new(id, text);
        sources.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
