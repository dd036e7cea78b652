#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Criterion benches of the pipeline's hot functions: `cargo bench -p jobhound-bench`.
//! Inputs come from the repository's recorded payloads and labelled dedup pairs.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use jobhound_bench::dedup_eval::LabelledPair;
use jobhound_core::dedup::{DedupKey, is_duplicate};
use jobhound_core::normalize::{normalize, salary_from_text};
use jobhound_core::ranking::{Idf, JobFacts, rank};
use jobhound_core::sources::{SourceKind, parse};

const GREENHOUSE: &[u8] = include_bytes!("../../../assets/recorded/greenhouse-sample-1.json");
const PAIRS: &str = include_str!("../../../assets/eval/dedup-pairs.jsonl");

const SALARY_TEXTS: &[&str] = &[
    "The base salary range for this role is $140,000 - $180,000 plus equity.",
    "Gehalt: 60.000 € bis 75.000 € brutto im Jahr",
    "£45k-£55k DOE",
    "Up to CHF 120'000 per year",
    "₹18,00,000 - ₹24,00,000 per annum",
    "Competitive salary, 401k matching, founded in 2019, call 555-123-4567",
    "$55/hour, 40 hours a week",
    "From 4 500 PLN monthly",
];

fn salary(c: &mut Criterion) {
    c.bench_function("salary_from_text (8 sentences)", |b| {
        b.iter(|| SALARY_TEXTS.iter().filter_map(|text| salary_from_text(black_box(text))).count())
    });
}

fn dedup(c: &mut Criterion) {
    let pairs: Vec<LabelledPair> = PAIRS.lines().filter_map(|line| serde_json::from_str(line).ok()).collect();
    assert!(pairs.len() >= 300, "the labelled set is in the repository");
    let keys: Vec<(DedupKey, DedupKey)> = pairs.iter().map(|pair| (pair.a.key(), pair.b.key())).collect();
    c.bench_function("dedup key of a job (labelled set, per job)", |b| {
        let mut next = pairs.iter().cycle();
        b.iter(|| next.next().map(|pair| black_box(&pair.a).key()))
    });
    c.bench_function("is_duplicate (labelled set, per pair)", |b| {
        let mut next = keys.iter().cycle();
        b.iter(|| next.next().map(|(a, b)| is_duplicate(black_box(a), black_box(b))))
    });
}

fn scoring(c: &mut Criterion) {
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).expect("recorded payload parses");
    let jobs: Vec<_> = postings.iter().map(|posting| normalize(posting, None)).collect();
    let idf = Idf::from_documents(jobs.iter().map(|job| job.description_text.as_str()));
    let resume = idf.vector("Senior backend engineer: Rust, Go, PostgreSQL, Kafka, Kubernetes, AWS, observability.");
    let profiles = jobhound_bench::sample_profiles();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).single().unwrap_or_default();
    let facts: Vec<JobFacts<'_>> = jobs
        .iter()
        .map(|job| JobFacts {
            title: job.title.as_deref().unwrap_or_default(),
            company: job.company.as_deref().unwrap_or_default(),
            description_text: &job.description_text,
            skills: &job.skills,
            locations: &job.locations,
            countries: &job.countries,
            remote: job.remote,
            yearly_salary: job.salary.as_ref().map(|salary| (salary.yearly_min, salary.yearly_max)),
            salary_currency: job.salary.as_ref().and_then(|salary| salary.currency.as_deref()),
            seniority: job.seniority,
            employment_type: job.employment_type,
            posted_at: None,
        })
        .collect();
    c.bench_function("rank a recorded job for 5 campaigns with a resume", |b| {
        let mut next = facts.iter().cycle();
        b.iter(|| {
            let job = next.next().expect("cycle never ends");
            profiles.iter().map(|profile| rank(profile, black_box(job), Some(&resume), &idf, now).score).max()
        })
    });
    c.bench_function("normalize a recorded Greenhouse posting", |b| {
        let mut next = postings.iter().cycle();
        b.iter(|| next.next().map(|posting| normalize(black_box(posting), None)))
    });
}

criterion_group!(benches, salary, dedup, scoring);
criterion_main!(benches);
