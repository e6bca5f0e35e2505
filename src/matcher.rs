//! Finds the gazetteer's names in text: one Aho-Corasick automaton over
//! normalized names, whole words only, leftmost-longest, with offsets into the
//! original text. Built once, then shared read-only by every thread.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::error::Error;
use crate::gazetteer::{Candidate, EntityIndex, Gazetteer, MentionKind};
use crate::normalize::{Normalized, normalize};

/// Largest number of distinct names compiled to a DFA.
const DFA_MAX_NAMES: usize = 20_000;

/// What to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchOptions {
    /// Match demonyms ("Iraqi") as mentions of their place.
    pub demonyms: bool,
}

impl Default for MatchOptions {
    fn default() -> MatchOptions {
        MatchOptions { demonyms: true }
    }
}

/// One name found in a text: `text[start..end]` names `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The entity named.
    pub entity: EntityIndex,
    /// Name, acronym or demonym.
    pub kind: MentionKind,
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset just past the last byte in the original text.
    pub end: usize,
}

/// The automaton over every name of a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
    candidates: Vec<Vec<Candidate>>,
}

impl Matcher {
    /// Builds the automaton. Names are sorted first so that the automaton is the
    /// same from run to run.
    pub fn new(gazetteer: &Gazetteer) -> crate::Result<Matcher> {
        let mut names: Vec<(&str, &[Candidate])> = gazetteer.names().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(b.0));
        // A full DFA scans fastest but grows with the names; past a curated
        // gazetteer's size the contiguous NFA keeps memory in bounds.
        let kind = if names.len() <= DFA_MAX_NAMES {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            // Every name starts with a space: a prefilter would stop at every word.
            .prefilter(false)
            .build(names.iter().map(|(k, _)| k))
            .map_err(|e| Error::Invalid(format!("cannot build the name matcher: {e}")))?;
        let candidates = names.into_iter().map(|(_, c)| c.to_vec()).collect();
        Ok(Matcher {
            automaton,
            candidates,
        })
    }

    /// Number of distinct normalized names.
    pub fn name_count(&self) -> usize {
        self.candidates.len()
    }

    /// Finds every mention in `text`, in order.
    ///
    /// ```
    /// use actorgraph::gazetteer::Gazetteer;
    /// use actorgraph::matcher::{Matcher, MatchOptions};
    /// let g = Gazetteer::from_toml_str("t.toml", r#"
    ///     [[entity]]
    ///     id = "hts"
    ///     name = "Hayat Tahrir al-Sham"
    ///     type = "group"
    ///     aliases = ["HTS"]
    /// "#).unwrap();
    /// let m = Matcher::new(&g).unwrap();
    /// let text = "Hay’at Tahrir al-Sham (HTS) is advancing; hts is not.";
    /// let found = m.find(text, MatchOptions::default());
    /// let spans: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
    /// assert_eq!(spans, ["Hay’at Tahrir al-Sham", "HTS"]);
    /// ```
    pub fn find(&self, text: &str, options: MatchOptions) -> Vec<Match> {
        let mut out = Vec::new();
        self.find_normalized(text, &normalize(text), options, &mut out);
        out
    }

    /// Finds every mention in `text`, whose normalization is `normalized`,
    /// appending to `out`.
    pub fn find_normalized(
        &self,
        text: &str,
        normalized: &Normalized,
        options: MatchOptions,
        out: &mut Vec<Match>,
    ) {
        let hay = normalized.as_str();
        let mut at = 0;
        while at < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(at..hay.len())) else {
                break;
            };
            // Patterns are " word … word ": drop the spaces on both sides.
            let (start, end) = normalized.original_span(text, m.start() + 1, m.end() - 1);
            let chosen = self.candidates[m.pattern().as_usize()]
                .iter()
                .find(|c| accepts(c, text, start, end, options));
            match chosen {
                Some(c) => {
                    out.push(Match {
                        entity: c.entity,
                        kind: c.kind,
                        start,
                        end,
                    });
                    // The closing space opens the next word.
                    at = m.end() - 1;
                }
                None => at = m.start() + 1,
            }
        }
    }
}

fn accepts(c: &Candidate, text: &str, start: usize, end: usize, options: MatchOptions) -> bool {
    match c.kind {
        MentionKind::Demonym => options.demonyms,
        MentionKind::Acronym => {
            let lower_case = text[start..end].chars().any(char::is_lowercase);
            let a_word_in_a_headline = c.common_word && in_capitals_line(text, start, end);
            !lower_case && !a_word_in_a_headline
        }
        MentionKind::Name => !c.capitalized || text[start..].starts_with(char::is_uppercase),
    }
}

/// True when the text around a span, on its line, has no lower-case letter: a
/// headline set in capitals, where "IS" may be the word "is". Looks at most 80
/// bytes either side, so a huge single-line document costs no more.
fn in_capitals_line(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let from = start.saturating_sub(80);
    let to = (end + 80).min(bytes.len());
    let before = &bytes[from..start];
    let before = &before[before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)..];
    let after = &bytes[end..to];
    let after = &after[..after
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(after.len())];
    let context = String::from_utf8_lossy(before) + String::from_utf8_lossy(after);
    let letters = context.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && !context.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAZETTEER: &str = r#"
