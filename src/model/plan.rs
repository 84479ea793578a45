//! The front matter of a plan file: the structured part of an emergency plan.
//!
//! Every field that names something defined elsewhere (a plan, an organisation, a hazard, a
//! resource, a post, a duty) is a `Spanned<Id>`, so a diagnostic can point at the exact token.

use schemars::JsonSchema;
use serde::Deserialize;

use super::span::Spanned;
use super::values::{Date, Deadline, PlanKind, ResponseLevel, WarningLevel};

/// An identifier: lower-case ASCII letters, digits and `-`, as in `qu-shuiliju`.
pub type Id = Spanned<String>;

/// The YAML front matter of one plan (`---` ... `---` at the top of a Markdown file).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "emplan plan front matter")]
pub struct PlanMeta {
    /// Stable id of the plan, unique in the repository.
    pub id: Id,
    /// Tier of the plan in the plan system.
    pub kind: Spanned<PlanKind>,
    /// Full Chinese title, e.g. 利州区防汛抗旱应急预案.
    pub title: Spanned<String>,
    /// Organisation that drafts and maintains the plan. For a specialised plan this is its lead
    /// department (牵头部门); for a township plan the township government.
    pub owner: Id,
    /// Government whose territory the plan covers (an organisation id); defaults to the owner's.
    #[serde(default)]
    pub jurisdiction: Option<Id>,
    /// Plans this plan derives from (上级/相关预案), by plan id.
    #[serde(default)]
    pub parents: Vec<Id>,
    /// Hazards (事件类型) the plan covers, by hazard id.
    #[serde(default)]
    pub hazards: Vec<Id>,
    /// The command structure the plan sets up.
    #[serde(default)]
    pub command: Option<Command>,
    /// Duties this plan assigns, each with an id that is stable within the plan.
    #[serde(default)]
    pub duties: Vec<Duty>,
    /// Duties assigned by other plans that this plan takes up (承接).
    #[serde(default)]
    pub accepts: Vec<Accept>,
    /// Warning levels (预警分级) with their criteria and actions.
    #[serde(default)]
    pub warning: Vec<WarningDef>,
    /// Response levels (响应分级) with activation criteria and actions.
    #[serde(default)]
    pub response: Vec<ResponseDef>,
    /// Resources (teams, warehouses, shelters, equipment, hazard points) the plan relies on.
    #[serde(default)]
    pub resources: Vec<Id>,
    /// Neighbouring jurisdictions (organisation ids) the plan coordinates with.
    #[serde(default)]
    pub neighbours: Vec<Id>,
    /// Version, issue, filing, assessment and revision history.
    #[serde(default)]
    pub lifecycle: Option<Lifecycle>,
}

/// Command structure (组织指挥体系).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// Name of the command HQ (指挥部), e.g. 区防汛抗旱指挥部.
    pub hq: Spanned<String>,
    /// Post of the commander (指挥长), by post id.
    #[serde(default)]
    pub commander: Option<Id>,
    /// Posts of the deputy commanders (副指挥长).
    #[serde(default)]
    pub deputies: Vec<Id>,
    /// Organisation that hosts the HQ office (指挥部办公室).
    #[serde(default)]
    pub office: Option<Id>,
    /// Member units (成员单位), by organisation id.
    #[serde(default)]
    pub members: Vec<Id>,
    /// Working groups (工作组) formed in a response.
    #[serde(default)]
    pub groups: Vec<Group>,
}

/// A working group (工作组) of the command HQ.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Id of the group, unique within the plan.
    pub id: Id,
    /// Chinese name, e.g. 抢险救援组.
    pub name: Spanned<String>,
    /// Organisation that leads the group (牵头单位).
    pub lead: Id,
    /// Other organisations in the group.
    #[serde(default)]
    pub members: Vec<Id>,
    /// What the group does.
    #[serde(default)]
    pub task: Option<Spanned<String>>,
}

