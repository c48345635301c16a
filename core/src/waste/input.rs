//! What households weigh (*pesées*) and the waste theme's settings.

use crate::date::Date;
use rust_decimal::Decimal;

use crate::challenge::Challenge;
use crate::error::{Error, Result};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::Kg;
use crate::{msg, noun};

named_enum! {
    /// A waste stream (*flux*). "Déchets non recyclables" is the residual
    /// stream (DOMAIN.md §5). The set is open: streams without a name of
    /// their own go to `other`.
    #[non_exhaustive]
    pub enum Stream ("waste stream") {
        /// Residual household waste (*ordures ménagères résiduelles*, OMR,
        /// "non recyclables": the grey or black bin).
        Residual = "residual",
        /// Recyclable packaging and paper (the yellow bin).
        Packaging = "packaging",
        /// Glass.
        Glass = "glass",
        /// Biowaste: food and kitchen scraps (compost, brown bin).
        Biowaste = "biowaste",
        /// Garden waste (*déchets verts*).
        Garden = "garden",
        /// Textiles.
        Textiles = "textiles",
        /// Bulky waste (*encombrants*).
        Bulky = "bulky",
        /// Waste electrical and electronic equipment (*DEEE*).
        Electronic = "electronic",
        /// Hazardous household waste (paints, solvents, batteries…).
        Hazardous = "hazardous",
        /// Anything else.
        Other = "other",
    }
}

/// One weighing: the waste of one stream a household threw away, weighed on
/// a day. A weighing counts in the period that contains its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weighing {
    /// The day of the weighing.
    pub date: Date,
    /// The stream weighed.
    pub stream: Stream,
    /// The mass, in kg.
    pub kg: Kg,
}

impl Weighing {
    /// Checks that the mass is not negative.
    ///
    /// # Errors
    /// [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        if self.kg.value() < Decimal::ZERO {
            return Err(Error::invalid(
                noun!("weighing"),
                self.kg.value(),
                msg!("a mass cannot be negative"),
            ));
        }
        Ok(())
    }
}

/// The waste theme's settings. Waste challenges use a reference period of
/// unchanged habits (a week to a month) and a challenge period of one to
/// three months (DOMAIN.md §1), possibly in several parts of different
/// lengths.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WasteOptions {
    /// The reference period; the challenge's reference period if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_period: Option<Period>,
    /// The challenge periods, which may differ in length; the challenge's
    /// challenge period if empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenge_periods: Vec<Period>,
}

impl WasteOptions {
    /// The reference period and the challenge periods in force for
    /// `challenge`, checked: no two of them share a day.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when two periods overlap.
    pub fn periods(&self, challenge: &Challenge) -> Result<(Period, Vec<Period>)> {
        let reference = self.reference_period.unwrap_or(challenge.reference_period);
        let challenge_periods = if self.challenge_periods.is_empty() {
            vec![challenge.challenge_period]
        } else {
            self.challenge_periods.clone()
        };
        crate::rate::check_disjoint(reference, &challenge_periods)?;
        Ok((reference, challenge_periods))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn weighings_are_checked() {
        let w: Weighing =
            serde_json::from_str(r#"{"date":"2026-01-10","stream":"residual","kg":"4.2"}"#)
                .unwrap();
        assert_eq!(w.kg, Kg::new(dec!(4.2)));
        assert!(w.validate().is_ok());
        let bad = Weighing {
            kg: Kg::new(dec!(-1)),
            ..w
        };
        assert_eq!(bad.validate().unwrap_err().code(), "invalid_value");
        let e = serde_json::from_str::<Weighing>(
            r#"{"date":"2026-01-10","stream":"ordures","kg":"1"}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown waste stream `ordures`"));
    }

    proptest! {
        #[test]
        fn streams_round_trip(i in 0usize..10) {
            let s = Stream::ALL[i];
            prop_assert_eq!(s.to_string().parse::<Stream>().unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(serde_json::from_str::<Stream>(&json).unwrap(), s);
        }
    }
}
