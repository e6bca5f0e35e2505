//! How many scope units a document has, and how many of them mention each
//! actor: the counts behind the association measures
//! ([`crate::graph::association`]).
//!
//! A unit is what `--scope` makes "mentioned together": a sentence, a
//! paragraph, the document, or for `window:W` one window per sentence (that
//! sentence and the W − 1 before it, as the co-mentions count them). Every
//! unit of the document counts in the total, with or without mentions, so
//! that a count over the total is the share of the corpus that names an actor.

use super::Scope;
use super::analyze::EntityTally;
use crate::extract::Mention;
use crate::gazetteer::EntityIndex;
use crate::segment::Segments;

/// Fills each tally's `scopes` from `mentions` (sorted by position, as
/// extraction gives them) and returns the document's number of units.
/// O(M log M) for M mentions.
pub(super) fn count(
    scope: Scope,
    segments: &Segments,
    mentions: &[Mention],
    tallies: &mut [EntityTally],
) -> u64 {
    let sentences = segments.sentences.len() as u64;
    let total = match scope {
        Scope::Sentence | Scope::Window(_) => sentences,
        Scope::Paragraph => segments.paragraphs.len() as u64,
        Scope::Document => 1,
    };
    // (entity, unit) for every mention, then the distinct units per entity.
    let unit_of = |m: &Mention| match scope {
        Scope::Sentence | Scope::Window(_) => m.sentence,
        Scope::Paragraph => m.paragraph,
        Scope::Document => 0,
    };
    let mut seen: Vec<(EntityIndex, u32)> =
        mentions.iter().map(|m| (m.entity, unit_of(m))).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut start = 0;
    while start < seen.len() {
        let entity = seen[start].0;
        let end = start + seen[start..].iter().take_while(|s| s.0 == entity).count();
        let units = seen[start..end].iter().map(|s| s.1);
        let n = match scope {
            Scope::Window(w) => windows(units, w, sentences),
            _ => (end - start) as u64,
        };
        if let Ok(i) = tallies.binary_search_by_key(&entity, |t| t.entity) {
            tallies[i].scopes = n;
        }
        start = end;
    }
    total.max(tallies.iter().map(|t| t.scopes).max().unwrap_or(0))
}

/// The windows (one per sentence j, covering sentences j − w + 1 … j) that
/// hold at least one of `sentences_with` (ascending), among `sentences`.
fn windows(sentences_with: impl Iterator<Item = u32>, w: u32, sentences: u64) -> u64 {
    let mut covered = 0u64;
    // One past the last window counted so far.
    let mut reached = 0u64;
    for s in sentences_with {
        let from = (s as u64).max(reached);
        let to = (s as u64 + w as u64).min(sentences.max(s as u64 + 1));
        if to > from {
            covered += to - from;
            reached = to;
        }
    }
    covered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_each_sentence_and_the_ones_after_it() {
        // Mentioned in sentences 1 and 2 of 10, windows of 3: windows 1..=4.
        assert_eq!(windows([1, 2].into_iter(), 3, 10), 4);
        // Far apart: 3 + 3.
        assert_eq!(windows([0, 7].into_iter(), 3, 10), 6);
        // Near the end: sentence 9 of 10 opens window 9 only.
        assert_eq!(windows([9].into_iter(), 3, 10), 1);
        assert_eq!(windows([4].into_iter(), 1, 10), 1);
    }
}
