//! Small value types of the plan format: kinds, levels, dates and deadlines.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, de};

/// The tier of a plan in the plan system (预案体系).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    /// 总体应急预案: the government's master plan, root of the system.
    Overall,
    /// 专项应急预案: one hazard or event type, drafted by a lead department.
    Specialised,
    /// 部门应急预案: one department's plan.
    Departmental,
    /// 乡镇(街道)应急预案.
    Township,
    /// 村(社区)应急预案.
    Village,
    /// 单位/企业应急预案.
    Enterprise,
    /// 现场处置方案 / 一点一案: one site or hazard point.
    Site,
    /// 联合应急预案: shared with neighbouring jurisdictions.
    Joint,
}

impl PlanKind {
    pub const ALL: [PlanKind; 8] = [
        PlanKind::Overall,
        PlanKind::Specialised,
        PlanKind::Departmental,
        PlanKind::Township,
        PlanKind::Village,
        PlanKind::Enterprise,
        PlanKind::Site,
        PlanKind::Joint,
    ];

    /// The token used in the file format and in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            PlanKind::Overall => "overall",
            PlanKind::Specialised => "specialised",
            PlanKind::Departmental => "departmental",
            PlanKind::Township => "township",
            PlanKind::Village => "village",
            PlanKind::Enterprise => "enterprise",
            PlanKind::Site => "site",
            PlanKind::Joint => "joint",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            PlanKind::Overall => "总体应急预案",
            PlanKind::Specialised => "专项应急预案",
            PlanKind::Departmental => "部门应急预案",
            PlanKind::Township => "乡镇(街道)应急预案",
            PlanKind::Village => "村(社区)应急预案",
            PlanKind::Enterprise => "企业应急预案",
            PlanKind::Site => "现场处置方案",
            PlanKind::Joint => "联合应急预案",
        }
    }
}

/// Warning level (预警级别): 1 is the most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WarningLevel {
    /// 一级 红色
    Red,
    /// 二级 橙色
    Orange,
    /// 三级 黄色
    Yellow,
    /// 四级 蓝色
    Blue,
}

impl WarningLevel {
    /// Every level, the most severe first.
    pub const ALL: [WarningLevel; 4] = [
        WarningLevel::Red,
        WarningLevel::Orange,
        WarningLevel::Yellow,
        WarningLevel::Blue,
    ];

    pub fn key(self) -> &'static str {
        match self {
            WarningLevel::Red => "red",
            WarningLevel::Orange => "orange",
            WarningLevel::Yellow => "yellow",
            WarningLevel::Blue => "blue",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            WarningLevel::Red => "红色预警",
            WarningLevel::Orange => "橙色预警",
            WarningLevel::Yellow => "黄色预警",
            WarningLevel::Blue => "蓝色预警",
        }
    }
}

/// Response level (响应级别): Ⅰ is the most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum ResponseLevel {
    /// Ⅰ级 特别重大
    #[serde(alias = "Ⅰ")]
    I,
    /// Ⅱ级 重大
    #[serde(alias = "Ⅱ")]
    II,
    /// Ⅲ级 较大
    #[serde(alias = "Ⅲ")]
    III,
    /// Ⅳ级 一般
    #[serde(alias = "Ⅳ")]
    IV,
}

