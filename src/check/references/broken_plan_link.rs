use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "R201",
    name: "broken-plan-link",
    family: Family::References,
    severity: Severity::Error,
    summary: (
        "a `plan:` link in the text leads nowhere",
        "正文中的预案链接无效",
    ),
    doc: (
        "\
## What it does
Reports a Markdown link `[...](plan:ID)` whose plan id names no plan, and a link
`[...](plan:ID#DUTY)` whose duty that plan does not define.

## Why is this bad?
The narrative is what responders read. A link that leads nowhere sends a reader of the
handbook to a plan that was renamed or withdrawn, at the moment they need the procedure.

## How to fix
Correct the id (the help suggests the closest one), or remove the link.",
        "\
## 作用
报告预案编号不对应任何预案的 Markdown 链接 `[...](plan:ID)`，
以及所指预案未定义该职责的链接 `[...](plan:ID#DUTY)`。

## 为什么有问题
应急处置人员读的是正文。无效链接会把工作手册的读者引向已改名或已废止的预案，
而此时正是他们需要查看处置程序的时候。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或删除该链接。",
    ),
    example: Example {
        file: "plans/overall.md",
        find: "(plan:zx-flood)",
        bad: "(plan:zx-flod)",
        good: "(plan:zx-flood)",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (file, _, body) in cx.bodies() {
        let text = &cx.repo.sources.get(file).text;
        for link in &body.links {
            let id = body.text(link.plan, text);
            let duty = link.duty.map(|d| body.text(d, text));
            let (message, near) = match (cx.plan(id), duty) {
                // A plan whose front matter could not be read is reported there.
                (None, _) if cx.is_broken(id) => continue,
                (None, _) => (
                    tr!(
                        cx.lang,
                        "link to unknown plan `{id}`",
                        "链接指向不存在的预案 `{id}`"
                    ),
                    suggest(id, cx.plans.keys().copied()),
                ),
                (Some(target), Some(duty))
                    if !cx.is_broken(duty) && !cx.duties.contains_key(&(id, duty)) =>
                {
                    (
                        tr!(
                            cx.lang,
                            "link to unknown duty `{duty}` of plan `{id}`",
                            "链接指向预案 `{id}` 中不存在的职责 `{duty}`"
                        ),
                        suggest(duty, target.meta.duties.iter().map(|d| d.id.as_str())),
                    )
                }
                _ => continue,
            };
            let mut diagnostic = Diagnostic::new(&RULE, Context::loc(file, link.span), message);
            if let Some(near) = near {
                diagnostic = diagnostic.with_help(tr!(
                    cx.lang,
                    "did you mean `{near}`?",
                    "是否应为 `{near}`？"
                ));
            }
            out.push(diagnostic);
        }
    }
}
