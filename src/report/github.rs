//! `--format github`: one GitHub Actions workflow command per finding (`::error file=…,line=…::…`),
//! which GitHub shows as an annotation on that line of the pull request, then the summary line.
//! Lines and columns as in the JSON report; paths as given on the command line, so run emplan
//! from the repository root.

use std::io::{self, Write};

use crate::foundation::diagnostic::{Diagnostic, Severity};
use crate::foundation::i18n::Lang;
use crate::model::Sources;

use super::human::summary_line;
use super::{Summary, message_with_help};
use crate::foundation::escape;

pub fn write(
    out: &mut impl Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
    lang: Lang,
) -> io::Result<()> {
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let at = sources.place(d.loc);
        let mut place = format!(
            "file={},line={},endLine={}",
            property(at.path),
            at.line,
            at.end_line
        );
        // GitHub takes columns only for an annotation on one line.
        if at.line == at.end_line {
            place.push_str(&format!(",col={},endColumn={}", at.column, at.end_column));
        }
        let title = property(&format!("{} {}", d.rule.code, d.rule.name));
        let message = message_with_help(d, lang);
        writeln!(out, "::{level} {place},title={title}::{}", data(&message))?;
    }
    writeln!(out, "{}", summary_line(summary, lang))
}

/// A workflow command's message: `%`, CR and LF are escaped, and characters that would act on
/// a terminal reading the log are shown escaped (`\x1b`, `\u{202e}`).
fn data(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\r' | '\n') || !escape::acts(c) {
            shown.push(c);
        } else {
            shown.push_str(&escape::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    shown
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`data`], and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn commands_escape_what_would_end_them() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
