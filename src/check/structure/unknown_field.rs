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
    doc: "\
## What it does
Reports a field that the repository format does not define (see docs/format.md and the JSON
Schemas in `schemas/`), with the closest field name when it looks like a typo.

## Why is this bad?
A misspelt field is silently lost: `dutys:` instead of `duties:` means the plan assigns no duty
at all, and the linkage check passes for the wrong reason.

## How to fix
Correct the name, or move the information into the Markdown body if the format has no field for
it.",
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
