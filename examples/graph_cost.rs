//! What the response graph costs beside `check`, measured in one process (benches/graph.sh):
//! load the repository once, then in turns run every rule, build the graph, and run the
//! activation cascade, and print the median time of each and its ratio to the rules.
//!
//!     cargo run --release --example graph_cost -- DIR [ROUNDS] [HAZARD LEVEL PLACE]

use std::time::Instant;

use emplan::foundation::i18n::Lang;
use emplan::graph::Graph;
use emplan::graph::cascade::{self, Scenario};
use emplan::model::ResponseLevel;
use emplan::model::index::Index;
use emplan::model::travel::Travel;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: graph_cost DIR [ROUNDS] [HAZARD LEVEL PLACE]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(11);
    let hazard = args.get(2).map_or("rainstorm", String::as_str);
    let level = match args.get(3).map_or("II", String::as_str) {
        "I" => ResponseLevel::I,
        "III" => ResponseLevel::III,
        "IV" => ResponseLevel::IV,
        _ => ResponseLevel::II,
    };
    let place = args.get(4).map_or("xz-baolun", String::as_str);
    let start = Instant::now();
    let repo = match emplan::load::load(std::path::Path::new(dir)) {
        Ok(repo) => repo,
        Err(e) => {
            eprintln!("graph_cost: {}: {}", e.path.display(), e.message);
            std::process::exit(2);
        }
    };
    let load = start.elapsed().as_secs_f64();
    let (mut check, mut build, mut activate) = (Vec::new(), Vec::new(), Vec::new());
    let mut sizes = (0, 0, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        let findings = emplan::check::check(&Index::new(&repo), Lang::En);
        check.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let graph = Graph::build(&repo);
        build.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let index = Index::new(&repo);
        let travel = Travel::new(&repo);
        let scenario = Scenario {
            hazard,
            level,
            place,
            chain: false,
        };
        let answer = cascade::activate(&repo, &index, &travel, scenario);
        activate.push(t.elapsed().as_secs_f64());
        sizes = (
            findings.len(),
            graph.graph.node_count() + graph.graph.edge_count(),
            answer.map_or(0, |a| a.activated.len()),
        );
    }
    let (check, build, activate) = (median(check), median(build), median(activate));
    // Each rule alone, for where the time goes.
    let index = Index::new(&repo);
    let cx = emplan::check::Context::new(&index, Lang::En);
    let mut rules: Vec<(f64, &str)> = emplan::check::RULES
        .iter()
        .map(|rule| {
            let t = Instant::now();
            let mut out = Vec::new();
            (rule.run)(&cx, &mut out);
            (t.elapsed().as_secs_f64(), rule.code)
        })
        .collect();
    rules.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = rules
        .iter()
        .take(5)
        .map(|(t, code)| format!("{code} {:.1} ms", t * 1e3))
        .collect();
    println!(
        "{} plans: load {:.1} ms; rules {:.1} ms ({} findings); graph build {:.1} ms ({} nodes and edges, {:.0}% of load + rules); cascade {:.1} ms ({} plans activated)",
        repo.plans.len(),
        load * 1e3,
        check * 1e3,
        sizes.0,
        build * 1e3,
        sizes.1,
        build / (load + check) * 100.0,
        activate * 1e3,
        sizes.2,
    );
    println!("slowest rules (one thread): {}", slowest.join(", "));
}
