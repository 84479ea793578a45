use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::i18n::Lang;
use crate::foundation::problem::{Expected, YamlProblem};
use crate::foundation::suggest::suggest;
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
where a number is needed, a number outside its domain (docs/format.md, Numbers): a threshold
that is not a finite number of 0 or more (`.nan`, `.inf`, `-5`), a travel factor or speed under
1, a latitude or longitude off the globe, a reading that is not finite. Such a number is dropped,
so no rule compares against it, and nothing else of the file is lost.

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
需要填数字的地方填了文字，数字超出其取值范围（见 docs/format.md 的 Numbers 一节）：
阈值不是大于等于 0 的有限数（`.nan`、`.inf`、`-5`），道路系数或车速小于 1，
经纬度不在地球上，演练读数不是有限数，等等。超出范围的数字会被舍弃，
任何规则都不会拿它比较，文件的其余内容照常检查。

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

/// Chinese names of the format's fixed values, as authors write them (`level: 红色`), with the
/// value each stands for. A name may stand for values of several fields (一级 is level Ⅰ and
/// a red warning); the field's own set picks.
const CHINESE_VALUES: &[(&str, &str)] = &[
    ("特别重大", "I"),
    ("一级", "I"),
    ("Ⅰ级", "I"),
    ("1级", "I"),
    ("重大", "II"),
    ("二级", "II"),
    ("Ⅱ级", "II"),
    ("2级", "II"),
    ("较大", "III"),
    ("三级", "III"),
    ("Ⅲ级", "III"),
    ("3级", "III"),
    ("一般", "IV"),
    ("四级", "IV"),
    ("Ⅳ级", "IV"),
    ("4级", "IV"),
    ("红色", "red"),
    ("红", "red"),
    ("一级", "red"),
    ("橙色", "orange"),
    ("橙", "orange"),
    ("二级", "orange"),
    ("黄色", "yellow"),
    ("黄", "yellow"),
    ("三级", "yellow"),
    ("蓝色", "blue"),
    ("蓝", "blue"),
    ("四级", "blue"),
    ("总体", "overall"),
    ("专项", "specialised"),
    ("部门", "departmental"),
    ("部门", "department"),
    ("乡镇", "township"),
    ("街道", "township"),
    ("村", "village"),
    ("社区", "village"),
    ("企业", "enterprise"),
    ("单位", "enterprise"),
    ("现场处置方案", "site"),
    ("现场", "site"),
    ("联合", "joint"),
    ("政府", "government"),
    ("人民政府", "government"),
    ("队伍", "team"),
    ("救援队伍", "team"),
    ("指挥部", "committee"),
    ("委员会", "committee"),
    ("自然灾害", "natural"),
    ("事故灾难", "accident"),
    ("公共卫生事件", "public-health"),
    ("社会安全事件", "social-security"),
    ("物资储备库", "warehouse"),
    ("仓库", "warehouse"),
    ("避难场所", "shelter"),
    ("应急避难场所", "shelter"),
    ("装备", "equipment"),
    ("监测站点", "monitor"),
    ("隐患点", "hazard-point"),
];

/// The value of `set` that a Chinese name stands for: `红色` -> `red`, `Ⅲ级响应` -> `III`.
fn chinese_value(found: &str, set: &[&'static str]) -> Option<&'static str> {
    let found = found.trim();
    let bare = ["响应", "预警", "应急预案", "预案"]
        .iter()
        .fold(found, |text, suffix| {
            text.strip_suffix(suffix).unwrap_or(text)
        });
    CHINESE_VALUES
        .iter()
        .filter(|(_, value)| set.contains(value))
        .find(|(name, _)| *name == found || *name == bare)
        .map(|(_, value)| *value)
}

/// A number written in digits or in Chinese numerals up to 99 (`30`, `三十`, `两`).
fn number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32)
    };
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [c] => digit(*c),
        ['十', ones] => Some(10 + digit(*ones)?),
        [tens, '十'] => Some(digit(*tens)? * 10),
        [tens, '十', ones] => Some(digit(*tens)? * 10 + digit(*ones)?),
        _ => None,
    }
}

/// A time limit written in Chinese, as the format writes it: `30分钟` -> `30m`, `两小时内` ->
/// `2h`, `半小时` -> `30m`.
fn time_limit(found: &str) -> Option<String> {
    let text = found.trim();
    let text = ["以内", "之内", "内"]
        .iter()
        .fold(text, |t, suffix| t.strip_suffix(suffix).unwrap_or(t));
    match text {
        "半小时" | "半个小时" => return Some("30m".to_owned()),
        "半天" => return Some("12h".to_owned()),
        _ => {}
    }
    const UNITS: &[(&str, &str)] = &[
        ("分钟", "m"),
        ("分", "m"),
        ("min", "m"),
        ("个小时", "h"),
        ("小时", "h"),
        ("个钟头", "h"),
        ("时", "h"),
        ("天", "d"),
        ("日", "d"),
    ];
    UNITS.iter().find_map(|(unit, letter)| {
        let n = number(text.strip_suffix(unit)?.trim())?;
        Some(format!("{n}{letter}"))
    })
}

