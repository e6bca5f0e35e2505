//! How query answers are written: text for a reader, JSON for a program
//! (the same content, structured), DOT for a diagram. Every writer streams
//! into a `Write`.

mod dot;
mod text;

use std::io::{self, Write};

use serde::Serialize;

pub use dot::{Emphasis, path_diagram, write_dot};
pub use text::{write_neighbors, write_path, write_ranking};

/// Writes any answer as pretty-printed JSON and a newline.
pub fn write_json(answer: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, answer)?;
    out.write_all(b"\n")
}

/// A number as a reader wants it: `2`, `0.5`, `0.33`.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        let table = [
            (2.0, "2"),
            (0.5, "0.5"),
            (1.0 / 3.0, "0.33"),
            (12.25, "12.25"),
            (0.001, "0"),
        ];
        for (x, want) in table {
            assert_eq!(number(x), want, "{x}");
        }
    }
}
