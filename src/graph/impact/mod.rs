//! Impact analysis: what depends on an organisation, post, contact or resource, and what breaks
//! when it is unavailable (`emplan impact`); and the ranking of single points of failure
//! (`emplan graph --critical`).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::plan::Action;
use crate::model::registry::{Resource, ResourceKind};
use crate::model::travel::{RESCUE_CIRCLE_MINUTES, Teams, Travel};
use crate::model::{Loc, Plan, Repository};

use crate::model::index::Index;

pub mod output;

/// What the id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Organisation,
    Post,
    Contact,
    Resource,
}

impl Subject {
    pub fn key(self) -> &'static str {
        match self {
            Subject::Organisation => "organisation",
            Subject::Post => "post",
            Subject::Contact => "contact",
            Subject::Resource => "resource",
        }
    }
}

/// A duty or action that loses its organisation, post or resource.
#[derive(Debug)]
pub struct Work<'a> {
    pub plan: &'a str,
    /// The duty's id, or the level or warning of an action.
    pub what: String,
    pub text: &'a str,
    pub loc: Loc,
}

/// A post and who is left on it.
#[derive(Debug)]
pub struct PostLeft<'a> {
    pub post: &'a str,
    pub title: &'a str,
    /// The contact who stands in, if any: `None` leaves the post empty.
    pub left_with: Option<&'a str>,
}

/// A plan whose linkage fails, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Broken<'a> {
    /// The plan is the subject's own and goes with it.
    Owned(&'a str),
    /// The plan's parent goes: (plan, parent).
    LosesParent(&'a str, &'a str),
    /// The plan accepts a duty of a plan that goes: (plan, that plan, duty).
    LosesAccepted(&'a str, &'a str, &'a str),
    /// The plan's HQ or one of its levels is commanded from a post that is left empty:
    /// (plan, post).
    LosesCommander(&'a str, &'a str),
}

/// Whether the response to a hazard still has a capable team in the rescue circle of each of
/// its hazard points.
#[derive(Debug)]
pub struct Cover<'a> {
    pub hazard: &'a str,
    /// Hazard points that had a capable team within the circle and have none without the
    /// subject.
    pub lost: Vec<&'a str>,
    /// Capable teams left in the registry.
    pub teams_left: usize,
}

/// The answer.
#[derive(Debug)]
pub struct Impact<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub subject: Subject,
    /// Duties assigned to the subject in plans it does not own: left with nobody.
    pub duties: Vec<Work<'a>>,
    /// Actions given to the subject.
    pub actions: Vec<Work<'a>>,
    pub posts: Vec<PostLeft<'a>>,
    pub plans: Vec<Broken<'a>>,
    /// Teams, supplies, shelters and equipment lost.
    pub resources: Vec<&'a Resource>,
    /// Plans that rely on a lost resource.
    pub relying: Vec<(&'a str, &'a str)>,
    pub cover: Vec<Cover<'a>>,
}

/// What an id names, if anything.
pub fn subject(index: &Index<'_>, id: &str) -> Option<Subject> {
    if index.org(id).is_some() {
        Some(Subject::Organisation)
    } else if index.post(id).is_some() {
        Some(Subject::Post)
    } else if index.contact(id).is_some() {
        Some(Subject::Contact)
    } else if index.resource(id).is_some() {
        Some(Subject::Resource)
    } else {
        None
    }
}

/// Every id `impact` accepts, sorted.
pub fn subjects<'a>(index: &Index<'a>) -> Vec<&'a str> {
    let mut all: Vec<&'a str> = index
        .organisations
        .ids()
        .chain(index.posts.ids())
        .chain(index.contacts.ids())
        .chain(index.resources.ids())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn stage_name(plan: &Plan, action: &Action) -> String {
    let m = &plan.meta;
    for r in &m.response {
        if r.actions.iter().any(|a| std::ptr::eq(a, action)) {
            return r.level.value.key().to_owned();
        }
    }
    for (i, w) in m.warning.iter().enumerate() {
        if w.actions.iter().any(|a| std::ptr::eq(a, action)) {
            return w
                .level
                .as_ref()
                .map(|l| l.value.key().to_owned())
                .or_else(|| w.name.as_ref().map(|n| n.value.clone()))
                .unwrap_or_else(|| format!("warning {}", i + 1));
        }
    }
    String::new()
}

/// What is lost with the subject: (organisations, posts emptied, contacts, resources).
#[derive(Default)]
struct Lost<'a> {
    orgs: BTreeSet<&'a str>,
    posts: BTreeSet<&'a str>,
    resources: BTreeSet<&'a str>,
}

