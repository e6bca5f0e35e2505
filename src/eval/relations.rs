//! `eval relations`: the typed relations actorgraph finds, scored against a
//! gold file of sentences whose relations a reader annotated.
//!
//! # The gold format
//!
//! JSON lines, one annotated sentence a line; each line is also a document
//! actorgraph can read (`id`, `text`, `date`):
//!
//! ```json
//! {"id": "r-14826-2", "text": "Iraqi warplanes attacked Iran's Kharg Island terminal.",
//!  "date": "1987-03-17", "actors": ["Iraqi", "Iran", "Kharg Island"],
//!  "relations": [{"type": "attacks", "source": "Iraqi", "target": "Kharg Island"},
//!                {"type": "located_in", "source": "Kharg Island", "target": "Iran"}]}
//! ```
//!
//! - `source` and `target` are written as the text writes the actor (a
//!   substring of `text`); they are resolved to the gazetteer entity that
//!   extraction finds there, else by looking the string up in the gazetteer.
//!   A gold relation whose actor resolves to nothing cannot be found: it is a
//!   miss, counted apart as "unknown actor".
//! - For the mutual types (`meets`, `communicates`, `allied_with`) the order
//!   of `source` and `target` does not matter.
//! - `"cross_sentence": true` marks a relation that needs another sentence
//!   (a pronoun's antecedent); those are reported apart, not in the scores.
//! - Without INPUT, every gold line is a document of its own. With INPUT,
//!   `id` names a document of the corpus and `text` one of its sentences;
//!   only what that sentence states is scored.
//!
//! A found relation is correct when the gold has the same type between the
//! same two entities, in the same direction for directed types.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::error::{Error, Location};
use crate::extract::Extractor;
use crate::gazetteer::{EntityIndex, Gazetteer, MentionKind};
use crate::graph::EdgeKind;
use crate::graph::build::{Analyzer, TextRelation};
use crate::segment::segment;

/// One annotated sentence.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSentence {
    /// Document id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// The document's date.
    #[serde(default)]
    pub date: Option<String>,
    /// Where the sentence comes from.
    #[serde(default)]
    pub source: Option<String>,
    /// `dev` or `test`, in a file that holds both.
    #[serde(default)]
    pub split: Option<String>,
    /// The relations a reader finds in it.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

/// One annotated relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    /// Edge type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The acting actor, as the text writes it.
    pub source: String,
    /// The actor acted on.
    pub target: String,
    /// Needs another sentence.
    #[serde(default)]
    pub cross_sentence: bool,
}

/// A relation between two entities, as scored: for mutual types the smaller
/// index first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Triple {
    kind: EdgeKind,
    source: EntityIndex,
    target: EntityIndex,
}

impl Triple {
    fn new(kind: EdgeKind, source: EntityIndex, target: EntityIndex) -> Triple {
        if kind.is_directed() {
            Triple {
                kind,
                source,
                target,
            }
        } else {
            Triple {
                kind,
                source: source.min(target),
                target: source.max(target),
            }
        }
    }

    fn pair(&self) -> (EntityIndex, EntityIndex) {
        (self.source.min(self.target), self.source.max(self.target))
    }
}

/// Precision and recall of one type (or of all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TypeScore {
    /// Relations found.
    pub found: usize,
    /// Of those, right.
    pub correct: usize,
    /// Gold relations (within one sentence, both actors known).
    pub gold: usize,
    /// Of those, found.
    pub recalled: usize,
    /// Gold relations whose actor the gazetteer does not know.
    pub unknown_actor: usize,
}

