//! The search over all candidate models, with ordinary (or, for bills,
//! day-weighted) least squares from running sums.
//!
//! A candidate's least-squares fit needs only a few sums over the
//! observations: Σw, Σw·x, Σw·x², Σw·x·y, Σw·y² for each degree-day term `x`
//! and, for two terms, Σw·HDD·CDD. For daily data, in temperature order the
//! days with heating degree-days at a balance point `b` are a prefix
//! (`T < b`) and those with cooling degree-days a suffix (`T > b`); binning
//! the days between consecutive grid points (a binary search each, no full
//! sort) and running sums of `1`, `T`, `T²`, `y` and `T·y` over the bins give
//! each balance point's sums in O(1):
//! `Σ HDD = b·k − Σ_{i<k} T_i`, `Σ HDD² = b²·k − 2b·Σ T_i + Σ T_i²`,
//! `Σ HDD·y = b·Σ y_i − Σ T_i·y_i`. A day cannot have both heating degree-days
//! below `b_h` and cooling degree-days above `b_c ≥ b_h`, so Σ HDD·CDD = 0 for
//! every CalTRACK pair and a pair costs a 2 × 2 solve. Temperatures and usage
//! are centred on their means first, which keeps the sums small.
//!
//! Billing periods mix days, so their mean degree-days are computed per
//! period and balance point (a few hundred values) and summed directly.
//!
//! Candidate rules follow CalTRACK 2.0 (eemeter 3.2.0
//! `caltrack/usage_per_day.py`): a degree-day term is attempted only with
//! enough non-zero values and a large enough total (billing: §3.2.2.2);
//! negative intercept or slopes disqualify (§3.4.3.2), as does a slope
//! p-value above an optional limit; the qualified candidate with the highest
//! adjusted R² wins, the first one on ties (§3.4.3.3). The intercept-only
//! candidate has adjusted R² 0 by convention.

use super::data::{Interval, Observations};
use super::grid::{for_each_candidate, ModelKind, Spec};
use super::uncertainty::student_t_sf;
use super::RegressionOptions;
use crate::named_enum;

named_enum! {
    /// The outcome of one candidate (CalTRACK's statuses).
    pub enum CandidateStatus ("candidate status") {
        /// Fitted, and may be selected.
        Qualified = "qualified",
        /// Fitted, but a rule rejects it (see its issues).
        Disqualified = "disqualified",
        /// Not fitted: a degree-day term has too little data.
        NotAttempted = "not_attempted",
        /// Not fitted: the equations have no unique solution.
        Singular = "singular",
    }
}

named_enum! {
    /// Why a candidate was not qualified.
    #[non_exhaustive]
    pub enum CandidateIssue ("candidate issue") {
        /// Fewer non-zero heating degree-day values than the minimum.
        TooFewNonZeroHdd = "too_few_non_zero_hdd",
        /// Total heating degree-days below the minimum.
        TotalHddTooLow = "total_hdd_too_low",
        /// Fewer non-zero cooling degree-day values than the minimum.
        TooFewNonZeroCdd = "too_few_non_zero_cdd",
        /// Total cooling degree-days below the minimum.
        TotalCddTooLow = "total_cdd_too_low",
        /// The fitted intercept is negative.
        InterceptNegative = "intercept_negative",
        /// The fitted heating slope is negative.
        BetaHddNegative = "beta_hdd_negative",
        /// The fitted cooling slope is negative.
        BetaCddNegative = "beta_cdd_negative",
        /// The heating slope's p-value is above the limit.
        BetaHddPValueTooHigh = "beta_hdd_p_value_too_high",
        /// The cooling slope's p-value is above the limit.
        BetaCddPValueTooHigh = "beta_cdd_p_value_too_high",
        /// The normal equations are singular (no variation to fit).
        Singular = "singular",
    }
}

impl CandidateIssue {
    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// One candidate model and what became of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The model's form.
    pub kind: ModelKind,
    /// The heating balance point, °C, for HDD terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heating_balance_point_c: Option<f64>,
    /// The cooling balance point, °C, for CDD terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooling_balance_point_c: Option<f64>,
    /// Its outcome.
    pub status: CandidateStatus,
    /// Why it is not qualified (empty when it is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<CandidateIssue>,
    /// Fitted intercept, usage per day (when fitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intercept: Option<f64>,
    /// Fitted heating slope, usage per °C-degree-day (when fitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beta_hdd: Option<f64>,
    /// Fitted cooling slope, usage per °C-degree-day (when fitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beta_cdd: Option<f64>,
    /// Adjusted R² (when fitted and defined).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r_squared_adj: Option<f64>,
}

