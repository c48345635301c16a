//! A challenge's settings as a table (`defi.csv`: one row per setting,
//! columns `parametre;valeur`), the spreadsheet form of the JSON settings
//! of [`settings`](super::settings): name, territory, organiser, themes,
//! periods, objective, energy options and the waste theme's periods.
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
use crate::waste::WasteOptions;
use crate::water::{WaterOptions, WaterReference};

use super::read::{self, SettingRow};
use super::value::{self, fold};
use super::{Inputs, Source};

/// A setting of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Name,
    Territory,
    OrganiserKind,
    Themes,
    ReferenceFirst,
    ReferenceLast,
    ChallengeFirst,
    ChallengeLast,
    Objective,
    Correction,
    Basis,
    MixedHeatingShare,
    EstimateShareFromSummer,
    MinSummerDays,
    MaxExtrapolationDays,
    MaxGapDays,
    DegreeDayMethod,
    DegreeDayBase,
    WasteReferenceFirst,
    WasteReferenceLast,
    WasteChallengePeriods,
    WaterReferenceFirst,
    WaterReferenceLast,
    WaterChallengeFirst,
    WaterChallengeLast,
    WaterReferenceLitres,
    WaterReferenceYear,
    WaterReferenceSource,
    WaterMaxExtrapolationDays,
    WaterMaxGapDays,
}

/// A key's spellings: its English name first, then its French ones.
/// (Whether it is required is said where it is read: [`Found::required`].)
struct Spelling {
    key: Key,
    names: &'static [&'static str],
}

const fn key(key: Key, names: &'static [&'static str]) -> Spelling {
    Spelling { key, names }
}

/// Every key, English name first, then the French names (compared folded:
/// `début_référence` is `debut_reference`).
const KEYS: &[Spelling] = &[
    key(Key::Name, &["name", "nom"]),
    key(Key::Territory, &["territory", "territoire"]),
    key(
        Key::OrganiserKind,
        &["organiser_kind", "organisateur", "type_organisateur"],
    ),
    key(Key::Themes, &["themes", "thèmes"]),
    key(
        Key::ReferenceFirst,
        &["reference_first", "debut_reference", "début_référence"],
    ),
    key(
        Key::ReferenceLast,
        &["reference_last", "fin_reference", "fin_référence"],
    ),
    key(
        Key::ChallengeFirst,
        &["challenge_first", "debut_defi", "début_défi"],
    ),
    key(
        Key::ChallengeLast,
        &["challenge_last", "fin_defi", "fin_défi"],
    ),
    key(Key::Objective, &["objective", "objectif"]),
    key(Key::Correction, &["correction", "correction_climatique"]),
    key(Key::Basis, &["basis", "base"]),
    key(
        Key::MixedHeatingShare,
        &["mixed_heating_share", "part_chauffage_mixte"],
    ),
    key(
        Key::EstimateShareFromSummer,
        &[
            "estimate_share_from_summer",
            "estimer_part_ete",
            "estimer_part_été",
        ],
    ),
    key(
        Key::MinSummerDays,
        &["min_summer_days", "jours_ete_min", "jours_été_min"],
    ),
    key(
        Key::MaxExtrapolationDays,
        &["max_extrapolation_days", "extrapolation_max_jours"],
    ),
    key(Key::MaxGapDays, &["max_gap_days", "lacune_max_jours"]),
    key(
        Key::DegreeDayMethod,
        &["degree_day_method", "methode_dju", "méthode_dju"],
    ),
    key(Key::DegreeDayBase, &["degree_day_base", "base_dju"]),
    key(
        Key::WasteReferenceFirst,
        &[
            "waste_reference_first",
            "debut_reference_dechets",
            "début_référence_déchets",
        ],
    ),
    key(
        Key::WasteReferenceLast,
        &[
            "waste_reference_last",
            "fin_reference_dechets",
            "fin_référence_déchets",
        ],
    ),
    key(
        Key::WasteChallengePeriods,
        &[
            "waste_challenge_periods",
            "periodes_defi_dechets",
            "périodes_défi_déchets",
        ],
    ),
    key(
        Key::WaterReferenceFirst,
        &[
            "water_reference_first",
            "debut_reference_eau",
            "début_référence_eau",
        ],
    ),
    key(
        Key::WaterReferenceLast,
        &[
            "water_reference_last",
            "fin_reference_eau",
            "fin_référence_eau",
        ],
    ),
    key(
        Key::WaterChallengeFirst,
        &["water_challenge_first", "debut_defi_eau", "début_défi_eau"],
    ),
    key(
        Key::WaterChallengeLast,
        &["water_challenge_last", "fin_defi_eau", "fin_défi_eau"],
    ),
    key(
        Key::WaterReferenceLitres,
        &[
            "water_reference_litres",
            "eau_litres_reference",
            "eau_litres_référence",
        ],
    ),
    key(
        Key::WaterReferenceYear,
        &[
            "water_reference_year",
            "eau_annee_reference",
            "eau_année_référence",
        ],
    ),
    key(
        Key::WaterReferenceSource,
        &[
            "water_reference_source",
            "eau_source_reference",
            "eau_source_référence",
        ],
    ),
    key(
        Key::WaterMaxExtrapolationDays,
        &[
            "water_max_extrapolation_days",
            "eau_extrapolation_max_jours",
        ],
    ),
    key(
        Key::WaterMaxGapDays,
        &["water_max_gap_days", "eau_lacune_max_jours"],
    ),
];

