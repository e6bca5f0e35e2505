//! The backbone of the graph: the disparity filter of Serrano, Boguñá and
//! Vespignani (*Extracting the multiscale backbone of complex weighted
//! networks*, PNAS 106(16), 2009), which keeps the links that stand out
//! among the links of at least one of their ends.
//!
//! The filter works on pairs of actors: a pair's weight is the greatest
//! weight among its edges (the co-mention, which counts every sentence that
//! names both, unless only a typed relation or a gazetteer fact links them).
//! For an actor i with k distinct neighbours and strength s (the sum of its
//! pairs' weights), the null hypothesis spreads s uniformly at random over
//! its k links; the probability that a link takes at least the share
//! p = w / s is
//!
//! ```text
//! alpha_i = (1 − p)^(k − 1)        (1 when k = 1: one link is no disparity)
//! ```
//!
//! and a pair's `alpha` is the smaller of its two ends' (the link is
//! significant when it is significant for either). `export --backbone A`
//! keeps the pairs with `alpha <= A`: a country that every article names
//! keeps only the links that take a large share of its strength, while a
//! minor actor keeps its main link, so hubs stop drowning the structure.
//! Every edge of a pair carries the pair's `alpha`, rounded to
//! [`super::association::SIGNIFICANT_DIGITS`] digits.

use std::collections::HashMap;

use super::association::round;
use super::{Graph, NodeIndex};

/// The significance below which a diagram (`export -f dot|svg|png`) keeps a
/// link unless `--backbone` says otherwise; measured on the seeds and the
/// annotated documents (see `bench/README.md`).
pub const DIAGRAM_ALPHA: f64 = 0.3;

/// The significance of every edge's pair, by index in [`Graph::edges`]; a
/// self-loop has 1. O(E log E).
pub fn significance(graph: &Graph) -> Vec<f64> {
    let edges = graph.edges();
    // Pairs as (smaller end, larger end, edge), grouped by sorting.
    let mut pairs: Vec<(NodeIndex, NodeIndex, usize)> = edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.source != e.target)
        .map(|(i, e)| (e.source.min(e.target), e.source.max(e.target), i))
        .collect();
    pairs.sort_unstable();
    let n = graph.nodes().len();
    let mut strength = vec![0.0f64; n];
    let mut degree = vec![0u32; n];
    // (a, b, weight, first index into `pairs`, one past the last)
    let mut groups: Vec<(NodeIndex, NodeIndex, f64, usize, usize)> = Vec::new();
    let mut start = 0;
    while start < pairs.len() {
        let (a, b, _) = pairs[start];
        let end = start
            + pairs[start..]
                .iter()
                .take_while(|p| (p.0, p.1) == (a, b))
                .count();
        let weight = pairs[start..end]
            .iter()
            .map(|p| edges[p.2].weight)
            .fold(0.0f64, f64::max);
        strength[a as usize] += weight;
        strength[b as usize] += weight;
        degree[a as usize] += 1;
        degree[b as usize] += 1;
        groups.push((a, b, weight, start, end));
        start = end;
    }
    let end_alpha = |v: NodeIndex, w: f64| -> f64 {
        let k = degree[v as usize];
        let s = strength[v as usize];
        if k <= 1 || s <= 0.0 {
            return 1.0;
        }
        (1.0 - (w / s).min(1.0)).powi(k as i32 - 1)
    };
    // Rounding (by printing and parsing) is most of the cost: on every core.
    let values: Vec<f64> = {
        use rayon::prelude::*;
        groups
            .par_iter()
            .map(|&(a, b, w, _, _)| round(end_alpha(a, w).min(end_alpha(b, w))))
            .collect()
    };
    let mut alpha = vec![1.0; edges.len()];
    for ((_, _, _, start, end), value) in groups.into_iter().zip(values) {
        for p in &pairs[start..end] {
            alpha[p.2] = value;
        }
    }
    alpha
}

/// Sets every edge's `alpha`. O(E log E).
pub fn annotate(graph: &mut Graph) {
    let alpha = significance(graph);
    for (e, a) in graph.edges_mut().iter_mut().zip(alpha) {
        e.alpha = Some(a);
    }
}

/// Every edge's `alpha`: as the graph keeps it, or computed when an edge
/// lacks it (a file made without it).
pub fn alphas(graph: &Graph) -> Vec<f64> {
    let kept: Option<Vec<f64>> = graph.edges().iter().map(|e| e.alpha).collect();
    kept.unwrap_or_else(|| significance(graph))
}

/// How many edges and actors the backbone at `alpha` keeps, for a summary:
/// (edges, actors with an edge).
pub fn kept(graph: &Graph, alpha: f64) -> (usize, usize) {
    let alphas = alphas(graph);
    let mut linked: HashMap<NodeIndex, ()> = HashMap::new();
    let mut edges = 0;
    for (e, a) in graph.edges().iter().zip(alphas) {
        if a <= alpha {
            edges += 1;
            linked.insert(e.source, ());
            linked.insert(e.target, ());
        }
    }
    (edges, linked.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn a_hand_computed_star_with_a_triangle() {
        // Sample: araji–rashid 2 (and rashid supports araji 1: the pair
        // weighs 2), araji–syria 0.5, rashid–syria 1.
        // araji: k 2, s 2.5; rashid: k 2, s 3; syria: k 2, s 1.5.
        // araji–rashid: from araji (1 − 2/2.5)^1 = 0.2, from rashid
        // (1 − 2/3) = 1/3: alpha 0.2, on both of the pair's edges.
        // araji–syria: from araji 1 − 0.5/2.5 = 0.8, from syria
        // 1 − 0.5/1.5 = 2/3: alpha 0.666667.
        // rashid–syria: 1 − 1/3 = 2/3 from rashid, 1 − 1/1.5 = 1/3 from syria.
        let g = sample();
        let alpha = significance(&g);
        let by_pair = |a: &str, b: &str| -> Vec<f64> {
            let (a, b) = (g.node_by_id(a).unwrap(), g.node_by_id(b).unwrap());
            g.edges()
                .iter()
                .zip(&alpha)
                .filter(|(e, _)| {
                    (e.source.min(e.target), e.source.max(e.target)) == (a.min(b), a.max(b))
                })
                .map(|(_, &x)| x)
                .collect()
        };
        assert_eq!(by_pair("araji", "rashid"), [0.2, 0.2]);
        assert_eq!(by_pair("araji", "syria"), [0.666667]);
        assert_eq!(by_pair("rashid", "syria"), [0.333333]);
        assert_eq!(kept(&g, 0.2), (2, 2));
        assert_eq!(kept(&g, 1.0), (4, 3));
    }

    #[test]
    fn hubs_keep_only_their_outstanding_links() {
        // A hub linked to 10 leaves by 1 and to one actor by 20; each leaf
        // has one other link of weight 1.
        let g = crate::graph::tests::star(10);
        let alpha = significance(&g);
        let hub = g.node_by_id("hub").unwrap();
        let strong = g.node_by_id("strong").unwrap();
        for (e, a) in g.edges().iter().zip(&alpha) {
            let ends = (e.source, e.target);
            if ends == (hub, strong) || ends == (strong, hub) {
                // (1 − 20/30)^10 from the hub.
                assert_eq!(*a, round((1.0f64 / 3.0).powi(10)));
            } else if e.source == hub || e.target == hub {
                // From the hub (1 − 1/30)^10 = 0.71; from a leaf (1 − 1/2) = 0.5.
                assert_eq!(*a, 0.5);
            }
        }
        assert!(alphas(&g).iter().all(|a| (0.0..=1.0).contains(a)));
    }
}
