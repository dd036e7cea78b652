//! Finding jobs: the list queries with their filters and sorts, full-text search, the word list
//! behind search suggestions, id bitsets, saved views and the dashboard's counts.

pub(crate) mod dashboard;
pub(crate) mod filters;
pub(crate) mod full_text;
pub(crate) mod id_bits;
pub(crate) mod index;
pub(crate) mod jobs;
pub(crate) mod saved_views;
pub(crate) mod word_list;

pub use dashboard::Dashboard;
pub use filters::{JobFilters, JobSort};
pub use jobs::{COUNT_CAP, JobDetail, JobPage, JobQuery, MAX_PAGE};
pub use saved_views::SavedView;

#[cfg(test)]
mod tests;
