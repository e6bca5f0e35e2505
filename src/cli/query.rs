//! Options of the query subcommands: `path`, `neighbors` and `top`.

use clap::{Args, ValueEnum};

use super::GazetteerArgs;

pub const PATH_EXAMPLES: &str = "\
Examples:
  actorgraph path out/graph.json Jolani Erdogan
  actorgraph path out/graph.json al-Sudani Putin --k 3 --by strength
  actorgraph path out/graph.json Rashid Jolani --through all --facts all   routes through countries too
  actorgraph path out/graph.json qasim-al-araji ahmed-al-sharaa --facts none --exclude-types co_mention
  actorgraph path out/graph.json Rashid Erdogan --since 2024-12 --avoid iraq,syria --format json
  actorgraph path out/graph.json Rashid Erdogan --format dot --context | dot -Tsvg > route.svg

Exit status: 0 when a route was found, 1 when there is none, 2 on error.";

pub const NEIGHBORS_EXAMPLES: &str = "\
Examples:
  actorgraph neighbors out/graph.json Jolani
  actorgraph neighbors out/graph.json turkiye --depth 2 --min-weight 2
  actorgraph neighbors out/graph.json Erdogan --by weight
  actorgraph neighbors out/graph.json al-Sudani --types meets,communicates --format dot | dot -Tpng > ego.png
  actorgraph neighbors out/graph.json Erdogan --depth 2 --format gexf > erdogan.gexf";

pub const TOP_EXAMPLES: &str = "\
Examples:
  actorgraph top out/graph.json
  actorgraph top out/graph.json --by pagerank --type person -n 20
  actorgraph top out/graph.json --by association --type group
  actorgraph top out/graph.json --by betweenness --format json";

/// Options shared by the queries that walk the graph.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Graph file written by `actorgraph build` (node-link JSON); `-` is standard input. GRAPH.idx beside it, the
    /// index `build` writes, is read instead of the JSON while it matches it.
    #[arg(value_name = "GRAPH")]
    pub graph: String,
}

/// Which edges a query may use.
#[derive(Debug, Args)]
pub struct EdgeFilterArgs {
    /// Use only these edge types (comma-separated): co_mention, meets,
    /// communicates, supports, opposes, attacks, leads, member_of,
    /// located_in, holds_office, allied_with.
    #[arg(long, value_name = "TYPE,...", value_delimiter = ',')]
    pub types: Vec<String>,

    /// Never use these edge types (comma-separated), e.g. co_mention to keep
    /// only typed relations.
    #[arg(long, value_name = "TYPE,...", value_delimiter = ',')]
    pub exclude_types: Vec<String>,

    /// Use only edges attested on or after this date (YYYY, YYYY-MM or
    /// YYYY-MM-DD). Edges with no date at all are left out under --since or
    /// --until, unless --undated brings them back.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Use only edges attested on or before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// With --since or --until, also use edges that have no date (from
    /// undated documents, or undated gazetteer facts).
    #[arg(long)]
    pub undated: bool,

    /// Which gazetteer facts (roles, memberships, where places lie) to use:
    /// attested-period (the default) leaves out the facts whose dates lie
    /// outside the corpus's dates (a 2025 office says nothing about 2024
    /// news), all uses every fact, none only what documents attest.
    #[arg(long, value_enum, default_value_t = FactsArg::AttestedPeriod)]
    pub facts: FactsArg,

    /// Use only edges that documents attest: the same as --facts none.
    #[arg(long)]
    pub attested: bool,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    pub graph: GraphArgs,

    /// First actor: an id, a name or any alias ("Jolani", "turkiye").
    #[arg(value_name = "FROM")]
    pub from: String,

    /// Last actor.
    #[arg(value_name = "TO")]
    pub to: String,

    /// How many routes: the N best loopless ones, best first.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub k: usize,

    /// What makes a route best.
    #[arg(long, value_enum, default_value_t = RouteMetric::Specificity)]
    pub by: RouteMetric,

    /// The types of actor a route may pass through, comma-separated
    /// (person, group, place), or all. By default people and groups: a place
    /// may start or end a route but not carry it, since two actors named
    /// with one country are not thereby linked.
    #[arg(long, value_name = "TYPES", value_delimiter = ',')]
    pub through: Vec<String>,

