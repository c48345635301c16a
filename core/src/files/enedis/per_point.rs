//! The Enedis SGE layout with one row per point: `Identifiant PRM;Date de
//! debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;
//! Horodate;Valeur;Nature;Pas[;…]` (the R63 curve export of Enedis' SGE
//! portal for third parties and businesses). Confirmed by the test fixtures
//! of an open-source R63 parser (`parse_r63_payload`, found with the `code`
//! search: `30000000000001;2026-01-01;2026-01-02;EA;CONS;MESURE;Wh;
//! 2026-01-01T00:00:00+01:00;10;R;PT5M`, accented or unaccented headers)
//! and by tools that write that layout for re-import (`…;PA;CONS;BEST;W;
//! <timestamp>;<W>;R;PT60M;;`).
//!
//! Only active-consumption rows are read: `Grandeur metier` `CONS` with
//! `Grandeur physique` `EA` (energy over the step, Wh) or `PA` (mean power,
//! W). Other quantities the same file may hold (reactive energy `ERI`/`ERC`,
//! production `PROD`…) are not consumption; a file with none of these rows
//! is refused. Each point is stamped at the start of its step (the R63
//! fixture's first point is the day's 00:00), `Pas` (ISO 8601 `PT30M`) gives
//! the step, and days are grouped and completed as for the customer-portal
//! load curve.

use rust_decimal::Decimal;

use crate::error::{quoted, Error, Location, Result};
use crate::{msg, noun};

use super::{at, curve_days, row_stamp, value, Per, Point};
use crate::files::meter_file::{Content, MeterFile, Provider};

/// Whether `line` is this layout's header.
pub(super) fn is_header(line: &str) -> bool {
    line.trim_start_matches('\u{feff}')
        .starts_with("Identifiant PRM;Date de d")
}

/// `PT30M` → 30.
fn step_of(text: &str) -> Option<u32> {
    text.trim()
        .strip_prefix("PT")?
        .strip_suffix('M')?
        .parse()
        .ok()
}

/// Checks a row's `Pas` and that it is the file's one step.
fn same_step(name: &str, line: usize, text: &str, step: &mut Option<u32>) -> Result<()> {
    let s = step_of(text)
        .filter(|s| super::STEPS.contains(s))
        .ok_or_else(|| Error::InvalidValue {
            what: noun!("curve step"),
            got: quoted(text),
            why: msg!("expected PT5M, PT10M, PT15M, PT30M or PT60M"),
            at: at(name, line, "Pas"),
        })?;
    if *step.get_or_insert(s) == s {
        Ok(())
    } else {
        Err(Error::InvalidValue {
            what: noun!("curve step"),
            got: quoted(text),
            why: msg!("the step changes within the file"),
            at: at(name, line, "Pas"),
        })
    }
}

/// Reads the whole file (`text` starts with the header).
pub(super) fn read(name: &str, text: &str) -> Result<MeterFile> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let header: Vec<String> = lines
        .next()
        .map(|(_, l)| {
            l.trim_start_matches('\u{feff}')
                .split(';')
                .map(|h| h.trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let column = |prefix: &str| {
        header
            .iter()
            .position(|h| h.starts_with(prefix))
            .ok_or_else(|| Error::InvalidValue {
                what: noun!("Enedis SGE header"),
                got: quoted(&header.join(";")),
                why: msg!("a column {prefix}… is missing", prefix = prefix),
                at: Location::in_file(name).with_file(name, 1, None),
            })
    };
    let (prm, physical, business, unit, stamp, value_at) = (
        column("Identifiant PRM")?,
        column("Grandeur physique")?,
        column("Grandeur m")?,
        column("Unit")?,
        column("Horodate")?,
        column("Valeur")?,
    );
    let step_at = column("Pas").ok();
    let mut identifier: Option<String> = None;
    let mut kind: Option<(Per, &str)> = None;
    let mut step: Option<u32> = None;
    let mut points: Vec<Point> = Vec::new();
    for (line, text) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        let cells: Vec<&str> = text.split(';').map(str::trim).collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        let per = match (cell(business), cell(physical)) {
            ("CONS", "EA") => (Per::WattHour, "Wh"),
            ("CONS", "PA") => (Per::Watt, "W"),
            _ => continue,
        };
        if *kind.get_or_insert(per) != per {
            return Err(Error::InvalidValue {
                what: noun!("Enedis SGE quantity"),
                got: quoted(cell(physical)),
                why: msg!("one file, one curve: energy (EA) and power (PA) rows are mixed"),
                at: at(name, line, "Grandeur physique"),
            });
        }
        if cell(unit) != per.1 {
            return Err(Error::InvalidValue {
                what: noun!("Enedis unit"),
                got: quoted(cell(unit)),
                why: msg!(
                    "{quantity} is given in {unit}",
                    quantity = cell(physical),
                    unit = per.1
                ),
                at: at(name, line, "Unite"),
            });
        }
        if identifier.get_or_insert_with(|| cell(prm).to_owned()) != cell(prm) {
            return Err(Error::InvalidValue {
                what: noun!("Enedis SGE file"),
                got: quoted(cell(prm)),
                why: msg!("one file per meter: this one holds several PRM"),
                at: at(name, line, "Identifiant PRM"),
            });
        }
        if let Some(text) = step_at.map(cell).filter(|t| !t.is_empty()) {
            same_step(name, line, text, &mut step)?;
        }
        let s = row_stamp(name, line, &[cell(stamp)])?;
        let v: Option<Decimal> = value(name, line, "Valeur", cell(value_at))?;
        points.push((s, v, line));
    }
    let Some((per, _)) = kind else {
        return Err(Error::InsufficientData {
            why: msg!(
                "no active-consumption row (Grandeur metier CONS, Grandeur physique EA or PA)"
            ),
            at: Location::in_file(name),
        });
    };
    let mut file = MeterFile::empty(
        name,
        Provider::Enedis,
        Content::LoadCurve { step_minutes: 0 },
        identifier,
    );
    curve_days(&mut file, points, step, per)?;
    Ok(file)
}
