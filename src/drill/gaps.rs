//! `drill new --target-gaps`: the scenario that exercises the most of what no held drill has.
//!
//! Every hazard point with a hazard, at every response level of its hazard's specialised
//! plans, is run through the activation cascade; the scenario is scored by the duties its
//! tasks carry out and the levels it activates that the coverage lists as never exercised. The
//! best (the first in registry order on a tie) is written like a drawn double-blind scenario
//! ([`super::blind::written`]), on the drill's own day and time.

use std::collections::HashSet;

use super::blind;
use super::coverage::Coverage;
use crate::graph::cascade::{self, Scenario};
use crate::model::drill::Drill;
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::model::{Repository, ResponseLevel};

/// The drill with its scenario set where it exercises the most gaps, and how many it does.
pub fn target(
    repo: &Repository,
    index: &Index<'_>,
    travel: &Travel<'_>,
    drill: &Drill,
    coverage: &Coverage<'_>,
) -> Option<(Drill, usize)> {
    let duties: HashSet<(&str, &str)> = coverage.untested_duties().copied().collect();
    let levels: HashSet<(&str, ResponseLevel)> = coverage.untested_levels().copied().collect();
    let mut best = None;
    for point in blind::hazard_points(repo) {
        let hazard = point.hazard.as_ref().map_or("", |h| h.as_str());
        let mut at: Vec<ResponseLevel> = blind::plans_of(repo, hazard)
            .iter()
            .flat_map(|p| p.meta.response.iter().map(|r| r.level.value))
            .collect();
        at.sort();
        at.dedup();
        for level in at {
            let scenario = Scenario {
                hazard,
                level,
                place: point.id.as_str(),
                chain: false,
            };
            let Ok(c) = cascade::activate(repo, index, travel, scenario) else {
                continue;
            };
            let mut hit: HashSet<(&str, &str)> = HashSet::new();
            for task in &c.tasks {
                if let Some(duty) = task.duty
                    && duties.contains(&(task.plan, duty))
                {
                    hit.insert((task.plan, duty));
                }
            }
            let activated = c
                .activated
                .iter()
                .filter_map(|a| Some((a.plan.meta.id.as_str(), a.level?)))
                .filter(|k| levels.contains(k))
                .count();
            let score = hit.len() + activated;
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, point, level));
            }
        }
    }
    let (score, point, level) = best?;
    let s = &drill.scenario;
    let written = blind::written(repo, drill, point, level, s.date.value, s.time.value);
    Some((written, score))
}
