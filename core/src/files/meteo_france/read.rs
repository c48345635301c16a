//! From the text of a Météo-France file to its stations and their days.
//!
//! The layouts were confirmed from the fields descriptions Météo-France
//! publishes with the files (`Q_descriptif_champs_RR-T-Vent.csv` and
//! `H_descriptif_champs.csv`, datasets *Données climatologiques de base —
//! quotidiennes* and *— horaires* on meteo.data.gouv.fr / data.gouv.fr), as
//! quoted in open-source readers of these files found by code search: a
//! TypeScript zod schema of the daily line (`quotidienneLineSchema`, every
//! column below in this order, each with its comment from the
//! description), a Python reader of the hourly files quoting the hourly
//! description (`AAAAMMJJHH`, `T`, `TN`/`TX` *dans l'heure*), and a Java
//! reader and a SQL schema quoting the four quality codes; the file naming
//! and per-département layout from the walk-through "Météo-France Open
//! Data" (r.iresmi.net/posts/2023/meteofrance, 2023), which reads the
//! `RR-T-Vent` files of each département:
//!
//! - daily (`Q_<dep>_<period>_RR-T-Vent.csv.gz`): `NUM_POSTE;NOM_USUEL;LAT;
//!   LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX;TM;QTM;TNTXM;
//!   QTNTXM;TAMPLI;QTAMPLI;TNSOL;QTNSOL;TN50;QTN50;DG;QDG;FFM;QFFM;FF2M;
//!   QFF2M;FXY;QFXY;DXY;QDXY;HXY;QHXY;FXI;QFXI;DXI;QDXI;HXI;QHXI;FXI2;QFXI2;
//!   DXI2;QDXI2;HXI2;QHXI2;FXI3S;QFXI3S;DXI3S;QDXI3S;HXI3S;QHXI3S;DRR;QDRR`;
//!   `TN`/`TX` the day's minimum/maximum under shelter in °C and tenths;
//! - hourly (`H_<dep>_<period>.csv.gz`): `NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;
//!   AAAAMMJJHH;RR1;QRR1;…;T;QT;TD;QTD;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX;…`,
//!   `AAAAMMJJHH` in UTC, `T` the temperature at the hour, `TN`/`TX` the
//!   minimum/maximum *within the hour* ending at the label.
//!
//! `;`-separated, `.` as decimal point, an empty cell for a missing value.
//! Each value `X` has a quality code `QX`: 9 *donnée filtrée* (passed the
//! first-level checks), 0 *protégée* (validated for good by a
//! climatologist), 1 *validée* (validated automatically or by a
//! climatologist), 2 *douteuse en cours de vérification* (doubted by an
//! automatic check, being verified). Codes 0, 1 and 9 are accepted; a value
//! with code 2 makes its day invalid unless [`ReadOptions::accept_doubtful`].
//! Any other code is an error. Columns are found by name, so their order
//! and the other columns do not matter.

use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Day, DayStatus, ReadOptions, Resolution, Station};
use crate::date::{date_of, day_number, Date};
use crate::error::{Error, Location, Result};
use crate::message::{Arg, Message};
use crate::weather::{window_extremes, Observation};
use crate::{msg, noun};

/// What the header of a recognised file is checked against.
pub(super) const EXPECTED: &str = "a Météo-France climatological file: a `;`-separated header with `NUM_POSTE` and `AAAAMMJJ` (daily) or `AAAAMMJJHH` (hourly)";

/// The resolution a header announces, if it is a Météo-France header.
pub(super) fn resolution_of(header: &str) -> Option<Resolution> {
    let columns: Vec<&str> = header.split(';').map(str::trim).collect();
    if !columns.contains(&"NUM_POSTE") {
        return None;
    }
    if columns.contains(&"AAAAMMJJHH") {
        Some(Resolution::Hourly)
    } else if columns.contains(&"AAAAMMJJ") {
        Some(Resolution::Daily)
    } else {
        None
    }
}

/// Temperatures beyond this are not plausible on Earth's surface (°C).
const PLAUSIBLE: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

/// Stations and their days, read from a file's text.
pub(super) struct Read {
    pub(super) resolution: Resolution,
    pub(super) stations: Vec<Station>,
    pub(super) days: Vec<Vec<Day>>,
}

/// One row's cells, with where they are for errors.
struct Row<'a> {
    cells: Vec<&'a str>,
    line: usize,
    file: &'a str,
    header: &'a [&'a str],
}

