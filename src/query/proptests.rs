//! Property tests on random graphs, where a plain second implementation checks
//! each query (as petgraph checks A* against Dijkstra): routes by hops against
//! breadth-first search, by strength against petgraph's Dijkstra, by
//! specificity and Yen's k routes against every simple route enumerated (with
//! specificity recomputed here from the documentation's table), routes
//! through people and groups only against the same searches kept off
//! places, Brandes' betweenness against counting shortest routes pair by
//! pair.

use std::collections::VecDeque;

use proptest::prelude::*;

use super::betweenness::{Sampling, betweenness};
use super::filter::EdgeFilter;
use super::network::Network;
use super::path::{PathQuery, THROUGH, find_paths};
use super::search::{Cost, Metric, Path};
use crate::gazetteer::EntityType;
use crate::graph::{Edge, EdgeKind, Graph, Header, Node, NodeIndex};

const METRICS: [Metric; 3] = [Metric::Specificity, Metric::Hops, Metric::Strength];

const KINDS: [EdgeKind; 4] = [
    EdgeKind::CoMention,
    EdgeKind::Meets,
    EdgeKind::Supports,
    EdgeKind::AlliedWith,
];

/// Actors of every type in turn, each named in 1 to 5 of the corpus's 12
/// sentences.
fn node(i: usize) -> Node {
    const TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Group, EntityType::Place];
    Node {
        id: format!("n{i:02}"),
        label: format!("Actor {i}"),
        kind: TYPES[i % 3],
        mentions: 1,
        docs: 1,
        scopes: 1 + (i as u64 * 7) % 5,
        first: None,
        last: None,
        aliases: vec![],
    }
}

/// A graph of `n` actors; edges as (source, target, type, weight, year).
fn build(n: usize, edges: &[(usize, usize, usize, u8, u8)]) -> Graph {
    let edges = edges
        .iter()
        .map(|&(s, t, k, w, y)| {
            let kind = KINDS[k % KINDS.len()];
            let year = format!("{}", 2020 + i32::from(y % 5)).parse().ok();
            let weight = f64::from(w % 4 + 1) / 2.0;
            Edge {
                first: year,
                last: year,
                ..Edge::new((s % n) as NodeIndex, (t % n) as NodeIndex, kind, weight)
            }
        })
        .collect();
    let mut header = Header::default();
    header.counts.insert("scopes".into(), 12.into());
    Graph::new(header, (0..n).map(node).collect(), edges)
}

prop_compose! {
    fn graphs()(n in 2usize..8)
        (edges in prop::collection::vec((0..n, 0..n, 0usize..4, any::<u8>(), any::<u8>()), 0..(n * 3)), n in Just(n))
        -> Graph {
        build(n, &edges)
    }
}

prop_compose! {
    fn filters()(only in prop::option::of(0usize..4), exclude in prop::option::of(0usize..4), since in prop::option::of(0i32..5), undated in any::<bool>())
        -> EdgeFilter {
        EdgeFilter {
            types: only.map(|k| vec![KINDS[k], KINDS[(k + 1) % 4]]).unwrap_or_default(),
            exclude: exclude.map(|k| vec![KINDS[k]]).unwrap_or_default(),
            since: since.and_then(|y| format!("{}", 2020 + y).parse().ok()),
            until: None,
            min_weight: None,
            facts: Default::default(),
            period: None,
            undated,
        }
    }
}

/// The weight of the best admitted edge between two actors, straight from the edge list.
fn best_weight(g: &Graph, filter: &EdgeFilter, a: NodeIndex, b: NodeIndex) -> Option<f64> {
    g.edges()
        .iter()
        .filter(|e| a != b && filter.admits(e))
        .filter(|e| (e.source, e.target) == (a, b) || (e.source, e.target) == (b, a))
        .map(|e| e.weight)
        .max_by(f64::total_cmp)
}

/// NPMI, written out again from `graph::association`'s documentation
/// (counts clamped into a 2×2 table).
fn reference_npmi(k: f64, a: f64, b: f64, n: f64) -> f64 {
    let k = k.min(a).min(b);
    let n = n.max(a + b - k);
    if k >= n {
        1.0
    } else {
        ((k * n / (a * b)).ln() / -(k / n).ln()).clamp(-1.0, 1.0)
    }
}

