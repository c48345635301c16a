//! The baseline window: the days a baseline is measured on.
//!
//! CalTRACK measures a baseline's span and its share of valid days over the
//! *requested* baseline period, not over the first and last days that
//! happen to have data (DOMAIN.md §11). eemeter 3.2.0
//! `caltrack_sufficiency_criteria(data_quality, requested_start,
//! requested_end, num_days=365, …)` counts
//! `n_days_total = n_days_data + n_days_start_gap + n_days_end_gap`, the gaps
//! being the days between the requested start (end) and the first (last)
//! day of data, and divides the valid days by that total; data before the
//! requested start or after the requested end is a critical warning there
//! (CalTRACK 2.0 §2.2.4, `extra_data_before_requested_start_date`). The
//! requested baseline ends where the reporting period starts and spans 365
//! days (eemeter `get_baseline_data(data, end=…, max_days=365)`, CalTRACK
//! 2.0 §2.2.1.1).
//!
//! Here the window is given ([`RegressionOptions::baseline_start`],
//! [`RegressionOptions::baseline_end`]), or derived from the reporting
//! start as CalTRACK does (`baseline_days` days ending the day before it),
//! or, when neither is given, taken from the data (its first to its last
//! day). Data outside the window is ignored and counted, not an error: a
//! Linky export often holds more than the year asked for.
//!
//! [`RegressionOptions::baseline_start`]: super::RegressionOptions::baseline_start
//! [`RegressionOptions::baseline_end`]: super::RegressionOptions::baseline_end

use crate::date::{date_of, Date};
use crate::error::{Error, Result};
use crate::named_enum;
use crate::period::Period;
use crate::{msg, noun};

/// How many missing ranges a [`super::SufficiencyReport`] lists (all of
/// them are counted in `missing_ranges`): enough to see a pattern, small
/// enough to print.
pub const MAX_LISTED_MISSING: usize = 20;

/// A baseline window, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The first day of the window.
    pub start: Date,
    /// The last day of the window.
    pub end: Date,
}

impl Window {
    /// Day number of the first day.
    pub(crate) fn start_day(self) -> i32 {
        crate::date::day_number(self.start)
    }

    /// Day number of the day after the last (half-open end).
    pub(crate) fn end_day(self) -> i32 {
        crate::date::day_number(self.end) + 1
    }

    /// Days in the window.
    pub fn days(self) -> i64 {
        i64::from(self.end_day()) - i64::from(self.start_day())
    }
}

named_enum! {
    /// Where a baseline window came from.
    pub enum WindowSource ("window source") {
        /// Given as options (`baseline_start` and/or `baseline_end`).
        Given = "given",
        /// `baseline_days` days ending the day before `reporting_start`
        /// (CalTRACK 2.0: the baseline is the year before the
        /// intervention).
        FromReportingStart = "from_reporting_start",
        /// The first to the last day of data (no window asked for).
        FromData = "from_data",
    }
}

// `named_enum!` derives no `Default`, so it cannot be derived here.
#[allow(clippy::derivable_impls)]
impl Default for WindowSource {
    fn default() -> Self {
        WindowSource::FromData
    }
}

