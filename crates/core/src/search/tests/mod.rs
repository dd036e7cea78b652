//! The search internals below the facade, tested where they live: the full-text index follows
//! every write, and the word list matches FTS5's own vocabulary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod index;
mod word_list;
