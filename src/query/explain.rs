//! A route told hop by hop with what attests each hop: the two actors, the
//! edge's type and direction, its weight and documents, what ranked it (its
//! specificity, from the pair's NPMI), the best evidence.

use serde::Serialize;

use super::filter::EdgeFilter;
use super::search::{Metric, Path};
use super::specificity;
use crate::date::Date;
use crate::gazetteer::EntityType;
use crate::graph::index::GraphIndex;
use crate::graph::view::GraphView;
use crate::graph::{Edge, EdgeKind, Evidence, Graph, NodeIndex};
use crate::normalize::normalize;

/// An actor, as an answer names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Node id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Person, group or place.
    #[serde(rename = "type")]
    pub kind: EntityType,
}

impl Actor {
    /// The actor at a node.
    pub fn of(graph: &(impl GraphView + ?Sized), v: NodeIndex) -> Actor {
        let node = graph.node_at(v);
        Actor {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
        }
    }
}

/// [`explain`] for routes found in a graph read in place from its index:
/// decodes only the routes' actors, the edges between them, and the
/// evidence of their hops.
pub fn explain_in_index(
    index: &GraphIndex,
    filter: &EdgeFilter,
    (from, to, by): (NodeIndex, NodeIndex, Metric),
    paths: &[Path],
) -> crate::Result<PathAnswer> {
    let mut actors: Vec<NodeIndex> = paths.iter().flat_map(|p| p.nodes.clone()).collect();
    actors.extend([from, to]);
    actors.sort_unstable();
    actors.dedup();
    let hops: std::collections::HashSet<usize> =
        paths.iter().flat_map(|p| p.edges.clone()).collect();
    let (part, ids) = index.subgraph(&actors, |_| true, |i| hops.contains(&i))?;
    let actor = |v: NodeIndex| actors.binary_search(&v).unwrap_or_default() as NodeIndex;
    let edge = |i: usize| ids.binary_search(&i).unwrap_or_default();
    let routes: Vec<Path> = paths
        .iter()
        .map(|p| Path {
            nodes: p.nodes.iter().map(|&v| actor(v)).collect(),
            edges: p.edges.iter().map(|&i| edge(i)).collect(),
            cost: p.cost,
        })
        .collect();
    let name = |i: usize| Graph::edge_id(ids.get(i).copied().unwrap_or_default());
    let ends = (actor(from), actor(to), by);
    Ok(explain_named(&part, filter, ends, &routes, &name))
}

/// Which way a hop's edge points, seen from the route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From the hop's first actor to its second.
    Forward,
    /// From the hop's second actor to its first.
    Backward,
    /// The edge has no direction.
    Undirected,
}

/// Another admitted edge between the same two actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OtherEdge {
    /// Edge id (`e12`).
    pub edge: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EdgeKind,
    /// Its direction, seen from the route.
    pub direction: Direction,
    /// Its weight.
    pub weight: f64,
}

/// One hop of a route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    /// Where the hop starts.
    pub from: Actor,
    /// Where it ends.
    pub to: Actor,
    /// Edge id (`e12`), as in the graph file.
    pub edge: String,
    /// The edge's type.
    #[serde(rename = "type")]
    pub kind: EdgeKind,
    /// Which way the edge points.
    pub direction: Direction,
    /// Distinct sentences that attest it.
    pub weight: f64,
    /// Distinct documents that attest it.
    pub docs: u64,
    /// First date.
    pub first: Option<Date>,
    /// Last date.
    pub last: Option<Date>,
    /// Trigger words of a typed relation.
    pub triggers: Vec<String>,
    /// Why a typed link exists: the patterns and facts that found it
    /// ([`crate::graph::Edge::rules`]).
    pub rules: Vec<String>,
    /// How specific the link is ([`specificity`]), what `--by specificity`
    /// ranks by.
    pub specificity: f64,
    /// The pair's NPMI behind it, when the graph has the counts and the pair
    /// a co-mention (computed even below the minimum count, where it is
    /// discounted).
    pub npmi: Option<f64>,
    /// The pair's co-mentions (its `co_mention` weight; 0 without one).
    pub co_mentions: f64,
    /// Below this many co-mentions the NPMI is discounted.
    pub min_count: f64,
    /// The evidence that best shows the link.
    pub evidence: Option<Evidence>,
    /// How many pieces of evidence the edge keeps.
    pub evidence_count: usize,
    /// The other admitted edges between the two actors.
    pub also: Vec<OtherEdge>,
}

