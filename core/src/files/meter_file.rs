//! What a Linky (Enedis) or Gazpar (GRDF) export becomes: one meter's
//! daily consumption and index readings, exact decimals in kWh (and m³ for
//! gas), ready to be a meter's readings or bills.
//!
//! [`MeterFile::read`] recognises the layout by its first bytes: the ZIP
//! magic of an `.xlsx` (GRDF), a JSON document (GRDF API), the Enedis
//! metadata header `Identifiant PRM;Type de donnees;…`, or the GRDF table
//! saved as CSV. Each layout, and the sources that confirm it, is
//! described in [`crate::files::enedis`] and [`crate::files::grdf`].

use rust_decimal::Decimal;

use crate::date::Date;
use crate::error::{quoted, Location};
use crate::error::{Error, Result};
use crate::meter::{Bill, Carrier, Meter, MeterEvent, Reading, Unit};
use crate::period::Period;
use crate::table::encoding::decode;

use super::{enedis, grdf, xlsx};

/// Who published the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// Enedis, the electricity distribution network (Linky meters).
    Enedis,
    /// GRDF, the gas distribution network (Gazpar meters).
    Grdf,
}

/// What the file measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Content {
    /// Energy consumed per day (Enedis: Wh).
    DailyConsumption,
    /// The index at the start of each day (Enedis *index*, `EAS` registers,
    /// Wh).
    Index,
    /// Mean power over steps of `step_minutes` (Enedis *courbe de charge*,
    /// W).
    LoadCurve {
        /// 10, 30 or 60.
        step_minutes: u32,
    },
    /// One row per gas day: start and end index (m³), volume (m³), energy
    /// (kWh) and the conversion coefficient (GRDF).
    GasDays,
}

/// One day's consumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Day {
    /// The day (for gas, the gas day that starts at 06:00 that day).
    pub date: Date,
    /// Energy, kWh.
    pub kwh: Decimal,
    /// Gas volume, m³ (GRDF only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m3: Option<Decimal>,
    /// The day's conversion coefficient, kWh per m³ (GRDF only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kwh_per_m3: Option<Decimal>,
}

/// A meter export, read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MeterFile {
    /// The name given to [`MeterFile::read`], cited in errors.
    pub name: String,
    /// Who published it.
    pub provider: Provider,
    /// What it measures.
    pub content: Content,
    /// The delivery point in the file (PRM, 14 digits, for Enedis; PCE for
    /// GRDF), when the file names it.
    pub identifier: Option<String>,
    /// Electricity or natural gas.
    pub carrier: Carrier,
    /// Every complete day's consumption, in date order.
    pub days: Vec<Day>,
    /// Index readings at the start of a day, in date order, in kWh (Enedis)
    /// or m³ (GRDF); empty when the file has no index.
    pub index: Vec<Reading>,
    /// Days inside the file's span that are not in `days` (nor in `index`
    /// for an Enedis index file): a missing or empty value, or a load-curve
    /// day without all its points. They are gaps, never zeros.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete_days: Vec<Date>,
    /// Index discontinuities found in a GRDF file: a gas day whose start
    /// index is not the previous row's end index (a meter replacement or a
    /// correction), kept as replacements so that no consumption is hidden
    /// or invented: the old meter's last index and the new first one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<MeterEvent>,
}

/// The layouts [`MeterFile::read`] accepts, as its errors name them.
pub const LAYOUTS: &str = "an Enedis CSV export (header `Identifiant PRM;Type de donnees;…`, \
then `Horodate;Valeur` or `Horodate;Type de releve;EAS F1;…`), a GRDF spreadsheet (.xlsx, \
or saved as CSV) with the columns date, index de début, index de fin, volume, énergie, \
coefficient de conversion, or a GRDF JSON document with `releves`";

/// Whether these bytes look like a Linky or Gazpar export (by their first
/// bytes and header line), without reading them all.
pub fn recognises(bytes: &[u8]) -> bool {
    if xlsx::is_zip(bytes) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = decode(head);
    let text = text.trim_start_matches('\u{feff}');
    enedis::is_header(text.lines().next().unwrap_or(""))
        || grdf::looks_like_json(text)
        || grdf::looks_like_csv(text)
}

