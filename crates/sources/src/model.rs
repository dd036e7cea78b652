//! What a parser produces: a posting's fields as the source gave them, before normalizing.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::SourceKind;

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    Remote,
    Hybrid,
    Onsite,
}

impl WorkMode {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkMode::Remote => "remote",
            WorkMode::Hybrid => "hybrid",
            WorkMode::Onsite => "onsite",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "remote" => Some(WorkMode::Remote),
            "hybrid" => Some(WorkMode::Hybrid),
            "onsite" => Some(WorkMode::Onsite),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Internship,
}

impl EmploymentType {
    pub fn as_str(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full_time",
            EmploymentType::PartTime => "part_time",
            EmploymentType::Contract => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Internship => "internship",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "full_time" => Some(EmploymentType::FullTime),
            "part_time" => Some(EmploymentType::PartTime),
            "contract" => Some(EmploymentType::Contract),
            "temporary" => Some(EmploymentType::Temporary),
            "internship" => Some(EmploymentType::Internship),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SalaryPeriod {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl SalaryPeriod {
    /// Working periods in a year: 2080 hours, 260 days, 52 weeks, 12 months.
    pub fn per_year(self) -> f64 {
        match self {
            SalaryPeriod::Hour => 2080.0,
            SalaryPeriod::Day => 260.0,
            SalaryPeriod::Week => 52.0,
            SalaryPeriod::Month => 12.0,
            SalaryPeriod::Year => 1.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SalaryPeriod::Hour => "hour",
            SalaryPeriod::Day => "day",
            SalaryPeriod::Week => "week",
            SalaryPeriod::Month => "month",
            SalaryPeriod::Year => "year",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "hour" => Some(SalaryPeriod::Hour),
            "day" => Some(SalaryPeriod::Day),
            "week" => Some(SalaryPeriod::Week),
            "month" => Some(SalaryPeriod::Month),
            "year" => Some(SalaryPeriod::Year),
            _ => None,
        }
    }
}

/// Pay as the source states it, plus the yearly equivalent used for filtering and ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Salary {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub currency: Option<String>,
    pub period: SalaryPeriod,
    pub yearly_min: Option<f64>,
    pub yearly_max: Option<f64>,
}

impl Salary {
    /// Builds a salary from stated amounts; returns `None` when neither bound is a positive number.
    pub fn new(min: Option<f64>, max: Option<f64>, currency: Option<String>, period: SalaryPeriod) -> Option<Self> {
        let positive = |value: Option<f64>| value.filter(|amount| amount.is_finite() && *amount > 0.0);
        let (mut min, mut max) = (positive(min), positive(max));
        if let (Some(low), Some(high)) = (min, max)
            && low > high
        {
            (min, max) = (Some(high), Some(low));
        }
        if min.is_none() && max.is_none() {
            return None;
        }
        let yearly = |value: Option<f64>| value.map(|amount| (amount * period.per_year()).round());
        Some(Self { min, max, currency, period, yearly_min: yearly(min), yearly_max: yearly(max) })
    }
}

/// One job as one source lists it, before normalization. Fields the source does not state are
/// `None`/empty: nothing here is guessed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPosting {
    pub source: SourceKind,
    pub source_id: String,
    /// The posting's page on the source.
    pub url: Option<String>,
    /// Where a person applies; often the employer's own careers site.
    pub apply_url: Option<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    /// Location text as the source gives it, one entry per location.
    pub locations: Vec<String>,
    /// Work mode when the source states it in a structured field.
    pub work_mode: Option<WorkMode>,
    pub employment_type: Option<EmploymentType>,
    pub salary: Option<Salary>,
    pub posted_at: Option<DateTime<Utc>>,
    /// The description as HTML, decoded from any source-specific escaping but not yet sanitized.
    pub description_html: Option<String>,
    /// The item exactly as served, kept as the raw record of this posting.
    pub payload: serde_json::Value,
}
