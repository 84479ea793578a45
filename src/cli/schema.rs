//! `emplan schema`: the JSON Schemas of the file format, generated from the model's types.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::{PlanMeta, RegistryFile};
use crate::tr;

use super::EXIT_OK;

/// File name and pretty-printed text of every schema.
pub fn schemas() -> Vec<(&'static str, String)> {
    let render = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        ("plan.schema.json", render(schemars::schema_for!(PlanMeta))),
        (
            "registry.schema.json",
            render(schemars::schema_for!(RegistryFile)),
        ),
    ]
}

pub fn run(args: &super::args::SchemaArgs, lang: Lang) -> Result<i32, String> {
    match &args.out {
        None => {
            let all: String = schemas()
                .into_iter()
                .map(|(name, text)| format!("// {name}\n{text}\n"))
                .collect();
            super::print(&all)?;
        }
        Some(dir) => {
            for (name, text) in schemas() {
                let path = dir.join(name);
                write_atomically(&path, text.as_bytes()).map_err(|e| {
                    let shown = path.display();
                    tr!(lang, "cannot write {shown}: {e}", "无法写入 {shown}：{e}")
                })?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// Writes a generated file through a temporary file in the same folder and a rename, so a
/// reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}
