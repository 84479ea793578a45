use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q102",
    name: "contact-not-verified",
    family: Family::Contacts,
    severity: Severity::Warning,
    summary: (
        "a contact's details have not been verified recently",
        "联系人信息长期未核实",
    ),
    doc: (
        "\
## What it does
Reports a contact whose `verified` date lies more than `thresholds.contact_verified_months`
(default 12) months before the reference date, or who has no `verified` date at all.

## Why is this bad?
People change posts and numbers every year; the contact list of a plan is out of date within
months of its issue. The 2024 办法 has plans' contact details kept current, and an annual call
round (通讯录核对) is what most emergency offices do before the flood season.

## How to fix
Call the person, correct what changed, and record the day: `verified: '2026-04-15'`.",
        "\
## 作用
报告 `verified`（核实日期）早于参考日期 `thresholds.contact_verified_months` 个月
（默认 12 个月）以上、或没有 `verified` 的联系人。

## 为什么有问题
人员岗位和电话每年都在变，预案印发几个月后通讯录就会过时。2024年办法要求及时更新预案中的联系方式，
多数应急办也在汛前逐一核对通讯录。

## 如何修复
逐一电话核对，改正有变化的信息，并记录核实日期：`verified: '2026-04-15'`。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "mobile: 138-0000-0002, verified: '2026-04-15'",
        bad: "mobile: 138-0000-0002, verified: '2024-04-15'",
        good: "mobile: 138-0000-0002, verified: '2026-04-15'",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let months = cx.config.thresholds.contact_verified_months;
    let since = cx.today.plus_months(-(months as i32));
    for entry in &cx.repo.registry.contacts {
        let contact = &entry.value;
        let name = contact.name.value.as_str();
        let (span, message) = match &contact.verified {
            Some(v) if v.value >= since => continue,
            Some(v) => {
                let on = v.value.zh();
                (
                    v.span,
                    tr!(
                        cx.lang,
                        "the details of {name} were last verified on {on}, more than {months} months ago",
                        "{name}的联系信息最近一次核实为{on}，已超过 {months} 个月"
                    ),
                )
            }
            None => (
                contact.id.span,
                tr!(
                    cx.lang,
                    "the details of {name} have never been verified",
                    "{name}的联系信息从未核实"
                ),
            ),
        };
        out.push(
            Diagnostic::new(&RULE, Context::loc(entry.file, span), message).with_help(tr!(
                cx.lang,
                "call the person, correct what changed and record the day in `verified`",
                "请电话核对，改正变化的信息，并在 `verified` 中记录核实日期"
            )),
        );
    }
}
