//! The JSON Schemas of the file format, generated from the model's types (`emplan schema`,
//! `schemas/` and the repositories `emplan init` writes).

use super::drill::{Drill, DrillRecord};
use super::{PlanMeta, RegistryFile};

/// File name and pretty-printed text of every schema.
pub fn schemas() -> Vec<(&'static str, String)> {
    let render = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        ("plan.schema.json", render(schemars::schema_for!(PlanMeta))),
        (
            "registry.schema.json",
            render(schemars::schema_for!(RegistryFile)),
        ),
        ("drill.schema.json", render(schemars::schema_for!(Drill))),
        (
            "record.schema.json",
            render(schemars::schema_for!(DrillRecord)),
        ),
        (
            "config.schema.json",
            render(schemars::schema_for!(super::config::ConfigFile)),
        ),
    ]
}
