//! Jobhound's benchmarks and evaluations, behind `jobhound-cli bench` and `eval` and never linked
//! into the app: the pipeline's speed on a synthetic corpus shaped like the recorded Greenhouse
//! payloads, against a plain SQLite bulk insert of the same rows; the search latency over it; and
//! the duplicate rules on labelled pairs (`dedup_eval`), and the fabrication check of tailored
//! resumes on labelled pairs (`fabrication_eval`), and the inbox's rules on labelled messages
//! (`inbox_eval`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;
use jobhound_sources::SourceKind;
use serde::Serialize;
use serde_json::{Value, json};

use jobhound_core::campaigns::{CampaignInput, rank_for_active_campaigns};
use jobhound_core::ingest::{PreparedPostings, ingest, ingest_prepared, prepare_postings};
use jobhound_core::normalize::Seniority;
use jobhound_core::ranking::{Profile, RemotePreference};
use jobhound_core::search::{JobFilters, JobQuery, JobSort};
use jobhound_core::store::database_path;
use jobhound_core::{Jobhound, Store};

pub mod dedup_eval;
mod error;
pub mod fabrication_eval;
mod floor;
pub mod inbox_eval;

pub use error::BenchError;

const BOARD_SIZE: usize = 500;
const RECORDED: &str = include_str!("../../../assets/recorded/greenhouse-sample-1.json");

const TITLES: &[&str] = &[
    "Senior Software Engineer",
    "Backend Engineer",
    "Frontend Engineer",
    "Staff Engineer, Platform",
    "Data Engineer",
    "Machine Learning Engineer",
    "Product Designer",
    "Engineering Manager",
    "Site Reliability Engineer",
    "Account Executive, Commercial",
    "Customer Success Manager",
    "Product Manager",
    "Security Engineer",
    "Mobile Engineer (iOS)",
    "Data Scientist",
    "Technical Writer",
    "Solutions Architect",
    "QA Engineer",
    "DevOps Engineer",
    "Junior Developer",
];
const PLACES: &[&str] = &[
    "Hybrid - London",
    "Remote - US",
    "Berlin, Germany",
    "New York, NY",
    "Remote (EMEA)",
    "San Francisco, CA",
    "Amsterdam",
    "Toronto, ON",
    "Paris",
    "Remote",
    "Lisbon",
    "Singapore",
];
const SENTENCES: &[&str] = &[
    "You will design and build services in Rust, Go and Python on PostgreSQL and Kafka.",
    "Our stack is TypeScript, React and Node.js, deployed on AWS with Kubernetes and Terraform.",
    "You have shipped production systems and care about testing, observability and CI/CD.",
    "The base salary range for this role is $140,000 - $180,000 plus equity.",
    "We offer flexible hours, a learning budget and 30 days of paid holiday.",
    "Experience with Spark, Airflow and dbt is a plus for our data platform.",
    "You will work closely with design, product and customer success.",
    "We are an equal opportunity employer and value diversity.",
    "This is a hybrid role with three days a week in our office.",
    "Mentor engineers, review designs and raise the bar for quality.",
];

/// Deterministic pseudo-random numbers (xorshift), so every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Board `index` of the corpus as a Greenhouse `jobs?content=true` body.
fn board(index: usize, size: usize) -> Vec<u8> {
    let recorded: Value = serde_json::from_str(RECORDED).unwrap_or(Value::Null);
    let template = recorded["jobs"][0].clone();
    let intro = template["content"].as_str().unwrap_or_default().chars().take(1200).collect::<String>();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (index as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let company = format!("Company {index}");
    let jobs: Vec<Value> = (0..size)
        .map(|n| {
            let mut job = template.clone();
            let id = index * 1_000_000 + n;
            let title = rng.pick(TITLES);
            let mut content = format!("&lt;h2&gt;{title} at {company}&lt;/h2&gt;{intro}");
            for _ in 0..6 {
                content.push_str(&format!("&lt;p&gt;{}&lt;/p&gt;", rng.pick(SENTENCES)));
            }
            job["id"] = json!(id);
            job["internal_job_id"] = json!(id);
            job["title"] = json!(format!("{title} {}", n % 37));
            job["company_name"] = json!(company);
            job["location"] = json!({"name": rng.pick(PLACES)});
            job["absolute_url"] = json!(format!("https://job-boards.greenhouse.io/company{index}/jobs/{id}"));
            job["first_published"] =
                json!(format!("2026-{:02}-{:02}T10:00:00-04:00", 1 + rng.next() % 11, 1 + rng.next() % 28));
            job["content"] = json!(content);
            job
        })
        .collect();
    serde_json::to_vec(&json!({"jobs": jobs, "meta": {"total": size}})).unwrap_or_default()
}

fn boards(jobs: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..jobs.div_ceil(BOARD_SIZE)).map(move |index| (index, BOARD_SIZE.min(jobs - index * BOARD_SIZE)))
}

