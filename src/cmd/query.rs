//! `actorgraph path`, `neighbors` and `top`: load the graph, resolve names,
//! ask the library, write the answer.

use std::process::ExitCode;

use actorgraph::date::Date;
use actorgraph::export::{self, Exporter};
use actorgraph::gazetteer::{EntityType, Gazetteer};
use actorgraph::graph::index::GraphIndex;
use actorgraph::graph::view::GraphView;
use actorgraph::graph::{EdgeKind, Graph, NodeIndex};
use actorgraph::query::explain::Actor;
use actorgraph::query::filter::coarse_cmp;
use actorgraph::query::neighbors::Order;
use actorgraph::query::output::{self, Emphasis};
use actorgraph::query::path::THROUGH;
use actorgraph::query::{
    Centrality, EdgeFilter, Ego, Facts, Metric, PathQuery, Resolver, Sampling, ego, ego_in_index,
    explain, explain_in_index, find_paths, rank,
};
use anyhow::{Context, anyhow, bail};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::{
    EdgeFilterArgs, FactsArg, GazetteerArgs, NeighborsArgs, NeighborsBy, NeighborsFormat, PathArgs,
    QueryFormat, RankBy, RankFormat, RouteMetric, TopArgs,
};

pub fn path(args: &PathArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    if args.k == 0 {
        return Err(anyhow!("--k must be at least 1"));
    }
    if args.format != QueryFormat::Dot
        && let Some(index) = open_index(&args.graph.graph)
    {
        return path_in_index(args, &index, reporter);
    }
    // Evidence is read only for the hops shown (all edges for a diagram,
    // which may draw the routes' surroundings).
    let (mut graph, evidence) = Graph::load_lean(&args.graph.graph)?;
    let names = path_names(args);
    let gazetteer = gazetteer_if_needed(&graph, &names, &args.gazetteer, reporter)?;
    let resolver = Resolver::new(&graph, gazetteer.as_ref());
    let resolve = |what: &str, name: &str| resolver.resolve(name).with_context(|| what.to_string());
    let query = path_query(args, &graph, &resolve)?;
    let paths = find_paths(&graph, &query)?;
    if args.format == QueryFormat::Dot {
        let all = 0..graph.edges().len();
        graph.fill_evidence(evidence.as_ref(), all)?;
    } else {
        let hops: Vec<usize> = paths.iter().flat_map(|p| p.edges.clone()).collect();
        graph.fill_evidence(evidence.as_ref(), hops)?;
    }
    let answer = explain(
        &graph,
        &query.filter,
        (query.from, query.to, query.metric),
        &paths,
    );
    let mut out = stdout();
    match args.format {
        QueryFormat::Text => output::write_path(&answer, &mut out)?,
        QueryFormat::Json => output::write_json(&answer, &mut out)?,
        QueryFormat::Dot if paths.is_empty() => {}
        QueryFormat::Dot => {
            let (drawn, emphasis) =
                output::path_diagram(&graph, &paths, &query.filter, args.context);
            output::write_dot(&drawn, &emphasis, &mut out)?;
        }
    }
    finish_output(out)?;
    if paths.is_empty() {
        let mut message = no_route(&answer.from, &answer.to, &query);
        if args.through.is_empty() {
            message = through_places(args, &graph, &query).unwrap_or(message);
        }
        eprintln!("{}", super::for_stderr(&message));
        exit_without_freeing(graph);
        return Ok(ExitCode::from(1));
    }
    exit_without_freeing(graph);
    Ok(ExitCode::SUCCESS)
}

/// The index of a graph file, read in place, when one matches it; when one
/// lies beside it but does not match, a note on standard error says why
/// the answer is slow and how to write a new one.
pub(super) fn open_index(graph: &str) -> Option<GraphIndex> {
    if graph == "-" {
        return None;
    }
    match GraphIndex::try_open(std::path::Path::new(graph)) {
        Ok(index) => Some(index),
        Err(why) => {
            note_unused_index(graph, why);
            None
        }
    }
}

/// When an index lies beside `graph` but was not used (`why` says why),
/// says so on standard error, with how to write a new one.
pub(super) fn note_unused_index(graph: &str, why: Option<String>) {
    if let Some(why) = why {
        eprintln!(
            "note: {} is not used ({why}); reading {graph} instead. \
             `actorgraph export -f index {graph}` writes a new one.",
            actorgraph::graph::index::index_path(std::path::Path::new(graph)).display()
        );
    }
}

