use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::i18n::Lang;
use crate::foundation::problem::{Limit, YamlProblem};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S103",
    name: "yaml-syntax",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("the YAML cannot be parsed", "YAML 语法错误"),
    doc: (
        "\
## What it does
Reports front matter or a registry file that is not well-formed YAML: a bracket never closed, a
bad indentation, a tab used for indentation, an unknown anchor. A full-width colon or comma typed
by a Chinese input method where YAML needs `:` or `,` (`title：…`, `{id: a，org: b}`) is named
as such, with the line as it should read; the rest of the file is then read as if the mark were
ASCII, so that the slip is one finding.

Two limits guard against hostile files, not against size: lists and mappings nested deeper than
`yaml_depth` (64), and aliases (`*name`) that expand to more than `yaml_alias_events` (20,000)
nodes, or to more nodes than the file has bytes where that is more. Reaching one is a finding at the line where it was reached, naming the limit; the text
before that line is still read and checked. A file that truly needs more raises the limit under
`[limits]` in `emplan.toml`.

## Why is this bad?
Nothing in a file that cannot be parsed is checked, so every other rule is silent about it.

## How to fix
Fix the syntax at the place shown. Quote values that contain `: `, `#` or start with `[`, `{`,
`*`, `&`, `!`, `%` or `@`.",
        "\
## 作用
报告不是合法 YAML 的前置元数据（front matter）或登记文件：
括号未闭合、缩进错误、用制表符（Tab）缩进、引用了不存在的锚点等。
中文输入法在 YAML 需要“:”或“,”的地方输入了全角“：”或“，”
（`title：…`、`{id: a，org: b}`）时，会明确指出，并给出改正后的写法；
文件其余部分按半角符号继续读取，这一处笔误只报告一次。

有两项上限用于防范恶意文件，而非限制文件大小：列表和映射嵌套超过 `yaml_depth`（64）层，
别名（`*name`）展开超过 `yaml_alias_events`（20,000）个节点（文件字节数更大时以字节数为准）。触及上限时，
在触及的那一行报告一次并指明是哪项上限；该行之前的内容照常读取和检查。
确有需要的文件可在 `emplan.toml` 的 `[limits]` 中调高上限。

## 为什么有问题
无法解析的文件，其中的内容一概不会被检查，其他所有规则对它都不会报告任何问题。

## 如何修复
在提示的位置修正语法。值中含有 `: ` 或 `#`，或以 `[`、`{`、
`*`、`&`、`!`、`%`、`@` 开头时，须给该值加引号。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "owner: qu-shuiliju",
        bad: "owner: [qu-shuiliju",
        good: "owner: qu-shuiliju",
    },
    run,
};

// One match over the kinds of YAML problem, each with its message in both languages.
fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, loc| match super::yaml(kind) {
        Some(YamlProblem::Syntax { message }) => Some((
            match (cx.lang, in_chinese(message)) {
                (Lang::Zh, Some(message)) => format!("YAML 语法错误：{message}"),
                _ => tr!(
                    cx.lang,
                    "invalid YAML: {message}",
                    "YAML 语法错误：{message}"
                ),
            },
            vec![if message.starts_with("unclosed bracket") {
                tr!(
                    cx.lang,
                    "close it at the end of its line: `{{ ... }}` and `[ ... ]` are written on one line",
                    "请在本行末尾闭合：`{{ ... }}` 和 `[ ... ]` 应写在同一行"
                )
            } else if message.contains("found a tab") {
                tr!(
                    cx.lang,
                    "replace the tab with spaces: YAML indents with spaces only",
                    "请把制表符换成空格：YAML 只能用空格缩进"
                )
            } else if quoting_helps(cx, loc) {
                tr!(
                    cx.lang,
                    "fix the syntax here; quote values that contain ': ' or '#' or start with '[' or '{{'",
                    "请修正此处语法；含有“: ”或“#”、或以“[”“{{”开头的值需加引号"
                )
            } else {
                tr!(
                    cx.lang,
                    "fix the syntax here: compare the line with the ones around it and with docs/format.md",
                    "请修正此处语法：对照上下行和 docs/format.md 检查本行"
                )
            }],
        )),
        Some(YamlProblem::Limit(limit)) => Some(limit_reached(*limit, cx.lang)),
        Some(YamlProblem::OddSpace { character }) => {
            let code = format!("U+{:04X}", *character as u32);
            let (en, zh) = space_name(*character);
            Some((
                tr!(
                    cx.lang,
                    "this line is indented with {code} ({en}), which YAML does not count as a space",
                    "此行用 {code}（{zh}）缩进，YAML 不把它当作空格"
                ),
                vec![tr!(
                    cx.lang,
                    "indent with ordinary ASCII spaces (an input method in full-width mode types U+3000; a word processor, U+00A0)",
                    "请改用半角空格缩进（输入法全角模式会输入 U+3000，文字处理软件常输入 U+00A0）"
                )],
            ))
        }
        Some(YamlProblem::FullWidth { mark, fixed }) => Some(if *mark == '：' {
            (
                tr!(
                    cx.lang,
                    "full-width colon `：` where YAML needs `:`",
                    "此处是全角冒号“：”，YAML 需要半角冒号“:”"
                ),
                vec![tr!(
                    cx.lang,
                    "write an ASCII colon and a space: `{fixed}`",
                    "请改为半角冒号加空格：`{fixed}`"
                )],
            )
        } else {
            (
                tr!(
                    cx.lang,
                    "full-width comma `，` where YAML needs `,`",
                    "此处是全角逗号“，”，YAML 需要半角逗号“,”"
                ),
                vec![tr!(
                    cx.lang,
                    "separate the entries with an ASCII comma: `{fixed}`",
                    "请用半角逗号分隔各项：`{fixed}`"
                )],
            )
        }),
        _ => None,
    });
}

