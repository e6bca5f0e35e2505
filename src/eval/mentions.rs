//! `eval mentions`: extraction scored against a gold file of the actors each
//! document names, per type, with every miss and every false match listed.
//!
//! Scoring is per document, over sets of entities. A gold actor resolves to a
//! gazetteer entity by its `id`, else by looking its name and then its forms
//! up with the gazetteer's normalization. It is found when extraction has a
//! mention of that entity overlapping an occurrence of one of its forms; one
//! that resolves to nothing is a miss "unknown to the gazetteer", one that
//! resolves but is not found a miss "known but not found". An extracted
//! entity is correct when a gold actor of its document resolves to it, and a
//! false match otherwise. Optional actors count neither way; demonym mentions
//! are ignored unless asked for.
//!
//! ```
//! use actorgraph::corpus::Document;
//! use actorgraph::eval::mentions::{GoldDocument, MentionEval};
//! use actorgraph::extract::{ExtractOptions, Extractor};
//! use actorgraph::gazetteer::Gazetteer;
//!
//! let g = Gazetteer::builtin().unwrap();
//! let extractor = Extractor::new(&g, ExtractOptions::default()).unwrap();
//! let gold: GoldDocument = serde_json::from_str(r#"{"doc": "d1", "actors": [
//!     {"name": "Recep Tayyip Erdogan", "type": "person", "forms": ["Erdogan"]},
//!     {"name": "Zaid Example", "type": "person", "forms": ["Zaid Example"]}]}"#).unwrap();
//! let mut eval = MentionEval::new(&extractor, vec![(1, gold)], false).unwrap();
//! eval.add(&Document::new("d1", "Erdogan met Zaid Example in Ankara."));
//! let report = eval.finish();
//! let all = report.table.total();
//! assert_eq!((all.gold, all.found), (2, 1));
//! assert_eq!(report.unknown[0].name, "Zaid Example");
//! assert_eq!(report.false_matches[0].entity, "ankara");
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::{ScoreRow, ScoreTable};
use crate::corpus::Document;
use crate::extract::{Extractor, Mention};
use crate::gazetteer::{Candidate, EntityIndex, EntityType, Gazetteer, MentionKind};
use crate::normalize::{is_word_char, normalize};

/// One line of a gold file: the actors a document names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldDocument {
    /// The document's id in the corpus.
    pub doc: String,
    /// `dev` or `test`; lines without one are in neither.
    #[serde(default)]
    pub split: Option<String>,
    /// The actors.
    pub actors: Vec<GoldActor>,
}

/// An actor a gold document names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldActor {
    /// Its name, looked up in the gazetteer.
    pub name: String,
    /// person, group or place.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How the document writes it: exact substrings of the text. When none
    /// are given, the name is the only form.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Neither found nor missed, and not a false match when extracted.
    #[serde(default)]
    pub optional: bool,
    /// The gazetteer id it stands for, when its name alone would not say.
    #[serde(default)]
    pub id: Option<String>,
}

/// Why a gold actor was missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissReason {
    /// No entity of the gazetteer has its id, name or forms.
    Unknown,
    /// The gazetteer knows it, but extraction did not find it at its forms.
    NotFound,
}

/// A gold actor that extraction missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// Document id.
    pub doc: String,
    /// Line of the gold file.
    pub line: u32,
    /// The gold actor's name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Its forms.
    pub forms: Vec<String>,
    /// Unknown, or known but not found.
    pub reason: MissReason,
    /// For a known actor: the entity it resolved to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// For a known actor: what extraction found at its forms instead, if
    /// anything (entity ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub found_instead: Vec<String>,
}

