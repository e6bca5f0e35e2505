//! The raw scan rate of the matcher on a corpus: the ceiling that an
//! end-to-end `actorgraph build` is compared with in `bench/run.sh`.
//!
//! Loads a gazetteer, builds the matcher, then only normalizes each document
//! and finds its names; no segmentation, relations or graph. Reading and
//! parsing the input are outside the timed part; so is building the matcher,
//! which is reported on its own. Prints one line of `key=value` pairs.
//!
//!     cargo run --release --example scan -- GAZETTEER CORPUS [--threads N]
//!
//! GAZETTEER is `builtin` or a .toml/.tsv file or directory; CORPUS is anything
//! `actorgraph build` reads. `--threads` defaults to 1: the rate of one core.

use std::time::{Duration, Instant};

use actorgraph::corpus::{Corpus, Document, Input, Item};
use actorgraph::gazetteer::{Gazetteer, Source};
use actorgraph::matcher::{MatchOptions, Matcher};
use actorgraph::normalize::normalize;
use anyhow::{Context, bail};
use rayon::prelude::*;

/// Documents are scanned in batches of about this many bytes, as `build` does.
const BATCH_BYTES: usize = 8 << 20;

struct Args {
    gazetteer: String,
    corpus: String,
    threads: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut positional = Vec::new();
    let mut threads = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--threads" {
            let n = args.next().context("--threads needs a number")?;
            threads = n.parse().with_context(|| format!("bad --threads {n}"))?;
        } else {
            positional.push(arg);
        }
    }
    let [gazetteer, corpus] = <[String; 2]>::try_from(positional)
        .map_err(|_| anyhow::anyhow!("usage: scan GAZETTEER CORPUS [--threads N]"))?;
    if threads == 0 {
        bail!("--threads must be at least 1");
    }
    Ok(Args {
        gazetteer,
        corpus,
        threads,
    })
}

/// What a scan found and where its time went.
#[derive(Default)]
struct Tally {
    docs: u64,
    bytes: u64,
    matches: u64,
    /// Wall time of the timed part.
    wall: Duration,
    /// CPU time in `normalize`, summed over threads.
    normalize: Duration,
    /// CPU time in `find_normalized`, summed over threads.
    find: Duration,
}

impl Tally {
    fn scan(&mut self, matcher: &Matcher, batch: &[Document]) {
        let started = Instant::now();
        let (normalize_time, find_time, matches) = batch
            .par_iter()
            .map_init(Vec::new, |found, doc| {
                let t0 = Instant::now();
                let normalized = normalize(&doc.text);
                let t1 = Instant::now();
                found.clear();
                matcher.find_normalized(&doc.text, &normalized, MatchOptions::default(), found);
                (t1 - t0, t1.elapsed(), found.len() as u64)
            })
            .reduce(
                || (Duration::ZERO, Duration::ZERO, 0),
                |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2),
            );
        self.wall += started.elapsed();
        self.normalize += normalize_time;
        self.find += find_time;
        self.matches += matches;
        self.docs += batch.len() as u64;
        self.bytes += batch.iter().map(|d| d.text.len() as u64).sum::<u64>();
    }
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let started = Instant::now();
    let gazetteer = Gazetteer::load(&[Source::parse(&args.gazetteer)])
        .with_context(|| format!("cannot load {}", args.gazetteer))?;
    let load = started.elapsed();
    let matcher = Matcher::new(&gazetteer)?;
    let build = started.elapsed() - load;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()?;
    let corpus = Corpus::open(&[Input::parse(&args.corpus)])?;
    let mut tally = Tally::default();
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for item in corpus {
        match item {
            Item::Document(doc) => {
                batch_bytes += doc.text.len();
                batch.push(doc);
                if batch_bytes >= BATCH_BYTES {
                    pool.install(|| tally.scan(&matcher, &batch));
                    batch.clear();
                    batch_bytes = 0;
                }
            }
            Item::Warning(w) => eprintln!("scan: warning: {}: {}", w.location, w.message),
        }
    }
    pool.install(|| tally.scan(&matcher, &batch));
    let secs = tally.wall.as_secs_f64().max(1e-9);
    println!(
        "scan threads={} names={} load_s={:.2} build_s={:.2} docs={} bytes={} matches={} \
         scan_s={:.2} mb_per_s={:.1} docs_per_s={:.0} normalize_cpu_s={:.2} find_cpu_s={:.2}",
        args.threads,
        matcher.name_count(),
        load.as_secs_f64(),
        build.as_secs_f64(),
        tally.docs,
        tally.bytes,
        tally.matches,
        secs,
        tally.bytes as f64 / 1e6 / secs,
        tally.docs as f64 / secs,
        tally.normalize.as_secs_f64(),
        tally.find.as_secs_f64(),
    );
    Ok(())
}
