//! Finds the gazetteer's names in text: whole words only, leftmost-longest, with
//! offsets into the original text. Built once, then shared read-only by every
//! thread.
//!
//! # How
//!
//! Names and text are normalized alike ([`crate::normalize`]): words separated by
//! single spaces, so a name is a sequence of words and can only match a run of
//! whole words. The matcher therefore works on words, not bytes. Every distinct
//! word of every name gets a number; the names form a trie whose edges are
//! those numbers, with the name's candidates at the node where it ends.
//!
//! A scan reads the normalized text eight bytes at a time, finds the space
//! that ends each word with a branch-free zero-byte test and hashes the word's
//! bytes on the way, then looks the word up once in a small open-addressing
//! table of the names' words, which also holds the root's edges. A word that
//! starts no name costs nothing more. From a word that does, the scan walks
//! the trie as far as the text follows it (a word no name uses ends the walk),
//! remembering the last node where a name ends: the longest name that starts
//! at that word. Words a walk reads ahead are kept, with their numbers, for
//! the walks that start from them.
//!
//! # Why
//!
//! Because names are whole-word patterns, the word trie finds exactly what an
//! Aho-Corasick automaton over the normalized names finds, leftmost-longest
//! (a test keeps such an automaton as a reference and compares the two). It
//! takes one step per word rather than per byte and needs no failure links: a
//! walk from a word never needs to resume in the middle of another walk, since
//! the next walk starts at a later word anyway. It builds in a fraction of the
//! automaton's time and memory (no state per byte of every name, no
//! determinization), which matters with bulk gazetteers of 100,000+ aliases
//! that every run builds before reading a byte; and it scans faster, most of
//! all with such gazetteers, where the automaton outgrows a DFA.
//!
//! # Rules
//!
//! At each word the longest name starting there is the only one tried; its
//! candidates are tried in order (`accepts`: acronyms only in capitals, a
//! bulk list's capitalized names only where the text capitalizes them too, …).
//! If one is accepted, the mention is recorded and the scan resumes after it;
//! if none is, no shorter name at that word is tried and the scan resumes at
//! the next word.
//!
//! What is found depends only on the names and their candidates, not on the
//! order the gazetteer hands them over (a hash map's): that order only changes
//! how words and nodes are numbered.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::gazetteer::{Candidate, EntityIndex, Gazetteer, MentionKind};
use crate::normalize::{Normalized, normalize};

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

/// Index of a trie node; the root is node 0.
type NodeId = u32;

/// Number of a distinct word of the names.
type WordId = u32;

/// Stands for "no node": the root child of a word that starts no name.
const NO_NODE: NodeId = NodeId::MAX;

/// The number of a word of the text that no name uses.
const UNKNOWN_WORD: WordId = WordId::MAX;

/// A word of the names: its number and the node it leads to from the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    id: WordId,
    /// The root's child for this word, `NO_NODE` when no name starts with it.
    /// Kept beside the number so that the first step of every walk costs
    /// nothing beyond the word's own look-up.
    root_child: NodeId,
}

/// What a word of the text that no name uses looks up as.
const UNKNOWN: Word = Word {
    id: UNKNOWN_WORD,
    root_child: NO_NODE,
};

/// A node of the trie.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Node {
    /// `candidates[first..end]` belong to the name that ends here; the range
    /// is empty when no name ends here.
    first: u32,
    end: u32,
    /// True when a longer name goes on from here; when false a walk stops
    /// without looking at the next word.
    has_children: bool,
}

impl Node {
    fn ends_a_name(&self) -> bool {
        self.first != self.end
    }
}

/// The word trie over every name of a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Every distinct word of the names, with the root's edges.
    vocabulary: Vocabulary,
    /// Edges below the root, keyed by `edge_key` of (parent, word).
    edges: FxHashMap<u64, NodeId>,
    nodes: Vec<Node>,
    /// The candidates of every name, name after name (see `Node::first`).
    candidates: Vec<Candidate>,
    name_count: usize,
}

/// The key of the edge from `node` along `word`.
fn edge_key(node: NodeId, word: WordId) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

/// A trie being built: the words are borrowed from the gazetteer's names
/// until the trie is done and they are copied into its [`Vocabulary`].
struct TrieBuilder<'g> {
    words: FxHashMap<&'g str, Word>,
    edges: FxHashMap<u64, NodeId>,
    nodes: Vec<Node>,
    candidates: Vec<Candidate>,
    name_count: usize,
}

