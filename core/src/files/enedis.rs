//! The Linky exports of the Enedis customer portal ("Mes données de
//! consommation", *Télécharger mes données*): `;`-separated CSV files.
//!
//! # Layout
//!
//! Confirmed from the examples quoted in l-etabli/quoalise,
//! `formalisme/enedis.md` ("Flux historique mail / ftp"), and in the header
//! lists of other open-source readers (e.g. `HEADERS_CONSUMPTION_LIST` of a
//! Linky CSV reader found by the `code` search):
//!
//! 1. a metadata header `Identifiant PRM;Type de donnees;Date de debut;Date de
//!    fin;Grandeur physique;Grandeur metier;Etape metier;Unite`, followed by
//!    `;Pas en minutes` for a load curve, and its values line
//!    (`00000000000000;Courbe de charge;01/09/2018;21/08/2020;Energie
//!    active;Consommation;Comptage Brut;W;`);
//! 2. a blank line (sometimes none);
//! 3. the data table:
//!    - `Horodate;Valeur` with ISO 8601 timestamps carrying their UTC
//!      offset (`2020-08-20T23:40:00+02:00;270`): a **load curve** (unit `W`,
//!      mean power over the step) or the **daily consumption** (unit `Wh`,
//!      one row per day);
//!    - `Horodate;Type de releve;EAS F1;…;EAS F10;EAS D1;…;EAS D4;EAS T`: the
//!      **index** (*arrêté quotidien*, Wh), one row per day.
//!
//! The SGE layout with one row per point (`Identifiant PRM;Date de
//! debut;…;Horodate;Valeur;Nature;Pas`) is read too: see `per_point`.
//!
//! The index file goes on with other tables (`Periode;Identifiant
//! calendrier fournisseur;…`, the supplier's time classes, and sometimes
//! another `Identifiant PRM;…` section such as the maximum power): the data
//! table ends at the first blank line or the first row that does not start
//! with a timestamp; what follows is not read.
//!
//! # Meaning
//!
//! - Load curve: each value is the mean power (W) over the step that
//!   **starts** at its timestamp: quoalise's SGE proxy documents "Mean value
//!   for each time period is time stamped at the begining", and the export
//!   quoted above runs from `…T00:00:00` to `…T23:50:00` for a 10-minute step
//!   (last day `Date de fin` excluded). A step's energy is W × step / 60 000
//!   kWh; a day's energy is the exact sum of its steps divided once. Points
//!   are grouped into local days by the timestamp's own date and offset: a
//!   day is complete only when it has every step from its local midnight to
//!   the next (48 half-hours, 46 on the spring daylight-saving day, 50 on the
//!   autumn one: contiguous in UTC), all with a value. The step is `Pas en
//!   minutes` when given, else the smallest gap between points (10, 30 or
//!   60).
//! - Daily consumption: Wh consumed on the day of the timestamp's date.
//! - Index: Linky's "EAS" registers (*énergie active soutirée*): F1…F10 are
//!   the supplier's time classes, D1…D4 the distributor's, and `EAS T` the
//!   total — in the quoalise example EAS F1 + F2 + F3 + F4 = EAS D1 + D2 =
//!   EAS T (1 834 405 Wh). The reading is `EAS T`, or the sum of D1…D4 when
//!   `EAS T` is empty, or of F1…F10 when the D registers are empty too. A daily stop (*arrêté quotidien*) is stamped at a
//!   local midnight (`2019-09-02T00:00:00+02:00`), sometimes near it (some
//!   files show 23:00 or 01:00): it is the index at the start of the day of
//!   the nearest midnight.
//!
//! Wh become kWh by an exact decimal division by 1000. An empty value is a
//! missing measurement: its day goes to `incomplete_days`, never to zero.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::date::{date_of, day_number, Date};
use crate::error::{quoted, Error, Location, Result};
use crate::message::Arg;
use crate::meter::Reading;
use crate::quantity::{add, div};
use crate::{msg, noun};

use super::meter_file::{Content, Day, MeterFile, Provider};

/// Whether `line` is the Enedis metadata header (with or without accents).
pub(crate) fn is_header(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}');
    line.starts_with("Identifiant PRM;Type de donn") || per_point::is_header(line)
}

mod per_point;

/// A timestamp as Enedis writes it: local date and minute of the day, and
/// the UTC offset in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    date: Date,
    minute: i64,
    offset: i64,
}

impl Stamp {
    /// Minutes since 1970-01-01T00:00Z.
    fn utc(self) -> i64 {
        i64::from(day_number(self.date)) * 1440 + self.minute - self.offset
    }
}