/// Sums of one degree-day column at one balance point.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DdStats {
    /// Observations with a positive value.
    pub nonzero: usize,
    /// Total degree-days, Σ x·w.
    pub total: f64,
    /// Σ w·x.
    pub sum_wx: f64,
    /// Σ w·(x − x̄)².
    pub sxx: f64,
    /// Σ w·x·(y − ȳ).
    pub sxy: f64,
}

/// Everything the candidates need.
pub(crate) struct Prepared {
    pub weight: f64,
    pub nobs: usize,
    pub ybar: f64,
    pub syy: f64,
    pub heating: Vec<DdStats>,
    pub cooling: Vec<DdStats>,
    /// For bills: mean degree-days per balance point and observation
    /// (`grid × n`), to compute Σ w·HDD·CDD. Empty for daily data.
    hdd_columns: Vec<f64>,
    cdd_columns: Vec<f64>,
    weights: Vec<f64>,
}

impl Prepared {
    /// Σ w·(h − h̄)(c − c̄) for a pair.
    fn shc(&self, h: usize, c: usize) -> f64 {
        let (hs, cs) = (self.heating[h], self.cooling[c]);
        let n = self.weights.len();
        let cross = if self.hdd_columns.is_empty() {
            0.0
        } else {
            let hc = &self.hdd_columns[h * n..(h + 1) * n];
            let cc = &self.cdd_columns[c * n..(c + 1) * n];
            hc.iter()
                .zip(cc)
                .zip(&self.weights)
                .map(|((x, z), w)| w * x * z)
                .sum()
        };
        cross_centred(cross, &hs, &cs, 1.0 / self.weight)
    }
}

/// `Σw·h·c − (Σw·h)(Σw·c)/Σw`: the centred cross product of a pair.
#[inline]
fn cross_centred(cross: f64, h: &DdStats, c: &DdStats, inv_weight: f64) -> f64 {
    cross - (h.sum_wx * c.sum_wx) * inv_weight
}

/// One degree-day term: `[intercept, β]` and the SSE, or `None` when the
/// term has no variance.
#[inline]
fn single_kernel(p: &Prepared, k: &Consts, s: &DdStats) -> Option<(f64, f64, f64)> {
    if s.sxx.is_nan() || s.sxx <= 0.0 || p.nobs < 3 {
        return None;
    }
    let beta = s.sxy / s.sxx;
    let intercept = p.ybar - beta * s.sum_wx * k.inv_weight;
    let sse = (p.syy - beta * s.sxy).max(0.0);
    Some((intercept, beta, sse))
}

/// Two terms: `[intercept, β_h, β_c]`, the SSE and `1/det`, or `None` when
/// the 2 × 2 system is (nearly) singular.
#[inline]
fn pair_kernel(
    p: &Prepared,
    k: &Consts,
    h: &DdStats,
    c: &DdStats,
    shc: f64,
) -> Option<([f64; 3], f64, f64)> {
    let det = h.sxx * c.sxx - shc * shc;
    let regular = det > 1e-12 * h.sxx * c.sxx;
    if !regular || p.nobs < 4 {
        return None;
    }
    let inv = 1.0 / det;
    let beta_hdd = (c.sxx * h.sxy - shc * c.sxy) * inv;
    let beta_cdd = (h.sxx * c.sxy - shc * h.sxy) * inv;
    let intercept = p.ybar - (beta_hdd * h.sum_wx + beta_cdd * c.sum_wx) * k.inv_weight;
    let sse = (p.syy - beta_hdd * h.sxy - beta_cdd * c.sxy).max(0.0);
    Some(([intercept, beta_hdd, beta_cdd], sse, inv))
}

