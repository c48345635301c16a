//! Data sufficiency and quality of a baseline, as named checks.
//!
//! From CalTRACK 2.0 (eemeter 3.2.0 `caltrack_sufficiency_criteria`): the
//! baseline spans 365 days; at least 90 % of its days have both usage and
//! temperature; negative values are refused (they signal net metering,
//! §2.3.5); values above median + 3·IQR are flagged for review (§2.3.6).
//! CalTRACK requires the span to be exactly 365 days; here it must be at
//! least the required days (the caller chooses the baseline's days).
//!
//! Both the span and the valid-days share are measured on the baseline
//! *window* (see [`super::Window`]), as eemeter 3.2.0 does with its
//! `requested_start` and `requested_end` (`n_days_total` includes the gaps
//! at both ends): a missing first or last day is a missing day, not a
//! shorter baseline. The checks are returned with the model, never
//! printed; a failed check does not stop the fit (except negative values),
//! it makes the baseline unusable.

use super::data::Coverage;
use super::window::{listed, missing_ranges, Window, WindowSource};
use crate::error::Result;
use crate::named_enum;
use crate::period::Period;

named_enum! {
    /// A sufficiency or quality check.
    #[non_exhaustive]
    pub enum CheckName ("sufficiency check") {
        /// Days of the baseline window, against the required baseline
        /// length.
        BaselineSpan = "baseline_span",
        /// Share of the window's days with usage and temperature.
        ValidDays = "valid_days",
        /// Negative usage values (refused: no model is fitted).
        NegativeValues = "negative_values",
        /// Usage values above median + k·IQR (warned).
        Outliers = "outliers",
    }
}

named_enum! {
    /// The outcome of a check.
    pub enum CheckStatus ("check status") {
        /// The data meet the check.
        Pass = "pass",
        /// The data may be fine but deserve a look.
        Warn = "warn",
        /// The data do not meet the check.
        Fail = "fail",
    }
}

/// One check: its measured value against its limit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Which check.
    pub name: CheckName,
    /// Its outcome.
    pub status: CheckStatus,
    /// What was measured (days, a share, a count).
    pub value: f64,
    /// The limit it was compared with (for outliers: the usage-per-day
    /// threshold).
    pub limit: f64,
    /// Indices (in the input list) of the values concerned, for negative
    /// values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indices: Vec<usize>,
}

/// All checks of a baseline, and the window they were measured on.
///
/// `valid_days + missing_days == window_days` always; `missing` lists the
/// first [`MAX_LISTED_MISSING`](super::MAX_LISTED_MISSING) ranges of
/// consecutive missing days and `missing_ranges` counts them all.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SufficiencyReport {
    /// The checks, in a fixed order.
    pub checks: Vec<Check>,
    /// The baseline window, both days included (absent when it comes from
    /// the data and there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// Where the window came from.
    #[serde(default)]
    pub window_source: WindowSource,
    /// Days of the window.
    #[serde(default)]
    pub window_days: i64,
    /// Days of the window with usage and temperature.
    #[serde(default)]
    pub valid_days: i64,
    /// Days of the window without (`window_days − valid_days`).
    #[serde(default)]
    pub missing_days: i64,
    /// The first ranges of consecutive missing days, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Period>,
    /// How many ranges of missing days there are (listed or not).
    #[serde(default)]
    pub missing_ranges: usize,
    /// Days of data outside the window, ignored (for a bill not wholly
    /// inside: all its days).
    #[serde(default)]
    pub outside_window: i64,
}

impl SufficiencyReport {
    /// Whether no check failed (warnings allowed).
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.status != CheckStatus::Fail)
    }

    /// The check of that name.
    pub fn get(&self, name: CheckName) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// An integer key that orders like the float (IEEE 754 total order), so
/// selection compares integers instead of floats.
fn key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

