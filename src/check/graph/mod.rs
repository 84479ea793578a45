//! G: the response graph. What the plans say must make a response that can run: every plan
//! reachable from the overall plan, no plan activating itself through others, a capable team
//! within the rescue circle of every hazard point, and no commander needed in two HQs at once.

pub mod activation_cycle;
pub mod commander_in_two_hqs;
pub mod hazard_point_out_of_reach;
pub mod unreachable_plan;
