use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T106",
    name: "parent-revised",
    family: Family::Lifecycle,
    severity: Severity::Warning,
    summary: (
        "a parent plan was revised after this plan was last issued, revised or assessed",
        "上级预案修订后本预案未修订或评估",
    ),
    doc: (
        "\
## What it does
Reports a plan one of whose parents (`parents:`) has a revision (`lifecycle.revisions`, other
than its first issue) dated after this plan's current version and after its last assessment:
the parent changed and nobody has yet looked at whether this plan must change with it.

## Why is this bad?
A change in the parent plan is the first of the revision triggers (2013 办法 Art. 25,
应急管理部令第2号 Art. 36): the parent's levels, criteria and duties are what this plan aligns
with and takes up. Until the child is assessed against the revised parent, its linkage is
unknown.

## How to fix
Assess the plan against the revised parent. If it must change, revise it (add a revision with
`trigger: law`); if not, record the assessment in `lifecycle.assessed`.",
        "\
## 作用
报告其上级预案（`parents:`）有晚于本预案现行版本、也晚于本预案最近一次评估的修订
（`lifecycle.revisions` 中首次印发以外的条目）的预案：上级预案已修改，尚无人判断本预案是否需要随之修改。

## 为什么有问题
上级预案修订是修订情形之首（2013年办法第二十五条、应急管理部令第2号第三十六条）：本预案的分级、
标准和职责都与上级预案衔接、承接。在对照修订后的上级预案评估之前，本预案的衔接情况不明。

## 如何修复
对照修订后的上级预案评估本预案。需要修改的，修订预案（新增一条 `trigger: law` 的修订记录）；
不需要修改的，在 `lifecycle.assessed` 中记录评估日期。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "assessed: '2025-04-01'",
        bad: "assessed: '2024-04-01'",
        good: "assessed: '2025-04-01'",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    use crate::model::plan::RevisionTrigger;
    for plan in &cx.repo.plans {
        let Some(lifecycle) = &plan.meta.lifecycle else {
            continue;
        };
        let assessed = lifecycle.assessed.as_ref().map(|d| d.value);
        let Some(since) = super::version_date(plan).max(assessed) else {
            continue;
        };
        for parent_id in &plan.meta.parents {
            let Some(parent) = cx.plan(parent_id.as_str()) else {
                continue;
            };
            let Some(revision) = parent
                .meta
                .lifecycle
                .iter()
                .flat_map(|l| &l.revisions)
                .filter(|r| r.trigger.value != RevisionTrigger::Initial)
                .max_by_key(|r| r.date.value)
            else {
                continue;
            };
            if revision.date.value <= since || revision.date.value > cx.today {
                continue;
            }
            let (id, on, version) = (
                parent_id.as_str(),
                revision.date.value.zh(),
                revision.version.value.as_str(),
            );
            let mine = since.zh();
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(parent_id.span),
                    tr!(
                        cx.lang,
                        "parent plan {id} was revised on {on} (version {version}), after this plan's last version or assessment ({mine})",
                        "上级预案 {id} 于{on}修订（{version} 版），晚于本预案现行版本或最近一次评估（{mine}）"
                    ),
                )
                .with_related(
                    parent.loc(revision.date.span),
                    tr!(cx.lang, "the parent's revision", "上级预案的修订"),
                )
                .with_help(tr!(
                    cx.lang,
                    "assess this plan against the revised parent: revise it, or record the assessment in `lifecycle.assessed`",
                    "对照修订后的上级预案评估本预案：需要的予以修订，否则在 `lifecycle.assessed` 中记录评估日期"
                )),
            );
        }
    }
}
