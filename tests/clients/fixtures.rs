//! Graphs for the client tests, built with the library: one whose names and
//! snippets hold every character that escaping could get wrong, one whose
//! names are attempts to run script in a page, a plain one without dates,
//! and generated ones of any size.

use actorgraph::gazetteer::EntityType;
use actorgraph::graph::{Edge, EdgeKind, Evidence, Graph, Header, Node, SurfaceForm};

fn node(id: &str, label: &str, kind: EntityType, aliases: &[&str]) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        kind,
        mentions: 4,
        docs: 2,
        scopes: 3,
        first: "2024-11".parse().ok(),
        last: "2024-12-08".parse().ok(),
        aliases: aliases
            .iter()
            .enumerate()
            .map(|(i, text)| SurfaceForm {
                text: text.to_string(),
                count: 3 - i as u64,
            })
            .collect(),
    }
}

fn edge(source: u32, target: u32, kind: EdgeKind, weight: f64, snippet: &str) -> Edge {
    Edge {
        first: "2024-12-01".parse().ok(),
        last: "2024-12".parse().ok(),
        evidence: vec![Evidence {
            doc: "news/2024 \"d1\".txt".into(),
            sentence: Some(2),
            start: Some(10),
            end: Some(90),
            snippet: snippet.into(),
        }],
        ..Edge::new(source, target, kind, weight)
    }
}

/// Names and snippets with quotes, `<`, `>`, `&`, backslashes, newlines,
/// tabs, emoji, Arabic script, right-to-left marks and control characters;
/// parallel, directed and undirected edges; partial dates and none.
pub fn tricky() -> Graph {
    use EntityType::*;
    let nodes = vec![
        node(
            "quote",
            "He said \"hi\" & 'bye'",
            Person,
            &["\"hi\"", "<b>bold</b>"],
        ),
        node(
            "markup",
            "<b>A&amp;B</b> > C",
            Group,
            &["back\\slash\\", "tab\there"],
        ),
        node(
            "lines",
            "first line\nsecond\tcol\r\nthird",
            Place,
            &["a\rb"],
        ),
        node("emoji", "Rocket 🚀 Team 🇸🇾", Group, &["👩‍👩‍👧"]),
        node(
            "arabic",
            "عبد اللطيف رشيد",
            Person,
            &["\u{200F}رشيد\u{200E}"],
        ),
        node("rtl", "\u{200F}RTL \u{202B}embedded\u{202C}", Person, &[]),
        node(
            "control",
            "ctrl\u{1}bell\u{7}esc\u{1b}del\u{7f}",
            Group,
            &["nul\u{0}x"],
        ),
        node("trailing", "ends with \\", Place, &["\\"]),
        node("long", "A Very Long Actor Name That Wraps", Person, &[]),
        node("ḥizb", "Ḥizb (id with diacritics)", Group, &[]),
    ];
    let mut undated = node("undated", "Undated", Place, &[]);
    (undated.first, undated.last, undated.mentions) = (None, None, 0);
    let mut nodes = nodes;
    nodes.push(undated);
    let mut edges = vec![
        edge(
            0,
            1,
            EdgeKind::CoMention,
            2.5,
            "He said \"hi\" <b>&</b> \\ back\tslash\nnew line 🚀 عبد \u{200F} ctrl\u{1}",
        ),
        edge(0, 1, EdgeKind::Meets, 1.0, "x < y & z > w"),
        edge(
            1,
            0,
            EdgeKind::Attacks,
            3.0,
            "'single' \"double\" \\\"escaped\\\"",
        ),
        edge(2, 3, EdgeKind::AlliedWith, 1.0, "CR\rCRLF\r\nLF\nend"),
        edge(
            4,
            5,
            EdgeKind::Communicates,
            0.5,
            "\u{200F}قال عبد اللطيف رشيد\u{200E} (Arabic) 😀",
        ),
        edge(
            6,
            7,
            EdgeKind::Supports,
            1.0,
            "a\u{0}b\u{8}c\u{b}d\u{c}e\u{1f}f\u{FFFE}g",
        ),
        edge(8, 9, EdgeKind::MemberOf, 2.0, "ends with a backslash \\"),
        edge(8, 0, EdgeKind::CoMention, 1.0, "plain"),
    ];
    edges[1].triggers = vec!["met \"with\"".into(), "held talks".into()];
    edges[2].triggers = vec!["struck\\hit".into()];
    (edges[3].first, edges[3].last) = ("2024".parse().ok(), "2025-02".parse().ok());
    (edges[7].first, edges[7].last, edges[7].docs) = (None, None, 0);
    edges[7].evidence.clear();
    Graph::new(header(), nodes, edges)
}

