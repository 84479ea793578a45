use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L302",
    name: "organisation-without-plan",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "duties are assigned to an organisation that has no plan",
        "承担职责的组织机构没有预案",
    ),
    doc: (
        "\
## What it does
Reports each duty assigned to an organisation that owns no plan in the repository, at the duty's
`org`.

## Why is this bad?
Departmental plans are made \"according to the overall plan, the specialised plans and the
department's duties\" (2013 预案管理办法 Art. 6); township and village plans take up what the
district assigns to them. An organisation with duties and no plan has not prepared to carry any of
them out. The seed district's plan system has 79 departmental plans for this reason.

## How to fix
Write the organisation's plan (accepting these duties), or assign the duties to an organisation
that has one.",
        "\
## 作用
对分配给某组织机构、而该组织机构在本预案库中没有任何预案的
每项职责，在该职责的 `org` 处报告。

## 为什么有问题
部门应急预案是“根据总体应急预案、专项应急预案和部门职责”
制定的（2013 年《突发事件应急预案管理办法》第六条）；
乡镇（街道）和村（社区）应急预案承接区里分配给它们的任务。
有职责却没有预案的组织机构，对其中任何一项职责的履行
都没有做好准备。参考区的预案体系之所以有 79 部
部门应急预案，原因正在于此。

## 如何修复
为该组织机构编制预案（并在其中承接这些职责），
或将这些职责分配给已有预案的组织机构。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "org: qu-yingjiju",
        bad: "org: shi-yingjiju",
        good: "org: qu-yingjiju",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for (duty, owned) in super::duty_not_accepted::assigned_elsewhere(cx, plan) {
            if !owned.is_empty() {
                continue;
            }
            let (org, name, duty_id) = (
                duty.org.as_str(),
                cx.org_name(duty.org.as_str()),
                duty.id.as_str(),
            );
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(duty.org.span),
                    tr!(
                        cx.lang,
                        "duty `{duty_id}` is assigned to {name} (`{org}`), which has no plan",
                        "职责 `{duty_id}` 分配给{name}（`{org}`），但该单位没有预案"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "add a plan owned by `{org}` that accepts this duty, or assign the duty to an organisation with a plan",
                    "请为 `{org}` 编制承接该职责的预案，或将职责分配给已有预案的单位"
                )),
            );
        }
    }
}
