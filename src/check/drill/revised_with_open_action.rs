use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D105",
    name: "revised-with-open-action",
    family: Family::Drill,
    severity: Severity::Warning,
    summary: (
        "a plan was revised after a drill while the drill's corrective action on it is still open",
        "预案在演练后已修订，但针对该预案的整改措施仍未完成",
    ),
    doc: (
        "\
## What it does
Reports a corrective action of a drill record that changes a plan, is not closed, and the plan has a revision (`lifecycle.revisions`) dated after the drill.

## Why is this bad?
A revision after a drill is the moment its findings should enter the plan (2024 办法: problems found in drills are a reason to revise). A revision that leaves the drill's action open either forgot the finding or took it up without saying so; either way the improvement plan no longer tells the truth.

## How to fix
If the revision took the action up, record the action's `closed` date; if not, take it up in the plan and revise again.",
        "\
## 作用
报告这样的整改措施：它针对某一预案、尚未完成，而该预案在演练之后已有修订记录（`lifecycle.revisions`）。

## 为什么有问题
演练后的修订正是把演练发现的问题写进预案的时机（2024年办法：演练发现问题是修订预案的情形之一）。
修订后整改措施仍未完成，要么是修订遗漏了这个问题，要么是已采纳却没有记录，改进计划都不再真实。

## 如何修复
如修订已采纳该措施，记录措施的完成日期（`closed`）；否则在预案中落实并再次修订。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "resources: [team-baolun]",
        bad: "resources: [team-baolun]\nlifecycle:\n  version: '2026.2'\n  revisions:\n    - { version: '2026.2', date: '2026-09-01', trigger: drill, summary: 根据演练修订 }",
        good: "resources: [team-baolun]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.repo.records {
        let r = &entry.value;
        for finding in &r.findings {
            let a = &finding.action;
            if a.closed.is_some() {
                continue;
            }
            let Some(plan) = cx.plan(a.plan.as_str()) else {
                continue;
            };
            let revised = plan
                .meta
                .lifecycle
                .iter()
                .flat_map(|l| &l.revisions)
                .map(|v| v.date.value)
                .filter(|d| *d > r.date.value)
                .max();
            let Some(revised) = revised else {
                continue;
            };
            let (id, plan_id) = (finding.id.as_str(), a.plan.as_str());
            let (revised, held) = (revised.zh(), r.date.value.zh());
            out.push(Diagnostic::new(
                &RULE,
                Loc {
                    file: entry.file,
                    span: a.plan.span,
                },
                tr!(
                    cx.lang,
                    "`{plan_id}` was revised on {revised}, after the drill of {held}, and the corrective action of finding {id} is still open",
                    "预案 `{plan_id}` 已于{revised}修订（在{held}的演练之后），问题 {id} 的整改措施仍未完成"
                ),
            ));
        }
    }
}