    #[command(flatten)]
    pub filter: EdgeFilterArgs,

    /// Pass through this actor.
    #[arg(long, value_name = "ACTOR")]
    pub via: Option<String>,

    /// Never pass through these actors (comma-separated).
    #[arg(long, value_name = "ACTOR,...", value_delimiter = ',')]
    pub avoid: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
    pub format: QueryFormat,

    /// With --format dot, also draw each route actor's other neighbours.
    #[arg(long)]
    pub context: bool,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct NeighborsArgs {
    #[command(flatten)]
    pub graph: GraphArgs,

    /// The actor at the center: an id, a name or any alias.
    #[arg(value_name = "ACTOR")]
    pub actor: String,

    /// How many hops out.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: u32,

    /// Use only these edge types (comma-separated).
    #[arg(long, value_name = "TYPE,...", value_delimiter = ',')]
    pub types: Vec<String>,

    /// Use only edges of at least this weight.
    #[arg(long, value_name = "W")]
    pub min_weight: Option<f64>,

    /// How to order the actors of each ring.
    #[arg(long, value_enum, default_value_t = NeighborsBy::Association)]
    pub by: NeighborsBy,

    /// Output format.
    #[arg(long, value_enum, default_value_t = NeighborsFormat::Text)]
    pub format: NeighborsFormat,

    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct TopArgs {
    #[command(flatten)]
    pub graph: GraphArgs,

    /// What to rank by.
    #[arg(long, value_enum, default_value_t = RankBy::Degree)]
    pub by: RankBy,

    /// List only actors of this type (the scores are computed on the whole graph).
    #[arg(long = "type", value_name = "TYPE", value_parser = ["person", "group", "place"])]
    pub kind: Option<String>,

    /// How many actors to list.
    #[arg(short = 'n', value_name = "N", default_value_t = 10)]
    pub n: usize,

    /// Betweenness is exact up to this many actors, sampled above.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub exact_limit: usize,

    /// Source actors sampled for betweenness above --exact-limit (at least 1).
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = at_least_one)]
    pub samples: usize,

    /// Seed of the betweenness sample (same seed, same ranking).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RankFormat::Text)]
    pub format: RankFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteMetric {
    /// The most specific links: a meeting, or two actors named together far
    /// more often than chance (NPMI), beats a co-mention with an actor every
    /// article names; a direct link beats any route through others.
    Specificity,
    /// Fewest hops; ties go to the greatest total weight.
    Hops,
    /// Least total 1/weight: well-attested links are preferred.
    Strength,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NeighborsBy {
    /// The most specific tie first: actors named with the center far more
    /// often than chance (NPMI), or in a stated relation, before those every
    /// article names.
    Association,
    /// The heaviest ties first.
    Weight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsArg {
    /// Every gazetteer fact.
    All,
    /// The facts whose dates overlap the corpus's dates, and undated ones.
    AttestedPeriod,
    /// No fact: only what documents attest.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankBy {
    /// Number of distinct actors linked.
    Degree,
    /// Total weight of the actor's edges.
    Strength,
    /// Total specificity of the actor's links (NPMI of its co-mentions,
    /// stated relations): actors with many specific ties.
    Association,
    /// Weighted PageRank.
    Pagerank,
    /// Betweenness by hops (Brandes; sampled on large graphs).
    Betweenness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// For a reader, every hop explained.
    Text,
    /// The same, structured.
    Json,
    /// A Graphviz diagram.
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NeighborsFormat {
    /// For a reader: each actor with its ties one ring inwards.
    Text,
    /// The same, structured.
    Json,
    /// A Graphviz diagram of the ego network.
    Dot,
    /// The ego network as GEXF 1.3, for Gephi.
    Gexf,
    /// The ego network as GraphML.
    Graphml,
    /// The ego network as a node-link graph file, which every query reads.
    Graph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    /// Tab-separated table.
    Text,
    /// JSON.
    Json,
}

/// A count of 1 or more: 0 samples would rank every actor NaN.
fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}
