use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C101",
    name: "hazard-without-specialised-plan",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a hazard in the registry is covered by no specialised plan",
        "登记的灾种没有专项预案覆盖",
    ),
    doc: (
        "\
## What it does
Reports each hazard of the registry that no specialised plan (`kind: specialised`) lists in its
`hazards:`, and that no joint plan covers either, nor a plan outside the repository
(`external_plans:` in the registry, with the hazard in its `hazards:`: the city's plan that
handles it).

## Why is this bad?
The overall plan sorts every kind of event the district faces to a specialised plan and its
lead department (the seed district's plan system lists 24); a hazard in the risk register that
no plan covers has no lead department, no levels and no command when it happens. The 2024
办法 Art. 8 has the specialised plans cover the district's main hazards.

## How to fix
Add the hazard to the specialised plan that handles it (`hazards: [..]`), or write one; when
a plan above the district handles it, list that plan in `external_plans:` with the hazard in
its `hazards:`.",
        "\
## 作用
报告登记册中没有任何专项预案（`kind: specialised`）在 `hazards:` 中列出、也没有联合预案覆盖，
且没有仓库外预案（登记册 `external_plans:` 中 `hazards:` 含该灾种的市级预案）覆盖的灾种。

## 为什么有问题
总体预案把本区面临的各类突发事件分别归入专项预案及其牵头部门（参考区的预案体系列有 24 部）；
风险清单中有而没有任何预案覆盖的灾种，发生时没有牵头部门、没有分级、没有指挥机构。
2024年办法第八条要求专项预案覆盖本地区主要风险。

## 如何修复
在处置该灾种的专项预案中加入它（`hazards: [..]`），或编制专项预案；由上级预案处置的，
在 `external_plans:` 中登记该预案，并在其 `hazards:` 中列出该灾种。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "  - id: drought\n    name: 干旱\n    category: natural\n",
        bad: "  - id: drought\n    name: 干旱\n    category: natural\n  - id: hail\n    name: 冰雹\n    category: natural\n",
        good: "  - id: drought\n    name: 干旱\n    category: natural\n",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    if cx.may_lack(PlanKind::Specialised) || cx.may_lack(PlanKind::Joint) {
        return;
    }
    let plans = cx
        .repo
        .plans
        .iter()
        .filter(|p| matches!(p.meta.kind.value, PlanKind::Specialised | PlanKind::Joint))
        .flat_map(|p| &p.meta.hazards);
    let external = cx.repo.registry.external_plans.iter();
    // A misspelt hazard (R103) counts as the hazard it misses, so that one typo is one finding.
    let covered: std::collections::HashSet<&str> = plans
        .chain(external.flat_map(|p| &p.value.hazards))
        .map(|h| cx.hazard_or_near_miss(h.as_str()))
        .collect();
    for entry in &cx.repo.registry.hazards {
        let hazard = &entry.value;
        if covered.contains(hazard.id.as_str()) {
            continue;
        }
        let (id, name) = (hazard.id.as_str(), hazard.name.value.as_str());
        out.push(
            Diagnostic::new(
                &RULE,
                Context::loc(entry.file, hazard.id.span),
                tr!(
                    cx.lang,
                    "no specialised plan covers the hazard {name} (`{id}`)",
                    "灾种{name}（`{id}`）没有专项预案覆盖"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "list it in the `hazards:` of the specialised plan that handles it, or of the external plan that does",
                "请在处置它的专项预案（或仓库外预案）的 `hazards:` 中列出"
            )),
        );
    }
}
