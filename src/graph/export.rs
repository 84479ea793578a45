//! The graph as DOT (Graphviz), Mermaid (rendered by GitHub in Markdown) and node-link JSON, with
//! Chinese labels. Nodes and edges are sorted, so the same repository gives the same bytes.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Write;

use petgraph::visit::EdgeRef;

use super::{EdgeKind, Graph, Node, Stage, WarningKey};
use crate::foundation::i18n::Lang;
use crate::model::{Plan, Repository};

/// Which part of the graph to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Plans and which plan derives from which.
    Plans,
    /// Plans and organisations: who owns each plan and whom its duties are assigned to.
    Orgs,
    /// Every node and edge.
    All,
}

/// The nodes and edges shown, sorted.
pub struct Selection<'a> {
    pub nodes: Vec<Node<'a>>,
    pub edges: Vec<(Node<'a>, Node<'a>, &'static str)>,
}

/// Selects the view, and with `focus` only what lies within `depth` edges of it (either way).
pub fn select<'a>(
    graph: &Graph<'a>,
    view: View,
    focus: Option<Node<'a>>,
    depth: usize,
) -> Selection<'a> {
    let shown = |n: &Node| match view {
        View::Plans => matches!(n, Node::Plan(_)),
        View::Orgs => matches!(n, Node::Plan(_) | Node::Organisation(_)),
        View::All => true,
    };
    let mut edges: BTreeSet<(Node, Node, &'static str)> = BTreeSet::new();
    for e in graph.graph.edge_references() {
        let (a, b) = (graph.graph[e.source()], graph.graph[e.target()]);
        let kind = e.weight().kind;
        match view {
            View::All => {
                edges.insert((a, b, kind_name(kind)));
            }
            _ if shown(&a) && shown(&b) => {
                if matches!(kind, EdgeKind::ParentOf | EdgeKind::Owns) {
                    edges.insert((a, b, kind_name(kind)));
                }
            }
            // plan -> duty -> organisation reads as the plan assigning work to the organisation.
            View::Orgs if kind == EdgeKind::Assigns && matches!(a, Node::Duty(..)) => {
                if let (Node::Duty(plan, _), Node::Organisation(_)) = (a, b) {
                    edges.insert((Node::Plan(plan), b, kind_name(kind)));
                }
            }
            _ => {}
        }
    }
    let mut nodes: BTreeSet<Node> = graph.graph.node_weights().copied().filter(shown).collect();
    if let Some(focus) = focus {
        // Neighbours either way along the shown edges, looked up once per node visited.
        let mut adjacent: BTreeMap<Node, Vec<Node>> = BTreeMap::new();
        for &(a, b, _) in &edges {
            adjacent.entry(a).or_default().push(b);
            adjacent.entry(b).or_default().push(a);
        }
        let mut near: BTreeMap<Node, usize> = BTreeMap::from([(focus, 0)]);
        let mut queue = VecDeque::from([focus]);
        while let Some(n) = queue.pop_front() {
            let d = near[&n];
            if d == depth {
                continue;
            }
            for &m in adjacent.get(&n).into_iter().flatten() {
                if let Entry::Vacant(slot) = near.entry(m) {
                    slot.insert(d + 1);
                    queue.push_back(m);
                }
            }
        }
        nodes.retain(|n| near.contains_key(n));
        nodes.insert(focus);
    }
    edges.retain(|(a, b, _)| nodes.contains(a) && nodes.contains(b));
    Selection {
        nodes: nodes.into_iter().collect(),
        edges: edges.into_iter().collect(),
    }
}

fn kind_name(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::ParentOf => "parent-of",
        EdgeKind::Assigns => "assigns",
        EdgeKind::Accepts => "accepts",
        EdgeKind::Activates(_) => "activates",
        EdgeKind::Commands => "commands",
        EdgeKind::Holds => "holds",
        EdgeKind::Deputises => "deputises",
        EdgeKind::ReliesOn => "relies-on",
        EdgeKind::LocatedIn => "located-in",
        EdgeKind::Triggers => "triggers",
        EdgeKind::Covers => "covers",
        EdgeKind::NeighbourOf => "neighbour-of",
        EdgeKind::Owns => "owns",
    }
}

