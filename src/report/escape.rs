//! Text from the files, made safe for a terminal or a CI log: control, bidirectional and
//! invisible characters are shown escaped (`\x1b`, `\u{202e}`) instead of acting on the screen.

use std::borrow::Cow;

/// Whether a character would act on a terminal or hide text instead of showing: C0 and C1
/// controls (ESC, BEL, CR, line breaks), DEL, bidirectional controls (U+202A-U+202E,
/// U+2066-U+2069, U+200E, U+200F, U+061C) and invisible ones (U+200B-U+200D, U+2060, U+FEFF).
pub fn acts(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{61c}' | '\u{200b}'..='\u{200f}' |
        '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The text with every character that [`acts`] escaped: `\x1b` below U+0080, `\u{202e}` above.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !acts(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
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

#[cfg(test)]
mod tests {
    use super::escape;

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