/// The specificity of an edge, from the table of `query::specificity`.
fn reference_specificity(g: &Graph, e: &Edge) -> f64 {
    let co_mention = |e: &Edge| {
        let (a, b) = (
            g.node(e.source).scopes as f64,
            g.node(e.target).scopes as f64,
        );
        let npmi = reference_npmi(e.weight, a, b, g.scopes().unwrap() as f64);
        npmi.max(0.0) * (e.weight / 2.0).min(1.0)
    };
    if e.kind == EdgeKind::CoMention {
        return co_mention(e);
    }
    let pair = g.edges().iter().find(|o| {
        o.kind == EdgeKind::CoMention
            && (o.source.min(o.target), o.source.max(o.target))
                == (e.source.min(e.target), e.source.max(e.target))
    });
    0.5 + 0.5 * pair.map_or(0.0, co_mention)
}

/// The value a step by `metric` takes from the best admitted edge between two
/// actors: for specificity the most specific edge (then the heaviest), for
/// the others the heaviest; as (weight, specificity).
fn best_edge(
    g: &Graph,
    filter: &EdgeFilter,
    metric: Metric,
    a: NodeIndex,
    b: NodeIndex,
) -> Option<(f64, f64)> {
    g.edges()
        .iter()
        .filter(|e| a != b && filter.admits(e))
        .filter(|e| (e.source, e.target) == (a, b) || (e.source, e.target) == (b, a))
        .map(|e| {
            let s = match metric {
                Metric::Specificity => reference_specificity(g, e),
                Metric::Hops | Metric::Strength => 0.0,
            };
            (e.weight, s)
        })
        .max_by(|x, y| x.1.total_cmp(&y.1).then(x.0.total_cmp(&y.0)))
}

/// True when a route may pass through `v` (its ends may be anything).
fn passes(g: &Graph, through: &Option<Vec<EntityType>>, v: NodeIndex) -> bool {
    through.as_ref().is_none_or(|t| t.contains(&g.node(v).kind))
}

/// Hops from `from` by a plain breadth-first search over the edge list.
fn bfs(g: &Graph, q: &PathQuery) -> Option<usize> {
    let (filter, from, to) = (&q.filter, q.from, q.to);
    let n = g.nodes().len() as NodeIndex;
    let mut dist = vec![None; n as usize];
    dist[from as usize] = Some(0);
    let mut queue = VecDeque::from([from]);
    while let Some(v) = queue.pop_front() {
        if v != from && !passes(g, &q.through, v) {
            continue;
        }
        for w in 0..n {
            if dist[w as usize].is_none() && best_weight(g, filter, v, w).is_some() {
                dist[w as usize] = Some(dist[v as usize].unwrap() + 1);
                queue.push_back(w);
            }
        }
    }
    dist[to as usize]
}

/// The cost of a step written out again from the documentation of
/// [`Metric`], so that the search's own cost function is checked too.
fn reference_step(metric: Metric, (weight, specificity): (f64, f64)) -> Option<Cost> {
    match metric {
        Metric::Specificity => Some(Cost::new(2.0 - specificity, -weight)),
        Metric::Hops => Some(Cost::new(1.0, -weight)),
        Metric::Strength => (weight > 0.0).then(|| Cost::new(1.0 / weight, 1.0)),
    }
}

/// Every simple route, with its cost, by depth-first enumeration, passing
/// only through the actors `through` allows.
fn all_routes(
    g: &Graph,
    filter: &EdgeFilter,
    metric: Metric,
    from: NodeIndex,
    to: NodeIndex,
) -> Vec<(Cost, Vec<NodeIndex>)> {
    all_routes_through(g, filter, metric, (from, to), &None)
}

