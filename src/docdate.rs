//! The date of a news document: the JSONL `date` field when present, else the
//! first date written in the document's first lines (a dateline, a timestamp,
//! a caption), else none.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::Date;

/// How many non-empty lines at the top of a document are searched for a date.
const HEAD_LINES: usize = 8;
/// How much of each of those lines.
const HEAD_BYTES: usize = 400;

static MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}|(?-u:\b))").expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?-u:\b)").expect("valid regex")
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
        .expect("valid regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
        .expect("valid regex")
});

/// Parses one date as a document's `date` field or a dateline writes it:
/// `2024-12-01T09:47:03+00:00`, `2024-12-01`, `30-11-2024`, `December 2, 2024`,
/// `Dec. 3, 2024`, `3 Dec 2024`. Numeric dates are read day first unless the
/// first number cannot be a day of that month.
///
/// ```
/// use actorgraph::docdate::parse_date;
/// assert_eq!(parse_date("Tuesday Dec. 3, 2024.(AP)").unwrap().to_string(), "2024-12-03");
/// assert_eq!(parse_date("30-11-2024").unwrap().to_string(), "2024-11-30");
/// assert_eq!(parse_date("no date here"), None);
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    // Every form has a four-digit year: most lines have none, and need no regex.
    if !text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let mut best: Option<(usize, Date)> = None;
    let mut consider = |at: usize, date: Option<Date>| {
        if let Some(d) = date
            && best.is_none_or(|(b, _)| at < b)
        {
            best = Some((at, d));
        }
    };
    let num = |s: &str| s.parse::<u32>().ok();
    for c in ISO.captures_iter(text) {
        consider(
            c.get(0)?.start(),
            make(num(&c[1])?, num(&c[2])?, num(&c[3])?),
        );
    }
    for c in NUMERIC.captures_iter(text) {
        let (a, b, y) = (num(&c[1])?, num(&c[2])?, num(&c[3])?);
        consider(c.get(0)?.start(), make(y, b, a).or_else(|| make(y, a, b)));
    }
    for c in MONTH_FIRST.captures_iter(text) {
        consider(
            c.get(0)?.start(),
            make(num(&c[3])?, month(&c[1])?, num(&c[2])?),
        );
    }
    for c in DAY_FIRST.captures_iter(text) {
        consider(
            c.get(0)?.start(),
            make(num(&c[3])?, month(&c[2])?, num(&c[1])?),
        );
    }
    best.map(|(_, d)| d)
}

/// The date of a document: its `date` field if it has one that parses, else the
/// first date in its first lines.
pub fn document_date(field: Option<&str>, text: &str) -> Option<Date> {
    if let Some(date) = field.and_then(parse_date) {
        return Some(date);
    }
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .find_map(|line| parse_date(head(line)))
}

/// The start of a line: a dateline is short, and a document of one long line
/// must not cost a date search over all of it.
fn head(line: &str) -> &str {
    let mut end = line.len().min(HEAD_BYTES);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

fn month(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

fn make(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1900..=2100).contains(&year) || month == 0 || day == 0 {
        return None;
    }
    Date::new(
        year as i32,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_table() {
        let table = [
            ("2024-12-01T09:47:03+00:00", Some("2024-12-01")),
            ("2024-12-01", Some("2024-12-01")),
            ("30-11-2024", Some("2024-11-30")),
            ("11/30/2024", Some("2024-11-30")),
            ("05/06/2024", Some("2024-06-05")),
            (
                "on December 2, 2024. (Iraqi Defense Ministry/AFP)",
                Some("2024-12-02"),
            ),
            ("Tuesday Dec. 3, 2024.(AP)", Some("2024-12-03")),
            ("3 Dec 2024", Some("2024-12-03")),
            ("Sept. 9, 2024", Some("2024-09-09")),
            (
                "fled to Russia on Dec. 8, 2024, and in 2023-02-30",
                Some("2024-12-08"),
            ),
            ("Article 8 of 1963", None),
            ("A+ A-", None),
        ];
        for (text, want) in table {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn field_first_then_head_lines() {
        let text = "Headline\n\n30-11-2024\nRudaw\nBody on December 9, 2024.";
        assert_eq!(document_date(None, text).unwrap().to_string(), "2024-11-30");
        assert_eq!(
            document_date(Some("2024-12-05"), text).unwrap().to_string(),
            "2024-12-05"
        );
        assert_eq!(
            document_date(Some("someday"), text).unwrap().to_string(),
            "2024-11-30"
        );
        let late = format!("{}On Dec. 8, 2024.", "line\n".repeat(10));
        assert_eq!(document_date(None, &late), None);
        let far = format!("{} on Dec. 8, 2024.", "word ".repeat(200));
        assert_eq!(
            document_date(None, &far),
            None,
            "only the start of a line is searched"
        );
    }
}
