//! Real clients decide: the `actorgraph export` binary's files, read back by
//! Graphviz, the GEXF 1.3 RELAX NG grammar (xmllint), networkx, igraph,
//! graphology and Python's csv module, and compared with the graph; the HTML
//! viewer, opened from `file://` in headless Chromium (Debian's, driven by
//! playwright-core) and used as a reader would.
//!
//! A test whose client is missing prints that it skipped, and fails when
//! `CI=true`. `.ci/install-clients` installs them all. Python is
//! `$ACTORGRAPH_PYTHON`, else `.venv-clients/bin/python` when it exists, else
//! `python3`; graphology and playwright-core come from
//! `tests/clients/node/node_modules`; Chromium is `/usr/bin/chromium` or
//! `$ACTORGRAPH_CHROMIUM`. The viewer tests leave their screenshots in
//! `target/tmp/viewer/`.

#[path = "clients/fixtures.rs"]
mod fixtures;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use actorgraph::graph::Graph;
use assert_cmd::cargo::cargo_bin;
use predicates::prelude::*;
use tempfile::TempDir;

/// A temporary directory holding a graph file, where the binary exports.
struct Workspace {
    dir: TempDir,
}

impl Workspace {
    fn new(graph: &Graph) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let mut file = std::fs::File::create(dir.path().join("graph.json")).unwrap();
        graph.write_json(&mut file).unwrap();
        Workspace { dir }
    }

    /// The graph `actorgraph build` makes of the seed articles.
    fn seeds() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        assert_cmd::Command::new(cargo_bin!("actorgraph"))
            .current_dir(dir.path())
            .arg("build")
            .arg(&seeds)
            .args(["-q", "-o", "graph.json"])
            .assert()
            .success();
        Workspace { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn graph(&self) -> PathBuf {
        self.path("graph.json")
    }

    /// `actorgraph export graph.json ARGS…` in the workspace.
    fn export(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        assert_cmd::Command::new(cargo_bin!("actorgraph"))
            .current_dir(self.dir.path())
            .arg("export")
            .arg("graph.json")
            .args(args)
            .assert()
    }

    /// Exports to `name` and returns its path.
    fn export_to(&self, format: &str, name: &str, extra: &[&str]) -> PathBuf {
        let mut args = vec!["-f", format, "-o", name];
        args.extend(extra);
        self.export(&args).success();
        self.path(name)
    }
}

/// True when the client can run. Otherwise the test skips, saying so, or
/// fails under `CI=true`.
fn client(name: &str, available: bool) -> bool {
    if available {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "{name} is missing, and CI=true runs every client test (.ci/install-clients installs them)"
        );
    }
    // Written to stderr directly, past the test harness's capture, so the
    // skip shows in every run.
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {name} is not installed (.ci/install-clients installs it)"
    );
    false
}

/// Asserts that xmllint finds `gexf` valid against the GEXF 1.3 RELAX NG grammar.
fn assert_valid_gexf(gexf: &Path, what: &str) {
    let schema = clients_dir().join("gexf-1.3/gexf.rng");
    let out = Command::new("xmllint")
        .args(["--noout", "--relaxng"])
        .arg(&schema)
        .arg(gexf)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("validates"),
        "{what}: {said}"
    );
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn clients_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

fn graphology() -> bool {
    let modules = clients_dir().join("node/node_modules");
    let installed = ["graphology", "graphology-gexf", "graphology-graphml"]
        .iter()
        .all(|m| modules.join(m).exists());
    installed && runs("node", &["--version"])
}

fn python() -> String {
    if let Ok(python) = std::env::var("ACTORGRAPH_PYTHON") {
        return python;
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-clients/bin/python");
    if venv.exists() {
        return venv.display().to_string();
    }
    "python3".into()
}

fn python_with(module: &str) -> bool {
    runs(&python(), &["-c", &format!("import {module}")])
}

/// Runs a checking script and fails the test with its message when it fails.
fn check(program: &str, script: &Path, args: &[&Path]) -> String {
    let out = Command::new(program)
        .arg(script)
        .args(args)
        .current_dir(clients_dir())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} failed:\n{stdout}{stderr}",
        script.display()
    );
    eprintln!("{}", stdout.trim());
    stdout
}

fn check_python(script: &str, args: &[&Path]) -> String {
    check(&python(), &clients_dir().join(script), args)
}

// Graphviz

