//! Adds up the occurrences of each candidate name over a corpus: documents,
//! mentions, type votes, the acronym the text gives it, the first sentence
//! that uses it.

use rustc_hash::FxHashMap;

use super::Example;
use super::candidates::Occurrence;
use super::cues::TypeVotes;
use crate::gazetteer::EntityIndex;

/// Everything known about one candidate name (one normalized key).
#[derive(Debug, Clone)]
pub(super) struct Tally {
    /// As first written outside the start of a sentence (or at all).
    pub text: String,
    /// Document numbers, ascending.
    pub docs: Vec<u32>,
    pub mentions: u32,
    /// Occurrences whose first word opens the sentence.
    pub initial: u32,
    pub votes: TypeVotes,
    /// The acronym the text gives it, as written, with how often.
    pub acronyms: FxHashMap<String, u32>,
    /// For an acronym: the known entity it abbreviates in the text.
    pub acronym_of: Option<EntityIndex>,
    pub is_acronym: bool,
    /// Shorter forms merged into this name ("Volcker" of "Paul Volcker").
    pub short_forms: Vec<String>,
    /// Leading words that are a known name (see `Occurrence::known_prefix`).
    pub known_prefix: usize,
    pub example: Example,
    /// True when `example` is from the start of a sentence.
    example_initial: bool,
}

impl Tally {
    fn new(o: &Occurrence, example: Example) -> Tally {
        Tally {
            text: o.text.clone(),
            docs: Vec::new(),
            mentions: 0,
            initial: 0,
            votes: TypeVotes::default(),
            acronyms: FxHashMap::default(),
            acronym_of: None,
            is_acronym: o.is_acronym,
            short_forms: Vec::new(),
            known_prefix: o.known_prefix,
            example,
            example_initial: o.initial,
        }
    }

    fn add(&mut self, o: Occurrence, doc: u32, example: impl FnOnce() -> Example) {
        if self.docs.last() != Some(&doc) {
            self.docs.push(doc);
        }
        self.mentions += 1;
        self.initial += u32::from(o.initial);
        self.votes.merge(&o.votes);
        if let Some(a) = o.acronym {
            *self.acronyms.entry(a).or_default() += 1;
        }
        self.acronym_of = self.acronym_of.or(o.acronym_of);
        if self.example_initial && !o.initial {
            self.text = o.text;
            self.example = example();
            self.example_initial = false;
        }
    }

    /// True when every occurrence opens its sentence.
    pub fn only_initial(&self) -> bool {
        self.initial == self.mentions
    }

    /// Adds another tally of the same name.
    pub fn merge(&mut self, other: Tally) {
        let mut docs = std::mem::take(&mut self.docs);
        docs.extend(other.docs);
        docs.sort_unstable();
        docs.dedup();
        self.docs = docs;
        self.mentions += other.mentions;
        self.initial += other.initial;
        self.votes.merge(&other.votes);
        for (a, n) in other.acronyms {
            *self.acronyms.entry(a).or_default() += n;
        }
        self.acronym_of = self.acronym_of.or(other.acronym_of);
        self.short_forms.extend(other.short_forms);
        if self.example_initial && !other.example_initial {
            self.text = other.text;
            self.example = other.example;
            self.example_initial = false;
        }
    }

    /// Adds the tally of another form of this name (a lone acronym, a
    /// short form), keeping this one's written form and example.
    pub fn absorb(&mut self, other: Tally) {
        let text = std::mem::take(&mut self.text);
        let example = std::mem::take(&mut self.example);
        self.merge(other);
        self.text = text;
        self.example = example;
    }

    /// The acronym the text gives most often, if any.
    pub fn acronym(&self) -> Option<&str> {
        self.acronyms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(a, _)| a.as_str())
    }
}

/// The tallies of every candidate name, by key.
#[derive(Debug, Clone, Default)]
pub(super) struct Tallies {
    pub by_key: FxHashMap<String, Tally>,
}

impl Tallies {
    /// Adds one occurrence in document number `doc`; `example` gives the
    /// sentence, made only when it is kept.
    pub fn add(&mut self, o: Occurrence, doc: u32, example: impl FnOnce() -> Example) {
        match self.by_key.get_mut(&o.key) {
            Some(t) => t.add(o, doc, example),
            None => {
                let mut t = Tally::new(&o, example());
                let key = o.key.clone();
                // A fresh tally holds its example already: `add` keeps it.
                t.add(o, doc, Example::default);
                self.by_key.insert(key, t);
            }
        }
    }
}
