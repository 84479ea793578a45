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

/// Writes every file into `dir`, or none: each goes to a temporary file first, and only when
/// all are written are they renamed into place (a failure removes the temporary files).
fn write_all_or_none(
    dir: &Path,
    files: &[(&str, String)],
) -> Result<(), (std::path::PathBuf, std::io::Error)> {
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_owned(), e))?;
    let mut written: Vec<(std::path::PathBuf, std::path::PathBuf)> = Vec::new();
    let clean = |written: &[(std::path::PathBuf, std::path::PathBuf)]| {
        for (temp, _) in written {
            let _ = std::fs::remove_file(temp);
        }
    };
    for (name, text) in files {
        let path = dir.join(name);
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        if let Err(e) = std::fs::write(&temp, text.as_bytes()) {
            let _ = std::fs::remove_file(&temp);
            clean(&written);
            return Err((path, e));
        }
        written.push((temp, path));
    }
    // What would stop a rename halfway (a folder where a schema goes) is found before any.
    if let Some((_, path)) = written.iter().find(|(_, path)| path.is_dir()) {
        let path = path.clone();
        clean(&written);
        let error = std::io::Error::new(std::io::ErrorKind::IsADirectory, "a folder has its name");
        return Err((path, error));
    }
    for (temp, path) in &written {
        if let Err(e) = std::fs::rename(temp, path) {
            clean(&written);
            return Err((path.clone(), e));
        }
    }
    Ok(())
}
