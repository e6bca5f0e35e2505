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
//! A line set entirely in capitals (a headline) says nothing about case, so
//! the candidates that case decides (acronyms; a bulk list's capitalized
//! names) found in one are only provisional: after the scan of a document,
//! each is kept only if its entity is also mentioned outside such lines
//! (`keep_corroborated`). "INC" in "TEXACO INC SAYS" is not the Iraqi
//! National Congress unless the story names it elsewhere.
//!
//! What is found depends only on the names and their candidates, not on the
//! order the gazetteer hands them over (a hash map's): that order only changes
//! how words and nodes are numbered.
//!
//! # Context
//!
//! With [`MatchOptions::context`] (the default), what surrounds a name and
//! the document's date decide further (`context.rs`, `glue.rs`): a name
//! several entities bear in turn goes to the one of the date; a title after
//! a place ("Iraq's prime minister") names the holder of the office on that
//! date; a leader's name before "regime" also mentions what the leader
//! leads; "provinces" makes every member of a coordination a governorate; a
//! surname alias does not match after somebody else's given name; and a
//! long name glued to the text where a space was lost still matches.

use std::collections::VecDeque;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::error::Error;
use crate::gazetteer::{Candidate, Context, EntityIndex, Gazetteer, MentionKind, OfficeId};
use crate::normalize::{Normalized, OriginCursor, normalize};

mod context;
mod country;
mod encode;
mod glue;
mod tables;
mod words;

use context::Scan;
use tables::Tables;
use words::{FoundName, TextWord, TextWords, Vocabulary};

/// What to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchOptions {
    /// Match demonyms ("Iraqi") as mentions of their place.
    pub demonyms: bool,
    /// The day to resolve names, titles and leaders on: the document's date,
    /// or the day that stands in for it. `None`: names go to their first
    /// candidate, and titles are not resolved.
    pub date: Option<ResolveDate>,
    /// Apply the rules of context (see the module documentation). Off, the
    /// matcher finds exactly the gazetteer's names, each for its first
    /// accepted candidate.
    pub context: bool,
}

impl Default for MatchOptions {
    fn default() -> MatchOptions {
        MatchOptions {
            demonyms: true,
            date: None,
            context: true,
        }
    }
}

/// The day a document's mentions are resolved on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolveDate {
    /// The day.
    pub date: Date,
    /// True when the document has no date of its own and `date` stands in
    /// for it (today, or the day the user gave for undated documents).
    pub assumed: bool,
}

/// How a mention was resolved beyond its name, for the reader to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A title naming the holder of `office` of `of` on `on`; `title` is
    /// the byte span of the title's words in the text ("prime minister").
    Title {
        /// The office.
        office: OfficeId,
        /// The place or group whose office it is.
        of: EntityIndex,
        /// Where the title's words are.
        title: (u32, u32),
        /// The day.
        on: ResolveDate,
    },
    /// A name that several entities bear in turn ("the Syrian army"),
    /// resolved to the one of the day.
    Date {
        /// The day.
        on: ResolveDate,
    },
    /// A group named after its leader ("Assad's regime"): what `person`
    /// leads or heads on `on`.
    Leader {
        /// The leader.
        person: EntityIndex,
        /// The day.
        on: ResolveDate,
    },
    /// A place's name read as its governorate ("Latakia and Tartus provinces").
    Governorate,
    /// A governorate's name read as its city ("the city of Latakia").
    City,
    /// A name glued to the letters around it where a space was lost.
    Glued,
    /// A local name ("the Interior Ministry") given to the entity of the
    /// country the text is about; `on` when the date then chose among the
    /// entities of that country that bear it in turn.
    Country {
        /// The country.
        country: EntityIndex,
        /// The day, when it decided.
        on: Option<ResolveDate>,
    },
}

