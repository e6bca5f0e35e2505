//! Partial graphs and `merge`: any split of a corpus, built apart and merged
//! in any order and grouping, gives the graph of one build, byte for byte;
//! `build --update` gives the graph of a build of everything.

use std::path::Path;

use actorgraph::corpus::Document;
use actorgraph::gazetteer::Gazetteer;
use actorgraph::graph::build::{Analyzer, BuildOptions, GraphBuilder};
use actorgraph::graph::{Graph, Header};
use actorgraph::relations::Relations;
use proptest::prelude::*;

use super::harness::{arg, code, ok, root};

/// Sentences naming the bundled gazetteer's actors, some in typed relations,
/// some with demonyms only.
const SENTENCES: [&str; 10] = [
    "Erdogan told Putin about Syria.",
    "Iraqi forces attacked Islamic State fighters near Mosul.",
    "Ahmed al-Sharaa met Recep Tayyip Erdogan in Ankara.",
    "Iran supports Hezbollah in Lebanon.",
    "The Syrian and Turkish ministers spoke by phone.",
    "Putin and Khamenei discussed Iraq and Syria.",
    "Kurdish fighters of the SDF clashed with Turkish troops in Syria.",
    "Baghdad and Damascus reopened the border crossing.",
    "Hezbollah fighters attacked Israel from Lebanon.",
    "The United States condemned the attack on Erbil.",
];

const DATES: [Option<&str>; 4] = [
    None,
    Some("2024-12-01"),
    Some("2023-05-17"),
    Some("2025-02"),
];

/// A document of the generated corpus: which sentences, which date, which id.
#[derive(Debug, Clone)]
struct Doc {
    sentences: Vec<usize>,
    date: usize,
    id: usize,
}

fn document(d: &Doc) -> Document {
    let text: Vec<&str> = d.sentences.iter().map(|&s| SENTENCES[s]).collect();
    let mut doc = Document::new(format!("d{}", d.id), text.join(" "));
    doc.date = DATES[d.date].map(String::from);
    doc
}

/// Documents with repeated texts, dates and ids (a copy with another id, the
/// same text on another date, two texts under one id).
fn corpus() -> impl Strategy<Value = Vec<Doc>> {
    let doc = (
        prop::collection::vec(0..SENTENCES.len(), 1..4),
        0..DATES.len(),
        0..12usize,
    )
        .prop_map(|(sentences, date, id)| Doc {
            sentences,
            date,
            id,
        });
    prop::collection::vec(doc, 1..14)
}

/// How documents go to shards and how the shards merge: shard of each
/// document, an order of documents, and a random grouping of the merge.
fn plan() -> impl Strategy<Value = (Vec<usize>, Vec<u32>, Vec<u32>)> {
    (
        prop::collection::vec(0..4usize, 14),
        prop::collection::vec(any::<u32>(), 14),
        prop::collection::vec(any::<u32>(), 8),
    )
}

struct Setup {
    gazetteer: Gazetteer,
    relations: Relations,
    options: BuildOptions,
}

fn setup() -> Setup {
    Setup {
        gazetteer: Gazetteer::builtin().unwrap(),
        relations: Relations::builtin().unwrap(),
        options: BuildOptions {
            evidence: 2,
            // Fixed, so that undated documents resolve the same every day.
            undated: "2025-01-01".parse().ok(),
            ..BuildOptions::default()
        },
    }
}

fn header(s: &Setup) -> Header {
    Header {
        tool: "actorgraph".into(),
        gazetteer: s.gazetteer.fingerprint(),
        ..Header::default()
    }
}

