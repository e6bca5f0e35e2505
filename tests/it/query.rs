//! The query subcommands (`path`, `neighbors`, `top`) run as a user runs them:
//! the real binary on graph files written by the library.

use std::path::{Path, PathBuf};

use actorgraph::gazetteer::EntityType;
use actorgraph::graph::{Edge, EdgeKind, Evidence, Graph, Header, Node, SurfaceForm};
use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn actorgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

fn node(id: &str, label: &str, kind: EntityType) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        kind,
        mentions: 1,
        docs: 1,
        scopes: 1,
        first: None,
        last: None,
        aliases: vec![SurfaceForm {
            text: label.into(),
            count: 1,
        }],
    }
}

fn edge(s: u32, t: u32, kind: EdgeKind, weight: f64, date: &str, doc: &str, snippet: &str) -> Edge {
    Edge {
        first: date.parse().ok(),
        last: date.parse().ok(),
        evidence: vec![Evidence {
            doc: doc.into(),
            sentence: Some(0),
            start: None,
            end: None,
            snippet: snippet.into(),
        }],
        ..Edge::new(s, t, kind, weight)
    }
}

/// Actors of the seeds, linked the way their articles link them.
fn fixture() -> Graph {
    use EdgeKind::*;
    use EntityType::*;
    let mut nodes = vec![
        node("ahmed-al-sharaa", "Ahmed al-Sharaa", Person), // 0
        node("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", Person), // 1
        node("turkiye", "Türkiye", Place),                  // 2
        node("syria", "Syria", Place),                      // 3
        node(
            "mohammed-shia-al-sudani",
            "Mohammed Shia' al-Sudani",
            Person,
        ), // 4
        node("ali-al-sudani", "Ali al-Sudani", Person),     // 5
        node("iraq", "Iraq", Place),                        // 6
        node("vladimir-putin", "Vladimir Putin", Person),   // 7
        node("quote", "The \"Quoted\" <Group> & Co\\", Group), // 8
    ];
    // The corpus also wrote "al-Sudani" for Ali al-Sudani: the name is ambiguous.
    nodes[5].aliases.push(SurfaceForm {
        text: "al-Sudani".into(),
        count: 1,
    });
    let edges = vec![
        edge(
            0,
            3,
            CoMention,
            2.0,
            "2025-01-29",
            "002",
            "Ahmed al-Sharaa was declared president of Syria.",
        ),
        edge(
            1,
            0,
            Meets,
            1.0,
            "2025-02-04",
            "004",
            "Erdogan received al-Sharaa in Ankara.",
        ),
        edge(
            1,
            2,
            CoMention,
            3.0,
            "2024-12-10",
            "001",
            "Türkiye's Erdogan spoke.",
        ),
        edge(
            2,
            3,
            CoMention,
            4.0,
            "2024-12-10",
            "001",
            "Türkiye stands by Syria.",
        ),
        edge(
            4,
            6,
            CoMention,
            5.0,
            "2024-12-01",
            "000",
            "Iraq's al-Sudani warned.",
        ),
        edge(
            6,
            3,
            CoMention,
            2.0,
            "2024-12-02",
            "000",
            "Iraq and Syria share a border.",
        ),
        edge(
            4,
            7,
            Communicates,
            1.0,
            "2024-12-05",
            "003",
            "Al-Sudani spoke with Putin by phone.",
        ),
        edge(
            7,
            3,
            CoMention,
            1.0,
            "2024-12-08",
            "003",
            "Putin received Syria's former ruler.",
        ),
        edge(
            5,
            6,
            CoMention,
            1.0,
            "2024-12-01",
            "005",
            "Ali al-Sudani of Iraq.",
        ),
        edge(
            8,
            3,
            CoMention,
            1.0,
            "2024-12-01",
            "006",
            "A \"quoted\"\nline \\ with <tags> & 🕊 الشرع",
        ),
    ];
    Graph::new(Header::default(), nodes, edges)
}

fn write_graph(dir: &Path, name: &str, graph: &Graph) -> PathBuf {
    let path = dir.join(name);
    let mut file = std::fs::File::create(&path).unwrap();
    graph.write_json(&mut file).unwrap();
    path
}

fn with_fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_graph(dir.path(), "graph.json", &fixture());
    (dir, path)
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn route_ids(route: &Value) -> Vec<String> {
    let steps = route["steps"].as_array().unwrap();
    let mut ids = vec![steps[0]["from"]["id"].as_str().unwrap().to_string()];
    ids.extend(
        steps
            .iter()
            .map(|s| s["to"]["id"].as_str().unwrap().to_string()),
    );
    ids
}

