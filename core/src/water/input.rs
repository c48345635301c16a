//! Water meters and the water theme's settings.

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Location, Result};
use crate::id::MeterId;
use crate::meter::{Bill, MeterEvent, Reading};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::Litres;
use crate::{msg, noun};

named_enum! {
    /// The unit of a water meter's readings or bills.
    pub enum WaterUnit ("water unit") {
        /// Cubic metre (1 000 L), as water meters and bills count.
        M3 = "m3",
        /// Litre.
        L = "l",
    }
}

impl WaterUnit {
    /// Litres per unit: 1 000 for m³, 1 for L.
    pub fn litres(self) -> Decimal {
        match self {
            WaterUnit::M3 => dec!(1000),
            WaterUnit::L => Decimal::ONE,
        }
    }
}

/// A household's water meter and its readings (as for energy: a reading
/// dated `D` is the index at the start of day `D`) or bills.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterMeter {
    /// Identifies the meter within its household.
    pub id: MeterId,
    /// The unit of its readings or bills.
    pub unit: WaterUnit,
    /// Index readings, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Replacements and rollovers that explain a decreasing index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<MeterEvent>,
    /// Bills (instead of readings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bills: Vec<Bill>,
}

impl WaterMeter {
    /// A water meter with no measurement yet.
    pub fn new(id: MeterId, unit: WaterUnit) -> Self {
        WaterMeter {
            id,
            unit,
            readings: Vec::new(),
            events: Vec::new(),
            bills: Vec::new(),
        }
    }

    /// Checks readings or bills (not both), no negative value, a rollover
    /// modulus above zero.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the meter and the item.
    pub fn validate(&self) -> Result<()> {
        let at = Location::NONE.with_meter(&self.id);
        if !self.readings.is_empty() && !self.bills.is_empty() {
            return Err(Error::InvalidValue {
                what: noun!("water meter measurements"),
                got: "readings and bills".into(),
                why: msg!("a meter has readings or bills, not both"),
                at,
            });
        }
        let negative = |what: &'static str, i: usize, v: Decimal| {
            Error::invalid(what, v, msg!("cannot be negative")).within(&at.clone().with_index(i))
        };
        for (i, r) in self.readings.iter().enumerate() {
            if r.value < Decimal::ZERO {
                return Err(negative(noun!("reading value"), i, r.value));
            }
        }
        for (i, b) in self.bills.iter().enumerate() {
            if b.quantity < Decimal::ZERO {
                return Err(negative(noun!("bill quantity"), i, b.quantity));
            }
        }
        for (i, e) in self.events.iter().enumerate() {
            match *e {
                MeterEvent::Rollover { modulus, .. } if modulus <= Decimal::ZERO => {
                    return Err(Error::invalid(
                        noun!("rollover modulus"),
                        modulus,
                        msg!("is above zero"),
                    )
                    .within(&at.clone().with_index(i)));
                }
                MeterEvent::Replacement {
                    old_final,
                    new_initial,
                    ..
                } if old_final < Decimal::ZERO || new_initial < Decimal::ZERO => {
                    return Err(negative(
                        noun!("replacement index"),
                        i,
                        old_final.min(new_initial),
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A reference consumption to compare households with, in litres per
/// person per day, with its source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterReference {
    /// Litres per person per day.
    pub litres_per_person_day: Litres,
    /// The year the figure is for.
    pub year: u16,
    /// Where it comes from.
    pub source: String,
}

impl Default for WaterReference {
    /// 148 L per person per day: French domestic consumption.
    ///
    /// Source: Cieau, from SOeS (Service de l'observation et des
    /// statistiques) 2008 data; SISPEA 2022 gives about 150 L; regions
    /// range from about 109 (Nord-Pas-de-Calais) to 228 (PACA)
    /// (DOMAIN.md §4). Override it with a local figure.
    fn default() -> Self {
        WaterReference {
            litres_per_person_day: Litres::new(dec!(148)),
            year: 2008,
            source: "Cieau, from SOeS data".into(),
        }
    }
}

/// The water theme's settings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterOptions {
    /// The reference period; the challenge's reference period if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_period: Option<Period>,
    /// The challenge period; the challenge's if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_period: Option<Period>,
    /// The figure households are compared with (default
    /// [`WaterReference::default`]: 148 L/person/day).
    #[serde(default)]
    pub reference_value: WaterReference,
    /// How many days before the first or after the last reading may be
    /// extrapolated (7 **\[design\]**, as for energy).
    #[serde(default = "default_extrapolation")]
    pub max_extrapolation_days: u16,
    /// Readings further apart than this are warned about (45 days
    /// **\[design\]**, as for energy).
    #[serde(default = "default_gap")]
    pub max_gap_days: u16,
}

fn default_extrapolation() -> u16 {
    7
}

fn default_gap() -> u16 {
    45
}

impl Default for WaterOptions {
    fn default() -> Self {
        WaterOptions {
            reference_period: None,
            challenge_period: None,
            reference_value: WaterReference::default(),
            max_extrapolation_days: default_extrapolation(),
            max_gap_days: default_gap(),
        }
    }
}

impl WaterOptions {
    /// The reference and challenge periods in force for `challenge`,
    /// checked: they share no day.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when they overlap.
    pub fn periods(&self, challenge: &crate::challenge::Challenge) -> Result<(Period, Period)> {
        let reference = self.reference_period.unwrap_or(challenge.reference_period);
        let period = self.challenge_period.unwrap_or(challenge.challenge_period);
        crate::rate::check_disjoint(reference, &[period])?;
        Ok((reference, period))
    }

    /// Checks that the reference value is above zero.
    ///
    /// # Errors
    /// [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        let v = self.reference_value.litres_per_person_day.value();
        if v <= Decimal::ZERO {
            return Err(Error::invalid(
                noun!("water reference value"),
                v,
                msg!("litres per person per day are above zero"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;

    #[test]
    fn meters_are_checked() {
        let mut m = WaterMeter::new(MeterId::new("eau").unwrap(), WaterUnit::M3);
        assert_eq!(m.unit.litres(), dec!(1000));
        m.readings.push(Reading {
            date: date(2026, 1, 1),
            value: dec!(-2),
        });
        let e = m.validate().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid reading value (got -2): cannot be negative at meter `eau`, item 0"
        );
        m.readings[0].value = dec!(2);
        m.bills.push(Bill {
            period: Period::new(date(2026, 1, 1), date(2026, 1, 31)).unwrap(),
            quantity: dec!(3),
        });
        assert!(m.validate().is_err());
        let o = WaterOptions::default();
        assert_eq!(
            o.reference_value.litres_per_person_day,
            Litres::new(dec!(148))
        );
        assert_eq!(o.reference_value.year, 2008);
        let zero: WaterOptions = serde_json::from_str(
            r#"{"reference_value":{"litres_per_person_day":"0","year":2022,"source":"x"}}"#,
        )
        .unwrap();
        assert!(zero.validate().is_err());
        assert_eq!("m3".parse::<WaterUnit>().unwrap(), WaterUnit::M3);
        assert_eq!("l".parse::<WaterUnit>().unwrap(), WaterUnit::L);
    }
}
