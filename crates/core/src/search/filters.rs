//! The jobs list's filters and sort orders, as SQL over `jobs j` with numbered parameters.

use jobhound_sources::{EmploymentType, WorkMode};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::applying::applications::ApplicationStatus;
use crate::normalize::Seniority;

/// The widest "posted within": a century covers every date a job can carry.
pub const MAX_POSTED_WITHIN_DAYS: u32 = 36_500;
/// Above any yearly pay a job lists; larger values are typing slips, not filters.
pub const MAX_SALARY_FILTER: f64 = 1_000_000_000.0;
/// Longer than any place name; a filter value is typed, never pasted documents.
pub const MAX_LOCATION_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
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
#[ts(export)]
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
    /// Refuses values no job could match and values that would overflow date arithmetic, each
    /// with a message naming the filter, instead of a wrong list or a failed background task.
    pub fn validate(&self) -> Result<(), CoreError> {
        let invalid = |field: &'static str, message: String| Err(CoreError::InvalidField { field, message });
        if let Some(days) = self.posted_within_days
            && !(1..=MAX_POSTED_WITHIN_DAYS).contains(&days)
        {
            return invalid(
                "posted_within_days",
                format!("\"Posted within\" must be between 1 and {MAX_POSTED_WITHIN_DAYS} days (got {days})."),
            );
        }
        for (field, label, value) in
            [("salary_min", "Minimum pay", self.salary_min), ("salary_max", "Maximum pay", self.salary_max)]
        {
            if let Some(value) = value
                && !(value.is_finite() && (0.0..=MAX_SALARY_FILTER).contains(&value))
            {
                return invalid(
                    field,
                    format!("{label} must be a number from 0 to {MAX_SALARY_FILTER:.0} (got {value})."),
                );
            }
        }
        if let (Some(min), Some(max)) = (self.salary_min, self.salary_max)
            && min > max
        {
            return invalid("salary_max", format!("Maximum pay ({max}) is below minimum pay ({min})."));
        }
        if let Some(location) = &self.location
            && location.chars().count() > MAX_LOCATION_CHARS
        {
            return invalid("location", format!("A location filter is at most {MAX_LOCATION_CHARS} characters."));
        }
        if let Some(since) = self.new_since.as_deref().filter(|text| !text.is_empty())
            && chrono::DateTime::parse_from_rfc3339(since).is_err()
        {
            return invalid(
                "new_since",
                format!("\"New since\" must be a date and time such as 2026-01-31T09:00:00Z (got {since:?})."),
            );
        }
        Ok(())
    }

    /// `AND …` conditions on `j`, pushing their values after the ones already in `values`. The
    /// filters are validated first, so every value below is in range.
    pub fn sql(&self, values: &mut Vec<Value>, now: chrono::DateTime<chrono::Utc>) -> Result<String, CoreError> {
        self.validate()?;
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
            let since = now.checked_sub_signed(chrono::Duration::days(i64::from(days))).ok_or_else(|| {
                CoreError::InvalidField {
                    field: "posted_within_days",
                    message: "\"Posted within\" reaches before the calendar starts.".into(),
                }
            })?;
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
        Ok(sql)
    }
}
