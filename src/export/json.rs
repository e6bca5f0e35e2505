//! JSON: the node-link graph file, exactly as `build` writes it (see
//! [`crate::graph::store`]); networkx reads it with `node_link_graph`.

use std::io::{self, Write};

use super::Exporter;
use crate::graph::Graph;

/// Writes the node-link graph file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Exporter for Json {
    fn write(&self, graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
        graph.write_json(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn json_is_the_graph_file() {
        let mut buf = Vec::new();
        Json.write(&sample(), &mut buf).unwrap();
        let mut direct = Vec::new();
        sample().write_json(&mut direct).unwrap();
        assert_eq!(buf, direct);
        insta::assert_snapshot!(String::from_utf8(buf).unwrap());
    }
}
