//! `actorgraph suggest` on the Reuters slice with its bulk entries, and on a
//! few documents of our own: the table, JSON and gazetteer stubs.

use serde_json::Value;

use super::harness::{arg, code, ok, root};

fn reuters(extra: &[&str]) -> String {
    let data = root().join("tests/data");
    let (names, corpus) = (
        data.join("gazetteer-news-subset.tsv"),
        data.join("reuters-first-2000.jsonl"),
    );
    let mut args = vec!["suggest", "-g", arg(&names), arg(&corpus)];
    args.extend_from_slice(extra);
    ok(&args)
}

/// The first screen on newswire names real actors the list lacks: people,
/// companies, government bodies.
#[test]
fn first_screen_on_newswire() {
    let v: Value = serde_json::from_str(&reuters(&["--format", "json", "--limit", "30"])).unwrap();
    assert_eq!(v["documents"], 2000);
    let new = v["new"].as_array().unwrap();
    assert_eq!(new.len(), 30);
    let names: Vec<&str> = new.iter().map(|s| s["name"].as_str().unwrap()).collect();
    for want in [
        "General Motors Corp",
        "Ford Motor Co",
        "Dilson Funaro",
        "Howard Baker",
    ] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    let docs: Vec<u64> = new.iter().map(|s| s["docs"].as_u64().unwrap()).collect();
    assert!(
        docs.iter().all(|&d| d >= 2),
        "--min-docs 2 by default: {docs:?}"
    );
    let gm = new
        .iter()
        .find(|s| s["name"] == "General Motors Corp")
        .unwrap();
    assert_eq!(gm["type"], "group");
    let example = gm["example"]["sentence"].as_str().unwrap();
    assert!(example.contains("General Motors Corp"), "{example}");
    let opec = v["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Opec");
    assert_eq!(opec.unwrap()["alias_of"]["id"], "wn:08177030");
}

/// Ten documents of our own, about a made-up electoral commission, a
/// brigade and a village, with the bundled gazetteer.
fn own_corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let lines: Vec<String> = (0..10)
        .map(|i| {
            let text = match i % 3 {
                0 => "The National Water Claims Commission (NWCC) said the count in Baghdad was over.",
                1 => "Fighters of the Ninth Dawn Brigade entered the village of Tal Safra, NWCC said.",
                _ => "Spokesman Karim Dawoodi said the Ninth Dawn Brigade left Tal Safra.",
            };
            serde_json::json!({"id": format!("n{i}"), "text": text}).to_string()
        })
        .collect();
    let path = dir.join("news.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

#[test]
fn table_and_stubs_on_our_own_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = own_corpus(dir.path());
    let table = ok(&["suggest", arg(&corpus)]);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .skip_while(|l| !l.starts_with("name"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            l.split("  ")
                .filter(|c| !c.trim().is_empty())
                .map(str::trim)
                .collect()
        })
        .collect();
    let first: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(
        first,
        [
            "National Water Claims Commission (NWCC)",
            "Ninth Dawn Brigade",
            "Tal Safra",
            "Karim Dawoodi",
        ],
        "{table}"
    );
    let kinds: Vec<&str> = rows
        .iter()
        .map(|r| r[1].split_whitespace().next().unwrap())
        .collect();
    assert_eq!(kinds, ["group", "group", "place", "person"], "{table}");

    let stubs = ok(&["suggest", arg(&corpus), "--toml"]);
    let file = dir.path().join("stubs.toml");
    std::fs::write(&file, &stubs).unwrap();
    let check = ok(&["gazetteer", "check", "-g", arg(&file)]);
    assert!(
        check.contains("4 entities (1 people, 2 groups, 1 places)"),
        "{check}\n{stubs}"
    );
    assert!(stubs.contains("aliases = [\"NWCC\"]"), "{stubs}");
    assert!(
        stubs.contains("# e.g. n0: The National Water Claims Commission"),
        "{stubs}"
    );
    // With the stubs loaded beside the bundled gazetteer, nothing is left.
    let again = ok(&[
        "suggest",
        arg(&corpus),
        "-g",
        "builtin",
        "-g",
        arg(&file),
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(v["new"].as_array().unwrap().len(), 0, "{again}");
}

#[test]
fn min_docs_and_limit_and_a_missing_input() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = own_corpus(dir.path());
    let v: Value = serde_json::from_str(&ok(&[
        "suggest",
        arg(&corpus),
        "--format",
        "json",
        "--min-docs",
        "4",
    ]))
    .unwrap();
    let docs: Vec<u64> = v["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["docs"].as_u64().unwrap())
        .collect();
    assert!(!docs.is_empty() && docs.iter().all(|&d| d >= 4), "{docs:?}");
    let v: Value = serde_json::from_str(&ok(&[
        "suggest",
        arg(&corpus),
        "--format",
        "json",
        "--limit",
        "1",
    ]))
    .unwrap();
    assert_eq!(v["new"].as_array().unwrap().len(), 1);
    let (status, _, stderr) = code(&["suggest", "no/such/dir"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("no/such/dir"), "{stderr}");
}
