//! `actorgraph extract` on the seeds: every actor under the right entity, and
//! nothing false; the matching traps hold; bad input is reported and passed over.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use serde_json::Value;

use super::harness::{arg, code, ok, root};

fn mentions(args: &[&str]) -> Vec<Value> {
    ok(args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

#[test]
fn every_seed_yields_exactly_the_golden_entities() {
    let golden = fs::read_to_string(root().join("tests/golden/seed-entities.tsv")).unwrap();
    let want: BTreeMap<String, BTreeSet<String>> = golden
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (doc, ids) = l.split_once('\t').unwrap();
            (doc.to_string(), ids.split(' ').map(String::from).collect())
        })
        .collect();
    let mut got: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in mentions(&["extract", "--undated-as", "2024-12-05", "seeds/"]) {
        got.entry(m["doc"].as_str().unwrap().to_string())
            .or_default()
            .insert(m["entity"].as_str().unwrap().to_string());
    }
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (doc, ids) in &want {
        let extra: Vec<_> = got[doc].difference(ids).collect();
        let missing: Vec<_> = ids.difference(&got[doc]).collect();
        assert!(
            extra.is_empty() && missing.is_empty(),
            "{doc}: extra {extra:?}, missing {missing:?}"
        );
    }
}

#[test]
fn output_fields_and_offsets_are_exact() {
    let text = fs::read_to_string(root().join("seeds/004_a6c427db5021f859.txt")).unwrap();
    let all = mentions(&["extract", "seeds/004_a6c427db5021f859.txt"]);
    let raw = ok(&["extract", "seeds/004_a6c427db5021f859.txt"]);
    let fields = [
        "doc",
        "entity",
        "name",
        "type",
        "kind",
        "text",
        "start",
        "end",
        "sentence",
        "paragraph",
    ];
    for line in raw.lines() {
        let at: Vec<usize> = fields
            .iter()
            .map(|f| line.find(&format!("\"{f}\":")).expect(f))
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "fields in order: {line}"
        );
    }
    for m in &all {
        // `via` comes last, and only where more than a name resolved it.
        let object = m.as_object().unwrap();
        let via = usize::from(object.contains_key("via"));
        assert_eq!(object.len(), fields.len() + via, "{m}");
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap());
    }
    let jolani = all
        .iter()
        .find(|m| m["text"] == "Abu Mohammad al-Jolani")
        .expect("al-Jolani is found");
    assert_eq!(jolani["entity"], "ahmed-al-sharaa");
    assert_eq!(jolani["type"], "person");
    let turkey: Vec<&Value> = all
        .iter()
        .filter(|m| m["text"].as_str().unwrap().starts_with("Turkey"))
        .collect();
    assert!(!turkey.is_empty() && turkey.iter().all(|m| m["entity"] == "turkiye"));
    // The article is dated 30-11-2024: "the Syrian army" is the army of then.
    let army = all
        .iter()
        .find(|m| m["text"] == "Syrian army")
        .expect("the Syrian army is found");
    assert_eq!(army["entity"], "syrian-arab-army");
    assert_eq!(army["via"]["rule"], "date");
    assert_eq!(army["via"]["date"], "2024-11-30");
    assert_eq!(army["via"]["undated"], false);
}

#[test]
fn sharaa_and_jolani_are_one_person_turkey_and_turkiye_one_country() {
    let all = mentions(&["extract", "seeds/"]);
    let texts_of = |id: &str| -> BTreeSet<String> {
        all.iter()
            .filter(|m| m["entity"] == id)
            .map(|m| m["text"].as_str().unwrap().to_string())
            .collect()
    };
    let sharaa = texts_of("ahmed-al-sharaa");
    assert!(
        sharaa.contains("Ahmed al-Sharaa") && sharaa.contains("Abu Mohammad al-Jolani"),
        "{sharaa:?}"
    );
    let turkiye = texts_of("turkiye");
    assert!(
        turkiye.contains("Türkiye") && turkiye.contains("Turkey") && turkiye.contains("Turkish"),
        "{turkiye:?}"
    );
}

#[test]
fn traps_hold_on_the_seeds() {
    let all = mentions(&["extract", "seeds/"]);
    // "IS" only ever in capitals, and never the verb.
    for m in all.iter().filter(|m| m["kind"] == "acronym") {
        let t = m["text"].as_str().unwrap();
        assert!(t.chars().all(|c| !c.is_lowercase()), "{t}");
    }
    assert!(
        all.iter()
            .any(|m| m["text"] == "IS" && m["entity"] == "islamic-state")
    );
    assert!(all.iter().all(|m| m["text"] != "is" && m["text"] != "Is"));
    // Demonyms are kept apart from names.
    let iraqi: Vec<&Value> = all.iter().filter(|m| m["text"] == "Iraqi").collect();
    assert!(
        !iraqi.is_empty()
            && iraqi
                .iter()
                .all(|m| m["kind"] == "demonym" && m["entity"] == "iraq")
    );
    assert!(
        all.iter()
            .filter(|m| m["text"] == "Iraq")
            .all(|m| m["kind"] == "name")
    );
    // Leftmost-longest.
    assert!(
        all.iter().any(|m| m["text"] == "Syrian Democratic Forces"
            && m["entity"] == "syrian-democratic-forces")
    );
    // Hama the city, not inside "Hamas"; and no Hamas in the seeds.
    assert!(all.iter().all(|m| m["entity"] != "hamas"));
}

