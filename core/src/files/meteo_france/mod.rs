//! Météo-France's open climatological files (*données climatologiques de
//! base*, meteo.data.gouv.fr), daily and hourly: one `;`-separated file per
//! département, often gzipped, several stations per file.
//!
//! [`WeatherFile::read`] takes the bytes as downloaded (gzipped or not,
//! UTF-8 or Latin-1), recognises a daily or hourly file by its header and
//! keeps, for each station, one Tn/Tx per day (nothing else of the text).
//! [`WeatherFile::temperatures`] then gives one station's days as a
//! challenge's [`Temperatures`], never filling a missing day unless
//! [`Fill`] says how. The layouts and quality codes, and where they were
//! confirmed, are in the documentation of the reader (`read.rs`); the
//! filling rules in `fill.rs`.
//!
//! # Example
//! ```
//! use ecodefi::files::meteo_france::{Fill, WeatherFile};
//! let text = "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;TX;QTX\n\
//!             62160001;BOULOGNE;50.7300;1.6000;73;20250101;0.2;1;2.5;1;8.1;1\n\
//!             62160001;BOULOGNE;50.7300;1.6000;73;20250102;;;3.0;9;7.4;9\n";
//! let file = WeatherFile::read("Q_62.csv", text.as_bytes())?;
//! let t = file.temperatures("62160001", None, &Fill::default())?;
//! assert_eq!(t.temperatures.len(), 2);
//! # Ok::<(), ecodefi::Error>(())
//! ```

mod fill;
mod read;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::noun;
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
/// all: only the first 4 KiB (decompressed) are looked at.
pub fn recognises(bytes: &[u8]) -> bool {
    const PEEK: usize = 4096;
    let start: Cow<'_, [u8]> = if super::gzip::is_gzip(bytes) {
        match super::gzip::peek(bytes, PEEK) {
            Some(b) => Cow::Owned(b),
            None => return false,
        }
    } else {
        Cow::Borrowed(bytes.get(..PEEK).unwrap_or(bytes))
    };
    let text = crate::table::encoding::decode(&start);
    let header = text.lines().next().unwrap_or_default();
    read::resolution_of(header.trim_start_matches('\u{feff}')).is_some()
}

/// How values are judged while reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadOptions {
    /// Accept values whose quality code is 2 (*douteuse en cours de
    /// vérification*: doubted by an automatic check, not yet verified).
    /// Default `false`: such a day is invalid, like a missing one (it can
    /// still be filled).
    pub accept_doubtful: bool,
}

/// Why a day of a station has no valid Tn and Tx.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayStatus {
    Valid,
    /// Tn or Tx empty.
    Empty,
    /// Tn or Tx with quality code 2.
    Doubtful,
    /// Tn above Tx.
    Inverted,
    /// Hourly files: fewer than 24 valid hourly values in a window.
    Incomplete,
}

impl DayStatus {
    fn reason(self) -> &'static str {
        match self {
            DayStatus::Valid => noun!("valid"),
            DayStatus::Empty => noun!("Tn or Tx empty"),
            DayStatus::Doubtful => noun!("doubtful, quality code 2"),
            DayStatus::Inverted => noun!("Tn above Tx"),
            DayStatus::Incomplete => noun!("hours missing"),
        }
    }
}

/// One station's day as read (Tn and Tx meaningful only when valid).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Day {
    number: i32,
    tn: Decimal,
    tx: Decimal,
    status: DayStatus,
}

/// A Météo-France file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeatherFile {
    name: String,
    resolution: Resolution,
    stations: Vec<Station>,
    /// By station, in the order of `stations`: its days in order, from
    /// its first to its last (daily files: the days with a row).
    days: Vec<Vec<Day>>,
}

impl WeatherFile {
    /// Reads a daily or hourly file (recognised by its header), gzipped or
    /// not (recognised by its first bytes); `name` is cited in errors.
    /// Values with quality code 2 (doubtful) are not accepted: see
    /// [`WeatherFile::read_with`].
    ///
    /// # Errors
    /// Located at the file, line and column: [`Error::UnknownName`] for a
    /// header that is not a Météo-France one; [`Error::InvalidValue`] for a
    /// missing column, a bad date, number or quality code, a temperature
    /// beyond ±100 °C, corrupt gzip data; [`Error::Duplicate`] for a
    /// station's day (or hour) given twice.
    pub fn read(name: &str, bytes: &[u8]) -> Result<WeatherFile> {
        WeatherFile::read_with(name, bytes, &ReadOptions::default())
    }

    /// [`WeatherFile::read`] with options.
    ///
    /// # Errors
    /// As [`WeatherFile::read`].
    pub fn read_with(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<WeatherFile> {
        let bytes = super::gzip::decompress_if_gzip(bytes)
            .map_err(|e| e.within(&crate::Location::in_file(name)))?;
        let text = crate::table::encoding::decode(&bytes);
        let read = read::read(name, &text, *options)?;
        Ok(WeatherFile {
            name: name.to_owned(),
            resolution: read.resolution,
            stations: read.stations,
            days: read.days,
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
                what: noun!("station"),
                id: station.to_owned(),
                at: crate::Location::in_file(&self.name),
            })
    }

    /// The station nearest to a point (great-circle distance on a sphere
    /// of radius 6371 km, by the haversine formula in `f64`: exact enough
    /// to choose a station, and no measured quantity depends on it). On a
    /// tie, the first in the file. `None` when the file has no station.
    pub fn nearest(&self, latitude: Decimal, longitude: Decimal) -> Option<&Station> {
        use rust_decimal::prelude::ToPrimitive;
        let radians = |d: Decimal| d.to_f64().unwrap_or(f64::NAN).to_radians();
        let (lat, lon) = (radians(latitude), radians(longitude));
        let distance = |s: &Station| {
            let (la, lo) = (radians(s.latitude), radians(s.longitude));
            let h = ((la - lat) / 2.0).sin().powi(2)
                + lat.cos() * la.cos() * ((lo - lon) / 2.0).sin().powi(2);
            2.0 * 6371.0 * h.sqrt().min(1.0).asin()
        };
        self.stations
            .iter()
            .map(|s| (distance(s), s))
            .filter(|(d, _)| !d.is_nan())
            .fold(None, |best: Option<(f64, &Station)>, (d, s)| match best {
                Some((b, _)) if b <= d => best,
                _ => Some((d, s)),
            })
            .map(|(_, s)| s)
    }

    /// One station's daily Tn/Tx over `period` (all its days when `None`),
    /// by number or exact name. A day without a valid Tn and Tx (no row,
    /// an empty value, quality code 2, Tn above Tx, an hour missing in an
    /// hourly file) is filled only as `fill` says; every filled day is
    /// listed in [`StationTemperatures::filled`].
    ///
    /// # Errors
    /// [`Error::UnknownReference`] for a station (or fill station) not in
    /// the file; [`Error::InsufficientData`] naming the station and the
    /// days without a valid Tn or Tx that `fill` does not fill.
    pub fn temperatures(
        &self,
        station: &str,
        period: Option<Period>,
        fill: &Fill,
    ) -> Result<StationTemperatures> {
        fill::temperatures(self, station, period, fill)
    }

    fn index_of(&self, station: &str) -> Result<usize> {
        let s = self.station(station)?;
        Ok(self
            .stations
            .iter()
            .position(|x| std::ptr::eq(x, s))
            .unwrap_or_default())
    }
}
