#![allow(clippy::expect_used, clippy::unwrap_used)]
//! jobhound-llm's integration tests, one binary: the real client against the mock OpenAI-compatible
//! server over loopback HTTP.

mod client;
