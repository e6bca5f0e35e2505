//! Merges documents' contributions into the graph in corpus order, adds the
//! gazetteer's facts, and applies the graph-wide options.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::{Value, json};

use super::BuildOptions;
use super::analyze::{DocumentGraph, EdgeKey};
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
    /// Documents passed over as copies of an earlier one.
    pub duplicates: u64,
    /// Mentions in merged documents.
    pub mentions: u64,
    /// Bytes of text in merged documents.
    pub bytes: u64,
    /// Scope units in merged documents (the N of the association measures).
    pub scopes: u64,
}

#[derive(Default)]
struct NodeTally {
    mentions: u64,
    docs: u64,
    scopes: u64,
    first: Option<Date>,
    last: Option<Date>,
    forms: HashMap<String, u64>,
}

#[derive(Default)]
struct EdgeTally {
    weight: f64,
    docs: u64,
    first: Option<Date>,
    last: Option<Date>,
    evidence: Vec<Evidence>,
    triggers: Vec<(String, u64)>,
    rules: Vec<(String, u64)>,
}

/// Accumulates documents into a graph; memory grows with the graph, not the text.
pub struct GraphBuilder<'g> {
    gazetteer: &'g Gazetteer,
    options: BuildOptions,
    nodes: HashMap<EntityIndex, NodeTally>,
    edges: HashMap<EdgeKey, EdgeTally>,
    seen: HashSet<u64>,
    /// What has been merged so far.
    pub stats: BuildStats,
}

impl<'g> GraphBuilder<'g> {
    /// An empty builder.
    pub fn new(gazetteer: &'g Gazetteer, options: &BuildOptions) -> GraphBuilder<'g> {
        GraphBuilder {
            gazetteer,
            options: options.clone(),
            nodes: HashMap::default(),
            edges: HashMap::default(),
            seen: HashSet::default(),
            stats: BuildStats::default(),
        }
    }

    /// Merges what `doc` contributes; returns false (and merges nothing) when
    /// the same text was merged before.
    pub fn add(&mut self, doc: &Document, graph: DocumentGraph) -> bool {
        let contribution = graph;
        if !self.seen.insert(contribution.fingerprint) {
            self.stats.duplicates += 1;
            return false;
        }
        self.stats.documents += 1;
        self.stats.mentions += contribution.mentions as u64;
        self.stats.bytes += contribution.bytes as u64;
        self.stats.scopes += contribution.scopes;
        let date = contribution.date;
        for tally in contribution.entities {
            let node = self.nodes.entry(tally.entity).or_default();
            node.mentions += tally.mentions;
            node.docs += 1;
            node.scopes += tally.scopes;
            widen(&mut node.first, &mut node.last, date, date);
            for (start, end, count) in tally.forms {
                let form = &doc.text[start..end];
                match node.forms.get_mut(form) {
                    Some(n) => *n += count,
                    None => {
                        node.forms.insert(form.to_owned(), count);
                    }
                }
            }
        }
        for (key, seen) in contribution.edges {
            let edge = self.edges.entry(key).or_default();
            edge.weight += seen.weight;
            edge.docs += 1;
            widen(&mut edge.first, &mut edge.last, date, date);
            let room = self.options.evidence.saturating_sub(edge.evidence.len());
            edge.evidence.extend(
                seen.evidence
                    .iter()
                    .take(room)
                    .map(|span| span.resolve(doc)),
            );
            for t in seen.triggers {
                tally(&mut edge.triggers, t);
            }
            for r in seen.rules {
                tally(&mut edge.rules, r);
            }
        }
        true
    }

    /// The graph: every actor mentioned, every edge at or above the minimum
    /// weight, and the gazetteer's facts between actors that were mentioned;
    /// co-mentions carry their association measures and every edge its
    /// backbone significance.
    pub fn finish(mut self, mut header: Header) -> Graph {
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
        let edges: Vec<Edge> = std::mem::take(&mut self.edges)
            .into_iter()
            .filter(|(_, t)| t.weight >= min_weight)
            .map(|((s, t, kind, directed), tally)| {
                edge(position[&s], position[&t], kind, directed, tally)
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
        let mentioned: Vec<EntityIndex> = self.nodes.keys().copied().collect();
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
                edge.weight += 1.0;
                tally(&mut edge.rules, evidence.doc.clone());
                // A fact that still holds (no `to`) leaves `last` open, as
                // queries read a missing last date: it holds to this day.
                widen(&mut edge.first, &mut edge.last, fact.from, fact.to);
                edge.evidence.insert(0, evidence);
                edge.evidence.truncate(self.options.evidence.max(1));
            }
        }
    }

    fn fact_evidence(&self, entity: EntityIndex, target: EntityIndex, fact: &Fact) -> Evidence {
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
        Evidence {
            doc: format!("gazetteer:{}", fact.location),
            sentence: None,
            start: None,
            end: None,
            snippet: format!("{}: {what}{when}", self.gazetteer.entity(entity).name),
        }
    }

    fn fill_header(&self, header: &mut Header, nodes: &[Node], edges: &[Edge]) {
        let o = &self.options;
        header.options = json!({
            "scope": o.scope.to_string(),
            "demonyms": o.demonyms,
            "demonym_weight": o.demonym_weight,
            "evidence": o.evidence,
            "min_weight": o.min_weight,
            "min_count": o.min_count,
        })
        .as_object()
        .cloned()
        .unwrap_or_default();
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

fn edge(source: u32, target: u32, kind: EdgeKind, directed: bool, tally: EdgeTally) -> Edge {
    Edge {
        source,
        target,
        kind,
        directed,
        weight: tally.weight,
        docs: tally.docs,
        first: tally.first,
        last: tally.last,
        triggers: most_frequent(tally.triggers),
        rules: most_frequent(tally.rules),
        evidence: tally.evidence,
        association: None,
        alpha: None,
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
