use std::collections::HashSet;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::registry::OrgKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C103",
    name: "member-without-plan",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a member of a command HQ or the emergency committee holds no plan",
        "指挥部或应急委员会成员单位没有预案",
    ),
    doc: (
        "\
## What it does
Reports each organisation that sits on a command HQ or the emergency committee (`members:` of
a plan's `command`, or of one of its working groups, led or not) and owns no plan in the
repository. External bodies (`external: true`), committees and dissolved organisations are not
reported. Each organisation is reported once, where it is first named.

## Why is this bad?
A member unit is on the HQ because it has work to do in a response; the 2013 办法 Art. 6 has
every department draw up its departmental plan from the overall and specialised plans and its
own duties (the seed district has 79). A member without a plan has not prepared for any of it.
Rule L302 reports the organisations given duties without a plan; this rule the members, who
are expected to have one whether or not a duty is yet written down.

## How to fix
Write the organisation's plan (`kind: departmental`, or its township or enterprise plan).",
        "\
## 作用
报告在指挥部或应急委员会任成员单位（计划 `command` 或其工作组的 `members:`、牵头单位）、
但在本预案库中没有任何预案的组织机构。外部机构（`external: true`）、议事协调机构和已撤销的机构不报告。
每个组织机构只在首次出现处报告一次。

## 为什么有问题
成员单位之所以进入指挥部，是因为应急处置中有它的工作；2013年办法第六条要求各部门根据总体预案、
专项预案和部门职责制定部门预案（参考区共有 79 部）。没有预案的成员单位对此毫无准备。
规则 L302 报告承担职责却没有预案的单位；本规则报告成员单位：无论职责是否已写明，都应有预案。

## 如何修复
编制该单位的预案（`kind: departmental`，或其乡镇、单位预案）。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "members: [qu-yingjiju, xz-baolun]",
        bad: "members: [qu-yingjiju, xz-baolun, qu-weijianju]",
        good: "members: [qu-yingjiju, xz-baolun]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: HashSet<&str> = HashSet::new();
    for plan in &cx.repo.plans {
        let Some(command) = &plan.meta.command else {
            continue;
        };
        let groups = command.groups.iter();
        let named = command
            .members
            .iter()
            .chain(groups.flat_map(|g| g.lead.iter().chain(&g.members)));
        for member in named {
            let id = member.as_str();
            if !seen.insert(id)
                || cx.plans_by_owner.contains_key(id)
                || cx.repo.broken_owners.contains(id)
            {
                continue;
            }
            let Some(org) = cx.organisations.get(id) else {
                continue; // R102 reports an unknown organisation
            };
            let org = org.value;
            if org.external || org.dissolved.is_some() || org.kind.value == OrgKind::Committee {
                continue;
            }
            let (name, hq) = (org.name.value.as_str(), command.hq.value.as_str());
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(member.span),
                    tr!(
                        cx.lang,
                        "{name} (`{id}`) is a member of {hq} and holds no plan",
                        "{name}（`{id}`）是{hq}成员单位，但没有预案"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "write the organisation's plan (its departmental, township or enterprise plan)",
                    "请编制该单位的预案（部门、乡镇或单位预案）"
                )),
            );
        }
    }
}
