//! The text of a document read as plain text, where YAML cannot read it: line starts, the ids
//! it writes, odd spaces and unclosed brackets, and parts of it blanked out.

use std::ops::Range;

use crate::foundation::problem::YamlProblem;
use crate::model::Span;

pub(super) fn line_start(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// The bracket left open on the last line before `offset` that opens a `{` or `[` and does not
/// close it, where that line does not end in `,` (a flow collection written over several lines
/// continues after a comma).
pub(super) fn unclosed_before(source: &str, offset: usize) -> Option<Span> {
    let head = &source[..offset.min(source.len())];
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let mut found = None;
    let mut start = 0;
    for line in head[..line_start].split_inclusive('\n') {
        let mut open: Vec<usize> = Vec::new();
        let mut quote: Option<char> = None;
        for (at, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') if at == 0 || line[..at].ends_with(' ') => break,
                (None, '{' | '[') => open.push(at),
                (None, '}' | ']') => {
                    open.pop();
                }
                _ => {}
            }
        }
        let ends_open = !line.trim_end().ends_with(',');
        if let Some(&at) = open.first()
            && ends_open
        {
            found = Some(Span::new(start + at, start + at + 1));
        }
        start += line.len();
    }
    found
}

/// The first space of each line's indentation that is not an ASCII space or a tab.
pub(super) fn odd_spaces(source: &str) -> Vec<(Span, YamlProblem)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let odd = line
            .char_indices()
            .take_while(|(_, c)| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
            .find(|(_, c)| !matches!(c, ' ' | '\t' | '\n' | '\r'));
        if let Some((at, character)) = odd {
            let start = offset + at;
            found.push((
                Span::new(start, start + character.len_utf8()),
                YamlProblem::OddSpace { character },
            ));
        }
        offset += line.len();
    }
    found
}

/// Every value written after an `id:` key in `text`, read as plain text. A part of a document
/// that cannot be read still defines these ids, so references to them are not reported as
/// unknown as well: one broken line gives one finding.
pub(super) fn ids_in_text(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut ids = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("id:") {
        let start = from + at;
        from = start + 3;
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if !matches!(
            before,
            None | Some(b' ' | b'\t' | b'\n' | b'-' | b'{' | b',')
        ) {
            continue;
        }
        let value = text[from..].trim_start_matches([' ', '\t']);
        let end = value
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']' | '#'))
            .unwrap_or(value.len());
        let id = value[..end].trim_matches(['\'', '"']);
        if !id.is_empty() {
            ids.push(id.to_owned());
        }
    }
    ids
}

/// `source` with every byte outside `keep` replaced by a space (line breaks stay).
pub(super) fn keep_only(source: &str, keep: &[Range<usize>]) -> String {
    mask(source, |i| keep.iter().any(|r| r.contains(&i)))
}

/// `source` with every byte inside `drop` replaced by a space (line breaks stay).
pub(super) fn blank_out(source: &str, drop: &[Range<usize>]) -> String {
    mask(source, |i| !drop.iter().any(|r| r.contains(&i)))
}

fn mask(source: &str, keep: impl Fn(usize) -> bool) -> String {
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        if c == '\n' || c == '\r' || keep(i) {
            out.push(c);
        } else {
            // Keep byte offsets: one space per byte of the character.
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}
