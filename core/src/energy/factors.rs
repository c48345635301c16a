//! Impact factors: kgCO2e and euros per unit of each carrier, as versioned
//! data (a year and a source), which the caller can replace.

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Result};
use crate::meter::{Basis, Carrier, Conversion, Unit};
use crate::quantity::{div, mul};
use crate::{msg, noun};

/// A factor per unit of a carrier: `value` per `unit` (on `basis` when the
/// unit is kWh of a fuel).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// The carrier.
    pub carrier: Carrier,
    /// The factor's value: kgCO2e or € per unit.
    pub value: Decimal,
    /// The unit the factor is per.
    pub unit: Unit,
    /// For a factor per kWh of a fuel, the heating-value basis of that kWh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
}

/// A table of factors with its year and source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorTable {
    /// The year the values are for.
    pub year: u16,
    /// Where they come from.
    pub source: String,
    /// One factor per carrier at most; a carrier without a factor has no
    /// figure (the household gets a warning, never a silent zero).
    pub factors: Vec<Factor>,
}

/// The emission and price tables used to value energy savings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImpactFactors {
    /// kgCO2e per unit.
    pub co2e: FactorTable,
    /// € per unit.
    pub price: FactorTable,
}

impl Default for ImpactFactors {
    fn default() -> Self {
        ImpactFactors {
            co2e: default_co2e(),
            price: default_prices(),
        }
    }
}

fn factor(carrier: Carrier, value: Decimal, unit: Unit, basis: Option<Basis>) -> Factor {
    Factor {
        carrier,
        value,
        unit,
        basis,
    }
}

/// Default emission factors, kgCO2e per unit.
///
/// Source: ADEME Base Carbone, as used by Nos Gestes Climat (values current
/// in 2022): natural gas 0.221 /kWh PCS; fuel oil 3.25 /L; propane 3.47 /kg;
/// butane 3.44 /kg; logs 0.046 /kWh; pellets 0.0113 /kWh; electricity for
/// heating 0.080 /kWh (RE2020 monthly heating factor). District heating has
/// no default: networks differ too much; give yours.
pub fn default_co2e() -> FactorTable {
    FactorTable {
        year: 2022,
        source: "ADEME Base Carbone, as used by Nos Gestes Climat".into(),
        factors: vec![
            factor(
                Carrier::NaturalGas,
                dec!(0.221),
                Unit::Kwh,
                Some(Basis::Pcs),
            ),
            factor(Carrier::FuelOil, dec!(3.25), Unit::L, None),
            factor(Carrier::Propane, dec!(3.47), Unit::Kg, None),
            factor(Carrier::Butane, dec!(3.44), Unit::Kg, None),
            factor(Carrier::Logs, dec!(0.046), Unit::Kwh, Some(Basis::Pci)),
            factor(Carrier::Pellets, dec!(0.0113), Unit::Kwh, Some(Basis::Pci)),
            factor(Carrier::Electricity, dec!(0.080), Unit::Kwh, None),
        ],
    }
}

/// Default prices, € per unit.
///
/// Source: Nos Gestes Climat defaults, 2021–2022: natural gas 0.104 /kWh
/// (PCS, as billed), electricity 0.2022 /kWh, fuel oil 1.52 /L, propane
/// 1.8 /kg, district heating 0.085 /kWh. Butane, logs and pellets have no
/// default price; give yours.
pub fn default_prices() -> FactorTable {
    FactorTable {
        year: 2022,
        source: "Nos Gestes Climat defaults".into(),
        factors: vec![
            factor(
                Carrier::NaturalGas,
                dec!(0.104),
                Unit::Kwh,
                Some(Basis::Pcs),
            ),
            factor(Carrier::Electricity, dec!(0.2022), Unit::Kwh, None),
            factor(Carrier::FuelOil, dec!(1.52), Unit::L, None),
            factor(Carrier::Propane, dec!(1.8), Unit::Kg, None),
            factor(Carrier::DistrictHeating, dec!(0.085), Unit::Kwh, None),
        ],
    }
}

impl FactorTable {
    /// The factor of `carrier`, if the table has one.
    pub fn get(&self, carrier: Carrier) -> Option<&Factor> {
        self.factors.iter().find(|f| f.carrier == carrier)
    }

