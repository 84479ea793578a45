//! Double-blind drills (双盲演练): a scenario drawn from the risk register by a seed, so that
//! nobody but the director and the controllers knows the hazard, the place, the level or the
//! start until the first inject is sent.
//!
//! The draw (docs/drill.md, "Double-blind drills"): a hazard point, weighted by the people it
//! threatens; its hazard; a response level of the specialised plans of that hazard, the
//! milder levels likelier (Ⅳ 4, Ⅲ 3, Ⅱ 2, Ⅰ 1); a day of the drill's `window` (else its
//! scenario date) and a start between 08:00 and 17:50 in ten-minute steps. The scenario's
//! elements are written from what the registry says of the point; a second stage one hour in
//! meets the first criterion of the next more severe level, so the drill tests escalation.
//! The generator is SplitMix64, written here so that the same seed gives the same drill in
//! every version that keeps this module.

use crate::model::drill::{Drill, DrillScenario, LevelRef, Objective, Reading, Stage};
use crate::model::plan::Criterion;
use crate::model::registry::{Resource, ResourceKind};
use crate::model::{ClockTime, Date, Deadline, PlanKind, Repository, ResponseLevel, Span, Spanned};

/// SplitMix64 (Steele, Lea and Flood, 2014).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// An index into `weights`, each with the chance its weight gives; `None` when all are 0.
    fn pick(&mut self, weights: &[u64]) -> Option<usize> {
        let total: u64 = weights.iter().sum();
        if total == 0 {
            return None;
        }
        let mut at = self.next() % total;
        for (i, &w) in weights.iter().enumerate() {
            if at < w {
                return Some(i);
            }
            at -= w;
        }
        None
    }
}

/// Why no scenario can be drawn.
#[derive(Debug, PartialEq, Eq)]
pub enum NoDraw {
    /// The registry has no hazard point with a hazard and people threatened.
    NoHazardPoint,
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Span::default())
}

fn id(text: &str) -> crate::model::Id {
    spanned(text.into())
}

/// The drill with its scenario drawn by `seed`: hazard, place, level, start, elements and
/// stages, and objectives for the levels it reaches.
pub fn draw(repo: &Repository, drill: &Drill, seed: u64) -> Result<Drill, NoDraw> {
    let mut rng = Rng(seed);
    let points = hazard_points(repo);
    let weights: Vec<u64> = points
        .iter()
        .map(|r| r.threatened.as_ref().map_or(0, |t| u64::from(t.value)))
        .collect();
    let point = points[rng.pick(&weights).ok_or(NoDraw::NoHazardPoint)?];
    let hazard = point.hazard.as_ref().map_or("", |h| h.as_str());
    let plans = plans_of(repo, hazard);
    let mut levels: Vec<ResponseLevel> = plans
        .iter()
        .flat_map(|p| p.meta.response.iter().map(|r| r.level.value))
        .collect();
    levels.sort();
    levels.dedup();
    let level_weights: Vec<u64> = levels
        .iter()
        .map(|l| match l {
            ResponseLevel::IV => 4,
            ResponseLevel::III => 3,
            ResponseLevel::II => 2,
            ResponseLevel::I => 1,
        })
        .collect();
    let level = rng
        .pick(&level_weights)
        .map_or(ResponseLevel::IV, |i| levels[i]);
    let (first, last) = match &drill.window {
        Some(w) => (w.from.value.day_number(), w.until.value.day_number()),
        None => {
            let day = drill.scenario.date.value.day_number();
            (day, day)
        }
    };
    let days = u64::try_from(last - first + 1).unwrap_or(1).max(1);
    let day = first + i64::try_from(rng.next() % days).unwrap_or(0);
    let date = Date::from_day_number(day).unwrap_or(drill.scenario.date.value);
    let minutes = 8 * 60 + (rng.next() % 60) as u16 * 10;
    Ok(written(
        repo,
        drill,
        point,
        level,
        date,
        ClockTime { minutes },
    ))
}

/// The specialised plans of a hazard.
pub fn plans_of<'a>(repo: &'a Repository, hazard: &str) -> Vec<&'a crate::model::Plan> {
    repo.plans
        .iter()
        .filter(|p| p.meta.kind.value == PlanKind::Specialised)
        .filter(|p| p.meta.hazards.iter().any(|h| h.as_str() == hazard))
        .collect()
}

/// The hazard points a scenario can be set at: those with a hazard.
pub fn hazard_points(repo: &Repository) -> Vec<&Resource> {
    repo.registry
        .resources
        .iter()
        .map(|e| &e.value)
        .filter(|r| r.kind.value == ResourceKind::HazardPoint && r.hazard.is_some())
        .collect()
}

/// The name of the hazard `hazard`, as the registry gives it; else its id.
fn hazard_name<'a>(repo: &'a Repository, hazard: &'a str) -> &'a str {
    repo.registry
        .hazards
        .iter()
        .find(|h| h.value.id.as_str() == hazard)
        .map_or(hazard, |h| h.value.name.value.as_str())
}

