//! Reads `emplan.toml` into a [`Config`], each mistake kept with its place.

use std::collections::BTreeMap;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::model::config::{
    Config, ConfigFile, Limits, LimitsFile, Spanned, Thresholds, ThresholdsFile,
};
use crate::model::{PlanKind, PlanScope, Span};

/// What reading `emplan.toml` gave: the configuration (defaults where the file is wrong), the
/// paths it ignores, and its mistakes.
pub struct Read {
    pub config: Config,
    pub ignore: GlobSet,
    pub problems: Vec<(Span, String)>,
}

fn span<T>(value: &Spanned<T>) -> Span {
    let range = value.span();
    Span::new(range.start, range.end)
}

/// Reads the text of an `emplan.toml`. A file that is not valid TOML, or has a value of the
/// wrong type, is one problem and the defaults; a value out of its domain is one problem each,
/// and the rest of the file still applies.
pub fn read(text: &str) -> Read {
    let mut problems = Vec::new();
    let file: ConfigFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let at = error
                .span()
                .map_or(Span::default(), |r| Span::new(r.start, r.end));
            problems.push((at, error.message().to_owned()));
            ConfigFile::default()
        }
    };
    let thresholds = thresholds(&file.thresholds, &mut problems);
    let limits = limits(&file.limits, &mut problems);
    let chapters = chapters(&file.chapters, &mut problems);
    let ignore = ignore(&file.ignore, &mut problems);
    let dates = |list: &[Spanned<crate::model::config::ConfigDate>]| {
        list.iter().map(|d| d.get_ref().0).collect()
    };
    let config = Config {
        as_of: file.as_of.as_ref().map(|d| d.get_ref().0),
        rules: file
            .rules
            .iter()
            .map(|(rule, level)| (rule.get_ref().clone(), span(rule), *level.get_ref()))
            .collect(),
        thresholds,
        holidays: dates(&file.calendar.holidays),
        workdays: dates(&file.calendar.workdays),
        chapters,
        limits,
    };
    Read {
        config,
        ignore,
        problems,
    }
}

/// `[thresholds]`, each value checked against its domain; a value outside it keeps the default.
fn thresholds(t: &ThresholdsFile, problems: &mut Vec<(Span, String)>) -> Thresholds {
    let defaults = Thresholds::default();
    let mut positive = |value: &Option<Spanned<u32>>, default: u32| match value {
        Some(v) if *v.get_ref() == 0 => {
            problems.push((span(v), "must be 1 or more".to_owned()));
            default
        }
        Some(v) => *v.get_ref(),
        None => default,
    };
    let mut thresholds = Thresholds {
        assessment_years: positive(&t.assessment_years, defaults.assessment_years),
        filing_working_days: positive(&t.filing_working_days, defaults.filing_working_days),
        township_team_size: positive(&t.township_team_size, defaults.township_team_size),
        village_team_size: positive(&t.village_team_size, defaults.village_team_size),
        site_plan_threatened: positive(&t.site_plan_threatened, defaults.site_plan_threatened),
        township_drill_months: positive(&t.township_drill_months, defaults.township_drill_months),
        contact_verified_months: positive(
            &t.contact_verified_months,
            defaults.contact_verified_months,
        ),
        ..defaults
    };
    for (kind, months) in &t.drill_months {
        let Some(k) = kind_of(kind.get_ref()) else {
            problems.push((span(kind), unknown_kind(kind.get_ref())));
            continue;
        };
        if *months.get_ref() == 0 {
            problems.push((span(months), "must be 1 or more".to_owned()));
            continue;
        }
        thresholds.drill_months.insert(k, *months.get_ref());
    }
    for (tag, months) in &t.drill_months_tagged {
        if *months.get_ref() == 0 {
            problems.push((span(months), "must be 1 or more".to_owned()));
            continue;
        }
        thresholds
            .drill_months_tagged
            .insert(tag.get_ref().clone(), *months.get_ref());
    }
    thresholds
}

/// `[chapters]`: the chapters each kind of plan must have, each a list of words any of which
/// names it.
fn chapters(
    file: &BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    problems: &mut Vec<(Span, String)>,
) -> BTreeMap<(PlanKind, PlanScope), Vec<Vec<String>>> {
    let mut chapters = BTreeMap::new();
    for (key, list) in file {
        let (kind, scope) = match key.get_ref().strip_suffix("-hazard") {
            Some(kind) => (kind, PlanScope::Hazard),
            None => (key.get_ref().as_str(), PlanScope::Comprehensive),
        };
        let Some(kind) = kind_of(kind) else {
            problems.push((span(key), unknown_kind(key.get_ref())));
            continue;
        };
        let mut names = Vec::new();
        for chapter in list {
            let words: Vec<String> = chapter
                .get_ref()
                .split('/')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            if words.is_empty() {
                problems.push((span(chapter), "an empty chapter name".to_owned()));
            } else {
                names.push(words);
            }
        }
        chapters.insert((kind, scope), names);
    }
    chapters
}