/// A route told hop by hop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    /// 1 for the best route.
    pub rank: usize,
    /// Number of hops.
    pub hops: usize,
    /// Sum of the hops' weights.
    pub weight: f64,
    /// Sum of `1 / weight` over the hops (the `strength` cost).
    pub cost: f64,
    /// What the route costs under the metric that ranked it: the sum of
    /// `2 − specificity`, the hops, or the sum of `1 / weight`.
    pub score: f64,
    /// The hops, in order.
    pub steps: Vec<Hop>,
}

/// The answer to a `path` question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathAnswer {
    /// First actor.
    pub from: Actor,
    /// Last actor.
    pub to: Actor,
    /// What "best" meant.
    pub by: Metric,
    /// The routes, best first; empty when there is none.
    pub paths: Vec<Route>,
}

/// Tells each route hop by hop. O(total hops · (log E + evidence)).
pub fn explain(
    graph: &Graph,
    filter: &EdgeFilter,
    ends: (NodeIndex, NodeIndex, Metric),
    paths: &[Path],
) -> PathAnswer {
    explain_named(graph, filter, ends, paths, &Graph::edge_id)
}

/// The same for routes found in a larger graph and explained on the part of
/// it they cross (their actors and every edge between them): `edge_id`
/// names edge `i` of `graph` as the larger graph does.
pub fn explain_named(
    graph: &Graph,
    filter: &EdgeFilter,
    (from, to, by): (NodeIndex, NodeIndex, Metric),
    paths: &[Path],
    edge_id: &dyn Fn(usize) -> String,
) -> PathAnswer {
    let routes = paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let steps: Vec<Hop> = (0..p.hops())
                .map(|h| {
                    let (a, b) = (p.nodes[h], p.nodes[h + 1]);
                    hop(graph, filter, (a, b), p.edges[h], edge_id)
                })
                .collect();
            Route {
                rank: i + 1,
                hops: steps.len(),
                weight: steps.iter().map(|s| s.weight).sum(),
                cost: steps.iter().map(|s| 1.0 / s.weight).sum(),
                score: p.cost.primary,
                steps,
            }
        })
        .collect();
    PathAnswer {
        from: Actor::of(graph, from),
        to: Actor::of(graph, to),
        by,
        paths: routes,
    }
}

fn hop(
    graph: &Graph,
    filter: &EdgeFilter,
    (a, b): (NodeIndex, NodeIndex),
    index: usize,
    edge_id: &dyn Fn(usize) -> String,
) -> Hop {
    let e = &graph.edges()[index];
    let also = edges_between(graph, a, b)
        .filter(|&i| i != index && filter.admits(&graph.edges()[i]))
        .map(|i| {
            let other = &graph.edges()[i];
            OtherEdge {
                edge: edge_id(i),
                kind: other.kind,
                direction: direction(other, a),
                weight: other.weight,
            }
        })
        .collect();
    let ranked = specificity::of_edge(graph, index);
    Hop {
        from: Actor::of(graph, a),
        to: Actor::of(graph, b),
        edge: edge_id(index),
        kind: e.kind,
        direction: direction(e, a),
        weight: e.weight,
        docs: e.docs,
        first: e.first,
        last: e.last,
        triggers: e.triggers.clone(),
        rules: e.rules.clone(),
        specificity: ranked.value,
        npmi: ranked.npmi,
        co_mentions: ranked.co_mentions,
        min_count: ranked.min_count,
        evidence: best_evidence(graph, e).cloned(),
        evidence_count: e.evidence.len(),
        also,
    }
}

/// The direction of an edge seen from a hop that starts at `a`.
pub fn direction(e: &Edge, a: NodeIndex) -> Direction {
    match (e.directed, e.source == a) {
        (false, _) => Direction::Undirected,
        (true, true) => Direction::Forward,
        (true, false) => Direction::Backward,
    }
}

