//! What a description says, reduced to what dedup compares: a SimHash over the whole text (stored,
//! for near-identical copies), its hashed word 3-shingles in order (for copies cut short,
//! rewrapped, wrapped in a board's boilerplate or with a sentence changed), and a hash of its first
//! words (stored and indexed, so a cut copy finds the full text among other companies' jobs).

use std::borrow::Cow;
use std::collections::HashSet;

use crate::normalize::lowered;

/// Descriptions shorter than this say too little to hash.
const MIN_SIMHASH_WORDS: usize = 25;
/// The longest text compared as another's opening: aggregators cut copies to a few hundred
/// characters (40 to 120 words).
const OPENING_WORDS: usize = 256;
/// Words hashed for the stored opening hash: fewer than the shortest cut copy worth comparing.
const OPENING_HASH_WORDS: usize = 12;
/// How far into the longer text the shorter one's shingles are looked for, beyond its own length:
/// room for a preamble the other board did not add.
const ALIGNMENT_SLACK: usize = 40;

/// Preambles boards put before the employer's own text ("Apply on company site", "About the
/// job"), skipped before the opening is hashed: they are the board's words, not the job's.
const PREAMBLES: &[&[&str]] = &[
    &["apply", "on", "company", "site"],
    &["apply", "on", "company", "website"],
    &["apply", "now"],
    &["about", "the", "job"],
    &["about", "the", "role"],
    &["job", "description"],
    &["job", "summary"],
    &["description"],
    &["overview"],
];

/// A description reduced for comparison.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextPrint {
    pub simhash: Option<u64>,
    /// Hash of the first words once a board's preamble is skipped; `None` for a text too short.
    pub opening_hash: Option<u64>,
    /// Hashed 3-shingles of the text (preamble skipped), in order.
    shingles: Vec<u64>,
    /// Words in the whole text (preamble skipped).
    words: usize,
}

impl TextPrint {
    pub fn new(text: &str) -> Self {
        let words: Vec<Cow<'_, str>> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(lowered).collect();
        // Each shingle is hashed once: the SimHash takes them all, the comparisons those after a
        // board's preamble.
        let shingles: Vec<u64> = words.windows(3).map(shingle_hash).collect();
        let simhash = (words.len() >= MIN_SIMHASH_WORDS).then(|| simhash_of_hashes(&shingles));
        let preamble = words.len() - without_preamble(&words).len();
        let body = &words[preamble..];
        Self {
            simhash,
            opening_hash: (body.len() >= OPENING_HASH_WORDS).then(|| shingle_hash(&body[..OPENING_HASH_WORDS])),
            shingles: shingles.get(preamble..).map(<[u64]>::to_vec).unwrap_or_default(),
            words: body.len(),
        }
    }

    /// The hashes a store keeps of a text, for deciding what they can decide before the text is
    /// read ([`super::verdict_before_texts`]).
    pub fn from_stored_hashes(simhash: Option<u64>, opening_hash: Option<u64>) -> Self {
        Self { simhash, opening_hash, shingles: Vec::new(), words: 0 }
    }

    pub fn words(&self) -> usize {
        self.words
    }

    /// Hamming distance of the two SimHashes, when both texts were long enough to hash.
    pub fn distance(&self, other: &TextPrint) -> Option<u32> {
        Some((self.simhash? ^ other.simhash?).count_ones())
    }

    /// The share of the shorter text's shingles found at the start of the longer, and the shorter
    /// text's length in words; `None` unless the shorter text is short enough to be another's
    /// opening. A copy cut to its first paragraphs, rewrapped, or with a line of a board's
    /// boilerplate scores near 1; two jobs sharing only a company's standard intro score low, as
    /// most of the shorter text is then the job itself.
    pub fn opening_overlap(&self, other: &TextPrint) -> Option<(f64, usize)> {
        let (short, long) = self.ordered(other);
        if short.words > OPENING_WORDS || short.shingles.is_empty() {
            return None;
        }
        let window: HashSet<u64> = long.shingles.iter().take(short.shingles.len() + ALIGNMENT_SLACK).copied().collect();
        Some((short.share_in(&window), short.words))
    }

    /// The share of the shorter text's shingles found anywhere in the longer, and the shorter
    /// text's length in words; `None` for an empty text. A repost with a sentence changed keeps
    /// most of its text; another job's text shares little beyond a company's standard lines.
    pub fn containment(&self, other: &TextPrint) -> Option<(f64, usize)> {
        let (short, long) = self.ordered(other);
        if short.shingles.is_empty() {
            return None;
        }
        let all: HashSet<u64> = long.shingles.iter().copied().collect();
        Some((short.share_in(&all), short.words))
    }

    fn ordered<'a>(&'a self, other: &'a TextPrint) -> (&'a TextPrint, &'a TextPrint) {
        if self.words <= other.words { (self, other) } else { (other, self) }
    }

    fn share_in(&self, shingles: &HashSet<u64>) -> f64 {
        let shared = self.shingles.iter().filter(|shingle| shingles.contains(shingle)).count();
        shared as f64 / self.shingles.len() as f64
    }
}

fn without_preamble<'a, 'b>(mut words: &'a [Cow<'b, str>]) -> &'a [Cow<'b, str>] {
    'skipping: loop {
        for preamble in PREAMBLES {
            if words.len() > preamble.len()
                && words.iter().zip(preamble.iter()).all(|(word, expected)| word == expected)
            {
                words = &words[preamble.len()..];
                continue 'skipping;
            }
        }
        return words;
    }
}

/// 64-bit SimHash over word 3-shingles; `None` for texts too short to compare. Stored hashes are
/// compared with new ones, so the result must never change for a given text.
pub fn simhash(text: &str) -> Option<u64> {
    let words: Vec<Cow<'_, str>> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(lowered).collect();
    if words.len() < MIN_SIMHASH_WORDS {
        return None;
    }
    let shingles: Vec<u64> = words.windows(3).map(shingle_hash).collect();
    Some(simhash_of_hashes(&shingles))
}

/// A bit of the result is set where most shingles set it.
fn simhash_of_hashes(shingles: &[u64]) -> u64 {
    let mut ones = [0u32; 64];
    for hash in shingles {
        for (bit, count) in ones.iter_mut().enumerate() {
            *count += (hash >> bit & 1) as u32;
        }
    }
    let total = shingles.len() as u32;
    ones.iter().enumerate().fold(0u64, |acc, (bit, &count)| if 2 * count > total { acc | 1 << bit } else { acc })
}

/// FNV-1a over the words, each followed by a space, then an avalanche.
fn shingle_hash(words: &[Cow<'_, str>]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for byte in word.bytes().chain([b' ']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche spreads them.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash
}
