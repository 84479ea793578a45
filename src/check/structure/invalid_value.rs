use crate::check::index::suggest;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::load::YamlProblem;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S203",
    name: "invalid-value",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a value of the wrong type or out of range", "字段取值无效"),
    doc: (
        "\
## What it does
Reports a value of the wrong type or outside its allowed set: a plan `kind` that is not one of
the eight kinds, a response level other than I-IV, a warning level other than red, orange,
yellow or blue, a date not written `YYYY-MM-DD`, a deadline not written like `30m` or `2h`, text
where a number is needed.

## Why is this bad?
The levels and kinds are fixed by the 突发事件应对法 and the 预案管理办法 (four response
levels Ⅰ-Ⅳ, four warning colours); a value outside them cannot be compared with other plans.

## How to fix
Use one of the values the message lists.",
        "\
## 作用
报告类型错误或超出允许范围的取值：预案的 `kind` 不是八种类型之一，
响应级别不是Ⅰ～Ⅳ级，预警级别不是红、橙、黄、蓝，日期没有按
`YYYY-MM-DD` 书写，时限没有按 `30m`、`2h` 这样的格式书写，
需要填数字的地方填了文字，等等。

## 为什么有问题
级别和类型由《中华人民共和国突发事件应对法》和《突发事件应急预案管理办法》
规定（响应级别分Ⅰ～Ⅳ四级，预警级别分四种颜色）；
超出范围的取值无法与其他预案比对。

## 如何修复
改用提示信息中列出的某个取值。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "deadline: 1h",
        bad: "deadline: 一小时",
        good: "deadline: 1h",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind| match super::yaml(kind) {
        Some(YamlProblem::InvalidValue { message, variant }) => {
            let mut helps = Vec::new();
            if let Some((found, expected)) = variant
                && let Some(near) = suggest(found, expected.iter().copied())
            {
                helps.push(tr!(
                    cx.lang,
                    "did you mean `{near}`?",
                    "是否应为 `{near}`？"
                ));
            }
            helps.push(tr!(
                cx.lang,
                "see docs/format.md for the values this field takes",
                "该字段可用的取值见 docs/format.md"
            ));
            let message = match variant {
                Some((found, expected)) => {
                    let list = expected.join(", ");
                    tr!(
                        cx.lang,
                        "`{found}` is not one of: {list}",
                        "“{found}”不是可选值之一：{list}"
                    )
                }
                None => tr!(cx.lang, "invalid value: {message}", "取值无效：{message}"),
            };
            Some((message, helps))
        }
        _ => None,
    });
}