#[test]
fn graphviz_draws_every_name_and_snippet() {
    if !client("Graphviz", runs("dot", &["-V"])) {
        return;
    }
    let ws = Workspace::new(&fixtures::tricky());
    // Every link, so that every name and snippet is drawn.
    let dot = ws.export_to("dot", "graph.dot", &["--backbone", "off"]);
    let svg = ws.path("by-dot.svg");
    let status = Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .arg("-o")
        .arg(&svg)
        .status()
        .unwrap();
    assert!(status.success(), "Graphviz rejected our DOT");
    check_python("svg_check.py", &[&ws.graph(), &svg]);
    // The binary renders the same drawing itself.
    let ours = ws.export_to("svg", "graph.svg", &["--backbone", "off"]);
    check_python("svg_check.py", &[&ws.graph(), &ours]);
}

#[test]
fn graphviz_renders_a_1000_node_graph() {
    if !client("Graphviz", runs("dot", &["-V"])) {
        return;
    }
    let ws = Workspace::new(&fixtures::generated(1000));
    let dot = ws.export_to(
        "dot",
        "graph.dot",
        &["--max-nodes", "0", "--backbone", "off"],
    );
    let text = std::fs::read_to_string(&dot).unwrap();
    assert!(
        text.contains("layout=sfdp") && text.contains("<b>1,000 actors"),
        "large graphs use sfdp"
    );
    let out = Command::new("dot").arg("-Tsvg").arg(&dot).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8_lossy(&out.stdout);
    assert_eq!(svg.matches("class=\"node\"").count(), 1000);
}

#[test]
fn diagrams_of_large_graphs_show_the_strongest_actors() {
    if !client("Graphviz", runs("dot", &["-V"])) {
        return;
    }
    let ws = Workspace::new(&fixtures::generated(400));
    let png = ws.export_to("png", "graph.png", &[]);
    let bytes = std::fs::read(png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let svg = ws.export_to(
        "svg",
        "graph.svg",
        &[
            "--types",
            "attacks,meets",
            "--max-nodes",
            "40",
            "--backbone",
            "off",
        ],
    );
    let svg = std::fs::read_to_string(svg).unwrap();
    assert_eq!(svg.matches("class=\"node\"").count(), 40);
    assert!(svg.contains("The 40 strongest of 400 actors"));
    // By default the backbone: fewer links, and the caption says which.
    let svg = ws.export_to("svg", "backbone.svg", &[]);
    let svg = std::fs::read_to_string(svg).unwrap();
    let graph = Graph::load(ws.graph().to_str().unwrap()).unwrap();
    let (links, _) = actorgraph::graph::backbone::kept(&graph, 0.3);
    assert!(links < graph.edges().len(), "the backbone leaves links out");
    assert!(
        svg.contains("The backbone at alpha 0.3:"),
        "the caption names the backbone"
    );
}

#[test]
fn missing_graphviz_is_an_error_that_says_how_to_install_it() {
    let ws = Workspace::new(&fixtures::tricky());
    let empty = tempfile::tempdir().unwrap();
    for format in ["svg", "png"] {
        assert_cmd::Command::new(cargo_bin!("actorgraph"))
            .current_dir(ws.dir.path())
            .env("PATH", empty.path())
            .args(["export", "graph.json", "-f", format])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("actorgraph: error: graph."))
            .stderr(predicate::str::contains("apt-get install graphviz"));
        assert!(
            !ws.path(&format!("graph.{format}")).exists(),
            "no file is left"
        );
    }
    let names: Vec<_> = std::fs::read_dir(ws.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["graph.json"], "no temporary file is left either");
}

