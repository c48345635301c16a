//! Many meters at once: one long table of daily usage (meter, day, usage,
//! temperature) fitted meter by meter with [`fit`](super::fit()), in
//! parallel.
//!
//! See [`fit_many`](super::fit_many).

use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{fit, Baseline, DailyUsage, RegressionOptions, UsageData};
use crate::date::Date;
use crate::error::{Error, Location, Result};
use crate::quantity::Kwh;
use crate::{msg, noun};

/// A long table of daily usage for many meters, by columns: row `i` is
/// meter `meter(i)`'s usage and mean outdoor temperature on day `day[i]`.
///
/// Rows may come in any order. A missing usage or temperature (`None`)
/// leaves the day out of the fit, as a day absent from the table (it
/// counts as a missing day in the sufficiency report); a day given twice
/// with both values is the meter's error. The meters are kept
/// as a list of distinct identifiers and one index into it per row.
#[derive(Debug, Clone, PartialEq)]
pub struct MeterTable {
    ids: Vec<String>,
    meter: Vec<u32>,
    day: Vec<Date>,
    usage: Vec<Option<Kwh>>,
    temperature_c: Vec<Option<f64>>,
}

/// `Error::InvalidValue` on a column whose length differs from the meter
/// column's.
fn length_error(column: &str, got: usize, rows: usize) -> Error {
    Error::invalid(
        noun!("column length"),
        got,
        msg!(
            "every column must have one value per row ({rows} rows)",
            rows = rows
        ),
    )
    .at_path(format!("table.{column}"))
}

impl MeterTable {
    /// A table from its columns, one value per row: the meter identifiers
    /// (meters are numbered in the order of their first row), the days,
    /// the usage values and the daily mean temperatures (°C).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the columns differ in length (located at
    /// `table.day`, `table.usage` or `table.temperature`) or there are more
    /// than 2³² meters.
    pub fn new<S: AsRef<str>>(
        meter: &[S],
        day: Vec<Date>,
        usage: Vec<Option<Kwh>>,
        temperature_c: Vec<Option<f64>>,
    ) -> Result<Self> {
        let (ids, codes) = factorize(meter.iter().map(|id| Ok(id.as_ref())))?;
        let ids = ids.into_iter().map(str::to_owned).collect();
        Self::from_parts(ids, codes, day, usage, temperature_c)
    }

    /// A table whose meter column is already coded (as pandas'
    /// `factorize` gives it): `ids` the distinct meter identifiers and
    /// `codes[i]` the index in `ids` of row `i`'s meter. A meter of `ids`
    /// without any row is fitted on no data (its baseline says
    /// `no_data`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the columns differ in length or a code
    /// is not an index of `ids` (located at the row);
    /// [`Error::Duplicate`] when an identifier is twice in `ids`.
    pub fn from_codes(
        ids: Vec<String>,
        codes: Vec<u32>,
        day: Vec<Date>,
        usage: Vec<Option<Kwh>>,
        temperature_c: Vec<Option<f64>>,
    ) -> Result<Self> {
        // One map type for both constructors (a second costs the
        // WebAssembly module its own hash table code).
        let mut seen: HashMap<&str, u32> = HashMap::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            if seen.insert(id.as_str(), 0).is_some() {
                return Err(Error::Duplicate {
                    what: noun!("meter"),
                    id: id.clone(),
                    at: Location::at_path("table.meters").with_index(i),
                });
            }
        }
        drop(seen);
        Self::from_parts(ids, codes, day, usage, temperature_c)
    }

    /// The table of distinct `ids`: checks the lengths and the codes.
    fn from_parts(
        ids: Vec<String>,
        codes: Vec<u32>,
        day: Vec<Date>,
        usage: Vec<Option<Kwh>>,
        temperature_c: Vec<Option<f64>>,
    ) -> Result<Self> {
        let rows = codes.len();
        for (column, len) in [
            ("day", day.len()),
            ("usage", usage.len()),
            ("temperature", temperature_c.len()),
        ] {
            if len != rows {
                return Err(length_error(column, len, rows));
            }
        }
        if u32::try_from(ids.len()).is_err() {
            return Err(too_many_meters(ids.len()));
        }
        for (row, &c) in codes.iter().enumerate() {
            if usize::try_from(c).map_or(true, |c| c >= ids.len()) {
                return Err(Error::invalid(
                    noun!("meter code"),
                    c,
                    msg!(
                        "must be the index of a meter of the table ({n} meters)",
                        n = ids.len()
                    ),
                )
                .within(&Location::at_path("table.meter").with_index(row)));
            }
        }
        Ok(MeterTable {
            ids,
            meter: codes,
            day,
            usage,
            temperature_c,
        })
    }

    /// The distinct meter identifiers, in the order of the results.
    pub fn meters(&self) -> &[String] {
        &self.ids
    }

    /// Rows of the table.
    pub fn rows(&self) -> usize {
        self.meter.len()
    }
}

