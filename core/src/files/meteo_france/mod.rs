//! Météo-France's open climatological files (*données climatologiques de
//! base*, meteo.data.gouv.fr), daily and hourly: one `;`-separated file per
//! département, often gzipped, several stations per file.
//!
//! CONTRACT (the signatures the rest of the work codes against; the bodies
//! are being written): keep these names and shapes, add what you need.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::period::Period;
use crate::weather::Temperatures;

/// Whether a file holds one row per station and day, or per station and hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// *Quotidiennes*: `AAAAMMJJ`, `TN`, `TX`.
    Daily,
    /// *Horaires*: `AAAAMMJJHH`, `T` (or `TN`/`TX` of the hour).
    Hourly,
}

/// One station of a file, with the days it covers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Station {
    /// `NUM_POSTE`, the station's 8-digit number (kept as text: it starts
    /// with the département, which may be `01`…).
    pub number: String,
    /// `NOM_USUEL`.
    pub name: String,
    /// `LAT`, decimal degrees.
    pub latitude: Decimal,
    /// `LON`, decimal degrees.
    pub longitude: Decimal,
    /// `ALTI`, metres.
    pub altitude: Decimal,
    /// First day with a row.
    pub first: Date,
    /// Last day with a row.
    pub last: Date,
    /// Days from `first` to `last` with a valid Tn and Tx.
    pub complete_days: u32,
    /// Days from `first` to `last` without (no row, an empty or invalid value).
    pub missing_days: u32,
}

/// How days without a valid Tn or Tx may be filled. The default fills
/// nothing: a missing day is an error naming the station and the days.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fill {
    /// Another station of the same file whose values fill a missing day,
    /// tried first.
    pub station: Option<String>,
    /// Linear interpolation between the neighbouring valid days, for gaps
    /// of at most this many consecutive days (0: none).
    pub interpolate_max_days: u32,
}

/// How one day was filled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum FillMethod {
    /// From another station of the file.
    Station {
        /// Its number.
        number: String,
    },
    /// Linearly between the valid days around the gap.
    Interpolated,
}

/// A day that had no valid Tn or Tx, and the values it was given.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FilledDay {
    /// The day.
    pub date: Date,
    /// Its Tn, °C.
    pub tn: Decimal,
    /// Its Tx, °C.
    pub tx: Decimal,
    /// Where they come from.
    pub how: FillMethod,
}

/// One station's daily temperatures, and the days that were filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationTemperatures {
    /// The station.
    pub station: Station,
    /// Its daily Tn/Tx (the Météo-France day convention for hourly files).
    pub temperatures: Temperatures,
    /// Every day filled, in date order.
    pub filled: Vec<FilledDay>,
}

/// Whether these bytes look like a Météo-France climatological file,
/// gzipped or not (by their first bytes and header), without reading them
/// all.
pub fn recognises(bytes: &[u8]) -> bool {
    let _ = bytes;
    false
}

/// A Météo-France file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeatherFile {
    name: String,
    resolution: Resolution,
    stations: Vec<Station>,
}

impl WeatherFile {
    /// Reads a daily or hourly file (recognised by its header), gzipped or
    /// not (recognised by its first bytes); `name` is cited in errors.
    ///
    /// # Errors
    /// Located at the file, line and column.
    pub fn read(name: &str, bytes: &[u8]) -> Result<WeatherFile> {
        let _ = bytes;
        Err(Error::Unsupported {
            what: "Météo-France files (in progress)",
            feature: "files",
        })
        .map(|()| WeatherFile {
            name: name.to_owned(),
            resolution: Resolution::Daily,
            stations: Vec::new(),
        })
    }

    /// The name given to [`WeatherFile::read`].
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Daily or hourly.
    pub fn resolution(&self) -> Resolution {
        self.resolution
    }

    /// The stations, in the order of the file.
    pub fn stations(&self) -> &[Station] {
        &self.stations
    }

    /// The station of this number (or this exact name).
    ///
    /// # Errors
    /// [`Error::UnknownReference`] naming the file.
    pub fn station(&self, station: &str) -> Result<&Station> {
        self.stations
            .iter()
            .find(|s| s.number == station || s.name == station)
            .ok_or_else(|| Error::UnknownReference {
                what: "station",
                id: station.to_owned(),
                at: crate::Location::in_file(&self.name),
            })
    }

    /// The station nearest to a point (great-circle distance).
    pub fn nearest(&self, latitude: Decimal, longitude: Decimal) -> Option<&Station> {
        let _ = (latitude, longitude);
        self.stations.first()
    }

    /// One station's daily Tn/Tx over `period` (all its days when `None`).
    ///
    /// # Errors
    /// [`Error::InsufficientData`] naming the station and the days without
    /// a valid Tn or Tx that `fill` does not fill.
    pub fn temperatures(
        &self,
        station: &str,
        period: Option<Period>,
        fill: &Fill,
    ) -> Result<StationTemperatures> {
        let _ = (station, period, fill);
        Err(Error::Unsupported {
            what: "Météo-France files (in progress)",
            feature: "files",
        })
    }
}
