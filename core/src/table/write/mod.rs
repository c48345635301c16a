//! Results as CSV, for a spreadsheet: one row per household (computed, or
//! excluded with its reasons) and one row per team.
//!
//! Numbers are written without thousands separators, rounded half away
//! from zero (kWh, kgCO2e, euros, persons and percentages to 2 decimals),
//! with the style's decimal mark, so that they read back with
//! [`value::decimal`](super::value::decimal) and open as numbers in a
//! spreadsheet: [`CsvStyle::FRENCH`] (`;` and decimal comma, what French
//! spreadsheets expect, the default) or [`CsvStyle::ENGLISH`] (`,` and
//! decimal point). Header names are English `snake_case`, as the input
//! tables' names.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::energy::report::EnergyReport;
use crate::named_enum;

use super::columns::Table;
use super::csv::{write_record, Delimiter};

named_enum! {
    /// The character between the integer and the fractional part of a
    /// number.
    pub enum DecimalMark ("decimal mark") {
        /// `1234.5`.
        Point = "point",
        /// `1234,5`.
        Comma = "comma",
    }
}

/// How results are written: delimiter and decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsvStyle {
    /// The field delimiter.
    pub delimiter: Delimiter,
    /// The decimal mark.
    pub decimal_mark: DecimalMark,
}

impl CsvStyle {
    /// `;` and decimal comma: what French spreadsheets read and write.
    pub const FRENCH: CsvStyle = CsvStyle {
        delimiter: Delimiter::Semicolon,
        decimal_mark: DecimalMark::Comma,
    };
    /// `,` and decimal point (RFC 4180 and English spreadsheets).
    pub const ENGLISH: CsvStyle = CsvStyle {
        delimiter: Delimiter::Comma,
        decimal_mark: DecimalMark::Point,
    };

    /// `value` rounded half away from zero to `places` decimals, with this
    /// style's decimal mark and no thousands separator.
    pub fn number(self, value: Decimal, places: u32) -> String {
        let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
        // `-0.00` would read as zero anyway; write it as `0.00`.
        let rounded = if rounded.is_zero() {
            rounded.abs()
        } else {
            rounded
        };
        self.mark(format!("{:.*}", places as usize, rounded))
    }

    /// `value` with every digit it has (an input written back), with this
    /// style's decimal mark.
    pub fn exact(self, value: Decimal) -> String {
        self.mark(value.to_string())
    }

    /// A number's text (with a decimal point) in this style.
    fn mark(self, text: String) -> String {
        match self.decimal_mark {
            DecimalMark::Point => text,
            DecimalMark::Comma => text.replace('.', ","),
        }
    }
}

impl Default for CsvStyle {
    /// [`CsvStyle::FRENCH`]: the spreadsheets of the organisers ecodefi is
    /// made for.
    fn default() -> Self {
        CsvStyle::FRENCH
    }
}

/// The header of [`energy_households`].
pub const HOUSEHOLD_COLUMNS: &[&str] = &[
    "household",
    "team",
    "status",
    "persons",
    "consumption_units",
    "reference_kwh",
    "reference_corrected_kwh",
    "challenge_kwh",
    "saved_kwh",
    "change_percent",
    "saved_kwh_per_person",
    "saved_kwh_per_unit",
    "co2e_saved_kg",
    "euros_saved",
    "objective_reached",
    "exclusions",
    "warnings",
    "details",
];

