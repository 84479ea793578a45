//! The repository's configuration: `emplan.toml` at its root.
//!
//! [`ConfigFile`] is the file as written, every value with its place so that a mistake in it is
//! located like any other finding; [`Config`] is what the rules read, with the defaults filled
//! in. The file is optional and so is every key in it.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

use super::Span;
use super::values::{Date, PlanKind, PlanScope};

/// A value of `emplan.toml` with the byte range it was written at.
pub type Spanned<T> = toml::Spanned<T>;

/// `emplan.toml` as written.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "emplan configuration (emplan.toml)")]
pub struct ConfigFile {
    /// The day the lifecycle, contact and drill rules count from, `YYYY-MM-DD` [default: the
    /// system's date]. `emplan check --today` overrides it. Set it to review a repository as it
    /// stood on a day, or in a sample that must stay clean.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub as_of: Option<Spanned<ConfigDate>>,
    /// Paths, relative to the repository's root, that emplan does not read: glob patterns with
    /// `*`, `**`, `?` and `[...]`, e.g. `drafts/**` or `**/*.old.md`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Spanned<String>>,
    /// Severity of a rule, by code or name: `off`, `info`, `warning` or `error`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Level>")]
    pub rules: BTreeMap<Spanned<String>, Spanned<Level>>,
    /// The numbers the rules compare against.
    #[serde(default)]
    pub thresholds: ThresholdsFile,
    /// Working days for the filing deadline: public holidays and the weekend days worked
    /// instead (调休), as the State Council's holiday notice sets them each year.
    #[serde(default)]
    pub calendar: CalendarFile,
    /// The chapters (level-2 headings) each kind of plan needs, replacing the built-in list of
    /// rule S301: a kind (`township`), or a kind's hazard plans (`township-hazard`), to a list of
    /// chapters, each one name or alternatives separated by `/` (`组织指挥体系/组织体系`).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub chapters: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    /// How much emplan reads: the guards against hostile files, raised here for honest ones.
    #[serde(default)]
    pub limits: LimitsFile,
}

/// `[limits]`. The defaults are far beyond any real plan or registry; a file that reaches one
/// is reported with the limit's name, so a repository that truly needs more raises it here.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsFile {
    /// Largest file read, in MiB: a larger one is one finding (S101) and is not read.
    /// Default 64; at most 4095 (positions in a file are 32-bit).
    #[schemars(with = "Option<u32>", range(min = 1, max = 4095))]
    pub file_size_mib: Option<Spanned<u32>>,
    /// Deepest nesting of lists and mappings in a YAML document. Default 64; at most 1024.
    #[schemars(with = "Option<u32>", range(min = 1, max = 1024))]
    pub yaml_depth: Option<Spanned<u32>>,
    /// Most nodes that YAML aliases (`*name`) may expand to in one document, or as many as the
    /// file has bytes where that is more: the guard against alias bombs. Default 20000.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub yaml_alias_events: Option<Spanned<u32>>,
}

/// The limits of [`LimitsFile`], defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub file_size_mib: u32,
    pub yaml_depth: u32,
    pub yaml_alias_events: u32,
}

impl Limits {
    /// The most [`LimitsFile::file_size_mib`] may be.
    pub const MAX_FILE_SIZE_MIB: u32 = 4095;
    /// The most [`LimitsFile::yaml_depth`] may be.
    pub const MAX_YAML_DEPTH: u32 = 1024;

    pub fn file_bytes(&self) -> u64 {
        u64::from(self.file_size_mib) << 20
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size_mib: 64,
            yaml_depth: 64,
            yaml_alias_events: 20_000,
        }
    }
}

/// What a rule's findings are reported as; `off` turns the rule off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

/// A date in `emplan.toml`: a TOML date (`2026-12-01`) or a string (`"2026-12-01"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConfigDate(pub Date);

impl<'de> Deserialize<'de> for ConfigDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let text = match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => text,
            toml::Value::Datetime(t) if t.time.is_none() && t.offset.is_none() => t.to_string(),
            other => {
                return Err(D::Error::custom(format!(
                    "expected a date such as 2026-12-01, found {}",
                    other.type_str()
                )));
            }
        };
        Date::parse(&text).map(ConfigDate).ok_or_else(|| {
            D::Error::custom(format!(
                "`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-12-01"
            ))
        })
    }
}