/// Binned prefix sums for daily data (every weight 1, one temperature per
/// observation).
///
/// Each day goes to the bin of the number of grid points `g ≤ T`; the days
/// with heating degree-days at `g_j` (`T < g_j`) are exactly the bins
/// `0..=j`, and those with cooling degree-days (`T > g_j`) the bins above
/// `j` minus the days exactly at `g_j`. Sums of `1, T, T², y, T·y` per bin
/// and their running totals give every balance point's sums in O(1): O(n
/// log g) for the days (a binary search each, no sort) and O(g) for the grid.
pub(crate) fn prepare_binned(temps: &[f64], y: &[f64], grid: &[f64]) -> Prepared {
    let n = temps.len().min(y.len());
    let (temps, y) = (&temps[..n], &y[..n]);
    #[allow(clippy::cast_precision_loss)]
    let nf = n as f64;
    let ybar = y.iter().sum::<f64>() / nf;
    let tbar = temps.iter().sum::<f64>() / nf;
    let g = grid.len();
    // bins[k]: days with exactly k grid points ≤ T; ties[j]: days with T = g_j.
    let mut bins = vec![[0.0_f64; 5]; g + 1];
    let mut ties = vec![[0.0_f64; 5]; g];
    let mut syy = 0.0;
    // Grids are (nearly) evenly spaced: guess the bin from the mean step,
    // then correct it by comparing with the actual points.
    let (g0, per_step) = match (grid.first(), grid.last()) {
        #[allow(clippy::cast_precision_loss)]
        (Some(&a), Some(&z)) if g > 1 && z > a => (a, (g - 1) as f64 / (z - a)),
        (Some(&a), _) => (a, 1.0),
        _ => (0.0, 1.0),
    };
    #[allow(clippy::cast_precision_loss)]
    let top = g as f64;
    for (&t, &u) in temps.iter().zip(y) {
        let guess = ((t - g0) * per_step + 1.0).clamp(0.0, top);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let mut k = guess as usize;
        while k > 0 && grid.get(k - 1).is_some_and(|&b| b > t) {
            k -= 1;
        }
        while grid.get(k).is_some_and(|&b| b <= t) {
            k += 1;
        }
        let (tc, uc) = (t - tbar, u - ybar);
        let row = [1.0, tc, tc * tc, uc, tc * uc];
        syy += uc * uc;
        if let Some(bin) = bins.get_mut(k) {
            for (acc, v) in bin.iter_mut().zip(row) {
                *acc += v;
            }
        }
        if let Some(j) = k.checked_sub(1) {
            if grid.get(j) == Some(&t) {
                if let Some(tie) = ties.get_mut(j) {
                    for (acc, v) in tie.iter_mut().zip(row) {
                        *acc += v;
                    }
                }
            }
        }
    }
    let mut all = [0.0_f64; 5];
    for bin in &bins {
        for (acc, v) in all.iter_mut().zip(bin) {
            *acc += v;
        }
    }
    let mut heating = Vec::with_capacity(g);
    let mut cooling = Vec::with_capacity(g);
    let mut below = [0.0_f64; 5]; // days with T < g_j
    for (j, (&bp, bin)) in grid.iter().zip(&bins).enumerate() {
        for (acc, v) in below.iter_mut().zip(bin) {
            *acc += v;
        }
        let b = bp - tbar;
        let [cnt, st, stt, sy, sty] = below;
        let sum = b * cnt - st;
        let sum2 = b * b * cnt - 2.0 * b * st + stt;
        heating.push(DdStats {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            nonzero: cnt.round() as usize,
            total: sum,
            sum_wx: sum,
            sxx: sum2 - sum * sum / nf,
            sxy: b * sy - sty,
        });
        // days with T > g_j: all − (T < g_j) − (T = g_j)
        let tie = ties.get(j).copied().unwrap_or_default();
        let mut above = all;
        for ((acc, x), z) in above.iter_mut().zip(below).zip(tie) {
            *acc -= x + z;
        }
        let [cnt, st, stt, sy, sty] = above;
        let sum = st - b * cnt;
        let sum2 = stt - 2.0 * b * st + b * b * cnt;
        cooling.push(DdStats {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            nonzero: cnt.round() as usize,
            total: sum,
            sum_wx: sum,
            sxx: sum2 - sum * sum / nf,
            sxy: sty - b * sy,
        });
    }
    Prepared {
        weight: nf,
        nobs: n,
        ybar,
        syy,
        heating,
        cooling,
        hdd_columns: Vec::new(),
        cdd_columns: Vec::new(),
        weights: Vec::new(),
    }
}

