//! Goodness of fit of the selected model on its baseline.
//!
//! Computed as eemeter 3.2.0's `ModelMetrics` does (CalTRACK 2.0's
//! reference), on per-observation totals (usage × days) in date order, with
//! `p` the number of slopes (0, 1 or 2; the intercept is not counted):
//!
//! - R² = the squared correlation of predicted and observed;
//! - adjusted R² = `1 − (1 − R²)(n − 1)/(n − p − 1)`;
//! - RMSE = `√(Σe²/n)`, adjusted RMSE = `√(Σe²/(n − p))`;
//! - CV(RMSE) = adjusted RMSE / mean observed (ASHRAE Guideline 14's
//!   CV(RMSE) with eemeter's `p`);
//! - NMBE = `Σ(predicted − observed) / Σ observed` (positive when the model
//!   over-predicts; about 0 for least squares with an intercept);
//! - the lag-1 autocorrelation ρ of the residuals (pandas `autocorr(1)`)
//!   and `n′ = n(1 − ρ)/(1 + ρ)` (ASHRAE Guideline 14-2014, Annex B).

/// Fit statistics of a model on its baseline data (`f64`: statistics, not
/// measurements). A statistic that is undefined (zero variance…) is absent.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metrics {
    /// Observations `n`.
    pub observed_length: usize,
    /// Slopes `p` (0, 1 or 2).
    pub num_parameters: usize,
    /// Mean of |observed| per observation.
    pub observed_mean: f64,
    /// Population variance of observed values.
    pub observed_variance: f64,
    /// R².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r_squared: Option<f64>,
    /// Adjusted R².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r_squared_adj: Option<f64>,
    /// Root mean square error.
    pub rmse: f64,
    /// RMSE with `n − p` degrees of freedom.
    pub rmse_adj: f64,
    /// CV(RMSE) from the adjusted RMSE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv_rmse: Option<f64>,
    /// Normalised mean bias error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nmbe: Option<f64>,
    /// Lag-1 autocorrelation of the residuals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocorr_resid: Option<f64>,
    /// Effective observations `n(1 − ρ)/(1 + ρ)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_prime: Option<f64>,
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn mean(x: &[f64]) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let n = x.len() as f64;
    x.iter().sum::<f64>() / n
}

/// Pearson correlation of two equally long series.
fn correlation(a: &[f64], b: &[f64]) -> f64 {
    let (ma, mb) = (mean(a), mean(b));
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    sab / (saa * sbb).sqrt()
}

impl Metrics {
    /// The metrics of `predicted` against `observed` (same length, date
    /// order) for a model with `num_parameters` slopes.
    pub(crate) fn compute(observed: &[f64], predicted: &[f64], num_parameters: usize) -> Self {
        let n = observed.len().min(predicted.len());
        let (observed, predicted) = (&observed[..n], &predicted[..n]);
        #[allow(clippy::cast_precision_loss)]
        let (nf, p) = (n as f64, num_parameters as f64);
        let residuals: Vec<f64> = predicted.iter().zip(observed).map(|(p, o)| p - o).collect();
        let observed_mean = observed.iter().map(|x| x.abs()).sum::<f64>() / nf;
        let om = mean(observed);
        let observed_variance = observed.iter().map(|x| (x - om) * (x - om)).sum::<f64>() / nf;
        let sse: f64 = residuals.iter().map(|e| e * e).sum();
        let r_squared = finite(correlation(predicted, observed).powi(2));
        let r_squared_adj =
            r_squared.and_then(|r2| finite(1.0 - (1.0 - r2) * (nf - 1.0) / (nf - p - 1.0)));
        let rmse = (sse / nf).sqrt();
        let rmse_adj = (sse / (nf - p)).sqrt();
        let autocorr_resid = if n > 2 {
            finite(correlation(&residuals[1..], &residuals[..n - 1]))
        } else {
            None
        };
        Metrics {
            observed_length: n,
            num_parameters,
            observed_mean,
            observed_variance,
            r_squared,
            r_squared_adj,
            rmse,
            rmse_adj,
            cv_rmse: finite(rmse_adj / observed_mean),
            nmbe: finite(residuals.iter().sum::<f64>() / observed.iter().sum::<f64>()),
            autocorr_resid,
            n_prime: autocorr_resid.and_then(|r| finite(nf * (1.0 - r) / (1.0 + r))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_metrics() {
        // observed 1, 2, 3, 4; predicted 1.5, 1.5, 3.5, 3.5: residuals
        // 0.5, −0.5, 0.5, −0.5 → SSE 1, RMSE 0.5, RMSE(n − 1) = √(1/3),
        // mean 2.5, CV = √(1/3)/2.5, NMBE 0, lag-1 autocorrelation −1.
        // corr(pred, obs): pred dev ±1, obs dev −1.5 −.5 .5 1.5 →
        // Σ = 1.5 + .5 + .5 + 1.5 = 4, √(4 · 5) → r = 4/√20, R² = 0.8.
        let m = Metrics::compute(&[1.0, 2.0, 3.0, 4.0], &[1.5, 1.5, 3.5, 3.5], 1);
        assert!((m.r_squared.unwrap() - 0.8).abs() < 1e-12);
        assert!((m.r_squared_adj.unwrap() - (1.0 - 0.2 * 3.0 / 2.0)).abs() < 1e-12);
        assert!((m.rmse - 0.5).abs() < 1e-12);
        assert!((m.rmse_adj - (1.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert!((m.cv_rmse.unwrap() - (1.0f64 / 3.0).sqrt() / 2.5).abs() < 1e-12);
        assert!(m.nmbe.unwrap().abs() < 1e-12);
        assert!((m.autocorr_resid.unwrap() + 1.0).abs() < 1e-12);
        assert!((m.observed_variance - 1.25).abs() < 1e-12);
        let back: Metrics = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back, m);
    }
}