/// The actors' names, decoded from the index, when a name is not a node id
/// (ids are what scripts pass, and are looked up in place); `None` when all
/// are ids.
fn index_names(index: &GraphIndex, names: &[&str]) -> anyhow::Result<Option<Graph>> {
    if names.iter().all(|n| index.node_by_id(n).is_some()) {
        return Ok(None);
    }
    Ok(Some(index.nodes_only()?))
}

/// `path` on the graph's index, read in place: the routes are searched over
/// the edges where they lie, and only the routes' actors and edges are
/// decoded; when there is no route, the search through every actor that
/// says why is made there too.
fn path_in_index(
    args: &PathArgs,
    index: &GraphIndex,
    reporter: &mut Reporter,
) -> anyhow::Result<ExitCode> {
    let names = path_names(args);
    let nodes = index_names(index, &names)?;
    let gazetteer = match &nodes {
        Some(g) => gazetteer_if_needed(g, &names, &args.gazetteer, reporter)?,
        None => None,
    };
    let resolver = nodes.as_ref().map(|g| Resolver::new(g, gazetteer.as_ref()));
    let resolve = |what: &str, name: &str| match &resolver {
        Some(r) => r.resolve(name).with_context(|| what.to_string()),
        None => index
            .node_by_id(name)
            .ok_or_else(|| anyhow!("{what}: no actor '{name}'")),
    };
    let query = path_query(args, index, &resolve)?;
    let paths = find_paths(index, &query)?;
    let ends = (query.from, query.to, query.metric);
    let answer = explain_in_index(index, &query.filter, ends, &paths)?;
    let mut out = stdout();
    match args.format {
        QueryFormat::Json => output::write_json(&answer, &mut out)?,
        _ => output::write_path(&answer, &mut out)?,
    }
    finish_output(out)?;
    if paths.is_empty() {
        let mut message = no_route(&answer.from, &answer.to, &query);
        if args.through.is_empty() {
            message = through_places(args, index, &query).unwrap_or(message);
        }
        eprintln!("{}", super::for_stderr(&message));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// When no route passes through people and groups alone (the default) but
/// one passes through places, says so and gives the command that shows it.
fn through_places(
    args: &PathArgs,
    graph: &(impl GraphView + ?Sized),
    query: &PathQuery,
) -> Option<String> {
    let wider = PathQuery {
        k: 1,
        through: None,
        ..query.clone()
    };
    let found = find_paths(graph, &wider).ok()?;
    let route = found.first()?;
    let places: Vec<String> = route.nodes[1..route.nodes.len() - 1]
        .iter()
        .filter(|&&v| !THROUGH.contains(&graph.node_kind(v)))
        .map(|&v| graph.node_at(v).label.clone())
        .collect();
    let mut command = vec![
        "actorgraph",
        "path",
        &args.graph.graph,
        &args.from,
        &args.to,
    ];
    command.push("--through");
    command.push("all");
    Some(format!(
        "actorgraph: no route between {} and {} through people and groups; one passes through {} ({} hop{}):\n  {}",
        graph.node_at(query.from).label,
        graph.node_at(query.to).label,
        places.join(", "),
        route.hops(),
        if route.hops() == 1 { "" } else { "s" },
        shell_words(&command)
    ))
}

/// Words joined into a command a shell reads back as the same words.
fn shell_words(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            let plain = !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphanumeric() || "-_./:,=@+".contains(c));
            if plain {
                w.to_string()
            } else {
                format!("'{}'", w.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `--through`: the types a route may pass through (`None`: all).
fn through(names: &[String]) -> anyhow::Result<Option<Vec<EntityType>>> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Ok(Some(THROUGH.to_vec()));
    }
    if names.contains(&"all") {
        return Ok(None);
    }
    names
        .iter()
        .map(|n| {
            n.parse::<EntityType>().map_err(|_| {
                anyhow!("--through: unknown actor type '{n}' (known: person, group, place, or all)")
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()
        .map(Some)
}

/// The names `path` resolves.
fn path_names(args: &PathArgs) -> Vec<&str> {
    let mut names = vec![args.from.as_str(), args.to.as_str()];
    names.extend(args.via.as_deref());
    names.extend(args.avoid.iter().map(String::as_str));
    names
}

/// Resolves a name (the option it came from, the name) to an actor.
type Resolve<'a> = dyn Fn(&str, &str) -> anyhow::Result<NodeIndex> + 'a;

/// The question the options ask, with every name resolved.
fn path_query(
    args: &PathArgs,
    graph: &(impl GraphView + ?Sized),
    resolve: &Resolve<'_>,
) -> anyhow::Result<PathQuery> {
    Ok(PathQuery {
        from: resolve("FROM", &args.from)?,
        to: resolve("TO", &args.to)?,
        k: args.k,
        metric: match args.by {
            RouteMetric::Specificity => Metric::Specificity,
            RouteMetric::Hops => Metric::Hops,
            RouteMetric::Strength => Metric::Strength,
        },
        filter: edge_filter(&args.filter)?.for_graph(graph),
        through: through(&args.through)?,
        via: args
            .via
            .as_deref()
            .map(|v| resolve("--via", v))
            .transpose()?,
        avoid: args
            .avoid
            .iter()
            .map(|a| resolve("--avoid", a))
            .collect::<anyhow::Result<Vec<NodeIndex>>>()?,
    })
}

fn no_route(from: &Actor, to: &Actor, query: &PathQuery) -> String {
    let unconstrained = EdgeFilter {
        facts: query.filter.facts,
        period: query.filter.period,
        ..EdgeFilter::default()
    };
    let constrained = query.filter != unconstrained
        || query.filter.facts == Facts::None
        || query.through.is_some()
        || query.via.is_some()
        || !query.avoid.is_empty();
    let hint = if constrained {
        " under these constraints; try without --types, --exclude-types, --since, --until, --facts none, --via or --avoid, or with --through all"
    } else {
        ": they lie in parts of the graph that no edge joins"
    };
    format!(
        "actorgraph: no route between {} and {}{hint}",
        from.label, to.label
    )
}

pub fn neighbors(args: &NeighborsArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    let filter = EdgeFilter {
        types: edge_kinds(&args.types)?,
        min_weight: args.min_weight,
        ..EdgeFilter::default()
    };
    // The list shows no evidence; the graph formats carry it.
    let evidence = !matches!(args.format, NeighborsFormat::Text | NeighborsFormat::Json);
    if let Some(index) = open_index(&args.graph.graph) {
        let nodes = index_names(&index, &[&args.actor])?;
        let gazetteer = match &nodes {
            Some(g) => gazetteer_if_needed(g, &[&args.actor], &args.gazetteer, reporter)?,
            None => None,
        };
        let center = match &nodes {
            Some(g) => Resolver::new(g, gazetteer.as_ref()).resolve(&args.actor),
            None => Ok(index.node_by_id(&args.actor).unwrap_or_default()),
        };
        let center = center.context("ACTOR")?;
        let ego = ego_in_index(&index, center, args.depth, &filter, evidence)?;
        write_neighbors(args, &ego)?;
        exit_without_freeing(ego.graph);
        return Ok(ExitCode::SUCCESS);
    }
    let graph = match evidence {
        false => Graph::load_lean(&args.graph.graph)?.0,
        true => Graph::load(&args.graph.graph)?,
    };
    let gazetteer = gazetteer_if_needed(&graph, &[&args.actor], &args.gazetteer, reporter)?;
    let resolver = Resolver::new(&graph, gazetteer.as_ref());
    let center = resolver.resolve(&args.actor).context("ACTOR")?;
    let ego = ego(&graph, center, args.depth, &filter);
    write_neighbors(args, &ego)?;
    exit_without_freeing(ego.graph);
    exit_without_freeing(graph);
    Ok(ExitCode::SUCCESS)
}

/// Writes the neighbours of an ego network in the format asked.
fn write_neighbors(args: &NeighborsArgs, ego: &Ego) -> anyhow::Result<()> {
    let list = ego.neighbors(match args.by {
        NeighborsBy::Association => Order::Association,
        NeighborsBy::Weight => Order::Weight,
    });
    let center = Actor::of(&ego.graph, ego.center);
    let mut out = stdout();
    match args.format {
        NeighborsFormat::Text => output::write_neighbors(&center, args.depth, &list, &mut out)?,
        NeighborsFormat::Json => {
            let answer =
                serde_json::json!({"center": center, "depth": args.depth, "neighbors": list});
            output::write_json(&answer, &mut out)?
        }
        NeighborsFormat::Dot => {
            let emphasis = Emphasis {
                nodes: [ego.center].into(),
                edges: Default::default(),
            };
            output::write_dot(&ego.graph, &emphasis, &mut out)?
        }
        NeighborsFormat::Gexf => export::gexf::Gexf::default().write(&ego.graph, &mut out)?,
        NeighborsFormat::Graphml => {
            export::graphml::Graphml::default().write(&ego.graph, &mut out)?
        }
        NeighborsFormat::Graph => export::json::Json.write(&ego.graph, &mut out)?,
    }
    finish_output(out)?;
    Ok(())
}

pub fn top(args: &TopArgs) -> anyhow::Result<ExitCode> {
    // A ranking reads the index in place, or the graph without evidence.
    if let Some(index) = open_index(&args.graph.graph) {
        return top_of(args, &index);
    }
    let (graph, _) = Graph::load_lean(&args.graph.graph)?;
    let code = top_of(args, &graph);
    exit_without_freeing(graph);
    code
}

fn top_of(args: &TopArgs, graph: &(impl GraphView + ?Sized)) -> anyhow::Result<ExitCode> {
    let by = match args.by {
        RankBy::Degree => Centrality::Degree,
        RankBy::Strength => Centrality::Strength,
        RankBy::Association => Centrality::Association,
        RankBy::Pagerank => Centrality::PageRank,
        RankBy::Betweenness => Centrality::Betweenness,
    };
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<EntityType>)
        .transpose()
        .map_err(|e| anyhow!(e))?;
    let sampling = Sampling {
        exact_limit: args.exact_limit,
        sources: args.samples,
        seed: args.seed,
    };
    let ranking = rank(graph, by, kind, args.n, sampling);
    let mut out = stdout();
    match args.format {
        RankFormat::Text => output::write_ranking(&ranking, &mut out)?,
        RankFormat::Json => output::write_json(&ranking, &mut out)?,
    }
    finish_output(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Leaves a graph for the operating system to reclaim at exit: freeing
/// millions of strings one by one costs a large graph's query about 0.2 s.
fn exit_without_freeing(graph: Graph) {
    std::mem::forget(graph);
}

/// The gazetteer, loaded only when a name is not a node id: ids are what
/// scripts pass, and they should not pay for loading names.
fn gazetteer_if_needed(
    graph: &Graph,
    names: &[&str],
    args: &GazetteerArgs,
    reporter: &mut Reporter,
) -> anyhow::Result<Option<Gazetteer>> {
    if names.iter().all(|n| graph.node_by_id(n).is_some()) {
        return Ok(None);
    }
    load_gazetteer(args, reporter).map(Some)
}

fn edge_filter(args: &EdgeFilterArgs) -> anyhow::Result<EdgeFilter> {
    let date = |flag: &str, value: &Option<String>| -> anyhow::Result<Option<Date>> {
        value
            .as_deref()
            .map(|v| v.parse::<Date>().with_context(|| flag.to_string()))
            .transpose()
    };
    let (since, until) = (date("--since", &args.since)?, date("--until", &args.until)?);
    if let (Some(s), Some(u)) = (since, until)
        && coarse_cmp(s, u) == std::cmp::Ordering::Greater
    {
        bail!("--since {s} is after --until {u}: no date lies between them");
    }
    if args.undated && since.is_none() && until.is_none() {
        bail!("--undated goes with --since or --until: without them every edge is used");
    }
    let facts = match (args.attested, args.facts) {
        (true, FactsArg::AttestedPeriod | FactsArg::None) => Facts::None,
        (true, FactsArg::All) => bail!("--attested is --facts none: it cannot go with --facts all"),
        (false, FactsArg::All) => Facts::All,
        (false, FactsArg::AttestedPeriod) => Facts::AttestedPeriod,
        (false, FactsArg::None) => Facts::None,
    };
    Ok(EdgeFilter {
        types: edge_kinds(&args.types)?,
        exclude: edge_kinds(&args.exclude_types)?,
        since,
        until,
        min_weight: None,
        facts,
        period: None,
        undated: args.undated,
    })
}

fn edge_kinds(names: &[String]) -> anyhow::Result<Vec<EdgeKind>> {
    names
        .iter()
        .filter(|n| !n.is_empty())
        .map(|n| n.trim().parse::<EdgeKind>().map_err(|e| anyhow!(e)))
        .collect()
}