/// Reads `2020-08-20T23:40:00+02:00` (seconds optional, `Z` accepted).
fn stamp(text: &str) -> Option<Stamp> {
    let (date, rest) = text.trim().split_once('T')?;
    let date: Date = date.parse().ok()?;
    let (time, offset) = if let Some(t) = rest.strip_suffix('Z') {
        (t, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (time, zone) = rest.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, m) = zone.get(1..)?.split_once(':')?;
        (time, sign * (number(h, 14)? * 60 + number(m, 59)?))
    };
    let mut parts = time.split(':');
    let hour = number(parts.next()?, 23)?;
    let minute = number(parts.next()?, 59)?;
    if let Some(s) = parts.next() {
        number(s, 59)?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(Stamp {
        date,
        minute: hour * 60 + minute,
        offset,
    })
}

/// Two ASCII digits up to `max`.
fn number(text: &str, max: i64) -> Option<i64> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = text.parse().ok()?;
    (n <= max).then_some(n)
}

/// Where a value of the file is.
fn at(name: &str, line: usize, column: &str) -> Location {
    Location::in_file(name).with_file(name, line, Some(column.to_owned()))
}

/// A non-negative decimal cell (Enedis writes integers; a decimal comma is
/// accepted). `None` for an empty cell.
fn value(name: &str, line: usize, column: &str, text: &str) -> Result<Option<Decimal>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.replace(',', ".").parse::<Decimal>() {
        Ok(v) if v >= Decimal::ZERO => Ok(Some(v)),
        _ => Err(Error::InvalidValue {
            what: noun!("meter value"),
            got: quoted(text),
            why: msg!("a measurement is a number ≥ 0"),
            at: at(name, line, column),
        }),
    }
}

/// Wh to kWh, exactly.
fn kwh(wh: Decimal) -> Result<Decimal> {
    div(wh, Decimal::ONE_THOUSAND, noun!("kWh"))
}

/// Reads an Enedis export whose first line is the metadata header.
pub(crate) fn read(name: &str, text: &str) -> Result<MeterFile> {
    if per_point::is_header(text) {
        return per_point::read(name, text);
    }
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    let header: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split(';').collect())
        .unwrap_or_default();
    let Some((_, values)) = lines.next() else {
        return Err(Error::InsufficientData {
            why: msg!("the Enedis header has no values line"),
            at: Location::in_file(name).with_file(name, 2, None),
        });
    };
    let values: Vec<&str> = values.split(';').collect();
    let meta = |prefix: &str| {
        header
            .iter()
            .position(|h| h.trim().starts_with(prefix))
            .and_then(|i| values.get(i))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let identifier = meta("Identifiant PRM").map(str::to_owned);
    let data_type = meta("Type de donn").unwrap_or("").to_owned();
    let unit = meta("Unit").unwrap_or("").to_owned();
    let step = meta("Pas en minutes").map(str::to_owned);

    let mut lines = lines.skip_while(|(_, l)| l.trim().is_empty());
    let Some((table_line, table)) = lines.next() else {
        return Err(Error::InsufficientData {
            why: msg!("the Enedis file has no data table after its header"),
            at: Location::in_file(name).with_file(name, 3, None),
        });
    };
    let columns: Vec<&str> = table.split(';').map(str::trim).collect();
    let rows: Vec<(usize, Vec<&str>)> = lines
        .take_while(|(_, l)| l.trim().bytes().next().is_some_and(|b| b.is_ascii_digit()))
        .map(|(n, l)| (n, l.split(';').collect()))
        .collect();
    let check_unit = |expected: &str| {
        if unit == expected {
            Ok(())
        } else {
            Err(Error::InvalidValue {
                what: noun!("Enedis unit"),
                got: quoted(&unit),
                why: msg!(
                    "{data_type} is given in {expected}",
                    data_type = Arg::quoted(data_type.as_str()),
                    expected = expected
                ),
                at: Location::in_file(name).with_file(name, 2, Some("Unite".into())),
            })
        }
    };
    let mut file = MeterFile::empty(
        name,
        Provider::Enedis,
        Content::DailyConsumption,
        identifier,
    );
    let lower = data_type.to_lowercase();
    match columns.as_slice() {
        ["Horodate", "Type de releve" | "Type de relevé", ..] => {
            check_unit("Wh")?;
            file.content = Content::Index;
            read_index(&mut file, &columns, &rows)?;
        }
        ["Horodate", "Valeur", ..] if lower.contains("courbe") || unit == "W" => {
            check_unit("W")?;
            let step = step.map(|s| parse_step(name, &s)).transpose()?;
            read_load_curve(&mut file, step, &rows)?;
        }
        ["Horodate", "Valeur", ..] if lower.contains("puissance") => {
            return Err(Error::UnknownName {
                what: noun!("Enedis data type"),
                got: quoted(&data_type),
                expected: "a load curve (Courbe de charge, W), a consumption per day (Wh) or an Index (Wh)",
                at: Location::in_file(name).with_file(name, 2, Some("Type de donnees".into())),
            });
        }
        ["Horodate", "Valeur", ..] => {
            check_unit("Wh")?;
            read_daily(&mut file, &rows)?;
        }
        _ => {
            return Err(Error::UnknownName {
                what: noun!("Enedis data table header"),
                got: quoted(table),
                expected: "Horodate;Valeur or Horodate;Type de releve;EAS F1;…;EAS T",
                at: Location::in_file(name).with_file(name, table_line, None),
            })
        }
    }
    Ok(file)
}

