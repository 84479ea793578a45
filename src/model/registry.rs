//! Registry files: what plans refer to (organisations, hazards, metrics, resources, posts,
//! contacts). Any `.yaml` file in the repository may hold any of these sections.

use schemars::JsonSchema;
use serde::Deserialize;

use super::plan::Id;
use super::span::Spanned;
use super::values::Date;

/// One registry file. Every section is optional, so a large repository can split them.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "emplan registry file")]
pub struct RegistryFile {
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub hazards: Vec<Hazard>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    #[serde(default)]
    pub posts: Vec<Post>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Plans kept outside this repository that its plans refer to (the city's plans).
    #[serde(default)]
    pub external_plans: Vec<ExternalPlan>,
    /// How travel times are reckoned from coordinates, and the roads that are slower than that.
    #[serde(default)]
    pub travel: Option<Travel>,
    /// Drills held before the repository kept their records (演练台账): the date and the plans
    /// each one exercised. A drill with a `*.record.yaml` needs no entry here.
    #[serde(default)]
    pub drill_log: Vec<HeldDrill>,
}

/// A drill as the drill ledger (演练台账) lists it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeldDrill {
    /// Day the drill was held.
    pub date: Spanned<Date>,
    /// Title, e.g. 2025年白朝乡森林火灾应急演练.
    pub title: Spanned<String>,
    /// The plans it exercised, by plan id.
    pub plans: Vec<Id>,
    /// Organisations that took part, by organisation id (a township's drill counts for its
    /// "six haves").
    #[serde(default)]
    pub participants: Vec<Id>,
}

/// How long it takes to get from one place to another: the straight-line distance between two
/// coordinates, times a road factor, at an average speed; or the minutes of a known route.
///
/// A district knows the coordinates of its township seats, bases and hazard points (they are on
/// every map and in the hazard-point register), and its emergency office knows which roads are
/// slow. Measuring every pair of places is what nobody can keep up to date.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Travel {
    /// Road distance divided by straight-line distance: a finite number, 1.0 or more (1.6 suits
    /// mountain counties). Default 1.5.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub road_factor: Option<Spanned<f64>>,
    /// Average speed of an emergency vehicle on those roads, in km/h: a finite number, 1 or
    /// more. Default 40.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub speed_kmh: Option<Spanned<f64>>,
    /// Known travel times between two townships that override the estimate (a mountain road,
    /// a ferry, a bridge under repair).
    #[serde(default)]
    pub routes: Vec<Route>,
}

/// A known travel time between two townships, in both directions.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// One end, by township id.
    pub from: Id,
    /// The other end, by township id.
    pub to: Id,
    /// Minutes by road, seat to seat.
    pub minutes: Spanned<u32>,
    /// Why the estimate does not hold (盘山公路, 渡口).
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

/// A point on the map, in decimal degrees (WGS 84 or GCJ-02: the difference, a few hundred
/// metres, does not change a travel time).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    /// Latitude, -90 to 90 (利州区: about 32.4).
    #[schemars(range(min = -90, max = 90))]
    pub lat: Spanned<f64>,
    /// Longitude, -180 to 180 (利州区: about 105.8).
    #[schemars(range(min = -180, max = 180))]
    pub lon: Spanned<f64>,
}

/// A plan kept outside the repository (the city's specialised plan, a neighbour's plan): it can
/// be a parent or be referred to, and no linkage is asked of it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalPlan {
    pub id: Id,
    /// Full Chinese title, e.g. 广元市森林草原火灾应急预案.
    pub title: Spanned<String>,
    /// Organisation that issued it, by organisation id.
    #[serde(default)]
    pub issuer: Option<Id>,
    /// Document number (文号).
    #[serde(default)]
    pub number: Option<Spanned<String>>,
    /// Hazards it covers for this repository, where no plan here does (C101), by hazard id.
    #[serde(default)]
    pub hazards: Vec<Id>,
}

/// An organisation: a government, a department, a township, a village, an enterprise, a team.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    /// Current Chinese name, e.g. 区水利局.
    pub name: Spanned<String>,
    pub kind: Spanned<OrgKind>,
    /// Organisation above this one (a department's government, a village's township).
    #[serde(default)]
    pub parent: Option<Id>,
    /// Duty phone (值班电话).
    #[serde(default)]
    pub duty_phone: Option<Spanned<String>>,
    /// Names this organisation had before; using one after `until` is an error.
    #[serde(default)]
    pub former_names: Vec<FormerName>,
    /// Set when the organisation no longer exists.
    #[serde(default)]
    pub dissolved: Option<Dissolution>,
    /// True for a body outside the repository's plan system (the city's HQ, a neighbouring
    /// county): it may be named, asked for help and reported to, and no plan of it is expected
    /// here.
    #[serde(default)]
    pub external: bool,
    /// Where its seat is (a township's government, a village committee, a base).
    #[serde(default)]
    pub at: Option<Coordinates>,
    /// Jurisdictions outside the repository that this township borders (昭化区), by
    /// organisation id: a joint plan with one of them activates for an event here.
    #[serde(default)]
    pub borders: Vec<Id>,
    /// Designations the rules read: `key-earthquake-zone` (地震重点防御区, C106 asks for a
    /// satellite phone), and any tag `emplan.toml` gives a tighter drill interval
    /// (`flood-prone`).
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OrgKind {
    /// A people's government (区政府, or a neighbouring county's).
    Government,
    /// A department or agency of a government (区水利局, 区消防救援大队).
    Department,
    /// A township government or street office (乡镇人民政府/街道办事处).
    Township,
    /// A villagers' or residents' committee (村/社区).
    Village,
    /// An enterprise or public institution (企业/事业单位).
    Enterprise,
    /// A rescue team that is an organisation in its own right.
    Team,
    /// A command HQ or committee (指挥部, 应急委员会).
    Committee,
}