impl TypeScore {
    /// correct / found (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    /// recalled / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.recalled, self.gold)
    }

    /// recalled / (gold + unknown_actor): recall over every annotated
    /// relation within one sentence.
    pub fn recall_all(&self) -> f64 {
        ratio(self.recalled, self.gold + self.unknown_actor)
    }

    fn add(&mut self, other: &TypeScore) {
        self.found += other.found;
        self.correct += other.correct;
        self.gold += other.gold;
        self.recalled += other.recalled;
        self.unknown_actor += other.unknown_actor;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A wrong or missed relation, with its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mistake {
    /// The gold line's id.
    pub id: String,
    /// `wrong` (found, not in the gold), `missed` (in the gold, not found) or
    /// `unknown` (in the gold, an actor the gazetteer lacks).
    pub what: &'static str,
    /// The relation, as `type source -> target` (`--` for mutual types).
    pub relation: String,
    /// The trigger or rule that found it (wrong ones only).
    pub by: String,
    /// The sentence.
    pub text: String,
}

/// The scores of a gold file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Sentences scored.
    pub sentences: usize,
    /// Per type, and `all`.
    pub by_type: BTreeMap<String, TypeScore>,
    /// found type → gold type on the same pair → count (`none` when the
    /// gold has no relation on the pair).
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Gold relations marked cross_sentence, and of those found.
    pub cross_sentence: (usize, usize),
    /// Every wrong, missed and unknown relation.
    pub mistakes: Vec<Mistake>,
    /// Per rule (a pattern's id, `relations.toml:LINE` or `builtin:NAME`):
    /// the relations it found and how many of them are right. A relation
    /// found by two rules counts for both.
    pub by_rule: BTreeMap<String, RuleScore>,
}

/// What one rule found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RuleScore {
    /// Relations it found.
    pub found: usize,
    /// Of those, the ones in the gold.
    pub correct: usize,
}

impl RuleScore {
    /// Correct over found (1 when it found nothing).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
}

impl Report {
    /// The scores over every type.
    pub fn all(&self) -> TypeScore {
        self.by_type.get("all").copied().unwrap_or_default()
    }
}

/// Scores the relations found in `documents` (each gold line a document of
/// its own when `documents` is `None`) against `gold`.
pub fn evaluate(
    gazetteer: &Gazetteer,
    analyzer: &Analyzer,
    extractor: &Extractor,
    gold: &[(u32, GoldSentence)],
    documents: Option<&[Document]>,
    file: &str,
) -> crate::Result<Report> {
    let mut report = Report::default();
    let mut all = TypeScore::default();
    for (line, sentence) in gold {
        let doc = match documents {
            None => Document {
                id: sentence.id.clone(),
                text: sentence.text.clone(),
                date: sentence.date.clone(),
                ..Document::default()
            },
            Some(docs) => docs
                .iter()
                .find(|d| d.id == sentence.id)
                .cloned()
                .ok_or_else(|| {
                    Error::parse(
                        Location::line(file, *line),
                        format!("no document '{}' in the input", sentence.id),
                    )
                })?,
        };
        let found = sentence_relations(analyzer, &doc, documents.map(|_| &sentence.text));
        let resolve = Resolver::new(gazetteer, extractor, &doc, &sentence.text);
        let mut gold_triples = BTreeSet::new();
        for r in &sentence.relations {
            let kind: EdgeKind =
                r.kind
                    .parse()
                    .map_err(|e: crate::graph::kind::UnknownEdgeKind| {
                        Error::parse(Location::line(file, *line), e.to_string())
                    })?;
            if r.cross_sentence {
                report.cross_sentence.0 += 1;
                if let (Some(s), Some(t)) = (resolve.entity(&r.source), resolve.entity(&r.target))
                    && found.iter().any(|(f, ..)| *f == Triple::new(kind, s, t))
                {
                    report.cross_sentence.1 += 1;
                }
                continue;
            }
            let score = report.by_type.entry(kind.as_str().to_string()).or_default();
            match (resolve.entity(&r.source), resolve.entity(&r.target)) {
                (Some(s), Some(t)) if s != t => {
                    gold_triples.insert(Triple::new(kind, s, t));
                }
                _ => {
                    score.unknown_actor += 1;
                    report.mistakes.push(Mistake {
                        id: sentence.id.clone(),
                        what: "unknown",
                        relation: describe_gold(kind, r),
                        by: String::new(),
                        text: sentence.text.clone(),
                    });
                }
            }
        }
        for triple in &gold_triples {
            let score = report
                .by_type
                .entry(triple.kind.as_str().to_string())
                .or_default();
            score.gold += 1;
            if found.iter().any(|(f, ..)| f == triple) {
                score.recalled += 1;
            } else {
                report.mistakes.push(Mistake {
                    id: sentence.id.clone(),
                    what: "missed",
                    relation: describe(gazetteer, triple),
                    by: String::new(),
                    text: sentence.text.clone(),
                });
            }
        }
        for (triple, by, rules) in &found {
            let score = report
                .by_type
                .entry(triple.kind.as_str().to_string())
                .or_default();
            score.found += 1;
            let right = gold_triples.contains(triple);
            for rule in rules {
                let r = report.by_rule.entry(rule.clone()).or_default();
                r.found += 1;
                r.correct += usize::from(right);
            }
            if right {
                score.correct += 1;
            } else {
                report.mistakes.push(Mistake {
                    id: sentence.id.clone(),
                    what: "wrong",
                    relation: describe(gazetteer, triple),
                    by: by.clone(),
                    text: sentence.text.clone(),
                });
            }
            let on_pair: Vec<&Triple> = gold_triples
                .iter()
                .filter(|g| g.pair() == triple.pair())
                .collect();
            let gold_kind = if right {
                triple.kind.as_str().to_string()
            } else if let Some(g) = on_pair.iter().find(|g| g.kind == triple.kind) {
                format!("{} (reversed)", g.kind.as_str())
            } else {
                on_pair
                    .first()
                    .map_or("none".to_string(), |g| g.kind.as_str().to_string())
            };
            *report
                .confusion
                .entry(triple.kind.as_str().to_string())
                .or_default()
                .entry(gold_kind)
                .or_default() += 1;
        }
        report.sentences += 1;
    }
    for score in report.by_type.values() {
        all.add(score);
    }
    report.by_type.insert("all".to_string(), all);
    Ok(report)
}

