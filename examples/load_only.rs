//! Loads a repository and prints what was read, without running any rule: the "load only"
//! half of the benchmarks (benches/run.sh). Not a user command.
//!
//! ```text
//! cargo run --release --example load_only -- target/synth/10000
//! cargo run --release --example load_only -- --phases target/synth/10000
//! ```
//!
//! With `--phases` it also runs every rule and prints the time of each stage to stderr, to see
//! where a run's time goes without a profiler.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut phases = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--phases" => phases = true,
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: load_only [--phases] PATH");
        std::process::exit(2);
    };
    let start = Instant::now();
    let repo = match emplan::load::load(&path) {
        Ok(repo) => repo,
        Err(error) => {
            eprintln!(
                "load_only: cannot read {}: {}",
                error.path.display(),
                error.message
            );
            std::process::exit(2);
        }
    };
    let loaded = start.elapsed();
    let bytes: usize = repo.sources.files.iter().map(|f| f.text.len()).sum();
    println!(
        "loaded {} files ({} plans, {:.1} MB), {} loader problems",
        repo.sources.files.len(),
        repo.plans.len(),
        bytes as f64 / 1e6,
        repo.problems.len()
    );
    if phases {
        let begin = Instant::now();
        let files = emplan::load::discover(&path).map_or(0, |f| f.len());
        eprintln!(
            "(discover alone  {:>7.1} ms  {files} files)",
            begin.elapsed().as_secs_f64() * 1e3
        );
        let lang = emplan::foundation::i18n::Lang::En;
        let begin = Instant::now();
        let index = emplan::model::index::Index::new(&repo);
        let cx = emplan::check::Context::new(&index, lang);
        let indexed = begin.elapsed();
        let mut rules = Vec::new();
        for rule in emplan::check::RULES {
            let begin = Instant::now();
            let mut out = Vec::new();
            (rule.run)(&cx, &mut out);
            rules.push((begin.elapsed(), rule.code, rule.name, out.len()));
        }
        let begin = Instant::now();
        let diagnostics = emplan::check::check(&index, lang);
        let checked = begin.elapsed();
        eprintln!("load            {:>8.1} ms", loaded.as_secs_f64() * 1e3);
        eprintln!("index           {:>8.1} ms", indexed.as_secs_f64() * 1e3);
        rules.sort_by_key(|rule| std::cmp::Reverse(rule.0));
        for (time, code, name, found) in rules {
            eprintln!(
                "{code} {name:<28} {:>8.1} ms  {found} found",
                time.as_secs_f64() * 1e3
            );
        }
        eprintln!(
            "check (parallel) {:>7.1} ms  {} diagnostics",
            checked.as_secs_f64() * 1e3,
            diagnostics.len()
        );
    }
}
