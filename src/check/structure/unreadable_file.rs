use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::load::ProblemKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S101",
    name: "unreadable-file",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a file cannot be read", "文件无法读取"),
    doc: (
        "\
## What it does
Reports a plan or registry file that emplan found but could not read: a dangling symbolic link,
a file without read permission, a folder it may not enter.

## Why is this bad?
A plan that cannot be read is a plan nobody checks. The 2024 预案管理办法 (Art. 6) asks that
plans be kept in databases and used digitally; a file that the tools cannot open is not.

## How to fix
Restore the file or the link target, or fix its permissions.",
        "\
## 作用
报告 emplan 找到了、却无法读取的预案文件或登记文件：
指向不存在目标的符号链接、没有读取权限的文件、无权进入的文件夹等。

## 为什么有问题
读不了的预案，就是没人检查的预案。
2024 年《突发事件应急预案管理办法》第六条要求应急预案纳入数据库管理、
推进数字化应用；工具打不开的文件做不到这一点。

## 如何修复
恢复该文件或链接目标，或修正其权限。",
    ),
    example: Example {
        file: "plans/link.md",
        find: "",
        bad: "(a symbolic link to a file that does not exist)",
        good: "(the link removed, or its target restored)",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::Unreadable { message } => Some((
            tr!(
                cx.lang,
                "cannot read this file: {message}",
                "无法读取该文件：{message}"
            ),
            vec![tr!(
                cx.lang,
                "restore the file or the target of the link, or fix its permissions",
                "恢复该文件或链接目标，或修正文件权限"
            )],
        )),
        _ => None,
    });
}