/// Direct weighted sums from each observation's mean degree-days (bills;
/// also an independent check of [`prepare_binned`] in tests).
pub(crate) fn prepare_direct(obs: &Observations, grid: &[f64]) -> Prepared {
    let n = obs.len();
    let w = &obs.weight;
    let y = &obs.usage_per_day;
    let weight: f64 = w.iter().sum();
    let ybar = w.iter().zip(y).map(|(w, y)| w * y).sum::<f64>() / weight;
    let syy = w
        .iter()
        .zip(y)
        .map(|(w, y)| w * (y - ybar) * (y - ybar))
        .sum();
    let mut hdd_columns = Vec::with_capacity(grid.len() * n);
    let mut cdd_columns = Vec::with_capacity(grid.len() * n);
    let mut heating = Vec::with_capacity(grid.len());
    let mut cooling = Vec::with_capacity(grid.len());
    for &bp in grid {
        for (columns, stats, heat) in [
            (&mut hdd_columns, &mut heating, true),
            (&mut cdd_columns, &mut cooling, false),
        ] {
            let start = columns.len();
            for i in 0..n {
                let ts = obs.temperatures_of(i);
                let s: f64 = ts
                    .iter()
                    .map(|&t| {
                        if heat {
                            (bp - t).max(0.0)
                        } else {
                            (t - bp).max(0.0)
                        }
                    })
                    .sum();
                #[allow(clippy::cast_precision_loss)]
                columns.push(if ts.is_empty() {
                    0.0
                } else {
                    s / ts.len() as f64
                });
            }
            let col = &columns[start..];
            let sum_wx: f64 = col.iter().zip(w).map(|(x, w)| w * x).sum();
            let sum_wxx: f64 = col.iter().zip(w).map(|(x, w)| w * x * x).sum();
            let sxy = col
                .iter()
                .zip(w)
                .zip(y)
                .map(|((x, w), y)| w * x * (y - ybar))
                .sum();
            stats.push(DdStats {
                nonzero: col.iter().filter(|&&x| x > 0.0).count(),
                total: sum_wx,
                sum_wx,
                sxx: sum_wxx - sum_wx * sum_wx / weight,
                sxy,
            });
        }
    }
    Prepared {
        weight,
        nobs: n,
        ybar,
        syy,
        heating,
        cooling,
        hdd_columns,
        cdd_columns,
        weights: w.clone(),
    }
}

/// A solved candidate, before it is made public.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Solved {
    pub spec: Spec,
    pub status: CandidateStatus,
    pub issues: u16,
    pub intercept: f64,
    pub beta_hdd: f64,
    pub beta_cdd: f64,
    pub r_squared_adj: f64,
}

/// Screening limits for one fit.
struct Limits {
    min_nonzero: usize,
    min_total: f64,
    max_p_value: Option<f64>,
}

fn screen(s: &DdStats, limits: &Limits, heating: bool) -> u16 {
    let mut issues = 0;
    if s.total < limits.min_total {
        issues |= if heating {
            CandidateIssue::TotalHddTooLow.bit()
        } else {
            CandidateIssue::TotalCddTooLow.bit()
        };
    }
    if s.nonzero < limits.min_nonzero {
        issues |= if heating {
            CandidateIssue::TooFewNonZeroHdd.bit()
        } else {
            CandidateIssue::TooFewNonZeroCdd.bit()
        };
    }
    issues
}

/// Constants shared by every candidate of one search.
struct Consts {
    inv_weight: f64,
    /// `(n − 1)/((n − k − 1)·Syy)` for `k` = 0, 1, 2 slopes, so that
    /// adjusted R² = `1 − SSE·adj[k]`.
    adj: [f64; 3],
}

impl Consts {
    fn new(p: &Prepared) -> Self {
        #[allow(clippy::cast_precision_loss)]
        let n = p.nobs as f64;
        Consts {
            inv_weight: 1.0 / p.weight,
            adj: [0.0, 1.0, 2.0].map(|k| (n - 1.0) / ((n - k - 1.0) * p.syy)),
        }
    }
}

fn signs(intercept: f64, beta_hdd: f64, beta_cdd: f64) -> u16 {
    let mut issues = 0;
    if intercept < 0.0 {
        issues |= CandidateIssue::InterceptNegative.bit();
    }
    if beta_hdd < 0.0 {
        issues |= CandidateIssue::BetaHddNegative.bit();
    }
    if beta_cdd < 0.0 {
        issues |= CandidateIssue::BetaCddNegative.bit();
    }
    issues
}

