//! Merges documents' contributions into the graph in corpus order, adds the
//! gazetteer's facts, and applies the graph-wide options.

use rustc_hash::FxHashMap as HashMap;

use serde_json::{Value, json};

use super::BuildOptions;
use super::analyze::{DocumentGraph, EdgeKey, EvidenceSpan};
use crate::corpus::Document;
use crate::date::Date;
use crate::gazetteer::{EntityIndex, Fact, Gazetteer};
use crate::graph::{
    Edge, EdgeKind, Evidence, Graph, Header, Node, SurfaceForm, association, backbone,
};

/// Surface forms kept per node.
const MAX_FORMS: usize = 10;

/// Counts of a build, for the summary and the graph header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BuildStats {
    /// Documents merged.
    pub documents: u64,
    /// Documents passed over as copies of another one.
    pub duplicates: u64,
    /// Mentions in merged documents.
    pub mentions: u64,
    /// Bytes of text in merged documents.
    pub bytes: u64,
    /// Scope units in merged documents (the N of the association measures).
    pub scopes: u64,
}

#[derive(Default)]
pub(super) struct NodeTally {
    pub mentions: u64,
    pub docs: u64,
    pub scopes: u64,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub forms: HashMap<String, u64>,
}

#[derive(Default)]
pub(super) struct EdgeTally {
    /// Observations of weight 1 (names on both sides, typed relations, facts).
    pub strong: u64,
    /// Observations of weight `demonym_weight`.
    pub weak: u64,
    pub docs: u64,
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// The best candidates so far, in [`Candidate`] order, at most the
    /// `evidence` option's number.
    pub evidence: Vec<Candidate>,
    pub triggers: Vec<(String, u64)>,
    pub rules: Vec<(String, u64)>,
}

/// An evidence sentence that may be shown: evidence is the first N
/// candidates by date, then document id, then position, whatever order the
/// documents come in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Candidate {
    pub date: Option<Date>,
    pub doc: String,
    /// The copy key of the document ([`copy_key`]).
    pub copy: u64,
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    pub snippet: String,
}

impl Candidate {
    /// True when `self` sorts before a candidate of these fields whatever its
    /// snippet.
    fn before(&self, date: Option<Date>, doc: &str, copy: u64, span: &EvidenceSpan) -> bool {
        (
            self.date,
            self.doc.as_str(),
            self.copy,
            self.start,
            self.end,
            self.sentence,
        ) < (date, doc, copy, span.start, span.end, span.sentence)
    }
}

/// What identifies copies of one document: the fingerprint of its
/// normalized text and its date. Copies have the same mentions, edges and
/// counts (analysis reads only the text and the date), and differ only in
/// their ids; the copy with the smallest id is the one kept.
pub(super) fn copy_key(fingerprint: u64, date: Option<Date>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_u64(fingerprint);
    match date {
        Some(d) => h.write(d.to_string().as_bytes()),
        None => h.write_u8(0),
    }
    h.finish()
}

/// Accumulates documents into a graph; memory grows with the graph and the
/// number of distinct documents (one key and id each), not the text.
///
/// Every step is commutative (sums, earliest and latest dates, evidence by a
/// fixed order, copies resolved to the smallest id), so documents may come
/// in any order and the graph is the same; partial graphs
/// ([`super::partial`]) replay the same steps.
pub struct GraphBuilder<'g> {
    pub(super) gazetteer: &'g Gazetteer,
    pub(super) options: BuildOptions,
    pub(super) nodes: HashMap<EntityIndex, NodeTally>,
    pub(super) edges: HashMap<EdgeKey, EdgeTally>,
    /// The id kept for each copy key.
    pub(super) seen: HashMap<u64, Box<str>>,
    /// What each kept document contributes, when a partial graph is made.
    pub(super) record: Option<super::partial::Recorder>,
    /// What has been merged so far.
    pub stats: BuildStats,
}

/// What happened to a document offered to the builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Arrival {
    /// A document not seen before: count it.
    New,
    /// A copy of a document kept with a smaller or equal id: nothing to do.
    Copy,
    /// A copy with a smaller id than the one kept: its evidence replaces that
    /// of the copy kept before, whose id it returns.
    Replaces(Box<str>),
}

