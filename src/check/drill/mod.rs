//! D: drills. What a drill definition names must exist, and what its objectives test must still
//! be in the plans; what a drill record found must reach the plans it changes.

pub mod corrective_action_overdue;
pub mod objective_gone;
pub mod record_unknown_reference;
pub mod revised_with_open_action;
pub mod unknown_reference;
