//! `actorgraph stats`: what a graph holds, and its top actors.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::graph::Graph;
use actorgraph::graph::index::GraphIndex;
use actorgraph::graph::stats::{Ranked, summarize};

use super::{finish_output, stdout};
use crate::cli::{StatsArgs, StatsFormat};

pub fn run(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    // Statistics count no evidence.
    let (graph, index) = Graph::load_lean(&args.graph)?;
    if index.is_none() && args.graph != "-" {
        let why = GraphIndex::try_open(std::path::Path::new(&args.graph)).err();
        super::query::note_unused_index(&args.graph, why.flatten());
    }
    let summary = summarize(&graph, args.top);
    let mut out = stdout();
    match args.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &summary)?;
            writeln!(out)?;
        }
        StatsFormat::Text => {
            writeln!(
                out,
                "{} nodes, {} edges, {} connected components",
                summary.nodes, summary.edges, summary.components
            )?;
            let list = |m: &std::collections::BTreeMap<String, usize>| {
                m.iter()
                    .map(|(k, v)| format!("{v} {k}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(out, "nodes by type: {}", list(&summary.node_types))?;
            writeln!(out, "edges by type: {}", list(&summary.edge_types))?;
            ranking(&mut out, "degree (distinct neighbours)", &summary.degree)?;
            ranking(
                &mut out,
                "weighted degree (sum of edge weights)",
                &summary.weighted_degree,
            )?;
            ranking(&mut out, "pagerank", &summary.pagerank)?;
        }
    }
    finish_output(out)?;
    Ok(ExitCode::SUCCESS)
}

fn ranking(out: &mut impl Write, title: &str, ranked: &[Ranked]) -> std::io::Result<()> {
    writeln!(out, "\ntop by {title}:")?;
    for (i, r) in ranked.iter().enumerate() {
        writeln!(
            out,
            "{:>3}. {:<40} {:>10.4}  {}",
            i + 1,
            r.label,
            r.score,
            r.id
        )?;
    }
    Ok(())
}