fn from_key(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// The order statistics `i` and `i + 1` of `keys` (the second one is the
/// first when `i` is the last), by selection: O(n), reorders `keys` so that
/// everything before `i` is smaller and everything after larger.
fn order_pair(keys: &mut [u64], i: usize) -> (u64, u64) {
    if keys.is_empty() {
        return (0, 0);
    }
    let i = i.min(keys.len() - 1);
    let (_, &mut a, above) = keys.select_nth_unstable(i);
    (a, above.iter().copied().min().unwrap_or(a))
}

/// The 0.25, 0.5 and 0.75 quantiles of `values`, linearly interpolated
/// between order statistics (pandas' default); `NaN` when empty. The median
/// is selected first, then each quartile within its half, which is
/// cheaper than sorting.
fn quartiles(values: &[f64]) -> [f64; 3] {
    let Some(last) = values.len().checked_sub(1) else {
        return [f64::NAN; 3];
    };
    let mut keys: Vec<u64> = values.iter().map(|&v| key(v)).collect();
    #[allow(clippy::cast_precision_loss)]
    let at = |q: f64| {
        let pos = q * last as f64;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        (pos.floor() as usize, pos - pos.floor())
    };
    let interpolate = |(a, b): (u64, u64), frac: f64| {
        let (a, b) = (from_key(a), from_key(b));
        a + (b - a) * frac
    };
    let (i50, f50) = at(0.5);
    let median = order_pair(&mut keys, i50);
    // keys[..i50] now holds the i50 smallest values, keys[i50 + 1..] the rest
    let (i25, f25) = at(0.25);
    let q1 = if i25 + 1 < i50 {
        order_pair(keys.get_mut(..i50).unwrap_or_default(), i25)
    } else if i25 < i50 {
        let (a, _) = order_pair(keys.get_mut(..i50).unwrap_or_default(), i25);
        (a, median.0)
    } else {
        median
    };
    let (i75, f75) = at(0.75);
    let q3 = if i75 > i50 {
        order_pair(keys.get_mut(i50 + 1..).unwrap_or_default(), i75 - i50 - 1)
    } else {
        median
    };
    [
        interpolate(q1, f25),
        interpolate(median, f50),
        interpolate(q3, f75),
    ]
}

/// The limits of the checks.
pub(crate) struct Limits {
    pub baseline_days: i64,
    pub min_valid_fraction: f64,
    pub outlier_iqr_factor: f64,
}

pub(crate) fn report(
    coverage: &Coverage,
    usage_per_day: &[f64],
    window: Option<Window>,
    window_source: WindowSource,
    limits: &Limits,
) -> Result<SufficiencyReport> {
    let Limits {
        baseline_days,
        min_valid_fraction,
        outlier_iqr_factor,
    } = *limits;
    let pass_if = |ok: bool| {
        if ok {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        }
    };
    let window_days = window.map_or(0, Window::days);
    let ranges = window.map_or_else(Vec::new, |w| {
        missing_ranges((w.start_day(), w.end_day()), &coverage.valid)
    });
    let missing_days: i64 = ranges
        .iter()
        .map(|&(a, b)| i64::from(b) - i64::from(a) + 1)
        .sum();
    let valid_days = window_days - missing_days;
    #[allow(clippy::cast_precision_loss)]
    let span = window_days as f64;
    #[allow(clippy::cast_precision_loss)]
    let valid = if window_days > 0 {
        valid_days as f64 / span
    } else {
        0.0
    };
    let [q1, median, q3] = quartiles(usage_per_day);
    let threshold = median + outlier_iqr_factor * (q3 - q1);
    let outliers = usage_per_day.iter().filter(|&&u| u > threshold).count();
    #[allow(clippy::cast_precision_loss)]
    let checks = vec![
        Check {
            name: CheckName::BaselineSpan,
            status: pass_if(window_days >= baseline_days),
            value: span,
            #[allow(clippy::cast_precision_loss)]
            limit: baseline_days as f64,
            indices: Vec::new(),
        },
        Check {
            name: CheckName::ValidDays,
            status: pass_if(valid >= min_valid_fraction),
            value: valid,
            limit: min_valid_fraction,
            indices: Vec::new(),
        },
        Check {
            name: CheckName::NegativeValues,
            status: pass_if(coverage.negative.is_empty()),
            value: coverage.negative.len() as f64,
            limit: 0.0,
            indices: coverage.negative.clone(),
        },
        Check {
            name: CheckName::Outliers,
            status: if outliers == 0 {
                CheckStatus::Pass
            } else {
                CheckStatus::Warn
            },
            value: outliers as f64,
            limit: threshold,
            indices: Vec::new(),
        },
    ];
    Ok(SufficiencyReport {
        checks,
        window,
        window_source,
        window_days,
        valid_days,
        missing_days,
        missing: listed(&ranges)?,
        missing_ranges: ranges.len(),
        outside_window: coverage.outside_window,
    })
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
mod tests {
    use super::*;

    /// Quartiles as pandas computes them (`Series.quantile`, linear), from
    /// a sort: the reference for the selection.
    fn by_sorting(values: &[f64]) -> [f64; 3] {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        [0.25, 0.5, 0.75].map(|q| {
            #[allow(clippy::cast_precision_loss)]
            let pos = q * (v.len() - 1) as f64;
            let i = pos.floor() as usize;
            let b = v.get(i + 1).copied().unwrap_or(v[i]);
            v[i] + (b - v[i]) * (pos - pos.floor())
        })
    }

    #[test]
    fn pandas_quartiles() {
        // pandas: Series([1, 2, 3, 4]).quantile([.25, .5, .75]) = 1.75, 2.5, 3.25
        assert_eq!(quartiles(&[4.0, 1.0, 3.0, 2.0]), [1.75, 2.5, 3.25]);
        assert_eq!(quartiles(&[7.0]), [7.0, 7.0, 7.0]);
        assert_eq!(quartiles(&[2.0, 1.0]), [1.25, 1.5, 1.75]);
        assert!(quartiles(&[]).iter().all(|q| q.is_nan()));
        assert_eq!(from_key(key(-0.0)).to_bits(), (-0.0f64).to_bits());
        assert!(key(-2.5) < key(-0.0) && key(-0.0) < key(0.0) && key(0.0) < key(1e-300));
    }

    proptest::proptest! {
        #[test]
        fn quartiles_equal_sorting(values in proptest::collection::vec(-1e6f64..1e6, 1..60)) {
            proptest::prop_assert_eq!(quartiles(&values), by_sorting(&values));
        }
    }

    #[test]
    fn checks_by_hand() {
        // 300 valid days of 365: 82 % < 90 %; one value of 100 among 1s is
        // above 1 + 3·0.
        let cov = Coverage {
            span_days: 365,
            valid_days: 300,
            valid: (0..300).collect(),
            ..Coverage::default()
        };
        let mut usage = vec![1.0; 300];
        usage[7] = 100.0;
        let window = Window {
            start: crate::date::date_of(0).unwrap(),
            end: crate::date::date_of(364).unwrap(),
        };
        let limits = Limits {
            baseline_days: 365,
            min_valid_fraction: 0.9,
            outlier_iqr_factor: 3.0,
        };
        let r = report(&cov, &usage, Some(window), WindowSource::Given, &limits).unwrap();
        assert_eq!(
            (r.window_days, r.valid_days, r.missing_days),
            (365, 300, 65)
        );
        assert_eq!(r.missing_ranges, 1);
        assert!(!r.passed());
        assert_eq!(
            r.get(CheckName::BaselineSpan).unwrap().status,
            CheckStatus::Pass
        );
        assert_eq!(
            r.get(CheckName::ValidDays).unwrap().status,
            CheckStatus::Fail
        );
        let o = r.get(CheckName::Outliers).unwrap();
        assert_eq!((o.status, o.value, o.limit), (CheckStatus::Warn, 1.0, 1.0));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<SufficiencyReport>(&json).unwrap(), r);
    }
}