/// The accepted keys, for error messages: English name (French name).
pub(super) const KEY_NAMES: &str = "name (nom), territory (territoire), organiser_kind \
    (organisateur), themes (thèmes), reference_first (debut_reference), reference_last \
    (fin_reference), challenge_first (debut_defi), challenge_last (fin_defi), objective \
    (objectif), correction, basis (base), mixed_heating_share (part_chauffage_mixte), \
    estimate_share_from_summer (estimer_part_ete), min_summer_days (jours_ete_min), \
    max_extrapolation_days (extrapolation_max_jours), max_gap_days (lacune_max_jours), \
    degree_day_method (methode_dju), degree_day_base (base_dju), waste_reference_first \
    (debut_reference_dechets), waste_reference_last (fin_reference_dechets), \
    waste_challenge_periods (periodes_defi_dechets), water_reference_first (debut_reference_eau), \
    water_reference_last (fin_reference_eau), water_challenge_first (debut_defi_eau), \
    water_challenge_last (fin_defi_eau), water_reference_litres (eau_litres_reference), \
    water_reference_year (eau_annee_reference), water_reference_source (eau_source_reference), \
    water_max_extrapolation_days (eau_extrapolation_max_jours), water_max_gap_days \
    (eau_lacune_max_jours)";

/// The key a cell names, if any.
fn lookup(cell: &str) -> Option<&'static Spelling> {
    let folded = fold(cell);
    KEYS.iter()
        .find(|s| s.names.iter().any(|n| fold(n) == folded))
}

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
                what: "settings table",
                got: "no such row".into(),
                why: format!(
                    "the required setting `{}` is missing (accepted names: {})",
                    names.first().copied().unwrap_or_default(),
                    names.join(", ")
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
                what: "setting",
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
                    what: "setting",
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
    let organiser_kind = parse(found.required(Key::OrganiserKind)?, kind, "organiser kind")?;
    let themes = match found.get(Key::Themes) {
        Some(r) => themes(r)?,
        None => vec![Theme::Energy],
    };
    let reference_period = period(
        &found,
        (Key::ReferenceFirst, "reference period's first day"),
        (Key::ReferenceLast, "reference period's last day"),
    )?;
    let challenge_period = period(
        &found,
        (Key::ChallengeFirst, "challenge period's first day"),
        (Key::ChallengeLast, "challenge period's last day"),
    )?;
    let objective = match found.get(Key::Objective) {
        Some(r) => share(r, "objective", false)?,
        None => DEFAULT_OBJECTIVE,
    };
    let energy = energy_options(&found)?;
    let waste = waste_options(&found)?;
    let water = water_options(&found)?;
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
        },
        options: Options {
            energy,
            water,
            waste,
            ..Options::default()
        },
    })
}

