//! D: drills. What a drill definition names must exist, and what its objectives test must still
//! be in the plans.

pub mod objective_gone;
pub mod unknown_reference;
