//! The names a corpus uses that the gazetteer does not know, ranked so that
//! the first screen is worth curating: `actorgraph suggest`.
//!
//! Each document is read once, word by word (`tokens`), into candidates
//! (`candidates`): runs of capitalized words the gazetteer did not match,
//! acronyms and their expansions, and the cues around them that guess a type
//! (`cues`). Over the corpus the occurrences are added up (`tally`), names
//! that are known entities written another way are set apart as probable
//! aliases (`aliases`), and the rest is ranked (`rank`). [`write_toml`]
//! writes ready-to-review gazetteer stubs (`stubs`).
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::extract::{ExtractOptions, Extractor};
//! use actorgraph::gazetteer::{EntityType, Gazetteer};
//! use actorgraph::suggest::{SuggestOptions, Suggester};
//!
//! let g = Gazetteer::builtin().unwrap();
//! let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
//! let mut suggester = Suggester::new(&extractor);
//! for (id, text) in [
//!     ("a", "The National Water Claims Commission (NWCC) set the date."),
//!     ("b", "NWCC said the count in Baghdad was over."),
//! ] {
//!     suggester.add(&Document::new(id, text));
//! }
//! let found = suggester.finish(&SuggestOptions { min_docs: 2, limit: 0 });
//! let first = &found.new[0];
//! assert_eq!(first.name, "National Water Claims Commission");
//! assert_eq!(first.acronym.as_deref(), Some("NWCC"));
//! assert_eq!((first.docs, first.kind), (2, Some(EntityType::Group)));
//! ```

mod aliases;
mod candidates;
mod cues;
mod rank;
mod stubs;
mod tally;
mod tokens;

use rustc_hash::FxHashSet;
use serde::Serialize;

pub use aliases::AliasReason;
pub use stubs::write_toml;

use crate::corpus::Document;
use crate::extract::Extractor;
use crate::gazetteer::{EntityType, MentionKind};
use crate::normalize::normalize;
use tally::Tallies;
use tokens::WordCase;

/// What to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuggestOptions {
    /// Only names used in at least this many documents.
    pub min_docs: usize,
    /// At most this many new names (and this many aliases); 0 for all.
    pub limit: usize,
}

impl Default for SuggestOptions {
    fn default() -> SuggestOptions {
        SuggestOptions {
            min_docs: 2,
            limit: 0,
        }
    }
}

/// A sentence that uses a name, and its document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Example {
    /// Document id.
    pub doc: String,
    /// The sentence, white space collapsed.
    pub sentence: String,
}

/// The known entity a suggested name probably stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    /// Its id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Why.
    pub reason: AliasReason,
}

/// A name the gazetteer does not know.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// As the corpus writes it.
    pub name: String,
    /// The type its cues point to, if they agree.
    #[serde(rename = "type")]
    pub kind: Option<EntityType>,
    /// Documents that use it.
    pub docs: usize,
    /// Times it is used.
    pub mentions: usize,
    /// The acronym the corpus gives it in brackets.
    pub acronym: Option<String>,
    /// Shorter forms of it the corpus uses, counted with it ("Volcker" of
    /// "Paul Volcker", "Texaco" of "Texaco Inc").
    pub short_forms: Vec<String>,
    /// The first sentence that uses it.
    pub example: Example,
    /// For a probable alias: the entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias_of: Option<Alias>,
    /// The rank's score: documents, weighed by how much it looks like a name.
    pub score: f64,
}

/// The suggestions for a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestions {
    /// Documents read.
    pub documents: usize,
    /// New names, best first.
    pub new: Vec<Suggestion>,
    /// Names that are probably known entities written another way.
    pub aliases: Vec<Suggestion>,
}

/// Reads documents one at a time and collects candidate names.
pub struct Suggester<'e> {
    extractor: &'e Extractor<'e>,
    given_names: FxHashSet<String>,
    tallies: Tallies,
    case: WordCase,
    documents: usize,
}

impl<'e> Suggester<'e> {
    /// A suggester for the gazetteer of `extractor`.
    pub fn new(extractor: &'e Extractor<'e>) -> Suggester<'e> {
        Suggester {
            extractor,
            given_names: given_names(extractor),
            tallies: Tallies::default(),
            case: WordCase::default(),
            documents: 0,
        }
    }

    /// Reads one document.
    pub fn add(&mut self, doc: &Document) {
        self.documents += 1;
        let number = self.documents as u32;
        let normalized = normalize(&doc.text);
        let extraction = self.extractor.extract_normalized(doc, &normalized);
        let found = candidates::candidates(
            &doc.text,
            &normalized,
            &extraction,
            self.extractor.gazetteer(),
            &self.given_names,
            &mut self.case,
        );
        for o in found {
            let sentence = o.sentence as usize;
            let example = || Example {
                doc: doc.id.clone(),
                sentence: extraction
                    .segments
                    .sentences
                    .get(sentence)
                    .map(|s| collapse(&doc.text[s.start..s.end]))
                    .unwrap_or_default(),
            };
            self.tallies.add(o, number, example);
        }
    }

    /// The ranked suggestions.
    pub fn finish(self, options: &SuggestOptions) -> Suggestions {
        rank::rank(
            self.tallies,
            &self.case,
            self.extractor.gazetteer(),
            self.documents,
            options,
        )
    }
}

/// The first words of the gazetteer's people's names ("falih" of "Falih
/// al-Fayyadh"): a name that starts with one is likely a person's.
fn given_names(extractor: &Extractor<'_>) -> FxHashSet<String> {
    let g = extractor.gazetteer();
    g.entities()
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .flat_map(|e| e.names.iter().filter(|n| n.kind == MentionKind::Name))
        .filter_map(|n| {
            let norm = normalize(&n.text);
            let mut words = norm.as_str().split_whitespace();
            let first = words.next()?;
            let more = words.next().is_some();
            let given = more
                && first.len() > 2
                && !cues::is_title(first)
                && !cues::is_name_joiner(first)
                && !crate::gazetteer::is_generic_word(first);
            given.then(|| first.to_string())
        })
        .collect()
}

/// White space collapsed to single spaces.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
