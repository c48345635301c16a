//! Tabular input: the households, meters, readings and temperatures of a
//! challenge as the spreadsheet tables local organisers keep, read from CSV
//! text or given column by column (e.g. from pandas DataFrames).
//!
//! Two entry points share one assembly:
//! - [`Tables`]: CSV texts, each with the file name that errors will cite
//!   (a file's bytes become text with [`encoding::decode`]).
//!   Each text is read ([`csv`]), its header matched to the table's
//!   documented columns ([`columns`]), its cells parsed ([`value`]: decimal
//!   point or comma, ISO or French dates, French names of carriers…) into
//!   [`Columns`].
//! - [`Columns`]: typed columns, one `Vec` per column, for bindings that
//!   already hold typed data. Errors then name the table and the row (from
//!   0) instead of the file and the line.
//!
//! Then [`Columns::assemble`] checks every reference (a reading's household
//! and meter exist, a household's team exists…) and builds the core's
//! [`Household`]s, [`Team`]s and [`Temperatures`]. Nothing is skipped in
//! silence: a row that refers to an unknown household or meter is an error,
//! and so is a column no table documents. A blank row (every cell empty, as
//! spreadsheets export trailing rows) is not data and is ignored.
//! [`Tables::challenge_data`] (or [`Columns::challenge_data`]) adds the
//! challenge's JSON settings and gives the whole
//! [`ChallengeData`]; [`Tables::challenge_data_from_tables`] reads the
//! settings from one more table instead ([`Table::Settings`], `defi.csv`:
//! one `parametre;valeur` row per setting), with no JSON at all;
//! [`write`](mod@write) turns results (and inputs) back into CSV.
//!
//! Every error is an [`Error`](crate::Error) whose [`Location`](crate::Location) names the
//! file (or table), the line (from 1, the header being line 1; or the row
//! index from 0 for columns) and the column as written in the header.
//!
//! # Example
//! ```
//! use ecodefi::table::{Source, Tables};
//! let households = "foyer;equipe;adultes;ages_enfants\nF1;Les Lucioles;2;8 12\n";
//! let meters = "foyer;compteur;energie;unite;usage\nF1;gaz;gaz;m3;mixte\n";
//! let readings = "foyer;compteur;date;valeur\nF1;gaz;01/12/2025;1 234,5\nF1;gaz;15/12/2025;1 301\n";
//! let mut tables = Tables::new(Source::new("foyers.csv", households));
//! tables.meters = Some(Source::new("compteurs.csv", meters));
//! tables.readings = Some(Source::new("releves.csv", readings));
//! let inputs = tables.read()?;
//! assert_eq!(inputs.households[0].meters[0].readings.len(), 2);
//! assert_eq!(inputs.teams[0].id.as_str(), "Les Lucioles");
//!
//! // The same with a mistake: the error names the file, line and column.
//! tables.readings = Some(Source::new("releves.csv", "foyer;compteur;date;valeur\nF1;gaz;01/12/2025;12,3,4\n"));
//! let e = tables.read().unwrap_err();
//! assert!(e.to_string().ends_with("at file `releves.csv`, line 2, column `valeur`"), "{e}");
//! # Ok::<(), ecodefi::Error>(())
//! ```

mod assemble;
pub mod columns;
pub mod csv;
pub mod encoding;
mod read;
mod settings;
mod settings_table;
pub mod value;
pub mod write;

use crate::date::Date;
use rust_decimal::Decimal;

use crate::challenge::Team;
use crate::data::ChallengeData;
use crate::error::Result;
use crate::household::Household;
use crate::weather::Temperatures;
use crate::{msg, noun};

pub use columns::{Column, Header, Table};
pub use csv::Delimiter;

/// One CSV text and the name errors will cite (a file name such as
/// `releves.csv`, or any label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source<'a> {
    /// The name cited in errors.
    pub name: &'a str,
    /// The CSV text, with a header line.
    pub text: &'a str,
}

impl<'a> Source<'a> {
    /// A named CSV text.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Source { name, text }
    }
}

/// A challenge's tables as CSV texts. Only the households table is
/// required; see the README section "Spreadsheet (CSV) format" for every
/// table and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tables<'a> {
    /// Households: `household, team, adults[, children_ages, surface]`.
    pub households: Source<'a>,
    /// Teams: `team[, name, captain]`; without it, teams are the distinct
    /// `team` values of the households, named by their identifier.
    pub teams: Option<Source<'a>>,
    /// Meters: `household, meter, carrier, unit, usage[, kwh_per_unit,
    /// basis, heating_share]`.
    pub meters: Option<Source<'a>>,
    /// Index readings: `household, meter, date, value`.
    pub readings: Option<Source<'a>>,
    /// Meter replacements and rollovers: `household, meter, date, kind[,
    /// old_final, new_initial, modulus]`.
    pub events: Option<Source<'a>>,
    /// Bills: `household, meter, first, last, quantity`.
    pub bills: Option<Source<'a>>,
    /// Deliveries of stored fuels: `household, meter, date, quantity`.
    pub deliveries: Option<Source<'a>>,
    /// Stock estimates: `household, meter, date, quantity`.
    pub stock: Option<Source<'a>>,
    /// Changes of occupants: `household, from, adults[, children_ages]`.
    pub presence: Option<Source<'a>>,
    /// Daily temperatures: `date, tn, tx`.
    pub temperatures: Option<Source<'a>>,
    /// Weighings of the households' waste (*pesées*): `household, date,
    /// stream, kg`.
    pub weighings: Option<Source<'a>>,
    /// Food purchases recorded in surveys (*achats*): `household, date,
    /// amount, organic, local, channel, meals, persons`.
    pub purchases: Option<Source<'a>>,
    /// Trips or weekly diary lines (*déplacements*): `household, date,
    /// mode, km[, trips]`.
    pub trips: Option<Source<'a>>,
    /// The challenge's settings: `setting, value`, one row per setting
    /// (`nom`, `territoire`, `debut_defi`, `objectif`…), read by
    /// [`Tables::challenge_data_from_tables`] only.
    pub settings: Option<Source<'a>>,
}

