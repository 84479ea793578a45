use std::collections::hash_map::Entry;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::fast_map::FastMap;
use crate::model::Loc;
use crate::model::refs::for_each_definition;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S205",
    name: "duplicate-id",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("two things of one kind share an id", "同类对象的编号重复"),
    doc: (
        "\
## What it does
Reports an id defined twice for the same kind of thing: two plans, two organisations, two
hazards, resources, posts or contacts anywhere in the repository, or two duties or working groups
within one plan. The first definition (in path order) is kept; the others are reported. A plan
whose id an earlier plan has is not checked by any other rule until it has its own, so a copied
plan file is one finding, not one for every duty it takes from a plan of another owner.

## Why is this bad?
References resolve to one of them at random from a reader's point of view: a duty accepted from
`zx-flood` may be checked against the wrong plan. Often the second file is a copy that was meant
to be renamed.

## How to fix
Give the newer one its own id, or delete the copy.",
        "\
## 作用
报告同一类对象中被重复定义的编号：整个仓库中的两份预案、两个组织机构、
两个灾种、资源、岗位或联系人，或同一份预案中的两项职责或两个工作组。
保留（按路径顺序）第一个定义，报告其余的定义。
与前一个预案编号相同的预案，在另起编号之前不受其他规则检查：复制一份预案文件只报告一处，
而不会因它照搬了其他单位的职责而每条职责都报告一次。

## 为什么有问题
在读者看来，引用指向其中哪一个是随机的：从 `zx-flood` 承接的职责，
可能被拿去和错误的预案核对。第二个文件往往是本该改名的复制件。

## 如何修复
给较新的那个另起一个编号，或删除复制件。",
    ),
    example: Example {
        file: "plans/bm-yingji.md",
        find: "id: bm-yingji",
        bad: "id: bm-shuili",
        good: "id: bm-yingji",
    },
    run,
};

// One pass over the definitions and its finding; the messages in both languages take a third of it.
fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    // Duties and working groups are scoped by their plan, and one plan's are listed together:
    // they are compared in a small map per plan, and the map of the whole repository holds
    // only plans and registry entries.
    let registry = &cx.repo.registry;
    let entries = registry.organisations.len()
        + registry.hazards.len()
        + registry.metrics.len()
        + registry.resources.len()
        + registry.posts.len()
        + registry.contacts.len();
    let mut first: FastMap<_, Loc> = FastMap::default();
    first.reserve(cx.repo.plans.len() + entries);
    let mut in_plan: FastMap<_, Loc> = FastMap::default();
    // The plan whose duties and groups are being visited (its id, by address).
    let mut plan_scope: Option<&str> = None;
    for_each_definition(cx.repo, |def| {
        let loc = Loc {
            file: def.file,
            span: def.id.span,
        };
        let key = (def.kind, def.scope, def.id.as_str());
        // Each plan's duties and groups are compared among themselves, even when another plan
        // shares its id: that is one S205 for the plan id, not one per duty.
        let scoped = def.scope.is_some_and(|scope| match plan_scope {
            Some(current) if std::ptr::eq(current, scope) => true,
            _ => {
                plan_scope = Some(scope);
                in_plan.clear();
                true
            }
        });
        let seen = if scoped { &mut in_plan } else { &mut first };
        match seen.entry(key) {
            Entry::Vacant(vacant) => {
                vacant.insert(loc);
            }
            Entry::Occupied(occupied) => {
                let earlier = *occupied.get();
                let (what, id) = (def.kind.name(cx.lang), def.id.as_str());
                out.push(
                    Diagnostic::new(
                        &RULE,
                        loc,
                        tr!(
                            cx.lang,
                            "{what} id `{id}` is already defined",
                            "{what}编号 `{id}` 已被定义"
                        ),
                    )
                    .with_related(earlier, tr!(cx.lang, "first defined here", "首次定义于此"))
                    .with_help(tr!(
                        cx.lang,
                        "give this {what} its own id, or remove the copy",
                        "请为此{what}另起编号，或删除重复的副本"
                    )),
                );
            }
        }
    });
    for copy in &cx.repo.duplicate_plans {
        let id = copy.meta.id.as_str();
        let mut diagnostic = Diagnostic::new(
            &RULE,
            copy.loc(copy.meta.id.span),
            tr!(
                cx.lang,
                "plan id `{id}` is already defined: this plan is not checked until it has its own",
                "预案编号 `{id}` 已被定义：在另起编号之前，本预案不予检查"
            ),
        );
        if let Some(first) = cx.plan(id) {
            diagnostic = diagnostic.with_related(
                first.loc(first.meta.id.span),
                tr!(cx.lang, "first defined here", "首次定义于此"),
            );
        }
        out.push(diagnostic.with_help(tr!(
            cx.lang,
            "give this plan its own id, or remove the copy",
            "请为此预案另起编号，或删除重复的副本"
        )));
    }
}
