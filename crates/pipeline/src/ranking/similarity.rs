//! TF-IDF vectors and cosine similarity between a resume and a job.

use std::collections::HashMap;

/// Sparse term weights, sorted by term so two vectors merge in one pass.
pub type Vector = Vec<(String, f64)>;

/// Words too common in job ads and resumes to say anything (also what never starts or ends a
/// key phrase of a posting, in `resume::gap`).
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "has",
    "have",
    "in",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "our",
    "that",
    "the",
    "their",
    "this",
    "to",
    "we",
    "will",
    "with",
    "you",
    "your",
    "who",
    "what",
    "they",
    "about",
    "all",
    "can",
    "but",
    "not",
    "more",
    "team",
    "work",
    "working",
    "role",
    "job",
    "company",
    "experience",
];

/// Inverse document frequencies from a corpus of job texts; unknown terms count as rare.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    documents: f64,
    frequency: HashMap<String, u32>,
}

pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .filter(|word| word.len() > 1)
        .map(str::to_lowercase)
        .filter(|word| !STOPWORDS.contains(&word.as_str()))
}

impl Idf {
    pub fn from_documents<'a>(documents: impl IntoIterator<Item = &'a str>) -> Self {
        let mut idf = Self::default();
        for document in documents {
            idf.add(document);
        }
        idf
    }

    pub fn add(&mut self, document: &str) {
        self.documents += 1.0;
        let mut seen: Vec<String> = terms(document).collect();
        seen.sort_unstable();
        seen.dedup();
        for term in seen {
            *self.frequency.entry(term).or_default() += 1;
        }
    }

    pub fn weight(&self, term: &str) -> f64 {
        let frequency = f64::from(self.frequency.get(term).copied().unwrap_or(0));
        ((1.0 + self.documents) / (1.0 + frequency)).ln() + 1.0
    }

    /// The text's TF-IDF vector, normalized to unit length.
    pub fn vector(&self, text: &str) -> Vector {
        let mut counts: HashMap<String, f64> = HashMap::new();
        for term in terms(text) {
            *counts.entry(term).or_default() += 1.0;
        }
        let mut vector: Vector = counts
            .into_iter()
            .map(|(term, count)| {
                let weight = (1.0 + count.ln()) * self.weight(&term);
                (term, weight)
            })
            .collect();
        let norm = vector.iter().map(|(_, weight)| weight * weight).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, weight) in &mut vector {
                *weight /= norm;
            }
        }
        vector.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        vector
    }
}

/// Cosine of two unit vectors: their dot product.
pub fn cosine_similarity(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot.clamp(0.0, 1.0)
}

/// The shared terms that contribute most to the similarity, for the explanation.
pub fn top_shared_terms(a: &Vector, b: &Vector, count: usize) -> Vec<String> {
    let weights: HashMap<&str, f64> = b.iter().map(|(term, weight)| (term.as_str(), *weight)).collect();
    let mut shared: Vec<(&str, f64)> = a
        .iter()
        .filter_map(|(term, weight)| weights.get(term.as_str()).map(|other| (term.as_str(), weight * other)))
        .collect();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1));
    shared.into_iter().take(count).map(|(term, _)| term.to_string()).collect()
}
