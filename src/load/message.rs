//! The loader's messages for the terminal: a repository that cannot be read, or a path that
//! holds no plan, said in the user's language.

use std::path::Path;

use crate::foundation::i18n::Lang;

/// The message for a repository that cannot be read at all.
pub fn cannot_read(path: &Path, message: &str, lang: Lang) -> String {
    let path = path.display();
    crate::tr!(
        lang,
        "cannot read {path}: {message}",
        "无法读取 {path}：{message}"
    )
}

/// The message for a path under which emplan finds nothing to read.
pub fn no_plans(path: &str, lang: Lang) -> String {
    crate::tr!(
        lang,
        "no plan files under {path}: emplan reads the Markdown plans (*.md) and YAML registry files of a plan repository; check the path",
        "{path} 下没有预案文件：emplan 读取预案仓库中的 Markdown 预案（*.md）和 YAML 登记册文件；请检查路径"
    )
}
