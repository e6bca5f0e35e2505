//! One document's contribution to the graph: its actors, their co-mentions in
//! scope, the typed relations its sentences state, and the evidence for each.
//! Pure and independent of other documents, so it runs on every core.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::snippet::snippet;
use super::{BuildOptions, Scope};
use crate::corpus::Document;
use crate::date::Date;
use crate::docdate::document_date;
use crate::extract::{ExtractOptions, Extraction, Extractor, Mention};
use crate::gazetteer::{EntityIndex, MentionKind};
use crate::graph::{EdgeKind, Evidence};
use crate::relations::{Actor, Relations};

/// An edge's identity while building: (source, target, type, directed), with
/// an undirected edge's ends in ascending order.
pub(super) type EdgeKey = (EntityIndex, EntityIndex, EdgeKind, bool);

/// What one document says about one edge.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct EdgeObservation {
    pub weight: f64,
    pub evidence: Vec<EvidenceSpan>,
    pub triggers: Vec<String>,
}

/// Where a piece of evidence stands in its document. The snippet is cut only
/// when the merge still has room for it: most observations of a frequent edge
/// are never shown, so cutting them all would be wasted work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EvidenceSpan {
    pub sentence: u32,
    pub start: usize,
    pub end: usize,
    /// The two mentions, in text order.
    pub first: (usize, usize),
    pub second: (usize, usize),
}

impl EvidenceSpan {
    /// The evidence item, with its snippet cut from the document's text.
    pub fn resolve(&self, doc: &Document) -> Evidence {
        Evidence {
            doc: doc.id.clone(),
            sentence: Some(self.sentence),
            start: Some(self.start),
            end: Some(self.end),
            snippet: snippet(&doc.text, self.start, self.end, self.first, self.second),
        }
    }
}

/// How often one document mentions one entity, and as what.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct EntityTally {
    pub entity: EntityIndex,
    pub mentions: u64,
    /// Scope units that mention it (see [`super::scopes`]).
    pub scopes: u64,
    /// Surface forms, as the byte range of one of their mentions in the
    /// document's text, with their counts, in text order. The merge copies a
    /// form only the first time it sees it, not once per document.
    pub forms: Vec<(usize, usize, u64)>,
}

/// What one document contributes to the graph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentGraph {
    pub(super) date: Option<Date>,
    pub(super) fingerprint: u64,
    pub(super) bytes: usize,
    pub(super) mentions: usize,
    /// Scope units in the document (see [`super::scopes`]).
    pub(super) scopes: u64,
    /// Mentions per entity, by entity.
    pub(super) entities: Vec<EntityTally>,
    /// Edges, sorted by key.
    pub(super) edges: Vec<(EdgeKey, EdgeObservation)>,
}

impl DocumentGraph {
    /// The document's size in bytes.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

/// Turns documents into [`DocumentGraph`]s. Build once, share by reference.
#[derive(Debug)]
pub struct Analyzer<'a> {
    extractor: Extractor<'a>,
    relations: &'a Relations,
    options: &'a BuildOptions,
}

impl<'a> Analyzer<'a> {
    /// Builds the matcher for the gazetteer.
    pub fn new(
        gazetteer: &'a crate::gazetteer::Gazetteer,
        relations: &'a Relations,
        options: &'a BuildOptions,
    ) -> crate::Result<Analyzer<'a>> {
        let extractor = Extractor::new(
            gazetteer,
            ExtractOptions {
                demonyms: options.demonyms,
            },
        )?;
        Ok(Analyzer {
            extractor,
            relations,
            options,
        })
    }

    /// What one document contributes.
    pub fn analyze(&self, doc: &Document) -> DocumentGraph {
        let mut extraction = self.extractor.extract(doc);
        let mentions = drop_repeated_lines(&doc.text, std::mem::take(&mut extraction.mentions));
        let mut edges: HashMap<EdgeKey, EdgeObservation> = HashMap::default();
        let ctx = Context {
            gazetteer: self.extractor.gazetteer(),
            doc,
            extraction: &extraction,
            options: self.options,
        };
        ctx.co_mentions(&mentions, &mut edges);
        ctx.relations(self.relations, &mentions, &mut edges);
        let mut edges: Vec<_> = edges.into_iter().collect();
        edges.sort_by_key(|e| e.0);
        let mut entities = entity_counts(&doc.text, &mentions);
        let scopes = super::scopes::count(
            self.options.scope,
            &extraction.segments,
            &mentions,
            &mut entities,
        );
        DocumentGraph {
            date: document_date(doc.date.as_deref(), &doc.text),
            fingerprint: extraction.fingerprint,
            bytes: doc.text.len(),
            mentions: mentions.len(),
            scopes,
            entities,
            edges,
        }
    }
}

