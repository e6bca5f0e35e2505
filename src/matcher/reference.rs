//! The matcher this module had before the word trie, kept to check the trie
//! against: one Aho-Corasick automaton over the normalized names (spaces
//! included), leftmost-longest, with the same acceptance and restart rules,
//! and the same rule for names that only headlines in capitals hold.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use super::{Match, MatchOptions};
use crate::gazetteer::{Candidate, Gazetteer, MentionKind};
use crate::normalize::normalize;

/// The acceptance rules as they were written for the automaton.
fn accepts(c: &Candidate, text: &str, start: usize, end: usize, options: MatchOptions) -> bool {
    match c.kind {
        MentionKind::Demonym => options.demonyms,
        MentionKind::Acronym => {
            let lower_case = text[start..end].chars().any(char::is_lowercase);
            let a_word_in_a_headline = c.common_word && in_capitals_line(text, start, end);
            !lower_case && !a_word_in_a_headline
        }
        MentionKind::Name | MentionKind::Title | MentionKind::Reference => {
            (!c.capitalized || text[start..].starts_with(char::is_uppercase))
                && !(c.bulk_surname && super::next_word_capitalized(text, end))
        }
    }
}

/// True when the text around a span, on its line, has no lower-case letter: a
/// headline set in capitals, where "IS" may be the word "is". Looks at most 80
/// bytes either side, so a huge single-line document costs no more.
pub(super) fn in_capitals_line(text: &str, start: usize, end: usize) -> bool {
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

/// Largest number of distinct names compiled to a DFA.
const DFA_MAX_NAMES: usize = 20_000;

/// The automaton over every name of a gazetteer.
pub(super) struct Automaton {
    automaton: AhoCorasick,
    candidates: Vec<Vec<Candidate>>,
}

impl Automaton {
    pub(super) fn new(gazetteer: &Gazetteer) -> Automaton {
        let mut names: Vec<(&str, &[Candidate])> = gazetteer.names().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let kind = if names.len() <= DFA_MAX_NAMES {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .prefilter(false)
            .build(names.iter().map(|(k, _)| k))
            .expect("the reference automaton builds");
        let candidates = names.into_iter().map(|(_, c)| c.to_vec()).collect();
        Automaton {
            automaton,
            candidates,
        }
    }

    pub(super) fn find(&self, text: &str, options: MatchOptions) -> Vec<Match> {
        let normalized = normalize(text);
        let hay = normalized.as_str();
        let mut out = Vec::new();
        let mut provisional = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(at..hay.len())) else {
                break;
            };
            let (start, end) = normalized.original_span(text, m.start() + 1, m.end() - 1);
            let chosen = self.candidates[m.pattern().as_usize()]
                .iter()
                .find(|c| accepts(c, text, start, end, options));
            match chosen {
                Some(c) => {
                    let decided_by_case = c.kind == MentionKind::Acronym
                        || (c.kind == MentionKind::Name && c.capitalized);
                    if decided_by_case && in_capitals_line(text, start, end) {
                        provisional.push((start, end));
                    }
                    out.push(Match {
                        entity: c.entity,
                        kind: c.kind,
                        start,
                        end,
                        via: None,
                    });
                    at = m.end() - 1;
                }
                None => at = m.start() + 1,
            }
        }
        super::keep_corroborated(&mut out, 0, &provisional);
        out
    }
}
