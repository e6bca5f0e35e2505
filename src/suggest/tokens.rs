//! The words of one document as `suggest` reads them: each normalized word
//! mapped back to its original bytes, with its shape (capitalized, in
//! capitals, an initial, lower case), its sentence, whether the gazetteer
//! matched it, and whether it stands in a line whose names are not the
//! story's (a headline in capitals, a byline, a photo credit, a table row, a
//! sign-off). Also how the corpus writes each word, in lower case or
//! capitalized.

use rustc_hash::FxHashMap;

use super::cues;
use crate::extract::Extraction;
use crate::normalize::Normalized;

/// How the words of the corpus are written: in lower case, or capitalized
/// inside a sentence. A word written mostly in lower case is an ordinary word
/// even where a sentence opens with it.
#[derive(Debug, Clone, Default)]
pub(super) struct WordCase {
    counts: FxHashMap<String, (u32, u32)>,
}

impl WordCase {
    pub(super) fn count(&mut self, word: &str, lower: bool) {
        let entry = match self.counts.get_mut(word) {
            Some(e) => e,
            None => self.counts.entry(word.to_string()).or_default(),
        };
        if lower { entry.0 += 1 } else { entry.1 += 1 }
    }

    /// True when the corpus writes `word` in lower case at least as often as
    /// it capitalizes it inside sentences.
    pub fn mostly_lower(&self, word: &str) -> bool {
        self.counts
            .get(word)
            .is_some_and(|&(lower, upper)| lower >= upper && lower > 0)
    }
}

/// The shape of a word as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// "Sudani", "Al".
    Capitalized,
    /// "IHEC": two letters or more, all capitals.
    Capitals,
    /// One capital letter: an initial.
    Initial,
    /// "said", "al".
    Lower,
    /// Digits, punctuation.
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'n> {
    /// Original bytes.
    pub start: usize,
    pub end: usize,
    /// The normalized word.
    pub word: &'n str,
    pub shape: Shape,
    pub sentence: u32,
    /// The first word of its sentence.
    pub opens: bool,
    /// The mention (index) the gazetteer matched here.
    pub known: Option<usize>,
    /// In a headline set in capitals, a byline or a photo credit.
    pub skipped: bool,
}

impl Token<'_> {
    /// A capitalized word the gazetteer did not match: a name's word.
    pub fn is_name_word(&self) -> bool {
        matches!(self.shape, Shape::Capitalized)
            && self.known.is_none()
            && !self.skipped
            && !cues::is_calendar(self.word)
    }

    /// An initial ("J" of "J.P. Morgan") that may open or sit in a name.
    pub fn is_initial(&self) -> bool {
        self.shape == Shape::Initial && self.known.is_none() && !self.skipped
    }
}

/// Reads the words of a normalized text back to the original bytes, with
/// their shape, sentence, and whether the gazetteer matched them.
pub(super) fn tokenize<'n>(
    text: &str,
    normalized: &'n Normalized,
    extraction: &Extraction,
) -> Vec<Token<'n>> {
    let skipped_lines = skipped_lines(text, &extraction.segments.paragraphs);
    let norm = normalized.as_str();
    let mut cursor = normalized.cursor();
    let sentences = &extraction.segments.sentences;
    let mentions = &extraction.mentions;
    let (mut sentence, mut mention, mut line) = (0usize, 0usize, 0usize);
    let mut last_sentence = usize::MAX;
    let mut tokens = Vec::with_capacity(norm.len() / 6);
    let mut at = 0;
    for word in norm.split(' ') {
        let from = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let (start, end) = cursor.original_span(text, from, from + word.len());
        while sentence + 1 < sentences.len() && sentences[sentence + 1].start <= start {
            sentence += 1;
        }
        while mention < mentions.len() && mentions[mention].end <= start {
            mention += 1;
        }
        while line < skipped_lines.len() && skipped_lines[line].1 <= start {
            line += 1;
        }
        let known = mentions
            .get(mention)
            .filter(|m| m.start <= start && start < m.end)
            .map(|_| mention);
        let skipped = skipped_lines
            .get(line)
            .is_some_and(|&(s, e)| s <= start && start < e);
        let written = &text[start..end];
        // "I'd", "We're", "Don't": a capital that opens a clause, not a name.
        let shape = if is_contraction(written) {
            Shape::Other
        } else {
            shape(written)
        };
        let is_word =
            shape != Shape::Other || word.chars().next().is_some_and(char::is_alphanumeric);
        let opens = is_word && sentence != last_sentence;
        if is_word {
            last_sentence = sentence;
        }
        tokens.push(Token {
            start,
            end,
            word,
            shape,
            sentence: sentence as u32,
            opens,
            known,
            skipped,
        });
    }
    // A sign-off in capitals closing the story ("REUTER", "AFP") is the
    // agency's, not a name the story uses.
    if let Some(last) = tokens.iter_mut().rev().find(|t| t.shape != Shape::Other) {
        last.skipped |= last.shape == Shape::Capitals;
    }
    tokens
}

