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
    // Most lines hold no year where a date would put it, and need no regex.
    if !may_hold_date(text.as_bytes()) {
        return None;
    }
    by_expressions(text)
}

/// [`parse_date`] by its regular expressions alone: the earliest date any of
/// them finds.
fn by_expressions(text: &str) -> Option<Date> {
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

/// False when no form that [`parse_date`] reads can be in `text`: each needs
/// a four-digit year after a space, a separator or a month's name, or before
/// `-` (`2024-12-01`). A look at the bytes around each run of four digits,
/// so that lines with a number or a bare year ("in 1987", "fiscal 1986") cost
/// no regex: on the Reuters corpus it leaves 1,121 of the 6,360 first lines
/// with four digits in a row to the four regular expressions.
fn may_hold_date(bytes: &[u8]) -> bool {
    // `\s` of the regular expressions, which are ASCII-only (`-u`).
    let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let before = |at: usize| at.checked_sub(1).map(|i| bytes[i]);
    let skip_back = |mut at: usize, skip: &dyn Fn(u8) -> bool| {
        while before(at).is_some_and(skip) {
            at -= 1;
        }
        at
    };
    (0..bytes.len().saturating_sub(3)).any(|year| {
        if !bytes[year..year + 4].iter().all(u8::is_ascii_digit) {
            return false;
        }
        // ISO: `2024-12-01`.
        if bytes.get(year + 4) == Some(&b'-') {
            return true;
        }
        match before(year) {
            // Numeric: `30-11-2024`, `11/30/2024`.
            Some(b'-' | b'/' | b'.') => return true,
            Some(b) if space(b) => {}
            _ => return false,
        }
        let mut at = skip_back(year, &space);
        if before(at) == Some(b',') {
            at -= 1;
        }
        // Month first: `December 2, 2024`, a day before the year.
        if before(at).is_some_and(|b| b.is_ascii_digit()) {
            return true;
        }
        // Day first: `3 Dec 2024`, `3 Dec. 2024`: a month's name, and a
        // day before it.
        if before(at) == Some(b'.') {
            at -= 1;
        }
        let word = skip_back(at, &|b| b.is_ascii_alphabetic());
        let is_month = bytes.get(word..word + 3).is_some_and(|m| {
            word + 3 <= at
                && MONTHS
                    .iter()
                    .any(|name| m.eq_ignore_ascii_case(name.as_bytes()))
        });
        if !is_month || !before(word).is_some_and(space) {
            return false;
        }
        before(skip_back(word, &space)).is_some_and(|b| b.is_ascii_digit())
    })
}

/// The date of a document: its `date` field if it has one that parses, else the
/// first date in its first lines.
pub fn document_date(field: Option<&str>, text: &str) -> Option<Date> {
    if let Some(date) = field.and_then(|f| parse_date(f).or_else(|| parse_period(f))) {
        return Some(date);
    }
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .find_map(|line| parse_date(head(line)))
}

/// A `date` field that gives only a year or a month (`1987`, `2025-03`),
/// read as the middle of that period: July 1st of the year, the 15th of the
/// month. Only the field is read so; a bare year in the text is no date.
///
/// ```
/// use actorgraph::docdate::document_date;
/// assert_eq!(document_date(Some("1987"), "").unwrap().to_string(), "1987-07-01");
/// assert_eq!(document_date(Some("2025-03"), "").unwrap().to_string(), "2025-03-15");
/// assert_eq!(document_date(Some("87"), ""), None);
/// ```
fn parse_period(field: &str) -> Option<Date> {
    let field = field.trim();
    let digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    match field.split_once('-') {
        None if digits(field) => make(field.parse().ok()?, 7, 1),
        Some((year, month))
            if digits(year) && month.len() == 2 && month.bytes().all(|b| b.is_ascii_digit()) =>
        {
            make(year.parse().ok()?, month.parse().ok()?, 15)
        }
        _ => None,
    }
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
    use proptest::prelude::*;

    proptest! {
        /// The look before the regular expressions never loses a date:
        /// lines made of the pieces of dates and of what stands near them.
        #[test]
        fn the_pre_check_keeps_every_date(
            pieces in proptest::collection::vec(
                prop_oneof![
                    "[0-9]{1,5}",
                    "(Jan|feb|MAR|Sept|December|may|Octob|nov)",
                    "[-/.,: T\t\x0b]{1,2}",
                    "[a-zA-Z]{1,4}",
                ],
                0..12,
            )
        ) {
            let text = pieces.concat();
            prop_assert_eq!(parse_date(&text), by_expressions(&text), "{:?}", text);
        }
    }

    #[test]
    fn the_pre_check_reads_around_the_year() {
        for text in [
            "in 1987",
            "fiscal 1986 results",
            "1,500 tonnes",
            "March 1987",
            "x2024-",
        ] {
            assert_eq!(may_hold_date(text.as_bytes()), text == "x2024-", "{text}");
        }
        for text in ["3 Dec. 2024", "Dec 3 2024", "on 1/2/2024", "2024-12-01"] {
            assert!(may_hold_date(text.as_bytes()), "{text}");
        }
    }

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
