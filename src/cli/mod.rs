//! The command line: subcommands, options and their help. Turned into library
//! calls by `cmd`; the library never sees clap.

mod build;
mod eval;
mod export;
mod merge;
mod query;
mod suggest;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use build::{BuildArgs, StatsArgs, StatsFormat};
pub use eval::{EvalCommand, EvalFormat, EvalMentionsArgs, EvalRelationsArgs, ShowMistakes};
pub use export::ExportArgs;
pub use merge::MergeArgs;
pub use query::*;
pub use suggest::{SuggestArgs, SuggestFormat};

/// Turn news text into a knowledge graph of who is connected to whom.
///
/// actorgraph finds the people, groups and places of a curated gazetteer in news
/// text, links the actors mentioned together with typed edges that keep their
/// evidence, and answers how one actor is linked to another.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print no warnings or summaries on stderr (errors are still printed).
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

const EXAMPLES: &str = "\
Examples:
  actorgraph build seeds/ --out-dir out     the graph of the seed articles
  actorgraph stats out/graph.json           what the graph holds, and its top actors
  actorgraph extract seeds/                 every mention in the seed articles, as JSON lines
  actorgraph extract -g mine.toml news.jsonl
  actorgraph gazetteer check                lint the bundled gazetteer
  actorgraph suggest news/ --toml           names the gazetteer lacks, as stubs to review
  actorgraph eval mentions gold.jsonl docs.jsonl
                                            precision and recall against annotations
  actorgraph path out/graph.json Jolani Erdogan
                                            how two actors are linked, with evidence";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find the gazetteer's actors in text: one JSON line per mention.
    ///
    /// Each line holds doc, entity, name, type, kind (name, acronym, demonym,
    /// title or reference), text (the exact original bytes [start, end)),
    /// start, end, sentence and paragraph, and for a mention that more than
    /// its name resolved, via: how (a title's office and holder's role, a
    /// name borne by several entities in turn, a leader's group, a
    /// province, a name such as "the Interior Ministry" given to the
    /// ministry of the country the document is about), with the date it was
    /// resolved on.
    ///
    /// Mentions are resolved on the document's date: its JSONL `date`, else
    /// a date in its first lines. An undated document is resolved on the
    /// day its titled office holders date it to ("President Bashar
    /// al-Assad": before his fall), else on today's gazetteer state (today's
    /// holders of offices, the entities of today), or on the day
    /// --undated-as gives. Problems with one document are warnings; the run
    /// goes on, and the exit code is 2 at the end if any document was
    /// skipped.
    #[command(after_help = "\
Examples:
  actorgraph extract seeds/
  actorgraph extract --format tsv seeds/004_a6c427db5021f859.txt
  actorgraph extract --undated-as 2024-12-05 seeds/
  cat article.txt | actorgraph extract --no-demonyms")]
    Extract(ExtractArgs),

    /// Build the knowledge graph: actors, typed edges, evidence and dates.
    ///
    /// Links every two actors mentioned in one scope (a sentence by default)
    /// with a co_mention edge, types the links that trigger patterns recognize
    /// (meets, communicates, supports, opposes, attacks, leads, ...), and adds
    /// the gazetteer's facts between actors the corpus mentions. Writes
    /// node-link JSON that networkx reads as it is; a summary goes to stderr.
    ///
    /// Mentions are resolved on each document's date (its JSONL `date`, else
    /// a date in its first lines): titles to the office holders of that day,
    /// names borne by several entities in turn to the one of that day. An
    /// undated document is resolved on the day its titled office holders
    /// date it to, else on today's gazetteer state, or on the day
    /// --undated-as gives.
    #[command(after_help = "\
Examples:
  actorgraph build seeds/ --out-dir out
  actorgraph build news.jsonl -g builtin -g extra.toml -o news.json --scope window:2
  actorgraph build archive/ --min-weight 2 --evidence 5 --no-demonyms -o -")]
    Build(BuildArgs),

    /// Combine partial graphs (`build --partial`) into the graph.
    ///
    /// Any split of a corpus into shards, built apart and merged in any
    /// order and grouping, gives the graph one build of the whole corpus
    /// writes, byte for byte: documents found in several shards count once,
    /// and evidence is chosen by date, then document id, then position.
    /// The partials must share the gazetteer and the options.
    #[command(after_help = merge::EXAMPLES)]
    Merge(MergeArgs),

    /// Summarize a graph: counts by type, components, top actors.
    #[command(after_help = "\
