//! The compiled gazetteer cache and the graph index, through the binary:
//! what a command writes is the same with them and without them, and a
//! damaged or stale file is noticed and replaced, never trusted.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use super::harness::{arg, root};

/// Runs with the cache in `cache`; returns (exit code, stdout, stderr).
fn run_cached(cache: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .current_dir(root())
        .env("ACTORGRAPH_CACHE_DIR", cache)
        .stdin(Stdio::piped())
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn compiled_files(cache: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(cache)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// A bulk list beside the bundled gazetteer, as the news list is used.
fn bulk_list(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("extra.tsv");
    fs::write(
        &file,
        "id\ttype\tname\nx:1\tgroup\tSadrist Movement\nx:1\tgroup\tSadrists\nx:2\tperson\tMuqtada al-Sadr\n",
    )
    .unwrap();
    file
}

#[test]
fn a_build_with_the_cache_is_byte_identical_to_one_without() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let list = bulk_list(tmp.path());
    let build = |extra: &[&str]| {
        let mut args = vec![
            "build",
            "-q",
            "seeds/",
            "-g",
            "builtin",
            "-g",
            arg(&list),
            "--undated-as",
            "2025-01-01",
            "-o",
            "-",
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = run_cached(&cache, &args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let plain = build(&["--no-cache"]);
    assert!(
        compiled_files(&cache).is_empty(),
        "--no-cache writes nothing"
    );
    let first = build(&[]);
    assert_eq!(compiled_files(&cache).len(), 1);
    let second = build(&[]);
    assert!(plain == first && first == second, "the graphs differ");

    // An edited list is compiled anew, and the build follows the edit.
    let text = fs::read_to_string(&list).unwrap();
    fs::write(&list, text.replace("Sadrists", "Sadr movement")).unwrap();
    let edited = build(&[]);
    assert_eq!(compiled_files(&cache).len(), 2);
    assert_eq!(edited, build(&["--no-cache"]));
}

#[test]
fn local_names_resolve_alike_with_the_cache_and_without() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let docs = tmp.path().join("docs.jsonl");
    fs::write(
        &docs,
        concat!(
            r#"{"id":"sy","date":"2025-06-01","text":"In Damascus, the Interior Ministry said the Defence Ministry agreed."}"#,
            "\n",
            r#"{"id":"lb","date":"2025-06-01","text":"In Beirut, the Interior Ministry said the Health Ministry agreed."}"#,
            "\n",
            r#"{"id":"none","date":"2025-06-01","text":"The Interior Ministry said so."}"#,
            "\n",
        ),
    )
    .unwrap();
    let extract = |extra: &[&str]| {
        let mut args = vec!["extract", arg(&docs)];
        args.extend_from_slice(extra);
        let (code, out, err) = run_cached(&cache, &args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let plain = extract(&["--no-cache"]);
    let first = extract(&[]);
    let second = extract(&[]);
    assert_eq!(compiled_files(&cache).len(), 1);
    assert!(plain == first && first == second, "the mentions differ");
    let text = String::from_utf8(plain).unwrap();
    for want in [
        r#""doc":"sy","entity":"ministry-of-interior-syria""#,
        r#""doc":"sy","entity":"ministry-of-defence-syria""#,
        r#""doc":"lb","entity":"ministry-of-interior-lebanon""#,
        r#""doc":"lb","entity":"ministry-of-public-health-lebanon""#,
    ] {
        assert!(text.contains(want), "want {want} in {text}");
    }
    assert!(!text.contains(r#""doc":"none""#), "{text}");
    assert!(
        text.contains(r#""rule":"country","of":"lebanon""#),
        "{text}"
    );
}

#[test]
fn a_damaged_cache_is_rebuilt_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let check = ["extract", "seeds/"];
    let (_, want, _) = run_cached(&cache, &check);
    let file = compiled_files(&cache).pop().expect("compiled on first use");
    let good = fs::read(&file).unwrap();
    for damage in ["truncate", "flip"] {
        let mut bytes = good.clone();
        match damage {
            "truncate" => bytes.truncate(bytes.len() * 2 / 3),
            _ => {
                let middle = bytes.len() / 2;
                bytes[middle] ^= 0x01;
            }
        }
        fs::write(&file, &bytes).unwrap();
        let (code, out, err) = run_cached(&cache, &check);
        assert_eq!((code, &out), (0, &want), "{damage}: {err}");
        assert!(err.contains("was damaged"), "{damage}: {err}");
        assert_eq!(fs::read(&file).unwrap(), good, "{damage}: rewritten whole");
    }
}

#[test]
fn concurrent_processes_leave_one_good_file() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_actorgraph"))
                .args(["gazetteer", "check"])
                .current_dir(root())
                .env("ACTORGRAPH_CACHE_DIR", &cache)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the binary runs")
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    assert!(outputs.iter().all(|o| o.stdout == outputs[0].stdout));
    assert_eq!(compiled_files(&cache).len(), 1, "one file, no temporaries");
    let (code, out, err) = run_cached(&cache, &["gazetteer", "check"]);
    assert_eq!(code, outputs[0].status.code().unwrap_or(-1));
    assert_eq!(out, outputs[0].stdout);
    assert!(!err.contains("damaged"), "{err}");
}

#[test]
fn compile_writes_the_file_that_later_runs_use() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("install");
    let (code, out, err) = run_cached(
        &tmp.path().join("unused"),
        &["gazetteer", "compile", "--cache-dir", arg(&dir)],
    );
    assert_eq!(code, 0, "{err}");
    let out = String::from_utf8(out).unwrap();
    let path = out.split('\t').next().unwrap();
    assert!(Path::new(path).is_file(), "{out}");
    assert!(out.contains("entities"), "{out}");
    let before = fs::metadata(path).unwrap().modified().unwrap();
    let (code, _, err) = run_cached(&dir, &["gazetteer", "check"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::metadata(path).unwrap().modified().unwrap(), before);
    assert_eq!(compiled_files(&dir).len(), 1);
}

/// What each reading command prints for `graph`, and its messages.
fn answers(cache: &Path, graph: &Path) -> Vec<(i32, Vec<u8>, String)> {
    let g = arg(graph);
    // Ids and names, every output of `path` and `neighbors`, routes that
    // are not there (one only through a place, which the message names),
    // every ranking: each read in place from the index.
    let commands: [&[&str]; 16] = [
        &["path", g, "abdul-latif-jamal-rashid", "iraq"],
        &["path", g, "abbas-araghchi", "middle-east"],
        &[
            "path",
            g,
            "al-Araji",
            "al-Jolani",
            "--attested",
            "--format",
            "json",
        ],
        &[
            "path",
            g,
            "Abdul Latif Rashid",
            "Iraq",
            "--format",
            "json",
            "--k",
            "3",
        ],
        &[
            "path", g, "iraq", "syria", "--by", "hops", "--types", "meets",
        ],
        &["path", g, "iraq", "syria", "--format", "dot"],
        &["neighbors", g, "iraq", "--depth", "2"],
        &["neighbors", g, "Iraq", "--format", "json", "--by", "weight"],
        &["neighbors", g, "iraq", "--format", "gexf"],
        &["top", g, "--by", "degree"],
        &["top", g, "--by", "pagerank"],
        &["top", g, "--by", "association", "--type", "person"],
        &["top", g, "--by", "strength", "--format", "json"],
        &["top", g, "--by", "betweenness"],
        &["stats", g],
        &["export", g, "-f", "gexf", "-o", "-"],
    ];
    commands
        .iter()
        .map(|args| {
            let (code, out, err) = run_cached(cache, args);
            assert!(code == 0 || code == 1, "{args:?}: {err}");
            (code, out, err)
        })
        .collect()
}

#[test]
fn queries_answer_the_same_with_the_index_and_without() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let graph = tmp.path().join("g.json");
    let index = tmp.path().join("g.json.idx");
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "-q", "seeds/", "-o", arg(&graph)];
        args.extend_from_slice(extra);
        let (code, _, err) = run_cached(&cache, &args);
        assert_eq!(code, 0, "{err}");
    };
    build(&[]);
    assert!(index.is_file(), "build writes the index");
    // Stamped with the graph file as it is in place (the index is stamped
    // from the file before its rename).
    assert!(
        actorgraph::graph::index::GraphIndex::open(&graph).is_some(),
        "the index build writes matches its graph file"
    );
    let with_index = answers(&cache, &graph);
    for no_route in &with_index[1..3] {
        assert_eq!(no_route.0, 1, "{}", no_route.2);
        assert!(
            no_route
                .2
                .contains("through people and groups; one passes through Syria"),
            "{}",
            no_route.2
        );
    }
    let bytes = fs::read(&index).unwrap();
    fs::remove_file(&index).unwrap();
    let without = answers(&cache, &graph);
    assert!(with_index == without, "answers differ with the index");

    // `export -f index` writes the same index for the same file.
    let (code, _, err) = run_cached(&cache, &["export", arg(&graph), "-f", "index"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read(&index).unwrap().len(),
        bytes.len(),
        "the same graph, the same index"
    );
    assert!(answers(&cache, &graph) == without);

    // The JSON edited beside its index: the edit is what queries see.
    let text = fs::read_to_string(&graph).unwrap();
    let edited = text.replace("\"label\":\"Iraq\"", "\"label\":\"Iraq (edited)\"");
    assert_ne!(edited, text);
    fs::write(&graph, &edited).unwrap();
    let (_, out, _) = run_cached(&cache, &["neighbors", arg(&graph), "iraq"]);
    assert!(
        String::from_utf8_lossy(&out).contains("Iraq (edited)"),
        "a stale index is not used"
    );
    // Truncated: an error naming the file, as without an index.
    fs::write(&graph, &edited[..edited.len() / 2]).unwrap();
    let (code, _, err) = run_cached(&cache, &["stats", arg(&graph)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("g.json"), "{err}");
    // Rewritten without an index: the old index is ignored, and the
    // queries that would read it say so.
    build(&["--no-index"]);
    fs::write(&index, &bytes).unwrap();
    let stale = answers(&cache, &graph);
    let mut noted = 0;
    for (s, w) in stale.iter().zip(&without) {
        assert_eq!((s.0, &s.1), (w.0, &w.1), "stale index: another answer");
        let rest: String =
            s.2.lines()
                .filter(|line| !line.starts_with("note: "))
                .map(|line| format!("{line}\n"))
                .collect();
        assert_eq!(rest, w.2, "stale index: other messages");
        if s.2
            .contains("g.json.idx is not used (the graph file changed)")
        {
            noted += 1;
        }
    }
    assert!(noted > 0, "no query said why the index was not used");
    // Another format (an older actorgraph wrote it): the same note.
    let mut other = fs::read(&index).unwrap();
    other[8] ^= 0xff;
    fs::write(&index, &other).unwrap();
    let (code, _, err) = run_cached(&cache, &["stats", arg(&graph)]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("not an index of this format"), "{err}");
    assert!(err.contains("export -f index"), "{err}");
}
