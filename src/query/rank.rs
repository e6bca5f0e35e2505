//! `top`: actors ranked by a centrality.
//!
//! | centrality | score | cost |
//! |---|---|---|
//! | `degree` | distinct actors linked to it | O(V + E) |
//! | `strength` | sum of the weights of its edges (every type) | O(V + E) |
//! | `association` | sum of the specificity of its links, one per linked actor ([`super::specificity`]) | O(V + E log E) |
//! | `pagerank` | [`page_rank`] over the best link of each pair | O(I · (V + E)) |
//! | `betweenness` | [`betweenness`] by hops, exact or sampled | O(V · E), or O(s · E) |

use serde::Serialize;

use super::betweenness::{Sampling, betweenness};
use super::explain::Actor;
use super::filter::EdgeFilter;
use super::network::Network;
use super::pagerank::page_rank;
use super::search::Metric;
use crate::gazetteer::EntityType;
use crate::graph::NodeIndex;
use crate::graph::view::GraphView;

/// What to rank actors by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Centrality {
    /// Distinct actors linked.
    #[default]
    Degree,
    /// Total weight of the actor's edges.
    Strength,
    /// Total specificity of the actor's links: many ties that are specific
    /// to it, rather than many mentions beside every other actor.
    Association,
    /// PageRank, weighted.
    PageRank,
    /// Betweenness, by hops.
    Betweenness,
}

/// An actor and its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// 1 for the first.
    pub rank: usize,
    /// The actor.
    #[serde(flatten)]
    pub actor: Actor,
    /// Its score.
    pub score: f64,
}

/// A ranking, with how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// The centrality.
    pub by: Centrality,
    /// Only actors of this type were listed.
    #[serde(rename = "type")]
    pub kind: Option<EntityType>,
    /// True unless betweenness was sampled.
    pub exact: bool,
    /// Source actors of a betweenness computation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<usize>,
    /// The actors, best first.
    pub actors: Vec<Ranked>,
}

/// The `n` best actors by `by`, among actors of type `kind` if given. The
/// centrality is computed on the whole graph; the type only selects whom to
/// list. Ties are listed by id.
pub fn rank(
    graph: &(impl GraphView + ?Sized),
    by: Centrality,
    kind: Option<EntityType>,
    n: usize,
    sampling: Sampling,
) -> Ranking {
    let net = Network::new(graph, &EdgeFilter::default());
    let (scores, exact, sources) = match by {
        Centrality::Degree => (degree(&net), true, None),
        Centrality::Strength => (strength(graph), true, None),
        Centrality::Association => (association(graph), true, None),
        Centrality::PageRank => (page_rank(&net), true, None),
        Centrality::Betweenness => {
            let b = betweenness(&net, sampling);
            (b.scores, b.exact, Some(b.sources))
        }
    };
    let mut order: Vec<usize> = (0..scores.len())
        .filter(|&v| kind.is_none_or(|k| graph.node_kind(v as NodeIndex) == k))
        .collect();
    // Nodes are sorted by id, so the index breaks ties by id.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let actors = order
        .into_iter()
        .take(n)
        .enumerate()
        .map(|(i, v)| Ranked {
            rank: i + 1,
            actor: Actor::of(graph, v as u32),
            score: scores[v],
        })
        .collect();
    Ranking {
        by,
        kind,
        exact,
        sources,
        actors,
    }
}

fn degree(net: &Network) -> Vec<f64> {
    (0..net.node_count())
        .map(|v| net.links(v as u32).len() as f64)
        .collect()
}

fn association(graph: &(impl GraphView + ?Sized)) -> Vec<f64> {
    let net = Network::for_metric(graph, &EdgeFilter::default(), Metric::Specificity);
    (0..net.node_count())
        .map(|v| net.links(v as u32).map(|l| l.specificity).sum())
        .collect()
}

fn strength(graph: &(impl GraphView + ?Sized)) -> Vec<f64> {
    let mut s = vec![0.0; graph.node_count()];
    let edges = (0..graph.edge_count()).map(|i| graph.lean(i));
    for e in edges.filter(|e| e.source != e.target) {
        s[e.source as usize] += e.weight;
        s[e.target as usize] += e.weight;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn ids(r: &Ranking) -> Vec<(&str, f64)> {
        r.actors
            .iter()
            .map(|a| (a.actor.id.as_str(), a.score))
            .collect()
    }

    #[test]
    fn degree_and_strength() {
        let g = sample();
        let r = rank(&g, Centrality::Degree, None, 10, Sampling::default());
        assert_eq!(ids(&r), [("araji", 2.0), ("rashid", 2.0), ("syria", 2.0)]);
        let r = rank(&g, Centrality::Strength, None, 2, Sampling::default());
        assert_eq!(ids(&r), [("rashid", 4.0), ("araji", 3.5)]);
        assert_eq!(r.actors[1].rank, 2);
        // araji: its link to rashid is carried by `supports` (0.5 + 0.5 ·
        // npmi), to syria by a co-mention below chance (0).
        let s = crate::query::specificity::all(&g);
        let r = rank(&g, Centrality::Association, None, 3, Sampling::default());
        assert_eq!(
            ids(&r),
            [("rashid", s[2] + s[3]), ("araji", s[2]), ("syria", s[3])]
        );
    }

    #[test]
    fn the_type_selects_whom_to_list() {
        let g = sample();
        let r = rank(
            &g,
            Centrality::PageRank,
            Some(EntityType::Place),
            10,
            Sampling::default(),
        );
        assert_eq!(r.actors.len(), 1);
        assert_eq!(r.actors[0].actor.id, "syria");
        let r = rank(&g, Centrality::Betweenness, None, 10, Sampling::default());
        assert!(r.exact);
        assert_eq!(r.sources, Some(3));
        assert!(r.actors.iter().all(|a| a.score == 0.0));
    }
}
