//! One document's contribution to the graph: its actors, their co-mentions in
//! scope, the typed relations its sentences state, and the evidence for each.
//! Pure and independent of other documents, so it runs on every core.

use std::collections::VecDeque;

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
    /// Observations by names on both sides (weight 1 each).
    pub strong: u32,
    /// Observations where one side is only a demonym (weight
    /// `demonym_weight` each). Kept as counts, so that weights add up the
    /// same in any order.
    pub weak: u32,
    pub evidence: Vec<EvidenceSpan>,
    pub triggers: Vec<String>,
    /// The patterns that found it (`relations.toml:LINE`, `builtin:NAME`).
    pub rules: Vec<String>,
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

    /// The typed relations the document's sentences state (co-mentions left
    /// out), each with the sentences that state it: what `eval relations`
    /// scores.
    pub fn typed_relations(&self) -> Vec<TextRelation> {
        self.edges
            .iter()
            .filter(|(key, _)| key.2 != EdgeKind::CoMention)
            .map(
                |&((source, target, kind, directed), ref seen)| TextRelation {
                    kind,
                    source,
                    target,
                    directed,
                    sentences: seen.evidence.iter().map(|e| e.sentence).collect(),
                    triggers: seen.triggers.clone(),
                    rules: seen.rules.clone(),
                },
            )
            .collect()
    }
}

/// A typed relation that a document states (see
/// [`DocumentGraph::typed_relations`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRelation {
    /// The edge type.
    pub kind: EdgeKind,
    /// The acting entity (the smaller index of an undirected relation).
    pub source: EntityIndex,
    /// The entity acted on.
    pub target: EntityIndex,
    /// False for the mutual types.
    pub directed: bool,
    /// Sentences that state it (as many as the evidence keeps).
    pub sentences: Vec<u32>,
    /// The triggers that found it.
    pub triggers: Vec<String>,
    /// The patterns that found it.
    pub rules: Vec<String>,
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
                undated: options.undated,
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
        let date = document_date(doc.date.as_deref(), &doc.text);
        let mut extraction = self.extractor.extract_on(doc, date);
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
            date,
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

/// How often the document mentions each entity, and in which forms: one pass
/// with a map of (entity, form), then the forms grouped by entity (a sort of
/// every mention by its text cost a huge document most of its build time).
fn entity_counts(text: &str, mentions: &[Mention]) -> Vec<EntityTally> {
    let mut slots: HashMap<(EntityIndex, &str), usize> = HashMap::default();
    let mut forms: Vec<(EntityIndex, usize, usize, u64)> = Vec::new();
    for m in mentions {
        let form = &text[m.start..m.end];
        match slots.entry((m.entity, form)) {
            std::collections::hash_map::Entry::Occupied(slot) => forms[*slot.get()].3 += 1,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(forms.len());
                forms.push((m.entity, m.start, m.end, 1));
            }
        }
    }
    // Stable: each entity's forms stay in the order the text first uses them.
    forms.sort_by_key(|f| f.0);
    let mut out: Vec<EntityTally> = Vec::new();
    for (entity, start, end, count) in forms {
        match out.last_mut() {
            Some(tally) if tally.entity == entity => {
                tally.mentions += count;
                tally.forms.push((start, end, count));
            }
            _ => out.push(EntityTally {
                entity,
                mentions: count,
                scopes: 0,
                forms: vec![(start, end, count)],
            }),
        }
    }
    out
}

/// The id of the country a place lies in: its `country`, else the country
/// of what it is located in, else itself when it is a country.
fn country_of(g: &crate::gazetteer::Gazetteer, place: EntityIndex) -> Option<&str> {
    let mut at = place;
    for _ in 0..8 {
        let e = g.entity(at);
        if let Some(c) = e.country.as_deref() {
            return Some(c);
        }
        if e.level == Some(crate::gazetteer::PlaceLevel::Country) {
            return Some(&e.id);
        }
        let parent = e
            .facts
            .iter()
            .find(|f| f.kind == EdgeKind::LocatedIn)
            .and_then(|f| g.entity_by_id(&f.target))?;
        at = parent;
    }
    None
}

/// True for a news outlet: a group the gazetteer describes as a news
/// agency, daily, channel, broadcaster, network, site or radio.
fn is_outlet(e: &crate::gazetteer::Entity) -> bool {
    e.kind == crate::gazetteer::EntityType::Group
        && e.description.as_deref().is_some_and(|d| {
            const KINDS: &[&str] = &[
                "news",
                "daily",
                "newspaper",
                "broadcaster",
                "channel",
                "television",
                "radio",
                "media",
                "weekly",
                "magazine",
            ];
            d.split(|c: char| !c.is_alphanumeric())
                .any(|w| KINDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
        })
}

/// True for a place that acts as a state: a country or region, or a place
/// of unknown level that has demonyms (the curated countries of old files).
fn is_state(entity: &crate::gazetteer::Entity) -> bool {
    use crate::gazetteer::{EntityType, PlaceLevel};
    entity.kind == EntityType::Place
        && match entity.level {
            Some(level) => matches!(level, PlaceLevel::Country | PlaceLevel::Region),
            None => entity.names.iter().any(|n| n.kind == MentionKind::Demonym),
        }
}

/// One entity of a scope unit, as a co-mention sees it.
struct First<'m> {
    entity: EntityIndex,
    /// Named at least once by a name, not only a demonym.
    strong: bool,
    /// Its first mention in the unit.
    mention: &'m Mention,
}