#[cold]
/// The meter column of a long table coded as [`MeterTable::from_codes`]
/// takes it (pandas' `factorize`): the distinct keys in the order of their
/// first rows, and each row's index among them. A row with the key of the
/// row before (a table sorted by meter) is coded without a look-up. Any
/// key type: a binding keeps integer meters as integers, and text borrowed
/// from its arrays.
///
/// # Errors
/// The first row's error of `keys` (a missing meter, as the caller
/// locates it); [`Error::InvalidValue`] beyond 2³² meters.
///
/// # Example
/// ```
/// let (ids, codes) = ecodefi::regression::factorize(["b", "b", "a", "b"].into_iter().map(Ok))?;
/// assert_eq!((ids, codes), (vec!["b", "a"], vec![0, 0, 1, 0]));
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn factorize<K: Copy + Eq + std::hash::Hash>(
    keys: impl Iterator<Item = Result<K>>,
) -> Result<(Vec<K>, Vec<u32>)> {
    let mut index: HashMap<K, u32> = HashMap::new();
    let mut distinct = Vec::new();
    let mut codes = Vec::with_capacity(keys.size_hint().0);
    let mut last: Option<(K, u32)> = None;
    for key in keys {
        let key = key?;
        let code = match last {
            Some((k, c)) if k == key => c,
            _ => {
                let next =
                    u32::try_from(distinct.len()).map_err(|_| too_many_meters(distinct.len()))?;
                *index.entry(key).or_insert_with(|| {
                    distinct.push(key);
                    next
                })
            }
        };
        last = Some((key, code));
        codes.push(code);
    }
    Ok((distinct, codes))
}

fn too_many_meters(n: usize) -> Error {
    Error::invalid(
        noun!("number of meters"),
        n,
        msg!("a table holds at most 4294967295 meters"),
    )
    .at_path("table.meter")
}

/// A usage value given as a binary float (a pandas `float64` column, a
/// JavaScript number) as the exact decimal it stands for: the shortest
/// decimal that reads back as the same float (Python's `repr`,
/// JavaScript's `Number.prototype.toString`), so `0.1` is `0.1` kWh and
/// not `0.1000000000000000055…`.
///
/// # Errors
/// [`Error::InvalidValue`] for NaN or an infinite value, or a value beyond
/// the range of exact decimals (about ±7.9e28, 28 decimal places).
pub fn kwh_from_f64(value: f64) -> Result<Kwh> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let bad = || {
        Error::invalid(
            noun!("usage"),
            value,
            msg!("must be a finite number within about ±7.9e28 kWh"),
        )
    };
    if !value.is_finite() {
        return Err(bad());
    }
    // Fast path, no text: the fewest decimals `s` whose nearest integer
    // `n` to value·10ˢ reads back as the value (n / 10ˢ, both exact in
    // f64, is one correctly rounded division) are the shortest digits'
    // decimals, and `n` their digits (the closest, as the shortest form
    // takes). Only while value·10ˢ stays below 2⁵³, where rounding the
    // product cannot miss the integer.
    for (scale, &p) in (0u32..).zip(&POW10) {
        let scaled = value * p;
        if scaled.abs() >= 4.0e15 {
            break;
        }
        let n = scaled.round();
        // exact equality: the decimal must read back as this very float
        #[allow(clippy::float_cmp)]
        let reads_back = n / p == value;
        if reads_back {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(Kwh::new(Decimal::new(n as i64, scale)));
        }
    }
    // `Display` for f64 gives the shortest round-trip digits, never an
    // exponent.
    Decimal::from_str_exact(&value.to_string())
        .or_else(|_| Decimal::from_str(&value.to_string()))
        .map(|d| Kwh::new(d.normalize()))
        .map_err(|_| bad())
}