/// One row per household of an energy report, in the report's order:
/// `status` is `computed` or `excluded`; an excluded household has blank
/// figures (persons and consumption units included, as in its report) and
/// its exclusion codes (space-separated) in `exclusions`;
/// `warnings` lists warning codes; `details` the human explanations
/// (`meter: detail`, separated by ` | `). `change_percent` is signed:
/// −11.3 is 11.3 % less than the climate-corrected reference.
///
/// # Example
/// ```
/// use ecodefi::table::write::{energy_households, CsvStyle};
/// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/energy/challenge.json"))?;
/// # let data = ecodefi::ChallengeData::from_json(&json)?;
/// let report = ecodefi::compute(&data)?;
/// let csv = energy_households(report.energy.as_ref().unwrap(), CsvStyle::FRENCH);
/// assert!(csv.starts_with("household;team;status;"));
/// assert_eq!(csv.lines().count(), 1 + data.households.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn energy_households(report: &EnergyReport, style: CsvStyle) -> String {
    let mut out = String::new();
    let d = style.delimiter;
    write_record(&mut out, HOUSEHOLD_COLUMNS.iter().copied(), d);
    let n = |v: Decimal| style.number(v, 2);
    for h in &report.households {
        let mut row: Vec<String> = vec![
            h.household.to_string(),
            h.team.to_string(),
            if h.is_excluded() {
                "excluded"
            } else {
                "computed"
            }
            .to_owned(),
        ];
        match h.figures() {
            Some(s) => row.extend([
                n(s.persons),
                n(s.consumption_units),
                n(s.reference.value()),
                n(s.reference_corrected.value()),
                n(s.challenge.value()),
                n(s.saved.value()),
                n(s.change.percent()),
                n(s.saved_per_person.value()),
                n(s.saved_per_unit.value()),
                n(s.co2e_saved.value()),
                n(s.euros_saved.value()),
                s.objective_reached.to_string(),
            ]),
            None => row.extend(std::iter::repeat_n(String::new(), 12)),
        }
        row.extend(reasons(&h.exclusions, &h.warnings));
        write_record(&mut out, row.iter().map(String::as_str), d);
    }
    out
}

/// A household's exclusion codes and warning codes (space-separated) and
/// their explanations (`meter: detail`, separated by ` | `): the last
/// three cells of every households CSV.
fn reasons(
    exclusions: &[crate::exclusion::Exclusion],
    warnings: &[crate::exclusion::Warning],
) -> [String; 3] {
    let codes = |it: &mut dyn Iterator<Item = &str>| it.collect::<Vec<_>>().join(" ");
    let details: Vec<String> = exclusions
        .iter()
        .map(|e| (e.meter.as_ref(), &e.detail))
        .chain(warnings.iter().map(|w| (w.meter.as_ref(), &w.detail)))
        .map(|(m, detail)| match m {
            Some(m) => format!("{m}: {detail}"),
            None => detail.clone(),
        })
        .collect();
    [
        codes(&mut exclusions.iter().map(|e| e.code.as_str())),
        codes(&mut warnings.iter().map(|w| w.code.as_str())),
        details.join(" | "),
    ]
}

/// The header of [`energy_teams`].
pub const TEAM_COLUMNS: &[&str] = &[
    "rank",
    "team",
    "name",
    "households",
    "excluded",
    "reference_kwh",
    "challenge_kwh",
    "saved_kwh",
    "change_percent",
    "mean_change_percent",
    "median_change_percent",
    "co2e_saved_kg",
    "euros_saved",
    "objective_reached",
];

/// One row per team of an energy report, best first. `reference_kwh` is
/// the counted households' climate-corrected reference; the changes are
/// blank for a team with no counted household.
pub fn energy_teams(report: &EnergyReport, style: CsvStyle) -> String {
    let mut out = String::new();
    let d = style.delimiter;
    write_record(&mut out, TEAM_COLUMNS.iter().copied(), d);
    let n = |v: Decimal| style.number(v, 2);
    let p = |r: Option<crate::quantity::Ratio>| r.map(|r| n(r.percent())).unwrap_or_default();
    for t in &report.teams {
        let row = [
            t.rank.to_string(),
            t.team.to_string(),
            t.name.clone(),
            t.totals.households.to_string(),
            t.totals.excluded.to_string(),
            n(t.totals.reference),
            n(t.totals.actual),
            n(t.totals.saved),
            p(t.totals.change),
            p(t.totals.mean_change),
            p(t.totals.median_change),
            n(t.co2e_saved.value()),
            n(t.euros_saved.value()),
            t.objective_reached.to_string(),
        ];
        write_record(&mut out, row.iter().map(String::as_str), d);
    }
    out
}

