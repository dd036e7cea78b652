//! The ingest bench stores the whole corpus: boards prepared side by side are written in order,
//! and every job is ranked for every campaign.

use jobhound_bench::ingest_bench;

#[test]
fn every_board_is_written_in_order_and_every_job_ranked() {
    let dir = tempfile::tempdir().unwrap();
    // Three boards (500, 500 and 300 postings): the two preparing threads take turns.
    let result = ingest_bench(dir.path(), 1300).unwrap();
    assert_eq!(result.postings, 1300);
    // The figures the bench prints are the ones its timings give, not placeholders.
    let close = |left: f64, right: f64, what: &str| {
        assert!(left.is_finite() && (left - right).abs() <= right.abs() * 1e-9, "{what}: {left} vs {right}");
    };
    close(result.postings_per_second, 1300.0 / result.first_seconds, "postings/s");
    close(result.reingest_speedup, result.first_seconds / result.reingest_seconds, "re-ingest speed-up");
    close(result.ratio, result.postings_per_second / result.baseline_rows_per_second, "ratio");
    close(result.store_floor_postings_per_second, 1300.0 / result.store_floor_seconds, "store floor");
    let stages = result.first_stages;
    assert!(stages.parse > 0.0 && stages.normalize > 0.0, "{stages:?}");
    assert!(result.peak_mb > 1.0, "peak memory is read from the process: {}", result.peak_mb);

    let connection = rusqlite::Connection::open(dir.path().join("bench/jobhound.db")).unwrap();
    let ids: Vec<i64> = connection
        .prepare("SELECT CAST(source_job_id AS INTEGER) FROM postings ORDER BY id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids.len(), 1300, "every posting stored once, the second pass changing nothing");
    let boards: Vec<i64> = ids.iter().map(|id| id / 1_000_000).collect();
    assert!(boards.windows(2).all(|pair| pair[0] <= pair[1]), "boards written in corpus order");
    assert_eq!(boards.last(), Some(&2));

    let (jobs, matches): (i64, i64) = connection
        .query_row("SELECT (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM matches)", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .unwrap();
    assert_eq!(matches, jobs * 5, "each job ranked for the five campaigns");
    assert!(result.ranked as i64 >= matches, "merged copies rank their job again");

    // The store floor copied exactly those rows, so it bounds what the pipeline stored.
    let floor = rusqlite::Connection::open(dir.path().join("floor.db")).unwrap();
    for table in ["postings", "jobs", "job_postings", "matches", "search_terms"] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let count =
            |connection: &rusqlite::Connection| -> i64 { connection.query_row(&sql, [], |row| row.get(0)).unwrap() };
        assert_eq!(count(&floor), count(&connection), "{table}");
    }
    let bytes =
        "SELECT TOTAL(LENGTH(payload)) + (SELECT TOTAL(LENGTH(description_html) + LENGTH(description_text)) FROM jobs)
                     + (SELECT TOTAL(LENGTH(explanation)) FROM matches) FROM postings";
    let stored =
        |connection: &rusqlite::Connection| -> f64 { connection.query_row(bytes, [], |row| row.get(0)).unwrap() };
    assert_eq!(stored(&floor), stored(&connection), "the same payloads, descriptions and explanations");
    let found = |connection: &rusqlite::Connection| -> i64 {
        connection
            .query_row("SELECT COUNT(*) FROM jobs_fts WHERE jobs_fts MATCH 'kubernetes'", [], |row| row.get(0))
            .unwrap()
    };
    assert!(found(&connection) > 0);
    assert_eq!(found(&floor), found(&connection), "the floor indexed every job's text");
    floor.execute_batch("INSERT INTO jobs_fts (jobs_fts) VALUES ('integrity-check')").unwrap();
}
