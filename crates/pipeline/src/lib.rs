//! Jobhound's pure pipeline: a source's parsed postings become normalized jobs (salary, location,
//! seniority, skills, sanitized description), duplicates across boards are recognised, and jobs are
//! ranked against a profile with reasons. No database, no network: everything here is a function
//! of its inputs, so it is tested and benchmarked on its own.

pub mod dedup;
pub mod normalize;
pub mod parse_output;
pub mod ranking;
pub mod resume;
pub mod time;