pub fn impact<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    travel: &Travel<'a>,
    id: &'a str,
    subject: Subject,
) -> Impact<'a> {
    let (name, lost, posts) = lose(repo, index, id, subject);
    let lost_plans: BTreeSet<&'a str> = repo
        .plans
        .iter()
        .filter(|p| lost.orgs.contains(p.meta.owner.as_str()))
        .map(|p| p.meta.id.as_str())
        .collect();
    let mut found = Found::default();
    for plan in &lost_plans {
        found.plans.insert(Broken::Owned(plan));
    }
    for plan in &repo.plans {
        if lost_plans.contains(plan.meta.id.as_str()) {
            continue;
        }
        found.work(plan, &lost);
        found.links(plan, &lost, &lost_plans);
    }
    let resources: Vec<&'a Resource> = lost
        .resources
        .iter()
        .filter_map(|x| index.resource(x))
        .collect();
    let cover = cover(repo, travel, &lost.resources);
    Impact {
        id,
        name,
        subject,
        duties: found.duties,
        actions: found.actions,
        posts,
        plans: found.plans.into_iter().collect(),
        resources,
        relying: found.relying.into_iter().collect(),
        cover,
    }
}

/// The subject's name, what goes with it, and the posts it leaves.
fn lose<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    id: &'a str,
    subject: Subject,
) -> (&'a str, Lost<'a>, Vec<PostLeft<'a>>) {
    let r = &repo.registry;
    let mut lost = Lost::default();
    let mut posts = Vec::new();
    let name;
    match subject {
        Subject::Organisation => {
            lost.orgs.insert(id);
            name = index.org_name(id);
            for e in &r.posts {
                if e.value.org.as_str() == id {
                    lost.posts.insert(e.value.id.as_str());
                    posts.push(PostLeft {
                        post: e.value.id.as_str(),
                        title: e.value.title.value.as_str(),
                        left_with: None,
                    });
                }
            }
            for e in &r.resources {
                if e.value.org.as_str() == id {
                    lost.resources.insert(e.value.id.as_str());
                }
            }
        }
        Subject::Post => {
            let post = index.post(id);
            name = post.map_or(id, |p| p.title.value.as_str());
            // The stand-in takes over; without one the post is empty.
            let left_with = post.and_then(|p| p.deputy.as_ref()).map(|d| d.as_str());
            if left_with.is_none() {
                lost.posts.insert(id);
            }
            posts.push(PostLeft {
                post: id,
                title: name,
                left_with,
            });
        }
        Subject::Contact => {
            name = index.person(id).name;
            for e in &r.posts {
                let p = &e.value;
                let holds = p.holder.as_ref().is_some_and(|h| h.as_str() == id);
                let stands_in = p.deputy.as_ref().is_some_and(|d| d.as_str() == id);
                if !holds && !stands_in {
                    continue;
                }
                // Holding: the stand-in takes over. Standing in: the holder stays.
                let left_with = if holds {
                    p.deputy.as_ref().map(|d| d.as_str()).filter(|d| *d != id)
                } else {
                    p.holder.as_ref().map(|h| h.as_str())
                };
                if left_with.is_none() {
                    lost.posts.insert(p.id.as_str());
                }
                posts.push(PostLeft {
                    post: p.id.as_str(),
                    title: p.title.value.as_str(),
                    left_with,
                });
            }
        }
        Subject::Resource => {
            name = index.resource(id).map_or(id, |r| r.name.value.as_str());
            lost.resources.insert(id);
        }
    }
    (name, lost, posts)
}

/// What the subject's absence breaks, gathered plan by plan.
#[derive(Default)]
struct Found<'a> {
    duties: Vec<Work<'a>>,
    actions: Vec<Work<'a>>,
    plans: BTreeSet<Broken<'a>>,
    relying: BTreeSet<(&'a str, &'a str)>,
}

impl<'a> Found<'a> {
    /// The plan's duties and actions left with nobody, and the lost teams its actions call.
    fn work(&mut self, plan: &'a Plan, lost: &Lost<'a>) {
        let m = &plan.meta;
        let pid = m.id.as_str();
        for duty in &m.duties {
            let by_org = lost.orgs.contains(duty.org.as_str());
            let by_post = duty
                .post
                .as_ref()
                .is_some_and(|p| lost.posts.contains(p.as_str()));
            if by_org || by_post {
                self.duties.push(Work {
                    plan: pid,
                    what: duty.id.as_str().to_owned(),
                    text: duty.text.value.as_str(),
                    loc: plan.loc(if by_org { duty.org.span } else { duty.id.span }),
                });
            }
        }
        for action in m.actions() {
            let by_org = action
                .org
                .as_ref()
                .is_some_and(|o| lost.orgs.contains(o.as_str()));
            let by_post = action
                .post
                .as_deref()
                .into_iter()
                .chain(&action.posts)
                .any(|p| lost.posts.contains(p.as_str()));
            if by_org || by_post {
                self.actions.push(Work {
                    plan: pid,
                    what: stage_name(plan, action),
                    text: action.what.value.as_str(),
                    loc: plan.loc(action.what.span),
                });
            }
            for res in action.dispatch.iter().chain(&action.alert) {
                if lost.resources.contains(res.as_str()) {
                    self.relying.insert((pid, res.as_str()));
                }
            }
        }
    }

