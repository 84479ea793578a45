//! Q: contacts. Whether the people a response calls can be reached: every post held and
//! reachable by phone, contact details confirmed recently, numbers in a valid Chinese format,
//! and no one person holding two posts that one response needs at once.

pub mod concurrent_posts;
pub mod contact_not_verified;
pub mod phone_format;
pub mod post_unreachable;
