//! A drill definition (演练): a `*.drill.yaml` file of the plan repository. It names the scenario,
//! the kind of drill, its objectives (each tied to plan duties or response levels) and who takes
//! part; the injects and expected actions of its exercise pack are derived from the plans
//! (`emplan drill new`, docs/drill.md).

use schemars::JsonSchema;
use serde::Deserialize;

use super::plan::Id;
use super::span::Spanned;
use super::values::{ClockTime, Date, Deadline, ResponseLevel};

/// One drill, as planned (`drills/*.drill.yaml`).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "emplan drill definition")]
pub struct Drill {
    /// Stable id of the drill, unique in the repository.
    pub id: Id,
    /// Full Chinese title, e.g. 2026年利州区防汛抢险桌面推演.
    pub title: Spanned<String>,
    /// Organisation that organises the drill (组织单位), by organisation id.
    pub organiser: Id,
    /// Tabletop (桌面) or live (实战).
    pub form: Spanned<DrillForm>,
    /// Single (单项) or combined (综合).
    pub content: Spanned<DrillContent>,
    /// Test (检验性), demonstration (示范性) or research (研究性).
    pub purpose: Spanned<DrillPurpose>,
    /// A double-blind drill (双盲演练): participants are told neither time, place nor scenario.
    #[serde(default)]
    pub double_blind: Option<Spanned<bool>>,
    /// Post of the drill director (演练总指挥), who may call the drill off.
    #[serde(default)]
    pub director: Option<Id>,
    /// What happens, where and when. `emplan drill new --blind --seed N` draws the hazard, the
    /// place, the level and the start from the risk register instead, and writes the scenario's
    /// elements from what the registry says of the place.
    pub scenario: DrillScenario,
    /// The days the start of a drawn scenario falls in; without it, the scenario's date.
    #[serde(default)]
    pub window: Option<Window>,
    /// What the drill is to show (演练目标), each tied to what the plans require.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Organisations that take part (参演单位). Only their duties become injects; without the
    /// list, every organisation the scenario activates takes part.
    #[serde(default)]
    pub participants: Vec<Id>,
    /// Posts of the controllers (导调人员), who deliver the injects.
    #[serde(default)]
    pub controllers: Vec<Id>,
    /// Posts of the evaluators (评估人员).
    #[serde(default)]
    pub evaluators: Vec<Id>,
    /// The MSEL as an organiser edited it and `emplan drill import-msel` checked and wrote it
    /// here; when given, the pack's injects are these instead of the derived ones.
    #[serde(default)]
    pub msel: Vec<MselRow>,
}

/// One row of an imported MSEL, its cells as the sheet has them (the columns of
/// `drill::pack::MSEL_COLUMNS`, the clock time aside, which follows from the scenario time).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MselRow {
    pub id: Spanned<String>,
    /// `T+1:30`.
    pub time: Spanned<String>,
    /// 事件报告, 启动响应, 情景发展, 响应升级, 次生衍生 or 应急备用.
    pub kind: Spanned<String>,
    pub from: Spanned<String>,
    pub to: Spanned<String>,
    pub method: Spanned<String>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub expected: Option<Spanned<String>>,
    /// 30分钟内, 立即, 视情, 未规定.
    #[serde(default)]
    pub due: Option<Spanned<String>>,
    #[serde(default)]
    pub plan: Option<Spanned<String>>,
    /// 职责 ID, Ⅲ级应急响应措施, Ⅲ级响应启动条件.
    #[serde(default)]
    pub clause: Option<Spanned<String>>,
    #[serde(default)]
    pub objective: Option<Spanned<String>>,
    #[serde(default)]
    pub controller: Option<Spanned<String>>,
    #[serde(default)]
    pub chases: Option<Spanned<String>>,
}

/// A span of days, both included.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub from: Spanned<Date>,
    pub until: Spanned<Date>,
}

/// The form of a drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DrillForm {
    /// 桌面演练: discussed around a table with maps and plans.
    Tabletop,
    /// 实战演练: people and equipment move.
    Live,
}

