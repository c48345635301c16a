//! The balance-point grid and the candidate models, in CalTRACK order.
//!
//! CalTRACK 2.0 (as implemented by eemeter 3.2.0's
//! `create_caltrack_daily_design_matrix`) searches balance points from 30 °F
//! to 90 °F in steps of 1 °F, for heating and cooling alike. Candidates come
//! in this order (§3.4.3.1; pairs §3.2.2.1; eemeter's
//! `fit_caltrack_usage_per_day_model`):
//! the intercept-only model; one HDD-only model per balance point; one
//! CDD-only model per balance point; one CDD+HDD model per pair, cooling
//! balance point in the outer loop and heating balance point in the inner
//! loop, with heating ≤ cooling. With 61 balance points that makes
//! 1 + 61 + 61 + 61·62/2 = 2 014 candidates. Selection keeps the first of
//! equal candidates, so the order matters.

use crate::error::{Error, Result};
use crate::named_enum;

use super::data::fahrenheit_to_celsius;
use crate::{msg, noun};

/// The most points a grid may have (a 2 001-point grid already means two
/// million candidate pairs).
pub const MAX_GRID_POINTS: usize = 2_001;

/// Balance points to search, in °C, strictly increasing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "GridRepr", into = "GridRepr")]
pub struct BalancePointGrid {
    points_c: Vec<f64>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GridRepr {
    points_c: Vec<f64>,
}

impl TryFrom<GridRepr> for BalancePointGrid {
    type Error = Error;
    fn try_from(r: GridRepr) -> Result<Self> {
        BalancePointGrid::from_celsius(r.points_c)
    }
}

impl From<BalancePointGrid> for GridRepr {
    fn from(g: BalancePointGrid) -> Self {
        GridRepr {
            points_c: g.points_c,
        }
    }
}

impl Default for BalancePointGrid {
    /// CalTRACK's grid: 30 °F to 90 °F in steps of 1 °F, as °C.
    fn default() -> Self {
        BalancePointGrid::caltrack_fahrenheit()
    }
}

fn steps(min: f64, max: f64, step: f64) -> Result<Vec<f64>> {
    if !(min.is_finite() && max.is_finite() && step.is_finite()) || step <= 0.0 || max < min {
        return Err(Error::invalid(
            noun!("balance-point grid"),
            format!("{min} to {max} step {step}"),
            msg!("the bounds must be finite with min ≤ max and the step positive"),
        ));
    }
    // Count with a little tolerance so that 30..90 step 1 has 61 points.
    let count = ((max - min) / step + 1e-9).floor() + 1.0;
    if count > 2_001.0 {
        return Err(Error::invalid(
            noun!("balance-point grid"),
            format!("{min} to {max} step {step}"),
            msg!("more than {max} points", max = MAX_GRID_POINTS),
        ));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = count as usize;
    #[allow(clippy::cast_precision_loss)]
    Ok((0..count).map(|i| min + i as f64 * step).collect())
}

impl BalancePointGrid {
    /// CalTRACK 2.0's grid: 30 °F to 90 °F in steps of 1 °F, converted to
    /// °C (−1.11 °C to 32.22 °C).
    pub fn caltrack_fahrenheit() -> Self {
        BalancePointGrid {
            points_c: (30..=90)
                .map(|f| fahrenheit_to_celsius(f64::from(f)))
                .collect(),
        }
    }

    /// Balance points from `min` to `max` °C (both included when `max − min`
    /// is a multiple of `step`), `min + i·step`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for non-finite bounds, `max < min`, a step
    /// that is not positive, or more than [`MAX_GRID_POINTS`] points.
    ///
    /// # Example
    /// ```
    /// use ecodefi::regression::BalancePointGrid;
    /// let grid = BalancePointGrid::celsius(10.0, 20.0, 0.5)?;
    /// assert_eq!(grid.points_c().len(), 21);
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn celsius(min: f64, max: f64, step: f64) -> Result<Self> {
        Ok(BalancePointGrid {
            points_c: steps(min, max, step)?,
        })
    }

    /// Balance points from `min` to `max` °F, `min + i·step`, converted to °C.
    ///
    /// # Errors
    /// As [`BalancePointGrid::celsius`].
    pub fn fahrenheit(min: f64, max: f64, step: f64) -> Result<Self> {
        Ok(BalancePointGrid {
            points_c: steps(min, max, step)?
                .into_iter()
                .map(fahrenheit_to_celsius)
                .collect(),
        })
    }

    /// Any balance points, in °C.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the list is empty, longer than
    /// [`MAX_GRID_POINTS`], or not finite and strictly increasing.
    pub fn from_celsius(points_c: Vec<f64>) -> Result<Self> {
        let ordered = points_c.windows(2).all(|w| match w {
            [a, b] => a < b,
            _ => true,
        });
        if points_c.is_empty()
            || points_c.len() > MAX_GRID_POINTS
            || !ordered
            || points_c.iter().any(|p| !p.is_finite())
        {
            return Err(Error::invalid(
                noun!("balance-point grid"),
                format!("{} points", points_c.len()),
                msg!(
                    "1 to {max} finite balance points in strictly increasing order",
                    max = MAX_GRID_POINTS
                ),
            ));
        }
        Ok(BalancePointGrid { points_c })
    }

    /// The balance points, °C, increasing.
    pub fn points_c(&self) -> &[f64] {
        &self.points_c
    }

    /// The number of candidate models this grid gives when heating and
    /// cooling terms are both fitted: `1 + 2g + g(g + 1)/2`.
    pub fn candidate_count(&self) -> usize {
        let g = self.points_c.len();
        1 + 2 * g + g * (g + 1) / 2
    }
}

named_enum! {
    /// The form of a candidate model of usage per day.
    pub enum ModelKind ("model kind") {
        /// `usage = intercept`.
        InterceptOnly = "intercept_only",
        /// `usage = intercept + β_h·HDD(b_h)`.
        HddOnly = "hdd_only",
        /// `usage = intercept + β_c·CDD(b_c)`.
        CddOnly = "cdd_only",
        /// `usage = intercept + β_h·HDD(b_h) + β_c·CDD(b_c)`, `b_h ≤ b_c`.
        CddHdd = "cdd_hdd",
    }
}

/// One candidate of the search: its form and the indices of its balance
/// points in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spec {
    pub kind: ModelKind,
    pub heating: usize,
    pub cooling: usize,
}

/// Calls `f` for every candidate in CalTRACK order. `heating`/`cooling`
/// switch the HDD and CDD families (CalTRACK fits no CDD term for gas).
pub(crate) fn for_each_candidate(
    points: usize,
    heating: bool,
    cooling: bool,
    mut f: impl FnMut(Spec),
) {
    f(Spec {
        kind: ModelKind::InterceptOnly,
        heating: 0,
        cooling: 0,
    });
    if heating {
        for h in 0..points {
            f(Spec {
                kind: ModelKind::HddOnly,
                heating: h,
                cooling: 0,
            });
        }
    }
    if cooling {
        for c in 0..points {
            f(Spec {
                kind: ModelKind::CddOnly,
                heating: 0,
                cooling: c,
            });
        }
        if heating {
            for c in 0..points {
                for h in 0..=c {
                    f(Spec {
                        kind: ModelKind::CddHdd,
                        heating: h,
                        cooling: c,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caltrack_grid_has_2014_candidates() {
        let g = BalancePointGrid::caltrack_fahrenheit();
        assert_eq!(g.points_c().len(), 61);
        assert_eq!(g.candidate_count(), 2014);
        let mut n = 0;
        let mut first_pair = None;
        for_each_candidate(61, true, true, |s| {
            n += 1;
            if s.kind == ModelKind::CddHdd && first_pair.is_none() {
                first_pair = Some((s.heating, s.cooling));
            }
        });
        assert_eq!(n, 2014);
        assert_eq!(first_pair, Some((0, 0)));
        assert_eq!(g, BalancePointGrid::fahrenheit(30.0, 90.0, 1.0).unwrap());
        // 30 °F = −1.111… °C, 90 °F = 32.222… °C
        assert!((g.points_c()[0] + 10.0 / 9.0).abs() < 1e-12);
        assert!((g.points_c()[60] - 290.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn gas_has_no_cooling_candidates() {
        let mut n = 0;
        for_each_candidate(61, true, false, |_| n += 1);
        assert_eq!(n, 62);
    }

    #[test]
    fn bad_grids_are_refused() {
        assert!(BalancePointGrid::celsius(10.0, 5.0, 1.0).is_err());
        assert!(BalancePointGrid::celsius(0.0, 5.0, 0.0).is_err());
        assert!(BalancePointGrid::celsius(0.0, 1e6, 0.001).is_err());
        assert!(BalancePointGrid::from_celsius(vec![1.0, 1.0]).is_err());
        assert!(BalancePointGrid::from_celsius(vec![]).is_err());
        let g = BalancePointGrid::celsius(0.0, 1.0, 0.25).unwrap();
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(json, r#"{"points_c":[0.0,0.25,0.5,0.75,1.0]}"#);
        assert_eq!(serde_json::from_str::<BalancePointGrid>(&json).unwrap(), g);
        assert!(serde_json::from_str::<BalancePointGrid>(r#"{"points_c":[2.0,1.0]}"#).is_err());
    }
}
