use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::ResponseLevel;
use crate::tr;

use super::{Threshold, same_hazard, thresholds};

pub static RULE: Rule = Rule {
    code: "L207",
    name: "inverted-levels",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a more severe level starts at or below a lesser one",
        "较高级别的启动阈值不高于较低级别",
    ),
    doc: (
        "\
## What it does
Within one plan, for each metric (and hazard), takes the lowest `at_least` of each response
level and checks that each more severe level starts higher than the next lesser one present:
Ⅲ above Ⅳ, Ⅱ above Ⅲ, Ⅰ above Ⅱ. Criteria narrowed by a season (`during`, `outside`) or by
further conditions (`all_of`) are left out.

## Why is this bad?
Any criterion met activates its level. If level Ⅲ starts at 1 death and level Ⅳ at 3, every
event that reaches Ⅳ has already reached Ⅲ: level Ⅳ can never be the right answer, and the
commanders and measures of Ⅲ are called for the smallest events. The grading must be clear
(分级清晰) and follow the severity of the event (突发事件应对法 Art. 3).

## How to fix
Swap or correct the thresholds so that they rise from Ⅳ to Ⅰ.",
        "\
## 作用
在同一预案内，对每个指标（及灾种）取各响应级别最低的 `at_least`，
检查每个较高级别的启动阈值都高于相邻的较低级别：Ⅲ级高于Ⅳ级，
Ⅱ级高于Ⅲ级，Ⅰ级高于Ⅱ级。受时段（`during`、`outside`）或附加条件
（`all_of`）限定的条件不参与比较。

## 为什么有问题
任一条件满足即启动相应级别。如果Ⅲ级在死亡 1 人时启动、Ⅳ级在死亡 3 人时启动，
凡是达到Ⅳ级的事件都已达到Ⅲ级：Ⅳ级永远不会是正确的级别，
最小的事件也要调动Ⅲ级的指挥人员和措施。分级应当清晰，
并与事件的严重程度相适应（《突发事件应对法》第三条）。

## 如何修复
调换或改正阈值，使其从Ⅳ级到Ⅰ级逐级升高。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
        bad: "{ text: 造成1人以上死亡, metric: deaths, at_least: 1 }",
        good: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let parents: Vec<&crate::model::Plan> = super::parents(cx, plan).collect();
        // A lesser level looser than the parent's is L203's finding; the pair is not judged.
        let looser = |t: &Threshold| {
            super::looser_threshold::loosest(&parents, t.level, t.criterion)
                .is_some_and(|(_, _, limit)| t.value > limit)
        };
        let all: Vec<Threshold> = thresholds(plan).collect();
        let mut done: Vec<(&str, Option<&str>)> = Vec::new();
        for t in &all {
            let key = (t.metric, t.criterion.hazard.as_ref().map(|h| h.as_str()));
            if done.contains(&key) {
                continue;
            }
            done.push(key);
            // The lowest threshold of each level for this metric and hazard, lesser levels first.
            let mut lowest: Vec<&Threshold> = Vec::new();
            for level in [
                ResponseLevel::IV,
                ResponseLevel::III,
                ResponseLevel::II,
                ResponseLevel::I,
            ] {
                let at_level = all.iter().filter(|o| {
                    o.level == level
                        && o.metric == t.metric
                        && same_hazard(o.criterion, t.criterion)
                });
                if let Some(min) = at_level.min_by(|a, b| a.value.total_cmp(&b.value)) {
                    lowest.push(min);
                }
            }
            for pair in lowest.windows(2) {
                let (lesser, severe) = (pair[0], pair[1]);
                if severe.value > lesser.value || looser(lesser) {
                    continue;
                }
                let (hi, lo) = (severe.level.key(), lesser.level.key());
                let (hi_zh, lo_zh) = (severe.level.zh(), lesser.level.zh());
                let (hv, lv, metric) = (severe.value, lesser.value, t.metric);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        plan.loc(severe.span),
                        tr!(
                            cx.lang,
                            "level {hi} starts at {metric} >= {hv}, not above level {lo} ({lv})",
                            "{hi_zh}响应在 {metric} 达到 {hv} 时启动，不高于{lo_zh}响应（{lv}）"
                        ),
                    )
                    .with_related(
                        plan.loc(lesser.span),
                        tr!(cx.lang, "level {lo}'s threshold", "{lo_zh}响应的阈值"),
                    )
                    .with_help(tr!(
                        cx.lang,
                        "thresholds must rise from Ⅳ to Ⅰ: correct or swap them",
                        "阈值应从Ⅳ级到Ⅰ级逐级升高：请改正或调换"
                    )),
                );
            }
        }
    }
}