/// A date written another way, as the format writes it: `2024年1月10日`, `2024/1/10` and
/// `2024.1.10` -> `2024-01-10`.
fn date(found: &str) -> Option<String> {
    let text = found.trim().trim_end_matches('日');
    let parts: Vec<&str> = text.split(['年', '月', '/', '.', '-']).collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let written = format!("{year:04}-{month:02}-{day:02}");
    crate::model::Date::parse(&written).map(|_| written)
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match super::yaml(kind) {
        Some(YamlProblem::InvalidValue { found, expected }) => {
            let mut helps = Vec::new();
            let meant = found.as_deref().and_then(|found| match expected {
                Expected::OneOf(set) => chinese_value(found, set).map(str::to_owned),
                Expected::TimeLimit => time_limit(found),
                Expected::Date => date(found),
                _ => None,
            });
            if let Some(meant) = meant {
                helps.push(tr!(cx.lang, "write `{meant}`", "请写作 `{meant}`"));
            } else if let (Some(found), Expected::OneOf(set)) = (found, expected)
                && found.is_ascii()
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
// One short arm per kind of value, each in both languages: a table, read best whole.
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
        Expected::Threshold => lang.pick(
            "a finite number, 0 or more (a threshold is never .nan, .inf or negative)",
            "有限的非负数（阈值不能是 .nan、.inf 或负数）",
        ),
        Expected::Finite => lang.pick(
            "a finite number (not .nan or .inf)",
            "有限的数值（不能是 .nan 或 .inf）",
        ),
        Expected::AtLeast(min) => {
            let what = tr!(
                lang,
                "a finite number, {min} or more",
                "不小于 {min} 的有限数值"
            );
            return with_found(lang, found, &what);
        }
        Expected::Between(min, max) => {
            let what = tr!(
                lang,
                "a number from {min} to {max}",
                "{min} 到 {max} 之间的数值"
            );
            return with_found(lang, found, &what);
        }
        Expected::Date => lang.pick("a date written YYYY-MM-DD", "有效日期（格式为 YYYY-MM-DD）"),
        Expected::MonthDay => lang.pick(
            "a day of the year written MM-DD",
            "有效的月日（格式为 MM-DD，如 05-31）",
        ),
        Expected::TimeLimit => lang.pick(
            "a time limit such as 30m, 2h or 3d",
            "有效的时限（如 30m、2h 或 3d）",
        ),
        Expected::ClockTime => lang.pick(
            "a time of day written HH:MM, such as 09:30",
            "有效的时刻（格式为 HH:MM，如 09:30）",
        ),
    };
    with_found(lang, found, what)
}

fn with_found(lang: Lang, found: Option<&str>, what: &str) -> String {
    match found {
        Some(found) => tr!(lang, "`{found}` is not {what}", "“{found}”不是{what}"),
        None => tr!(lang, "expected {what}", "应为{what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Expected, Lang, chinese_value, date, message, time_limit};

    #[test]
    fn chinese_ways_of_writing_a_value_are_read() {
        let levels = ["I", "Ⅰ", "II", "Ⅱ", "III", "Ⅲ", "IV", "Ⅳ"];
        let colours = ["red", "orange", "yellow", "blue"];
        assert_eq!(chinese_value("红色", &colours), Some("red"));
        assert_eq!(chinese_value("三级", &colours), Some("yellow"));
        assert_eq!(chinese_value("三级", &levels), Some("III"));
        assert_eq!(chinese_value("Ⅱ级响应", &levels), Some("II"));
        assert_eq!(chinese_value("紫色", &colours), None);
        assert_eq!(time_limit("30分钟").as_deref(), Some("30m"));
        assert_eq!(time_limit("两小时内").as_deref(), Some("2h"));
        assert_eq!(time_limit("半小时").as_deref(), Some("30m"));
        assert_eq!(time_limit("三天").as_deref(), Some("3d"));
        assert_eq!(time_limit("二十四小时").as_deref(), Some("24h"));
        assert_eq!(time_limit("尽快"), None);
        assert_eq!(date("2024年1月10日").as_deref(), Some("2024-01-10"));
        assert_eq!(date("2024/01/01").as_deref(), Some("2024-01-01"));
        assert_eq!(date("2024.13.01"), None);
    }

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