impl<'g> TrieBuilder<'g> {
    /// Adds one normalized name (`" w1 w2 "`) and its candidates.
    fn insert(&mut self, name: &'g str, candidates: &[Candidate]) -> crate::Result<()> {
        let mut words = name.split(' ').filter(|w| !w.is_empty());
        let Some(first) = words.next() else {
            // The gazetteer drops names without a word: nothing could match one.
            return Ok(());
        };
        let mut node = self.root_child(first)?;
        for word in words {
            node = self.child(node, word)?;
        }
        let slot = &mut self.nodes[node as usize];
        if slot.ends_a_name() {
            return Err(Error::Invalid(format!(
                "cannot build the name matcher: the name {:?} is in the gazetteer twice",
                name.trim()
            )));
        }
        let first = u32::try_from(self.candidates.len()).ok();
        let end = u32::try_from(self.candidates.len() + candidates.len()).ok();
        let (Some(first), Some(end)) = (first, end) else {
            return Err(too_many("candidates"));
        };
        slot.first = first;
        slot.end = end;
        self.candidates.extend_from_slice(candidates);
        self.name_count += 1;
        Ok(())
    }

    /// The root's child along `word`, made if it is new.
    fn root_child(&mut self, word: &'g str) -> crate::Result<NodeId> {
        let fresh = self.next_node()?;
        match self.words.get_mut(word) {
            Some(w) if w.root_child != NO_NODE => return Ok(w.root_child),
            Some(w) => w.root_child = fresh,
            None => {
                let id = self.next_word()?;
                let entry = Word {
                    id,
                    root_child: fresh,
                };
                self.words.insert(word, entry);
            }
        }
        self.nodes.push(Node::default());
        Ok(fresh)
    }

    /// The child of `parent` along `word`, made if it is new.
    fn child(&mut self, parent: NodeId, word: &'g str) -> crate::Result<NodeId> {
        let id = match self.words.get(word) {
            Some(w) => w.id,
            None => {
                let id = self.next_word()?;
                let entry = Word {
                    id,
                    root_child: NO_NODE,
                };
                self.words.insert(word, entry);
                id
            }
        };
        let fresh = self.next_node()?;
        let child = *self.edges.entry(edge_key(parent, id)).or_insert(fresh);
        if child == fresh {
            self.nodes.push(Node::default());
            self.nodes[parent as usize].has_children = true;
        }
        Ok(child)
    }

    /// The id the next new node gets.
    fn next_node(&self) -> crate::Result<NodeId> {
        NodeId::try_from(self.nodes.len())
            .ok()
            .filter(|&id| id != NO_NODE)
            .ok_or_else(|| too_many("trie nodes"))
    }

    /// The number the next new word gets.
    fn next_word(&self) -> crate::Result<WordId> {
        WordId::try_from(self.words.len())
            .ok()
            .filter(|&id| id != UNKNOWN_WORD)
            .ok_or_else(|| too_many("distinct words"))
    }

    fn finish(mut self) -> crate::Result<Matcher> {
        self.nodes.shrink_to_fit();
        self.candidates.shrink_to_fit();
        Ok(Matcher {
            vocabulary: Vocabulary::new(&self.words)?,
            edges: self.edges,
            nodes: self.nodes,
            candidates: self.candidates,
            name_count: self.name_count,
        })
    }
}

fn too_many(what: &str) -> Error {
    Error::Invalid(format!(
        "cannot build the name matcher: more {what} than it can number"
    ))
}

impl Matcher {
    /// Builds the trie.
    ///
    /// The names come in the gazetteer's (hash) order. That changes how nodes
    /// and words are numbered from run to run, but not the trie's paths, so
    /// not what it finds: that depends only on the set of names and on each
    /// name's candidates, whose order is kept.
    pub fn new(gazetteer: &Gazetteer) -> crate::Result<Matcher> {
        // Sized for the names up front: growing the maps means rehashing them.
        let names = gazetteer.name_count();
        let mut builder = TrieBuilder {
            words: FxHashMap::with_capacity_and_hasher(names, Default::default()),
            edges: FxHashMap::with_capacity_and_hasher(names, Default::default()),
            nodes: Vec::with_capacity(2 * names + 1),
            candidates: Vec::with_capacity(names),
            name_count: 0,
        };
        builder.nodes.push(Node::default());
        for (name, candidates) in gazetteer.names() {
            builder.insert(name, candidates)?;
        }
        builder.finish()
    }

