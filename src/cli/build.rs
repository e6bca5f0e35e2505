//! Options of `build` and `stats`.

use std::path::PathBuf;

use actorgraph::export::Format;
use clap::{Args, ValueEnum};

use super::{GazetteerArgs, InputArgs};

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// Where to write the graph (node-link JSON); `-` is standard output.
    /// Default: graph.json, or DIR/graph.json with --out-dir.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,

    /// Directory for the graph file (and the --format files).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Also write these formats beside the graph, comma-separated: dot, svg,
    /// png (diagrams of the strongest actors), html (graph.html, a page to
    /// explore the graph in a browser), gexf, graphml, csv, parquet, neo4j;
    /// json is the graph file itself. svg and png are left out, with a warning, when
    /// Graphviz is not installed; `actorgraph export` has every option.
    #[arg(long, value_name = "FORMATS", value_delimiter = ',', value_parser = super::export::format_parser())]
    pub format: Vec<Format>,

    /// Co-mention scope: sentence, paragraph, document, or window:N (N sentences).
    #[arg(long, default_value = "sentence", value_name = "SCOPE")]
    pub scope: String,

    /// Drop edges lighter than this.
    #[arg(long, default_value_t = 0.0, value_name = "W")]
    pub min_weight: f64,

    /// Evidence sentences kept per edge.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub evidence: usize,

    /// Co-mentions a pair needs before its association measures (npmi,
    /// assoc, jaccard, llr) are computed: a pair seen fewer times carries
    /// none, as too few to trust.
    #[arg(long, default_value_t = actorgraph::graph::association::MIN_COUNT, value_name = "K")]
    pub min_count: f64,

    /// Weight of a co-mention where one side is only a demonym ("Iraqi").
    #[arg(long, default_value_t = 0.5, value_name = "W")]
    pub demonym_weight: f64,

    /// Trigger patterns for typed relations (default: the bundled relations.toml).
    #[arg(long, value_name = "FILE")]
    pub relations: Option<PathBuf>,

    /// Do not write the graph index (GRAPH.idx) beside the graph file. The
    /// index lets `path`, `neighbors`, `top`, `stats` and `export` load the
    /// graph without parsing its JSON; it is used only while it matches the
    /// JSON beside it.
    #[arg(long)]
    pub no_index: bool,

    /// Record the creation time in the graph header (output then differs run to run).
    #[arg(long)]
    pub timestamp: bool,

    /// Write a partial graph instead of the graph: what these documents
    /// contribute, for `actorgraph merge` to combine with other shards into
    /// the graph one build of all of them writes. `-o` names the file
    /// (default: graph.partial).
    #[arg(long, conflicts_with_all = ["update", "format", "keep_partial"])]
    pub partial: bool,

    /// Also write the partial graph beside the graph, as GRAPH.partial, so
    /// that `--update` can add documents to it later.
    #[arg(long)]
    pub keep_partial: bool,

    /// Add the inputs to this graph, which needs its GRAPH.partial (written
    /// by --keep-partial or an earlier --update): documents it holds are
    /// recognized and passed over, and the result equals a build of
    /// everything. Writes GRAPH and GRAPH.partial again, unless -o says
    /// where. The options must be those the graph was built with.
    #[arg(long, value_name = "GRAPH")]
    pub update: Option<PathBuf>,

    /// Record NAME in the header as the input, instead of the inputs given
    /// (a shard read from standard input names the corpus it comes from).
    #[arg(long, value_name = "NAME")]
    pub input_name: Option<String>,

    /// Worker threads for extraction (default: all cores). At most one per
    /// core and one per document are started, whatever N says. Output is the
    /// same whatever the number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Graph file written by `actorgraph build` (`-` is standard input). GRAPH.idx beside it, the
    /// index `build` writes, is read instead of the JSON while it matches it.
    #[arg(value_name = "GRAPH")]
    pub graph: String,

    /// How many top actors to list per ranking.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// A readable report.
    Text,
    /// One JSON object.
    Json,
}
