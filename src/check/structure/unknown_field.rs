use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::YamlProblem;
use crate::foundation::suggest::suggest;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S201",
    name: "unknown-field",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a field that the format does not have", "未知字段"),
    doc: (
        "\
## What it does
Reports a field that the repository format does not define (see docs/format.md and the JSON
Schemas in `schemas/`), with the closest field name when it looks like a typo.

## Why is this bad?
A misspelt field is silently lost: `dutys:` instead of `duties:` means the plan assigns no duty
at all, and the linkage check passes for the wrong reason.

## How to fix
Correct the name, or move the information into the Markdown body if the format has no field for
it.",
        "\
## 作用
报告仓库格式中没有定义的字段（见 docs/format.md 和 `schemas/` 中的
JSON Schema）；看起来像拼写错误时，给出最接近的字段名。

## 为什么有问题
拼错的字段会被悄无声息地丢掉：把 `duties:` 写成 `dutys:`，
就等于这份预案一项职责也没有分配，衔接检查也会因为错误的原因而通过。

## 如何修复
改正字段名；如果格式中没有对应的字段，就把这些信息移到 Markdown 正文中。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "duties:",
        bad: "dutys:",
        good: "duties:",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, loc| match super::yaml(kind) {
        Some(YamlProblem::UnknownField { field, expected }) => {
            let mut helps = Vec::new();
            let text = &cx.repo.sources.get(loc.file).text;
            if let Some(quoted) = cut_text(text, loc.span.range()) {
                helps.push(tr!(
                    cx.lang,
                    "a `,` inside `{{...}}` ends a value, so `{field}` was read as a field: put the whole text in quotes: `{quoted}`",
                    "`{{...}}` 中的“,”会结束一个值，“{field}”因此被当成了字段：请给整段文字加引号：`{quoted}`"
                ));
            } else if let Some(help) = removed(field, cx.lang) {
                helps.push(help);
            } else if let Some(near) = suggest(field, expected.iter().copied()) {
                helps.push(tr!(
                    cx.lang,
                    "did you mean `{near}`?",
                    "是否应为 `{near}`？"
                ));
            }
            let list = expected.join(", ");
            helps.push(tr!(
                cx.lang,
                "the fields here are: {list}",
                "此处可用的字段：{list}"
            ));
            Some((
                tr!(cx.lang, "unknown field `{field}`", "未知字段 `{field}`"),
                helps,
            ))
        }
        _ => None,
    });
}

/// What to write instead of a field that earlier versions of the format had.
fn removed(field: &str, lang: crate::foundation::i18n::Lang) -> Option<String> {
    match field {
        "travel_minutes" => Some(tr!(
            lang,
            "`travel_minutes` (minutes to the district centre) was replaced by coordinates: give the township `at: {{lat: .., lon: ..}}` (or this `place` its own `at`), and list slow roads under `travel.routes` (docs/format.md, \"Where things are\")",
            "`travel_minutes`（到区中心的分钟数）已由坐标取代：请给所在乡镇写 `at: {{lat: .., lon: ..}}`（或给此 `place` 写自己的 `at`），慢路写在 `travel.routes` 中（见 docs/format.md“Where things are”）"
        )),
        _ => None,
    }
}

/// When the unknown field at `field` (a byte range of `text`) is the rest of a text that an
/// ASCII comma cut inside a one-line `{...}` (`{ text: 造成3人以上死亡,含失踪, metric: deaths }`),
/// the entry as it should be written: `text: "造成3人以上死亡,含失踪"`.
fn cut_text(text: &str, field: std::ops::Range<usize>) -> Option<String> {
    let name = text.get(field.clone())?;
    let line_start = text[..field.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[field.end..]
        .find('\n')
        .map_or(text.len(), |i| field.end + i);
    let before = &text[line_start..field.start];
    if name.is_ascii() || !before.contains('{') || !before.trim_end().ends_with(',') {
        return None;
    }
    // The value the comma cut: after the last `key: ` before the field.
    let colon = before.rfind(": ")?;
    let key_start = before[..colon]
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    let key = &before[key_start..colon];
    if key.is_empty() {
        return None;
    }
    // It goes on to the next `, key:` or the closing `}`.
    let after = &text[field.end..line_end];
    let mut end = after.rfind('}').unwrap_or(after.len());
    let mut from = 0;
    while let Some(i) = after[from..end].find(',') {
        let rest = after[from + i + 1..].trim_start();
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        if key_len > 0 && rest[key_len..].starts_with(':') {
            end = from + i;
            break;
        }
        from += i + 1;
    }
    let value = format!("{}{name}{}", &before[colon + 2..], &after[..end]);
    let value = value.trim().replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!("{key}: \"{value}\""))
}

#[cfg(test)]
mod tests {
    use super::cut_text;

    #[test]
    fn a_text_cut_by_a_comma_is_given_back_in_quotes() {
        let line = "  - { text: 造成3人以上死亡,含失踪, metric: deaths, at_least: 3 }\n";
        let at = line.find("含失踪").unwrap();
        assert_eq!(
            cut_text(line, at..at + "含失踪".len()).as_deref(),
            Some("text: \"造成3人以上死亡,含失踪\"")
        );
        let line = "  - { org: o, do: 通知群众,组织转移 }\n";
        let at = line.find("组织转移").unwrap();
        assert_eq!(
            cut_text(line, at..at + "组织转移".len()).as_deref(),
            Some("do: \"通知群众,组织转移\"")
        );
        let line = "  - { id: a, txt: b }\n";
        let at = line.find("txt").unwrap();
        assert_eq!(cut_text(line, at..at + 3), None);
    }
}
