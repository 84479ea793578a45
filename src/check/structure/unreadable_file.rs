use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::load::ProblemKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S101",
    name: "unreadable-file",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a file cannot be read", "文件无法读取"),
    doc: "\
## What it does
Reports a plan or registry file that emplan found but could not read: a dangling symbolic link,
a file without read permission, a folder it may not enter.

## Why is this bad?
A plan that cannot be read is a plan nobody checks. The 2024 预案管理办法 (Art. 6) asks that
plans be kept in databases and used digitally; a file that the tools cannot open is not.

## How to fix
Restore the file or the link target, or fix its permissions.",
    example: Example {
        file: "plans/link.md",
        find: "",
        bad: "(a symbolic link to a file that does not exist)",
        good: "(the link removed, or its target restored)",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind| match kind {
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
