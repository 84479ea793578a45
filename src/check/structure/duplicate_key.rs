use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::load::YamlProblem;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S204",
    name: "duplicate-key",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("the same key twice in one mapping", "同一映射中键重复"),
    doc: "\
## What it does
Reports a key that appears twice in the same YAML mapping.

## Why is this bad?
YAML forbids it, and tools that accept it keep one of the two values silently: a second
`duties:` list written further down replaces the first one, and half of the plan's duties
disappear from every check.

## How to fix
Merge the two entries into one.",
    example: Example {
        file: "plans/bm-shuili.md",
        find: "parents: [overall]\n",
        bad: "parents: [overall]\nparents: [zx-flood]\n",
        good: "parents: [overall]\n",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind| match super::yaml(kind) {
        Some(YamlProblem::DuplicateKey { key }) => Some((
            tr!(cx.lang, "duplicate key `{key}`", "键 `{key}` 重复"),
            vec![tr!(
                cx.lang,
                "merge the two `{key}` entries into one",
                "请将两个 `{key}` 合并为一个"
            )],
        )),
        _ => None,
    });
}
