//! `actorgraph merge`: partial graphs into the graph (or into one partial),
//! and the partial files that `build --partial`, `--keep-partial` and
//! `--update` read and write.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use actorgraph::export::write_atomic;
use actorgraph::graph::build::{GraphBuilder, PartialHeader};
use anyhow::{Context, bail};

use super::{Reporter, load_gazetteer};

use crate::cli::MergeArgs;

pub fn run(args: &MergeArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    let started = Instant::now();
    let first = &args.partials[0];
    let options = first_header(first)?
        .build_options()
        .map_err(|e| anyhow::anyhow!("{}: {e}", first.display()))?;
    let mut builder = if args.partial || args.keep_partial {
        GraphBuilder::recording(&gazetteer, &options)
    } else {
        GraphBuilder::new(&gazetteer, &options)
    };
    let mut inputs = Vec::new();
    for path in &args.partials {
        inputs.extend(read_partial(&mut builder, path)?.inputs);
    }
    let stats = builder.stats;
    if args.partial {
        let path = PathBuf::from(args.output.as_deref().unwrap_or("graph.partial"));
        write_partial(&builder, &inputs, &path)?;
        reporter.note(&format!(
            "merged {} partial graphs: {} documents ({} duplicate); wrote {}",
            args.partials.len(),
            stats.documents,
            stats.duplicates,
            path.display()
        ));
        return Ok(reporter.exit_code());
    }
    let target = match args.output.as_deref() {
        Some("-") => None,
        Some(o) => Some(PathBuf::from(o)),
        None => Some(PathBuf::from("graph.json")),
    };
    if args.keep_partial {
        let Some(path) = &target else {
            bail!("--keep-partial writes a file beside the graph: give -o PATH, not -o -");
        };
        write_partial(&builder, &inputs, &partial_beside(path))?;
    }
    let header = super::build::header(&inputs, args.timestamp, &gazetteer.fingerprint());
    let graph = builder.finish(header);
    let target = super::build::write_graph(target, &graph)?;
    super::build::summary(
        reporter,
        &graph,
        stats,
        started.elapsed().as_secs_f64(),
        target.as_deref(),
    );
    std::mem::forget(graph);
    std::mem::forget(gazetteer);
    Ok(reporter.exit_code())
}

/// The partial graph kept beside a graph file: `GRAPH.partial`.
pub fn partial_beside(graph: &Path) -> PathBuf {
    let mut name = graph.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// The header line of a partial graph file.
fn first_header(path: &Path) -> anyhow::Result<PartialHeader> {
    use std::io::BufRead;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut line = String::new();
    BufReader::new(file)
        .read_line(&mut line)
        .with_context(|| format!("cannot read {}", path.display()))?;
    #[derive(serde::Deserialize)]
    struct First {
        partial: PartialHeader,
    }
    let first: First = serde_json::from_str(&line).with_context(|| {
        format!(
            "{}:1: not a partial graph (made by `actorgraph build --partial`)",
            path.display()
        )
    })?;
    Ok(first.partial)
}

/// Adds a partial graph file to the builder.
pub fn read_partial(builder: &mut GraphBuilder, path: &Path) -> anyhow::Result<PartialHeader> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.display().to_string();
    Ok(builder.read_partial(&name, BufReader::with_capacity(1 << 20, file))?)
}

/// Writes the builder's partial graph, whole or not at all (`-`: to
/// standard output).
pub fn write_partial(builder: &GraphBuilder, inputs: &[String], path: &Path) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = super::stdout();
        builder
            .write_partial(inputs, &mut out)
            .context("cannot write to standard output")?;
        return super::finish_output(out);
    }
    write_atomic(path, |w| builder.write_partial(inputs, w))
        .with_context(|| format!("cannot write the partial graph to {}", path.display()))
}
