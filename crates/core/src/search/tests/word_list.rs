//! A typed prefix is searched as the indexed words it covers. That is only right if the list of
//! words holds every word of the index, folded exactly as FTS5 folds it; these tests compare the
//! list with FTS5's own vocabulary and prefix searches with FTS5's own prefix query.

use std::collections::BTreeSet;

use jobhound_sources::{ParsedPosting, SourceKind, parse};

use crate::Store;
use crate::ingest::write::{ingest, ingest_prepared, prepare_postings};
use crate::search::jobs::{self as search, JobQuery, fts_expression, search_expression};
use crate::your_data::forget::delete_job;

/// Every posting the parsers read from the recorded payloads and pages.
fn recorded_postings() -> Vec<ParsedPosting> {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded");
    let mut postings = Vec::new();
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let body = std::fs::read(entry.unwrap().path()).unwrap();
        for kind in SourceKind::ALL {
            postings.extend(parse(*kind, &body).unwrap_or_default());
        }
    }
    postings
}

/// Made-up jobs whose words FTS5 folds in ways a plain lower-casing would not.
fn unusual_postings(template: &ParsedPosting) -> Vec<ParsedPosting> {
    let texts = [
        ("Ingénieur·e Logiciel", "Société Générale", "Zürich, Schweiz", "<p>Développement C++/Go — naïve façade</p>"),
        ("ENTWICKLER (m/w/d)", "Müller & Söhne GmbH", "MÜNCHEN", "<p>Straße\u{a0}Köln–Düsseldorf x² ½ ﬁnance</p>"),
        ("Desarrollador Señor", "Año Nuevo S.A.", "São Paulo", "<p>e\u{301}tude İstanbul ΣΊΣΥΦΟΣ Ωμέγα</p>"),
        ("ソフトウェアエンジニア", "株式会社テスト", "東京都", "<p>日本語の説明 ١٢٣ ٤٥ emoji 🚀rocket</p>"),
        ("Data_Engineer", "O'Reilly", "New-York", "<p>snake_case it's e-mail 3.14 v2.0 #hash @at</p>"),
    ];
    texts
        .iter()
        .enumerate()
        .map(|(n, (title, company, location, description))| {
            let mut posting = template.clone();
            posting.source_id = format!("unusual-{n}");
            posting.url = Some(format!("https://example.com/unusual/{n}"));
            posting.apply_url = posting.url.clone();
            posting.title = Some((*title).into());
            posting.company = Some((*company).into());
            posting.locations = vec![(*location).into()];
            posting.description_html = Some((*description).into());
            posting
        })
        .collect()
}

fn store_with_everything() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let mut postings = recorded_postings();
    postings.extend(unusual_postings(&postings[0]));
    // Half written as a fetch writes (prepared first, then written), half in one go.
    let later = postings.split_off(postings.len() / 2);
    let batch = store.read(|c| prepare_postings(c, postings, None)).unwrap();
    store.write(|tx| ingest_prepared(tx, batch, "2026-11-23T10:00:00Z")).unwrap();
    store.write(|tx| ingest(tx, &later, None, "2026-11-23T10:00:00Z")).unwrap();
    (dir, store)
}

/// Writes `postings` as a fetch does: prepared outside the write, then written.
fn fetch(store: &Store, postings: Vec<ParsedPosting>, now: &str) {
    let batch = store.read(|c| prepare_postings(c, postings, None)).unwrap();
    store.write(|tx| ingest_prepared(tx, batch, now)).unwrap();
}

fn assert_every_indexed_word_is_listed(store: &Store) {
    let listed = listed_words(store);
    let missing: Vec<String> = index_words(store).difference(&listed).cloned().collect();
    assert!(missing.is_empty(), "not in the list: {missing:?}");
}

fn words(store: &Store, sql: &str) -> BTreeSet<String> {
    store
        .read(|c| {
            c.execute_batch(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_words USING fts5vocab(main, jobs_fts, row)",
            )?;
            let mut statement = c.prepare(sql)?;
            Ok(statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?)
        })
        .unwrap()
}

fn index_words(store: &Store) -> BTreeSet<String> {
    words(store, "SELECT term FROM temp.index_words")
}

fn listed_words(store: &Store) -> BTreeSet<String> {
    words(store, "SELECT term FROM search_terms")
}

/// Job ids FTS5's own prefix query finds for `text`.
fn prefix_query_ids(store: &Store, text: &str) -> BTreeSet<i64> {
    let expression = fts_expression(text).unwrap();
    store
        .read(|c| {
            let mut statement = c.prepare("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?1")?;
            Ok(statement.query_map([&expression], |row| row.get(0))?.collect::<Result<_, _>>()?)
        })
        .unwrap()
}

fn listed_ids(store: &Store, text: &str) -> BTreeSet<i64> {
    let query = JobQuery { text: Some(text.into()), limit: Some(search::MAX_PAGE), ..JobQuery::default() };
    store.read(|c| search::list_jobs(c, &query)).unwrap().jobs.into_iter().map(|job| job.id).collect()
}

#[test]
fn every_word_of_the_index_is_in_the_list_folded_as_fts5_folds_it() {
    let (_dir, store) = store_with_everything();
    let indexed = index_words(&store);
    let listed = listed_words(&store);
    assert!(indexed.len() > 1_000, "{} words", indexed.len());
    let missing: Vec<&String> = indexed.difference(&listed).collect();
    assert!(missing.is_empty(), "not in the list: {missing:?}");
    // The list may hold more: words of copies merged into a job that already had its text. A
    // spelled-out word no job has costs FTS5 one lookup.
    for folded in ["ingenieur", "zurich", "munchen", "societe", "sao", "istanbul", "data", "engineer", "o", "reilly"] {
        assert!(listed.contains(folded), "{folded}");
    }
}

