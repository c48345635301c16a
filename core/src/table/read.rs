//! From CSV texts to typed columns: each table's text is read, its header
//! matched, and each cell parsed, every error located at the file, line and
//! column (as written in the header).

use std::borrow::Cow;

use crate::error::{Error, Location, Result};
use crate::{msg, noun};

use super::assemble::{Origin, Origins};
use super::columns::{Header, Table};
use super::csv::{self, Delimiter, Record};
use super::value::{self, trim};
use super::{
    BillColumns, Columns, EventColumns, HouseholdColumns, MeterColumns, PresenceColumns,
    QuantityColumns, ReadingColumns, Source, Tables, TeamColumns, TemperatureColumns,
};
#[cfg(feature = "themes")]
use super::{PurchaseColumns, TripColumns, WeighingColumns};

/// The data rows of one CSV table, with its header.
struct Rows<'a> {
    file: &'a str,
    header: Header,
    records: Vec<Record<'a>>,
}

impl<'a> Rows<'a> {
    fn read(source: Source<'a>, table: Table) -> Result<Self> {
        let file = Location {
            file: Some(source.name.to_owned()),
            ..Location::NONE
        };
        let delimiter = Delimiter::detect(source.text).map_err(|e| e.within(&file))?;
        let mut records = csv::read(source.text, delimiter)
            .map_err(|e| e.within(&file))?
            .into_iter();
        let Some(first) = records.next() else {
            return Err(Error::InvalidValue {
                what: noun!("CSV text"),
                got: "\"\"".into(),
                why: msg!(
                    "the file is empty: it starts with a header line naming the columns ({columns})",
                    columns = table.expected()
                ),
                at: Location {
                    line: Some(1),
                    ..file
                },
            });
        };
        let names: Vec<String> = first.fields.into_iter().map(Cow::into_owned).collect();
        let header = Header::new(table, &names).map_err(|e| e.within(&file))?;
        let records: Vec<Record> = records.filter(|r| !r.is_blank()).collect();
        for r in &records {
            let at = Location {
                line: Some(r.line),
                ..file.clone()
            };
            let width = header.width();
            let extra_blank = r
                .fields
                .get(width..)
                .is_some_and(|x| x.iter().all(|f| trim(f).is_empty()));
            if r.fields.len() < width || (r.fields.len() > width && !extra_blank) {
                return Err(Error::InvalidValue {
                    what: noun!("CSV row"),
                    got: format!("{} fields", r.fields.len()),
                    why: msg!(
                        "the header has {width} columns, every row has as many fields (is a \
                         delimiter missing, or a value with a `{delimiter}` not quoted?)",
                        width = width,
                        delimiter = delimiter.as_char().to_string()
                    ),
                    at,
                });
            }
            for &i in header.blank() {
                if let Some(f) = r.fields.get(i).filter(|f| !trim(f).is_empty()) {
                    return Err(Error::InvalidValue {
                        what: noun!("cell"),
                        got: crate::error::quoted(f),
                        why: msg!(
                            "the column {number} has no name in the header line",
                            number = i + 1
                        ),
                        at,
                    });
                }
            }
        }
        Ok(Rows {
            file: source.name,
            header,
            records,
        })
    }

    fn origin(&self) -> Origin {
        Origin {
            file: self.file.to_owned(),
            lines: self.records.iter().map(|r| r.line).collect(),
            header: self.header.clone(),
        }
    }

    fn at(&self, r: &Record, c: usize) -> Location {
        Location {
            file: Some(self.file.to_owned()),
            line: Some(r.line),
            column: Some(self.header.written(c).to_owned()),
            ..Location::NONE
        }
    }

    /// The `c`-th column's cell of `r`, trimmed ("" if the column is absent).
    fn cell<'r>(&self, r: &'r Record, c: usize) -> &'r str {
        self.header
            .position(c)
            .and_then(|i| r.fields.get(i))
            .map_or("", |s| trim(s))
    }

    /// A required column, each cell parsed by `f` (a function rather than
    /// a closure: one instance per cell type keeps the WebAssembly small).
    fn col<T>(&self, c: usize, f: Parse<T>, what: &'static str) -> Result<Vec<T>> {
        self.records
            .iter()
            .map(|r| {
                let cell = self.cell(r, c);
                if cell.is_empty() {
                    return Err(Error::invalid(
                        noun!("cell"),
                        "\"\"",
                        msg!("the cell is empty, and this column needs a value on every row"),
                    )
                    .within(&self.at(r, c)));
                }
                f(cell, what).map_err(|e| e.within(&self.at(r, c)))
            })
            .collect()
    }

    /// An optional column: empty if absent, `None` for a blank cell.
    fn opt<T>(&self, c: usize, f: Parse<T>, what: &'static str) -> Result<Vec<Option<T>>> {
        if self.header.position(c).is_none() {
            return Ok(Vec::new());
        }
        self.records
            .iter()
            .map(|r| {
                let cell = self.cell(r, c);
                if cell.is_empty() {
                    Ok(None)
                } else {
                    f(cell, what)
                        .map(Some)
                        .map_err(|e| e.within(&self.at(r, c)))
                }
            })
            .collect()
    }

    /// A required text column (identifiers, names).
    fn text(&self, c: usize) -> Result<Vec<String>> {
        self.col(c, text, noun!("text"))
    }

    /// An optional text column kept as text, blank cells as `""`.
    fn raw(&self, c: usize) -> Vec<String> {
        if self.header.position(c).is_none() {
            return Vec::new();
        }
        self.records
            .iter()
            .map(|r| self.cell(r, c).to_owned())
            .collect()
    }
}

