//! How a gazetteer's names fare on a corpus: in how many documents each name
//! matches, and how often the corpus writes it in lower case, as an ordinary
//! word. A name of a bulk list that matches in an implausible share of the
//! documents, or that the corpus mostly uses as a word, is likely generic
//! ("Corp", "Net"); `gazetteer check --corpus` lists them.
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::extract::{ExtractOptions, Extractor};
//! use actorgraph::gazetteer::Gazetteer;
//! use actorgraph::usage::{Likely, UsageCounter};
//!
//! let g = Gazetteer::from_toml_str("t.toml", r#"
//!     [[entity]]
//!     id = "tigris"
//!     name = "Tigris"
//!     type = "place"
//! "#).unwrap();
//! let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
//! let mut counter = UsageCounter::new(&extractor);
//! counter.add(&Document::new("a", "The Tigris rose."));
//! counter.add(&Document::new("b", "Boats on the tigris."));
//! counter.add(&Document::new("c", "Nothing here."));
//! let report = counter.finish();
//! assert_eq!(report.documents, 3);
//! assert_eq!(report.names[0].docs, 2);
//! let generic = report.likely_generic(0.5, 1);
//! assert_eq!(generic[0].1, Likely::Share);
//! ```

use rustc_hash::FxHashMap;

use crate::corpus::Document;
use crate::extract::Extractor;
use crate::gazetteer::{EntityIndex, MentionKind};
use crate::normalize::{is_word_char, normalize};

/// How one name of one entity is used in a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameUsage {
    /// The entity the name matched as.
    pub entity: EntityIndex,
    /// The name as the corpus first wrote it.
    pub text: String,
    /// Documents it matches in.
    pub docs: usize,
    /// Mentions in all.
    pub mentions: usize,
    /// Documents that write the name in lower case, as an ordinary word
    /// (counted for names of one word; `None` for longer ones and acronyms).
    pub lower_case_docs: Option<usize>,
}

/// Why a name looks generic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likely {
    /// It matches in more documents than a name plausibly does.
    Share,
    /// The corpus writes it in lower case, as a word, in more documents
    /// than it matches in.
    Word,
}

impl Likely {
    /// `share` or `word`.
    pub fn as_str(self) -> &'static str {
        match self {
            Likely::Share => "share",
            Likely::Word => "word",
        }
    }
}

/// Every name that matched in a corpus, with its counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsageReport {
    /// Documents read.
    pub documents: usize,
    /// Names that matched at least once: most documents first, then by text.
    pub names: Vec<NameUsage>,
}

impl UsageReport {
    /// The names that look generic, with the reason: those that match in
    /// more than `max_share` of the documents, and those of one word that
    /// match in at least `min_docs` documents but that the corpus writes
    /// as an ordinary word in more documents than that.
    pub fn likely_generic(&self, max_share: f64, min_docs: usize) -> Vec<(&NameUsage, Likely)> {
        let limit = max_share * self.documents as f64;
        self.names
            .iter()
            .filter_map(|n| {
                if n.docs as f64 > limit {
                    Some((n, Likely::Share))
                } else if n.docs >= min_docs && n.lower_case_docs.is_some_and(|l| l > n.docs) {
                    Some((n, Likely::Word))
                } else {
                    None
                }
            })
            .collect()
    }
}

/// Counts, per name of each entity, the documents and mentions.
#[derive(Debug, Clone, Default)]
struct Count {
    text: String,
    docs: usize,
    mentions: usize,
    last_doc: usize,
    /// For a name of one word: its index in `UsageCounter::words`.
    word: Option<usize>,
}

/// A name of one word and the documents that write it in lower case.
#[derive(Debug, Clone, Default)]
struct WordCount {
    lower_case_docs: usize,
    last_doc: usize,
}

/// Reads documents one at a time and counts how their names are used.
pub struct UsageCounter<'e> {
    extractor: &'e Extractor<'e>,
    names: FxHashMap<(EntityIndex, String), Count>,
    /// The normalized words that are whole names matched so far.
    words: FxHashMap<String, usize>,
    word_counts: Vec<WordCount>,
    /// Lower-case words of every document so far, until a name takes them:
    /// the words are counted before the corpus says which are names.
    lower_words: FxHashMap<String, WordCount>,
    documents: usize,
}