/// `[thresholds]`: every number a rule compares against. A key left out keeps its default.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThresholdsFile {
    /// T101: years between assessments (评估) of a plan. Default 3.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub assessment_years: Option<Spanned<u32>>,
    /// T102: months between drills of a plan, by kind. Defaults: specialised and departmental
    /// 36 (2013 办法 Art. 22), enterprise 12, site 6 (应急管理部令第2号 Art. 33).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, u32>")]
    pub drill_months: BTreeMap<Spanned<String>, Spanned<u32>>,
    /// T102: tighter drill intervals, in months, for plans whose jurisdiction or owner carries
    /// an organisation tag (`flood-prone = 12`): the hazard-prone areas that drill "often".
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, u32>")]
    pub drill_months_tagged: BTreeMap<Spanned<String>, Spanned<u32>>,
    /// T103: working days after issue within which a plan is filed (备案). Default 20 (2024
    /// 办法 Art. 26).
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub filing_working_days: Option<Spanned<u32>>,
    /// C105: least people in a township's emergency team. Default 20.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub township_team_size: Option<Spanned<u32>>,
    /// C105: least people in a village's emergency team. Default 10.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub village_team_size: Option<Spanned<u32>>,
    /// C107: a hazard point that threatens at least this many people needs a site plan.
    /// Default 100.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub site_plan_threatened: Option<Spanned<u32>>,
    /// C104: months within which a township has drilled, for its "six haves". Default 12.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub township_drill_months: Option<Spanned<u32>>,
    /// Q102: months after which a contact's details are due to be verified again. Default 12.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub contact_verified_months: Option<Spanned<u32>>,
}

/// `[calendar]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    /// Public holidays that fall on working days.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub holidays: Vec<Spanned<ConfigDate>>,
    /// Weekend days that are working days (调休上班).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub workdays: Vec<Spanned<ConfigDate>>,
}

/// The configuration the rules read, with every default filled in.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The reference date, when fixed by the file or `--today`.
    pub as_of: Option<Date>,
    /// Rule severities as written: the code or name, where it is written, and the level.
    pub rules: Vec<(String, Span, Level)>,
    pub thresholds: Thresholds,
    pub holidays: HashSet<Date>,
    pub workdays: HashSet<Date>,
    /// Chapters by kind and scope, replacing the built-in ones.
    pub chapters: BTreeMap<(PlanKind, PlanScope), Vec<Vec<String>>>,
    pub limits: Limits,
}

/// The thresholds of [`ThresholdsFile`], defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    pub assessment_years: u32,
    /// Months between drills by kind; a kind not listed is not held to an interval.
    pub drill_months: BTreeMap<PlanKind, u32>,
    pub drill_months_tagged: BTreeMap<String, u32>,
    pub filing_working_days: u32,
    pub township_team_size: u32,
    pub village_team_size: u32,
    pub site_plan_threatened: u32,
    pub township_drill_months: u32,
    pub contact_verified_months: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            assessment_years: 3,
            drill_months: BTreeMap::from([
                (PlanKind::Specialised, 36),
                (PlanKind::Departmental, 36),
                (PlanKind::Enterprise, 12),
                (PlanKind::Site, 6),
            ]),
            drill_months_tagged: BTreeMap::new(),
            filing_working_days: 20,
            township_team_size: 20,
            village_team_size: 10,
            site_plan_threatened: 100,
            township_drill_months: 12,
            contact_verified_months: 12,
        }
    }
}

impl Config {
    /// Whether `day` is a working day: Monday to Friday unless a holiday, or a weekend day
    /// worked instead.
    pub fn is_working_day(&self, day: Date) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        // Day 0 of `Date::day_number` is 1970-01-01, a Thursday.
        let weekday = (day.day_number() + 3).rem_euclid(7); // 0 = Monday
        weekday < 5 && !self.holidays.contains(&day)
    }

    /// The day `n` working days after `start` (the day of issue itself not counted).
    pub fn add_working_days(&self, start: Date, n: u32) -> Date {
        let mut day = start.day_number();
        let mut left = n;
        while left > 0 {
            day += 1;
            match Date::from_day_number(day) {
                Some(d) if self.is_working_day(d) => left -= 1,
                Some(_) => {}
                None => return start,
            }
        }
        Date::from_day_number(day).unwrap_or(start)
    }
}
