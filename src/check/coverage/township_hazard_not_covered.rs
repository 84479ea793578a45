use std::collections::HashSet;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::model::registry::ResourceKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C102",
    name: "township-hazard-not-covered",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a township's plans do not cover the hazard of one of its hazard points",
        "乡镇预案未覆盖辖区隐患点的灾种",
    ),
    doc: (
        "\
## What it does
For every hazard point in the registry (`kind: hazard-point` with a `hazard` and a
`place.township`), checks that one of the township's own plans (`kind: township`, its
comprehensive plan or a hazard plan beside it) lists that hazard in `hazards:`, and reports the
point where none does.

## Why is this bad?
A township plan is where first response, warning relay and evacuation at a hazard point are
arranged (2013 办法 Art. 8: 预警信息传播、先期处置、转移安置). A township with a registered
landslide point whose plans do not cover landslides has no procedure for the one place the
register says will need it.

## How to fix
Add the hazard to the township's plan (`hazards: [..]`) and the procedure for it to the body,
or write the township's hazard plan for it (`scope: hazard`).",
        "\
## 作用
对登记册中每个隐患点（`kind: hazard-point`，有 `hazard` 和 `place.township`），检查所在乡镇自己的
预案（`kind: township`，总体预案或专项预案）是否在 `hazards:` 中列出该灾种，没有的在隐患点处报告。

## 为什么有问题
乡镇预案负责隐患点的预警信息传播、先期处置和转移安置（2013年办法第八条）。辖区登记有滑坡隐患点、
预案却不覆盖滑坡的乡镇，对登记册明确指出需要处置的地点没有处置程序。

## 如何修复
在乡镇预案的 `hazards:` 中加入该灾种并在正文中写明处置程序，或为其编制乡镇专项预案（`scope: hazard`）。",
    ),
    example: Example {
        file: "plans/xz-baolun.md",
        find: "hazards: [flood]",
        bad: "hazards: [drought]",
        good: "hazards: [flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.may_lack(PlanKind::Township) {
        return;
    }
    for entry in &cx.repo.registry.resources {
        let point = &entry.value;
        if point.kind.value != ResourceKind::HazardPoint {
            continue;
        }
        let (Some(hazard), Some(place)) = (&point.hazard, &point.place) else {
            continue;
        };
        let township = place.township.as_str();
        let plans = cx
            .plans_by_owner
            .get(township)
            .map_or(&[][..], Vec::as_slice);
        let plans: Vec<_> = plans
            .iter()
            .filter(|p| p.meta.kind.value == PlanKind::Township)
            .collect();
        if plans.is_empty() {
            continue; // L-rules and C104 report a township without a plan
        }
        let covered: HashSet<&str> = plans
            .iter()
            .flat_map(|p| {
                p.meta
                    .hazards
                    .iter()
                    .map(|h| cx.hazard_or_near_miss(h.as_str()))
            })
            .collect();
        if covered.contains(hazard.as_str()) {
            continue;
        }
        let name = cx.org_name(township);
        let hazard_name = cx
            .hazards
            .get(hazard.as_str())
            .map_or(hazard.as_str(), |h| h.value.name.value.as_str());
        let point_name = point.name.value.as_str();
        out.push(
            Diagnostic::new(
                &RULE,
                Context::loc(entry.file, hazard.span),
                tr!(
                    cx.lang,
                    "the hazard point {point_name} is a {hazard_name} point, and no plan of {name} covers {hazard_name}",
                    "隐患点{point_name}的灾种为{hazard_name}，{name}的预案均未覆盖{hazard_name}"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "add it to the `hazards:` of the township's plan, or write a township hazard plan for it",
                "请在乡镇预案的 `hazards:` 中加入该灾种，或编制乡镇专项预案"
            )),
        );
    }
}
