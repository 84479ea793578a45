use crate::check::index::IdKind;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "R105",
    name: "unknown-post",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a post id that names no post", "引用了不存在的岗位"),
    doc: "\
## What it does
A reference to a post (commander, deputy, duty post) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Command posts are what a response card is printed for; a post that is not registered has no holder and no phone number.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
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