/// Boards parsed and normalized side by side ahead of the writer.
const PREPARING_THREADS: usize = 2;

type PreparedBoard = (PreparedPostings, Duration, Duration);

/// Reads, parses and prepares one board; with the time parsing and preparing took.
fn prepare_board(store: &Store, path: &Path) -> Result<PreparedBoard, BenchError> {
    let parsing = Instant::now();
    let postings = jobhound_sources::parse(SourceKind::Greenhouse, &read_board(path)?)?;
    let parsed = parsing.elapsed();
    let preparing = Instant::now();
    let prepared = store.read(|connection| prepare_postings(connection, postings, None))?;
    Ok((prepared, parsed, preparing.elapsed()))
}

/// The corpus as one Greenhouse body per file under `dir`.
fn write_corpus(dir: &Path, jobs: usize) -> Result<Vec<PathBuf>, BenchError> {
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder)
        .map_err(|error| BenchError::Io { context: format!("creating {}", folder.display()), error })?;
    boards(jobs)
        .map(|(index, size)| {
            let path = folder.join(format!("board-{index}.json"));
            std::fs::write(&path, board(index, size))
                .map_err(|error| BenchError::Io { context: format!("writing {}", path.display()), error })?;
            Ok(path)
        })
        .collect()
}

/// Flushes `files` to disk, so that the kernel writing back what an untimed step (or the other
/// measurement) left in memory is not timed as part of the next measurement.
fn settle(files: &[PathBuf]) -> Result<(), BenchError> {
    for path in files.iter().filter(|path| path.exists()) {
        std::fs::File::open(path)
            .and_then(|file| file.sync_all())
            .map_err(|error| BenchError::Io { context: format!("flushing {}", path.display()), error })?;
    }
    Ok(())
}

fn read_board(path: &Path) -> Result<Vec<u8>, BenchError> {
    std::fs::read(path).map_err(|error| BenchError::Io { context: format!("reading {}", path.display()), error })
}

/// Five campaigns of the kinds people run.
pub fn sample_profiles() -> Vec<Profile> {
    let base = Profile::default();
    vec![
        Profile {
            keywords: vec!["rust".into(), "backend".into()],
            skills: vec!["Rust".into(), "PostgreSQL".into()],
            remote: RemotePreference::RemoteOrHybrid,
            salary_floor: Some(120_000.0),
            salary_currency: Some("USD".into()),
            ..base.clone()
        },
        Profile {
            keywords: vec!["frontend".into(), "react".into()],
            skills: vec!["React".into(), "TypeScript".into()],
            locations: vec!["Berlin".into(), "DE".into()],
            ..base.clone()
        },
        Profile {
            keywords: vec!["data".into()],
            skills: vec!["Apache Spark".into(), "Airflow".into(), "Python".into()],
            seniority: vec![Seniority::Senior],
            ..base.clone()
        },
        Profile {
            keywords: vec!["manager".into()],
            excluded_keywords: vec!["junior".into()],
            seniority: vec![Seniority::Manager],
            ..base.clone()
        },
        Profile {
            keywords: vec!["account executive".into()],
            locations: vec!["London".into()],
            remote: RemotePreference::InPerson,
            ..base
        },
    ]
}

#[derive(Debug, Clone, Serialize)]
pub struct IngestBench {
    pub postings: usize,
    pub postings_per_second: f64,
    pub baseline_rows_per_second: f64,
    pub ratio: f64,
    pub peak_mb: f64,
    pub reingest_speedup: f64,
    pub first_seconds: f64,
    pub reingest_seconds: f64,
    /// Matches scored and stored with their explanations (jobs x campaigns).
    pub ranked: usize,
    /// Where the first pass spent its time.
    pub first_stages: Stages,
    /// Seconds SQLite alone takes to store the first pass's rows (see [`floor`]).
    pub store_floor_seconds: f64,
    /// The postings per second that floor allows: no pipeline storing these rows is faster here.
    pub store_floor_postings_per_second: f64,
}

/// Seconds spent in each stage. Parsing and normalizing (hashing, normalizing, dedup keys) run on
/// their own thread a board ahead of the writes, so the stages add up to more than the pass took.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Stages {
    pub parse: f64,
    pub normalize: f64,
    /// Deduplicating, storing and indexing: one write transaction per board.
    pub store: f64,
    pub rank: f64,
}

