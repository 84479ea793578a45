//! Numbers in their domains: thresholds, the registry's travel factor, speed and coordinates,
//! and a drill's readings. A number outside its domain is an S203 problem and is dropped.

use crate::foundation::problem::{Expected, ProblemKind, YamlProblem};
use crate::model::drill::Drill;
use crate::model::{PlanMeta, RegistryFile, Span};

/// An S203 problem for each number outside its domain, at the number.
fn out_of_domain(bad: Vec<(Span, Expected)>, text: &str) -> Vec<(Span, ProblemKind)> {
    bad.into_iter()
        .map(|(span, expected)| {
            let found = text
                .get(span.start as usize..span.end as usize)
                .map(str::to_owned);
            (
                span,
                ProblemKind::Yaml(YamlProblem::InvalidValue { found, expected }),
            )
        })
        .collect()
}

/// The registry's numbers in their domains: a travel factor and speed finite and 1 or more, a
/// latitude from -90 to 90 and a longitude from -180 to 180. A number outside is an S203
/// problem and is dropped (coordinates as a pair), as for thresholds.
pub(super) fn registry_numbers(
    registry: &mut RegistryFile,
    text: &str,
    problems: &mut Vec<(Span, ProblemKind)>,
) {
    use crate::model::registry::Coordinates;

    let mut bad = Vec::new();
    if let Some(travel) = &mut registry.travel {
        for n in [&mut travel.road_factor, &mut travel.speed_kmh] {
            if let Some(v) = n
                && !(v.value.is_finite() && v.value >= 1.0)
            {
                bad.push((v.span, Expected::AtLeast(1.0)));
                *n = None;
            }
        }
    }
    let mut place = |at: &mut Option<Coordinates>| {
        let Some(c) = at else { return };
        let before = bad.len();
        for (v, max) in [(&c.lat, 90.0), (&c.lon, 180.0)] {
            if !(-max..=max).contains(&v.value) {
                bad.push((v.span, Expected::Between(-max, max)));
            }
        }
        if bad.len() > before {
            *at = None;
        }
    };
    for org in &mut registry.organisations {
        place(&mut org.at);
    }
    for resource in &mut registry.resources {
        if let Some(p) = &mut resource.place {
            place(&mut p.at);
        }
    }
    problems.extend(out_of_domain(bad, text));
}

/// A drill's readings are finite numbers (a reading may be below 0: a temperature); one that is
/// not is an S203 problem and is dropped.
pub(super) fn drill_numbers(
    drill: &mut Drill,
    text: &str,
    problems: &mut Vec<(Span, ProblemKind)>,
) {
    let mut bad = Vec::new();
    for stage in &mut drill.scenario.stages {
        stage.readings.retain(|r| {
            let finite = r.value.value.is_finite();
            if !finite {
                bad.push((r.value.span, Expected::Finite));
            }
            finite
        });
    }
    problems.extend(out_of_domain(bad, text));
}

/// Every threshold of the plan's criteria (`at_least`, `below`) is a finite number, 0 or more:
/// one that is not (`.nan`, `.inf`, `-5`) is an S203 problem and is dropped, so that no rule
/// compares against it and nothing else of the plan is lost. Both YAML readers end here, so the
/// same number is judged the same way on every path (issue 12, defect 4).
pub(super) fn thresholds(meta: &mut PlanMeta, text: &str, problems: &mut Vec<(Span, ProblemKind)>) {
    fn visit(c: &mut crate::model::plan::Criterion, bad: &mut Vec<Span>) {
        for n in [&mut c.at_least, &mut c.below] {
            if let Some(v) = n
                && !(v.value.is_finite() && v.value >= 0.0)
            {
                bad.push(v.span);
                *n = None;
            }
        }
        for inner in &mut c.all_of {
            visit(inner, bad);
        }
    }
    let mut bad = Vec::new();
    let lists = meta.grading.iter_mut().map(|g| &mut g.criteria);
    let lists = lists.chain(meta.warning.iter_mut().map(|w| &mut w.criteria));
    for list in lists.chain(meta.response.iter_mut().map(|r| &mut r.criteria)) {
        for c in list {
            visit(c, &mut bad);
        }
    }
    let bad = bad.into_iter().map(|s| (s, Expected::Threshold)).collect();
    problems.extend(out_of_domain(bad, text));
}