fn fitted(spec: Spec, issues: u16, coefficients: [f64; 3], r_squared_adj: f64) -> Solved {
    let [intercept, beta_hdd, beta_cdd] = coefficients;
    Solved {
        spec,
        status: if issues == 0 {
            CandidateStatus::Qualified
        } else {
            CandidateStatus::Disqualified
        },
        issues,
        intercept,
        beta_hdd,
        beta_cdd,
        r_squared_adj,
    }
}

fn p_value(beta: f64, variance_factor: f64, sse: f64, df: f64) -> f64 {
    let se = (sse / df * variance_factor).sqrt();
    2.0 * student_t_sf((beta / se).abs(), df)
}

fn unfitted(spec: Spec, status: CandidateStatus, issues: u16) -> Solved {
    Solved {
        spec,
        status,
        issues,
        intercept: f64::NAN,
        beta_hdd: f64::NAN,
        beta_cdd: f64::NAN,
        r_squared_adj: f64::NAN,
    }
}

fn solve(
    p: &Prepared,
    k: &Consts,
    spec: Spec,
    limits: &Limits,
    screens: (&[u16], &[u16]),
) -> Solved {
    #[allow(clippy::cast_precision_loss)]
    let n = p.nobs as f64;
    match spec.kind {
        ModelKind::InterceptOnly => {
            // CalTRACK: the intercept-only model's adjusted R² is 0.
            fitted(spec, signs(p.ybar, 0.0, 0.0), [p.ybar, 0.0, 0.0], 0.0)
        }
        ModelKind::HddOnly | ModelKind::CddOnly => {
            let heat = spec.kind == ModelKind::HddOnly;
            let (s, issues) = if heat {
                (p.heating[spec.heating], screens.0[spec.heating])
            } else {
                (p.cooling[spec.cooling], screens.1[spec.cooling])
            };
            if issues != 0 {
                return unfitted(spec, CandidateStatus::NotAttempted, issues);
            }
            let Some((intercept, beta, sse)) = single_kernel(p, k, &s) else {
                return unfitted(
                    spec,
                    CandidateStatus::Singular,
                    CandidateIssue::Singular.bit(),
                );
            };
            let coefficients = if heat {
                [intercept, beta, 0.0]
            } else {
                [intercept, 0.0, beta]
            };
            let mut issues = signs(intercept, coefficients[1], coefficients[2]);
            if let Some(limit) = limits.max_p_value {
                if p_value(beta, 1.0 / s.sxx, sse, n - 2.0) > limit {
                    issues |= if heat {
                        CandidateIssue::BetaHddPValueTooHigh.bit()
                    } else {
                        CandidateIssue::BetaCddPValueTooHigh.bit()
                    };
                }
            }
            fitted(spec, issues, coefficients, 1.0 - sse * k.adj[1])
        }
        ModelKind::CddHdd => {
            let issues = screens.0[spec.heating] | screens.1[spec.cooling];
            if issues != 0 {
                return unfitted(spec, CandidateStatus::NotAttempted, issues);
            }
            let (h, c) = (p.heating[spec.heating], p.cooling[spec.cooling]);
            let shc = p.shc(spec.heating, spec.cooling);
            let Some((coefficients, sse, inv)) = pair_kernel(p, k, &h, &c, shc) else {
                return unfitted(
                    spec,
                    CandidateStatus::Singular,
                    CandidateIssue::Singular.bit(),
                );
            };
            let [intercept, beta_hdd, beta_cdd] = coefficients;
            let mut issues = signs(intercept, beta_hdd, beta_cdd);
            if let Some(limit) = limits.max_p_value {
                let df = n - 3.0;
                if p_value(beta_hdd, c.sxx * inv, sse, df) > limit {
                    issues |= CandidateIssue::BetaHddPValueTooHigh.bit();
                }
                if p_value(beta_cdd, h.sxx * inv, sse, df) > limit {
                    issues |= CandidateIssue::BetaCddPValueTooHigh.bit();
                }
            }
            fitted(spec, issues, coefficients, 1.0 - sse * k.adj[2])
        }
    }
}

