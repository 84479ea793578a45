use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::model::refs::for_each_definition;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S206",
    name: "id-format",
    family: Family::Structure,
    severity: Severity::Warning,
    summary: (
        "an id is not lower-case ASCII with hyphens",
        "编号格式不规范",
    ),
    doc: (
        "\
## What it does
Reports an id that is not made of lower-case ASCII letters and digits joined by single hyphens
(`qu-shuiliju`, `zx-flood-drought`, `c-0001`).

## Why is this bad?
Ids are what other plans, drills, reports and file names refer to for years. Chinese characters,
spaces and mixed case in ids break links in other tools, look alike when typed with different
input methods (全角/半角), and change when someone \"corrects\" a name. Names belong in `name` or
`title`, which can change freely.

## How to fix
Use a pinyin or English id, and keep the Chinese in `name` or `title`.",
        "\
## 作用
报告不是由小写 ASCII 字母和数字、以单个连字符连接而成的编号
（如 `qu-shuiliju`、`zx-flood-drought`、`c-0001`）。

## 为什么有问题
编号是其他预案、演练、报告和文件名在多年里都要引用的对象。
编号中含有汉字、空格或大小写混用，会使其他工具中的链接失效；
用不同输入法（全角/半角）输入时看起来一样、实际却不同；有人“纠正”名称时编号也会跟着变。
名称应写在 `name` 或 `title` 中，这两项可以随时修改。

## 如何修复
使用拼音或英文编号，中文写在 `name` 或 `title` 中。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "- id: rescue",
        bad: "- id: 抢险救援",
        good: "- id: rescue",
    },
    run,
};

/// True for `abc`, `a-1`, `qu-shuiliju`; false for `A`, `a--b`, `-a`, `a_b`, `水利`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_definition(cx.repo, |def| {
        let id = def.id.as_str();
        if is_valid_id(id) {
            return;
        }
        let what = def.kind.name(cx.lang);
        out.push(
            Diagnostic::new(
                &RULE,
                Loc {
                    file: def.file,
                    span: def.id.span,
                },
                tr!(
                    cx.lang,
                    "{what} id `{id}` is not lower-case ASCII letters and digits joined by hyphens",
                    "{what}编号 `{id}` 应由小写英文字母、数字和连字符组成"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "use a pinyin or English id such as `qu-shuiliju`; keep the Chinese in the name or title",
                "请使用拼音或英文编号（如 `qu-shuiliju`），中文写在名称或标题中"
            )),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;

    #[test]
    fn ids() {
        for ok in ["a", "qu-shuiliju", "c-0001", "zx-flood-drought"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "A", "a--b", "-a", "a-", "a_b", "水利", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
