//! Suppressions written in the plans: `# emplan: allow CODE -- reason` in YAML (front matter or
//! registry) and `<!-- emplan: allow CODE -- reason -->` in Markdown. A suppression on a line of
//! its own covers the next line; at the end of a line, that line. It covers the findings of the
//! rules it names (codes or names, separated by commas) that start on that line, and only when
//! it gives a reason: one without is S108 and suppresses nothing, one that covers no finding is
//! S109.

use crate::model::{FileId, Loc, Repository, Span};

use super::{Diagnostic, structure};

/// The marker every suppression starts with.
const MARKER: &str = "emplan: allow";

/// One suppression as written.
#[derive(Debug)]
struct Allow {
    file: FileId,
    /// Zero-based line it covers.
    line: usize,
    rules: Vec<String>,
    reason: String,
    /// Where it is written.
    span: Span,
    used: bool,
}

/// A finding that a suppression covered, with its reason.
#[derive(Clone, Debug)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub reason: String,
}

/// Takes the findings that suppressions cover out of `diagnostics`, and adds S108 and S109 for
/// the suppressions without a reason or without a finding.
pub fn apply(
    repo: &Repository,
    diagnostics: &mut Vec<Diagnostic>,
    lang: crate::foundation::i18n::Lang,
) -> Vec<Suppressed> {
    let mut allows = find(repo);
    if allows.is_empty() {
        return Vec::new();
    }
    let mut suppressed = Vec::new();
    diagnostics.retain(|d| {
        let file = repo.sources.get(d.loc.file);
        let line = file.line_index(d.loc.span.start as usize);
        let found = allows.iter_mut().find(|a| {
            a.file == d.loc.file
                && a.line == line
                && !a.reason.is_empty()
                && a.rules
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(d.rule.code) || r == d.rule.name)
        });
        match found {
            Some(allow) => {
                allow.used = true;
                suppressed.push(Suppressed {
                    diagnostic: d.clone(),
                    reason: allow.reason.clone(),
                });
                false
            }
            None => true,
        }
    });
    for allow in &allows {
        let loc = Loc {
            file: allow.file,
            span: allow.span,
        };
        let rules = allow.rules.join(", ");
        if allow.reason.is_empty() {
            diagnostics.push(
                Diagnostic::new(
                    &structure::suppression_without_reason::RULE,
                    loc,
                    crate::tr!(
                        lang,
                        "this suppression of {rules} gives no reason, so it suppresses nothing",
                        "此处对 {rules} 的豁免未写明理由，不起作用"
                    ),
                )
                .with_help(crate::tr!(
                    lang,
                    "say why after `--`: `emplan: allow {rules} -- 经区应急委2026年第3次会议同意`",
                    "在 `--` 之后写明理由：`emplan: allow {rules} -- 经区应急委2026年第3次会议同意`"
                )),
            );
        } else if !allow.used {
            diagnostics.push(
                Diagnostic::new(
                    &structure::unused_suppression::RULE,
                    loc,
                    crate::tr!(
                        lang,
                        "this suppression of {rules} covers no finding on the line it applies to",
                        "此处对 {rules} 的豁免所针对的行上没有相应问题"
                    ),
                )
                .with_help(crate::tr!(
                    lang,
                    "remove it: the finding it was written for is gone, or it is on another line",
                    "请删除：所豁免的问题已不存在，或不在该行"
                )),
            );
        }
    }
    suppressed
}

/// Every suppression in the repository's files.
fn find(repo: &Repository) -> Vec<Allow> {
    let mut out = Vec::new();
    for (file, source) in repo.sources.files.iter().enumerate() {
        let text = &source.text;
        if !text.contains(MARKER) {
            continue;
        }
        for (at, _) in text.match_indices(MARKER) {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let before = text[line_start..at].trim_end();
            // Only inside a comment: `#` in YAML, `<!--` in Markdown.
            let comment = before.ends_with('#') || before.ends_with("<!--");
            if !comment {
                continue;
            }
            let opener = if before.ends_with('#') { "#" } else { "<!--" };
            let own_line = before.trim_start() == opener;
            let rest = text[at + MARKER.len()..line_end].trim_end();
            let rest = rest.strip_suffix("-->").unwrap_or(rest).trim();
            let (rules, reason) = match rest.split_once("--") {
                Some((rules, reason)) => (rules, reason.trim()),
                None => (rest, ""),
            };
            let rules: Vec<String> = rules
                .split([',', ' ', '，'])
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect();
            if rules.is_empty() {
                continue;
            }
            let line = source.line_index(at);
            out.push(Allow {
                file,
                line: if own_line { line + 1 } else { line },
                rules,
                reason: reason.to_owned(),
                span: Span::new(at, at + MARKER.len()),
                used: false,
            });
        }
    }
    out
}
