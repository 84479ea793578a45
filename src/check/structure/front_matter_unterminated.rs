use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::ProblemKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S105",
    name: "front-matter-unterminated",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("the front matter is never closed", "前置元数据没有结束标记"),
    doc: (
        "\
## What it does
Reports a plan whose opening `---` line has no closing `---` line.

## Why is this bad?
Without the closing line emplan cannot tell the structured part from the narrative, so the plan
is not read at all.

## How to fix
Add a line with only `---` after the last front matter field, before the Markdown body.",
        "\
## 作用
报告前置元数据（front matter）只有开头的 `---` 行、没有结束 `---` 行的预案。

## 为什么有问题
没有结束行，emplan 就无法区分结构化部分和正文，整份预案都不会被读取。

## 如何修复
在最后一个前置元数据字段之后、Markdown 正文之前，单独添加一行 `---`。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "---\n\n# 区水利局",
        bad: "\n# 区水利局",
        good: "---\n\n# 区水利局",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::UnterminatedFrontMatter => Some((
            tr!(
                cx.lang,
                "the front matter opened here is never closed",
                "此处开始的前置元数据没有结束标记"
            ),
            vec![tr!(
                cx.lang,
                "add a line `---` after the last field, before the Markdown body",
                "在最后一个字段之后、正文之前添加一行 `---`"
            )],
        )),
        _ => None,
    });
}
