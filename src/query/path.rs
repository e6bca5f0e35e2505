//! `path`: the best routes between two actors under the user's constraints.

use super::filter::{EdgeFilter, Facts};
use super::network::Network;
use super::search::{Blocked, Metric, Path};
use super::yen::{Ends, k_shortest};
use crate::error::Error;
use crate::gazetteer::EntityType;
use crate::graph::NodeIndex;
use crate::graph::view::GraphView;

/// The actors a route passes through unless told otherwise: people and
/// groups. A place may be where a route starts or ends, but a route through
/// a country says only that both ends were named with it.
pub const THROUGH: [EntityType; 2] = [EntityType::Person, EntityType::Group];

/// A question about the links between two actors. The default is `path`'s:
/// one route, by specificity, through people and groups, using the
/// gazetteer's facts that the corpus's period attests.
#[derive(Debug, Clone)]
pub struct PathQuery {
    /// First actor.
    pub from: NodeIndex,
    /// Last actor.
    pub to: NodeIndex,
    /// How many routes, best first (Yen's algorithm when more than one).
    pub k: usize,
    /// What "best" means.
    pub metric: Metric,
    /// Which edges may be used.
    pub filter: EdgeFilter,
    /// The types of the actors a route may pass through (its ends may be of
    /// any type); `None`: every actor.
    pub through: Option<Vec<EntityType>>,
    /// An actor every route passes through.
    pub via: Option<NodeIndex>,
    /// Actors no route passes through.
    pub avoid: Vec<NodeIndex>,
}

impl Default for PathQuery {
    fn default() -> PathQuery {
        PathQuery {
            from: 0,
            to: 0,
            k: 1,
            metric: Metric::default(),
            filter: EdgeFilter {
                facts: Facts::AttestedPeriod,
                ..EdgeFilter::default()
            },
            through: Some(THROUGH.to_vec()),
            via: None,
            avoid: Vec::new(),
        }
    }
}

/// Up to `query.k` distinct loopless routes, best first; empty when the actors
/// are not connected under the constraints. Connectivity ignores direction.
/// The `via` actor is passed through whatever its type.
///
/// An error when the question contradicts itself: the same actor at both
/// ends, or an end or the `via` actor also to be avoided.
///
/// ```
/// use actorgraph::graph::Graph;
/// use actorgraph::query::{PathQuery, find_paths};
///
/// let json = r#"{"nodes": [{"id": "a", "label": "A", "type": "person", "mentions": 1, "docs": 1},
///                          {"id": "b", "label": "B", "type": "group", "mentions": 1, "docs": 1},
///                          {"id": "c", "label": "C", "type": "place", "mentions": 1, "docs": 1}],
///   "edges": [{"source": "a", "target": "b", "type": "leads", "directed": true, "weight": 2},
///             {"source": "c", "target": "b", "type": "co_mention", "directed": false, "weight": 1}]}"#;
/// let graph = Graph::read_json("g.json", json.as_bytes()).unwrap();
/// let (a, c) = (graph.node_by_id("a").unwrap(), graph.node_by_id("c").unwrap());
/// let paths = find_paths(&graph, &PathQuery { from: a, to: c, ..PathQuery::default() }).unwrap();
/// assert_eq!(paths[0].hops(), 2);
/// ```
pub fn find_paths(
    graph: &(impl GraphView + ?Sized),
    query: &PathQuery,
) -> crate::Result<Vec<Path>> {
    check(graph, query)?;
    let net = network(graph, query).through(graph, query.through.as_deref());
    let blocked = Blocked {
        nodes: query.avoid.iter().copied().collect(),
        links: Default::default(),
    };
    let ends = Ends {
        from: query.from,
        to: query.to,
        via: query.via.filter(|&v| v != query.from && v != query.to),
        blocked: &blocked,
    };
    Ok(k_shortest(&net, query.metric, query.k.max(1), ends))
}