#[test]
fn the_seeds_graph_opens_in_every_client_with_nothing_lost() {
    let clients = [
        client("Graphviz", runs("dot", &["-V"])),
        client("xmllint", runs("xmllint", &["--version"])),
        client(
            "networkx and igraph (Python)",
            python_with("networkx, igraph"),
        ),
    ];
    if clients.contains(&false) {
        return;
    }
    let ws = Workspace::seeds();
    let dot = ws.export_to("dot", "graph.dot", &[]);
    let out = Command::new("dot").arg("-Tsvg").arg(&dot).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The default diagram is the backbone at 0.3; with it off, every actor.
    let svg = ws.export_to("svg", "graph.svg", &[]);
    check_python("svg_check.py", &[&ws.graph(), &svg, Path::new("0.3")]);
    let every = ws.export_to("svg", "every.svg", &["--backbone", "off"]);
    check_python("svg_check.py", &[&ws.graph(), &every]);
    let gexf = ws.export_to("gexf", "graph.gexf", &[]);
    assert_valid_gexf(&gexf, "the seeds' graph");
    let graphml = ws.export_to("graphml", "graph.graphml", &[]);
    // networkx refuses mixed graphs: it reads the --undirected files.
    let flat_gexf = ws.export_to("gexf", "flat.gexf", &["--undirected"]);
    assert_valid_gexf(&flat_gexf, "the seeds' graph, undirected");
    let flat_graphml = ws.export_to("graphml", "flat.graphml", &["--undirected"]);
    for (format, file) in [
        ("json", ws.graph()),
        ("gexf", flat_gexf),
        ("graphml", flat_graphml),
    ] {
        check_python(
            "networkx_check.py",
            &[&ws.graph(), Path::new(format), &file],
        );
    }
    check_python("igraph_check.py", &[&ws.graph(), &graphml]);
    let script = clients_dir().join("node/check.js");
    for format in ["gexf", "graphml"] {
        let file = ws.path(&format!("graph.{format}"));
        check("node", &script, &[&ws.graph(), Path::new(format), &file]);
    }
    ws.export(&["-f", "csv", "-o", "tables"]).success();
    check_python("csv_check.py", &[&ws.graph(), &ws.path("tables")]);
}

// GEXF

/// NPMI, association strength, Jaccard and G², and the backbone's alpha,
/// recomputed by scipy and networkx from the counts graph.json keeps, on the
/// seeds and on the annotated documents (Reuters stories among them).
#[test]
fn association_measures_agree_with_scipy_and_networkx() {
    if !client(
        "networkx and scipy (Python)",
        python_with("networkx, scipy"),
    ) {
        return;
    }
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mentions/docs.jsonl");
    for (name, extra) in [("seeds", None), ("annotated documents", Some(&docs))] {
        let ws = match extra {
            None => Workspace::seeds(),
            Some(input) => {
                let dir = tempfile::tempdir().unwrap();
                assert_cmd::Command::new(cargo_bin!("actorgraph"))
                    .current_dir(dir.path())
                    .arg("build")
                    .arg(input)
                    .args(["-q", "-o", "graph.json", "--min-count", "1.5"])
                    .assert()
                    .success();
                Workspace { dir }
            }
        };
        let said = check_python("association_check.py", &[&ws.graph()]);
        let checked: usize = said
            .split_whitespace()
            .nth(8)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(
            checked >= 20,
            "{name}: only {checked} co-mentions checked: {said}"
        );
    }
}

#[test]
fn gexf_validates_against_the_relax_ng_grammar() {
    if !client("xmllint", runs("xmllint", &["--version"])) {
        return;
    }
    for (name, graph) in [
        ("tricky", fixtures::tricky()),
        ("undated", fixtures::undated()),
        ("generated", fixtures::generated(300)),
    ] {
        let ws = Workspace::new(&graph);
        let gexf = ws.export_to("gexf", "graph.gexf", &[]);
        assert_valid_gexf(&gexf, name);
    }
}

// networkx, igraph, graphology

#[test]
fn networkx_reads_json_gexf_and_graphml_as_the_graph() {
    if !client("networkx (Python)", python_with("networkx")) {
        return;
    }
    let ws = Workspace::new(&fixtures::tricky());
    for (format, name, extra) in [
        ("json", "out.json", &[][..]),
        ("gexf", "graph.gexf", &["--undirected"][..]),
        ("graphml", "graph.graphml", &["--undirected"][..]),
    ] {
        let file = ws.export_to(format, name, extra);
        let format = Path::new(format);
        let said = check_python("networkx_check.py", &[&ws.graph(), format, &file]);
        assert!(said.contains("11 nodes, 8 edges"), "{said}");
    }
}

#[test]
fn networkx_refuses_mixed_graphs_which_the_help_says() {
    // The default gexf and graphml mix directed and undirected edges, which
    // Gephi, yEd and graphology read, and networkx refuses: if networkx ever
    // reads them, --undirected and its help can go.
    if !client("networkx (Python)", python_with("networkx")) {
        return;
    }
    let ws = Workspace::new(&fixtures::tricky());
    for (format, reader) in [("gexf", "read_gexf"), ("graphml", "read_graphml")] {
        let file = ws.export_to(format, &format!("graph.{format}"), &[]);
        let out = Command::new(python())
            .args([
                "-c",
                &format!("import sys, networkx; networkx.{reader}(sys.argv[1])"),
            ])
            .arg(&file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains("irected"),
            "{format}: {err}"
        );
    }
}

