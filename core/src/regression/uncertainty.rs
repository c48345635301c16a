//! Uncertainty of savings: ASHRAE Guideline 14 fractional savings
//! uncertainty with the Sun & Baltazar polynomial, and the OLS error band.
//!
//! Both follow eemeter 3.2.0 (`derivatives.py`,
//! `_compute_error_bands_metered_savings`), the reference implementation of
//! CalTRACK 2.0, so that the bands agree with it:
//!
//! - `t` is Student's t quantile at `1 − (1 − confidence)/2` with
//!   `n − p` degrees of freedom (`n` baseline observations, `p` slopes);
//! - the lag-1 autocorrelation `ρ` of the baseline residuals gives the
//!   effective number of observations `n′ = n(1 − ρ)/(1 + ρ)` (ASHRAE
//!   Guideline 14-2014, Annex B);
//! - FSU band `= E · t · (a·M² + b·M + c) · (RMSE/ȳ) · √((n/n′)(1 + 2/n′)/m)`
//!   where `m` is the number of reporting observations (months for bills),
//!   `M` the reporting months (`m/30` for daily data), and `a, b, c` Sun &
//!   Baltazar's (2013) correction of Guideline 14's constant 1.26:
//!   daily −0.00024, 0.03535, 1.00286; monthly −0.00022, 0.03306, 0.94054
//!   (as eemeter 3.2.0 assigns them to daily and billing data).
//!   `E = n·ȳ`, the baseline's total usage, as in eemeter 3.2.0 (Guideline
//!   14 scales by the reporting period's baseline usage; the two agree for
//!   a year against a year);
//! - OLS band: model error `t·RMSE·m/√n·√(1 + (ȳ − ȳ_post)²/σ²)` and noise
//!   `t·RMSE·√(m·n/n′)`, added in quadrature.

use super::data::Interval;
use super::metrics::Metrics;

/// Error bands of metered savings over a reporting period, in the usage's
/// unit (kWh over the whole period).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBands {
    /// The two-sided confidence level, e.g. 0.9.
    pub confidence_level: f64,
    /// Student's t at that level.
    pub t_stat: f64,
    /// Effective number of baseline observations, `n(1 − ρ)/(1 + ρ)`.
    pub n_prime: f64,
    /// ASHRAE Guideline 14 / Sun & Baltazar band (± this much usage).
    pub fsu_error_band: f64,
    /// OLS band, model and noise errors combined.
    pub ols_error_band: f64,
    /// OLS band, model error part.
    pub ols_error_band_model: f64,
    /// OLS band, noise part.
    pub ols_error_band_noise: f64,
}

/// `(a, b, c)` of Sun & Baltazar's polynomial, as used by eemeter 3.2.0.
const fn sun_baltazar(interval: Interval) -> (f64, f64, f64) {
    match interval {
        Interval::Daily => (-0.00024, 0.03535, 1.00286),
        Interval::Billing => (-0.00022, 0.03306, 0.94054),
    }
}

/// The error bands of savings predicted by a model with baseline `metrics`
/// over `reporting_obs` observations (for bills: months) whose observed mean
/// is `reporting_mean`. `None` when a band is undefined (no reporting
/// data, no baseline variance, residual autocorrelation ±1…).
// eemeter tests these values for exact equality; so do we.
#[allow(clippy::float_cmp)]
pub(crate) fn error_bands(
    metrics: &Metrics,
    interval: Interval,
    reporting_obs: f64,
    reporting_mean: f64,
    confidence_level: f64,
) -> Option<ErrorBands> {
    #[allow(clippy::cast_precision_loss)]
    let (n, p) = (
        metrics.observed_length as f64,
        metrics.num_parameters as f64,
    );
    let rho = metrics.autocorr_resid?;
    let (mean, var, rmse) = (
        metrics.observed_mean,
        metrics.observed_variance,
        metrics.rmse_adj,
    );
    let m = reporting_obs;
    if m == 0.0 || rho.abs() == 1.0 || n == 0.0 || mean == 0.0 || var == 0.0 {
        return None;
    }
    let t = student_t_quantile(1.0 - (1.0 - confidence_level) / 2.0, n - p)?;
    let n_prime = n * (1.0 - rho) / (1.0 + rho);
    let model = t * rmse * m / n.sqrt() * (1.0 + (mean - reporting_mean).powi(2) / var).sqrt();
    let noise = t * rmse * (m * n / n_prime).sqrt();
    let (a, b, c) = sun_baltazar(interval);
    let months = match interval {
        Interval::Daily => m / 30.0,
        Interval::Billing => m,
    };
    let fsu = mean
        * n
        * (t * (a * months * months + b * months + c)
            * (rmse / mean)
            * ((n / n_prime) * (1.0 + 2.0 / n_prime) * (1.0 / m)).sqrt());
    let bands = ErrorBands {
        confidence_level,
        t_stat: t,
        n_prime,
        fsu_error_band: fsu,
        ols_error_band: model.hypot(noise),
        ols_error_band_model: model,
        ols_error_band_noise: noise,
    };
    [bands.fsu_error_band, bands.ols_error_band, bands.t_stat]
        .iter()
        .all(|x| x.is_finite())
        .then_some(bands)
}

