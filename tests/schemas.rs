//! The JSON Schemas in `schemas/` are generated from the Rust types and must stay in step.

use std::path::Path;

use emplan::load::Document;
use emplan::model::drill::{Drill, DrillRecord};
use emplan::model::{PlanMeta, RegistryFile};

#[test]
fn checked_in_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for (name, generated) in emplan::model::schema::schemas() {
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

/// A JSON Schema validator for one of the checked-in schemas.
fn validator(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(name);
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// TOML as the JSON a schema validates: dates become their text.
fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// Every file of the sample validates against `schemas/` with a real JSON Schema validator: the
/// front matter of every plan, every registry, drill and record file, and `emplan.toml`. An
/// editor with the YAML language server checks the same while the file is typed.
#[test]
fn every_sample_file_validates_against_the_schemas() {
    let (plan, registry, drill, record, config) = (
        validator("plan.schema.json"),
        validator("registry.schema.json"),
        validator("drill.schema.json"),
        validator("record.schema.json"),
        validator("config.schema.json"),
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !entry.file_type().is_file() || name == "README.md" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let (validator, yaml) = if name.ends_with(".md") {
            let front = text.strip_prefix("---\n").unwrap();
            let end = front.find("\n---\n").unwrap();
            (&plan, front[..=end].to_owned())
        } else if name.ends_with(".drill.yaml") {
            (&drill, text)
        } else if name.ends_with(".record.yaml") {
            (&record, text)
        } else if name.ends_with(".yaml") {
            (&registry, text)
        } else if name == "emplan.toml" {
            let value = toml_to_json(toml::from_str(&text).unwrap());
            let found = errors(&config, &value);
            assert!(found.is_empty(), "{}: {found:#?}", path.display());
            checked += 1;
            continue;
        } else {
            continue;
        };
        let value: serde_json::Value =
            serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let found = errors(validator, &value);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 134, "every file the loader reads");
}

/// A file the loader rejects is rejected by the schema too, so the two cannot drift apart.
#[test]
fn what_the_loader_rejects_the_schema_rejects() {
    let registry = validator("registry.schema.json");
    for bad in [
        "contacts:\n  - { id: c-1, name: 某某, phone: 123, colour: red }\n",
        "resources:\n  - { id: r-1, kind: lake, name: 湖, org: qu }\n",
        "resources:\n  - { id: r-1, kind: team, name: 队, org: qu, size: -5 }\n",
        "organisations:\n  - { id: qu, name: 区, kind: government, tags: key-earthquake-zone }\n",
        // Numbers out of their domains (docs/format.md, Numbers).
        "organisations:\n  - { id: qu, name: 区, kind: government, at: { lat: 132.4, lon: 105.8 } }\n",
        "organisations:\n  - { id: qu, name: 区, kind: government, at: { lat: 32.4, lon: -181 } }\n",
        "travel:\n  road_factor: 0.5\n",
        "travel:\n  speed_kmh: 0\n",
    ] {
        let value: serde_json::Value = serde_saphyr::from_str(bad).unwrap();
        assert!(!errors(&registry, &value).is_empty(), "{bad}");
        let repo = emplan::load::load_files(&[("r.yaml".to_owned(), bad.as_bytes().to_vec())]);
        assert!(!repo.problems.is_empty(), "the loader accepts {bad}");
    }
    let plan = validator("plan.schema.json");
    for bad in ["at_least: -5", "below: -0.5"] {
        let front = format!(
            "id: p\nkind: site\ntitle: 预案\nowner: qu\nresponse:\n  - level: IV\n    criteria:\n      - {{ text: 死亡, metric: deaths, {bad} }}\n"
        );
        let value: serde_json::Value = serde_saphyr::from_str(&front).unwrap();
        assert!(!errors(&plan, &value).is_empty(), "{bad}");
        let file = format!("---\n{front}---\n");
        let repo = emplan::load::load_files(&[("p.md".to_owned(), file.into_bytes())]);
        assert!(!repo.problems.is_empty(), "the loader accepts {bad}");
    }
}
