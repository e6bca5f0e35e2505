//! The graph of the query benchmark, shared with the viewer's test of a big
//! graph (`tests/clients.rs`): 100k actors and 1M edges from a fixed seed,
//! with the counts, association measures and backbone significance that
//! `build` writes.

use actorgraph::gazetteer::EntityType;
use actorgraph::graph::{
    Edge, EdgeKind, Evidence, Graph, Header, Node, SurfaceForm, association, backbone,
};

/// Actors in the graph.
pub const NODES: usize = 100_000;
/// Edges in the graph.
pub const EDGES: usize = 1_000_000;

/// A deterministic generator (PCG-style LCG), so every run measures one graph.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// 100k actors and 1M edges whose targets favour a few hubs (as news does:
/// every story names the same countries), each edge with one evidence
/// sentence, as `build` writes them. An actor is named in as many sentences
/// as its heaviest link and half its other links' weight, in a corpus of
/// three sentences per edge.
pub fn generate() -> Graph {
    let mut rng = Lcg(42);
    let kinds = [
        EdgeKind::CoMention,
        EdgeKind::CoMention,
        EdgeKind::CoMention,
        EdgeKind::Meets,
        EdgeKind::Supports,
    ];
    let types = [EntityType::Person, EntityType::Group, EntityType::Place];
    let nodes = (0..NODES)
        .map(|i| Node {
            id: format!("actor-{i:06}"),
            label: format!("Actor Number {i}"),
            kind: types[i % 3],
            mentions: 10,
            docs: 5,
            scopes: 0,
            first: "2024-01-01".parse().ok(),
            last: "2024-12-31".parse().ok(),
            aliases: vec![SurfaceForm {
                text: format!("Actor {i}"),
                count: 10,
            }],
        })
        .collect();
    let edges = (0..EDGES)
        .map(|i| {
            let source = (rng.next() * NODES as f64) as u32;
            let target = (rng.next().powi(3) * NODES as f64) as u32;
            let kind = kinds[i % kinds.len()];
            let day = 1 + (rng.next() * 28.0) as u32;
            let date = format!("2024-{:02}-{day:02}", 1 + i % 12).parse().ok();
            let weight = 1.0 + (rng.next() * 5.0).floor();
            Edge {
                first: date,
                last: date,
                evidence: vec![Evidence {
                    doc: format!("doc-{}", i / 4),
                    sentence: Some((i % 40) as u32),
                    start: Some(1200),
                    end: Some(1290),
                    snippet: format!("Actor {source} met Actor {target} in the capital on Tuesday, officials said."),
                }],
                ..Edge::new(source, target, kind, weight)
            }
        })
        .collect::<Vec<Edge>>();
    let mut nodes: Vec<Node> = nodes;
    let mut heaviest = vec![0.0f64; NODES];
    let mut total = vec![0.0f64; NODES];
    for e in &edges {
        for v in [e.source as usize, e.target as usize] {
            heaviest[v] = heaviest[v].max(e.weight);
            total[v] += e.weight;
        }
    }
    for (v, node) in nodes.iter_mut().enumerate() {
        node.scopes = (heaviest[v] + (total[v] - heaviest[v]) / 2.0).ceil() as u64;
    }
    let mut header = Header::default();
    header
        .counts
        .insert("scopes".into(), (3 * EDGES as u64).into());
    let mut graph = Graph::new(header, nodes, edges);
    association::annotate(&mut graph, association::MIN_COUNT);
    backbone::annotate(&mut graph);
    graph
}
