//! `path` and `neighbors` on graphs that `build` makes: the seed questions
//! answered with evidence from the seeds, names resolved as extraction
//! resolves them, and networkx agreeing with `path --by hops` on the seeds'
//! graph, a random graph and the Reuters graph.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::harness::{arg, code, ok, root};

/// Builds a graph file into `dir` and returns its path.
fn build(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let file = dir.join(name);
    let mut all = vec!["build", "-q", "-o", arg(&file)];
    all.extend_from_slice(args);
    ok(&all);
    file
}

fn seeds_graph(dir: &Path) -> PathBuf {
    build(dir, "seeds.json", &["seeds/"])
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).expect("JSON on stdout")
}

/// Every hop of the first route, checked to quote a seed article.
fn assert_seed_evidence(answer: &Value) {
    let route = &answer["paths"][0];
    let steps = route["steps"].as_array().expect("a route");
    assert!(!steps.is_empty());
    for step in steps {
        let ev = &step["evidence"];
        let doc = ev["doc"].as_str().expect("evidence on every hop");
        assert!(
            root().join("seeds").join(doc).is_file(),
            "{doc} is not a seed: {step}"
        );
        let snippet = ev["snippet"].as_str().unwrap();
        let text = std::fs::read_to_string(root().join("seeds").join(doc)).unwrap();
        let words: Vec<&str> = snippet.split_whitespace().take(6).collect();
        assert!(
            text.contains(&words.join(" ")),
            "the snippet is not in {doc}: {snippet}"
        );
    }
}

#[test]
fn the_seed_questions_are_answered_with_seed_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let g = seeds_graph(dir.path());
    let g = arg(&g);
    let questions = [
        (
            "al-Sudani",
            "Putin",
            "mohammed-shia-al-sudani",
            "vladimir-putin",
        ),
        ("al-Araji", "al-Jolani", "qasim-al-araji", "ahmed-al-sharaa"),
        (
            "Rashid",
            "Erdogan",
            "abdul-latif-jamal-rashid",
            "recep-tayyip-erdogan",
        ),
    ];
    for (from, to, from_id, to_id) in questions {
        // --attested keeps to links the articles make, not gazetteer facts;
        // --through all lets the route pass through the countries they name.
        let answer = json(&[
            "path",
            g,
            from,
            to,
            "--attested",
            "--through",
            "all",
            "--format",
            "json",
        ]);
        assert_eq!(
            (answer["from"]["id"].as_str(), answer["to"]["id"].as_str()),
            (Some(from_id), Some(to_id))
        );
        assert_seed_evidence(&answer);
        // The same question by ids, as text: every hop quotes its document.
        let text = ok(&["path", g, from_id, to_id, "--attested", "--through", "all"]);
        let hops = answer["paths"][0]["hops"].as_u64().unwrap() as usize;
        assert_eq!(text.matches(".txt] \"").count(), hops, "{text}");
    }
    // By default al-Sudani reaches Putin through Erdoğan, whom both spoke
    // with, not through Syria, which every seed names.
    let answer = json(&["path", g, "al-Sudani", "Putin", "--format", "json"]);
    assert_seed_evidence(&answer);
    let route = &answer["paths"][0];
    let kinds: Vec<&str> = route["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["communicates", "communicates"]);
    assert_eq!(route["steps"][0]["to"]["id"], "recep-tayyip-erdogan");
    // Only Syria joins al-Araji to al-Jolani in the articles: no route
    // through people and groups, and the command that shows that one.
    let (status, stdout, stderr) = code(&["path", g, "al-Araji", "al-Jolani", "--attested"]);
    assert_eq!((status, stdout.as_str()), (1, ""), "{stderr}");
    assert!(
        stderr.contains("through people and groups; one passes through Syria")
            && stderr.contains("al-Araji al-Jolani --through all"),
        "{stderr}"
    );
}