fn is_contraction(written: &str) -> bool {
    let Some(at) = written.rfind(['\'', '\u{2019}']) else {
        return false;
    };
    let tail = &written[at..];
    let tail = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
    matches!(tail, "d" | "ll" | "m" | "re" | "ve" | "t")
}

fn shape(written: &str) -> Shape {
    let mut chars = written.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if !first.is_alphabetic() {
        return Shape::Other;
    }
    if first.is_lowercase() {
        return Shape::Lower;
    }
    let letters = written.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && written.chars().count() == 1 {
        return Shape::Initial;
    }
    if written.chars().all(|c| !c.is_lowercase()) {
        Shape::Capitals
    } else {
        Shape::Capitalized
    }
}

/// Byte ranges of the lines whose names are not the story's: lines set in
/// capitals (headlines), bylines and photo credits.
fn skipped_lines(text: &str, paragraphs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // A headline in title case is a paragraph of its own; a line of
    // hard-wrapped text full of company names is not a headline.
    let whole_paragraph = |from: usize, to: usize| {
        let i = paragraphs.partition_point(|p| p.0 < from);
        paragraphs.get(i).is_some_and(|p| p.1 <= to)
    };
    let last_line = text.trim_end().rfind('\n').map_or(0, |i| i + 1);
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = letters >= 2 && !line.chars().any(char::is_lowercase);
        let trimmed = line.trim();
        let words = trimmed.split_whitespace().count();
        let byline = trimmed.starts_with("By ") && words <= 6;
        // A story's last line of a word or two is its sign-off ("Reuter").
        let sign_off = start >= last_line && words <= 2 && !trimmed.ends_with('.');
        let credit = cues::is_credit_line(&line.to_lowercase());
        let lead = line.len() - line.trim_start().len();
        let title = whole_paragraph(start + lead, end) && is_title_case(trimmed);
        let headline = capitals || title;
        if headline || byline || sign_off || credit || is_table_row(trimmed) {
            out.push((start, end));
        }
        start = end;
    }
    out
}

/// True for a headline in title case: four to twenty words, two in three of
/// them capitalized, and no full stop at the end ("Syrian Armed Factions
/// Assure Iraq that They Pose No Threat to its Security"). Asked only of a
/// line that is a paragraph of its own.
fn is_title_case(line: &str) -> bool {
    if line.ends_with('.') {
        return false;
    }
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    (4..=20).contains(&words.len()) && capitalized * 3 >= words.len() * 2
}

/// True for a line of a table: two numbers or more, and at most two words
/// of letters for each ("Net 5.2 mln vs 4.1 mln vs 3.3 mln").
fn is_table_row(line: &str) -> bool {
    let (mut numbers, mut words) = (0, 0);
    for w in line.split_whitespace() {
        let numeric = w.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '-');
        if numeric && w.contains(|c: char| c.is_ascii_digit()) {
            numbers += 1;
        } else if w.chars().any(char::is_alphabetic) {
            words += 1;
        }
    }
    numbers >= 2 && 2 * numbers >= words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// The lines `tokenize` passes over, as text.
    fn skipped(text: &str) -> Vec<&str> {
        skipped_lines(text, &segment(text).paragraphs)
            .into_iter()
            .map(|(s, e)| text[s..e].trim())
            .collect()
    }

    #[test]
    fn lines_whose_names_are_not_the_story_s() {
        let table: &[(&str, &[&str])] = &[
            (
                "IRAQ SAYS BORDER SEALED\nThe border is sealed.",
                &["IRAQ SAYS BORDER SEALED"],
            ),
            ("TT\nThe text goes on here.", &["TT"]),
            (
                "Erdogan Discusses Syria Situation with Putin, Ankara Says\nThey spoke.",
                &["Erdogan Discusses Syria Situation with Putin, Ankara Says"],
            ),
            ("Prime Minister Adil Abdul-Mahdi spoke.", &[]),
            ("By Jane Doe\nBaghdad was calm.", &["By Jane Doe"]),
            (
                "Baghdad was calm.\nReporting by Jane Doe; Editing by John Roe",
                &["Reporting by Jane Doe; Editing by John Roe"],
            ),
            ("Baghdad was calm today.\n Reuter", &["Reuter"]),
            (
                "Qtr 1.10 vs 0.90 vs 0.85\nNet 5.2 mln vs 4.1 mln vs 3.3 mln",
                &[
                    "Qtr 1.10 vs 0.90 vs 0.85",
                    "Net 5.2 mln vs 4.1 mln vs 3.3 mln",
                ],
            ),
        ];
        for (text, want) in table {
            assert_eq!(skipped(text), *want, "in {text:?}");
        }
        // A hard-wrapped line full of names is not a headline.
        let wrapped = "The four companies, Exxon Corp and Mobil Corp among\nthem, signed a deal with Texaco Inc and Chevron Corp\nMobil Oil Texaco Chevron Exxon Shell Gulf Amoco Sun\nwhich was announced on Friday in a statement by all.\n";
        assert!(skipped(wrapped).is_empty(), "{:?}", skipped(wrapped));
    }
}
