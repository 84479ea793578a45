//! One JSON document per run (`--format json`), version 1:
//! `{"version": 1, "summary": {...}, "diagnostics": [...]}`. Lines and columns are 1-based and
//! columns count characters; paths are relative to the working directory.

use serde_json::{Map, Value, json};

use crate::foundation::diagnostic::Diagnostic;
use crate::model::{Loc, Sources};

use super::Summary;

/// Version of the JSON document; bumped on any incompatible change.
pub const VERSION: u32 = 1;

fn position(sources: &Sources, loc: Loc) -> Map<String, Value> {
    let place = sources.place(loc);
    let mut map = Map::new();
    map.insert("file".into(), json!(place.path));
    map.insert("line".into(), json!(place.line));
    map.insert("column".into(), json!(place.column));
    map.insert("end_line".into(), json!(place.end_line));
    map.insert("end_column".into(), json!(place.end_column));
    map
}

/// The whole report as a JSON value (keys in a fixed order).
pub fn to_value(sources: &Sources, diagnostics: &[Diagnostic], summary: &Summary) -> Value {
    let mut by_kind = Map::new();
    for (kind, count) in &summary.plans_by_kind {
        by_kind.insert(kind.key().into(), json!(count));
    }
    let diagnostics: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut map = Map::new();
            map.insert("rule".into(), json!(d.rule.code));
            map.insert("name".into(), json!(d.rule.name));
            map.insert("severity".into(), json!(d.severity.key()));
            map.insert("message".into(), json!(d.message));
            map.extend(position(sources, d.loc));
            map.insert("help".into(), json!(d.help.join("\n")));
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|r| {
                    let mut map = position(sources, r.loc);
                    map.insert("message".into(), json!(r.message));
                    Value::Object(map)
                })
                .collect();
            map.insert("related".into(), Value::Array(related));
            Value::Object(map)
        })
        .collect();
    let mut counts = json!({
        "files": summary.files,
        "plans": summary.plans,
        "plans_by_kind": by_kind,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "infos": summary.infos,
        "suppressed": summary.suppressed,
        "baselined": summary.baselined,
    });
    if let (false, Some(map)) = (summary.omitted.is_empty(), counts.as_object_mut()) {
        let omitted: Map<String, Value> = summary
            .omitted
            .iter()
            .map(|(code, n)| ((*code).to_owned(), json!(n)))
            .collect();
        map.insert("omitted".into(), Value::Object(omitted));
    }
    if let (Some(scope), Some(map)) = (&summary.scope, counts.as_object_mut()) {
        map.insert("root".into(), json!(scope.root));
        map.insert("root_found_by".into(), json!(scope.found_by.key()));
        map.insert("reported_paths".into(), json!(scope.paths));
        map.insert("reported_files".into(), json!(scope.files));
    }
    json!({
        "version": VERSION,
        "summary": counts,
        "diagnostics": diagnostics,
    })
}
