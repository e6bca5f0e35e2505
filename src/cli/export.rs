//! `actorgraph export`: its options and help.

use actorgraph::export::{Directions, Format, Selection};
use actorgraph::graph::EdgeKind;
use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};

pub const EXAMPLES: &str = "\
Examples:
  actorgraph export out/graph.json -f svg                  diagram of the backbone's 150 strongest actors: out/graph.svg
  actorgraph export out/graph.json -f png --backbone 0.05  only the most significant links
  actorgraph export out/graph.json -f svg --backbone off   every link, hubs and all
  actorgraph export out/graph.json -f png -o net.png --max-nodes 40 --types meets,attacks
  actorgraph export out/graph.json -f html                 out/graph.html: open it in a browser, works offline
  actorgraph export out/graph.json -f gexf -o graph.gexf   open in Gephi (File > Open)
  actorgraph export out/graph.json -f csv -o tables/       tables/nodes.csv, tables/edges.csv
  actorgraph export out/graph.json -f parquet -o tables/   nodes, edges and evidence .parquet (Spark, DuckDB, Kùzu)
  actorgraph export out/graph.json -f neo4j -o import/     CSV files for neo4j-admin database import full
  actorgraph export out/graph.json -f dot -o - | dot -Tpdf -o graph.pdf";

/// Options of `actorgraph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The graph file written by `build` (node-link JSON); `-` is standard input. GRAPH.idx beside it, the
    /// index `build` writes, is read instead of the JSON while it matches it.
    #[arg(value_name = "GRAPH")]
    pub graph: String,

    /// Output format: dot, svg and png draw a diagram (svg and png need
    /// Graphviz); html is one self-contained page to explore the graph in a
    /// browser (search, filters, every link's evidence; nothing is fetched);
    /// json, gexf (Gephi), graphml (yEd, igraph), csv (Gephi's
    /// spreadsheet import), parquet (nodes.parquet, edges.parquet and
    /// evidence.parquet, for Spark, DuckDB and embedded graph databases) and
    /// neo4j (neo4j-nodes.csv and neo4j-relationships.csv, for
    /// `neo4j-admin database import full neo4j --nodes=neo4j-nodes.csv
    /// --relationships=neo4j-relationships.csv --array-delimiter=U+001F
    /// --multiline-fields=true`) hold the whole graph; index writes
    /// GRAPH.idx beside GRAPH, the binary index that queries load instead of
    /// the JSON (`build` writes it itself; this is for a graph file from
    /// elsewhere).
    #[arg(short = 'f', long, value_name = "FORMAT", value_parser = format_parser())]
    pub format: Format,

    /// Where to write: a file, or `-` for standard output (not for png); for
    /// csv, parquet and neo4j, a directory that receives their files. By
    /// default the output goes beside GRAPH: graph.svg, graph.gexf, …, or
    /// nodes.csv and edges.csv, … (standard output when GRAPH is `-`).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<String>,

    /// Keep only the backbone: the links whose significance alpha (the
    /// disparity filter's, in the graph file) is at most ALPHA, between 0
    /// and 1 (smaller keeps fewer), and the actors they link. Diagrams (dot,
    /// svg, png) show the backbone at 0.3 unless told otherwise, so that the
    /// actors every article names do not drown the rest; `off` keeps every
    /// link. The other formats keep every link unless told.
    #[arg(long, value_name = "ALPHA", value_parser = backbone_parser)]
    pub backbone: Option<Backbone>,

    /// Keep the N strongest actors (by the total weight of their links); 0
    /// keeps all. Diagrams show 150 unless told otherwise, html 5000; the
    /// other formats keep every actor unless told.
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,

    /// Keep at most N links between the kept actors, the heaviest; 0 keeps
    /// all. html keeps 50000 unless told otherwise; the other formats keep
    /// every link unless told.
    #[arg(long, value_name = "N")]
    pub max_edges: Option<usize>,

    /// Leave out links lighter than W (weight counts the sentences that attest
    /// a link), and the actors left without links.
    #[arg(long, value_name = "W")]
    pub min_weight: Option<f64>,

    /// Keep only links of these types, comma-separated (co_mention, meets,
    /// communicates, supports, opposes, attacks, leads, member_of, located_in,
    /// holds_office, allied_with), and the actors they link.
    #[arg(long, value_name = "TYPES", value_delimiter = ',')]
    pub types: Vec<EdgeKind>,

    /// gexf, graphml: write every link as an undirected edge, its direction
    /// in the directed, from and to attributes only. By default a directed
    /// link (attacks, leads, ...) is a directed edge among undirected ones,
    /// which Gephi, yEd and graphology draw with an arrow; networkx's
    /// read_gexf and read_graphml refuse such mixed graphs, so use this for
    /// them (or read graph.json with networkx directly).
    #[arg(long)]
    pub undirected: bool,
}

