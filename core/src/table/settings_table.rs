//! A challenge's settings as a table (`defi.csv`: one row per setting,
//! columns `parametre;valeur`), the spreadsheet form of the JSON settings
//! of [`settings`](super::settings): name, territory, organiser, themes,
//! periods, objective and energy options.
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
];

/// The accepted keys, for error messages: English name (French name).
pub(super) const KEY_NAMES: &str = "name (nom), territory (territoire), organiser_kind \
    (organisateur), themes (thèmes), reference_first (debut_reference), reference_last \
    (fin_reference), challenge_first (debut_defi), challenge_last (fin_defi), objective \
    (objectif), correction, basis (base), mixed_heating_share (part_chauffage_mixte), \
    estimate_share_from_summer (estimer_part_ete), min_summer_days (jours_ete_min), \
    max_extrapolation_days (extrapolation_max_jours), max_gap_days (lacune_max_jours), \
    degree_day_method (methode_dju), degree_day_base (base_dju)";

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

/// The settings table's rows for a challenge and its energy options, each
/// key under its English name: the inverse of [`read`] (the teams go to the
/// teams table).
///
/// # Errors
/// [`Error::InvalidValue`] for options the table cannot hold (impact
/// factors other than the defaults, weather-regression baselines, cooling
/// degree-days): they need the JSON settings, and are never dropped in
/// silence.
pub(super) fn rows(
    challenge: &Challenge,
    energy: &EnergyOptions,
    decimal: &dyn Fn(Decimal) -> String,
    yes: (&'static str, &'static str),
) -> Result<Vec<[String; 2]>> {
    let d = EnergyOptions::default();
    let beyond = [
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
            "the settings table holds the challenge and the energy options' values; \
             this one needs the JSON settings",
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
    Ok(vec![
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
    ])
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::KEYS;
    use crate::challenge::{OrganiserKind, Theme};
    use crate::climate::Correction;
    use crate::data::ChallengeData;
    use crate::date::date;
    use crate::error::{Error, Result};
    use crate::meter::Basis;
    use crate::quantity::Ratio;
    use crate::table::{Source, Tables};
    use crate::weather::Method;

    /// The settings of the table demo, in French, one row per line.
    const DEFI: &str = "paramètre;valeur
nom;Défi démo (tableur)
territoire;Lille
organisateur;association
thèmes;énergie
début_référence;01/12/2024
fin_référence;30/04/2025
début_défi;01/12/2025
fin_défi;30/04/2026
objectif;0,08
";

    const FOYERS: &str = "foyer;equipe;adultes\nF1;t1;2\nF2;t2;1\n";

    /// A challenge from the households above and a settings table.
    fn with(settings: &str) -> Result<ChallengeData> {
        let mut t = Tables::new(Source::new("foyers.csv", FOYERS));
        t.settings = Some(Source::new("defi.csv", settings));
        t.challenge_data_from_tables()
    }

    #[test]
    fn written_settings_read_back() {
        use crate::table::write::{settings_table, CsvStyle};
        let read = with(DEFI).unwrap();
        let mut energy = read.options.energy.clone();
        energy.correction = Correction::Sdes;
        energy.estimate_share_from_summer = false;
        energy.degree_days.base = Decimal::new(175, 1);
        for style in [CsvStyle::FRENCH, CsvStyle::ENGLISH] {
            let text = settings_table(&read.challenge, &energy, style).unwrap();
            let back = with(&text).unwrap();
            assert_eq!(back.challenge, read.challenge, "{text}");
            assert_eq!(back.options.energy, energy, "{text}");
        }
        // What the table cannot hold is refused, not dropped.
        energy.regression_baseline = true;
        let e = settings_table(&read.challenge, &energy, CsvStyle::FRENCH).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert!(e.to_string().contains("regression_baseline"), "{e}");
    }

    proptest! {
        // Any name, territory, objective and heating share survive the
        // round trip through the written table, in both styles.
        #[test]
        fn written_settings_round_trip(
            name in "[A-Za-zé0-9 ;,\"'-]{1,20}",
            objective in 0i64..1000,
            share in 0i64..=100,
            french in any::<bool>(),
        ) {
            use crate::table::write::{settings_table, CsvStyle};
            prop_assume!(!name.trim().is_empty());
            let mut data = with(DEFI).unwrap();
            data.challenge.name = name.trim().to_owned();
            data.challenge.objective = Ratio::new(Decimal::new(objective, 3));
            data.options.energy.mixed_heating_share = Ratio::new(Decimal::new(share, 2));
            let style = if french { CsvStyle::FRENCH } else { CsvStyle::ENGLISH };
            let text = settings_table(&data.challenge, &data.options.energy, style).unwrap();
            let back = with(&text).unwrap();
            prop_assert_eq!(back.challenge, data.challenge);
            prop_assert_eq!(back.options.energy, data.options.energy);
        }
    }

    /// Asserts an error's code and location (file, line, column).
    fn located(e: &Error, code: &str, line: Option<usize>, column: Option<&str>) {
        assert_eq!(e.code(), code, "{e}");
        let at = e.location().unwrap();
        assert_eq!(at.file.as_deref(), Some("defi.csv"), "{e}");
        assert_eq!(at.line, line, "{e}");
        assert_eq!(at.column.as_deref(), column, "{e}");
    }

    fn demo_file(f: &str) -> String {
        let bytes = std::fs::read(format!(
            "{}/examples/data/table-demo/{f}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        crate::table::encoding::decode(&bytes).into_owned()
    }

    #[test]
    fn the_demo_settings_table_equals_its_json_settings() {
        let names = [
            "foyers.csv",
            "equipes.csv",
            "compteurs.csv",
            "releves.csv",
            "evenements.csv",
            "livraisons.csv",
            "stocks.csv",
            "temperatures.csv",
        ];
        let texts: Vec<String> = names.iter().map(|f| demo_file(f)).collect();
        let mut sources: Vec<Source<'_>> = names
            .iter()
            .zip(&texts)
            .map(|(n, t)| Source::new(n, t))
            .collect();
        let json = demo_file("challenge.json");
        let from_json = Tables::from_files(&sources)
            .unwrap()
            .challenge_data(&json)
            .unwrap();
        let defi = demo_file("defi.csv");
        assert_eq!(defi, DEFI, "the shipped defi.csv is the one tested here");
        sources.push(Source::new("defi.csv", &defi));
        let tables = Tables::from_files(&sources).unwrap();
        assert_eq!(tables.settings.map(|s| s.name), Some("defi.csv"));
        let from_table = tables.challenge_data_from_tables().unwrap();
        assert_eq!(from_table, from_json);
        // Real values, not only agreement.
        let c = &from_table.challenge;
        assert_eq!(c.name, "Défi démo (tableur)");
        assert_eq!(c.territory, "Lille");
        assert_eq!(c.organiser_kind, OrganiserKind::Association);
        assert_eq!(c.themes, vec![Theme::Energy]);
        assert_eq!(c.reference_period.first(), date(2024, 12, 1));
        assert_eq!(c.reference_period.last(), date(2025, 4, 30));
        assert_eq!(c.challenge_period.first(), date(2025, 12, 1));
        assert_eq!(c.challenge_period.last(), date(2026, 4, 30));
        assert_eq!(c.objective, Ratio::new(Decimal::new(8, 2)));
        assert_eq!(c.teams.len(), 2);
        assert_eq!(from_table.households.len(), 3);
        let report = crate::compute(&from_table).unwrap();
        assert!(report.headline().starts_with("3 foyers"));
        // The JSON path refuses a settings table: two sets of settings.
        let e = tables.challenge_data(&json).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(
            e.location().and_then(|l| l.file.as_deref()),
            Some("defi.csv")
        );
        assert_eq!(e.location().and_then(|l| l.line), None);
        assert!(e.to_string().contains("given twice"), "{e}");
    }

    #[test]
    fn english_keys_comma_delimiter_and_defaults() {
        let english = "setting,value
name,\"Energy challenge, North\"
territory,Lille
organiser_kind,local_authority
reference_first,2024-12-01
reference_last,2025-04-30
challenge_first,2025-12-01
challenge_last,2026-04-30
objective,8 %
";
        let d = with(english).unwrap();
        assert_eq!(d.challenge.name, "Energy challenge, North");
        assert_eq!(d.challenge.organiser_kind, OrganiserKind::LocalAuthority);
        // Defaults: energy, 8 %, the default options.
        assert_eq!(d.challenge.themes, vec![Theme::Energy]);
        assert_eq!(d.options, crate::data::Options::default());
        // `8 %` is `0,08`, is `0.08`, is the default objective.
        let french = with(DEFI).unwrap();
        assert_eq!(d.challenge.objective, french.challenge.objective);
        assert_eq!(d.challenge.objective, Ratio::new(Decimal::new(8, 2)));
        let without = with(&english.replace("objective,8 %\n", "")).unwrap();
        assert_eq!(
            without.challenge.objective,
            crate::challenge::DEFAULT_OBJECTIVE
        );
        // Teams from the households table, named by their identifier.
        let teams: Vec<&str> = d.challenge.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(teams, ["t1", "t2"]);
        // Keys are folded like column names; a tab also delimits.
        let tab = DEFI.replace(';', "\t").replace("nom\t", "NOM \t");
        assert_eq!(with(&tab).unwrap(), french);
    }

    #[test]
    fn every_option_is_read() {
        let options = "correction;SDES
base;PCI
part_chauffage_mixte;70 %
estimer_part_ete;non
jours_ete_min;21
extrapolation_max_jours;10
lacune_max_jours;60
methode_dju;Météo-France
base_dju;17,5
";
        let text = format!(
            "{}{options}",
            DEFI.replace("thèmes;énergie", "thèmes;\"énergie, eau\"")
        );
        let d = with(&text).unwrap();
        assert_eq!(d.challenge.themes, vec![Theme::Energy, Theme::Water]);
        let e = &d.options.energy;
        assert_eq!(e.correction, Correction::Sdes);
        assert_eq!(e.basis, Basis::Pci);
        assert_eq!(e.mixed_heating_share, Ratio::new(Decimal::new(7, 1)));
        assert!(!e.estimate_share_from_summer);
        assert_eq!(
            (e.min_summer_days, e.max_extrapolation_days, e.max_gap_days),
            (21, 10, 60)
        );
        assert_eq!(e.degree_days.method, Method::MeteoFrance);
        assert_eq!(e.degree_days.base, Decimal::new(175, 1));
        // The options not in the table keep their defaults.
        let defaults = crate::energy::EnergyOptions::default();
        assert_eq!(e.factors, defaults.factors);
        assert_eq!(e.degree_days.kind, defaults.degree_days.kind);
        assert_eq!(e.regression_baseline, defaults.regression_baseline);
        // The English keys read the same.
        let english = options
            .replace("base;", "basis;")
            .replace("part_chauffage_mixte;", "mixed_heating_share;")
            .replace("estimer_part_ete;", "estimate_share_from_summer;")
            .replace("jours_ete_min;", "min_summer_days;")
            .replace("extrapolation_max_jours;", "max_extrapolation_days;")
            .replace("lacune_max_jours;", "max_gap_days;")
            .replace("methode_dju;", "degree_day_method;")
            .replace("base_dju;", "degree_day_base;");
        let text = format!("{DEFI}{english}");
        assert_eq!(with(&text).unwrap().options.energy, *e);
    }

    #[test]
    fn errors_are_located() {
        // An unknown key: line 11, the key column as written.
        let e = with(&format!("{DEFI}couleur;vert\n")).unwrap_err();
        located(&e, "unknown_name", Some(11), Some("paramètre"));
        assert!(e.to_string().contains("unknown setting `couleur`"), "{e}");
        assert!(e.to_string().contains("territory (territoire)"), "{e}");
        // A duplicate key, under another of its names: at the second row.
        let e = with(&format!("{DEFI}name;Autre\n")).unwrap_err();
        located(&e, "duplicate", Some(11), Some("paramètre"));
        assert!(e.to_string().contains("`nom` on line 2 and `name`"), "{e}");
        // A missing required key: the file and the key column, no line.
        let e = with(&DEFI.replace("territoire;Lille\n", "")).unwrap_err();
        located(&e, "invalid_value", None, Some("paramètre"));
        assert!(
            e.to_string()
                .contains("required setting `territory` is missing"),
            "{e}"
        );
        // A bad date: the value column of its line.
        let e = with(&DEFI.replace("30/04/2026", "31/04/2026")).unwrap_err();
        located(&e, "invalid_value", Some(9), Some("valeur"));
        assert!(e.to_string().contains("challenge period's last day"), "{e}");
        let e = with(&DEFI.replace("01/12/2024", "12/01/24")).unwrap_err();
        located(&e, "invalid_value", Some(6), Some("valeur"));
        // A period that ends before it starts: at its last day.
        let e = with(&DEFI.replace("30/04/2025", "30/04/2024")).unwrap_err();
        located(&e, "invalid_value", Some(7), Some("valeur"));
        // A bad ratio, and a ratio out of range.
        let e = with(&DEFI.replace("0,08", "8 pour cent")).unwrap_err();
        located(&e, "invalid_value", Some(10), Some("valeur"));
        assert!(e.to_string().contains("invalid objective"), "{e}");
        let e = with(&DEFI.replace("0,08", "100 %")).unwrap_err();
        located(&e, "invalid_value", Some(10), Some("valeur"));
        let e = with(&format!("{DEFI}part_chauffage_mixte;1,5\n")).unwrap_err();
        located(&e, "invalid_value", Some(11), Some("valeur"));
        // Unknown names in values, a theme twice, no theme.
        let e = with(&DEFI.replace(";association", ";club")).unwrap_err();
        located(&e, "unknown_name", Some(4), Some("valeur"));
        let e = with(&DEFI.replace(";énergie", ";énergie eau energy")).unwrap_err();
        located(&e, "duplicate", Some(5), Some("valeur"));
        let e = with(&DEFI.replace(";énergie", ";\",\"")).unwrap_err();
        located(&e, "invalid_value", Some(5), Some("valeur"));
        let e = with(&format!("{DEFI}estimer_part_ete;peut-être\n")).unwrap_err();
        located(&e, "invalid_value", Some(11), Some("valeur"));
        let e = with(&format!("{DEFI}jours_ete_min;-3\n")).unwrap_err();
        located(&e, "invalid_value", Some(11), Some("valeur"));
        // An empty value or key, the table's syntax and header.
        let e = with(&DEFI.replace(";Lille", ";")).unwrap_err();
        located(&e, "invalid_value", Some(3), Some("valeur"));
        let e = with(&format!("{DEFI};vert\n")).unwrap_err();
        located(&e, "invalid_value", Some(11), Some("paramètre"));
        let e = with(&DEFI.replace("paramètre;valeur", "paramètre;valeur;note")).unwrap_err();
        located(&e, "unknown_name", Some(1), Some("note"));
        // No settings table.
        let e = Tables::new(Source::new("foyers.csv", FOYERS))
            .challenge_data_from_tables()
            .unwrap_err();
        assert_eq!(e.code(), "insufficient_data");
        assert_eq!(e.location(), Some(&crate::Location::in_file("defi.csv")));
        assert!(e.to_string().contains("`defi.csv`"), "{e}");
        // Both a settings table and JSON settings.
        let mut t = Tables::new(Source::new("foyers.csv", FOYERS));
        t.settings = Some(Source::new("defi.csv", DEFI));
        let e = t.challenge_data(&demo_file("challenge.json")).unwrap_err();
        located(&e, "invalid_value", None, None);
        // The whole document is validated: a team's captain is a household.
        let mut t = Tables::new(Source::new("foyers.csv", FOYERS));
        t.teams = Some(Source::new("equipes.csv", "equipe;capitaine\nt1;F9\nt2;\n"));
        t.settings = Some(Source::new("defi.csv", DEFI));
        assert_eq!(
            t.challenge_data_from_tables().unwrap_err().code(),
            "unknown_reference"
        );
    }

    #[test]
    fn file_names_of_the_settings_table() {
        for name in ["defi.csv", "Défi.CSV", "paramètres.csv", "settings.txt"] {
            let files = [Source::new("foyers.csv", FOYERS), Source::new(name, DEFI)];
            let t = Tables::from_files(&files).unwrap();
            assert_eq!(t.settings.map(|s| s.name), Some(name));
            assert_eq!(t.challenge_data_from_tables().unwrap(), with(DEFI).unwrap());
        }
        let files = [
            Source::new("foyers.csv", FOYERS),
            Source::new("defi.csv", DEFI),
            Source::new("settings.csv", DEFI),
        ];
        assert_eq!(Tables::from_files(&files).unwrap_err().code(), "duplicate");
    }

    #[test]
    fn every_key_is_listed_and_unambiguous() {
        for s in KEYS {
            for n in s.names {
                assert_eq!(super::lookup(n).map(|f| f.key), Some(s.key), "{n}");
            }
            let english = s.names[0];
            assert!(super::KEY_NAMES.contains(english), "{english}");
            // Each key is documented in the README.
            assert!(
                include_str!("../../../README.md").contains(&format!("`{english}`")),
                "{english}"
            );
        }
    }

    /// The settings' rows, shuffled by `order` (a permutation of 1..n).
    fn rows_in(text: &str, order: &[usize]) -> String {
        let lines: Vec<&str> = text.lines().collect();
        let mut out = format!("{}\n", lines[0]);
        for &i in order {
            out.push_str(lines[i]);
            out.push('\n');
        }
        out
    }

    proptest! {
        /// Any objective written as a decimal-comma fraction and as a
        /// percentage reads to the same ratio.
        #[test]
        fn an_objective_as_fraction_or_percent(v in 0i64..1_000_000, scale in 0u32..4) {
            // v / 10^(scale + 6) is a fraction in [0, 1), with up to 10
            // decimals; its percentage has two fewer.
            let fraction = Decimal::new(v, scale + 6);
            let percent = Decimal::new(v, scale + 4);
            let comma = |d: Decimal| d.to_string().replace('.', ",");
            let a = with(&DEFI.replace("0,08", &comma(fraction))).unwrap();
            let b = with(&DEFI.replace("0,08", &format!("{} %", comma(percent)))).unwrap();
            let c = with(&DEFI.replace("0,08", &format!("{}%", comma(percent)))).unwrap();
            prop_assert_eq!(a.challenge.objective, Ratio::new(fraction));
            prop_assert_eq!(b.challenge.objective, Ratio::new(fraction));
            prop_assert_eq!(&a, &b);
            prop_assert_eq!(&b, &c);
        }

        /// The order of the rows does not matter.
        #[test]
        fn row_order_does_not_matter(
            order in Just((1..=18).collect::<Vec<usize>>()).prop_shuffle()
        ) {
            let full = format!(
                "{DEFI}correction;contrat\nbase;pci\npart_chauffage_mixte;0,5\nestimer_part_ete;oui\n\
                 jours_ete_min;30\nextrapolation_max_jours;3\nlacune_max_jours;40\n\
                 methode_dju;costic\nbase_dju;17\n"
            );
            let expected = with(&full).unwrap();
            prop_assert_eq!(with(&rows_in(&full, &order)).unwrap(), expected);
        }

        /// Any settings text gives a challenge or a typed error, never a
        /// panic.
        #[test]
        fn any_settings_text_is_ok_or_an_error(
            s in "(parametre;valeur\n)?([a-zéè_ ]{0,12}[;,\t][0-9a-zé%,./ -]{0,12}\n){0,6}"
        ) {
            let _ = with(&s);
            let _ = with(&format!("{DEFI}{s}"));
        }
    }
}
