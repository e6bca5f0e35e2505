//! The k best loopless routes between two actors: Yen's algorithm (1971).
//!
//! The first route is the best one. Each next route deviates from an earlier
//! one at some actor (the spur): it keeps the earlier route's prefix (the
//! root), leaves the spur by a link that no accepted route with the same root
//! took, and goes on by the best route that does not revisit the root. The
//! cheapest such candidate not yet accepted is the next route.
//!
//! O(k · L · S) where L is the length of a route and S the cost of one search
//! (O((V + E) log V) for Dijkstra).

use std::cmp::Ordering;

use super::network::Network;
use super::search::{Blocked, Metric, Path, route};
use crate::graph::NodeIndex;

/// One k-best question: endpoints, metric, an actor to pass through, and what
/// every route must avoid.
#[derive(Debug, Clone, Copy)]
pub struct Ends<'a> {
    /// First actor.
    pub from: NodeIndex,
    /// Last actor.
    pub to: NodeIndex,
    /// An actor every route passes through.
    pub via: Option<NodeIndex>,
    /// What every route avoids.
    pub blocked: &'a Blocked,
}

/// Up to `k` distinct loopless routes, cheapest first (ties: the
/// lexicographically smaller list of actor indices first).
pub fn k_shortest(net: &Network, metric: Metric, k: usize, ends: Ends) -> Vec<Path> {
    let mut accepted: Vec<Path> = Vec::new();
    let Some(first) = route(net, metric, ends.from, ends.to, ends.via, ends.blocked) else {
        return accepted;
    };
    accepted.push(first);
    let mut candidates: Vec<Path> = Vec::new();
    while accepted.len() < k {
        let last = accepted.last().expect("one route at least");
        for spur in 0..last.nodes.len() - 1 {
            if let Some(c) = deviation(net, metric, &accepted, last, spur, ends)
                && !candidates.iter().any(|p| p.nodes == c.nodes)
                && !accepted.iter().any(|p| p.nodes == c.nodes)
            {
                candidates.push(c);
            }
        }
        let Some(best) =
            (0..candidates.len()).min_by(|&a, &b| order(&candidates[a], &candidates[b]))
        else {
            break;
        };
        accepted.push(candidates.swap_remove(best));
    }
    accepted
}

/// The best route that follows `last` up to its actor at `spur`, then leaves it.
fn deviation(
    net: &Network,
    metric: Metric,
    accepted: &[Path],
    last: &Path,
    spur: usize,
    ends: Ends,
) -> Option<Path> {
    let root = &last.nodes[..=spur];
    let spur_node = last.nodes[spur];
    let mut blocked = ends.blocked.clone();
    for p in accepted {
        if p.nodes.len() > spur + 1 && p.nodes[..=spur] == *root {
            blocked.block_link(p.nodes[spur], p.nodes[spur + 1]);
        }
    }
    blocked.nodes.extend(&root[..spur]);
    let via = ends.via.filter(|v| !root.contains(v));
    let tail = route(net, metric, spur_node, ends.to, via, &blocked)?;
    let mut nodes = root[..spur].to_vec();
    nodes.extend_from_slice(&tail.nodes);
    Path::from_nodes(net, metric, nodes)
}

/// Cheaper first, then the smaller list of actors, so the order is stable.
fn order(a: &Path, b: &Path) -> Ordering {
    a.cost
        .total_cmp(&b.cost)
        .then_with(|| a.nodes.cmp(&b.nodes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::query::filter::EdgeFilter;

    #[test]
    fn all_routes_of_a_triangle_in_order() {
        let g = sample();
        let net = Network::new(&g, &EdgeFilter::default());
        let blocked = Blocked::default();
        let ends = Ends {
            from: 0,
            to: 2,
            via: None,
            blocked: &blocked,
        };
        let paths = k_shortest(&net, Metric::Hops, 5, ends);
        let nodes: Vec<&[NodeIndex]> = paths.iter().map(|p| p.nodes.as_slice()).collect();
        assert_eq!(nodes, [&[0, 2][..], &[0, 1, 2]]);
        let paths = k_shortest(&net, Metric::Strength, 1, ends);
        assert_eq!(paths[0].nodes, [0, 1, 2]);
    }

    #[test]
    fn via_holds_for_every_route() {
        let g = sample();
        let net = Network::new(&g, &EdgeFilter::default());
        let blocked = Blocked::default();
        let ends = Ends {
            from: 0,
            to: 2,
            via: Some(1),
            blocked: &blocked,
        };
        let paths = k_shortest(&net, Metric::Hops, 3, ends);
        assert_eq!(paths.len(), 1);
        assert_eq!(paths[0].nodes, [0, 1, 2]);
    }
}
