//! Saved searches run on a timer: the campaign model and its facade methods, one run end to end,
//! the scheduler, and the ranked matches with their feedback.

pub(crate) mod matches;
pub(crate) mod model;
pub(crate) mod run;
pub(crate) mod scheduler;
pub(crate) mod service;

pub use matches::{FeedbackEntry, JobSelection, MatchQuery, RankCounts, WeightsChange};
pub use model::{Campaign, CampaignInput};
pub use run::{RunEvent, RunReport};
pub use scheduler::{Clock, MAX_CONCURRENT_RUNS, RunObserver, Scheduler, SystemClock, TICK};
pub use service::CampaignStatus;

/// When campaigns are due: the scheduler's rule, a pure function its tests call.
pub use scheduler::due;
/// The ranking stage of the write path, which the CLI's bench times on a bare `Store`.
pub use service::rank_for_active_campaigns;

#[cfg(test)]
mod tests;
