use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::tr;

use super::jurisdiction;

pub static RULE: Rule = Rule {
    code: "L104",
    name: "parent-other-jurisdiction",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a plan hangs under a plan of another jurisdiction",
        "预案的上级预案属于其他行政区域",
    ),
    doc: (
        "\
## What it does
Checks that every parent of a plan covers the plan's own jurisdiction or one above it. A plan's
jurisdiction is its `jurisdiction`, or else the nearest government, township or village at or
above its owner in the registry (`parent`). Joint plans, which span jurisdictions by design,
and their children are not checked; nor are parents whose jurisdiction is unknown.

## Why is this bad?
Plans follow the territorial hierarchy (属地为主、分级负责): a township's plan derives from the
district's plans, a village's from its township's. A district department's plan hung under a
township's plan, or a village plan under a neighbouring township's, puts the response under a
body that has no authority over that territory, and the activation cascade follows the wrong
chain of command.

## How to fix
Hang the plan under a plan of its own jurisdiction or of the government above it. Work across a
border belongs in a joint plan (`kind: joint`).",
        "\
## 作用
检查预案的每个上级预案都覆盖本预案所在的行政区域或其上级区域。
预案的行政区域取其 `jurisdiction`，否则取登记文件中其责任单位本身
或向上（`parent`）最近的政府、乡镇（街道）或村（社区）。
联合应急预案本就跨越行政区域，它及其下级预案不检查；
行政区域不明的上级预案也不检查。

## 为什么有问题
预案体系按属地分级（属地为主、分级负责）：乡镇预案依据区级预案，
村级预案依据所属乡镇的预案。区直部门的预案挂在某个乡镇的预案之下，
或村级预案挂在相邻乡镇的预案之下，就把应对工作交给了对该区域
没有管辖权的机关，预案启动链条也就沿着错误的指挥关系传递。

## 如何修复
将预案挂在本行政区域或上级政府的预案之下。跨区域的协同应写入联合应急预案
（`kind: joint`）。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "parents: [overall]",
        bad: "parents: [overall, xz-baolun-plan]",
        good: "parents: [overall]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        if *plan.meta.kind == PlanKind::Joint {
            continue;
        }
        let Some(mine) = jurisdiction(cx, plan) else {
            continue;
        };
        let above = cx.lineage(mine);
        for id in &plan.meta.parents {
            let Some(parent) = cx.plan(id.as_str()) else {
                continue;
            };
            if *parent.meta.kind == PlanKind::Joint {
                continue;
            }
            let Some(theirs) = jurisdiction(cx, parent) else {
                continue;
            };
            if above.contains(&theirs) {
                continue;
            }
            let (parent_id, their_name, my_name) =
                (id.as_str(), cx.org_name(theirs), cx.org_name(mine));
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(id.span),
                    tr!(
                        cx.lang,
                        "`{parent_id}` covers {their_name}, which is neither this plan's jurisdiction ({my_name}) nor above it",
                        "上级预案 `{parent_id}` 属于{their_name}，既不是本预案的行政区域（{my_name}），也不是其上级"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "hang the plan under a plan of {my_name} or of the government above it; work across a border belongs in a joint plan",
                    "请将本预案挂在{my_name}或其上级政府的预案之下；跨区域协同请写入联合应急预案"
                )),
            );
        }
    }
}
