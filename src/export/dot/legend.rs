//! The diagram's legend, as the graph's HTML-like label at the bottom left: how
//! many actors and links it shows out of how many (and at which backbone
//! significance), and what each colour means. Only the types the diagram
//! shows are listed.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::export::palette;
use crate::gazetteer::EntityType;
use crate::graph::{EdgeKind, Graph};

/// Link types per legend line.
const PER_LINE: usize = 6;

/// The legend as an HTML-like label, `<…>` included: one line of text per
/// table row, so nothing stretches. Every string in it is ours (type names and
/// numbers), so nothing needs escaping.
pub fn html(shown: &Graph, whole: &Graph, backbone: Option<f64>) -> String {
    let mut lines = vec![format!("<b>{}</b>", caption(shown, whole, backbone))];
    let actors: BTreeSet<EntityType> = shown.nodes().iter().map(|n| n.kind).collect();
    if !actors.is_empty() {
        let mut line = String::from("Actors ");
        for kind in actors {
            let _ = write!(line, "  {} {kind}", swatch(kind));
        }
        lines.push(line);
    }
    let links: BTreeSet<EdgeKind> = shown.edges().iter().map(|e| e.kind).collect();
    let links: Vec<EdgeKind> = links.into_iter().collect();
    for (i, chunk) in links.chunks(PER_LINE).enumerate() {
        let mut line = String::from(if i == 0 { "Links " } else { "" });
        for &kind in chunk {
            let _ = write!(line, "  {}", link(kind));
        }
        lines.push(line);
    }
    let rows: String = lines
        .iter()
        .map(|line| format!(r#"<tr><td align="left">{line}</td></tr>"#))
        .collect();
    format!(r#"<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">{rows}</table>>"#)
}

/// A glyph in the shape and colour actors of this type have.
fn swatch(kind: EntityType) -> String {
    // Sizes that make the three glyphs look alike in common fonts.
    let (glyph, size) = match kind {
        EntityType::Person => ("⬤", 15),
        EntityType::Group => ("■", 21),
        EntityType::Place => ("⬢", 15),
    };
    let colour = palette::entity(kind).hex();
    format!(r#"<font color="{colour}" point-size="{size}">{glyph}</font>"#)
}

/// A short line in the link type's colour and style, and its name.
fn link(kind: EdgeKind) -> String {
    let colour = palette::edge(kind).hex();
    match kind {
        EdgeKind::CoMention => format!(r#"<font color="{colour}">———</font> named together"#),
        _ if kind.is_directed() => format!(r#"<font color="{colour}"><b>——▶</b></font> {kind}"#),
        _ => format!(r#"<font color="{colour}"><b>———</b></font> {kind}"#),
    }
}

/// "12 actors, 30 links", or "The 150 strongest of 2,314 actors, 812
/// links", or "The backbone at alpha 0.3: 25 of 59 actors, 60 of 262 links".
fn caption(shown: &Graph, whole: &Graph, backbone: Option<f64>) -> String {
    let links = count(shown.edges().len(), "link");
    if let Some(alpha) = backbone.filter(|&a| a < 1.0) {
        return format!(
            "The backbone at alpha {alpha}: {} of {}, {} of {}",
            thousands(shown.nodes().len()),
            count(whole.nodes().len(), "actor"),
            thousands(shown.edges().len()),
            count(whole.edges().len(), "link"),
        );
    }
    if shown.nodes().len() < whole.nodes().len() {
        format!(
            "The {} strongest of {} actors, {links}",
            thousands(shown.nodes().len()),
            thousands(whole.nodes().len())
        )
    } else {
        format!("{}, {links}", count(shown.nodes().len(), "actor"))
    }
}

fn count(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", thousands(n))
}

/// 2314 → "2,314".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Selection;
    use crate::graph::tests::sample;

    #[test]
    fn legend_lists_the_shown_types() {
        let g = sample();
        let legend = html(&g, &g, None);
        assert!(legend.starts_with("<<table") && legend.ends_with("</table>>"));
        assert!(legend.contains("<b>3 actors, 4 links</b>"), "{legend}");
        assert!(legend.contains("</font> person") && legend.contains("</font> place"));
        assert!(!legend.contains("group"));
        assert!(legend.contains("</font> supports") && legend.contains("</font> named together"));
        assert!(!legend.contains("attacks"));
    }

    #[test]
    fn caption_says_when_actors_are_left_out() {
        let g = sample();
        let one = Selection {
            max_nodes: Some(1),
            ..Selection::all()
        };
        let shown = one.apply(&g);
        assert!(html(&shown, &g, None).contains("<b>The 1 strongest of 3 actors, 0 links</b>"));
        let backbone = Selection {
            backbone: Some(0.3),
            ..Selection::all()
        };
        let shown = backbone.apply(&g);
        assert!(
            html(&shown, &g, Some(0.3))
                .contains("<b>The backbone at alpha 0.3: 2 of 3 actors, 2 of 4 links</b>")
        );
        assert_eq!(thousands(2314), "2,314");
        assert_eq!(thousands(999), "999");
        assert_eq!(count(1, "link"), "1 link");
    }
}