/// How an edge reads in a drawing, in the reader's language; JSON keeps the kind's stable name.
fn edge_label(kind: &str, lang: Lang) -> &str {
    let zh = match kind {
        "parent-of" => "下级预案",
        "assigns" => "分派职责",
        "accepts" => "承接",
        "activates" => "启动",
        "commands" => "指挥",
        "holds" => "担任",
        "deputises" => "代理",
        "relies-on" => "依托",
        "located-in" => "位于",
        "triggers" => "引发",
        "covers" => "涵盖",
        "neighbour-of" => "毗邻",
        "owns" => "编制",
        _ => kind,
    };
    lang.pick(kind, zh)
}

/// A stable key for a node: its kind and ids, e.g. `plan:zx-flood`, `duty:zx-flood#evacuate`.
pub fn key(node: Node) -> String {
    fn warning(key: WarningKey) -> String {
        match key {
            WarningKey::Colour(level) => level.key().to_owned(),
            WarningKey::Position(i) => format!("{}", i + 1),
        }
    }
    match node {
        Node::Plan(id) => format!("plan:{id}"),
        Node::Organisation(id) => format!("org:{id}"),
        Node::Post(id) => format!("post:{id}"),
        Node::Contact(id) => format!("contact:{id}"),
        Node::Resource(id) => format!("resource:{id}"),
        Node::Hazard(id) => format!("hazard:{id}"),
        Node::Duty(plan, id) => format!("duty:{plan}#{id}"),
        Node::Level(plan, level) => format!("level:{plan}:{}", level.key()),
        Node::Warning(plan, w) => format!("warning:{plan}:{}", warning(w)),
        Node::Action(Stage::Response(plan, level), i) => {
            format!("action:{plan}:{}:{}", level.key(), i + 1)
        }
        Node::Action(Stage::Warning(plan, w), i) => {
            format!("action:{plan}:{}:{}", warning(w), i + 1)
        }
    }
}

/// What a reader sees of each node: the Chinese name or title, or its [`key`] when it names
/// nothing. Looked up through maps built once, so a province's graph is labelled in linear time.
pub fn labels<'a>(repo: &'a Repository, nodes: &[Node<'a>]) -> HashMap<Node<'a>, String> {
    let r = &repo.registry;
    let plans: HashMap<&str, &Plan> = repo.plans.iter().map(|p| (p.meta.id.as_str(), p)).collect();
    let mut names: HashMap<(u8, &str), &str> = HashMap::new();
    let mut add = |kind: u8, id: &'a str, name: &'a str| {
        names.entry((kind, id)).or_insert(name);
    };
    for e in &r.external_plans {
        add(0, e.value.id.as_str(), e.value.title.as_str());
    }
    for e in &r.organisations {
        add(1, e.value.id.as_str(), e.value.name.as_str());
    }
    for e in &r.posts {
        add(2, e.value.id.as_str(), e.value.title.as_str());
    }
    for e in &r.contacts {
        add(3, e.value.id.as_str(), e.value.name.as_str());
    }
    for e in &r.resources {
        add(4, e.value.id.as_str(), e.value.name.as_str());
    }
    for e in &r.hazards {
        add(5, e.value.id.as_str(), e.value.name.as_str());
    }
    let name = |kind: u8, id: &str| names.get(&(kind, id)).map(|n| n.to_string());
    let label = |node: Node<'a>| -> Option<String> {
        match node {
            Node::Plan(id) => plans
                .get(id)
                .map(|p| p.meta.title.value.clone())
                .or_else(|| name(0, id)),
            Node::Organisation(id) => name(1, id),
            Node::Post(id) => name(2, id),
            Node::Contact(id) => name(3, id),
            Node::Resource(id) => name(4, id),
            Node::Hazard(id) => name(5, id),
            Node::Duty(plan, id) => plans
                .get(plan)
                .and_then(|p| p.meta.duties.iter().find(|d| d.id.as_str() == id))
                .map(|d| short(&d.text)),
            Node::Level(_, level) => Some(format!("{}响应", level.zh())),
            Node::Warning(_, WarningKey::Colour(level)) => Some(level.zh().to_owned()),
            Node::Warning(plan, WarningKey::Position(i)) => plans
                .get(plan)
                .and_then(|p| p.meta.warning.get(i))
                .and_then(|w| w.name.as_ref())
                .map(|n| n.value.clone()),
            Node::Action(Stage::Response(plan, level), i) => plans
                .get(plan)
                .and_then(|p| p.meta.response.iter().find(|r| r.level.value == level))
                .and_then(|r| r.actions.get(i))
                .map(|a| short(&a.what)),
            Node::Action(Stage::Warning(plan, w), i) => plans
                .get(plan)
                .and_then(|p| {
                    let mut levels = p.meta.warning.iter().enumerate();
                    levels.find(|(j, x)| match w {
                        WarningKey::Colour(c) => x.level.as_ref().is_some_and(|l| l.value == c),
                        WarningKey::Position(k) => *j == k,
                    })
                })
                .and_then(|(_, x)| x.actions.get(i))
                .map(|a| short(&a.what)),
        }
    };
    nodes
        .iter()
        .map(|&n| (n, label(n).unwrap_or_else(|| key(n))))
        .collect()
}

