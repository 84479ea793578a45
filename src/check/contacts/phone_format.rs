use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::{FileId, Spanned};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Q103",
    name: "phone-format",
    family: Family::Contacts,
    severity: Severity::Warning,
    summary: (
        "a phone number is not a valid Chinese mobile or landline number",
        "电话号码不是有效的手机或固定电话格式",
    ),
    doc: (
        "\
## What it does
Checks every `mobile` and `phone` of a contact and every `duty_phone` of an organisation. Spaces,
hyphens and brackets are ignored, and so is a leading `+86`. What remains must be:

| field | valid |
|---|---|
| `mobile` | 11 digits starting 13 to 19 (`138-0000-0001`) |
| `phone`, `duty_phone` | a mobile; a landline with its area code, 0 and 2 or 3 digits, then 7 or 8 digits (`0839-5550000`, `(028)86660000`), optionally followed by an extension (`转8012`); a service number (110, 119, 120, 122, 12345, 95xxx, 96xxx); a 400 or 800 number |

Full-width digits (`０８３９`), typed by a Chinese input method, are named as such.

## Why is this bad?
A number that cannot be dialled is found out during an emergency: a digit missing from a mobile,
a landline without its area code that only works inside the district, a number with full-width
digits that a phone's dialler or an SMS gateway does not read. Response cards and the handbook
print these numbers as they are.

## How to fix
Write the number in one of the forms above.",
        "\
## 作用
检查联系人的每个 `mobile`、`phone` 和组织机构的每个 `duty_phone`。忽略空格、连字符、括号和开头的 `+86`，
其余部分必须是：

| 字段 | 有效格式 |
|---|---|
| `mobile` | 以 13 至 19 开头的 11 位数字（`138-0000-0001`） |
| `phone`、`duty_phone` | 手机号码；带区号（0 加 2 至 3 位）的 7 或 8 位固定电话（`0839-5550000`、`(028)86660000`），可加分机（`转8012`）；特服号码（110、119、120、122、12345、95xxx、96xxx）；400、800 号码 |

中文输入法输入的全角数字（`０８３９`）会单独指出。

## 为什么有问题
拨不通的号码要到应急时才发现：手机少一位，固定电话缺区号只能在区内拨打，全角数字手机拨号盘和
短信平台都不识别。处置卡和工作手册按原样印出这些号码。

## 如何修复
按上表中的一种格式填写号码。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "mobile: 138-0000-0003",
        bad: "mobile: 138-0000-003",
        good: "mobile: 138-0000-0003",
    },
    run,
};

/// Why a number is not valid, or `None` when it is.
pub fn invalid(number: &str, mobile_only: bool) -> Option<&'static str> {
    if number.chars().any(|c| ('０'..='９').contains(&c)) {
        return Some("full-width");
    }
    let (number, _extension) = match number.split_once('转') {
        Some((n, ext)) if !ext.is_empty() && ext.chars().all(|c| c.is_ascii_digit()) => (n, ext),
        Some(_) => return Some("form"),
        None => (number, ""),
    };
    let digits: String = number
        .trim()
        .trim_start_matches("+86")
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '（' | '）'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Some("form");
    }
    let b = digits.as_bytes();
    let is_mobile = b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    if mobile_only {
        return (!is_mobile).then_some("mobile");
    }
    let landline = b[0] == b'0' && (10..=12).contains(&b.len()) && b[1] != b'0';
    let service = matches!(
        digits.as_str(),
        "110" | "119" | "120" | "122" | "12345" | "12350" | "12395"
    ) || (b.len() == 5 && (digits.starts_with("95") || digits.starts_with("96")));
    let toll_free = b.len() == 10 && (digits.starts_with("400") || digits.starts_with("800"));
    (!(is_mobile || landline || service || toll_free)).then_some("phone")
}

fn check(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    file: FileId,
    owner: &str,
    number: &Spanned<String>,
    mobile_only: bool,
) {
    let Some(why) = invalid(&number.value, mobile_only) else {
        return;
    };
    let n = number.value.as_str();
    let message = match why {
        "full-width" => tr!(
            cx.lang,
            "the number {n} of {owner} has full-width digits: write them as ASCII digits",
            "{owner}的号码 {n} 含全角数字：请改为半角数字"
        ),
        "mobile" => tr!(
            cx.lang,
            "the mobile number {n} of {owner} is not 11 digits starting 13 to 19",
            "{owner}的手机号码 {n} 不是以 13 至 19 开头的 11 位数字"
        ),
        _ => tr!(
            cx.lang,
            "the number {n} of {owner} is neither a mobile nor a landline with its area code",
            "{owner}的号码 {n} 既不是手机号码，也不是带区号的固定电话"
        ),
    };
    out.push(
        Diagnostic::new(&RULE, Context::loc(file, number.span), message).with_help(tr!(
            cx.lang,
            "write it as 138-0000-0001 (mobile) or 0839-5550000 (landline with area code)",
            "请写成 138-0000-0001（手机）或 0839-5550000（带区号的固定电话）"
        )),
    );
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.repo.registry.contacts {
        let c = &entry.value;
        let name = c.name.value.as_str();
        if let Some(mobile) = &c.mobile {
            check(cx, out, entry.file, name, mobile, true);
        }
        if let Some(phone) = &c.phone {
            check(cx, out, entry.file, name, phone, false);
        }
    }
    for entry in &cx.repo.registry.organisations {
        if let Some(phone) = &entry.value.duty_phone {
            check(cx, out, entry.file, &entry.value.name.value, phone, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::invalid;

    #[test]
    fn numbers() {
        for ok in [
            "13800000001",
            "138-0000-0001",
            "+86 138 0000 0001",
            "19912345678",
        ] {
            assert_eq!(invalid(ok, true), None, "{ok}");
        }
        for ok in [
            "0839-5550000",
            "(028)86660000",
            "028-8666-0000",
            "0839-5550000转8012",
            "12345",
            "95598",
            "4008001234",
            "119",
        ] {
            assert_eq!(invalid(ok, false), None, "{ok}");
        }
        assert_eq!(invalid("138-0000-000", true), Some("mobile"));
        assert_eq!(invalid("12800000001", true), Some("mobile"));
        assert_eq!(invalid("5550000", false), Some("phone"));
        assert_eq!(invalid("０８３９-5550000", false), Some("full-width"));
        assert_eq!(invalid("0839-555000O", false), Some("form"));
        assert_eq!(invalid("0839-5550000转", false), Some("form"));
    }
}
