//! Full-width punctuation where YAML needs ASCII: a Chinese input method types `：` and `，`,
//! and `title：利州区…` or `{id: a，org: b}` is then no longer YAML. Each such mark is found,
//! reported once with the fixed line, and read as the author meant it, so that one slip of the
//! input method is one finding and the rest of the file is still checked.

use crate::model::Span;

/// A full-width mark where YAML needs an ASCII one.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    /// Byte range of the mark.
    pub span: Span,
    /// The mark as written: `：` or `，`.
    pub mark: char,
    /// The line as it should read.
    pub fixed: String,
}

/// Finds the full-width colons after a key and full-width commas between the entries of a
/// one-line `{...}` or `[...]`, and returns `source` with each replaced by its ASCII mark and
/// spaces (three bytes, so every offset stays where it was), with the slips. `None` when there
/// is no such mark.
pub fn repair(source: &str) -> Option<(String, Vec<Slip>)> {
    if !source.contains(['：', '，']) {
        return None;
    }
    let mut repaired = String::with_capacity(source.len());
    let mut slips = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let marks = slips_in_line(line);
        if marks.is_empty() {
            repaired.push_str(line);
        } else {
            let mut fixed_line = String::with_capacity(line.len());
            let mut shown = String::with_capacity(line.len());
            let mut from = 0;
            for &(at, mark) in &marks {
                fixed_line.push_str(&line[from..at]);
                shown.push_str(&line[from..at]);
                let ascii = if mark == '：' { ':' } else { ',' };
                fixed_line.push(ascii);
                fixed_line.push_str("  ");
                shown.push(ascii);
                if !line[at + mark.len_utf8()..].starts_with(' ') {
                    shown.push(' ');
                }
                from = at + mark.len_utf8();
            }
            fixed_line.push_str(&line[from..]);
            shown.push_str(&line[from..]);
            let shown = shown.trim_end().to_owned();
            for (at, mark) in marks {
                slips.push(Slip {
                    span: Span::new(offset + at, offset + at + mark.len_utf8()),
                    mark,
                    fixed: shown.clone(),
                });
            }
            repaired.push_str(&fixed_line);
        }
        offset += line.len();
    }
    (!slips.is_empty()).then_some((repaired, slips))
}

/// The byte offsets of the full-width marks in one line that stand where YAML needs `:` or `,`.
fn slips_in_line(line: &str) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (at, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => continue,
            None => {}
        }
        match c {
            '\'' | '"' if quote.is_none() && opens_value(&line[..at]) => quote = Some(c),
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            '#' if line[..at].ends_with(' ') || at == 0 => break,
            '：' if key_before(&line[..at]) => found.push((at, c)),
            '，' if depth > 0 && entry_after(&line[at + c.len_utf8()..]) => found.push((at, c)),
            _ => {}
        }
    }
    found
}

/// True when a quote at the end of `before` starts a value (after `: `, `[`, `{`, `,` or `- `).
fn opens_value(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.is_empty() || trimmed.ends_with([':', '[', '{', ',', '-']) || trimmed.ends_with('：')
}

/// True when `before` ends with a key: ASCII letters, digits, `_` or `-` at the start of the
/// line (after the indent and list dashes) or after `{` or `,`.
fn key_before(before: &str) -> bool {
    let trimmed = before.trim_end_matches(' ');
    let start = trimmed
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let key = &trimmed[start..];
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return false;
    }
    let lead = trimmed[..start].trim_end_matches(' ');
    lead.chars().all(|c| c == ' ' || c == '-') || lead.ends_with(['{', ',', '，'])
}

/// True when `after` (the text after a full-width comma inside a flow) starts another entry: an
/// ASCII id, or an ASCII key and a colon.
fn entry_after(after: &str) -> bool {
    let rest = after.trim_start_matches(' ');
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    if end == 0 || !rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    let next = rest[end..].trim_start_matches(' ');
    next.starts_with([':', '：', ',', '，', ']', '}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(source: &str) -> Vec<(char, String)> {
        repair(source)
            .map(|(repaired, slips)| {
                assert_eq!(repaired.len(), source.len(), "offsets are kept");
                slips.into_iter().map(|s| (s.mark, s.fixed)).collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn marks_where_yaml_needs_ascii_are_found() {
        assert_eq!(
            fixed("id: a\ntitle：区防汛抗旱应急预案\n"),
            [('：', "title: 区防汛抗旱应急预案".to_owned())]
        );
        assert_eq!(
            fixed("duties:\n  - id：evacuate\n"),
            [('：', "  - id: evacuate".to_owned())]
        );
        assert_eq!(
            fixed("  - {id: a，org: qu-shuiliju, text: 负责，组织}\n"),
            [(
                '，',
                "  - {id: a, org: qu-shuiliju, text: 负责，组织}".to_owned()
            )]
        );
        assert_eq!(
            fixed("hazards: [rainstorm，flood]\n"),
            [('，', "hazards: [rainstorm, flood]".to_owned())]
        );
    }

    #[test]
    fn marks_in_chinese_text_are_left_alone() {
        assert!(fixed("text: 负责监测，发布预警：红色\n").is_empty());
        assert!(fixed("  - {text: '注意：水位，流量'}\n").is_empty());
        assert!(fixed("title: 区预案 # 说明：见附件，略\n").is_empty());
        assert!(fixed("text: 水位：3米\n").is_empty());
    }
}
