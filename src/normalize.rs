//! What counts as the same name: one normalization shared by the matcher and the
//! query resolver, with a map from every normalized byte back to the original text.
//!
//! The normalized form is a sequence of words separated by single spaces, with a
//! space before the first word and after the last: `" iraq s president "`. Words
//! are case-folded and stripped of diacritics; apostrophes inside words vanish;
//! hyphens, dashes and white space separate words; every other punctuation mark
//! is a word of its own. Because every word is delimited by a space on both
//! sides, an alias normalized the same way can only match whole words.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Normalized text with a map from each of its bytes back to the original text.
///
/// The map is sparse: within a run of bytes copied one for one (most of an
/// ASCII text), offsets advance together, so only the places where they part
/// (a folded letter, a punctuation mark set apart, collapsed white space) are
/// stored, as `(normalized offset, original offset)` pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    breaks: Vec<(u32, u32)>,
}

impl Normalized {
    /// The normalized text: `" word word . word "`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text, without the offset map.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Offset in the original text of normalized byte `i`: the start of the
    /// character that produced it for the first byte of a character, a byte
    /// within that character for the bytes after it.
    pub fn origin(&self, i: usize) -> usize {
        self.cursor().origin(i)
    }

    /// Maps a normalized range that covers whole words (no surrounding spaces)
    /// back to the original byte range `[start, end)`.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        self.cursor().original_span(original, start, end)
    }

    /// A reader of the offset map for look-ups that mostly move forward, as a
    /// scan's do: each look-up starts from where the last one ended.
    pub fn cursor(&self) -> OriginCursor<'_> {
        OriginCursor {
            breaks: &self.breaks,
            at: 0,
        }
    }
}

/// Maps normalized offsets back to the original text, starting from the
/// previous look-up instead of the start of the map: a scan's look-ups then
/// cost a step or two each. A look-up far ahead, or behind the previous one,
/// is a binary search.
#[derive(Debug, Clone)]
pub struct OriginCursor<'n> {
    breaks: &'n [(u32, u32)],
    /// Index of the break that covers the previous look-up.
    at: usize,
}

impl OriginCursor<'_> {
    /// Offset in the original text of normalized byte `i`: the same as
    /// [`Normalized::origin`].
    pub fn origin(&mut self, i: usize) -> usize {
        let covers = |&(n, _): &(u32, u32)| n as usize <= i;
        if !covers(&self.breaks[self.at]) {
            self.at = 0;
        }
        // A scan's next look-up is a few breaks ahead: step there. A look-up
        // further ahead (or behind, from the start) searches what is left, so
        // no look-up costs more than a binary search of the map.
        let mut steps = 0;
        while steps < 16 && self.breaks.get(self.at + 1).is_some_and(covers) {
            self.at += 1;
            steps += 1;
        }
        if self.breaks.get(self.at + 1).is_some_and(covers) {
            self.at += self.breaks[self.at..].partition_point(covers) - 1;
        }
        let (n, o) = self.breaks[self.at];
        o as usize + (i - n as usize)
    }

    /// The same as [`Normalized::original_span`].
    pub fn original_span(&mut self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let first = self.origin(start);
        let mut last = self.origin(end - 1).min(original.len() - 1);
        while !original.is_char_boundary(last) {
            last -= 1;
        }
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        (first, last + last_len)
    }
}

/// Normalizes a name or a whole text. See the module documentation for the rules.
///
/// ```
/// use actorgraph::normalize::normalize;
/// assert_eq!(normalize("Erdoğan's").as_str(), " erdogan s ");
/// assert_eq!(normalize("Hay’at Tahrir al-Sham").as_str(), " hayat tahrir al sham ");
/// ```
pub fn normalize(text: &str) -> Normalized {
    let mut out = Writer::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                WORD => {
                    i = out.ascii_run(bytes, i);
                    continue;
                }
                SPACE => out.separator(),
                APOSTROPHE => out.apostrophe(text, i, 1),
                _ => out.ascii_punctuation(b, i),
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("i is on a char boundary");
            out.non_ascii(c, text, i);
            i += c.len_utf8();
        }
    }
    out.finish()
}

/// True when a character is part of a word for the purpose of matching.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

