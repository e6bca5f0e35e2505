//! Micro-benchmarks of the build pipeline, stage by stage: normalization,
//! matching, segmentation, the whole build (analyze + merge) and JSON export,
//! each reported as throughput in bytes of document text (bytes of JSON for
//! export).
//!
//! The sample is the first 2,000 documents of `../shared/bench/reuters21578.jsonl`
//! (the seed articles when that file is absent). Matching and building run with
//! the curated gazetteer and with `../shared/bench/gazetteer-news.tsv`; groups
//! that need the big gazetteer are skipped, with a note, when it is absent.
//!
//!     cargo bench --bench pipeline             # everything, a few minutes
//!     cargo bench --bench pipeline -- match/   # one group

use std::fs;
use std::hint::black_box;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use actorgraph::corpus::Document;
use actorgraph::gazetteer::{Gazetteer, Source};
use actorgraph::graph::Graph;
use actorgraph::graph::build::{Analyzer, BuildOptions, GraphBuilder};
use actorgraph::matcher::{MatchOptions, Matcher};
use actorgraph::normalize::{Normalized, normalize};
use actorgraph::relations::Relations;
use actorgraph::segment::segment;
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
    measurement::WallTime,
};

/// Documents in the sample: about 1.7 MB of newswire, enough for every stage
/// to meet a realistic mix of short and long stories.
const SAMPLE_DOCS: usize = 2000;

/// A file of the shared benchmark data, beside the repository.
fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/bench")
        .join(name)
}

/// The documents every group runs over, read once.
struct Sample {
    docs: Vec<Document>,
    bytes: u64,
}

fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let reuters = shared("reuters21578.jsonl");
        let docs = if reuters.is_file() {
            read_jsonl(&reuters, SAMPLE_DOCS)
        } else {
            eprintln!(
                "note: {} is absent; benchmarking on the seed articles instead",
                reuters.display()
            );
            read_seeds()
        };
        let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
        eprintln!(
            "sample: {} documents, {:.2} MB of text",
            docs.len(),
            bytes as f64 / 1e6
        );
        Sample { docs, bytes }
    })
}

fn read_jsonl(path: &Path, limit: usize) -> Vec<Document> {
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        text: String,
    }
    let file = fs::File::open(path).expect("open the benchmark corpus");
    BufReader::new(file)
        .lines()
        .take(limit)
        .map(|line| {
            let line: Line = serde_json::from_str(&line.expect("read a line")).expect("JSONL");
            Document::new(line.id, line.text)
        })
        .collect()
}

fn read_seeds() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("read seeds/")
        .map(|e| e.expect("a seed entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p.file_name().unwrap().to_string_lossy().into_owned();
            Document::new(id, fs::read_to_string(p).expect("read a seed"))
        })
        .collect()
}

/// The gazetteers to match with: the curated one always, the news list when
/// it is present.
fn gazetteers() -> &'static [(&'static str, Gazetteer)] {
    static GAZETTEERS: OnceLock<Vec<(&str, Gazetteer)>> = OnceLock::new();
    GAZETTEERS.get_or_init(|| {
        let mut all = vec![("curated", Gazetteer::builtin().expect("builtin gazetteer"))];
        match news_gazetteer() {
            Some(g) => all.push(("news", g)),
            None => eprintln!(
                "note: {} is absent; skipping the news-gazetteer benchmarks",
                shared("gazetteer-news.tsv").display()
            ),
        }
        all
    })
}

fn news_gazetteer() -> Option<Gazetteer> {
    let path = shared("gazetteer-news.tsv");
    path.is_file()
        .then(|| Gazetteer::load(&[Source::Path(path)]).expect("load gazetteer-news.tsv"))
}

/// Settings for a group whose one iteration takes tens of milliseconds or
/// more: few samples of equal size keep `cargo bench` to a few minutes.
fn heavy(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
}

fn bench_normalize(c: &mut Criterion) {
    let sample = sample();
    let mut group = c.benchmark_group("normalize");
    heavy(&mut group);
    group.throughput(Throughput::BytesDecimal(sample.bytes));
    group.bench_function("reuters", |b| {
        b.iter(|| {
            for doc in &sample.docs {
                black_box(normalize(black_box(&doc.text)));
            }
        })
    });
    group.finish();
}