impl Row<'_> {
    fn cell(&self, column: usize) -> Result<&str> {
        self.cells.get(column).copied().ok_or_else(|| {
            Error::invalid(
                noun!("row"),
                format!("{} cells", self.cells.len()),
                msg!("the header has {count} columns", count = self.header.len()),
            )
            .within(&self.at(None))
        })
    }

    fn at(&self, column: Option<usize>) -> Location {
        Location::NONE.with_file(
            self.file,
            self.line,
            column
                .and_then(|c| self.header.get(c))
                .map(|s| (*s).to_owned()),
        )
    }

    fn error(&self, column: usize, what: &'static str, why: Message) -> Error {
        let got = self.cells.get(column).copied().unwrap_or_default();
        Error::invalid(what, crate::error::quoted(got), why).within(&self.at(Some(column)))
    }

    fn decimal(&self, column: usize, what: &'static str) -> Result<Option<Decimal>> {
        let text = self.cell(column)?;
        if text.is_empty() {
            return Ok(None);
        }
        let ok = text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        match Decimal::from_str(text) {
            Ok(v) if ok => Ok(Some(v)),
            _ => Err(self.error(column, what, msg!("a number with `.` as decimal point"))),
        }
    }

    fn temperature(&self, column: usize) -> Result<Option<Decimal>> {
        let v = self.decimal(column, noun!("temperature"))?;
        if v.is_some_and(|v| v.abs() > PLAUSIBLE) {
            return Err(self.error(column, noun!("temperature"), msg!("beyond ±100 °C")));
        }
        Ok(v)
    }

    /// Whether the quality code accepts the value.
    fn quality(&self, column: usize, options: ReadOptions) -> Result<bool> {
        match self.cell(column)? {
            "" | "0" | "1" | "9" => Ok(true),
            "2" => Ok(options.accept_doubtful),
            _ => Err(self.error(
                column,
                noun!("quality code"),
                msg!("Météo-France quality codes are 0, 1, 2 or 9"),
            )),
        }
    }

    fn digits(&self, column: usize, len: usize) -> Result<Vec<u32>> {
        let text = self.cell(column)?;
        if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.error(
                column,
                noun!("date"),
                if len == 8 {
                    msg!("a date written AAAAMMJJ")
                } else {
                    msg!("a date and hour written AAAAMMJJHH")
                },
            ));
        }
        Ok(text.bytes().map(|b| u32::from(b - b'0')).collect())
    }

    fn date(&self, column: usize, len: usize) -> Result<(Date, u32)> {
        let d = self.digits(column, len)?;
        let n = |r: std::ops::Range<usize>| {
            d.get(r)
                .unwrap_or_default()
                .iter()
                .fold(0u32, |a, &x| a * 10 + x)
        };
        let (y, m, day) = (n(0..4), n(4..6), n(6..8));
        let hour = n(8..10);
        let date = match (i16::try_from(y), i8::try_from(m), i8::try_from(day)) {
            (Ok(y), Ok(m), Ok(day)) => Date::new(y, m, day).ok(),
            _ => None,
        };
        match date {
            Some(date) if hour <= 23 => Ok((date, hour)),
            Some(_) => Err(self.error(column, noun!("date"), msg!("hours are 00 to 23 (UTC)"))),
            None => Err(self.error(column, noun!("date"), msg!("not a day of the calendar"))),
        }
    }
}

/// The column of each name, or an error naming the missing one.
fn columns<const N: usize>(
    header: &[&str],
    names: [&'static str; N],
    file: &str,
    kind: &'static str,
) -> Result<[usize; N]> {
    let mut out = [0; N];
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = header.iter().position(|h| *h == name).ok_or_else(|| {
            Error::invalid(
                noun!("Météo-France header"),
                name,
                msg!(
                    "the {kind} file has no `{name}` column",
                    kind = Arg::noun(kind),
                    name = name
                ),
            )
            .within(&Location::NONE.with_file(file, 1, None))
        })?;
    }
    Ok(out)
}

/// The station metadata columns and the stations met so far.
struct Stations {
    meta: [usize; 5],
    index: HashMap<String, usize>,
    list: Vec<Station>,
    last: Option<(String, usize)>,
}

impl Stations {
    fn of(&mut self, row: &Row<'_>) -> Result<usize> {
        let number = row.cell(self.meta[0])?;
        if let Some((n, i)) = &self.last {
            if n == number {
                return Ok(*i);
            }
        }
        let i = if let Some(&i) = self.index.get(number) {
            i
        } else {
            if number.is_empty() {
                return Err(row.error(
                    self.meta[0],
                    noun!("station number"),
                    msg!("cannot be empty"),
                ));
            }
            let position = |c: usize, what| {
                row.decimal(c, what)?
                    .ok_or_else(|| row.error(c, what, msg!("cannot be empty")))
            };
            let station = Station {
                number: number.to_owned(),
                name: row.cell(self.meta[1])?.to_owned(),
                latitude: position(self.meta[2], noun!("latitude"))?,
                longitude: position(self.meta[3], noun!("longitude"))?,
                altitude: row
                    .decimal(self.meta[4], noun!("altitude"))?
                    .unwrap_or_default(),
                first: crate::date::date(1, 1, 1),
                last: crate::date::date(1, 1, 1),
                complete_days: 0,
                missing_days: 0,
            };
            self.list.push(station);
            self.index.insert(number.to_owned(), self.list.len() - 1);
            self.list.len() - 1
        };
        self.last = Some((number.to_owned(), i));
        Ok(i)
    }
}

