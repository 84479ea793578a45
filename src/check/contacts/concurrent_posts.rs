use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::plan::Seat;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q104",
    name: "concurrent-posts",
    family: Family::Contacts,
    severity: Severity::Warning,
    summary: (
        "one person holds two posts that the same response needs at once",
        "同一人担任同一响应同时需要的两个岗位",
    ),
    doc: (
        "\
## What it does
Reports two cases where one person would have to be in two places at once in one plan's
response:

- the field HQ's commander (`command.field.commander`) is held by the same person as a post of
  the HQ behind it (its commander, commissar, deputies or office heads): the field HQ is at the
  scene, the HQ in the command centre;
- a post of the plan's command whose stand-in (`deputy`, AB角) is the person who holds it: when
  that person is away, nobody is.

A deputy commander who is also the commander's stand-in is what AB角 means, and is not reported.

A lead department's head serving as deputy commander and as director of the HQ's office (办公室设在
牵头部门，主任由其主要负责人兼任) is the usual arrangement in the same room, and is not reported.

## Why is this bad?
One person cannot lead the response at the scene and chair the HQ in the command centre in the
same hour, and a post whose stand-in is its own holder has no stand-in. A plan that looks fully
staffed on paper has a gap as soon as it is activated.

## How to fix
Give one of the posts, or the stand-in, to someone else (another `holder` or `deputy`).",
        "\
## 作用
报告同一份预案响应时同一人需同时出现在两处的两种情形：

- 现场指挥部指挥长（`command.field.commander`）与后方指挥部的岗位（指挥长、政委、副指挥长、
  办公室负责人）由同一人担任：现场指挥部在现场，指挥部在指挥中心；
- 本预案指挥机构岗位的AB角（`deputy`）就是该岗位的担任人本人：此人不在时无人顶岗。

副指挥长兼任指挥长的AB角正是AB角的本义，不报告。

牵头部门主要负责人既任副指挥长又兼任指挥部办公室主任（办公室设在牵头部门）是通常做法、在同一处办公，
不报告。

## 为什么有问题
一个人不可能在同一时间既在现场指挥处置、又在指挥中心主持指挥部工作；AB角是本人的岗位等于没有AB角。
纸面上人员齐全的预案，一启动就出现空缺。

## 如何修复
把其中一个岗位或AB角交给他人（改换 `holder` 或 `deputy`）。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "  - { id: post-flood-office, title: 区防汛抗旱指挥部办公室主任, org: qu-shuiliju, holder: c-0004 }",
        bad: "  - { id: post-flood-office, title: 区防汛抗旱指挥部办公室主任, org: qu-shuiliju, holder: c-0004, deputy: c-0004 }",
        good: "  - { id: post-flood-office, title: 区防汛抗旱指挥部办公室主任, org: qu-shuiliju, holder: c-0004 }",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let holder = |post: &str| {
        cx.posts
            .get(post)
            .and_then(|p| p.value.holder.as_ref())
            .map(|h| h.as_str())
    };
    let name = |contact: &str| {
        cx.contacts
            .get(contact)
            .map_or(contact.to_owned(), |c| c.value.name.value.clone())
    };
    let title = |post: &str| {
        cx.posts
            .get(post)
            .map_or(post.to_owned(), |p| p.value.title.value.clone())
    };
    for plan in &cx.repo.plans {
        let Some(command) = &plan.meta.command else {
            continue;
        };
        let hq: Vec<&crate::model::Id> = command
            .posts()
            .filter(|(seat, _)| *seat != Seat::FieldCommander)
            .map(|(_, p)| p)
            .collect();
        if let Some(field) = command.field.as_ref().and_then(|f| f.commander.as_ref()) {
            let person = holder(field.as_str());
            let same = hq.iter().find(|p| {
                p.as_str() != field.as_str() && person.is_some() && holder(p.as_str()) == person
            });
            if let (Some(person), Some(other)) = (person, same) {
                let (who, one, two) = (name(person), title(field.as_str()), title(other.as_str()));
                out.push(
                    Diagnostic::new(
                        &RULE,
                        plan.loc(field.span),
                        tr!(
                            cx.lang,
                            "{who} holds both {one} at the scene and {two} in the HQ, which this plan's response needs at the same time",
                            "{who}同时担任现场的{one}和后方指挥部的{two}，本预案响应时两处需同时到位"
                        ),
                    )
                    .with_help(tr!(cx.lang, "give one of the posts another holder", "请为其中一个岗位另行指定担任人")),
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for post_id in plan.meta.command_post_ids() {
            let post = post_id.as_str();
            if seen.contains(&post) {
                continue;
            }
            seen.push(post);
            let Some(found) = cx.posts.get(post) else {
                continue;
            };
            let Some(deputy) = found.value.deputy.as_ref().map(|d| d.as_str()) else {
                continue;
            };
            if holder(post) != Some(deputy) {
                continue;
            }
            let (who, one) = (name(deputy), title(post));
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(post_id.span),
                    tr!(
                        cx.lang,
                        "{who} holds {one} and is also its stand-in (AB角): when they are away, nobody is",
                        "{who}担任{one}，同时又是该岗位的AB角：此人不在时无人顶岗"
                    ),
                )
                .with_help(tr!(cx.lang, "name another person as the post's `deputy`", "请另行指定该岗位的AB角（`deputy`）")),
            );
        }
    }
}