/// The energy options: each one given, or its default.
fn energy_options(found: &Found<'_>) -> Result<EnergyOptions> {
    let d = EnergyOptions::default();
    let mut degree_days = d.degree_days;
    degree_days.method = found.or(
        Key::DegreeDayMethod,
        method,
        "degree-day method",
        degree_days.method,
    )?;
    degree_days.base = found.or(
        Key::DegreeDayBase,
        value::decimal,
        "degree-day base temperature",
        degree_days.base,
    )?;
    let mixed_heating_share = match found.get(Key::MixedHeatingShare) {
        Some(r) => share(r, "mixed heating share", true)?,
        None => d.mixed_heating_share,
    };
    Ok(EnergyOptions {
        basis: found.or(Key::Basis, basis, "energy basis", d.basis)?,
        correction: found.or(
            Key::Correction,
            correction,
            "climate correction",
            d.correction,
        )?,
        mixed_heating_share,
        estimate_share_from_summer: found.or(
            Key::EstimateShareFromSummer,
            value::yes_no,
            "estimate share from summer",
            d.estimate_share_from_summer,
        )?,
        min_summer_days: found.or(
            Key::MinSummerDays,
            value::count,
            "minimum summer days",
            d.min_summer_days,
        )?,
        max_extrapolation_days: found.or(
            Key::MaxExtrapolationDays,
            value::count,
            "maximum extrapolation days",
            d.max_extrapolation_days,
        )?,
        max_gap_days: found.or(
            Key::MaxGapDays,
            value::count,
            "maximum gap days",
            d.max_gap_days,
        )?,
        degree_days,
        ..d
    })
}

/// The waste theme's periods (DOMAIN.md §5): a reference period of its own
/// (`waste_reference_first` and `waste_reference_last`, both or neither;
/// the challenge's reference period otherwise) and the challenge periods,
/// which may differ in length (the challenge period otherwise). Whether
/// they overlap is checked when the challenge is computed
/// ([`WasteOptions::periods`]).
fn waste_options(found: &Found<'_>) -> Result<WasteOptions> {
    let first = found.get(Key::WasteReferenceFirst);
    let last = found.get(Key::WasteReferenceLast);
    let reference_period = if first.is_some() || last.is_some() {
        Some(period(
            found,
            (
                Key::WasteReferenceFirst,
                "waste reference period's first day",
            ),
            (Key::WasteReferenceLast, "waste reference period's last day"),
        )?)
    } else {
        None
    };
    let challenge_periods = match found.get(Key::WasteChallengePeriods) {
        Some(r) => periods(&r.value).map_err(|e| e.within(&r.value_at))?,
        None => Vec::new(),
    };
    Ok(WasteOptions {
        reference_period,
        challenge_periods,
    })
}

/// The water theme's options (DOMAIN.md §4): its own reference and
/// challenge periods (each both days or neither), the figure households are
/// compared with (litres per person and day, its year and its source: all
/// three or none, so that a figure never goes out under another's source),
/// and the limits of extrapolation and gaps; each one not given keeps its
/// default ([`WaterOptions::default`]).
fn water_options(found: &Found<'_>) -> Result<WaterOptions> {
    let d = WaterOptions::default();
    let reference_period = optional_period(
        found,
        (
            Key::WaterReferenceFirst,
            "water reference period's first day",
        ),
        (Key::WaterReferenceLast, "water reference period's last day"),
    )?;
    let challenge_period = optional_period(
        found,
        (
            Key::WaterChallengeFirst,
            "water challenge period's first day",
        ),
        (Key::WaterChallengeLast, "water challenge period's last day"),
    )?;
    let value_keys = [
        Key::WaterReferenceLitres,
        Key::WaterReferenceYear,
        Key::WaterReferenceSource,
    ];
    let reference_value = if value_keys.iter().any(|k| found.get(*k).is_some()) {
        let litres = parse(
            found.required(Key::WaterReferenceLitres)?,
            value::decimal,
            "water reference, litres per person per day",
        )?;
        let year = parse(
            found.required(Key::WaterReferenceYear)?,
            value::count,
            "water reference year",
        )?;
        let source = found.required(Key::WaterReferenceSource)?.value.clone();
        WaterReference {
            litres_per_person_day: crate::quantity::Litres::new(litres),
            year,
            source,
        }
    } else {
        d.reference_value.clone()
    };
    Ok(WaterOptions {
        reference_period,
        challenge_period,
        reference_value,
        max_extrapolation_days: found.or(
            Key::WaterMaxExtrapolationDays,
            value::count,
            "water maximum extrapolation days",
            d.max_extrapolation_days,
        )?,
        max_gap_days: found.or(
            Key::WaterMaxGapDays,
            value::count,
            "water maximum gap days",
            d.max_gap_days,
        )?,
    })
}

