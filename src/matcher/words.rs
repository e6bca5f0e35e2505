//! Words of names and of texts: the vocabulary of every word of every name,
//! and the scan that reads the words of a normalized text, each looked up once.

use super::*;
use crate::codec::{Blob, Corrupt, Decoded, Decoder, Encoder, record, u32_in, u64_in};

/// The words of the names in an open-addressing hash table made for the
/// scan: the scan hashes a word of the text eight bytes at a time while it
/// looks for the space that ends it ([`TextWords`]), so a look-up costs a
/// probe or two of a small array and, for a word that is there, one
/// comparison of its first eight bytes (and of the rest, for a longer word).
///
/// Its tables are fixed-width records in bytes, built in memory or read in
/// place from the compiled cache:
///
/// ```text
/// slot    tag u32 (0: empty), index of the entry u32
/// entry   head u64, len u32, start u32, word id u32, root child u32
/// tails   the bytes of the words longer than eight bytes, one after the other
/// filter  u64 words of bits (see `Filter`)
/// ```
#[derive(Debug, Clone)]
pub(super) struct Vocabulary {
    /// A power of two of slots, at least four times the number of words:
    /// a probe meets an empty slot after one or two slots on average.
    pub(super) table: Blob,
    /// Right shift that turns a hash into a slot index (its top bits).
    pub(super) shift: u32,
    pub(super) entries: Blob,
    pub(super) tails: Blob,
    /// See `Filter`.
    pub(super) filter: Blob,
    pub(super) filter_shift: u32,
}

/// Bytes of a slot and of an entry.
const SLOT: usize = 8;
const ENTRY: usize = 24;

/// Two bits for every slot of the [`Vocabulary`]'s table, one set for each
/// word, where its hash falls: a text word whose bit is clear is no name's
/// word, and its look-up reads no slot. The table (8 bytes a slot, four to
/// eight slots a word: 4 MB for the news gazetteer's 127,000 words) is far
/// bigger than the processor's caches, and many words of a text are in no
/// name, so their look-ups missed the cache; the filter (8 to 16 bits a
/// word: 128 KB for the news gazetteer) mostly stays in it.
#[derive(Clone, Copy)]
pub(super) struct Filter<'a> {
    bits: &'a [u8],
    /// Right shift that turns a hash into a bit index (its top bits).
    shift: u32,
}

impl Filter<'_> {
    /// False when no word of the vocabulary has `hash`.
    #[inline(always)]
    pub(super) fn may_hold(&self, hash: u64) -> bool {
        let bit = (hash >> self.shift) as usize;
        match record::<8>(self.bits, bit / 64) {
            Some(w) => u64::from_le_bytes(*w) & (1 << (bit % 64)) != 0,
            None => true,
        }
    }
}

/// A word of the [`Vocabulary`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    /// The word's first eight bytes, read little-endian, padded with zeros.
    pub(super) head: u64,
    pub(super) len: u32,
    /// Where a longer word is in `tails`.
    pub(super) start: u32,
    pub(super) word: Word,
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
pub(super) fn word_hash(word: &[u8]) -> (u64, u64) {
    let mut hash = 0;
    let mut at = 0;
    while at + 8 <= word.len() {
        hash = hash_chunk(hash, chunk_at(word, at));
        at += 8;
    }
    hash = hash_chunk(hash, chunk_at(word, at));
    (hash, chunk_at(word, 0))
}

/// The [`Vocabulary`]'s tables, borrowed for a scan.
#[derive(Clone, Copy)]
pub(super) struct Words<'a> {
    table: &'a [u8],
    shift: u32,
    entries: &'a [u8],
    tails: &'a [u8],
    filter: Filter<'a>,
}