mod sections;
pub use sections::{
    section_households, section_teams, SECTION_HOUSEHOLD_COLUMNS, SECTION_TEAM_COLUMNS,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::csv::read;
    use crate::table::value::decimal;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn numbers_in_both_styles() {
        assert_eq!(CsvStyle::FRENCH.number(dec!(-1234.565), 2), "-1234,57");
        assert_eq!(CsvStyle::ENGLISH.number(dec!(1234.5), 2), "1234.50");
        assert_eq!(CsvStyle::ENGLISH.number(dec!(-0.004), 2), "0.00");
        assert_eq!(CsvStyle::ENGLISH.number(dec!(0.005), 2), "0.01");
    }

    fn report() -> (crate::ChallengeData, crate::Report) {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/energy/challenge.json"
        ))
        .unwrap();
        let data = crate::ChallengeData::from_json(&json).unwrap();
        let report = crate::compute(&data).unwrap();
        (data, report)
    }

    #[test]
    fn every_household_has_a_row() {
        let (data, report) = report();
        let energy = report.energy.as_ref().unwrap();
        for style in [CsvStyle::FRENCH, CsvStyle::ENGLISH] {
            let text = energy_households(energy, style);
            let rows = read(&text, style.delimiter).unwrap();
            assert_eq!(rows.len(), 1 + data.households.len());
            assert_eq!(rows[0].fields, HOUSEHOLD_COLUMNS);
            for (row, (h, r)) in rows[1..]
                .iter()
                .zip(data.households.iter().zip(&energy.households))
            {
                assert_eq!(row.fields.len(), HOUSEHOLD_COLUMNS.len());
                assert_eq!(row.fields[0], h.id.as_str());
                if let Some(s) = r.figures() {
                    assert_eq!(row.fields[2], "computed");
                    // The written change reads back as the rounded one.
                    let change = decimal(&row.fields[9], "x").unwrap();
                    assert_eq!(
                        change,
                        s.change
                            .percent()
                            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                    );
                    assert!(row.fields[15].is_empty());
                } else {
                    assert_eq!(row.fields[2], "excluded");
                    assert!(row.fields[5..15].iter().all(|f| f.is_empty()));
                    assert!(!row.fields[15].is_empty());
                }
            }
            let text = energy_teams(energy, style);
            let teams = read(&text, style.delimiter).unwrap();
            assert_eq!(teams.len(), 1 + energy.teams.len());
            assert_eq!(teams[1].fields[0], "1");
        }
    }

    fn nonneg() -> impl Strategy<Value = Decimal> {
        (0i64..1_000_000_000, 0u32..6).prop_map(|(v, s)| Decimal::new(v, s))
    }

    fn day() -> impl Strategy<Value = crate::date::Date> {
        (0i32..1000).prop_map(|d| crate::date::date_of(20_000 + d).unwrap())
    }

    fn meter(id: usize) -> impl Strategy<Value = crate::meter::Meter> {
        use crate::meter::{
            Basis, Bill, Carrier, Conversion, Delivery, Meter, MeterEvent, Reading, StockEstimate,
            Usage,
        };
        (
            0..Carrier::ALL.len(),
            0..Usage::ALL.len(),
            prop::option::of((1i64..100_000, 0u32..4, any::<bool>())),
            prop::option::of(0u32..=100),
            0u8..3,
            prop::collection::vec((day(), nonneg(), day()), 0..4),
            prop::collection::vec((day(), nonneg(), nonneg(), any::<bool>()), 0..2),
        )
            .prop_map(move |(c, u, conv, share, kind, items, events)| {
                let carrier = Carrier::ALL[c];
                let mut m = Meter::new(
                    crate::MeterId::new(format!("m;{id}\"x")).unwrap(),
                    carrier,
                    carrier.table_unit(),
                    Usage::ALL[u],
                );
                m.conversion = conv.map(|(v, sc, pcs)| Conversion {
                    kwh_per_unit: Decimal::new(v, sc),
                    basis: if pcs { Basis::Pcs } else { Basis::Pci },
                });
                m.heating_share = share.map(|p| crate::Ratio::new(Decimal::new(i64::from(p), 2)));
                for (d, v, d2) in items {
                    match kind {
                        0 => m.readings.push(Reading { date: d, value: v }),
                        1 => m.bills.push(Bill {
                            period: crate::Period::new(d.min(d2), d.max(d2)).unwrap(),
                            quantity: v,
                        }),
                        _ => {
                            m.deliveries.push(Delivery {
                                date: d,
                                quantity: v,
                            });
                            m.stock.push(StockEstimate {
                                date: d2,
                                quantity: v,
                            });
                        }
                    }
                }
                if kind == 0 {
                    for (date, a, b, replacement) in events {
                        m.events.push(if replacement {
                            MeterEvent::Replacement {
                                date,
                                old_final: a,
                                new_initial: b,
                            }
                        } else {
                            MeterEvent::Rollover {
                                date,
                                modulus: a + Decimal::ONE,
                            }
                        });
                    }
                }
                m
            })
    }

    fn household(i: usize) -> impl Strategy<Value = crate::Household> {
        use crate::household::{Occupancy, Occupants, PresenceChange};
        let occupants = (1u16..5, prop::collection::vec(0u8..18, 0..3))
            .prop_map(|(a, c)| Occupants::new(a, c).unwrap());
        (
            occupants.clone(),
            0usize..3,
            prop::option::of((1i64..100_000, 0u32..3)),
            prop::collection::vec(meter(0), 0..3),
            prop::collection::vec((1i32..100, occupants), 0..3),
            prop::collection::vec((0i32..200, 0usize..10, 0i64..100_000, 0u32..4), 0..4),
            prop::collection::vec(
                (
                    any::<bool>(),
                    prop::collection::vec((0i32..400, 0i64..10_000_000, 0u32..4), 0..4),
                ),
                0..2,
            ),
        )
            .prop_map(
                move |(o, team, surface, meters, changes, weighings, water)| {
                    let mut h = crate::Household::new(
                        crate::HouseholdId::new(
                            ["F1", "a;b", "q\"x", "x,y", "é\nz", "F 6"][i % 6].to_owned()
                                + &i.to_string(),
                        )
                        .unwrap(),
                        crate::TeamId::new(["t1", "Les \"Castors\"", "t;3"][team]).unwrap(),
                        o,
                    );
                    h.surface_m2 = surface.map(|(v, s)| Decimal::new(v, s));
                    h.meters = meters
                        .into_iter()
                        .enumerate()
                        .map(|(k, mut m)| {
                            m.id = crate::MeterId::new(format!("{}-{k}", m.id)).unwrap();
                            m
                        })
                        .collect();
                    let mut day = 20_000;
                    let presence = changes
                        .into_iter()
                        .map(|(gap, o)| {
                            day += gap;
                            PresenceChange {
                                from: crate::date::date_of(day).unwrap(),
                                occupants: o,
                            }
                        })
                        .collect();
                    h.occupancy = Occupancy::new(h.occupancy.initial().clone(), presence).unwrap();
                    h.water_meters = water
                        .into_iter()
                        .enumerate()
                        .map(|(k, (litres, readings))| {
                            let unit = if litres {
                                crate::water::WaterUnit::L
                            } else {
                                crate::water::WaterUnit::M3
                            };
                            let mut m = crate::water::WaterMeter::new(
                                crate::MeterId::new(format!("eau {k}")).unwrap(),
                                unit,
                            );
                            m.readings = readings
                                .into_iter()
                                .map(|(day, v, scale)| crate::meter::Reading {
                                    date: crate::date::date_of(20_000 + day).unwrap(),
                                    value: Decimal::new(v, scale),
                                })
                                .collect();
                            m
                        })
                        .collect();
                    h.weighings = weighings
                        .into_iter()
                        .map(|(day, stream, kg, scale)| crate::waste::Weighing {
                            date: crate::date::date_of(20_000 + day).unwrap(),
                            stream: crate::waste::Stream::ALL[stream],
                            kg: crate::Kg::new(Decimal::new(kg, scale)),
                        })
                        .collect();
                    h
                },
            )
    }

    fn households() -> impl Strategy<Value = Vec<crate::Household>> {
        (1usize..5).prop_flat_map(|n| (0..n).map(household).collect::<Vec<_>>())
    }

    proptest! {
        /// A written number reads back as the value rounded to its places.
        #[test]
        fn written_numbers_read_back(v in any::<i64>(), scale in 0u32..10, places in 0u32..4, french in any::<bool>()) {
            let x = Decimal::new(v, scale);
            let style = if french { CsvStyle::FRENCH } else { CsvStyle::ENGLISH };
            let back = decimal(&style.number(x, places), "x").unwrap();
            prop_assert_eq!(back, x.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero));
        }

        /// Inputs written as tables read back as the same inputs, in
        /// either style.
        #[test]
        fn input_tables_round_trip(
            households in households(),
            temps in prop::collection::vec((-500i64..400, 0i64..200), 0..4),
            french in any::<bool>(),
        ) {
            // Without the `themes` feature, theme inputs are refused.
            #[cfg(not(feature = "themes"))]
            let households: Vec<crate::Household> = households
                .into_iter()
                .map(|mut h| {
                    h.weighings.clear();
                    h.water_meters.clear();
                    h
                })
                .collect();
            let style = if french { CsvStyle::FRENCH } else { CsvStyle::ENGLISH };
            let mut teams: Vec<crate::Team> = Vec::new();
            for h in &households {
                if !teams.iter().any(|t| t.id == h.team) {
                    teams.push(crate::Team {
                        id: h.team.clone(),
                        name: format!("Équipe {}; \"{}\"", teams.len(), h.team),
                        captain: Some(h.id.clone()),
                    });
                }
            }
            let days: Vec<crate::weather::DailyTemperature> = temps
                .iter()
                .enumerate()
                .map(|(i, &(tn, width))| crate::weather::DailyTemperature {
                    date: crate::date::date_of(20_000 + i32::try_from(i).unwrap()).unwrap(),
                    tn: Decimal::new(tn, 1),
                    tx: Decimal::new(tn + width, 1),
                })
                .collect();
            let temperatures = crate::weather::Temperatures::new(&days).ok();
            let texts = input_tables(&households, &teams, temperatures.as_ref(), style);
            let back = texts.as_tables().read().unwrap();
            prop_assert_eq!(&back.households, &households);
            prop_assert_eq!(&back.teams, &teams);
            prop_assert_eq!(&back.temperatures, &temperatures);
        }
    }
}

