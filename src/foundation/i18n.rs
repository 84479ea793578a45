//! The two languages of emplan's messages: Chinese for plan authors, English for everyone else.

/// Language of diagnostics and help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`); English unless
    /// it starts with `zh`.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// Formats a message in the given language: `tr!(lang, "unknown plan '{id}'", "未知预案“{id}”")`.
/// Both literals capture the same variables from the surrounding scope.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $zh:literal $(,)?) => {
        match $lang {
            $crate::foundation::i18n::Lang::En => format!($en),
            $crate::foundation::i18n::Lang::Zh => format!($zh),
        }
    };
    ($lang:expr, $en:literal, $zh:literal, $($arg:expr),+ $(,)?) => {
        match $lang {
            $crate::foundation::i18n::Lang::En => format!($en, $($arg),+),
            $crate::foundation::i18n::Lang::Zh => format!($zh, $($arg),+),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        let n = 3;
        assert_eq!(tr!(Lang::Zh, "{n} plans", "{n} 个预案"), "3 个预案");
    }
}