impl<'a> Tables<'a> {
    /// The households table alone; set the other fields as needed.
    pub fn new(households: Source<'a>) -> Self {
        Tables {
            households,
            teams: None,
            meters: None,
            readings: None,
            events: None,
            bills: None,
            deliveries: None,
            stock: None,
            presence: None,
            temperatures: None,
            weighings: None,
            purchases: None,
            trips: None,
            settings: None,
        }
    }

    /// The tables of named files, each file's table known by its name (see
    /// [`Table::of_file`]: `foyers.csv` or `households.csv`,
    /// `releves.csv` or `readings.csv`…, and `defi.csv` or `settings.csv`
    /// for the settings table).
    ///
    /// # Errors
    /// [`Error::UnknownName`](crate::Error::UnknownName) for a file name
    /// that names no table, [`Error::Duplicate`](crate::Error::Duplicate)
    /// for two files of one table, and
    /// [`Error::InsufficientData`](crate::Error::InsufficientData) without
    /// a households file.
    ///
    /// # Example
    /// ```
    /// use ecodefi::table::{Source, Tables};
    /// let files = [
    ///     Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"),
    ///     Source::new("compteurs.csv", "foyer;compteur;energie;unite;usage\nF1;gaz;gaz;m3;mixte\n"),
    /// ];
    /// let inputs = Tables::from_files(&files)?.read()?;
    /// assert_eq!(inputs.households[0].meters.len(), 1);
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn from_files(files: &[Source<'a>]) -> Result<Self> {
        let mut found: [Option<Source<'a>>; 14] = [None; 14];
        for f in files {
            let Some(table) = Table::of_file(f.name) else {
                return Err(crate::Error::UnknownName {
                    what: noun!("table file"),
                    got: f.name.to_owned(),
                    expected: "households (foyers), teams (equipes), meters (compteurs), readings \
                               (releves), events (evenements), bills (factures), deliveries \
                               (livraisons), stock (stocks), presence (presences), temperatures, \
                               weighings (pesees), purchases (achats), trips (deplacements), \
                               settings (defi, parametres), each with an extension such as \
                               `.csv`",
                    at: crate::Location::in_file(f.name),
                });
            };
            let i = Table::ALL.iter().position(|t| *t == table).unwrap_or(0);
            if let Some(slot) = found.get_mut(i) {
                if let Some(first) = slot {
                    return Err(crate::Error::Duplicate {
                        what: noun!("table file"),
                        id: format!("{table} (`{}` and `{}`)", first.name, f.name),
                        at: crate::Location::in_file(f.name),
                    });
                }
                *slot = Some(*f);
            }
        }
        let [households, teams, meters, readings, events, bills, deliveries, stock, presence, temperatures, weighings, purchases, trips, settings] =
            found;
        let Some(households) = households else {
            return Err(crate::Error::InsufficientData {
                why: msg!("no households file (`households.csv` or `foyers.csv`)"),
                at: crate::Location::in_file("foyers.csv"),
            });
        };
        Ok(Tables {
            households,
            teams,
            meters,
            readings,
            events,
            bills,
            deliveries,
            stock,
            presence,
            temperatures,
            weighings,
            purchases,
            trips,
            settings,
        })
    }

    /// Reads every table but the settings into typed columns, without
    /// assembling them.
    ///
    /// # Errors
    /// As [`Tables::read`], for the problems of one table alone (syntax,
    /// header, cell values).
    pub fn to_columns(&self) -> Result<Columns> {
        read::tables(self).map(|(columns, _)| columns)
    }

    /// Reads and assembles the tables of households, meters, measurements
    /// and temperatures (the settings table is read by
    /// [`Tables::challenge_data_from_tables`]).
    ///
    /// # Errors
    /// Located at the file, line and column: [`Error::InvalidValue`] for CSV
    /// syntax (an unclosed quote), a row with more fields than the header, a
    /// missing required column or cell, a cell that cannot be read (see
    /// [`value`]) or a value out of range; [`Error::UnknownName`] for an
    /// unknown column or carrier, unit, usage…; [`Error::Duplicate`] for a
    /// household, meter or team given twice; [`Error::UnknownReference`]
    /// for a row referring to a household, meter or team that does not
    /// exist.
    ///
    /// [`Error::InvalidValue`]: crate::Error::InvalidValue
    /// [`Error::UnknownName`]: crate::Error::UnknownName
    /// [`Error::Duplicate`]: crate::Error::Duplicate
    /// [`Error::UnknownReference`]: crate::Error::UnknownReference
    pub fn read(&self) -> Result<Inputs> {
        let (columns, origins) = read::tables(self)?;
        assemble::assemble(&columns, &origins)
    }

    /// A whole challenge document: its settings as JSON (a
    /// [`ChallengeData`] document without `households` and
    /// `temperatures`, and with `challenge.teams` only if there is no teams
    /// table), the rest from the tables.
    ///
    /// # Errors
    /// As [`Tables::read`]; [`Error::Json`](crate::Error::Json) or
    /// [`Error::SchemaVersion`](crate::Error::SchemaVersion) for the
    /// settings; [`Error::InvalidValue`](crate::Error::InvalidValue) when
    /// the settings hold households or temperatures, or teams while a teams
    /// table is given, and when a settings table is given too (two sets of
    /// settings: keep one); any error of [`ChallengeData::validate`].
    pub fn challenge_data(&self, settings: &str) -> Result<ChallengeData> {
        if let Some(table) = self.settings {
            return Err(crate::Error::InvalidValue {
                what: noun!("settings"),
                got: format!("`{}` and JSON settings", table.name),
                why: msg!(
                    "the settings are given twice, as a settings table and as JSON: keep one \
                     (a settings table goes with `Tables::challenge_data_from_tables`)"
                ),
                at: crate::Location::in_file(table.name),
            });
        }
        settings::challenge_data(settings, self.read()?, self.teams.is_some())
    }

    /// A whole challenge document from the tables alone: the settings from
    /// the settings table ([`Tables::settings`], e.g. `defi.csv`), the
    /// households, meters, measurements and temperatures from theirs, the
    /// teams from the teams table (or the distinct teams of the households
    /// table), exactly as [`Tables::challenge_data`] does with JSON
    /// settings; then [`ChallengeData::validate`].
    ///
    /// The settings table has two columns, `setting` (`parametre`, `cle`)
    /// and `value` (`valeur`), and one row per setting; keys and values
    /// are listed in the README section "Spreadsheet (CSV) format". Required:
    /// `nom` (`name`), `territoire` (`territory`), `organisateur`
    /// (`organiser_kind`), `debut_reference`, `fin_reference`, `debut_defi`,
    /// `fin_defi` (`reference_first`, `reference_last`, `challenge_first`,
    /// `challenge_last`). Optional, with their defaults: `themes`
    /// (energy), `objectif` (`objective`, 8 %) and the energy options.
    ///
    /// This path uses no JSON deserialisation: the values are built
    /// directly, for small WebAssembly builds.
    ///
    /// # Errors
    /// [`Error::InsufficientData`] without a settings table; as
    /// [`Tables::read`] for the settings table's own syntax, header and
    /// cells, and for the other tables; located at the settings table's
    /// file, line and column: [`Error::UnknownName`] for an unknown key or
    /// an unknown name in a value (organiser, theme, correction…),
    /// [`Error::Duplicate`] for a key given twice (under any of its names)
    /// or a theme listed twice, [`Error::InvalidValue`] for a value that
    /// cannot be read (a date, a ratio, an objective outside [0, 1)…), a
    /// period whose last day is before its first and, at the file and the
    /// key column, a missing required key; any error of
    /// [`ChallengeData::validate`].
    ///
    /// [`Error::InsufficientData`]: crate::Error::InsufficientData
    /// [`Error::UnknownName`]: crate::Error::UnknownName
    /// [`Error::Duplicate`]: crate::Error::Duplicate
    /// [`Error::InvalidValue`]: crate::Error::InvalidValue
    ///
    /// # Example
    /// ```
    /// use ecodefi::table::{Source, Tables};
    /// let defi = "parametre;valeur\n\
    ///             nom;Défi des Lucioles\n\
    ///             territoire;Lille\n\
    ///             organisateur;association\n\
    ///             debut_reference;01/12/2024\n\
    ///             fin_reference;30/04/2025\n\
    ///             debut_defi;01/12/2025\n\
    ///             fin_defi;30/04/2026\n\
    ///             objectif;10 %\n";
    /// let files = [
    ///     Source::new("foyers.csv", "foyer;equipe;adultes\nF1;Les Lucioles;2\n"),
    ///     Source::new("defi.csv", defi),
    /// ];
    /// let data = Tables::from_files(&files)?.challenge_data_from_tables()?;
    /// assert_eq!(data.challenge.name, "Défi des Lucioles");
    /// assert_eq!(data.challenge.objective.to_string(), "10 %");
    /// assert_eq!(data.challenge.teams[0].id.as_str(), "Les Lucioles");
    ///
    /// // A mistake is located at the file, line and column.
    /// let wrong = defi.replace("30/04/2026", "31/04/2026");
    /// let files = [files[0], Source::new("defi.csv", &wrong)];
    /// let e = Tables::from_files(&files)?.challenge_data_from_tables().unwrap_err();
    /// assert!(e.to_string().ends_with("at file `defi.csv`, line 8, column `valeur`"), "{e}");
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn challenge_data_from_tables(&self) -> Result<ChallengeData> {
        let Some(source) = self.settings else {
            return Err(crate::Error::InsufficientData {
                why: msg!(
                    "no settings table: give the challenge's settings in a file named \
                     `defi.csv`, `parametres.csv` or `settings.csv` (any extension), or \
                     as JSON with `Tables::challenge_data`"
                ),
                at: crate::Location::in_file("defi.csv"),
            });
        };
        let settings = settings_table::read(source)?;
        settings_table::challenge_data(settings, self.read()?)
    }

    /// As [`Tables::challenge_data_from_tables`], with `amend` given the
    /// settings' challenge and the tables' columns to change what the
    /// tables assembled before the whole is checked (the Météo-France,
    /// Linky and Gazpar files of [`crate::files::set`]).
    #[cfg(feature = "files")]
    pub(crate) fn challenge_data_amended(
        &self,
        amend: impl FnOnce(&crate::Challenge, &Columns, &mut Inputs) -> Result<()>,
    ) -> Result<ChallengeData> {
        let Some(source) = self.settings else {
            return self.challenge_data_from_tables();
        };
        let settings = settings_table::read(source)?;
        let (columns, origins) = read::tables(self)?;
        let mut inputs = assemble::assemble(&columns, &origins)?;
        amend(&settings.challenge, &columns, &mut inputs)?;
        settings_table::challenge_data(settings, inputs)
    }
}

/// What the tables give the core.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Inputs {
    /// The households, in the order of the households table, each with its
    /// meters (in the order of the meters table) and their measurements (in
    /// the order of their tables).
    pub households: Vec<Household>,
    /// The teams, in the order of the teams table (or of first appearance
    /// in the households table).
    pub teams: Vec<Team>,
    /// The daily temperatures, if a temperatures table was given.
    pub temperatures: Option<Temperatures>,
}

/// The households table as columns (one entry per row in each `Vec`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Team identifiers.
    pub team: Vec<String>,
    /// Numbers of adults.
    pub adults: Vec<u16>,
    /// Children's ages, space-separated (`"8 12"`, `""` for none). Optional:
    /// an empty `Vec` means the column is absent.
    #[serde(default)]
    pub children_ages: Vec<String>,
    /// Heated surfaces in m². Optional: an empty `Vec` means absent.
    #[serde(default)]
    pub surface: Vec<Option<Decimal>>,
    /// Electricity delivery points (PRM), which tell whose a Linky export
    /// is ([`crate::files`]). Optional.
    #[serde(default)]
    pub prm: Vec<Option<String>>,
    /// Gas delivery points (PCE), which tell whose a Gazpar export is.
    /// Optional.
    #[serde(default)]
    pub pce: Vec<Option<String>>,
}

