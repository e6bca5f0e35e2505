//! Text meant for a terminal: control characters are shown escaped, so that
//! a crafted name in a graph file or a document id cannot move the cursor,
//! clear the screen or retitle the window when it is printed.

use std::borrow::Cow;
use std::io::{self, Write};

/// True for the characters a terminal may act on: C0 controls other than tab
/// and line feed, DEL, and the C1 controls (U+0080–U+009F, CSI among them).
pub fn is_terminal_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `s` with every terminal control written as `\u{1B}` (a carriage return as
/// `\r`).
///
/// ```
/// use actorgraph::terminal::escape_controls;
/// assert_eq!(escape_controls("Iraq"), "Iraq");
/// assert_eq!(escape_controls("a\u{1b}]0;owned\u{7}b"), "a\\u{1B}]0;owned\\u{7}b");
/// ```
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_terminal_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\r' => out.push_str("\\r"),
        c if is_terminal_control(c) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
        c => out.push(c),
    }
}

/// A writer that escapes terminal controls on their way to `inner`. Writes
/// that are not UTF-8 (a character split across two writes) pass their bytes
/// through, escaping only the ASCII controls among them.
pub struct ControlEscaper<W: Write> {
    inner: W,
}

impl<W: Write> ControlEscaper<W> {
    /// Wraps a writer.
    pub fn new(inner: W) -> ControlEscaper<W> {
        ControlEscaper { inner }
    }

    /// The writer underneath.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for ControlEscaper<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(s) => self.inner.write_all(escape_controls(s).as_bytes())?,
            Err(_) => {
                for &b in buf {
                    if b < 0x20 && b != b'\n' && b != b'\t' || b == 0x7F {
                        write!(self.inner, "\\u{{{b:X}}}")?;
                    } else {
                        self.inner.write_all(&[b])?;
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        let table = [
            ("plain Türkiye 🇹🇷 عربي", "plain Türkiye 🇹🇷 عربي"),
            ("tab\tand\nline", "tab\tand\nline"),
            ("\u{1b}[2J\u{1b}[H", "\\u{1B}[2J\\u{1B}[H"),
            ("over\rwrite", "over\\rwrite"),
            ("c1 \u{9b}31m del \u{7f}", "c1 \\u{9B}31m del \\u{7F}"),
        ];
        for (text, want) in table {
            assert_eq!(escape_controls(text), want);
            let mut out = ControlEscaper::new(Vec::new());
            out.write_all(text.as_bytes()).unwrap();
            assert_eq!(String::from_utf8(out.into_inner()).unwrap(), want);
        }
        let mut out = ControlEscaper::new(Vec::new());
        out.write_all(b"\xc3 \x1b").unwrap();
        assert_eq!(out.into_inner(), b"\xc3 \\u{1B}");
    }
}