/// The baseline of one meter of a [`MeterTable`], or its error.
#[derive(Debug, Clone, PartialEq)]
pub struct MeterBaseline {
    /// The meter's identifier.
    pub meter: String,
    /// Rows of the table for this meter (with or without values).
    pub rows: usize,
    /// The meter's baseline, or why it could not be fitted: a day given
    /// twice with both values ([`Error::Duplicate`], at the later row) or
    /// a temperature that is not finite
    /// ([`Error::InvalidValue`]), located at the meter and the table's row.
    pub result: Result<Baseline>,
}

/// Fits a baseline for every meter of `table` with the same `options`,
/// on `threads` threads (default: [`crate::parallel::threads`]; one on
/// WebAssembly).
///
/// Analysts with the daily Linky or Gazpar values of a whole territory fit
/// baselines for hundreds of thousands of meters. [`fit_many`] groups the
/// rows of a [`MeterTable`] by meter (rows in any order), fits each meter
/// with the same [`RegressionOptions`] and returns one [`MeterBaseline`]
/// per meter, **in the order of the meters' first appearance in the
/// table** ([`MeterTable::meters`]): every meter of the input is in the output, with its baseline or
/// its own typed error (a day given twice, a temperature that is not a
/// number). Only what concerns the whole batch (an option out of range, a
/// table whose columns differ in length) is an error of the batch.
///
/// The meters are shared among `threads` worker threads
/// ([`crate::parallel`]); each meter's fit is the same pure function whatever thread runs it, so
/// the results do not depend on the thread count, to the last bit. On
/// WebAssembly (no threads) the meters are fitted one after the other.
///
/// [`MeterRow`](super::MeterRow) flattens a result into plain fields (one row per meter: the
/// model, its metrics, the sufficiency summary with the names of the failed
/// checks, or the error's code and message): the Python binding makes a
/// DataFrame of them and the JavaScript binding an array of objects.
///
/// Each meter's days with both values are given to [`fit`](super::fit())
/// in table order: its result is that call's, whatever the row order.
///
/// # Errors
/// [`Error::InvalidValue`] for an option out of range (located at its
/// path, as [`fit`](super::fit()) does) or `threads` of 0 (at `threads`).
/// A meter's own problem is that meter's [`MeterBaseline::result`].
///
/// # Example
/// ```
/// use ecodefi::regression::{fit_many, BalancePointGrid, MeterTable, RegressionOptions, ModelKind};
/// use ecodefi::date::date;
/// use ecodefi::{Decimal, Kwh};
///
/// // Two meters, 60 days each: usage = 2 + 0.5·HDD(15) and 3 + 1·HDD(15).
/// let (mut meter, mut day, mut usage, mut temperature) = (vec![], vec![], vec![], vec![]);
/// for i in 0..60 {
///     let t = f64::from(i % 20);
///     for (id, base, slope) in [("a", 2, 5), ("b", 3, 10)] {
///         meter.push(id.to_string());
///         day.push(date(2025, 1, 1).add_days(i)?);
///         let hdd = Decimal::try_from((15.0 - t).max(0.0)).unwrap();
///         usage.push(Some(Kwh::new(Decimal::from(base) + hdd * Decimal::new(slope, 1))));
///         temperature.push(Some(t));
///     }
/// }
/// let table = MeterTable::new(&meter, day, usage, temperature)?;
/// let options = RegressionOptions::default()
///     .grid(BalancePointGrid::celsius(10.0, 20.0, 1.0)?)
///     .baseline_days(60);
/// let results = fit_many(&table, &options, None)?;
/// assert_eq!(results.len(), 2);
/// let b = results[1].result.as_ref().unwrap().model.as_ref().unwrap();
/// assert_eq!((results[1].meter.as_str(), b.kind), ("b", ModelKind::HddOnly));
/// assert!((b.beta_hdd.unwrap() - 1.0).abs() < 1e-9);
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn fit_many(
    table: &MeterTable,
    options: &RegressionOptions,
    threads: Option<usize>,
) -> Result<Vec<MeterBaseline>> {
    options.validate()?;
    options.window()?;
    let threads = crate::parallel::asked_threads(threads)?;
    // Rows grouped by meter, stable (counting sort): rows of meter m are
    // order[start[m]..start[m + 1]].
    let n = table.ids.len();
    let mut start = vec![0usize; n + 1];
    for &m in &table.meter {
        if let Some(s) = start.get_mut(m as usize + 1) {
            *s += 1;
        }
    }
    for m in 0..n {
        start[m + 1] += start[m];
    }
    let mut next = start.clone();
    let mut order = vec![0usize; table.meter.len()];
    for (row, &m) in table.meter.iter().enumerate() {
        if let Some(slot) = next.get_mut(m as usize) {
            if let Some(o) = order.get_mut(*slot) {
                *o = row;
            }
            *slot += 1;
        }
    }
    let one = |m: usize| {
        let rows = order.get(start[m]..start[m + 1]).unwrap_or(&[]);
        let id = table.ids.get(m).cloned().unwrap_or_default();
        MeterBaseline {
            result: fit_meter(table, &id, rows, options),
            rows: rows.len(),
            meter: id,
        }
    };
    Ok(crate::parallel::indices(n, threads, &one))
}

