use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::ResponseLevel;
use crate::tr;

use super::{Threshold, same_hazard, thresholds};

pub static RULE: Rule = Rule {
    code: "L209",
    name: "parent-level-uncaught",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "events of a parent's level reach no level of this plan",
        "上级预案某级别的事件在本预案中没有对应级别",
    ),
    doc: (
        "\
## What it does
For each comparable criterion of a parent's response level (a metric and an `at_least`, the same
hazard or none, a hazard this plan covers), when this plan grades by the same metric but has no
criterion on it at that level, checks that some level of this plan starts at or below the
parent's value. If none does, the events from the parent's value up to this plan's lowest
threshold start the parent's level and none of this plan's. (A level this plan has, with a
higher threshold, is L203's finding.)

## Why is this bad?
Response grading must be linked to the parent plan's (分级与上级预案衔接). If the overall plan
starts level Ⅳ at one death and the forest-fire plan's lowest level starts at three, a forest
fire that kills one or two people is a level Ⅳ event of the district with no forest-fire
response: the lead department that should act first has no level to act on.

## How to fix
Add the missing level, or lower this plan's lowest threshold to the parent's value.",
        "\
## 作用
对上级预案某一响应级别中每个可比较的条件（有指标和 `at_least`，灾种相同或未写灾种，
且为本预案覆盖的灾种），若本预案也用同一指标分级、但在该级别没有该指标的条件，
则检查本预案是否有某个级别的启动阈值不高于上级预案的数值。如果没有，
从上级预案的数值到本预案最低阈值之间的事件，会启动上级预案的该级别响应，
却启动不了本预案的任何级别。（本预案有该级别但阈值更高的，属于 L203。）

## 为什么有问题
应急响应分级应与上级预案衔接。如果总体应急预案在死亡 1 人时启动Ⅳ级响应，
而森林火灾专项预案的最低级别在死亡 3 人时才启动，那么造成 1～2 人死亡的
森林火灾，在区一级是Ⅳ级事件，却没有森林火灾专项响应：本应率先行动的
牵头部门没有可以启动的级别。

## 如何修复
补充缺少的级别，或将本预案的最低阈值降至上级预案的数值。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "      - { text: 造成1人以上死亡, metric: deaths, at_least: 1 }\n",
        bad: "",
        good: "      - { text: 造成1人以上死亡, metric: deaths, at_least: 1 }\n",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let mine: Vec<Threshold> = thresholds(plan).collect();
        if mine.is_empty() {
            continue;
        }
        let covers = |hazard: Option<&str>| {
            hazard.is_none_or(|h| {
                plan.meta.hazards.is_empty() || plan.meta.hazards.iter().any(|x| x.as_str() == h)
            })
        };
        let mut reported: Vec<(ResponseLevel, &str)> = Vec::new();
        for parent in super::parents(cx, plan) {
            for theirs in thresholds(parent) {
                let hazard = theirs.criterion.hazard.as_ref().map(|h| h.as_str());
                if !covers(hazard) || reported.contains(&(theirs.level, theirs.metric)) {
                    continue;
                }
                let same: Vec<&Threshold> = mine
                    .iter()
                    .filter(|t| {
                        t.metric == theirs.metric && same_hazard(t.criterion, theirs.criterion)
                    })
                    .collect();
                let Some(lowest) = same.iter().min_by(|a, b| a.value.total_cmp(&b.value)) else {
                    continue;
                };
                if same.iter().any(|t| t.level == theirs.level) || lowest.value <= theirs.value {
                    continue;
                }
                reported.push((theirs.level, theirs.metric));
                let (level, level_zh, metric, value, low) = (
                    theirs.level.key(),
                    theirs.level.zh(),
                    theirs.metric,
                    theirs.value,
                    lowest.value,
                );
                let parent_id = parent.meta.id.as_str();
                out.push(
                    Diagnostic::new(
                        &RULE,
                        plan.loc(lowest.span),
                        tr!(
                            cx.lang,
                            "`{parent_id}` starts level {level} at {metric} >= {value}, but no level of this plan starts below {low}",
                            "上级预案 `{parent_id}` 在 {metric} 达到 {value} 时启动{level_zh}响应，本预案最低级别却要到 {low} 才启动"
                        ),
                    )
                    .with_related(parent.loc(theirs.span), tr!(cx.lang, "the parent's level", "上级预案的该级别"))
                    .with_help(tr!(
                        cx.lang,
                        "add level {level} starting at {value}, or lower this plan's lowest threshold to {value}",
                        "请补充在 {value} 时启动的{level_zh}响应，或将本预案的最低阈值降至 {value}"
                    )),
                );
            }
        }
    }
}
