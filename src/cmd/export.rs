//! `actorgraph export`: a graph file as a diagram or in another tool's format.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use actorgraph::export::{Format, Output, write_atomic, write_outputs};
use actorgraph::graph::Graph;
use anyhow::{Context, bail};

use super::{Reporter, finish_output, stdout};
use crate::cli::ExportArgs;

/// Where the export goes.
enum Destination {
    Stdout,
    /// One file, for every format but csv, parquet and neo4j.
    File(PathBuf),
    /// A directory for the files of csv, parquet and neo4j.
    Directory(PathBuf),
}

pub fn run(args: &ExportArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    if args.format == Format::Index {
        return index(args, reporter);
    }
    let destination = destination(args)?;
    let whole = Graph::load(&args.graph)?;
    let selection = args.selection();
    // Diagrams and the viewer select for themselves, so that they can say how
    // much they show; the data formats get the selected graph.
    let graph = if args.format.selects_for_itself() {
        Cow::Borrowed(&whole)
    } else {
        selection.apply(&whole)
    };
    let outputs = args.format.outputs(&selection, args.directions());
    match destination {
        Destination::Stdout => {
            let mut out = stdout();
            single(&outputs)?
                .exporter
                .write(&graph, &mut out)
                .context("cannot write to standard output")?;
            finish_output(out)?;
        }
        Destination::File(path) => {
            let exporter = &single(&outputs)?.exporter;
            write_atomic(&path, |out| exporter.write(&graph, out))?;
            reporter.note(&format!("wrote {}", path.display()));
        }
        Destination::Directory(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create the directory {}", dir.display()))?;
            for path in write_outputs(&graph, &outputs, &dir)? {
                reporter.note(&format!("wrote {}", path.display()));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the index of a graph file beside it, from its JSON.
fn index(args: &ExportArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    if args.graph == "-" || args.output.is_some() {
        anyhow::bail!(
            "-f index writes GRAPH.idx beside the graph file it indexes: name the file, and no -o"
        );
    }
    let json =
        std::fs::File::open(&args.graph).with_context(|| format!("cannot read {}", args.graph))?;
    let graph = Graph::read_json(&args.graph, std::io::BufReader::new(json))?;
    let path = graph.write_index(std::path::Path::new(&args.graph))?;
    reporter.note(&format!("wrote {}", path.display()));
    Ok(ExitCode::SUCCESS)
}

fn single(outputs: &[Output]) -> anyhow::Result<&Output> {
    match outputs {
        [one] => Ok(one),
        _ => bail!(
            "this format writes {} files: give a directory with -o DIR",
            outputs.len()
        ),
    }
}

/// `-o`, or beside the graph file: `out/graph.json` gives `out/graph.svg`,
/// or `out/nodes.csv` and `out/edges.csv`.
fn destination(args: &ExportArgs) -> anyhow::Result<Destination> {
    let format = args.format;
    let to_stdout = match &args.output {
        Some(o) => o == "-",
        None => args.graph == "-",
    };
    if to_stdout {
        if format.writes_a_directory() {
            bail!("{format} writes several files: give their directory with -o DIR");
        }
        if format.is_binary() {
            bail!(
                "{format} is binary and is not written to standard output: give a file with -o FILE.{format}"
            );
        }
        return Ok(Destination::Stdout);
    }
    let path = match &args.output {
        Some(o) => PathBuf::from(o),
        None if format.writes_a_directory() => beside(&args.graph),
        None => {
            let path = Path::new(&args.graph).with_extension(format.as_str());
            if path == Path::new(&args.graph) {
                bail!(
                    "{} is already {format}: give another file with -o",
                    args.graph
                );
            }
            path
        }
    };
    Ok(if format.writes_a_directory() {
        Destination::Directory(path)
    } else {
        Destination::File(path)
    })
}

/// The directory a file is in (`.` for a bare name).
fn beside(file: &str) -> PathBuf {
    match Path::new(file).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
