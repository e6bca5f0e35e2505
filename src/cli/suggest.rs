//! `actorgraph suggest`: its options and help.

use clap::{Args, ValueEnum};

use super::GazetteerArgs;

pub const EXAMPLES: &str = "\
Examples:
  actorgraph suggest news/                            the 100 best new names, as a table
  actorgraph suggest news.jsonl -g builtin -g mine.toml --min-docs 3 --limit 50
  actorgraph suggest news.jsonl --toml > review.toml  [[entity]] stubs to review, evidence as comments
  actorgraph suggest news.jsonl --format json | jq '.new[0]'";

/// Options of `actorgraph suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Files or directories to read (.txt and .md are documents, .jsonl and
    /// .ndjson hold one {"id","text"} document a line); `-` is standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<String>,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// Only names that at least N documents use.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_docs: usize,

    /// At most N new names (and N probable aliases); 0 lists all.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SuggestFormat::Table)]
    pub format: SuggestFormat,

    /// Write [[entity]] stubs for the gazetteer, with the evidence as
    /// comments (the same as --format toml).
    #[arg(long, conflicts_with = "format")]
    pub toml: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    /// New names, then probable aliases of known entities, as text columns.
    Table,
    /// One JSON object: {"documents", "new", "aliases"}.
    Json,
    /// Gazetteer stubs to review.
    Toml,
}
