//! The one way every verb writes a file the user named (`-o`, `--write-baseline`, the files of
//! a pack, a plan `review` or `new` writes): a regular file, written whole or not at all.
//!
//! A target that is a folder, a device, a FIFO or a socket is refused, so `-o /dev/null` as root
//! cannot replace the device with a file. A symbolic link at the target is written through only
//! when the file it names lies in the same folder; one that leads elsewhere is refused. The
//! bytes go to a temporary file with a random name made with `O_EXCL` beside the target (a link
//! planted at a predictable name is never followed), which is then renamed over it. A verb
//! whose job is not to write plans refuses to overwrite a file the repository reads.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::foundation::i18n::Lang;
use crate::load::display_path;
use crate::model::Repository;
use crate::tr;

/// What a verb may overwrite besides its own outputs.
#[derive(Clone, Copy)]
pub(super) enum May<'a> {
    /// Plan and registry files too: writing them is the verb's job (`init`, `new`, `review`).
    WritePlans,
    /// No file that this repository reads.
    NotTouch(&'a Repository),
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename, so that a reader
/// never sees half a file and a failed run leaves the old file in place.
pub(super) fn write_atomic(path: &Path, bytes: &[u8], may: May, lang: Lang) -> Result<(), String> {
    let shown = display_path(path);
    let target = regular_target(path, &shown, lang)?;
    if let May::NotTouch(repo) = may
        && reads(repo, &target)
    {
        return Err(tr!(
            lang,
            "cannot write {shown}: it is a file of the plan repository, which this command never overwrites; choose another -o",
            "无法写入 {shown}：这是预案仓库中的文件，本命令不会覆盖它；请换一个 -o"
        ));
    }
    let dir = folder_of(&target);
    if !dir.is_dir() {
        let dir = display_path(dir);
        return Err(tr!(
            lang,
            "cannot write {shown}: the folder {dir} does not exist; create it or choose another -o",
            "无法写入 {shown}：目录 {dir} 不存在；请先创建，或换一个 -o"
        ));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let written = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .and_then(|mut temp| {
            temp.write_all(bytes)?;
            temp.persist(&target).map(drop).map_err(|e| e.error)
        });
    written.map_err(|e| tr!(lang, "cannot write {shown}: {e}", "无法写入 {shown}：{e}"))
}

/// The folder a path lies in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// The file to replace for `path`: the path itself, or the file a link there names when that
/// lies in the same folder. Anything but a regular file, or no file yet, is refused.
fn regular_target(path: &Path, shown: &str, lang: Lang) -> Result<PathBuf, String> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_owned()),
        Err(e) => {
            return Err(tr!(
                lang,
                "cannot write {shown}: {e}",
                "无法写入 {shown}：{e}"
            ));
        }
    };
    if meta.file_type().is_symlink() {
        let folder = std::fs::canonicalize(folder_of(path));
        let named = std::fs::canonicalize(path);
        let inside = match (&folder, &named) {
            (Ok(folder), Ok(named)) => named.parent() == Some(folder.as_path()),
            _ => false,
        };
        if !inside {
            return Err(tr!(
                lang,
                "cannot write {shown}: it is a symbolic link to a file outside its folder (or to nothing), which emplan does not write through; remove the link or choose another -o",
                "无法写入 {shown}：这是指向其所在目录之外（或不存在）的符号链接，emplan 不会经由它写入；请删除该链接，或换一个 -o"
            ));
        }
        let named = named.unwrap_or_else(|_| path.to_owned());
        let meta = std::fs::metadata(&named)
            .map_err(|e| tr!(lang, "cannot write {shown}: {e}", "无法写入 {shown}：{e}"))?;
        refuse_unless_file(&meta, shown, lang)?;
        return Ok(named);
    }
    refuse_unless_file(&meta, shown, lang)?;
    Ok(path.to_owned())
}

fn refuse_unless_file(meta: &std::fs::Metadata, shown: &str, lang: Lang) -> Result<(), String> {
    if meta.is_file() {
        return Ok(());
    }
    let what = kind_of(meta, lang);
    Err(tr!(
        lang,
        "cannot write {shown}: it is {what}, not a file, and emplan writes only regular files; give the path of a file",
        "无法写入 {shown}：这是{what}而不是文件，emplan 只写入普通文件；请给出文件路径"
    ))
}

/// What a path that is not a regular file is, for a message.
fn kind_of(meta: &std::fs::Metadata, lang: Lang) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_block_device() {
            return lang.pick("a device", "设备文件");
        }
        if kind.is_fifo() {
            return lang.pick("a FIFO", "命名管道（FIFO）");
        }
        if kind.is_socket() {
            return lang.pick("a socket", "套接字");
        }
    }
    if meta.is_dir() {
        lang.pick("a folder", "目录")
    } else {
        lang.pick("not a regular file", "特殊文件")
    }
}

/// Whether the repository reads the file at `target` (a plan, registry, drill or record file).
fn reads(repo: &Repository, target: &Path) -> bool {
    let Ok(target) = std::fs::canonicalize(target) else {
        return false; // no file there yet
    };
    let name = target.file_name();
    repo.sources.files.iter().any(|f| {
        let path = Path::new(&f.path);
        path.file_name() == name && std::fs::canonicalize(path).is_ok_and(|p| p == target)
    })
}