/// `ignore`: the paths emplan does not read, as glob patterns.
fn ignore(patterns: &[Spanned<String>], problems: &mut Vec<(Span, String)>) -> GlobSet {
    let mut ignore = GlobSetBuilder::new();
    for pattern in patterns {
        match Glob::new(pattern.get_ref()) {
            Ok(glob) => {
                ignore.add(glob);
            }
            Err(error) => problems.push((span(pattern), format!("not a glob pattern: {error}"))),
        }
    }
    ignore.build().unwrap_or_else(|_| GlobSet::empty())
}

/// `[limits]`, each value checked against its domain; a value outside it keeps the default.
fn limits(file: &LimitsFile, problems: &mut Vec<(Span, String)>) -> Limits {
    let defaults = Limits::default();
    let mut within = |value: &Option<Spanned<u32>>, default: u32, max: u32| match value {
        Some(v) if !(1..=max).contains(v.get_ref()) => {
            let message = if max == u32::MAX {
                "must be 1 or more".to_owned()
            } else {
                format!("must be from 1 to {max}")
            };
            problems.push((span(v), message));
            default
        }
        Some(v) => *v.get_ref(),
        None => default,
    };
    Limits {
        file_size_mib: within(
            &file.file_size_mib,
            defaults.file_size_mib,
            Limits::MAX_FILE_SIZE_MIB,
        ),
        yaml_depth: within(
            &file.yaml_depth,
            defaults.yaml_depth,
            Limits::MAX_YAML_DEPTH,
        ),
        yaml_alias_events: within(
            &file.yaml_alias_events,
            defaults.yaml_alias_events,
            u32::MAX,
        ),
    }
}

fn kind_of(key: &str) -> Option<PlanKind> {
    PlanKind::ALL.into_iter().find(|k| k.key() == key)
}

fn unknown_kind(key: &str) -> String {
    let kinds: Vec<&str> = PlanKind::ALL.iter().map(|k| k.key()).collect();
    format!(
        "`{key}` is not a kind of plan: use one of {}",
        kinds.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_defaults() {
        let read = read("");
        assert!(read.problems.is_empty());
        assert_eq!(read.config.thresholds, Thresholds::default());
        assert_eq!(read.config.as_of, None);
    }

    #[test]
    fn values_are_read_with_their_places() {
        let text = "as_of = 2026-12-01\n[rules]\nL301 = \"warning\"\n[thresholds]\nassessment_years = 5\ndrill_months = { site = 3 }\n";
        let read = read(text);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(
            read.config.as_of.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        let (rule, at, _) = &read.config.rules[0];
        assert_eq!(rule, "L301");
        assert_eq!(&text[at.start as usize..at.end as usize], "L301");
        assert_eq!(read.config.thresholds.assessment_years, 5);
        assert_eq!(read.config.thresholds.drill_months[&PlanKind::Site], 3);
        assert_eq!(
            read.config.thresholds.drill_months[&PlanKind::Enterprise],
            12
        );
    }

    #[test]
    fn mistakes_are_located_and_the_rest_applies() {
        let text = "[thresholds]\nassessment_years = 0\ndrill_months = { farm = 3 }\nvillage_team_size = 8\n";
        let read = read(text);
        let at: Vec<&str> = read
            .problems
            .iter()
            .map(|(s, _)| &text[s.start as usize..s.end as usize])
            .collect();
        assert_eq!(at, ["0", "farm"]);
        assert_eq!(read.config.thresholds.village_team_size, 8);
        let limits =
            super::read("[limits]\nfile_size_mib = 5000\nyaml_depth = 0\nyaml_alias_events = 9\n");
        let messages: Vec<&str> = limits.problems.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            ["must be from 1 to 4095", "must be from 1 to 1024"]
        );
        assert_eq!(limits.config.limits.file_size_mib, 64);
        assert_eq!(limits.config.limits.yaml_alias_events, 9);
        let broken = super::read("[thresholds]\nassessment_years = -1\n");
        assert_eq!(broken.problems.len(), 1);
        let (s, _) = &broken.problems[0];
        assert_eq!(s.start, 32);
    }
}
