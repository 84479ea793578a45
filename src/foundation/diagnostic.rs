//! The one diagnostic type every rule produces and every output format reads.

use crate::foundation::span::Loc;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a diagnostic says of the rule that found it: its stable code and name, and the
/// severity it has unless the configuration changes it. The check stage's rules convert into
/// it (`&RULE` where a `RuleKey` is asked for).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleKey {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
}

/// Another place that explains a diagnostic (the definition it conflicts with, say).
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub loc: Loc,
    pub message: String,
}

/// One finding of one rule at one place.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: RuleKey,
    pub severity: Severity,
    pub loc: Loc,
    pub message: String,
    pub help: Vec<String>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn new(rule: impl Into<RuleKey>, loc: Loc, message: String) -> Self {
        let rule = rule.into();
        Diagnostic {
            rule,
            severity: rule.severity,
            loc,
            message,
            help: Vec::new(),
            related: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: String) -> Self {
        self.help.push(help);
        self
    }

    pub fn with_related(mut self, loc: Loc, message: String) -> Self {
        self.related.push(Related { loc, message });
        self
    }
}
