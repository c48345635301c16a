//! A whole challenge from the files an organiser has: the spreadsheet
//! tables (`foyers.csv`, `equipes.csv`, `defi.csv`…), the households' Linky
//! and Gazpar exports and a Météo-France file, each recognised by its name
//! (tables) or its first bytes (the others).
//!
//! - The temperatures come from the Météo-France file's station named by
//!   [`FileOptions::station`], else by the settings table's
//!   `station_meteo`, else its only station, over the days from the first
//!   to the last day of the reference and challenge periods. A temperatures
//!   table and a Météo-France file together are an error (two sources).
//! - Each Linky or Gazpar file goes to the meter whose delivery point it
//!   names: the meters table's `identifier` column (PRM or PCE), else the
//!   households table's `prm` (Linky) or `pce` (Gazpar) column, which gives
//!   the household's only meter of that carrier, or a new one when it has
//!   none (`electricite` or `gaz`, in kWh, mixed usage). A file that names
//!   no delivery point, or one no table lists, goes by its name: a name that
//!   starts with a household's identifier followed by `_`, `-`, a space or
//!   a dot (`F07_linky.csv`). A file no household claims is an error, never
//!   skipped.
//!
//! [`Imported`] says what each file became, for the organiser to check.

use std::borrow::Cow;

use crate::challenge::Challenge;
use crate::data::ChallengeData;
use crate::date::Date;
use crate::error::{Error, Location, Result};
use crate::household::Household;
use crate::id::MeterId;
use crate::message::Arg;
use crate::meter::{Carrier, Meter, Unit, Usage};
use crate::period::Period;
use crate::table::{encoding, Columns, Inputs, Source, Table, Tables};
use crate::{msg, noun};

use super::meteo_france::{self, Fill, FilledDay, Station, WeatherFile};
use super::meter_file::{self, Content, MeterFile, Provider};

/// One file as given: its name (cited in errors, and telling which table a
/// spreadsheet file is) and its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File<'a> {
    /// The file's name, e.g. `foyers.csv` or `Enedis_Conso_Jour_….csv`.
    pub name: &'a str,
    /// Its bytes, as read (any encoding [`encoding::decode`] reads;
    /// gzipped for Météo-France files).
    pub bytes: &'a [u8],
}

impl<'a> File<'a> {
    /// A named file.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        File { name, bytes }
    }
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
    /// First day covered.
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
    /// Every Linky and Gazpar file, in the order given.
    pub meters: Vec<AttachedFile>,
}

/// What a file is, by its name (tables) or its first bytes (the others).
///
/// # Errors
/// [`Error::UnknownName`] for a file that is none of these.
pub fn kind(file: &File<'_>) -> Result<Kind> {
    if let Some(t) = Table::of_file(file.name) {
        return Ok(Kind::Table(t));
    }
    if meteo_france::recognises(file.bytes) {
        return Ok(Kind::Weather);
    }
    if meter_file::recognises(file.bytes) {
        return Ok(Kind::Meter);
    }
    Err(Error::UnknownName {
        what: noun!("file"),
        got: file.name.to_owned(),
        expected: "a table named as in the README (`foyers.csv`, `equipes.csv`, `compteurs.csv`, \
                   `defi.csv`…), a Météo-France climatological file (`Q_62_…csv.gz`), a Linky \
                   export of the Enedis customer portal or a Gazpar export of the GRDF one",
        at: Location::in_file(file.name),
    })
}