fn all_routes_through(
    g: &Graph,
    filter: &EdgeFilter,
    metric: Metric,
    (from, to): (NodeIndex, NodeIndex),
    through: &Option<Vec<EntityType>>,
) -> Vec<(Cost, Vec<NodeIndex>)> {
    struct Walk<'a> {
        g: &'a Graph,
        f: &'a EdgeFilter,
        m: Metric,
        to: NodeIndex,
        through: &'a Option<Vec<EntityType>>,
        out: Vec<(Cost, Vec<NodeIndex>)>,
    }
    fn walk(w: &mut Walk, route: &mut Vec<NodeIndex>, cost: Cost) {
        let v = *route.last().unwrap();
        if v == w.to {
            w.out.push((cost, route.clone()));
            return;
        }
        if route.len() > 1 && !passes(w.g, w.through, v) {
            return;
        }
        for x in 0..w.g.nodes().len() as NodeIndex {
            if route.contains(&x) {
                continue;
            }
            if let Some(step) = best_edge(w.g, w.f, w.m, v, x).and_then(|e| reference_step(w.m, e))
            {
                route.push(x);
                walk(w, route, cost + step);
                route.pop();
            }
        }
    }
    let mut w = Walk {
        g,
        f: filter,
        m: metric,
        to,
        through,
        out: Vec::new(),
    };
    walk(&mut w, &mut vec![from], Cost::default());
    let mut out = w.out;
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

fn close(a: Cost, b: Cost) -> bool {
    (a.primary - b.primary).abs() < 1e-9 && (a.secondary - b.secondary).abs() < 1e-9
}

fn query(
    g: &Graph,
    from: usize,
    to: usize,
    k: usize,
    metric: Metric,
    filter: EdgeFilter,
) -> PathQuery {
    let n = g.nodes().len();
    PathQuery {
        from: (from % n) as NodeIndex,
        to: (to % n) as NodeIndex,
        k,
        metric,
        filter,
        through: None,
        via: None,
        avoid: vec![],
    }
}

