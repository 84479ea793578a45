//! The foundation under every stage: what two or more stages share and no stage owns. It uses no
//! stage; every stage may use it (docs/architecture.md).
//!
//! Positions ([`span`]), what the loader could not read ([`problem`]), findings
//! ([`diagnostic`]), did-you-mean ([`suggest`]), the map for ids ([`fast_map`]), escaping for
//! terminals and XML ([`escape`]), the two languages of messages ([`i18n`]) and Tera for a
//! repository's templates ([`template`]).

pub mod diagnostic;
pub mod escape;
pub mod fast_map;
pub mod i18n;
pub mod problem;
pub mod span;
pub mod suggest;
pub mod template;