/// The typed relations of a document, with what found them (as text, and
/// the rules); only those of the sentence `only` when given.
fn sentence_relations(
    analyzer: &Analyzer,
    doc: &Document,
    only: Option<&String>,
) -> Vec<(Triple, String, Vec<String>)> {
    let graph = analyzer.analyze(doc);
    let wanted: Option<BTreeSet<u32>> = only.map(|text| {
        let target = squash(text);
        let segments = segment(&doc.text);
        segments
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| squash(&doc.text[s.start..s.end]) == target)
            .map(|(i, _)| i as u32)
            .collect()
    });
    let mut out: Vec<(Triple, String, Vec<String>)> = Vec::new();
    for r in graph.typed_relations() {
        let TextRelation {
            kind,
            source,
            target,
            sentences,
            triggers,
            rules,
            ..
        } = r;
        if let Some(wanted) = &wanted
            && !sentences.iter().any(|s| wanted.contains(s))
        {
            continue;
        }
        let triple = Triple::new(kind, source, target);
        if !out.iter().any(|(t, ..)| *t == triple) {
            let by: Vec<String> = triggers
                .iter()
                .zip(&rules)
                .map(|(t, r)| format!("{t} @ {r}"))
                .collect();
            out.push((triple, by.join(", "), rules));
        }
    }
    out.sort();
    out
}

/// White space folded, for finding a gold sentence in its document.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Gold actor strings to entities.
struct Resolver<'a> {
    gazetteer: &'a Gazetteer,
    /// (start, end, entity, whether the mention names the entity by what
    /// it is — a title or a reference — rather than by a name) of each
    /// mention of the sentence.
    mentions: Vec<(usize, usize, EntityIndex, bool)>,
    /// The sentence's text, and where it starts in the document.
    text: &'a str,
    offset: usize,
    date: Option<crate::date::Date>,
}

impl<'a> Resolver<'a> {
    fn new(
        gazetteer: &'a Gazetteer,
        extractor: &Extractor,
        doc: &Document,
        sentence: &'a str,
    ) -> Resolver<'a> {
        let found = extractor.extract(doc);
        let offset = doc.text.find(sentence).unwrap_or(0);
        Resolver {
            gazetteer,
            mentions: found
                .mentions
                .iter()
                .map(|m| {
                    let described = matches!(m.kind, MentionKind::Title | MentionKind::Reference);
                    (m.start, m.end, m.entity, described)
                })
                .collect(),
            text: sentence,
            offset,
            date: crate::docdate::document_date(doc.date.as_deref(), &doc.text),
        }
    }

    /// The entity an actor string names: the mention found where the
    /// sentence writes it (one of exactly its span first, then a name over a
    /// title, since "the chairman of the Popular Mobilisation Forces" is a
    /// title mention of the chairman that covers the group's name), else the
    /// gazetteer's candidate for the string, else a title that covers it.
    fn entity(&self, actor: &str) -> Option<EntityIndex> {
        let mut covering = None;
        // As a whole word where it is one: "Iran" in "Iran's Lavan island",
        // not in "the Iranian oil ministry" before it.
        let at = super::mentions::whole_word_occurrences(self.text, actor)
            .next()
            .map(|(s, _)| s)
            .or_else(|| self.text.find(actor));
        if let Some(at) = at {
            let (start, end) = (self.offset + at, self.offset + at + actor.len());
            let overlapping = || {
                self.mentions
                    .iter()
                    .filter(move |&&(s, e, ..)| s < end && start < e)
            };
            if let Some(&(.., e, _)) = overlapping()
                .find(|&&(s, e, ..)| (s, e) == (start, end))
                .or_else(|| overlapping().find(|m| !m.3))
            {
                return Some(e);
            }
            covering = overlapping().next().map(|m| m.2);
        }
        self.gazetteer
            .lookup(actor)
            .iter()
            .find(|c| c.valid_on(self.date))
            .map(|c| c.entity)
            .or(covering)
    }
}