/// An extracted entity that no gold actor of its document resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FalseMatch {
    /// Document id.
    pub doc: String,
    /// Entity id.
    pub entity: String,
    /// Its canonical name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The text of its first mention.
    pub text: String,
    /// The sentence of that mention, white space collapsed.
    pub sentence: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionReport {
    /// Documents scored: those of the corpus that the gold file holds.
    pub documents: usize,
    /// Gold documents that the corpus does not hold (not scored).
    pub missing_documents: Vec<String>,
    /// Gold actors marked optional, in the scored documents.
    pub optional: usize,
    /// Per-type counts: gold actors by their gold type, extracted entities
    /// by their gazetteer type.
    #[serde(serialize_with = "rows")]
    pub table: ScoreTable,
    /// Misses of actors the gazetteer does not know.
    pub unknown: Vec<Miss>,
    /// Misses of actors the gazetteer knows.
    pub not_found: Vec<Miss>,
    /// Extracted entities that are no gold actor.
    pub false_matches: Vec<FalseMatch>,
    /// Problems with the gold file: forms not in their document, unknown ids.
    pub problems: Vec<String>,
}

fn rows<S: serde::Serializer>(table: &ScoreTable, s: S) -> Result<S::Ok, S::Error> {
    let rows: Vec<ScoreRow> = table.rows();
    rows.serialize(s)
}

/// Scores documents one at a time against their gold lines.
pub struct MentionEval<'e> {
    extractor: &'e Extractor<'e>,
    gold: FxHashMap<String, (u32, GoldDocument)>,
    scored: FxHashSet<String>,
    demonyms: bool,
    report: MentionReport,
}

