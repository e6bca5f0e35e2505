//! Splits a document into paragraphs and sentences, so that co-mention scopes
//! and evidence snippets are exact.
//!
//! Two layouts are told apart. In *flowing* text (a web page saved as text) every
//! line is a paragraph, so headlines, datelines and captions on their own lines
//! are paragraphs and sentences of their own. In *hard-wrapped* text (newswire:
//! every line shorter than 100 characters, most of them longer than 40) a line
//! break is a space, and paragraphs end at blank lines and indented lines.
//! Sentences end at `.`, `!` or `?` (and any closing quotes or brackets) before
//! white space and a capital, a digit or an opening quote, unless the word before
//! the full stop is an abbreviation (`Dec.`, `Mr.`, `U.S.`) or an initial (`J.`).

/// A sentence: a byte range of the document and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: u32,
}

/// The sentences and paragraphs of a document, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Sentences, trimmed of surrounding white space.
    pub sentences: Vec<Sentence>,
    /// Paragraphs as `(start, end)` byte ranges.
    pub paragraphs: Vec<(usize, usize)>,
}

impl Segments {
    /// Index of the sentence that holds byte `offset` (or the last one before it).
    pub fn sentence_at(&self, offset: usize) -> u32 {
        self.sentences
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1) as u32
    }
}

/// Segments a document.
///
/// ```
/// use actorgraph::segment::segment;
/// let text = "Headline on its own line\nMr. Rashid met al-Araji on Dec. 1. They spoke.";
/// let s = segment(text);
/// let sentences: Vec<&str> = s.sentences.iter().map(|x| &text[x.start..x.end]).collect();
/// assert_eq!(sentences, ["Headline on its own line", "Mr. Rashid met al-Araji on Dec. 1.", "They spoke."]);
/// ```
pub fn segment(text: &str) -> Segments {
    let mut segments = Segments::default();
    for (start, end) in paragraphs(text) {
        let paragraph = segments.paragraphs.len() as u32;
        segments.paragraphs.push((start, end));
        split_sentences(text, start, end, paragraph, &mut segments.sentences);
    }
    segments
}

/// Lines as `(start, end)` without their line break.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let ends = memchr::memchr_iter(b'\n', bytes)
        .chain((!text.ends_with('\n') && !text.is_empty()).then_some(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let s = start;
        start = end + 1;
        let e = if end > s && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        (s, e)
    })
}

/// Length in characters of a line without surrounding white space.
fn trimmed_chars(line: &str) -> usize {
    let t = line.trim();
    if t.is_ascii() {
        t.len()
    } else {
        t.chars().count()
    }
}

fn is_hard_wrapped(text: &str) -> bool {
    let mut lines_seen = 0;
    let mut long = 0;
    for (s, e) in lines(text) {
        let n = trimmed_chars(&text[s..e]);
        if n == 0 {
            continue;
        }
        if n > 100 {
            return false;
        }
        lines_seen += 1;
        if n >= 40 {
            long += 1;
        }
    }
    lines_seen >= 3 && long * 2 >= lines_seen
}

fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let wrapped = is_hard_wrapped(text);
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (s, e) in lines(text) {
        let line = &text[s..e];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(current.take());
            continue;
        }
        let start = s + (line.len() - line.trim_start().len());
        let end = start + trimmed.len();
        let indented = line.starts_with("  ") || line.starts_with('\t');
        let continues = |(cs, ce): (usize, usize)| {
            if indented {
                return false;
            }
            wrapped || continues_sentence(&text[cs..ce], trimmed)
        };
        match current {
            Some((cs, ce)) if continues((cs, ce)) => current = Some((cs, end)),
            _ => {
                out.extend(current.take());
                current = Some((start, end));
            }
        }
    }
    out.extend(current);
    out
}

/// In flowing text, whether a line goes on with the sentence the text before
/// it left open, as in a short hard-wrapped message ("Erdogan met\nwith Putin
/// in\nAnkara on Monday."): the text before does not end a sentence (or a
/// headline), and the line starts in lower case or the text before ends with
/// a word that cannot end a sentence.
fn continues_sentence(before: &str, line: &str) -> bool {
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if !(last.is_alphanumeric() || last == ',') {
        return false;
    }
    let first = line.chars().next().is_some_and(char::is_lowercase);
    let tail = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    first || (tail.chars().all(char::is_lowercase) && OPEN_ENDED.contains(&tail)) || last == ','
}

