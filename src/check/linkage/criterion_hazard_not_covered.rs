use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L205",
    name: "criterion-hazard-not-covered",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a criterion names a hazard the plan does not cover",
        "启动条件所指灾种不在本预案覆盖范围内",
    ),
    doc: (
        "\
## What it does
Reports a criterion whose `hazard` is not among the plan's `hazards` (plans that list no hazards,
such as an overall plan covering all, are not checked).

## Why is this bad?
A plan activates for the hazards it covers; a threshold for another hazard is either a leftover
from a copied plan or a hazard missing from the plan's scope (适用范围). Either way the cascade
of plans for that hazard is wrong: the plan is not found when the hazard strikes, or it starts on
a hazard it has no measures for.

## How to fix
Add the hazard to `hazards` if the plan covers it, or correct or remove the criterion.",
        "\
## 作用
报告 `hazard` 不在本预案 `hazards` 中的启动条件（未列出灾种的预案，
如覆盖全部灾种的总体应急预案，不检查）。

## 为什么有问题
预案针对其覆盖的灾种启动；为其他灾种设定的阈值，要么是照抄其他预案留下的，
要么说明预案的适用范围漏了这个灾种。无论哪种情况，该灾种的预案启动链条都是错的：
灾害发生时找不到这个预案，或者预案在没有处置措施的灾种上启动。

## 如何修复
如果本预案确实覆盖该灾种，将其加入 `hazards`；否则改正或删除该条件。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "hazards: [rainstorm, flood]",
        bad: "hazards: [flood]",
        good: "hazards: [rainstorm, flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let covered = &plan.meta.hazards;
        if covered.is_empty() {
            continue;
        }
        for criterion in plan.meta.criteria() {
            let Some(hazard) = &criterion.hazard else {
                continue;
            };
            let id = hazard.as_str();
            // An unknown hazard is R103's.
            if cx.hazards.get(id).is_none() || covered.iter().any(|h| h.as_str() == id) {
                continue;
            }
            let list = covered
                .iter()
                .map(|h| h.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(hazard.span),
                    tr!(
                        cx.lang,
                        "the criterion is for `{id}`, which this plan does not cover ({list})",
                        "该条件针对灾种 `{id}`，但本预案不覆盖该灾种（{list}）"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "add `{id}` to `hazards`, or correct the criterion",
                    "请将 `{id}` 加入 `hazards`，或改正该条件"
                )),
            );
        }
    }
}