/// A cell parser: the cell (trimmed, not empty) and what it is.
type Parse<T> = fn(&str, &'static str) -> Result<T>;

/// A cell kept as text.
#[allow(clippy::unnecessary_wraps)]
fn text(s: &str, _what: &'static str) -> Result<String> {
    Ok(s.to_owned())
}

/// Reads every table of `t` into columns, and where each row comes from.
pub(super) fn tables(t: &Tables<'_>) -> Result<(Columns, Origins)> {
    let mut origins = Origins::default();
    let mut keep = |rows: &Rows<'_>, table: Table| {
        origins.insert(table, rows.origin());
    };

    let rows = Rows::read(t.households, Table::Households)?;
    let households = HouseholdColumns {
        household: rows.text(0)?,
        team: rows.text(1)?,
        adults: rows.col(2, value::count, noun!("number of adults"))?,
        children_ages: rows.raw(3),
        surface: rows.opt(4, value::decimal, noun!("surface"))?,
        prm: rows.opt(5, text, noun!("PRM"))?,
        pce: rows.opt(6, text, noun!("PCE"))?,
    };
    keep(&rows, Table::Households);

    let mut columns = Columns {
        households,
        ..Columns::default()
    };

    if let Some(src) = t.teams {
        let rows = Rows::read(src, Table::Teams)?;
        columns.teams = Some(TeamColumns {
            team: rows.text(0)?,
            name: rows.opt(1, text, noun!("team name"))?,
            captain: rows.opt(2, text, noun!("captain"))?,
        });
        keep(&rows, Table::Teams);
    }
    measurements(t, &mut columns, &mut origins)?;
    others(t, &mut columns, &mut origins)?;
    Ok((columns, origins))
}

/// The meters table and the tables of measurements on meters.
fn measurements(t: &Tables<'_>, columns: &mut Columns, origins: &mut Origins) -> Result<()> {
    let mut keep = |rows: &Rows<'_>, table: Table| {
        origins.insert(table, rows.origin());
    };
    if let Some(src) = t.meters {
        let rows = Rows::read(src, Table::Meters)?;
        columns.meters = Some(MeterColumns {
            household: rows.text(0)?,
            meter: rows.text(1)?,
            carrier: rows.text(2)?,
            unit: rows.text(3)?,
            // Blank for a water meter; an energy meter's is checked when
            // assembled.
            usage: rows.raw(4),
            kwh_per_unit: rows.opt(5, value::decimal, noun!("conversion"))?,
            basis: rows.opt(6, text, noun!("basis"))?,
            heating_share: rows.opt(7, value::ratio, noun!("heating share"))?,
            identifier: rows.opt(8, text, noun!("delivery point"))?,
        });
        keep(&rows, Table::Meters);
    }
    if let Some(src) = t.readings {
        let rows = Rows::read(src, Table::Readings)?;
        columns.readings = Some(ReadingColumns {
            household: rows.text(0)?,
            meter: rows.text(1)?,
            date: rows.col(2, value::date, noun!("reading date"))?,
            value: rows.col(3, value::decimal, noun!("reading value"))?,
        });
        keep(&rows, Table::Readings);
    }
    if let Some(src) = t.events {
        let rows = Rows::read(src, Table::Events)?;
        columns.events = Some(EventColumns {
            household: rows.text(0)?,
            meter: rows.text(1)?,
            date: rows.col(2, value::date, noun!("event date"))?,
            kind: rows.text(3)?,
            old_final: rows.opt(4, value::decimal, noun!("old meter's last index"))?,
            new_initial: rows.opt(5, value::decimal, noun!("new meter's first index"))?,
            modulus: rows.opt(6, value::decimal, noun!("rollover modulus"))?,
        });
        keep(&rows, Table::Events);
    }
    if let Some(src) = t.bills {
        let rows = Rows::read(src, Table::Bills)?;
        columns.bills = Some(BillColumns {
            household: rows.text(0)?,
            meter: rows.text(1)?,
            first: rows.col(2, value::date, noun!("first day billed"))?,
            last: rows.col(3, value::date, noun!("last day billed"))?,
            quantity: rows.col(4, value::decimal, noun!("bill quantity"))?,
        });
        keep(&rows, Table::Bills);
    }
    Ok(())
}