impl ResponseLevel {
    /// Every level, the most severe first.
    pub const ALL: [ResponseLevel; 4] = [
        ResponseLevel::I,
        ResponseLevel::II,
        ResponseLevel::III,
        ResponseLevel::IV,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ResponseLevel::I => "I",
            ResponseLevel::II => "II",
            ResponseLevel::III => "III",
            ResponseLevel::IV => "IV",
        }
    }

    /// The grade name that goes with the level in every tier (特别重大 / 重大 / 较大 / 一般).
    pub fn grade_zh(self) -> &'static str {
        match self {
            ResponseLevel::I => "特别重大",
            ResponseLevel::II => "重大",
            ResponseLevel::III => "较大",
            ResponseLevel::IV => "一般",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            ResponseLevel::I => "Ⅰ级",
            ResponseLevel::II => "Ⅱ级",
            ResponseLevel::III => "Ⅲ级",
            ResponseLevel::IV => "Ⅳ级",
        }
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let valid = (1..=12).contains(&date.month)
            && (1..=days_in_month(date.year, date.month)).contains(&date.day);
        valid.then_some(date)
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before it), for counting days between dates.
    pub fn day_number(self) -> i64 {
        // H. Hinnant's days_from_civil, on the proleptic Gregorian calendar.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The same day `n` months later (or earlier, for a negative `n`), or the last day of that
    /// month when it is shorter: 2026-01-31 plus one month is 2026-02-28.
    pub fn plus_months(self, n: i32) -> Date {
        let months = i32::from(self.year) * 12 + i32::from(self.month) - 1 + n;
        let year = u16::try_from(months.div_euclid(12)).unwrap_or(0).min(9999);
        let month = months.rem_euclid(12) as u8 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The date in Chinese: 2026年6月18日.
    pub fn zh(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Today, by the system clock, in UTC.
    pub fn today() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        Date::from_day_number(i64::try_from(days).unwrap_or(0)).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// The date `n` days after 1970-01-01; `None` outside the years 0 to 9999.
    pub fn from_day_number(n: i64) -> Option<Date> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u16::try_from(year).ok().filter(|y| *y <= 9999)?,
            month: month as u8,
            day: day as u8,
        })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a date should look like, as serde reports it (the loader recognises it to word the
/// problem in the user's language).
pub const DATE_EXPECTED: &str = "a date written YYYY-MM-DD";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&text), &DATE_EXPECTED))
    }
}

/// A day of the year written `MM-DD`, for seasons that come back every year (防火期 01-01 to
/// 05-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    pub fn parse(text: &str) -> Option<MonthDay> {
        let (m, d) = text.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (month, day): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
        // 02-29 is a day of the year: a season may end on it in leap years.
        let valid = (1..=12).contains(&month) && (1..=days_in_month(2024, month)).contains(&day);
        valid.then_some(MonthDay { month, day })
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// What a day of the year should look like, as serde reports it (see [`DATE_EXPECTED`]).
pub const MONTH_DAY_EXPECTED: &str = "a day of the year written MM-DD";

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        MonthDay::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &MONTH_DAY_EXPECTED)
        })
    }
}

/// A time of day written `HH:MM` (24-hour clock), kept in minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    pub minutes: u16,
}

impl ClockTime {
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (hour, minute): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (hour < 24 && minute < 60).then_some(ClockTime {
            minutes: hour * 60 + minute,
        })
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

/// What a time of day should look like, as serde reports it (see [`DATE_EXPECTED`]).
pub const CLOCK_TIME_EXPECTED: &str = "a time of day written HH:MM";

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ClockTime::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &CLOCK_TIME_EXPECTED)
        })
    }
}

/// When an action is taken, where the plan says so instead of giving a time limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    /// 立即: at once, on activation.
    Immediately,
    /// 视情: as the situation requires.
    AsNeeded,
}

/// Whether a plan covers everything its organisation faces or one hazard. A township has its
/// overall plan and hazard plans beside it (乡镇防汛避险转移预案); an enterprise its
/// comprehensive plan and specialised plans (GB/T 29639-2020).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PlanScope {
    /// 综合/总体: all hazards of the organisation.
    #[default]
    Comprehensive,
    /// 专项: one hazard or a few (防汛避险转移预案, 森林防火预案).
    Hazard,
}

/// What a time limit should look like, as serde reports it (see [`DATE_EXPECTED`]).
pub const TIME_LIMIT_EXPECTED: &str = "a time limit such as 30m, 2h or 3d";

/// A time limit such as `30m`, `2h` or `3d` (minutes, hours, days), kept in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Deadline {
    pub minutes: u32,
}

impl Deadline {
    pub fn parse(text: &str) -> Option<Deadline> {
        let unit = text.chars().last()?;
        let number: u32 = text[..text.len() - unit.len_utf8()].parse().ok()?;
        let factor = match unit {
            'm' => 1,
            'h' => 60,
            'd' => 24 * 60,
            _ => return None,
        };
        number
            .checked_mul(factor)
            .map(|minutes| Deadline { minutes })
    }

