//! Evidence snippets: the sentence behind an edge, on one line, trimmed to a
//! readable length around the two mentions.

/// Longest snippet, in characters, before it is trimmed around the mentions.
pub const MAX_CHARS: usize = 300;

/// The text of `[start, end)` with white space runs folded to one space; when
/// longer than [`MAX_CHARS`], a window around `[focus_start, focus_end)` with `…`
/// where it was cut.
pub fn snippet(
    text: &str,
    start: usize,
    end: usize,
    focus_start: usize,
    focus_end: usize,
) -> String {
    let (from, to, cut_left, cut_right) = window(text, start, end, focus_start, focus_end);
    let mut out = String::with_capacity(to - from + 8);
    if cut_left {
        out.push('…');
    }
    for (i, word) in text[from..to].split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if cut_right {
        out.push('…');
    }
    out
}

fn window(
    text: &str,
    start: usize,
    end: usize,
    focus_start: usize,
    focus_end: usize,
) -> (usize, usize, bool, bool) {
    let chars = text[start..end].chars().count();
    if chars <= MAX_CHARS {
        return (start, end, false, false);
    }
    let focus_start = focus_start.clamp(start, end);
    let focus_end = focus_end.clamp(focus_start, end);
    let focus = text[focus_start..focus_end].chars().count();
    let context = MAX_CHARS.saturating_sub(focus) / 2;
    let from = back(text, focus_start, context).max(start);
    let to = forward(text, focus_end, context).min(end);
    (from, to, from > start, to < end)
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
        assert_eq!(snippet(text, 0, text.len(), 0, 6), "Rashid met al-Araji.");
        let text = " \u{a0}Rashid\t\u{2003}met al-Araji.\r\n";
        assert_eq!(snippet(text, 0, text.len(), 2, 8), "Rashid met al-Araji.");
    }

    #[test]
    fn long_sentences_are_cut_around_the_mentions() {
        let text = format!("{} Erdogan told Putin {}", "ä".repeat(400), "ö".repeat(400));
        let at = text.find("Erdogan").unwrap();
        let end = text.find("Putin").unwrap() + 5;
        let s = snippet(&text, 0, text.len(), at, end);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("Erdogan told Putin"));
        assert!(s.chars().count() <= MAX_CHARS + 2);
    }
}
