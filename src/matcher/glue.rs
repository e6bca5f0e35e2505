//! Names glued to the text around them where a page lost the space between
//! two blocks ("…cumhuriyet.com.trAl-Araji's", "al-Arajidescribed"). A name
//! of two words or more and seven letters or more still matches when its
//! last word runs on into lower-case letters, or when its first word begins
//! with a capital right after a small letter; a name of one word never
//! matches inside a word.

use std::collections::VecDeque;

use super::words::word_hash;
use super::{
    FoundName, Match, MatchOptions, Matcher, NO_NODE, Scan, TextWord, TextWords, Via, Walk,
};
use crate::normalize::{OriginCursor, normalize};

/// The fewest letters a glued name has (spaces left out): "al Araji".
const MIN_LETTERS: usize = 7;
/// The fewest letters of the name's word that runs on, and of what follows.
const MIN_PART: usize = 4;
const MIN_TAIL: usize = 3;
/// How far after a glued capital the name is looked for (the longest name
/// of the bundled gazetteer has 62 bytes).
const LOOK_AHEAD: usize = 96;

/// True when a name's normalized words (`"al araji"`) are long and many
/// enough to match across a lost space.
fn distinctive(words: &str) -> bool {
    let words = words.trim();
    words.contains(' ') && words.bytes().filter(|&b| b != b' ').count() >= MIN_LETTERS
}

/// True when the letters after a glued name can begin an ordinary word,
/// not continue a name: Arabic names run on into "-i", "-awi", "-iya"
/// ("al-Assadi" is not al-Assad).
fn plausible_tail(tail: &str) -> bool {
    tail.len() >= MIN_TAIL
        && tail.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            tail.as_bytes()[0],
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w'
        )
}

impl Matcher {
    /// A name whose last word runs on into the next word: the walk from
    /// `first` stopped at a word no name uses, which begins with a word
    /// that ends a name ("al-Arajidescribed"). Returns the match, the name
    /// (its end inside the glued word), and how many words of `ahead` it
    /// takes, the glued word included.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn glued_after<'t>(
        &self,
        first: TextWord,
        walk: &Walk,
        ahead: &VecDeque<TextWord>,
        text: &'t str,
        hay: &str,
        origins: &mut OriginCursor<'_>,
        options: MatchOptions,
        scan: &mut Scan<'_>,
    ) -> Option<(Match, FoundName<'t>, usize)> {
        let glued = *ahead.get(walk.taken)?;
        let word = &hay[glued.start..glued.end];
        if word.len() < MIN_PART + MIN_TAIL || !word.is_ascii() {
            return None;
        }
        // The name's word is capitalized, and what runs on is not: the mark
        // of two blocks pressed together (and a cheap test to do first).
        let at = origins.origin(glued.start);
        if !text[at..].starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        // A walk that only began must not start on an ordinary word ("The
        // Nationalsaid"): those begin far more walks than names do.
        if walk.taken == 0 && crate::gazetteer::is_common_word(&hay[first.start..first.end]) {
            return None;
        }
        for k in (MIN_PART..=word.len() - MIN_TAIL).rev() {
            if !plausible_tail(&word[k..]) {
                continue;
            }
            let part = &word.as_bytes()[..k];
            let (hash, head) = word_hash(part);
            let found = self.vocabulary.get(hash, head, part);
            if found.id == super::UNKNOWN_WORD {
                continue;
            }
            let Some(node) = self.tables.trie().child(walk.deepest, found.id) else {
                continue;
            };
            if !self.tables.node(node).ends_a_name()
                || !distinctive(&hay[first.start..glued.start + k])
            {
                continue;
            }
            let tail_at = origins.origin(glued.start + k);
            if text[tail_at..].starts_with(char::is_uppercase) {
                return None;
            }
            let name = FoundName {
                text,
                from: first.start,
                to: glued.start + k,
            };
            let mut found = self.choose(node, name, origins, options, scan)?.0;
            found.via = found.via.or(Some(Via::Glued));
            return Some((found, name, walk.taken + 1));
        }
        None
    }

    /// Names whose first word begins with a capital right after a small
    /// letter ("…com.trAl-Araji's"): the scan saw one word there, unknown.
    /// Each is looked for in the text from its capital, and replaces what
    /// the scan found inside it.
    pub(super) fn glued_before(
        &self,
        text: &str,
        options: MatchOptions,
        scan: &mut Scan<'_>,
        out: &mut Vec<Match>,
    ) {
        let from = scan.first_match();
        for at in glued_capitals(text.as_bytes()) {
            let mut end = (at + LOOK_AHEAD).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let piece = &text[at..end];
            let normalized = normalize(piece);
            let hay = normalized.as_str();
            let mut words = TextWords::new(hay, &self.vocabulary);
            let Some(first) = words.next().filter(|w| w.word.root_child != NO_NODE) else {
                continue;
            };
            let mut ahead = VecDeque::new();
            let walk = self.longest(first, &mut words, &mut ahead);
            let Some((node, more)) = walk.longest else {
                continue;
            };
            let last = if more == 0 { first } else { ahead[more - 1] };
            if !distinctive(&hay[first.start..last.end]) {
                continue;
            }
            let name = FoundName {
                text: piece,
                from: first.start,
                to: last.end,
            };
            let mut origins = normalized.cursor();
            let Some(mut found) = self
                .choose(node, name, &mut origins, options, scan)
                .map(|(m, _)| m)
            else {
                continue;
            };
            if scan.local_at.take().is_some() {
                // A local name needs the whole text read; glued, it is left out.
                continue;
            }
            found.start += at;
            found.end += at;
            found.via = found.via.or(Some(Via::Glued));
            let mine = &mut out[from..];
            if mine
                .iter()
                .any(|m| m.start < found.start && m.end > found.start)
            {
                continue;
            }
            let keep: Vec<Match> = mine
                .iter()
                .copied()
                .filter(|m| m.start >= found.end || m.end <= found.start)
                .collect();
            let place = keep.partition_point(|m| m.start < found.start);
            out.truncate(from);
            out.extend_from_slice(&keep[..place]);
            out.push(found);
            out.extend_from_slice(&keep[place..]);
        }
    }
}