/// The first characters of a long text, for a label.
fn short(text: &str) -> String {
    const MAX: usize = 24;
    let mut out: String = text.chars().take(MAX).collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

/// Graphviz DOT. Render with `dot -Tsvg`; the labels need a font with Chinese glyphs.
pub fn dot(repo: &Repository, selection: &Selection, lang: Lang) -> String {
    let labels = labels(repo, &selection.nodes);
    let mut out = String::from(
        "digraph emplan {\n  rankdir=LR;\n  node [shape=box, fontname=\"Noto Sans CJK SC\"];\n  \
         edge [fontname=\"Noto Sans CJK SC\", fontsize=10];\n",
    );
    for &node in &selection.nodes {
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\"{}];",
            escape(&key(node)),
            escape(&labels[&node]),
            shape(node)
        );
    }
    for (a, b, kind) in &selection.edges {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            escape(&key(*a)),
            escape(&key(*b)),
            edge_label(kind, lang)
        );
    }
    out.push_str("}\n");
    out
}

fn shape(node: Node) -> &'static str {
    match node {
        Node::Plan(_) => ", style=rounded",
        Node::Organisation(_) => ", shape=ellipse",
        Node::Hazard(_) => ", shape=diamond",
        Node::Level(..) | Node::Warning(..) => ", shape=hexagon",
        _ => "",
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A Mermaid flowchart, for a ```mermaid block in Markdown.
pub fn mermaid(repo: &Repository, selection: &Selection, lang: Lang) -> String {
    let labels = labels(repo, &selection.nodes);
    let mut out = String::from("flowchart LR\n");
    let ids: BTreeMap<Node, usize> = selection
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i))
        .collect();
    for (i, &node) in selection.nodes.iter().enumerate() {
        let text = labels[&node].replace('"', "#quot;");
        let (open, close) = match node {
            Node::Plan(_) => ("([", "])"),
            Node::Organisation(_) => ("(", ")"),
            Node::Hazard(_) => ("{", "}"),
            _ => ("[", "]"),
        };
        let _ = writeln!(out, "  n{i}{open}\"{text}\"{close}");
    }
    for (a, b, kind) in &selection.edges {
        let kind = edge_label(kind, lang);
        let _ = writeln!(out, "  n{} -->|{kind}| n{}", ids[a], ids[b]);
    }
    out
}

/// Node-link JSON: `{"version": 1, "nodes": [{"id", "kind", "label"}], "links": [{"source",
/// "target", "kind"}]}`, ids as [`key`] gives them.
pub fn json(repo: &Repository, selection: &Selection) -> serde_json::Value {
    let labels = labels(repo, &selection.nodes);
    let kind = |n: Node| match n {
        Node::Plan(_) => "plan",
        Node::Organisation(_) => "organisation",
        Node::Post(_) => "post",
        Node::Contact(_) => "contact",
        Node::Resource(_) => "resource",
        Node::Hazard(_) => "hazard",
        Node::Duty(..) => "duty",
        Node::Level(..) => "response-level",
        Node::Warning(..) => "warning-level",
        Node::Action(..) => "action",
    };
    let nodes: Vec<serde_json::Value> = selection
        .nodes
        .iter()
        .map(|&n| serde_json::json!({"id": key(n), "kind": kind(n), "label": labels[&n]}))
        .collect();
    let links: Vec<serde_json::Value> = selection
        .edges
        .iter()
        .map(|(a, b, k)| serde_json::json!({"source": key(*a), "target": key(*b), "kind": k}))
        .collect();
    serde_json::json!({"version": 1, "nodes": nodes, "links": links})
}
