//! Exact quantities with their unit, and checked decimal arithmetic.
//!
//! Measured quantities and money are [`rust_decimal::Decimal`] (28 significant
//! digits, no binary rounding) inside a newtype that carries the unit, so a
//! kWh cannot be added to a euro. The `Decimal` operators panic on overflow
//! and on division by zero; this module's functions return
//! [`Error::Overflow`] instead, and every computation in ecodefi goes through
//! them.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// `a + b`, or [`Error::Overflow`] naming `what`.
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range.
#[inline]
pub fn add(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(what))
}

/// `a − b`, or [`Error::Overflow`] naming `what`.
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range.
#[inline]
pub fn sub(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(what))
}

/// `a × b`, or [`Error::Overflow`] naming `what`.
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range.
#[inline]
pub fn mul(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(what))
}

/// `a ÷ b`, or [`Error::Overflow`] naming `what` (also when `b` is zero).
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range or when `b` is zero.
#[inline]
pub fn div(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(|| Error::overflow(what))
}

/// The sum of `values`, checked.
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range.
pub fn sum(values: impl IntoIterator<Item = Decimal>, what: &'static str) -> Result<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| add(acc, v, what))
}

macro_rules! quantity {
    ($(#[$doc:meta])* $name:ident, $unit:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(Decimal);

        impl $name {
            /// Zero.
            pub const ZERO: $name = $name(Decimal::ZERO);
            /// The unit's symbol.
            pub const UNIT: &'static str = $unit;

            /// A quantity of this unit.
            pub const fn new(value: Decimal) -> Self {
                $name(value)
            }

            /// The number, in this unit.
            pub const fn value(self) -> Decimal {
                self.0
            }

            /// `self + other`, checked.
            ///
            /// # Errors
            /// [`Error::Overflow`] beyond the decimal range.
            pub fn checked_add(self, other: Self) -> Result<Self> {
                add(self.0, other.0, $unit).map($name)
            }

            /// `self − other`, checked.
            ///
            /// # Errors
            /// [`Error::Overflow`] beyond the decimal range.
            pub fn checked_sub(self, other: Self) -> Result<Self> {
                sub(self.0, other.0, $unit).map($name)
            }

            /// `self × factor`, checked.
            ///
            /// # Errors
            /// [`Error::Overflow`] beyond the decimal range.
            pub fn checked_scale(self, factor: Decimal) -> Result<Self> {
                mul(self.0, factor, $unit).map($name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} {}", self.0, $unit)
            }
        }
    };
}

quantity!(
    /// Energy in kilowatt-hours.
    Kwh,
    "kWh"
);
quantity!(
    /// Money in euros.
    Euros,
    "€"
);
quantity!(
    /// Greenhouse-gas emissions in kilograms of CO2 equivalent.
    KgCo2e,
    "kgCO2e"
);
quantity!(
    /// Mass in kilograms.
    Kg,
    "kg"
);
quantity!(
    /// Volume in litres.
    Litres,
    "L"
);
quantity!(
    /// Distance in kilometres.
    Km,
    "km"
);

/// A dimensionless ratio: `0.113` is 11.3 %. Savings, shares and objectives
/// are ratios; they display as percentages.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Ratio(Decimal);

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio(Decimal::ZERO);

    /// A ratio from its fraction (`0.08` for 8 %).
    pub const fn new(fraction: Decimal) -> Self {
        Ratio(fraction)
    }

    /// `num / den`, checked.
    ///
    /// # Errors
    /// [`Error::Overflow`] when `den` is zero or the result is out of range.
    pub fn of(num: Decimal, den: Decimal, what: &'static str) -> Result<Self> {
        div(num, den, what).map(Ratio)
    }

    /// The fraction (`0.08` for 8 %).
    pub const fn fraction(self) -> Decimal {
        self.0
    }

    /// The percentage (`8` for 8 %).
    pub fn percent(self) -> Decimal {
        // ×100 only overflows for fractions beyond 7.9e26, which no ratio
        // built by this crate reaches; saturate rather than panic.
        self.0
            .checked_mul(Decimal::ONE_HUNDRED)
            .unwrap_or(if self.0.is_sign_negative() {
                Decimal::MIN
            } else {
                Decimal::MAX
            })
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", self.percent().round_dp(2).normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn checked_ops_never_panic() {
        assert!(div(Decimal::ONE, Decimal::ZERO, "x").is_err());
        assert!(add(Decimal::MAX, Decimal::ONE, "x").is_err());
        assert!(mul(Decimal::MAX, dec!(2), "x").is_err());
        assert_eq!(sum([dec!(1.5), dec!(2.25)], "x").unwrap(), dec!(3.75));
    }

    #[test]
    fn units_display_and_serialise_exactly() {
        let e = Kwh::new(dec!(11353.85));
        assert_eq!(e.to_string(), "11353.85 kWh");
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"11353.85\"");
        assert_eq!(
            serde_json::from_str::<Kwh>("\"0.1\"").unwrap(),
            Kwh::new(dec!(0.1))
        );
        assert_eq!(Ratio::new(dec!(-0.113)).to_string(), "-11.3 %");
    }
}
