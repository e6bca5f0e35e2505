//! `actorgraph eval`: its subcommands, options and help.

use std::path::PathBuf;

use actorgraph::eval::Split;
use clap::{Args, Subcommand, ValueEnum};

use super::GazetteerArgs;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Precision and recall of extraction against a gold file, per type, with
    /// every miss and false match listed.
    ///
    /// GOLD is JSON lines, one per document:
    ///
    ///   {"doc": "news-3", "split": "dev", "actors": [
    ///     {"name": "Mohammed Shia al-Sudani", "type": "person",
    ///      "forms": ["Mohammed Shia al-Sudani", "Sudani"]},
    ///     {"name": "Iraqi prime minister", "type": "person",
    ///      "forms": ["the Iraqi prime minister"], "optional": true}]}
    ///
    /// `doc` is a document id of the INPUT corpus; `forms` are exact
    /// substrings of its text; an optional `"id"` names the gazetteer entity
    /// when the name alone would not. A gold actor is found when extraction
    /// has a mention of the entity it resolves to (by id, else by its name or
    /// forms, normalized as the gazetteer normalizes) overlapping one of its
    /// forms. Misses are split into actors unknown to the gazetteer and
    /// actors it knows but extraction did not find. An extracted entity that
    /// is no gold actor of its document is a false match. Optional actors
    /// count neither way; demonym mentions are ignored unless --demonyms.
    /// Exit 0: it is a report.
    #[command(after_help = MENTIONS_EXAMPLES, verbatim_doc_comment)]
    Mentions(EvalMentionsArgs),
}

const MENTIONS_EXAMPLES: &str = "\
Examples:
  actorgraph eval mentions gold.jsonl docs.jsonl
  actorgraph eval mentions gold.jsonl docs.jsonl --split dev -g builtin -g mine.toml
  actorgraph eval mentions gold.jsonl docs.jsonl --format json | jq '.table[-1]'";

#[derive(Debug, Args)]
pub struct EvalMentionsArgs {
    /// The gold file: one JSON object a line, {"doc", "split", "actors"}.
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,

    /// The documents the gold file annotates (files, directories, `-`).
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<String>,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// Score only the gold lines of this split.
    #[arg(long, value_enum)]
    pub split: Option<SplitArg>,

    /// Count demonym mentions ("Iraqi") as mentions of their place, instead
    /// of ignoring them.
    #[arg(long)]
    pub demonyms: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    Dev,
    Test,
}

impl From<SplitArg> for Split {
    fn from(s: SplitArg) -> Split {
        match s {
            SplitArg::Dev => Split::Dev,
            SplitArg::Test => Split::Test,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// The table, then the lists, as text.
    Text,
    /// One JSON object.
    Json,
}
