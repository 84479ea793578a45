use crate::check::index::suggest;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::load::YamlProblem;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S201",
    name: "unknown-field",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a field that the format does not have", "未知字段"),
    doc: (
        "\
## What it does
Reports a field that the repository format does not define (see docs/format.md and the JSON
Schemas in `schemas/`), with the closest field name when it looks like a typo.

## Why is this bad?
A misspelt field is silently lost: `dutys:` instead of `duties:` means the plan assigns no duty
at all, and the linkage check passes for the wrong reason.

## How to fix
Correct the name, or move the information into the Markdown body if the format has no field for
it.",
        "\
## 作用
报告仓库格式中没有定义的字段（见 docs/format.md 和 `schemas/` 中的
JSON Schema）；看起来像拼写错误时，给出最接近的字段名。

## 为什么有问题
拼错的字段会被悄无声息地丢掉：把 `duties:` 写成 `dutys:`，
就等于这份预案一项职责也没有分配，衔接检查也会因为错误的原因而通过。

## 如何修复
改正字段名；如果格式中没有对应的字段，就把这些信息移到 Markdown 正文中。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "duties:",
        bad: "dutys:",
        good: "duties:",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind| match super::yaml(kind) {
        Some(YamlProblem::UnknownField { field, expected }) => {
            let mut helps = Vec::new();
            if let Some(near) = suggest(field, expected.iter().copied()) {
                helps.push(tr!(
                    cx.lang,
                    "did you mean `{near}`?",
                    "是否应为 `{near}`？"
                ));
            }
            let list = expected.join(", ");
            helps.push(tr!(
                cx.lang,
                "the fields here are: {list}",
                "此处可用的字段：{list}"
            ));
            Some((
                tr!(cx.lang, "unknown field `{field}`", "未知字段 `{field}`"),
                helps,
            ))
        }
        _ => None,
    });
}
