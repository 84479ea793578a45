//! The front matter of a plan file: the structured part of an emergency plan.
//!
//! Every field that names something defined elsewhere (a plan, an organisation, a hazard, a
//! resource, a post, a duty) is a `Spanned<Id>`, so a diagnostic can point at the exact token.

use schemars::JsonSchema;
use serde::Deserialize;

use super::span::Spanned;
use super::values::{
    Date, Deadline, MonthDay, PlanKind, PlanScope, ResponseLevel, Timing, WarningLevel,
};

/// An identifier: lower-case ASCII letters, digits and `-`, as in `qu-shuiliju`.
pub type Id = Spanned<Box<str>>;

/// The YAML front matter of one plan (`---` ... `---` at the top of a Markdown file).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "emplan plan front matter")]
pub struct PlanMeta {
    /// Stable id of the plan, unique in the repository.
    pub id: Id,
    /// Tier of the plan in the plan system.
    pub kind: Spanned<PlanKind>,
    /// `comprehensive` (default) for an organisation's overall plan, `hazard` for a plan on one
    /// hazard beside it (a township's 防汛避险转移预案, an enterprise's specialised plan).
    #[serde(default)]
    pub scope: Option<Spanned<PlanScope>>,
    /// Full Chinese title, e.g. 利州区防汛抗旱应急预案.
    pub title: Spanned<String>,
    /// The official document the plan was issued with (文号, 印发机关, 主送, 年度).
    #[serde(default)]
    pub document: Option<DocumentMeta>,
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
    /// Seasons with their dates (防火期, 汛期), which criteria and warnings can refer to.
    #[serde(default)]
    pub seasons: Vec<Season>,
    /// How the plan counts its thresholds (本预案所称“以上”含本数，“以下”不含本数).
    #[serde(default)]
    pub counting: Option<Counting>,
    /// Grading of the event itself (事件分级), apart from the response level it starts.
    #[serde(default)]
    pub grading: Vec<EventGrade>,
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
    /// How people are moved out of danger (转移避险), in township and village plans.
    #[serde(default)]
    pub evacuation: Option<Evacuation>,
    /// Version, issue, filing, assessment and revision history.
    #[serde(default)]
    pub lifecycle: Option<Lifecycle>,
    /// The parents' warning and response levels as they read when this plan's levels were last
    /// aligned with them (`emplan review` writes it). When a parent's levels change, T105
    /// reports this plan as suspect until it is reviewed again.
    #[serde(default)]
    pub aligned: Vec<Aligned>,
}

/// A fingerprint of one parent plan's levels, recorded at the last review.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aligned {
    /// The parent plan, by id.
    pub plan: Id,
    /// Fingerprint of its warning and response levels and their criteria.
    pub reviewed: Spanned<String>,
}

/// The official document a plan was issued with (红头文件).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// Document number (文号), e.g. 广利府办发〔2023〕3号.
    #[serde(default)]
    pub number: Option<Spanned<String>>,
    /// Office that issued it (印发), e.g. the government's general office, by organisation id.
    /// The body whose approval it carries (经区政府同意) is `lifecycle.approved_by`.
    #[serde(default)]
    pub issued_by: Option<Id>,
    /// Date of signing (签发).
    #[serde(default)]
    pub signed: Option<Spanned<Date>>,
    /// Date of publication (公开发布), where it differs from the date of issue.
    #[serde(default)]
    pub published: Option<Spanned<Date>>,
    /// Addressees (主送), as the document writes them: 各乡镇人民政府、街道办事处，区级各部门.
    #[serde(default)]
    pub addressees: Vec<Spanned<String>>,
    /// The year an annual plan is for (2024年度).
    #[serde(default)]
    pub year: Option<Spanned<u32>>,
    /// Last day the plan is in force, where the document sets one.
    #[serde(default)]
    pub valid_until: Option<Spanned<Date>>,
}

/// A season that comes back every year, such as the fire-prevention period (森林防火期).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Season {
    /// Id of the season, unique within the plan.
    pub id: Id,
    /// Chinese name, e.g. 森林防火期.
    pub name: Spanned<String>,
    /// First day, `MM-DD`.
    pub from: Spanned<MonthDay>,
    /// Last day, `MM-DD`; before `from` for a season over the new year (11-01 to 04-30).
    pub until: Spanned<MonthDay>,
}

/// Whether a plan's 以上 and 以下 include the number. The national convention, and the default:
/// 以上含本数，以下不含本数 (`at_least` includes its value, `below` excludes its own).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counting {
    /// 以上 includes the number (`at_least: 10` is met by 10). Default true.
    #[serde(default)]
    pub above_includes: Option<Spanned<bool>>,
    /// 以下 includes the number (`below: 10` is met by 10). Default false.
    #[serde(default)]
    pub below_includes: Option<Spanned<bool>>,
}

