//! The MSEL import on any sheet: bytes read as CSV or as an XLSX workbook, then checked against
//! the sample's flood drill and its plans. Every mistake must come back as a message (never a
//! panic), and what the check accepts must write back into the drill file as YAML that reads.

#![no_main]

use std::sync::LazyLock;

use emplan::drill::msel;
use emplan::foundation::i18n::Lang;
use emplan::model::Repository;
use emplan::model::index::Index;
use libfuzzer_sys::fuzz_target;

static REPO: LazyLock<Repository> =
    LazyLock::new(|| emplan::load::load_files(&emplan_fuzz::sample()));

const DRILL: &str = "2026-baolun-flood-tabletop";

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let Ok(table) = msel::parse(bytes.to_vec(), kind & 1 == 1, Lang::En) else {
        return;
    };
    let repo = &*REPO;
    let entry = emplan::drill::find(repo, DRILL).expect("the sample has the drill");
    let index = Index::new(repo);
    for lang in [Lang::En, Lang::Zh] {
        if let Ok(rows) = msel::check(&index, &entry.value, &table, lang) {
            let source = repo.sources.get(entry.file);
            let text = msel::write_back(&source.text, &rows);
            let path = source.path.clone();
            let reread = emplan::load::load_files(&[(path, text.into_bytes())]);
            assert_eq!(
                reread.drills.len(),
                1,
                "the written drill file does not read"
            );
        }
    }
});
