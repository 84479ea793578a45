use crate::check::index::suggest;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::i18n::Lang;
use crate::load::{Expected, YamlProblem};
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
        Some(YamlProblem::InvalidValue { found, expected }) => {
            let mut helps = Vec::new();
            if let (Some(found), Expected::OneOf(set)) = (found, expected)
                && let Some(near) = suggest(found, set.iter().copied())
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
            Some((message(cx.lang, found.as_deref(), expected), helps))
        }
        _ => None,
    });
}

/// What is wrong with the value, in the user's language. A list or a mapping where one value
/// belongs (or the other way round) is a structure, so only what belongs there is said.
fn message(lang: Lang, found: Option<&str>, expected: &Expected) -> String {
    let what = match expected {
        Expected::OneOf(set) => {
            let list = set.join(", ");
            return match found {
                Some(found) => tr!(
                    lang,
                    "`{found}` is not one of: {list}",
                    "“{found}”不是可选值之一：{list}"
                ),
                None => tr!(lang, "expected one of: {list}", "应为以下取值之一：{list}"),
            };
        }
        // A list or a mapping where one value belongs (or the other way round): what was
        // written is a structure, so only what belongs here is said.
        Expected::List => {
            return tr!(
                lang,
                "a list is expected here, such as `[a, b]`",
                "此处应为列表，如 `[a, b]`"
            );
        }
        Expected::Mapping => {
            return tr!(
                lang,
                "a mapping of `key: value` lines is expected here",
                "此处应为“键: 值”形式的映射"
            );
        }
        Expected::Single => {
            return tr!(
                lang,
                "one value is expected here, not a list or a mapping",
                "此处应为单个值，而不是列表或映射"
            );
        }
        Expected::NotEmpty => {
            return lang
                .pick("this value may not be left empty", "该值不能为空")
                .to_owned();
        }
        Expected::Other(message) => {
            return tr!(lang, "invalid value: {message}", "取值无效：{message}");
        }
        Expected::WholeNumber => lang.pick("a whole number (0 or more)", "非负整数"),
        Expected::Number => lang.pick("a number", "数值"),
        Expected::Date => lang.pick("a date written YYYY-MM-DD", "有效日期（格式为 YYYY-MM-DD）"),
        Expected::TimeLimit => lang.pick(
            "a time limit such as 30m, 2h or 3d",
            "有效的时限（如 30m、2h 或 3d）",
        ),
    };
    match found {
        Some(found) => tr!(lang, "`{found}` is not {what}", "“{found}”不是{what}"),
        None => tr!(lang, "expected {what}", "应为{what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Expected, Lang, message};

    #[test]
    fn messages_say_what_belongs_in_both_languages() {
        let cases = [
            (
                Some("soon"),
                Expected::TimeLimit,
                "`soon` is not a time limit such as 30m, 2h or 3d",
                "“soon”不是有效的时限（如 30m、2h 或 3d）",
            ),
            (
                Some("2024/01/01"),
                Expected::Date,
                "`2024/01/01` is not a date written YYYY-MM-DD",
                "“2024/01/01”不是有效日期（格式为 YYYY-MM-DD）",
            ),
            (
                Some("abc"),
                Expected::Number,
                "`abc` is not a number",
                "“abc”不是数值",
            ),
            (
                Some("-1"),
                Expected::WholeNumber,
                "`-1` is not a whole number (0 or more)",
                "“-1”不是非负整数",
            ),
            (
                Some("overall"),
                Expected::List,
                "a list is expected here, such as `[a, b]`",
                "此处应为列表，如 `[a, b]`",
            ),
            (
                None,
                Expected::NotEmpty,
                "this value may not be left empty",
                "该值不能为空",
            ),
            (
                Some("sitee"),
                Expected::OneOf(vec!["site", "joint"]),
                "`sitee` is not one of: site, joint",
                "“sitee”不是可选值之一：site, joint",
            ),
        ];
        for (found, expected, en, zh) in cases {
            assert_eq!(message(Lang::En, found, &expected), en);
            assert_eq!(message(Lang::Zh, found, &expected), zh);
        }
    }
}
