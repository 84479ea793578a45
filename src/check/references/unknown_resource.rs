use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::refs::IdKind;

pub static RULE: Rule = Rule {
    code: "R104",
    name: "unknown-resource",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a resource id that names no resource", "引用了不存在的应急资源"),
    doc: (
        "\
## What it does
A reference to a resource (team, warehouse, shelter, equipment, monitor, hazard point) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
A plan that relies on a team or warehouse that is not registered cannot be checked for capacity, travel time or call-up contacts (2013 预案管理办法 Art. 8: team and supply support and how they are called up).

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用应急资源（队伍、仓库、避难场所、装备、监测设备、隐患点）时
使用的编号不在登记文件中。帮助信息会给出最接近的现有编号。

## 为什么有问题
预案依靠的队伍或仓库如果未登记，就无法检查其能力、到达时间和调用联系人
（2013 年《突发事件应急预案管理办法》第八条：队伍物资保障及调动程序）。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中定义该应急资源。",
    ),
    example: Example {
        file: "plans/xz-baolun.md",
        find: "resources: [team-baolun]",
        bad: "resources: [team-baolunn]",
        good: "resources: [team-baolun]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Resource, &cx.resources, out);
}
