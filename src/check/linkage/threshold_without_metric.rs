use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L204",
    name: "threshold-without-metric",
    family: Family::Linkage,
    severity: Severity::Warning,
    summary: (
        "a criterion has a threshold but no metric",
        "启动条件有阈值但没有指标",
    ),
    doc: (
        "\
## What it does
Reports a criterion (of a response level, a warning or an event grade, or a condition inside
one) with `at_least` or `below` but no `metric`.

## Why is this bad?
A number means nothing without what it counts: `at_least: 10` may be deaths, hectares or
millimetres of rain. Without the metric the threshold cannot be compared with the parent plan's
(L203, L209) or with the plan's other levels (L207), so the linkage of the grading, which the
review guides ask for (分级清晰，与上级预案衔接), goes unchecked.

## How to fix
Add the `metric` the number counts (a metric id of the registry), or drop the number and keep
the text.",
        "\
## 作用
报告带有 `at_least` 或 `below`、却没有 `metric` 的启动条件
（响应级别、预警、事件分级中的条件，或其中嵌套的条件）。

## 为什么有问题
数字离开了它所计量的对象就没有意义：`at_least: 10` 可能是死亡人数、公顷，
也可能是降雨毫米数。没有指标，这个阈值就无法与上级预案比对（L203、L209），
也无法与本预案的其他级别比对（L207），评审要求的“分级清晰，与上级预案衔接”
就无从检查。

## 如何修复
补上该数字所计量的 `metric`（登记文件中的指标编号），或去掉数字只保留文字。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
        bad: "{ text: 造成3人以上死亡, at_least: 3 }",
        good: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for criterion in plan.meta.criteria() {
            if criterion.metric.is_some() {
                continue;
            }
            let Some(bound) = criterion.at_least.as_ref().or(criterion.below.as_ref()) else {
                continue;
            };
            let value = bound.value;
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(bound.span),
                    tr!(
                        cx.lang,
                        "the threshold {value} has no metric: it cannot be compared with other plans",
                        "阈值 {value} 没有指标，无法与其他预案比对"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "add the `metric` it counts, such as `metric: deaths`",
                    "请补上所计量的 `metric`，如 `metric: deaths`"
                )),
            );
        }
    }
}
