//! The Gazpar exports of the GRDF customer portal (monespace.grdf.fr):
//! one row per gas day with the start and end index (m³), the volume (m³),
//! the energy (kWh) and GRDF's conversion coefficient of that day.
//!
//! # Layouts
//!
//! - **The spreadsheet** (.xlsx, *Télécharger mes données*): ssenart/PyGazpar,
//!   `pygazpar/excelparser.py`, reads the daily sheet from row 10
//!   (`FIRST_DATA_LINE_NUMBER`) with column B the day, C the start index, D
//!   the end index, E the volume, F the energy, G the conversion
//!   coefficient, H the temperature and I the type of reading, the rows
//!   above holding a title and the column headers. Here the header row is
//!   the row that names an index and a volume (its exact wording is not
//!   given by the sources, so it is found, not assumed); its first `index`
//!   column is the start index, the day is the column before it and the
//!   other columns follow in PyGazpar's order. Rows after it with a day are
//!   data. The day is a date cell (an Excel serial number, see
//!   [`xlsx::excel_date`]) or text `DD/MM/YYYY` (PyGazpar's `"22/08/2019"`)
//!   or `YYYY-MM-DD`.
//! - **The same table saved as CSV** (`;`-separated, decimal comma or
//!   point, optional double quotes), read the same way.
//! - **The JSON of GRDF's API** (`/api/e-conso/pce/consommation/informatives`,
//!   as PyGazpar `pygazpar/jsonparser.py` and its tests, and other clients
//!   such as CorentinMre/GrdfConsommation, read it): an object keyed by PCE
//!   whose `releves` are objects with `journeeGaziere` (the gas day,
//!   `2026-07-23`), `dateDebutReleve`, `dateFinReleve`
//!   (`2026-07-24T06:00:00+02:00`), `indexDebut`, `indexFin`,
//!   `volumeBrutConsomme`, `energieConsomme`, `coeffConversion`,
//!   `qualificationReleve`… A bare `releves` array, or an object with
//!   `releves`, is read too.
//!
//! # Gas days
//!
//! A gas day D runs from 06:00 on D to 06:00 on D + 1 (PyGazpar's test:
//! gas day 2026-07-23 ends `2026-07-24T06:00:00+02:00`). It becomes the
//! library's day D: its start index is the reading dated D (the index at
//! the start of day D), its end index the reading of D + 1, so that the
//! interval between readings on days a and b covers days a … b − 1 as
//! everywhere in the library; the six-hour shift is not corrected.
//!
//! A row without energy is a missing day (listed in `incomplete_days`),
//! never a zero. A start index different from the previous row's end index
//! (a meter replaced or an index corrected) becomes a
//! [`MeterEvent::Replacement`] on that day rather than a hidden jump.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::date::{date_of, day_number, Date};
use crate::error::{quoted, Error, Location, Result};
use crate::meter::{MeterEvent, Reading};
use crate::{msg, noun};

use super::meter_file::{Content, Day, MeterFile, Provider};
use super::xlsx::{self, parse_number, Cell};

/// One gas day as read, before checks.
#[derive(Debug, Clone)]
struct GasRow {
    date: Date,
    start: Option<Decimal>,
    end: Option<Decimal>,
    m3: Option<Decimal>,
    kwh: Option<Decimal>,
    coefficient: Option<Decimal>,
    at: Location,
}

/// Whether `text` starts like a JSON document.
pub(crate) fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'['))
}

/// Whether `text` holds, among its first lines, a `;`-separated header that
/// names an index and a volume.
pub(crate) fn looks_like_csv(text: &str) -> bool {
    text.lines()
        .take(30)
        .any(|l| l.contains(';') && header_columns(&split(l)).is_some())
}

/// Splits a CSV line on `;`, with optional double quotes (`""` inside).
fn split(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    out.push(cell);
    out
}

/// The column of the start index when `cells` is the header row: the first
/// cell naming an index, with a later one naming a volume, and a column
/// before it for the day.
fn header_columns<S: AsRef<str>>(cells: &[S]) -> Option<usize> {
    let lower: Vec<String> = cells.iter().map(|c| c.as_ref().to_lowercase()).collect();
    let index = lower.iter().position(|c| c.contains("index"))?;
    let volume = lower.iter().position(|c| c.contains("volume"))?;
    (index >= 1 && volume > index).then_some(index)
}

/// The day of a cell: a date serial, `DD/MM/YYYY` or `YYYY-MM-DD`.
fn day_of(cell: &Cell) -> Option<Result<Date>> {
    match cell {
        Cell::Number(n) => Some(xlsx::excel_date(*n)),
        Cell::Text(t) if t.trim().is_empty() => None,
        Cell::Text(t) => {
            let t = t.trim();
            let t = t.split([' ', 'T']).next().unwrap_or(t);
            let parsed = match t.split('/').collect::<Vec<_>>().as_slice() {
                [d, m, y] if d.len() == 2 && m.len() == 2 && y.len() == 4 => {
                    format!("{y}-{m}-{d}").parse()
                }
                _ => t.parse(),
            };
            Some(parsed.map_err(|_: Error| {
                Error::invalid(
                    noun!("gas day"),
                    quoted(t),
                    msg!("expected DD/MM/YYYY or YYYY-MM-DD"),
                )
            }))
        }
        _ => Some(Err(Error::invalid(
            noun!("gas day"),
            quoted(&cell.text()),
            msg!("expected a date"),
        ))),
    }
}

