//! Options of `merge`.

use std::path::PathBuf;

use clap::Args;

use super::GazetteerArgs;

pub const EXAMPLES: &str = "\
Examples:
  actorgraph build --partial part-1.jsonl -o 1.partial
  actorgraph build --partial part-2.jsonl -o 2.partial
  actorgraph merge 1.partial 2.partial -o graph.json
  actorgraph merge --partial 1.partial 2.partial -o 1-2.partial   (merge in steps)
  actorgraph merge shards/*.partial -o graph.json --keep-partial  (ready for build --update)";

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Partial graphs written by `build --partial` or `merge --partial`.
    #[arg(value_name = "PARTIAL", required = true)]
    pub partials: Vec<PathBuf>,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// Where to write the graph (or the partial graph); `-` is standard
    /// output. Default: graph.json (graph.partial with --partial).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,

    /// Write a partial graph, to merge again later, instead of the graph.
    #[arg(long, conflicts_with = "keep_partial")]
    pub partial: bool,

    /// Also write the merged partial graph beside the graph, as
    /// GRAPH.partial, for `build --update`.
    #[arg(long)]
    pub keep_partial: bool,

    /// Record the creation time in the graph header.
    #[arg(long)]
    pub timestamp: bool,
}
