//! Data sufficiency and quality of a baseline, as named checks.
//!
//! From CalTRACK 2.0 (eemeter 3.2.0 `caltrack_sufficiency_criteria`): the
//! baseline spans 365 days (§2.2.1); at least 90 % of its days have both
//! usage and temperature (§2.2.3.2); negative values are refused (they
//! signal net metering, §2.3.5); values above median + 3·IQR are flagged
//! for review (§2.3.6). The checks are returned with the model, never
//! printed; a failed check does not stop the fit (except negative values),
//! it makes the baseline unusable.

use super::data::Coverage;
use crate::named_enum;

named_enum! {
    /// A sufficiency or quality check.
    #[non_exhaustive]
    pub enum CheckName ("sufficiency check") {
        /// Days from the first to the last day of data, against the
        /// required baseline length.
        BaselineSpan = "baseline_span",
        /// Share of the span's days with usage and temperature.
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

/// All checks of a baseline.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SufficiencyReport {
    /// The checks, in a fixed order.
    pub checks: Vec<Check>,
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

/// The `q`-quantile of `values`, linearly interpolated between order
/// statistics (pandas' default), found by selection (O(n), reorders
/// `values`).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    let Some(last) = values.len().checked_sub(1) else {
        return f64::NAN;
    };
    #[allow(clippy::cast_precision_loss)]
    let pos = q * last as f64;
    let lo = pos.floor();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let i = (lo as usize).min(last);
    let (_, &mut a, above) = values.select_nth_unstable_by(i, f64::total_cmp);
    // the next order statistic is the smallest value above position i
    let b = above.iter().copied().min_by(f64::total_cmp).unwrap_or(a);
    a + (b - a) * (pos - lo)
}

pub(crate) fn report(
    coverage: &Coverage,
    usage_per_day: &[f64],
    baseline_days: i64,
    min_valid_fraction: f64,
    outlier_iqr_factor: f64,
) -> SufficiencyReport {
    let pass_if = |ok: bool| {
        if ok {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        }
    };
    #[allow(clippy::cast_precision_loss)]
    let span = coverage.span_days as f64;
    #[allow(clippy::cast_precision_loss)]
    let valid = if coverage.span_days > 0 {
        coverage.valid_days as f64 / span
    } else {
        0.0
    };
    let mut values = usage_per_day.to_vec();
    let (q1, median, q3) = (
        quantile(&mut values, 0.25),
        quantile(&mut values, 0.5),
        quantile(&mut values, 0.75),
    );
    let threshold = median + outlier_iqr_factor * (q3 - q1);
    let outliers = usage_per_day.iter().filter(|&&u| u > threshold).count();
    #[allow(clippy::cast_precision_loss)]
    let checks = vec![
        Check {
            name: CheckName::BaselineSpan,
            status: pass_if(coverage.span_days >= baseline_days),
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
    SufficiencyReport { checks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pandas_quantiles() {
        let mut v = [4.0, 1.0, 3.0, 2.0];
        assert!((quantile(&mut v, 0.25) - 1.75).abs() < 1e-12);
        assert!((quantile(&mut v, 0.5) - 2.5).abs() < 1e-12);
        assert!((quantile(&mut v, 0.75) - 3.25).abs() < 1e-12);
        assert!((quantile(&mut v, 1.0) - 4.0).abs() < 1e-12);
        assert!((quantile(&mut [7.0], 0.5) - 7.0).abs() < 1e-12);
        assert!(quantile(&mut [], 0.5).is_nan());
    }

    #[test]
    fn checks_by_hand() {
        // 300 valid days of 365: 82 % < 90 %; one value of 100 among 1s is
        // above 1 + 3·0.
        let cov = Coverage {
            span_days: 365,
            valid_days: 300,
            negative: vec![],
        };
        let mut usage = vec![1.0; 300];
        usage[7] = 100.0;
        let r = report(&cov, &usage, 365, 0.9, 3.0);
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