fn json(graph: &Graph) -> String {
    let mut out = Vec::new();
    graph.write_json(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// One build of the documents, in order.
fn single(s: &Setup, docs: &[Document]) -> String {
    let analyzer = Analyzer::new(&s.gazetteer, &s.relations, &s.options).unwrap();
    let mut builder = GraphBuilder::new(&s.gazetteer, &s.options);
    for d in docs {
        builder.add(d, analyzer.analyze(d));
    }
    json(&builder.finish(header(s)))
}

/// The partial graph of these documents.
fn partial(s: &Setup, docs: &[&Document]) -> Vec<u8> {
    let analyzer = Analyzer::new(&s.gazetteer, &s.relations, &s.options).unwrap();
    let mut builder = GraphBuilder::recording(&s.gazetteer, &s.options);
    for d in docs {
        builder.add(d, analyzer.analyze(d));
    }
    let mut out = Vec::new();
    builder.write_partial(&[], &mut out).unwrap();
    out
}

/// Partials merged into one partial.
fn merge_partials(s: &Setup, parts: &[Vec<u8>]) -> Vec<u8> {
    let mut builder = GraphBuilder::recording(&s.gazetteer, &s.options);
    for p in parts {
        builder.read_partial("part", p.as_slice()).unwrap();
    }
    let mut out = Vec::new();
    builder.write_partial(&[], &mut out).unwrap();
    out
}

fn finish(s: &Setup, parts: &[Vec<u8>]) -> String {
    let mut builder = GraphBuilder::new(&s.gazetteer, &s.options);
    for p in parts {
        builder.read_partial("part", p.as_slice()).unwrap();
    }
    json(&builder.finish(header(s)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any split, any order within shards, any order and grouping of the
    /// merge: the graph of one build.
    #[test]
    fn any_split_merges_into_the_single_build(docs in corpus(), (shard, order, grouping) in plan()) {
        let s = setup();
        let docs: Vec<Document> = docs.iter().map(document).collect();
        let expected = single(&s, &docs);
        let mut shards: Vec<Vec<(u32, &Document)>> = vec![Vec::new(); 4];
        for (i, d) in docs.iter().enumerate() {
            shards[shard[i]].push((order[i], d));
        }
        let mut parts: Vec<Vec<u8>> = shards
            .into_iter()
            .map(|mut shard| {
                shard.sort_by_key(|&(o, _)| o);
                let docs: Vec<&Document> = shard.into_iter().map(|(_, d)| d).collect();
                partial(&s, &docs)
            })
            .collect();
        // Flat, in a shuffled order.
        let mut flat = parts.clone();
        let n = flat.len();
        flat.rotate_left(grouping[0] as usize % n);
        flat.swap(0, grouping[1] as usize % n);
        prop_assert_eq!(&finish(&s, &flat), &expected);
        // In steps: merge two chosen partials into one until one is left.
        let mut g = grouping.iter().cycle();
        while parts.len() > 1 {
            let a = parts.remove(*g.next().unwrap() as usize % parts.len());
            let b = parts.remove(*g.next().unwrap() as usize % parts.len());
            let pair = if g.next().unwrap() % 2 == 0 { [a, b] } else { [b, a] };
            parts.push(merge_partials(&s, &pair));
        }
        prop_assert_eq!(&finish(&s, &parts), &expected);
    }

    /// A build in any order of the documents is the same build.
    #[test]
    fn the_order_of_documents_does_not_matter(docs in corpus(), order in prop::collection::vec(any::<u32>(), 14)) {
        let s = setup();
        let docs: Vec<Document> = docs.iter().map(document).collect();
        let mut shuffled: Vec<(u32, Document)> = order.iter().copied().zip(docs.iter().cloned()).collect();
        shuffled.sort_by_key(|p| p.0);
        let shuffled: Vec<Document> = shuffled.into_iter().map(|p| p.1).collect();
        prop_assert_eq!(single(&s, &shuffled), single(&s, &docs));
    }
}

/// Splits `lines` of a JSONL file into `n` files of consecutive lines in `dir`.
fn split(lines: &[&str], n: usize, dir: &Path, stem: &str) -> Vec<String> {
    let per = lines.len().div_ceil(n);
    lines
        .chunks(per)
        .enumerate()
        .map(|(i, chunk)| {
            let path = dir.join(format!("{stem}-{i}.jsonl"));
            std::fs::write(&path, chunk.join("\n") + "\n").unwrap();
            arg(&path).to_string()
        })
        .collect()
}

/// Two copies of a story that differ only in case ("IRAN" and "Iran") are
/// two documents: the spellings the graph counts come from each, so the
/// graph is the same whichever comes first, built whole or merged.
#[test]
fn copies_differing_in_case_give_the_same_graph_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = r#"{"id": "a", "date": "1987-05-01", "text": "IRAN AND IRAQ TRADE FIRE ON THE FRONT"}"#;
    let b = r#"{"id": "b", "date": "1987-05-01", "text": "Iran and Iraq trade fire on the front"}"#;
    let mut outputs = Vec::new();
    for (name, lines) in [("ab", [a, b]), ("ba", [b, a])] {
        let input = dir.path().join(format!("{name}.jsonl"));
        std::fs::write(&input, format!("{}\n{}\n", lines[0], lines[1])).unwrap();
        let out = dir.path().join(format!("{name}.json"));
        ok(&[
            "build",
            "-q",
            arg(&input),
            "--input-name",
            "c",
            "-o",
            arg(&out),
        ]);
        outputs.push(std::fs::read(&out).unwrap());
        // And as two partial graphs, merged in the other order.
        let mut parts = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let one = dir.path().join(format!("{name}{i}.jsonl"));
            std::fs::write(&one, format!("{line}\n")).unwrap();
            let part = dir.path().join(format!("{name}{i}.partial"));
            ok(&[
                "build",
                "-q",
                "--partial",
                arg(&one),
                "--input-name",
                "c",
                "-o",
                arg(&part),
            ]);
            parts.push(part);
        }
        let merged = dir.path().join(format!("{name}-merged.json"));
        ok(&[
            "merge",
            "-q",
            "-o",
            arg(&merged),
            arg(&parts[1]),
            arg(&parts[0]),
        ]);
        outputs.push(std::fs::read(&merged).unwrap());
    }
    for (i, out) in outputs.iter().enumerate().skip(1) {
        assert!(out == &outputs[0], "output {i} differs from the first");
    }
    let graph: serde_json::Value = serde_json::from_slice(&outputs[0]).unwrap();
    let iran = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "iran")
        .expect("Iran is a node");
    let spellings: Vec<&str> = iran["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    assert!(
        spellings.contains(&"IRAN") && spellings.contains(&"Iran"),
        "{spellings:?}"
    );
}

#[test]
fn reuters_shards_merge_into_the_single_build() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/data/reuters-first-2000.jsonl");
    let text = std::fs::read_to_string(&corpus).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let full = dir.path().join("full.json");
    ok(&[
        "build",
        "-q",
        arg(&corpus),
        "--input-name",
        "reuters",
        "-o",
        arg(&full),
    ]);
    // Five shards, round-robin, so that copies of a story land apart.
    let mut shards: Vec<Vec<&str>> = vec![Vec::new(); 5];
    for (i, l) in lines.iter().enumerate() {
        shards[i % 5].push(l);
    }
    let mut parts = Vec::new();
    for (i, shard) in shards.iter().enumerate() {
        let input = split(shard, 1, dir.path(), &format!("shard{i}"));
        let part = dir.path().join(format!("{i}.partial"));
        ok(&[
            "build",
            "-q",
            "--partial",
            &input[0],
            "--input-name",
            "reuters",
            "-o",
            arg(&part),
        ]);
        parts.push(arg(&part).to_string());
    }
    let merged = dir.path().join("merged.json");
    let mut args = vec!["merge", "-q", "-o", arg(&merged)];
    args.extend(parts.iter().rev().map(String::as_str));
    ok(&args);
    let (full, merged_text) = (
        std::fs::read(&full).unwrap(),
        std::fs::read(&merged).unwrap(),
    );
    assert!(
        full == merged_text,
        "merged graph differs from the single build"
    );
    // In two steps, grouped otherwise.
    let left = dir.path().join("left.partial");
    ok(&[
        "merge",
        "-q",
        "--partial",
        &parts[3],
        &parts[0],
        "-o",
        arg(&left),
    ]);
    let right = dir.path().join("right.partial");
    ok(&[
        "merge",
        "-q",
        "--partial",
        &parts[4],
        &parts[2],
        &parts[1],
        "-o",
        arg(&right),
    ]);
    let steps = dir.path().join("steps.json");
    ok(&["merge", "-q", arg(&right), arg(&left), "-o", arg(&steps)]);
    assert!(
        full == std::fs::read(&steps).unwrap(),
        "merge in steps differs"
    );
}

