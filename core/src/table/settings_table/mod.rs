//! A challenge's settings as a table (`defi.csv`: one row per setting,
//! columns `parametre;valeur`), the spreadsheet form of the JSON settings
//! of [`settings`](super::settings): name, territory, organiser, themes,
//! periods, objective, energy options and the themes' settings (water,
//! waste, food and mobility: [`themes`]).
//!
//! The values are built directly in Rust ([`Challenge`], [`Options`]),
//! never through serde: this path links no JSON deserialisation, so a
//! small WebAssembly build can compute a challenge from CSV files alone.
//!
//! Keys are compared folded like column names (case, accents, spaces,
//! hyphens and underscores as [`fold`] reads them); each has one English
//! name and a French one ([`KEYS`]). An unknown key, a key given twice
//! (under any of its names), a value that cannot be read and a missing
//! required key are errors located at the file, line and column. Settings
//! not given take their defaults: themes `energy`, [`DEFAULT_OBJECTIVE`],
//! [`EnergyOptions::default`].

use rust_decimal::Decimal;

use crate::challenge::{Challenge, Theme, DEFAULT_OBJECTIVE};
use crate::data::{ChallengeData, Options, SCHEMA_VERSION};
use crate::date::Date;
use crate::energy::EnergyOptions;
use crate::error::{Error, Location, Result};
use crate::period::Period;
use crate::quantity::Ratio;
use crate::{msg, noun};

use super::read::{self, SettingRow};
use super::value;
use super::{Inputs, Source};
use keys::{lookup, Key, KEYS, KEY_NAMES};
use themes::{food_and_mobility_rows, survey_text, surveys, theme_options, water_rows};

/// A challenge's settings read from its settings table: the challenge
/// without its teams, and the options.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Settings {
    pub challenge: Challenge,
    pub options: Options,
}

/// The rows found for each key, in [`KEYS`] order.
struct Found<'r> {
    rows: Vec<Option<&'r SettingRow>>,
    table: Location,
}

impl<'r> Found<'r> {
    fn get(&self, k: Key) -> Option<&'r SettingRow> {
        KEYS.iter()
            .position(|s| s.key == k)
            .and_then(|i| self.rows.get(i).copied().flatten())
    }

    /// A required key's row.
    fn required(&self, k: Key) -> Result<&'r SettingRow> {
        self.get(k).ok_or_else(|| {
            let names = KEYS
                .iter()
                .find(|s| s.key == k)
                .map_or(&[][..], |s| s.names);
            Error::InvalidValue {
                what: noun!("settings table"),
                got: "no such row".into(),
                why: msg!(
                    "the required setting `{setting}` is missing (accepted names: {names})",
                    setting = names.first().copied().unwrap_or_default(),
                    names = names.join(", ")
                ),
                at: self.table.clone(),
            }
        })
    }

    /// An optional key's value parsed by `f`, or `default`.
    fn or<T>(&self, k: Key, f: Parse<T>, what: &'static str, default: T) -> Result<T> {
        match self.get(k) {
            Some(r) => parse(r, f, what),
            None => Ok(default),
        }
    }
}

