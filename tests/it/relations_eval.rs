//! `actorgraph eval relations` from the command line: its exit codes, its
//! errors, and the gates CI holds the bundled patterns to on the annotated
//! sentences of `tests/data/relations/`.

use std::fs;

use serde_json::Value;

use super::harness::{arg, code, root};

/// Precision and recall over all types, from `--format json`.
fn scores(args: &[&str]) -> (i32, f64, f64) {
    let mut all = vec![
        "eval",
        "relations",
        "--format",
        "json",
        "--show",
        "none",
        "-q",
    ];
    all.extend_from_slice(args);
    let (status, out, err) = code(&all);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
    let all = &v["by_type"]["all"];
    let n = |k: &str| all[k].as_f64().unwrap();
    (status, n("correct") / n("found"), n("recalled") / n("gold"))
}

/// The patterns are tuned on the dev split and must stay precise there.
#[test]
fn the_dev_split_keeps_its_precision() {
    let dev = root().join("tests/data/relations/dev.jsonl");
    let (status, precision, recall) = scores(&[arg(&dev), "--min-precision", "0.9"]);
    assert_eq!(status, 0, "dev precision {precision:.3} below 0.90");
    assert!(recall > 0.35, "dev recall {recall:.3}");
}

/// The held-out split is never tuned on; its precision is held to the floor
/// measured when it was last scored (0.853 then; the aim is 0.90), so that a
/// change to the patterns that costs precision on unseen text fails here.
/// The fresh set, read only through its per-rule figures, likewise (0.924),
/// and the two halves of the current-news set: the one looked at while
/// tuning (0.928) and the one never read (0.875).
#[test]
fn the_unseen_sets_hold_their_floors() {
    for (file, split, floor) in [
        ("test.jsonl", None, "0.82"),
        ("fresh.jsonl", None, "0.88"),
        ("news.jsonl", Some("dev"), "0.90"),
        ("news.jsonl", Some("test"), "0.83"),
    ] {
        let path = root().join("tests/data/relations").join(file);
        let mut args = vec![arg(&path), "--min-precision", floor];
        if let Some(split) = split {
            args.extend(["--split", split]);
        }
        let (status, precision, _) = scores(&args);
        assert_eq!(
            status, 0,
            "{file} {split:?}: precision {precision:.3} below {floor}"
        );
    }
}

#[test]
fn thresholds_exit_1_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    fs::write(
        &gold,
        concat!(
            r#"{"id": "a", "text": "Erdogan spoke with Putin on Monday.", "relations": [{"type": "communicates", "source": "Putin", "target": "Erdogan"}]}"#,
            "\n",
            r#"{"id": "b", "text": "Iraq condemned Israel.", "relations": []}"#,
            "\n",
            r#"{"id": "c", "text": "Rashid met al-Araji and later Sudani in Baghdad.", "relations": [{"type": "meets", "source": "Rashid", "target": "al-Araji"}, {"type": "meets", "source": "Rashid", "target": "Sudani"}, {"type": "supports", "source": "Sudani", "target": "al-Araji"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    let (status, precision, recall) = scores(&[arg(&gold)]);
    assert_eq!(status, 0, "a report exits 0 without thresholds");
    assert!(precision > 0.0 && precision < 1.0, "{precision}");
    assert!(recall > 0.0 && recall < 1.0, "{recall}");
    let (status, _, err) = code(&["eval", "relations", arg(&gold), "--min-precision", "0.99"]);
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("precision"), "{err}");
    let (status, _, err) = code(&["eval", "relations", arg(&gold), "--min-recall", "0.99"]);
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("recall"), "{err}");
}

#[test]
fn a_bad_gold_line_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    fs::write(
        &gold,
        concat!(
            r#"{"id": "a", "text": "Erdogan spoke with Putin.", "relations": []}"#,
            "\n",
            r#"{"id": "b", "text": "Iraq condemned Israel.", "relations": [{"type": "hugs", "source": "Iraq", "target": "Israel"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    let (status, _, err) = code(&["eval", "relations", arg(&gold)]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("gold.jsonl:2"), "{err}");
}

/// `--show rules` says how precise each pattern is: every found relation
/// counts for the rules that found it, and the JSON has the same counts.
#[test]
fn each_rule_reports_what_it_found_and_how_much_is_right() {
    let dev = root().join("tests/data/relations/dev.jsonl");
    let (status, out, err) = code(&[
        "eval",
        "relations",
        arg(&dev),
        "--format",
        "json",
        "--show",
        "none",
        "-q",
    ]);
    assert_eq!(status, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let rules = v["by_rule"].as_object().unwrap();
    assert!(rules.len() > 10, "{rules:?}");
    let sum = |k: &str| rules.values().map(|r| r[k].as_u64().unwrap()).sum::<u64>();
    let all = &v["by_type"]["all"];
    assert!(sum("found") >= all["found"].as_u64().unwrap());
    assert!(sum("correct") >= all["correct"].as_u64().unwrap());
    assert!(
        rules
            .values()
            .all(|r| r["correct"].as_u64() <= r["found"].as_u64())
    );
    let (status, text, _) = code(&["eval", "relations", arg(&dev), "--show", "rules", "-q"]);
    assert_eq!(status, 0);
    let table = text
        .split("by rule (worst precision first)")
        .nth(1)
        .expect("the table");
    let first = table.lines().nth(2).unwrap();
    let name = first.split_whitespace().next().unwrap();
    assert!(rules.contains_key(name), "{first}");
}

/// `--split` scores only the gold lines marked with that split.
#[test]
fn a_split_scores_only_its_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    fs::write(
        &gold,
        concat!(
            r#"{"id": "a", "split": "dev", "text": "Erdogan spoke with Putin on Monday.", "relations": [{"type": "communicates", "source": "Putin", "target": "Erdogan"}]}"#,
            "\n",
            r#"{"id": "b", "split": "test", "text": "Iraq condemned Israel.", "relations": [{"type": "opposes", "source": "Iraq", "target": "Israel"}, {"type": "opposes", "source": "Israel", "target": "Iraq"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    let gold_count = |split: &str| {
        let (status, out, err) = code(&[
            "eval",
            "relations",
            arg(&gold),
            "--split",
            split,
            "--format",
            "json",
            "-q",
        ]);
        assert_eq!(status, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        v["by_type"]["all"]["gold"].as_u64().unwrap()
    };
    assert_eq!((gold_count("dev"), gold_count("test")), (1, 2));
}

/// The annotated sets pass their own checker (formats, the seeded splits,
/// no story shared between the sets).
#[test]
fn the_annotated_sets_pass_their_checker() {
    let script = root().join("tests/data/relations/check.py");
    match std::process::Command::new("python3").arg(&script).output() {
        Ok(out) => assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(e) => {
            assert!(
                std::env::var("CI").is_err(),
                "python3 is needed under CI: {e}"
            );
            eprintln!("skipped: python3 not found ({e})");
        }
    }
}