/// A challenge's input tables written as CSV texts, one per table (`None`
/// when the table would have no row).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableTexts {
    /// The households table.
    pub households: String,
    /// The teams table.
    pub teams: Option<String>,
    /// The meters table.
    pub meters: Option<String>,
    /// The readings table.
    pub readings: Option<String>,
    /// The events table.
    pub events: Option<String>,
    /// The bills table.
    pub bills: Option<String>,
    /// The deliveries table.
    pub deliveries: Option<String>,
    /// The stock table.
    pub stock: Option<String>,
    /// The presence table.
    pub presence: Option<String>,
    /// The temperatures table.
    pub temperatures: Option<String>,
    /// The weighings table (waste).
    pub weighings: Option<String>,
    /// The purchases table (food).
    pub purchases: Option<String>,
    /// The trips table (mobility).
    pub trips: Option<String>,
}

impl TableTexts {
    /// The texts as files, each named for its table ([`file_name`]:
    /// `households.csv`, `teams.csv`…), the tables without rows left out.
    pub fn files(&self) -> Vec<super::Source<'_>> {
        [
            (Table::Households, Some(self.households.as_str())),
            (Table::Teams, self.teams.as_deref()),
            (Table::Meters, self.meters.as_deref()),
            (Table::Readings, self.readings.as_deref()),
            (Table::Events, self.events.as_deref()),
            (Table::Bills, self.bills.as_deref()),
            (Table::Deliveries, self.deliveries.as_deref()),
            (Table::Stock, self.stock.as_deref()),
            (Table::Presence, self.presence.as_deref()),
            (Table::Temperatures, self.temperatures.as_deref()),
            (Table::Weighings, self.weighings.as_deref()),
            (Table::Purchases, self.purchases.as_deref()),
            (Table::Trips, self.trips.as_deref()),
        ]
        .into_iter()
        .filter_map(|(t, text)| Some(super::Source::new(file_name(t), text?)))
        .collect()
    }

    /// The texts as [`Tables`](super::Tables) to read back, named as
    /// [`TableTexts::files`].
    pub fn as_tables(&self) -> super::Tables<'_> {
        let t = self.files();
        let get = |table: Table| t.iter().copied().find(|s| s.name == file_name(table));
        super::Tables {
            households: super::Source::new(file_name(Table::Households), &self.households),
            teams: get(Table::Teams),
            meters: get(Table::Meters),
            readings: get(Table::Readings),
            events: get(Table::Events),
            bills: get(Table::Bills),
            deliveries: get(Table::Deliveries),
            stock: get(Table::Stock),
            presence: get(Table::Presence),
            temperatures: get(Table::Temperatures),
            weighings: get(Table::Weighings),
            purchases: get(Table::Purchases),
            trips: get(Table::Trips),
            settings: None,
        }
    }
}

