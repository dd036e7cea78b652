#![allow(clippy::expect_used, clippy::unwrap_used)]
//! jobhound-sources' integration tests, one binary: parsers on recorded payloads, fetching through a
//! local mock server, and property tests that no input panics a parser.

mod ats_boards;
mod ats_more;
mod common;
mod fetching;
mod fuzz;
mod greenhouse;
mod parsers;
mod recipes;
mod workday;
