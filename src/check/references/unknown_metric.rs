use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::refs::IdKind;

pub static RULE: Rule = Rule {
    code: "R107",
    name: "unknown-metric",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a metric id that names no metric", "引用了不存在的指标"),
    doc: (
        "\
## What it does
A reference to a metric (in an activation criterion or a hazard's `metrics`) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Activation thresholds can only be compared between plans when they measure the same registered quantity; an unknown metric makes the threshold unchecked.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用指标（启动条件中或灾种的 `metrics` 中）时使用的编号不在登记文件中。
帮助信息会给出最接近的现有编号。

## 为什么有问题
只有衡量的是同一个已登记的量，各预案的启动阈值才能相互比较；
指标未知，该阈值就无法检查。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中定义该指标。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "metric: rainfall-24h",
        bad: "metric: rainfal-24h",
        good: "metric: rainfall-24h",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Metric, &cx.metrics, out);
}
