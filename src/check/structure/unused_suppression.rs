use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "S109",
    name: "unused-suppression",
    family: Family::Structure,
    severity: Severity::Warning,
    summary: ("a suppression covers no finding", "豁免没有对应的问题"),
    doc: (
        "\
## What it does
Reports a suppression (`emplan: allow CODE -- reason`) under which none of the rules it names
reports a finding on the line it covers.

## Why is this bad?
A suppression that suppresses nothing is left over from a problem that was fixed, or sits on
the wrong line; either way it would silence the next, different finding of that rule there
without anyone deciding to.

## How to fix
Remove it, or move it to the line of the finding it is meant for.",
        "\
## 作用
报告所针对的行上、所列规则均未报告问题的豁免（`emplan: allow CODE -- 理由`）。

## 为什么有问题
不起作用的豁免，要么是问题改正后遗留下来的，要么写错了行；无论哪种，它都会在无人决定的情况下
掩盖该规则在该处的下一个、不同的问题。

## 如何修复
删除它，或移到所针对问题所在的行。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "  - id: qu-weijianju\n",
        bad: "  # emplan: allow C105 -- 人数按2027年目标\n  - id: qu-weijianju\n",
        good: "  - id: qu-weijianju\n",
    },
    run,
};

/// Found with the suppressions after every rule has run (`check::suppress`).
fn run(_: &Context, _: &mut Vec<Diagnostic>) {}