impl<'g> GraphBuilder<'g> {
    /// An empty builder.
    pub fn new(gazetteer: &'g Gazetteer, options: &BuildOptions) -> GraphBuilder<'g> {
        GraphBuilder {
            gazetteer,
            options: options.clone(),
            nodes: HashMap::default(),
            edges: HashMap::default(),
            seen: HashMap::default(),
            record: None,
            stats: BuildStats::default(),
        }
    }

    /// Merges what `doc` contributes; returns false (and counts nothing) when
    /// a copy of the same text and date was merged before.
    pub fn add(&mut self, doc: &Document, graph: DocumentGraph) -> bool {
        let date = graph.date;
        let copy = copy_key(graph.fingerprint, date);
        let arrival = self.arrive(copy, &doc.id);
        if let Arrival::Replaces(old) = &arrival {
            if let Some(r) = &mut self.record {
                r.rename(copy, &doc.id);
            }
            self.forget_evidence(graph.edges.iter().map(|e| &e.0), copy, old);
        }
        if arrival == Arrival::New {
            self.count_document(graph.bytes as u64, graph.mentions as u64, graph.scopes);
            for tally in &graph.entities {
                let forms = tally
                    .forms
                    .iter()
                    .map(|&(start, end, count)| (&doc.text[start..end], count));
                self.count_entity(tally.entity, date, tally.mentions, tally.scopes, forms);
            }
            for (key, seen) in &graph.edges {
                let triggers = seen.triggers.iter().map(String::as_str);
                let rules = seen.rules.iter().map(String::as_str);
                let (strong, weak) = (seen.strong as u64, seen.weak as u64);
                self.count_edge(*key, date, strong, weak, triggers, rules);
            }
            if let Some(r) = &mut self.record {
                r.document(copy, doc, &graph);
            }
        }
        if arrival == Arrival::Copy {
            return false;
        }
        for (key, seen) in &graph.edges {
            for span in &seen.evidence {
                self.offer(*key, date, &doc.id, copy, span, || {
                    span.resolve(doc).snippet
                });
            }
        }
        arrival == Arrival::New
    }

    /// Registers a document by its copy key and id.
    pub(super) fn arrive(&mut self, copy: u64, id: &str) -> Arrival {
        match self.seen.get_mut(&copy) {
            None => {
                self.seen.insert(copy, id.into());
                Arrival::New
            }
            Some(kept) if **kept <= *id => {
                self.stats.duplicates += 1;
                Arrival::Copy
            }
            Some(kept) => {
                self.stats.duplicates += 1;
                Arrival::Replaces(std::mem::replace(kept, id.into()))
            }
        }
    }

    /// Drops the evidence of the copy `copy` with id `id` from these edges.
    pub(super) fn forget_evidence<'k>(
        &mut self,
        edges: impl Iterator<Item = &'k EdgeKey>,
        copy: u64,
        id: &str,
    ) {
        for key in edges {
            if let Some(tally) = self.edges.get_mut(key) {
                tally.evidence.retain(|c| !(c.copy == copy && c.doc == id));
            }
        }
    }

    pub(super) fn count_document(&mut self, bytes: u64, mentions: u64, scopes: u64) {
        self.stats.documents += 1;
        self.stats.mentions += mentions;
        self.stats.bytes += bytes;
        self.stats.scopes += scopes;
    }

    pub(super) fn count_entity<'t>(
        &mut self,
        entity: EntityIndex,
        date: Option<Date>,
        mentions: u64,
        scopes: u64,
        forms: impl Iterator<Item = (&'t str, u64)>,
    ) {
        let node = self.nodes.entry(entity).or_default();
        node.mentions += mentions;
        node.docs += 1;
        node.scopes += scopes;
        widen(&mut node.first, &mut node.last, date, date);
        for (form, count) in forms {
            match node.forms.get_mut(form) {
                Some(n) => *n += count,
                None => {
                    node.forms.insert(form.to_owned(), count);
                }
            }
        }
    }

