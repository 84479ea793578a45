use std::collections::HashSet;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::model::registry::ResourceKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C107",
    name: "hazard-point-without-site-plan",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a hazard point that threatens many people has no site plan",
        "威胁人数较多的隐患点没有现场处置方案",
    ),
    doc: (
        "\
## What it does
Reports a hazard point (`kind: hazard-point`) whose `threatened` is at least
`thresholds.site_plan_threatened` (default 100 people) and that no site plan (`kind: site`)
lists in its `resources:`.

## Why is this bad?
The geological-hazard and flood rules ask for one plan per point (一点一案) where people are
threatened: who watches the point, who sounds the alarm, the route and the place people go. A
large point covered only by the township's general plan leaves these to be decided when the
slope moves.

## How to fix
Write the point's site plan (`kind: site`, `resources: [the point]`), or set the district's own
threshold in `[thresholds]` of emplan.toml.",
        "\
## 作用
报告 `threatened`（威胁人数）不少于 `thresholds.site_plan_threatened`（默认 100 人）、
且没有任何现场处置方案（`kind: site`）在 `resources:` 中列出的隐患点（`kind: hazard-point`）。

## 为什么有问题
地质灾害和防汛工作要求对威胁群众的隐患点“一点一案”：谁监测、谁报警、走哪条路线、转移到哪里。
威胁人数多的隐患点只有乡镇总体预案覆盖，这些事项要等到险情发生时才临时决定。

## 如何修复
编制该隐患点的现场处置方案（`kind: site`，`resources: [该隐患点]`），或在 emplan.toml 的
`[thresholds]` 中设定本地阈值。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "threatened: 40",
        bad: "threatened: 140",
        good: "threatened: 40",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.may_lack(PlanKind::Site) {
        return;
    }
    let least = cx.config.thresholds.site_plan_threatened;
    let planned: HashSet<&str> = cx
        .repo
        .plans
        .iter()
        .filter(|p| p.meta.kind.value == PlanKind::Site)
        .flat_map(|p| p.meta.resources.iter().map(|r| r.as_str()))
        .collect();
    for entry in &cx.repo.registry.resources {
        let point = &entry.value;
        let Some(threatened) = &point.threatened else {
            continue;
        };
        if point.kind.value != ResourceKind::HazardPoint
            || threatened.value < least
            || planned.contains(point.id.as_str())
        {
            continue;
        }
        let (name, n) = (point.name.value.as_str(), threatened.value);
        out.push(
            Diagnostic::new(
                &RULE,
                Context::loc(entry.file, threatened.span),
                tr!(
                    cx.lang,
                    "{name} threatens {n} people and no site plan covers it (one is expected from {least})",
                    "{name}威胁 {n} 人，但没有现场处置方案（{least} 人以上应一点一案）"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "write its site plan (`kind: site` with the point in `resources:`)",
                "请编制该隐患点的现场处置方案（`kind: site`，在 `resources:` 中列出该隐患点）"
            )),
        );
    }
}
