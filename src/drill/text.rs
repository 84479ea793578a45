//! Text helpers: stages, places, senders, readings and numbers as the documents write them.

use crate::model::ResponseLevel;
use crate::model::drill::Stage;
use crate::model::index::Index;

/// A level or warning stage of a plan, in Chinese: Ⅲ级应急响应, 黄色预警, or its name.
pub fn stage_zh(name: &str) -> String {
    use crate::model::WarningLevel;
    let (levels, warnings) = (ResponseLevel::ALL, WarningLevel::ALL);
    if let Some(level) = levels.iter().find(|l| l.key() == name) {
        return format!("{}应急响应", level.zh());
    }
    if let Some(warning) = warnings.iter().find(|w| w.key() == name) {
        return warning.zh().to_owned();
    }
    if name.is_empty() {
        return "应急响应".to_owned();
    }
    name.to_owned()
}

/// A place as people say it: a village's committee (清江村村民委员会) by the village's name.
pub fn place_name(name: &str) -> &str {
    name.strip_suffix("村民委员会")
        .map(|n| &name[..n.len() + "村".len()])
        .or_else(|| name.strip_suffix("居民委员会"))
        .unwrap_or(name)
}

/// The body a plan's notices come from: its HQ, else its owner.
pub(super) fn sender<'a>(index: &Index<'a>, plan: &'a str) -> String {
    match index.plans.get(plan) {
        Some(p) => match &p.meta.command {
            Some(c) => c.hq.value.clone(),
            None => index.org_name(p.meta.owner.as_str()).to_owned(),
        },
        None => plan.to_owned(),
    }
}

/// The readings of a stage in Chinese: （24小时降雨量 120mm；死亡人数 1人）.
pub(super) fn readings_zh(index: &Index<'_>, stage: &Stage) -> String {
    if stage.readings.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = stage
        .readings
        .iter()
        .map(|r| {
            let (name, unit) = index
                .metrics
                .get(r.metric.as_str())
                .map(|found| found.value)
                .map_or((r.metric.as_str(), ""), |m| {
                    (m.name.value.as_str(), m.unit.value.as_str())
                });
            format!("{name}{}{unit}", number_zh(r.value.value))
        })
        .collect();
    format!("（{}）", parts.join("；"))
}

/// A number as a person writes it: 120, 2.5.
pub fn number_zh(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