    pub(super) fn count_edge<'t>(
        &mut self,
        key: EdgeKey,
        date: Option<Date>,
        strong: u64,
        weak: u64,
        triggers: impl Iterator<Item = &'t str>,
        rules: impl Iterator<Item = &'t str>,
    ) {
        let edge = self.edges.entry(key).or_default();
        edge.strong += strong;
        edge.weak += weak;
        edge.docs += 1;
        widen(&mut edge.first, &mut edge.last, date, date);
        for t in triggers {
            tally(&mut edge.triggers, t.to_owned());
        }
        for r in rules {
            tally(&mut edge.rules, r.to_owned());
        }
    }

    /// Offers an evidence candidate to an edge; the snippet is cut only when
    /// the candidate is among the first N.
    pub(super) fn offer(
        &mut self,
        key: EdgeKey,
        date: Option<Date>,
        doc: &str,
        copy: u64,
        span: &EvidenceSpan,
        snippet: impl FnOnce() -> String,
    ) {
        let room = self.options.evidence;
        let edge = self.edges.entry(key).or_default();
        let at = edge
            .evidence
            .partition_point(|c| c.before(date, doc, copy, span));
        if at >= room {
            return;
        }
        self.insert(
            key,
            Candidate {
                date,
                doc: doc.to_owned(),
                copy,
                start: span.start,
                end: span.end,
                sentence: span.sentence,
                snippet: snippet(),
            },
        );
    }

    /// Inserts a candidate in order, keeping the first N.
    pub(super) fn insert(&mut self, key: EdgeKey, candidate: Candidate) {
        let room = self.options.evidence;
        let edge = self.edges.entry(key).or_default();
        let at = edge.evidence.partition_point(|c| *c <= candidate);
        if at < room {
            edge.evidence.insert(at, candidate);
            edge.evidence.truncate(room);
        }
    }

    /// The graph: every actor mentioned, every edge at or above the minimum
    /// weight, and the gazetteer's facts between actors that were mentioned;
    /// co-mentions carry their association measures and every edge its
    /// backbone significance.
    pub fn finish(mut self, mut header: Header) -> Graph {
        self.record = None;
        self.add_facts();
        let order: Vec<EntityIndex> = {
            let mut o: Vec<EntityIndex> = self.nodes.keys().copied().collect();
            o.sort_unstable();
            o
        };
        let position: HashMap<EntityIndex, u32> = order
            .iter()
            .enumerate()
            .map(|(i, &e)| (e, i as u32))
            .collect();
        let nodes: Vec<Node> = order.iter().map(|e| self.node(*e)).collect();
        let min_weight = self.options.min_weight;
        let demonym_weight = self.options.demonym_weight;
        let edges: Vec<Edge> = std::mem::take(&mut self.edges)
            .into_iter()
            .map(|(key, tally)| (key, weight(&tally, demonym_weight), tally))
            .filter(|(_, w, _)| *w >= min_weight)
            .map(|((s, t, kind, directed), w, tally)| {
                edge(position[&s], position[&t], kind, directed, w, tally)
            })
            .collect();
        self.fill_header(&mut header, &nodes, &edges);
        let mut graph = Graph::new(header, nodes, edges);
        association::annotate(&mut graph, self.options.min_count);
        backbone::annotate(&mut graph);
        graph
    }

    fn node(&mut self, entity: EntityIndex) -> Node {
        let e = self.gazetteer.entity(entity);
        let tally = self.nodes.remove(&entity).unwrap_or_default();
        let mut forms: Vec<SurfaceForm> = tally
            .forms
            .into_iter()
            .map(|(text, count)| SurfaceForm { text, count })
            .collect();
        forms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        forms.truncate(MAX_FORMS);
        Node {
            id: e.id.clone(),
            label: e.name.clone(),
            kind: e.kind,
            mentions: tally.mentions,
            docs: tally.docs,
            scopes: tally.scopes,
            first: tally.first,
            last: tally.last,
            aliases: forms,
        }
    }

    /// Facts of the gazetteer whose two ends were both mentioned become edges
    /// (or add to a typed edge the text already found), with the fact's line as
    /// evidence.
    fn add_facts(&mut self) {
        let mut mentioned: Vec<EntityIndex> = self.nodes.keys().copied().collect();
        mentioned.sort_unstable();
        for entity in mentioned {
            for fact in &self.gazetteer.entity(entity).facts {
                let Some(target) = self.gazetteer.entity_by_id(&fact.target) else {
                    continue;
                };
                if target == entity || !self.nodes.contains_key(&target) {
                    continue;
                }
                let directed = fact.kind.is_directed();
                let key = if directed {
                    (entity, target, fact.kind, true)
                } else {
                    (entity.min(target), entity.max(target), fact.kind, false)
                };
                let evidence = self.fact_evidence(entity, target, fact);
                let edge = self.edges.entry(key).or_default();
                edge.strong += 1;
                tally(&mut edge.rules, evidence.doc.clone());
                // A fact that still holds (no `to`) leaves `last` open, as
                // queries read a missing last date: it holds to this day.
                widen(&mut edge.first, &mut edge.last, fact.from, fact.to);
                edge.evidence.insert(0, evidence);
                edge.evidence.truncate(self.options.evidence.max(1));
            }
        }
    }

    fn fact_evidence(&self, entity: EntityIndex, target: EntityIndex, fact: &Fact) -> Candidate {
        let what = match (&fact.title, fact.kind) {
            (Some(title), _) => format!("{title}, {}", self.gazetteer.entity(target).name),
            (None, kind) => format!(
                "{} {}",
                kind.as_str().replace('_', " "),
                self.gazetteer.entity(target).name
            ),
        };
        let when = match (fact.from, fact.to) {
            (Some(f), Some(t)) => format!(" ({f} to {t})"),
            (Some(f), None) => format!(" (from {f})"),
            (None, Some(t)) => format!(" (until {t})"),
            (None, None) => String::new(),
        };
        Candidate {
            date: None,
            doc: format!("gazetteer:{}", fact.location),
            copy: 0,
            start: 0,
            end: 0,
            sentence: u32::MAX,
            snippet: format!("{}: {what}{when}", self.gazetteer.entity(entity).name),
        }
    }

    fn fill_header(&self, header: &mut Header, nodes: &[Node], edges: &[Edge]) {
        header.options = options_json(&self.options);
        let mut by_type = serde_json::Map::new();
        for kind in EdgeKind::ALL {
            let n = edges.iter().filter(|e| e.kind == kind).count();
            if n > 0 {
                by_type.insert(kind.as_str().to_string(), Value::from(n));
            }
        }
        let s = &self.stats;
        header.counts = json!({
            "documents": s.documents,
            "duplicates": s.duplicates,
            "mentions": s.mentions,
            "scopes": s.scopes,
            "nodes": nodes.len(),
            "edges": edges.len(),
            "edges_by_type": by_type,
        })
        .as_object()
        .cloned()
        .unwrap_or_default();
    }
}

