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
        let text = format!("{:.*}", places as usize, rounded);
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
/// figures and its exclusion codes (space-separated) in `exclusions`;
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
            if h.saving.is_some() {
                "computed"
            } else {
                "excluded"
            }
            .to_owned(),
            n(h.persons),
            n(h.consumption_units),
        ];
        match &h.saving {
            Some(s) => row.extend([
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
            None => row.extend(std::iter::repeat_n(String::new(), 10)),
        }
        let codes = |it: &mut dyn Iterator<Item = &str>| it.collect::<Vec<_>>().join(" ");
        row.push(codes(&mut h.exclusions.iter().map(|e| e.code.as_str())));
        row.push(codes(&mut h.warnings.iter().map(|w| w.code.as_str())));
        let details: Vec<String> = h
            .exclusions
            .iter()
            .map(|e| (e.meter.as_ref(), &e.detail))
            .chain(h.warnings.iter().map(|w| (w.meter.as_ref(), &w.detail)))
            .map(|(m, detail)| match m {
                Some(m) => format!("{m}: {detail}"),
                None => detail.clone(),
            })
            .collect();
        row.push(details.join(" | "));
        write_record(&mut out, row.iter().map(String::as_str), d);
    }
    out
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
                if let Some(s) = &r.saving {
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
                    assert!(row.fields[5..15].iter().all(String::is_empty));
                    assert!(!row.fields[15].is_empty());
                }
            }
            let teams = read(&energy_teams(energy, style), style.delimiter).unwrap();
            assert_eq!(teams.len(), 1 + energy.teams.len());
            assert_eq!(teams[1].fields[0], "1");
        }
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
    }
}