/// Fits one meter on its `rows` of the table, in table order (`fit`
/// sorts them by day, and its error's index is mapped back to the row).
fn fit_meter(
    table: &MeterTable,
    id: &str,
    rows: &[usize],
    options: &RegressionOptions,
) -> Result<Baseline> {
    let at = Location::NONE.with_meter(id);
    let mut days = Vec::with_capacity(rows.len());
    let mut day_rows = Vec::with_capacity(rows.len());
    for &row in rows {
        let t = table.temperature_c.get(row).copied().flatten();
        if let Some(t) = t {
            // checked on every row, with a usage or not
            if !t.is_finite() {
                return Err(Error::InvalidValue {
                    what: noun!("temperature"),
                    got: t.to_string(),
                    why: msg!("a temperature must be a finite number of °C"),
                    at: at.clone().with_index(row),
                });
            }
        }
        let usage = table.usage.get(row).copied().flatten();
        if let (Some(&date), Some(usage), Some(t)) = (table.day.get(row), usage, t) {
            days.push(DailyUsage {
                date,
                usage,
                temperature_c: t,
            });
            day_rows.push(row);
        }
    }
    fit(&UsageData::Daily { days }, options).map_err(|mut e| {
        // `fit` locates a day by its place in `days`: the table's row
        if let Some(loc) = e.location_mut() {
            loc.index = loc.index.map(|i| day_rows.get(i).copied().unwrap_or(i));
        }
        e.within(&at)
    })
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::cast_possible_truncation
)]
mod tests {
    use super::*;
    use crate::date::date;
    use crate::message::Lang;
    use crate::regression::BalancePointGrid;
    use crate::regression::{meter_rows, CheckName, MeterRow, ModelKind, NoModelReason};
    use proptest::prelude::*;

    fn options() -> RegressionOptions {
        RegressionOptions::default()
            .grid(BalancePointGrid::celsius(10.0, 20.0, 1.0).unwrap())
            .baseline_days(60)
    }

    /// Rows `(meter, day offset, usage, temperature)` as a table.
    fn table(rows: &[(&str, i32, Option<Decimal>, Option<f64>)]) -> MeterTable {
        MeterTable::new(
            &rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            rows.iter()
                .map(|r| date(2025, 1, 1).add_days(r.1).unwrap())
                .collect(),
            rows.iter().map(|r| r.2.map(Kwh::new)).collect(),
            rows.iter().map(|r| r.3).collect(),
        )
        .unwrap()
    }

    /// 60 days of `base + slope·HDD(15)` (exact decimals), temperatures
    /// 0..19 °C.
    fn linear(
        id: &'static str,
        base: i64,
        slope_tenths: i64,
    ) -> Vec<(&'static str, i32, Option<Decimal>, Option<f64>)> {
        (0..60)
            .map(|i| {
                let t = i % 20;
                let hdd = Decimal::from((15 - t).max(0));
                let u = Decimal::from(base) + hdd * Decimal::new(slope_tenths, 1);
                (id, i, Some(u), Some(f64::from(t)))
            })
            .collect()
    }