/// A challenge's settings table (`settings.csv`): its name, territory,
/// organiser kind, themes, periods and objective, the values of its
/// energy options and the waste theme's periods when set, one row per
/// setting under its English key. Reading it
/// back with the tables ([`Tables::challenge_data_from_tables`]) gives the
/// same challenge and options; with [`input_tables`], a whole challenge
/// document as spreadsheet files.
///
/// [`Tables::challenge_data_from_tables`]: super::Tables::challenge_data_from_tables
///
/// # Errors
/// [`Error::InvalidValue`](crate::Error::InvalidValue) for options the
/// table cannot hold: impact factors other than the defaults,
/// weather-regression baselines, cooling degree-days, water, food or
/// mobility options other than the defaults (JSON settings hold them).
pub fn settings_table(
    challenge: &crate::Challenge,
    options: &crate::data::Options,
    style: CsvStyle,
) -> crate::Result<String> {
    let decimal = |d: Decimal| style.exact(d);
    let yes = match style.decimal_mark {
        DecimalMark::Comma => ("oui", "non"),
        DecimalMark::Point => ("yes", "no"),
    };
    let rows = super::settings_table::rows(challenge, options, &decimal, yes)?;
    let mut out = String::new();
    write_record(
        &mut out,
        Table::Settings.columns().iter().map(|c| c.name),
        style.delimiter,
    );
    for [key, value] in &rows {
        write_record(&mut out, [key.as_str(), value.as_str()], style.delimiter);
    }
    Ok(out)
}