/// Checks that a route is a chain of real, admitted edges without a repeat.
fn assert_chain(g: &Graph, q: &PathQuery, p: &Path) {
    assert_eq!((p.nodes[0], *p.nodes.last().unwrap()), (q.from, q.to));
    assert_eq!(p.edges.len() + 1, p.nodes.len());
    for (h, &i) in p.edges.iter().enumerate() {
        let e = &g.edges()[i];
        let (a, b) = (p.nodes[h], p.nodes[h + 1]);
        assert!(
            (e.source, e.target) == (a, b) || (e.source, e.target) == (b, a),
            "hop {h} of {p:?}"
        );
        assert!(q.filter.admits(e), "edge {i} fails the filter");
        let s = match q.metric {
            Metric::Specificity => reference_specificity(g, e),
            Metric::Hops | Metric::Strength => 0.0,
        };
        assert_eq!(
            Some((e.weight, s)),
            best_edge(g, &q.filter, q.metric, a, b),
            "the hop takes the best edge"
        );
        // The via actor is passed through whatever its type.
        if h > 0 && q.via != Some(a) {
            assert!(
                passes(g, &q.through, a),
                "{p:?} passes through a {}",
                g.node(a).kind
            );
        }
    }
    let mut seen = p.nodes.clone();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), p.nodes.len(), "a loop in {p:?}");
    assert!(p.nodes.iter().all(|v| !q.avoid.contains(v)));
    assert!(q.via.is_none_or(|v| p.nodes.contains(&v)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn hops_equal_breadth_first_search(g in graphs(), f in filters(), a in 0usize..8, b in 0usize..8, off_places in any::<bool>()) {
        let mut q = query(&g, a, b, 1, Metric::Hops, f);
        q.through = off_places.then(|| THROUGH.to_vec());
        prop_assume!(q.from != q.to);
        let paths = find_paths(&g, &q).unwrap();
        let want = bfs(&g, &q);
        prop_assert_eq!(paths.first().map(Path::hops), want);
        if let Some(p) = paths.first() {
            // Ties are broken by the greatest total weight of the route's edges.
            let best = all_routes_through(&g, &q.filter, Metric::Hops, (q.from, q.to), &q.through)[0].0;
            let weight: f64 = p.edges.iter().map(|&i| g.edges()[i].weight).sum();
            prop_assert!((weight + best.secondary).abs() < 1e-9, "{} vs {:?}", weight, best);
            prop_assert!(close(p.cost, best), "{:?} vs {:?}", p.cost, best);
        }
    }

    #[test]
    fn strength_equals_petgraph_dijkstra(g in graphs(), f in filters(), a in 0usize..8, b in 0usize..8) {
        let q = query(&g, a, b, 1, Metric::Strength, f);
        prop_assume!(q.from != q.to);
        let paths = find_paths(&g, &q).unwrap();
        let admitted = g.filter(|_| true, |e| q.filter.admits(e));
        let pg = admitted.to_petgraph();
        let index = |v: NodeIndex| petgraph::graph::NodeIndex::new(v as usize);
        let dist = petgraph::algo::dijkstra(&pg, index(q.from), Some(index(q.to)), |e| {
            1.0 / admitted.edges()[*e.weight()].weight
        });
        let want = dist.get(&index(q.to)).copied();
        prop_assert_eq!(paths.is_empty(), want.is_none());
        if let (Some(p), Some(d)) = (paths.first(), want) {
            prop_assert!((p.cost.primary - d).abs() < 1e-9, "{} vs {}", p.cost.primary, d);
        }
    }

    #[test]
    fn every_route_is_a_real_chain_through_the_filters(
        g in graphs(), f in filters(), a in 0usize..8, b in 0usize..8, k in 1usize..5,
        via in prop::option::of(0usize..8), avoid in prop::option::of(0usize..8), m in 0usize..3,
        off_places in any::<bool>()
    ) {
        let metric = METRICS[m];
        let mut q = query(&g, a, b, k, metric, f);
        q.through = off_places.then(|| THROUGH.to_vec());
        let n = g.nodes().len();
        q.via = via.map(|v| (v % n) as NodeIndex).filter(|&v| v != q.from && v != q.to);
        q.avoid = avoid.map(|v| (v % n) as NodeIndex).filter(|&v| v != q.from && v != q.to && Some(v) != q.via).into_iter().collect();
        prop_assume!(q.from != q.to);
        let paths = find_paths(&g, &q).unwrap();
        prop_assert!(paths.len() <= k);
        for p in &paths {
            assert_chain(&g, &q, p);
        }
    }

    #[test]
    fn k_routes_are_distinct_ordered_and_the_k_best(
        g in graphs(), f in filters(), a in 0usize..8, b in 0usize..8, k in 1usize..6, m in 0usize..3,
        off_places in any::<bool>()
    ) {
        let metric = METRICS[m];
        let mut q = query(&g, a, b, k, metric, f);
        q.through = off_places.then(|| THROUGH.to_vec());
        prop_assume!(q.from != q.to);
        let paths = find_paths(&g, &q).unwrap();
        let all = all_routes_through(&g, &q.filter, metric, (q.from, q.to), &q.through);
        prop_assert_eq!(paths.len(), k.min(all.len()));
        for (p, (cost, _)) in paths.iter().zip(&all) {
            // Equal up to rounding; where two routes' primary costs tie up to
            // rounding, either may come first (their sums differ in the
            // last digit by the order they were added in).
            let tie = || {
                all.iter().any(|(c, _)| {
                    (c.primary - p.cost.primary).abs() < 1e-9
                        && (c.secondary - p.cost.secondary).abs() < 1e-9
                })
            };
            prop_assert!(
                close(p.cost, *cost) || ((p.cost.primary - cost.primary).abs() < 1e-9 && tie()),
                "{:?} vs {:?}", p.cost, cost
            );
        }
        // Ordered up to rounding: the same cost summed along two routes in
        // another order may differ in its last digit.
        for pair in paths.windows(2) {
            prop_assert!(
                pair[0].cost.total_cmp(&pair[1].cost).is_le()
                    || (pair[0].cost.primary - pair[1].cost.primary).abs() < 1e-9,
                "{:?} before {:?}", pair[0].cost, pair[1].cost
            );
        }
        for (i, p) in paths.iter().enumerate() {
            prop_assert!(paths[..i].iter().all(|o| o.nodes != p.nodes), "route {} repeats", i + 1);
        }
    }

    #[test]
    fn brandes_equals_counting_shortest_routes(g in graphs()) {
        let filter = EdgeFilter::default();
        let net = Network::new(&g, &filter);
        let got = betweenness(&net, Sampling::default()).scores;
        let n = g.nodes().len() as NodeIndex;
        // sigma[s][t]: number of shortest routes; dist by BFS.
        let mut dist = vec![vec![None; n as usize]; n as usize];
        let mut sigma = vec![vec![0.0f64; n as usize]; n as usize];
        for s in 0..n {
            let routes = (0..n).filter(|&t| t != s).map(|t| (t, all_routes(&g, &filter, Metric::Hops, s, t)));
            for (t, routes) in routes {
                dist[s as usize][t as usize] = routes.first().map(|r| r.1.len() - 1);
                let d = dist[s as usize][t as usize];
                sigma[s as usize][t as usize] = routes.iter().filter(|r| Some(r.1.len() - 1) == d).count() as f64;
            }
            dist[s as usize][s as usize] = Some(0);
            sigma[s as usize][s as usize] = 1.0;
        }
        for v in 0..n as usize {
            let mut want = 0.0;
            for s in 0..n as usize {
                for t in s + 1..n as usize {
                    if s == v || t == v {
                        continue;
                    }
                    if let (Some(st), Some(sv), Some(vt)) = (dist[s][t], dist[s][v], dist[v][t])
                        && sv + vt == st
                    {
                        want += sigma[s][v] * sigma[v][t] / sigma[s][t];
                    }
                }
            }
            prop_assert!((got[v] - want).abs() < 1e-9, "actor {}: {} vs {}", v, got[v], want);
        }
    }
}

/// The graph written with its index in a temporary directory, and the index
/// opened.
pub(super) fn indexed(g: &Graph) -> (tempfile::TempDir, crate::graph::index::GraphIndex) {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("g.json");
    let mut buf = Vec::new();
    g.write_json(&mut buf).unwrap();
    std::fs::write(&json, &buf).unwrap();
    g.write_index(&json).unwrap();
    let index = crate::graph::index::GraphIndex::open(&json).expect("the index opens");
    (dir, index)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The answers read in place from the index are the answers of the
    /// graph loaded whole: routes and their explanations, ego networks,
    /// every ranking.
    #[test]
    fn the_index_read_in_place_answers_as_the_whole_graph(
        g in graphs(), f in filters(), a in 0usize..8, b in 0usize..8, depth in 0u32..3,
    ) {
        use super::explain::{explain, explain_in_index};
        use super::neighbors::{Order, ego, ego_in_index};
        use super::rank::{Centrality, rank};
        let (_dir, index) = indexed(&g);
        let n = g.nodes().len();
        let (a, b) = ((a % n) as NodeIndex, (b % n) as NodeIndex);
        for by in [Centrality::Degree, Centrality::Strength, Centrality::Association,
                   Centrality::PageRank, Centrality::Betweenness] {
            let sampling = Sampling::default();
            prop_assert_eq!(rank(&index, by, None, 5, sampling), rank(&g, by, None, 5, sampling));
        }
        let whole = ego(&g, a, depth, &f);
        let part = ego_in_index(&index, a, depth, &f, true).unwrap();
        prop_assert_eq!(&part.graph, &whole.graph);
        prop_assert_eq!((part.center, &part.depth), (whole.center, &whole.depth));
        prop_assert_eq!(part.neighbors(Order::Association), whole.neighbors(Order::Association));
        // `path`'s default question, which the index answers from the
        // network it stores.
        for (k, through) in [(1, Some(THROUGH.to_vec())), (3, None)] {
            let q = PathQuery { from: a, to: b, k, through, ..PathQuery::default() };
            prop_assert_eq!(find_paths(&index, &q).ok(), find_paths(&g, &q).ok());
        }
        for metric in METRICS {
            let q = query(&g, a as usize, b as usize, 2, metric, f.clone());
            let routes = find_paths(&g, &q);
            prop_assert_eq!(&find_paths(&index, &q).ok(), &routes.as_ref().ok().cloned());
            if let Ok(routes) = routes {
                let ends = (q.from, q.to, metric);
                let filter = q.filter.clone().for_graph(&g);
                prop_assert_eq!(
                    explain_in_index(&index, &filter, ends, &routes).unwrap(),
                    explain(&g, &filter, ends, &routes)
                );
            }
        }
    }
}