/// The challenge these files describe, and what each file became.
///
/// # Errors
/// As [`Tables::challenge_data_from_tables`] (a settings table is
/// required); any error reading a Météo-France, Linky or Gazpar file
/// (located at it); [`Error::UnknownName`] for a file of no known kind;
/// [`Error::Duplicate`] for two Météo-France files, or one with a
/// temperatures table; [`Error::InvalidValue`] for a Linky or Gazpar file
/// no household claims, or claimed by a household with several meters of
/// its carrier and no `identifier` column to tell them apart, and for
/// several stations with none named.
///
/// # Example
/// ```
/// use ecodefi::files::set::{challenge_data, File, FileOptions};
/// // The shipped sample: tables, a Météo-France file, Linky and Gazpar
/// // exports, as an organiser's folder holds them.
/// let mut read = Vec::new();
/// for entry in std::fs::read_dir("examples/data/linky-gazpar")? {
///     let path = entry?.path();
///     let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
///     read.push((name, std::fs::read(&path)?));
/// }
/// let files: Vec<File<'_>> = read.iter().map(|(n, b)| File::new(n, b)).collect();
/// let (data, imported) = challenge_data(&files, &FileOptions::default())?;
/// assert_eq!(data.households.len(), 12);
/// assert_eq!(imported.weather.as_ref().map(|w| w.station.number.as_str()), Some("62990101"));
/// assert_eq!(imported.meters.len(), 19);
/// let report = ecodefi::compute(&data)?;
/// assert_eq!(report.energy.map(|e| e.households.len()), Some(12));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn challenge_data(
    files: &[File<'_>],
    options: &FileOptions,
) -> Result<(ChallengeData, Imported)> {
    let mut texts: Vec<(&str, Cow<'_, str>)> = Vec::new();
    let mut weather: Option<WeatherFile> = None;
    let mut meters: Vec<MeterFile> = Vec::new();
    for f in files {
        match kind(f)? {
            Kind::Table(_) => texts.push((f.name, encoding::decode(f.bytes))),
            Kind::Weather => {
                if let Some(w) = &weather {
                    return Err(Error::Duplicate {
                        what: noun!("Météo-France file"),
                        id: format!("`{}` and `{}`", w.name(), f.name),
                        at: Location::in_file(f.name),
                    });
                }
                weather = Some(WeatherFile::read(f.name, f.bytes)?);
            }
            Kind::Meter => meters.push(MeterFile::read(f.name, f.bytes)?),
        }
    }
    let sources: Vec<Source<'_>> = texts.iter().map(|(n, t)| Source::new(n, t)).collect();
    let tables = Tables::from_files(&sources)?;
    let mut imported = Imported::default();
    let mut data = tables.challenge_data_amended(|challenge, columns, inputs| {
        if let Some(w) = &weather {
            imported.weather = Some(temperatures(w, challenge, options, inputs)?);
        }
        for m in &meters {
            imported
                .meters
                .push(attach(m, columns, &mut inputs.households)?);
        }
        Ok(())
    })?;
    if let Some(w) = &imported.weather {
        data.challenge.weather_station = Some(w.station.number.clone());
    }
    Ok((data, imported))
}

/// The station's temperatures over the reference and challenge periods.
fn temperatures(
    file: &WeatherFile,
    challenge: &Challenge,
    options: &FileOptions,
    inputs: &mut Inputs,
) -> Result<WeatherUse> {
    let at = Location::in_file(file.name());
    if inputs.temperatures.is_some() {
        return Err(Error::Duplicate {
            what: noun!("temperatures"),
            id: format!("a temperatures table and `{}`", file.name()),
            at,
        });
    }
    let named = options
        .station
        .as_deref()
        .or(challenge.weather_station.as_deref());
    let station = match (named, file.stations()) {
        (Some(s), _) => file.station(s)?,
        (None, [only]) => only,
        (None, several) => {
            let list: Vec<String> = several
                .iter()
                .map(|s| format!("{} ({})", s.number, s.name))
                .collect();
            let list = list.join(", ");
            return Err(Error::InvalidValue {
                what: noun!("Météo-France station"),
                got: format!("{} stations", several.len()),
                why: msg!(
                    "name the station to take the temperatures from (`station_meteo` in the \
                     settings table): {stations}",
                    stations = list
                ),
                at,
            });
        }
    };
    let (r, c) = (challenge.reference_period, challenge.challenge_period);
    let span = Period::new(r.first().min(c.first()), r.last().max(c.last()))?;
    let t = file.temperatures(&station.number, Some(span), &options.fill)?;
    inputs.temperatures = Some(t.temperatures);
    Ok(WeatherUse {
        file: file.name().to_owned(),
        station: t.station,
        filled: t.filled,
    })
}

/// A delivery point as compared: without spaces (PRMs are often written in
/// groups of digits).
fn point(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The rows of `column` that hold the delivery point `id`.
fn rows_with(column: &[Option<String>], id: &str) -> Vec<usize> {
    column
        .iter()
        .enumerate()
        .filter(|(_, v)| v.as_deref().map(point).as_deref() == Some(id))
        .map(|(i, _)| i)
        .collect()
}

/// Who claims a file: the household, the meter if a meters-table row
/// names it, and how it was matched.
fn claimant(
    file: &MeterFile,
    columns: &Columns,
    households: &[Household],
) -> Result<Option<(String, Option<String>, &'static str)>> {
    let duplicate = |table: &str, id: &str| Error::Duplicate {
        what: noun!("delivery point"),
        id: format!("{id} (in several rows of the {table} table)"),
        at: Location::in_file(&file.name),
    };
    if let Some(id) = file.identifier.as_deref().map(point) {
        if let Some(mc) = &columns.meters {
            match rows_with(&mc.identifier, &id)[..] {
                [] => {}
                [r] => {
                    let (h, m) = (mc.household.get(r), mc.meter.get(r));
                    if let (Some(h), Some(m)) = (h, m) {
                        return Ok(Some((h.clone(), Some(m.clone()), "identifier")));
                    }
                }
                _ => return Err(duplicate("meters", &id)),
            }
        }
        let hc = &columns.households;
        let column = match file.provider {
            Provider::Enedis => &hc.prm,
            Provider::Grdf => &hc.pce,
        };
        match rows_with(column, &id)[..] {
            [] => {}
            [r] => {
                if let Some(h) = hc.household.get(r) {
                    return Ok(Some((h.clone(), None, "identifier")));
                }
            }
            _ => return Err(duplicate("households", &id)),
        }
    }
    // By name: the longest household identifier the file name starts with,
    // followed by a separator.
    let base = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
    let by_name = households
        .iter()
        .map(|h| h.id.as_str())
        .filter(|id| {
            base.strip_prefix(id)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| matches!(c, '_' | '-' | ' ' | '.'))
        })
        .max_by_key(|id| id.len());
    Ok(by_name.map(|h| (h.to_owned(), None, "file_name")))
}

/// The position of the meter a file goes to in its household, and whether
/// it was created for it: the meters table's row, else the household's only
/// meter of the file's carrier, else a new one.
fn meter_of(
    h: &mut Household,
    meter: Option<String>,
    file: &MeterFile,
    at: &Location,
) -> Result<(usize, bool)> {
    if let Some(m) = meter {
        return match h.meters.iter().position(|x| x.id.as_str() == m) {
            Some(i) => Ok((i, false)),
            None => Err(Error::UnknownReference {
                what: noun!("meter"),
                id: m,
                at: Location {
                    household: Some(h.id.to_string()),
                    ..at.clone()
                },
            }),
        };
    }
    let same: Vec<usize> = h
        .meters
        .iter()
        .enumerate()
        .filter(|(_, m)| m.carrier == file.carrier)
        .map(|(i, _)| i)
        .collect();
    match same[..] {
        [i] => Ok((i, false)),
        [] => {
            let id = match file.carrier {
                Carrier::Electricity => "electricite",
                _ => "gaz",
            };
            h.meters.push(Meter::new(
                MeterId::new(id)?,
                file.carrier,
                Unit::Kwh,
                Usage::Mixed,
            ));
            Ok((h.meters.len() - 1, true))
        }
        _ => Err(Error::InvalidValue {
            what: noun!("Linky or Gazpar file"),
            got: file.name.clone(),
            why: msg!(
                "household {household} has several {carrier} meters: give the meters table an \
                 `identifiant` column with each meter's delivery point",
                household = Arg::text(&h.id),
                carrier = Arg::text(file.carrier)
            ),
            at: at.clone(),
        }),
    }
}

/// Gives a file's measurements to the meter that claims it (created when
/// its household has no meter of the file's carrier).
fn attach(
    file: &MeterFile,
    columns: &Columns,
    households: &mut [Household],
) -> Result<AttachedFile> {
    let at = Location::in_file(&file.name);
    let Some((household, meter, matched_by)) = claimant(file, columns, households)? else {
        return Err(Error::InvalidValue {
            what: noun!("Linky or Gazpar file"),
            got: file
                .identifier
                .as_deref()
                .map_or_else(|| file.name.clone(), |id| format!("delivery point {id}")),
            why: msg!(
                "no household claims it: give the households table a `prm` (Linky) or `pce` \
                  (Gazpar) column, or the meters table an `identifiant` column, with this \
                  delivery point; or start the file's name with the household's identifier \
                  (`F07_linky.csv`)"
            ),
            at,
        });
    };
    let Some(h) = households.iter_mut().find(|h| h.id.as_str() == household) else {
        return Err(Error::UnknownReference {
            what: noun!("household"),
            id: household,
            at,
        });
    };
    let (index, created) = meter_of(h, meter, file, &at)?;
    let Some(m) = h.meters.get_mut(index) else {
        return Err(Error::UnknownReference {
            what: noun!("meter"),
            id: String::new(),
            at,
        });
    };
    file.apply_to(m).map_err(|e| {
        e.within(&Location {
            household: Some(household.clone()),
            ..at.clone()
        })
    })?;
    let (first, last) = file.span().unzip();
    Ok(AttachedFile {
        file: file.name.clone(),
        provider: file.provider,
        content: file.content,
        identifier: file.identifier.clone(),
        household,
        meter: m.id.to_string(),
        created,
        matched_by,
        first,
        last,
    })
}
