//! Betweenness centrality: how many shortest routes (by hops) between other
//! actors pass through an actor. Brandes' algorithm (2001).
//!
//! Exact on networks of up to [`Sampling::exact_limit`] actors: one
//! breadth-first search from every actor, O(V · E). Above that it samples
//! [`Sampling::sources`] source actors chosen by a seeded generator (so the
//! same seed gives the same ranking) and scales their sum by V / sources,
//! the estimator of Brandes & Pich (2007) that networkx's
//! `betweenness_centrality(k=…, seed=…)` also uses: O(sources · E).
//!
//! Scores are unnormalized and count each unordered pair once, as networkx's
//! `betweenness_centrality(G, normalized=False)` on an undirected graph.

use std::collections::VecDeque;

use super::network::Network;

/// When to sample, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sampling {
    /// Exact up to this many actors.
    pub exact_limit: usize,
    /// Source actors sampled above it.
    pub sources: usize,
    /// Seed of the generator that picks them.
    pub seed: u64,
}

impl Default for Sampling {
    fn default() -> Sampling {
        Sampling {
            exact_limit: 5000,
            sources: 500,
            seed: 1,
        }
    }
}

/// Betweenness of every actor, and how it was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Betweenness {
    /// Score of each actor.
    pub scores: Vec<f64>,
    /// Searches run: every actor when exact, else the sample's size.
    pub sources: usize,
    /// True when every actor was a source.
    pub exact: bool,
}

/// Betweenness of every actor of the network.
pub fn betweenness(net: &Network, sampling: Sampling) -> Betweenness {
    let n = net.node_count();
    let exact = n <= sampling.exact_limit || sampling.sources >= n;
    let sources: Vec<u32> = if exact {
        (0..n as u32).collect()
    } else {
        // At least one source: none would scale by V / 0.
        sample(n, sampling.sources.max(1), sampling.seed)
    };
    let mut scores = vec![0.0; n];
    let mut state = State::new(n);
    for &s in &sources {
        state.accumulate(net, s, &mut scores);
    }
    let scale = if exact {
        0.5
    } else {
        0.5 * n as f64 / sources.len() as f64
    };
    scores.iter_mut().for_each(|x| *x *= scale);
    Betweenness {
        scores,
        sources: sources.len(),
        exact,
    }
}

/// Buffers of one single-source pass, reused across sources.
struct State {
    order: Vec<u32>,
    paths: Vec<f64>,
    distance: Vec<u32>,
    delta: Vec<f64>,
    queue: VecDeque<u32>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            order: Vec::with_capacity(n),
            paths: vec![0.0; n],
            distance: vec![u32::MAX; n],
            delta: vec![0.0; n],
            queue: VecDeque::new(),
        }
    }

    /// Adds the dependencies of source `s` on every actor to `scores`.
    fn accumulate(&mut self, net: &Network, s: u32, scores: &mut [f64]) {
        for &v in &self.order {
            self.paths[v as usize] = 0.0;
            self.distance[v as usize] = u32::MAX;
            self.delta[v as usize] = 0.0;
        }
        self.order.clear();
        self.paths[s as usize] = 1.0;
        self.distance[s as usize] = 0;
        self.queue.push_back(s);
        while let Some(v) = self.queue.pop_front() {
            self.order.push(v);
            let dv = self.distance[v as usize];
            for neighbor in net.neighbors(v) {
                let w = neighbor as usize;
                if self.distance[w] == u32::MAX {
                    self.distance[w] = dv + 1;
                    self.queue.push_back(neighbor);
                }
                if self.distance[w] == dv + 1 {
                    self.paths[w] += self.paths[v as usize];
                }
            }
        }
        // Predecessors of w are its neighbours one hop closer to s.
        for &w in self.order.iter().rev() {
            let dw = self.distance[w as usize];
            for neighbor in net.neighbors(w) {
                let v = neighbor as usize;
                if dw > 0 && self.distance[v] == dw - 1 {
                    let share = self.paths[v] / self.paths[w as usize];
                    self.delta[v] += share * (1.0 + self.delta[w as usize]);
                }
            }
            if w != s {
                scores[w as usize] += self.delta[w as usize];
            }
        }
    }
}

/// `k` distinct actors out of `n`, by a partial Fisher–Yates shuffle driven
/// by SplitMix64 (stable across platforms and Rust versions), sorted.
fn sample(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut all: Vec<u32> = (0..n as u32).collect();
    for i in 0..k.min(n) {
        let j = i + (next() % (n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k.min(n));
    all.sort_unstable();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::query::filter::EdgeFilter;

    /// A path a–b–c–d plus a pendant e on c: b lies on 3 shortest routes
    /// (a to c, d, e), c on 5 (a–d, a–e, b–d, b–e, d–e), as networkx says.
    fn chain() -> Network<'static> {
        let node = |id: &str| {
            format!(
                r#"{{"id": "{id}", "label": "{id}", "type": "person", "mentions": 1, "docs": 1}}"#
            )
        };
        let edge = |s: &str, t: &str| {
            format!(
                r#"{{"source": "{s}", "target": "{t}", "type": "co_mention", "directed": false, "weight": 1}}"#
            )
        };
        let nodes: Vec<String> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|id| node(id))
            .collect();
        let edges: Vec<String> = [("a", "b"), ("b", "c"), ("c", "d"), ("c", "e")]
            .iter()
            .map(|(s, t)| edge(s, t))
            .collect();
        let json = format!(
            r#"{{"nodes": [{}], "edges": [{}]}}"#,
            nodes.join(","),
            edges.join(",")
        );
        let g = Graph::read_json("chain.json", json.as_bytes()).unwrap();
        Network::new(&g, &EdgeFilter::default())
    }

    #[test]
    fn exact_scores_of_a_small_tree() {
        let b = betweenness(&chain(), Sampling::default());
        assert!(b.exact);
        assert_eq!(b.scores, [0.0, 3.0, 5.0, 0.0, 0.0]);
    }

    #[test]
    fn sampling_is_seeded_and_scaled() {
        let sampling = Sampling {
            exact_limit: 2,
            sources: 5,
            seed: 7,
        };
        // Sampling every actor is the exact answer.
        assert_eq!(
            betweenness(&chain(), sampling).scores,
            [0.0, 3.0, 5.0, 0.0, 0.0]
        );
        let sampling = Sampling {
            sources: 3,
            ..sampling
        };
        let once = betweenness(&chain(), sampling);
        assert!(!once.exact);
        assert_eq!(once.sources, 3);
        assert_eq!(once, betweenness(&chain(), sampling));
        assert_eq!(sample(10, 4, 7), sample(10, 4, 7));
        assert_ne!(sample(1000, 4, 7), sample(1000, 4, 8));
        assert_eq!(sample(3, 10, 1), [0, 1, 2]);
    }
}
