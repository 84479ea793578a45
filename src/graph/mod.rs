//! The response dependency graph: plans, organisations, posts, people, duties, levels, actions,
//! resources and hazards, and how they depend on each other, built from the loaded
//! [`Repository`] (issue 8). [`Graph`] is the model of `emplan graph`'s exports (DOT, Mermaid,
//! node-link JSON) and of its `--focus`; building it reads no file and changes nothing `check`
//! reports. The activation cascade ([`cascade`]), impact analysis ([`impact`]) and the flow
//! charts ([`flowchart`]) answer from the repository's index (`model::index::Index`) instead:
//! each asks a few questions by id, which the index answers without building the whole graph.
//!
//! Every edge keeps where it was written (the id's span in its file), so an answer drawn from the
//! graph can cite the line of the plan it comes from.

pub mod cascade;
pub mod export;
pub mod flowchart;
pub mod impact;

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

use crate::foundation::fast_map::FastMap;
use crate::model::plan::{Action, EVENT_TOWNSHIP, PlanMeta};
use crate::model::registry::{Post, Resource};
use crate::model::{Deadline, FileId, Id, Loc, Plan, Repository, ResponseLevel, WarningLevel};

/// A thing the response depends on. Ids are the repository's own; duties, levels and actions are
/// named by their plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node<'a> {
    Plan(&'a str),
    Organisation(&'a str),
    Post(&'a str),
    Contact(&'a str),
    Resource(&'a str),
    Hazard(&'a str),
    /// A duty of a plan: (plan id, duty id).
    Duty(&'a str, &'a str),
    /// A response level of a plan.
    Level(&'a str, ResponseLevel),
    /// A warning level of a plan, by colour, or by its position where it has none.
    Warning(&'a str, WarningKey),
    /// An action of a level: the level, and the action's position in it.
    Action(Stage<'a>, usize),
}

/// The level an action belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage<'a> {
    Response(&'a str, ResponseLevel),
    Warning(&'a str, WarningKey),
}

/// How a warning level is named: its colour, or its position in a plan whose warnings have names
/// instead (准备转移, 立即转移).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WarningKey {
    Colour(WarningLevel),
    Position(usize),
}

/// How one node depends on another. The direction is the one the name reads in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// plan -> child plan (the child lists the parent in `parents`).
    ParentOf,
    /// plan -> its duty, and duty -> the organisation it is assigned to.
    Assigns,
    /// plan -> the duty of another plan it accepts.
    Accepts,
    /// plan -> its warning and response levels (no deadline), level -> its action (with the
    /// action's deadline), and action -> the organisation or post that acts.
    Activates(Option<Deadline>),
    /// level -> the post that commands it; HQ plan -> its command posts.
    Commands,
    /// contact -> the post they hold, or the resource they answer for.
    Holds,
    /// contact -> the post they stand in for.
    Deputises,
    /// plan or action -> a resource it relies on (its `resources`, teams dispatched or alerted).
    ReliesOn,
    /// resource, village or organisation -> the township it lies in; post -> its organisation.
    LocatedIn,
    /// hazard -> the hazard it can cause (hazard chain).
    Triggers,
    /// plan -> a hazard it covers.
    Covers,
    /// plan -> a neighbouring jurisdiction.
    NeighbourOf,
    /// organisation -> a plan it owns.
    Owns,
}

/// An edge and where it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub kind: EdgeKind,
    pub loc: Loc,
}

/// The graph, with a node for every id it was built from.
#[derive(Debug, Default)]
pub struct Graph<'a> {
    pub graph: DiGraph<Node<'a>, Edge>,
    index: FastMap<Node<'a>, NodeIndex>,
}

impl<'a> Graph<'a> {
    /// Builds the graph from what was loaded. References to ids that name nothing are kept as
    /// nodes (check reports them); nothing is re-read.
    pub fn build(repo: &'a Repository) -> Self {
        // About 45 nodes and 65 edges per plan in the sample and the synthetic systems.
        let r = &repo.registry;
        let registered = r.organisations.len() + r.resources.len() + r.posts.len();
        let n = repo.plans.len() * 45 + registered + r.contacts.len();
        let e = repo.plans.len() * 65 + 3 * registered;
        let mut g = Graph {
            graph: DiGraph::with_capacity(n, e),
            index: FastMap::with_capacity_and_hasher(n, Default::default()),
        };
        for plan in &repo.plans {
            g.add_plan(plan);
        }
        for e in &r.organisations {
            let org = Node::Organisation(e.value.id.as_str());
            g.node(org);
            if let Some(parent) = &e.value.parent {
                g.edge(
                    org,
                    Node::Organisation(parent),
                    EdgeKind::LocatedIn,
                    e.file,
                    parent,
                );
            }
        }
        for e in &r.hazards {
            let hazard = Node::Hazard(e.value.id.as_str());
            g.node(hazard);
            for id in &e.value.triggers {
                g.edge(hazard, Node::Hazard(id), EdgeKind::Triggers, e.file, id);
            }
        }
        for e in &r.resources {
            g.add_resource(e.file, &e.value);
        }
        for e in &r.posts {
            g.add_post(e.file, &e.value);
        }
        for e in &r.contacts {
            g.node(Node::Contact(e.value.id.as_str()));
        }
        // Plans kept elsewhere are plans of the graph too: parents, and what a cascade reaches.
        for e in &r.external_plans {
            g.node(Node::Plan(e.value.id.as_str()));
        }
        g
    }

    /// A registered resource: where it lies, and who answers for it.
    fn add_resource(&mut self, f: FileId, v: &'a Resource) {
        let resource = Node::Resource(v.id.as_str());
        self.node(resource);
        self.edge(
            resource,
            Node::Organisation(&v.org),
            EdgeKind::LocatedIn,
            f,
            &v.org,
        );
        if let Some(place) = &v.place {
            let township = Node::Organisation(&place.township);
            self.edge(resource, township, EdgeKind::LocatedIn, f, &place.township);
        }
        if let Some(contact) = &v.contact {
            self.edge(
                Node::Contact(contact),
                resource,
                EdgeKind::Holds,
                f,
                contact,
            );
        }
    }

    /// A registered post: its organisation, its holder and its stand-in.
    fn add_post(&mut self, f: FileId, v: &'a Post) {
        let post = Node::Post(v.id.as_str());
        self.node(post);
        self.edge(
            post,
            Node::Organisation(&v.org),
            EdgeKind::LocatedIn,
            f,
            &v.org,
        );
        if let Some(holder) = &v.holder {
            self.edge(Node::Contact(holder), post, EdgeKind::Holds, f, holder);
        }
        if let Some(deputy) = &v.deputy {
            self.edge(Node::Contact(deputy), post, EdgeKind::Deputises, f, deputy);
        }
    }

    /// The plan's nodes and its dependency edges. Unlike [`crate::model::refs`], which lists
    /// every id a plan uses for the reference rules, this walk builds structure (duty, level and
    /// action nodes, each action with its deadline) and keeps only the references that are
    /// dependencies of the response: a criterion's metric or a lifecycle's approver is no edge.
    fn add_plan(&mut self, plan: &'a Plan) {
        let m: &'a PlanMeta = &plan.meta;
        let f = plan.file;
        let id = m.id.as_str();
        let me = Node::Plan(id);
        self.node(me);
        self.edge(
            Node::Organisation(&m.owner),
            me,
            EdgeKind::Owns,
            f,
            &m.owner,
        );
        for parent in &m.parents {
            self.edge(Node::Plan(parent), me, EdgeKind::ParentOf, f, parent);
        }
        for hazard in &m.hazards {
            self.edge(me, Node::Hazard(hazard), EdgeKind::Covers, f, hazard);
        }
        for org in &m.neighbours {
            self.edge(me, Node::Organisation(org), EdgeKind::NeighbourOf, f, org);
        }
        for resource in &m.resources {
            self.edge(
                me,
                Node::Resource(resource),
                EdgeKind::ReliesOn,
                f,
                resource,
            );
        }
        for (_, post) in m.command.iter().flat_map(|c| c.posts()) {
            self.edge(me, Node::Post(post), EdgeKind::Commands, f, post);
        }
        for duty in &m.duties {
            let node = Node::Duty(id, duty.id.as_str());
            self.edge(me, node, EdgeKind::Assigns, f, &duty.id);
            self.edge(
                node,
                Node::Organisation(&duty.org),
                EdgeKind::Assigns,
                f,
                &duty.org,
            );
            if let Some(post) = &duty.post {
                self.edge(node, Node::Post(post), EdgeKind::Assigns, f, post);
            }
        }
        for accept in &m.accepts {
            let duty = Node::Duty(accept.plan.as_str(), accept.duty.as_str());
            self.edge(me, duty, EdgeKind::Accepts, f, &accept.duty);
        }
        self.add_levels(m, f);
        if let Some(e) = &m.evacuation {
            for zone in &e.zones {
                for point in &zone.points {
                    self.edge(me, Node::Resource(point), EdgeKind::ReliesOn, f, point);
                }
                for shelter in zone.destinations.iter().flat_map(|d| &d.shelters) {
                    self.edge(me, Node::Resource(shelter), EdgeKind::ReliesOn, f, shelter);
                }
            }
        }
    }

    /// The plan's warning and response levels, the posts that command them and their actions.
    fn add_levels(&mut self, m: &'a PlanMeta, f: FileId) {
        let id = m.id.as_str();
        let me = Node::Plan(id);
        for (i, w) in m.warning.iter().enumerate() {
            let key = w
                .level
                .as_ref()
                .map_or(WarningKey::Position(i), |l| WarningKey::Colour(l.value));
            let level = Node::Warning(id, key);
            self.node(level);
            self.edge(me, level, EdgeKind::Activates(None), f, &m.id);
            self.add_actions(Stage::Warning(id, key), level, &w.actions, f);
        }
        for r in &m.response {
            let level = Node::Level(id, r.level.value);
            self.node(level);
            self.edge(me, level, EdgeKind::Activates(None), f, &m.id);
            for post in r
                .commander
                .iter()
                .chain(r.decided_by.iter().flat_map(|d| &d.posts))
            {
                self.edge(level, Node::Post(post), EdgeKind::Commands, f, post);
            }
            self.add_actions(Stage::Response(id, r.level.value), level, &r.actions, f);
        }
    }

    fn add_actions(&mut self, stage: Stage<'a>, level: Node<'a>, actions: &'a [Action], f: FileId) {
        for (i, action) in actions.iter().enumerate() {
            let node = Node::Action(stage, i);
            let within = action.within.as_ref().map(|w| w.value);
            let at = Loc {
                file: f,
                span: action.what.span,
            };
            self.edge_at(level, node, EdgeKind::Activates(within), at);
            for org in action.org.iter() {
                self.edge(
                    node,
                    Node::Organisation(org),
                    EdgeKind::Activates(within),
                    f,
                    org,
                );
            }
            for post in action.post.as_deref().into_iter().chain(&action.posts) {
                self.edge(node, Node::Post(post), EdgeKind::Activates(within), f, post);
            }
            if let Some(duty) = &action.duty {
                let plan = match stage {
                    Stage::Response(plan, _) | Stage::Warning(plan, _) => plan,
                };
                self.edge(node, Node::Duty(plan, duty), EdgeKind::Assigns, f, duty);
            }
            for team in action.dispatch.iter().chain(&action.alert) {
                self.edge(node, Node::Resource(team), EdgeKind::ReliesOn, f, team);
            }
        }
    }

    /// The node's index, adding the node when it is new.
    fn node(&mut self, node: Node<'a>) -> NodeIndex {
        if let Some(&ix) = self.index.get(&node) {
            return ix;
        }
        let ix = self.graph.add_node(node);
        self.index.insert(node, ix);
        ix
    }

    fn edge(&mut self, from: Node<'a>, to: Node<'a>, kind: EdgeKind, file: FileId, at: &Id) {
        // The field-HQ keyword names no organisation.
        if matches!(to, Node::Organisation(EVENT_TOWNSHIP)) {
            return;
        }
        let loc = Loc {
            file,
            span: at.span,
        };
        self.edge_at(from, to, kind, loc);
    }

    fn edge_at(&mut self, from: Node<'a>, to: Node<'a>, kind: EdgeKind, loc: Loc) -> EdgeIndex {
        let (a, b) = (self.node(from), self.node(to));
        self.graph.add_edge(a, b, Edge { kind, loc })
    }

    /// The index of a node, if the graph has it.
    pub fn find(&self, node: Node<'a>) -> Option<NodeIndex> {
        self.index.get(&node).copied()
    }

    /// The nodes an edge of `kind` leads to from `node` (`Outgoing`), or comes from
    /// (`Incoming`), in the order the edges were added, with where each edge was written.
    pub fn neighbours(
        &self,
        node: Node<'a>,
        direction: Direction,
        kind: impl Fn(EdgeKind) -> bool,
    ) -> Vec<(Node<'a>, Loc)> {
        let Some(ix) = self.find(node) else {
            return Vec::new();
        };
        let mut out: Vec<(EdgeIndex, Node<'a>, Loc)> = self
            .graph
            .edges_directed(ix, direction)
            .filter(|e| kind(e.weight().kind))
            .map(|e| {
                use petgraph::visit::EdgeRef;
                let other = match direction {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                };
                (e.id(), self.graph[other], e.weight().loc)
            })
            .collect();
        out.sort_by_key(|(edge, _, _)| *edge);
        out.into_iter().map(|(_, n, loc)| (n, loc)).collect()
    }
}

#[cfg(test)]
mod tests;
