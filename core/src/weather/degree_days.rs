//! Degree-days (*degrés-jours unifiés*, DJU): how cold (or hot) each day
//! was relative to a base temperature, by the Météo-France or COSTIC method,
//! and their sums over any range of days in O(1).

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Location, Result};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::{add, div, mul, sub};
use crate::weather::Temperatures;
use crate::{msg, noun};

named_enum! {
    /// How a day's degree-days are computed from its Tn and Tx.
    pub enum Method ("degree-day method") {
        /// Météo-France: DJ = max(0, S − (Tn + Tx)/2).
        MeteoFrance = "meteo_france",
        /// COSTIC, the "energy professionals" method, which counts the
        /// heating needed on days whose maximum is above the base.
        Costic = "costic",
    }
}

named_enum! {
    /// Heating (cold) or cooling (heat) degree-days.
    pub enum Kind ("degree-day kind") {
        /// Heating degree-days: how far below the base.
        Heating = "heating",
        /// Cooling degree-days: how far above the base.
        Cooling = "cooling",
    }
}

/// The base temperature of heating degree-days by default: 18 °C.
///
/// Source: Météo-France and COSTIC DJU definitions, base 18 °C (the
/// statistics of SDES use 17 °C; choose it with [`DegreeDayOptions::base`]).
pub const DEFAULT_BASE: Decimal = dec!(18);

/// How degree-days are computed: method, base temperature (°C) and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DegreeDayOptions {
    /// The method; COSTIC by default, the method of energy professionals for
    /// heating consumption.
    #[serde(default = "default_method")]
    pub method: Method,
    /// The base temperature S, °C ([`DEFAULT_BASE`] by default).
    #[serde(default = "default_base")]
    pub base: Decimal,
    /// Heating or cooling; heating by default.
    #[serde(default = "default_kind")]
    pub kind: Kind,
}

fn default_method() -> Method {
    Method::Costic
}
fn default_base() -> Decimal {
    DEFAULT_BASE
}
fn default_kind() -> Kind {
    Kind::Heating
}

impl Default for DegreeDayOptions {
    fn default() -> Self {
        DegreeDayOptions {
            method: default_method(),
            base: DEFAULT_BASE,
            kind: Kind::Heating,
        }
    }
}

impl DegreeDayOptions {
    /// These options with another method.
    #[must_use]
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// These options with another base temperature (°C).
    #[must_use]
    pub fn base(mut self, base: Decimal) -> Self {
        self.base = base;
        self
    }

    /// These options with another kind.
    #[must_use]
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }
}

/// Heating degree-days of one day with minimum `tn` and maximum `tx` (°C)
/// for base `s`.
///
/// - Météo-France: DJ = max(0, S − (Tn + Tx)/2).
/// - COSTIC: if S ≥ Tx, DJ = S − (Tn + Tx)/2; if S ≤ Tn, DJ = 0; else
///   DJ = (S − Tn) × (0.08 + 0.42 × (S − Tn)/(Tx − Tn)).
///
/// Sources: Météo-France, *degrés-jours unifiés*; COSTIC, *méthode des
/// professionnels de l'énergie* (both as given in DOMAIN.md §2, with its check
/// values).
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range (not reachable with
/// plausible temperatures).
///
/// # Example
/// ```
/// use ecodefi::weather::{heating_degree_days, Method};
/// use rust_decimal::dec;
/// assert_eq!(heating_degree_days(Method::Costic, dec!(18), dec!(10), dec!(22))?, dec!(2.88));
/// assert_eq!(heating_degree_days(Method::MeteoFrance, dec!(18), dec!(10), dec!(22))?, dec!(2));
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn heating_degree_days(
    method: Method,
    s: Decimal,
    tn: Decimal,
    tx: Decimal,
) -> Result<Decimal> {
    const W: &str = noun!("degree-days");
    let mean = div(add(tn, tx, W)?, Decimal::TWO, W)?;
    match method {
        Method::MeteoFrance => Ok(sub(s, mean, W)?.max(Decimal::ZERO)),
        Method::Costic if s >= tx => sub(s, mean, W),
        Method::Costic if s <= tn => Ok(Decimal::ZERO),
        Method::Costic => {
            // Here tn < s < tx, so tx − tn > 0.
            let below = sub(s, tn, W)?;
            let frac = div(below, sub(tx, tn, W)?, W)?;
            let k = add(dec!(0.08), mul(dec!(0.42), frac, W)?, W)?;
            mul(below, k, W)
        }
    }
}

/// Cooling degree-days of one day: the mirror of
/// [`heating_degree_days`] (temperatures and base negated), so Météo-France
/// gives max(0, (Tn + Tx)/2 − S) and COSTIC its symmetric form.
///
/// # Errors
/// As [`heating_degree_days`].
pub fn cooling_degree_days(
    method: Method,
    s: Decimal,
    tn: Decimal,
    tx: Decimal,
) -> Result<Decimal> {
    heating_degree_days(method, -s, -tx, -tn)
}

/// Degree-days of one day with these options.
///
/// # Errors
/// As [`heating_degree_days`].
pub fn degree_days(options: DegreeDayOptions, tn: Decimal, tx: Decimal) -> Result<Decimal> {
    match options.kind {
        Kind::Heating => heating_degree_days(options.method, options.base, tn, tx),
        Kind::Cooling => cooling_degree_days(options.method, options.base, tn, tx),
    }
}

/// Degree-days of every day of a temperature series, summed over any range
/// of days in O(1) (prefix sums computed in one pass).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DegreeDays {
    options: DegreeDayOptions,
    first_day: i32,
    /// `prefix[i]` = Σ DJ of the first `i` days.
    prefix: Vec<Decimal>,
}

