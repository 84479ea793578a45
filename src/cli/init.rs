//! `emplan init DIR`: a new plan repository (configuration, registry, overall plan, CI
//! workflow, schemas) that checks clean. No existing file is overwritten: if any is there,
//! nothing is written.

use crate::foundation::i18n::Lang;
use crate::model::Date;
use crate::tr;

use super::args::InitArgs;
use super::{EXIT_OK, May, write_atomic};

pub fn run(args: &InitArgs, lang: Lang) -> Result<i32, String> {
    let files = crate::scaffold::init(&args.name, Date::today())?;
    let taken: Vec<String> = files
        .iter()
        .map(|(path, _)| args.dir.join(path))
        .filter(|path| path.exists())
        .map(|path| crate::load::display_path(&path))
        .collect();
    if !taken.is_empty() {
        let list = taken.join(", ");
        return Err(tr!(
            lang,
            "{list} already exist(s): emplan init writes into a new or empty folder and overwrites nothing; nothing was written",
            "{list} 已存在：emplan init 只写入新目录或空目录，不覆盖已有文件；未写入任何内容"
        ));
    }
    for (path, text) in &files {
        let path = args.dir.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                let dir = crate::load::display_path(dir);
                tr!(lang, "cannot create {dir}: {e}", "无法创建 {dir}：{e}")
            })?;
        }
        write_atomic(&path, text.as_bytes(), May::WritePlans, lang)?;
    }
    let (dir, count) = (crate::load::display_path(&args.dir), files.len());
    eprintln!(
        "{}",
        tr!(
            lang,
            "created the plan repository {dir} ({count} files); next: `emplan check {dir}`, then `emplan new --kind KIND --id ID --owner ORG {dir}`",
            "已创建预案仓库 {dir}（{count} 个文件）；下一步：`emplan check {dir}`，然后 `emplan new --kind 类别 --id 编号 --owner 单位 {dir}`"
        )
    );
    Ok(EXIT_OK)
}