/// A number cell (a decimal comma accepted), `None` when empty.
fn number_of(cell: Option<&Cell>, what: &'static str) -> Result<Option<Decimal>> {
    match cell {
        None | Some(Cell::Empty) => Ok(None),
        Some(Cell::Number(n)) => Ok(Some(*n)),
        Some(Cell::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Cell::Text(t)) => parse_number(&t.replace(['\u{a0}', ' '], "").replace(',', "."))
            .map(Some)
            .ok_or_else(|| Error::invalid(what, quoted(t), msg!("expected a number"))),
        Some(other) => Err(Error::invalid(
            what,
            quoted(&other.text()),
            msg!("expected a number"),
        )),
    }
}

/// Reads the table rows (spreadsheet or CSV): `line` gives each row's
/// location.
fn read_table(
    name: &str,
    rows: &[Vec<Cell>],
    location: impl Fn(usize, usize) -> Location,
) -> Result<MeterFile> {
    let Some((header, start)) = rows.iter().enumerate().find_map(|(i, r)| {
        let texts: Vec<String> = r.iter().map(Cell::text).collect();
        header_columns(&texts).map(|c| (i, c))
    }) else {
        return Err(Error::UnknownName {
            what: noun!("GRDF table"),
            got: quoted(name),
            expected: super::meter_file::LAYOUTS,
            at: Location::in_file(name),
        });
    };
    // A PCE is 14 digits, written above the table.
    let identifier = rows[..header].iter().flatten().map(Cell::text).find(|t| {
        let t = t.trim();
        t.len() == 14 && t.bytes().all(|b| b.is_ascii_digit())
    });
    let names = [
        noun!("index de début"),
        noun!("index de fin"),
        noun!("volume"),
        noun!("énergie"),
        noun!("coefficient de conversion"),
    ];
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        let day = start - 1;
        let Some(date) = row.get(day).and_then(day_of) else {
            continue;
        };
        let at = |col: usize| location(i, col);
        let date = date.map_err(|e| e.within(&at(day)))?;
        let mut values = [None; 5];
        for (k, what) in names.iter().enumerate() {
            values[k] =
                number_of(row.get(start + k), what).map_err(|e| e.within(&at(start + k)))?;
        }
        let [start_index, end_index, m3, kwh, coefficient] = values;
        out.push(GasRow {
            date,
            start: start_index,
            end: end_index,
            m3,
            kwh,
            coefficient,
            at: at(day),
        });
    }
    build(name, identifier, out)
}

/// The spreadsheet a GRDF customer downloads.
pub(crate) fn read_xlsx(name: &str, bytes: &[u8]) -> Result<MeterFile> {
    let rows = xlsx::first_sheet(name, bytes)?;
    read_table(name, &rows, |row, col| {
        let mut letters = String::new();
        let mut c = col + 1;
        while c > 0 {
            let r = (c - 1) % 26;
            letters.insert(0, char::from(b'A' + u8::try_from(r).unwrap_or(0)));
            c = (c - 1) / 26;
        }
        Location::in_file(name).with_path(format!("{letters}{}", row + 1))
    })
}

/// The same table saved as `;`-separated text.
pub(crate) fn read_csv(name: &str, text: &str) -> Result<MeterFile> {
    let rows: Vec<Vec<Cell>> = text
        .lines()
        .map(|l| {
            split(l)
                .into_iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c)
                    }
                })
                .collect()
        })
        .collect();
    read_table(name, &rows, |row, col| {
        Location::in_file(name).with_file(name, row + 1, Some(format!("{}", col + 1)))
    })
}