/// Mentions outside lines that repeat an earlier line of the same document
/// (captions and headlines printed twice count once).
fn drop_repeated_lines(text: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    if mentions.is_empty() {
        return mentions;
    }
    let mut seen: HashSet<&str> = HashSet::default();
    let mut repeated: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() && !seen.insert(trimmed) {
            repeated.push((at, at + line.len()));
        }
        at += line.len();
    }
    if !repeated.is_empty() {
        mentions.retain(|m| {
            let i = repeated.partition_point(|&(s, _)| s <= m.start);
            i == 0 || m.start >= repeated[i - 1].1
        });
    }
    mentions
}

fn entity_counts(text: &str, mentions: &[Mention]) -> Vec<EntityTally> {
    let mut order: Vec<&Mention> = mentions.iter().collect();
    order.sort_by(|a, b| {
        a.entity
            .cmp(&b.entity)
            .then_with(|| text[a.start..a.end].cmp(&text[b.start..b.end]))
            .then(a.start.cmp(&b.start))
    });
    let mut out: Vec<EntityTally> = Vec::new();
    for m in order {
        let form = &text[m.start..m.end];
        match out.last_mut() {
            Some(tally) if tally.entity == m.entity => {
                tally.mentions += 1;
                match tally.forms.last_mut() {
                    Some((s, e, n)) if &text[*s..*e] == form => *n += 1,
                    _ => tally.forms.push((m.start, m.end, 1)),
                }
            }
            _ => out.push(EntityTally {
                entity: m.entity,
                mentions: 1,
                scopes: 0,
                forms: vec![(m.start, m.end, 1)],
            }),
        }
    }
    out
}

struct Context<'d> {
    gazetteer: &'d crate::gazetteer::Gazetteer,
    doc: &'d Document,
    extraction: &'d Extraction,
    options: &'d BuildOptions,
}

