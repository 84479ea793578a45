//! `emplan schema`: the JSON Schemas of the file format, generated from the model's types.

use std::path::Path;

use crate::foundation::i18n::Lang;
use crate::model::schema::schemas;
use crate::tr;

use super::EXIT_OK;

pub fn run(args: &super::args::SchemaArgs, lang: Lang) -> Result<i32, String> {
    match &args.out {
        None => {
            let all: String = schemas()
                .into_iter()
                .map(|(name, text)| format!("// {name}\n{text}\n"))
                .collect();
            super::print(&all, lang)?;
        }
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                let shown = dir.display();
                return Err(tr!(
                    lang,
                    "--out {shown} is a file: give the folder to write the schemas into",
                    "--out {shown} 是一个文件：请给出写入 JSON Schema 的目录"
                ));
            }
            write_all_or_none(dir, &schemas()).map_err(|(path, e)| {
                let shown = path.display();
                tr!(
                    lang,
                    "cannot write {shown}: {e} (no schema was written)",
                    "无法写入 {shown}：{e}（未写入任何 Schema）"
                )
            })?;
        }
    }
    Ok(EXIT_OK)
}

/// Writes every file into `dir`, or none: each goes to a temporary file with a random name first
/// (`O_EXCL`, so no planted link is followed), and only when all are written are they renamed
/// into place; a failure drops the temporary files, which removes them.
fn write_all_or_none(
    dir: &Path,
    files: &[(&str, String)],
) -> Result<(), (std::path::PathBuf, std::io::Error)> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_owned(), e))?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(dir)
            .and_then(|mut temp| temp.write_all(text.as_bytes()).map(|()| temp));
        written.push((temp.map_err(|e| (path.clone(), e))?, path));
    }
    // What would stop a rename halfway, or make it replace what is no file (a folder, a device
    // or a link where a schema goes), is found before any.
    let odd = |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_file());
    if let Some((_, path)) = written.iter().find(|(_, path)| odd(path)) {
        let error = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "something that is not a regular file has its name",
        );
        return Err((path.clone(), error));
    }
    for (temp, path) in written {
        temp.persist(&path).map_err(|e| (path.clone(), e.error))?;
    }
    Ok(())
}
