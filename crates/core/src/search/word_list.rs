//! The words the search index holds, kept beside it in `search_terms` (migration 0011).
//!
//! A search's last word is typed as a prefix. FTS5 answers a prefix query by merging the position
//! lists of every word it covers, about twice as slow as the same words joined by OR. So a prefix
//! is looked up here and searched as those words, as long as there are few of them.
//!
//! The list must hold every word of the index, or a search would miss jobs. Words made of ASCII
//! letters and digits are cut and lower-cased here exactly as FTS5's unicode61 tokenizer does
//! (every other ASCII character separates words); anything else is handed to FTS5's own tokenizer,
//! so accents and other scripts fold the same way they do in the index.

use rusqlite::{Connection, Transaction};
use rustc_hash::FxHashSet;

use crate::CoreError;

/// More words than this and the prefix query is as fast (at 100,000 jobs: 21 words joined by OR
/// took half the prefix query's time, 111 words 1.4 times).
pub(crate) const MOST_WORDS: usize = 32;

/// `jobs_fts`'s tokenizer, as migrations/0001_foundation.sql declares it.
const TOKENIZER: &str = "unicode61 remove_diacritics 2";

/// Words of jobs' indexed text, gathered before the write (off the writer's thread): ASCII words
/// as FTS5 stores them, and runs with other characters as written, for FTS5 to fold at the write.
#[derive(Default)]
pub struct Words {
    plain: FxHashSet<String>,
    other: FxHashSet<String>,
    lowered: String,
}

impl Words {
    pub(crate) fn add(&mut self, text: &str) {
        for run in runs(text) {
            let (set, word) = if run.non_ascii {
                (&mut self.other, run.text)
            } else if run.upper {
                self.lowered.clear();
                self.lowered.push_str(run.text);
                self.lowered.make_ascii_lowercase();
                (&mut self.plain, self.lowered.as_str())
            } else {
                (&mut self.plain, run.text)
            };
            if !set.contains(word) {
                set.insert(word.to_string());
            }
        }
    }

    pub(crate) fn extend(&mut self, more: Words) {
        self.plain.extend(more.plain);
        self.other.extend(more.other);
    }
}

/// Adds `words` (of jobs this write indexes) to the list.
pub(crate) fn record(tx: &Transaction<'_>, words: Words) -> Result<(), CoreError> {
    let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)")?;
    for term in terms(tx, words)? {
        insert.execute([term])?;
    }
    Ok(())
}

/// Removes the words of `texts` (a job just deleted) that no job holds any more.
pub(crate) fn forget(tx: &Transaction<'_>, texts: &[String]) -> Result<(), CoreError> {
    let mut words = Words::default();
    texts.iter().for_each(|text| words.add(text));
    let mut still_used = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM jobs_fts WHERE jobs_fts MATCH ?1)")?;
    let mut delete = tx.prepare_cached("DELETE FROM search_terms WHERE term = ?1")?;
    for term in terms(tx, words)? {
        if !still_used.query_row([quoted(&term)], |row| row.get::<_, bool>(0))? {
            delete.execute([term])?;
        }
    }
    Ok(())
}

/// The indexed words starting with `prefix`, in order, when it is plain ASCII letters and digits
/// and they are at most [`MOST_WORDS`]; `None` otherwise (the caller keeps the prefix query).
pub(crate) fn words_starting(connection: &Connection, prefix: &str) -> Result<Option<Vec<String>>, CoreError> {
    if prefix.is_empty() || !prefix.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let prefix = prefix.to_ascii_lowercase();
    // Letters and digits are never the last ASCII character, so the bound stays ASCII.
    let mut bound = prefix.clone().into_bytes();
    if let Some(last) = bound.last_mut() {
        *last += 1;
    }
    let bound = String::from_utf8(bound).unwrap_or_default();
    let words = connection
        .prepare_cached("SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3")?
        .query_map(rusqlite::params![prefix, bound, MOST_WORDS as i64 + 1], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((!words.is_empty() && words.len() <= MOST_WORDS).then_some(words))
}

/// A word as an FTS5 string: nothing in it is read as query syntax.
pub(crate) fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// Every distinct word of `words` as FTS5 stores it, in sorted order.
fn terms(tx: &Transaction<'_>, words: Words) -> Result<Vec<String>, CoreError> {
    let mut terms: Vec<String> = words.plain.into_iter().collect();
    if !words.other.is_empty() {
        terms.extend(folded_by_fts5(tx, &words.other)?);
    }
    terms.sort_unstable();
    terms.dedup();
    Ok(terms)
}

/// A run of text between ASCII characters other than letters and digits. A run with non-ASCII
/// characters may hold more than one word: FTS5 also separates words at some of those.
struct Run<'a> {
    text: &'a str,
    upper: bool,
    non_ascii: bool,
}

/// The runs of `text`, found in one pass over its bytes (this reads every word ingest indexes).
fn runs(text: &str) -> impl Iterator<Item = Run<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while bytes.get(at).is_some_and(|byte| separates(*byte)) {
            at += 1;
        }
        let start = at;
        let (mut upper, mut non_ascii) = (false, false);
        while let Some(byte) = bytes.get(at).filter(|byte| !separates(**byte)) {
            upper |= byte.is_ascii_uppercase();
            non_ascii |= !byte.is_ascii();
            at += 1;
        }
        // Both ends sit next to an ASCII byte or at an end of the text, so they are char boundaries.
        let text = text.get(start..at).filter(|run| !run.is_empty())?;
        Some(Run { text, upper, non_ascii })
    })
}

fn separates(byte: u8) -> bool {
    byte.is_ascii() && !byte.is_ascii_alphanumeric()
}

/// The words FTS5's tokenizer makes of `pieces`, read from a scratch index in the temp schema.
fn folded_by_fts5(tx: &Transaction<'_>, pieces: &FxHashSet<String>) -> Result<Vec<String>, CoreError> {
    tx.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms_scratch
             USING fts5 (text, content = '', detail = none, tokenize = '{TOKENIZER}');
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms_scratch_words
             USING fts5vocab (temp, search_terms_scratch, row);"
    ))?;
    let text = pieces.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
    tx.prepare_cached("INSERT INTO temp.search_terms_scratch (text) VALUES (?1)")?.execute([text])?;
    let words = tx
        .prepare_cached("SELECT term FROM temp.search_terms_scratch_words")?
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    tx.execute("INSERT INTO temp.search_terms_scratch (search_terms_scratch) VALUES ('delete-all')", [])?;
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_cut_at_ascii_separators_only() {
        let found: Vec<(&str, bool, bool)> =
            runs("C++/go, Zürich—Remote (EMEA) x_y!").map(|run| (run.text, run.upper, run.non_ascii)).collect();
        assert_eq!(
            found,
            [
                ("C", true, false),
                ("go", false, false),
                ("Zürich—Remote", true, true),
                ("EMEA", true, false),
                ("x", false, false),
                ("y", false, false)
            ]
        );
        assert_eq!(runs("").count() + runs(" ,; ").count(), 0);
    }

    #[test]
    fn quoting_keeps_syntax_out() {
        assert_eq!(quoted("a\"b"), "\"a\"\"b\"");
    }
}
