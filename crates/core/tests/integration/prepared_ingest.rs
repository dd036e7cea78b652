//! Postings normalized outside the write transaction and written later, as a campaign run does
//! while another source holds the write lock.

use jobhound_core::Store;
use jobhound_core::ingest::{ingest, ingest_prepared, prepare_postings};
use jobhound_core::sources::{ParsedPosting, SourceKind};

const VERCEL: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");

fn postings() -> Vec<ParsedPosting> {
    jobhound_core::sources::parse(SourceKind::Greenhouse, VERCEL).unwrap()
}

fn titles(store: &Store) -> Vec<String> {
    store
        .read(|connection| {
            let mut statement = connection.prepare("SELECT title FROM jobs ORDER BY id")?;
            let rows = statement.query_map([], |row| row.get(0))?;
            Ok(rows.collect::<Result<Vec<String>, _>>()?)
        })
        .unwrap()
}

#[test]
fn a_prepared_batch_writes_what_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let prepared_store = Store::open(&dir.path().join("prepared.db")).unwrap();
    let direct_store = Store::open(&dir.path().join("direct.db")).unwrap();
    let postings = postings();

    let batch =
        prepared_store.read(|connection| prepare_postings(connection, postings.clone(), Some("Vercel"))).unwrap();
    let prepared = prepared_store.write(|tx| ingest_prepared(tx, batch, "2026-11-23T10:00:00Z")).unwrap();
    let direct = direct_store.write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-23T10:00:00Z")).unwrap();
    assert_eq!(prepared, direct);
    assert_eq!(prepared.new_jobs, 2);
    assert_eq!(titles(&prepared_store), titles(&direct_store));

    // Served again unchanged: nothing to normalize, nothing new.
    let batch =
        prepared_store.read(|connection| prepare_postings(connection, postings.clone(), Some("Vercel"))).unwrap();
    let again = prepared_store.write(|tx| ingest_prepared(tx, batch, "2026-11-23T11:00:00Z")).unwrap();
    assert_eq!((again.new_jobs, again.unchanged, again.updated), (0, 2, 0));
}

#[test]
fn postings_stored_after_preparing_are_not_stored_twice() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("race.db")).unwrap();
    let postings = postings();
    let renamed = || {
        let mut edited = postings[..1].to_vec();
        edited[0].title = Some("Renamed While Preparing".into());
        edited[0].payload["title"] = "Renamed While Preparing".into();
        edited
    };

    // Prepared while the database knew none of them; then another write stores one, changed.
    let batch = store.read(|connection| prepare_postings(connection, postings.clone(), Some("Vercel"))).unwrap();
    let first = store.write(|tx| ingest(tx, &renamed(), Some("Vercel"), "2026-11-23T10:00:00Z")).unwrap();
    assert_eq!(first.new_jobs, 1);
    let counts = store.write(|tx| ingest_prepared(tx, batch, "2026-11-23T10:05:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.updated), (1, 1), "the posting stored meanwhile is updated, not added");
    let original = postings[0].title.clone().unwrap();
    assert_eq!(titles(&store).len(), 2);
    assert!(titles(&store).contains(&original));

    // Prepared as unchanged; then another write changes it: the batch's version is written back.
    let batch = store.read(|connection| prepare_postings(connection, postings.clone(), Some("Vercel"))).unwrap();
    store.write(|tx| ingest(tx, &renamed(), Some("Vercel"), "2026-11-23T10:10:00Z")).unwrap();
    assert!(titles(&store).contains(&"Renamed While Preparing".to_string()));
    let counts = store.write(|tx| ingest_prepared(tx, batch, "2026-11-23T10:15:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.updated, counts.unchanged), (0, 1, 1));
    assert!(titles(&store).contains(&original), "not left as the other write had it: {:?}", titles(&store));
}