#[test]
fn a_spelled_out_prefix_finds_exactly_what_the_prefix_query_finds() {
    let (_dir, store) = store_with_everything();
    let mut spelled_out = 0;
    let mut kept = 0;
    // Every prefix of a spread of indexed words, including one-letter ones that cover too many
    // words to spell out, and prefixes after another word.
    let samples: Vec<String> = index_words(&store).into_iter().step_by(37).collect();
    for word in &samples {
        for end in 1..=word.chars().count() {
            let prefix: String = word.chars().take(end).collect();
            for text in [prefix.clone(), format!("the {prefix}"), prefix.to_uppercase()] {
                let expression = store.read(|c| search_expression(c, &text)).unwrap().unwrap();
                if expression.ends_with('*') {
                    kept += 1;
                } else {
                    spelled_out += 1;
                }
                assert_eq!(listed_ids(&store, &text), prefix_query_ids(&store, &text), "{text}: {expression}");
            }
        }
    }
    assert!(spelled_out > 100 && kept > 10, "spelled out {spelled_out}, kept as prefixes {kept}");
}

#[test]
fn a_prefix_is_spelled_out_only_when_it_covers_few_words() {
    let (_dir, store) = store_with_everything();
    let expression = |text: &str| store.read(|c| search_expression(c, text)).unwrap().unwrap();
    assert_eq!(expression("Zuric"), "(\"zurich\")");
    assert_eq!(expression("c++ zuric"), "\"c++\" AND (\"zurich\")");
    // Not plain letters and digits: FTS5 cuts and folds it itself.
    assert_eq!(expression("Züri"), "\"Züri\"*");
    assert_eq!(expression("c++"), "\"c++\"*");
    // No word starts with it: the prefix query, which finds nothing just as fast.
    assert_eq!(expression("qqqzzz"), "\"qqqzzz\"*");
    // Hundreds of words start with "s".
    assert_eq!(expression("s"), "\"s\"*");
}

#[test]
fn deleting_a_job_takes_off_the_list_only_the_words_no_other_job_has() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let template = recorded_postings().remove(0);
    let mut postings = unusual_postings(&template);
    postings[0].description_html = Some("<p>Quasarwrangler Zürcher and shared words</p>".into());
    postings[1].description_html = Some("<p>shared words</p>".into());
    store.write(|tx| ingest(tx, &postings, None, "2026-11-23T10:00:00Z")).unwrap();
    assert!(listed_words(&store).is_superset(&["quasarwrangler".to_string(), "zurcher".to_string()].into()));
    let id: i64 = store
        .read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = 'Ingénieur·e Logiciel'", [], |row| row.get(0))?))
        .unwrap();

    delete_job(&store, dir.path(), id).unwrap();
    let listed = listed_words(&store);
    assert!(!listed.contains("quasarwrangler") && !listed.contains("zurcher"), "its own words are gone");
    assert!(listed.contains("shared") && listed.contains("words"), "words another job has stay");
    assert_eq!(listed, index_words(&store));
    assert!(listed_ids(&store, "quasarw").is_empty());
}

#[test]
fn words_of_changed_jobs_and_of_filled_descriptions_join_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let template = recorded_postings().remove(0);
    let postings = unusual_postings(&template);
    // The second job is first listed without its text.
    let mut bare = postings[1].clone();
    bare.description_html = None;
    bare.payload["content"] = serde_json::Value::Null;
    fetch(&store, vec![postings[0].clone(), bare], "2026-11-20T10:00:00Z");

    // The first job's text changes; a copy of the second from another board brings its text.
    let mut changed = postings[0].clone();
    changed.description_html = Some("<p>Tune the Xylophonic résonateurs.</p>".into());
    changed.payload["content"] = "changed".into();
    let mut described = postings[1].clone();
    described.source = SourceKind::Jsonld;
    described.source_id = "elsewhere".into();
    described.description_html = Some("<p>Calibrate the Zyxwvut telescopes.</p>".into());
    fetch(&store, vec![changed, described], "2026-11-21T10:00:00Z");

    assert_every_indexed_word_is_listed(&store);
    for word in ["xylophonic", "resonateurs", "zyxwvut"] {
        assert!(listed_words(&store).contains(word), "{word}");
        let prefix = &word[..word.len() - 2];
        assert_eq!(listed_ids(&store, prefix).len(), 1, "{prefix}");
    }
}

#[test]
fn a_prepared_job_deleted_before_its_write_brings_its_words_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let template = recorded_postings().remove(0);
    let mut posting = unusual_postings(&template).remove(0);
    posting.description_html = Some("<p>Quasarwrangler wanted.</p>".into());
    fetch(&store, vec![posting.clone()], "2026-11-20T10:00:00Z");

    // Seen again unchanged, so prepared with no text to index; then deleted before the write,
    // which therefore stores it anew.
    let batch = store.read(|c| prepare_postings(c, vec![posting], None)).unwrap();
    let id: i64 = store.read(|c| Ok(c.query_row("SELECT id FROM jobs", [], |row| row.get(0))?)).unwrap();
    delete_job(&store, dir.path(), id).unwrap();
    assert!(!listed_words(&store).contains("quasarwrangler"));
    let counts = store.write(|tx| ingest_prepared(tx, batch, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!(counts.new_jobs, 1);

    assert_every_indexed_word_is_listed(&store);
    assert_eq!(listed_ids(&store, "quasarwr").len(), 1);
}
