//! One function per entry point of ecodefi that reads outside input.

use std::time::Instant;

use arbitrary::Unstructured;
use ecodefi::catalogue::{Catalogue, Filter, GroupBy};
use ecodefi::regression::{self, DailyTemperature, RegressionOptions, UsageData};
use ecodefi::table::{encoding, Source, Tables};
use ecodefi::{ChallengeData, Error};
use serde_json::Value;

use crate::check::{households_present, round_trip, Checks, Finding};
use crate::mutate::{ByteEdit, File, JsonEdit, LineEdit};
use crate::seeds;

/// A JSON document from the input: the input itself when it starts with
/// `{` (libFuzzer's own byte mutations of a JSON corpus), otherwise a seed
/// chosen by the first bytes and edited by the rest.
fn json_input(bytes: &[u8], seeds: &[Value]) -> String {
    if bytes.first() == Some(&b'{') {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let mut u = Unstructured::new(bytes);
    let mut doc = u.choose(seeds).cloned().unwrap_or(Value::Null);
    let edits: Vec<JsonEdit> = u.arbitrary().unwrap_or_default();
    for e in edits {
        e.apply(&mut doc);
    }
    doc.to_string()
}

/// The challenge document: `ChallengeData::from_json`, `compute`, and the
/// report through serde and back.
///
/// # Errors
/// A [`Finding`] when a check fails.
pub fn document(bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
    const T: &str = "document";
    let text = json_input(bytes, seeds::documents());
    let start = Instant::now();
    let data = match ChallengeData::from_json(&text) {
        Ok(data) => data,
        Err(e) => return checks.located(T, "from_json", &e),
    };
    computed(T, "compute", &data, checks)?;
    checks.timed(T, start, text.len())
}

fn computed(
    t: &'static str,
    step: &str,
    data: &ChallengeData,
    checks: &Checks,
) -> Result<(), Finding> {
    match ecodefi::compute(data) {
        Ok(report) => {
            households_present(t, data, &report)?;
            round_trip(t, &report)
        }
        Err(e) => checks.located(t, step, &e),
    }
}

/// The spreadsheet tables and the settings table:
/// `Tables::from_files`, `challenge_data_from_tables` and `compute`, on the
/// demo's files edited line by line and cell by cell.
///
/// # Errors
/// A [`Finding`] when a check fails.
pub fn tables(bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
    const T: &str = "tables";
    let mut files = seeds::tables();
    let mut u = Unstructured::new(bytes);
    let edits: Vec<LineEdit> = u.arbitrary().unwrap_or_default();
    for e in edits {
        e.apply(&mut files);
    }
    let texts: Vec<(String, String)> = files.iter().map(|f| (f.name.clone(), f.text())).collect();
    let size = texts.iter().map(|(_, t)| t.len()).sum();
    let sources: Vec<Source<'_>> = texts.iter().map(|(n, t)| Source::new(n, t)).collect();
    let start = Instant::now();
    let data = match Tables::from_files(&sources).and_then(|t| t.challenge_data_from_tables()) {
        Ok(data) => data,
        Err(e) => return checks.located(T, "challenge_data_from_tables", &e),
    };
    computed(T, "compute", &data, checks)?;
    checks.timed(T, start, size)
}

/// The files organisers and households have (`ecodefi::files`): a sample
/// Linky, Gazpar or Météo-France file chosen by the first byte, edited line
/// by line and cell by cell (text files) or byte by byte (gzip, xlsx) by
/// the rest; then `files::set::kind`, `WeatherFile::read` and every
/// station's temperatures (with a short interpolation), `MeterFile::read`
/// and its measurements on a meter in kWh (and m³ for gas). Errors must be
/// located; a meter file's days must come in strictly increasing order.
///
/// # Errors
/// A [`Finding`] when a check fails.
pub fn files(bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
    use ecodefi::files::meteo_france::{Fill, WeatherFile};
    use ecodefi::files::meter_file::MeterFile;
    use ecodefi::files::set::{kind, File as Given};
    use ecodefi::meter::{Carrier, Meter, Unit, Usage};
    const T: &str = "files";
    let seeds = seeds::exports();
    let mut u = Unstructured::new(bytes);
    let Ok(&(name, seed)) = u.choose(&seeds) else {
        return Ok(());
    };
    // The seeds' names are ours, in lower case.
    let binary = [".gz", ".xlsx"].iter().any(|e| {
        name.rsplit_once('.')
            .is_some_and(|(_, ext)| e[1..].eq_ignore_ascii_case(ext))
    });
    let input = if binary {
        let mut input = seed.to_vec();
        let edits: Vec<ByteEdit> = u.arbitrary().unwrap_or_default();
        for e in edits {
            e.apply(&mut input);
        }
        input
    } else {
        let mut files = vec![File::new(name, &String::from_utf8_lossy(seed))];
        let edits: Vec<LineEdit> = u.arbitrary().unwrap_or_default();
        for e in edits {
            e.apply(&mut files);
        }
        files
            .first()
            .map(File::text)
            .unwrap_or_default()
            .into_bytes()
    };
    let start = Instant::now();
    if let Err(e) = kind(&Given::new(name, &input)) {
        checks.located(T, "kind", &e)?;
    }
    match WeatherFile::read(name, &input) {
        Ok(w) => {
            let fill = Fill {
                interpolate_max_days: 2,
                ..Fill::default()
            };
            for s in w.stations() {
                if let Err(e) = w.temperatures(&s.number, None, &fill) {
                    checks.located(T, "temperatures", &e)?;
                }
            }
        }
        Err(e) => checks.located(T, "WeatherFile::read", &e)?,
    }
    match MeterFile::read(name, &input) {
        Ok(m) => {
            if m.days.windows(2).any(|w| w[0].date >= w[1].date) {
                return Err(Finding {
                    target: T,
                    what: format!("`{name}`: days out of order"),
                });
            }
            let units: &[Unit] = if m.carrier == Carrier::NaturalGas {
                &[Unit::Kwh, Unit::M3]
            } else {
                &[Unit::Kwh]
            };
            for &unit in units {
                let id = ecodefi::MeterId::new("m").map_err(|e| Finding {
                    target: T,
                    what: e.to_string(),
                })?;
                let mut meter = Meter::new(id, m.carrier, unit, Usage::Mixed);
                if let Err(e) = m.apply_to(&mut meter) {
                    checks.located(T, "apply_to", &e)?;
                }
            }
        }
        Err(e) => checks.located(T, "MeterFile::read", &e)?,
    }
    checks.timed(T, start, input.len())
}

/// `encoding::decode` on any bytes, then the text as a households table.
/// Valid UTF-8 without a UTF-16 byte-order mark must come out unchanged.
///
/// # Errors
/// A [`Finding`] when a check fails.
pub fn decode(bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
    const T: &str = "decode";
    let start = Instant::now();
    let text = encoding::decode(bytes);
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if let (false, Ok(utf8)) = (utf16, std::str::from_utf8(bytes)) {
        if text != utf8 {
            return Err(Finding {
                target: T,
                what: format!("valid UTF-8 {utf8:?} decoded as {text:?}"),
            });
        }
    }
    if let Err(e) = Tables::new(Source::new("foyers.csv", &text)).read() {
        checks.located(T, "read", &e)?;
    }
    checks.timed(T, start, bytes.len())
}

/// The regional catalogue: `Catalogue::from_json`, `validate`, `summary`
/// by every grouping, and `timelines`.
///
/// # Errors
/// A [`Finding`] when a check fails.
pub fn catalogue(bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
    const T: &str = "catalogue";
    let text = json_input(bytes, seeds::catalogues());
    let start = Instant::now();
    let catalogue = match Catalogue::from_json(&text) {
        Ok(c) => c,
        Err(e) => return checks.located(T, "from_json", &e),
    };
    let _findings = catalogue.validate();
    for &by in GroupBy::ALL {
        if let Err(e) = catalogue.summary(by, &Filter::default()) {
            checks.located(T, "summary", &e)?;
        }
    }
    let _timelines = catalogue.timelines();
    checks.timed(T, start, text.len())
}

/// `regression::fit` on daily or billing data, then, with a model, its
/// predictions over the data's days, the normalised annual consumption and
/// the metered savings over the same data.
///
/// # Errors
/// A [`Finding`] when a check fails.
pub fn regression(bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
    const T: &str = "regression";
    let text = json_input(bytes, seeds::regressions());
    let Ok(doc) = serde_json::from_str::<Value>(&text) else {
        return Ok(());
    };
    let Ok(data) =
        serde_json::from_value::<UsageData>(doc.get("data").cloned().unwrap_or_default())
    else {
        return Ok(());
    };
    let options = match doc.get("options") {
        None | Some(Value::Null) => RegressionOptions::default(),
        Some(o) => match serde_json::from_value(o.clone()) {
            Ok(o) => o,
            Err(_) => return Ok(()),
        },
    };
    let start = Instant::now();
    let located = |step: &str, r: Result<(), Error>| match r {
        Ok(()) => Ok(()),
        Err(e) => checks.located(T, step, &e),
    };
    let baseline = match regression::fit(&data, &options) {
        Ok(b) => b,
        Err(e) => return checks.located(T, "fit", &e),
    };
    if let Some(model) = &baseline.model {
        let days: Vec<DailyTemperature> = match &data {
            UsageData::Daily { days } => days
                .iter()
                .map(|d| DailyTemperature {
                    date: d.date,
                    temperature_c: d.temperature_c,
                })
                .collect(),
            UsageData::Billing { temperatures, .. } => temperatures.clone(),
        };
        let normal_year: Vec<f64> = days.iter().map(|d| d.temperature_c).take(366).collect();
        located("predict", model.predict(&days).map(drop))?;
        located(
            "normalised_annual_consumption",
            model.normalised_annual_consumption(&normal_year).map(drop),
        )?;
        located(
            "metered_savings",
            model.metered_savings(&data, 0.9).map(drop),
        )?;
    }
    checks.timed(T, start, text.len())
}
