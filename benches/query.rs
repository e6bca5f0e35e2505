//! One `path` query on a graph of 100k actors and 1M edges, graph loading
//! included, and its parts: loading the JSON file, and the search alone.
//!
//! `cargo bench --bench query` runs the benchmarks;
//! `ACTORGRAPH_WRITE_GRAPH=FILE cargo bench --bench query` only writes the
//! graph file, for timing the real binary (see `bench/query.sh`).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use actorgraph::graph::{Graph, Header};
use actorgraph::query::{Metric, PathQuery, Resolver, find_paths};
use criterion::Criterion;

#[path = "common/query_graph.rs"]
mod query_graph;
use query_graph::{EDGES, NODES, generate};

/// The query's endpoints: two ordinary actors far from the hubs.
const FROM: &str = "actor-012345";
const TO: &str = "actor-098765";

fn write(graph: &Graph, path: &Path) {
    let file = std::fs::File::create(path).expect("create the graph file");
    let mut out = std::io::BufWriter::new(file);
    graph.write_json(&mut out).expect("write the graph file");
}

/// What `actorgraph path FILE FROM TO` does by default, less printing: by
/// specificity, through people and groups, with the facts of the period.
fn path_query(file: &str) -> usize {
    let graph = Graph::load(file).expect("load");
    let resolver = Resolver::new(&graph, None);
    let query = PathQuery {
        from: resolver.resolve(FROM).expect("FROM"),
        to: resolver.resolve(TO).expect("TO"),
        ..PathQuery::default()
    };
    find_paths(&graph, &query).expect("query")[0].hops()
}

/// Times loading the same graph with its evidence left out, to show what
/// the evidence costs the loader.
fn without_evidence(graph: Graph, path: &Path) {
    let mut edges = graph.edges().to_vec();
    edges.iter_mut().for_each(|e| e.evidence.clear());
    let bare = Graph::new(Header::default(), graph.nodes().to_vec(), edges);
    drop(graph);
    write(&bare, path);
    drop(bare);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let bytes = std::fs::read(path).expect("read");
    let t = Instant::now();
    let loaded = Graph::from_json_slice("bare.json", &bytes).expect("parse");
    eprintln!(
        "without evidence: {:.0} MB, parse JSON and build graph {:.3} s ({} edges)",
        size as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        loaded.edges().len()
    );
}

/// Times each phase of one query once, so a reader sees where the time goes.
fn phases(file: &str) {
    let t = Instant::now();
    let bytes = std::fs::read(file).expect("read");
    let read = t.elapsed();
    let t = Instant::now();
    serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).expect("JSON");
    let tokenize = t.elapsed();
    let t = Instant::now();
    let graph = Graph::from_json_slice(file, &bytes).expect("parse");
    let parse = t.elapsed();
    drop(bytes);
    let t = Instant::now();
    let specificity = actorgraph::query::specificity::all(&graph).len();
    let specific = t.elapsed();
    let t = Instant::now();
    let net = actorgraph::query::network::Network::for_metric(
        &graph,
        &Default::default(),
        Metric::Specificity,
    )
    .through(&graph, Some(&actorgraph::query::path::THROUGH));
    let network = t.elapsed();
    let (from, to) = (
        graph.node_by_id(FROM).expect("FROM"),
        graph.node_by_id(TO).expect("TO"),
    );
    let t = Instant::now();
    let blocked = actorgraph::query::search::Blocked::default();
    let found = actorgraph::query::search::shortest(&net, Metric::Specificity, from, to, &blocked);
    let search = t.elapsed();
    let t = Instant::now();
    drop((net, graph));
    let free = t.elapsed();
    eprintln!(
        "phases: read file {:.3} s, only tokenize the JSON {:.3} s, parse JSON and build graph {:.3} s, specificity of {specificity} edges alone {:.3} s, network by specificity (with it) {:.3} s, search {:.3} s ({} hops), free {:.3} s",
        read.as_secs_f64(),
        tokenize.as_secs_f64(),
        parse.as_secs_f64(),
        specific.as_secs_f64(),
        network.as_secs_f64(),
        search.as_secs_f64(),
        found.map_or(0, |p| p.hops()),
        free.as_secs_f64()
    );
}

fn main() {
    if let Ok(path) = std::env::var("ACTORGRAPH_WRITE_GRAPH") {
        let started = Instant::now();
        write(&generate(), Path::new(&path));
        eprintln!("wrote {path} in {:.1} s", started.elapsed().as_secs_f64());
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("graph.json");
    let graph = generate();
    write(&graph, &file);
    without_evidence(graph, &dir.path().join("bare.json"));
    let file = file.to_str().expect("a UTF-8 path").to_string();
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "graph file: {NODES} nodes, {EDGES} edges, {:.0} MB",
        size as f64 / 1e6
    );
    phases(&file);
    if std::env::var_os("ACTORGRAPH_PHASES_ONLY").is_some() {
        return;
    }

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    c.bench_function(
        "path 100k/1M, load included, default (by specificity)",
        |b| b.iter(|| path_query(black_box(&file))),
    );
    c.bench_function("load 100k/1M graph file", |b| {
        b.iter(|| Graph::load(black_box(&file)).expect("load").edges().len())
    });
    let graph = Graph::load(&file).expect("load");
    for (name, metric, k, through) in [
        ("specificity (default)", Metric::Specificity, 1, true),
        ("hops, through all", Metric::Hops, 1, false),
        ("strength, through all", Metric::Strength, 1, false),
        ("specificity, k=5", Metric::Specificity, 5, true),
    ] {
        let defaults = PathQuery::default();
        let query = PathQuery {
            from: graph.node_by_id(FROM).expect("FROM"),
            to: graph.node_by_id(TO).expect("TO"),
            k,
            metric,
            through: if through {
                defaults.through.clone()
            } else {
                None
            },
            ..defaults
        };
        c.bench_function(&format!("search only 100k/1M, by {name}"), |b| {
            b.iter(|| find_paths(black_box(&graph), &query).expect("query").len())
        });
    }
    c.final_summary();
}