/// The content of a drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DrillContent {
    /// 单项演练: one function (warning, evacuation, communication).
    Single,
    /// 综合演练: several functions and organisations together.
    Combined,
}

/// The purpose of a drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DrillPurpose {
    /// 检验性演练: tests whether the plans work.
    Test,
    /// 示范性演练: shows good practice to others.
    Demonstration,
    /// 研究性演练: tries out new methods or questions of the plans.
    Research,
}

impl Drill {
    /// The plans the drill exercises: those of its objectives' duties and levels, each once,
    /// in the order the objectives name them.
    pub fn plans(&self) -> Vec<&str> {
        let mut plans: Vec<&str> = Vec::new();
        let named = self.objectives.iter().flat_map(|o| {
            let duties = o.duties.iter().map(|d| d.plan.as_str());
            duties.chain(o.levels.iter().map(|l| l.plan.as_str()))
        });
        for plan in named {
            if !plans.contains(&plan) {
                plans.push(plan);
            }
        }
        plans
    }
}

impl DrillForm {
    pub fn zh(self) -> &'static str {
        match self {
            DrillForm::Tabletop => "桌面演练",
            DrillForm::Live => "实战演练",
        }
    }
}

impl DrillContent {
    pub fn zh(self) -> &'static str {
        match self {
            DrillContent::Single => "单项演练",
            DrillContent::Combined => "综合演练",
        }
    }
}

impl DrillPurpose {
    pub fn zh(self) -> &'static str {
        match self {
            DrillPurpose::Test => "检验性演练",
            DrillPurpose::Demonstration => "示范性演练",
            DrillPurpose::Research => "研究性演练",
        }
    }
}

/// The scenario (演练情景), with the elements of AQ/T 9009 and GB/T 46792-2025: time, place,
/// state, extent, surroundings, possible consequences and how it evolves.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillScenario {
    /// The hazard (事件类型), by hazard id.
    pub hazard: Id,
    /// Where it happens: a township, a village or a hazard point, by id.
    pub place: Id,
    /// The response level the event calls for when it is first reported.
    pub level: Spanned<ResponseLevel>,
    /// Day of the scenario.
    pub date: Spanned<Date>,
    /// Time of day the scenario starts (T+0), `HH:MM`.
    pub time: Spanned<ClockTime>,
    /// What has happened when the drill starts (事件状态).
    pub state: Spanned<String>,
    /// How far it reaches (影响范围).
    #[serde(default)]
    pub extent: Option<Spanned<String>>,
    /// What lies around it (周边环境): people, roads, rivers, sites at risk.
    #[serde(default)]
    pub surroundings: Option<Spanned<String>>,
    /// What may follow (可能后果).
    #[serde(default)]
    pub consequences: Option<Spanned<String>>,
    /// How the event evolves (情景演变), in order of time.
    #[serde(default)]
    pub stages: Vec<Stage>,
}

/// One stage of the scenario's evolution.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Scenario time of the stage, from T+0: `0m`, `90m`, `3h`.
    pub at: Spanned<Deadline>,
    /// What the players learn (情景描述).
    pub text: Spanned<String>,
    /// Measured values at this stage; one that meets a more severe level's criterion makes an
    /// escalation inject.
    #[serde(default)]
    pub readings: Vec<Reading>,
    /// Secondary hazards (次生衍生事件) that appear at this stage, by hazard id.
    #[serde(default)]
    pub hazards: Vec<Id>,
}

/// A measured value of a metric (`metric` as in the registry) at a stage.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The metric, by metric id: `rainfall-24h`, `deaths`.
    pub metric: Id,
    /// A finite number; it may be below 0 (a temperature).
    pub value: Spanned<f64>,
}

/// A drill objective (演练目标), tied to the duties and response levels it exercises.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Id of the objective, unique within the drill.
    pub id: Id,
    /// What the drill is to show, e.g. 检验乡镇接报后30分钟内组织危险区群众转移的能力.
    pub text: Spanned<String>,
    /// Plan duties it exercises.
    #[serde(default)]
    pub duties: Vec<DutyRef>,
    /// Response levels it exercises (their activation and actions).
    #[serde(default)]
    pub levels: Vec<LevelRef>,
}

