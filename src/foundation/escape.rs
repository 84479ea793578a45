//! Text from the files, made safe for a terminal or a CI log: control, bidirectional and
//! invisible characters are shown escaped (`\x1b`, `\u{202e}`) instead of acting on the screen.

use std::borrow::Cow;

/// Whether a character would act on a terminal or hide text instead of showing: C0 controls
/// but the tab (ESC, BEL, CR, line breaks), DEL and C1 controls, bidirectional controls
/// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) and invisible ones (U+200B-U+200D,
/// U+2060, U+FEFF).
pub fn acts(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{61c}' | '\u{200b}'..='\u{200f}' |
        '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The text with every character that [`acts`] escaped: `\x1b` below U+0080, `\u{202e}` above.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

fn push(out: &mut String, c: char) {
    if !acts(c) {
        out.push(c);
    } else if (c as u32) < 0x80 {
        out.push_str(&format!("\\x{:02x}", c as u32));
    } else {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    }
}

/// A source text escaped for display with its line breaks (LF, and CR before LF) kept, and where
/// each escape moved the text: `(offset in the text, bytes added up to and including it)`, in
/// order. `None` when nothing needs escaping.
pub fn escape_source(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let breaks = |i: usize, c: char| c == '\n' || (c == '\r' && text[i + 1..].starts_with('\n'));
    if !text.char_indices().any(|(i, c)| acts(c) && !breaks(i, c)) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut marks = Vec::new();
    for (i, c) in text.char_indices() {
        if acts(c) && !breaks(i, c) {
            let before = out.len();
            push(&mut out, c);
            let added = out.len() - before - c.len_utf8();
            let total = marks.last().map_or(0, |&(_, t)| t) + added;
            marks.push((i, total));
        } else {
            out.push(c);
        }
    }
    Some((out, marks))
}

/// Where an offset of the original text lies in its [`escape_source`] form.
pub fn shifted(marks: &[(usize, usize)], offset: usize) -> usize {
    let before = marks.partition_point(|&(at, _)| at < offset);
    offset + before.checked_sub(1).map_or(0, |i| marks[i].1)
}

/// A report made of lines: each line with every character that [`acts`] escaped, the line
/// breaks between them kept.
pub fn escape_lines(report: &str) -> String {
    let mut out = String::with_capacity(report.len());
    for line in report.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        out.push_str(&escape(body));
        out.push_str(end);
    }
    out
}

/// Text for an XML attribute value or element content: markup characters escaped, and characters
/// XML 1.0 cannot hold (control characters from a hostile file) replaced.
pub fn xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // In an attribute a line break would be read as a space.
            '\n' if attribute => out.push_str("&#10;"),
            '\n' => out.push('\n'),
            '\t' | '\r' => out.push(' '),
            c if c < ' ' || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether a spreadsheet would read a cell starting with `c` as a formula: `=`, `+`, `-`, `@`,
/// or a tab or CR before one (OWASP, CSV injection).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A CSV cell that Excel and WPS show as the text it is, never run as a formula: one that would
/// start a formula gets a leading `'`, which [`csv_cell_read`] takes off again.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(starts_formula) || text.starts_with('\'') {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell read back from a CSV that [`csv_cell`] wrote: its leading `'` taken off where it
/// guarded a formula character (or another `'`).
pub fn csv_cell_read(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(starts_formula) || rest.starts_with('\'') => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, csv_cell_read, escape};

    #[test]
    fn a_csv_cell_never_starts_a_formula_and_reads_back_as_written() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "'quoted",
            "''",
            "'",
            "T+0:30",
            "启动Ⅳ级响应",
            "",
        ] {
            let written = csv_cell(text);
            assert!(!written.starts_with(super::starts_formula), "{text:?}");
            assert_eq!(csv_cell_read(&written), text, "{text:?}");
        }
        assert_eq!(csv_cell("=1"), "'=1");
        assert_eq!(csv_cell("区应急管理局"), "区应急管理局");
    }

    #[test]
    fn controls_bidi_and_invisible_characters_are_shown_escaped() {
        assert_eq!(escape("宝轮镇"), "宝轮镇");
        assert_eq!(
            escape("xz-baichao\u{1b}]0;PWNED\u{7}\u{1b}[2J"),
            "xz-baichao\\x1b]0;PWNED\\x07\\x1b[2J"
        );
        assert_eq!(
            escape("a\u{202e}b\u{200b}c\nd"),
            "a\\u{202e}b\\u{200b}c\\x0ad"
        );
    }
}