impl Vocabulary {
    pub(super) fn new(words: &FxHashMap<&str, Word>) -> crate::Result<Vocabulary> {
        let capacity = (4 * words.len()).max(16).next_power_of_two();
        let shift = 64 - capacity.trailing_zeros();
        let mut table = vec![(0u32, 0u32); capacity];
        let mut entries: Vec<u8> = Vec::with_capacity(words.len() * ENTRY);
        let mut tails = Vec::new();
        // In the order of the words' numbers, so that the same names always
        // make the same tables.
        let mut sorted: Vec<(&str, Word)> = words.iter().map(|(&t, &w)| (t, w)).collect();
        sorted.sort_unstable_by_key(|&(_, w)| w.id);
        for (index, &(text, word)) in sorted.iter().enumerate() {
            let text = text.as_bytes();
            let (hash, head) = word_hash(text);
            let index = u32::try_from(index).ok();
            let start = u32::try_from(tails.len()).ok();
            let len = u32::try_from(text.len()).ok();
            let (Some(index), Some(start), Some(len)) = (index, start, len) else {
                return Err(too_many("words"));
            };
            if text.len() > 8 {
                tails.extend_from_slice(&text[8..]);
            }
            entries.extend_from_slice(&head.to_le_bytes());
            for n in [len, start, word.id, word.root_child] {
                entries.extend_from_slice(&n.to_le_bytes());
            }
            let mut i = (hash >> shift) as usize;
            while table[i].0 != 0 {
                i = (i + 1) & (capacity - 1);
            }
            table[i] = (tag(hash), index);
        }
        // A word sets one bit among eight or more, so about one word in
        // nine or fewer that no name has still reads the table.
        let bits = (2 * capacity).max(64);
        let filter_shift = 64 - bits.trailing_zeros();
        let mut filter = vec![0u64; bits / 64];
        for &(text, _) in &sorted {
            let bit = (word_hash(text.as_bytes()).0 >> filter_shift) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
        }
        let mut table_bytes = Vec::with_capacity(capacity * SLOT);
        for (tag, index) in table {
            table_bytes.extend_from_slice(&tag.to_le_bytes());
            table_bytes.extend_from_slice(&index.to_le_bytes());
        }
        Ok(Vocabulary {
            table: Blob::owned(table_bytes),
            shift,
            entries: Blob::owned(entries),
            tails: Blob::owned(tails),
            filter: Blob::owned(filter.iter().flat_map(|w| w.to_le_bytes()).collect()),
            filter_shift,
        })
    }

    /// Writes the tables.
    pub(super) fn encode(&self, e: &mut Encoder) {
        e.u32(self.shift);
        e.bytes(self.table.bytes());
        e.bytes(self.entries.bytes());
        e.bytes(self.tails.bytes());
        e.u32(self.filter_shift);
        e.bytes(self.filter.bytes());
    }

    /// Reads what [`Vocabulary::encode`] wrote from `d`, a decoder of
    /// `file`'s bytes: the tables stay in `file`; their sizes are checked.
    pub(super) fn decode(d: &mut Decoder<'_>, file: &Blob) -> Decoded<Vocabulary> {
        let shift = d.u32()?;
        let table = file.next_bytes(d)?;
        let entries = file.next_bytes(d)?;
        let tails = file.next_bytes(d)?;
        let filter_shift = d.u32()?;
        let filter = file.next_bytes(d)?;
        let size = table.bytes().len() / SLOT;
        let bits = filter.bytes().len() * 8;
        if table.bytes().len() % SLOT != 0
            || size < 16
            || !size.is_power_of_two()
            || shift != 64 - size.trailing_zeros()
            || entries.bytes().len() % ENTRY != 0
            || bits < 64
            || !bits.is_power_of_two()
            || filter_shift != 64 - bits.trailing_zeros()
        {
            return Err(Corrupt::new("the word table has a wrong size"));
        }
        Ok(Vocabulary {
            table,
            shift,
            entries,
            tails,
            filter,
            filter_shift,
        })
    }