Examples:
  actorgraph stats out/graph.json
  actorgraph stats out/graph.json --top 20 --format json")]
    Stats(StatsArgs),

    /// Write a graph file as a diagram (dot, svg, png), as a page to explore
    /// in a browser (html), or for other tools (json, gexf, graphml, csv).
    ///
    /// Diagrams show the strongest actors coloured by type, typed links bold
    /// and labelled, and a legend. html is one self-contained page (WebGL,
    /// nothing fetched, works offline) with search by alias, filters by type,
    /// weight and date, communities, routes, and every link's evidence; it
    /// shows the 5000 strongest actors and 50000 heaviest links unless told
    /// otherwise. json, gexf, graphml and csv keep every actor
    /// and every link (parallel links of different types included) with its
    /// type, weight, documents, dates, trigger and earliest evidence (json keeps
    /// all the evidence). Files are written whole or not at all.
    #[command(after_help = export::EXAMPLES)]
    Export(ExportArgs),

    /// How two actors are linked: the best routes, every hop with its evidence.
    #[command(after_help = query::PATH_EXAMPLES)]
    Path(PathArgs),

    /// An actor's ego network: its neighbours up to a depth, and their edges.
    #[command(after_help = query::NEIGHBORS_EXAMPLES)]
    Neighbors(NeighborsArgs),

    /// Actors ranked by degree, strength, PageRank or betweenness.
    #[command(after_help = query::TOP_EXAMPLES)]
    Top(TopArgs),

    /// The names a corpus uses that the gazetteer does not know, ranked so
    /// that the first screen is worth curating.
    ///
    /// Candidates are runs of capitalized words the gazetteer did not match
    /// (with al-, bin, bint, abu, ibn inside, and "of", "for", "and" inside
    /// the names of bodies), and acronyms with the expansion the text gives
    /// them. The words around guess the type: "province", "district", "camp"
    /// make a place; "brigade", "council", "ministry" a group; a title before
    /// a name ("minister", "commander", "sheikh") a person. Sentence openers,
    /// months and days, parts of known names, bylines and photo credits are
    /// left out; known entities written another way (a spelling variant, a
    /// surname, a letter off) are listed apart as probable aliases.
    #[command(after_help = suggest::EXAMPLES)]
    Suggest(SuggestArgs),

    /// Inspect gazetteers.
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },

    /// Measure extraction against annotated samples.
    Eval {
        #[command(subcommand)]
        command: EvalCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Validate and lint: duplicate ids, shared names, unknown references,
    /// common-word names, generated-variant collisions, offices held twice,
    /// places within themselves. Exit 2 on errors.
    ///
    /// With --corpus, also runs the gazetteer over those documents and lists
    /// the names that look generic: those that match in more than --max-share
    /// of the documents, and those of one word that the corpus writes in
    /// lower case, as an ordinary word, in more documents than it matches in.
    ///
    /// With --stale DAYS, report instead the open-ended roles and
    /// affiliations (no `to`) of entities whose `checked` date is more than
    /// DAYS days old, or missing: the facts to check against the news next.
    /// Exit 0: it is a report.
    #[command(after_help = "\
Examples:
  actorgraph gazetteer check
  actorgraph gazetteer check -g builtin -g my-additions.toml
  actorgraph gazetteer check -g companies.tsv --corpus news.jsonl --max-share 0.05
  actorgraph gazetteer check --stale 90     # facts not checked in 90 days")]
    Check(CheckArgs),

    /// Compile gazetteers into the cache now, so that later runs load them
    /// at once; prints the compiled file's path.
    ///
    /// Every command that reads a gazetteer compiles it into the cache on
    /// first use and loads it from there afterwards, until a file of the
    /// gazetteer or the program changes. `compile` does it ahead of time:
    /// for an install whose users cannot write the cache, compile into a
    /// directory of the install and point ACTORGRAPH_CACHE_DIR at it.
    #[command(after_help = "\
Examples:
  actorgraph gazetteer compile
  actorgraph gazetteer compile -g builtin -g news.tsv
  actorgraph gazetteer compile -g news.tsv --cache-dir /opt/actorgraph/cache")]
    Compile(CompileArgs),
}

#[derive(Debug, Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// The directory to compile into (default: the cache directory, as for
    /// every command).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// List the open-ended roles and affiliations of entities not checked
    /// in the last DAYS days (today is the system's date, in UTC).
    #[arg(long, value_name = "DAYS")]
    pub stale: Option<u32>,

    /// Documents to try the gazetteer on (files, directories, `-`).
    #[arg(long, value_name = "INPUT", num_args = 1..)]
    pub corpus: Vec<String>,

    /// With --corpus: a name that matches in more than this share of the
    /// documents is listed as likely generic.
    #[arg(long, default_value_t = 0.02, value_name = "SHARE", value_parser = share_parser)]
    pub max_share: f64,

    /// With --corpus: a name must match in at least this many documents to be
    /// listed as an ordinary word.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub min_docs: usize,
}

fn share_parser(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("'{s}' is not a share between 0 and 1 (0.02 is 2%)")),
    }
}

#[derive(Debug, Args)]
pub struct GazetteerArgs {
    /// Gazetteer file (.toml curated, .tsv bulk) or directory; repeat to merge.
    /// `builtin` is the bundled gazetteer, used when no -g is given.
    #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
    pub gazetteer: Vec<String>,

    /// Load the gazetteer from its files, neither reading nor writing its
    /// compiled cache (kept in $ACTORGRAPH_CACHE_DIR, else
    /// $XDG_CACHE_HOME/actorgraph or ~/.cache/actorgraph).
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to read (.txt and .md are documents, .jsonl and
    /// .ndjson hold one {"id","text"} document a line); `-` is standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<String>,

    /// Do not match demonyms ("Iraqi", "Syrian") as mentions of their place.
    #[arg(long)]
    pub no_demonyms: bool,

    /// The day to resolve documents without a date on, instead of today
    /// (UTC): names borne by several entities in turn, titles and leaders go
    /// to those of that day. A document's date is its JSONL `date`, else a
    /// date in its first lines (a dateline); an undated document whose
    /// titled office holders date it is resolved on the latest day, not
    /// after this one, on which they all held their offices.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub undated_as: Option<actorgraph::date::Date>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = MentionFormat::Jsonl)]
    pub format: MentionFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MentionFormat {
    /// One JSON object per line.
    Jsonl,
    /// Tab-separated, with a header line; tabs, newlines and backslashes in
    /// the text are written as \t, \n and \\.
    Tsv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
