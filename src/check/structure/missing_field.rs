use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::YamlProblem;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S202",
    name: "missing-field",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a required field is missing", "缺少必填字段"),
    doc: (
        "\
## What it does
Reports a required field that is absent: a plan's `id`, `kind`, `title` or `owner`; a duty's
`id`, `org` or `text`; an organisation's `id`, `name` or `kind`; and so on (docs/format.md).

## Why is this bad?
The linkage check needs them: a duty without `org` is assigned to nobody, a plan without `owner`
is nobody's plan. GB/T 29639-2020 and the 预案管理办法 make the responsible organisation and its
duties mandatory elements of every plan.

## How to fix
Add the field.",
        "\
## 作用
报告缺少的必填字段：预案的 `id`、`kind`、`title` 或 `owner`；
职责的 `id`、`org` 或 `text`；组织机构的 `id`、`name` 或 `kind`；
等等（见 docs/format.md）。

## 为什么有问题
衔接检查离不开这些字段：没有 `org` 的职责落不到任何单位，
没有 `owner` 的预案不归属任何单位。
GB/T 29639-2020《生产经营单位生产安全事故应急预案编制导则》和
《突发事件应急预案管理办法》都把责任单位及其职责列为每份预案的必备要素。

## 如何修复
补上该字段。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "owner: qu-shuiliju\n",
        bad: "",
        good: "owner: qu-shuiliju\n",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match super::yaml(kind) {
        Some(YamlProblem::MissingField { field }) => Some((
            tr!(
                cx.lang,
                "missing required field `{field}`",
                "缺少必填字段 `{field}`"
            ),
            vec![tr!(
                cx.lang,
                "add `{field}: ...` here",
                "请在此处添加 `{field}: ...`"
            )],
        )),
        _ => None,
    });
}