fn bench_segment(c: &mut Criterion) {
    let sample = sample();
    let mut group = c.benchmark_group("segment");
    heavy(&mut group);
    group.throughput(Throughput::BytesDecimal(sample.bytes));
    group.bench_function("reuters", |b| {
        b.iter(|| {
            for doc in &sample.docs {
                black_box(segment(black_box(&doc.text)));
            }
        })
    });
    group.finish();
}

/// The matcher alone, on text normalized beforehand: `normalize` plus this is
/// the raw scan rate that `examples/scan.rs` measures on a whole corpus.
fn bench_match(c: &mut Criterion) {
    let sample = sample();
    let normalized: Vec<Normalized> = sample.docs.iter().map(|d| normalize(&d.text)).collect();
    let mut group = c.benchmark_group("match");
    heavy(&mut group);
    group.throughput(Throughput::BytesDecimal(sample.bytes));
    for (name, gazetteer) in gazetteers() {
        let matcher = Matcher::new(gazetteer).expect("build the matcher");
        let mut found = Vec::new();
        group.bench_function(*name, |b| {
            b.iter(|| {
                for (doc, norm) in sample.docs.iter().zip(&normalized) {
                    found.clear();
                    matcher.find_normalized(&doc.text, norm, MatchOptions::default(), &mut found);
                    black_box(&found);
                }
            })
        });
    }
    group.finish();
}

/// Building the matcher (the word trie), per distinct name: what every run
/// pays before reading a byte.
fn bench_matcher_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("matcher_build");
    heavy(&mut group);
    // The news trie takes about 0.1 s to build: 10 samples fit in 4 s.
    for (name, gazetteer) in gazetteers() {
        group.throughput(Throughput::Elements(gazetteer.name_count() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| black_box(Matcher::new(gazetteer).expect("build the matcher")))
        });
    }
    group.finish();
}

/// The graph of the sample, built as `actorgraph build` does on one thread.
fn build_graph(analyzer: &Analyzer<'_>, gazetteer: &Gazetteer, options: &BuildOptions) -> Graph {
    let mut builder = GraphBuilder::new(gazetteer, options);
    for doc in &sample().docs {
        builder.add(doc, analyzer.analyze(doc));
    }
    builder.finish(Default::default())
}

fn bench_build(c: &mut Criterion) {
    let sample = sample();
    let relations = Relations::builtin().expect("builtin relations");
    let options = BuildOptions::default();
    let mut group = c.benchmark_group("build");
    heavy(&mut group);
    group.throughput(Throughput::BytesDecimal(sample.bytes));
    for (name, gazetteer) in gazetteers() {
        let analyzer = Analyzer::new(gazetteer, &relations, &options).expect("analyzer");
        group.bench_function(*name, |b| {
            b.iter(|| black_box(build_graph(&analyzer, gazetteer, &options)))
        });
    }
    group.finish();
}

fn bench_export(c: &mut Criterion) {
    let relations = Relations::builtin().expect("builtin relations");
    let options = BuildOptions::default();
    let mut group = c.benchmark_group("export_json");
    heavy(&mut group);
    for (name, gazetteer) in gazetteers() {
        let analyzer = Analyzer::new(gazetteer, &relations, &options).expect("analyzer");
        let graph = build_graph(&analyzer, gazetteer, &options);
        let mut json = Vec::new();
        graph.write_json(&mut json).expect("write to memory");
        eprintln!(
            "export_json/{name}: {} nodes, {} edges, {:.2} MB of JSON",
            graph.nodes().len(),
            graph.edges().len(),
            json.len() as f64 / 1e6
        );
        group.throughput(Throughput::BytesDecimal(json.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| graph.write_json(&mut io::sink()).expect("write to a sink"))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_normalize,
    bench_segment,
    bench_match,
    bench_matcher_build,
    bench_build,
    bench_export
);
criterion_main!(benches);
