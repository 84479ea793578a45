use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

use super::{actor, actor_id};

pub static RULE: Rule = Rule {
    code: "L305",
    name: "action-org-mismatch",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "an action's organisation is not the organisation of its duty",
        "响应措施的执行单位与其职责的承担单位不一致",
    ),
    doc: (
        "\
## What it does
Reports a warning or response action that cites a `duty` of its plan assigned to one
organisation while the action's actor (its `org`, or the organisation of its `post`) is another.

## Why is this bad?
The duty is what the other plans accept; the action is what is done at the level. When they
name different organisations, the organisation that accepted the duty is not the one told to
act, and the one told to act has accepted nothing: the response relies on an organisation that
never planned for it, which linkage review (衔接) is there to catch.

## How to fix
Cite the duty of the organisation that acts, or correct the action's `org`.",
        "\
## 作用
报告这样的预警或响应措施：所引用的本预案 `duty` 分派给了某一单位，
而措施的执行者（`org`，或其 `post` 所属单位）却是另一个单位。

## 为什么有问题
职责是其他预案承接的对象，措施是在该级别实际要做的事。两者写的单位不同时，
承接了职责的单位没有被要求行动，被要求行动的单位却什么也没有承接：
应对工作依赖于一个从未为此做过准备的单位，这正是衔接审查要发现的问题。

## 如何修复
引用实际执行单位的职责，或改正措施的 `org`。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "{ org: qu-yingjiju, duty: rescue, do: 调派救援队伍赴现场, within: 1h }",
        bad: "{ org: xz-baolun, duty: rescue, do: 调派救援队伍赴现场, within: 1h }",
        good: "{ org: qu-yingjiju, duty: rescue, do: 调派救援队伍赴现场, within: 1h }",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for action in plan.meta.actions() {
            let (Some(duty_id), Some(org)) = (&action.duty, actor(cx, action)) else {
                continue;
            };
            // An unknown duty is R106's. The plan's own few duties are searched in place: they
            // lie next to each other, where the repository's table of duties is spread wide.
            let mut own = plan.meta.duties.iter();
            let Some(duty) = own.find(|d| d.id.as_str() == duty_id.as_str()) else {
                continue;
            };
            let theirs = duty.org.as_str();
            // An unknown organisation on either side is R102's.
            let known = |o: &str| cx.organisations.get(o).is_some();
            if theirs == org || !known(theirs) || !known(org) {
                continue;
            }
            let (name, their_name, d) = (cx.org_name(org), cx.org_name(theirs), duty_id.as_str());
            let span = actor_id(action).map_or(duty_id.span, |id| id.span);
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(span),
                    tr!(
                        cx.lang,
                        "the action is {name}'s, but its duty `{d}` is assigned to {their_name}",
                        "该措施由{name}执行，但其职责 `{d}` 分派给了{their_name}"
                    ),
                )
                .with_related(
                    plan.loc(duty.org.span),
                    tr!(cx.lang, "the duty's organisation", "职责的承担单位"),
                )
                .with_help(tr!(
                    cx.lang,
                    "cite a duty of {name}, or correct the action's organisation",
                    "请引用{name}的职责，或改正措施的执行单位"
                )),
            );
        }
    }
}
