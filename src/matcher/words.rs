//! Words of names and of texts: the vocabulary of every word of every name,
//! and the scan that reads the words of a normalized text, each looked up once.

use super::*;

/// The words of the names in an open-addressing hash table made for the
/// scan: the scan hashes a word of the text eight bytes at a time while it
/// looks for the space that ends it ([`TextWords`]), so a look-up costs a
/// probe or two of a small array and, for a word that is there, one
/// comparison of its first eight bytes (and of the rest, for a longer word).
#[derive(Debug, Clone)]
pub(super) struct Vocabulary {
    /// `(tag, index into entries)`, tag 0 for an empty slot. A power of two at
    /// least four times the number of words: a probe always meets an empty
    /// slot, after one or two slots on average.
    pub(super) table: Vec<(u32, u32)>,
    /// Right shift that turns a hash into a slot index (its top bits).
    pub(super) shift: u32,
    pub(super) entries: Vec<Entry>,
    /// The bytes of the words longer than eight bytes, one after the other.
    pub(super) tails: Vec<u8>,
    /// Made from the rest (see [`Vocabulary::filtered`]), never stored.
    pub(super) filter: Filter,
}

/// Two bits for every slot of the [`Vocabulary`]'s table, one set for each
/// word, where its hash falls: a text word whose bit is clear is no name's
/// word, and its look-up reads no slot. The table (8 bytes a slot, four to
/// eight slots a word: 4 MB for the news gazetteer's 127,000 words) is far
/// bigger than the processor's caches, and many words of a text are in no
/// name, so their look-ups missed the cache; the filter (8 to 16 bits a
/// word: 128 KB for the news gazetteer) mostly stays in it.
#[derive(Debug, Clone, Default)]
pub(super) struct Filter {
    bits: Vec<u64>,
    /// Right shift that turns a hash into a bit index (its top bits).
    shift: u32,
}

impl Filter {
    /// False when no word of the vocabulary has `hash`.
    #[inline(always)]
    pub(super) fn may_hold(&self, hash: u64) -> bool {
        let bit = (hash >> self.shift) as usize;
        self.bits
            .get(bit / 64)
            .is_none_or(|&w| w & (1 << (bit % 64)) != 0)
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

impl Vocabulary {
    pub(super) fn new(words: &FxHashMap<&str, Word>) -> crate::Result<Vocabulary> {
        let capacity = (4 * words.len()).max(16).next_power_of_two();
        let mut vocabulary = Vocabulary {
            table: vec![(0, 0); capacity],
            shift: 64 - capacity.trailing_zeros(),
            entries: Vec::with_capacity(words.len()),
            tails: Vec::new(),
            filter: Filter::default(),
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
        Ok(vocabulary.filtered())
    }

    /// The vocabulary with its [`Filter`], made from its words.
    pub(super) fn filtered(mut self) -> Vocabulary {
        // A word sets one bit among eight or more, so about one word in
        // nine or fewer that no name has still reads the table.
        let bits = (2 * self.table.len()).max(64);
        let mut filter = Filter {
            bits: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        };
        let mut word = Vec::new();
        for entry in &self.entries {
            if !self.bytes(entry, &mut word) {
                continue;
            }
            let bit = (word_hash(&word).0 >> filter.shift) as usize;
            if let Some(w) = filter.bits.get_mut(bit / 64) {
                *w |= 1 << (bit % 64);
            }
        }
        self.filter = filter;
        self
    }

    /// The bytes of a word of the vocabulary, into `word`; false if its
    /// entry points outside the tails, which a damaged cache file may hold.
    fn bytes(&self, entry: &Entry, word: &mut Vec<u8>) -> bool {
        let len = entry.len as usize;
        word.clear();
        word.extend_from_slice(&entry.head.to_le_bytes()[..len.min(8)]);
        if len > 8 {
            let start = entry.start as usize;
            let Some(tail) = self.tails.get(start..start + len - 8) else {
                return false;
            };
            word.extend_from_slice(tail);
        }
        true
    }

    fn index(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The word `text`, whose [`word_hash`] is `(hash, head)`.
    #[inline(always)]
    pub(super) fn get(&self, hash: u64, head: u64, text: &[u8]) -> Word {
        if !self.filter.may_hold(hash) {
            return UNKNOWN;
        }
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
    pub(super) fn new(hay: &'a str, vocabulary: &'a Vocabulary) -> TextWords<'a> {
        TextWords {
            hay: hay.as_bytes(),
            at: 0,
            vocabulary,
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
