//! One plan file of any bytes: the loader splits its front matter, reads it with the subset
//! reader or serde-saphyr and recovers what it can; then every rule and every output format run
//! on it. Nothing may panic, and no control character may reach the human report.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let repo = emplan::load::load_files(&[("specialised/fuzz.md".to_owned(), data.to_vec())]);
    emplan_fuzz::check_and_report(&repo);
});