    /// Number of distinct normalized names.
    pub fn name_count(&self) -> usize {
        self.name_count
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
        let mut words = TextWords::new(normalized.as_str(), &self.vocabulary);
        // Words a walk has read past the word it started from: the next walks
        // start from them. Empty, and unallocated, until a walk goes past a
        // name's first word.
        let mut ahead: VecDeque<TextWord> = VecDeque::new();
        loop {
            let first = match ahead.pop_front() {
                Some(w) => w,
                None => match words.find(|w| w.word.root_child != NO_NODE) {
                    Some(w) => w,
                    None => break,
                },
            };
            if first.word.root_child == NO_NODE {
                continue;
            }
            let Some((node, more)) = self.longest(first, &mut words, &mut ahead) else {
                continue;
            };
            let last = if more == 0 { first } else { ahead[more - 1] };
            let name = FoundName {
                text,
                normalized,
                from: first.start,
                to: last.end,
            };
            // Rejected: the next walk starts at the next word, and no shorter
            // name at this one is tried.
            if let Some(found) = self.choose(node, name, options) {
                out.push(found);
                ahead.drain(..more);
            }
        }
    }

    /// The mention, if any, that the name ending at `node` makes at `name`:
    /// the first of its candidates that `accepts` it. Kept out of the scan
    /// loop, which it would otherwise crowd.
    #[inline(never)]
    fn choose(&self, node: NodeId, name: FoundName<'_>, options: MatchOptions) -> Option<Match> {
        // Where the name starts in the text is all that most candidates
        // need; where it ends is looked up once, when first asked for.
        let start = name.normalized.origin(name.from);
        let mut span = None;
        let mut end = || {
            let (from, end) = *span.get_or_insert_with(|| {
                name.normalized.original_span(name.text, name.from, name.to)
            });
            debug_assert_eq!(from, start, "original_span starts at origin");
            end
        };
        let node = self.nodes[node as usize];
        let chosen = self.candidates[node.first as usize..node.end as usize]
            .iter()
            .find(|c| accepts(c, name.text, start, &mut end, options))?;
        Some(Match {
            entity: chosen.entity,
            kind: chosen.kind,
            start,
            end: end(),
        })
    }

    /// The longest name that starts at the text's word `first`: its node and
    /// how many words after `first` it takes. Words read after `first` are
    /// left in `ahead`, in order.
    fn longest(
        &self,
        first: TextWord,
        words: &mut TextWords<'_>,
        ahead: &mut VecDeque<TextWord>,
    ) -> Option<(NodeId, usize)> {
        let mut node = first.word.root_child;
        let mut longest = None;
        let mut taken = 0;
        loop {
            let here = &self.nodes[node as usize];
            if here.ends_a_name() {
                longest = Some((node, taken));
            }
            if !here.has_children {
                break;
            }
            let next = match ahead.get(taken) {
                Some(&w) => w,
                None => match words.next() {
                    Some(w) => {
                        ahead.push_back(w);
                        w
                    }
                    None => break,
                },
            };
            if next.word.id == UNKNOWN_WORD {
                break;
            }
            match self.edges.get(&edge_key(node, next.word.id)) {
                Some(&child) => {
                    node = child;
                    taken += 1;
                }
                None => break,
            }
        }
        longest
    }
}

/// The words of the names in an open-addressing hash table made for the
/// scan: the scan hashes a word of the text eight bytes at a time while it
/// looks for the space that ends it ([`TextWords`]), so a look-up costs a
/// probe or two of a small array and, for a word that is there, one
/// comparison of its first eight bytes (and of the rest, for a longer word).
#[derive(Debug, Clone)]
struct Vocabulary {
    /// `(tag, index into entries)`, tag 0 for an empty slot. A power of two at
    /// least four times the number of words: a probe always meets an empty
    /// slot, after one or two slots on average.
    table: Vec<(u32, u32)>,
    /// Right shift that turns a hash into a slot index (its top bits).
    shift: u32,
    entries: Vec<Entry>,
    /// The bytes of the words longer than eight bytes, one after the other.
    tails: Vec<u8>,
}

/// A word of the [`Vocabulary`].
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The word's first eight bytes, read little-endian, padded with zeros.
    head: u64,
    len: u32,
    /// Where a longer word is in `tails`.
    start: u32,
    word: Word,
}

/// Multiplier of the word hash (FxHash's).
const HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

/// Adds eight bytes of a word, read little-endian, to its hash.
fn hash_chunk(hash: u64, chunk: u64) -> u64 {
    (hash.rotate_left(26) ^ chunk).wrapping_mul(HASH_K)
}

/// Eight bytes from `at`, read little-endian, padded with zeros past the end.
fn chunk_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut chunk = [0u8; 8];
            chunk[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(chunk)
        }
    }
}

/// The hash and head of a word: its full eight-byte chunks, then the bytes
/// left (zero to seven) padded with zeros, exactly as [`TextWords`] computes
/// them while scanning.
fn word_hash(word: &[u8]) -> (u64, u64) {
    let mut hash = 0;
    let mut at = 0;
    while at + 8 <= word.len() {
        hash = hash_chunk(hash, chunk_at(word, at));
        at += 8;
    }
    hash = hash_chunk(hash, chunk_at(word, at));
    (hash, chunk_at(word, 0))
}

