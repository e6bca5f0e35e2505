//! What a hostile or unlucky user meets: special files as outputs and inputs,
//! interrupted writes, absurd options, broken bytes, huge sentences. Each test
//! is the regression test of one way the binary once misbehaved.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::harness::{arg, code, code_within, ok, seed};

const SEED: &str = "seeds/004_a6c427db5021f859.txt";

fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

#[test]
fn output_to_a_device_is_written_to_never_replaced() {
    let full = Path::new("/dev/full");
    if !is_char_device(full) {
        eprintln!("skipped: /dev/full is not a device here");
        return;
    }
    let (status, _, err) = code(&["build", SEED, "-o", "/dev/full"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("/dev/full") && err.contains("No space left"),
        "{err}"
    );
    assert!(!err.contains("wrote /dev/full"), "{err}");
    assert!(is_char_device(full), "/dev/full is still the device");
    if is_char_device(Path::new("/dev/null")) {
        let (status, _, err) = code(&["build", SEED, "-o", "/dev/null"]);
        assert_eq!(status, 0, "{err}");
        assert!(
            is_char_device(Path::new("/dev/null")),
            "/dev/null is still the device"
        );
    }
}

#[test]
fn output_through_a_symbolic_link_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("graph.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ok(&["build", "-q", SEED, "-o", arg(&link)]);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let graph: Value = serde_json::from_str(&fs::read_to_string(&real).unwrap()).unwrap();
    assert!(graph["nodes"].as_array().unwrap().len() > 5);
}

#[test]
fn an_interrupted_export_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    ok(&["build", "-q", SEED, "-o", arg(&graph)]);
    let out = dir.path().join("csv");
    fs::create_dir(&out).unwrap();
    // edges.csv is a FIFO nobody reads: the export blocks opening it, after
    // nodes.csv is written under its temporary name.
    let fifo = out.join("edges.csv");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    for signal in ["TERM", "INT", "HUP"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
            .args(["export", arg(&graph), "-f", "csv", "-o", arg(&out)])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let temporary = |out: &Path| {
            fs::read_dir(out)
                .unwrap()
                .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while !temporary(&out) {
            assert!(Instant::now() < deadline, "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(10));
        }
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(!status.success(), "SIG{signal}: {status:?}");
        let names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["edges.csv"], "SIG{signal} left {names:?}");
    }
}

#[test]
fn absurd_thread_counts_are_bounded() {
    let (status, out, err) = code_within(&["build", SEED, "-o", "-", "--threads", "100000"], 60);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("--threads 100000 is more than the"), "{err}");
    let one = ok(&["build", "-q", SEED, "-o", "-", "--threads", "1"]);
    assert_eq!(out, one);
}

#[test]
fn a_fifo_inside_an_input_directory_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(seed("004_a6c427db5021f859.txt"), dir.path().join("a.txt")).unwrap();
    let fifo = dir.path().join("b.txt");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    for command in ["extract", "build"] {
        let args = if command == "build" {
            vec![command, arg(dir.path()), "-o", "-"]
        } else {
            vec![command, arg(dir.path())]
        };
        let (status, out, err) = code_within(&args, 60);
        assert_eq!(status, 0, "{command}: {err}");
        assert!(err.contains("b.txt: not a regular file"), "{err}");
        assert!(!out.is_empty());
    }
}

