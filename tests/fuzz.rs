//! Fuzzing on stable Rust: random documents through extraction, the graph
//! stage and every exporter, and damaged graph files through the loader.
//! Nothing may panic; what is written must read back.
//!
//! Each target runs for a time budget, `ACTORGRAPH_FUZZ_SECONDS` (default 3;
//! CI gives 20), in rounds of 32 cases from seeds 0, 1, 2, … so that a
//! failure names its round and reproduces. A longer run, for local use:
//!
//!     ACTORGRAPH_FUZZ_SECONDS=1800 cargo test --release --test fuzz -- --nocapture
//!
//! proptest shrinks a failing case before reporting it.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actorgraph::corpus::{Corpus, Document, Input, Item, decode_invalid};
use actorgraph::export::{Directions, Format, Selection};
use actorgraph::gazetteer::Gazetteer;
use actorgraph::graph::Graph;
use actorgraph::graph::build::{Analyzer, BuildOptions, GraphBuilder, Scope};
use actorgraph::relations::Relations;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().expect("the bundled gazetteer loads"))
}

fn relations() -> &'static Relations {
    static R: OnceLock<Relations> = OnceLock::new();
    R.get_or_init(|| Relations::builtin().expect("the bundled patterns load"))
}

/// Runs `test` on cases of `strategy` until the time budget is spent.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let secs: u64 = std::env::var("ACTORGRAPH_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut round: u64 = 0;
    let mut cases = 0;
    while round == 0 || Instant::now() < deadline {
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&round.to_le_bytes());
        seed[8..8 + name.len().min(24)].copy_from_slice(&name.as_bytes()[..name.len().min(24)]);
        let config = Config {
            cases: 32,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: round {round}: {e}");
        }
        round += 1;
        cases += 32;
    }
    eprintln!("fuzz {name}: {cases} cases in {round} rounds, no failure");
}

/// Pieces that documents are made of: names the gazetteer knows (so that
/// there are mentions and links), trigger words, punctuation, white space of
/// every kind, scripts and emoji, control characters and broken bytes.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    const NAMES: &[&str] = &[
        "Iraq",
        "Syria",
        "Erdogan",
        "Putin",
        "Ahmed al-Sharaa",
        "Jolani",
        "HTS",
        "IS",
        "Hezbollah",
        "Baghdad",
        "Damascus",
        "al-Sudani",
        "Iranian",
        "Syrian",
        "the Syrian army",
        "Latakia province",
        "Kataib Hezbollah",
        "SDF",
        "U.S.",
        "Türkiye",
        "Lebanese Forces",
    ];
    const WORDS: &[&str] = &[
        "met",
        "with",
        "said",
        "attacked",
        "backed",
        "leader",
        "of",
        "the",
        "and",
        "in",
        "talks between",
        "Iran-backed",
        "visited",
        "spoke",
        "former",
        "President",
        "minister",
        "'s",
        "by",
    ];
    prop_oneof![
        4 => prop::sample::select(NAMES).prop_map(|s| s.as_bytes().to_vec()),
        4 => prop::sample::select(WORDS).prop_map(|s| s.as_bytes().to_vec()),
        3 => prop::sample::select(&[" ", " ", "\n", "\n\n", "\r\n", "\t", "  ", "\u{a0}"][..]).prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::sample::select(&[".", ",", "?", "!", "\"", "’", "(", ")", "-", "—", ":", ";", "…"][..]).prop_map(|s| s.as_bytes().to_vec()),
        1 => any::<String>().prop_map(String::into_bytes),
        1 => prop::sample::select(&["عربي", "🇸🇾", "\u{202e}", "\u{200f}", "\u{feff}", "<script>", "&amp;", "\u{1b}[2J", "\0"][..]).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..4),
    ]
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..120).prop_map(|pieces| {
        let mut sep = 0u8;
        let mut out = Vec::new();
        for p in pieces {
            out.extend_from_slice(&p);
            sep = sep.wrapping_add(1);
            if !sep.is_multiple_of(3) {
                out.push(b' ');
            }
        }
        out
    })
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::Sentence),
        Just(Scope::Paragraph),
        Just(Scope::Document),
        (1u32..4).prop_map(Scope::Window),
    ]
}

/// Writes the graph in every format that needs no external program and
/// checks that each reads back.
fn export_everything(graph: &Graph) -> Result<(), TestCaseError> {
    let mut json = Vec::new();
    graph.write_json(&mut json).unwrap();
    let back = Graph::from_json_slice("fuzz.json", &json)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, graph);
    for format in [
        Format::Dot,
        Format::Gexf,
        Format::Graphml,
        Format::Csv,
        Format::Html,
    ] {
        for directions in [Directions::Mixed, Directions::Undirected] {
            for output in format.outputs(&format.default_selection(), directions) {
                let mut buf = Vec::new();
                output.exporter.write(graph, &mut buf).unwrap();
                let text = String::from_utf8(buf)
                    .map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
                match format {
                    Format::Gexf | Format::Graphml => well_formed_xml(&text)?,
                    Format::Csv => {
                        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
                        for record in reader.records() {
                            record.map_err(|e| TestCaseError::fail(format!("csv: {e}")))?;
                        }
                    }
                    Format::Html => {
                        // The data and the two scripts: no name may open or close another.
                        prop_assert_eq!(text.matches("<script").count(), 3);
                        prop_assert_eq!(text.matches("</script").count(), 3);
                    }
                    _ => prop_assert!(!text.is_empty()),
                }
            }
        }
    }
    Ok(())
}