impl Vocabulary {
    fn new(words: &FxHashMap<&str, Word>) -> crate::Result<Vocabulary> {
        let capacity = (4 * words.len()).max(16).next_power_of_two();
        let mut vocabulary = Vocabulary {
            table: vec![(0, 0); capacity],
            shift: 64 - capacity.trailing_zeros(),
            entries: Vec::with_capacity(words.len()),
            tails: Vec::new(),
        };
        for (text, &word) in words {
            let text = text.as_bytes();
            let (hash, head) = word_hash(text);
            let index = u32::try_from(vocabulary.entries.len()).ok();
            let start = u32::try_from(vocabulary.tails.len()).ok();
            let len = u32::try_from(text.len()).ok();
            let (Some(index), Some(start), Some(len)) = (index, start, len) else {
                return Err(too_many("words"));
            };
            if text.len() > 8 {
                vocabulary.tails.extend_from_slice(&text[8..]);
            }
            vocabulary.entries.push(Entry {
                head,
                len,
                start,
                word,
            });
            let mut i = vocabulary.index(hash);
            while vocabulary.table[i].0 != 0 {
                i = (i + 1) & (capacity - 1);
            }
            vocabulary.table[i] = (tag(hash), index);
        }
        vocabulary.tails.shrink_to_fit();
        Ok(vocabulary)
    }

    fn index(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The word `text`, whose [`word_hash`] is `(hash, head)`.
    #[inline(always)]
    fn get(&self, hash: u64, head: u64, text: &[u8]) -> Word {
        let mask = self.table.len() - 1;
        let tag = tag(hash);
        let mut i = self.index(hash);
        while let Some(&(slot_tag, index)) = self.table.get(i) {
            if slot_tag == 0 {
                break;
            }
            if slot_tag == tag
                && let Some(entry) = self.entries.get(index as usize)
                && entry.head == head
                && entry.len as usize == text.len()
                && (text.len() <= 8 || self.tail(entry) == &text[8..])
            {
                return entry.word;
            }
            i = (i + 1) & mask;
        }
        UNKNOWN
    }

    /// The bytes after the first eight of a longer word.
    fn tail(&self, entry: &Entry) -> &[u8] {
        let start = entry.start as usize;
        &self.tails[start..start + entry.len as usize - 8]
    }
}

/// The tag of a hash in the [`Vocabulary`]'s table: never 0, which marks an
/// empty slot.
fn tag(hash: u64) -> u32 {
    (hash as u32) | 1
}

/// A name found in a text, before its candidates are judged: the words
/// `normalized[from..to]`.
#[derive(Clone, Copy)]
struct FoundName<'t> {
    text: &'t str,
    normalized: &'t Normalized,
    from: usize,
    to: usize,
}

/// A word of the text being scanned: `hay[start..end]` of the normalized text.
#[derive(Debug, Clone, Copy)]
struct TextWord {
    start: usize,
    end: usize,
    word: Word,
}

/// The words of a normalized text, in order, each looked up once.
struct TextWords<'a> {
    hay: &'a [u8],
    /// Where the next word, or the space before it, starts.
    at: usize,
    vocabulary: &'a Vocabulary,
}

const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
const LOW_BITS: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The position of the first space in eight bytes read little-endian, 8 when
/// there is none. (A byte equal to a space becomes zero; the lowest zero byte
/// is found exactly by the borrow trick, which can only misflag bytes above it.)
fn first_space(chunk: u64) -> usize {
    let x = chunk ^ SPACES;
    let zero = x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS;
    (zero.trailing_zeros() / 8) as usize
}

impl<'a> TextWords<'a> {
    fn new(hay: &'a str, vocabulary: &'a Vocabulary) -> TextWords<'a> {
        TextWords {
            hay: hay.as_bytes(),
            at: 0,
            vocabulary,
        }
    }
}

impl Iterator for TextWords<'_> {
    type Item = TextWord;

    #[inline(always)]
    fn next(&mut self) -> Option<TextWord> {
        let (word, next) = read_word(self.hay, self.at, self.vocabulary)?;
        self.at = next;
        Some(word)
    }
}

