use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::refs::IdKind;

pub static RULE: Rule = Rule {
    code: "R102",
    name: "unknown-organisation",
    family: Family::References,
    severity: Severity::Error,
    summary: ("an organisation id that names no organisation", "引用了不存在的组织机构"),
    doc: (
        "\
## What it does
A reference to an organisation (owner, member unit, duty holder, acting organisation, filing body...) whose id is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Every duty must land on a real organisation: an unknown id is a duty nobody will carry out. After an institutional reform (机构改革) old ids linger in plans that were not revised (2013 预案管理办法 Art. 25: a change of the command body or its duties requires a revision).

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用组织机构（预案所属单位、成员单位、职责承担单位、行动执行单位、
备案机关等）时使用的编号不在登记文件中。帮助信息会给出最接近的现有编号。

## 为什么有问题
每项职责都必须落到真实存在的组织机构上：编号未知，这项职责就无人履行。
机构改革后，未及时修订的预案中往往残留旧编号
（2013 年《突发事件应急预案管理办法》第二十五条：应急指挥机构及其职责
发生调整的，应当修订预案）。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中定义该组织机构。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "org: qu-yingjiju",
        bad: "org: qu-yingji",
        good: "org: qu-yingjiju",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Organisation, &cx.organisations, out);
}
