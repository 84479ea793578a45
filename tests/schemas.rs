//! The JSON Schemas in `schemas/` are generated from the Rust types and must stay in step.

use std::path::Path;

use emplan::load::Document;
use emplan::model::drill::{Drill, DrillRecord};
use emplan::model::{PlanMeta, RegistryFile};

#[test]
fn checked_in_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for (name, generated) in emplan::cli::schemas() {
        let path = dir.join(name);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == generated,
            "{} is out of date: run `cargo run -- schema --out schemas`",
            path.display()
        );
    }
}

fn required(schema: schemars::Schema) -> Vec<String> {
    let mut fields: Vec<String> = schema
        .get("required")
        .and_then(|r| r.as_array())
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    fields.sort();
    fields
}

#[test]
fn loader_knows_the_required_fields() {
    let sorted = |fields: &[&str]| {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        fields
    };
    assert_eq!(
        required(schemars::schema_for!(PlanMeta)),
        sorted(PlanMeta::REQUIRED)
    );
    assert_eq!(
        required(schemars::schema_for!(RegistryFile)),
        sorted(RegistryFile::REQUIRED)
    );
    assert_eq!(
        required(schemars::schema_for!(Drill)),
        sorted(Drill::REQUIRED)
    );
    assert_eq!(
        required(schemars::schema_for!(DrillRecord)),
        sorted(DrillRecord::REQUIRED)
    );
}