const WORD: u8 = 0;
const SPACE: u8 = 1;
const APOSTROPHE: u8 = 2;
const PUNCT: u8 = 3;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [PUNCT; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if c.is_ascii_whitespace() || c == b'-' || c < 0x20 || c == 0x7f {
            SPACE
        } else if c == b'\'' || c == b'`' {
            APOSTROPHE
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// True for the bytes of an ASCII word: letters and digits (every byte of a
/// non-ASCII character is false).
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_CLASS[b] == WORD;
        b += 1;
    }
    t
};

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{00B4}' | '\u{02B9}' | '\u{2032}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{058A}'
    )
}

/// Characters that vanish without separating words: joiners, direction marks,
/// the Arabic tatweel, the soft hyphen and the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Letters that canonical decomposition does not reduce to a base letter.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ı' => "i",
        'ß' => "ss",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ة' => "ه",
        'ى' => "ي",
        _ => return None,
    })
}

struct Writer {
    /// Only whole UTF-8 characters are ever pushed.
    text: Vec<u8>,
    breaks: Vec<(u32, u32)>,
    /// True when the last byte written is a separating space.
    at_space: bool,
}

impl Writer {
    fn with_capacity(n: usize) -> Writer {
        let mut text = Vec::with_capacity(n + n / 8 + 2);
        text.push(b' ');
        let breaks = vec![(0, 0)];
        Writer {
            text,
            breaks,
            at_space: true,
        }
    }

    /// Records that the next byte written comes from original offset `at`.
    fn mark(&mut self, at: usize) {
        let here = self.text.len();
        let (n, o) = *self.breaks.last().expect("starts with one break");
        if o as usize + (here - n as usize) != at {
            self.breaks.push((here as u32, at as u32));
        }
    }

    /// Copies the run of ASCII words that starts at `at`, folded to lower
    /// case: letters and digits, and single spaces between them, which map one
    /// byte for one (most of a text), so the offset map needs no break inside
    /// the run. Returns where the run ends.
    fn ascii_run(&mut self, bytes: &[u8], at: usize) -> usize {
        self.mark(at);
        let mut i = at;
        loop {
            while i < bytes.len() && ASCII_WORD_BYTE[bytes[i] as usize] {
                i += 1;
            }
            if i + 1 < bytes.len() && bytes[i] == b' ' && ASCII_WORD_BYTE[bytes[i + 1] as usize] {
                i += 2;
            } else {
                break;
            }
        }
        // Setting bit 0x20 lowers an ASCII capital and keeps small letters,
        // digits and the space as they are.
        self.text.extend(bytes[at..i].iter().map(|&b| b | 0x20));
        self.at_space = false;
        i
    }

    fn ascii_punctuation(&mut self, b: u8, at: usize) {
        self.separator();
        self.mark(at);
        self.text.push(b);
        self.text.push(b' ');
        self.at_space = true;
    }

    fn word_char(&mut self, c: char, at: usize) {
        let mut buf = [0u8; 4];
        self.mark(at);
        self.text
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        self.at_space = false;
    }

    fn separator(&mut self) {
        if !self.at_space {
            self.text.push(b' ');
            self.at_space = true;
        }
    }

    fn punctuation(&mut self, c: char, at: usize) {
        self.separator();
        self.word_char(c, at);
        self.separator();
    }

    /// An apostrophe joins the letters around it (Hay'at = Hayat), except in a
    /// possessive `'s` at the end of a word, which is split off so that
    /// "Iraq's" still mentions Iraq.
    fn apostrophe(&mut self, text: &str, at: usize, len: usize) {
        let after = &text[at + len..];
        let possessive = !self.at_space
            && (after.starts_with('s') || after.starts_with('S'))
            && next_is_not_word(&after[1..]);
        if possessive {
            self.separator();
        }
    }

    fn non_ascii(&mut self, c: char, text: &str, at: usize) {
        if is_apostrophe(c) {
            self.apostrophe(text, at, c.len_utf8());
        } else if is_invisible(c) || is_combining_mark(c) {
        } else if c.is_whitespace() || is_dash(c) || c.is_control() {
            self.separator();
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                self.fold_letter(lower, at);
            }
        } else {
            self.punctuation(c, at);
        }
    }

    fn fold_letter(&mut self, c: char, at: usize) {
        if let Some(s) = fold_special(c) {
            for f in s.chars() {
                self.word_char(f, at);
            }
            return;
        }
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                self.word_char(d, at);
            }
        });
    }

    fn finish(mut self) -> Normalized {
        self.separator();
        Normalized {
            text: String::from_utf8(self.text).expect("only whole characters are written"),
            breaks: self.breaks,
        }
    }
}