    /// The plan's links that fail: a lost parent or accepted duty, a commander's post left
    /// empty, a lost resource it relies on.
    fn links(&mut self, plan: &'a Plan, lost: &Lost<'a>, lost_plans: &BTreeSet<&'a str>) {
        let m = &plan.meta;
        let pid = m.id.as_str();
        for parent in &m.parents {
            if let Some(&p) = lost_plans.get(parent.as_str()) {
                self.plans.insert(Broken::LosesParent(pid, p));
            }
        }
        for accept in &m.accepts {
            if let Some(&p) = lost_plans.get(accept.plan.as_str()) {
                self.plans
                    .insert(Broken::LosesAccepted(pid, p, accept.duty.as_str()));
            }
        }
        let commanders = m
            .command
            .iter()
            .flat_map(|c| c.commander.iter().chain(&c.executive_deputy))
            .chain(m.response.iter().filter_map(|l| l.commander.as_ref()));
        for post in commanders {
            if let Some(&p) = lost.posts.get(post.as_str()) {
                self.plans.insert(Broken::LosesCommander(pid, p));
            }
        }
        for res in &m.resources {
            if let Some(&x) = lost.resources.get(res.as_str()) {
                self.relying.insert((pid, x));
            }
        }
    }
}

/// The hazard points, each with its hazard and whether a capable team (leaving out `without`)
/// reaches it within the rescue circle.
fn reach<'a>(
    repo: &'a Repository,
    travel: &Travel<'a>,
    without: &BTreeSet<&str>,
) -> BTreeMap<&'a str, (&'a str, bool)> {
    let teams = Teams::new(repo, travel, |id| without.contains(id));
    let mut out = BTreeMap::new();
    for e in &repo.registry.resources {
        let point = &e.value;
        if point.kind.value != ResourceKind::HazardPoint {
            continue;
        }
        let (Some(hazard), Some(spot)) = (point.hazard.as_ref(), travel.spot_of(point)) else {
            continue;
        };
        let reached = !teams
            .within(travel, hazard, spot, RESCUE_CIRCLE_MINUTES)
            .is_empty();
        out.insert(point.id.as_str(), (hazard.as_str(), reached));
    }
    out
}

/// For each hazard a lost team could respond to: the hazard points that lose their capable
/// team within the rescue circle.
fn cover<'a>(
    repo: &'a Repository,
    travel: &Travel<'a>,
    lost: &BTreeSet<&'a str>,
) -> Vec<Cover<'a>> {
    let hazards: BTreeSet<&'a str> = repo
        .registry
        .resources
        .iter()
        .map(|e| &e.value)
        .filter(|r| r.kind.value == ResourceKind::Team && lost.contains(r.id.as_str()))
        .flat_map(|r| r.capabilities.iter().map(|c| c.as_str()))
        .collect();
    if hazards.is_empty() {
        return Vec::new();
    }
    let before = reach(repo, travel, &BTreeSet::new());
    let after = reach(repo, travel, lost);
    hazards
        .into_iter()
        .map(|hazard| {
            let lost_points = before
                .iter()
                .filter(|(_, (h, _))| *h == hazard)
                .filter(|(point, (_, reached))| *reached && !after[*point].1)
                .map(|(point, _)| *point)
                .collect();
            let teams_left = repo
                .registry
                .resources
                .iter()
                .map(|e| &e.value)
                .filter(|r| r.kind.value == ResourceKind::Team && !lost.contains(r.id.as_str()))
                .filter(|r| r.capabilities.iter().any(|c| c.as_str() == hazard))
                .count();
            Cover {
                hazard,
                lost: lost_points,
                teams_left,
            }
        })
        .collect()
}

/// One line of the ranking of single points of failure.
#[derive(Debug)]
pub struct Critical<'a> {
    pub id: &'a str,
    pub subject: Subject,
    pub name: &'a str,
    pub score: usize,
    /// What the score counts, by kind: ("duties", 12), ("actions", 30) ...
    pub counts: Vec<(&'static str, usize)>,
}

