//! Text and values as the flat formats (GEXF, GraphML, CSV) write them: the
//! characters XML cannot hold, lists, numbers and date spans.

use std::borrow::Cow;

use crate::date::Date;
use crate::graph::{Edge, Evidence, Node};

/// What replaces a character a format cannot hold.
pub const REPLACEMENT: char = '\u{FFFD}';

/// True for characters XML 1.0 forbids even as character references: the C0
/// controls other than tab, line feed and carriage return, and U+FFFE, U+FFFF.
pub fn is_forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `s` with the characters XML forbids replaced by U+FFFD; escaping the rest is
/// the XML writer's job.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_forbidden_in_xml) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if is_forbidden_in_xml(c) {
                REPLACEMENT
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

/// The surface forms, most frequent first, as a JSON array of strings: a list
/// that survives any text its items hold.
pub fn aliases(node: &Node) -> String {
    let texts: Vec<&str> = node.aliases.iter().map(|a| a.text.as_str()).collect();
    serde_json::to_string(&texts).expect("strings serialize")
}

/// The most frequent trigger word, if any.
pub fn trigger(edge: &Edge) -> Option<&str> {
    edge.triggers.first().map(String::as_str)
}

/// Why a typed edge exists: its rules, most frequent first, joined by ", "
/// (see [`Edge::rules`]); `None` for an edge without (a co-mention).
pub fn rules(edge: &Edge) -> Option<String> {
    (!edge.rules.is_empty()).then(|| edge.rules.join(", "))
}

/// The earliest evidence, if any.
pub fn evidence(edge: &Edge) -> Option<&Evidence> {
    edge.evidence.first()
}

/// A number as the formats write it: integers without a fraction (`2`), others
/// as Rust prints them, shortest round-trip (`0.5`).
pub fn number(x: f64) -> String {
    format!("{x}")
}

/// The whole days a first and last date cover, for formats that want full
/// dates (GEXF's `timeformat="date"`, Gephi's timesets): `2024-12` to `2025`
/// is `2024-12-01` to `2025-12-31`.
pub fn day_span(first: Option<Date>, last: Option<Date>) -> (Option<Date>, Option<Date>) {
    (first.map(Date::first_day), last.map(Date::last_day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_replaces_only_what_xml_forbids() {
        let kept = "tab\there\nline\r\"q\" <&> \\ 😀 عبد \u{200F} \u{7F}";
        assert!(matches!(xml_safe(kept), Cow::Borrowed(_)));
        assert_eq!(
            xml_safe("a\u{1}b\u{1F}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
    }

    #[test]
    fn values_are_written_plainly() {
        assert_eq!(number(2.0), "2");
        assert_eq!(number(0.5), "0.5");
        let d = |s: &str| s.parse::<Date>().ok();
        let (start, end) = day_span(d("2024-12"), d("2025"));
        assert_eq!(start.unwrap().to_string(), "2024-12-01");
        assert_eq!(end.unwrap().to_string(), "2025-12-31");
        let graph = crate::graph::tests::sample();
        assert_eq!(aliases(&graph.nodes()[0]), r#"["Qasim al-Araji"]"#);
    }
}