/// The offsets of capitals right after a small letter, ASCII only
/// ("trAl"). Blocks of 256 bytes are tested whole first (a loop the
/// compiler turns into vector compares); only blocks with a capital after
/// a small letter are looked at byte by byte.
fn glued_capitals(bytes: &[u8]) -> Vec<usize> {
    let small = |b: u8| b.wrapping_sub(b'a') < 26;
    let capital = |b: u8| b.wrapping_sub(b'A') < 26;
    let mut found = Vec::new();
    let Some(pairs) = bytes.len().checked_sub(1) else {
        return found;
    };
    const BLOCK: usize = 256;
    let mut at = 0;
    while at < pairs {
        let end = (at + BLOCK).min(pairs);
        let (before, after) = (&bytes[at..end], &bytes[at + 1..end + 1]);
        // A byte-wide or of byte-wide tests: the shape vector units take.
        let any = before.iter().zip(after).fold(0u8, |any, (&a, &b)| {
            any | (u8::from(small(a)) & u8::from(capital(b)))
        });
        if any != 0 {
            for i in at..end {
                if small(bytes[i]) && capital(bytes[i + 1]) {
                    found.push(i + 1);
                }
            }
        }
        at = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_after_small_letters_wherever_they_fall() {
        let text = "cumhuriyet.com.trAl-Araji said; McDonald and iPhone, ÉtéAb aB";
        let want: Vec<usize> = (0..text.len() - 1)
            .filter(|&i| {
                text.as_bytes()[i].is_ascii_lowercase()
                    && text.as_bytes()[i + 1].is_ascii_uppercase()
            })
            .map(|i| i + 1)
            .collect();
        assert_eq!(want.len(), 4);
        for shift in 0..9 {
            let padded = format!("{}{text}", " ".repeat(shift));
            let got: Vec<usize> = glued_capitals(padded.as_bytes())
                .into_iter()
                .map(|i| i - shift)
                .collect();
            assert_eq!(got, want, "shifted by {shift}");
        }
    }

    #[test]
    fn what_may_run_on_and_what_may_not() {
        assert!(distinctive(" al araji "));
        assert!(!distinctive(" assad "));
        assert!(!distinctive(" al bab "));
        assert!(plausible_tail("described"));
        assert!(plausible_tail("said"));
        assert!(!plausible_tail("i"));
        assert!(!plausible_tail("awi"));
        assert!(!plausible_tail("iya"));
        assert!(!plausible_tail("Said"));
    }
}