impl MeterFile {
    /// Reads a Linky or Gazpar export, recognised by its header.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for a file of another shape (naming the
    /// layouts expected); otherwise located at the file, line and column.
    pub fn read(name: &str, bytes: &[u8]) -> Result<MeterFile> {
        if xlsx::is_zip(bytes) {
            return grdf::read_xlsx(name, bytes);
        }
        let text = decode(bytes);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or("");
        if enedis::is_header(first) {
            enedis::read(name, text)
        } else if grdf::looks_like_json(text) {
            grdf::read_json(name, text)
        } else if grdf::looks_like_csv(text) {
            grdf::read_csv(name, text)
        } else {
            let got: String = first.chars().take(80).collect();
            Err(Error::UnknownName {
                what: "meter export layout",
                got: quoted(&got),
                expected: LAYOUTS,
                at: Location::in_file(name).with_file(name, 1, None),
            })
        }
    }

    /// The first and last day the file covers.
    pub fn span(&self) -> Option<(Date, Date)> {
        let first = self
            .days
            .first()
            .map(|d| d.date)
            .or(self.index.first().map(|r| r.date));
        let last = self
            .days
            .last()
            .map(|d| d.date)
            .or(self.index.last().map(|r| r.date));
        first.zip(last)
    }

    /// Gives `meter` this file's measurements in the meter's unit, added to
    /// those it already has:
    ///
    /// - a kWh meter gets the index readings of an Enedis index file (Wh
    ///   became kWh when read), and otherwise one one-day bill per complete
    ///   day (a missing day is a gap, never a zero); for GRDF files that is
    ///   the day's energy, converted by GRDF with its own coefficient of
    ///   that day;
    /// - an m³ meter (gas only) gets the GRDF index readings: the start index
    ///   of each gas day, and the last day's end index on the day after,
    ///   with a [`MeterEvent::Replacement`] where a start index is not the
    ///   previous end index ([`MeterFile::events`]).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the meter's carrier or unit does not fit
    /// the file (a Linky file on a gas meter, m³ of electricity).
    pub fn apply_to(&self, meter: &mut Meter) -> Result<()> {
        let at = || Location::in_file(&self.name).with_meter(&meter.id);
        if meter.carrier != self.carrier {
            return Err(Error::InvalidValue {
                what: "meter carrier",
                got: meter.carrier.to_string(),
                why: format!("the file {} measures {}", quoted(&self.name), self.carrier),
                at: at(),
            });
        }
        match meter.unit {
            Unit::Kwh if self.content == Content::Index => {
                meter.readings.extend_from_slice(&self.index);
            }
            Unit::Kwh => {
                for day in &self.days {
                    let period = Period::new(day.date, day.date)?;
                    meter.bills.push(Bill {
                        period,
                        quantity: day.kwh,
                    });
                }
            }
            Unit::M3 if self.provider == Provider::Grdf => {
                meter.readings.extend_from_slice(&self.index);
                meter.events.extend_from_slice(&self.events);
            }
            unit => {
                return Err(Error::InvalidValue {
                    what: "meter unit",
                    got: unit.to_string(),
                    why: format!(
                        "the file {} gives {}",
                        quoted(&self.name),
                        match self.provider {
                            Provider::Enedis => "kWh only",
                            Provider::Grdf => "kWh or m³ only",
                        }
                    ),
                    at: at(),
                })
            }
        }
        Ok(())
    }

    /// The file's complete days as daily usage for a weather-regression
    /// baseline: each day's kWh with the day's mean temperature (Tn + Tx) / 2
    /// from `temperatures`; days without a temperature are left out.
    #[cfg(feature = "regression")]
    pub fn usage_data(
        &self,
        temperatures: &crate::weather::Temperatures,
    ) -> crate::regression::UsageData {
        use rust_decimal::prelude::ToPrimitive;
        let values = temperatures.values();
        let days = self
            .days
            .iter()
            .filter_map(|day| {
                let i = crate::date::day_number(day.date).checked_sub(temperatures.first_day())?;
                let &(tn, tx) = values.get(usize::try_from(i).ok()?)?;
                let mean = tn.checked_add(tx)?.checked_div(Decimal::TWO)?.to_f64()?;
                Some(crate::regression::DailyUsage {
                    date: day.date,
                    usage: crate::quantity::Kwh::new(day.kwh),
                    temperature_c: mean,
                })
            })
            .collect();
        crate::regression::UsageData::Daily { days }
    }
}