impl Context<'_> {
    /// Links every two distinct entities mentioned within one scope unit.
    fn co_mentions(&self, mentions: &[Mention], edges: &mut HashMap<EdgeKey, EdgeObservation>) {
        for (members, anchors) in self.units(mentions) {
            // (entity, has a name mention, first mention, in the anchor sentence)
            let mut firsts: Vec<(EntityIndex, bool, &Mention, bool)> = Vec::new();
            for (i, m) in members.iter().enumerate() {
                let strong = m.kind != MentionKind::Demonym;
                match firsts.iter_mut().find(|f| f.0 == m.entity) {
                    Some(f) => f.1 |= strong,
                    None => firsts.push((m.entity, strong, m, i < anchors)),
                }
            }
            for (i, a) in firsts.iter().enumerate().filter(|(_, a)| a.3) {
                for b in &firsts[i + 1..] {
                    let weight = if a.1 && b.1 {
                        1.0
                    } else {
                        self.options.demonym_weight
                    };
                    let key = (a.0.min(b.0), a.0.max(b.0), EdgeKind::CoMention, false);
                    self.observe(edges, key, weight, a.2, b.2, None);
                }
            }
        }
    }

    /// The scope units: groups of mentions that count as mentioned together,
    /// each with how many of its first mentions anchor it (a pair needs one).
    /// For `window:N`, unit j holds sentence j's mentions (the anchors) and,
    /// after them, the mentions of the N-1 sentences before it.
    fn units<'m>(&self, mentions: &'m [Mention]) -> Vec<(Vec<&'m Mention>, usize)> {
        let unit_of = |m: &Mention| match self.options.scope {
            Scope::Sentence | Scope::Window(_) => m.sentence,
            Scope::Paragraph => m.paragraph,
            Scope::Document => 0,
        };
        let mut units: Vec<(u32, Vec<&Mention>)> = Vec::new();
        for m in mentions {
            match units.last_mut() {
                Some((u, members)) if *u == unit_of(m) => members.push(m),
                _ => units.push((unit_of(m), vec![m])),
            }
        }
        let Scope::Window(n) = self.options.scope else {
            return units
                .into_iter()
                .map(|(_, members)| {
                    let anchors = members.len();
                    (members, anchors)
                })
                .collect();
        };
        let mut windows = Vec::with_capacity(units.len());
        for (i, (sentence, members)) in units.iter().enumerate() {
            let mut all = members.clone();
            for (earlier, more) in units[..i].iter().rev() {
                if sentence - earlier >= n {
                    break;
                }
                all.extend(
                    more.iter()
                        .copied()
                        .filter(|m| !members.iter().any(|x| x.entity == m.entity)),
                );
            }
            windows.push((all, members.len()));
        }
        windows
    }

    /// Typed relations stated in single sentences.
    fn relations(
        &self,
        relations: &Relations,
        mentions: &[Mention],
        edges: &mut HashMap<EdgeKey, EdgeObservation>,
    ) {
        let mut start = 0;
        while start < mentions.len() {
            let sentence = mentions[start].sentence;
            let end = start
                + mentions[start..]
                    .iter()
                    .take_while(|m| m.sentence == sentence)
                    .count();
            let group = &mentions[start..end];
            start = end;
            let strong: HashSet<EntityIndex> = group
                .iter()
                .filter(|m| m.kind != MentionKind::Demonym)
                .map(|m| m.entity)
                .collect();
            if strong.len() < 2 {
                continue;
            }
            let s = self.extraction.segments.sentences[sentence as usize];
            let actors: Vec<Actor> = group
                .iter()
                .map(|m| Actor {
                    start: m.start - s.start,
                    end: m.end - s.start,
                    kind: self.gazetteer.entity(m.entity).kind,
                    mention: m.kind,
                })
                .collect();
            for hit in relations.find(&self.doc.text[s.start..s.end], &actors) {
                let (a, b) = (&group[hit.source], &group[hit.target]);
                if a.entity == b.entity {
                    continue;
                }
                let key = if hit.directed {
                    (a.entity, b.entity, hit.kind, true)
                } else {
                    (
                        a.entity.min(b.entity),
                        a.entity.max(b.entity),
                        hit.kind,
                        false,
                    )
                };
                self.observe(edges, key, 1.0, a, b, Some(hit.trigger));
            }
        }
    }

    fn observe(
        &self,
        edges: &mut HashMap<EdgeKey, EdgeObservation>,
        key: EdgeKey,
        weight: f64,
        a: &Mention,
        b: &Mention,
        trigger: Option<String>,
    ) {
        let edge = edges.entry(key).or_default();
        edge.weight += weight;
        if let Some(t) = trigger
            && !edge.triggers.contains(&t)
        {
            edge.triggers.push(t);
        }
        if edge.evidence.len() < self.options.evidence {
            edge.evidence.push(self.evidence(a, b));
        }
    }

    fn evidence(&self, a: &Mention, b: &Mention) -> EvidenceSpan {
        let sentences = &self.extraction.segments.sentences;
        let (first, last) = (a.sentence.min(b.sentence), a.sentence.max(b.sentence));
        EvidenceSpan {
            sentence: first,
            start: sentences[first as usize].start,
            end: sentences[last as usize].end,
            first: (a.start, a.end).min((b.start, b.end)),
            second: (a.start, a.end).max((b.start, b.end)),
        }
    }
}