/// The teams table as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamColumns {
    /// Team identifiers.
    pub team: Vec<String>,
    /// Display names (the identifier when `None`). Optional.
    #[serde(default)]
    pub name: Vec<Option<String>>,
    /// Captains' household identifiers. Optional.
    #[serde(default)]
    pub captain: Vec<Option<String>>,
}

/// The meters table as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeterColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Meter identifiers (unique within a household).
    pub meter: Vec<String>,
    /// Carriers, by name or French alias ([`value::carrier`]), or `water`
    /// (`eau`) for a water meter ([`value::is_water`]).
    pub carrier: Vec<String>,
    /// Units ([`value::unit`]).
    pub unit: Vec<String>,
    /// Usages ([`value::usage`]); blank for a water meter. Optional (an
    /// empty `Vec`: absent) when every meter is a water meter.
    #[serde(default)]
    pub usage: Vec<String>,
    /// Conversion coefficients, kWh per unit. Optional.
    #[serde(default)]
    pub kwh_per_unit: Vec<Option<Decimal>>,
    /// Bases of the coefficients, `pci` or `pcs`. Optional.
    #[serde(default)]
    pub basis: Vec<Option<String>>,
    /// Known heating shares, as fractions. Optional.
    #[serde(default)]
    pub heating_share: Vec<Option<Decimal>>,
    /// Delivery points (PRM, PCE), which tell whose a Linky or Gazpar
    /// export is ([`crate::files`]). Optional.
    #[serde(default)]
    pub identifier: Vec<Option<String>>,
}

