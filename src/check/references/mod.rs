//! R: references. Every id a plan or registry entry uses must name something that exists, every
//! `plan:` link must lead somewhere, and no plan may use the name of an organisation that no
//! longer exists.

pub mod broken_plan_link;
pub mod dissolved_organisation;
pub mod former_name;
pub mod unknown_contact;
pub mod unknown_duty;
pub mod unknown_hazard;
pub mod unknown_metric;
pub mod unknown_organisation;
pub mod unknown_plan;
pub mod unknown_post;
pub mod unknown_resource;
pub mod unknown_season;

use crate::check::{Context, Diagnostic, Rule};
use crate::foundation::suggest::suggest;
use crate::model::index::Table;
use crate::model::refs::IdKind;
use crate::model::refs::{Reference, for_each_reference};
use crate::tr;

/// Reports every reference of `kind` that is not in `table` (and not a broken entry).
fn unknown_in_table<T>(
    cx: &Context,
    rule: &'static Rule,
    kind: IdKind,
    table: &Table<T>,
    out: &mut Vec<Diagnostic>,
) {
    for_each_reference(cx.repo, kind, |reference| {
        let id = reference.id.as_str();
        if table.get(id).is_some() || cx.is_broken(id) {
            return;
        }
        out.push(unknown(cx, rule, &reference, suggest(id, table.ids())));
    });
}

/// The diagnostic for an id that names nothing, with a did-you-mean when one is close.
/// The column (from 1) where a reference's id starts in its file.
fn reference_column(cx: &Context, reference: &Reference) -> usize {
    cx.repo.sources.place(reference.loc()).column
}

/// What an invisible or control character is called, for a message.
fn invisible_name(c: char, lang: crate::foundation::i18n::Lang) -> &'static str {
    let (en, zh) = match c {
        '\u{200b}' => ("a zero-width space", "零宽空格"),
        '\u{200c}' => ("a zero-width non-joiner", "零宽非连接符"),
        '\u{200d}' => ("a zero-width joiner", "零宽连接符"),
        '\u{2060}' => ("a word joiner", "词连接符"),
        '\u{feff}' => ("a zero-width no-break space (BOM)", "零宽不换行空格（BOM）"),
        '\u{200e}' | '\u{200f}' | '\u{61c}' => ("a direction mark", "方向标记"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            ("a bidirectional control", "双向文本控制符")
        }
        _ => ("a control character", "控制字符"),
    };
    lang.pick(en, zh)
}

fn unknown(
    cx: &Context,
    rule: &'static Rule,
    reference: &Reference,
    near: Option<&str>,
) -> Diagnostic {
    let what = reference.kind.name(cx.lang);
    let id = reference.id.as_str();
    let mut diagnostic = Diagnostic::new(
        rule,
        reference.loc(),
        tr!(cx.lang, "unknown {what} `{id}`", "未知{what} `{id}`"),
    );
    // Ids joined by a full-width comma or an enumeration comma read as one id.
    if id.contains(['，', '、']) {
        let list = id
            .split(['，', '、'])
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ");
        return diagnostic.with_help(tr!(
            cx.lang,
            "`，` and `、` do not separate ids in YAML: write `{list}`, with ASCII commas",
            "YAML 不以“，”或“、”分隔编号：请写作 `{list}`，使用半角逗号"
        ));
    }
    // An id that is a known one with an invisible or control character in it looks the same
    // as the known one: name the character and where it is, not a "did you mean" twin.
    if let Some((column, c)) = id
        .chars()
        .enumerate()
        .find(|&(_, c)| crate::foundation::escape::acts(c))
        && near.is_some_and(|near| near == id.replace(crate::foundation::escape::acts, ""))
    {
        let column = reference_column(cx, reference) + column;
        let code = format!("U+{:04X}", c as u32);
        let name = invisible_name(c, cx.lang);
        return diagnostic.with_help(tr!(
            cx.lang,
            "the id contains {name} {code} at column {column}: delete it",
            "编号在第 {column} 列含有{name} {code}：请删除它"
        ));
    }
    if let Some(near) = near {
        diagnostic = diagnostic.with_help(tr!(
            cx.lang,
            "did you mean `{near}`?",
            "是否应为 `{near}`？"
        ));
    }
    diagnostic.with_help(match reference.kind {
        IdKind::Plan | IdKind::Duty | IdKind::Season => tr!(
            cx.lang,
            "check the id, or add the missing {what}",
            "请核对编号，或补充缺失的{what}"
        ),
        _ => tr!(
            cx.lang,
            "check the id, or define the {what} in a registry file",
            "请核对编号，或在登记文件（registry）中定义该{what}"
        ),
    })
}