/// Deliveries, stock, presence, temperatures, and the theme tables
/// (weighings, purchases, trips).
fn others(t: &Tables<'_>, columns: &mut Columns, origins: &mut Origins) -> Result<()> {
    let mut keep = |rows: &Rows<'_>, table: Table| {
        origins.insert(table, rows.origin());
    };
    for (src, table, what) in [
        (t.deliveries, Table::Deliveries, noun!("delivery quantity")),
        (t.stock, Table::Stock, noun!("stock estimate")),
    ] {
        let Some(src) = src else { continue };
        let rows = Rows::read(src, table)?;
        let q = QuantityColumns {
            household: rows.text(0)?,
            meter: rows.text(1)?,
            date: rows.col(2, value::date, noun!("date"))?,
            quantity: rows.col(3, value::decimal, what)?,
        };
        if table == Table::Deliveries {
            columns.deliveries = Some(q);
        } else {
            columns.stock = Some(q);
        }
        keep(&rows, table);
    }
    if let Some(src) = t.presence {
        let rows = Rows::read(src, Table::Presence)?;
        columns.presence = Some(PresenceColumns {
            household: rows.text(0)?,
            from: rows.col(1, value::date, noun!("presence date"))?,
            adults: rows.col(2, value::count, noun!("number of adults"))?,
            children_ages: rows.raw(3),
        });
        keep(&rows, Table::Presence);
    }
    if let Some(src) = t.temperatures {
        let rows = Rows::read(src, Table::Temperatures)?;
        columns.temperatures = Some(TemperatureColumns {
            date: rows.col(0, value::date, noun!("temperature date"))?,
            tn: rows.col(1, value::decimal, noun!("minimum temperature"))?,
            tx: rows.col(2, value::decimal, noun!("maximum temperature"))?,
        });
        keep(&rows, Table::Temperatures);
    }
    theme_tables(t, columns, origins)?;
    Ok(())
}

/// The theme tables (weighings, purchases, trips).
#[cfg(feature = "themes")]
fn theme_tables(t: &Tables<'_>, columns: &mut Columns, origins: &mut Origins) -> Result<()> {
    let mut keep = |rows: &Rows<'_>, table: Table| {
        origins.insert(table, rows.origin());
    };
    if let Some(src) = t.weighings {
        let rows = Rows::read(src, Table::Weighings)?;
        columns.weighings = Some(WeighingColumns {
            household: rows.text(0)?,
            date: rows.col(1, value::date, noun!("weighing date"))?,
            stream: rows.text(2)?,
            kg: rows.col(3, value::decimal, noun!("weighed mass"))?,
        });
        keep(&rows, Table::Weighings);
    }
    if let Some(src) = t.purchases {
        let rows = Rows::read(src, Table::Purchases)?;
        columns.purchases = Some(PurchaseColumns {
            household: rows.text(0)?,
            date: rows.col(1, value::date, noun!("purchase date"))?,
            amount: rows.col(2, value::decimal, noun!("amount paid"))?,
            organic: rows.col(3, value::yes_no, noun!("organic"))?,
            local: rows.col(4, value::yes_no, noun!("local"))?,
            channel: rows.text(5)?,
            meals: rows.col(6, value::count32, noun!("number of meals"))?,
            persons: rows.col(7, value::count32, noun!("number of persons"))?,
        });
        keep(&rows, Table::Purchases);
    }
    if let Some(src) = t.trips {
        let rows = Rows::read(src, Table::Trips)?;
        columns.trips = Some(TripColumns {
            household: rows.text(0)?,
            date: rows.col(1, value::date, noun!("trip date"))?,
            mode: rows.text(2)?,
            km: rows.col(3, value::decimal, noun!("person-km"))?,
            trips: rows.opt(4, value::count32, noun!("number of trips"))?,
        });
        keep(&rows, Table::Trips);
    }
    Ok(())
}

/// Without the `themes` feature, a theme table is refused, never skipped.
#[cfg(not(feature = "themes"))]
fn theme_tables(t: &Tables<'_>, _: &mut Columns, _: &mut Origins) -> Result<()> {
    if t.weighings.is_some() || t.purchases.is_some() || t.trips.is_some() {
        return Err(Error::Unsupported {
            what: noun!("a weighings, purchases or trips table"),
            feature: "themes",
        });
    }
    Ok(())
}

/// One row of the settings table: the key and the value as written
/// (trimmed, never empty), each with its location (file, line, column as
/// written in the header).
#[derive(Debug, Clone)]
pub(super) struct SettingRow {
    pub key: String,
    pub key_at: Location,
    pub value: String,
    pub value_at: Location,
}