    /// The tables, for a scan.
    #[inline(always)]
    pub(super) fn words(&self) -> Words<'_> {
        Words {
            table: self.table.bytes(),
            shift: self.shift,
            entries: self.entries.bytes(),
            tails: self.tails.bytes(),
            filter: Filter {
                bits: self.filter.bytes(),
                shift: self.filter_shift,
            },
        }
    }

    /// The word `text`, whose [`word_hash`] is `(hash, head)`.
    pub(super) fn get(&self, hash: u64, head: u64, text: &[u8]) -> Word {
        self.words().get(hash, head, text)
    }
}

impl<'a> Words<'a> {
    /// The filter before the table.
    #[cfg(test)]
    pub(super) fn filter(&self) -> Filter<'a> {
        self.filter
    }

    /// The entry at `index`.
    #[inline(always)]
    fn entry(&self, index: u32) -> Option<Entry> {
        let b = record::<ENTRY>(self.entries, index as usize)?;
        Some(Entry {
            head: u64_in(b, 0),
            len: u32_in(b, 8),
            start: u32_in(b, 12),
            word: Word {
                id: u32_in(b, 16),
                root_child: u32_in(b, 20),
            },
        })
    }

    /// The word `text`, whose [`word_hash`] is `(hash, head)`.
    #[inline(always)]
    pub(super) fn get(&self, hash: u64, head: u64, text: &[u8]) -> Word {
        if !self.filter.may_hold(hash) {
            return UNKNOWN;
        }
        let slots = self.table.len() / SLOT;
        let tag = tag(hash);
        let mut i = (hash >> self.shift) as usize;
        // A whole turn at most: a damaged table may have no empty slot.
        for _ in 0..slots {
            let Some(slot) = record::<SLOT>(self.table, i) else {
                break;
            };
            let slot_tag = u32_in(slot, 0);
            if slot_tag == 0 {
                break;
            }
            if slot_tag == tag
                && let Some(entry) = self.entry(u32_in(slot, 4))
                && entry.head == head
                && entry.len as usize == text.len()
                && (text.len() <= 8 || self.tail(&entry) == Some(&text[8..]))
            {
                return entry.word;
            }
            i = (i + 1) & (slots - 1);
        }
        UNKNOWN
    }

    /// The bytes after the first eight of a longer word.
    fn tail(&self, entry: &Entry) -> Option<&'a [u8]> {
        let start = entry.start as usize;
        self.tails.get(start..start + entry.len as usize - 8)
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
pub(super) struct FoundName<'t> {
    pub(super) text: &'t str,
    pub(super) from: usize,
    pub(super) to: usize,
}

/// A word of the text being scanned: `hay[start..end]` of the normalized text.
#[derive(Debug, Clone, Copy)]
pub(super) struct TextWord {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) word: Word,
}

/// The words of a normalized text, in order, each looked up once.
pub(super) struct TextWords<'a> {
    hay: &'a [u8],
    /// Where the next word, or the space before it, starts.
    at: usize,
    vocabulary: Words<'a>,
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
    pub(super) fn new(hay: &'a str, vocabulary: &'a Vocabulary) -> TextWords<'a> {
        TextWords {
            hay: hay.as_bytes(),
            at: 0,
            vocabulary: vocabulary.words(),
        }
    }

    /// Goes on from byte `at` of the text, if that is further on: the words
    /// before it are taken.
    pub(super) fn skip_to(&mut self, at: usize) {
        self.at = self.at.max(at);
    }
}

impl Iterator for TextWords<'_> {
    type Item = TextWord;

    #[inline(always)]
    fn next(&mut self) -> Option<TextWord> {
        let (word, next) = read_word(self.hay, self.at, &self.vocabulary)?;
        self.at = next;
        Some(word)
    }
}

/// Reads the first word at or after `at` in the normalized text `hay`,
/// hashing it eight bytes at a time as it looks for the space that ends it,
/// and looks it up. Returns the word and where to read the next one.
#[inline(always)]
fn read_word(hay: &[u8], at: usize, vocabulary: &Words<'_>) -> Option<(TextWord, usize)> {
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