#[test]
fn igraph_reads_the_graphml() {
    if !client("igraph (Python)", python_with("igraph")) {
        return;
    }
    let ws = Workspace::new(&fixtures::tricky());
    let graphml = ws.export_to("graphml", "graph.graphml", &[]);
    let said = check_python("igraph_check.py", &[&ws.graph(), &graphml]);
    assert!(said.contains("11 nodes, 8 edges"), "{said}");
}

#[test]
fn graphology_parses_gexf_and_graphml() {
    if !client("graphology (npm ci in tests/clients/node)", graphology()) {
        return;
    }
    let ws = Workspace::new(&fixtures::tricky());
    for format in ["gexf", "graphml"] {
        let file = ws.export_to(format, &format!("graph.{format}"), &[]);
        let script = clients_dir().join("node/check.js");
        let said = check("node", &script, &[&ws.graph(), Path::new(format), &file]);
        assert!(said.contains("11 nodes, 8 edges"), "{said}");
    }
}

// CSV

#[test]
fn csv_reads_back_as_the_graph() {
    if !client("Python", runs(&python(), &["--version"])) {
        return;
    }
    let ws = Workspace::new(&fixtures::tricky());
    ws.export(&["-f", "csv", "-o", "tables"]).success();
    let said = check_python("csv_check.py", &[&ws.graph(), &ws.path("tables")]);
    assert!(said.contains("11 nodes, 8 edges"), "{said}");
}

// The command line

#[test]
fn output_goes_beside_the_graph_or_where_o_says() {
    let ws = Workspace::new(&fixtures::tricky());
    ws.export(&["-f", "gexf"])
        .success()
        .stderr(predicate::str::contains("wrote graph.gexf"));
    assert!(ws.path("graph.gexf").exists());
    ws.export(&["-q", "-f", "csv"]).success().stderr("");
    assert!(ws.path("nodes.csv").exists() && ws.path("edges.csv").exists());
    ws.export(&["-f", "graphml", "-o", "-"])
        .success()
        .stdout(predicate::str::starts_with("<?xml").and(predicate::str::contains("<graphml")));
    let dot = ws.export(&["-f", "dot", "-o", "-"]).success();
    let text = String::from_utf8(dot.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("digraph actors {"));
}

