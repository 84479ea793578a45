use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::load::YamlProblem;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S103",
    name: "yaml-syntax",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("the YAML cannot be parsed", "YAML 语法错误"),
    doc: (
        "\
## What it does
Reports front matter or a registry file that is not well-formed YAML: a bracket never closed, a
bad indentation, a tab used for indentation, an unknown anchor.

## Why is this bad?
Nothing in a file that cannot be parsed is checked, so every other rule is silent about it.

## How to fix
Fix the syntax at the place shown. Quote values that contain `: `, `#` or start with `[`, `{`,
`*`, `&`, `!`, `%` or `@`.",
        "\
## 作用
报告不是合法 YAML 的前置元数据（front matter）或登记文件：
括号未闭合、缩进错误、用制表符（Tab）缩进、引用了不存在的锚点等。

## 为什么有问题
无法解析的文件，其中的内容一概不会被检查，其他所有规则对它都不会报告任何问题。

## 如何修复
在提示的位置修正语法。值中含有 `: ` 或 `#`，或以 `[`、`{`、
`*`、`&`、`!`、`%`、`@` 开头时，须给该值加引号。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "owner: qu-shuiliju",
        bad: "owner: [qu-shuiliju",
        good: "owner: qu-shuiliju",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind| match super::yaml(kind) {
        Some(YamlProblem::Syntax { message }) => Some((
            tr!(
                cx.lang,
                "invalid YAML: {message}",
                "YAML 语法错误：{message}"
            ),
            vec![tr!(
                cx.lang,
                "fix the syntax here; quote values that contain ': ' or '#' or start with '[' or '{{'",
                "请修正此处语法；含有“: ”或“#”、或以“[”“{{”开头的值需加引号"
            )],
        )),
        _ => None,
    });
}
