//! `actorgraph eval mentions` on a small hand-annotated fixture
//! (tests/data/eval): figures computed by hand, every list, the splits, and
//! a bad gold file.

use serde_json::Value;

use super::harness::{code, ok};

const GOLD: &str = "tests/data/eval/gold.jsonl";
const DOCS: &str = "tests/data/eval/docs.jsonl";
/// The gazetteer the figures were computed with: fixed, so that the bundled
/// one may grow.
const GAZETTEER: &str = "tests/data/eval/gazetteer.toml";

fn report(extra: &[&str]) -> Value {
    let mut args = vec![
        "eval", "mentions", GOLD, DOCS, "-g", GAZETTEER, "--format", "json",
    ];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&args)).expect("one JSON object")
}

/// (type, gold, found, extracted, correct) of every row of the table.
fn table(v: &Value) -> Vec<(String, u64, u64, u64, u64)> {
    v["table"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap();
            (
                r["type"].as_str().unwrap().to_string(),
                n("gold"),
                n("found"),
                n("produced"),
                n("correct"),
            )
        })
        .collect()
}

fn row(kind: &str, counts: [u64; 4]) -> (String, u64, u64, u64, u64) {
    (kind.to_string(), counts[0], counts[1], counts[2], counts[3])
}

/// By hand: e1 finds Sudani, Fayyadh and Baghdad, misses the electoral
/// commission (unknown) and wrongly adds Turkey; e2 finds HTS, al-Jolani and
/// Idlib, finds the city of Hama where the gold says the governorate (a
/// miss and a false match), and Damascus is optional; e3 finds all four.
#[test]
fn figures_and_lists_are_the_hand_computed_ones() {
    let v = report(&[]);
    assert_eq!(v["documents"], 3);
    assert_eq!(v["optional"], 2);
    assert_eq!(v["missing_documents"], serde_json::json!(["e5"]));
    assert_eq!(
        table(&v),
        [
            row("group", [3, 2, 2, 2]),
            row("person", [5, 5, 5, 5]),
            row("place", [4, 3, 5, 3]),
            row("all", [12, 10, 12, 10]),
        ]
    );
    let all = &v["table"][3];
    assert_eq!(
        (all["precision"].as_f64(), all["recall"].as_f64()),
        (Some(0.833), Some(0.833))
    );
    assert_eq!(v["table"][2]["precision"].as_f64(), Some(0.6));
    assert_eq!(
        v["unknown"][0]["name"],
        "Independent High Electoral Commission"
    );
    assert_eq!(v["unknown"].as_array().unwrap().len(), 1);
    let hama = &v["not_found"][0];
    assert_eq!(
        (&hama["entity"], &hama["found_instead"][0]),
        (&"hama-governorate".into(), &"hama".into())
    );
    let false_matches: Vec<(&str, &str)> = v["false_matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["doc"].as_str().unwrap(), f["entity"].as_str().unwrap()))
        .collect();
    assert_eq!(false_matches, [("e1", "turkiye"), ("e2", "hama")]);
    assert_eq!(
        v["false_matches"][0]["sentence"],
        "Iraqi officials said Turkey had been told."
    );
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].as_str().unwrap().contains("form 'KDP'"));
}

#[test]
fn splits_score_their_own_lines() {
    let dev = report(&["--split", "dev"]);
    assert_eq!(dev["documents"], 2);
    assert_eq!(table(&dev)[3], row("all", [8, 6, 8, 6]));
    let test = report(&["--split", "test"]);
    assert_eq!(test["documents"], 1);
    assert_eq!(test["missing_documents"], serde_json::json!(["e5"]));
    assert_eq!(table(&test).last().unwrap(), &row("all", [4, 4, 4, 4]));
}

/// With --demonyms, "Syrian" (no gold actor) is a false match, and "Iraqi"
/// lies within the optional "Iraqi officials", so it is not.
#[test]
fn demonyms_count_only_when_asked() {
    let v = report(&["--demonyms"]);
    assert_eq!(table(&v)[2], row("place", [4, 3, 6, 3]));
    let entities: Vec<&str> = v["false_matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["entity"].as_str().unwrap())
        .collect();
    assert_eq!(entities, ["turkiye", "hama", "syria"]);
}

#[test]
fn text_output_has_the_table_and_the_split_lists() {
    let out = ok(&["eval", "mentions", GOLD, DOCS, "-g", GAZETTEER]);
    let all = out
        .lines()
        .find(|l| l.starts_with("all"))
        .expect("an 'all' row");
    let cells: Vec<&str> = all.split_whitespace().collect();
    assert_eq!(
        cells,
        ["all", "12", "10", "12", "10", "0.833", "0.833", "0.833"]
    );
    for heading in [
        "missed, unknown to the gazetteer (1):",
        "missed, known but not found (1):",
        "false matches (2):",
    ] {
        assert!(out.contains(heading), "{heading} in {out}");
    }
}

#[test]
fn a_bad_gold_line_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"doc\": \"e1\", \"actors\": []}\n{\"doc\": \"e2\", \"actors\": [{\"name\": \"X\", \"type\": \"city\"}]}\n",
    )
    .unwrap();
    let (status, _, stderr) = code(&["eval", "mentions", gold.to_str().unwrap(), DOCS]);
    assert_eq!(status, 2);
    assert!(stderr.contains("gold.jsonl:2:"), "{stderr}");
    std::fs::write(
        &gold,
        "{\"doc\": \"e1\", \"actors\": []}\n{\"doc\": \"e1\", \"actors\": []}\n",
    )
    .unwrap();
    let (status, _, stderr) = code(&["eval", "mentions", gold.to_str().unwrap(), DOCS]);
    assert_eq!(status, 2);
    assert!(stderr.contains("already on line 1"), "{stderr}");
}

/// A gold name written as a curator would name the entity, with a
/// qualifier in brackets, resolves to the entity of that id before its
/// forms are tried: "Hama (Governorate)" is `hama-governorate`, so finding
/// the city at "Hama" is a miss with the city found instead, not a hit.
#[test]
fn a_gold_name_resolves_through_its_slug_before_its_forms() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let line = |name: &str| {
        format!(
            "{{\"doc\": \"e2\", \"actors\": [{{\"name\": \"{name}\", \"type\": \"place\", \"forms\": [\"Hama\"]}}]}}\n"
        )
    };
    let run = |gold: &std::path::Path| -> Value {
        let args = [
            "eval",
            "mentions",
            gold.to_str().unwrap(),
            DOCS,
            "-g",
            GAZETTEER,
            "--format",
            "json",
        ];
        serde_json::from_str(&ok(&args)).expect("one JSON object")
    };
    std::fs::write(&gold, line("Hama (Governorate)")).unwrap();
    let v = run(&gold);
    let missed = &v["not_found"][0];
    assert_eq!(
        (&missed["entity"], &missed["found_instead"][0]),
        (&"hama-governorate".into(), &"hama".into()),
        "{v}"
    );
    // A name that is no id falls back on its forms, as before.
    std::fs::write(&gold, line("Hama (the city)")).unwrap();
    let v = run(&gold);
    assert_eq!(v["not_found"].as_array().map(Vec::len), Some(0), "{v}");
}