/// The readings table as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Meter identifiers.
    pub meter: Vec<String>,
    /// Days of the readings.
    pub date: Vec<Date>,
    /// Indexes, in the meter's unit.
    pub value: Vec<Decimal>,
}

/// The events table (meter replacements and rollovers) as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Meter identifiers.
    pub meter: Vec<String>,
    /// Days of the events.
    pub date: Vec<Date>,
    /// Kinds, `replacement` or `rollover` ([`value::event_kind`]).
    pub kind: Vec<String>,
    /// For a replacement, the old meter's last index. Optional.
    #[serde(default)]
    pub old_final: Vec<Option<Decimal>>,
    /// For a replacement, the new meter's first index. Optional.
    #[serde(default)]
    pub new_initial: Vec<Option<Decimal>>,
    /// For a rollover, the modulus. Optional.
    #[serde(default)]
    pub modulus: Vec<Option<Decimal>>,
}

/// The bills table as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Meter identifiers.
    pub meter: Vec<String>,
    /// First days billed.
    pub first: Vec<Date>,
    /// Last days billed (included).
    pub last: Vec<Date>,
    /// Quantities, in the meter's unit.
    pub quantity: Vec<Decimal>,
}

/// The deliveries or stock table as columns: a dated quantity per row.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Meter identifiers.
    pub meter: Vec<String>,
    /// Days.
    pub date: Vec<Date>,
    /// Quantities, in the meter's unit.
    pub quantity: Vec<Decimal>,
}

