#![allow(clippy::expect_used, clippy::unwrap_used)]
//! jobhound-cli's integration tests, one binary: the built CLI run as a script would run it.

mod applying;
mod cli;
mod common;
mod inbox;
mod mcp;
mod native_host;
mod your_data;
