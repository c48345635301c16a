//! Meters: what a household measures (carrier, unit, conversion to kWh, what
//! the energy is used for) and the measurements it reports.
//!
//! A meter carries exactly one kind of measurement: index readings (with the
//! events that explain a decreasing index), bills, or deliveries of a stored
//! fuel with optional stock estimates.

mod carrier;
mod measurement;

pub use carrier::{Basis, Carrier, Conversion, Unit};
pub use measurement::{Bill, Delivery, MeterEvent, Reading, StockEstimate};

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Location, Result};
use crate::id::MeterId;
use crate::named_enum;
use crate::quantity::Ratio;
use crate::{msg, noun};

named_enum! {
    /// What a meter's energy is used for, which sets the share of its
    /// consumption that depends on the weather.
    pub enum Usage ("meter usage") {
        /// Space heating only (climate-sensitive share p = 1).
        HeatingOnly = "heating_only",
        /// Heating and other uses (hot water, cooking, appliances): p is
        /// estimated from the summer base load when the readings allow, else
        /// [`DEFAULT_HEATING_SHARE`].
        Mixed = "mixed",
        /// No space heating (p = 0): never climate-corrected.
        NoHeating = "no_heating",
    }
}

/// The default climate-sensitive share of a mixed-use meter: 0.66.
///
/// Source: space heating was 282 TWh, 66 % of the energy consumed by
/// French main residences in 2018 — SDES, *Chiffres clés du logement*,
/// édition 2022, « Consommation d'énergie » (Ceren data); DOMAIN.md §2
/// gives 60–70 %.
/// Override it per meter ([`Meter::heating_share`]) or per challenge.
pub const DEFAULT_HEATING_SHARE: Ratio = Ratio::new(dec!(0.66));

/// A household's meter (or tank, or woodshed) and its measurements.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meter {
    /// Identifies the meter within its household.
    pub id: MeterId,
    /// What it measures.
    pub carrier: Carrier,
    /// The unit of its readings, bills or deliveries.
    pub unit: Unit,
    /// What the energy is used for.
    pub usage: Usage,
    /// A conversion coefficient the household has (e.g. printed on a gas
    /// bill); it wins over the official table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion: Option<Conversion>,
    /// A known climate-sensitive share, which wins over the usage's default
    /// and over the summer estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heating_share: Option<Ratio>,
    /// Index readings, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Replacements and rollovers that explain a decreasing index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<MeterEvent>,
    /// Bills (instead of readings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bills: Vec<Bill>,
    /// Deliveries of a stored fuel (instead of readings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliveries: Vec<Delivery>,
    /// Stock estimates that go with deliveries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stock: Vec<StockEstimate>,
}

/// `v < 0`, without the comparison's rescaling (a meter's readings are
/// checked one by one).
fn below_zero(v: Decimal) -> bool {
    v.is_sign_negative() && !v.is_zero()
}

impl Meter {
    /// A meter with no measurement yet.
    pub fn new(id: MeterId, carrier: Carrier, unit: Unit, usage: Usage) -> Self {
        Meter {
            id,
            carrier,
            unit,
            usage,
            conversion: None,
            heating_share: None,
            readings: Vec::new(),
            events: Vec::new(),
            bills: Vec::new(),
            deliveries: Vec::new(),
            stock: Vec::new(),
        }
    }

    /// The conversion of this meter's unit to kWh on `basis`: the meter's own
    /// coefficient if it has one (brought to `basis`), else the official one.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the unit does not fit the carrier.
    pub fn conversion_on(&self, basis: Basis) -> Result<Conversion> {
        match self.conversion {
            Some(c) => c.on(basis, self.carrier),
            None => Conversion::official(self.carrier, self.unit, basis),
        }
    }

    /// Checks what serde cannot: the unit fits the carrier, one kind of
    /// measurement only, no negative value, a positive conversion, a heating
    /// share in [0, 1], a rollover modulus above zero.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the meter and the item.
    pub fn validate(&self) -> Result<()> {
        let at = || Location::NONE.with_meter(&self.id);
        Conversion::official(self.carrier, self.unit, Basis::Pci).map_err(|e| e.within(&at()))?;
        let kinds = [
            !self.readings.is_empty(),
            !self.bills.is_empty(),
            !self.deliveries.is_empty(),
        ];
        if kinds.iter().filter(|&&k| k).count() > 1 {
            return Err(Error::InvalidValue {
                what: noun!("meter measurements"),
                got: "several kinds".into(),
                why: msg!("a meter has readings, or bills, or deliveries, not several kinds"),
                at: at(),
            });
        }
        if let Some(c) = self.conversion {
            if c.kwh_per_unit <= Decimal::ZERO {
                return Err(Error::invalid(
                    noun!("conversion"),
                    c.kwh_per_unit,
                    msg!("kWh per unit is above zero"),
                )
                .within(&at()));
            }
        }
        if let Some(p) = self.heating_share {
            if p.fraction() < Decimal::ZERO || p.fraction() > Decimal::ONE {
                return Err(Error::invalid(
                    noun!("heating share"),
                    p.fraction(),
                    msg!("a share is between 0 and 1"),
                )
                .within(&at()));
            }
        }
        let negative = |what: &'static str, i: usize, v: Decimal| {
            Error::invalid(what, v, msg!("cannot be negative")).within(&at().with_index(i))
        };
        for (i, r) in self.readings.iter().enumerate() {
            if below_zero(r.value) {
                return Err(negative(noun!("reading value"), i, r.value));
            }
        }
        for (i, b) in self.bills.iter().enumerate() {
            if below_zero(b.quantity) {
                return Err(negative(noun!("bill quantity"), i, b.quantity));
            }
        }
        for (i, d) in self.deliveries.iter().enumerate() {
            if below_zero(d.quantity) {
                return Err(negative(noun!("delivery quantity"), i, d.quantity));
            }
        }
        for (i, s) in self.stock.iter().enumerate() {
            if below_zero(s.quantity) {
                return Err(negative(noun!("stock estimate"), i, s.quantity));
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
                    .within(&at().with_index(i)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;

    fn gas() -> Meter {
        Meter::new(
            MeterId::new("gaz").unwrap(),
            Carrier::NaturalGas,
            Unit::M3,
            Usage::Mixed,
        )
    }

    #[test]
    fn bill_coefficient_wins() {
        let mut m = gas();
        assert_eq!(
            m.conversion_on(Basis::Pcs).unwrap().kwh_per_unit,
            dec!(12.91)
        );
        m.conversion = Some(Conversion {
            kwh_per_unit: dec!(11.2),
            basis: Basis::Pcs,
        });
        assert_eq!(
            m.conversion_on(Basis::Pcs).unwrap().kwh_per_unit,
            dec!(11.2)
        );
    }

    #[test]
    fn validation_names_the_item() {
        let mut m = gas();
        m.readings = vec![
            Reading {
                date: date(2025, 12, 1),
                value: dec!(100),
            },
            Reading {
                date: date(2025, 12, 15),
                value: dec!(-1),
            },
        ];
        let e = m.validate().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid reading value (got -1): cannot be negative at meter `gaz`, item 1"
        );
        let mut m = gas();
        m.unit = Unit::Stere;
        assert_eq!(m.validate().unwrap_err().code(), "invalid_value");
    }
}