[[entity]]
id = "iraq"
name = "Iraq"
type = "place"
demonyms = ["Iraqi"]

[[entity]]
id = "iran"
name = "Iran"
type = "place"

[[entity]]
id = "syria"
name = "Syria"
type = "place"
demonyms = ["Syrian"]

[[entity]]
id = "hama"
name = "Hama"
type = "place"

[[entity]]
id = "hamas"
name = "Hamas"
type = "group"

[[entity]]
id = "islamic-state"
name = "Islamic State"
type = "group"
aliases = ["IS", "ISIS"]

[[entity]]
id = "sdf"
name = "Syrian Democratic Forces"
type = "group"
aliases = ["SDF"]

[[entity]]
id = "hts"
name = "Hayat Tahrir al-Sham"
type = "group"
aliases = ["HTS"]

[[entity]]
id = "sharaa"
name = "Ahmed al-Sharaa"
type = "person"
aliases = ["Abu Mohammad al-Jolani", "al-Jolani"]

[[entity]]
id = "erdogan"
name = "Recep Tayyip Erdoğan"
type = "person"
aliases = ["Erdogan"]

[[entity]]
id = "turkiye"
name = "Türkiye"
type = "place"
aliases = ["Turkey"]

[[entity]]
id = "us"
name = "United States"
type = "place"
aliases = ["U.S.", "US"]
"#;

    fn spans(text: &str, options: MatchOptions) -> Vec<(String, String)> {
        let g = Gazetteer::from_toml_str("t.toml", GAZETTEER).unwrap();
        let m = Matcher::new(&g).unwrap();
        m.find(text, options)
            .into_iter()
            .map(|f| {
                (
                    g.entity(f.entity).id.clone(),
                    text[f.start..f.end].to_string(),
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        spans(text, MatchOptions::default())
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    #[test]
    fn matching_rules_table() {
        let table: &[(&str, &[&str])] = &[
            // whole words, Unicode-aware
            ("Iran-backed forces", &["iran"]),
            ("Hamas fighters", &["hamas"]),
            ("near Hama.", &["hama"]),
            ("Iraqi officials", &["iraq"]),
            ("Iraqis", &[]),
            ("Iraqs", &[]),
            ("Syriac", &[]),
            // possessives and punctuation
            ("Iraq's security", &["iraq"]),
            ("Iraq’s security", &["iraq"]),
            ("(Syria), Iran.", &["syria", "iran"]),
            ("“Iraq”", &["iraq"]),
            // acronyms only in capitals
            (
                "the Islamic State (IS) is back",
                &["islamic-state", "islamic-state"],
            ),
            ("this is it", &[]),
            ("Is it?", &[]),
            ("ISIS and HTS", &["islamic-state", "hts"]),
            ("hts", &[]),
            ("the U.S. and the US", &["us", "us"]),
            ("tell us", &[]),
            ("IRAN SAYS IS FIGHTERS LOSE GROUND", &["iran"]),
            // leftmost-longest
            ("Syrian Democratic Forces", &["sdf"]),
            ("Abu Mohammad al-Jolani", &["sharaa"]),
            // folding and generated variants
            ("Erdoğan and Erdogan", &["erdogan", "erdogan"]),
            (
                "Türkiye, Turkiye, Turkey",
                &["turkiye", "turkiye", "turkiye"],
            ),
            ("Hay’at Tahrir al-Sham", &["hts"]),
            ("Hay'at Tahrir al Sham", &["hts"]),
            ("Abu Muhammad al-Julani", &["sharaa"]),
            ("Ahmad al-Sharaa", &["sharaa"]),
            ("al Jolani", &["sharaa"]),
        ];
        for (text, want) in table {
            assert_eq!(ids(text), *want, "in {text:?}");
        }
    }

    #[test]
    fn spans_are_exact_original_bytes() {
        let found = spans(
            "Türkiye’s Erdoğan, Hay’at Tahrir al-Sham’s leader",
            MatchOptions::default(),
        );
        let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Türkiye", "Erdoğan", "Hay’at Tahrir al-Sham"]);
        let found = spans(
            "a name split\nacross lines: Hayat Tahrir\n  al-Sham",
            MatchOptions::default(),
        );
        assert_eq!(found[0].1, "Hayat Tahrir\n  al-Sham");
    }

    #[test]
    fn capitalized_bulk_names_match_capitalized_text_only() {
        let mut b = crate::gazetteer::GazetteerBuilder::new();
        b.add_tsv(
            "list.tsv",
            "id\ttype\tname\nx:1\tgroup\tCompany\nx:2\tplace\tdelta town\n",
        )
        .unwrap();
        let g = b.finish();
        let m = Matcher::new(&g).unwrap();
        let text = "The company said Company shares rose in Delta Town and delta town.";
        let found: Vec<&str> = m
            .find(text, MatchOptions::default())
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect();
        assert_eq!(found, ["Company", "Delta Town", "delta town"]);
    }

    #[test]
    fn demonyms_can_be_turned_off() {
        let off = MatchOptions { demonyms: false };
        assert_eq!(spans("Iraqi and Syrian forces in Iraq", off).len(), 1);
        let on = spans("Iraqi and Syrian forces in Iraq", MatchOptions::default());
        assert_eq!(on.len(), 3);
    }
}