/// A cell parser, as in the other tables: the value's text and what it is.
type Parse<T> = fn(&str, &'static str) -> Result<T>;

fn parse<T>(r: &SettingRow, f: Parse<T>, what: &'static str) -> Result<T> {
    f(&r.value, what).map_err(|e| e.within(&r.value_at))
}

/// Reads a settings table.
pub(super) fn read(source: Source<'_>) -> Result<Settings> {
    let (rows, table) = read::settings(source)?;
    let mut found = Found {
        rows: vec![None; KEYS.len()],
        table,
    };
    for r in &rows {
        let Some(spelling) = lookup(&r.key) else {
            return Err(Error::UnknownName {
                what: noun!("setting"),
                got: r.key.clone(),
                expected: KEY_NAMES,
                at: r.key_at.clone(),
            });
        };
        let i = KEYS
            .iter()
            .position(|s| s.key == spelling.key)
            .unwrap_or_default();
        if let Some(slot) = found.rows.get_mut(i) {
            if let Some(first) = slot {
                return Err(Error::Duplicate {
                    what: noun!("setting"),
                    id: format!(
                        "{} (`{}` on line {} and `{}`)",
                        spelling.names.first().copied().unwrap_or_default(),
                        first.key,
                        first.key_at.line.unwrap_or_default(),
                        r.key
                    ),
                    at: r.key_at.clone(),
                });
            }
            *slot = Some(r);
        }
    }
    // Every key is known and given once: read the values, in key order.
    let name = found.required(Key::Name)?.value.clone();
    let territory = found.required(Key::Territory)?.value.clone();
    let organiser_kind = parse(
        found.required(Key::OrganiserKind)?,
        kind,
        noun!("organiser kind"),
    )?;
    let themes = match found.get(Key::Themes) {
        Some(r) => themes(r)?,
        None => vec![Theme::Energy],
    };
    let reference_period = period(
        &found,
        (Key::ReferenceFirst, noun!("reference period's first day")),
        (Key::ReferenceLast, noun!("reference period's last day")),
    )?;
    let challenge_period = period(
        &found,
        (Key::ChallengeFirst, noun!("challenge period's first day")),
        (Key::ChallengeLast, noun!("challenge period's last day")),
    )?;
    let objective = match found.get(Key::Objective) {
        Some(r) => share(r, noun!("objective"), false)?,
        None => DEFAULT_OBJECTIVE,
    };
    let mut options = Options {
        energy: energy_options(&found)?,
        ..Options::default()
    };
    theme_options(&found, &mut options)?;
    Ok(Settings {
        challenge: Challenge {
            name,
            territory,
            organiser_kind,
            themes,
            reference_period,
            challenge_period,
            objective,
            teams: Vec::new(),
            weather_station: found.get(Key::WeatherStation).map(|r| r.value.clone()),
        },
        options,
    })
}

/// The energy options: each one given, or its default.
fn energy_options(found: &Found<'_>) -> Result<EnergyOptions> {
    let d = EnergyOptions::default();
    let mut degree_days = d.degree_days;
    degree_days.method = found.or(
        Key::DegreeDayMethod,
        method,
        noun!("degree-day method"),
        degree_days.method,
    )?;
    degree_days.base = found.or(
        Key::DegreeDayBase,
        value::decimal,
        noun!("degree-day base temperature"),
        degree_days.base,
    )?;
    let mixed_heating_share = match found.get(Key::MixedHeatingShare) {
        Some(r) => share(r, noun!("mixed heating share"), true)?,
        None => d.mixed_heating_share,
    };
    Ok(EnergyOptions {
        basis: found.or(Key::Basis, basis, noun!("energy basis"), d.basis)?,
        correction: found.or(
            Key::Correction,
            correction,
            noun!("climate correction"),
            d.correction,
        )?,
        mixed_heating_share,
        estimate_share_from_summer: found.or(
            Key::EstimateShareFromSummer,
            value::yes_no,
            noun!("estimate share from summer"),
            d.estimate_share_from_summer,
        )?,
        min_summer_days: found.or(
            Key::MinSummerDays,
            value::count,
            noun!("minimum summer days"),
            d.min_summer_days,
        )?,
        max_extrapolation_days: found.or(
            Key::MaxExtrapolationDays,
            value::count,
            noun!("maximum extrapolation days"),
            d.max_extrapolation_days,
        )?,
        max_gap_days: found.or(
            Key::MaxGapDays,
            value::count,
            noun!("maximum gap days"),
            d.max_gap_days,
        )?,
        degree_days,
        ..d
    })
}

// The name parsers as `Parse` functions (they take no `what`).
fn kind(cell: &str, _: &'static str) -> Result<crate::challenge::OrganiserKind> {
    value::organiser_kind(cell)
}
fn basis(cell: &str, _: &'static str) -> Result<crate::meter::Basis> {
    value::basis(cell)
}
fn correction(cell: &str, _: &'static str) -> Result<crate::climate::Correction> {
    value::correction(cell)
}
fn method(cell: &str, _: &'static str) -> Result<crate::weather::Method> {
    value::degree_day_method(cell)
}

/// The themes: names separated by commas, semicolons or spaces, each once.
fn themes(r: &SettingRow) -> Result<Vec<Theme>> {
    let mut out: Vec<Theme> = Vec::new();
    for name in r
        .value
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace() || c == '\u{a0}')
        .filter(|s| !s.is_empty())
    {
        let t = value::theme(name).map_err(|e| e.within(&r.value_at))?;
        if out.contains(&t) {
            return Err(Error::Duplicate {
                what: noun!("theme"),
                id: t.to_string(),
                at: r.value_at.clone(),
            });
        }
        out.push(t);
    }
    if out.is_empty() {
        return Err(Error::InvalidValue {
            what: noun!("themes"),
            got: crate::error::quoted(&r.value),
            why: msg!(
                "themes are names separated by commas or spaces: {names}",
                names = value::THEME_NAMES
            ),
            at: r.value_at.clone(),
        });
    }
    Ok(out)
}

