//! `--format junit`: a JUnit XML report, which most CI servers show as a test result. Each file
//! with findings is a test suite and each finding a failed test case named after its rule
//! (`type` is its severity); a run without findings is one passing test case.

use std::io::{self, Write};

use crate::foundation::diagnostic::Diagnostic;
use crate::foundation::i18n::Lang;
use crate::model::Sources;

use super::human::summary_line;
use super::{Summary, message_with_help};

pub fn write(
    out: &mut impl Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
    lang: Lang,
) -> io::Result<()> {
    let total = diagnostics.len().max(1);
    let failures = diagnostics.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="emplan" tests="{total}" failures="{failures}">"#
    )?;
    if diagnostics.is_empty() {
        let text = xml_content(&summary_line(summary, lang));
        writeln!(out, r#"  <testsuite name="emplan" tests="1" failures="0">"#)?;
        writeln!(out, r#"    <testcase name="check" classname="emplan">"#)?;
        writeln!(out, "      <system-out>{text}</system-out>")?;
        writeln!(out, "    </testcase>")?;
        writeln!(out, "  </testsuite>")?;
    }
    // Diagnostics come sorted by file, so each file's findings are together.
    for group in diagnostics.chunk_by(|a, b| a.loc.file == b.loc.file) {
        let file = sources.get(group[0].loc.file);
        let path = xml(&file.path);
        let n = group.len();
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{n}" failures="{n}">"#
        )?;
        for d in group {
            let place = sources.place(d.loc);
            let (line, column) = (place.line, place.column);
            let name = xml(&format!("{} {}", d.rule.code, d.rule.name));
            let message = xml(&d.message);
            let severity = d.severity.key();
            let body = format!(
                "{}:{line}:{column}: {}",
                file.path,
                message_with_help(d, lang)
            );
            writeln!(
                out,
                r#"    <testcase name="{name}" classname="{path}" file="{path}" line="{line}">"#
            )?;
            writeln!(
                out,
                r#"      <failure message="{message}" type="{severity}">{}</failure>"#,
                xml_content(&body)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// An attribute value.
fn xml(text: &str) -> String {
    crate::foundation::escape::xml(text, true)
}

/// Element content.
fn xml_content(text: &str) -> String {
    crate::foundation::escape::xml(text, false)
}

#[cfg(test)]
mod tests {
    use super::{xml, xml_content};

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            xml("a<b & \"c\"\nd\u{1}"),
            "a&lt;b &amp; &quot;c&quot;&#10;d\u{fffd}"
        );
        assert_eq!(xml_content("a\nb"), "a\nb");
    }
}