#[test]
fn path_explains_every_hop_with_its_evidence() {
    let (_dir, g) = with_fixture();
    actorgraph()
        .args(["path"])
        .arg(&g)
        .args(["al-Sudani Mohammed Shia", "Putin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no actor called"));
    // Only countries join them: no route by default, and the command that
    // shows the route through them.
    actorgraph()
        .arg("path")
        .arg(&g)
        .args(["Mohammed Shia al-Sudani", "Erdogan"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "no route between Mohammed Shia' al-Sudani and Recep Tayyip Erdoğan through people and groups; one passes through Syria (4 hops):",
        ))
        .stderr(predicate::str::contains(
            "graph.json 'Mohammed Shia al-Sudani' Erdogan --through all\n",
        ));
    actorgraph()
        .arg("path")
        .arg(&g)
        .args([
            "Mohammed Shia al-Sudani",
            "Erdogan",
            "--through",
            "all",
            "--by",
            "hops",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Route 1 of 1: 4 hops"))
        .stdout(predicate::str::contains(
            "Mohammed Shia' al-Sudani (person) —co_mention— Iraq (place)",
        ))
        .stdout(predicate::str::contains("Recep Tayyip Erdoğan (person)"))
        .stdout(predicate::str::contains(
            "[000] \"Iraq's al-Sudani warned.\"",
        ))
        .stdout(predicate::str::contains(
            "[001] \"Türkiye's Erdogan spoke.\"",
        ));
}

#[test]
fn path_json_carries_the_same_answer() {
    let (_dir, g) = with_fixture();
    let v = json_of(actorgraph().arg("path").arg(&g).args([
        "ahmed-al-sharaa",
        "turkiye",
        "--format",
        "json",
        "--by",
        "hops",
        "--through",
        "all",
    ]));
    assert_eq!(v["from"]["id"], "ahmed-al-sharaa");
    assert_eq!(v["by"], "hops");
    let route = &v["paths"][0];
    // Two 2-hop routes; the heavier (via Syria, 2 + 4) beats via Erdoğan (1 + 3).
    assert_eq!(route_ids(route), ["ahmed-al-sharaa", "syria", "turkiye"]);
    assert_eq!(route["weight"], 6.0);
    for step in route["steps"].as_array().unwrap() {
        assert!(step["evidence"]["doc"].is_string(), "{step}");
        assert!(step["evidence"]["snippet"].is_string(), "{step}");
    }
    let v = json_of(actorgraph().arg("path").arg(&g).args([
        "recep-tayyip-erdogan",
        "ahmed-al-sharaa",
        "--format",
        "json",
    ]));
    let step = &v["paths"][0]["steps"][0];
    assert_eq!(
        (step["type"].as_str(), step["direction"].as_str()),
        (Some("meets"), Some("undirected"))
    );
    // By default, through people and groups, by specificity: Türkiye is an
    // end, so the route runs through Erdoğan, whom a meeting links to
    // al-Sharaa; every hop says how specific it is.
    let v = json_of(actorgraph().arg("path").arg(&g).args([
        "ahmed-al-sharaa",
        "turkiye",
        "--format",
        "json",
    ]));
    assert_eq!(v["by"], "specificity");
    let route = &v["paths"][0];
    assert_eq!(
        route_ids(route),
        ["ahmed-al-sharaa", "recep-tayyip-erdogan", "turkiye"]
    );
    let steps = route["steps"].as_array().unwrap();
    // No counts in this file: a stated relation is 1/2, a co-mention 0.
    assert_eq!(steps[0]["specificity"], 0.5);
    assert_eq!(steps[1]["specificity"], 0.0);
    assert_eq!(route["score"], 1.5 + 2.0);
}

#[test]
fn names_resolve_through_the_extraction_normalization() {
    let (_dir, g) = with_fixture();
    let from_of = |name: &str| {
        let v = json_of(actorgraph().arg("path").arg(&g).args([
            name,
            "iraq",
            "--format",
            "json",
            "--through",
            "all",
        ]));
        v["from"]["id"].as_str().unwrap().to_string()
    };
    // "Jolani" and "al-Julani" come from the builtin gazetteer's aliases and
    // their variants; the graph itself only knows "Ahmed al-Sharaa".
    for name in [
        "Jolani",
        "al-Julani",
        "Sharaa",
        "AHMED AL SHARAA",
        "Ahmad al-Sharaa",
    ] {
        assert_eq!(from_of(name), "ahmed-al-sharaa", "{name}");
    }
    assert_eq!(from_of("turkiye"), "turkiye");
    assert_eq!(from_of("Erdogan"), "recep-tayyip-erdogan");
}

#[test]
fn bad_names_are_errors_that_help() {
    let (_dir, g) = with_fixture();
    actorgraph()
        .arg("path")
        .arg(&g)
        .args(["Erdgan", "Putin"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "actorgraph: error: FROM: no actor called 'Erdgan'",
        ))
        .stderr(predicate::str::contains(
            "did you mean: Erdogan (Recep Tayyip Erdoğan",
        ));
    actorgraph()
        .arg("path")
        .arg(&g)
        .args(["al-Sudani", "Putin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'al-Sudani' may be any of: Ali al-Sudani (ali-al-sudani, person), Mohammed Shia' al-Sudani (mohammed-shia-al-sudani, person)"));
    actorgraph()
        .arg("path")
        .arg(&g)
        .args(["Putin", "Bashar al-Assad"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "in the gazetteer, but not an actor of this graph",
        ));
    actorgraph()
        .arg("path")
        .arg(&g)
        .args(["Putin", "Iraq", "--types", "meet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown edge type 'meet'"));
}

#[test]
fn no_route_is_an_answer_with_exit_1() {
    let (_dir, g) = with_fixture();
    actorgraph()
        .arg("path")
        .arg(&g)
        .args(["Putin", "turkiye", "--types", "communicates"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "no route between Vladimir Putin and Türkiye under these constraints",
        ));
    let out = actorgraph()
        .arg("path")
        .arg(&g)
        .args(["Putin", "turkiye", "--since", "2026", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paths"].as_array().unwrap().len(), 0);
}

#[test]
fn k_routes_filters_via_and_avoid() {
    let (_dir, g) = with_fixture();
    let routes = |extra: &[&str]| -> Vec<Vec<String>> {
        let mut cmd = actorgraph();
        cmd.arg("path").arg(&g).args([
            "vladimir-putin",
            "turkiye",
            "--format",
            "json",
            "--through",
            "all",
        ]);
        if !extra.contains(&"--by") {
            cmd.args(["--by", "hops"]);
        }
        let out = cmd.args(extra).output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(route_ids)
            .collect()
    };
    let all = routes(&["--k", "10"]);
    assert_eq!(all[0], ["vladimir-putin", "syria", "turkiye"]);
    assert_eq!(all.len(), 4);
    let mut distinct = all.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), all.len());
    let hops: Vec<usize> = all.iter().map(Vec::len).collect();
    assert!(hops.windows(2).all(|w| w[0] <= w[1]), "{hops:?}");
    assert_eq!(
        routes(&["--via", "iraq"])[0],
        [
            "vladimir-putin",
            "mohammed-shia-al-sudani",
            "iraq",
            "syria",
            "turkiye"
        ]
    );
    assert!(routes(&["--avoid", "syria", "--k", "5"]).is_empty());
    let typed = routes(&["--exclude-types", "co_mention"]);
    assert!(typed.is_empty());
    let recent = routes(&["--since", "2024-12-08", "--k", "5"]);
    assert!(
        recent.iter().all(|r| !r.contains(&"iraq".to_string())),
        "{recent:?}"
    );
    let strong = routes(&["--by", "strength"]);
    assert_eq!(strong[0], ["vladimir-putin", "syria", "turkiye"]);
}

#[test]
fn dot_draws_the_route_escaped() {
    let (_dir, g) = with_fixture();
    let out = actorgraph()
        .arg("path")
        .arg(&g)
        .args([
            "quote",
            "turkiye",
            "--format",
            "dot",
            "--context",
            "--through",
            "all",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.starts_with("digraph actorgraph {"), "{dot}");
    assert!(
        dot.contains(r#"label="The \"Quoted\" <Group> & Co\\""#),
        "{dot}"
    );
    assert!(dot.contains("\"quote\" -> \"syria\""), "{dot}");
    // --context adds the neighbours of the route's actors.
    assert!(dot.contains("\"iraq\""), "{dot}");
}

#[test]
fn neighbors_lists_rings_and_draws_the_ego_network() {
    let (_dir, g) = with_fixture();
    actorgraph()
        .arg("neighbors")
        .arg(&g)
        .arg("Iraq")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Iraq (place, iraq): 3 actors within 1 hop\n",
        ))
        .stdout(predicate::str::contains(
            "1  Mohammed Shia' al-Sudani (person, mohammed-shia-al-sudani)",
        ));
    let v = json_of(actorgraph().arg("neighbors").arg(&g).args([
        "iraq",
        "--depth",
        "2",
        "--min-weight",
        "2",
        "--format",
        "json",
    ]));
    let ids: Vec<(&str, u64)> = v["neighbors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["depth"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        ids,
        [
            ("mohammed-shia-al-sudani", 1),
            ("syria", 1),
            ("turkiye", 2),
            ("ahmed-al-sharaa", 2)
        ]
    );
    actorgraph()
        .arg("neighbors")
        .arg(&g)
        .args(["iraq", "--types", "communicates", "--format", "dot"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"iraq\" [label=\"Iraq\", shape=house, fillcolor=\"#ffe9a8\"",
        ))
        .stdout(predicate::str::contains("->").not());
}

#[test]
fn neighbors_hands_the_ego_network_to_the_exporters() {
    let (dir, g) = with_fixture();
    let ego = |format: &str| {
        let out = actorgraph()
            .arg("neighbors")
            .arg(&g)
            .args(["iraq", "--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let gexf = ego("gexf");
    assert!(
        gexf.contains("<gexf") && gexf.contains("\"mohammed-shia-al-sudani\""),
        "{gexf}"
    );
    assert!(!gexf.contains("\"turkiye\""), "depth 1 only: {gexf}");
    let graphml = ego("graphml");
    assert!(
        graphml.contains("<graphml") && graphml.contains("\"ali-al-sudani\""),
        "{graphml}"
    );
    // The node-link file is a graph like any other: the queries read it.
    let file = dir.path().join("ego.json");
    std::fs::write(&file, ego("graph")).unwrap();
    let v = json_of(
        actorgraph()
            .arg("top")
            .arg(&file)
            .args(["-n", "10", "--format", "json"]),
    );
    let mut ids: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["ali-al-sudani", "iraq", "mohammed-shia-al-sudani", "syria"]
    );
}

#[test]
fn top_ranks_by_each_centrality() {
    let (_dir, g) = with_fixture();
    actorgraph()
        .arg("top")
        .arg(&g)
        .args(["-n", "2"])
        .assert()
        .success()
        .stdout(
            "rank\tscore\ttype\tid\tlabel\n1\t5\tplace\tsyria\tSyria\n2\t3\tplace\tiraq\tIraq\n",
        );
    let v = json_of(actorgraph().arg("top").arg(&g).args([
        "--by",
        "betweenness",
        "--type",
        "person",
        "--format",
        "json",
    ]));
    assert_eq!(v["by"], "betweenness");
    assert_eq!(v["exact"], true);
    let first = &v["actors"][0];
    assert_eq!(first["type"], "person");
    for by in ["strength", "pagerank"] {
        let v = json_of(
            actorgraph()
                .arg("top")
                .arg(&g)
                .args(["--by", by, "--format", "json"]),
        );
        assert_eq!(v["actors"][0]["id"], "syria", "{by}");
    }
    let v = json_of(actorgraph().arg("top").arg(&g).args([
        "--by",
        "betweenness",
        "--exact-limit",
        "2",
        "--samples",
        "4",
        "--seed",
        "9",
        "--format",
        "json",
    ]));
    assert_eq!(
        (v["exact"].as_bool(), v["sources"].as_u64()),
        (Some(false), Some(4))
    );
}

#[test]
fn help_teaches_with_examples() {
    for cmd in ["path", "neighbors", "top"] {
        actorgraph()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "actorgraph {cmd} out/graph.json"
            )));
    }
}

/// A connected-ish random graph from a fixed seed: `n` actors, `m` edges.
fn random_graph(n: usize, m: usize, seed: u64) -> Graph {
    let mut state = seed;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound
    };
    let nodes = (0..n)
        .map(|i| {
            node(
                &format!("actor-{i:03}"),
                &format!("Actor {i}"),
                EntityType::Person,
            )
        })
        .collect();
    let edges = (0..m)
        .map(|_| {
            let (s, t) = (next(n) as u32, next(n) as u32);
            let kind = [EdgeKind::CoMention, EdgeKind::Meets][next(2)];
            edge(s, t, kind, (1 + next(4)) as f64, "2024-12-01", "d", "s")
        })
        .collect();
    Graph::new(Header::default(), nodes, edges)
}

/// networkx reads a random graph file as it is and agrees on the number of hops.
#[test]
fn networkx_agrees_on_hops_in_a_random_graph() {
    let dir = tempfile::tempdir().unwrap();
    let g = random_graph(80, 100, 7);
    let file = write_graph(dir.path(), "random.json", &g);
    let pairs: Vec<(String, String)> = (0..25)
        .map(|i| (g.nodes()[i].id.clone(), g.nodes()[79 - 2 * i].id.clone()))
        .collect();
    super::query_seeds::cross_check(&file, &pairs, 10);
}