/// One name found in a text: `text[start..end]` names `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The entity named.
    pub entity: EntityIndex,
    /// Name, acronym, demonym, title or reference.
    pub kind: MentionKind,
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset just past the last byte in the original text.
    pub end: usize,
    /// How it was resolved, when more than its name decided.
    pub via: Option<Via>,
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
    /// Edges below the root, keyed by `edge_key` of (parent, word); the
    /// nodes; the candidates of every name, name after name (see
    /// `Node::first`); and what each entity may do in context
    /// (`context::PERSON`, …), so that the names of most entities pass the
    /// rules of context at the cost of one byte's look-up.
    tables: Tables,
    name_count: usize,
    /// Offices, leaders, governorates: what the rules of context ask.
    context: Arc<Context>,
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
        let entry = self.word(word)?;
        if entry.root_child != NO_NODE {
            return Ok(entry.root_child);
        }
        entry.root_child = fresh;
        self.nodes.push(Node::default());
        Ok(fresh)
    }

    /// The child of `parent` along `word`, made if it is new.
    fn child(&mut self, parent: NodeId, word: &'g str) -> crate::Result<NodeId> {
        let id = self.word(word)?.id;
        let fresh = self.next_node()?;
        let child = *self.edges.entry(edge_key(parent, id)).or_insert(fresh);
        if child == fresh {
            self.nodes.push(Node::default());
            self.nodes[parent as usize].has_children = true;
        }
        Ok(child)
    }

    /// The entry of `word`, numbered if it is new.
    fn word(&mut self, word: &'g str) -> crate::Result<&mut Word> {
        let next = self.next_word()?;
        Ok(self.words.entry(word).or_insert(Word {
            id: next,
            root_child: NO_NODE,
        }))
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

    fn finish(self, gazetteer: &Gazetteer) -> crate::Result<Matcher> {
        Ok(Matcher {
            vocabulary: Vocabulary::new(&self.words)?,
            tables: Tables::new(
                &self.edges,
                &self.nodes,
                &self.candidates,
                context::roles(gazetteer),
            ),
            name_count: self.name_count,
            context: gazetteer.shared_context(),
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
        builder.finish(gazetteer)
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
        self.find_on(text, normalized, options, &|| options.date, out);
    }

    /// The same, with the day to resolve on given by `date`, which is asked
    /// only when a mention needs it (most documents need none, and finding
    /// a document's date costs a search of its first lines).
    pub fn find_on(
        &self,
        text: &str,
        normalized: &Normalized,
        options: MatchOptions,
        date: &dyn Fn() -> Option<ResolveDate>,
        out: &mut Vec<Match>,
    ) {
        let base = out.len();
        // The spans of the mentions found in a line of capitals that need
        // another mention of their entity (see the module doc).
        let mut provisional: Vec<(usize, usize)> = Vec::new();
        let hay = normalized.as_str();
        let mut words = TextWords::new(hay, &self.vocabulary);
        let mut origins = normalized.cursor();
        // Words a walk has read past the word it started from: the next walks
        // start from them. Empty, and unallocated, until a walk goes past a
        // name's first word.
        let mut ahead: VecDeque<TextWord> = VecDeque::new();
        let mut scan = Scan::new(out.len(), date);
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
            let walk = self.longest(first, &mut words, &mut ahead);
            // A name glued to the next word is longer than any the walk
            // passed; it is looked for only where a word no name uses
            // stopped the walk.
            let glued = if options.context && walk.stopped_at_unknown {
                self.glued_after(
                    first,
                    &walk,
                    &ahead,
                    text,
                    hay,
                    &mut origins,
                    options,
                    &mut scan,
                )
            } else {
                None
            };
            let found = glued
                .map(|(m, name, more)| (m, name, more, false))
                .or_else(|| {
                    let (node, more) = walk.longest?;
                    let last = if more == 0 { first } else { ahead[more - 1] };
                    let name = FoundName {
                        text,
                        from: first.start,
                        to: last.end,
                    };
                    // Rejected: the next walk starts at the next word, and no
                    // shorter name at this one is tried.
                    self.choose(node, name, &mut origins, options, &mut scan)
                        .map(|(m, in_capitals)| (m, name, more, in_capitals))
                });
            let Some((found, name, more, in_capitals)) = found else {
                continue;
            };
            if in_capitals {
                provisional.push((found.start, found.end));
            }
            ahead.drain(..more);
            if !options.context {
                out.push(found);
                continue;
            }
            let end = self.in_context(&mut scan, found, name, hay, &mut origins, options, out);
            if end > name.to {
                while ahead.front().is_some_and(|w| w.start < end) {
                    ahead.pop_front();
                }
                if ahead.is_empty() {
                    words.skip_to(end);
                }
            }
        }
        if options.context {
            self.settle(&mut scan, text, hay, options, out);
        }
        keep_corroborated(out, base, &provisional);
        if options.context {
            self.resolve_local(&mut scan, text, options, base, out);
        }
    }

    /// What context decides once the whole text is read.
    fn settle(
        &self,
        scan: &mut Scan<'_>,
        text: &str,
        hay: &str,
        options: MatchOptions,
        out: &mut Vec<Match>,
    ) {
        scan.finish(hay, out);
        // A document without a date whose titles date it ("Iranian Foreign
        // Minister Ali Akbar Velayati"): what depends on the date is
        // resolved again as of that date, before glued names are put among
        // the others (the record of what depends on the date holds places).
        if let Some(on) = self.date_of_titles(scan) {
            self.redate(scan, text, options, on, out);
            scan.forget_dates();
        }
        self.glued_before(text, options, scan, out);
    }

    /// The mention, if any, that the name ending at `node` makes at `name`:
    /// the first of its candidates that `accepts` it, and whether it is
    /// provisional (case decided it, in a line of capitals). Kept out of the
    /// scan loop, which it would otherwise crowd.
    #[inline(never)]
    fn choose(
        &self,
        node: NodeId,
        name: FoundName<'_>,
        origins: &mut OriginCursor<'_>,
        options: MatchOptions,
        scan: &mut Scan<'_>,
    ) -> Option<(Match, bool)> {
        let node_id = node;
        // Where the name starts in the text is all that most candidates
        // need; where it ends is looked up once, when first asked for.
        let start = origins.origin(name.from);
        let mut span = None;
        let mut end = || {
            let (from, end) =
                *span.get_or_insert_with(|| origins.original_span(name.text, name.from, name.to));
            debug_assert_eq!(from, start, "original_span starts at origin");
            end
        };
        let candidates = self.tables.candidates(self.tables.node(node));
        let mut accepted = candidates
            .iter()
            .filter(|c| self.accepts(c, name.text, start, &mut end, options));
        let first = accepted.next()?;
        if first.local {
            // Given to an entity once the whole text is read (`country.rs`);
            // without context, to none.
            if !options.context {
                return None;
            }
            scan.local_at = Some(node_id);
        }
        // The date decides only between the entities that bear one name in
        // turn; it is looked for only then (most names have one candidate).
        let in_turn = options.context
            && !first.local
            && candidates.len() > 1
            && candidates.iter().any(|c| c.entity != first.entity)
            && candidates
                .iter()
                .any(|c| c.from.is_some() || c.to.is_some());
        let (chosen, via) = match in_turn.then(|| scan.date()).flatten() {
            Some(on) => {
                let rest: Vec<&Candidate> = accepted.collect();
                by_date(first, &rest, on)
            }
            None => (first, None),
        };
        if via.is_some() {
            scan.decided_at = Some(node_id);
        }
        let end = end();
        let provisional = decided_by_case(chosen) && in_capitals_line(name.text, start, end);
        let found = Match {
            entity: chosen.entity,
            kind: chosen.kind,
            start,
            end,
            via,
        };
        Some((found, provisional))
    }

    /// The longest name that starts at the text's word `first`: its node and
    /// how many words after `first` it takes, and where the walk stopped.
    /// Words read after `first` are left in `ahead`, in order.
    #[inline(always)]
    fn longest(
        &self,
        first: TextWord,
        words: &mut TextWords<'_>,
        ahead: &mut VecDeque<TextWord>,
    ) -> Walk {
        let trie = self.tables.trie();
        let mut node = first.word.root_child;
        let mut walk = Walk {
            longest: None,
            deepest: node,
            taken: 0,
            stopped_at_unknown: false,
        };
        loop {
            let here = trie.node(node);
            if here.ends_a_name() {
                walk.longest = Some((node, walk.taken));
            }
            if !here.has_children {
                break;
            }
            let next = match ahead.get(walk.taken) {
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
                walk.stopped_at_unknown = true;
                break;
            }
            match trie.child(node, next.word.id) {
                Some(child) => {
                    node = child;
                    walk.taken += 1;
                    walk.deepest = node;
                }
                None => break,
            }
        }
        walk
    }
}

impl Matcher {
    /// The entity of the name at `found` (whose candidates are at `node`) on
    /// `on`, and its [`Via`]: what [`Matcher::choose`] decides, on another day.
    fn by_date_at(
        &self,
        node: NodeId,
        found: Match,
        text: &str,
        options: MatchOptions,
        on: ResolveDate,
    ) -> Option<(EntityIndex, Option<Via>)> {
        let candidates = self.tables.candidates(self.tables.node(node));
        let mut end = || found.end;
        let accepted: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| self.accepts(c, text, found.start, &mut end, options))
            .collect();
        let (first, rest) = accepted.split_first()?;
        let (chosen, via) = by_date(first, rest, on);
        Some((chosen.entity, via))
    }
}