/// Reads the first word at or after `at` in the normalized text `hay`,
/// hashing it eight bytes at a time as it looks for the space that ends it,
/// and looks it up. Returns the word and where to read the next one.
#[inline(always)]
fn read_word(hay: &[u8], at: usize, vocabulary: &Vocabulary) -> Option<(TextWord, usize)> {
    // Normalized text has one space before each word.
    let mut start = at;
    while hay.get(start) == Some(&b' ') {
        start += 1;
    }
    if start >= hay.len() {
        return None;
    }
    let mut hash = 0;
    let mut head = None;
    let mut at = start;
    let end = loop {
        let chunk = chunk_at(hay, at);
        let k = first_space(chunk);
        if k < 8 {
            // Bytes past the end read as zeros, never as spaces.
            let last = chunk & !(u64::MAX << (8 * k));
            hash = hash_chunk(hash, last);
            head.get_or_insert(last);
            break at + k;
        }
        head.get_or_insert(chunk);
        hash = hash_chunk(hash, chunk);
        at += 8;
        if at >= hay.len() {
            // No closing space (not a normalized text): the word runs to
            // the end. Its last bytes were just hashed padded, as
            // `word_hash` reads them, unless it ends on a whole chunk,
            // which `word_hash` follows with an empty one.
            if at == hay.len() {
                hash = hash_chunk(hash, 0);
            }
            break hay.len();
        }
    };
    let head = head.unwrap_or_default();
    let word = vocabulary.get(hash, head, &hay[start..end]);
    Some((TextWord { start, end, word }, end + 1))
}

/// True when the name at `text[start..end]` may stand for candidate `c`.
/// `end` says where the name ends; it costs a look-up in the offset map, so it
/// is asked only for the candidates that look at it (acronyms).
fn accepts(
    c: &Candidate,
    text: &str,
    start: usize,
    end: &mut impl FnMut() -> usize,
    options: MatchOptions,
) -> bool {
    match c.kind {
        MentionKind::Demonym => options.demonyms,
        MentionKind::Acronym => {
            let end = end();
            let lower_case = text[start..end].chars().any(char::is_lowercase);
            // In lower case it is refused anyway: the headline test, which
            // reads the line around, is needed only for an acronym in capitals.
            let a_word_in_a_headline = || c.common_word && in_capitals_line(text, start, end);
            !lower_case && !a_word_in_a_headline()
        }
        MentionKind::Name => !c.capitalized || text[start..].starts_with(char::is_uppercase),
    }
}

/// True when the text around a span, on its line, has no lower-case letter: a
/// headline set in capitals, where "IS" may be the word "is". Looks at most 80
/// bytes either side, so a huge single-line document costs no more.
fn in_capitals_line(text: &str, start: usize, end: usize) -> bool {
    // A character the 80-byte cut splits is left out whole: its bytes alone
    // are neither letters nor lower case.
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 80).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = &text[from..start];
    let before = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let after = &text[end..to];
    let after = &after[..after.find('\n').unwrap_or(after.len())];
    let mut letters = 0;
    for c in before.chars().chain(after.chars()) {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 4
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

    /// Only the longest name at a word is tried: when a bulk list's "Delta
    /// Town" is refused in lower case, the curated "Delta" is not tried in its
    /// place and the scan goes on at "town". A walk that goes past a shorter
    /// name and then fails falls back to that name ("Hama" in "Hama City said").
    #[test]
    fn longest_name_only_and_where_the_scan_resumes() {
        let mut b = crate::gazetteer::GazetteerBuilder::new();
        let toml = r#"
            [[entity]]
            id = "delta"
            name = "Delta"
            type = "place"

            [[entity]]
            id = "hama"
            name = "Hama"
            type = "place"

            [[entity]]
            id = "hama-city-council"
            name = "Hama City Council"
            type = "group"

            [[entity]]
            id = "town-hall"
            name = "Town Hall"
            type = "place"
        "#;
        b.add_toml("t.toml", toml).unwrap();
        b.add_tsv("list.tsv", "id\ttype\tname\nx:1\tplace\tDelta Town\n")
            .unwrap();
        let g = b.finish();
        let m = Matcher::new(&g).unwrap();
        let reference = super::reference::Automaton::new(&g);
        let table: &[(&str, &[&str])] = &[
            ("delta town", &[]),
            ("delta Town Hall", &["Town Hall"]),
            ("Delta Town Hall", &["Delta Town"]),
            ("delta", &["delta"]),
            ("Hama City said", &["Hama"]),
            ("Hama City Council said", &["Hama City Council"]),
            ("Hama Hama City", &["Hama", "Hama"]),
        ];
        for (text, want) in table {
            let found: Vec<&str> = m
                .find(text, MatchOptions::default())
                .iter()
                .map(|f| &text[f.start..f.end])
                .collect();
            assert_eq!(found, *want, "in {text:?}");
            let options = MatchOptions::default();
            assert_eq!(m.find(text, options), reference.find(text, options));
        }
    }

    /// The scan's words and hashes against `word_hash` and the vocabulary,
    /// for words of every length around the eight-byte chunks, a word at the
    /// very end with and without its closing space, and runs of spaces.
    #[test]
    fn text_words_split_and_look_up_like_the_vocabulary() {
        let all: Vec<String> = (1..=25)
            .map(|n| "abcdefghijklmnopqrstuvwxyz"[..n].to_string())
            .chain(["ğğğğ", "ş", "x.y", ","].map(String::from))
            .collect();
        let known: FxHashMap<&str, Word> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 1)
            .map(|(i, w)| {
                let word = Word {
                    id: i as WordId,
                    root_child: NO_NODE,
                };
                (w.as_str(), word)
            })
            .collect();
        let vocabulary = Vocabulary::new(&known).unwrap();
        for (i, w) in all.iter().enumerate() {
            let want = known.get(w.as_str()).copied().unwrap_or(UNKNOWN);
            let (hash, head) = word_hash(w.as_bytes());
            assert_eq!(vocabulary.get(hash, head, w.as_bytes()), want);
            assert_eq!(want == UNKNOWN, i % 3 == 1);
        }
        for skip in 0..all.len() {
            let words = &all[skip..];
            for hay in [
                format!(" {} ", words.join(" ")),
                words.join(" "),
                format!("   {}  ", words.join("   ")),
            ] {
                let found: Vec<(&str, Word)> = TextWords::new(&hay, &vocabulary)
                    .map(|t| (&hay[t.start..t.end], t.word))
                    .collect();
                let want: Vec<(&str, Word)> = words
                    .iter()
                    .map(|w| {
                        (
                            w.as_str(),
                            known.get(w.as_str()).copied().unwrap_or(UNKNOWN),
                        )
                    })
                    .collect();
                assert_eq!(found, want, "in {hay:?}");
            }
        }
    }

    #[test]
    fn demonyms_can_be_turned_off() {
        let off = MatchOptions { demonyms: false };
        assert_eq!(spans("Iraqi and Syrian forces in Iraq", off).len(), 1);
        let on = spans("Iraqi and Syrian forces in Iraq", MatchOptions::default());
        assert_eq!(on.len(), 3);
    }
}