/// The presence table (changes of occupants) as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// First days with the new occupants.
    pub from: Vec<Date>,
    /// Numbers of adults from that day.
    pub adults: Vec<u16>,
    /// Children's ages from that day, space-separated. Optional.
    #[serde(default)]
    pub children_ages: Vec<String>,
}

/// The temperatures table as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemperatureColumns {
    /// Days, consecutive and in order.
    pub date: Vec<Date>,
    /// Minimum temperatures, °C.
    pub tn: Vec<Decimal>,
    /// Maximum temperatures, °C.
    pub tx: Vec<Decimal>,
}

/// The weighings table (*pesées*) as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeighingColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Days of the weighings.
    pub date: Vec<Date>,
    /// Waste streams, by name or French alias ([`value::stream`]).
    pub stream: Vec<String>,
    /// Masses, kg.
    pub kg: Vec<Decimal>,
}

/// The purchases table (*achats*) as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Days of the purchases.
    pub date: Vec<Date>,
    /// Amounts paid, €.
    pub amount: Vec<Decimal>,
    /// Whether organic.
    pub organic: Vec<bool>,
    /// Whether local.
    pub local: Vec<bool>,
    /// Channels, by name or French alias ([`value::channel`]).
    pub channel: Vec<String>,
    /// Meals fed.
    pub meals: Vec<u32>,
    /// Persons at those meals.
    pub persons: Vec<u32>,
}

/// The trips table (*déplacements*) as columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TripColumns {
    /// Household identifiers.
    pub household: Vec<String>,
    /// Days of the trips (or of their diary week).
    pub date: Vec<Date>,
    /// Modes, by name or French alias ([`value::mode`]).
    pub mode: Vec<String>,
    /// Person-km.
    pub km: Vec<Decimal>,
    /// Trips each line stands for (1 when `None`). Optional.
    #[serde(default)]
    pub trips: Vec<Option<u32>>,
}

/// A challenge's tables as typed columns: the entry point for bindings
/// that hold typed data (e.g. pandas DataFrames). Errors name the table
/// (`readings`…), the row (from 0) and the column's English name.
///
/// Its serde form (tables and columns by their English names, decimals as
/// strings, dates `2025-12-01`, a blank optional cell `null`, an absent
/// optional column or table left out) is the one of the conformance
/// vectors `tests/vectors/table/columns.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The households table.
    pub households: HouseholdColumns,
    /// The teams table, if any.
    pub teams: Option<TeamColumns>,
    /// The meters table, if any.
    pub meters: Option<MeterColumns>,
    /// The readings table, if any.
    pub readings: Option<ReadingColumns>,
    /// The events table, if any.
    pub events: Option<EventColumns>,
    /// The bills table, if any.
    pub bills: Option<BillColumns>,
    /// The deliveries table, if any.
    pub deliveries: Option<QuantityColumns>,
    /// The stock table, if any.
    pub stock: Option<QuantityColumns>,
    /// The presence table, if any.
    pub presence: Option<PresenceColumns>,
    /// The temperatures table, if any.
    pub temperatures: Option<TemperatureColumns>,
    /// The weighings table, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighings: Option<WeighingColumns>,
    /// The purchases table, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchases: Option<PurchaseColumns>,
    /// The trips table, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trips: Option<TripColumns>,
}

impl Columns {
    /// Checks the columns (equal lengths, values, references) and builds
    /// the core's inputs.
    ///
    /// # Errors
    /// As [`Tables::read`], located by table name, row index (from 0) and
    /// column name; also [`Error::InvalidValue`](crate::Error::InvalidValue)
    /// when a column's length differs from its table's row count (an
    /// optional column may also be empty: absent).
    pub fn assemble(&self) -> Result<Inputs> {
        assemble::assemble(self, &assemble::Origins::default())
    }

    /// A whole challenge document from its settings (JSON) and these
    /// columns, as [`Tables::challenge_data`].
    ///
    /// # Errors
    /// As [`Tables::challenge_data`].
    pub fn challenge_data(&self, settings: &str) -> Result<ChallengeData> {
        settings::challenge_data(settings, self.assemble()?, self.teams.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "themes")]
    use crate::waste::{Stream, Weighing};

    #[cfg(feature = "themes")]
    #[test]
    fn weighings_are_read_with_their_french_names() {
        let mut t = Tables::new(Source::new(
            "foyers.csv",
            "foyer;equipe;adultes\nSA01;Les Glaneurs;2\nSA02;Les Glaneurs;1\n",
        ));
        t.weighings = Some(Source::new(
            "pesées.csv",
            "Foyer;Date;Flux;Poids\n\
             SA01;03/11/2025;Ordures ménagères;4,2\n\
             SA01;03/11/2025;emballages;1,35\n\
             SA02;2025-11-05;OMR;0\n\
             SA01;05/11/2025;Verre;2\n\
             SA02;06/11/2025;bio-déchets;0,8\n",
        ));
        let households = t.read().unwrap().households;
        let w = |d: &str, stream, kg: &str| Weighing {
            date: d.parse().unwrap(),
            stream,
            kg: crate::Kg::new(kg.parse().unwrap()),
        };
        assert_eq!(
            households[0].weighings,
            [
                w("2025-11-03", Stream::Residual, "4.2"),
                w("2025-11-03", Stream::Packaging, "1.35"),
                w("2025-11-05", Stream::Glass, "2"),
            ]
        );
        assert_eq!(
            households[1].weighings,
            [
                w("2025-11-05", Stream::Residual, "0"),
                w("2025-11-06", Stream::Biowaste, "0.8"),
            ]
        );
        // The file is known by its French name, with or without accent.
        assert_eq!(Table::of_file("Pesees.CSV"), Some(Table::Weighings));
    }

