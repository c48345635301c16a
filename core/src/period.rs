//! Calendar days and periods of whole days.
//!
//! A [`Period`] runs from its first day to its last day, **both included**, as
//! organisers write them ("du 1er décembre au 30 avril"). A meter reading
//! dated `D` is the index at the *start* of day `D`, so the consumption
//! between readings dated `D1` and `D2` covers the days `D1 ..= D2 − 1`.

use std::fmt;

use crate::date::{day_number, Date};

use crate::error::{Error, Result};
use crate::{msg, noun};

/// Whole days from `first` to `last`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "PeriodRepr", into = "PeriodRepr")]
pub struct Period {
    first: Date,
    last: Date,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodRepr {
    first: Date,
    last: Date,
}

impl TryFrom<PeriodRepr> for Period {
    type Error = Error;
    fn try_from(r: PeriodRepr) -> Result<Self> {
        Period::new(r.first, r.last)
    }
}

impl From<Period> for PeriodRepr {
    fn from(p: Period) -> Self {
        PeriodRepr {
            first: p.first,
            last: p.last,
        }
    }
}

impl Period {
    /// The days from `first` to `last`, both included.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `last` is before `first`.
    ///
    /// # Example
    /// ```
    /// use ecodefi::Period;
    /// use ecodefi::date::date;
    /// let winter = Period::new(date(2025, 12, 1), date(2026, 4, 30))?;
    /// assert_eq!(winter.days(), 151);
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn new(first: Date, last: Date) -> Result<Self> {
        if last < first {
            return Err(Error::invalid(
                noun!("period"),
                format!("{first} to {last}"),
                msg!("the last day is before the first day"),
            ));
        }
        Ok(Period { first, last })
    }

    /// The first day.
    pub fn first(&self) -> Date {
        self.first
    }

    /// The last day (included).
    pub fn last(&self) -> Date {
        self.last
    }

    /// The number of days, at least 1.
    pub fn days(&self) -> i32 {
        day_number(self.last) - day_number(self.first) + 1
    }

    /// Day number of the first day ([`day_number`]).
    pub fn start_day(&self) -> i32 {
        day_number(self.first)
    }

    /// Day number of the day after the last day: the period is
    /// `start_day() .. end_day()`, half-open.
    pub fn end_day(&self) -> i32 {
        day_number(self.last) + 1
    }

    /// Whether `date` is one of the period's days.
    pub fn contains(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }

    /// The days of this period that are also in `other`, if any.
    pub fn intersection(&self, other: Period) -> Option<Period> {
        let first = self.first.max(other.first);
        let last = self.last.min(other.last);
        (first <= last).then_some(Period { first, last })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.first, self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;

    #[test]
    fn faep_winter_has_151_days() {
        // 1 Dec 2025 – 30 Apr 2026: 31 + 31 + 28 + 31 + 30 days.
        let p = Period::new(date(2025, 12, 1), date(2026, 4, 30)).unwrap();
        assert_eq!(p.days(), 151);
        assert!(Period::new(date(2026, 1, 2), date(2026, 1, 1)).is_err());
    }

    #[test]
    fn serde_is_strict() {
        let p: Period =
            serde_json::from_str(r#"{"first":"2025-12-01","last":"2026-04-30"}"#).unwrap();
        assert_eq!(p.days(), 151);
        assert!(
            serde_json::from_str::<Period>(r#"{"first":"2026-12-01","last":"2026-04-30"}"#)
                .is_err()
        );
        assert!(serde_json::from_str::<Period>(
            r#"{"first":"2025-12-01","last":"2026-04-30","x":1}"#
        )
        .is_err());
    }
}