#[test]
fn jolani_and_sharaa_are_one_actor() {
    let dir = tempfile::tempdir().unwrap();
    let g = seeds_graph(dir.path());
    for name in [
        "Jolani",
        "Sharaa",
        "al-Julani",
        "Abu Mohammad al-Jolani",
        "AHMED AL-SHARAA",
    ] {
        let answer = json(&["neighbors", arg(&g), name, "--format", "json"]);
        assert_eq!(answer["center"]["id"], "ahmed-al-sharaa", "{name}");
    }
    let (status, _, stderr) = code(&["path", arg(&g), "Jolani", "Sharaa"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("both ends are Ahmed al-Sharaa"), "{stderr}");
}

#[test]
fn a_misspelt_name_gets_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let g = seeds_graph(dir.path());
    let (status, stdout, stderr) = code(&["path", arg(&g), "Erdogn", "Putin"]);
    assert_eq!((status, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("actorgraph: error: FROM: no actor called 'Erdogn'"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("did you mean: Erdogan (Recep Tayyip Erdoğan, recep-tayyip-erdogan, person)"),
        "{stderr}"
    );
    let (status, _, stderr) = code(&["path", arg(&g), "Erdogan", "al-Sudany"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("TO: no actor called 'al-Sudany'")
            && stderr.contains("mohammed-shia-al-sudani"),
        "{stderr}"
    );
}

/// The Python to ask: `$ACTORGRAPH_PYTHON`, else the repository's
/// `.venv-clients` (which `.ci/install-clients` makes), else `python3`.
fn python() -> String {
    if let Ok(python) = std::env::var("ACTORGRAPH_PYTHON") {
        return python;
    }
    let venv = root().join(".venv-clients/bin/python");
    if venv.exists() {
        return venv.display().to_string();
    }
    "python3".to_string()
}

/// networkx's hop count for each pair, or `None` (said on stderr) when
/// networkx is missing; missing networkx fails under CI=true.
fn networkx_hops(file: &Path, pairs: &[(String, String)]) -> Option<Vec<String>> {
    let python = python();
    let has_networkx = Command::new(&python)
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_networkx {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "networkx is missing for {python} under CI=true; install it or set ACTORGRAPH_PYTHON"
        );
        eprintln!(
            "skipped: the networkx cross-check needs networkx for {python} (set ACTORGRAPH_PYTHON)"
        );
        return None;
    }
    let script = r#"
import json, sys
import networkx as nx
with open(sys.argv[1]) as f:
    g = nx.node_link_graph(json.load(f), edges="edges")
for a, b in zip(sys.argv[2::2], sys.argv[3::2]):
    try:
        print(nx.shortest_path_length(g, a, b))
    except nx.NetworkXNoPath:
        print("none")
"#;
    let mut cmd = Command::new(&python);
    cmd.args(["-c", script]).arg(file);
    for (a, b) in pairs {
        cmd.args([a, b]);
    }
    let out = cmd.output().expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect(),
    )
}

/// Asserts that `path --by hops --through all --facts all` (every actor,
/// every edge) agrees with networkx on every pair, and that
/// enough pairs are connected for the agreement to mean something.
pub(super) fn cross_check(file: &Path, pairs: &[(String, String)], min_routed: usize) {
    let Some(theirs) = networkx_hops(file, pairs) else {
        return;
    };
    assert_eq!(theirs.len(), pairs.len());
    let mut routed = 0;
    for ((a, b), want) in pairs.iter().zip(&theirs) {
        let (status, stdout, stderr) = code(&[
            "path",
            arg(file),
            a,
            b,
            "--by",
            "hops",
            "--through",
            "all",
            "--facts",
            "all",
            "--format",
            "json",
        ]);
        assert!(status == 0 || status == 1, "{a} → {b}: {stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        let ours = v["paths"]
            .as_array()
            .unwrap()
            .first()
            .map_or("none".to_string(), |r| r["hops"].to_string());
        assert_eq!(&ours, want, "{a} → {b}");
        routed += usize::from(ours != "none");
    }
    assert!(routed >= min_routed, "only {routed} connected pairs");
}

fn node_ids(file: &Path) -> Vec<String> {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

/// Pairs spread over a list of ids: the i-th with the one `stride` later.
fn spread(ids: &[String], count: usize, stride: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            let a = (i * 7919) % ids.len();
            (ids[a].clone(), ids[(a + stride) % ids.len()].clone())
        })
        .filter(|(a, b)| a != b)
        .collect()
}

#[test]
fn networkx_agrees_on_hops_in_the_seeds_graph() {
    let dir = tempfile::tempdir().unwrap();
    let g = seeds_graph(dir.path());
    let people = [
        "mohammed-shia-al-sudani",
        "vladimir-putin",
        "qasim-al-araji",
        "ahmed-al-sharaa",
        "abdul-latif-jamal-rashid",
        "recep-tayyip-erdogan",
        "bashar-al-assad",
    ];
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (i, a) in people.iter().enumerate() {
        for b in &people[i + 1..] {
            pairs.push((a.to_string(), b.to_string()));
        }
    }
    pairs.extend(spread(&node_ids(&g), 15, 11));
    cross_check(&g, &pairs, 21);
}

/// The Reuters slice in tests/data with the bulk gazetteer's entries for it:
/// real newswire, 2,000 stories, 1,843 actors.
#[test]
fn networkx_agrees_on_hops_in_the_reuters_graph() {
    let data = root().join("tests/data");
    let (corpus, names) = (
        data.join("reuters-first-2000.jsonl"),
        data.join("gazetteer-news-subset.tsv"),
    );
    let dir = tempfile::tempdir().unwrap();
    let g = build(
        dir.path(),
        "reuters.json",
        &["-g", arg(&names), arg(&corpus)],
    );
    // Without the generic company words ("Corp", "Ltd") as hubs, about half
    // of the pairs are connected.
    cross_check(&g, &spread(&node_ids(&g), 24, 101), 10);
}