fn well_formed_xml(text: &str) -> Result<(), TestCaseError> {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(TestCaseError::fail(format!("XML: {e}"))),
        }
    }
}

#[test]
fn random_documents_build_and_export() {
    fuzz(
        "documents",
        (
            prop::collection::vec(document(), 1..4),
            scope(),
            any::<bool>(),
        ),
        |(docs, scope, demonyms)| {
            let options = BuildOptions {
                scope,
                demonyms,
                ..BuildOptions::default()
            };
            let analyzer = Analyzer::new(gazetteer(), relations(), &options).unwrap();
            let mut builder = GraphBuilder::new(gazetteer(), &options);
            for (i, bytes) in docs.iter().enumerate() {
                let text = decode_invalid(bytes);
                prop_assert_eq!(text.len(), bytes.len());
                let doc = Document::new(format!("d{i}"), text);
                let found = analyzer.analyze(&doc);
                builder.add(&doc, found);
            }
            export_everything(&builder.finish(Default::default()))
        },
    );
}

#[test]
fn random_files_read_as_a_corpus() {
    fuzz(
        "corpus",
        (prop::collection::vec(document(), 1..4), any::<bool>()),
        |(docs, jsonl)| {
            let dir = tempfile::tempdir().unwrap();
            let path = if jsonl {
                let path = dir.path().join("docs.jsonl");
                let mut file = std::fs::File::create(&path).unwrap();
                for (i, bytes) in docs.iter().enumerate() {
                    // Some lines are documents, the rest whatever the bytes are.
                    if i % 2 == 0 {
                        let text = String::from_utf8_lossy(bytes);
                        writeln!(file, "{}", serde_json::json!({"id": i, "text": text})).unwrap();
                    } else {
                        file.write_all(bytes).unwrap();
                        file.write_all(b"\n").unwrap();
                    }
                }
                path
            } else {
                for (i, bytes) in docs.iter().enumerate() {
                    std::fs::write(dir.path().join(format!("{i}.txt")), bytes).unwrap();
                }
                dir.path().to_path_buf()
            };
            let options = BuildOptions::default();
            let analyzer = Analyzer::new(gazetteer(), relations(), &options).unwrap();
            let mut builder = GraphBuilder::new(gazetteer(), &options);
            for item in Corpus::open(&[Input::Path(path)]).unwrap() {
                if let Item::Document(doc) = item {
                    let found = analyzer.analyze(&doc);
                    builder.add(&doc, found);
                }
            }
            export_everything(&builder.finish(Default::default()))
        },
    );
}

/// A small, valid graph file to damage.
fn graph_file() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| {
        let options = BuildOptions::default();
        let analyzer = Analyzer::new(gazetteer(), relations(), &options).unwrap();
        let mut builder = GraphBuilder::new(gazetteer(), &options);
        let doc = Document::new(
            "d1",
            "BAGHDAD, Dec 1 (Reuters) - Erdogan met Putin in Ankara. Iran-backed Kataib Hezbollah attacked U.S. forces in Syria. HTS leader Jolani spoke.",
        );
        let found = analyzer.analyze(&doc);
        builder.add(&doc, found);
        let mut out = Vec::new();
        builder.finish(Default::default()).write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    })
}

/// What a damaged file's damage is: bytes flipped, cut off, or a value
/// replaced by another JSON value.
#[derive(Debug, Clone)]
enum Damage {
    Flip(usize, u8),
    Cut(usize),
    Replace(usize, String),
}

fn damage() -> impl Strategy<Value = Vec<Damage>> {
    let value = prop_oneof![
        Just("null".to_string()),
        Just("-1".to_string()),
        Just("0".to_string()),
        Just("1e308".to_string()),
        Just("NaN".to_string()),
        Just("\"\"".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("\"iraq\"".to_string()),
        Just("\"2024-13-45\"".to_string()),
        Just("18446744073709551616".to_string()),
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Damage::Flip(i, b)),
            any::<usize>().prop_map(Damage::Cut),
            (any::<usize>(), value).prop_map(|(i, v)| Damage::Replace(i, v)),
        ],
        1..4,
    )
}

#[test]
fn damaged_graph_files_are_refused_or_read_never_a_panic() {
    fuzz("graph files", damage(), |damages| {
        let mut bytes = graph_file().as_bytes().to_vec();
        for d in damages {
            if bytes.is_empty() {
                break;
            }
            match d {
                Damage::Flip(i, b) => {
                    let i = i % bytes.len();
                    bytes[i] = b;
                }
                Damage::Cut(i) => bytes.truncate(i % bytes.len()),
                Damage::Replace(i, value) => {
                    // Replace the value after the i-th colon.
                    let colons: Vec<usize> = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b':')
                        .map(|(i, _)| i)
                        .collect();
                    if colons.is_empty() {
                        continue;
                    }
                    let at = colons[i % colons.len()] + 1;
                    let end = bytes[at..]
                        .iter()
                        .position(|b| matches!(b, b',' | b'}' | b']'))
                        .map_or(bytes.len(), |p| at + p);
                    bytes.splice(at..end, value.into_bytes());
                }
            }
        }
        if let Ok(graph) = Graph::from_json_slice("damaged.json", &bytes) {
            export_everything(&graph)?;
            let _ = Selection::diagram().apply(&graph);
        }
        Ok(())
    });
}