/// The matcher this module had before the word trie, kept to check the trie
/// against: one Aho-Corasick automaton over the normalized names (spaces
/// included), leftmost-longest, with the same acceptance and restart rules.
#[cfg(test)]
mod reference {
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
            MentionKind::Name => !c.capitalized || text[start..].starts_with(char::is_uppercase),
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
                        out.push(Match {
                            entity: c.entity,
                            kind: c.kind,
                            start,
                            end,
                        });
                        at = m.end() - 1;
                    }
                    None => at = m.start() + 1,
                }
            }
            out
        }
    }
}

/// The word trie against the reference automaton: on random gazetteers and
/// texts made of their words, on the seed articles with the curated
/// gazetteer, and on newswire with the bulk news gazetteer.
#[cfg(test)]
mod equivalence {
    use std::fs;
    use std::io::{BufRead, BufReader};
    use std::path::{Path, PathBuf};

    use proptest::prelude::*;

    use super::reference::Automaton;
    use super::{MatchOptions, Matcher};
    use crate::gazetteer::{Gazetteer, GazetteerBuilder, Source};

    /// Words of the random names: prefixes of one another ("hama", "hamas"),
    /// words that start several names, words with spelling variants ("abu",
    /// "mohammad"), common words, punctuation words ("u.s."), a folded letter.
    const NAME_WORDS: &[&str] = &[
        "al", "sham", "new", "york", "city", "hama", "hamas", "is", "abu", "mohammad", "jolani",
        "bank", "of", "the", "iraq", "delta", "town", "u.s.", "hay'at", "erdoğan", "x",
    ];

    /// Everything else a random text holds besides the names' words.
    const NOISE: &[&str] = &[
        "said", "and", "iraqis", "hamass", "newyork", ",", ".", "(", ")", "'s", "’s", "“", "”",
        "–", "2024", "al-", "U.S", "\n", "\u{200f}",
    ];

    /// What goes between two tokens of a random text.
    const SEPARATORS: &[&str] = &[" ", " ", " ", "", "-", "\n", ", ", "  ", "’"];

    const TYPES: &[&str] = &["person", "group", "place"];