/// The best candidate without recording the others: the same kernels and
/// order as [`solve`], without building a result per candidate (the common
/// case: no candidate list, no p-value limit).
fn fast_best(
    p: &Prepared,
    k: &Consts,
    screens: (&[u16], &[u16]),
    heating: bool,
    cooling: bool,
) -> Option<Solved> {
    let mut best: Option<Solved> = None;
    let mut best_r2 = f64::NEG_INFINITY;
    let mut offer = |kind, h, c, coefficients: [f64; 3], r2: f64| {
        // CalTRACK 2.0 §3.4.3.3: strictly greater, so the first wins ties.
        if r2 > best_r2 {
            let spec = Spec {
                kind,
                heating: h,
                cooling: c,
            };
            best_r2 = r2;
            best = Some(fitted(spec, 0, coefficients, r2));
        }
    };
    if signs(p.ybar, 0.0, 0.0) == 0 {
        offer(ModelKind::InterceptOnly, 0, 0, [p.ybar, 0.0, 0.0], 0.0);
    }
    for (enabled, stats, screen, kind) in [
        (heating, &p.heating, screens.0, ModelKind::HddOnly),
        (cooling, &p.cooling, screens.1, ModelKind::CddOnly),
    ] {
        if !enabled {
            continue;
        }
        for (j, (s, &issues)) in stats.iter().zip(screen).enumerate() {
            if issues != 0 {
                continue;
            }
            if let Some((intercept, beta, sse)) = single_kernel(p, k, s) {
                let coefficients = if kind == ModelKind::HddOnly {
                    [intercept, beta, 0.0]
                } else {
                    [intercept, 0.0, beta]
                };
                if signs(intercept, coefficients[1], coefficients[2]) == 0 {
                    let (h, c) = if kind == ModelKind::HddOnly {
                        (j, 0)
                    } else {
                        (0, j)
                    };
                    offer(kind, h, c, coefficients, 1.0 - sse * k.adj[1]);
                }
            }
        }
    }
    if heating && cooling {
        let disjoint = p.hdd_columns.is_empty();
        for (ci, (c, &c_issues)) in p.cooling.iter().zip(screens.1).enumerate() {
            if c_issues != 0 {
                continue;
            }
            for (hi, (h, &h_issues)) in p.heating.iter().zip(screens.0).enumerate().take(ci + 1) {
                if h_issues != 0 {
                    continue;
                }
                let shc = if disjoint {
                    cross_centred(0.0, h, c, k.inv_weight)
                } else {
                    p.shc(hi, ci)
                };
                if let Some((coefficients, sse, _)) = pair_kernel(p, k, h, c, shc) {
                    let [intercept, beta_hdd, beta_cdd] = coefficients;
                    if signs(intercept, beta_hdd, beta_cdd) == 0 {
                        offer(
                            ModelKind::CddHdd,
                            hi,
                            ci,
                            coefficients,
                            1.0 - sse * k.adj[2],
                        );
                    }
                }
            }
        }
    }
    best
}

/// The result of the search.
pub(crate) struct Search {
    pub best: Option<Solved>,
    pub candidates: Vec<Candidate>,
}

/// Fits every candidate and selects the best.
pub(crate) fn search(
    obs: &Observations,
    interval: Interval,
    options: &RegressionOptions,
) -> Search {
    let grid = options.grid.points_c();
    let prepared = match interval {
        Interval::Daily => prepare_binned(&obs.temperatures, &obs.usage_per_day, grid),
        Interval::Billing => prepare_direct(obs, grid),
    };
    search_prepared(&prepared, interval, options)
}