#[test]
fn text_without_sentence_punctuation_takes_linear_time() {
    // 2 MB in one "sentence" once took 73 s; it is cut into bounded sentences.
    let words = [
        "Iraq", "said", "Syria", "and", "Erdogan", "Putin", "met", "the",
    ];
    let text: String = (0..400_000)
        .map(|i| words[(i * 7 + i / 3) % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.txt");
    fs::write(&input, &text).unwrap();
    let (status, out, err) = code_within(&["build", arg(&input), "-o", "-"], 60);
    assert_eq!(status, 0, "{err}");
    let graph: Value = serde_json::from_str(&out).unwrap();
    for edge in graph["edges"].as_array().unwrap() {
        for evidence in edge["evidence"].as_array().unwrap() {
            let span = evidence["end"].as_u64().unwrap() - evidence["start"].as_u64().unwrap();
            assert!(span <= 2000, "sentence span {span}");
        }
    }
}

#[test]
fn snippets_stay_short_in_a_huge_sentence() {
    // One sentence of about 17 KB naming many actors: every edge once carried
    // the whole of it.
    let names = [
        "Iraq", "Syria", "Erdogan", "Putin", "Baghdad", "Damascus", "Iran", "Jordan",
    ];
    let mut sentence = String::new();
    for i in 0..400 {
        sentence.push_str(&format!(
            "then {} spoke of many other things, ",
            names[i % names.len()]
        ));
    }
    sentence.push_str("and that was all.");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.txt");
    fs::write(&input, &sentence).unwrap();
    let out = ok(&["build", "-q", arg(&input), "-o", "-"]);
    let graph: Value = serde_json::from_str(&out).unwrap();
    let mut longest = 0;
    for edge in graph["edges"].as_array().unwrap() {
        for evidence in edge["evidence"].as_array().unwrap() {
            longest = longest.max(evidence["snippet"].as_str().unwrap().chars().count());
        }
    }
    assert!(
        longest > 0 && longest <= 310,
        "longest snippet {longest} chars"
    );
}

#[test]
fn offsets_are_the_file_bytes_even_when_the_file_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.txt");
    fs::write(&input, b"Iraq \xff Syria").unwrap();
    let (status, out, err) = code(&["extract", arg(&input)]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("bad.txt:1: not valid UTF-8"), "{err}");
    let spans: Vec<(u64, u64, String)> = out
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["start"].as_u64().unwrap(),
                v["end"].as_u64().unwrap(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [(0, 4, "Iraq".to_string()), (7, 12, "Syria".to_string())]
    );
}

#[test]
fn short_hard_wrapped_lines_keep_their_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wrapped.txt");
    fs::write(
        &input,
        "Turkish President Erdogan met\nwith Russian President Putin in\nAnkara on Monday.\n",
    )
    .unwrap();
    let out = ok(&["build", "-q", arg(&input), "-o", "-"]);
    let graph: Value = serde_json::from_str(&out).unwrap();
    let linked = graph["edges"].as_array().unwrap().iter().any(|e| {
        let ends = [e["source"].as_str().unwrap(), e["target"].as_str().unwrap()];
        ends.contains(&"recep-tayyip-erdogan") && ends.contains(&"vladimir-putin")
    });
    assert!(linked, "{out}");
}

#[test]
fn empty_documents_are_noted_and_the_exit_code_says_nothing_was_lost() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "\n \n").unwrap();
    let (status, _, err) = code(&["extract", arg(&dir.path().join("empty.txt"))]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("empty document: nothing to read"), "{err}");
    assert!(!err.contains("skipped"), "{err}");
}

#[test]
fn reading_standard_input_from_a_terminal_says_so() {
    // `script` gives the binary a terminal; its standard input then ends at once.
    let probe = std::process::Command::new("script")
        .arg("--version")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var("CI").is_err(),
            "script (util-linux) is needed under CI"
        );
        eprintln!("skipped: script (util-linux) is not installed");
        return;
    }
    let command = format!(
        "{} extract < /dev/tty & sleep 1; kill $!",
        env!("CARGO_BIN_EXE_actorgraph")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("reading documents from standard input"),
        "{text}"
    );
}

/// A graph file whose labels try to drive the terminal.
fn hostile_graph(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("hostile.json");
    let graph = serde_json::json!({
        "directed": false, "multigraph": true, "graph": {},
        "nodes": [
            {"id": "a", "label": "A\u{1b}]0;owned\u{7}\u{1b}[2J", "type": "person", "mentions": 2, "docs": 1},
            {"id": "b", "label": "B\rB", "type": "place", "mentions": 1, "docs": 1}
        ],
        "edges": [{"source": "a", "target": "b", "key": "e0", "type": "co_mention",
                   "directed": false, "weight": 1.0, "docs": 1}]
    });
    fs::write(&path, graph.to_string()).unwrap();
    path
}

#[test]
fn labels_cannot_drive_a_terminal() {
    let probe = std::process::Command::new("script")
        .arg("--version")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var("CI").is_err(),
            "script (util-linux) is needed under CI"
        );
        eprintln!("skipped: script (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let graph = hostile_graph(dir.path());
    let bin = env!("CARGO_BIN_EXE_actorgraph");
    for command in ["stats", "top", "neighbors"] {
        let args = match command {
            "neighbors" => format!("{bin} neighbors {} a", arg(&graph)),
            other => format!("{bin} {other} {}", arg(&graph)),
        };
        let out = std::process::Command::new("script")
            .args(["-qec", &args, "/dev/null"])
            .stdin(std::process::Stdio::piped())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains('\u{1b}'), "{command}: {text:?}");
        assert!(
            text.contains("A\\u{1B}]0;owned\\u{7}"),
            "{command}: {text:?}"
        );
    }
    // A pipe gets the bytes as they are.
    let piped = ok(&["stats", arg(&graph)]);
    assert!(piped.contains("A\u{1b}]0;owned"), "{piped:?}");
}