/// Whether the value on the error's line holds what quotes would protect: `: ` or ` #` inside
/// it, or a `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%`, `@` or backquote at its start.
fn quoting_helps(cx: &Context, loc: crate::model::Loc) -> bool {
    let file = cx.repo.sources.get(loc.file);
    let line = file.line_range(file.line_index(loc.span.start as usize));
    let text = file.text.get(line).unwrap_or("");
    let value = text
        .trim_start()
        .trim_start_matches("- ")
        .split_once(": ")
        .map_or(text.trim(), |(_, v)| v.trim());
    value.contains(": ")
        || value.contains(" #")
        || value.starts_with(['[', '{', '*', '&', '!', '|', '>', '%', '@', '`'])
}

/// What a space character is called, in English and Chinese.
fn space_name(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{a0}' => ("a no-break space", "不换行空格"),
        '\u{3000}' => ("a full-width space", "全角空格"),
        '\u{200b}' => ("a zero-width space", "零宽空格"),
        '\u{feff}' => ("a zero-width no-break space", "零宽不换行空格"),
        _ => ("a Unicode space", "Unicode 空格"),
    }
}

/// The parser's messages that plan authors meet most, and emplan's own limit, in Chinese; the
/// others stay as the parser wrote them.
const CHINESE: &[(&str, &str)] = &[
    (
        "mapping values are not allowed",
        "此处不能写“键: 值”（值里含有“: ”时请给值加引号）",
    ),
    (
        "block sequence entries are not allowed",
        "此处不能写列表项“- ”",
    ),
    (
        "did not find expected key",
        "缩进不一致，此处应为与上一行对齐的键",
    ),
    (
        "did not find expected '-' indicator",
        "缩进不一致，此处应为与上一项对齐的列表项“- ”",
    ),
    ("did not find expected ',' or ']'", "缺少“,”或“]”"),
    ("did not find expected ',' or '}'", "缺少“,”或“}”"),
    ("unclosed bracket '['", "方括号“[”没有闭合"),
    ("unclosed bracket '{'", "花括号“{”没有闭合"),
    ("unclosed quote", "引号没有闭合"),
    (
        "unknown escape character",
        "双引号内有无法识别的转义（“\\”后的字符）",
    ),
    ("found a tab", "出现了制表符（Tab）；YAML 只能用空格缩进"),
    (
        "found character that cannot start any token",
        "出现了不能出现在此处的字符（如制表符 Tab）",
    ),
    (
        "unexpected character",
        "值不能以这个字符开头（需要时请给值加引号）",
    ),
    ("simple key expected ':'", "键后面缺少“:”"),
    ("illegal placement of ':' indicator", "“:”的位置不对"),
    (
        "alias references unknown anchor",
        "别名（*）引用了不存在的锚点（&）",
    ),
    (
        "did not find expected <document start>",
        "文档中有无法解析的多余内容",
    ),
    ("end of stream", "内容意外结束"),
];

/// The message and help of a document that reaches a limit of `[limits]`.
fn limit_reached(limit: Limit, lang: Lang) -> (String, Vec<String>) {
    let (message, key, value) = match limit {
        Limit::Depth(v) => (
            tr!(
                lang,
                "lists and mappings nest deeper than {v} levels here, the limit `yaml_depth`: the text from this line on is not read",
                "此处列表和映射嵌套超过 {v} 层，达到上限 `yaml_depth`：自本行起的内容未读取"
            ),
            "yaml_depth",
            v,
        ),
        Limit::AliasEvents(v) => (
            tr!(
                lang,
                "aliases (`*name`) expand to more than {v} nodes here, the limit `yaml_alias_events`: the text from this line on is not read",
                "此处别名（`*name`）展开超过 {v} 个节点，达到上限 `yaml_alias_events`：自本行起的内容未读取"
            ),
            "yaml_alias_events",
            v,
        ),
    };
    let more = value.saturating_mul(2);
    let help = tr!(
        lang,
        "if the file is meant to be so, raise the limit in emplan.toml: `{key} = {more}` under `[limits]`",
        "如文件确需如此，请在 emplan.toml 的 `[limits]` 下调高上限：`{key} = {more}`"
    );
    (message, vec![help])
}

fn in_chinese(message: &str) -> Option<&'static str> {
    CHINESE
        .iter()
        .find(|(english, _)| message.contains(english))
        .map(|(_, chinese)| *chinese)
}

#[cfg(test)]
mod tests {
    use super::in_chinese;

    /// The messages are serde-saphyr's and its parser's; this keeps the table in step with them.
    #[test]
    fn common_syntax_errors_are_worded_in_chinese() {
        let cases = [
            ("id: a\ntitle: a: b\n", "此处不能写“键: 值”"),
            ("id: a\nhazards: [a, b\n", "方括号“[”没有闭合"),
            ("id: a\ntitle: 'abc\n", "引号没有闭合"),
            ("id: a\nduties:\n  - id: a\n   org: b\n", "缩进不一致"),
            ("id: a\n\ttitle: b\n", "制表符"),
        ];
        for (yaml, chinese) in cases {
            let error = serde_saphyr::from_str::<serde::de::IgnoredAny>(yaml)
                .expect_err(yaml)
                .to_string();
            let found = in_chinese(&error).unwrap_or_else(|| panic!("{error}"));
            assert!(found.contains(chinese), "{yaml:?}: {error} -> {found}");
        }
    }
}