/// Every column the reader looks at, in either resolution.
const READ_COLUMNS: [&str; 13] = [
    "NUM_POSTE",
    "NOM_USUEL",
    "LAT",
    "LON",
    "ALTI",
    "AAAAMMJJ",
    "AAAAMMJJHH",
    "T",
    "QT",
    "TN",
    "QTN",
    "TX",
    "QTX",
];

/// Reads a file's text (its first line the header).
pub(super) fn read(file: &str, text: &str, options: ReadOptions) -> Result<Read> {
    let mut lines = text.lines().enumerate();
    let header_line = lines
        .next()
        .map(|(_, l)| l.trim_start_matches('\u{feff}'))
        .unwrap_or_default();
    let header: Vec<&str> = header_line.split(';').map(str::trim).collect();
    let Some(resolution) = resolution_of(header_line) else {
        let got: String = header_line.chars().take(60).collect();
        return Err(Error::UnknownName {
            what: noun!("file header"),
            got,
            expected: EXPECTED,
            at: Location::NONE.with_file(file, 1, None),
        });
    };
    let meta = columns(
        &header,
        ["NUM_POSTE", "NOM_USUEL", "LAT", "LON", "ALTI"],
        file,
        noun!("Météo-France"),
    )?;
    let mut stations = Stations {
        meta,
        index: HashMap::new(),
        list: Vec::new(),
        last: None,
    };
    // Only the cells up to the last column read are split (a daily file
    // has 58 columns, the reader needs the first 14): about twice faster.
    let needed = header
        .iter()
        .rposition(|c| READ_COLUMNS.contains(c))
        .map_or(header.len(), |i| i + 1);
    let rows = lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Row {
            cells: l.split(';').take(needed).map(str::trim).collect(),
            line: i + 1,
            file,
            header: &header,
        });
    let days = match resolution {
        Resolution::Daily => daily(rows, &header, &mut stations, file, options)?,
        Resolution::Hourly => hourly(rows, &header, &mut stations, file, options)?,
    };
    let mut read = Read {
        resolution,
        stations: stations.list,
        days,
    };
    for (station, days) in read.stations.iter_mut().zip(&read.days) {
        summarise(station, days)?;
    }
    Ok(read)
}

fn daily<'a>(
    rows: impl Iterator<Item = Row<'a>>,
    header: &[&str],
    stations: &mut Stations,
    file: &str,
    options: ReadOptions,
) -> Result<Vec<Vec<Day>>> {
    let [date, tn, qtn, tx, qtx] = columns(
        header,
        ["AAAAMMJJ", "TN", "QTN", "TX", "QTX"],
        file,
        noun!("daily"),
    )?;
    let mut days: Vec<Vec<Day>> = Vec::new();
    for row in rows {
        let s = stations.of(&row)?;
        let (d, _) = row.date(date, 8)?;
        let n = row.temperature(tn)?;
        let x = row.temperature(tx)?;
        let accepted = row.quality(qtn, options)? && row.quality(qtx, options)?;
        let status = match (n, x) {
            (None, _) | (_, None) => DayStatus::Empty,
            _ if !accepted => DayStatus::Doubtful,
            (Some(n), Some(x)) if n > x => DayStatus::Inverted,
            _ => DayStatus::Valid,
        };
        if days.len() <= s {
            days.resize_with(s + 1, Vec::new);
        }
        if let Some(list) = days.get_mut(s) {
            list.push(Day {
                number: day_number(d),
                tn: n.unwrap_or_default(),
                tx: x.unwrap_or_default(),
                status,
            });
        }
    }
    days.resize_with(stations.list.len(), Vec::new);
    for (station, list) in stations.list.iter().zip(days.iter_mut()) {
        list.sort_by_key(|d| d.number);
        if let Some(w) = list.windows(2).find(|w| w[0].number == w[1].number) {
            return Err(Error::Duplicate {
                what: noun!("station day"),
                id: format!("{} {}", station.number, date_of(w[0].number)?),
                at: Location::in_file(file),
            });
        }
    }
    Ok(days)
}

