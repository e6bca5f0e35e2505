//! One test target for the whole binary (as ripgrep's tests/tests.rs), one
//! module per command.

mod analyst;
mod build;
mod context;
mod eval;
mod extract;
mod gazetteer;
mod harness;
mod merge;
mod query;
mod query_seeds;
mod relations_eval;
mod reliability;
mod speed;
mod suggest;
