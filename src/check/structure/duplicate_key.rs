use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::YamlProblem;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S204",
    name: "duplicate-key",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("the same key twice in one mapping", "同一映射中键重复"),
    doc: (
        "\
## What it does
Reports a key that appears twice in the same YAML mapping.

## Why is this bad?
YAML forbids it, and tools that accept it keep one of the two values silently: a second
`duties:` list written further down replaces the first one, and half of the plan's duties
disappear from every check.

## How to fix
Merge the two entries into one.",
        "\
## 作用
报告在同一个 YAML 映射中出现两次的键。

## 为什么有问题
YAML 不允许这样写，而接受这种写法的工具会悄悄只保留两个值中的一个：
在下方又写了一个 `duties:` 列表，就会替换掉前面那个，
预案的一半职责便从所有检查中消失了。

## 如何修复
把两处合并为一处。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "parents: [overall]\n",
        bad: "parents: [overall]\nparents: [zx-flood]\n",
        good: "parents: [overall]\n",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match super::yaml(kind) {
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
