use petgraph::Direction::{Incoming, Outgoing};

use super::*;
use crate::check::example::MINI;
use crate::model::Repository;

fn mini() -> Repository {
    let files: Vec<(String, Vec<u8>)> = MINI
        .iter()
        .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
        .collect();
    crate::load::load_files(&files)
}

/// The text an edge points at in its file.
fn at(repo: &Repository, loc: Loc) -> &str {
    &repo.sources.get(loc.file).text[loc.span.range()]
}

#[test]
fn a_duty_is_assigned_by_its_plan_to_its_organisation_and_accepted_by_another_plan() {
    let repo = mini();
    let g = Graph::build(&repo);
    let duty = Node::Duty("zx-flood", "evacuate");
    let assigned = g.neighbours(duty, Outgoing, |k| k == EdgeKind::Assigns);
    assert_eq!(
        assigned.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [Node::Organisation("xz-baolun")]
    );
    assert_eq!(at(&repo, assigned[0].1), "xz-baolun");
    let by = g.neighbours(duty, Incoming, |k| k == EdgeKind::Assigns);
    assert_eq!(
        by.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [Node::Plan("zx-flood")]
    );
    let accepted = g.neighbours(duty, Incoming, |k| k == EdgeKind::Accepts);
    assert_eq!(
        accepted.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [Node::Plan("xz-baolun-plan")]
    );
    assert_eq!(at(&repo, accepted[0].1), "evacuate");
}

#[test]
fn a_level_activates_its_actions_with_their_deadlines() {
    let repo = mini();
    let g = Graph::build(&repo);
    let level = Node::Level("zx-flood", ResponseLevel::IV);
    let actions = g.neighbours(level, Outgoing, |k| matches!(k, EdgeKind::Activates(_)));
    let stage = Stage::Response("zx-flood", ResponseLevel::IV);
    assert_eq!(
        actions.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [Node::Action(stage, 0)]
    );
    assert_eq!(at(&repo, actions[0].1), "调派救援队伍赴现场");
    let ix = g.find(Node::Action(stage, 0)).unwrap();
    let edges: Vec<(Node, EdgeKind)> = g
        .graph
        .edges(ix)
        .map(|e| {
            use petgraph::visit::EdgeRef;
            (g.graph[e.target()], e.weight().kind)
        })
        .collect();
    let hour = Deadline::parse("1h");
    assert!(edges.contains(&(Node::Organisation("qu-yingjiju"), EdgeKind::Activates(hour))));
    assert!(edges.contains(&(Node::Duty("zx-flood", "rescue"), EdgeKind::Assigns)));
}

#[test]
fn plans_hazards_and_places_are_linked() {
    let repo = mini();
    let g = Graph::build(&repo);
    let children = g.neighbours(Node::Plan("overall"), Outgoing, |k| k == EdgeKind::ParentOf);
    assert!(children.iter().any(|(n, _)| *n == Node::Plan("zx-flood")));
    let chain = g.neighbours(Node::Hazard("rainstorm"), Outgoing, |k| {
        k == EdgeKind::Triggers
    });
    assert_eq!(
        chain.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [Node::Hazard("flood")]
    );
    let covers = g.neighbours(Node::Plan("zx-flood"), Outgoing, |k| k == EdgeKind::Covers);
    assert_eq!(
        covers.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [Node::Hazard("rainstorm"), Node::Hazard("flood")]
    );
    let team = g.neighbours(Node::Resource("team-baolun"), Outgoing, |k| {
        k == EdgeKind::LocatedIn
    });
    assert!(
        team.iter()
            .any(|(n, _)| *n == Node::Organisation("xz-baolun")),
        "{team:?}"
    );
}

#[test]
fn the_sample_builds_one_node_per_thing() {
    let repo = crate::load::load(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans")
            .as_path(),
    )
    .unwrap();
    let g = Graph::build(&repo);
    let plans = g
        .graph
        .node_weights()
        .filter(|n| matches!(n, Node::Plan(_)))
        .count();
    assert_eq!(plans, repo.plans.len() + repo.registry.external_plans.len());
    let duties: usize = repo.plans.iter().map(|p| p.meta.duties.len()).sum();
    let duty_nodes = g
        .graph
        .node_weights()
        .filter(|n| matches!(n, Node::Duty(..)))
        .count();
    // Every duty, and no accepted duty that names nothing (the sample checks clean).
    assert_eq!(duty_nodes, duties);
    // Each plan hangs under exactly the parents it lists.
    for plan in &repo.plans {
        let id = plan.meta.id.as_str();
        let parents = g.neighbours(Node::Plan(id), Incoming, |k| k == EdgeKind::ParentOf);
        let listed: Vec<Node> = plan.meta.parents.iter().map(|p| Node::Plan(p)).collect();
        assert_eq!(
            parents.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            listed,
            "{id}"
        );
    }
}
