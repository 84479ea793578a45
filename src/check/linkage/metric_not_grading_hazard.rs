use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L206",
    name: "metric-not-grading-hazard",
    family: Family::Linkage,
    severity: Severity::Warning,
    summary: (
        "a criterion grades a hazard by a metric of another hazard",
        "启动条件用其他灾种的指标来分级",
    ),
    doc: (
        "\
## What it does
A metric that some hazards list under their `metrics` in the registry (24-hour rainfall for a
rainstorm, burnt forest area for a forest fire) grades those hazards, and the hazards they
trigger (`triggers`: a rainstorm's rainfall also grades the flood it causes). This rule reports
a criterion that applies such a metric to a hazard it grades neither way. The hazard of a
criterion is its `hazard`, or the plan's one hazard when it covers one. Metrics that no hazard
lists (deaths, economic loss) grade every hazard and are not checked.

## Why is this bad?
A threshold on the wrong quantity never fires when it should: a forest-fire level that starts on
millimetres of rain is a copy-and-paste slip from the flood plan, and the forest fire it was
meant to catch goes without that level.

## How to fix
Use the metric that grades the hazard, or correct the criterion's `hazard`; if the metric does
grade it, list it under the hazard's `metrics`.",
        "\
## 作用
在登记文件中被某些灾种列入其 `metrics` 的指标（暴雨的 24 小时降雨量、
森林火灾的受害森林面积），用于这些灾种及其引发的灾种（`triggers`：
暴雨的降雨量也可用于其引发的洪涝）的分级。本规则报告把这类指标用于
以上两种情况都不属于的灾种的启动条件。启动条件的灾种取其 `hazard`，
预案只覆盖一个灾种时取该灾种。没有任何灾种列出的指标（死亡人数、
直接经济损失）适用于所有灾种，不检查。

## 为什么有问题
用错了计量对象的阈值，在该启动时不会启动：以降雨毫米数启动的森林火灾响应级别，
是从防汛预案照抄来的笔误，它本应涵盖的森林火灾就缺了这一级响应。

## 如何修复
改用该灾种的分级指标，或改正条件的 `hazard`；如果该指标确实用于该灾种分级，
请将其列入该灾种的 `metrics`。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "metric: rainfall-24h, hazard: rainstorm, at_least: 50 }",
        bad: "metric: dry-days, hazard: rainstorm, at_least: 50 }",
        good: "metric: rainfall-24h, hazard: rainstorm, at_least: 50 }",
    },
    run,
};

/// True when `metric` grades `hazard`: the hazard lists it, or a hazard that lists it
/// triggers this one.
fn grades(cx: &Context, metric: &str, hazard: &str) -> bool {
    cx.repo.registry.hazards.iter().any(|entry| {
        let h = &entry.value;
        h.metrics.iter().any(|m| m.as_str() == metric)
            && (h.id.as_str() == hazard || h.triggers.iter().any(|t| t.as_str() == hazard))
    })
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let listed = |metric: &str| {
        cx.repo
            .registry
            .hazards
            .iter()
            .any(|h| h.value.metrics.iter().any(|m| m.as_str() == metric))
    };
    for plan in &cx.repo.plans {
        let single = match plan.meta.hazards.as_slice() {
            [only] => Some(only),
            _ => None,
        };
        for criterion in plan.meta.criteria() {
            let (Some(metric), Some(hazard)) =
                (&criterion.metric, criterion.hazard.as_ref().or(single))
            else {
                continue;
            };
            let (m, h) = (metric.as_str(), hazard.as_str());
            if cx.hazards.get(h).is_none() || !listed(m) || grades(cx, m, h) {
                continue;
            }
            let name = cx.hazards.get(h).map_or(h, |x| x.value.name.as_str());
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(metric.span),
                    tr!(
                        cx.lang,
                        "`{m}` does not grade {name} (`{h}`): no hazard that lists it is or triggers `{h}`",
                        "指标 `{m}` 不用于{name}（`{h}`）的分级：列出该指标的灾种既不是也不会引发 `{h}`"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "use a metric of `{h}`, correct the hazard, or list `{m}` under the hazard's `metrics`",
                    "请改用 `{h}` 的分级指标、改正灾种，或将 `{m}` 列入该灾种的 `metrics`"
                )),
            );
        }
    }
}