/// The JSON of GRDF's API.
pub(crate) fn read_json(name: &str, text: &str) -> Result<MeterFile> {
    use serde_json::Value;
    let json_error = |e: serde_json::Error| Error::InvalidValue {
        what: noun!("GRDF JSON"),
        got: quoted(name),
        why: msg!("{error}", error = e.to_string()),
        at: Location::in_file(name).with_file(name, e.line(), Some(e.column().to_string())),
    };
    let doc: Value = serde_json::from_str(text).map_err(json_error)?;
    let shape = || Error::UnknownName {
        what: noun!("GRDF JSON shape"),
        got: quoted(name),
        expected: "{\"<PCE>\": {\"releves\": […]}}, {\"releves\": […]} or […]",
        at: Location::in_file(name),
    };
    let (identifier, releves) = match &doc {
        Value::Array(a) => (None, a),
        Value::Object(o) => {
            if let Some(Value::Array(a)) = o.get("releves") {
                (o.get("idPce").and_then(Value::as_str).map(str::to_owned), a)
            } else {
                let with: Vec<(&String, &Vec<Value>)> = o
                    .iter()
                    .filter_map(|(k, v)| v.get("releves").and_then(Value::as_array).map(|a| (k, a)))
                    .collect();
                match with.as_slice() {
                    [(pce, a)] => (Some((*pce).clone()), *a),
                    [] => return Err(shape()),
                    _ => {
                        return Err(Error::InvalidValue {
                            what: noun!("GRDF JSON"),
                            got: format!("{} PCE", with.len()),
                            why: msg!("one file per meter: this one holds several PCE"),
                            at: Location::in_file(name),
                        })
                    }
                }
            }
        }
        _ => return Err(shape()),
    };
    let mut rows = Vec::with_capacity(releves.len());
    for (i, r) in releves.iter().enumerate() {
        let at = |field: &str| Location::in_file(name).with_path(format!("releves[{i}].{field}"));
        let number = |field: &'static str| -> Result<Option<Decimal>> {
            match r.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Number(n)) => parse_number(&n.to_string())
                    .map(Some)
                    .ok_or_else(|| Error::invalid(field, n, msg!("a number")).within(&at(field))),
                Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
                Some(Value::String(s)) => parse_number(s).map(Some).ok_or_else(|| {
                    Error::invalid(field, quoted(s), msg!("expected a number")).within(&at(field))
                }),
                Some(other) => {
                    Err(Error::invalid(field, other, msg!("expected a number")).within(&at(field)))
                }
            }
        };
        let (field, day) = match r.get("journeeGaziere").and_then(Value::as_str) {
            Some(d) => ("journeeGaziere", d),
            None => (
                "dateDebutReleve",
                r.get("dateDebutReleve")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            ),
        };
        let date: Date = day
            .get(..10)
            .unwrap_or(day)
            .parse()
            .map_err(|e: Error| e.within(&at(field)))?;
        rows.push(GasRow {
            date,
            start: number("indexDebut")?,
            end: number("indexFin")?,
            m3: number("volumeBrutConsomme")?,
            kwh: number("energieConsomme")?,
            coefficient: number("coeffConversion")?,
            at: at(field),
        });
    }
    build(name, identifier, rows)
}

/// Days, index readings, replacements and missing days from the rows.
fn build(name: &str, identifier: Option<String>, rows: Vec<GasRow>) -> Result<MeterFile> {
    let mut by_day: BTreeMap<Date, GasRow> = BTreeMap::new();
    for row in rows {
        for (what, v) in [
            (noun!("index"), row.start),
            (noun!("index"), row.end),
            (noun!("volume"), row.m3),
            (noun!("energy"), row.kwh),
            (noun!("conversion coefficient"), row.coefficient),
        ] {
            if v.is_some_and(|v| v < Decimal::ZERO) {
                return Err(Error::invalid(
                    what,
                    v.unwrap_or_default(),
                    msg!("a gas quantity is ≥ 0"),
                )
                .within(&row.at));
            }
        }
        let (date, at) = (row.date, row.at.clone());
        if by_day.insert(date, row).is_some() {
            return Err(Error::Duplicate {
                what: noun!("gas day"),
                id: date.to_string(),
                at,
            });
        }
    }
    let mut file = MeterFile::empty(name, Provider::Grdf, Content::GasDays, identifier);
    // The previous row's day and end index.
    let mut previous: Option<(Date, Decimal)> = None;
    for (&date, row) in &by_day {
        if let Some(kwh) = row.kwh {
            file.days.push(Day {
                date,
                kwh,
                m3: row.m3,
                kwh_per_m3: row.coefficient,
            });
        }
        let Some(start) = row.start else { continue };
        if let Some((day, end)) = previous {
            let next = day.add_days(1)?;
            let consecutive = next == date;
            if !consecutive {
                file.index.push(Reading {
                    date: next,
                    value: end,
                });
            }
            if start != end && (consecutive || start < end) {
                file.events.push(MeterEvent::Replacement {
                    date,
                    old_final: end,
                    new_initial: start,
                });
            }
        }
        file.index.push(Reading { date, value: start });
        previous = row.end.map(|end| (date, end));
    }
    if let Some((day, end)) = previous {
        file.index.push(Reading {
            date: day.add_days(1)?,
            value: end,
        });
    }
    if let (Some(first), Some(last)) = (by_day.keys().next(), by_day.keys().next_back()) {
        file.incomplete_days = (day_number(*first)..=day_number(*last))
            .filter_map(|d| date_of(d).ok())
            .filter(|d| file.days.binary_search_by_key(d, |x| x.date).is_err())
            .collect();
    }
    Ok(file)
}

#[cfg(test)]
mod tests;
