//! `actorgraph eval relations`: its options and help.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::GazetteerArgs;

pub const EXAMPLES: &str = "\
Examples:
  actorgraph eval relations tests/data/relations/dev.jsonl
  actorgraph eval relations gold.jsonl --show wrong --format text
  actorgraph eval relations gold.jsonl corpus/ -g builtin -g mine.toml
  actorgraph eval relations tests/data/relations/test.jsonl --min-precision 0.9";

/// Options of `actorgraph eval relations`.
#[derive(Debug, Args)]
pub struct EvalRelationsArgs {
    /// The gold file: one annotated sentence a line, as JSON:
    /// {\"id\", \"text\", \"date\", \"relations\": [{\"type\", \"source\", \"target\"}]},
    /// source and target written as the sentence writes the actors.
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,

    /// The documents the gold's ids name (files, directories, JSONL); by
    /// default every gold line is a document of its own.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// Trigger patterns to score (default: the bundled relations.toml).
    #[arg(long, value_name = "FILE")]
    pub relations: Option<PathBuf>,

    /// Which mistakes to list after the scores: wrong, missed, unknown (an
    /// actor the gazetteer lacks), or none; comma-separated.
    #[arg(
        long,
        value_name = "KINDS",
        value_delimiter = ',',
        default_value = "wrong,missed"
    )]
    pub show: Vec<ShowMistakes>,

    /// Exit 1 when the precision over all types is below P (for CI).
    #[arg(long, value_name = "P")]
    pub min_precision: Option<f64>,

    /// Exit 1 when the recall over all types is below R (for CI).
    #[arg(long, value_name = "R")]
    pub min_recall: Option<f64>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
}

/// Mistakes to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowMistakes {
    /// Relations found that the gold does not have.
    Wrong,
    /// Gold relations not found.
    Missed,
    /// Gold relations with an actor the gazetteer does not know.
    Unknown,
    /// No list.
    None,
}

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A table, the confusion of types, and the mistakes.
    Text,
    /// One JSON object.
    Json,
}
