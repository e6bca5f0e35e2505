//! HTML: one self-contained page to explore the graph in a browser, drawn with
//! WebGL by sigma.js. Everything is inline (styles, scripts, the graph), so the
//! page opens from a file with the network off, and its Content Security
//! Policy forbids it to fetch anything at all.
//!
//! The page is put together from four parts embedded in the binary:
//!
//! | part | what |
//! |---|---|
//! | `page.html` | the markup, with markers where the parts below go |
//! | `viewer.css`, `viewer.js` | the viewer's own style and script |
//! | `vendor/viewer-bundle.min.js` | sigma.js, graphology, ForceAtlas2, Louvain (MIT), built by `tools/viewer-bundle`; licences in `vendor/LICENSES.txt` |
//!
//! and the graph, as JSON in a `<script type="application/json">` element
//! ([`data`]), escaped so that no name or snippet can end the element; the
//! script builds the page's text with `textContent`, never as markup. The
//! initial layout is computed here ([`layout`]), so the page opens at once
//! and the same graph always looks the same.
//!
//! The page shows a [`Selection`] of the graph: by default the
//! [`Selection::VIEWER_NODES`] strongest actors and the
//! [`Selection::VIEWER_EDGES`] heaviest links between them, each with at most
//! [`data::EVIDENCE_PER_LINK`] evidence sentences.

pub mod data;
mod layout;

use std::io::{self, Write};

use sha2::{Digest, Sha256};

use super::{Exporter, Selection};
use crate::graph::Graph;

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("viewer.css");
const VIEWER: &str = include_str!("viewer.js");
const BUNDLE: &str = include_str!("vendor/viewer-bundle.min.js");

/// Where the parts go in `page.html`, in this order.
const MARKERS: [&str; 4] = [
    "<!-- actorgraph:policy -->",
    "<!-- actorgraph:style -->",
    "<!-- actorgraph:data -->",
    "<!-- actorgraph:scripts -->",
];

/// Writes the viewer page of a selection of the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Html {
    selection: Selection,
}

impl Default for Html {
    /// [`Selection::viewer`].
    fn default() -> Html {
        Html::new(Selection::viewer())
    }
}

impl Html {
    /// A page that shows `selection` of the graph.
    pub fn new(selection: Selection) -> Html {
        Html { selection }
    }
}

impl Exporter for Html {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let shown = self.selection.apply(graph);
        let data = data::PageData::new(&shown, graph);
        let parts = page_parts();
        out.write_all(parts[0].as_bytes())?;
        write!(
            out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            policy()
        )?;
        out.write_all(parts[1].as_bytes())?;
        write!(out, "<style>\n{STYLE}</style>")?;
        out.write_all(parts[2].as_bytes())?;
        out.write_all(b"<script type=\"application/json\" id=\"actorgraph-data\">")?;
        data.write(out)?;
        out.write_all(b"</script>")?;
        out.write_all(parts[3].as_bytes())?;
        write!(
            out,
            "<script>{BUNDLE}</script>\n<script>\n{VIEWER}</script>"
        )?;
        out.write_all(parts[4].as_bytes())
    }
}

/// `page.html` cut at its markers: five pieces.
fn page_parts() -> Vec<&'static str> {
    let mut parts = Vec::with_capacity(MARKERS.len() + 1);
    let mut rest = PAGE;
    for marker in MARKERS {
        let (before, after) = rest
            .split_once(marker)
            .expect("page.html holds every marker once, in order (a unit test checks)");
        parts.push(before);
        rest = after;
    }
    parts.push(rest);
    parts
}

/// The page's Content Security Policy: nothing may be fetched or connected
/// to; the two scripts run because their hashes are listed (so a script that
/// a name smuggled in would not); styles are inline.
fn policy() -> String {
    format!(
        "default-src 'none'; script-src '{}' '{}'; style-src 'unsafe-inline'; img-src data:; \
         base-uri 'none'; form-action 'none'",
        script_hash(BUNDLE),
        script_hash(&format!("\n{VIEWER}")),
    )
}

/// `sha256-…` of a script's text, as CSP compares it.
fn script_hash(script: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(script.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn page(graph: &Graph) -> String {
        let mut buf = Vec::new();
        Html::default().write(graph, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn the_same_graph_gives_the_same_page() {
        assert_eq!(page(&sample()), page(&sample()));
    }

    #[test]
    fn the_template_holds_every_marker_once() {
        for marker in MARKERS {
            assert_eq!(PAGE.matches(marker).count(), 1, "{marker}");
        }
        assert_eq!(page_parts().len(), MARKERS.len() + 1);
    }

    #[test]
    fn the_page_is_whole_and_fetches_nothing() {
        let html = page(&sample());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.trim_end().ends_with("</html>"));
        assert!(html.contains("default-src 'none'"));
        assert!(
            !html.contains("<!-- actorgraph:"),
            "every marker is replaced"
        );
        // One data element, then the two scripts, and nothing that loads a file.
        assert_eq!(html.matches("<script").count(), 3);
        for link in ["src=", "href=\"http", "@import", "url("] {
            assert!(!html.contains(link), "{link}");
        }
    }

    #[test]
    fn the_policy_lists_the_hashes_of_the_scripts_as_written() {
        let html = page(&sample());
        for script in html.split("<script>").skip(1) {
            let body = script.split("</script>").next().unwrap();
            assert!(
                html.contains(&script_hash(body)),
                "a script runs only with its hash"
            );
        }
    }

    #[test]
    fn base64_pads_as_rfc_4648_says() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
        ];
        for (text, encoded) in cases {
            assert_eq!(base64(text.as_bytes()), encoded);
        }
    }
}
