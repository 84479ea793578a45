//! L: linkage (衔接). Plans of different tiers must fit together: the right parents, no cycles,
//! the same levels, thresholds no looser than the parent's, and every assigned duty taken up by
//! the organisation it is assigned to.

pub mod accepted_duty_not_assigned;
pub mod accepted_plan_not_parent;
pub mod action_not_accepted;
pub mod action_org_mismatch;
pub mod criterion_hazard_not_covered;
pub mod criterion_number_mismatch;
pub mod duty_not_accepted;
pub mod inverted_levels;
pub mod lead_without_plan;
pub mod level_name;
pub mod level_not_in_parent;
pub mod looser_threshold;
pub mod metric_not_grading_hazard;
pub mod organisation_without_plan;
pub mod parent_cycle;
pub mod parent_kind;
pub mod parent_level_uncaught;
pub mod parent_other_jurisdiction;
pub mod threshold_without_metric;

use crate::check::Context;
use crate::model::plan::{Action, Criterion};
use crate::model::registry::OrgKind;
use crate::model::{Id, Plan, ResponseLevel};

/// The plan's parents that exist, with a near miss of a plan id (reported by R101) read as that
/// plan, and ids joined by a full-width comma (`[overall，zx-flood]`, also R101) read one by
/// one, so that one slip does not cascade into linkage findings.
fn parents<'a>(cx: &'a Context, plan: &'a Plan) -> impl Iterator<Item = &'a Plan> + 'a {
    plan.meta
        .parents
        .iter()
        .flat_map(|id| id.as_str().split(['，', '、']))
        .filter_map(|id| cx.plan_or_near_miss(id.trim()))
}

/// A response criterion that can be compared with others: a metric and an `at_least`, and no
/// season or further condition that narrows it.
struct Threshold<'a> {
    level: ResponseLevel,
    criterion: &'a Criterion,
    metric: &'a str,
    value: f64,
    /// Where `at_least` is written.
    span: crate::model::Span,
}

/// The plan's comparable response criteria, in order.
fn thresholds(plan: &Plan) -> impl Iterator<Item = Threshold<'_>> {
    plan.meta.response.iter().flat_map(|level| {
        level.criteria.iter().filter_map(move |criterion| {
            let narrowed = !criterion.all_of.is_empty()
                || !criterion.during.is_empty()
                || !criterion.outside.is_empty();
            if narrowed {
                return None;
            }
            let at_least = criterion.at_least.as_ref()?;
            Some(Threshold {
                level: *level.level,
                criterion,
                metric: criterion.metric.as_ref()?.as_str(),
                value: at_least.value,
                span: at_least.span,
            })
        })
    })
}

/// True when two criteria may be compared for their hazards: the same one, or either names none.
fn same_hazard(a: &Criterion, b: &Criterion) -> bool {
    match (&a.hazard, &b.hazard) {
        (Some(x), Some(y)) => x.as_str() == y.as_str(),
        _ => true,
    }
}

/// The government whose territory a plan covers: its `jurisdiction`, or the nearest government,
/// township or village at or above its owner.
fn jurisdiction<'a>(cx: &'a Context, plan: &'a Plan) -> Option<&'a str> {
    if let Some(id) = &plan.meta.jurisdiction {
        return Some(id.as_str());
    }
    let mut org = cx.owner(plan);
    for _ in 0..32 {
        let found = cx.organisations.get(org)?;
        let kind = *found.value.kind;
        if matches!(
            kind,
            OrgKind::Government | OrgKind::Township | OrgKind::Village
        ) {
            return Some(org);
        }
        org = found.value.parent.as_ref()?.as_str();
    }
    None
}

/// The id that names an action's actor: its `org`, else its `post`, else the first of its
/// `posts`. Findings about the actor point at it.
fn actor_id(action: &Action) -> Option<&Id> {
    let post = action.post.as_deref().or(action.posts.first());
    action.org.as_ref().or(post)
}

/// The organisation an action's actor belongs to: its `org`, else the organisation of its post.
fn actor<'a>(cx: &'a Context, action: &'a Action) -> Option<&'a str> {
    if let Some(org) = &action.org {
        return Some(org.as_str());
    }
    let post = actor_id(action)?;
    cx.posts.get(post.as_str()).map(|p| p.value.org.as_str())
}

/// The plans that form cycles through `links` (for each plan, by position, the plans it
/// points at by id): each cycle's plans by position, sorted, a plan that points at itself
/// included. Unknown ids are left out (the reference rules report them).
pub(crate) fn plan_cycles<'a, L, I>(plans: &'a [Plan], links: L) -> Vec<Vec<usize>>
where
    L: Fn(&'a Plan) -> I,
    I: Iterator<Item = &'a str>,
{
    use petgraph::algo::tarjan_scc;
    use petgraph::graph::DiGraph;
    let index: crate::foundation::fast_map::FastMap<&str, usize> = plans
        .iter()
        .enumerate()
        .map(|(i, p)| (p.meta.id.as_str(), i))
        .collect();
    let mut graph = DiGraph::<usize, ()>::with_capacity(plans.len(), plans.len() * 2);
    let nodes: Vec<_> = (0..plans.len()).map(|i| graph.add_node(i)).collect();
    for (i, plan) in plans.iter().enumerate() {
        for id in links(plan) {
            if let Some(&j) = index.get(id) {
                graph.update_edge(nodes[i], nodes[j], ());
            }
        }
    }
    let mut cycles = Vec::new();
    for component in tarjan_scc(&graph) {
        let self_loop = component.len() == 1 && graph.contains_edge(component[0], component[0]);
        if component.len() < 2 && !self_loop {
            continue;
        }
        let mut members: Vec<usize> = component.iter().map(|&n| graph[n]).collect();
        members.sort_unstable();
        cycles.push(members);
    }
    cycles
}

/// The finding with the cycle's other plans as related places.
pub(crate) fn also_in_cycle<'a>(
    cx: &Context,
    mut diagnostic: crate::check::Diagnostic,
    others: impl Iterator<Item = &'a Plan>,
) -> crate::check::Diagnostic {
    for other in others {
        diagnostic = diagnostic.with_related(
            other.loc(other.meta.id.span),
            crate::tr!(cx.lang, "also in the cycle", "同在循环中"),
        );
    }
    diagnostic
}
