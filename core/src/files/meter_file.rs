//! What a Linky (Enedis) or Gazpar (GRDF) export becomes: one meter's
//! daily consumption and index readings, exact decimals in kWh (and m³ for
//! gas), ready to be a meter's readings or bills.
//!
//! CONTRACT (the signatures the rest of the work codes against; the bodies
//! are being written): keep these names and shapes, add what you need.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::meter::{Carrier, Meter, Reading};

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
}

/// Whether these bytes look like a Linky or Gazpar export (by their first
/// bytes and header line), without reading them all.
pub fn recognises(bytes: &[u8]) -> bool {
    let _ = bytes;
    false
}

impl MeterFile {
    /// Reads a Linky or Gazpar export, recognised by its header.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for a file of another shape (naming the
    /// layouts expected); otherwise located at the file, line and column.
    pub fn read(name: &str, bytes: &[u8]) -> Result<MeterFile> {
        let _ = (name, bytes);
        Err(Error::Unsupported {
            what: "Linky and Gazpar files (in progress)",
            feature: "files",
        })
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

    /// Gives `meter` this file's measurements in the meter's unit: index
    /// readings when the file has an index (Enedis index files, GRDF), else
    /// one one-day bill per day of consumption (so that a missing day is a
    /// gap, never a zero).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the meter's carrier or unit does not fit
    /// the file (a Linky file on a gas meter, m³ of electricity).
    pub fn apply_to(&self, meter: &mut Meter) -> Result<()> {
        let _ = meter;
        Err(Error::Unsupported {
            what: "Linky and Gazpar files (in progress)",
            feature: "files",
        })
    }
}