/// How far a walk of the trie went: the longest name it passed (its node and
/// how many words after the first it takes), the deepest node it reached
/// after `taken` more words, and whether a word no name uses stopped it.
struct Walk {
    longest: Option<(NodeId, usize)>,
    deepest: NodeId,
    taken: usize,
    stopped_at_unknown: bool,
}

/// The candidate of the document's date among the accepted ones of a name
/// (`first`, then `rest`), and the [`Via`] that says so when they are of
/// several entities: the first whose period holds the date, else the one
/// whose period lies nearest to it (an ended group is still named after its
/// end; a name never goes unmatched for its date alone).
fn by_date<'c>(
    first: &'c Candidate,
    rest: &[&'c Candidate],
    on: ResolveDate,
) -> (&'c Candidate, Option<Via>) {
    let all = || std::iter::once(first).chain(rest.iter().copied());
    let chosen = all()
        .find(|c| c.valid_on(Some(on.date)))
        .or_else(|| all().min_by_key(|c| crate::gazetteer::distance(c.from, c.to, on.date)))
        .unwrap_or(first);
    // Said only where the date set the mention apart from another entity's.
    let decided = all().any(|c| c.entity != chosen.entity && !c.valid_on(Some(on.date)));
    (chosen, decided.then_some(Via::Date { on }))
}