impl<'e> UsageCounter<'e> {
    /// A counter that finds names with `extractor`.
    pub fn new(extractor: &'e Extractor<'e>) -> UsageCounter<'e> {
        UsageCounter {
            extractor,
            names: FxHashMap::default(),
            words: FxHashMap::default(),
            word_counts: Vec::new(),
            lower_words: FxHashMap::default(),
            documents: 0,
        }
    }

    /// Counts the names of one document.
    pub fn add(&mut self, doc: &Document) {
        self.documents += 1;
        let doc_number = self.documents;
        for m in self.extractor.extract(doc).mentions {
            let text = &doc.text[m.start..m.end];
            let key = normalize(text).into_text();
            let one_word = m.kind != MentionKind::Acronym && !key.trim().contains(' ');
            let count = self
                .names
                .entry((m.entity, key.trim().to_string()))
                .or_insert_with(|| Count {
                    text: text.to_string(),
                    ..Count::default()
                });
            count.mentions += 1;
            // Shown as the corpus writes it in running text, not in a headline.
            if is_all_capitals(&count.text) && !is_all_capitals(text) {
                count.text = text.to_string();
            }
            if count.last_doc != doc_number {
                count.last_doc = doc_number;
                count.docs += 1;
            }
            if one_word && count.word.is_none() {
                let word = key.trim().to_string();
                let next = self.word_counts.len();
                let index = *self.words.entry(word.clone()).or_insert(next);
                if index == next {
                    // Lower-case uses seen before the name first matched.
                    let before = self.lower_words.remove(&word).unwrap_or_default();
                    self.word_counts.push(before);
                }
                count.word = Some(index);
            }
        }
        for word in lower_case_words(&doc.text) {
            let entry = match self.words.get(word.as_ref()) {
                Some(&i) => &mut self.word_counts[i],
                None => self.lower_words.entry(word.into_owned()).or_default(),
            };
            if entry.last_doc != doc_number {
                entry.last_doc = doc_number;
                entry.lower_case_docs += 1;
            }
        }
    }

    /// The report.
    pub fn finish(self) -> UsageReport {
        let word_counts = self.word_counts;
        let mut names: Vec<NameUsage> = self
            .names
            .into_iter()
            .map(|((entity, _), c)| NameUsage {
                entity,
                text: c.text,
                docs: c.docs,
                mentions: c.mentions,
                lower_case_docs: c.word.map(|i| word_counts[i].lower_case_docs),
            })
            .collect();
        names.sort_by(|a, b| {
            b.docs
                .cmp(&a.docs)
                .then_with(|| a.text.cmp(&b.text))
                .then(a.entity.cmp(&b.entity))
        });
        UsageReport {
            documents: self.documents,
            names,
        }
    }
}

fn is_all_capitals(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
}

/// The words of a text that start with a lower-case letter, normalized as
/// names are.
fn lower_case_words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(|w| {
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                w.into()
            } else {
                normalize(w).as_str().trim().to_string().into()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ExtractOptions;
    use crate::gazetteer::GazetteerBuilder;

    #[test]
    fn counts_documents_mentions_and_lower_case_uses() {
        let mut b = GazetteerBuilder::new();
        b.add_tsv(
            "list.tsv",
            "id\ttype\tname\nx:1\tplace\tReading\nx:2\tgroup\tTexaco\nx:3\tplace\tNew York\n",
        )
        .unwrap();
        let g = b.finish();
        let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
        let mut counter = UsageCounter::new(&extractor);
        for (id, text) in [
            ("a", "reading the news"),
            ("b", "Reading rose; Texaco fell in New York."),
            ("c", "Texaco and Texaco; reading again, and reading."),
            ("d", "TEXACO IN NEW YORK\nTexaco in New York"),
        ] {
            counter.add(&Document::new(id, text));
        }
        let report = counter.finish();
        assert_eq!(report.documents, 4);
        let got: Vec<(&str, usize, usize, Option<usize>)> = report
            .names
            .iter()
            .map(|n| (n.text.as_str(), n.docs, n.mentions, n.lower_case_docs))
            .collect();
        assert_eq!(
            got,
            [
                ("Texaco", 3, 5, Some(0)),
                ("New York", 2, 3, None),
                ("Reading", 1, 1, Some(2)),
            ]
        );
        let generic: Vec<(&str, Likely)> = report
            .likely_generic(0.6, 1)
            .into_iter()
            .map(|(n, why)| (n.text.as_str(), why))
            .collect();
        assert_eq!(
            generic,
            [("Texaco", Likely::Share), ("Reading", Likely::Word)]
        );
        assert!(report.likely_generic(0.9, 2).is_empty());
    }
}