    /// The limit as a deadline, in Chinese: 30分钟内, 2小时内.
    pub fn within_zh(self) -> String {
        format!("{}内", self.zh())
    }

    /// The limit in Chinese: 30分钟, 2小时, 3天.
    pub fn zh(self) -> String {
        let m = self.minutes;
        if m != 0 && m.is_multiple_of(24 * 60) {
            format!("{}天", m / (24 * 60))
        } else if m != 0 && m.is_multiple_of(60) {
            format!("{}小时", m / 60)
        } else {
            format!("{m}分钟")
        }
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.minutes;
        if m != 0 && m.is_multiple_of(24 * 60) {
            write!(f, "{}d", m / (24 * 60))
        } else if m != 0 && m.is_multiple_of(60) {
            write!(f, "{}h", m / 60)
        } else {
            write!(f, "{m}m")
        }
    }
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Deadline::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &TIME_LIMIT_EXPECTED)
        })
    }
}

/// A string schema with a pattern, for the value types that are written as text.
macro_rules! text_schema {
    ($type:ty, $name:literal, $pattern:literal, $description:literal) => {
        impl JsonSchema for $type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                })
            }
        }
    };
}

/// The schema lists the Roman numerals too, which serde accepts as aliases.
impl JsonSchema for ResponseLevel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ResponseLevel".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": ["I", "II", "III", "IV", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"],
            "description": "Response level: I (特别重大, most severe) to IV (一般); Ⅰ-Ⅳ also accepted.",
        })
    }
}

text_schema!(
    Date,
    "Date",
    r"^\d{4}-\d{2}-\d{2}$",
    "A date written YYYY-MM-DD."
);
text_schema!(
    MonthDay,
    "MonthDay",
    r"^\d{2}-\d{2}$",
    "A day of the year written MM-DD, e.g. 01-01 for 1 January."
);
text_schema!(
    ClockTime,
    "ClockTime",
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
    "A time of day on the 24-hour clock: 09:30, 21:05."
);
text_schema!(
    Deadline,
    "Deadline",
    r"^[0-9]+[mhd]$",
    "A time limit in minutes, hours or days: 30m, 2h, 3d."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("2023-1-01"), None);
        assert_eq!(Date::parse("二〇二三年"), None);
    }

    #[test]
    fn days_of_the_year_are_validated() {
        assert_eq!(
            MonthDay::parse("05-31"),
            Some(MonthDay { month: 5, day: 31 })
        );
        assert!(MonthDay::parse("02-29").is_some());
        assert_eq!(MonthDay::parse("02-30"), None);
        assert_eq!(MonthDay::parse("5-31"), None);
    }

    #[test]
    fn day_numbers_count_days() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(
            d("2024-03-01").day_number() - d("2024-02-28").day_number(),
            2
        );
        assert_eq!(
            d("2023-03-01").day_number() - d("2023-02-28").day_number(),
            1
        );
        for s in ["2000-02-29", "2026-12-31", "1999-01-01"] {
            assert_eq!(Date::from_day_number(d(s).day_number()), Some(d(s)));
        }
    }

    #[test]
    fn times_of_day_are_validated() {
        assert_eq!(ClockTime::parse("09:30"), Some(ClockTime { minutes: 570 }));
        assert_eq!(
            ClockTime::parse("23:59").map(|t| t.to_string()).as_deref(),
            Some("23:59")
        );
        assert_eq!(ClockTime::parse("24:00"), None);
        assert_eq!(ClockTime::parse("9:30"), None);
        assert_eq!(ClockTime::parse("09:60"), None);
    }

    #[test]
    fn deadlines_are_minutes() {
        assert_eq!(Deadline::parse("30m"), Some(Deadline { minutes: 30 }));
        assert_eq!(
            Deadline::parse("2h").map(|d| d.to_string()).as_deref(),
            Some("2h")
        );
        assert_eq!(Deadline::parse("3d"), Some(Deadline { minutes: 4320 }));
        assert_eq!(Deadline::parse("3 天"), None);
        assert_eq!(Deadline::parse(""), None);
        assert_eq!(Deadline::parse("99999999d"), None);
    }
}