/// The network a query walks: the one the graph stores
/// ([`Network::stored`]) when the query asks `path`'s default question of
/// it (by specificity, over the edges the default filter admits), since it
/// was made by [`default_network`] for exactly that question; otherwise
/// one built for the query. Which actors a route may pass through is set
/// on either afterwards.
fn network<'a, G: GraphView + ?Sized>(graph: &'a G, query: &PathQuery) -> Network<'a> {
    let filter = query.filter.clone().for_graph(graph);
    let default = PathQuery::default();
    if query.metric == default.metric
        && filter == default.filter.for_graph(graph)
        && let Some(net) = Network::stored(graph)
    {
        return net;
    }
    Network::for_metric(graph, &filter, query.metric)
}

/// The network of `path`'s default question on `graph`, which its index
/// stores: by specificity, over the edges the default filter admits
/// (attested edges and the gazetteer facts of the corpus's period).
pub fn default_network(graph: &(impl GraphView + ?Sized)) -> Network<'static> {
    let query = PathQuery::default();
    Network::for_metric(graph, &query.filter.for_graph(graph), query.metric)
}

fn check(graph: &(impl GraphView + ?Sized), query: &PathQuery) -> crate::Result<()> {
    let label = |v: NodeIndex| graph.node_at(v).label.clone();
    if query.from == query.to {
        return Err(Error::Invalid(format!(
            "both ends are {}: name two different actors",
            label(query.from)
        )));
    }
    let named = [
        ("FROM", Some(query.from)),
        ("TO", Some(query.to)),
        ("--via", query.via),
    ];
    for (what, node) in named {
        if let Some(v) = node
            && query.avoid.contains(&v)
        {
            return Err(Error::Invalid(format!(
                "{} is both {what} and avoided: drop it from --avoid",
                label(v)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::EdgeKind;
    use crate::graph::tests::sample;

    fn query(from: &str, to: &str) -> PathQuery {
        let g = sample();
        PathQuery {
            from: g.node_by_id(from).unwrap(),
            to: g.node_by_id(to).unwrap(),
            k: 1,
            ..PathQuery::default()
        }
    }

    #[test]
    fn routes_respect_filters_and_avoidance() {
        let g = sample();
        let paths = find_paths(&g, &query("araji", "syria")).unwrap();
        assert_eq!(paths[0].nodes, [0, 2]);
        let mut q = query("araji", "syria");
        q.filter.exclude = vec![EdgeKind::CoMention];
        assert!(find_paths(&g, &q).unwrap().is_empty());
        let mut q = query("araji", "syria");
        q.avoid = vec![1];
        q.k = 3;
        assert_eq!(find_paths(&g, &q).unwrap().len(), 1);
        let mut q = query("araji", "syria");
        q.via = Some(1);
        assert_eq!(find_paths(&g, &q).unwrap()[0].nodes, [0, 1, 2]);
    }

    #[test]
    fn the_default_question_walks_the_network_the_index_stores() {
        use super::super::filter::Facts;
        let g = sample();
        let (_dir, index) = super::super::proptests::indexed(&g);
        let default = query("araji", "syria");
        assert!(network(&index, &default).is_stored());
        assert!(!network(&g, &default).is_stored());
        let mut others = Vec::new();
        for metric in [Metric::Strength, Metric::Hops] {
            others.push(PathQuery {
                metric,
                ..default.clone()
            });
        }
        let mut q = default.clone();
        q.filter.exclude = vec![EdgeKind::CoMention];
        others.push(q);
        let mut q = default.clone();
        q.filter.facts = Facts::All;
        others.push(q);
        for q in &others {
            assert!(!network(&index, q).is_stored(), "{q:?}");
        }
        let mut more = vec![default.clone()];
        more.push(PathQuery {
            k: 3,
            through: None,
            ..default.clone()
        });
        more.push(PathQuery {
            via: Some(1),
            ..default.clone()
        });
        for q in more.iter().chain(&others) {
            assert_eq!(find_paths(&index, q).unwrap(), find_paths(&g, q).unwrap());
        }
    }

    #[test]
    fn contradictions_are_errors() {
        let g = sample();
        let err = find_paths(&g, &query("araji", "araji")).unwrap_err();
        assert!(
            err.to_string().contains("both ends are Qasim al-Araji"),
            "{err}"
        );
        let mut q = query("araji", "syria");
        q.avoid = vec![2];
        let err = find_paths(&g, &q).unwrap_err();
        assert!(
            err.to_string().contains("Syria is both TO and avoided"),
            "{err}"
        );
    }
}