impl Matcher {
    /// True when the name at `text[start..end]` may stand for candidate `c`.
    /// `end` says where the name ends; it costs a look-up in the offset map,
    /// so it is asked only for the candidates that look at it (acronyms).
    fn accepts(
        &self,
        c: &Candidate,
        text: &str,
        start: usize,
        end: &mut impl FnMut() -> usize,
        options: MatchOptions,
    ) -> bool {
        match c.kind {
            // With context, a demonym may still begin a title ("the Iraqi
            // prime minister") when demonyms are not mentions by themselves.
            MentionKind::Demonym => options.demonyms || options.context,
            MentionKind::Acronym => {
                let end = end();
                let lower_case = text[start..end].chars().any(char::is_lowercase);
                // In lower case it is refused anyway: the headline test, which
                // reads the line around, is needed only for an acronym in capitals.
                let a_word_in_a_headline = || c.common_word && in_capitals_line(text, start, end);
                !lower_case && !a_word_in_a_headline()
            }
            MentionKind::Name | MentionKind::Title | MentionKind::Reference => {
                (!c.capitalized || text[start..].starts_with(char::is_uppercase))
                    && (!c.title_case || is_title_case(&text[start..end()]))
                    && !(c.bulk_surname && next_word_capitalized(text, end()))
                    && (!c.surname || !options.context || self.surname_fits(c, text, start))
            }
        }
    }
}

/// True when every word of four letters or more starts with a capital:
/// "Lebanese Forces", "Forces of the Revolution", not "Lebanese forces".
fn is_title_case(span: &str) -> bool {
    span.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.starts_with(char::is_uppercase))
}

/// True when the word after `end`, past white space only, starts with a
/// capital letter: the name before it is a word of a longer name.
pub(crate) fn next_word_capitalized(text: &str, end: usize) -> bool {
    text[end..].trim_start().starts_with(char::is_uppercase)
        && text[end..].starts_with(char::is_whitespace)
}

/// True for the candidates that the case of the text decides: acronyms, and
/// the capitalized names of bulk lists.
fn decided_by_case(c: &Candidate) -> bool {
    c.kind == MentionKind::Acronym || (c.kind == MentionKind::Name && c.capitalized)
}

/// Drops the provisional mentions of `out[base..]` (those at the spans
/// `provisional`) whose entity has no other mention there that is not
/// provisional and not a demonym: an acronym or a capitalized bulk name seen
/// only in headlines set in capitals is not trusted. Spans, not indices: what
/// context decides after the scan may reorder `out`.
pub(crate) fn keep_corroborated(out: &mut Vec<Match>, base: usize, provisional: &[(usize, usize)]) {
    if provisional.is_empty() {
        return;
    }
    let mut spans = provisional.to_vec();
    spans.sort_unstable();
    let is_provisional = |m: &Match| spans.binary_search(&(m.start, m.end)).is_ok();
    let mut confirmed: Vec<EntityIndex> = out[base..]
        .iter()
        .filter(|m| !is_provisional(m) && m.kind != MentionKind::Demonym)
        .map(|m| m.entity)
        .collect();
    confirmed.sort_unstable();
    let mut i = 0;
    out.retain(|m| {
        let keep = i < base || !is_provisional(m) || confirmed.binary_search(&m.entity).is_ok();
        i += 1;
        keep
    });
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
mod equivalence;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