#[test]
fn date_windows_leave_out_undated_edges_and_refuse_empty_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    ok(&["build", "-q", "seeds/", "-o", arg(&graph)]);
    // Amman and Jordan are linked only by undated edges (an undated seed,
    // and a gazetteer fact without dates).
    let (status, _, err) = code(&["path", arg(&graph), "Amman", "Jordan", "--since", "2030"]);
    assert_eq!(status, 1, "no edge of 2030 or later: {err}");
    let (status, _, err) = code(&[
        "path",
        arg(&graph),
        "Amman",
        "Jordan",
        "--since",
        "2030",
        "--undated",
    ]);
    assert_eq!(status, 0, "undated edges on request: {err}");
    let (status, _, err) = code(&[
        "path",
        arg(&graph),
        "Erdogan",
        "Putin",
        "--since",
        "2025",
        "--until",
        "2024",
    ]);
    assert_eq!(status, 2);
    assert!(err.contains("--since 2025 is after --until 2024"), "{err}");
    let (status, _, err) = code(&["top", arg(&graph), "--by", "betweenness", "--samples", "0"]);
    assert_eq!(status, 2);
    assert!(err.contains("must be at least 1"), "{err}");
}

#[test]
fn graph_files_that_lie_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.json");
    let node =
        serde_json::json!({"id": "a", "label": "A", "type": "place", "mentions": 1, "docs": 1});
    let graph = serde_json::json!({"nodes": [node, node], "edges": []});
    fs::write(&path, graph.to_string()).unwrap();
    for command in ["stats", "export"] {
        let args = if command == "export" {
            vec![command, arg(&path), "-f", "graphml", "-o", "-"]
        } else {
            vec![command, arg(&path)]
        };
        let (status, out, err) = code(&args);
        assert_eq!(status, 2, "{command}");
        assert!(out.is_empty());
        assert!(
            err.contains("twice.json: node 1 has the id 'a' of node 0"),
            "{err}"
        );
    }
}

#[test]
fn one_pair_holds_one_edge_of_a_type_and_a_direction() {
    // Gephi merges two edges of one type between one pair; "Erdogan spoke
    // with Putin" and "Erdogan and Putin spoke" once gave a directed and an
    // undirected communicates edge.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("calls.txt");
    fs::write(
        &input,
        "Erdogan spoke with Putin on Monday. Erdogan and Putin spoke again on Friday. Putin called Erdogan.\n",
    )
    .unwrap();
    for graph in [
        ok(&["build", "-q", arg(&input), "-o", "-"]),
        ok(&["build", "-q", "seeds/", "-o", "-"]),
    ] {
        let graph: Value = serde_json::from_str(&graph).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for e in graph["edges"].as_array().unwrap() {
            let kind = e["type"].as_str().unwrap();
            let directed = e["directed"].as_bool().unwrap();
            let mutual = ["co_mention", "meets", "communicates", "allied_with"].contains(&kind);
            assert_eq!(directed, !mutual, "{e}");
            let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
            let pair = if directed || s < t { (s, t) } else { (t, s) };
            assert!(seen.insert((pair, kind)), "a twin: {e}");
        }
    }
    let graph: Value = serde_json::from_str(&ok(&["build", "-q", arg(&input), "-o", "-"])).unwrap();
    let calls: Vec<&Value> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "communicates")
        .collect();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0]["weight"], 3.0);
}

#[test]
fn wide_scopes_stay_linear_in_the_text() {
    // window:1000000 over 1 MB took 23 s and 1.3 GB (every sentence walked
    // all the sentences before it), and document scope counted the
    // characters of the whole document for every snippet.
    let words = [
        "Iraq", "said", "Syria", "and", "Erdogan", "Putin", "met", "the", "Iran", "Baghdad",
    ];
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < 1_000_000 {
        let n = 6 + i % 11;
        let sentence: Vec<&str> = (0..n)
            .map(|k| words[(i * 7 + k * 3) % words.len()])
            .collect();
        text.push_str(&sentence.join(" "));
        text.push_str(". ");
        i += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.txt");
    fs::write(&input, &text).unwrap();
    for scope in ["window:1000000", "document"] {
        let (status, out, err) =
            code_within(&["build", arg(&input), "-o", "-", "--scope", scope], 60);
        assert_eq!(status, 0, "{scope}: {err}");
        let graph: Value = serde_json::from_str(&out).unwrap();
        // Six actors, every two of them named together somewhere.
        let co_mentions = graph["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "co_mention")
            .count();
        assert_eq!(co_mentions, 15, "{scope}");
    }
}
