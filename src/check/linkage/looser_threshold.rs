use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::plan::Criterion;
use crate::model::{Plan, ResponseLevel, Span};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L203",
    name: "looser-threshold",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a plan activates a level later than its parent does",
        "预案的启动条件比上级预案宽松",
    ),
    doc: (
        "\
## What it does
For each response level, compares the plan's activation criteria that have a `metric` and an
`at_least` value with its parents' criteria for the same level and metric (and the same hazard,
where both name one). The plan's threshold must be no higher than the loosest matching one of its
parents: if the overall plan activates level Ⅳ at one death, a specialised plan that waits for
three has a gap in which neither responds as it should.

## Why is this bad?
Grading must be \"clear and linked to the grading of the parent plan\". A child with a looser
threshold leaves events that the parent counts as level Ⅳ without a level Ⅳ response by the
department that should act first. The reverse (a stricter child) is allowed: lower tiers may act
earlier.

## How to fix
Lower the threshold to the parent's value or below, or change the parent if it is wrong.",
        "\
## 作用
对每个响应级别，将预案中带有 `metric` 和 `at_least` 值的
启动条件，与其上级预案中同一级别、同一指标的启动条件
进行比较（双方都写明灾种时，还须灾种相同）。本预案的阈值
不得高于相匹配的上级预案阈值中最宽松的一个：如果总体应急
预案在死亡 1 人时即启动Ⅳ级响应，而专项应急预案要等到
死亡 3 人才启动，两者之间就出现空档，在此区间内，
两个预案都无法按应有的方式响应。

## 为什么有问题
应急响应应当“分级清晰，且与上级应急预案响应分级衔接”。
下级预案的阈值更宽松，上级预案认定为Ⅳ级的事件，
就得不到本应率先行动的部门的Ⅳ级响应。反过来
（下级预案更严格）是允许的：下级可以更早行动。

## 如何修复
将阈值降至上级预案的数值或以下；
如果是上级预案有误，则修改上级预案。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "{ text: 造成1人以上死亡, metric: deaths, at_least: 1 }",
        bad: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
        good: "{ text: 造成1人以上死亡, metric: deaths, at_least: 1 }",
    },
    run,
};

/// The parent criterion a child criterion is compared with: the one with the highest threshold
/// among the parents' criteria for the same level, metric and hazard.
pub(super) fn loosest<'a>(
    parents: &[&'a Plan],
    level: ResponseLevel,
    criterion: &Criterion,
) -> Option<(&'a Plan, &'a Criterion, f64)> {
    let metric = criterion.metric.as_ref()?.as_str();
    let hazard = criterion.hazard.as_ref().map(|h| h.as_str());
    parents
        .iter()
        .flat_map(|&p| p.meta.response.iter().map(move |r| (p, r)))
        .filter(|(_, r)| *r.level == level)
        .flat_map(|(p, r)| r.criteria.iter().map(move |c| (p, c)))
        .filter(|(_, c)| c.metric.as_ref().is_some_and(|m| m.as_str() == metric))
        .filter(|(_, c)| match (&c.hazard, hazard) {
            (Some(h), Some(mine)) => h.as_str() == mine,
            _ => true,
        })
        .filter_map(|(p, c)| c.at_least.as_ref().map(|v| (p, c, v.value)))
        .max_by(|a, b| a.2.total_cmp(&b.2))
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let parents: Vec<&Plan> = super::parents(cx, plan).collect();
        if parents.is_empty() {
            continue;
        }
        for level in &plan.meta.response {
            for criterion in &level.criteria {
                let Some(value) = &criterion.at_least else {
                    continue;
                };
                let Some((parent, theirs, limit)) = loosest(&parents, *level.level, criterion)
                else {
                    continue;
                };
                if value.value <= limit {
                    continue;
                }
                let (mine, zh) = (value.value, level.level.zh());
                let metric = criterion.metric.as_ref().map_or("", |m| m.as_str());
                let metric = match cx.lang {
                    crate::foundation::i18n::Lang::Zh => cx
                        .metrics
                        .get(metric)
                        .map_or(metric, |m| m.value.name.as_str()),
                    crate::foundation::i18n::Lang::En => metric,
                };
                let parent_id = parent.meta.id.as_str();
                let span: Span = theirs
                    .at_least
                    .as_ref()
                    .map_or(parent.meta.id.span, |v| v.span);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        plan.loc(value.span),
                        tr!(
                            cx.lang,
                            "level {zh} starts at {metric} >= {mine} here, later than `{parent_id}` ({metric} >= {limit})",
                            "此处{zh}响应在 {metric} 达到 {mine} 时启动，晚于上级预案 `{parent_id}`（{limit}）"
                        ),
                    )
                    .with_related(parent.loc(span), tr!(cx.lang, "the parent's threshold", "上级预案的启动条件"))
                    .with_help(tr!(
                        cx.lang,
                        "lower the threshold to {limit} or below",
                        "请将启动条件降至 {limit} 或以下"
                    )),
                );
            }
        }
    }
}