pub(crate) fn search_prepared(
    prepared: &Prepared,
    interval: Interval,
    options: &RegressionOptions,
) -> Search {
    let grid = options.grid.points_c();
    let limits = Limits {
        min_nonzero: match interval {
            Interval::Daily => options.min_non_zero_daily,
            Interval::Billing => options.min_non_zero_billing,
        },
        min_total: options.min_total_degree_days_c,
        max_p_value: options.max_p_value,
    };
    let hs: Vec<u16> = prepared
        .heating
        .iter()
        .map(|s| screen(s, &limits, true))
        .collect();
    let cs: Vec<u16> = prepared
        .cooling
        .iter()
        .map(|s| screen(s, &limits, false))
        .collect();
    let consts = Consts::new(prepared);
    if !options.keep_candidates && limits.max_p_value.is_none() {
        return Search {
            best: fast_best(
                prepared,
                &consts,
                (&hs, &cs),
                options.fit_heating,
                options.fit_cooling,
            ),
            candidates: Vec::new(),
        };
    }
    let mut best: Option<Solved> = None;
    let mut best_r2 = f64::NEG_INFINITY;
    let mut candidates = Vec::new();
    for_each_candidate(
        grid.len(),
        options.fit_heating,
        options.fit_cooling,
        |spec| {
            let solved = solve(prepared, &consts, spec, &limits, (&hs, &cs));
            // CalTRACK 2.0 §3.4.3.3: strictly greater, so the first wins ties.
            if solved.status == CandidateStatus::Qualified && solved.r_squared_adj > best_r2 {
                best_r2 = solved.r_squared_adj;
                best = Some(solved);
            }
            if options.keep_candidates {
                candidates.push(to_public(&solved, grid));
            }
        },
    );
    Search { best, candidates }
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

pub(crate) fn to_public(s: &Solved, grid: &[f64]) -> Candidate {
    let (heats, cools) = match s.spec.kind {
        ModelKind::InterceptOnly => (false, false),
        ModelKind::HddOnly => (true, false),
        ModelKind::CddOnly => (false, true),
        ModelKind::CddHdd => (true, true),
    };
    Candidate {
        kind: s.spec.kind,
        heating_balance_point_c: grid.get(s.spec.heating).copied().filter(|_| heats),
        cooling_balance_point_c: grid.get(s.spec.cooling).copied().filter(|_| cools),
        status: s.status,
        issues: CandidateIssue::ALL
            .iter()
            .copied()
            .filter(|i| s.issues & i.bit() != 0)
            .collect(),
        intercept: finite(s.intercept),
        beta_hdd: finite(s.beta_hdd).filter(|_| heats),
        beta_cdd: finite(s.beta_cdd).filter(|_| cools),
        r_squared_adj: finite(s.r_squared_adj),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs_daily(temps: &[f64], y: &[f64]) -> Observations {
        Observations {
            usage_per_day: y.to_vec(),
            days: vec![1.0; y.len()],
            weight: vec![1.0; y.len()],
            temperatures: temps.to_vec(),
            offsets: (0..=y.len()).collect(),
            total_usage: rust_decimal::Decimal::ZERO,
        }
    }

    #[test]
    fn binned_sums_equal_direct_sums() {
        // half the days fall exactly on grid points (ties)
        let temps: Vec<f64> = (0..50)
            .map(|i| f64::from((i * 37) % 31) - if i % 2 == 0 { 5.5 } else { 5.0 })
            .collect();
        let y: Vec<f64> = temps
            .iter()
            .map(|t| 3.0 + (t * 0.7).sin() + 0.1 * t)
            .collect();
        let grid: Vec<f64> = (0..30).map(|i| f64::from(i) - 6.0).collect();
        let a = prepare_binned(&temps, &y, &grid);
        let b = prepare_direct(&obs_daily(&temps, &y), &grid);
        for (x, z) in a
            .heating
            .iter()
            .zip(&b.heating)
            .chain(a.cooling.iter().zip(&b.cooling))
        {
            assert_eq!(x.nonzero, z.nonzero);
            for (u, v) in [(x.total, z.total), (x.sxx, z.sxx), (x.sxy, z.sxy)] {
                assert!((u - v).abs() <= 1e-9 * (1.0 + v.abs()), "{u} vs {v}");
            }
        }
        for h in 0..30 {
            for c in h..30 {
                assert!((a.shc(h, c) - b.shc(h, c)).abs() <= 1e-9 * (1.0 + b.shc(h, c).abs()));
            }
        }
    }

    #[test]
    fn exact_hdd_line_is_recovered() {
        // usage = 2 + 0.5 · max(0, 15 − T) exactly, T from −5 to 25 °C.
        let temps: Vec<f64> = (0..31).map(|i| f64::from(i) - 5.0).collect();
        let y: Vec<f64> = temps
            .iter()
            .map(|t| 2.0 + 0.5 * (15.0 - t).max(0.0))
            .collect();
        let options = RegressionOptions::default()
            .grid(super::super::BalancePointGrid::celsius(10.0, 20.0, 1.0).unwrap())
            .fit_cooling(false);
        let s = search(&obs_daily(&temps, &y), Interval::Daily, &options);
        let best = s.best.unwrap();
        assert_eq!(best.spec.kind, ModelKind::HddOnly);
        assert_eq!(best.spec.heating, 5);
        assert!((best.intercept - 2.0).abs() < 1e-12);
        assert!((best.beta_hdd - 0.5).abs() < 1e-12);
        assert!((best.r_squared_adj - 1.0).abs() < 1e-12);
    }
}