/// One grade of the event (事件分级: 特别重大 / 重大 / 较大 / 一般) with the criteria that make
/// an event of that grade.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventGrade {
    /// The grade, written like a response level: I (特别重大) to IV (一般).
    pub grade: Spanned<ResponseLevel>,
    /// Grade name as the plan writes it.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// Any criterion met makes the event of this grade.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

impl PlanMeta {
    /// Every criterion of the plan: of its event grades, warnings and response levels, and the
    /// conditions inside them (`all_of`), depth first.
    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        let top = self.grading.iter().flat_map(|g| &g.criteria);
        let top = top.chain(self.warning.iter().flat_map(|w| &w.criteria));
        let mut top = top.chain(self.response.iter().flat_map(|r| &r.criteria));
        // The conditions still to visit, innermost last; empty (and unallocated) for the
        // criteria most plans have.
        let mut inside: Vec<std::slice::Iter<'_, Criterion>> = Vec::new();
        std::iter::from_fn(move || {
            let next = loop {
                match inside.last_mut() {
                    Some(conditions) => match conditions.next() {
                        Some(c) => break c,
                        None => {
                            inside.pop();
                        }
                    },
                    None => break top.next()?,
                }
            };
            if !next.all_of.is_empty() {
                inside.push(next.all_of.iter());
            }
            Some(next)
        })
    }

    /// The posts that hold a command role in this plan: the HQ's commander, commissar, deputies
    /// and office heads, the field HQ's commander, the commanders of its response levels and the
    /// posts that decide on them. Work these posts do is command, not a duty of their
    /// organisation.
    pub fn command_posts(&self) -> Vec<&str> {
        self.command_post_ids()
            .into_iter()
            .map(|id| id.as_str())
            .collect()
    }

    /// [`PlanMeta::command_posts`], each where the plan names it.
    pub fn command_post_ids(&self) -> Vec<&Id> {
        let mut out: Vec<&Id> = Vec::new();
        if let Some(c) = &self.command {
            out.extend(c.posts().map(|(_, post)| post));
        }
        for level in &self.response {
            out.extend(&level.commander);
            out.extend(level.decided_by.iter().flat_map(|d| &d.posts));
        }
        out
    }

    /// Every action of the plan's warning and response levels.
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.warning
            .iter()
            .flat_map(|w| &w.actions)
            .chain(self.response.iter().flat_map(|r| &r.actions))
    }
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
    /// Post of the political commissar (政委), where the party secretary serves as one.
    #[serde(default)]
    pub commissar: Option<Id>,
    /// Post of the executive deputy commander (常务副指挥长).
    #[serde(default)]
    pub executive_deputy: Option<Id>,
    /// Posts of the deputy commanders (副指挥长), in their order of rank.
    #[serde(default)]
    pub deputies: Vec<Id>,
    /// Organisation that hosts the HQ office (指挥部办公室).
    #[serde(default)]
    pub office: Option<Id>,
    /// Post of the office director (办公室主任).
    #[serde(default)]
    pub office_director: Option<Id>,
    /// Posts of the office's deputy directors (办公室副主任).
    #[serde(default)]
    pub office_deputies: Vec<Id>,
    /// The field HQ (现场指挥部) set up at the scene.
    #[serde(default)]
    pub field: Option<FieldCommand>,
    /// Member units (成员单位), by organisation id.
    #[serde(default)]
    pub members: Vec<Id>,
    /// Working groups (工作组) formed in a response.
    #[serde(default)]
    pub groups: Vec<Group>,
}

impl Command {
    /// Every post of the HQ with its seat, in rank order: commander, commissar, executive
    /// deputy, deputies, office director and deputies, field commander. The one list of an HQ's
    /// posts: every stage that asks which posts an HQ has reads it (a test generated from the
    /// schema's post fields holds it to the type).
    pub fn posts(&self) -> impl Iterator<Item = (Seat, &Id)> {
        fn one(seat: Seat, post: &Option<Id>) -> Option<(Seat, &Id)> {
            post.as_ref().map(|p| (seat, p))
        }
        let field = self.field.as_ref().and_then(|f| f.commander.as_ref());
        one(Seat::Commander, &self.commander)
            .into_iter()
            .chain(one(Seat::Commissar, &self.commissar))
            .chain(one(Seat::ExecutiveDeputy, &self.executive_deputy))
            .chain(self.deputies.iter().map(|p| (Seat::Deputy, p)))
            .chain(one(Seat::OfficeDirector, &self.office_director))
            .chain(self.office_deputies.iter().map(|p| (Seat::OfficeDeputy, p)))
            .chain(field.map(|p| (Seat::FieldCommander, p)))
    }
}

