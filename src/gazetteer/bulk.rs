//! What bulk lists lose or may get wrong, counted per file and told once per
//! file: a warning for each of a million rows would drown the report.

use std::collections::BTreeMap;

use super::{Problem, Severity};
use crate::error::Location;

/// The counts of one bulk file.
#[derive(Debug, Default)]
pub(super) struct BulkCounts {
    /// Names that belong to several ids.
    pub shared: usize,
    /// Names skipped as common English words.
    pub common: usize,
    /// The first few of them, as the file writes them.
    pub common_examples: Vec<String>,
    /// Rows skipped for a name that cannot be matched (no letter or digit,
    /// too long).
    pub unmatchable: usize,
    /// The first of them: its line and what is wrong.
    pub first_unmatchable: Option<(u32, String)>,
    /// Rows that give an id another type than its first row.
    pub retyped: usize,
    /// The first of them: its line and what it says.
    pub first_retyped: Option<(u32, String)>,
}

impl BulkCounts {
    /// Counts a name skipped as a common word, keeping a few as examples.
    pub fn common_word(&mut self, name: &str) {
        self.common += 1;
        if self.common_examples.len() < 3 && !self.common_examples.iter().any(|n| n == name) {
            self.common_examples.push(name.to_string());
        }
    }

    /// One warning per kind of loss, at the first row that shows it.
    pub fn into_problems(self, file: &str) -> Vec<Problem> {
        let warn = |line: u32, message: String| Problem {
            location: Location::line(file, line),
            severity: Severity::Warning,
            message,
        };
        let mut problems = Vec::new();
        if self.shared > 0 {
            problems.push(warn(
                0,
                format!(
                    "{} names belong to several ids; each goes to the id loaded first",
                    self.shared
                ),
            ));
        }
        if self.common > 0 {
            let examples: Vec<String> = self
                .common_examples
                .iter()
                .map(|n| format!("{n:?}"))
                .collect();
            problems.push(warn(
                0,
                format!(
                    "{} names are common or generic words (such as {}) and are not matched",
                    self.common,
                    examples.join(", ")
                ),
            ));
        }
        if let Some((line, first)) = self.first_unmatchable {
            problems.push(warn(
                line,
                format!(
                    "{} rows skipped: their name cannot be matched (the first, here: {first})",
                    self.unmatchable
                ),
            ));
        }
        if let Some((line, first)) = self.first_retyped {
            problems.push(warn(
                line,
                format!(
                    "{} rows give their id another type than its first row; each id keeps its first type (the first, here: {first})",
                    self.retyped
                ),
            ));
        }
        problems
    }
}

/// The counts of `file`, without copying its name for every row counted.
pub(super) fn counts_of<'a>(
    counts: &'a mut BTreeMap<String, BulkCounts>,
    file: &str,
) -> &'a mut BulkCounts {
    if !counts.contains_key(file) {
        counts.insert(file.to_string(), BulkCounts::default());
    }
    counts.get_mut(file).expect("inserted above")
}
