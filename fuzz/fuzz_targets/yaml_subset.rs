//! The subset reader against serde-saphyr: whatever text it accepts as a plan's front matter, a
//! registry file, a drill or a drill record, serde-saphyr must read to the same value, spans
//! included. An equivalence, not only no crash.

#![no_main]

use emplan::load::yaml::subset_agrees;
use emplan::model::drill::{Drill, DrillRecord};
use emplan::model::{PlanMeta, RegistryFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for agrees in [
        subset_agrees::<PlanMeta>(text),
        subset_agrees::<RegistryFile>(text),
        subset_agrees::<Drill>(text),
        subset_agrees::<DrillRecord>(text),
    ] {
        if let Some(Err(why)) = agrees {
            panic!("{why}");
        }
    }
});