/// Organisations, posts and resources ranked by how much of the response depends on them
/// alone (docs/graph.md, "Single points of failure"):
/// - an organisation: the duties and actions assigned to it and the plans it owns;
/// - a post: the HQs and levels it commands and the duties and actions it carries, counted
///   twice when it has no stand-in;
/// - a resource: the plans relying on it, and the hazard points whose only capable team in the
///   rescue circle it is, counted three times.
pub fn critical<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    travel: &Travel<'a>,
) -> Vec<Critical<'a>> {
    let Counts { org, post, res } = count(repo, travel);
    let mut out = Vec::new();
    for (id, [duties, actions, owned]) in org {
        let Some(o) = index.org(id) else {
            continue;
        };
        out.push(Critical {
            id: o.id.as_str(),
            subject: Subject::Organisation,
            name: o.name.value.as_str(),
            score: duties + actions + owned,
            counts: vec![("duties", duties), ("actions", actions), ("plans", owned)],
        });
    }
    for (id, [commands, work]) in post {
        let Some(p) = index.post(id) else {
            continue;
        };
        let alone = if p.deputy.is_none() { 2 } else { 1 };
        out.push(Critical {
            id: p.id.as_str(),
            subject: Subject::Post,
            name: p.title.value.as_str(),
            score: (commands + work) * alone,
            counts: vec![
                ("commands", commands),
                ("duties-and-actions", work),
                ("no-stand-in", usize::from(alone == 2)),
            ],
        });
    }
    for (id, [plans, only]) in res {
        let Some(r) = index.resource(id) else {
            continue;
        };
        out.push(Critical {
            id: r.id.as_str(),
            subject: Subject::Resource,
            name: r.name.value.as_str(),
            score: plans + 3 * only,
            counts: vec![("relied-on", plans), ("only-team-in-circle", only)],
        });
    }
    out.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(b.id)));
    out
}

/// What [`critical`] ranks, counted by id.
struct Counts<'a> {
    /// Duties, actions and plans owned, by organisation.
    org: BTreeMap<&'a str, [usize; 3]>,
    /// HQs and levels commanded, and duties and actions carried, by post.
    post: BTreeMap<&'a str, [usize; 2]>,
    /// Plans relying on it, and hazard points where it is the only capable team in the circle,
    /// by resource.
    res: BTreeMap<&'a str, [usize; 2]>,
}

/// Counts, in one pass over the plans and one over the hazard points, what each organisation,
/// post and resource carries.
fn count<'a>(repo: &'a Repository, travel: &Travel<'a>) -> Counts<'a> {
    let mut org: BTreeMap<&'a str, [usize; 3]> = BTreeMap::new();
    let mut post: BTreeMap<&'a str, [usize; 2]> = BTreeMap::new();
    let mut res: BTreeMap<&'a str, [usize; 2]> = BTreeMap::new();
    for plan in &repo.plans {
        let m = &plan.meta;
        org.entry(m.owner.as_str()).or_default()[2] += 1;
        for duty in &m.duties {
            org.entry(duty.org.as_str()).or_default()[0] += 1;
            if let Some(p) = &duty.post {
                post.entry(p.as_str()).or_default()[1] += 1;
            }
        }
        for action in m.actions() {
            if let Some(o) = &action.org {
                org.entry(o.as_str()).or_default()[1] += 1;
            }
            for p in action.post.as_deref().into_iter().chain(&action.posts) {
                post.entry(p.as_str()).or_default()[1] += 1;
            }
            for x in action.dispatch.iter().chain(&action.alert) {
                res.entry(x.as_str()).or_default()[0] += 1;
            }
        }
        for p in m.command_posts() {
            post.entry(p).or_default()[0] += 1;
        }
        for x in &m.resources {
            res.entry(x.as_str()).or_default()[0] += 1;
        }
    }
    // Hazard points whose only capable team within the circle is this one.
    let teams = Teams::new(repo, travel, |_| false);
    for e in &repo.registry.resources {
        let point = &e.value;
        if point.kind.value != ResourceKind::HazardPoint {
            continue;
        }
        let (Some(hazard), Some(spot)) = (point.hazard.as_ref(), travel.spot_of(point)) else {
            continue;
        };
        if let [(_, only)] = teams.within(travel, hazard, spot, RESCUE_CIRCLE_MINUTES)[..] {
            res.entry(only.id.as_str()).or_default()[1] += 1;
        }
    }
    Counts { org, post, res }
}