/// `Pas en minutes`: 10, 30 or 60.
fn parse_step(name: &str, text: &str) -> Result<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|s| [10, 30, 60].contains(s))
        .ok_or_else(|| Error::InvalidValue {
            what: noun!("load-curve step"),
            got: quoted(text),
            why: msg!("Linky steps are 10, 30 or 60 minutes"),
            at: Location::in_file(name).with_file(name, 2, Some("Pas en minutes".into())),
        })
}

/// A row's timestamp, or a located error.
fn row_stamp(name: &str, line: usize, cells: &[&str]) -> Result<Stamp> {
    let text = cells.first().copied().unwrap_or("");
    stamp(text).ok_or_else(|| Error::InvalidValue {
        what: noun!("Enedis timestamp"),
        got: quoted(text),
        why: msg!("expected an ISO 8601 timestamp with its offset, e.g. 2024-01-15T00:30:00+01:00"),
        at: at(name, line, "Horodate"),
    })
}

/// Days from `first` to `last` that are not in `present`.
fn missing(first: Date, last: Date, present: &[Date]) -> Vec<Date> {
    (day_number(first)..=day_number(last))
        .filter_map(|d| date_of(d).ok())
        .filter(|d| present.binary_search(d).is_err())
        .collect()
}

/// `Horodate;Valeur` in Wh, one row per day.
fn read_daily(file: &mut MeterFile, rows: &[(usize, Vec<&str>)]) -> Result<()> {
    let mut days: BTreeMap<Date, Option<Decimal>> = BTreeMap::new();
    for (line, cells) in rows {
        let s = row_stamp(&file.name, *line, cells)?;
        let wh = value(
            &file.name,
            *line,
            "Valeur",
            cells.get(1).copied().unwrap_or(""),
        )?;
        if days.insert(s.date, wh).is_some() {
            return Err(duplicate(&file.name, *line, s.date));
        }
    }
    for (&date, wh) in &days {
        if let Some(wh) = wh {
            file.days.push(Day {
                date,
                kwh: kwh(*wh)?,
                m3: None,
                kwh_per_m3: None,
            });
        }
    }
    finish(file, &days.keys().copied().collect::<Vec<_>>());
    Ok(())
}

/// Lists the incomplete days of the span of `all` dates seen.
fn finish(file: &mut MeterFile, all: &[Date]) {
    let present: Vec<Date> = if file.content == Content::Index {
        file.index.iter().map(|r| r.date).collect()
    } else {
        file.days.iter().map(|d| d.date).collect()
    };
    if let (Some(&first), Some(&last)) = (all.first(), all.last()) {
        file.incomplete_days = missing(first, last, &present);
    }
}

fn duplicate(name: &str, line: usize, date: Date) -> Error {
    Error::Duplicate {
        what: noun!("Enedis day"),
        id: date.to_string(),
        at: at(name, line, "Horodate"),
    }
}

/// `Horodate;Type de releve;EAS F1;…;EAS T` in Wh.
fn read_index(file: &mut MeterFile, columns: &[&str], rows: &[(usize, Vec<&str>)]) -> Result<()> {
    let total = columns.iter().position(|c| *c == "EAS T");
    let registers = |prefix: &str| -> Vec<usize> {
        columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.starts_with(prefix))
            .map(|(i, _)| i)
            .collect()
    };
    let (distributor, supplier) = (registers("EAS D"), registers("EAS F"));
    if total.is_none() && distributor.is_empty() && supplier.is_empty() {
        return Err(Error::InvalidValue {
            what: noun!("Enedis index columns"),
            got: quoted(&columns.join(";")),
            why: msg!("an index file has an `EAS T` column (or `EAS D1`…`EAS D4`, `EAS F1`…)"),
            at: Location::in_file(&file.name),
        });
    }
    let mut readings: BTreeMap<Date, Option<Decimal>> = BTreeMap::new();
    for (line, cells) in rows {
        let s = row_stamp(&file.name, *line, cells)?;
        // The day of the nearest local midnight.
        let date = if s.minute >= 720 {
            s.date.add_days(1)?
        } else {
            s.date
        };
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        let mut wh = match total {
            Some(i) => value(&file.name, *line, "EAS T", cell(i))?,
            None => None,
        };
        for group in [&distributor, &supplier] {
            if wh.is_none() {
                for &i in group {
                    if let Some(v) = value(&file.name, *line, columns[i], cell(i))? {
                        wh = Some(add(wh.unwrap_or(Decimal::ZERO), v, noun!("index"))?);
                    }
                }
            }
        }
        if readings.insert(date, wh).is_some() {
            return Err(duplicate(&file.name, *line, date));
        }
    }
    for (&date, wh) in &readings {
        if let Some(wh) = wh {
            file.index.push(Reading {
                date,
                value: kwh(*wh)?,
            });
        }
    }
    finish(file, &readings.keys().copied().collect::<Vec<_>>());
    Ok(())
}

