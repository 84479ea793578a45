//! What every rule reads: the repository's [`Index`], with the run's language, the day it counts
//! from and its configuration.

use crate::foundation::i18n::Lang;
use crate::model::index::Index;
use crate::model::{FileId, Loc, Span};

/// The read-only context every rule gets. It reads as the [`Index`] it wraps.
pub struct Context<'a> {
    pub index: &'a Index<'a>,
    pub lang: Lang,
    /// The day the lifecycle, contact and drill rules count from: `emplan.toml`'s `as_of` or
    /// `--today`, else the system's date.
    pub today: crate::model::Date,
    pub config: &'a crate::model::config::Config,
}

impl<'a> Context<'a> {
    pub fn new(index: &'a Index<'a>, lang: Lang) -> Self {
        let repo = index.repo;
        Context {
            index,
            lang,
            today: repo.config.as_of.unwrap_or_else(crate::model::Date::today),
            config: &repo.config,
        }
    }

    pub fn loc(file: FileId, span: Span) -> Loc {
        Loc { file, span }
    }
}

impl<'a> std::ops::Deref for Context<'a> {
    type Target = Index<'a>;

    fn deref(&self) -> &Index<'a> {
        self.index
    }
}
