//! Calendar days: the proleptic Gregorian calendar, written as ISO 8601.
//!
//! A [`Date`] is one civil day, stored as its day number (days since
//! 1970-01-01), so that ordering, differences and prorating are integer
//! arithmetic. Its text is ISO 8601's calendar date, `YYYY-MM-DD`, in JSON
//! and everywhere else (spreadsheets' `dd/mm/yyyy` is read by
//! [`crate::table`]).
//!
//! Conversions between day numbers and years, months and days use Howard
//! Hinnant's `days_from_civil` and `civil_from_days` algorithms
//! (<https://howardhinnant.github.io/date_algorithms.html>), checked against
//! the `jiff` crate by a property test.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::{msg, noun};

/// The first supported year (as `jiff` and ISO 8601's expanded years).
pub const MIN_YEAR: i16 = -9999;
/// The last supported year.
pub const MAX_YEAR: i16 = 9999;

/// A calendar day of the proleptic Gregorian calendar, years −9999 to 9999.
///
/// # Example
/// ```
/// use ecodefi::Date;
/// let d: Date = "2026-02-28".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2026, 2, 28));
/// assert_eq!(d.add_days(1)?.to_string(), "2026-03-01");
/// assert!(Date::new(2026, 2, 29).is_err());
/// # Ok::<(), ecodefi::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    day: i32,
}

/// The date of a year, month and day, for constants and tests.
///
/// # Panics
/// When the day is not in the calendar (at compile time in a `const`), as
/// `jiff::civil::date` does; [`Date::new`] returns an error instead.
#[must_use]
pub const fn date(year: i16, month: i8, day: i8) -> Date {
    assert!(is_valid(year, month, day), "no such day in the calendar");
    Date {
        day: days_from_civil(year as i32, month as i32, day as i32),
    }
}

/// Days in a month (1–12) of a year of the proleptic Gregorian calendar.
const fn days_in_month(year: i16, month: i8) -> i8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

const fn is_valid(year: i16, month: i8, day: i8) -> bool {
    year >= MIN_YEAR
        && year <= MAX_YEAR
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= days_in_month(year, month)
}

