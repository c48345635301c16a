//! Energy carriers, their units, and conversion to kWh with the heating-value
//! basis (PCI/PCS) explicit.

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Result};
use crate::named_enum;
use crate::quantity::{div, mul};
use crate::{msg, noun};

named_enum! {
    /// An energy carrier (*vecteur énergétique*) a meter measures.
    #[non_exhaustive]
    pub enum Carrier ("carrier") {
        /// Electricity, in kWh.
        Electricity = "electricity",
        /// Natural gas, in m³(n) or kWh.
        NaturalGas = "natural_gas",
        /// Heating fuel oil (*fioul domestique*), in litres.
        FuelOil = "fuel_oil",
        /// Propane, in tonnes or kg.
        Propane = "propane",
        /// Butane, in tonnes or kg.
        Butane = "butane",
        /// Firewood logs (*bûches*), in stères.
        Logs = "logs",
        /// Wood pellets (*granulés*), in tonnes or kg.
        Pellets = "pellets",
        /// District heating (*réseau de chaleur*), in kWh.
        DistrictHeating = "district_heating",
    }
}

named_enum! {
    /// A unit a meter or a delivery is expressed in.
    #[non_exhaustive]
    pub enum Unit ("unit") {
        /// Kilowatt-hour.
        Kwh = "kwh",
        /// Cubic metre (normal conditions for gas).
        M3 = "m3",
        /// Litre.
        L = "l",
        /// Kilogram.
        Kg = "kg",
        /// Tonne (1 000 kg).
        T = "t",
        /// Stère of firewood (1 m³ of stacked logs).
        Stere = "stere",
    }
}

named_enum! {
    /// The heating-value basis of a kWh figure: lower (PCI, *pouvoir
    /// calorifique inférieur*) or higher (PCS, *supérieur*). Gas bills are in
    /// kWh PCS; the DPE tables in kWh PCI.
    pub enum Basis ("energy basis") {
        /// Lower heating value (net calorific value).
        Pci = "pci",
        /// Higher heating value (gross calorific value).
        Pcs = "pcs",
    }
}

/// kWh per table unit for one carrier, on both bases.
struct Row {
    unit: Unit,
    pci: Decimal,
    pcs: Decimal,
}

/// The official conversion of one table unit of `carrier` to kWh.
///
/// PCI values: *arrêté du 15 septembre 2006 relatif au diagnostic de
/// performance énergétique*, annexe 3 (natural gas 11.628 kWh/m³ from a
/// PCS/PCI ratio of 1.11; fuel oil 9.97 kWh/L; propane 13 800 and butane
/// 12 780 kWh/t; logs 1 680 kWh/stère; pellets 4 600 kWh/t).
/// PCS values: *arrêté du 27 août 2012* (natural gas 12.91 kWh/m³; fuel oil
/// 10.67 kWh/L; propane 15 042 and butane 13 930 kWh/t; logs
/// 1 865 kWh/stère; pellets 5 106 kWh/t). Electricity and district heating
/// are metered in kWh (1 on both bases).
fn table(carrier: Carrier) -> Row {
    let (unit, pci, pcs) = match carrier {
        Carrier::Electricity | Carrier::DistrictHeating => (Unit::Kwh, Decimal::ONE, Decimal::ONE),
        Carrier::NaturalGas => (Unit::M3, dec!(11.628), dec!(12.91)),
        Carrier::FuelOil => (Unit::L, dec!(9.97), dec!(10.67)),
        Carrier::Propane => (Unit::T, dec!(13800), dec!(15042)),
        Carrier::Butane => (Unit::T, dec!(12780), dec!(13930)),
        Carrier::Logs => (Unit::Stere, dec!(1680), dec!(1865)),
        Carrier::Pellets => (Unit::T, dec!(4600), dec!(5106)),
    };
    Row { unit, pci, pcs }
}

impl Carrier {
    /// The unit of the official conversion table for this carrier.
    pub fn table_unit(self) -> Unit {
        table(self).unit
    }

    /// The PCS/PCI ratio of this carrier from the official tables (1 for
    /// electricity and district heating).
    pub fn pcs_per_pci(self) -> Decimal {
        let row = table(self);
        // The table values are non-zero constants: the division is exact
        // enough and cannot fail; fall back to 1 rather than panic.
        row.pcs.checked_div(row.pci).unwrap_or(Decimal::ONE)
    }

    /// Whether `unit` can express a quantity of this carrier: its table unit,
    /// kg for a carrier tabled per tonne, or kWh (a quantity already in
    /// energy, e.g. gas read from a bill in kWh).
    pub fn accepts(self, unit: Unit) -> bool {
        let t = self.table_unit();
        unit == t || unit == Unit::Kwh || (t == Unit::T && unit == Unit::Kg)
    }

    /// Whether the carrier is delivered and stored (fuel oil, gas in tanks,
    /// wood): its quantities come as deliveries rather than meter readings.
    pub fn is_stored(self) -> bool {
        matches!(
            self,
            Carrier::FuelOil
                | Carrier::Propane
                | Carrier::Butane
                | Carrier::Logs
                | Carrier::Pellets
        )
    }
}

/// How many kWh one `unit` of a carrier is worth on a basis: either from the
/// official tables ([`Conversion::official`]) or from a coefficient the
/// household has (a gas bill's *coefficient de conversion*), which wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// kWh per unit.
    pub kwh_per_unit: Decimal,
    /// The basis of those kWh.
    pub basis: Basis,
}