/// ln Γ(x) for x > 0, Lanczos' approximation (g = 7, 9 terms; relative
/// error about 1e-15).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // reflection: Γ(x)Γ(1 − x) = π / sin(πx)
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        #[allow(clippy::cast_precision_loss)]
        let i = i as f64;
        a += c / (x + i);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularised incomplete beta function `I_x(a, b)`, by its continued
/// fraction (modified Lentz), using the symmetry `I_x(a,b) = 1 − I_{1−x}(b,a)`
/// where the fraction converges slowly.
fn incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    if x > (a + 1.0) / (a + b + 2.0) {
        return 1.0 - incomplete_beta(1.0 - x, b, a);
    }
    let ln_front = a * x.ln() + b * (1.0 - x).ln() - (ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b));
    let front = ln_front.exp() / a;
    // K = 1/(1 + d1/(1 + d2/(1 + …)))
    let mut f = TINY;
    let mut c = f;
    let mut d = 0.0;
    for j in 1..=400 {
        let num = if j == 1 {
            1.0
        } else {
            let k = j - 1; // d_k
            let m = f64::from(k / 2);
            if k % 2 == 1 {
                -((a + m) * (a + b + m) * x) / ((a + 2.0 * m) * (a + 2.0 * m + 1.0))
            } else {
                (m * (b - m) * x) / ((a + 2.0 * m - 1.0) * (a + 2.0 * m))
            }
        };
        d = 1.0 + num * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + num / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    front * f
}

/// Survival function of Student's t with `df` degrees of freedom:
/// `P(T > t)`.
pub fn student_t_sf(t: f64, df: f64) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    let tail = 0.5 * incomplete_beta(df / (df + t * t), df / 2.0, 0.5);
    if t >= 0.0 {
        tail
    } else {
        1.0 - tail
    }
}

fn student_t_pdf(t: f64, df: f64) -> f64 {
    (ln_gamma(f64::midpoint(df, 1.0))
        - ln_gamma(df / 2.0)
        - 0.5 * (df * std::f64::consts::PI).ln()
        - f64::midpoint(df, 1.0) * (1.0 + t * t / df).ln())
    .exp()
}

/// The quantile of Student's t with `df` degrees of freedom at probability
/// `p` (`scipy.stats.t.ppf`), by safeguarded Newton iteration on
/// [`student_t_sf`]. `None` unless `0 < p < 1` and `df > 0`.
#[allow(clippy::float_cmp)] // p = 0.5 exactly is the median
pub fn student_t_quantile(p: f64, df: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0 && df > 0.0 && df.is_finite()) {
        return None;
    }
    if p < 0.5 {
        return student_t_quantile(1.0 - p, df).map(|t| -t);
    }
    if p == 0.5 {
        return Some(0.0);
    }
    let q = 1.0 - p;
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    while student_t_sf(hi, df) > q {
        lo = hi;
        hi *= 2.0;
        if hi > 1e300 {
            return None;
        }
    }
    let mut t = 0.5 * (lo + hi);
    for _ in 0..200 {
        let sf = student_t_sf(t, df);
        if sf > q {
            lo = t;
        } else {
            hi = t;
        }
        let next = t + (sf - q) / student_t_pdf(t, df);
        let next = if next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
        if (next - t).abs() <= 1e-15 * t.abs().max(1.0) {
            return Some(next);
        }
        t = next;
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantiles_match_tables() {
        // Exact: df = 1 is Cauchy, t = tan(π(p − 1/2)); df = 2 has
        // t = (2p − 1)/√(2p(1 − p)).
        let p: f64 = 0.95;
        let cauchy = (std::f64::consts::PI * (p - 0.5)).tan();
        assert!((student_t_quantile(p, 1.0).unwrap() - cauchy).abs() < 1e-10);
        let two = (2.0 * p - 1.0) / (2.0 * p * (1.0 - p)).sqrt();
        assert!((student_t_quantile(p, 2.0).unwrap() - two).abs() < 1e-12);
        // Printed tables (t_{0.95}): 10 df → 1.812, 30 df → 1.697.
        assert!((student_t_quantile(0.95, 10.0).unwrap() - 1.812).abs() < 5e-4);
        assert!((student_t_quantile(0.95, 30.0).unwrap() - 1.697).abs() < 5e-4);
        assert!((student_t_quantile(0.05, 30.0).unwrap() + 1.697).abs() < 5e-4);
        assert!(student_t_quantile(1.0, 3.0).is_none());
    }

    #[test]
    fn t_sf_is_symmetric_and_exact_for_cauchy() {
        for t in [-3.0, -0.5, 0.0, 0.7, 12.0] {
            let exact = 0.5 - f64::atan(t) / std::f64::consts::PI;
            assert!((student_t_sf(t, 1.0) - exact).abs() < 1e-13, "{t}");
            assert!((student_t_sf(t, 7.5) + student_t_sf(-t, 7.5) - 1.0).abs() < 1e-14);
        }
    }

    #[test]
    fn ln_gamma_of_integers_and_half() {
        assert!(ln_gamma(1.0).abs() < 1e-14);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-13);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-14);
    }
}
