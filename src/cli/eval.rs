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
    /// forms, normalized as the gazetteer normalizes; a local name such as
    /// "Interior Ministry" to the entity of the country the actor's name
    /// gives, "Ministry of Interior (Syria)") overlapping one of its
    /// forms. Misses are split into actors unknown to the gazetteer and
    /// actors it knows but extraction did not find. An extracted entity that
    /// is no gold actor of its document is a false match. Optional actors
    /// count neither way; demonym mentions are ignored unless --demonyms.
    /// Exit 0: it is a report.
    #[command(after_help = MENTIONS_EXAMPLES, verbatim_doc_comment)]
    Mentions(EvalMentionsArgs),

    /// Precision and recall of typed relations against a gold file of
    /// annotated sentences, per type, with a confusion table and every wrong
    /// and missed relation with its sentence.
    ///
    /// A found relation is right when the gold has the same type between the
    /// same two actors (in the same direction for directed types). Gold
    /// relations with an actor the gazetteer does not know are counted apart;
    /// those marked cross_sentence are reported apart. The format is
    /// documented in the README ("Measuring relations"). Exit 1 when a
    /// --min-precision or --min-recall is not met.
    #[command(after_help = RELATIONS_EXAMPLES)]
    Relations(EvalRelationsArgs),
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

const RELATIONS_EXAMPLES: &str = "\
Examples:
  actorgraph eval relations tests/data/relations/dev.jsonl
  actorgraph eval relations gold.jsonl --show wrong --format text
  actorgraph eval relations gold.jsonl corpus/ -g builtin -g mine.toml
  actorgraph eval relations tests/data/relations/test.jsonl --min-precision 0.9
  actorgraph eval relations tests/data/relations/dev.jsonl --show rules
  actorgraph eval relations tests/data/relations/news.jsonl --split dev";

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

    /// Score only the gold lines of this split (their `"split"` field).
    #[arg(long, value_enum)]
    pub split: Option<SplitArg>,

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
    /// Each rule's found and correct relations, worst precision first.
    Rules,
    /// No list.
    None,
}
