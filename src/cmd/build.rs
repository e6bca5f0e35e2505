//! `actorgraph build`: the corpus into a graph file, with a summary on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use actorgraph::corpus::{Input, Warning};
use actorgraph::export::{self, Format, graphviz_available, write_atomic};
use actorgraph::graph::build::{
    Analyzer, BuildOptions, GraphBuilder, Progress, Reading, build_read, sorted_inputs, timeline,
    worker_threads,
};
use actorgraph::graph::{Graph, Header};
use actorgraph::query::{Centrality, Sampling, rank};
use actorgraph::relations::Relations;
use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Reporter, finish_output, load_gazetteer, open_corpus, stdout};
use crate::cli::BuildArgs;

pub fn run(args: &BuildArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    timeline::begin();
    let options = options(args)?;
    // The corpus is read while the gazetteer loads.
    let reading = Reading::start(open_corpus(&args.input, reporter)?)?;
    let loading = timeline::span("load gazetteer");
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    drop(loading);
    let setup = timeline::span("relations, analyzer");
    let relations = match &args.relations {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Relations::from_toml_str(&path.display().to_string(), &text)?
        }
        None => Relations::builtin()?,
    };
    let analyzer = Analyzer::new(&gazetteer, &relations, &options)?;
    let inputs: Vec<Input> = args.input.inputs.iter().map(|i| Input::parse(i)).collect();
    drop(setup);
    let threads = args.threads.unwrap_or(0);
    if threads > worker_threads(threads) {
        reporter.note(&format!(
            "--threads {threads} is more than the {} cores: {} threads work",
            worker_threads(0),
            worker_threads(threads)
        ));
    }
    let started = Instant::now();
    let mut builder = if args.partial || args.keep_partial || args.update.is_some() {
        GraphBuilder::recording(&gazetteer, &options)
    } else {
        GraphBuilder::new(&gazetteer, &options)
    };
    let mut names: Vec<String> = match &args.input_name {
        Some(name) => vec![name.clone()],
        None => args.input.inputs.clone(),
    };
    if let Some(graph) = &args.update {
        let path = super::merge::partial_beside(graph);
        if !path.exists() {
            bail!(
                "{} has no {} beside it, which --update needs: build the graph with --keep-partial",
                graph.display(),
                path.display()
            );
        }
        let header = super::merge::read_partial(&mut builder, &path)?;
        names.extend(header.inputs);
    }
    let mut progress = Bar::new(reporter, total_bytes(&inputs));
    let building = timeline::span("build_corpus");
    build_read(reading, &analyzer, &mut builder, threads, &mut progress)?;
    drop(building);
    progress.finish();
    let stats = builder.stats;
    if args.partial {
        let path = PathBuf::from(args.output.as_deref().unwrap_or("graph.partial"));
        let path = match &args.out_dir {
            Some(dir) if args.output.is_none() => dir.join(path),
            _ => path,
        };
        super::merge::write_partial(&builder, &names, &path)?;
        reporter.note(&format!(
            "read {} documents ({} duplicate), {} mentions; wrote the partial graph {}",
            stats.documents,
            stats.duplicates,
            stats.mentions,
            path.display()
        ));
        return Ok(reporter.exit_code());
    }
    let target_path = graph_path(args);
    if args.keep_partial || args.update.is_some() {
        let Some(path) = &target_path else {
            bail!(
                "--keep-partial and --update write a file beside the graph: give -o PATH, not -o -"
            );
        };
        super::merge::write_partial(&builder, &names, &super::merge::partial_beside(path))?;
    }
    let finishing = timeline::span("finish");
    let graph = builder.finish(header(&names, args.timestamp, &gazetteer.fingerprint()));
    drop(finishing);
    let (target, top) = write_outputs(target_path, &graph, !args.no_index, reporter)?;
    summary_of(
        reporter,
        &graph,
        stats,
        started.elapsed().as_secs_f64(),
        target.as_deref(),
        top,
    );
    write_formats(args, &graph, target.as_deref(), reporter)?;
    // The process ends here: freeing the graph, the matcher and a million
    // names one allocation at a time would only delay the exit (by 0.2 s with
    // a big gazetteer), so leave them to the operating system.
    std::mem::forget(graph);
    std::mem::forget(analyzer);
    std::mem::forget(gazetteer);
    Ok(reporter.exit_code())
}