    /// The zero-waste sample's spreadsheet files are the waste sample's
    /// JSON document, as an organiser keeps it.
    #[cfg(feature = "themes")]
    #[test]
    fn the_zero_waste_sheets_are_the_waste_sample() {
        macro_rules! file {
            ($f:literal) => {
                Source::new(
                    $f,
                    include_str!(concat!("../../examples/data/zero-dechet/", $f)),
                )
            };
        }
        let files = [
            file!("defi.csv"),
            file!("equipes.csv"),
            file!("foyers.csv"),
            file!("pesees.csv"),
            file!("presences.csv"),
        ];
        let data = Tables::from_files(&files)
            .unwrap()
            .challenge_data_from_tables()
            .unwrap();
        let json = include_str!("../../examples/data/waste/challenge.json");
        assert_eq!(data, ChallengeData::from_json(json).unwrap());
        assert_eq!(data.households.len(), 60);
    }

    #[cfg(feature = "themes")]
    #[test]
    fn water_meters_are_rows_of_the_meters_table() {
        let mut t = Tables::new(Source::new(
            "foyers.csv",
            "foyer;equipe;adultes\nF1;t;2\nF2;t;1\n",
        ));
        t.meters = Some(Source::new(
            "compteurs.csv",
            "foyer;compteur;energie;unite;usage\nF1;gaz;gaz;m3;mixte\nF1;eau;Eau;m³;\nF2;e;water;litres;\n",
        ));
        t.readings = Some(Source::new(
            "releves.csv",
            "foyer;compteur;date;index\nF1;eau;01/03/2025;123,456\nF1;gaz;01/03/2025;10\nF1;eau;01/04/2025;127,5\n",
        ));
        t.bills = Some(Source::new(
            "factures.csv",
            "foyer;compteur;debut;fin;quantite\nF2;e;01/03/2025;31/03/2025;4 200\n",
        ));
        let hs = t.read().unwrap().households;
        assert_eq!(hs[0].meters.len(), 1);
        assert_eq!(hs[0].meters[0].readings.len(), 1);
        let w = &hs[0].water_meters[0];
        assert_eq!(
            (w.id.as_str(), w.unit),
            ("eau", crate::water::WaterUnit::M3)
        );
        let values: Vec<Decimal> = w.readings.iter().map(|r| r.value).collect();
        assert_eq!(values, [Decimal::new(123_456, 3), Decimal::new(1275, 1)]);
        let w = &hs[1].water_meters[0];
        assert_eq!(w.unit, crate::water::WaterUnit::L);
        assert_eq!(w.bills[0].quantity, Decimal::new(4200, 0));
        // Without a usage column, every meter is a water meter.
        t.meters = Some(Source::new(
            "compteurs.csv",
            "foyer;compteur;energie;unite\nF1;eau;eau;m3\nF1;gaz;eau;m3\nF2;e;eau;l\n",
        ));
        assert_eq!(t.read().unwrap().households[0].water_meters.len(), 2);
    }