#[test]
fn bad_requests_fail_with_a_message_and_exit_2() {
    let ws = Workspace::new(&fixtures::tricky());
    ws.export(&["-f", "png", "-o", "-"])
        .code(2)
        .stderr(predicate::str::contains("png is binary"));
    ws.export(&["-f", "csv", "-o", "-"])
        .code(2)
        .stderr(predicate::str::contains("give their directory with -o DIR"));
    ws.export(&["-f", "json"])
        .code(2)
        .stderr(predicate::str::contains("graph.json is already json"));
    // A missing output directory is created, as build --out-dir does.
    ws.export(&["-f", "gexf", "-o", "missing/dir/graph.gexf"])
        .success();
    assert!(ws.dir.path().join("missing/dir/graph.gexf").is_file());
    assert_cmd::Command::new(cargo_bin!("actorgraph"))
        .args(["export", "nowhere.json", "-f", "dot"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("actorgraph: error: nowhere.json:"));
}

#[test]
fn json_export_is_the_graph_file() {
    let ws = Workspace::new(&fixtures::tricky());
    let out = ws.export_to("json", "copy.json", &[]);
    assert_eq!(
        std::fs::read(out).unwrap(),
        std::fs::read(ws.graph()).unwrap()
    );
}

// The HTML viewer, in headless Chromium

#[path = "../benches/common/query_graph.rs"]
mod query_graph;

/// Debian's Chromium (`apt-get install chromium`), or `$ACTORGRAPH_CHROMIUM`.
fn chromium_path() -> PathBuf {
    std::env::var_os("ACTORGRAPH_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Chromium, and playwright-core to drive it, from `tests/clients/node`.
fn chromium() -> bool {
    let driver = clients_dir().join("node/node_modules/playwright-core");
    chromium_path().exists() && driver.exists() && runs("node", &["--version"])
}

/// Where the viewer tests leave their screenshots, to be looked at.
fn screenshot(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("viewer");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{name}.png"))
}

/// Runs `viewer_check.js` with a plan (see the script) and returns what it
/// printed; fails the test with its message when a check fails.
fn check_viewer(dir: &Path, plan: serde_json::Value) -> String {
    let file = dir.join("plan.json");
    std::fs::write(&file, plan.to_string()).unwrap();
    let said = check(
        "node",
        &clients_dir().join("node/viewer_check.js"),
        &[&file],
    );
    assert!(said.lines().any(|l| l == "ok"), "{said}");
    said
}

/// The ids along the route `actorgraph path` finds by default.
fn path_ids(ws: &Workspace, from: &str, to: &str) -> Vec<String> {
    let out = assert_cmd::Command::new(cargo_bin!("actorgraph"))
        .current_dir(ws.dir.path())
        .args(["path", "graph.json", from, to, "--format", "json"])
        .assert()
        .success();
    let answer: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let steps = answer["paths"][0]["steps"].as_array().unwrap();
    let mut ids = vec![steps[0]["from"]["id"].as_str().unwrap().to_string()];
    ids.extend(
        steps
            .iter()
            .map(|s| s["to"]["id"].as_str().unwrap().to_string()),
    );
    ids
}

#[test]
fn viewer_opens_the_seeds_offline_and_shows_the_evidence() {
    if !client("Chromium and playwright-core", chromium()) {
        return;
    }
    let ws = Workspace::seeds();
    let page = ws.export_to("html", "graph.html", &[]);
    let graph = Graph::load(ws.graph().to_str().unwrap()).unwrap();
    let route = path_ids(&ws, "qasim-al-araji", "ahmed-al-sharaa");
    assert!(route.len() > 2, "a route of more than one hop: {route:?}");
    let shot = screenshot("seeds");
    let said = check_viewer(
        ws.dir.path(),
        serde_json::json!({
            "page": page,
            "screenshot": shot,
            "actors": graph.nodes().len(),
            "links": graph.edges().len(),
            "search": [
                {"text": "Jolani", "id": "ahmed-al-sharaa"},
                {"text": "ERDOGAN", "id": "recep-tayyip-erdogan"},
                {"text": "TURKIYE", "id": "turkiye"},
            ],
            "route": {"from": "Qasim al-Araji", "to": "al-Sharaa", "ids": route},
            "click_link": true,
            "date_slider": true,
            "pan": true,
            "attributes": true,
            "communities": true,
        }),
    );
    eprintln!("screenshots: {}", shot.display());
    assert!(said.contains("measure date_slider_hidden_links"), "{said}");
}

#[test]
fn viewer_shows_hostile_names_as_text_and_runs_none() {
    if !client("Chromium and playwright-core", chromium()) {
        return;
    }
    for (name, graph) in [
        ("hostile", fixtures::hostile()),
        ("tricky", fixtures::tricky()),
    ] {
        let ws = Workspace::new(&graph);
        let page = ws.export_to("html", "graph.html", &[]);
        check_viewer(
            ws.dir.path(),
            serde_json::json!({
                "page": page,
                "screenshot": screenshot(name),
                "actors": graph.nodes().len(),
                "links": graph.edges().len(),
                "hostile": true,
            }),
        );
    }
}

/// The graph of the query benchmark (100k actors, 1M links), cut by the
/// viewer's default selection to 5,000 actors and at most 50,000 links.
#[test]
fn viewer_opens_the_strongest_5000_actors_of_a_million_links() {
    if !client("Chromium and playwright-core", chromium()) {
        return;
    }
    let started = std::time::Instant::now();
    let graph = query_graph::generate();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("graph.html");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&page).unwrap());
    use actorgraph::export::Exporter;
    actorgraph::export::html::Html::default()
        .write(&graph, &mut file)
        .unwrap();
    file.flush().unwrap();
    drop(file);
    eprintln!(
        "generated and exported in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let shown = actorgraph::export::Selection::viewer().apply(&graph);
    assert_eq!(shown.nodes().len(), 5000);
    assert!(shown.edges().len() <= 50_000);
    let said = check_viewer(
        dir.path(),
        serde_json::json!({
            "page": page,
            "screenshot": screenshot("big"),
            "actors": shown.nodes().len(),
            "links": shown.edges().len(),
            "search": [{"text": "ACTOR 7", "id": "actor-000007"}],
            "date_slider": true,
            "pan": true,
        }),
    );
    let size = std::fs::metadata(&page).unwrap().len();
    assert!(size < 30_000_000, "the page weighs {size} bytes");
    assert!(said.contains("measure pan_fps"), "{said}");
}

// Parquet and Neo4j

/// The hops of the fewest-hops route `actorgraph path` finds between two
/// actors of the Reuters slice's graph, every link and actor allowed.
fn path_hops(graph: &Path, from: &str, to: &str) -> usize {
    let out = assert_cmd::Command::new(cargo_bin!("actorgraph"))
        .args(["path"])
        .arg(graph)
        .args([
            from,
            to,
            "--by",
            "hops",
            "--through",
            "all",
            "--facts",
            "all",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hops = v["paths"][0]["hops"].as_u64().map(|h| h as usize);
    hops.unwrap_or_else(|| panic!("no route in {v}"))
}

/// The graph of the Reuters slice, exported as Parquet and for Neo4j.
fn reuters_tables() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/reuters-first-2000.jsonl");
    let graph = dir.path().join("graph.json");
    assert_cmd::Command::new(cargo_bin!("actorgraph"))
        .arg("build")
        .arg(&corpus)
        .args(["-q", "-o"])
        .arg(&graph)
        .assert()
        .success();
    for (format, to) in [("parquet", "parquet"), ("neo4j", "neo4j")] {
        assert_cmd::Command::new(cargo_bin!("actorgraph"))
            .arg("export")
            .arg(&graph)
            .args(["-f", format, "-o"])
            .arg(dir.path().join(to))
            .assert()
            .success();
    }
    (dir, graph)
}

#[test]
fn duckdb_reads_the_parquet_tables_as_the_graph() {
    if !client("DuckDB (Python)", python_with("duckdb")) {
        return;
    }
    let (dir, graph) = reuters_tables();
    let hops = path_hops(&graph, "iraq", "kaya-erdem").to_string();
    let said = check_python(
        "parquet_check.py",
        &[
            &graph,
            &dir.path().join("parquet"),
            Path::new("iraq"),
            Path::new("kaya-erdem"),
            Path::new(&hops),
        ],
    );
    assert!(said.contains("hops"), "{said}");
}

#[test]
fn a_graph_database_loads_the_parquet_and_neo4j_files() {
    let found = python_with("real_ladybug") || python_with("kuzu");
    if !client("LadybugDB or Kùzu (Python)", found) {
        return;
    }
    let (dir, graph) = reuters_tables();
    let hops = path_hops(&graph, "iraq", "kaya-erdem").to_string();
    let said = check_python(
        "graphdb_check.py",
        &[
            &graph,
            &dir.path().join("parquet"),
            &dir.path().join("neo4j"),
            Path::new("iraq"),
            Path::new("kaya-erdem"),
            Path::new(&hops),
        ],
    );
    assert!(said.contains("links from Parquet"), "{said}");
}

// Spark

#[test]
fn spark_job_builds_the_graph_of_a_single_build() {
    let java = runs("java", &["-version"]);
    if !client("Java (openjdk-17-jre-headless)", java) || !client("PySpark", python_with("pyspark"))
    {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("tests/data/reuters-first-2000.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let single = dir.path().join("single.json");
    assert_cmd::Command::new(cargo_bin!("actorgraph"))
        .arg("build")
        .arg(&corpus)
        .args(["-q", "--input-name", "reuters-first-2000.jsonl", "-o"])
        .arg(&single)
        .assert()
        .success();
    let out = dir.path().join("spark");
    let run = Command::new(python())
        .arg(root.join("examples/spark/actorgraph_spark.py"))
        .args(["--master", "local[2]", "--partitions", "4", "--binary"])
        .arg(cargo_bin!("actorgraph"))
        .arg("--corpus")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "the Spark job failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let parts = std::fs::read_dir(out.join("parts")).unwrap().count();
    assert!(parts >= 4, "{parts} partitions");
    assert!(
        std::fs::read(&single).unwrap() == std::fs::read(out.join("graph.json")).unwrap(),
        "the Spark job's graph differs from a single build"
    );
    for table in ["nodes", "edges", "evidence"] {
        assert!(
            out.join(format!("{table}.parquet")).exists(),
            "{table}.parquet"
        );
    }
}
