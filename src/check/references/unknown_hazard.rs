use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::refs::IdKind;

pub static RULE: Rule = Rule {
    code: "R103",
    name: "unknown-hazard",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a hazard id that names no hazard", "引用了不存在的灾种"),
    doc: (
        "\
## What it does
A reference to a hazard (a plan's `hazards`, a criterion's `hazard`, a hazard chain's `triggers`, a hazard point's `hazard`) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Coverage of the district's hazards, hazard chains and activation thresholds are all computed per hazard; a misspelt hazard drops the plan out of every one of them.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用灾种（预案的 `hazards`、启动条件的 `hazard`、灾害链的 `triggers`、
隐患点的 `hazard`）时使用的编号不在登记文件中。
帮助信息会给出最接近的现有编号。

## 为什么有问题
全区灾种覆盖情况、灾害链和启动阈值都按灾种计算；
灾种编号写错，该预案就会从所有这些计算中漏掉。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中定义该灾种。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "hazards: [rainstorm, flood]",
        bad: "hazards: [rainstorm, flod]",
        good: "hazards: [rainstorm, flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Hazard, &cx.hazards, out);
}