/// Howard Hinnant's `days_from_civil`: days since 1970-01-01.
#[allow(clippy::cast_sign_loss, clippy::cast_possible_wrap)]
const fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`: (year, month, day).
const fn civil_from_days(day: i32) -> (i32, i32, i32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i32, m, d)
}

/// Days since 1970-01-01 of a date: [`Date::day_number`], as a function for
/// the arithmetic of periods and series.
pub fn day_number(date: Date) -> i32 {
    date.day
}

/// The date of a day number: [`Date::from_day_number`].
///
/// # Errors
/// [`Error::InvalidValue`] outside years −9999 to 9999.
pub fn date_of(day: i32) -> Result<Date> {
    Date::from_day_number(day)
}

const FIRST_DAY: i32 = days_from_civil(MIN_YEAR as i32, 1, 1);
const LAST_DAY: i32 = days_from_civil(MAX_YEAR as i32, 12, 31);

impl Date {
    /// The day `day` of month `month` (1–12) of `year`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when there is no such day (30 February, a
    /// year outside −9999 to 9999).
    pub fn new(year: i16, month: i8, day: i8) -> Result<Date> {
        if is_valid(year, month, day) {
            Ok(date(year, month, day))
        } else {
            Err(Error::invalid(
                noun!("date"),
                format!("{year}-{month:02}-{day:02}"),
                msg!("no such day in the calendar (years -9999 to 9999)"),
            ))
        }
    }

    /// The day of a day number, days since 1970-01-01 (inverse of
    /// [`Date::day_number`]).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] outside years −9999 to 9999.
    pub fn from_day_number(day: i32) -> Result<Date> {
        if (FIRST_DAY..=LAST_DAY).contains(&day) {
            Ok(Date { day })
        } else {
            Err(Error::invalid(
                noun!("day number"),
                day,
                msg!("out of the calendar range (years -9999 to 9999)"),
            ))
        }
    }

    /// Days since 1970-01-01 (negative before).
    #[must_use]
    pub const fn day_number(self) -> i32 {
        self.day
    }

    /// The day `days` later (earlier if negative).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when that day is out of the calendar range.
    pub fn add_days(self, days: i32) -> Result<Date> {
        self.day
            .checked_add(days)
            .ok_or_else(|| {
                Error::invalid(
                    noun!("day number"),
                    self.day,
                    msg!("out of the calendar range"),
                )
            })
            .and_then(Date::from_day_number)
    }

    /// The day of the year, 1 (1 January) to 366.
    #[must_use]
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub const fn day_of_year(self) -> u16 {
        let year = civil_from_days(self.day).0;
        (self.day - days_from_civil(year, 1, 1) + 1) as u16
    }

    /// The year, −9999 to 9999.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)]
    pub const fn year(self) -> i16 {
        civil_from_days(self.day).0 as i16
    }

    /// The month, 1 to 12.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)]
    pub const fn month(self) -> i8 {
        civil_from_days(self.day).1 as i8
    }

    /// The day of the month, 1 to 31.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)]
    pub const fn day(self) -> i8 {
        civil_from_days(self.day).2 as i8
    }
}

/// ISO 8601: `2026-02-28`; years outside 0–9999 with a sign and six digits
/// (`-000001-01-01`), as ISO 8601's expanded representation and `jiff`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.day);
        if (0..=9999).contains(&y) {
            write!(f, "{y:04}-{m:02}-{d:02}")
        } else {
            let sign = if y < 0 { '-' } else { '+' };
            write!(f, "{sign}{:06}-{m:02}-{d:02}", y.unsigned_abs())
        }
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Reads ISO 8601's calendar date, `YYYY-MM-DD` (or `±YYYYYY-MM-DD`),
/// and nothing else.
impl FromStr for Date {
    type Err = Error;

    fn from_str(text: &str) -> Result<Date> {
        let refuse = |why: crate::message::Message| Error::invalid(noun!("date"), text, why);
        let shape = || msg!("a date is written YYYY-MM-DD (ISO 8601)");
        let (sign, rest) = if let Some(r) = text.strip_prefix('-') {
            (-1, r)
        } else if let Some(r) = text.strip_prefix('+') {
            (1, r)
        } else {
            (0, text)
        };
        let mut parts = rest.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(refuse(shape()));
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let year_digits = if sign == 0 { 4 } else { 6 };
        if !(digits(y, year_digits) && digits(m, 2) && digits(d, 2)) {
            return Err(refuse(shape()));
        }
        let number = |s: &str| s.bytes().fold(0i32, |n, b| n * 10 + i32::from(b - b'0'));
        let year = if sign < 0 { -number(y) } else { number(y) };
        if sign < 0 && year == 0 {
            return Err(refuse(msg!("year -0 is written 0000")));
        }
        match (
            i16::try_from(year),
            i8::try_from(number(m)),
            i8::try_from(number(d)),
        ) {
            (Ok(y), Ok(m), Ok(d)) if is_valid(y, m, d) => Ok(date(y, m, d)),
            _ => Err(refuse(msg!(
                "no such day in the calendar (years -9999 to 9999)"
            ))),
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Date, D::Error> {
        struct Iso;
        impl serde::de::Visitor<'_> for Iso {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Date, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Iso)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(date(1970, 1, 1).day_number(), 0);
        assert_eq!(date(2000, 3, 1).day_number(), 11_017);
        assert_eq!(date(1969, 12, 31).day_number(), -1);
        // 2024 is a leap year, 2100 is not, 2000 is.
        assert_eq!(
            date(2024, 3, 1).day_number() - date(2024, 2, 28).day_number(),
            2
        );
        assert!(Date::new(2100, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert_eq!(date(2024, 12, 31).day_of_year(), 366);
        assert_eq!(date(2025, 3, 1).day_of_year(), 31 + 28 + 1);
    }

    #[test]
    fn iso_text_both_ways() {
        for (text, ymd) in [
            ("2026-02-28", (2026, 2, 28)),
            ("0000-01-01", (0, 1, 1)),
            ("-000001-12-31", (-1, 12, 31)),
            ("-009999-01-01", (-9999, 1, 1)),
            ("9999-12-31", (9999, 12, 31)),
        ] {
            let d: Date = text.parse().unwrap();
            assert_eq!((d.year(), d.month(), d.day()), ymd, "{text}");
            assert_eq!(d.to_string(), text);
        }
        for bad in [
            "2026-2-28",
            "26-02-28",
            "2026-02-30",
            "2026/02/28",
            "28/02/2026",
            "2026-02-28T00:00",
            " 2026-02-28",
            "2026-13-01",
            "+10000-01-01",
            "-000000-01-01",
            "+2026-01-01",
            "",
            "-",
        ] {
            assert_eq!(
                bad.parse::<Date>().unwrap_err().code(),
                "invalid_value",
                "{bad}"
            );
        }
    }

    #[test]
    fn serde_is_iso_text() {
        let d: Date = serde_json::from_str(r#""2025-12-01""#).unwrap();
        assert_eq!(d, date(2025, 12, 1));
        assert_eq!(serde_json::to_string(&d).unwrap(), r#""2025-12-01""#);
        let e = serde_json::from_str::<Date>(r#""01/12/2025""#).unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
        assert!(serde_json::from_str::<Date>("20251201").is_err());
    }

    #[test]
    fn range_is_checked() {
        assert!(Date::from_day_number(LAST_DAY + 1).is_err());
        assert!(Date::from_day_number(FIRST_DAY - 1).is_err());
        assert!(date(9999, 12, 31).add_days(1).is_err());
        assert_eq!(date(2026, 12, 31).add_days(1).unwrap(), date(2027, 1, 1));
        assert_eq!(date(2026, 3, 1).add_days(-1).unwrap(), date(2026, 2, 28));
    }

    proptest! {
        // The calendar against an independent implementation, jiff's.
        #[test]
        fn matches_jiff(n in FIRST_DAY..=LAST_DAY) {
            let ours = Date::from_day_number(n).unwrap();
            let epoch = jiff::civil::date(1970, 1, 1);
            let theirs = epoch.checked_add(jiff::Span::new().days(i64::from(n))).unwrap();
            prop_assert_eq!((ours.year(), ours.month(), ours.day()),
                (theirs.year(), theirs.month(), theirs.day()));
            prop_assert_eq!(ours.to_string(), theirs.to_string());
            let back: Date = theirs.to_string().parse().unwrap();
            prop_assert_eq!(back, ours);
            prop_assert_eq!(Date::new(theirs.year(), theirs.month(), theirs.day()).unwrap(), ours);
        }

        #[test]
        fn order_is_day_order(a in FIRST_DAY..=LAST_DAY, b in FIRST_DAY..=LAST_DAY) {
            let (x, y) = (Date::from_day_number(a).unwrap(), Date::from_day_number(b).unwrap());
            prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            // ISO text sorts as the days do, for years 0 to 9999.
            if x.year() >= 0 && y.year() >= 0 {
                prop_assert_eq!(x.to_string().cmp(&y.to_string()), a.cmp(&b));
            }
        }
    }
}