/// The distinct entities of a unit, in the order they first appear.
fn firsts(unit: &[Mention]) -> Vec<First<'_>> {
    let mut firsts: Vec<First> = Vec::new();
    // A sentence names a handful of entities; a paragraph or a document may
    // name thousands, where a linear search per mention would be quadratic.
    let mut index: HashMap<EntityIndex, usize> = HashMap::default();
    let large = unit.len() > 32;
    for m in unit {
        let strong = m.kind != MentionKind::Demonym;
        let found = if large {
            index.get(&m.entity).copied()
        } else {
            firsts.iter().position(|f| f.entity == m.entity)
        };
        match found {
            Some(i) => firsts[i].strong |= strong,
            None => {
                if large {
                    index.insert(m.entity, firsts.len());
                }
                firsts.push(First {
                    entity: m.entity,
                    strong,
                    mention: m,
                });
            }
        }
    }
    firsts
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
        let units = self.units(mentions);
        if let Scope::Window(n) = self.options.scope {
            return self.window_co_mentions(n, &units, edges);
        }
        for unit in units {
            self.pair_up(&firsts(unit), &[], edges);
        }
    }

    /// `window:N`: unit j is sentence j's entities (the anchors) with those
    /// of the N-1 sentences before it; every pair holds an anchor. The
    /// entities of the window are kept in a map that slides along, so each
    /// sentence costs its anchors times the window's entities, whatever N.
    fn window_co_mentions<'m>(
        &self,
        n: u32,
        units: &[&'m [Mention]],
        edges: &mut HashMap<EdgeKey, EdgeObservation>,
    ) {
        struct InWindow<'m> {
            /// Units of the window that mention it.
            units: u32,
            /// Its mentions in the window that are names, not demonyms.
            strong: u32,
            /// Its first mention in the latest unit that mentions it.
            latest: &'m Mention,
        }
        let mut window: HashMap<EntityIndex, InWindow<'m>> = HashMap::default();
        // (sentence, [(entity, strong mentions)]) of the units in the window.
        let mut queue: VecDeque<(u32, Vec<(EntityIndex, u32)>)> = VecDeque::new();
        for unit in units {
            let sentence = unit[0].sentence;
            while let Some((earlier, _)) = queue.front()
                && sentence - earlier >= n
            {
                let (_, tally) = queue.pop_front().expect("a front");
                for (entity, strong) in tally {
                    let gone = window.get_mut(&entity).is_some_and(|w| {
                        w.units -= 1;
                        w.strong -= strong;
                        w.units == 0
                    });
                    if gone {
                        window.remove(&entity);
                    }
                }
            }
            let anchors = firsts(unit);
            let others: Vec<First> = window
                .iter()
                .filter(|(e, _)| !anchors.iter().any(|a| a.entity == **e))
                .map(|(&entity, w)| First {
                    entity,
                    strong: w.strong > 0,
                    mention: w.latest,
                })
                .collect();
            self.pair_up(&anchors, &others, edges);
            let mut tally = Vec::with_capacity(anchors.len());
            for a in &anchors {
                let strong = unit
                    .iter()
                    .filter(|m| m.entity == a.entity && m.kind != MentionKind::Demonym)
                    .count() as u32;
                let w = window.entry(a.entity).or_insert(InWindow {
                    units: 0,
                    strong: 0,
                    latest: a.mention,
                });
                w.units += 1;
                w.strong += strong;
                w.latest = a.mention;
                tally.push((a.entity, strong));
            }
            queue.push_back((sentence, tally));
        }
    }

    /// Observes a co-mention of every two of `anchors`, and of every anchor
    /// with every one of `others`.
    fn pair_up(
        &self,
        anchors: &[First],
        others: &[First],
        edges: &mut HashMap<EdgeKey, EdgeObservation>,
    ) {
        for (i, a) in anchors.iter().enumerate() {
            for b in anchors[i + 1..].iter().chain(others) {
                let strong = a.strong && b.strong;
                let key = (
                    a.entity.min(b.entity),
                    a.entity.max(b.entity),
                    EdgeKind::CoMention,
                    false,
                );
                self.observe(edges, key, strong, a.mention, b.mention, None);
            }
        }
    }

    /// The scope units: runs of mentions in one sentence (for `sentence`
    /// and `window:N`), one paragraph, or the whole document.
    fn units<'m>(&self, mentions: &'m [Mention]) -> Vec<&'m [Mention]> {
        let unit_of = |m: &Mention| match self.options.scope {
            Scope::Sentence | Scope::Window(_) => m.sentence,
            Scope::Paragraph => m.paragraph,
            Scope::Document => 0,
        };
        mentions.chunk_by(|a, b| unit_of(a) == unit_of(b)).collect()
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
            // Two actors at least; a demonym counts, since it may stand for
            // its state ("Israeli jets bombed Palestinian targets").
            let distinct: HashSet<EntityIndex> = group.iter().map(|m| m.entity).collect();
            if distinct.len() < 2 {
                continue;
            }
            let s = self.extraction.segments.sentences[sentence as usize];
            let actors: Vec<Actor> = group
                .iter()
                .map(|m| {
                    let entity = self.gazetteer.entity(m.entity);
                    Actor {
                        start: m.start - s.start,
                        end: m.end - s.start,
                        kind: entity.kind,
                        mention: m.kind,
                        level: entity.level,
                        state: is_state(entity) || entity.seat,
                        seat: entity.seat,
                        entity: Some(m.entity),
                        country: country_of(self.gazetteer, m.entity)
                            .and_then(|id| self.gazetteer.entity_by_id(id)),
                    }
                })
                .collect();
            for hit in relations.find(&self.doc.text[s.start..s.end], &actors) {
                let (a, b) = (&group[hit.source], &group[hit.target]);
                if a.entity == b.entity || self.within_own_state(a.entity, b.entity, hit.kind) {
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
                if let Some(v) = hit.venue
                    && hit.kind == EdgeKind::Meets
                {
                    for who in [a, b] {
                        if self.travelled(who.entity, group[v].entity) {
                            let key = (who.entity, group[v].entity, EdgeKind::Visits, true);
                            let found_by = ("meeting in".to_string(), "builtin:venue".to_string());
                            self.observe(edges, key, true, who, &group[v], Some(found_by));
                        }
                    }
                }
                self.observe(edges, key, true, a, b, Some((hit.trigger, hit.rule)));
            }
        }
    }

    /// True when a relation read in a sentence would link a state with one of
    /// its own people or bodies: "the U.S. House committee urged the Reagan
    /// administration" says nothing of the United States and its government,
    /// nor "Reagan told the American people" of Reagan and the United States.
    /// The state there is a modifier or the country's people, never a party.
    /// Places are left (a state attacks its own towns), and so are groups on
    /// either side of an attack or a dispute (a state fights its rebels).
    fn within_own_state(&self, a: EntityIndex, b: EntityIndex, kind: EdgeKind) -> bool {
        use crate::gazetteer::EntityType;
        if !matches!(
            kind,
            EdgeKind::Meets
                | EdgeKind::Communicates
                | EdgeKind::Supports
                | EdgeKind::Opposes
                | EdgeKind::Attacks
                | EdgeKind::MemberOf
                | EdgeKind::AlliedWith
        ) {
            return false;
        }
        let g = self.gazetteer;
        [(a, b), (b, a)].into_iter().any(|(state, other)| {
            let (s, o) = (g.entity(state), g.entity(other));
            if !is_state(s) || o.kind == EntityType::Place {
                return false;
            }
            if o.kind == EntityType::Group && matches!(kind, EdgeKind::Attacks | EdgeKind::Opposes)
            {
                return false;
            }
            // "an Israeli official told The Jerusalem Post": the state's
            // word to its own press is still said to someone.
            if kind == EdgeKind::Communicates && is_outlet(o) {
                return false;
            }
            // A body of the Kurdistan Region belongs to Iraq and to the region.
            o.country.as_deref() == Some(s.id.as_str()) || self.home(other) == Some(s.id.as_str())
        })
    }

    /// The country an actor belongs to: its `country`, or that place's own
    /// country when it is a region ("kurdistan-region" → "iraq").
    fn home(&self, who: EntityIndex) -> Option<&str> {
        let g = self.gazetteer;
        let home = g.entity(who).country.as_deref()?;
        Some(
            g.entity_by_id(home)
                .and_then(|h| country_of(g, h))
                .unwrap_or(home),
        )
    }

    /// True when someone met at `venue` came from another country: a person
    /// or group whose country is known and is not the venue's.
    fn travelled(&self, who: EntityIndex, venue: EntityIndex) -> bool {
        // A body of the Kurdistan Region is at home in Iraq.
        let Some(home) = self.home(who) else {
            return false;
        };
        country_of(self.gazetteer, venue).is_some_and(|there| there != home)
    }

    fn observe(
        &self,
        edges: &mut HashMap<EdgeKey, EdgeObservation>,
        key: EdgeKey,
        strong: bool,
        a: &Mention,
        b: &Mention,
        found_by: Option<(String, String)>,
    ) {
        let edge = edges.entry(key).or_default();
        if strong {
            edge.strong += 1;
        } else {
            edge.weak += 1;
        }
        if let Some((trigger, rule)) = found_by {
            if !edge.triggers.contains(&trigger) {
                edge.triggers.push(trigger);
            }
            if !edge.rules.contains(&rule) {
                edge.rules.push(rule);
            }
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
