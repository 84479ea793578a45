use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L208",
    name: "criterion-number-mismatch",
    family: Family::Linkage,
    severity: Severity::Warning,
    summary: (
        "a criterion's text states a number other than its threshold",
        "启动条件文字中的数字与阈值不一致",
    ),
    doc: (
        "\
## What it does
Reads the numbers written in a criterion's `text` (ASCII or full-width digits, with a decimal
point) and reports an `at_least` or `below` that is none of them, nor one of them in 万 (×10⁴)
or 亿 (×10⁸). A text without digits is not checked.

## Why is this bad?
The text is what people read in the printed plan and on the response card; the number is what
emplan compares across plans. When they differ (text 受害森林面积10公顷以上, `at_least: 100`),
one of them is wrong, and the plan says two things: commanders act on the text, the linkage
check on the number.

## How to fix
Make the number and the text agree; which is right is in the approved plan.",
        "\
## 作用
读取启动条件 `text` 中写出的数字（半角或全角数字，可带小数点），
如果 `at_least` 或 `below` 不等于其中任何一个，也不等于其中某个数以“万”（×10⁴）
或“亿”（×10⁸）计的值，则报告。文字中没有数字的不检查。

## 为什么有问题
文字是人们在印发的预案和应急处置卡上读到的，数值是 emplan 在预案之间比对的。
两者不一致（文字为“受害森林面积10公顷以上”，而 `at_least: 100`）时必有一错，
预案就说了两件事：指挥人员按文字行动，衔接检查按数值进行。

## 如何修复
使数值与文字一致；以批准印发的预案为准。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
        bad: "{ text: 造成3人以上死亡, metric: deaths, at_least: 2 }",
        good: "{ text: 造成3人以上死亡, metric: deaths, at_least: 3 }",
    },
    run,
};

/// The numbers written in a text: runs of digits with at most one decimal point.
fn numbers(text: &str) -> Vec<f64> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            _ => c,
        })
        .collect();
    let mut out = Vec::new();
    let mut run = String::new();
    for c in ascii.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !run.is_empty() && !run.contains('.')) {
            run.push(c);
        } else if !run.is_empty() {
            if let Ok(n) = run.trim_end_matches('.').parse() {
                out.push(n);
            }
            run.clear();
        }
    }
    out
}

/// True when `value` is one of the numbers, as written or in 万 or 亿.
fn stated(value: f64, written: &[f64]) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
    written.iter().any(|&n| {
        [1.0, 1e4, 1e8]
            .iter()
            .any(|&unit| close(n * unit, value) || close(n, value * unit))
    })
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for criterion in plan.meta.criteria() {
            if criterion.at_least.is_none() && criterion.below.is_none() {
                continue;
            }
            let written = numbers(&criterion.text);
            if written.is_empty() {
                continue;
            }
            for bound in criterion.at_least.iter().chain(&criterion.below) {
                let value = bound.value;
                if stated(value, &written) {
                    continue;
                }
                let text = criterion.text.as_str();
                out.push(
                    Diagnostic::new(
                        &RULE,
                        plan.loc(bound.span),
                        tr!(
                            cx.lang,
                            "the threshold is {value}, but the text says “{text}”",
                            "阈值为 {value}，但文字写的是“{text}”"
                        ),
                    )
                    .with_related(
                        plan.loc(criterion.text.span),
                        tr!(cx.lang, "the text", "文字"),
                    )
                    .with_help(tr!(
                        cx.lang,
                        "make the number and the text agree",
                        "请使数值与文字一致"
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{numbers, stated};

    #[test]
    fn numbers_are_read_from_chinese_text() {
        assert_eq!(numbers("24小时降雨量达50毫米以上"), [24.0, 50.0]);
        assert_eq!(numbers("受害森林面积０.５公顷以上"), [0.5]);
        assert_eq!(numbers("直接经济损失1000万元以上"), [1000.0]);
        assert!(numbers("造成人员死亡").is_empty());
        assert!(stated(1e7, &[1000.0]), "1000万");
        assert!(stated(1000.0, &[1000.0]));
        assert!(!stated(100.0, &[10.0]));
    }
}