/// Peak resident memory of this process, from /proc (0 where that is not available).
pub fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs parse + normalize + dedup + store + index + rank over `jobs` postings, then the same
/// corpus again (unchanged), then a plain bulk insert of the same rows as the baseline.
pub fn ingest_bench(dir: &Path, jobs: usize) -> Result<IngestBench, BenchError> {
    let data_dir = dir.join("bench");
    std::fs::create_dir_all(&data_dir)
        .map_err(|error| BenchError::Io { context: format!("creating {}", data_dir.display()), error })?;
    // Real campaigns, so ranking stores each match with its explanation as a fetch does.
    let app = Jobhound::open(&data_dir)?;
    for (index, profile) in sample_profiles().into_iter().enumerate() {
        let input = CampaignInput { name: format!("Bench {}", index + 1), profile, ..CampaignInput::default() };
        app.create_campaign(&input)?;
    }
    drop(app);
    let store = Store::open(&database_path(&data_dir))?;
    // Written out first, so making the synthetic corpus is not timed; each pass reads it back as
    // a fetch would receive it.
    let corpus = write_corpus(dir, jobs)?;
    let corpus = corpus.as_slice();
    settle(corpus)?;
    let now = Utc::now();
    let mut ranked = 0;
    let mut pass = |store: &Store, stages: &mut Stages| -> Result<Duration, BenchError> {
        let started = Instant::now();
        // As in a campaign run, where sources of different kinds are fetched side by side, boards
        // are parsed and normalized by two threads (alternate boards) ahead of the writes, which
        // take them in order.
        std::thread::scope(|scope| {
            let mut receivers = Vec::new();
            for first in 0..PREPARING_THREADS {
                let (sender, receiver) = std::sync::mpsc::sync_channel(1);
                receivers.push(receiver);
                scope.spawn(move || {
                    for path in corpus.get(first..).unwrap_or_default().iter().step_by(PREPARING_THREADS) {
                        let prepared = prepare_board(store, path);
                        let failed = prepared.is_err();
                        if sender.send(prepared).is_err() || failed {
                            break;
                        }
                    }
                });
            }
            for index in 0..corpus.len() {
                // A preparing thread only stops early after sending its error.
                let ready = receivers[index % PREPARING_THREADS]
                    .recv()
                    .map_err(|_| BenchError::Internal(format!("board {index} was never prepared")))?;
                let (prepared, parsed, normalized) = ready?;
                stages.parse += parsed.as_secs_f64();
                stages.normalize += normalized.as_secs_f64();
                let stamp = jobhound_core::time::now_rfc3339();
                let writing = Instant::now();
                let mut rank_time = Duration::ZERO;
                store.write(|tx| {
                    let counts = ingest_prepared(tx, prepared, &stamp)?;
                    let ranking = Instant::now();
                    ranked += rank_for_active_campaigns(tx, &counts.changed_jobs, None, now)?
                        .iter()
                        .map(|(_, counts)| counts.ranked as usize)
                        .sum::<usize>();
                    rank_time = ranking.elapsed();
                    Ok(())
                })?;
                stages.store += (writing.elapsed() - rank_time).as_secs_f64();
                stages.rank += rank_time.as_secs_f64();
            }
            Ok::<(), BenchError>(())
        })?;
        Ok(started.elapsed())
    };
    let mut first_stages = Stages::default();
    let first = pass(&store, &mut first_stages)?;
    let again = pass(&store, &mut Stages::default())?;
    let database = store.path().to_path_buf();
    drop(store);
    settle(&[database.clone(), database.with_extension("db-wal")])?;
    let floor_database = dir.join("floor.db");
    let store_floor = floor::store_floor(&database, &floor_database)?;
    settle(&[floor_database.clone(), floor_database.with_extension("db-wal")])?;
    let baseline = baseline_insert(dir, corpus)?;
    let seconds = first.as_secs_f64().max(f64::EPSILON);
    let postings_per_second = jobs as f64 / seconds;
    let baseline_rows_per_second = jobs as f64 / baseline.as_secs_f64().max(f64::EPSILON);
    Ok(IngestBench {
        postings: jobs,
        postings_per_second,
        baseline_rows_per_second,
        ratio: postings_per_second / baseline_rows_per_second,
        peak_mb: peak_memory_mb(),
        reingest_speedup: seconds / again.as_secs_f64().max(f64::EPSILON),
        first_seconds: seconds,
        reingest_seconds: again.as_secs_f64(),
        ranked,
        first_stages,
        store_floor_seconds: store_floor.as_secs_f64(),
        store_floor_postings_per_second: jobs as f64 / store_floor.as_secs_f64().max(f64::EPSILON),
    })
}