/// A name an organisation used to have.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    pub name: Spanned<String>,
    /// Last day the name was valid.
    pub until: Spanned<Date>,
}

/// The end of an organisation.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dissolution {
    pub date: Spanned<Date>,
    /// Organisation that took over its duties.
    #[serde(default)]
    pub successor: Option<Id>,
}

/// A hazard or event type (灾种/事件类型).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    pub id: Id,
    pub name: Spanned<String>,
    pub category: Spanned<HazardCategory>,
    /// Hazards this one can trigger (灾害链), e.g. rainstorm -> flood, landslide.
    #[serde(default)]
    pub triggers: Vec<Id>,
    /// Metrics that grade this hazard, by metric id.
    #[serde(default)]
    pub metrics: Vec<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HazardCategory {
    /// 自然灾害
    Natural,
    /// 事故灾难
    Accident,
    /// 公共卫生事件
    PublicHealth,
    /// 社会安全事件
    SocialSecurity,
}

/// A measured quantity used in activation criteria.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: Id,
    /// Chinese name, e.g. 死亡人数.
    pub name: Spanned<String>,
    /// Unit, e.g. 人, mm, 万元.
    pub unit: Spanned<String>,
}

/// A resource: a team, a warehouse, a shelter, equipment, a monitor or a hazard point.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: Id,
    pub kind: Spanned<ResourceKind>,
    pub name: Spanned<String>,
    /// Organisation that keeps or commands it.
    pub org: Id,
    /// Where it is.
    #[serde(default)]
    pub place: Option<Place>,
    /// Number of people (teams).
    #[serde(default)]
    pub size: Option<Spanned<u32>>,
    /// Number of people it can take (shelters).
    #[serde(default)]
    pub capacity: Option<Spanned<u32>>,
    /// Number of units (equipment).
    #[serde(default)]
    pub quantity: Option<Spanned<u32>>,
    /// Stock held (warehouses).
    #[serde(default)]
    pub stock: Vec<Stock>,
    /// Hazard of a hazard point or monitor, by hazard id.
    #[serde(default)]
    pub hazard: Option<Id>,
    /// People threatened (hazard points).
    #[serde(default)]
    pub threatened: Option<Spanned<u32>>,
    /// Contact for call-up, by contact id.
    #[serde(default)]
    pub contact: Option<Id>,
    /// Hazards a team is trained and equipped for, by hazard id.
    #[serde(default)]
    pub capabilities: Vec<Id>,
    /// Minutes a team needs to assemble and set off (集结出发), before the drive.
    #[serde(default)]
    pub muster_minutes: Option<Spanned<u32>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceKind {
    /// 救援队伍
    Team,
    /// 物资储备库
    Warehouse,
    /// 应急避难场所
    Shelter,
    /// 装备 (satellite phones, pumps, generators)
    Equipment,
    /// 监测站点
    Monitor,
    /// 隐患点 (地质灾害隐患点, 危险源)
    HazardPoint,
}

/// Where a resource is.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Township or street it lies in, by organisation id.
    pub township: Id,
    /// Village or community it lies in, by organisation id.
    #[serde(default)]
    pub village: Option<Id>,
    /// Address or description.
    #[serde(default)]
    pub address: Option<Spanned<String>>,
    /// Its own coordinates; without them, those of its village, then of its township.
    #[serde(default)]
    pub at: Option<Coordinates>,
}

/// One line of a warehouse's stock.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stock {
    pub item: Spanned<String>,
    pub quantity: Spanned<u32>,
    pub unit: Spanned<String>,
}

/// A post (岗位): a role held by a person, such as 指挥长 or 值班员.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    pub id: Id,
    /// Chinese title, e.g. 区防汛抗旱指挥部指挥长.
    pub title: Spanned<String>,
    /// Organisation the post belongs to.
    pub org: Id,
    /// Contact who holds the post.
    #[serde(default)]
    pub holder: Option<Id>,
    /// Contact who stands in (AB角).
    #[serde(default)]
    pub deputy: Option<Id>,
}

/// A person to call. All contacts in the sample are fictional.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: Id,
    pub name: Spanned<String>,
    #[serde(default)]
    pub org: Option<Id>,
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    #[serde(default)]
    pub mobile: Option<Spanned<String>>,
    /// Day the details were last confirmed with the person (Q102).
    #[serde(default)]
    pub verified: Option<Spanned<Date>>,
}
