//! SVG and PNG: the DOT diagram laid out and drawn by Graphviz, run through
//! graphviz-rust's exec. Graphviz must be installed; when it is not, the error
//! says how to install it, and nothing is written.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use graphviz_rust::cmd::Format as GraphvizFormat;

use super::Exporter;
use super::dot::Dot;
use crate::graph::Graph;

/// What to tell a user whose machine has no Graphviz.
pub const MISSING_GRAPHVIZ: &str = "Graphviz is not installed (no `dot` program on the PATH), \
and svg and png need it: install it with `apt-get install graphviz` \
(Debian, Ubuntu), `brew install graphviz` (macOS) or from https://graphviz.org/download/";

/// The image formats Graphviz draws for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    /// Scalable, with tooltips; the one to open in a browser.
    Svg,
    /// A bitmap, for documents and chat.
    Png,
}

/// Writes the diagram as an image drawn by Graphviz.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    image: Image,
    dot: Dot,
}

impl Rendered {
    /// The diagram `dot` writes, as SVG.
    pub fn svg(dot: Dot) -> Rendered {
        Rendered {
            image: Image::Svg,
            dot,
        }
    }

    /// The diagram `dot` writes, as PNG.
    pub fn png(dot: Dot) -> Rendered {
        Rendered {
            image: Image::Png,
            dot,
        }
    }
}

impl Exporter for Rendered {
    /// Renders in memory first: Graphviz needs the whole DOT, and a failure
    /// must leave nothing written.
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        let mut dot = Vec::new();
        self.dot.write(graph, &mut dot)?;
        let dot = String::from_utf8(dot).map_err(io::Error::other)?;
        let format = match self.image {
            Image::Svg => GraphvizFormat::Svg,
            Image::Png => GraphvizFormat::Png,
        };
        let image = graphviz_rust::exec_dot(dot, vec![format.into()]).map_err(explain)?;
        out.write_all(&image)
    }
}

/// Turns graphviz-rust's errors into messages a user can act on.
fn explain(err: io::Error) -> io::Error {
    if err.kind() == io::ErrorKind::NotFound {
        io::Error::new(io::ErrorKind::NotFound, MISSING_GRAPHVIZ)
    } else {
        io::Error::other(format!(
            "Graphviz failed to draw the diagram: {}",
            err.to_string().trim()
        ))
    }
}

/// True when Graphviz's `dot` program runs, so that `svg` and `png` can be
/// written (`build` leaves them out otherwise).
pub fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn missing_graphviz_says_how_to_install_it() {
        let err = explain(io::Error::from(io::ErrorKind::NotFound));
        assert!(err.to_string().contains("apt-get install graphviz"));
        let err = explain(io::Error::other("Error: syntax error in line 1\n"));
        assert_eq!(
            err.to_string(),
            "Graphviz failed to draw the diagram: Error: syntax error in line 1"
        );
    }

    #[test]
    fn renders_svg_when_graphviz_is_installed() {
        if !graphviz_available() {
            eprintln!("skipped: Graphviz is not installed");
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true needs Graphviz"
            );
            return;
        }
        let mut svg = Vec::new();
        Rendered::svg(Dot::default())
            .write(&sample(), &mut svg)
            .unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(
            svg.contains("<svg") && svg.contains("Qasim al&#45;Araji"),
            "{svg}"
        );
    }
}