fn describe(gazetteer: &Gazetteer, t: &Triple) -> String {
    let arrow = if t.kind.is_directed() { "->" } else { "--" };
    format!(
        "{} {} {arrow} {}",
        t.kind,
        gazetteer.entity(t.source).name,
        gazetteer.entity(t.target).name
    )
}

fn describe_gold(kind: EdgeKind, r: &GoldRelation) -> String {
    let arrow = if kind.is_directed() { "->" } else { "--" };
    format!("{kind} {} {arrow} {}", r.source, r.target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ExtractOptions;
    use crate::graph::build::BuildOptions;
    use crate::relations::Relations;

    /// The report of a gold file (JSON lines) scored with the bundled
    /// gazetteer and patterns.
    fn score(gold: &str) -> Report {
        let gazetteer = Gazetteer::builtin().unwrap();
        let relations = Relations::builtin().unwrap();
        let options = BuildOptions::default();
        let analyzer = Analyzer::new(&gazetteer, &relations, &options).unwrap();
        let extractor = Extractor::new(&gazetteer, ExtractOptions::default()).unwrap();
        let gold: Vec<(u32, GoldSentence)> = gold
            .lines()
            .enumerate()
            .map(|(i, l)| (i as u32 + 1, serde_json::from_str(l).unwrap()))
            .collect();
        evaluate(&gazetteer, &analyzer, &extractor, &gold, None, "g.jsonl").unwrap()
    }

    #[test]
    fn a_small_gold_file_is_scored_by_hand() {
        let gold = r#"{"id": "a", "text": "Erdogan spoke with Putin on Monday.", "relations": [{"type": "communicates", "source": "Putin", "target": "Erdogan"}]}
{"id": "b", "text": "Rashid met al-Araji in Baghdad.", "relations": [{"type": "meets", "source": "Rashid", "target": "al-Araji"}, {"type": "attacks", "source": "Nobody Known", "target": "Baghdad"}]}
{"id": "c", "text": "Iraq condemned Israel.", "relations": []}"#;
        let report = score(gold);
        assert_eq!(report.sentences, 3);
        let all = report.all();
        // Found: communicates (right), meets (right), opposes Iraq -> Israel
        // (not in the gold: wrong). Gold: two known, one with an unknown actor.
        assert_eq!((all.found, all.correct), (3, 2), "{report:#?}");
        assert_eq!((all.gold, all.recalled, all.unknown_actor), (2, 2, 1));
        assert!((all.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(all.recall(), 1.0);
        assert!((all.recall_all() - 2.0 / 3.0).abs() < 1e-9);
        let wrong: Vec<&Mistake> = report
            .mistakes
            .iter()
            .filter(|m| m.what == "wrong")
            .collect();
        assert_eq!(wrong.len(), 1);
        assert!(
            wrong[0].relation.starts_with("opposes Iraq -> Israel"),
            "{wrong:?}"
        );
        assert_eq!(report.confusion["opposes"]["none"], 1);
    }

    #[test]
    fn a_gold_actor_is_read_as_a_whole_word() {
        // "Iran" is first a part of "Iranian" (the ministry's mention); the
        // gold means the word.
        let report = score(
            r#"{"id": "a", "text": "The Iranian Foreign Ministry said Iraq attacked Iran's Kharg Island.", "relations": [{"type": "located_in", "source": "Kharg Island", "target": "Iran"}, {"type": "attacks", "source": "Iraq", "target": "Kharg Island"}]}"#,
        );
        let all = report.all();
        assert_eq!((all.gold, all.recalled), (2, 2), "{report:#?}");
    }
}
