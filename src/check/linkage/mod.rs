//! L: linkage (衔接). Plans of different tiers must fit together: the right parents, no cycles,
//! the same levels, thresholds no looser than the parent's, and every assigned duty taken up by
//! the organisation it is assigned to.

pub mod accepted_duty_not_assigned;
pub mod accepted_plan_not_parent;
pub mod duty_not_accepted;
pub mod lead_without_plan;
pub mod level_name;
pub mod level_not_in_parent;
pub mod looser_threshold;
pub mod organisation_without_plan;
pub mod parent_cycle;
pub mod parent_kind;

use crate::check::Context;
use crate::model::Plan;

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
