//! The offline demo data set: real recorded payloads bundled from `assets/recorded/` (the one copy
//! the tests read too), so a new user sees real-looking jobs before adding a board, with no network.

use jobhound_sources::SourceKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::campaigns::service::rank_for_active_campaigns;
use crate::ingest::write::{IngestCounts, ingest};
use crate::{Store, time};

struct DemoPayload {
    kind: SourceKind,
    file: &'static str,
    body: &'static [u8],
    /// The employer when the payload leaves it out: the board token in the payload's own URLs.
    company: Option<&'static str>,
}

/// Each payload a parser exists for. The other recordings sit in `assets/recorded/` for the parsers
/// still to come.
const PAYLOADS: &[DemoPayload] = &[
    DemoPayload {
        kind: SourceKind::Greenhouse,
        file: "greenhouse-sample-1.json",
        body: include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json"),
        company: None,
    },
    DemoPayload {
        kind: SourceKind::Greenhouse,
        file: "greenhouse-sample-2.json",
        body: include_bytes!("../../../../assets/recorded/greenhouse-sample-2.json"),
        company: Some("vaulttec"),
    },
];

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoImport {
    pub files: u32,
    pub new_jobs: u32,
    pub jobs_seen: u32,
}

pub fn import(store: &Store) -> Result<DemoImport, CoreError> {
    let now = time::now_rfc3339();
    store.write(|tx| {
        let mut total = IngestCounts::default();
        for payload in PAYLOADS {
            let postings = jobhound_sources::parse(payload.kind, payload.body)
                .map_err(|error| CoreError::Internal(format!("bundled demo file {}: {error}", payload.file)))?;
            let counts = ingest(tx, &postings, payload.company, &now)?;
            rank_for_active_campaigns(tx, &counts.changed_jobs, None, chrono::Utc::now())?;
            total.seen += counts.seen;
            total.new_jobs += counts.new_jobs;
        }
        Ok(DemoImport { files: PAYLOADS.len() as u32, new_jobs: total.new_jobs, jobs_seen: total.seen })
    })
}
