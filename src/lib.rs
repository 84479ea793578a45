//! emplan: emergency plans (应急预案) as code.
//!
//! The data flows through one module per stage:
//! [`load`] (files -> [`model::Repository`]) -> [`check`] (rules -> diagnostics) and [`graph`]
//! (the response dependency graph) ->
//! [`report`] (human, JSON); [`render`] and [`drill`] read the model and the graph to write PDFs
//! and exercise packs, and [`scaffold`] writes new repositories and plans from templates. The
//! command line in `cli` only wires them together.

pub mod check;
pub mod cli;
pub mod drill;
pub mod foundation;
pub mod graph;
pub mod load;
pub mod model;
pub mod render;
pub mod report;
pub mod scaffold;