fn options(args: &BuildArgs) -> anyhow::Result<BuildOptions> {
    let scope = args.scope.parse().map_err(anyhow::Error::msg)?;
    if !(0.0..=1.0).contains(&args.demonym_weight) {
        bail!(
            "--demonym-weight must be between 0 and 1, not {}",
            args.demonym_weight
        );
    }
    if args.min_weight < 0.0 || args.min_weight.is_nan() {
        bail!("--min-weight must be 0 or more, not {}", args.min_weight);
    }
    if !(args.min_count > 0.0 && args.min_count.is_finite()) {
        bail!(
            "--min-count must be a number above 0, not {}",
            args.min_count
        );
    }
    Ok(BuildOptions {
        scope,
        demonyms: !args.input.no_demonyms,
        demonym_weight: args.demonym_weight,
        evidence: args.evidence,
        min_weight: args.min_weight,
        undated: args.input.undated_as,
        min_count: args.min_count,
    })
}

/// The header of a graph made from these inputs (recorded sorted, so that
/// a build and a merge of its shards record the same).
pub(super) fn header(inputs: &[String], timestamp: bool, fingerprint: &str) -> Header {
    Header {
        tool: "actorgraph".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        gazetteer: fingerprint.into(),
        inputs: sorted_inputs(inputs.iter().cloned()),
        created: timestamp.then(now),
        ..Header::default()
    }
}

/// Seconds since the Unix epoch, as `@1732962423`: no time-zone database needed.
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!("@{secs}")
}

/// Where the graph goes: None for standard output.
fn graph_path(args: &BuildArgs) -> Option<PathBuf> {
    Some(match (&args.output, &args.out_dir, &args.update) {
        (Some(o), _, _) if o == "-" => return None,
        (Some(o), _, _) => PathBuf::from(o),
        (None, Some(dir), _) => dir.join("graph.json"),
        (None, None, Some(graph)) => graph.clone(),
        (None, None, None) => PathBuf::from("graph.json"),
    })
}

/// Writes the graph to `path` (None: standard output); returns the path.
pub(super) fn write_graph(path: Option<PathBuf>, graph: &Graph) -> anyhow::Result<Option<PathBuf>> {
    let Some(path) = path else {
        let mut out = stdout();
        graph
            .write_json(&mut out)
            .context("cannot write to standard output")?;
        finish_output(out)?;
        return Ok(None);
    };
    write_atomic(&path, |w| graph.write_json(w))
        .with_context(|| format!("cannot write the graph to {}", path.display()))?;
    Ok(Some(path))
}

/// Writes the graph file and, when it is a regular file and `index` is
/// set, its index beside it; returns the graph file's path (None for
/// standard output) and the summary's ranking. Both cores work: the index
/// is encoded and the ranking computed while the JSON is written, and the
/// two files are synced at once. The graph file is renamed into place
/// first, then the index (which names the graph file's inode, so an index
/// is never taken for a graph file it does not describe). An index that
/// cannot be written is only a note: it only makes later queries slower.
fn write_outputs(
    path: Option<PathBuf>,
    graph: &Graph,
    index: bool,
    reporter: &mut Reporter,
) -> anyhow::Result<(Option<PathBuf>, Vec<String>)> {
    let Some(path) = path else {
        write_graph(None, graph)?;
        return Ok((None, top_actors(graph)));
    };
    let failed = || format!("cannot write the graph to {}", path.display());
    let (json, body, top) = std::thread::scope(|scope| -> anyhow::Result<_> {
        let encoding = std::thread::Builder::new()
            .name("index".into())
            .spawn_scoped(scope, || {
                let _span = timeline::span("encode index, rank");
                (index.then(|| graph.index_body()), top_actors(graph))
            })
            .context("cannot start a thread")?;
        let writing = timeline::span("write json");
        let json = export::stage(&path, |w| graph.write_json(w));
        drop(writing);
        let (body, top) = encoding
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        Ok((json.with_context(failed)?, body, top))
    })?;
    // Both files are synced at once: the JSON on a thread of its own while
    // the index is written and synced.
    let staged_index = std::thread::scope(|scope| -> anyhow::Result<_> {
        let syncing = scope.spawn(|| {
            let _span = timeline::span("sync json");
            json.sync()
        });
        let staged = match (body, json.file()) {
            (Some(body), Some(file)) => {
                let _span = timeline::span("write index, sync");
                Some(body.stage(&path, file).and_then(|staged| {
                    staged.sync()?;
                    Ok(staged)
                }))
            }
            _ => None,
        };
        syncing
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
            .with_context(failed)?;
        Ok(staged)
    })?;
    json.commit().with_context(failed)?;
    if let Some(Err(e)) = staged_index.map(|staged| staged.and_then(|s| s.commit())) {
        reporter.note(&format!("no graph index written: {e}"));
    }
    Ok((Some(path), top))
}