impl<'e> MentionEval<'e> {
    /// An evaluation of `extractor` against gold documents (with their gold
    /// file lines). `demonyms`: count demonym mentions ("Iraqi") as mentions
    /// of their place; by default they are ignored. Two lines for one
    /// document are an error.
    pub fn new(
        extractor: &'e Extractor<'e>,
        gold: Vec<(u32, GoldDocument)>,
        demonyms: bool,
    ) -> crate::Result<MentionEval<'e>> {
        let mut by_doc = FxHashMap::default();
        for (line, g) in gold {
            let doc = g.doc.clone();
            if let Some((first, _)) = by_doc.insert(doc.clone(), (line, g)) {
                return Err(crate::Error::Invalid(format!(
                    "gold line {line}: document '{doc}' is already on line {first}"
                )));
            }
        }
        Ok(MentionEval {
            extractor,
            gold: by_doc,
            scored: FxHashSet::default(),
            demonyms,
            report: MentionReport {
                documents: 0,
                missing_documents: Vec::new(),
                optional: 0,
                table: ScoreTable::default(),
                unknown: Vec::new(),
                not_found: Vec::new(),
                false_matches: Vec::new(),
                problems: Vec::new(),
            },
        })
    }

    /// Scores one document, if the gold file has it (once: a repeated
    /// document is scored the first time only).
    pub fn add(&mut self, doc: &Document) {
        let Some((line, gold)) = self.gold.get(&doc.id) else {
            return;
        };
        if !self.scored.insert(doc.id.clone()) {
            return;
        }
        let line = *line;
        let gold = gold.clone();
        self.score(doc, line, &gold);
    }

    /// The report; gold documents never seen are listed as missing.
    pub fn finish(mut self) -> MentionReport {
        let mut missing: Vec<String> = self
            .gold
            .into_keys()
            .filter(|d| !self.scored.contains(d))
            .collect();
        missing.sort();
        self.report.missing_documents = missing;
        self.report
    }

    fn score(&mut self, doc: &Document, line: u32, gold: &GoldDocument) {
        let g = self.extractor.gazetteer();
        let extraction = self.extractor.extract(doc);
        let mentions: Vec<Mention> = extraction
            .mentions
            .iter()
            .filter(|m| self.demonyms || m.kind != MentionKind::Demonym)
            .copied()
            .collect();
        self.report.documents += 1;
        let mut expected: FxHashSet<EntityIndex> = FxHashSet::default();
        let mut excused: FxHashSet<EntityIndex> = FxHashSet::default();
        let mut optional_spans: Vec<(usize, usize)> = Vec::new();
        for actor in &gold.actors {
            let spans = self.occurrences(doc, line, actor);
            let entity = self.resolve(doc, line, actor);
            if actor.optional {
                self.report.optional += 1;
                excused.extend(entity);
                optional_spans.extend(spans);
                continue;
            }
            expected.extend(entity);
            let at_forms = |m: &&Mention| spans.iter().any(|&(s, e)| m.start < e && s < m.end);
            let counts = self.report.table.of(actor.kind.as_str());
            counts.gold += 1;
            let found =
                entity.is_some_and(|e| mentions.iter().filter(at_forms).any(|m| m.entity == e));
            if found {
                counts.found += 1;
                continue;
            }
            let mut instead: Vec<String> = mentions
                .iter()
                .filter(at_forms)
                .map(|m| g.entity(m.entity).id.clone())
                .collect();
            instead.dedup();
            let miss = Miss {
                doc: doc.id.clone(),
                line,
                name: actor.name.clone(),
                kind: actor.kind,
                forms: forms(actor).map(String::from).collect(),
                reason: if entity.is_some() {
                    MissReason::NotFound
                } else {
                    MissReason::Unknown
                },
                entity: entity.map(|e| g.entity(e).id.clone()),
                found_instead: instead,
            };
            match miss.reason {
                MissReason::Unknown => self.report.unknown.push(miss),
                MissReason::NotFound => self.report.not_found.push(miss),
            }
        }
        let mut seen: FxHashSet<EntityIndex> = FxHashSet::default();
        for m in &mentions {
            if !seen.insert(m.entity) {
                continue;
            }
            let within_optional = |e: EntityIndex| {
                mentions.iter().filter(|m| m.entity == e).all(|m| {
                    optional_spans
                        .iter()
                        .any(|&(s, end)| s <= m.start && m.end <= end)
                })
            };
            let correct = expected.contains(&m.entity);
            if !correct && (excused.contains(&m.entity) || within_optional(m.entity)) {
                continue;
            }
            let entity = g.entity(m.entity);
            let counts = self.report.table.of(entity.kind.as_str());
            counts.produced += 1;
            if correct {
                counts.correct += 1;
                continue;
            }
            let sentence = extraction
                .segments
                .sentences
                .get(m.sentence as usize)
                .map_or("", |s| &doc.text[s.start..s.end]);
            self.report.false_matches.push(FalseMatch {
                doc: doc.id.clone(),
                entity: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind,
                text: doc.text[m.start..m.end].to_string(),
                sentence: sentence.split_whitespace().collect::<Vec<_>>().join(" "),
            });
        }
    }

    /// The gazetteer entity a gold actor stands for: by id, else by its name,
    /// else by the id its name would have as a curated entity ("Ministry of
    /// Defence (Iraq)" is `ministry-of-defence-iraq`), else by its first
    /// form that the gazetteer knows; among several candidates of a name,
    /// the one of a local name whose country the actor's name says
    /// ("Ministry of Interior (Syria)" for "Interior Ministry"), else one of
    /// the actor's type first.
    fn resolve(&mut self, doc: &Document, line: u32, actor: &GoldActor) -> Option<EntityIndex> {
        let g = self.extractor.gazetteer();
        if let Some(id) = &actor.id {
            let found = g.entity_by_id(id);
            if found.is_none() {
                self.report.problems.push(format!(
                    "gold line {line} ({}): id '{id}' of '{}' is not in the gazetteer",
                    doc.id, actor.name
                ));
            }
            return found;
        }
        let by_name = |name: &str| {
            let candidates: Vec<_> = g
                .lookup(name)
                .iter()
                .filter(|c| self.demonyms || c.kind != MentionKind::Demonym)
                .collect();
            local_by_name(g, &candidates, &actor.name)
                .or_else(|| {
                    candidates
                        .iter()
                        .find(|c| g.entity(c.entity).kind == actor.kind)
                        .or(candidates.first())
                        .copied()
                })
                .map(|c| c.entity)
        };
        by_name(&actor.name)
            .or_else(|| {
                g.entity_by_id(&crate::gazetteer::slug(&actor.name))
                    .filter(|&e| g.entity(e).kind == actor.kind)
            })
            .or_else(|| forms(actor).find_map(by_name))
    }

    /// Where the actor's forms occur in the document, as whole words. A form
    /// that does not occur is a problem of the gold file.
    fn occurrences(&mut self, doc: &Document, line: u32, actor: &GoldActor) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for form in forms(actor) {
            let before = spans.len();
            spans.extend(whole_word_occurrences(&doc.text, form));
            if spans.len() == before {
                self.report.problems.push(format!(
                    "gold line {line} ({}): form '{form}' of '{}' is not in the document",
                    doc.id, actor.name
                ));
            }
        }
        spans
    }
}