impl Conversion {
    /// The official conversion of `unit` of `carrier` on `basis`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the unit does not fit the carrier.
    ///
    /// # Example
    /// ```
    /// use ecodefi::meter::{Basis, Carrier, Conversion, Unit};
    /// use rust_decimal::dec;
    /// let gas = Conversion::official(Carrier::NaturalGas, Unit::M3, Basis::Pcs)?;
    /// assert_eq!(gas.kwh_per_unit, dec!(12.91));
    /// let propane = Conversion::official(Carrier::Propane, Unit::Kg, Basis::Pci)?;
    /// assert_eq!(propane.kwh_per_unit, dec!(13.8));
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn official(carrier: Carrier, unit: Unit, basis: Basis) -> Result<Self> {
        if !carrier.accepts(unit) {
            return Err(Error::invalid(
                noun!("unit"),
                unit,
                msg!(
                    "`{carrier}` is measured in `{unit}`, `kg` or `kwh`",
                    carrier = crate::message::Arg::text(carrier),
                    unit = crate::message::Arg::text(carrier.table_unit())
                ),
            ));
        }
        let row = table(carrier);
        let per_table_unit = match basis {
            Basis::Pci => row.pci,
            Basis::Pcs => row.pcs,
        };
        let kwh_per_unit = match unit {
            // A quantity in kWh is already energy, on the basis asked for.
            Unit::Kwh => Decimal::ONE,
            u if u == row.unit => per_table_unit,
            // kg of a carrier tabled per tonne.
            _ => div(per_table_unit, dec!(1000), noun!("kWh per kg"))?,
        };
        Ok(Conversion {
            kwh_per_unit,
            basis,
        })
    }

    /// This conversion expressed on `basis`, using the carrier's official
    /// PCS/PCI ratio when the basis changes.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn on(self, basis: Basis, carrier: Carrier) -> Result<Conversion> {
        if self.basis == basis || carrier.table_unit() == Unit::Kwh {
            // Same basis, or a carrier whose PCS and PCI are the same.
            return Ok(Conversion {
                kwh_per_unit: self.kwh_per_unit,
                basis,
            });
        }
        let row = table(carrier);
        // × PCS/PCI or × PCI/PCS, multiplying before dividing.
        let (num, den) = match basis {
            Basis::Pcs => (row.pcs, row.pci),
            Basis::Pci => (row.pci, row.pcs),
        };
        let kwh_per_unit = div(
            mul(self.kwh_per_unit, num, noun!("kWh per unit"))?,
            den,
            noun!("kWh per unit"),
        )?;
        Ok(Conversion {
            kwh_per_unit,
            basis,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_coefficients() {
        let c = |carrier, unit, basis| {
            Conversion::official(carrier, unit, basis)
                .unwrap()
                .kwh_per_unit
        };
        // DPE arrêté 2006, annexe 3 (PCI) and arrêté 27 Aug 2012 (PCS).
        assert_eq!(c(Carrier::NaturalGas, Unit::M3, Basis::Pci), dec!(11.628));
        assert_eq!(c(Carrier::NaturalGas, Unit::M3, Basis::Pcs), dec!(12.91));
        assert_eq!(c(Carrier::FuelOil, Unit::L, Basis::Pci), dec!(9.97));
        assert_eq!(c(Carrier::FuelOil, Unit::L, Basis::Pcs), dec!(10.67));
        assert_eq!(c(Carrier::Propane, Unit::T, Basis::Pcs), dec!(15042));
        assert_eq!(c(Carrier::Butane, Unit::Kg, Basis::Pci), dec!(12.78));
        assert_eq!(c(Carrier::Logs, Unit::Stere, Basis::Pci), dec!(1680));
        assert_eq!(c(Carrier::Pellets, Unit::Kg, Basis::Pcs), dec!(5.106));
        assert_eq!(c(Carrier::Electricity, Unit::Kwh, Basis::Pci), dec!(1));
        assert_eq!(c(Carrier::NaturalGas, Unit::Kwh, Basis::Pcs), dec!(1));
        assert!(Conversion::official(Carrier::Electricity, Unit::M3, Basis::Pci).is_err());
        assert!(Conversion::official(Carrier::Logs, Unit::Kg, Basis::Pci).is_err());
    }

    #[test]
    fn gas_bill_coefficient_changes_basis() {
        // A GRDF bill's 11.2 kWh PCS/m³ is 11.2 / (12.91 / 11.628) kWh PCI/m³
        // = 10.0878079… (Python decimal, 28 digits).
        let bill = Conversion {
            kwh_per_unit: dec!(11.2),
            basis: Basis::Pcs,
        };
        let pci = bill.on(Basis::Pci, Carrier::NaturalGas).unwrap();
        assert_eq!(pci.kwh_per_unit.round_dp(6), dec!(10.087808));
        assert_eq!(
            pci.on(Basis::Pcs, Carrier::NaturalGas)
                .unwrap()
                .kwh_per_unit
                .round_dp(20),
            dec!(11.2)
        );
    }

    #[test]
    fn names_round_trip() {
        for c in Carrier::ALL {
            assert_eq!(c.as_str().parse::<Carrier>().unwrap(), *c);
        }
        for u in Unit::ALL {
            assert_eq!(u.as_str().parse::<Unit>().unwrap(), *u);
        }
    }
}
