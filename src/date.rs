//! Calendar dates of possibly partial precision (`2024`, `2024-12`, `2024-12-08`),
//! as gazetteer facts and news documents give them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the year, the month or the day. Orders chronologically, a
/// less precise date before the more precise dates it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    /// 1–12, or 0 when unknown.
    month: u8,
    /// 1–31, or 0 when unknown.
    day: u8,
}

impl Date {
    /// A date from its parts; `month` and `day` are 0 when unknown. `None` when
    /// out of range.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (0..=9999).contains(&year)
            && month <= 12
            && day <= days_in_month(year, month)
            && (month != 0 || day == 0);
        valid.then_some(Date { year, month, day })
    }

    /// A date from parts that [`Date::new`] accepted when they were stored,
    /// for a table checked once when it was opened and read many times.
    pub(crate) fn from_checked_parts(year: i32, month: u8, day: u8) -> Date {
        debug_assert!(Date::new(year, month, day).is_some());
        Date { year, month, day }
    }

    /// Year, month and day as stored (0 for an unknown month or day).
    pub(crate) fn parts(self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The first day the date covers: `2024` → `2024-01-01`, `2024-12` →
    /// `2024-12-01`; a full date is itself. For formats that want whole days.
    pub fn first_day(self) -> Date {
        Date {
            month: self.month.max(1),
            day: self.day.max(1),
            ..self
        }
    }

    /// The last day the date covers: `2024` → `2024-12-31`, `2024-02` →
    /// `2024-02-29`; a full date is itself.
    pub fn last_day(self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        Date { month, day, ..self }
    }
}

impl Date {
    /// The day that is `days` days since 1970-01-01 (negative: before it).
    /// `None` outside the years 0–9999.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days: eras of 400 years of 146,097 days,
        // with years that begin in March so that the leap day comes last.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// Days since 1970-01-01 of the first day the date covers.
    pub fn unix_days(self) -> i64 {
        let Date { year, month, day } = self.first_day();
        let year = i64::from(year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let mp = (i64::from(month) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        0 => 0,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Error for a string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let mut parts = s.split('-');
        let year_part = parts.next().filter(|p| p.len() == 4).ok_or_else(err)?;
        let year = year_part.parse().map_err(|_| err())?;
        let mut next = |width: usize| -> Result<u8, DateError> {
            match parts.next() {
                None => Ok(0),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map_err(|_| err())
                }
                Some(_) => Err(err()),
            }
        };
        let month = next(2)?;
        let day = next(2)?;
        if parts.next().is_some() || (month == 0 && s.len() > 4) {
            return Err(err());
        }
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        // A visitor reads the text in place: a graph file holds two dates an
        // edge, and a String for each would be millions of allocations.
        struct DateText;
        impl serde::de::Visitor<'_> for DateText {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date: YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(DateText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_partial_dates() {
        for s in ["2024", "2024-12", "2024-12-08", "2024-02-29"] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        for bad in [
            "24",
            "2024-13",
            "2024-1-2",
            "2023-02-29",
            "2024-12-08-1",
            "x",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn partial_dates_widen_to_whole_days() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let span = |s: &str| (d(s).first_day().to_string(), d(s).last_day().to_string());
        assert_eq!(span("2024"), ("2024-01-01".into(), "2024-12-31".into()));
        assert_eq!(span("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(span("2023-02"), ("2023-02-01".into(), "2023-02-28".into()));
        assert_eq!(
            span("2024-12-08"),
            ("2024-12-08".into(), "2024-12-08".into())
        );
    }

    #[test]
    fn counts_days_across_months_leap_years_and_eras() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        for (date, days) in [
            ("1970-01-01", 0),
            ("1969-12-31", -1),
            ("2000-02-29", 11_016),
            ("2000-03-01", 11_017),
            ("2026-11-30", 20_787),
            ("0000-01-01", -719_528),
        ] {
            assert_eq!(d(date).unix_days(), days, "{date}");
            assert_eq!(Date::from_unix_days(days), Some(d(date)), "{days}");
        }
        assert_eq!(d("2026-11").unix_days(), d("2026-11-01").unix_days());
        for days in -1000..1000 {
            let date = Date::from_unix_days(days * 37).unwrap();
            assert_eq!(date.unix_days(), days * 37);
        }
        assert_eq!(Date::from_unix_days(-719_529), None);
    }

    #[test]
    fn orders_chronologically() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert!(d("2024") < d("2024-01"));
        assert!(d("2024-12") < d("2024-12-08"));
        assert!(d("2024-12-31") < d("2025"));
    }
}
