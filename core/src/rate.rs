//! Rates per person and per consumption unit over periods of presence, and
//! relative changes between two periods: what the water, waste, food and
//! mobility themes share.
//!
//! A household's quantity over one or more periods (litres, kg, euros,
//! km, kgCO2e) is divided by its *person-days* in those periods
//! ([`Occupancy::person_days`]): a household whose size changes during a
//! challenge is normalised per day of presence (DOMAIN.md §8). A rate per
//! week or per year is the rate per person-day times 7 or 365.
//!
//! Pooling several periods sums quantities and person-days before dividing,
//! so a rate does not change when a period is split in two.

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Location, Result};
use crate::household::Occupancy;
use crate::period::Period;
use crate::quantity::{add, div, mul, sub, Ratio};
use crate::{msg, noun};

/// Days in a week.
pub const DAYS_PER_WEEK: Decimal = dec!(7);

/// Days in a year for annualised rates: 365 **\[design\]** (the calendar
/// year; published per-year waste figures are per calendar year).
pub const DAYS_PER_YEAR: Decimal = dec!(365);

/// Person-days and consumption-unit-days of a household over periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Presence {
    /// Σ persons × days.
    pub person_days: Decimal,
    /// Σ INSEE consumption units × days.
    pub unit_days: Decimal,
}

impl Presence {
    /// The presence of `occupancy` over `periods` (which should not
    /// overlap: overlapping days count twice).
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] beyond the decimal range.
    pub fn over(occupancy: &Occupancy, periods: &[Period]) -> Result<Self> {
        let mut p = Presence::default();
        for &period in periods {
            p.person_days = add(
                p.person_days,
                occupancy.person_days(period)?,
                noun!("person-days"),
            )?;
            p.unit_days = add(
                p.unit_days,
                occupancy.unit_days(period)?,
                noun!("unit-days"),
            )?;
        }
        Ok(p)
    }

    /// `quantity` per person and per day of presence.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when there is no person-day.
    pub fn per_person_day(&self, quantity: Decimal) -> Result<Decimal> {
        div(quantity, self.person_days, noun!("rate per person-day"))
    }

    /// `quantity` per person and per week of presence (× 7).
    ///
    /// # Errors
    /// As [`Presence::per_person_day`].
    pub fn per_person_week(&self, quantity: Decimal) -> Result<Decimal> {
        scaled(quantity, DAYS_PER_WEEK, self.person_days)
    }

    /// `quantity` per person and per year of presence (× 365).
    ///
    /// # Errors
    /// As [`Presence::per_person_day`].
    pub fn per_person_year(&self, quantity: Decimal) -> Result<Decimal> {
        scaled(quantity, DAYS_PER_YEAR, self.person_days)
    }

    /// `quantity` per consumption unit and per day.
    ///
    /// # Errors
    /// As [`Presence::per_person_day`].
    pub fn per_unit_day(&self, quantity: Decimal) -> Result<Decimal> {
        div(quantity, self.unit_days, noun!("rate per unit-day"))
    }

    /// `quantity` per consumption unit and per week (× 7).
    ///
    /// # Errors
    /// As [`Presence::per_person_day`].
    pub fn per_unit_week(&self, quantity: Decimal) -> Result<Decimal> {
        scaled(quantity, DAYS_PER_WEEK, self.unit_days)
    }

    /// `quantity` per consumption unit and per year (× 365).
    ///
    /// # Errors
    /// As [`Presence::per_person_day`].
    pub fn per_unit_year(&self, quantity: Decimal) -> Result<Decimal> {
        scaled(quantity, DAYS_PER_YEAR, self.unit_days)
    }
}

/// `quantity × days ÷ denominator`, multiplying first so that exact rates
/// stay exact.
fn scaled(quantity: Decimal, days: Decimal, denominator: Decimal) -> Result<Decimal> {
    div(
        mul(quantity, days, noun!("rate"))?,
        denominator,
        noun!("rate"),
    )
}

/// The relative change from `reference` to `current`:
/// `current ÷ reference − 1` (−0.26 is −26 %). `None` when the reference
/// is zero or negative: no percentage can be computed.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range.
///
/// # Example
/// ```
/// use ecodefi::rate::relative_change;
/// use rust_decimal::dec;
/// let c = relative_change(dec!(2.5), dec!(1.85))?.unwrap();
/// assert_eq!(c.fraction(), dec!(-0.26));
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn relative_change(reference: Decimal, current: Decimal) -> Result<Option<Ratio>> {
    if reference <= Decimal::ZERO {
        return Ok(None);
    }
    let r = div(current, reference, noun!("relative change"))?;
    Ok(Some(Ratio::new(sub(
        r,
        Decimal::ONE,
        noun!("relative change"),
    )?)))
}