/// Reads the settings table: its rows, and the location of its key column
/// (file and column, no line) for errors about a key that no row gives.
pub(super) fn settings(source: Source<'_>) -> Result<(Vec<SettingRow>, Location)> {
    let rows = Rows::read(source, Table::Settings)?;
    let keys = rows.text(0)?;
    let values = rows.text(1)?;
    let out = rows
        .records
        .iter()
        .zip(keys)
        .zip(values)
        .map(|((r, key), value)| SettingRow {
            key,
            key_at: rows.at(r, 0),
            value,
            value_at: rows.at(r, 1),
        })
        .collect();
    let table = Location {
        file: Some(rows.file.to_owned()),
        column: Some(rows.header.written(0).to_owned()),
        ..Location::NONE
    };
    Ok((out, table))
}

#[cfg(test)]
mod tests {
    use crate::message::Lang;
    use crate::table::{Source, Tables};

    const NBSP: char = '\u{a0}';

    fn households(text: &str) -> crate::Error {
        Tables::new(Source::new("foyers.csv", text))
            .read()
            .unwrap_err()
    }

    #[test]
    fn a_bad_cell_is_told_in_french_with_its_file_line_and_column() {
        let e = households("foyer;equipe;adultes\nF1;t;2\nF2;t;2,5\n");
        assert_eq!(
            e.to_string(),
            "invalid number of adults (got \"2,5\"): a count is a whole number written with \
             digits at file `foyers.csv`, line 3, column `adultes`"
        );
        // By hand: the frame of an invalid value, the noun, the rule, then
        // the location's parts in parentheses, « … » with no-break spaces.
        assert_eq!(
            e.message(Lang::Fr),
            format!(
                "valeur invalide pour nombre d’adultes (reçu \"2,5\"){NBSP}: un nombre entier \
                 s’écrit avec des chiffres seulement (fichier «{NBSP}foyers.csv{NBSP}», ligne 3, \
                 colonne «{NBSP}adultes{NBSP}»)"
            )
        );
    }

    #[test]
    fn the_readme_error_in_french() {
        // README, "Errors" of the spreadsheet format: the same text.
        let e = crate::table::value::decimal("12,3,4", crate::noun!("reading value"))
            .unwrap_err()
            .within(&crate::Location::in_file("releves.csv").with_file(
                "releves.csv",
                17,
                Some("valeur".into()),
            ));
        assert_eq!(
            e.message(Lang::Fr),
            format!(
                "valeur invalide pour valeur du relevé (reçu \"12,3,4\"){NBSP}: un nombre s’écrit \
                 avec des chiffres et au plus une marque décimale (`,` ou `.`), les milliers \
                 éventuellement séparés par des espaces en groupes de trois, par exemple `1 234,5` \
                 (fichier «{NBSP}releves.csv{NBSP}», ligne 17, colonne «{NBSP}valeur{NBSP}»)"
            )
        );
        let readme = include_str!("../../../README.md");
        assert!(readme.contains(&e.message(Lang::Fr)), "README");
        assert!(readme.contains(&e.to_string()), "README");
    }

    #[test]
    fn a_row_too_short_gives_its_counts_in_french() {
        let e = households("foyer;equipe;adultes\nF1;t\n");
        assert_eq!(
            e.message(Lang::Fr),
            format!(
                "valeur invalide pour ligne CSV (reçu 2 fields){NBSP}: l’en-tête a 3 colonnes, \
                 chaque ligne a autant de champs (manque-t-il un séparateur, ou une valeur \
                 contenant un `;` n’est-elle pas entre guillemets{NBSP}?) (fichier \
                 «{NBSP}foyers.csv{NBSP}», ligne 2)"
            )
        );
    }

    #[test]
    fn a_day_in_a_parameter_is_written_in_words_in_french() {
        let mut t = Tables::new(Source::new("foyers.csv", "foyer;equipe;adultes\nF1;t;2\n"));
        t.temperatures = Some(Source::new(
            "temperatures.csv",
            "date;tn;tx\n01/12/2025;1;5\n03/12/2025;2;6\n",
        ));
        let e = t.read().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid temperature date (got 2025-12-03): days are consecutive and in order: \
             expected the day after 2025-12-01 at file `temperatures.csv`, line 3, column `date`"
        );
        assert_eq!(
            e.message(Lang::Fr),
            format!(
                "valeur invalide pour date de température (reçu 2025-12-03){NBSP}: les jours se \
                 suivent dans l’ordre, et le jour attendu est le lendemain du 1er décembre 2025 \
                 (fichier «{NBSP}temperatures.csv{NBSP}», ligne 3, colonne «{NBSP}date{NBSP}»)"
            )
        );
    }
}