#[test]
fn update_adds_documents_and_equals_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/data/reuters-first-2000.jsonl");
    let text = std::fs::read_to_string(&corpus).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let old = split(&lines[..1200], 1, dir.path(), "old");
    // The new batch repeats 100 stories the graph holds already.
    let new = split(&lines[1100..], 1, dir.path(), "new");
    let graph = dir.path().join("graph.json");
    ok(&[
        "build",
        "-q",
        &old[0],
        "--input-name",
        "reuters",
        "--keep-partial",
        "-o",
        arg(&graph),
    ]);
    assert!(dir.path().join("graph.json.partial").exists());
    ok(&[
        "build",
        "-q",
        "--update",
        arg(&graph),
        &new[0],
        "--input-name",
        "reuters",
    ]);
    let rebuilt = dir.path().join("rebuilt.json");
    ok(&[
        "build",
        "-q",
        &old[0],
        &new[0],
        "--input-name",
        "reuters",
        "-o",
        arg(&rebuilt),
    ]);
    let updated = std::fs::read(&graph).unwrap();
    assert!(
        updated == std::fs::read(&rebuilt).unwrap(),
        "the updated graph differs from a rebuild"
    );
    // Updating again with the same documents changes nothing but the count
    // of copies passed over.
    ok(&[
        "build",
        "-q",
        "--update",
        arg(&graph),
        &new[0],
        "--input-name",
        "reuters",
    ]);
    let again: serde_json::Value = serde_json::from_slice(&std::fs::read(&graph).unwrap()).unwrap();
    let before: serde_json::Value = serde_json::from_slice(&updated).unwrap();
    assert_eq!(again["nodes"], before["nodes"]);
    assert_eq!(again["links"], before["links"]);
    assert_eq!(
        again["graph"]["counts"]["documents"],
        before["graph"]["counts"]["documents"]
    );
    assert!(
        again["graph"]["counts"]["duplicates"].as_u64()
            > before["graph"]["counts"]["duplicates"].as_u64()
    );
}