/// What a household would have produced over its challenge presence at its
/// reference rate (`reference_quantity ÷ reference_person_days ×
/// challenge_person_days`) **\[design\]**: the household is compared with
/// itself, and the expected quantity weights it by its size and its time
/// in a team or challenge total.
///
/// # Errors
/// [`crate::Error::Overflow`] when the reference has no person-day.
pub fn expected(
    reference_quantity: Decimal,
    reference: &Presence,
    challenge: &Presence,
) -> Result<Decimal> {
    div(
        mul(
            reference_quantity,
            challenge.person_days,
            noun!("expected quantity"),
        )?,
        reference.person_days,
        noun!("expected quantity"),
    )
}

/// Checks that `reference` and `others` are pairwise disjoint: a day
/// belongs to one period only.
///
/// # Errors
/// [`Error::InvalidValue`] naming the second of two overlapping periods
/// by its index (the reference is 0).
pub(crate) fn check_disjoint(reference: Period, others: &[Period]) -> Result<()> {
    let all: Vec<Period> = std::iter::once(reference)
        .chain(others.iter().copied())
        .collect();
    for (i, p) in all.iter().enumerate() {
        if let Some(q) = all[..i].iter().find(|q| q.intersection(*p).is_some()) {
            return Err(Error::InvalidValue {
                what: noun!("period"),
                got: p.to_string(),
                why: msg!(
                    "it overlaps the period {period}; a day belongs to one period only",
                    period = q
                ),
                at: Location::NONE.with_index(i),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use crate::household::{Occupants, PresenceChange};
    use proptest::prelude::*;

    #[test]
    fn rates_by_hand() {
        // 2 adults and a child of 8 (1.8 UC) for 14 days, 21 kg:
        // 42 person-days, 25.2 UC-days; 0.5 kg/person/day, 3.5 kg/person/week,
        // 182.5 kg/person/year; 21 × 7 / 25.2 = 5.8333… kg/UC/week.
        let occ = Occupancy::constant(Occupants::new(2, vec![8]).unwrap());
        let p = Period::new(date(2026, 3, 1), date(2026, 3, 14)).unwrap();
        let pr = Presence::over(&occ, &[p]).unwrap();
        assert_eq!(pr.person_days, dec!(42));
        assert_eq!(pr.unit_days, dec!(25.2));
        assert_eq!(pr.per_person_day(dec!(21)).unwrap(), dec!(0.5));
        assert_eq!(pr.per_person_week(dec!(21)).unwrap(), dec!(3.5));
        assert_eq!(pr.per_person_year(dec!(21)).unwrap(), dec!(182.5));
        assert_eq!(
            pr.per_unit_week(dec!(21)).unwrap().round_dp(6),
            dec!(5.833333)
        );
        assert!(Presence::default().per_person_day(dec!(1)).is_err());
    }

    #[test]
    fn change_and_expected() {
        assert_eq!(
            relative_change(dec!(4), dec!(3)).unwrap(),
            Some(Ratio::new(dec!(-0.25)))
        );
        assert_eq!(relative_change(dec!(0), dec!(3)).unwrap(), None);
        let r = Presence {
            person_days: dec!(28),
            unit_days: dec!(21),
        };
        let c = Presence {
            person_days: dec!(56),
            unit_days: dec!(42),
        };
        // 14 kg in 28 person-days → 28 kg expected in 56.
        assert_eq!(expected(dec!(14), &r, &c).unwrap(), dec!(28));
    }

    proptest! {
        /// Splitting a period in two leaves the pooled rate unchanged, with
        /// the quantity split in proportion or not.
        #[test]
        fn rate_unchanged_by_split(
            split in 1i32..59, kg_a in 0u32..10_000, kg_b in 0u32..10_000, change in 0i32..60,
        ) {
            let start = date(2026, 1, 1);
            let at = |n: i32| crate::date::date_of(crate::date::day_number(start) + n).unwrap();
            let occ = Occupancy::new(
                Occupants::new(2, vec![]).unwrap(),
                vec![PresenceChange { from: at(change), occupants: Occupants::new(3, vec![5]).unwrap() }],
            ).unwrap();
            let whole = Period::new(start, at(59)).unwrap();
            let a = Period::new(start, at(split - 1)).unwrap();
            let b = Period::new(at(split), at(59)).unwrap();
            let total = Decimal::from(kg_a) + Decimal::from(kg_b);
            let one = Presence::over(&occ, &[whole]).unwrap();
            let two = Presence::over(&occ, &[a, b]).unwrap();
            prop_assert_eq!(one, two);
            prop_assert_eq!(
                one.per_person_week(total).unwrap(),
                two.per_person_week(total).unwrap()
            );
        }
    }
}