    /// Equal to the last bit (a NaN limit is not `==` to itself; its
    /// `Debug` text is).
    fn same<T: std::fmt::Debug>(a: &T, b: &T) -> bool {
        format!("{a:?}") == format!("{b:?}")
    }

    /// The meter's days as `fit` takes them, in table order.
    fn days_of(t: &MeterTable, id: &str) -> Vec<DailyUsage> {
        (0..t.rows())
            .filter(|&r| t.ids[t.meter[r] as usize] == id)
            .filter_map(|r| {
                Some(DailyUsage {
                    date: t.day[r],
                    usage: t.usage[r]?,
                    temperature_c: t.temperature_c[r]?,
                })
            })
            .collect()
    }

    #[test]
    fn known_lines_are_found_meter_by_meter_in_first_appearance_order() {
        // Rows interleaved and reversed: b appears first.
        let mut rows = linear("a", 2, 5);
        rows.extend(linear("b", 3, 10));
        rows.extend(linear("c", 7, 0));
        rows.reverse(); // c's rows first, then b's, then a's
        let t = table(&rows);
        assert_eq!(t.meters(), ["c", "b", "a"]);
        let results = fit_many(&t, &options(), Some(2)).unwrap();
        let ids: Vec<&str> = results.iter().map(|r| r.meter.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        for (r, (kind, base, slope)) in results.iter().zip([
            (ModelKind::InterceptOnly, 7.0, None),
            (ModelKind::HddOnly, 3.0, Some(1.0)),
            (ModelKind::HddOnly, 2.0, Some(0.5)),
        ]) {
            assert_eq!(r.rows, 60);
            let b = r.result.as_ref().unwrap();
            let m = b.model.as_ref().unwrap();
            assert_eq!(m.kind, kind, "{}", r.meter);
            assert!(
                (m.intercept - base).abs() < 1e-9,
                "{}: {}",
                r.meter,
                m.intercept
            );
            if let Some(s) = slope {
                assert_eq!(m.heating_balance_point_c, Some(15.0));
                assert!((m.beta_hdd.unwrap() - s).abs() < 1e-9);
            }
            // the same as `fit` on the meter's own days
            let alone = fit(
                &UsageData::Daily {
                    days: days_of(&t, &r.meter),
                },
                &options(),
            )
            .unwrap();
            assert!(same(b, &alone));
        }
        let rows = meter_rows(&results, Lang::En);
        assert_eq!(
            rows[1].beta_hdd,
            results[1]
                .result
                .as_ref()
                .unwrap()
                .model
                .as_ref()
                .unwrap()
                .beta_hdd
        );
        assert!(rows
            .iter()
            .all(|r| r.usable && r.failed_checks.is_empty() && r.error_code.is_none()));
        assert_eq!(rows[0].window_start, Some(date(2025, 1, 1)));
        assert_eq!(rows[0].window_days, Some(60));
    }

    #[test]
    fn a_meter_s_problem_is_its_own() {
        let mut rows = linear("ok", 2, 5);
        let mut dup = linear("dup", 2, 5);
        dup.push(("dup", 10, Some(Decimal::ONE), Some(3.0))); // day 10 again
        rows.extend(dup);
        let mut nan = linear("nan", 2, 5);
        nan[4].3 = Some(f64::INFINITY);
        rows.extend(nan);
        // a missing value is a missing day, not an error
        let mut gaps = linear("gaps", 2, 5);
        gaps[0].2 = None;
        gaps[1].3 = None;
        rows.extend(gaps);
        // an empty meter from `from_codes`: no data
        let t = table(&rows);
        let results = fit_many(&t, &options(), Some(3)).unwrap();
        assert_eq!(results.len(), 4);
        assert!(results[0].result.as_ref().unwrap().usable());
        let e = results[1].result.as_ref().unwrap_err();
        assert_eq!(e.code(), "duplicate");
        let at = e.location().unwrap();
        assert_eq!((at.meter.as_deref(), at.index), (Some("dup"), Some(120)));
        let e = results[2].result.as_ref().unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        let at = e.location().unwrap();
        assert_eq!((at.meter.as_deref(), at.index), (Some("nan"), Some(125)));
        let g = results[3].result.as_ref().unwrap();
        assert_eq!(
            (g.sufficiency.valid_days, g.sufficiency.missing_days),
            (58, 0)
        );
        let rows = meter_rows(&results, Lang::Fr);
        assert_eq!(rows[1].error_code.as_deref(), Some("duplicate"));
        assert!(
            rows[1].error_message.as_deref().unwrap().contains("jour"),
            "{rows:?}"
        );
        assert!(!rows[1].usable && rows[1].model_kind.is_none());
        // window from the data: 2025-01-03 to 2025-03-01 is 58 days: short
        assert_eq!(rows[3].failed_checks, vec![CheckName::BaselineSpan]);
        assert!(!rows[3].usable);

        let coded = MeterTable::from_codes(
            vec!["x".into(), "empty".into()],
            vec![0],
            vec![date(2025, 1, 1)],
            vec![Some(Kwh::new(Decimal::ONE))],
            vec![Some(1.0)],
        )
        .unwrap();
        let r = fit_many(&coded, &options(), None).unwrap();
        assert_eq!(r[1].rows, 0);
        assert_eq!(
            r[1].result.as_ref().unwrap().no_model_reason,
            Some(NoModelReason::NoData)
        );
    }

    #[test]
    fn what_concerns_the_whole_batch_is_the_batch_s_error() {
        let t = table(&linear("a", 1, 1));
        let path = |e: Error| e.location().and_then(|l| l.path.clone()).unwrap();
        let e = fit_many(&t, &options().baseline_days(0), None).unwrap_err();
        assert_eq!(path(e), "options.baseline_days");
        assert_eq!(
            path(fit_many(&t, &options(), Some(0)).unwrap_err()),
            "threads"
        );
        let d = vec![date(2025, 1, 1)];
        let e = MeterTable::new(&["a"], d.clone(), vec![], vec![Some(1.0)]).unwrap_err();
        assert_eq!(path(e), "table.usage");
        let e =
            MeterTable::from_codes(vec!["a".into()], vec![1], d.clone(), vec![None], vec![None])
                .unwrap_err();
        assert_eq!(e.location().unwrap().index, Some(0));
        let e = MeterTable::from_codes(
            vec!["a".into(), "a".into()],
            vec![0],
            d,
            vec![None],
            vec![None],
        )
        .unwrap_err();
        assert_eq!(e.code(), "duplicate");
    }

    #[test]
    fn the_columns_are_the_row_s_fields_in_order() {
        let t = table(&linear("a", 1, 1));
        let row = &meter_rows(&fit_many(&t, &options(), None).unwrap(), Lang::En)[0];
        let json = serde_json::to_string(row).unwrap();
        let mut at = 0;
        for c in MeterRow::COLUMNS {
            let key = format!("\"{c}\":");
            let found = json[at..]
                .find(&key)
                .unwrap_or_else(|| panic!("{c} in {json}"));
            at += found + key.len();
        }
        let keys = json.matches("\":").count();
        assert_eq!(keys, MeterRow::COLUMNS.len(), "{json}");
    }

    #[test]
    fn floats_become_their_shortest_decimal() {
        assert_eq!(kwh_from_f64(0.1).unwrap().value().to_string(), "0.1");
        assert_eq!(kwh_from_f64(12.0).unwrap().value().to_string(), "12");
        assert_eq!(
            kwh_from_f64(-2.5e-3).unwrap().value().to_string(),
            "-0.0025"
        );
        for bad in [f64::NAN, f64::INFINITY, 1e30] {
            assert_eq!(kwh_from_f64(bad).unwrap_err().code(), "invalid_value");
        }
    }

    proptest! {
        /// The fast path gives the digits of the shortest form, as Rust's
        /// `Display` (and Python's `repr`) print them.
        #[test]
        fn kwh_from_f64_is_the_shortest_decimal(bits in any::<u64>(), m in any::<i64>(), e in 0u32..12) {
            let decimalish = Decimal::new(m % 1_000_000_000_000, e).to_string().parse::<f64>().unwrap();
            for x in [f64::from_bits(bits), decimalish, decimalish / 3.0] {
                let text = Decimal::from_str_exact(&x.to_string()).or_else(|_| Decimal::from_str(&x.to_string()));
                match (kwh_from_f64(x), text) {
                    (Ok(k), Ok(d)) if x.is_finite() => prop_assert_eq!(k.value(), d.normalize(), "{}", x),
                    (Err(_), _) => prop_assert!(!x.is_finite() || x.abs() > 7e28 || text_fails(x)),
                    (k, d) => prop_assert!(!x.is_finite() || d.is_err(), "{} {:?} {:?}", x, k, d),
                }
            }
        }
    }

    fn text_fails(x: f64) -> bool {
        Decimal::from_str_exact(&x.to_string()).is_err()
            && Decimal::from_str(&x.to_string()).is_err()
    }

    /// Rows of up to 6 meters: a flag (rarely set) to repeat the meter's
    /// last day instead of taking its next, usage (some missing) and
    /// temperatures.
    fn rows_strategy() -> impl Strategy<Value = Vec<(u8, bool, Option<i64>, Option<i8>)>> {
        proptest::collection::vec(
            (
                0u8..6,
                proptest::bool::weighted(0.005),
                proptest::option::weighted(0.95, 0i64..50_000),
                proptest::option::weighted(0.95, -10i8..30),
            ),
            0..400,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any thread count and any row order give the same results, one
        /// per meter in first-appearance order, each the meter's own `fit`
        /// (or the meter's own error).
        #[test]
        fn results_do_not_depend_on_threads_or_row_order(rows in rows_strategy(), seed in any::<u64>(), threads in 1usize..5) {
            let names = ["m0", "m1", "m2", "m3", "m4", "m5"];
            let mut next_day = [0i32; 6];
            let as_rows: Vec<_> = rows.iter().map(|&(m, again, u, t)| {
                let n = &mut next_day[m as usize];
                if !(again && *n > 0) { *n += 1; }
                (names[m as usize], *n - 1, u.map(|u| Decimal::new(u, 3)), t.map(f64::from))
            }).collect();
            let t = table(&as_rows);
            let o = RegressionOptions::default()
                .grid(BalancePointGrid::celsius(5.0, 20.0, 1.5).unwrap())
                .baseline_days(30);
            let one = fit_many(&t, &o, Some(1)).unwrap();
            let many = fit_many(&t, &o, Some(threads)).unwrap();
            prop_assert!(same(&one, &many));
            // first appearance
            let mut seen = Vec::new();
            for r in &as_rows {
                if !seen.contains(&r.0) { seen.push(r.0); }
            }
            let ids: Vec<&str> = one.iter().map(|r| r.meter.as_str()).collect();
            prop_assert_eq!(&ids, &seen);
            // shuffled rows: the same results per meter
            let mut shuffled = as_rows.clone();
            let mut s = seed | 1;
            for i in (1..shuffled.len()).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let other = fit_many(&table(&shuffled), &o, Some(threads)).unwrap();
            for r in &one {
                let x = other.iter().find(|x| x.meter == r.meter).unwrap();
                prop_assert_eq!(x.rows, r.rows);
                match (&r.result, &x.result) {
                    (Ok(a), Ok(b)) => prop_assert!(same(a, b)),
                    (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
                    _ => prop_assert!(false, "one fitted, one failed: {}", r.meter),
                }
                // the meter's own fit
                let days = days_of(&t, &r.meter);
                let mut sorted: Vec<_> = days.iter().map(|d| d.date).collect();
                sorted.sort();
                let repeated = sorted.windows(2).any(|w| w[0] == w[1]);
                let has_dup_rows = {
                    // rows with both values: a row missing one is a missing day
                    let mut all: Vec<i32> = as_rows
                        .iter()
                        .filter(|x| x.0 == r.meter && x.2.is_some() && x.3.is_some())
                        .map(|x| x.1)
                        .collect();
                    all.sort_unstable();
                    all.windows(2).any(|w| w[0] == w[1])
                };
                match &r.result {
                    Ok(b) => {
                        prop_assert!(!repeated && !has_dup_rows);
                        let alone = fit(&UsageData::Daily { days }, &o).unwrap();
                        prop_assert!(same(b, &alone));
                    }
                    Err(e) => {
                        prop_assert!(has_dup_rows);
                        prop_assert_eq!(e.code(), "duplicate");
                    }
                }
            }
        }
    }
}