impl ExportArgs {
    /// How gexf and graphml write directed links.
    pub fn directions(&self) -> Directions {
        if self.undirected {
            Directions::Undirected
        } else {
            Directions::Mixed
        }
    }

    /// The part of the graph to export: the format's
    /// [`Format::default_selection`] (for diagrams, the strongest
    /// [`Selection::DIAGRAM_NODES`] actors), as the options change it.
    pub fn selection(&self) -> Selection {
        let default = self.format.default_selection();
        let limit = |given: Option<usize>, default: Option<usize>| match given {
            Some(0) => None,
            Some(n) => Some(n),
            None => default,
        };
        Selection {
            backbone: match self.backbone {
                Some(Backbone(alpha)) => alpha,
                None => default.backbone,
            },
            max_nodes: limit(self.max_nodes, default.max_nodes),
            max_edges: limit(self.max_edges, default.max_edges),
            min_weight: self.min_weight.unwrap_or(default.min_weight),
            types: (!self.types.is_empty()).then(|| self.types.clone()),
        }
    }
}

/// `--backbone`: a significance level, or `off` (`None`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backbone(pub Option<f64>);

fn backbone_parser(value: &str) -> Result<Backbone, String> {
    if value == "off" {
        return Ok(Backbone(None));
    }
    match value.parse::<f64>() {
        Ok(a) if a > 0.0 && a <= 1.0 => Ok(Backbone(Some(a))),
        _ => Err(format!(
            "expected a significance above 0 and at most 1 (0.05, 0.3), or off; not '{value}'"
        )),
    }
}

pub(crate) fn format_parser() -> impl TypedValueParser<Value = Format> {
    let names: Vec<&'static str> = Format::ALL.iter().map(|f| f.as_str()).collect();
    PossibleValuesParser::new(names).map(|name| name.parse::<Format>().expect("a listed format"))
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;
    use crate::cli::{Cli, Command};

    fn parse(args: &[&str]) -> ExportArgs {
        let argv = ["actorgraph", "export"].iter().chain(args);
        match Cli::try_parse_from(argv).unwrap().command {
            Command::Export(args) => args,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn diagrams_default_to_the_strongest_actors() {
        let svg = parse(&["g.json", "-f", "svg"]).selection();
        assert_eq!(svg, Selection::diagram());
        let gexf = parse(&["g.json", "-f", "gexf"]).selection();
        assert_eq!(gexf, Selection::all());
        let all = parse(&["g.json", "-f", "png", "--max-nodes", "0"]).selection();
        assert_eq!(all.max_nodes, None);
        let some = parse(&[
            "g.json",
            "-f",
            "csv",
            "--types",
            "meets,attacks",
            "--min-weight",
            "2",
        ]);
        let some = some.selection();
        assert_eq!(some.types, Some(vec![EdgeKind::Meets, EdgeKind::Attacks]));
        assert_eq!((some.min_weight, some.max_nodes), (2.0, None));
        let html = parse(&["g.json", "-f", "html"]).selection();
        assert_eq!(html, Selection::viewer());
        let html = parse(&[
            "g.json",
            "-f",
            "html",
            "--max-edges",
            "0",
            "--max-nodes",
            "9",
        ]);
        let html = html.selection();
        assert_eq!((html.max_nodes, html.max_edges), (Some(9), None));
    }

    #[test]
    fn help_states_the_default_diagram_size() {
        let mut cli = Cli::command();
        let help = cli
            .find_subcommand_mut("export")
            .unwrap()
            .render_long_help()
            .to_string();
        let default = format!("Diagrams show {} unless", Selection::DIAGRAM_NODES);
        assert!(help.contains(&default), "{help}");
        assert!(help.contains("Examples:"));
    }
}
