//! pandas DataFrames (or dicts of columns) to the core's columnar input,
//! [`ecodefi::table::Columns`], a whole column at a time.
//!
//! The DataFrame's column names are matched by the core
//! ([`ecodefi::table::Header`]: English names and French aliases, case and
//! accents ignored); a column is read with `tolist()` (or, for a
//! `datetime64` column, as whole days in one numpy conversion) and each cell
//! converted at the boundary: `Decimal`/`int` exactly, `float` through its
//! shortest repr, `datetime.date`/`Timestamp` (at midnight), `str` read by
//! the core's cell parsers ([`ecodefi::table::value`]: decimal comma, French
//! dates…). Missing cells (`None`, NaN, `pandas.NA`, `NaT`) are `None` in an
//! optional column and an error in a required one. Every error names the
//! table, the row (position from 0) and the column.
//!
//! One concept per module: `cells` (where a cell is, what is wrong with
//! it), `column` (a column's readers), `values` (a column already typed
//! on the Rust side, from Arrow), `numpy` (whole numpy arrays); this
//! module matches the tables' columns and assembles the core's input.

use ecodefi::table::{
    value, BillColumns, Columns, EventColumns, Header, HouseholdColumns, MeterColumns,
    PresenceColumns, PurchaseColumns, QuantityColumns, ReadingColumns, Table, TeamColumns,
    TemperatureColumns, TripColumns, WeighingColumns,
};
use ecodefi::{Error, Location};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::convert::Wrap;

pub(crate) mod cells;
mod column;
mod numpy;
mod values;
use cells::cell;
#[cfg(feature = "arrow")]
pub(crate) use column::float_decimal;
use column::Col;
pub(crate) use column::Numbers;
pub(crate) use numpy::{datetime64_days, numpy_values};
pub use values::{wrong_arrow_type, Expected, Typed, Values};

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// A table given as a DataFrame (or a dict of columns), matched to its
/// documented columns by the core.
struct Frame<'py> {
    table: Table,
    header: Header,
    columns: Vec<Bound<'py, PyAny>>,
    /// The columns of an Arrow table (then `columns` is empty).
    arrow: Vec<crate::arrow::Column>,
}

fn as_list<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if let Ok(l) = obj.cast::<PyList>() {
        return Ok(l.iter().collect());
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return Ok(t.iter().collect());
    }
    let list = if obj.hasattr("tolist")? {
        obj.call_method0("tolist")?
    } else {
        obj.py()
            .import("builtins")?
            .getattr("list")?
            .call1((obj,))?
    };
    Ok(list
        .cast_into::<PyList>()
        .map_err(PyErr::from)?
        .iter()
        .collect())
}

/// Clears the header line of a header error: a DataFrame has none.
fn without_line(e: Error, table: Table) -> Error {
    let relocate = |mut at: Location| {
        at.line = None;
        at.file = Some(table.as_str().to_owned());
        at
    };
    match e {
        Error::UnknownName {
            what,
            got,
            expected,
            at,
        } => Error::UnknownName {
            what,
            got,
            expected,
            at: relocate(at),
        },
        Error::Duplicate { what, id, at } => Error::Duplicate {
            what,
            id,
            at: relocate(at),
        },
        Error::InvalidValue { what, got, why, at } => Error::InvalidValue {
            what,
            got,
            why,
            at: relocate(at),
        },
        other => other,
    }
}

