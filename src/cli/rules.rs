//! `emplan rules`: every rule with its code, name, severity and summary.

use crate::check::RULES;
use crate::foundation::i18n::Lang;

use super::{EXIT_OK, print};

pub fn run(lang: Lang) -> Result<i32, String> {
    print(&table(lang), lang)?;
    Ok(EXIT_OK)
}

/// The rule list as aligned text.
pub fn table(lang: Lang) -> String {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for rule in RULES {
        text.push_str(&format!(
            "{}  {:width$}  {:7}  {}\n",
            rule.code,
            rule.name,
            rule.severity.key(),
            rule.summary(lang)
        ));
    }
    text
}