/// An objective of a drawn drill, tested on response levels.
fn objective(key: &str, text: String, levels: Vec<LevelRef>) -> Objective {
    Objective {
        id: id(key),
        text: spanned(text),
        duties: Vec::new(),
        levels,
    }
}

/// A response level of a plan, as an objective names it.
fn level_ref(plan: &str, level: ResponseLevel) -> LevelRef {
    LevelRef {
        plan: id(plan),
        level: spanned(level),
    }
}

/// A stage `minutes` into the scenario, told by `text`, with one reading.
fn stage(minutes: u32, text: String, metric: &str, value: f64) -> Stage {
    Stage {
        at: spanned(Deadline { minutes }),
        text: spanned(text),
        readings: vec![Reading {
            metric: id(metric),
            value: spanned(value),
        }],
        hazards: Vec::new(),
    }
}

/// The first of `plans` with a level more severe than `level`: its id, the next such level and
/// that level's first criterion with a threshold.
fn next_level<'a>(
    plans: &[&'a crate::model::Plan],
    level: ResponseLevel,
) -> Option<(&'a str, ResponseLevel, &'a Criterion)> {
    plans.iter().find_map(|p| {
        let mut more: Vec<_> = p
            .meta
            .response
            .iter()
            .filter(|r| r.level.value < level)
            .collect();
        more.sort_by_key(|r| std::cmp::Reverse(r.level.value));
        let r = more.first()?;
        let c = r
            .criteria
            .iter()
            .find(|c| c.metric.is_some() && c.at_least.is_some() && c.all_of.is_empty())?;
        Some((p.meta.id.as_str(), r.level.value, c))
    })
}

/// `drill` with a scenario at the hazard point `point`, at `level`, starting on `date` at
/// `time`: its elements written from the registry, an escalation stage an hour in, objectives
/// for the levels it reaches, every activated organisation taking part.
pub fn written(
    repo: &Repository,
    drill: &Drill,
    point: &Resource,
    level: ResponseLevel,
    date: Date,
    time: ClockTime,
) -> Drill {
    let hazard = point.hazard.as_ref().map_or("", |h| h.as_str());
    let plans = plans_of(repo, hazard);
    let threatened = point.threatened.as_ref().map_or(0, |t| t.value);
    let hazard_name = hazard_name(repo, hazard);
    let name = point.name.value.as_str();
    let address = point
        .place
        .as_ref()
        .and_then(|p| p.address.as_ref())
        .map(|a| a.value.as_str());
    let mut stages = vec![stage(
        0,
        format!("隐患点监测员报告：{name}出现{hazard_name}险情征兆，{threatened}人受威胁。"),
        "threatened",
        f64::from(threatened),
    )];
    let mut objectives = vec![objective(
        "obj-response",
        format!("检验接报后按{}应急响应开展先期处置和信息报告。", level.zh()),
        plans
            .iter()
            .map(|p| level_ref(p.meta.id.as_str(), level))
            .collect(),
    )];
    // The next more severe level's first criterion with a threshold, met an hour in.
    if let Some((plan, to, criterion)) = next_level(&plans, level) {
        let metric = criterion.metric.as_ref().map_or("", |m| m.as_str());
        let value = criterion.at_least.as_ref().map_or(0.0, |v| v.value);
        stages.push(stage(
            60,
            format!("险情发展：{}。", criterion.text.value),
            metric,
            value,
        ));
        objectives.push(objective(
            "obj-escalate",
            format!("检验按启动条件研判并升级至{}应急响应。", to.zh()),
            vec![level_ref(plan, to)],
        ));
    }
    let scenario = DrillScenario {
        hazard: id(hazard),
        place: id(point.id.as_str()),
        level: spanned(level),
        date: spanned(date),
        time: spanned(time),
        state: spanned(format!(
            "{name}{}出现{hazard_name}险情征兆，受威胁群众{threatened}人。",
            address.map(|a| format!("（{a}）")).unwrap_or_default()
        )),
        extent: Some(spanned(format!(
            "{name}及其影响范围，受威胁群众{threatened}人。"
        ))),
        surroundings: address.map(|a| spanned(format!("隐患点位于{a}。"))),
        consequences: Some(spanned(format!(
            "如处置不及时，{hazard_name}可能造成人员伤亡和财产损失。"
        ))),
        stages,
    };
    Drill {
        scenario,
        objectives,
        // Who takes part is what the plans activate: a list fixed in advance would tell the
        // participants where.
        participants: Vec::new(),
        ..drill.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_generator_is_splitmix64() {
        // The first outputs for seed 0, as the reference implementation gives them.
        let mut rng = Rng(0);
        assert_eq!(rng.next(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next(), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn picks_follow_the_weights() {
        let mut rng = Rng(7);
        let mut counts = [0u32; 3];
        for _ in 0..10_000 {
            counts[rng.pick(&[1, 0, 3]).unwrap()] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((2200..2800).contains(&counts[0]), "{counts:?}");
        assert_eq!(rng.pick(&[0, 0]), None);
    }
}