/// The file name of a table written by [`input_tables`]: `households.csv`…
pub fn file_name(table: Table) -> &'static str {
    match table {
        Table::Households => "households.csv",
        Table::Teams => "teams.csv",
        Table::Meters => "meters.csv",
        Table::Readings => "readings.csv",
        Table::Events => "events.csv",
        Table::Bills => "bills.csv",
        Table::Deliveries => "deliveries.csv",
        Table::Stock => "stock.csv",
        Table::Presence => "presence.csv",
        Table::Temperatures => "temperatures.csv",
        Table::Weighings => "weighings.csv",
        Table::Purchases => "purchases.csv",
        Table::Trips => "trips.csv",
        Table::Settings => "settings.csv",
    }
}

/// Writes rows under the English header of `table`; `None` without rows.
fn table_text(table: Table, rows: &[Vec<String>], style: CsvStyle) -> Option<String> {
    if rows.is_empty() {
        return None;
    }
    Some(all_rows(table, rows, style))
}

fn all_rows(table: Table, rows: &[Vec<String>], style: CsvStyle) -> String {
    let mut out = String::new();
    // The optional columns past the rows' width (e.g. the households' `prm`
    // and `pce`, which no core type keeps) are left out.
    let width = rows.first().map_or(usize::MAX, Vec::len);
    write_record(
        &mut out,
        table.columns().iter().take(width).map(|c| c.name),
        style.delimiter,
    );
    for r in rows {
        write_record(&mut out, r.iter().map(String::as_str), style.delimiter);
    }
    out
}