    #[cfg(feature = "themes")]
    #[test]
    fn water_meter_errors_are_located() {
        let check =
            |meters: &str, more: Option<(&'static str, &'static str)>, line, column: &str| {
                let mut t =
                    Tables::new(Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"));
                let text = format!("foyer;compteur;energie;unite;usage;coefficient;base\n{meters}");
                t.meters = Some(Source::new("compteurs.csv", &text));
                let file = match more {
                    Some((name, text)) => {
                        t.deliveries = Some(Source::new(name, text));
                        name
                    }
                    None => "compteurs.csv",
                };
                let e = t.read().unwrap_err();
                let at = e.location().unwrap();
                assert_eq!(at.file.as_deref(), Some(file), "{e}");
                assert_eq!(at.line, Some(line), "{e}");
                assert_eq!(at.column.as_deref(), Some(column), "{e}");
                e.code()
            };
        // Energy columns on a water meter, a unit water has not.
        assert_eq!(
            check("F1;eau;eau;m3;mixte;;\n", None, 2, "usage"),
            "invalid_value"
        );
        assert_eq!(
            check("F1;eau;eau;m3;;10;pcs\n", None, 2, "coefficient"),
            "invalid_value"
        );
        assert_eq!(
            check("F1;eau;eau;kwh;;;\n", None, 2, "unite"),
            "unknown_name"
        );
        // An energy meter needs its usage; one identifier for two meters.
        assert_eq!(
            check("F1;gaz;gaz;m3;;;\n", None, 2, "usage"),
            "invalid_value"
        );
        assert_eq!(
            check("F1;x;gaz;m3;mixte;;\nF1;x;eau;m3;;;\n", None, 3, "compteur"),
            "duplicate"
        );
        // Deliveries are for stored fuels.
        let deliveries = "foyer;compteur;date;quantite\nF1;eau;01/03/2025;3\n";
        assert_eq!(
            check(
                "F1;eau;eau;m3;;;\n",
                Some(("livraisons.csv", deliveries)),
                2,
                "compteur"
            ),
            "invalid_value"
        );
    }

    /// Every theme sample's inputs, written as tables, read back the same.
    #[cfg(feature = "themes")]
    #[test]
    fn theme_samples_round_trip_through_the_tables() {
        for json in [
            include_str!("../../examples/data/water/challenge.json"),
            include_str!("../../examples/data/waste/challenge.json"),
            include_str!("../../examples/data/food/challenge.json"),
            include_str!("../../examples/data/mobility/challenge.json"),
        ] {
            let data = ChallengeData::from_json(json).unwrap();
            for style in [write::CsvStyle::FRENCH, write::CsvStyle::ENGLISH] {
                let texts = write::input_tables(
                    &data.households,
                    &data.challenge.teams,
                    data.temperatures.as_ref(),
                    style,
                );
                let back = texts.as_tables().read().unwrap();
                assert_eq!(back.households, data.households);
            }
        }
    }

    /// The Déclics sample: energy, water and waste from one set of
    /// spreadsheet files, with the problems its generator put in.
    #[test]
    #[cfg(feature = "themes")]
    fn the_declics_sheets_compute_every_theme() {
        use crate::challenge::Theme;
        use crate::exclusion::ExclusionCode;
        macro_rules! file {
            ($f:literal) => {
                Source::new(
                    $f,
                    include_str!(concat!("../../examples/data/declics/", $f)),
                )
            };
        }
        let files = [
            file!("compteurs.csv"),
            file!("defi.csv"),
            file!("equipes.csv"),
            file!("foyers.csv"),
            file!("livraisons.csv"),
            file!("pesees.csv"),
            file!("releves.csv"),
            file!("stocks.csv"),
            file!("températures.csv"),
        ];
        let data = Tables::from_files(&files)
            .unwrap()
            .challenge_data_from_tables()
            .unwrap();
        let report = crate::compute(&data).unwrap();
        let sections = report.sections();
        let themes: Vec<Theme> = sections.iter().map(|s| s.theme()).collect();
        assert_eq!(themes, [Theme::Energy, Theme::Water, Theme::Waste]);
        let excluded = |i: usize| -> Vec<(String, ExclusionCode)> {
            sections[i]
                .households()
                .iter()
                .flat_map(|h| {
                    h.exclusions
                        .iter()
                        .map(|e| (h.household.to_string(), e.code))
                })
                .collect()
        };
        assert!(sections.iter().all(|s| s.households().len() == 24));
        assert_eq!(excluded(1), [("F00007".to_owned(), ExclusionCode::NoMeter)]);
        assert_eq!(excluded(2), [("F00012".to_owned(), ExclusionCode::NoData)]);
        let waste = data.options.waste.reference_period.unwrap();
        assert_eq!(
            (waste.first().to_string(), waste.days()),
            ("2025-11-03".into(), 28)
        );
    }

    #[cfg(feature = "themes")]
    #[test]
    fn purchases_and_trips_are_read_with_their_french_names() {
        use crate::mobility::Mode;
        let mut t = Tables::new(Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"));
        t.purchases = Some(Source::new(
            "achats.csv",
            "foyer;date;montant;bio;local;circuit;repas;personnes\n\
             F1;02/12/2025;12,40;oui;non;Marché;3;2\n\
             F1;03/12/2025;5;non;oui;AMAP;1;4\n",
        ));
        t.trips = Some(Source::new(
            "déplacements.csv",
            "foyer;semaine;mode;distance;trajets\n\
             F1;06/10/2025;voiture;84,5;10\n\
             F1;06/10/2025;vélo;12;\n\
             F1;07/10/2025;TER;60;2\n",
        ));
        let h = &t.read().unwrap().households[0];
        let p = &h.food_purchases;
        assert_eq!(p.len(), 2);
        assert_eq!(
            (
                p[0].amount,
                p[0].organic,
                p[0].local,
                p[0].channel,
                p[0].meals,
                p[0].persons
            ),
            (
                crate::Euros::new(Decimal::new(1240, 2)),
                true,
                false,
                crate::food::Channel::Market,
                3,
                2
            )
        );
        assert_eq!(p[1].channel, crate::food::Channel::Producer);
        let modes: Vec<_> = h.trips.iter().map(|t| (t.mode, t.km, t.trips)).collect();
        assert_eq!(
            modes,
            [
                (Mode::CarAlone, crate::Km::new(Decimal::new(845, 1)), 10),
                (Mode::Bike, crate::Km::new(Decimal::new(12, 0)), 1),
                (Mode::RegionalTrain, crate::Km::new(Decimal::new(60, 0)), 2),
            ]
        );
    }

    #[cfg(feature = "themes")]
    #[test]
    fn purchase_and_trip_errors_are_located() {
        let check = |table: &'static str, text: &str, code: &str, line: usize, column: &str| {
            let mut t = Tables::new(Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"));
            let src = Some(Source::new(table, text));
            if table == "achats.csv" {
                t.purchases = src;
            } else {
                t.trips = src;
            }
            let e = t.read().unwrap_err();
            assert_eq!(e.code(), code, "{e}");
            let at = e.location().unwrap();
            assert_eq!(
                (at.file.as_deref(), at.line, at.column.as_deref()),
                (Some(table), Some(line), Some(column)),
                "{e}"
            );
        };
        let achats = "foyer;date;montant;bio;local;circuit;repas;personnes\n";
        check(
            "achats.csv",
            &format!("{achats}F1;02/12/2025;-3;oui;non;marché;3;2\n"),
            "invalid_value",
            2,
            "montant",
        );
        check(
            "achats.csv",
            &format!("{achats}F1;02/12/2025;3;peut-être;non;marché;3;2\n"),
            "invalid_value",
            2,
            "bio",
        );
        check(
            "achats.csv",
            &format!("{achats}F1;02/12/2025;3;oui;non;troc;3;2\n"),
            "unknown_name",
            2,
            "circuit",
        );
        check(
            "achats.csv",
            &format!("{achats}F9;02/12/2025;3;oui;non;marché;3;2\n"),
            "unknown_reference",
            2,
            "foyer",
        );
        let trajets = "foyer;date;mode;km;trajets\n";
        check(
            "deplacements.csv",
            &format!("{trajets}F1;06/10/2025;téléportation;3;1\n"),
            "unknown_name",
            2,
            "mode",
        );
        check(
            "deplacements.csv",
            &format!("{trajets}F1;06/10/2025;vélo;3;0\n"),
            "invalid_value",
            2,
            "trajets",
        );
        check(
            "deplacements.csv",
            &format!("{trajets}F1;06/10/2025;vélo;-3;1\n"),
            "invalid_value",
            2,
            "km",
        );
    }

    #[cfg(feature = "themes")]
    #[test]
    fn weighing_errors_name_file_line_and_column() {
        let check = |rows: &str, code: &str, line: usize, column: &str| {
            let mut t = Tables::new(Source::new(
                "foyers.csv",
                "foyer;equipe;adultes\nSA01;t;2\n",
            ));
            let text = format!("foyer;date;flux;kg\nSA01;03/11/2025;omr;4\n{rows}");
            t.weighings = Some(Source::new("pesees.csv", &text));
            let e = t.read().unwrap_err();
            assert_eq!(e.code(), code, "{e}");
            let at = e.location().unwrap();
            assert_eq!(at.file.as_deref(), Some("pesees.csv"), "{e}");
            assert_eq!(at.line, Some(line), "{e}");
            assert_eq!(at.column.as_deref(), Some(column), "{e}");
            e
        };
        check("SA09;03/11/2025;omr;4\n", "unknown_reference", 3, "foyer");
        let e = check("SA01;03/11/2025;carton;4\n", "unknown_name", 3, "flux");
        assert!(e.to_string().contains("emballages"), "{e}");
        check("SA01;03/11/2025;omr;-1\n", "invalid_value", 3, "kg");
        check("SA01;31/11/2025;omr;1\n", "invalid_value", 3, "date");
        check("SA01;03/11/2025;omr;\n", "invalid_value", 3, "kg");
    }

    /// Without the `themes` feature (the page's small module), a theme's
    /// table, water meter or setting is refused as unsupported, so that the
    /// page computes the files with a module that has it.
    #[test]
    #[cfg(not(feature = "themes"))]
    fn theme_inputs_are_unsupported_without_the_feature() {
        let foyers = Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n");
        let mut t = Tables::new(foyers);
        t.weighings = Some(Source::new(
            "pesees.csv",
            "foyer;date;flux;kg\nF1;03/11/2025;omr;4\n",
        ));
        assert_eq!(t.read().unwrap_err().code(), "unsupported");
        let mut t = Tables::new(foyers);
        t.meters = Some(Source::new(
            "compteurs.csv",
            "foyer;compteur;energie;unite\nF1;e;eau;m3\n",
        ));
        assert_eq!(t.read().unwrap_err().code(), "unsupported");
        let mut t = Tables::new(foyers);
        t.settings = Some(Source::new(
            "defi.csv",
            "parametre;valeur\nnom;n\nterritoire;t\norganisateur;association\n\
             debut_reference;01/12/2024\nfin_reference;30/04/2025\ndebut_defi;01/12/2025\n\
             fin_defi;30/04/2026\nperiodes_defi_dechets;01/12/2025 au 31/12/2025\n",
        ));
        assert_eq!(
            t.challenge_data_from_tables().unwrap_err().code(),
            "unsupported"
        );
    }

    #[test]
    fn a_file_that_is_no_table_is_named_in_the_location() {
        let files = [
            Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"),
            Source::new("notes.csv", "x\n"),
        ];
        let e = Tables::from_files(&files).unwrap_err();
        assert_eq!(e.code(), "unknown_name");
        assert_eq!(
            e.location().and_then(|l| l.file.as_deref()),
            Some("notes.csv")
        );
        let twice = [
            Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"),
            Source::new("households.csv", "household;team;adults\nF1;t;2\n"),
        ];
        let e = Tables::from_files(&twice).unwrap_err();
        assert_eq!(e.code(), "duplicate");
        assert_eq!(
            e.location().and_then(|l| l.file.as_deref()),
            Some("households.csv")
        );
    }
}
