//! What a graph holds at a glance: counts by node and edge type, connected
//! components, and the actors that matter most by degree, weighted degree and
//! PageRank.

use std::collections::BTreeMap;

use petgraph::algo::connected_components;
use serde::Serialize;

use super::Graph;
use crate::query::{Centrality, Sampling, rank};

/// An actor and a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Node id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// The score.
    pub score: f64,
}

/// The summary `actorgraph stats` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Nodes in all.
    pub nodes: usize,
    /// Edges in all.
    pub edges: usize,
    /// Nodes by type.
    pub node_types: BTreeMap<String, usize>,
    /// Edges by type.
    pub edge_types: BTreeMap<String, usize>,
    /// Connected components (ignoring direction).
    pub components: usize,
    /// Top actors by number of distinct neighbours.
    pub degree: Vec<Ranked>,
    /// Top actors by summed edge weight.
    pub weighted_degree: Vec<Ranked>,
    /// Top actors by weighted PageRank (the ranking `actorgraph top` computes).
    pub pagerank: Vec<Ranked>,
}

/// Summarizes a graph, with the `top` best actors of each ranking.
pub fn summarize(graph: &Graph, top: usize) -> Summary {
    let mut node_types = BTreeMap::new();
    for n in graph.nodes() {
        *node_types.entry(n.kind.to_string()).or_insert(0) += 1;
    }
    let mut edge_types = BTreeMap::new();
    for e in graph.edges() {
        *edge_types.entry(e.kind.to_string()).or_insert(0) += 1;
    }
    let top_by = |by: Centrality| -> Vec<Ranked> {
        rank(graph, by, None, top, Sampling::default())
            .actors
            .into_iter()
            .map(|r| Ranked {
                id: r.actor.id,
                label: r.actor.label,
                score: r.score,
            })
            .collect()
    };
    Summary {
        nodes: graph.nodes().len(),
        edges: graph.edges().len(),
        node_types,
        edge_types,
        components: connected_components(&graph.to_petgraph()),
        degree: top_by(Centrality::Degree),
        weighted_degree: top_by(Centrality::Strength),
        pagerank: top_by(Centrality::PageRank),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn summary_of_the_sample() {
        let s = summarize(&sample(), 2);
        assert_eq!((s.nodes, s.edges, s.components), (3, 4, 1));
        assert_eq!(s.edge_types["co_mention"], 3);
        assert_eq!(s.degree.len(), 2);
        // Rashid: co_mention 2 + meets 1 + co_mention 1 with Syria.
        assert_eq!(s.weighted_degree[0].id, "rashid");
        assert_eq!(s.weighted_degree[0].score, 4.0);
        let total: f64 = summarize(&sample(), 3)
            .pagerank
            .iter()
            .map(|r| r.score)
            .sum();
        assert!((total - 1.0).abs() < 1e-6, "PageRank sums to 1: {total}");
    }
}