/// Names, aliases, snippets and document ids that would run script, add
/// markup or end a `<script>` element if a page wrote them as markup; quotes,
/// `&`, right-to-left marks, emoji, line separators. Every actor is linked,
/// and every link has evidence and a date.
pub fn hostile() -> Graph {
    use EntityType::*;
    let nodes = vec![
        node(
            "script",
            "<script>window.__pwned = 'label'</script>",
            Person,
            &["</script><script>window.__pwned = 'alias'</script>"],
        ),
        node(
            "img",
            "<img src=x onerror=\"window.__pwned = 'img'\">",
            Group,
            &["<svg onload=\"window.__pwned = 'svg'\">"],
        ),
        node(
            "quotes",
            "\"double\" & 'single' &amp; &lt;b&gt;",
            Place,
            &["O'Brien & Sons"],
        ),
        node(
            "rtl",
            "\u{202E}evil\u{202C} \u{200F}عبد اللطيف رشيد\u{200E}",
            Person,
            &["\u{200F}رشيد"],
        ),
        node("emoji", "Rocket 🚀 Team 👩‍👩‍👧 🇸🇾", Group, &["🚀"]),
        node(
            "__proto__",
            "line\u{2028}separator\u{2029}paragraph <!-- comment --> ]]>",
            Place,
            &["constructor"],
        ),
    ];
    let snippets = [
        "</script><script>window.__pwned = 'snippet'</script>",
        "<img src=x onerror=\"window.__pwned = 'snippet img'\"> & \"quoted\"",
        "\u{202E}reversed\u{202C} قال عبد اللطيف رشيد \u{200F}(Arabic) 😀",
        "a\u{2028}b\u{2029}c <!-- --> javascript:window.__pwned = 'href'",
        "plain & simple",
        "{{template}} ${literal} `backtick`",
    ];
    let kinds = [
        EdgeKind::Meets,
        EdgeKind::CoMention,
        EdgeKind::Attacks,
        EdgeKind::Supports,
        EdgeKind::CoMention,
        EdgeKind::LocatedIn,
    ];
    let edges = (0..6)
        .map(|i| {
            let mut e = edge(
                i,
                (i + 1) % 6,
                kinds[i as usize],
                1.0 + i as f64,
                snippets[i as usize],
            );
            e.evidence[0].doc = format!("<b>doc {i}</b>\"&.txt");
            e
        })
        .collect();
    Graph::new(header(), nodes, edges)
}

/// A graph with no dates at all, for the static GEXF.
pub fn undated() -> Graph {
    let g = tricky();
    let mut nodes = g.nodes().to_vec();
    for n in &mut nodes {
        (n.first, n.last) = (None, None);
    }
    let mut edges = g.edges().to_vec();
    for e in &mut edges {
        (e.first, e.last) = (None, None);
    }
    Graph::new(header(), nodes, edges)
}

/// `n` actors and about `3 n` links of every type, from a fixed seed.
pub fn generated(n: u32) -> Graph {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let kinds = [EntityType::Person, EntityType::Group, EntityType::Place];
    let nodes = (0..n)
        .map(|i| {
            let kind = kinds[next(3) as usize];
            let mut actor = node(&format!("a{i:05}"), &format!("Actor {i}"), kind, &[]);
            actor.mentions = 1 + next(200);
            actor
        })
        .collect();
    let mut edges = Vec::new();
    for source in 0..n {
        for _ in 0..3 {
            let target = next(n as u64) as u32;
            if target != source {
                let kind = EdgeKind::ALL[next(EdgeKind::ALL.len() as u64) as usize];
                let weight = 1.0 + next(12) as f64;
                edges.push(edge(source, target, kind, weight, "generated"));
            }
        }
    }
    edges.sort_by_key(|e| (e.source.min(e.target), e.source.max(e.target), e.kind));
    edges.dedup_by_key(|e| (e.source.min(e.target), e.source.max(e.target), e.kind));
    Graph::new(header(), nodes, edges)
}

fn header() -> Header {
    Header {
        tool: "actorgraph".into(),
        version: "0.1.0".into(),
        gazetteer: "sha256:0123abcd".into(),
        ..Header::default()
    }
}
