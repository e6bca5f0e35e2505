//! Evidence snippets: the sentence behind an edge, on one line, trimmed to a
//! readable length around the two mentions.

/// Longest snippet, in characters, before it is trimmed around the mentions.
pub const MAX_CHARS: usize = 300;

/// The text of `[start, end)` with white space runs folded to one space; when
/// longer than [`MAX_CHARS`], a window around the two mentions `first` and
/// `second` (byte ranges, in text order) with `…` where it was cut: one
/// window when they stand close, else a window around each joined by `…`, so
/// a snippet never grows with the sentence. The evidence keeps the whole
/// sentence's byte span.
pub fn snippet(
    text: &str,
    start: usize,
    end: usize,
    first: (usize, usize),
    second: (usize, usize),
) -> String {
    let mut out = String::with_capacity((end.saturating_sub(start)).min(4 * MAX_CHARS) + 8);
    let clamp = |(s, e): (usize, usize)| {
        let s = s.clamp(start, end);
        (s, e.clamp(s, end))
    };
    let (first, second) = (clamp(first), clamp(second));
    // Counted only as far as the limit: in document scope a span may be the
    // whole document.
    let longer = |s: &str| s.len() > MAX_CHARS && s.chars().nth(MAX_CHARS).is_some();
    if !longer(&text[start..end]) {
        fold(&mut out, &text[start..end]);
    } else if !longer(&text[first.0..second.1]) {
        let (from, to) = window(text, start, end, first.0, second.1, MAX_CHARS);
        cut(&mut out, text, (start, end), (from, to));
    } else {
        let half = MAX_CHARS / 2;
        let (a_from, a_to) = window(text, start, end, first.0, first.1, half);
        let (b_from, b_to) = window(text, start, end, second.0, second.1, half);
        cut(&mut out, text, (start, end), (a_from, a_to));
        if out.ends_with('…') {
            out.pop();
        }
        out.push_str(" … ");
        let mut right = String::new();
        cut(&mut right, text, (start, end), (b_from.max(a_to), b_to));
        out.push_str(right.trim_start_matches('…'));
    }
    out
}

/// Appends `text[from..to]` folded, with `…` on the sides cut from `[start, end)`.
fn cut(out: &mut String, text: &str, (start, end): (usize, usize), (from, to): (usize, usize)) {
    if from > start {
        out.push('…');
    }
    fold(out, &text[from..to]);
    if to < end {
        out.push('…');
    }
}

/// Appends `text` with runs of white space folded to one space.
fn fold(out: &mut String, text: &str) {
    if is_folded(text) {
        out.push_str(text);
        return;
    }
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// True when `text` is already as [`fold`] makes it: ASCII, no white
/// space but single spaces between words (most sentences of news text), so
/// it can be copied whole instead of word by word.
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    first != b' '
        && last != b' '
        && bytes.is_ascii()
        && !bytes.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        && !bytes.iter().any(|&b| (b'\t'..=b'\r').contains(&b))
}

/// A window of about `chars` characters of `[start, end)` around
/// `[focus_start, focus_end)`.
fn window(
    text: &str,
    start: usize,
    end: usize,
    focus_start: usize,
    focus_end: usize,
    chars: usize,
) -> (usize, usize) {
    let focus = text[focus_start..focus_end].chars().take(chars).count();
    let context = chars.saturating_sub(focus) / 2;
    let from = back(text, focus_start, context).max(start);
    let to = forward(text, focus_end, context).min(end);
    (from, to)
}

fn back(text: &str, at: usize, chars: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take(chars)
        .last()
        .map_or(at, |(i, _)| i)
}

fn forward(text: &str, at: usize, chars: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_are_kept_whole_on_one_line() {
        let text = "Rashid met\n  al-Araji.";
        assert_eq!(
            snippet(text, 0, text.len(), (0, 6), (13, 21)),
            "Rashid met al-Araji."
        );
        let text = " \u{a0}Rashid\t\u{2003}met al-Araji.\r\n";
        assert_eq!(
            snippet(text, 0, text.len(), (3, 9), (17, 25)),
            "Rashid met al-Araji."
        );
    }

    #[test]
    fn text_copied_whole_is_text_folded_word_by_word() {
        let by_words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let cases = [
            "",
            " ",
            "a",
            "Rashid met al-Araji.",
            "Rashid  met",
            " Rashid",
            "Rashid ",
            "Rashid\tmet",
            "Rashid\nmet",
            "Rashid\x0bmet",
            "Rashid\x0cmet",
            "Rashid\rmet",
            "Rashid\x1cmet",
            "Rashid\u{a0}met",
            "Rashid\u{2003}met",
            "Rashid\u{85}met",
            "Rashid, who met al-Araji (Baghdad), said: \"yes\".",
        ];
        for text in cases {
            let mut out = String::new();
            fold(&mut out, text);
            assert_eq!(out, by_words(text), "{text:?}");
        }
    }

    #[test]
    fn long_sentences_are_cut_around_the_mentions() {
        let text = format!("{} Erdogan told Putin {}", "ä".repeat(400), "ö".repeat(400));
        let at = text.find("Erdogan").unwrap();
        let end = text.find("Putin").unwrap() + 5;
        let s = snippet(&text, 0, text.len(), (at, at + 7), (end - 5, end));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("Erdogan told Putin"));
        assert!(s.chars().count() <= MAX_CHARS + 2);
    }

    #[test]
    fn far_apart_mentions_get_a_window_each() {
        let filler = "and then many more words went by ".repeat(100);
        let text = format!("At first Erdogan spoke {filler} until Putin answered at last.");
        let a = text.find("Erdogan").unwrap();
        let b = text.find("Putin").unwrap();
        let s = snippet(&text, 0, text.len(), (a, a + 7), (b, b + 5));
        assert!(s.starts_with("At first Erdogan spoke"), "{s}");
        assert!(s.ends_with("until Putin answered at last."), "{s}");
        assert_eq!(s.matches('…').count(), 1, "{s}");
        assert!(s.contains(" … "), "{s}");
        assert!(
            s.chars().count() <= MAX_CHARS + 3,
            "{} chars: {s}",
            s.chars().count()
        );
    }
}
