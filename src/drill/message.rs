//! The drill stage's messages: a drill that cannot be found or derived, a template that cannot
//! be rendered, said in the user's language.

use super::Unknown;
use super::pack::TemplateError;
use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::{Loc, Repository};
use crate::tr;

/// Why a drill cannot be found or derived, for the terminal.
pub fn unknown(repo: &Repository, u: &Unknown<'_>, id: &str, lang: Lang) -> String {
    let at = |loc: &Loc| {
        let p = repo.sources.place(*loc);
        format!("{}:{}:{}", escape(p.path), p.line, p.column)
    };
    match u {
        Unknown::Drill(Some(near)) => tr!(
            lang,
            "no drill `{id}`; did you mean `{near}`?",
            "没有编号为 `{id}` 的演练；是否应为 `{near}`？"
        ),
        Unknown::Drill(None) => tr!(
            lang,
            "no drill `{id}`: drills are defined in *.drill.yaml files of the repository",
            "没有编号为 `{id}` 的演练：演练定义在仓库的 *.drill.yaml 文件中"
        ),
        Unknown::Hazard(loc, near) => {
            let (at, near) = (at(loc), near.unwrap_or("?"));
            tr!(
                lang,
                "{at}: the scenario's hazard is not in the registry (nearest: `{near}`)",
                "{at}：情景的灾种不在登记册中（最接近的是 `{near}`）"
            )
        }
        Unknown::Place(loc, near) => {
            let (at, near) = (at(loc), near.unwrap_or("?"));
            tr!(
                lang,
                "{at}: the scenario's place is no township, village or hazard point (nearest: `{near}`)",
                "{at}：情景地点不是乡镇（街道）、村（社区）或隐患点（最接近的是 `{near}`）"
            )
        }
    }
}

/// A template of the pack that cannot be rendered.
pub fn template(e: &TemplateError, lang: Lang) -> String {
    let (template, message) = (&e.template, escape(&e.message));
    tr!(
        lang,
        "template {template} cannot be rendered: {message}",
        "模板 {template} 无法生成：{message}"
    )
}