/// The same rows, straight into one SQLite table in batches: the floor any pipeline pays.
fn baseline_insert(dir: &Path, corpus: &[PathBuf]) -> Result<Duration, BenchError> {
    let mut connection = rusqlite::Connection::open(dir.join("baseline.db"))?;
    connection.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
         CREATE TABLE rows (id INTEGER PRIMARY KEY, source_id TEXT, title TEXT, company TEXT, location TEXT,
                            url TEXT, posted_at TEXT, description TEXT, payload TEXT);",
    )?;
    let mut elapsed = Duration::ZERO;
    for path in corpus {
        let started = Instant::now();
        let parsed: Value = serde_json::from_slice(&read_board(path)?)?;
        let tx = connection.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO rows (source_id, title, company, location, url, posted_at, description, payload)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for job in parsed["jobs"].as_array().into_iter().flatten() {
                insert.execute(rusqlite::params![
                    job["id"].to_string(),
                    job["title"].as_str(),
                    job["company_name"].as_str(),
                    job["location"]["name"].as_str(),
                    job["absolute_url"].as_str(),
                    job["first_published"].as_str(),
                    job["content"].as_str(),
                    job.to_string(),
                ])?;
            }
        }
        tx.commit()?;
        elapsed += started.elapsed();
    }
    Ok(elapsed)
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchBench {
    pub jobs: usize,
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// p95 of the same number of list queries with the browsing filters, per sort order.
    pub filtered_p95_ms: Vec<(String, f64)>,
}

/// Full-text searches with a source filter over `jobs` stored jobs.
pub fn search_bench(dir: &Path, jobs: usize, queries: usize) -> Result<SearchBench, BenchError> {
    // Through the facade, as the window searches.
    let app = Jobhound::open(&dir.join("search"))?;
    let store = app.store();
    for (index, size) in boards(jobs) {
        let postings = jobhound_sources::parse(SourceKind::Greenhouse, &board(index, size))?;
        let stamp = jobhound_core::time::now_rfc3339();
        store.write(|tx| ingest(tx, &postings, None, &stamp))?;
    }
    let words = [
        "rust",
        "engineer",
        "senior backend",
        "data",
        "react typescript",
        "kubernetes",
        "account executive",
        "design",
        "python",
        "remote",
    ];
    let mut timings = Vec::with_capacity(queries);
    for n in 0..queries {
        let query = JobQuery {
            text: Some(words[n % words.len()].to_string()),
            source: (n % 2 == 0).then(|| "greenhouse".to_string()),
            limit: Some(100),
            ..JobQuery::default()
        };
        let started = Instant::now();
        std::hint::black_box(app.list_jobs(&query)?);
        timings.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50_ms, p95_ms, max_ms) = percentiles(&mut timings);
    let mut filtered_p95_ms = Vec::new();
    for (name, sort) in [("newest", JobSort::Newest), ("salary", JobSort::Salary), ("score", JobSort::Score)] {
        let mut timings = Vec::with_capacity(queries);
        for n in 0..queries {
            let filters = match n % 4 {
                0 => JobFilters { work_modes: vec![jobhound_sources::WorkMode::Remote], ..JobFilters::default() },
                1 => JobFilters { location: Some("london".into()), ..JobFilters::default() },
                2 => JobFilters { salary_min: Some(80_000.0), ..JobFilters::default() },
                _ => JobFilters { posted_within_days: Some(30), ..JobFilters::default() },
            };
            let query = JobQuery {
                text: (n % 3 == 0).then(|| words[n % words.len()].to_string()),
                filters: Some(filters),
                sort: Some(sort),
                limit: Some(100),
                ..JobQuery::default()
            };
            let started = Instant::now();
            std::hint::black_box(app.list_jobs(&query)?);
            timings.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        filtered_p95_ms.push((name.to_string(), percentiles(&mut timings).1));
    }
    Ok(SearchBench { jobs, queries, p50_ms, p95_ms, max_ms, filtered_p95_ms })
}

/// p50, p95 and max of `timings` (sorted in place).
fn percentiles(timings: &mut [f64]) -> (f64, f64, f64) {
    timings.sort_by(f64::total_cmp);
    let at = |fraction: f64| {
        timings[((timings.len() as f64 * fraction).ceil() as usize).saturating_sub(1).min(timings.len() - 1)]
    };
    (at(0.5), at(0.95), timings.last().copied().unwrap_or(0.0))
}