/// A period of its own for a theme: both days given, or neither (the
/// challenge's period then applies).
fn optional_period(
    found: &Found<'_>,
    first: (Key, &'static str),
    last: (Key, &'static str),
) -> Result<Option<Period>> {
    if found.get(first.0).is_none() && found.get(last.0).is_none() {
        return Ok(None);
    }
    period(found, first, last).map(Some)
}

/// The water options' rows: those that differ from the defaults.
fn water_rows(
    water: &WaterOptions,
    name: &dyn Fn(Key) -> String,
    decimal: &dyn Fn(Decimal) -> String,
    rows: &mut Vec<[String; 2]>,
) {
    let d = WaterOptions::default();
    for (period, first, last) in [
        (
            water.reference_period,
            Key::WaterReferenceFirst,
            Key::WaterReferenceLast,
        ),
        (
            water.challenge_period,
            Key::WaterChallengeFirst,
            Key::WaterChallengeLast,
        ),
    ] {
        if let Some(p) = period {
            rows.push([name(first), p.first().to_string()]);
            rows.push([name(last), p.last().to_string()]);
        }
    }
    let r = &water.reference_value;
    if *r != d.reference_value {
        rows.push([
            name(Key::WaterReferenceLitres),
            decimal(r.litres_per_person_day.value()),
        ]);
        rows.push([name(Key::WaterReferenceYear), r.year.to_string()]);
        rows.push([name(Key::WaterReferenceSource), r.source.clone()]);
    }
    if water.max_extrapolation_days != d.max_extrapolation_days {
        rows.push([
            name(Key::WaterMaxExtrapolationDays),
            water.max_extrapolation_days.to_string(),
        ]);
    }
    if water.max_gap_days != d.max_gap_days {
        rows.push([name(Key::WaterMaxGapDays), water.max_gap_days.to_string()]);
    }
}

/// Words that may stand between the days of a list of periods, compared
/// folded: `du 01/02/2026 au 28/02/2026 et du 01/03/2026 au 31/03/2026`.
const PERIOD_WORDS: &[&str] = &["du", "au", "a", "-", "–", "—", "et", "from", "to", "and"];

/// A list of periods: its days in pairs (first, last), separated by
/// spaces, commas or semicolons, with the words of [`PERIOD_WORDS`] between
/// them if wished; each day `01/02/2026` or `2026-02-01`.
fn periods(text: &str) -> Result<Vec<Period>> {
    let mut days = Vec::new();
    for word in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        if !PERIOD_WORDS.iter().any(|p| fold(p) == fold(word)) {
            days.push(value::date(word, "period day")?);
        }
    }
    if days.is_empty() || days.len() % 2 != 0 {
        return Err(Error::invalid(
            "list of periods",
            crate::error::quoted(text),
            "periods are pairs of days, first and last: `01/02/2026 au 28/02/2026, \
             01/03/2026 au 31/03/2026`",
        ));
    }
    days.chunks(2)
        .map(|pair| match *pair {
            [first, last] => Period::new(first, last),
            _ => Err(Error::invalid("list of periods", text, "pairs of days")),
        })
        .collect()
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
                what: "theme",
                id: t.to_string(),
                at: r.value_at.clone(),
            });
        }
        out.push(t);
    }
    if out.is_empty() {
        return Err(Error::InvalidValue {
            what: "themes",
            got: crate::error::quoted(&r.value),
            why: format!(
                "themes are names separated by commas or spaces: {}",
                value::THEME_NAMES
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
                "a share is between 0 and 1 (0 % and 100 %)".into()
            } else {
                "an objective is a fraction in [0, 1) (from 0 % to less than 100 %)".into()
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
    let energy = &options.energy;
    let d = EnergyOptions::default();
    let o = Options::default();
    let beyond = [
        (options.food != o.food, "food options"),
        (options.mobility != o.mobility, "mobility options"),
        (energy.factors != d.factors, "impact factors"),
        (energy.regression_baseline, "regression_baseline"),
        (
            energy.degree_days.kind != d.degree_days.kind,
            "degree-day kind",
        ),
    ];
    if let Some((_, what)) = beyond.iter().find(|(b, _)| *b) {
        return Err(Error::invalid(
            "settings table",
            what,
            "the settings table holds the challenge, the energy options' values and the \
             waste periods; this one needs the JSON settings",
        ));
    }
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
    ];
    water_rows(&options.water, &name, decimal, &mut rows);
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

#[cfg(test)]
mod tests;
