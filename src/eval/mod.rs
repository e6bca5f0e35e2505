//! Evaluation against annotated samples: the parts every evaluation shares.
//! A gold file is JSON lines, one record a line, read with errors that name
//! the file and line; scores are counted per type and reported as precision,
//! recall and F1, as a table or as JSON. [`mentions`] scores extraction,
//! [`relations`] typed relations.

pub mod mentions;
pub mod relations;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Location};

/// Which part of an annotated sample to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// For tuning rules and gazetteers.
    Dev,
    /// Held out.
    Test,
}

impl Split {
    /// `dev` or `test`.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }

    /// True when a record marked `split` belongs to this split.
    pub fn holds(self, split: Option<&str>) -> bool {
        split == Some(self.as_str())
    }
}

/// Reads a gold file: one JSON object a line (blank lines allowed), each
/// returned with its 1-based line number. A line that is not a valid record
/// is an error naming the file and line.
pub fn load_gold<T: DeserializeOwned>(path: &Path) -> crate::Result<Vec<(u32, T)>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_gold(&path.display().to_string(), &text)
}

/// [`load_gold`] on a text already read; `file` names it in errors.
pub fn parse_gold<T: DeserializeOwned>(file: &str, text: &str) -> crate::Result<Vec<(u32, T)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i as u32 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(line).map_err(|e| {
            Error::parse(
                Location {
                    file: file.to_string(),
                    line: number,
                    column: e.column() as u32,
                },
                format!("not a gold record: {e}"),
            )
        })?;
        out.push((number, record));
    }
    Ok(out)
}

/// Counts behind precision and recall: of the gold items, how many were
/// found; of the items the system produced, how many are correct.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold items to find.
    pub gold: usize,
    /// Gold items found.
    pub found: usize,
    /// Items the system produced.
    pub produced: usize,
    /// Produced items that are correct.
    pub correct: usize,
}

impl Counts {
    /// correct / produced; 1 when nothing was produced (nothing was wrong).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.produced)
    }

    /// found / gold; 1 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.found += other.found;
        self.produced += other.produced;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Counts per type (`person`, `group`, `place`, ...), and over all types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreTable {
    by_type: BTreeMap<String, Counts>,
}

/// One row of a [`ScoreTable`], as JSON writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreRow {
    /// The type, or `all`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Gold items.
    pub gold: usize,
    /// Gold items found.
    pub found: usize,
    /// Items produced.
    pub produced: usize,
    /// Produced items that are correct.
    pub correct: usize,
    /// correct / produced.
    pub precision: f64,
    /// found / gold.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

impl ScoreTable {
    /// The counts of one type, to add to.
    pub fn of(&mut self, kind: &str) -> &mut Counts {
        self.by_type.entry(kind.to_string()).or_default()
    }

    /// The counts over all types.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.by_type.values() {
            total.add(c);
        }
        total
    }

    /// One row per type in name order, then `all`.
    pub fn rows(&self) -> Vec<ScoreRow> {
        let row = |kind: &str, c: &Counts| ScoreRow {
            kind: kind.to_string(),
            gold: c.gold,
            found: c.found,
            produced: c.produced,
            correct: c.correct,
            precision: round(c.precision()),
            recall: round(c.recall()),
            f1: round(c.f1()),
        };
        self.by_type
            .iter()
            .map(|(k, c)| row(k, c))
            .chain(std::iter::once(row("all", &self.total())))
            .collect()
    }

    /// The table as aligned text; `produced` names what the system produced
    /// ("extracted").
    pub fn write_text(&self, out: &mut dyn Write, produced: &str) -> io::Result<()> {
        writeln!(
            out,
            "{:<8} {:>6} {:>6} {:>9} {:>8} {:>9} {:>6} {:>6}",
            "type", "gold", "found", produced, "correct", "precision", "recall", "F1"
        )?;
        for r in self.rows() {
            writeln!(
                out,
                "{:<8} {:>6} {:>6} {:>9} {:>8} {:>9.3} {:>6.3} {:>6.3}",
                r.kind, r.gold, r.found, r.produced, r.correct, r.precision, r.recall, r.f1
            )?;
        }
        Ok(())
    }
}

/// Three decimals: what a reader compares, and stable JSON.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_and_f1_by_type_and_overall() {
        let mut t = ScoreTable::default();
        *t.of("person") = Counts {
            gold: 4,
            found: 3,
            produced: 4,
            correct: 2,
        };
        *t.of("place") = Counts {
            gold: 0,
            found: 0,
            produced: 2,
            correct: 2,
        };
        let rows = t.rows();
        let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(kinds, ["person", "place", "all"]);
        assert_eq!((rows[0].precision, rows[0].recall), (0.5, 0.75));
        assert_eq!(rows[0].f1, 0.6);
        assert_eq!((rows[1].precision, rows[1].recall), (1.0, 1.0));
        assert_eq!((rows[2].precision, rows[2].recall), (0.667, 0.75));
        let mut text = Vec::new();
        t.write_text(&mut text, "extracted").unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.lines().nth(3).unwrap().starts_with("all"), "{text}");
    }

    #[test]
    fn a_bad_line_is_an_error_naming_file_and_line() {
        #[derive(Debug, serde::Deserialize)]
        struct R {
            #[allow(dead_code)]
            doc: String,
        }
        let ok: Vec<(u32, R)> =
            parse_gold("g.jsonl", "{\"doc\":\"a\"}\n\n{\"doc\":\"b\"}\n").unwrap();
        assert_eq!(ok.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [1, 3]);
        let err = parse_gold::<R>("g.jsonl", "{\"doc\":\"a\"}\n{\"doc\": 3}\n").unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:2:"), "{err}");
        let err = parse_gold::<R>("g.jsonl", "{\"doc\":\"a\"\n").unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:1:"), "{err}");
    }
}