/// Counts one more document (or fact) for `key`.
fn tally(counts: &mut Vec<(String, u64)>, key: String) {
    match counts.iter_mut().find(|(x, _)| *x == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

/// The most frequent first (ties by name), at most [`MAX_FORMS`].
fn most_frequent(mut counts: Vec<(String, u64)>) -> Vec<String> {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(t, _)| t).take(MAX_FORMS).collect()
}

/// The options that shape the graph, as the header records them.
pub(super) fn options_json(o: &BuildOptions) -> serde_json::Map<String, Value> {
    json!({
        "scope": o.scope.to_string(),
        "demonyms": o.demonyms,
        "demonym_weight": o.demonym_weight,
        "evidence": o.evidence,
        "min_weight": o.min_weight,
        "min_count": o.min_count,
    })
    .as_object()
    .cloned()
    .unwrap_or_default()
}

/// The weight of an edge: its strong observations count 1, its weak ones
/// `demonym_weight` (one multiplication, so the order documents came in
/// does not matter).
fn weight(tally: &EdgeTally, demonym_weight: f64) -> f64 {
    tally.strong as f64 + tally.weak as f64 * demonym_weight
}

fn edge(
    source: u32,
    target: u32,
    kind: EdgeKind,
    directed: bool,
    weight: f64,
    tally: EdgeTally,
) -> Edge {
    Edge {
        source,
        target,
        kind,
        directed,
        weight,
        docs: tally.docs,
        first: tally.first,
        last: tally.last,
        triggers: most_frequent(tally.triggers),
        rules: most_frequent(tally.rules),
        evidence: tally
            .evidence
            .into_iter()
            .map(Candidate::evidence)
            .collect(),
        association: None,
        alpha: None,
    }
}

impl Candidate {
    fn evidence(self) -> Evidence {
        let text = self.sentence != u32::MAX;
        Evidence {
            doc: self.doc,
            sentence: text.then_some(self.sentence),
            start: text.then_some(self.start),
            end: text.then_some(self.end),
            snippet: self.snippet,
        }
    }
}

/// Widens `[first, last]` to hold `[from, to]`.
fn widen(first: &mut Option<Date>, last: &mut Option<Date>, from: Option<Date>, to: Option<Date>) {
    if let Some(f) = from {
        *first = Some(first.map_or(f, |x| x.min(f)));
    }
    if let Some(t) = to {
        *last = Some(last.map_or(t, |x| x.max(t)));
    }
}