#[test]
fn traps_hold_on_text_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("traps.txt");
    fs::write(
        &file,
        "This is Hamas, not Hama. IS fighters is. Iran-backed units. HTS's leader; hts.\n",
    )
    .unwrap();
    let found: Vec<(String, String)> = mentions(&["extract", arg(&file)])
        .iter()
        .map(|m| {
            (
                m["entity"].as_str().unwrap().into(),
                m["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("hamas", "Hamas"),
        ("hama", "Hama"),
        ("islamic-state", "IS"),
        ("iran", "Iran"),
        ("hayat-tahrir-al-sham", "HTS"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn regional_files_tell_towns_districts_and_lookalikes_apart() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("region.txt");
    fs::write(
        &file,
        "Koya and Koya District. Heet was hit. FAO and ADM reported. Tehran Radio said \
         Al-Faw and the Faw peninsula fell. Brigade 45 and Brigade 46 moved. \
         Sheikh Ali al-Khalifa al-Sabah met Hisham Nazer.\n",
    )
    .unwrap();
    let found: Vec<(String, String)> = mentions(&["extract", arg(&file)])
        .iter()
        .map(|m| {
            (
                m["entity"].as_str().unwrap().into(),
                m["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    // A town and its district are two places; "hit", the UN's FAO and the
    // company ADM are not the town of Hit, the town of Faw (once "Fao") or the
    // Assyrian Democratic Movement.
    let want = [
        ("koya", "Koya"),
        ("koya-district", "Koya District"),
        ("heet", "Heet"),
        ("islamic-republic-of-iran-broadcasting", "Tehran Radio"),
        ("faw", "Al-Faw"),
        ("faw-peninsula", "Faw peninsula"),
        ("pmf-45th-brigade", "Brigade 45"),
        ("pmf-46th-brigade", "Brigade 46"),
        ("ali-al-khalifa-al-sabah", "Sheikh Ali al-Khalifa al-Sabah"),
        ("hisham-nazer", "Hisham Nazer"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn no_demonyms_drops_demonym_mentions() {
    let all = mentions(&["extract", "--no-demonyms", "seeds/"]);
    assert!(!all.is_empty());
    assert!(all.iter().all(|m| m["kind"] != "demonym"));
}

#[test]
fn tsv_output_has_a_header_and_eleven_columns() {
    let out = ok(&[
        "extract",
        "--format",
        "tsv",
        "seeds/000_f97f4a875a4094d3.txt",
    ]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "doc\tentity\tname\ttype\tkind\ttext\tstart\tend\tsentence\tparagraph\tvia"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.iter().all(|l| l.split('\t').count() == 11));
    // "Iraqi President" in the headline names the president of its date.
    assert!(
        rows.iter().any(|l| l.contains(
            "\ttitle\tIraqi President\t0\t15\t0\t0\ttitle: President of iraq (President) on 2024-12-01"
        )),
        "{rows:?}"
    );
}

#[test]
fn bad_inputs_warn_with_file_and_line_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), "Erdogan spoke.").unwrap();
    fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02Erdogan").unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"Erdo\xf0an and Putin").unwrap();
    fs::write(
        dir.path().join("docs.jsonl"),
        "{\"id\":\"a\",\"text\":\"Putin\"}\nnot json\n{\"id\":\"b\",\"text\":\"Lavrov\"}\n",
    )
    .unwrap();
    let (status, out, err) = code(&["extract", arg(dir.path())]);
    assert_eq!(
        status, 2,
        "skipped input makes the exit code 2 at the end: {err}"
    );
    let docs: BTreeSet<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        docs,
        ["a", "b", "good.txt", "latin1.txt"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("docs.jsonl:2: not valid JSON"), "{err}");
    assert!(err.contains("latin1.txt:1: not valid UTF-8"), "{err}");
    assert!(err.contains("empty.txt: empty document"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn missing_paths_and_bad_gazetteers_are_errors_naming_the_place() {
    // A missing input is reported, and the others are still read.
    let seed = "seeds/004_a6c427db5021f859.txt";
    let (status, out, err) = code(&["extract", "no/such/file.txt", seed]);
    assert_eq!(status, 2);
    assert_eq!(
        err.trim(),
        "actorgraph: warning: no/such/file.txt: No such file or directory; skipped"
    );
    assert_eq!(out, ok(&["extract", seed]), "the existing file is read");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(
        &bad,
        "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"planet\"\n",
    )
    .unwrap();
    let (status, _, err) = code(&["extract", "-g", arg(&bad), "seeds/"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("bad.toml:4: unknown entity type 'planet'"),
        "{err}"
    );
}

#[test]
fn bulk_tsv_gazetteers_load_and_merge_with_builtin() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("extra.tsv");
    fs::write(&file, "id\ttype\tname\nx:1\tplace\tGotham\n").unwrap();
    let text = dir.path().join("t.txt");
    fs::write(&text, "Gotham and Syria").unwrap();
    let found = mentions(&["extract", "-g", "builtin", "-g", arg(&file), arg(&text)]);
    let ids: Vec<&str> = found
        .iter()
        .map(|m| m["entity"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["x:1", "syria"]);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["extract", "seeds/", "seeds/", "seeds/"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{status:?} {err}");
    assert!(err.is_empty(), "{err}");
}