/// The number of hourly values in a complete Tn or Tx window.
const HOURS: u32 = 24;

fn hourly<'a>(
    rows: impl Iterator<Item = Row<'a>>,
    header: &[&str],
    stations: &mut Stations,
    file: &str,
    options: ReadOptions,
) -> Result<Vec<Vec<Day>>> {
    let [date, t, qt] = columns(header, ["AAAAMMJJHH", "T", "QT"], file, noun!("hourly"))?;
    // The hour's own extremes, when the file has them.
    let extremes = columns(header, ["TN", "QTN", "TX", "QTX"], file, noun!("hourly")).ok();
    // By station: the values for Tn windows and for Tx windows.
    let mut obs: Vec<(Vec<Observation>, Vec<Observation>)> = Vec::new();
    // By station: the days its rows are labelled with (for a station with
    // no complete day).
    let mut labels: Vec<(i32, i32)> = Vec::new();
    for row in rows {
        let s = stations.of(&row)?;
        let (d, hour) = row.date(date, 10)?;
        let at = |v| Observation::at(d, hour, 0, v);
        let value = |c: usize, q: usize| -> Result<Option<Decimal>> {
            let v = row.temperature(c)?;
            Ok(if row.quality(q, options)? { v } else { None })
        };
        let instant = || value(t, qt);
        // The hour's minimum (else its temperature), and maximum.
        let (low, high) = match extremes {
            Some([tn, qtn, tx, qtx]) => {
                let low = if row.cell(tn)?.is_empty() {
                    instant()?
                } else {
                    value(tn, qtn)?
                };
                let high = if row.cell(tx)?.is_empty() {
                    instant()?
                } else {
                    value(tx, qtx)?
                };
                (low, high)
            }
            None => (instant()?, instant()?),
        };
        if obs.len() <= s {
            obs.resize_with(s + 1, Default::default);
            labels.resize(s + 1, (i32::MAX, i32::MIN));
        }
        if let (Some(o), Some(l)) = (obs.get_mut(s), labels.get_mut(s)) {
            if let Some(v) = low {
                o.0.push(at(v)?);
            }
            if let Some(v) = high {
                o.1.push(at(v)?);
            }
            let n = day_number(d);
            *l = (l.0.min(n), l.1.max(n));
        }
    }
    let mut days = Vec::with_capacity(stations.list.len());
    for (s, station) in stations.list.iter().enumerate() {
        let (mut low, mut high) = obs.get_mut(s).map(std::mem::take).unwrap_or_default();
        for list in [&mut low, &mut high] {
            list.sort_by_key(|o| (o.date, o.seconds));
            if let Some(w) = list
                .windows(2)
                .find(|w| (w[0].date, w[0].seconds) == (w[1].date, w[1].seconds))
            {
                return Err(Error::Duplicate {
                    what: noun!("station hour"),
                    id: format!(
                        "{} {} {:02}h UTC",
                        station.number,
                        w[0].date,
                        w[0].seconds / 3600
                    ),
                    at: Location::in_file(file),
                });
            }
        }
        let (minima, maxima) = window_extremes(&low, &high)?;
        let complete = |d: i32| match (minima.get(&d), maxima.get(&d)) {
            (Some(&(n, HOURS)), Some(&(x, HOURS))) => Some((n, x)),
            _ => None,
        };
        let span = {
            let mut all = minima.keys().filter(|d| complete(**d).is_some());
            let first = all.next().copied();
            first.map(|f| (f, all.next_back().copied().unwrap_or(f)))
        };
        let (first, last) = span.or_else(|| labels.get(s).copied()).unwrap_or((0, 0));
        let mut station_days = Vec::new();
        for d in first..=last {
            station_days.push(match complete(d) {
                Some((n, x)) => Day {
                    number: d,
                    tn: n,
                    tx: x,
                    status: if n > x {
                        DayStatus::Inverted
                    } else {
                        DayStatus::Valid
                    },
                },
                None => Day {
                    number: d,
                    tn: Decimal::ZERO,
                    tx: Decimal::ZERO,
                    status: DayStatus::Incomplete,
                },
            });
        }
        days.push(station_days);
    }
    Ok(days)
}

/// A station's span and counts, from its days (sorted, without repeats).
fn summarise(station: &mut Station, days: &[Day]) -> Result<()> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(());
    };
    station.first = date_of(first.number)?;
    station.last = date_of(last.number)?;
    let span = u32::try_from(last.number - first.number + 1).unwrap_or(0);
    let complete = days.iter().filter(|d| d.status == DayStatus::Valid).count();
    station.complete_days = u32::try_from(complete).unwrap_or(u32::MAX);
    station.missing_days = span.saturating_sub(station.complete_days);
    Ok(())
}