/// Indices of the edges between two actors, in either orientation: two binary
/// searches, since edges are sorted by (source, target).
pub fn edges_between(graph: &Graph, a: NodeIndex, b: NodeIndex) -> impl Iterator<Item = usize> {
    let edges = graph.edges();
    let range = move |s: NodeIndex, t: NodeIndex| {
        let lo = edges.partition_point(|e| (e.source, e.target) < (s, t));
        let hi = edges.partition_point(|e| (e.source, e.target) <= (s, t));
        lo..hi
    };
    let reverse = if a == b { 0..0 } else { range(b, a) };
    range(a, b).chain(reverse)
}

/// The evidence a reader should see first: a sentence from a document that
/// names both actors (by a surface form the corpus used), then any document
/// sentence, then a gazetteer fact; earliest first among equals.
pub fn best_evidence<'g>(graph: &'g Graph, e: &'g Edge) -> Option<&'g Evidence> {
    let names = |v: NodeIndex| -> Vec<String> {
        let node = graph.node(v);
        std::iter::once(&node.label)
            .chain(node.aliases.iter().map(|a| &a.text))
            .map(|t| normalize(t).as_str().to_string())
            .collect()
    };
    let (ns, nt) = (names(e.source), names(e.target));
    let ranked = e.evidence.iter().enumerate().max_by_key(|(i, ev)| {
        let text = normalize(&ev.snippet);
        let names_both = [&ns, &nt]
            .iter()
            .all(|names| names.iter().any(|n| text.as_str().contains(n.as_str())));
        let from_document = !ev.doc.starts_with("gazetteer:");
        // max_by_key keeps the last maximum; reverse the position to keep the earliest.
        (names_both, from_document, std::cmp::Reverse(*i))
    });
    ranked.map(|(_, ev)| ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::query::path::{PathQuery, find_paths};

    #[test]
    fn every_hop_is_told_with_its_evidence() {
        let g = sample();
        let q = PathQuery {
            from: 0,
            to: 2,
            k: 2,
            metric: Metric::Hops,
            ..PathQuery::default()
        };
        let paths = find_paths(&g, &q).unwrap();
        let answer = explain(&g, &q.filter, (0, 2, Metric::Hops), &paths);
        assert_eq!(answer.paths.len(), 2);
        let second = &answer.paths[1];
        assert_eq!((second.rank, second.hops, second.weight), (2, 2, 3.0));
        let first_hop = &second.steps[0];
        assert_eq!(
            (first_hop.from.id.as_str(), first_hop.to.id.as_str()),
            ("araji", "rashid")
        );
        assert_eq!(first_hop.kind, EdgeKind::CoMention);
        assert_eq!(first_hop.also.len(), 1);
        assert_eq!(first_hop.also[0].kind, EdgeKind::Supports);
        assert_eq!(first_hop.also[0].direction, Direction::Backward);
        assert_eq!(first_hop.evidence.as_ref().unwrap().doc, "d1");
    }

    #[test]
    fn evidence_that_names_both_actors_comes_first() {
        let g = sample();
        let mut e = g.edges()[0].clone(); // araji–rashid
        let ev = |doc: &str, snippet: &str| Evidence {
            doc: doc.into(),
            sentence: None,
            start: None,
            end: None,
            snippet: snippet.into(),
        };
        e.evidence = vec![
            ev(
                "gazetteer:people.toml:3",
                "Qasim al-Araji, Abdul Latif Jamal Rashid",
            ),
            ev("d1", "The president spoke."),
            ev("d2", "Abdul Latif Jamal Rashid received Qasim al-Araji."),
            ev("d3", "Abdul Latif Jamal Rashid and Qasim al-Araji again."),
        ];
        assert_eq!(best_evidence(&g, &e).unwrap().doc, "d2");
        e.evidence.truncate(2);
        assert_eq!(
            best_evidence(&g, &e).unwrap().doc,
            "gazetteer:people.toml:3"
        );
    }
}
