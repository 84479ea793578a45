//! `emplan review --plan ID | --all`: records, in each acceptance of the plan, the fingerprint
//! of the duty it takes up as the duty now reads (`reviewed:`), and in `aligned:` the
//! fingerprint of each parent's levels, after a person has checked that the plan still carries
//! the duties out and fits the levels. The only changes to the file are those values; every
//! other byte stays as it was.

use std::path::Path;

use crate::check::Context;
use crate::foundation::i18n::Lang;
use crate::model::index::Index;
use crate::scaffold::review;
use crate::tr;

use super::args::ReviewArgs;
use super::{EXIT_OK, May, load_repository, write_atomic};

pub fn run(args: &ReviewArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let index = Index::new(&repo);
    let cx = Context::new(&index, lang);
    let mut recorded = 0;
    for plan in review::plans(&cx, args.all, &args.plans, lang)? {
        let Some(reviewed) = review::review(&cx, plan, lang)? else {
            continue;
        };
        let (path, id, changed) = (reviewed.path, reviewed.id, reviewed.changed);
        // Source paths are as the loader was given them: relative to the working directory.
        write_atomic(
            Path::new(path),
            reviewed.text.as_bytes(),
            May::WritePlans,
            lang,
        )?;
        eprintln!(
            "{}",
            tr!(
                lang,
                "{path}: recorded {changed} reviewed fingerprint(s) in {id} (acceptances and aligned levels)",
                "{path}：已在 {id} 中记录 {changed} 个复核指纹（承接条目和对照的分级）"
            )
        );
        recorded += changed;
    }
    if recorded == 0 {
        eprintln!(
            "{}",
            tr!(
                lang,
                "every acceptance and alignment already records what it reviewed as it now reads: nothing to write",
                "所有承接条目和分级对照记录的均为现行内容：无需写入"
            )
        );
    }
    Ok(EXIT_OK)
}
