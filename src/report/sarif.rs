//! `--format sarif`: one SARIF 2.1.0 log (the format of GitHub code scanning and most CI
//! dashboards). Every rule is listed with its summary and doc; each finding points at its
//! rule, with its place, help and related places. Columns count characters
//! (`columnKind: unicodeCodePoints`); paths are relative URIs, as given on the command line.

use serde_json::{Value, json};

use crate::check::RULES;
use crate::check::suppress::Suppressed;
use crate::foundation::diagnostic::{Diagnostic, Severity};
use crate::foundation::i18n::Lang;
use crate::model::{Loc, Sources};

use super::message_with_help;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` between segments, other bytes percent-encoded
/// unless unreserved.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn location(sources: &Sources, loc: Loc, message: Option<&str>) -> Value {
    let place = sources.place(loc);
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(place.path) },
            "region": {
                "startLine": place.line,
                "startColumn": place.column,
                "endLine": place.end_line,
                "endColumn": place.end_column,
            },
        },
    });
    if let Some(message) = message {
        location["message"] = json!({ "text": message });
    }
    location
}

/// The whole log as a JSON value (keys in a fixed order).
/// The SARIF log of a run: its findings, and those that suppressions in the plans cover, each
/// with a `suppressions` entry giving the reason (code scanning shows them as dismissed).
pub fn to_value(
    sources: &Sources,
    diagnostics: &[Diagnostic],
    suppressed: &[Suppressed],
    lang: Lang,
) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary(lang) },
                "help": { "text": rule.doc(lang), "markdown": rule.doc(lang) },
                "defaultConfiguration": { "level": level(rule.severity) },
            })
        })
        .collect();
    let result = |d: &Diagnostic| {
        let index = RULES.iter().position(|r| r.code == d.rule.code);
        let text = message_with_help(d, lang);
        let related: Vec<Value> = d
            .related
            .iter()
            .map(|r| location(sources, r.loc, Some(&r.message)))
            .collect();
        json!({
            "ruleId": d.rule.code,
            "ruleIndex": index,
            "level": level(d.severity),
            "message": { "text": text },
            "locations": [location(sources, d.loc, None)],
            "relatedLocations": related,
        })
    };
    let mut results: Vec<Value> = diagnostics.iter().map(result).collect();
    results.extend(suppressed.iter().map(|s| {
        let mut value = result(&s.diagnostic);
        value["suppressions"] = json!([{ "kind": "inSource", "justification": s.reason }]);
        value
    }));
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "emplan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("plans/bm-shuili.md"), "plans/bm-shuili.md");
        assert_eq!(uri("plans\\a b.md"), "plans/a%20b.md");
        assert_eq!(uri("预案.md"), "%E9%A2%84%E6%A1%88.md");
    }
}
