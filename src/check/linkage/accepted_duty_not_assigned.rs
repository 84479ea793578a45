use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L303",
    name: "accepted-duty-not-assigned",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a plan accepts a duty that is assigned to another organisation",
        "预案承接了分配给其他单位的职责",
    ),
    doc: (
        "\
## What it does
Reports an `accepts` entry whose duty exists but is assigned to an organisation other than the
accepting plan's owner.

## Why is this bad?
A plan can only take up what is assigned to its own organisation. When the assigning plan moved
the duty to another organisation in a revision, the old owner's plan still claims it, and the new
owner's plan may never have been told (Doorstop calls these \"suspect links\"). Either way the
linkage looks complete when it is not.

## How to fix
Remove the entry, or, if the assignment is wrong, correct the duty's `org` in the assigning plan.",
        "\
## 作用
报告这样的 `accepts` 条目：所指职责存在，
但分配给了承接预案责任单位以外的组织机构。

## 为什么有问题
预案只能承接分配给本组织机构的职责。如果分配职责的预案
在修订时把该职责改派给了另一个组织机构，原承担单位的预案
仍声称承接该职责，而新承担单位的预案可能从未得到通知
（Doorstop 称之为“可疑链接”，suspect links）。
无论哪种情况，衔接看似完整，实则不然。

## 如何修复
删除该条目；如果是职责分配有误，
则在分配职责的预案中更正该职责的 `org`。",
    ),
    example: Example {
        file: "plans/bm-yingji.md",
        find: "duty: rescue",
        bad: "duty: evacuate",
        good: "duty: rescue",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let owner = cx.owner(plan);
        for accept in &plan.meta.accepts {
            let Some(found) = cx.duties.get(&(accept.plan.as_str(), accept.duty.as_str())) else {
                continue;
            };
            let holder = found.duty.org.as_str();
            // An unknown holder is reported by R102: most likely a typo of this owner.
            if holder == owner || cx.organisations.get(holder).is_none() {
                continue;
            }
            let (duty, plan_id) = (accept.duty.as_str(), accept.plan.as_str());
            let (holder_name, owner_name) = (cx.org_name(holder), cx.org_name(owner));
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(accept.duty.span),
                    tr!(
                        cx.lang,
                        "duty `{duty}` of `{plan_id}` is assigned to {holder_name} (`{holder}`), not to this plan's owner {owner_name}",
                        "`{plan_id}` 的职责 `{duty}` 分配给{holder_name}（`{holder}`），而非本预案责任单位{owner_name}"
                    ),
                )
                .with_related(
                    Loc {
                        file: found.plan.file,
                        span: found.duty.org.span,
                    },
                    tr!(cx.lang, "assigned here", "职责分配于此"),
                )
                .with_help(tr!(
                    cx.lang,
                    "remove this entry, or correct the duty's `org` in `{plan_id}`",
                    "请删除该条目，或修正 `{plan_id}` 中该职责的 `org`"
                )),
            );
        }
    }
}