/// A share, `0,08` or `8 %`: in [0, 1) for an objective (as
/// [`Challenge::validate`] requires), in [0, 1] for a heating share (as
/// [`EnergyOptions::validate`] requires).
fn share(r: &SettingRow, what: &'static str, one_included: bool) -> Result<Ratio> {
    let v = parse(r, value::ratio, what)?;
    let above = if one_included {
        v > Decimal::ONE
    } else {
        v >= Decimal::ONE
    };
    if v < Decimal::ZERO || above {
        return Err(Error::InvalidValue {
            what,
            got: crate::error::quoted(&r.value),
            why: if one_included {
                msg!("a share is between 0 and 1 (0 % and 100 %)")
            } else {
                msg!("an objective is a fraction in [0, 1) (from 0 % to less than 100 %)")
            },
            at: r.value_at.clone(),
        });
    }
    Ok(Ratio::new(v))
}

/// A period from its first and last days' rows; an impossible period is
/// located at its last day's row.
fn period(
    found: &Found<'_>,
    (first, what_first): (Key, &'static str),
    (last, what_last): (Key, &'static str),
) -> Result<Period> {
    let f: Date = parse(found.required(first)?, value::date, what_first)?;
    let last_row = found.required(last)?;
    let l: Date = parse(last_row, value::date, what_last)?;
    Period::new(f, l).map_err(|e| e.within(&last_row.value_at))
}

/// The whole challenge document: the settings, the teams and households
/// from the tables, validated.
pub(super) fn challenge_data(settings: Settings, inputs: Inputs) -> Result<ChallengeData> {
    let Settings {
        mut challenge,
        options,
    } = settings;
    challenge.teams = inputs.teams;
    let data = ChallengeData {
        schema_version: SCHEMA_VERSION,
        challenge,
        households: inputs.households,
        temperatures: inputs.temperatures,
        options,
    };
    data.validate()?;
    Ok(data)
}

/// Refuses the options the settings table cannot hold, rather than drop
/// them in silence.
fn holdable(options: &Options) -> Result<()> {
    let energy = &options.energy;
    let d = EnergyOptions::default();
    let o = Options::default();
    let beyond = [
        (
            options.mobility.factors != o.mobility.factors,
            "mobility impact factors",
        ),
        (
            // A name reads back as itself from the written list, or the
            // list cannot hold it (a comma in it, a word that is a day…).
            options
                .food
                .surveys
                .iter()
                .any(|s| surveys(&survey_text(s)).map_or(true, |back| back != [s.clone()])),
            "a food survey's name that a list of surveys cannot hold",
        ),
        (energy.factors != d.factors, "impact factors"),
        (energy.regression_baseline, "regression_baseline"),
        (
            energy.degree_days.kind != d.degree_days.kind,
            "degree-day kind",
        ),
    ];
    match beyond.iter().find(|(b, _)| *b) {
        Some((_, what)) => Err(Error::invalid(
            noun!("settings table"),
            what,
            msg!(
                "the settings table holds the challenge, the energy options' values and the \
                 themes' periods and settings; this one needs the JSON settings"
            ),
        )),
        None => Ok(()),
    }
}

/// The settings table's rows for a challenge and its options (energy, and
/// the waste periods when set), each key under its English name: the inverse of [`read`] (the teams go to the
/// teams table).
///
/// # Errors
/// [`Error::InvalidValue`] for options the table cannot hold (impact
/// factors other than the defaults, weather-regression baselines, cooling
/// degree-days): they need the JSON settings, and are never dropped in
/// silence.
pub(super) fn rows(
    challenge: &Challenge,
    options: &Options,
    decimal: &dyn Fn(Decimal) -> String,
    yes: (&'static str, &'static str),
) -> Result<Vec<[String; 2]>> {
    holdable(options)?;
    let energy = &options.energy;
    let name = |k: Key| {
        KEYS.iter()
            .find(|s| s.key == k)
            .and_then(|s| s.names.first())
            .copied()
            .unwrap_or_default()
            .to_owned()
    };
    let themes: Vec<&str> = challenge.themes.iter().map(|t| t.as_str()).collect();
    let dd = &energy.degree_days;
    let mut rows = vec![
        [name(Key::Name), challenge.name.clone()],
        [name(Key::Territory), challenge.territory.clone()],
    ];
    if let Some(station) = &challenge.weather_station {
        rows.push([name(Key::WeatherStation), station.clone()]);
    }
    rows.extend([
        [
            name(Key::OrganiserKind),
            challenge.organiser_kind.to_string(),
        ],
        [name(Key::Themes), themes.join(" ")],
        [
            name(Key::ReferenceFirst),
            challenge.reference_period.first().to_string(),
        ],
        [
            name(Key::ReferenceLast),
            challenge.reference_period.last().to_string(),
        ],
        [
            name(Key::ChallengeFirst),
            challenge.challenge_period.first().to_string(),
        ],
        [
            name(Key::ChallengeLast),
            challenge.challenge_period.last().to_string(),
        ],
        [
            name(Key::Objective),
            decimal(challenge.objective.fraction()),
        ],
        [name(Key::Correction), energy.correction.to_string()],
        [name(Key::Basis), energy.basis.to_string()],
        [
            name(Key::MixedHeatingShare),
            decimal(energy.mixed_heating_share.fraction()),
        ],
        [
            name(Key::EstimateShareFromSummer),
            (if energy.estimate_share_from_summer {
                yes.0
            } else {
                yes.1
            })
            .to_owned(),
        ],
        [name(Key::MinSummerDays), energy.min_summer_days.to_string()],
        [
            name(Key::MaxExtrapolationDays),
            energy.max_extrapolation_days.to_string(),
        ],
        [name(Key::MaxGapDays), energy.max_gap_days.to_string()],
        [name(Key::DegreeDayMethod), dd.method.to_string()],
        [name(Key::DegreeDayBase), decimal(dd.base)],
    ]);
    water_rows(&options.water, &name, decimal, &mut rows);
    food_and_mobility_rows(options, &name, decimal, &mut rows);
    let waste = &options.waste;
    if let Some(p) = waste.reference_period {
        rows.push([name(Key::WasteReferenceFirst), p.first().to_string()]);
        rows.push([name(Key::WasteReferenceLast), p.last().to_string()]);
    }
    if !waste.challenge_periods.is_empty() {
        let list: Vec<String> = waste
            .challenge_periods
            .iter()
            .map(|p| format!("{} au {}", p.first(), p.last()))
            .collect();
        rows.push([name(Key::WasteChallengePeriods), list.join(", ")]);
    }
    Ok(rows)
}

mod keys;
mod themes;

#[cfg(test)]
mod tests;