impl<'py> Frame<'py> {
    fn new(table: Table, obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Some((names, arrow)) = crate::arrow::table(obj)? {
            let header = Header::new(table, &names)
                .map_err(|e| PyErr::from(Wrap(without_line(e, table))))?;
            return Ok(Frame {
                table,
                header,
                columns: Vec::new(),
                arrow,
            });
        }
        let (names, columns): (Vec<String>, Vec<Bound<'py, PyAny>>) = if let Ok(d) =
            obj.cast::<PyDict>()
        {
            let mut names = Vec::new();
            let mut cols = Vec::new();
            for (k, v) in d.iter() {
                names.push(k.str()?.to_cow()?.into_owned());
                cols.push(v);
            }
            (names, cols)
        } else if obj.hasattr("columns")? {
            let mut names = Vec::new();
            let mut cols = Vec::new();
            for k in as_list(&obj.getattr("columns")?)? {
                names.push(k.str()?.to_cow()?.into_owned());
                cols.push(obj.get_item(&k)?);
            }
            (names, cols)
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "the `{table}` table is a DataFrame (pandas, polars), an Arrow table or a dict of columns, got `{}`",
                    type_name(obj)
                )));
        };
        let header =
            Header::new(table, &names).map_err(|e| PyErr::from(Wrap(without_line(e, table))))?;
        Ok(Frame {
            table,
            header,
            columns,
            arrow: Vec::new(),
        })
    }

    /// The `c`-th documented column, or `None` if the frame lacks it.
    fn column(&self, c: usize) -> PyResult<Option<Col<'py>>> {
        let Some(pos) = self.header.position(c) else {
            return Ok(None);
        };
        let name = self.table.columns().get(c).map_or("", |col| col.name);
        if let Some(column) = self.arrow.get(pos) {
            let typed = crate::arrow::typed(column, self.table.as_str(), name)?;
            return Ok(Some(Col::typed(self.table, name, typed)));
        }
        let Some(obj) = self.columns.get(pos) else {
            return Ok(None);
        };
        let dtype = if obj.hasattr("dtype")? {
            obj.getattr("dtype")?.str()?.to_cow()?.into_owned()
        } else {
            String::new()
        };
        // A pandas column of an Arrow dtype (`ArrowDtype`, e.g.
        // `int64[pyarrow]`): its Arrow array, read as from an Arrow table.
        if dtype.ends_with("[pyarrow]") {
            if let Some(typed) = crate::arrow::series(obj, self.table, name)? {
                return Ok(Some(Col::typed(self.table, name, typed)));
            }
        }
        // pandas' text columns (`str`, `string`) kept by pyarrow: their
        // Arrow array too (the same cells, without a Python `str` each);
        // any failure leaves them to the cell path below.
        if (dtype == "str" || dtype == "string") && name != "children_ages" {
            if let Ok(Some(typed)) = crate::arrow::series(obj, self.table, name) {
                return Ok(Some(Col::typed(self.table, name, typed)));
            }
        }
        let days = if dtype.starts_with("datetime64[") {
            Some(datetime64_days(obj, |row| {
                cell(Some(self.table.as_str()), row, name)
            })?)
        } else {
            None
        };
        // numpy dtypes only (not pandas' nullable `Int64`/`Float64`), and
        // not for ages, which are read from cells.
        let numbers = match dtype.as_str() {
            _ if name == "children_ages" => None,
            "float64" => Some(Numbers::Floats(numpy_values(
                obj,
                "float64",
                f64::from_ne_bytes,
            )?)),
            "int64" | "int32" | "int16" | "int8" | "uint8" | "uint16" | "uint32" => Some(
                Numbers::Ints(numpy_values(obj, "int64", i64::from_ne_bytes)?),
            ),
            _ => None,
        };
        let cells = if days.is_some() || numbers.is_some() {
            Vec::new()
        } else {
            as_list(obj)?
        };
        Ok(Some(Col {
            numbers,
            table: self.table,
            name,
            cells,
            days,
            values: std::cell::RefCell::new(None),
            arrow_type: String::new(),
        }))
    }

    /// A required column (the core's header check made sure it is there).
    fn req(&self, c: usize) -> PyResult<Col<'py>> {
        self.column(c)?.ok_or_else(|| {
            pyo3::exceptions::PyKeyError::new_err(format!("column {c} of `{}`", self.table))
        })
    }
}