#[test]
fn bad_partials_are_named_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let part = dir.path().join("shard.partial");
    ok(&["build", "-q", "--partial", "seeds", "-o", arg(&part)]);
    let text = std::fs::read_to_string(&part).unwrap();
    // Cut short: no end line.
    let cut = dir.path().join("cut.partial");
    let kept: Vec<&str> = text.lines().take(3).collect();
    std::fs::write(&cut, kept.join("\n")).unwrap();
    let (code1, _, err) = code(&["merge", arg(&cut), "-o", arg(&dir.path().join("g.json"))]);
    assert_eq!(code1, 2, "{err}");
    assert!(
        err.contains("cut.partial") && err.contains("cut short"),
        "{err}"
    );
    // Not a partial at all.
    let (code2, _, err) = code(&[
        "merge",
        "seeds/000_f97f4a875a4094d3.txt",
        "-o",
        arg(&dir.path().join("g.json")),
    ]);
    assert_eq!(code2, 2, "{err}");
    assert!(err.contains("000_f97f4a875a4094d3.txt:1"), "{err}");
    // Other options.
    let other = dir.path().join("other.partial");
    ok(&[
        "build",
        "-q",
        "--partial",
        "seeds",
        "--evidence",
        "5",
        "-o",
        arg(&other),
    ]);
    let (code3, _, err) = code(&[
        "merge",
        arg(&part),
        arg(&other),
        "-o",
        arg(&dir.path().join("g.json")),
    ]);
    assert_eq!(code3, 2, "{err}");
    assert!(
        err.contains("other.partial:1") && err.contains("other options"),
        "{err}"
    );
    // A graph without its partial cannot be updated.
    let graph = dir.path().join("g.json");
    ok(&["build", "-q", "seeds", "-o", arg(&graph)]);
    let (code4, _, err) = code(&["build", "--update", arg(&graph), "seeds"]);
    assert_eq!(code4, 2, "{err}");
    assert!(err.contains("--keep-partial"), "{err}");
}