/// The `--format` files, beside the graph file.
fn write_formats(
    args: &BuildArgs,
    graph: &Graph,
    target: Option<&Path>,
    reporter: &mut Reporter,
) -> anyhow::Result<()> {
    let mut formats: Vec<Format> = args
        .format
        .iter()
        .copied()
        // The graph file and its index are written anyway.
        .filter(|f| !matches!(f, Format::Json | Format::Index))
        .collect();
    if formats.is_empty() {
        return Ok(());
    }
    let Some(graph_file) = target else {
        bail!("--format writes files: give --out-dir DIR or -o PATH, not -o -");
    };
    if formats.iter().any(|f| f.needs_graphviz()) && !graphviz_available() {
        reporter.note(
            "warning: Graphviz is not installed, so no svg or png (apt-get install graphviz)",
        );
        formats.retain(|f| !f.needs_graphviz());
    }
    let dir = graph_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    for path in export::write_formats(graph, &formats, dir)? {
        reporter.note(&format!("wrote {}", path.display()));
    }
    Ok(())
}

/// Actors the summary names.
const TOP: usize = 5;

/// The actors the summary names, strongest first, with their weighted
/// degree (as `stats` ranks them; only this ranking is computed).
fn top_actors(graph: &Graph) -> Vec<String> {
    rank(graph, Centrality::Strength, None, TOP, Sampling::default())
        .actors
        .into_iter()
        .map(|r| format!("{} ({:.1})", r.actor.label, r.score))
        .collect()
}

pub(super) fn summary(
    reporter: &mut Reporter,
    graph: &Graph,
    stats: actorgraph::graph::build::BuildStats,
    secs: f64,
    target: Option<&Path>,
) {
    let top = top_actors(graph);
    summary_of(reporter, graph, stats, secs, target, top);
}

/// The summary, with the ranking computed beforehand.
fn summary_of(
    reporter: &mut Reporter,
    graph: &Graph,
    stats: actorgraph::graph::build::BuildStats,
    secs: f64,
    target: Option<&Path>,
    top: Vec<String>,
) {
    let mb = stats.bytes as f64 / 1e6;
    reporter.note(&format!(
        "read {} documents ({} skipped, {} duplicate), {} mentions, {:.1} MB in {:.2} s ({:.1} MB/s)",
        stats.documents,
        reporter.skipped,
        stats.duplicates,
        stats.mentions,
        mb,
        secs,
        mb / secs.max(1e-9)
    ));
    let by_type: Vec<String> = graph
        .header
        .counts
        .get("edges_by_type")
        .and_then(|v| v.as_object())
        .map_or(Vec::new(), |m| {
            m.iter().map(|(k, v)| format!("{v} {k}")).collect()
        });
    reporter.note(&format!(
        "{} actors, {} edges: {}",
        graph.nodes().len(),
        graph.edges().len(),
        by_type.join(", ")
    ));
    if !top.is_empty() {
        reporter.note(&format!(
            "top actors by weighted degree: {}",
            top.join(", ")
        ));
    }
    if let Some(path) = target {
        reporter.note(&format!("wrote {}", path.display()));
    }
}

/// Total size of the inputs when they are all files (for the progress bar's ETA).
fn total_bytes(inputs: &[Input]) -> Option<u64> {
    inputs
        .iter()
        .map(|i| match i {
            Input::Path(p) => std::fs::metadata(p)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len()),
            Input::Stdin => None,
        })
        .sum()
}

/// Warnings go to the reporter; a progress bar shows on stderr only when it is a
/// terminal and the run is not `--quiet`.
struct Bar<'r> {
    reporter: &'r mut Reporter,
    bar: ProgressBar,
}

impl<'r> Bar<'r> {
    fn new(reporter: &'r mut Reporter, total: Option<u64>) -> Bar<'r> {
        let bar = if reporter.quiet() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            let template = if total.is_some() {
                "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{spinner} {bytes} {bytes_per_sec} {msg}"
            };
            bar.set_style(
                ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        };
        Bar { reporter, bar }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar<'_> {
    fn warning(&mut self, warning: &Warning) {
        self.bar.suspend(|| self.reporter.warn(warning));
    }

    fn merged(&mut self, documents: u64, bytes: u64) {
        self.bar.set_position(bytes);
        self.bar.set_message(format!("{documents} documents"));
    }
}
