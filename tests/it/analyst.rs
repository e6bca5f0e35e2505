//! Analyst questions: pairs of actors from the annotated documents and 28
//! more Reuters stories of 1987, each with the route an analyst wants,
//! written down by reading the documents (`tests/data/analyst/`). The test
//! asks `path` each question as it answers by default and as it answered
//! before routes went by specificity through people and groups (`--by hops
//! --through all --facts all`), and counts the answers that are informative
//! (one hop, or through no actor among the graph's five heaviest hubs) and
//! those that follow the analyst's route.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::harness::{arg, code, ok, root};

/// One question of `questions.jsonl`.
struct Question {
    from: String,
    to: String,
    /// `direct`, or actors any of which the route may pass through.
    want: Vec<String>,
}

fn questions() -> Vec<Question> {
    let text = std::fs::read_to_string(root().join("tests/data/analyst/questions.jsonl")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            Question {
                from: s("from"),
                to: s("to"),
                want: v["want"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_str().unwrap().to_string())
                    .collect(),
            }
        })
        .collect()
}

/// The five actors with the greatest total weight of links.
fn hubs(graph: &Value) -> HashSet<String> {
    let mut strength: HashMap<&str, f64> = HashMap::new();
    for e in graph["edges"].as_array().unwrap() {
        let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        if s != t {
            let w = e["weight"].as_f64().unwrap();
            *strength.entry(s).or_default() += w;
            *strength.entry(t).or_default() += w;
        }
    }
    let mut order: Vec<(&str, f64)> = strength.into_iter().collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    order.iter().take(5).map(|(v, _)| v.to_string()).collect()
}

/// The actors of the first route, or `None` when there is none.
fn route(graph: &str, q: &Question, extra: &[&str]) -> Option<Vec<String>> {
    let mut args = vec!["path", graph, &q.from, &q.to, "--format", "json"];
    args.extend_from_slice(extra);
    let (status, stdout, stderr) = code(&args);
    assert!(
        status == 0 || status == 1,
        "{} → {}: {stderr}",
        q.from,
        q.to
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let steps = v["paths"].as_array().unwrap().first()?["steps"].as_array()?;
    let mut ids = vec![steps[0]["from"]["id"].as_str()?.to_string()];
    ids.extend(
        steps
            .iter()
            .filter_map(|s| s["to"]["id"].as_str().map(String::from)),
    );
    Some(ids)
}

#[test]
fn most_default_answers_are_informative_and_follow_the_analysts_route() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    ok(&[
        "build",
        "-q",
        "-o",
        arg(&graph),
        "tests/data/mentions/docs.jsonl",
        "tests/data/analyst/reuters.jsonl",
    ]);
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&graph).unwrap()).unwrap();
    let hubs = hubs(&g);
    let questions = questions();
    assert!(questions.len() >= 20);
    let before = ["--by", "hops", "--through", "all", "--facts", "all"];
    let mut informative = [0, 0];
    let mut analysts = [0, 0];
    for q in &questions {
        for (i, extra) in [&before[..], &[]].into_iter().enumerate() {
            let found = route(arg(&graph), q, extra);
            let middle: Vec<&String> = found.iter().flat_map(|r| &r[1..r.len() - 1]).collect();
            let is_informative =
                found.is_some() && (middle.is_empty() || middle.iter().all(|v| !hubs.contains(*v)));
            let follows = found.is_some()
                && ((middle.is_empty() && q.want.iter().any(|w| w == "direct"))
                    || middle.iter().any(|v| q.want.contains(v)));
            informative[i] += usize::from(is_informative);
            analysts[i] += usize::from(follows);
            eprintln!(
                "{:6} {}{} {} → {}: {}",
                ["before", "after"][i],
                if is_informative { 'I' } else { '-' },
                if follows { 'A' } else { '-' },
                q.from,
                q.to,
                found.map_or("no route".into(), |r| r.join(" > "))
            );
        }
    }
    let n = questions.len();
    let mut hubs: Vec<String> = hubs.into_iter().collect();
    hubs.sort();
    eprintln!("five heaviest hubs: {}", hubs.join(", "));
    eprintln!(
        "informative: {} of {n} before, {} after; the analyst's route: {} before, {} after",
        informative[0], informative[1], analysts[0], analysts[1]
    );
    assert!(
        informative[1] * 5 >= n * 4,
        "{} of {n} informative answers: fewer than 80%",
        informative[1]
    );
    assert!(informative[1] > informative[0] && analysts[1] > analysts[0]);
}