/// A duty (职责) that the plan assigns to an organisation.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Id of the duty, unique and stable within the plan; others refer to it as plan + duty.
    pub id: Id,
    /// Organisation that carries the duty.
    pub org: Id,
    /// Post within the organisation that answers for it, by post id.
    #[serde(default)]
    pub post: Option<Id>,
    /// What the organisation must do.
    pub text: Spanned<String>,
    /// Time limit once the plan is activated, e.g. `30m`, `2h`.
    #[serde(default)]
    pub deadline: Option<Spanned<Deadline>>,
}

/// A duty assigned by another plan that this plan takes up (承接).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Accept {
    /// The plan that assigns the duty.
    pub plan: Id,
    /// The duty's id in that plan.
    pub duty: Id,
    /// Where this plan carries it out: the id of one of this plan's own duties, if any.
    #[serde(default, rename = "as")]
    pub as_duty: Option<Id>,
}

/// One warning level (预警级别) with the criteria for issuing it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WarningDef {
    pub level: Spanned<WarningLevel>,
    /// When the warning is issued.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// What each organisation does on this warning.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// One response level (响应级别) with its activation criteria.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseDef {
    pub level: Spanned<ResponseLevel>,
    /// Grade name as the plan writes it (特别重大 / 重大 / 较大 / 一般).
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// Post that leads the response at this level, by post id.
    #[serde(default)]
    pub commander: Option<Id>,
    /// When the level is activated; any criterion met activates it.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// What each organisation does, with time limits.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// An activation criterion. `metric` + `at_least` make it comparable across plans; `text` is
/// what the plan says.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// The criterion as the plan states it.
    pub text: Spanned<String>,
    /// Measured quantity (a metric id from the registry), e.g. `deaths`, `rainfall-24h`.
    #[serde(default)]
    pub metric: Option<Id>,
    /// Hazard the threshold applies to, when the plan covers several.
    #[serde(default)]
    pub hazard: Option<Id>,
    /// The level is activated when the metric reaches this value.
    #[serde(default)]
    pub at_least: Option<Spanned<f64>>,
}

/// An action (响应措施) taken at a warning or response level.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Organisation that acts.
    pub org: Id,
    /// The duty of this plan the action carries out, by duty id.
    #[serde(default)]
    pub duty: Option<Id>,
    /// What is done.
    #[serde(rename = "do")]
    pub what: Spanned<String>,
    /// Time limit from activation, e.g. `30m`.
    #[serde(default)]
    pub within: Option<Spanned<Deadline>>,
}

/// Lifecycle of the plan (预案管理).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lifecycle {
    /// Version label, e.g. `2023.1`.
    pub version: Spanned<String>,
    /// Date of issue (印发).
    #[serde(default)]
    pub issued: Option<Spanned<Date>>,
    /// Body that approved the plan, by organisation id.
    #[serde(default)]
    pub approved_by: Option<Id>,
    /// Filing (备案) with the body above.
    #[serde(default)]
    pub filed: Option<Filing>,
    /// Date of the last assessment (评估).
    #[serde(default)]
    pub assessed: Option<Spanned<Date>>,
    /// Revisions (修订), oldest first.
    #[serde(default)]
    pub revisions: Vec<Revision>,
}

/// Filing (备案) of an issued plan.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    pub date: Spanned<Date>,
    /// Organisation the plan was filed with.
    pub with: Id,
}

/// One revision (修订) of the plan.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub version: Spanned<String>,
    pub date: Spanned<Date>,
    /// Why the plan was revised (2013 办法 Art. 25 / 令2号 Art. 36).
    pub trigger: Spanned<RevisionTrigger>,
    /// What changed.
    pub summary: Spanned<String>,
}

/// Why a plan was revised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionTrigger {
    /// Laws, standards or the parent plan changed.
    Law,
    /// The command body or its duties changed.
    Command,
    /// Major change in risk.
    Risk,
    /// Major change in key resources.
    Resources,
    /// Problems found in a drill or a real response.
    Drill,
    /// First issue of the plan.
    Initial,
    Other,
}
