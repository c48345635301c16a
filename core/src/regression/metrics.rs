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

impl Metrics {
    /// The metrics of `predicted` against `observed` (same length, date
    /// order) for a model with `num_parameters` slopes. Two passes: sums,
    /// then centred products (as numerically careful as separate passes).
    pub(crate) fn compute(observed: &[f64], predicted: &[f64], num_parameters: usize) -> Self {
        let n = observed.len().min(predicted.len());
        let (observed, predicted) = (&observed[..n], &predicted[..n]);
        #[allow(clippy::cast_precision_loss)]
        let (nf, p) = (n as f64, num_parameters as f64);
        let (mut so, mut sabs, mut sp, mut sr) = (0.0, 0.0, 0.0, 0.0);
        for (&o, &q) in observed.iter().zip(predicted) {
            so += o;
            sabs += o.abs();
            sp += q;
            sr += q - o;
        }
        let (om, pm) = (so / nf, sp / nf);
        // lag-1 pairs (r_i, r_{i−1}), i = 1..n: their two means
        let first = predicted
            .first()
            .zip(observed.first())
            .map_or(0.0, |(q, o)| q - o);
        let last = predicted
            .last()
            .zip(observed.last())
            .map_or(0.0, |(q, o)| q - o);
        let (m_now, m_before) = ((sr - first) / (nf - 1.0), (sr - last) / (nf - 1.0));
        let (mut soo, mut spp, mut spo, mut sse) = (0.0, 0.0, 0.0, 0.0);
        let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
        let mut previous: Option<f64> = None;
        for (&o, &q) in observed.iter().zip(predicted) {
            let (dob, dp, r) = (o - om, q - pm, q - o);
            soo += dob * dob;
            spp += dp * dp;
            spo += dp * dob;
            sse += r * r;
            if let Some(before) = previous {
                let (x, y) = (r - m_now, before - m_before);
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }
            previous = Some(r);
        }
        let observed_mean = sabs / nf;
        let r_squared = finite((spo / (spp * soo).sqrt()).powi(2));
        let r_squared_adj =
            r_squared.and_then(|r2| finite(1.0 - (1.0 - r2) * (nf - 1.0) / (nf - p - 1.0)));
        let rmse_adj = (sse / (nf - p)).sqrt();
        let autocorr_resid = if n > 2 {
            finite(sab / (saa * sbb).sqrt())
        } else {
            None
        };
        Metrics {
            observed_length: n,
            num_parameters,
            observed_mean,
            observed_variance: soo / nf,
            r_squared,
            r_squared_adj,
            rmse: (sse / nf).sqrt(),
            rmse_adj,
            cv_rmse: finite(rmse_adj / observed_mean),
            nmbe: finite(sr / so),
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