/// The rows of each input table, being written.
#[derive(Default)]
struct Rows {
    households: Vec<Vec<String>>,
    teams: Vec<Vec<String>>,
    meters: Vec<Vec<String>>,
    readings: Vec<Vec<String>>,
    events: Vec<Vec<String>>,
    bills: Vec<Vec<String>>,
    deliveries: Vec<Vec<String>>,
    stock: Vec<Vec<String>>,
    presence: Vec<Vec<String>>,
    temperatures: Vec<Vec<String>>,
    weighings: Vec<Vec<String>>,
    purchases: Vec<Vec<String>>,
    trips: Vec<Vec<String>>,
}

/// The rows of a meter's readings, events and bills (energy or water).
fn measurement_rows(
    id: &str,
    meter: &str,
    (readings, events, bills): (
        &[crate::meter::Reading],
        &[crate::meter::MeterEvent],
        &[crate::meter::Bill],
    ),
    exact: &dyn Fn(Decimal) -> String,
    rows: &mut Rows,
) {
    let key = || vec![id.to_owned(), meter.to_owned()];
    for r in readings {
        rows.readings
            .push([key(), vec![r.date.to_string(), exact(r.value)]].concat());
    }
    for e in events {
        let cells = match *e {
            crate::meter::MeterEvent::Replacement {
                date,
                old_final,
                new_initial,
            } => vec![
                date.to_string(),
                "replacement".into(),
                exact(old_final),
                exact(new_initial),
                String::new(),
            ],
            crate::meter::MeterEvent::Rollover { date, modulus } => vec![
                date.to_string(),
                "rollover".into(),
                String::new(),
                String::new(),
                exact(modulus),
            ],
        };
        rows.events.push([key(), cells].concat());
    }
    for b in bills {
        rows.bills.push(
            [
                key(),
                vec![
                    b.period.first().to_string(),
                    b.period.last().to_string(),
                    exact(b.quantity),
                ],
            ]
            .concat(),
        );
    }
}

/// A household's food purchases and trips as rows; yes/no in the style's
/// language.
fn theme_rows(
    h: &crate::Household,
    exact: &dyn Fn(Decimal) -> String,
    style: CsvStyle,
    rows: &mut Rows,
) {
    let id = h.id.to_string();
    let yes = |b: bool| {
        match (b, style.decimal_mark) {
            (true, DecimalMark::Comma) => "oui",
            (false, DecimalMark::Comma) => "non",
            (true, DecimalMark::Point) => "yes",
            (false, DecimalMark::Point) => "no",
        }
        .to_owned()
    };
    for p in &h.food_purchases {
        rows.purchases.push(vec![
            id.clone(),
            p.date.to_string(),
            exact(p.amount.value()),
            yes(p.organic),
            yes(p.local),
            p.channel.to_string(),
            p.meals.to_string(),
            p.persons.to_string(),
        ]);
    }
    for t in &h.trips {
        rows.trips.push(vec![
            id.clone(),
            t.date.to_string(),
            t.mode.to_string(),
            exact(t.km.value()),
            t.trips.to_string(),
        ]);
    }
}

/// A water meter's row (carrier `water`, its unit, the energy columns
/// blank) and the rows of its measurements.
fn water_meter_rows(
    id: &str,
    m: &crate::water::WaterMeter,
    exact: &dyn Fn(Decimal) -> String,
    rows: &mut Rows,
) {
    let meter = m.id.to_string();
    let mut row = vec![
        id.to_owned(),
        meter.clone(),
        "water".into(),
        m.unit.to_string(),
    ];
    row.extend(std::iter::repeat_n(String::new(), 4));
    rows.meters.push(row);
    measurement_rows(id, &meter, (&m.readings, &m.events, &m.bills), exact, rows);
}

