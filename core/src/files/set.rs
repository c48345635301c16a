//! A whole challenge from the files an organiser has: the spreadsheet
//! tables (`foyers.csv`, `equipes.csv`, `defi.csv`…), the households' Linky
//! and Gazpar exports and a Météo-France file, each recognised by its name
//! or its header.
//!
//! CONTRACT (the signatures the rest of the work codes against; the bodies
//! are being written): keep these names and shapes, add what you need.

use crate::data::ChallengeData;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::table::Table;

use super::meteo_france::{Fill, FilledDay, Station};
use super::meter_file::{Content, Provider};

/// One file as given: its name (cited in errors, and telling which table a
/// spreadsheet file is) and its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File<'a> {
    /// The file's name, e.g. `foyers.csv` or `Enedis_Conso_Jour_….csv`.
    pub name: &'a str,
    /// Its bytes, as read (any encoding [`crate::table::encoding::decode`]
    /// reads; gzipped for Météo-France files).
    pub bytes: &'a [u8],
}

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A spreadsheet table, known by its name.
    Table(Table),
    /// A Météo-France climatological file.
    Weather,
    /// A Linky or Gazpar export.
    Meter,
}

/// Choices the files cannot make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOptions {
    /// The Météo-France station to take temperatures from (its number or
    /// name). When `None`: the settings table's `station_meteo`, else the
    /// file's only station; several stations and none named is an error
    /// listing them.
    pub station: Option<String>,
    /// How days without a valid temperature are filled (none by default).
    pub fill: Fill,
}

/// Where a Linky or Gazpar file went.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttachedFile {
    /// The file's name.
    pub file: String,
    /// Enedis or GRDF.
    pub provider: Provider,
    /// What it measures.
    pub content: Content,
    /// Its PRM or PCE, when it names one.
    pub identifier: Option<String>,
    /// The household it belongs to.
    pub household: String,
    /// The meter it gave its measurements to.
    pub meter: String,
    /// Whether that meter was created for it (no meters-table row).
    pub created: bool,
    /// How the file was matched: `identifier` (the PRM/PCE column of the
    /// households or meters table) or `file_name` (the name starts with the
    /// household's identifier).
    pub matched_by: &'static str,
    /// First and last day covered.
    pub first: Option<Date>,
    /// Last day covered.
    pub last: Option<Date>,
}

/// The station whose temperatures were taken.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WeatherUse {
    /// The file's name.
    pub file: String,
    /// The station.
    pub station: Station,
    /// Days that were filled.
    pub filled: Vec<FilledDay>,
}

/// What the files became, for the organiser to check.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    /// The temperatures' station, when a Météo-France file was given.
    pub weather: Option<WeatherUse>,
    /// Every Linky and Gazpar file.
    pub meters: Vec<AttachedFile>,
}

/// What a file is, by its name (tables) or its first bytes (the others).
///
/// # Errors
/// [`Error::UnknownName`] for a file that is none of these.
pub fn kind(file: &File<'_>) -> Result<Kind> {
    let _ = file;
    Err(Error::Unsupported {
        what: "files (in progress)",
        feature: "files",
    })
}

/// The challenge these files describe, and what each file became.
///
/// # Errors
/// As [`crate::table::Tables::challenge_data_from_tables`], and any error
/// reading a Météo-France, Linky or Gazpar file (located at it), or
/// [`Error::UnknownReference`] for a Linky or Gazpar file no household
/// claims.
pub fn challenge_data(
    files: &[File<'_>],
    options: &FileOptions,
) -> Result<(ChallengeData, Imported)> {
    let _ = (files, options);
    Err(Error::Unsupported {
        what: "files (in progress)",
        feature: "files",
    })
}
