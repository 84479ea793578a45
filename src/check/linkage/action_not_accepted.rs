use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

use super::{actor, actor_id};

pub static RULE: Rule = Rule {
    code: "L304",
    name: "action-not-accepted",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "an action gives work to another organisation with no duty behind it",
        "响应措施交给其他单位，却没有对应的职责",
    ),
    doc: (
        "\
## What it does
Reports a warning or response action whose actor (its `org`, or the organisation of its `post`)
is an organisation other than the plan's owner, with a plan in the repository, when the action
cites no `duty`. Such work cannot be accepted: the other organisation's plan accepts duties, by
plan and duty id. (An action that cites a duty of that organisation is checked through the duty:
L301 when no plan of the organisation accepts it, L305 when the duty is someone else's.) External
bodies (`external: true`) are not checked, nor are actions of posts that hold a command role in
this plan (its commander, commissar, deputies, office heads, a level's commander or deciding
posts): leading the response is what the command structure gives them, not a duty.

## Why is this bad?
Response actions assign work to organisations exactly as duties do: 区融媒体中心 broadcasts the
red warning within 30 minutes. If that work is tied to no duty, nothing makes the media centre's
own plan take it up, and the linkage of plans (衔接, 2024 办法 Art. 5) has a hole at the moment
it matters most: the commander expects an action that the acting unit never planned for.

## How to fix
Add `duty:` with the id of the duty of this plan that the action carries out (add the duty,
assigned to that organisation, if there is none), and accept it in the organisation's plan.",
        "\
## 作用
报告这样的预警或响应措施：其执行者（`org`，或其 `post` 所属单位）是本预案责任单位以外、
在本仓库中有预案的单位，而该措施没有写明 `duty`。这样的任务无法被承接：
其他单位的预案是按预案编号和职责编号承接职责的。（写明了该单位职责的措施通过职责检查：
该单位的预案均未承接的属于 L301，职责属于其他单位的属于 L305。）
外部机关（`external: true`）不检查；在本预案中担任指挥职务的岗位（指挥长、政委、副指挥长、
办公室主任和副主任、某级响应的指挥者或决定启动的岗位）所执行的措施也不检查：
组织指挥响应是指挥体系赋予它们的，不是职责。

## 为什么有问题
响应措施和职责一样，是把任务分派给各单位：区融媒体中心在 30 分钟内播发红色预警。
如果这项任务不与任何职责挂钩，就没有什么能让融媒体中心自己的预案承接它，
预案衔接（2024 年《办法》第五条）就在最要紧的时候出现漏洞：
指挥员期待的行动，执行单位从未纳入预案。

## 如何修复
加上 `duty:`，写明该措施所执行的本预案职责编号（如果没有，先补充分派给该单位的职责），
并在该单位的预案中承接。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "{ org: qu-yingjiju, duty: rescue, do: 调派救援队伍赴现场, within: 1h }",
        bad: "{ org: qu-yingjiju, do: 调派救援队伍赴现场, within: 1h }",
        good: "{ org: qu-yingjiju, duty: rescue, do: 调派救援队伍赴现场, within: 1h }",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let owner = cx.owner(plan);
        let mut command = None;
        for action in plan.meta.actions() {
            if action.duty.is_some() {
                continue;
            }
            let Some(org) = actor(cx, action) else {
                continue;
            };
            if org == owner {
                continue;
            }
            let command = command.get_or_insert_with(|| plan.meta.command_posts());
            let mut posts = action
                .post
                .as_deref()
                .into_iter()
                .chain(&action.posts)
                .peekable();
            let commands = action.org.is_none()
                && posts.peek().is_some()
                && posts.all(|p| command.contains(&p.as_str()));
            let known = |o: &str| {
                let entry = cx.organisations.get(o);
                entry.is_some_and(|o| o.value.dissolved.is_none() && !o.value.external)
            };
            let owned = |o: &str| cx.plans_by_owner.get(o).is_some_and(|p| !p.is_empty());
            if commands || !known(org) || !owned(org) {
                continue;
            }
            let name = cx.org_name(org);
            let span = actor_id(action).map_or(action.what.span, |id| id.span);
            let duties: Vec<&str> = plan
                .meta
                .duties
                .iter()
                .filter(|d| d.org.as_str() == org)
                .map(|d| d.id.as_str())
                .collect();
            let help = match duties.as_slice() {
                [] => tr!(
                    cx.lang,
                    "assign {name} a duty in this plan's `duties`, cite it with `duty:`, and accept it in {name}'s plan",
                    "请在本预案 `duties` 中为{name}分派职责，以 `duty:` 引用，并在{name}的预案中承接"
                ),
                ids => {
                    let ids = ids.join(", ");
                    tr!(
                        cx.lang,
                        "cite the duty it carries out with `duty:` ({ids})",
                        "请以 `duty:` 写明所执行的职责（{ids}）"
                    )
                }
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(span),
                    tr!(
                        cx.lang,
                        "this action gives work to {name} (`{org}`) with no duty behind it, so no plan of {name} can accept it",
                        "该措施交给{name}（`{org}`）执行，却没有对应的职责，{name}的预案无法承接"
                    ),
                )
                .with_help(help),
            );
        }
    }
}
