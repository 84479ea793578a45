use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::refs::IdKind;

pub static RULE: Rule = Rule {
    code: "R105",
    name: "unknown-post",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a post id that names no post", "引用了不存在的岗位"),
    doc: (
        "\
## What it does
A reference to a post (commander, deputy, duty post) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Command posts are what a response card is printed for; a post that is not registered has no holder and no phone number.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用岗位（指挥长、副指挥长、值守岗位）时使用的编号不在登记文件中。
帮助信息会给出最接近的现有编号。

## 为什么有问题
应急处置卡正是为指挥岗位印制的；未登记的岗位既没有在岗人员，
也没有联系电话。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中定义该岗位。",
    ),
    example: Example {
        file: "plans/overall.md",
        find: "commander: post-commander",
        bad: "commander: post-comander",
        good: "commander: post-commander",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Post, &cx.posts, out);
}
