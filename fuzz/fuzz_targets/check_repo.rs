//! The whole check on a generated repository: some of the sample's plans, all of its registry,
//! drills and configuration, with edits cut into them (bytes removed and inserted anywhere).

#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

static SAMPLE: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(emplan_fuzz::sample);

#[derive(Arbitrary, Debug)]
struct Edit {
    file: u8,
    at: u16,
    cut: u8,
    insert: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// Which plans to keep: plan `i` when bit `i % 64` is set.
    plans: u64,
    edits: Vec<Edit>,
}

fuzz_target!(|input: Input| {
    let mut files: Vec<(String, Vec<u8>)> = SAMPLE
        .iter()
        .enumerate()
        .filter(|(i, (path, _))| !path.ends_with(".md") || input.plans & (1 << (i % 64)) != 0)
        .map(|(_, file)| file.clone())
        .collect();
    for edit in input.edits.iter().take(8) {
        let count = files.len();
        let (_, bytes) = &mut files[edit.file as usize % count];
        let at = edit.at as usize % (bytes.len() + 1);
        let end = (at + edit.cut as usize).min(bytes.len());
        bytes.splice(at..end, edit.insert.iter().copied());
    }
    let repo = emplan::load::load_files(&files);
    emplan_fuzz::check_and_report(&repo);
});