/// An actor's forms, or its name when it lists none.
fn forms(actor: &GoldActor) -> impl Iterator<Item = &str> {
    let name = actor.forms.is_empty().then_some(actor.name.as_str());
    actor.forms.iter().map(String::as_str).chain(name)
}

/// Byte spans of `needle` in `text` that do not start or end inside a word.
pub(crate) fn whole_word_occurrences<'t>(
    text: &'t str,
    needle: &'t str,
) -> impl Iterator<Item = (usize, usize)> + 't {
    text.match_indices(needle)
        .filter(|_| !needle.is_empty())
        .map(|(s, m)| (s, s + m.len()))
        .filter(move |&(s, e)| {
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let inner_start = needle.starts_with(is_word_char) && before.is_some_and(is_word_char);
            let inner_end = needle.ends_with(is_word_char) && after.is_some_and(is_word_char);
            !inner_start && !inner_end
        })
}

/// Among the candidates of a local name ("Interior Ministry"), the one whose
/// country a name or demonym of it is a word of `actor_name` says: "Ministry
/// of Interior (Syria)", "Syrian Interior Ministry". Extraction's answer is
/// not asked, so that a mention given to the wrong country is a miss.
fn local_by_name<'c>(
    g: &Gazetteer,
    candidates: &[&'c Candidate],
    actor_name: &str,
) -> Option<&'c Candidate> {
    let said = normalize(actor_name);
    let said = said.as_str();
    let countries = g.context().countries();
    // The longest name said wins: "(Kurdistan Region of Iraq)" is the
    // Kurdistan Region's.
    let said_of = |c: &Candidate| {
        let country = countries.of_local(c.entity)?;
        g.entity(country)
            .names
            .iter()
            .map(|n| normalize(&n.text))
            .filter(|key| said.contains(key.as_str()))
            .map(|key| key.as_str().len())
            .max()
    };
    candidates
        .iter()
        .copied()
        .filter(|c| c.local)
        .filter_map(|c| Some((said_of(c)?, c)))
        .max_by_key(|&(len, c)| (len, std::cmp::Reverse(c.entity)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gold_actors_local_name_is_of_the_country_its_name_says() {
        let g = Gazetteer::builtin().unwrap();
        let candidates: Vec<&Candidate> = g.lookup("Ministry of Interior").iter().collect();
        let pick = |name: &str| {
            local_by_name(&g, &candidates, name).map(|c| g.entity(c.entity).id.as_str())
        };
        assert_eq!(
            pick("Ministry of Interior (Syria)"),
            Some("ministry-of-interior-syria")
        );
        assert_eq!(
            pick("Ministry of Interior and Municipalities (Lebanon)"),
            Some("ministry-of-interior-lebanon")
        );
        assert_eq!(
            pick("Ministry of Interior (Kurdistan Region of Iraq)"),
            Some("krg-ministry-of-interior")
        );
        assert_eq!(pick("Ministry of Interior"), None);
    }

    #[test]
    fn forms_match_as_whole_words_only() {
        let text = "Iraq and Iraqi forces; (IHEC) said IHECs";
        let spans: Vec<(usize, usize)> = whole_word_occurrences(text, "Iraq").collect();
        assert_eq!(spans, [(0, 4)]);
        let spans: Vec<&str> = whole_word_occurrences(text, "(IHEC)")
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(spans, ["(IHEC)"]);
        assert_eq!(whole_word_occurrences(text, "IHEC").count(), 1);
        assert_eq!(whole_word_occurrences(text, "").count(), 0);
    }
}
