//! The probe: the `id`, `owner` and `kind` of a plan whose front matter could not be read.

use serde::Deserialize;

use super::saphyr::from_str;
use crate::model::config::Limits;

/// What the text of a plan's front matter that could not be read says of the plan.
pub struct Probe {
    pub id: Option<String>,
    pub owner: Option<String>,
    pub kind: Option<String>,
}

/// The `id`, `owner` and `kind` of a document that could not be read as a whole, where they can
/// be read as text; used so that references to a broken plan are not reported as unknown, and
/// its body is checked against its kind.
pub fn probe(source: &str) -> Probe {
    #[derive(Deserialize)]
    struct Fields {
        id: Option<String>,
        owner: Option<String>,
        kind: Option<String>,
    }
    match from_str::<Fields>(source, Limits::default()) {
        Ok(f) => Probe {
            id: f.id,
            owner: f.owner,
            kind: f.kind,
        },
        Err(_) => Probe {
            id: top_level(source, "id"),
            owner: top_level(source, "owner"),
            kind: top_level(source, "kind"),
        },
    }
}

/// The plain text after `key:` on a line of its own at the start of a line, for a document that
/// cannot be parsed at all.
fn top_level(source: &str, key: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?;
        let value = value.split(" #").next().unwrap_or_default().trim();
        let value = value.trim_matches(['\'', '"']);
        (!value.is_empty()).then(|| value.to_owned())
    })
}