    /// Checks that each carrier appears once, units fit their carriers, and
    /// values are not negative.
    ///
    /// # Errors
    /// [`Error::Duplicate`] or [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        for (i, f) in self.factors.iter().enumerate() {
            let at = crate::error::Location::NONE.with_index(i);
            if self.factors[..i].iter().any(|g| g.carrier == f.carrier) {
                return Err(Error::Duplicate {
                    what: noun!("factor carrier"),
                    id: f.carrier.to_string(),
                    at,
                });
            }
            if f.value < Decimal::ZERO {
                return Err(Error::invalid(
                    noun!("factor value"),
                    f.value,
                    msg!("cannot be negative"),
                )
                .within(&at));
            }
            Conversion::official(f.carrier, f.unit, Basis::Pci).map_err(|e| e.within(&at))?;
        }
        Ok(())
    }

    /// The value (kgCO2e or €) of `kwh` kWh on `basis` of `carrier`, or
    /// `None` when the table has no factor for it.
    ///
    /// The kWh are converted to the factor's unit with the official
    /// conversion (on the factor's basis, or `basis` when it has none).
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn value_of(
        &self,
        carrier: Carrier,
        kwh: Decimal,
        basis: Basis,
    ) -> Result<Option<Decimal>> {
        let Some(f) = self.get(carrier) else {
            return Ok(None);
        };
        // kWh on `basis` → kWh on the factor's basis → factor units.
        let kwh_on_factor_basis = match f.basis {
            Some(b) => {
                let one = Conversion {
                    kwh_per_unit: Decimal::ONE,
                    basis,
                };
                mul(
                    kwh,
                    one.on(b, carrier)?.kwh_per_unit,
                    noun!("factor conversion"),
                )?
            }
            None => kwh,
        };
        let per_unit =
            Conversion::official(carrier, f.unit, f.basis.unwrap_or(basis))?.kwh_per_unit;
        let units = div(kwh_on_factor_basis, per_unit, noun!("factor conversion"))?;
        mul(units, f.value, noun!("factor value")).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_saved_energy() {
        let f = ImpactFactors::default();
        // 1 000 kWh PCS of gas: 221 kgCO2e, 104 €.
        assert_eq!(
            f.co2e
                .value_of(Carrier::NaturalGas, dec!(1000), Basis::Pcs)
                .unwrap(),
            Some(dec!(221.000))
        );
        assert_eq!(
            f.price
                .value_of(Carrier::NaturalGas, dec!(1000), Basis::Pcs)
                .unwrap(),
            Some(dec!(104.000))
        );
        // 1 067 kWh PCS of fuel oil = 100 L (10.67 kWh PCS/L): 325 kgCO2e, 152 €.
        assert_eq!(
            f.co2e
                .value_of(Carrier::FuelOil, dec!(1067), Basis::Pcs)
                .unwrap(),
            Some(dec!(325))
        );
        assert_eq!(
            f.price
                .value_of(Carrier::FuelOil, dec!(1067), Basis::Pcs)
                .unwrap(),
            Some(dec!(152))
        );
        // 138 kWh PCI of propane = 10 kg (13.8 kWh PCI/kg): 34.7 kgCO2e.
        assert_eq!(
            f.co2e
                .value_of(Carrier::Propane, dec!(138), Basis::Pci)
                .unwrap(),
            Some(dec!(34.7))
        );
        // No default price for logs.
        assert_eq!(
            f.price
                .value_of(Carrier::Logs, dec!(100), Basis::Pci)
                .unwrap(),
            None
        );
        // 11.628 kWh PCI of gas = 12.91 kWh PCS: 12.91 × 0.221 = 2.85311 kgCO2e.
        let g = f
            .co2e
            .value_of(Carrier::NaturalGas, dec!(11.628), Basis::Pci)
            .unwrap()
            .unwrap();
        assert_eq!(g.round_dp(10), dec!(2.85311));
    }

    #[test]
    fn tables_are_checked() {
        let mut t = default_prices();
        assert!(t.validate().is_ok());
        t.factors
            .push(factor(Carrier::Electricity, dec!(0.3), Unit::Kwh, None));
        assert_eq!(t.validate().unwrap_err().code(), "duplicate");
        let bad = FactorTable {
            year: 2024,
            source: "x".into(),
            factors: vec![factor(Carrier::Logs, dec!(1), Unit::L, None)],
        };
        assert_eq!(bad.validate().unwrap_err().code(), "invalid_value");
    }
}
