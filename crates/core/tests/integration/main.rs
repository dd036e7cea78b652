#![allow(clippy::expect_used, clippy::unwrap_used)]
//! jobhound-core's integration tests, one binary (one link instead of one per file): each module a
//! concern, each against a real SQLite file and, where it fetches, a local mock server.

mod applications;
mod browsing;
mod campaign_service;
mod dashboard;
mod greenhouse_board;
mod imports;
mod inbox;
mod keyword_gap;
mod prepared_ingest;
mod recipe_pages;
mod resume_files;
mod scheduler;
mod source_health;
mod storage;
mod support;
mod tailoring;
mod text_search;
mod workday_campaign;
mod your_data;