impl DegreeDays {
    /// Computes the degree-days of each day of `temperatures`.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn new(temperatures: &Temperatures, options: DegreeDayOptions) -> Result<Self> {
        let mut prefix = Vec::with_capacity(temperatures.len() + 1);
        let mut total = Decimal::ZERO;
        prefix.push(total);
        for (i, &(tn, tx)) in temperatures.values().iter().enumerate() {
            let dj = degree_days(options, tn, tx)
                .map_err(|e| e.within(&Location::NONE.with_index(i)))?;
            total = add(total, dj, noun!("degree-days"))?;
            prefix.push(total);
        }
        Ok(DegreeDays {
            options,
            first_day: temperatures.first_day(),
            prefix,
        })
    }

    /// The options they were computed with.
    pub fn options(&self) -> DegreeDayOptions {
        self.options
    }

    /// Day number of the first day covered.
    pub fn first_day(&self) -> i32 {
        self.first_day
    }

    /// Day number of the day after the last day covered.
    pub fn end_day(&self) -> i32 {
        self.first_day + i32::try_from(self.prefix.len()).unwrap_or(i32::MAX) - 1
    }

    /// Σ DJ over the days `start .. end` (day numbers, half-open), or `None`
    /// when the series does not cover them all.
    pub fn sum_days(&self, start: i32, end: i32) -> Option<Decimal> {
        if start > end || start < self.first_day || end > self.end_day() {
            return None;
        }
        let i = usize::try_from(start - self.first_day).ok()?;
        let j = usize::try_from(end - self.first_day).ok()?;
        // Prefix sums are non-decreasing sums of non-negative values, each a
        // partial sum that was itself checked: the difference cannot overflow.
        Some(self.prefix.get(j)? - self.prefix.get(i)?)
    }

    /// Σ DJ over a period.
    ///
    /// # Errors
    /// [`Error::InsufficientData`] when the temperatures do not cover it.
    pub fn sum(&self, period: Period) -> Result<Decimal> {
        self.sum_days(period.start_day(), period.end_day())
            .ok_or_else(|| Error::InsufficientData {
                why: msg!("the temperatures do not cover {period}", period = period),
                at: Location::NONE,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use crate::weather::DailyTemperature;
    use proptest::prelude::*;

    /// DOMAIN.md §2 check values, S = 18: (Tn, Tx, Météo-France, COSTIC).
    const CHECKS: [(Decimal, Decimal, Decimal, Decimal); 7] = [
        (dec!(2), dec!(10), dec!(12), dec!(12)),
        (dec!(-3), dec!(5), dec!(17), dec!(17)),
        (dec!(12), dec!(18), dec!(3), dec!(3)),
        (dec!(10), dec!(22), dec!(2), dec!(2.88)),
        (dec!(16), dec!(24), dec!(0), dec!(0.37)),
        (dec!(17), dec!(19), dec!(0), dec!(0.29)),
        (dec!(18), dec!(25), dec!(0), dec!(0)),
    ];

    #[test]
    fn domain_check_values() {
        for (tn, tx, meteo, costic) in CHECKS {
            assert_eq!(
                heating_degree_days(Method::MeteoFrance, dec!(18), tn, tx).unwrap(),
                meteo,
                "{tn}/{tx}"
            );
            assert_eq!(
                heating_degree_days(Method::Costic, dec!(18), tn, tx).unwrap(),
                costic,
                "{tn}/{tx}"
            );
        }
    }

    #[test]
    fn cooling_mirrors_heating() {
        // A hot day 20/30 with base 22: mean 25, Météo-France CDD = 3;
        // COSTIC: (30 − 22) × (0.08 + 0.42 × 8/10) = 8 × 0.416 = 3.328.
        assert_eq!(
            cooling_degree_days(Method::MeteoFrance, dec!(22), dec!(20), dec!(30)).unwrap(),
            dec!(3)
        );
        assert_eq!(
            cooling_degree_days(Method::Costic, dec!(22), dec!(20), dec!(30)).unwrap(),
            dec!(3.328)
        );
        assert_eq!(
            cooling_degree_days(Method::Costic, dec!(22), dec!(5), dec!(15)).unwrap(),
            dec!(0)
        );
    }

    #[test]
    fn sums_over_ranges() {
        let days: Vec<_> = CHECKS
            .iter()
            .enumerate()
            .map(|(i, &(tn, tx, _, _))| DailyTemperature {
                date: date(2026, 1, 1 + i8::try_from(i).unwrap()),
                tn,
                tx,
            })
            .collect();
        let t = Temperatures::new(&days).unwrap();
        let dd = DegreeDays::new(&t, DegreeDayOptions::default()).unwrap();
        // COSTIC sum of all seven days: 12 + 17 + 3 + 2.88 + 0.37 + 0.29 + 0.
        assert_eq!(dd.sum(t.period().unwrap()).unwrap(), dec!(35.54));
        let p = Period::new(date(2026, 1, 2), date(2026, 1, 4)).unwrap();
        assert_eq!(dd.sum(p).unwrap(), dec!(22.88));
        let outside = Period::new(date(2026, 1, 5), date(2026, 1, 9)).unwrap();
        assert_eq!(dd.sum(outside).unwrap_err().code(), "insufficient_data");
    }

    fn temp() -> impl Strategy<Value = Decimal> {
        (-400i64..400).prop_map(|t| Decimal::new(t, 1))
    }

    proptest! {
        /// COSTIC is continuous where its branches meet: at S = Tn it gives
        /// 0, at S = Tx it gives S − mean (both branches agree).
        #[test]
        fn costic_is_continuous(tn in temp(), spread in 1i64..300) {
            let tx = tn + Decimal::new(spread, 1);
            let at_tn = heating_degree_days(Method::Costic, tn, tn, tx).unwrap();
            prop_assert_eq!(at_tn, Decimal::ZERO);
            let at_tx = heating_degree_days(Method::Costic, tx, tn, tx).unwrap();
            prop_assert_eq!(at_tx, tx - (tn + tx) / Decimal::TWO);
            // Just inside the middle branch, the value approaches the limits.
            let eps = dec!(0.0001);
            let near_tn = heating_degree_days(Method::Costic, tn + eps, tn, tx).unwrap();
            prop_assert!(near_tn <= dec!(0.0001));
            let near_tx = heating_degree_days(Method::Costic, tx - eps, tn, tx).unwrap();
            prop_assert!((near_tx - at_tx).abs() <= dec!(0.0001));
        }

        /// Degree-days are never negative, and COSTIC ≥ Météo-France.
        #[test]
        fn costic_dominates(tn in temp(), spread in 0i64..300, s in temp()) {
            let tx = tn + Decimal::new(spread, 1);
            let m = heating_degree_days(Method::MeteoFrance, s, tn, tx).unwrap();
            let c = heating_degree_days(Method::Costic, s, tn, tx).unwrap();
            prop_assert!(m >= Decimal::ZERO);
            prop_assert!(c >= m);
        }
    }
}