/// `Horodate;Valeur` in W, mean power over the step starting at the
/// timestamp.
fn read_load_curve(
    file: &mut MeterFile,
    step: Option<u32>,
    rows: &[(usize, Vec<&str>)],
) -> Result<()> {
    let mut points: Vec<Point> = Vec::with_capacity(rows.len());
    for (line, cells) in rows {
        let s = row_stamp(&file.name, *line, cells)?;
        let w = value(
            &file.name,
            *line,
            "Valeur",
            cells.get(1).copied().unwrap_or(""),
        )?;
        points.push((s, w, *line));
    }
    curve_days(file, points, step, Per::Watt)
}

/// A point of a curve: its timestamp, value (`None` when empty) and line.
type Point = (Stamp, Option<Decimal>, usize);

/// What a curve's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Per {
    /// Mean power (W) over the step.
    Watt,
    /// Energy (Wh) over the step.
    WattHour,
}

/// The steps accepted: Linky's 10, 30 and 60 minutes, and the 5 and 15 of
/// other meters in SGE files.
const STEPS: [u32; 5] = [5, 10, 15, 30, 60];

/// Groups a curve's points into complete local days (the step from the
/// file, else the smallest gap between points).
fn curve_days(
    file: &mut MeterFile,
    mut points: Vec<Point>,
    step: Option<u32>,
    per: Per,
) -> Result<()> {
    points.sort_by_key(|(s, _, _)| s.utc());
    if let Some(pair) = points.windows(2).find(|p| p[0].0.utc() == p[1].0.utc()) {
        return Err(Error::Duplicate {
            what: noun!("curve timestamp"),
            id: format!("{}+{}min", pair[1].0.date, pair[1].0.minute),
            at: at(&file.name, pair[1].2, "Horodate"),
        });
    }
    let gap = points.windows(2).map(|p| p[1].0.utc() - p[0].0.utc()).min();
    let step = match (step, gap.and_then(|g| u32::try_from(g).ok())) {
        (Some(s), _) => s,
        (None, Some(g)) if STEPS.contains(&g) => g,
        (None, other) => {
            return Err(Error::InvalidValue {
                what: noun!("curve step"),
                got: other.map_or_else(|| "one point".to_owned(), |g| format!("{g} minutes")),
                why: msg!(
                    "without a step given, the step is the smallest gap between points: \
                      5, 10, 15, 30 or 60 minutes"
                ),
                at: Location::in_file(&file.name),
            })
        }
    };
    file.content = Content::LoadCurve { step_minutes: step };
    let mut by_day: BTreeMap<Date, Vec<(Stamp, Option<Decimal>)>> = BTreeMap::new();
    for (s, w, _) in points {
        by_day.entry(s.date).or_default().push((s, w));
    }
    // W·min per kWh over a step (60 000 / step: 6 000, 2 000, 1 000…, an
    // exact integer), or Wh per kWh.
    let per_kwh = match per {
        Per::Watt => Decimal::from(60_000 / step),
        Per::WattHour => Decimal::ONE_THOUSAND,
    };
    for (&date, points) in &by_day {
        if let Some(values) = complete_day(points, i64::from(step)) {
            let sum = crate::quantity::sum(values, noun!("load curve"))?;
            let kwh = div(sum, per_kwh, noun!("kWh"))?;
            file.days.push(Day {
                date,
                kwh,
                m3: None,
                kwh_per_m3: None,
            });
        }
    }
    finish(file, &by_day.keys().copied().collect::<Vec<_>>());
    Ok(())
}

/// The values of a local day's points (in UTC order) when the day is
/// complete: a point at local midnight, one at the last step before the
/// next midnight, every step in between (contiguous in UTC, so 23- and
/// 25-hour days count their own number of steps) and no empty value.
fn complete_day(points: &[(Stamp, Option<Decimal>)], step: i64) -> Option<Vec<Decimal>> {
    let first = points.first()?.0;
    let last = points.last()?.0;
    if first.minute != 0 || last.minute != 1440 - step {
        return None;
    }
    if points
        .windows(2)
        .any(|p| p[1].0.utc() - p[0].0.utc() != step)
    {
        return None;
    }
    points.iter().map(|(_, w)| *w).collect()
}

#[cfg(test)]
pub(crate) mod tests;
