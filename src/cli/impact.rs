//! `emplan impact`: what depends on an organisation, post, contact or resource.

use crate::i18n::Lang;

use super::args::ImpactArgs;

pub fn run(args: &ImpactArgs, lang: Lang) -> Result<i32, String> {
    let _ = (args, lang);
    Err("not yet".to_owned())
}