fn core<T>(r: Result<T, Error>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// An optional column read with `f`; empty (the core's "absent") if the
/// frame lacks it.
fn opt<'py, T: Default>(
    col: Option<Col<'py>>,
    f: impl FnOnce(&Col<'py>) -> Result<T, Error>,
) -> PyResult<T> {
    core(col.as_ref().map_or_else(|| Ok(T::default()), f))
}

/// The DataFrames (or dicts of columns) of a challenge's tables, by table;
/// only the households table is required.
#[derive(Default)]
pub struct Frames<'py> {
    /// One frame per table given.
    pub tables: Vec<(Table, Bound<'py, PyAny>)>,
}

impl<'py> Frames<'py> {
    /// The households frame and the other tables given (`None`s skipped).
    pub fn new<const N: usize>(
        households: Bound<'py, PyAny>,
        others: [(Table, Option<Bound<'py, PyAny>>); N],
    ) -> Self {
        let mut tables = vec![(Table::Households, households)];
        tables.extend(others.into_iter().filter_map(|(t, f)| f.map(|f| (t, f))));
        Frames { tables }
    }

    fn get(&self, table: Table) -> PyResult<Option<Frame<'py>>> {
        match self.tables.iter().find(|(t, _)| *t == table) {
            Some((_, obj)) if !obj.is_none() => Frame::new(table, obj).map(Some),
            _ => Ok(None),
        }
    }

    /// Reads the frames into the core's columns.
    ///
    /// # Errors
    /// The core's header errors (unknown, duplicate or missing column); a
    /// cell that cannot stand for its column's type; the core's cell
    /// parsers' errors; each located at the table, row and column.
    pub fn columns(&self) -> PyResult<Columns> {
        let h = self.get(Table::Households)?.ok_or_else(|| {
            pyo3::exceptions::PyTypeError::new_err("the households table is required")
        })?;
        let mut out = Columns {
            households: HouseholdColumns {
                household: core(h.req(0)?.text())?,
                team: core(h.req(1)?.text())?,
                adults: core(h.req(2)?.count())?,
                children_ages: opt(h.column(3)?, Col::ages)?,
                surface: opt(h.column(4)?, Col::decimal_opt)?,
                prm: opt(h.column(5)?, Col::text_opt)?,
                pce: opt(h.column(6)?, Col::text_opt)?,
            },
            ..Columns::default()
        };
        if let Some(f) = self.get(Table::Teams)? {
            out.teams = Some(TeamColumns {
                team: core(f.req(0)?.text())?,
                name: opt(f.column(1)?, Col::text_opt)?,
                captain: opt(f.column(2)?, Col::text_opt)?,
            });
        }
        if let Some(f) = self.get(Table::Meters)? {
            out.meters = Some(MeterColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                carrier: core(f.req(2)?.text())?,
                unit: core(f.req(3)?.text())?,
                // A blank usage reaches the core as `""`, as from a CSV
                // file: the core accepts or refuses it (it has no meaning
                // for every carrier).
                usage: opt(f.column(4)?, Col::text_blank)?,
                kwh_per_unit: opt(f.column(5)?, Col::decimal_opt)?,
                basis: opt(f.column(6)?, Col::text_opt)?,
                heating_share: opt(f.column(7)?, Col::ratio_opt)?,
                identifier: opt(f.column(8)?, Col::text_opt)?,
            });
        }
        if let Some(f) = self.get(Table::Readings)? {
            out.readings = Some(ReadingColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                date: core(f.req(2)?.date())?,
                value: core(f.req(3)?.decimal())?,
            });
        }
        if let Some(f) = self.get(Table::Events)? {
            out.events = Some(EventColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                date: core(f.req(2)?.date())?,
                kind: core(f.req(3)?.text())?,
                old_final: opt(f.column(4)?, Col::decimal_opt)?,
                new_initial: opt(f.column(5)?, Col::decimal_opt)?,
                modulus: opt(f.column(6)?, Col::decimal_opt)?,
            });
        }
        if let Some(f) = self.get(Table::Bills)? {
            out.bills = Some(BillColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                first: core(f.req(2)?.date())?,
                last: core(f.req(3)?.date())?,
                quantity: core(f.req(4)?.decimal())?,
            });
        }
        if let Some(f) = self.get(Table::Deliveries)? {
            out.deliveries = Some(quantities(&f)?);
        }
        if let Some(f) = self.get(Table::Stock)? {
            out.stock = Some(quantities(&f)?);
        }
        if let Some(f) = self.get(Table::Presence)? {
            out.presence = Some(PresenceColumns {
                household: core(f.req(0)?.text())?,
                from: core(f.req(1)?.date())?,
                adults: core(f.req(2)?.count())?,
                children_ages: opt(f.column(3)?, Col::ages)?,
            });
        }
        if let Some(f) = self.get(Table::Temperatures)? {
            out.temperatures = Some(TemperatureColumns {
                date: core(f.req(0)?.date())?,
                tn: core(f.req(1)?.decimal())?,
                tx: core(f.req(2)?.decimal())?,
            });
        }
        self.theme_tables(&mut out)?;
        Ok(out)
    }

    /// The tables of the waste, food and mobility themes: weighings,
    /// purchases, trips.
    fn theme_tables(&self, out: &mut Columns) -> PyResult<()> {
        if let Some(f) = self.get(Table::Weighings)? {
            // The stream is text, read by the core's `value::stream` when
            // the columns are assembled (English name or French alias).
            out.weighings = Some(WeighingColumns {
                household: core(f.req(0)?.text())?,
                date: core(f.req(1)?.date())?,
                stream: core(f.req(2)?.text())?,
                kg: core(f.req(3)?.decimal())?,
            });
        }
        if let Some(f) = self.get(Table::Purchases)? {
            // Channels are text, read by the core's `value::channel` when
            // the columns are assembled (English name or French alias).
            out.purchases = Some(PurchaseColumns {
                household: core(f.req(0)?.text())?,
                date: core(f.req(1)?.date())?,
                amount: core(f.req(2)?.decimal())?,
                organic: core(f.req(3)?.yes_no("organic"))?,
                local: core(f.req(4)?.yes_no("local"))?,
                channel: core(f.req(5)?.text())?,
                meals: core(f.req(6)?.count32("number of meals"))?,
                persons: core(f.req(7)?.count32("number of persons"))?,
            });
        }
        if let Some(f) = self.get(Table::Trips)? {
            // Modes are text, read by the core's `value::mode`; a missing
            // number of trips is `None` (the core counts it as 1 and
            // refuses 0).
            out.trips = Some(TripColumns {
                household: core(f.req(0)?.text())?,
                date: core(f.req(1)?.date())?,
                mode: core(f.req(2)?.text())?,
                km: core(f.req(3)?.decimal())?,
                trips: opt(f.column(4)?, |c| {
                    c.counts(value::count32, "number of trips")
                })?,
            });
        }
        Ok(())
    }
}

fn quantities(f: &Frame<'_>) -> PyResult<QuantityColumns> {
    Ok(QuantityColumns {
        household: core(f.req(0)?.text())?,
        meter: core(f.req(1)?.text())?,
        date: core(f.req(2)?.date())?,
        quantity: core(f.req(3)?.decimal())?,
    })
}