/// Words after which a sentence cannot end, so a line that ends with one
/// goes on in the next.
static OPEN_ENDED: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "between", "against", "over", "under", "near", "after", "before", "during", "his",
    "her", "its", "their", "that", "who", "which", "met", "told", "said",
];

fn split_sentences(text: &str, start: usize, end: usize, paragraph: u32, out: &mut Vec<Sentence>) {
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut sentence_start = 0;
    let mut next = 0;
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if i < next {
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && is_closer(para, j) {
            j += para[j..].chars().next().map_or(1, char::len_utf8);
        }
        if ends_sentence(para, i, j) {
            push(out, text, start + sentence_start, start + j, paragraph);
            sentence_start = j;
        }
        next = j;
    }
    push(out, text, start + sentence_start, end, paragraph);
}

/// The longest sentence the analysis considers, in bytes. News sentences run
/// to a few hundred bytes; a text without sentence punctuation (a table, a
/// scraped page, a hostile input) would otherwise be one sentence of any
/// length, and the work per sentence grows with its length times its
/// mentions. Longer runs are cut at a line break or a space.
pub const MAX_SENTENCE: usize = 2000;

fn push(out: &mut Vec<Sentence>, text: &str, mut start: usize, end: usize, paragraph: u32) {
    while end - start > MAX_SENTENCE {
        let cut = cut_point(text, start, start + MAX_SENTENCE);
        push_one(out, text, start, cut, paragraph);
        start = cut;
    }
    push_one(out, text, start, end, paragraph);
}

/// Where to cut an overlong run `[start, limit)`: after its last line break
/// in the second half of the run, else after its last white space, else at
/// the last character boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let run = &text.as_bytes()[start..limit];
    let half = run.len() / 2;
    if let Some(i) = memchr::memrchr(b'\n', &run[half..]) {
        return start + half + i + 1;
    }
    match run.iter().rposition(|b| b.is_ascii_whitespace()) {
        Some(i) if i > 0 => start + i + 1,
        _ => limit,
    }
}

fn push_one(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: u32) {
    let s = &text[start..end];
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = start + (s.len() - s.trim_start().len());
    out.push(Sentence {
        start,
        end: start + trimmed.len(),
        paragraph,
    });
}

fn is_closer(s: &str, at: usize) -> bool {
    matches!(
        s[at..].chars().next(),
        Some('"' | '\'' | ')' | ']' | '”' | '’' | '»')
    )
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«')
}

/// Whether the mark at `mark`, with closers up to `after`, ends a sentence.
fn ends_sentence(para: &str, mark: usize, after: usize) -> bool {
    let rest = &para[after..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false;
    }
    let Some(next) = trimmed.chars().next() else {
        return false;
    };
    let next = if is_opener(next) {
        trimmed.chars().nth(1).unwrap_or(next)
    } else {
        next
    };
    if !(next.is_uppercase() || next.is_numeric() || is_opener(next)) {
        return false;
    }
    para.as_bytes()[mark] != b'.' || !is_abbreviation(word_before(para, mark))
}