/// A seat of a command HQ: the field of [`Command`] (or its field HQ) that names a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Seat {
    /// 指挥长
    Commander,
    /// 政委
    Commissar,
    /// 常务副指挥长
    ExecutiveDeputy,
    /// 副指挥长
    Deputy,
    /// 办公室主任
    OfficeDirector,
    /// 办公室副主任
    OfficeDeputy,
    /// 现场指挥长
    FieldCommander,
}

impl Seat {
    /// The seat's Chinese title.
    pub fn zh(self) -> &'static str {
        match self {
            Seat::Commander => "指挥长",
            Seat::Commissar => "政委",
            Seat::ExecutiveDeputy => "常务副指挥长",
            Seat::Deputy => "副指挥长",
            Seat::OfficeDirector => "办公室主任",
            Seat::OfficeDeputy => "办公室副主任",
            Seat::FieldCommander => "现场指挥长",
        }
    }

    /// Whether the seat leads the response (commander, commissar, executive deputy, field
    /// commander) rather than assisting it (deputies, the office).
    pub fn leads(self) -> bool {
        matches!(
            self,
            Seat::Commander | Seat::Commissar | Seat::ExecutiveDeputy | Seat::FieldCommander
        )
    }
}

/// The field HQ (现场指挥部).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldCommand {
    /// Name, e.g. 森林火灾现场指挥部.
    pub name: Spanned<String>,
    /// Organisation that leads it, or `event-township`: the township or street where the event
    /// is (由事发地乡镇人民政府牵头).
    #[serde(default)]
    pub led_by: Option<Id>,
    /// Post of the field commander (现场指挥长).
    #[serde(default)]
    pub commander: Option<Id>,
}

/// The `led_by` of a field HQ led by the township where the event is.
pub const EVENT_TOWNSHIP: &str = "event-township";

/// A working group (工作组) or expert group (专家组) of the command HQ.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Id of the group, unique within the plan.
    pub id: Id,
    /// Chinese name, e.g. 抢险救援组.
    pub name: Spanned<String>,
    /// Organisation that leads the group (牵头单位); an expert group may have none.
    #[serde(default)]
    pub lead: Option<Id>,
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
    /// Fingerprint of the duty as it read when a person last checked that this plan still
    /// carries it out (`emplan review` writes it). When the duty changes, T105 reports this
    /// acceptance as suspect until it is reviewed again.
    #[serde(default)]
    pub reviewed: Option<Spanned<String>>,
}

/// One warning level (预警级别) with the criteria for issuing it. A warning the plan does not
/// grade by colour (高火险预警, a township's 预警) has a `name` and no `level`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WarningDef {
    #[serde(default)]
    pub level: Option<Spanned<WarningLevel>>,
    /// Name of the warning as the plan writes it.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
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
    /// Grades of the event (see `grading`) this level responds to.
    #[serde(default)]
    pub grades: Vec<Spanned<ResponseLevel>>,
    /// The parent plans' response levels at which this level starts, for a plan that grades
    /// differently from its parents (a township with two levels under a district with four:
    /// its level I starts at the district's I and II). Without it, a parent's level starts
    /// the same level here, or the nearest one this plan has.
    #[serde(default)]
    pub parent_levels: Vec<Spanned<ResponseLevel>>,
    /// Who decides to activate the level.
    #[serde(default)]
    pub decided_by: Option<Decision>,
    /// When the level is activated; any criterion met activates it.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// What each organisation does, with time limits.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// Who decides to activate a response level: "经办公室分析评估，由常务副指挥长及办公室主任共同
/// 研究决定启动".
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Organisation that assesses the situation and proposes the level (often the HQ office's
    /// host).
    #[serde(default)]
    pub assessed_by: Option<Id>,
    /// Posts that decide, together when there are several.
    #[serde(default)]
    pub posts: Vec<Id>,
}

/// An activation criterion. `metric` + `at_least` (and `below`) make it comparable across plans;
/// `text` is what the plan says.
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
    /// The criterion is met when the metric reaches this value (以上).
    /// A finite number, 0 or more.
    #[serde(default)]
    #[schemars(range(min = 0))]
    pub at_least: Option<Spanned<f64>>,
    /// ... and stays under this one (以下): `at_least: 1, below: 3` is 1至3人 as the plan counts.
    /// A finite number, 0 or more.
    #[serde(default)]
    #[schemars(range(min = 0))]
    pub below: Option<Spanned<f64>>,
    /// Conditions that must all hold as well (重伤1至3人 **and** 明火未扑灭).
    #[serde(default)]
    pub all_of: Vec<Criterion>,
    /// Seasons (ids from `seasons`) during which alone the criterion applies.
    #[serde(default)]
    pub during: Vec<Id>,
    /// Seasons outside which alone the criterion applies (4 h uncontrolled outside the fire
    /// season, where 2 h applies during it).
    #[serde(default)]
    pub outside: Vec<Id>,
    /// The criterion is an order from a higher authority (上级要求启动), by organisation id.
    #[serde(default)]
    pub ordered_by: Option<Box<Id>>,
}