fn next_is_not_word(s: &str) -> bool {
    s.chars().next().is_none_or(|c| !is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        let table = [
            ("Erdoğan", " erdogan "),
            ("Erdogan", " erdogan "),
            ("Türkiye", " turkiye "),
            ("TURKIYE", " turkiye "),
            ("Hay'at", " hayat "),
            ("Hay’at", " hayat "),
            ("Hayʼat", " hayat "),
            ("Hayʻat", " hayat "),
            ("Hay`at", " hayat "),
            ("Hayat", " hayat "),
            ("al-Sharaa", " al sharaa "),
            ("al Sharaa", " al sharaa "),
            ("Al-Sharaa", " al sharaa "),
            ("al–Sharaa", " al sharaa "),
            ("Iraq's", " iraq s "),
            ("Iraq’s security", " iraq s security "),
            ("Sudani’s", " sudani s "),
            ("Shia’ al-Sudani", " shia al sudani "),
            ("Iran-backed", " iran backed "),
            ("Damascus, Syria.", " damascus , syria . "),
            ("  two\n\tlines  ", " two lines "),
            ("ISTANBUL", " istanbul "),
            ("İstanbul", " istanbul "),
            ("Straße", " strasse "),
            ("الشرع", " الشرع "),
            ("(HTS)", " ( hts ) "),
            ("", " "),
        ];
        for (input, want) in table {
            assert_eq!(normalize(input).as_str(), want, "normalize({input:?})");
        }
    }

    #[test]
    fn offsets_point_back_to_the_original() {
        let text = "Türkiye’s Erdoğan met al-Sharaa.";
        let n = normalize(text);
        let s = n.as_str();
        for word in ["turkiye", "erdogan", "al sharaa"] {
            let start = s.find(word).unwrap();
            let (a, b) = n.original_span(text, start, start + word.len());
            let original = &text[a..b];
            assert_eq!(normalize(original).as_str().trim(), word, "{original:?}");
        }
        let start = s.find("erdogan").unwrap();
        let (a, b) = n.original_span(text, start, start + "erdogan".len());
        assert_eq!(&text[a..b], "Erdoğan");
    }

    /// Every normalized word maps back to original text that normalizes to it,
    /// on random mixes of the characters normalization treats specially.
    #[test]
    fn every_word_maps_back_on_random_text() {
        let alphabet: Vec<char> = "aZ9 -–.,’'ʼ`ßğİıæé\u{301}\u{200F}ﻻالـشرعé\n\t🙂ǅ"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let n = normalize(&text);
            let s = n.as_str();
            let mut at = 1;
            for word in s[1..].split(' ').filter(|w| !w.is_empty()) {
                let (a, b) = n.original_span(&text, at, at + word.len());
                assert!(
                    text.is_char_boundary(a) && text.is_char_boundary(b),
                    "{text:?}"
                );
                assert_eq!(
                    normalize(&text[a..b]).as_str().trim(),
                    word,
                    "{text:?} -> {s:?}"
                );
                at += word.len() + 1;
            }
        }
    }

    #[test]
    fn the_cursor_agrees_with_origin_in_any_order() {
        let text = format!(
            "Hay’at  Tahrir al-Sham's “HTS”, Erdoğan; ISIS.\n\n  Qasim   al-Araji, 1,000 km. {}",
            "a, b; ".repeat(40)
        );
        let n = normalize(&text);
        // The map read directly: the last break at or before `i`.
        let search = |i: usize| {
            let k = n.breaks.partition_point(|&(b, _)| b as usize <= i) - 1;
            let (b, o) = n.breaks[k];
            o as usize + (i - b as usize)
        };
        let len = n.as_str().len();
        let mut cursor = n.cursor();
        let forward = (0..len).chain((0..len).rev());
        let jumps = (0..len).map(|i| (i * 7919) % len);
        for i in forward.chain(jumps) {
            assert_eq!(cursor.origin(i), search(i), "at {i}");
            assert_eq!(n.origin(i), search(i), "at {i}");
        }
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        assert_eq!(normalize("Erdog\u{306}an").as_str(), " erdogan ");
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(normalize("Da\u{200F}esh").as_str(), " daesh ");
        assert_eq!(normalize("الـشرع").as_str(), " الشرع ");
    }
}
