//! Any theme's results as CSV, from what every theme's section shares
//! ([`Section`]): one row per team in rank order, one row per household
//! with its status, reasons and warnings. A theme's own figures are in its
//! report (and, for energy, in [`energy_households`](super::energy_households)).

use crate::outcome::Status;
use crate::section::{Score, Section};

use super::super::csv::write_record;
use super::CsvStyle;

/// The header of [`section_teams`].
pub const SECTION_TEAM_COLUMNS: &[&str] = &[
    "theme",
    "rank",
    "team",
    "name",
    "households",
    "excluded",
    "change_percent",
    "gain_points",
];

/// One row per team of a theme's section, in rank order. The figure the
/// theme ranks by is `change_percent` (signed: −26.1 is 26.1 % less) or,
/// for food, `gain_points` (percentage points of organic plus local
/// share); blank when the team has no counted household.
///
/// # Example
/// ```
/// use ecodefi::table::write::{section_teams, CsvStyle};
/// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/waste/challenge.json"))?;
/// # let data = ecodefi::ChallengeData::from_json(&json)?;
/// let report = ecodefi::compute(&data)?;
/// let csv = section_teams(report.sections()[0], CsvStyle::FRENCH);
/// assert!(csv.starts_with("theme;rank;team;name;"));
/// assert!(csv.lines().nth(1).unwrap().starts_with("waste;1;"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn section_teams(section: &dyn Section, style: CsvStyle) -> String {
    let mut out = String::new();
    let d = style.delimiter;
    write_record(&mut out, SECTION_TEAM_COLUMNS.iter().copied(), d);
    let n = |r: Option<crate::quantity::Ratio>| {
        r.map(|r| style.number(r.percent(), 2)).unwrap_or_default()
    };
    let theme = section.theme().to_string();
    for t in section.ranking() {
        let (change, points) = match t.score {
            Score::Change(r) => (n(r), String::new()),
            Score::Points(r) => (String::new(), n(r)),
        };
        let row = [
            theme.clone(),
            t.rank.to_string(),
            t.team.to_string(),
            t.name.to_owned(),
            t.counted.to_string(),
            t.excluded.to_string(),
            change,
            points,
        ];
        write_record(&mut out, row.iter().map(String::as_str), d);
    }
    out
}

/// The header of [`section_households`].
pub const SECTION_HOUSEHOLD_COLUMNS: &[&str] = &[
    "theme",
    "household",
    "team",
    "status",
    "exclusions",
    "warnings",
    "details",
];

/// One row per household of a theme's section, in input order: `status`
/// is `computed` or `excluded`, `exclusions` and `warnings` list codes
/// (space-separated), `details` the explanations (`meter: detail`,
/// separated by ` | `), as [`energy_households`](super::energy_households)
/// does.
pub fn section_households(section: &dyn Section, style: CsvStyle) -> String {
    let mut out = String::new();
    let d = style.delimiter;
    write_record(&mut out, SECTION_HOUSEHOLD_COLUMNS.iter().copied(), d);
    let theme = section.theme().to_string();
    for h in section.households() {
        let row = [
            theme.clone(),
            h.household.to_string(),
            h.team.to_string(),
            match h.status {
                Status::Computed => "computed",
                Status::Excluded => "excluded",
            }
            .to_owned(),
        ];
        let [codes, warnings, details] = super::reasons(h.exclusions, h.warnings);
        write_record(
            &mut out,
            row.iter()
                .chain([&codes, &warnings, &details])
                .map(String::as_str),
            d,
        );
    }
    out
}

#[cfg(test)]
#[cfg(feature = "themes")]
mod tests {
    use super::*;
    use crate::table::csv::read;
    use crate::table::csv::Delimiter;

    fn waste() -> crate::Report {
        let json = include_str!("../../../examples/data/waste/challenge.json");
        crate::compute(&crate::ChallengeData::from_json(json).unwrap()).unwrap()
    }

    #[test]
    fn team_rows_follow_the_ranking_and_its_figure() {
        let report = waste();
        let w = report.waste.as_ref().unwrap();
        let csv = section_teams(report.sections()[0], CsvStyle::ENGLISH);
        let rows = read(&csv, Delimiter::Comma).unwrap();
        assert_eq!(rows.len(), 1 + w.teams.len());
        for (i, r) in rows.iter().skip(1).enumerate() {
            let team = w
                .teams
                .iter()
                .find(|t| t.team.as_str() == r.fields[2])
                .unwrap();
            assert_eq!(r.fields[1], (i + 1).to_string());
            assert_eq!(r.fields[1], team.rank.to_string());
            // The residual change as a percentage, rounded to 2 places.
            let pct = team.totals.residual.change.unwrap().percent();
            assert_eq!(
                r.fields[6],
                pct.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize()
                    .to_string()
            );
            assert_eq!(r.fields[7], "");
        }
    }

    #[test]
    fn food_teams_are_ranked_by_their_gain_in_points() {
        let json = include_str!("../../../examples/data/food/challenge.json");
        let report = crate::compute(&crate::ChallengeData::from_json(json).unwrap()).unwrap();
        let food = report.food.as_ref().unwrap();
        let csv = section_teams(report.sections()[0], CsvStyle::ENGLISH);
        let rows = read(&csv, Delimiter::Comma).unwrap();
        let mut last = None;
        for (r, team) in rows.iter().skip(1).zip(&food.teams) {
            assert_eq!(r.fields[2], team.team.as_str());
            assert_eq!(r.fields[6], "", "no change percent for food");
            // Organic plus local share, first survey to last, in points.
            let c = team.totals.change.as_ref().unwrap();
            let points = (c.organic_share_change.fraction() + c.local_share_change.fraction())
                * rust_decimal::Decimal::ONE_HUNDRED;
            let written: rust_decimal::Decimal = r.fields[7].parse().unwrap();
            assert_eq!(
                written,
                points.round_dp_with_strategy(
                    2,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero
                )
            );
            // Best first: the gains do not grow down the list.
            assert!(last.is_none_or(|l| l >= written), "{csv}");
            last = Some(written);
        }
    }

    #[test]
    fn household_rows_keep_every_household_and_reason() {
        let report = waste();
        let w = report.waste.as_ref().unwrap();
        let csv = section_households(report.sections()[0], CsvStyle::FRENCH);
        let rows = read(&csv, Delimiter::Semicolon).unwrap();
        assert_eq!(rows.len(), 1 + w.households.len());
        for (r, h) in rows.iter().skip(1).zip(&w.households) {
            assert_eq!(r.fields[1], h.household.as_str());
            assert_eq!(r.fields[3] == "excluded", h.is_excluded());
            let codes: Vec<&str> = h.exclusions.iter().map(|e| e.code.as_str()).collect();
            assert_eq!(r.fields[4], codes.join(" "));
        }
        assert!(rows.iter().any(|r| r.fields[3] == "excluded"));
    }
}