/// An action (响应措施) taken at a warning or response level. Its actor is an organisation, a
/// post, or one of several posts; one of `org`, `post` and `posts` is given.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Organisation that acts.
    #[serde(default)]
    pub org: Option<Id>,
    /// Post that acts (指挥长率工作组赴现场).
    #[serde(default)]
    pub post: Option<Box<Id>>,
    /// Posts one of which acts (指挥长或其委托的副指挥长).
    #[serde(default)]
    pub posts: Vec<Id>,
    /// The duty of this plan the action carries out, by duty id.
    #[serde(default)]
    pub duty: Option<Id>,
    /// What is done.
    #[serde(rename = "do")]
    pub what: Spanned<String>,
    /// Time limit from activation, e.g. `30m`.
    #[serde(default)]
    pub within: Option<Spanned<Deadline>>,
    /// `immediately` (立即) or `as-needed` (视情), where the plan says so.
    #[serde(default)]
    pub timing: Option<Spanned<Timing>>,
    /// Body asked for help (向市应急管理局申请航空灭火支援), by organisation id.
    #[serde(default)]
    pub request_to: Option<Box<Id>>,
    /// Teams sent (调派), by resource id.
    #[serde(default)]
    pub dispatch: Vec<Id>,
    /// Teams put on alert (预置、待命), by resource id.
    #[serde(default)]
    pub alert: Vec<Id>,
    /// Where the action is a report: the organisation it goes to (区应急指挥中心 is hosted by the
    /// emergency bureau); `within` is its deadline.
    #[serde(default)]
    pub report_to: Option<Box<Id>>,
}

/// How people are moved out of danger (转移避险): who orders it, the signals, and for each
/// danger zone its people, who answers for them, the routes and where they go.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evacuation {
    /// Posts that may order evacuation (下达转移指令).
    #[serde(default)]
    pub ordered_by: Vec<Id>,
    /// Warning signals (锣、哨、广播) and what each means.
    #[serde(default)]
    pub signals: Vec<Signal>,
    /// Danger zones (危险区).
    #[serde(default)]
    pub zones: Vec<Zone>,
}

/// A warning signal of an evacuation.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// The means, as the plan writes it: 锣, 哨, 广播, 手摇报警器.
    pub means: Spanned<String>,
    /// What it tells people, e.g. 准备转移 or 立即转移.
    pub meaning: Spanned<String>,
}

/// A danger zone and the people in it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Id of the zone, unique within the plan.
    pub id: Id,
    /// Chinese name, e.g. 清江河沿岸低洼区.
    pub name: Spanned<String>,
    /// Hazard that threatens it, by hazard id.
    #[serde(default)]
    pub hazard: Option<Id>,
    /// Hazard points in it, by resource id.
    #[serde(default)]
    pub points: Vec<Id>,
    /// Households and people threatened.
    #[serde(default)]
    pub households: Option<Spanned<u32>>,
    #[serde(default)]
    pub people: Option<Spanned<u32>>,
    /// Who answers for each village and group (包村包组责任人).
    #[serde(default)]
    pub in_charge: Vec<InCharge>,
    /// Routes out (转移路线), as the plan describes them.
    #[serde(default)]
    pub routes: Vec<Spanned<String>>,
    /// Where people go, by event (堤防溃决时转移至……).
    #[serde(default)]
    pub destinations: Vec<Destination>,
}

/// The person who answers for moving one village or group.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InCharge {
    /// Village or community, by organisation id.
    pub village: Id,
    /// Villagers' group (村民小组), as written: 1-3组.
    #[serde(default)]
    pub group: Option<Spanned<String>>,
    /// The person, by contact id.
    pub contact: Id,
}

/// Where people go; `when` names the event when it is not always the same place.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Destination {
    /// Shelters, by resource id.
    #[serde(default)]
    pub shelters: Vec<Id>,
    /// A place that is not a registered shelter, as written.
    #[serde(default)]
    pub place: Option<Spanned<String>>,
    /// The event this destination is for (堤防溃决时), if not every one.
    #[serde(default)]
    pub when: Option<Spanned<String>>,
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
