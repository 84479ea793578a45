use crate::check::{Context, Diagnostic, Example, Family, RULES, Rule, Severity};
use crate::foundation::problem::ProblemKind;
use crate::foundation::suggest::suggest;
use crate::model::Loc;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S107",
    name: "invalid-configuration",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("emplan.toml has a mistake", "emplan.toml 配置有误"),
    doc: (
        "\
## What it does
Reports what is wrong in the repository's `emplan.toml`: TOML that does not parse, a key the
configuration does not have, a value of the wrong type or out of its domain (a threshold of 0, a
date that does not exist), a rule code or name that no rule has, a kind of plan that does not
exist, a glob pattern that does not parse. A value with a mistake keeps its default; the rest of
the file still applies. The schema is `schemas/config.schema.json`; docs/config.md explains
every key.

## Why is this bad?
A configuration that is silently ignored is worse than none: a reviewer who turned a rule off
or tightened a threshold believes the check does what they asked. A typo in a rule's code
would leave that rule at its default and nobody would notice.

## How to fix
Correct the value at the place shown; `emplan rules` lists every code and name.",
        "\
## 作用
报告仓库根目录 `emplan.toml` 中的错误：TOML 无法解析、配置中没有的键、类型错误或超出取值范围的值
（阈值为 0、不存在的日期）、没有对应规则的规则代码或名称、不存在的预案类别、无法解析的路径模式。
有误的值按默认值处理，文件的其余部分照常生效。配置的 JSON Schema 为 `schemas/config.schema.json`，
各项说明见 docs/config.md。

## 为什么有问题
被悄悄忽略的配置比没有配置更糟：审核人以为已关闭某条规则或收紧了阈值，检查却没有照做。
规则代码写错一个字符，该规则就仍按默认执行，无人察觉。

## 如何修复
在所示位置改正该值；`emplan rules` 列出全部规则代码和名称。",
    ),
    example: Example {
        file: "emplan.toml",
        find: "D104 = \"warning\"",
        bad: "D1O4 = \"warning\"",
        good: "D104 = \"warning\"",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::Config { message } => Some((
            tr!(
                cx.lang,
                "in emplan.toml: {message}",
                "emplan.toml 有误：{message}"
            ),
            Vec::new(),
        )),
        _ => None,
    });
    let Some(file) = cx.repo.config_file else {
        return;
    };
    for (rule, span, _) in &cx.config.rules {
        if crate::check::rule(rule).is_some() {
            continue;
        }
        let known = RULES.iter().flat_map(|r| [r.code, r.name]);
        let mut diagnostic = Diagnostic::new(
            &RULE,
            Loc { file, span: *span },
            tr!(
                cx.lang,
                "no rule has the code or name `{rule}`",
                "没有代码或名称为 `{rule}` 的规则"
            ),
        );
        diagnostic.help.push(match suggest(rule, known) {
            Some(near) => tr!(cx.lang, "did you mean `{near}`?", "是否应为 `{near}`？"),
            None => tr!(
                cx.lang,
                "`emplan rules` lists every rule",
                "`emplan rules` 列出全部规则"
            ),
        });
        out.push(diagnostic);
    }
}
