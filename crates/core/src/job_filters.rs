//! The jobs list's filters and sort orders, as SQL over `jobs j` with numbered parameters.

use jobhound_sources::{EmploymentType, WorkMode};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::applications::ApplicationStatus;
use crate::normalize::Seniority;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum JobSort {
    /// Newest posted (or first seen) first.
    #[default]
    Newest,
    /// Best score first: the campaign's, or the best any campaign gave.
    Score,
    /// Highest yearly pay first; jobs without pay last.
    Salary,
}

/// Narrows the list; every field empty or `None` lets every job through.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct JobFilters {
    /// Remote, hybrid or on-site; empty for any.
    pub work_modes: Vec<WorkMode>,
    /// Words of the location ("London", "Germany").
    pub location: Option<String>,
    /// Yearly pay the job's range must reach.
    pub salary_min: Option<f64>,
    /// Yearly pay the job's range must start at or below.
    pub salary_max: Option<f64>,
    pub seniority: Vec<Seniority>,
    pub employment_types: Vec<EmploymentType>,
    /// Posted (or first seen) within this many days.
    pub posted_within_days: Option<u32>,
    /// Jobs whose application is in one of these statuses.
    pub statuses: Vec<ApplicationStatus>,
    /// Only jobs first seen after this instant (RFC 3339), e.g. the last visit.
    pub new_since: Option<String>,
    /// `Some(true)`: only jobs hidden from a campaign; `Some(false)`: none of them; `None`: the
    /// list's usual rule (a campaign's list leaves its hidden jobs out).
    pub hidden: Option<bool>,
}

impl JobFilters {
    /// `AND …` conditions on `j`, pushing their values after the ones already in `values`.
    pub fn sql(&self, values: &mut Vec<Value>, now: chrono::DateTime<chrono::Utc>) -> String {
        let mut sql = String::new();
        let push = |value: Value, values: &mut Vec<Value>| {
            values.push(value);
            format!("?{}", values.len())
        };
        let any_of = |column: &str, texts: Vec<&str>, sql: &mut String, values: &mut Vec<Value>| {
            if texts.is_empty() {
                return;
            }
            let marks: Vec<String> = texts.into_iter().map(|text| push(Value::Text(text.into()), values)).collect();
            sql.push_str(&format!(" AND {column} IN ({})", marks.join(", ")));
        };
        any_of("j.remote", self.work_modes.iter().map(|mode| mode.as_str()).collect(), &mut sql, values);
        any_of("j.seniority", self.seniority.iter().map(|level| level.as_str()).collect(), &mut sql, values);
        any_of("j.employment_type", self.employment_types.iter().map(|kind| kind.as_str()).collect(), &mut sql, values);
        if let Some(location) = self.location.as_deref().map(str::trim).filter(|text| !text.is_empty()) {
            let escaped = location.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            let mark = push(Value::Text(format!("%{escaped}%")), values);
            sql.push_str(&format!(" AND j.location_text LIKE {mark} ESCAPE '\\'"));
        }
        if let Some(floor) = self.salary_min.filter(|n| n.is_finite()) {
            let mark = push(Value::Real(floor), values);
            sql.push_str(&format!(" AND COALESCE(j.salary_yearly_max, j.salary_yearly_min) >= {mark}"));
        }
        if let Some(ceiling) = self.salary_max.filter(|n| n.is_finite()) {
            let mark = push(Value::Real(ceiling), values);
            sql.push_str(&format!(" AND COALESCE(j.salary_yearly_min, j.salary_yearly_max) <= {mark}"));
        }
        if let Some(days) = self.posted_within_days {
            let since = now - chrono::Duration::days(i64::from(days));
            let mark = push(Value::Text(since.format("%Y-%m-%dT%H:%M:%S").to_string()), values);
            sql.push_str(&format!(" AND j.listed_at >= {mark}"));
        }
        if !self.statuses.is_empty() {
            let marks: Vec<String> =
                self.statuses.iter().map(|status| push(Value::Text(status.as_str().into()), values)).collect();
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM applications a WHERE a.job_id = j.id AND a.status IN ({}))",
                marks.join(", ")
            ));
        }
        if let Some(since) = self.new_since.as_deref().filter(|text| !text.is_empty()) {
            let mark = push(Value::Text(since.to_string()), values);
            sql.push_str(&format!(" AND j.first_seen_at > {mark}"));
        }
        sql
    }
}