/// The window the options ask for, with its source, or `None` when it is
/// to be taken from the data.
///
/// # Errors
/// [`crate::Error::InvalidValue`], located at the option's path, for a
/// `baseline_end` before `baseline_start`, a `reporting_start` not after
/// the window, or a window outside the calendar.
pub(crate) fn resolve(
    start: Option<Date>,
    end: Option<Date>,
    reporting_start: Option<Date>,
    baseline_days: i64,
) -> Result<Option<(Window, WindowSource)>> {
    // `baseline_days` is validated to 1..=36525 before: it fits an i32.
    let back = i32::try_from(baseline_days - 1).unwrap_or(0);
    let shift = |d: Date, by: i32, path: &'static str| d.add_days(by).map_err(|e| e.at_path(path));
    let found = match (start, end, reporting_start) {
        (Some(s), Some(e), _) => {
            if e < s {
                return Err(Error::invalid(
                    noun!("baseline end"),
                    e,
                    msg!("must not be before `baseline_start`"),
                )
                .at_path("options.baseline_end"));
            }
            Some((Window { start: s, end: e }, WindowSource::Given))
        }
        (Some(s), None, _) => Some((
            Window {
                start: s,
                end: shift(s, back, "options.baseline_start")?,
            },
            WindowSource::Given,
        )),
        (None, Some(e), _) => Some((
            Window {
                start: shift(e, -back, "options.baseline_end")?,
                end: e,
            },
            WindowSource::Given,
        )),
        (None, None, Some(r)) => {
            let e = shift(r, -1, "options.reporting_start")?;
            Some((
                Window {
                    start: shift(e, -back, "options.reporting_start")?,
                    end: e,
                },
                WindowSource::FromReportingStart,
            ))
        }
        (None, None, None) => None,
    };
    if let (Some((w, _)), Some(r)) = (found, reporting_start) {
        if r <= w.end {
            return Err(Error::invalid(
                noun!("reporting start"),
                r,
                msg!("must be after the baseline window's last day"),
            )
            .at_path("options.reporting_start"));
        }
    }
    Ok(found)
}

/// The missing days of `window` given the sorted day numbers of its valid
/// days: the ranges of consecutive missing days in order (all of them) and
/// their total.
pub(crate) fn missing_ranges(window: (i32, i32), valid: &[i32]) -> Vec<(i32, i32)> {
    let (start, end) = window;
    let mut out = Vec::new();
    let mut next = start; // first day not yet accounted for
    for &d in valid {
        if d < start || d >= end || d < next {
            continue;
        }
        if d > next {
            out.push((next, d - 1));
        }
        next = d + 1;
    }
    if next < end {
        out.push((next, end - 1));
    }
    out
}

/// The ranges as periods, at most [`MAX_LISTED_MISSING`].
pub(crate) fn listed(ranges: &[(i32, i32)]) -> Result<Vec<Period>> {
    ranges
        .iter()
        .take(MAX_LISTED_MISSING)
        .map(|&(a, b)| Period::new(date_of(a)?, date_of(b)?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn gaps_at_both_ends_and_inside() {
        assert_eq!(
            missing_ranges((0, 10), &[1, 2, 5, 6, 8]),
            vec![(0, 0), (3, 4), (7, 7), (9, 9)]
        );
        assert_eq!(missing_ranges((0, 3), &[]), vec![(0, 2)]);
        assert_eq!(missing_ranges((0, 3), &[-1, 0, 1, 2, 3]), vec![]);
    }

    proptest! {
        /// For any window and any set of missing days inside it, the valid
        /// and missing days add up to the window and the ranges cover
        /// exactly the missing days, in order and apart.
        #[test]
        fn ranges_cover_exactly_the_missing_days(
            start in -1000i32..1000,
            len in 1i32..400,
            missing in proptest::collection::btree_set(0i32..400, 0..200),
        ) {
            let end = start + len;
            let missing: std::collections::BTreeSet<i32> =
                missing.into_iter().filter(|&m| m < len).map(|m| start + m).collect();
            let valid: Vec<i32> = (start..end).filter(|d| !missing.contains(d)).collect();
            let ranges = missing_ranges((start, end), &valid);
            let covered: Vec<i32> = ranges.iter().flat_map(|&(a, b)| a..=b).collect();
            let expected: Vec<i32> = missing.iter().copied().collect();
            prop_assert_eq!(&covered, &expected);
            prop_assert_eq!(valid.len() + covered.len(), usize::try_from(len).unwrap());
            for w in ranges.windows(2) {
                prop_assert!(w[0].1 + 1 < w[1].0, "ranges touch or overlap: {:?}", w);
            }
            let shown = listed(&ranges).unwrap_or_default();
            prop_assert_eq!(shown.len(), ranges.len().min(MAX_LISTED_MISSING));
        }
    }
}