/// A duty of a plan: plan id and the duty's id in it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DutyRef {
    pub plan: Id,
    pub duty: Id,
}

/// A response level of a plan.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRef {
    pub plan: Id,
    pub level: Spanned<ResponseLevel>,
}

/// Whether a file is a drill record by its name: `*.record.yaml` or `*.record.yml`.
pub fn is_record_name(name: &str) -> bool {
    name.ends_with(".record.yaml") || name.ends_with(".record.yml")
}

/// What happened in a drill (演练记录): `*.record.yaml`, written after it by the evaluators.
/// `emplan drill evaluate DRILL` turns it into the summary report; its findings' corrective
/// actions are followed by `check` until they are closed.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "emplan drill record")]
pub struct DrillRecord {
    /// The drill, by id.
    pub drill: Id,
    /// The day it was held.
    pub date: Spanned<Date>,
    /// When it started and ended, `HH:MM`.
    pub start: Spanned<ClockTime>,
    #[serde(default)]
    pub end: Option<Spanned<ClockTime>>,
    /// Where it was held (演练地点), as written.
    pub place: Spanned<String>,
    /// How many people took part (参演人数).
    #[serde(default)]
    pub people: Option<Spanned<u32>>,
    /// The seed, for a drill whose scenario was drawn (`--blind --seed`).
    #[serde(default)]
    pub seed: Option<Spanned<u64>>,
    /// What was seen of each inject's expected action.
    #[serde(default)]
    pub actions: Vec<ActionRecord>,
    /// The rating of each objective.
    #[serde(default)]
    pub objectives: Vec<ObjectiveRecord>,
    /// Problems found (发现的问题), each with its cause and corrective action.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// What went well and what was learnt (经验和教训).
    #[serde(default)]
    pub lessons: Vec<Spanned<String>>,
}

/// P (performed without challenges), S (with some), M (with major challenges), U (unable):
/// the ratings of HSEEP's exercise evaluation guides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Rating {
    P,
    S,
    M,
    U,
}

impl Rating {
    pub fn key(self) -> &'static str {
        match self {
            Rating::P => "P",
            Rating::S => "S",
            Rating::M => "M",
            Rating::U => "U",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Rating::P => "P（顺利完成）",
            Rating::S => "S（基本完成，存在一些问题）",
            Rating::M => "M（完成但存在重大问题）",
            Rating::U => "U（未能完成）",
        }
    }
}

/// When an inject's expected action was done, and how well.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRecord {
    /// The inject, by its MSEL id (`M012`).
    pub inject: Id,
    /// Scenario time it was done at, from T+0 (`25m`, `1h`); none when it was not done.
    #[serde(default)]
    pub done_at: Option<Spanned<Deadline>>,
    #[serde(default)]
    pub rating: Option<Spanned<Rating>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

/// An objective's rating.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveRecord {
    /// The objective, by its id in the drill.
    pub id: Id,
    pub rating: Spanned<Rating>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

/// A problem the drill revealed.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Id of the finding, unique within the record.
    pub id: Id,
    /// What went wrong.
    pub text: Spanned<String>,
    /// Why (原因分析).
    #[serde(default)]
    pub cause: Option<Spanned<String>>,
    /// The objective it falls under, by id.
    #[serde(default)]
    pub objective: Option<Id>,
    /// What is to be changed.
    pub action: CorrectiveAction,
}

/// A corrective action (整改措施) of the improvement plan.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectiveAction {
    pub text: Spanned<String>,
    /// Organisation that answers for it.
    pub owner: Id,
    /// Day it is due.
    pub due: Spanned<Date>,
    /// The plan it changes, by id.
    pub plan: Id,
    /// The duty of that plan it changes, by id.
    #[serde(default)]
    pub duty: Option<Id>,
    /// The chapter it changes, where it is no one duty (its heading, as written).
    #[serde(default)]
    pub chapter: Option<Spanned<String>>,
    /// Day it was done; open until then.
    #[serde(default)]
    pub closed: Option<Spanned<Date>>,
}
