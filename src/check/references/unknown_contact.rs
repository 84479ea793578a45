use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::refs::IdKind;

pub static RULE: Rule = Rule {
    code: "R108",
    name: "unknown-contact",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a contact id that names no contact", "引用了不存在的联系人"),
    doc: (
        "\
## What it does
A reference to a contact (a post's holder or deputy, a resource's call-up contact) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
GB/T 29639-2020 asks for a contacts annex; a post whose holder is not registered has no number to call.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用联系人（岗位的在岗人员或替补人员、应急资源的调用联系人）时
使用的编号不在登记文件中。帮助信息会给出最接近的现有编号。

## 为什么有问题
GB/T 29639-2020《生产经营单位生产安全事故应急预案编制导则》
要求附有联系方式附件；在岗人员未登记的岗位，就没有可拨打的电话。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中定义该联系人。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "holder: c-0001",
        bad: "holder: c-001",
        good: "holder: c-0001",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Contact, &cx.contacts, out);
}