fn word_before(para: &str, mark: usize) -> &str {
    let before = &para[..mark];
    let start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[start..]
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    // An initial: "J."
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Dotted: "U.S", "e.g"
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

static ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr", "etc",
    "feb", "fig", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mr",
    "mrs", "ms", "mt", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt",
    "sr", "st", "vs",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentence_table() {
        let table: &[(&str, &[&str])] = &[
            ("One. Two! Three? four", &["One.", "Two!", "Three? four"]),
            (
                "Assad fled on Dec. 8, 2024, ending it. Next.",
                &["Assad fled on Dec. 8, 2024, ending it.", "Next."],
            ),
            (
                "Mr. Rashid and Dr. Araji met. Then",
                &["Mr. Rashid and Dr. Araji met.", "Then"],
            ),
            (
                "The U.S. Army and the U.N. Security Council.",
                &["The U.S. Army and the U.N. Security Council."],
            ),
            ("Abdul L. Rashid spoke.", &["Abdul L. Rashid spoke."]),
            (
                "He said: \"We will win.\" Then left.",
                &["He said: \"We will win.\"", "Then left."],
            ),
            (
                "\"It is grave,\" Rashid said.",
                &["\"It is grave,\" Rashid said."],
            ),
            ("In 3.5 days. 2015 came.", &["In 3.5 days.", "2015 came."]),
            ("on Jan. 29.", &["on Jan. 29."]),
            ("ends with e.g. this one", &["ends with e.g. this one"]),
        ];
        for (text, want) in table {
            assert_eq!(sentences(text), *want, "in {text:?}");
        }
    }

    #[test]
    fn headlines_and_captions_on_their_own_lines() {
        let text = "Iraq stands by Syria: Official\nIraq's adviser said so. He spoke.\nA caption (AFP)\nA caption (AFP)\n";
        assert_eq!(
            sentences(text),
            [
                "Iraq stands by Syria: Official",
                "Iraq's adviser said so.",
                "He spoke.",
                "A caption (AFP)",
                "A caption (AFP)"
            ]
        );
        assert_eq!(segment(text).paragraphs.len(), 4);
    }

    #[test]
    fn short_wrapped_lines_go_on_with_their_sentence() {
        let table: &[(&str, &[&str])] = &[
            (
                "Turkish President Erdogan met\nwith Russian President Putin in\nAnkara on Monday.",
                &[
                    "Turkish President Erdogan met\nwith Russian President Putin in\nAnkara on Monday.",
                ],
            ),
            (
                "Iraq says border sealed\nBaghdad, Dec 1 - Iraq sealed it.",
                &[
                    "Iraq says border sealed",
                    "Baghdad, Dec 1 - Iraq sealed it.",
                ],
            ),
            (
                "Syria's army withdrew,\nofficials said.\nA caption",
                &["Syria's army withdrew,\nofficials said.", "A caption"],
            ),
            (
                "Headline: Official\nnext line starts low",
                &["Headline: Official\nnext line starts low"],
            ),
            (
                "Ends well.\nlower case start",
                &["Ends well.", "lower case start"],
            ),
        ];
        for (text, want) in table {
            assert_eq!(sentences(text), *want, "in {text:?}");
        }
    }

    #[test]
    fn overlong_runs_are_cut_at_a_line_break_or_a_space() {
        let words = "word ".repeat(1000);
        let s = segment(&words);
        assert!(s.sentences.len() >= 3, "{}", s.sentences.len());
        assert!(s.sentences.iter().all(|x| x.end - x.start <= MAX_SENTENCE));
        assert!(
            s.sentences
                .iter()
                .all(|x| words[x.start..x.end].ends_with("word"))
        );
        let covered: usize = s.sentences.iter().map(|x| x.end - x.start + 1).sum();
        assert_eq!(covered, words.len());
        // No space at all: cut at a character boundary.
        let arabic = "\u{639}".repeat(3000);
        let s = segment(&arabic);
        assert!(
            s.sentences
                .iter()
                .all(|x| arabic.is_char_boundary(x.start) && x.end - x.start <= MAX_SENTENCE)
        );
        // A line break in the second half of the run is preferred.
        let lines = format!("{}\n{}", "a ".repeat(700), "b ".repeat(700));
        let s = segment(&lines);
        assert_eq!(
            &lines[s.sentences[0].start..s.sentences[0].end],
            "a ".repeat(700).trim()
        );
    }

    #[test]
    fn hard_wrapped_newswire_joins_lines() {
        let text = "IRAQ SAYS BORDER SEALED\n\n    Iraq said on Saturday it had sealed its border with\nSyria and put its military on standby, state media\nreported on Saturday afternoon in Baghdad today.\n    A second paragraph begins here with an indent and\ngoes on for a while longer than forty characters.\n";
        let s = segment(text);
        assert_eq!(s.paragraphs.len(), 3);
        let got = sentences(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("Iraq said") && got[1].ends_with("today."));
        assert_eq!(s.sentences[1].paragraph, 1);
        assert_eq!(s.sentence_at(text.find("Syria").unwrap()), 1);
    }
}
