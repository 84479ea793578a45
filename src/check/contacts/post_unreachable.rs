use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q101",
    name: "post-unreachable",
    family: Family::Contacts,
    severity: Severity::Warning,
    summary: (
        "a post has no holder, or its holder has no phone number",
        "岗位无人担任，或担任人没有电话",
    ),
    doc: (
        "\
## What it does
Reports a post (`posts:` in the registry) without a `holder`, and a post whose holder's contact
has neither a `mobile` nor a `phone`. A holder that is not a known contact is R108's.

## Why is this bad?
A plan names posts so that the response does not depend on one person, but a post is only
reached through the person holding it: a card that says \"call the township's commander\" with no
number behind it fails at the first call. The drill guide lists communication as the first thing
a drill tests.

## How to fix
Name the holder (`holder: c-0012`) and give the contact a `mobile` or `phone`.",
        "\
## 作用
报告登记册中没有 `holder`（担任人）的岗位，以及担任人的联系人既没有 `mobile` 也没有 `phone`
的岗位。担任人不是已登记联系人的，由 R108 报告。

## 为什么有问题
预案写岗位，是为了不依赖某一个人，但岗位只能通过担任它的人联系到：处置卡上写着“联系乡镇指挥长”，
后面却没有号码，第一个电话就打不通。演练指南把通信联络列为演练首先要检验的内容。

## 如何修复
写明担任人（`holder: c-0012`），并为该联系人填写 `mobile` 或 `phone`。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "  - { id: post-baolun, title: 宝轮镇应急指挥部指挥长, org: xz-baolun, holder: c-0002 }",
        bad: "  - { id: post-baolun, title: 宝轮镇应急指挥部指挥长, org: xz-baolun }",
        good: "  - { id: post-baolun, title: 宝轮镇应急指挥部指挥长, org: xz-baolun, holder: c-0002 }",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.repo.registry.posts {
        let post = &entry.value;
        let title = post.title.value.as_str();
        let Some(holder) = &post.holder else {
            out.push(
                Diagnostic::new(
                    &RULE,
                    Context::loc(entry.file, post.id.span),
                    tr!(
                        cx.lang,
                        "the post {title} has no holder",
                        "岗位{title}没有担任人"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "name the contact who holds it: `holder: c-…`",
                    "请写明担任人：`holder: c-…`"
                )),
            );
            continue;
        };
        let Some(contact) = cx.contacts.get(holder.as_str()) else {
            continue;
        };
        if contact.value.mobile.is_some() || contact.value.phone.is_some() {
            continue;
        }
        let name = contact.value.name.value.as_str();
        out.push(
            Diagnostic::new(
                &RULE,
                Context::loc(entry.file, holder.span),
                tr!(
                    cx.lang,
                    "{name}, who holds the post {title}, has no phone number",
                    "岗位{title}的担任人{name}没有电话号码"
                ),
            )
            .with_related(
                Context::loc(contact.file, contact.value.id.span),
                tr!(cx.lang, "the contact", "联系人"),
            )
            .with_help(tr!(
                cx.lang,
                "give the contact a `mobile` or a `phone`",
                "请为该联系人填写 `mobile` 或 `phone`"
            )),
        );
    }
}