/// A meter's row and the rows of its measurements.
fn meter_rows(
    id: &str,
    m: &crate::meter::Meter,
    exact: &dyn Fn(Decimal) -> String,
    rows: &mut Rows,
) {
    let meter = m.id.to_string();
    rows.meters.push(vec![
        id.to_owned(),
        meter.clone(),
        m.carrier.to_string(),
        m.unit.to_string(),
        m.usage.to_string(),
        m.conversion
            .map(|c| exact(c.kwh_per_unit))
            .unwrap_or_default(),
        m.conversion
            .map(|c| c.basis.to_string())
            .unwrap_or_default(),
        m.heating_share
            .map(|p| exact(p.fraction()))
            .unwrap_or_default(),
    ]);
    measurement_rows(id, &meter, (&m.readings, &m.events, &m.bills), exact, rows);
    let key = || vec![id.to_owned(), meter.clone()];
    for d in &m.deliveries {
        rows.deliveries
            .push([key(), vec![d.date.to_string(), exact(d.quantity)]].concat());
    }
    for s in &m.stock {
        rows.stock
            .push([key(), vec![s.date.to_string(), exact(s.quantity)]].concat());
    }
}

/// Writes a challenge's inputs (households with their meters and
/// measurements, teams, temperatures) as the documented tables, exactly
/// (every decimal with all its digits, in the style's decimal mark): the
/// way to turn a JSON challenge document into spreadsheet files.
/// Reading the texts back ([`TableTexts::as_tables`]) gives the same
/// inputs.
///
/// # Example
/// ```
/// use ecodefi::table::write::{input_tables, CsvStyle};
/// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/energy/challenge.json"))?;
/// let data = ecodefi::ChallengeData::from_json(&json)?;
/// let texts = input_tables(&data.households, &data.challenge.teams, data.temperatures.as_ref(), CsvStyle::FRENCH);
/// let back = texts.as_tables().read()?;
/// assert_eq!(back.households, data.households);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn input_tables(
    households: &[crate::Household],
    teams: &[crate::Team],
    temperatures: Option<&crate::weather::Temperatures>,
    style: CsvStyle,
) -> TableTexts {
    let exact = |d: Decimal| style.exact(d);
    let ages = |o: &crate::Occupants| {
        o.children()
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut rows = Rows::default();
    for t in teams {
        rows.teams.push(vec![
            t.id.to_string(),
            t.name.clone(),
            t.captain
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ]);
    }
    for h in households {
        let id = h.id.to_string();
        let o = h.occupancy.initial();
        rows.households.push(vec![
            id.clone(),
            h.team.to_string(),
            o.adults().to_string(),
            ages(o),
            h.surface_m2.map(exact).unwrap_or_default(),
        ]);
        for c in h.occupancy.changes() {
            rows.presence.push(vec![
                id.clone(),
                c.from.to_string(),
                c.occupants.adults().to_string(),
                ages(&c.occupants),
            ]);
        }
        for m in &h.meters {
            meter_rows(&id, m, &exact, &mut rows);
        }
        for m in &h.water_meters {
            water_meter_rows(&id, m, &exact, &mut rows);
        }
        theme_rows(h, &exact, style, &mut rows);
        for w in &h.weighings {
            rows.weighings.push(vec![
                id.clone(),
                w.date.to_string(),
                w.stream.to_string(),
                exact(w.kg.value()),
            ]);
        }
    }
    if let Some(t) = temperatures {
        for d in t.iter() {
            rows.temperatures
                .push(vec![d.date.to_string(), exact(d.tn), exact(d.tx)]);
        }
    }
    TableTexts {
        households: all_rows(Table::Households, &rows.households, style),
        teams: table_text(Table::Teams, &rows.teams, style),
        meters: table_text(Table::Meters, &rows.meters, style),
        readings: table_text(Table::Readings, &rows.readings, style),
        events: table_text(Table::Events, &rows.events, style),
        bills: table_text(Table::Bills, &rows.bills, style),
        deliveries: table_text(Table::Deliveries, &rows.deliveries, style),
        stock: table_text(Table::Stock, &rows.stock, style),
        presence: table_text(Table::Presence, &rows.presence, style),
        temperatures: table_text(Table::Temperatures, &rows.temperatures, style),
        weighings: table_text(Table::Weighings, &rows.weighings, style),
        purchases: table_text(Table::Purchases, &rows.purchases, style),
        trips: table_text(Table::Trips, &rows.trips, style),
    }
}