    /// A word in lower case, capitalized or in capitals.
    fn cased(word: &str, casing: u8) -> String {
        match casing % 3 {
            0 => word.to_lowercase(),
            1 => {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |c| {
                    c.to_uppercase().chain(chars).collect::<String>()
                })
            }
            _ => word.to_uppercase(),
        }
    }

    /// A name: (word, casing) pairs joined by a space or a hyphen.
    type NameSpec = (Vec<(usize, u8)>, bool);

    fn name(spec: &NameSpec) -> String {
        let joiner = if spec.1 { "-" } else { " " };
        let words: Vec<String> = spec
            .0
            .iter()
            .map(|&(w, casing)| cased(NAME_WORDS[w % NAME_WORDS.len()], casing))
            .collect();
        words.join(joiner)
    }

    fn name_spec() -> impl Strategy<Value = NameSpec> {
        (
            prop::collection::vec((0..NAME_WORDS.len(), 0..3u8), 1..4),
            any::<bool>(),
        )
    }

    /// A curated entity: type, names (the first is the main one), demonyms.
    type EntitySpec = (usize, Vec<NameSpec>, Vec<NameSpec>);

    /// A bulk row: id number, type, name.
    type RowSpec = (u8, usize, NameSpec);

    fn gazetteer(curated: &[EntitySpec], bulk: &[RowSpec]) -> Gazetteer {
        let mut toml = String::new();
        for (i, (kind, names, demonyms)) in curated.iter().enumerate() {
            let kind = TYPES[kind % TYPES.len()];
            let quoted = |specs: &[NameSpec]| {
                let names: Vec<String> = specs.iter().map(|s| format!("{:?}", name(s))).collect();
                names.join(", ")
            };
            toml += &format!(
                "[[entity]]\nid = \"e{i}\"\nname = {:?}\ntype = \"{kind}\"\naliases = [{}]\n",
                name(&names[0]),
                quoted(&names[1..]),
            );
            if kind == "place" {
                toml += &format!("demonyms = [{}]\n", quoted(demonyms));
            }
        }
        let mut tsv = String::from("id\ttype\tname\n");
        for (id, kind, spec) in bulk {
            tsv += &format!("b:{id}\t{}\t{}\n", TYPES[kind % TYPES.len()], name(spec));
        }
        let mut builder = GazetteerBuilder::new();
        builder.add_toml("random.toml", &toml).expect("valid TOML");
        builder.add_tsv("random.tsv", &tsv).expect("valid TSV");
        builder.finish()
    }

    /// A token of a random text: what (0 and 1: a whole name of the gazetteer,
    /// 2: a word of the names, 3: noise), which one (modulo the choice), its
    /// casing (3: a name as written) and the separator after it.
    type TokenSpec = (u8, usize, u8, usize);

    fn token() -> impl Strategy<Value = TokenSpec> {
        (0..4u8, any::<usize>(), 0..4u8, 0..SEPARATORS.len())
    }

    /// Every name the random gazetteer was written with, so that texts hold
    /// whole names (and names cased against their rules) often.
    fn written(curated: &[EntitySpec], bulk: &[RowSpec]) -> Vec<String> {
        let curated = curated
            .iter()
            .flat_map(|(_, names, demonyms)| names.iter().chain(demonyms));
        curated
            .chain(bulk.iter().map(|(_, _, spec)| spec))
            .map(name)
            .collect()
    }

    /// A text of tokens, each followed by its separator.
    fn text(names: &[String], tokens: &[TokenSpec]) -> String {
        let mut out = String::new();
        for &(what, which, casing, separator) in tokens {
            let token = match what {
                0 | 1 if !names.is_empty() => {
                    let name = &names[which % names.len()];
                    if casing == 3 {
                        name.clone()
                    } else {
                        cased(name, casing)
                    }
                }
                0..=2 => cased(NAME_WORDS[which % NAME_WORDS.len()], casing),
                _ => cased(NOISE[which % NOISE.len()], casing),
            };
            out += &token;
            out += SEPARATORS[separator % SEPARATORS.len()];
        }
        out
    }

    /// Asserts that the trie and the automaton find the same mentions in every
    /// text, with and without demonyms; returns how many they found.
    fn assert_same<'a>(gazetteer: &Gazetteer, texts: impl IntoIterator<Item = &'a str>) -> usize {
        let trie = Matcher::new(gazetteer).expect("the trie builds");
        let automaton = Automaton::new(gazetteer);
        assert_eq!(trie.name_count(), gazetteer.name_count());
        let mut found = 0;
        for text in texts {
            for demonyms in [true, false] {
                let options = MatchOptions { demonyms };
                let want = automaton.find(text, options);
                let got = trie.find(text, options);
                assert_eq!(got, want, "in {text:?} with {options:?}");
                found += got.len();
            }
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn trie_finds_what_the_automaton_finds(
            curated in prop::collection::vec(
                (0..3usize, prop::collection::vec(name_spec(), 1..4), prop::collection::vec(name_spec(), 0..2)),
                0..6,
            ),
            bulk in prop::collection::vec((0..6u8, 0..3usize, name_spec()), 0..10),
            texts in prop::collection::vec(prop::collection::vec(token(), 0..30), 1..6),
        ) {
            let gazetteer = gazetteer(&curated, &bulk);
            let names = written(&curated, &bulk);
            let texts: Vec<String> = texts.iter().map(|t| text(&names, t)).collect();
            assert_same(&gazetteer, texts.iter().map(String::as_str));
        }
    }

    /// The random texts do meet the random names: a run where nothing matched
    /// would prove nothing.
    #[test]
    fn random_texts_contain_names() {
        let spec =
            |words: &[usize]| -> NameSpec { (words.iter().map(|&w| (w, 1)).collect(), false) };
        let g = gazetteer(
            &[
                (2, vec![spec(&[5]), spec(&[0, 1])], vec![]),
                (1, vec![spec(&[6])], vec![]),
            ],
            &[(0, 2, spec(&[2, 3, 4])), (1, 2, spec(&[2, 3]))],
        );
        let tokens: Vec<TokenSpec> = [5, 6, 2, 3, 4, 2, 3, 9, 0, 1]
            .iter()
            .map(|&t| (2, t, 1, 0))
            .collect();
        let found = assert_same(&g, [text(&[], &tokens).as_str()]);
        assert_eq!(found, 2 * 5, "Hama Hamas New York City New York Is Al Sham");
    }

    #[test]
    fn same_as_the_automaton_on_the_seed_articles() {
        let g = Gazetteer::builtin().expect("builtin gazetteer");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("read seeds/")
            .map(|e| e.expect("a seed entry").path())
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .map(|p| fs::read_to_string(p).expect("read a seed"))
            .collect();
        assert_eq!(texts.len(), 5);
        let found = assert_same(&g, texts.iter().map(String::as_str));
        assert!(found > 100, "only {found} mentions in the seeds");
    }

    /// The headline test reads its 80 bytes either side without building a
    /// string; it must say what the old one said wherever the cut falls, in
    /// the middle of a character too.
    #[test]
    fn headline_test_as_before_at_every_offset() {
        let texts = [
            "TÜRKİYE’S ERDOĞAN SAYS IS FIGHTERS “LOSE” GROUND NEAR ḤAMA — ÆØÅ ĲSSELMONDE IS IS IS",
            "Türkiye’s Erdoğan says IS fighters\nLOSE GROUND NEAR ḤAMA, IS SAYS\nand so on ÉÉÉ",
            "ÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀ IS ÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀÀ à",
            "IS 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂 IS ĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲĲ",
        ];
        let mut headlines = 0;
        for text in texts {
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (k, &start) in boundaries.iter().enumerate() {
                for &end in &boundaries[k..boundaries.len().min(k + 4)] {
                    let want = super::reference::in_capitals_line(text, start, end);
                    assert_eq!(
                        super::in_capitals_line(text, start, end),
                        want,
                        "{text:?} {start}..{end}"
                    );
                    headlines += usize::from(want);
                }
            }
        }
        assert!(headlines > 100, "only {headlines} spans in a headline");
    }

    /// Stories of the Reuters corpus compared with the bulk news gazetteer;
    /// about a second in a debug build, so not ignored.
    const NEWS_STORIES: usize = 400;

    /// Where the bulk gazetteer and the Reuters corpus are: the benchmark data
    /// beside the repository (all 174k aliases), else the slice of both that
    /// the repository keeps in tests/data where it has one (a clean checkout
    /// in CI has no ../shared).
    const NEWS_DATA: &[(&str, &str)] = &[
        (
            "../shared/bench/gazetteer-news.tsv",
            "../shared/bench/reuters21578.jsonl",
        ),
        (
            "tests/data/gazetteer-news-subset.tsv",
            "tests/data/reuters-first-2000.jsonl",
        ),
    ];

    #[test]
    fn same_as_the_automaton_on_newswire_with_the_news_gazetteer() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let found = NEWS_DATA
            .iter()
            .map(|(tsv, corpus)| (root.join(tsv), root.join(corpus)))
            .find(|(tsv, corpus)| tsv.is_file() && corpus.is_file());
        let Some((tsv, corpus)) = found else {
            eprintln!("skipped: no news gazetteer and Reuters corpus (../shared/bench)");
            return;
        };
        let g = Gazetteer::load(&[Source::Path(tsv)]).expect("load the news gazetteer");
        let file = fs::File::open(&corpus).expect("open the corpus");
        let texts: Vec<String> = BufReader::new(file)
            .lines()
            .take(NEWS_STORIES)
            .map(|line| {
                let line = line.expect("read a line");
                let story: serde_json::Value = serde_json::from_str(&line).expect("JSONL");
                story["text"].as_str().expect("a text field").to_string()
            })
            .collect();
        assert_eq!(texts.len(), NEWS_STORIES);
        let found = assert_same(&g, texts.iter().map(String::as_str));
        assert!(
            found > 1000,
            "only {found} mentions in {NEWS_STORIES} stories"
        );
    }
}
