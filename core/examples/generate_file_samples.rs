//! Writes `core/examples/data/linky-gazpar/`: an energy challenge as an
//! organiser has it, with no hand-made table of measurements or
//! temperatures: the households and teams tables (with the households'
//! PRM and PCE), the settings table (`defi.csv`, naming the Météo-France
//! station), a Météo-France département file and the households' own Linky
//! and Gazpar exports. Everything is synthetic and deterministic.
//!
//! Run: `cargo run -p ecodefi --example generate_file_samples`, then
//! `cargo run --example files_challenge -- core/examples/data/linky-gazpar`.
//!
//! The model (**[design]**, for demonstration): each household uses, per
//! day, a base load plus a heating part proportional to the day's COSTIC
//! degree-days (base 18 °C) of the challenge's station; during the
//! challenge (from 2025-12-01) the base and the heating part both drop by
//! the household's own saving (0 to 18 %). Electricity is written in whole
//! Wh, gas in litres (m³ to three decimals) at 11,25 kWh/m³. What the
//! exports cover:
//! - twelve households in three teams, each with a Linky daily export from
//!   2024-10-01 to 2026-04-05;
//! - F02, F04, F06, F08, F10 and F12 heat with gas: a Gazpar export too
//!   (xlsx for most, F08's as CSV, F12's as the GRDF API's JSON);
//! - F05's Linky data for the challenge winter are a 30-minute load curve
//!   (two files for one meter: daily over the reference, load curve after);
//! - F11 and F12 have no PRM/PCE in the households table: their files are
//!   named after them (`F11_linky.csv`, `F12_gazpar.json`);
//! - F09's Linky export stops on 2026-01-31 (it moved out): it is excluded
//!   with its reason, not lost.
//!
//! The département file has three stations; the settings name
//! `62990101`; `62990102` lacks four days of January 2026, to show
//! filling.
#![allow(clippy::print_stderr)] // says what it wrote

use std::fmt::Write as _;
use std::path::Path;

use ecodefi::date::{date_of, day_number};
use ecodefi::weather::{heating_degree_days, Method};
use ecodefi::{Date, Decimal};

#[path = "samples/meters.rs"]
mod meters;
#[path = "samples/weather.rs"]
mod weather;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// One household of the sample.
struct Home {
    id: &'static str,
    team: &'static str,
    adults: u8,
    children: &'static str,
    /// Electricity: base kWh per day and kWh per degree-day.
    elec: (i64, i64),
    /// Gas heating: kWh per degree-day (0: no gas).
    gas: i64,
    /// The household's saving during the challenge, percent.
    saving: i64,
}

const HOMES: &[Home] = &[
    Home {
        id: "F01",
        team: "T1",
        adults: 2,
        children: "8 12",
        elec: (7, 0),
        gas: 0,
        saving: 12,
    },
    Home {
        id: "F02",
        team: "T1",
        adults: 2,
        children: "",
        elec: (6, 0),
        gas: 9,
        saving: 9,
    },
    Home {
        id: "F03",
        team: "T1",
        adults: 1,
        children: "",
        elec: (4, 3),
        gas: 0,
        saving: 15,
    },
    Home {
        id: "F04",
        team: "T1",
        adults: 2,
        children: "3",
        elec: (8, 0),
        gas: 11,
        saving: 6,
    },
    Home {
        id: "F05",
        team: "T2",
        adults: 2,
        children: "",
        elec: (5, 4),
        gas: 0,
        saving: 10,
    },
    Home {
        id: "F06",
        team: "T2",
        adults: 1,
        children: "",
        elec: (4, 0),
        gas: 7,
        saving: 18,
    },
    Home {
        id: "F07",
        team: "T2",
        adults: 2,
        children: "10 14",
        elec: (9, 0),
        gas: 0,
        saving: 3,
    },
    Home {
        id: "F08",
        team: "T2",
        adults: 2,
        children: "6",
        elec: (6, 0),
        gas: 10,
        saving: 8,
    },
    Home {
        id: "F09",
        team: "T3",
        adults: 1,
        children: "",
        elec: (5, 2),
        gas: 0,
        saving: 11,
    },
    Home {
        id: "F10",
        team: "T3",
        adults: 2,
        children: "",
        elec: (7, 0),
        gas: 8,
        saving: 0,
    },
    Home {
        id: "F11",
        team: "T3",
        adults: 3,
        children: "",
        elec: (10, 0),
        gas: 0,
        saving: 7,
    },
    Home {
        id: "F12",
        team: "T3",
        adults: 2,
        children: "1",
        elec: (6, 0),
        gas: 9,
        saving: 13,
    },
];

const STATION: &str = "62990101";

fn day(n: i32) -> Res<Date> {
    Ok(date_of(n)?)
}

/// A fictitious PRM or PCE (14 digits each).
fn prm(i: usize) -> String {
    format!("0999990000{:04}", i + 1)
}
fn pce(i: usize) -> String {
    format!("2999990000{:04}", i + 1)
}

/// The model's days: each day's number and COSTIC degree-days (base
/// 18 °C) at the named station.
type Days = Vec<(i32, Decimal)>;

/// A day's electricity, whole Wh.
type Wh = (Date, u64);

fn main() -> Res<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/linky-gazpar");
    std::fs::create_dir_all(&dir)?;
    let (weather_file, dj) = weather_file(Date::new(2024, 10, 1)?, Date::new(2026, 4, 30)?)?;
    let mut out = vec![weather_file];
    let mut foyers = String::from("foyer;equipe;adultes;ages_enfants;prm;pce\n");
    for (i, h) in HOMES.iter().enumerate() {
        let named = !matches!(h.id, "F11" | "F12");
        let _ = writeln!(
            foyers,
            "{};{};{};{};{};{}",
            h.id,
            h.team,
            h.adults,
            h.children,
            if named { prm(i) } else { String::new() },
            if named && h.gas > 0 {
                pce(i)
            } else {
                String::new()
            },
        );
        out.extend(linky(i, h, named, &dj)?);
        if h.gas > 0 {
            out.push(gazpar(i, h, named, &dj)?);
        }
    }
    out.push(("foyers.csv".into(), foyers.into_bytes()));
    out.push((
        "equipes.csv".into(),
        "equipe;nom;capitaine\nT1;Les Lucioles;F01\nT2;Les Économes du Beffroi;F06\nT3;Les Sobres de la Scarpe;F10\n"
            .as_bytes()
            .to_vec(),
    ));
    out.push((
        "defi.csv".into(),
        format!(
            "parametre;valeur\nnom;Défi Déclics énergie — fichiers Linky et Gazpar\n\
             territoire;Communauté urbaine d'Arras\norganisateur;collectivité\n\
             station_meteo;{STATION}\ndebut_reference;01/12/2024\nfin_reference;31/03/2025\n\
             debut_defi;01/12/2025\nfin_defi;31/03/2026\nobjectif;8 %\n"
        )
        .into_bytes(),
    ));
    for (name, bytes) in out {
        let path = dir.join(&name);
        std::fs::write(&path, bytes)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// The Météo-France file (three stations, the named one complete) and the
/// named station's degree-days.
fn weather_file(first: Date, last: Date) -> Res<((String, Vec<u8>), Days)> {
    let station = |n: &str, name: &str, lat: &str, lon: &str, alt: &str| {
        weather::StationMeta::new(n, name, lat, lon, alt)
    };
    let main_values = weather::daily_values(62, first, last);
    let rows = |values: &[(Date, Decimal, Decimal)], skip: &[Date]| -> weather::DailyRows {
        values
            .iter()
            .map(|&(d, tn, tx)| {
                if skip.contains(&d) {
                    (d, None, None)
                } else {
                    (d, Some(tn), Some(tx))
                }
            })
            .collect()
    };
    let gaps: Vec<Date> = (12..=15)
        .map(|d| Date::new(2026, 1, d))
        .collect::<Result<_, _>>()?;
    let stations = vec![
        (
            station(STATION, "ARRAS-SYNTHETIQUE", "50.291", "2.777", "85"),
            rows(&main_values, &[]),
        ),
        (
            station("62990102", "LENS-SYNTHETIQUE", "50.432", "2.828", "38"),
            rows(&weather::daily_values(63, first, last), &gaps),
        ),
        (
            station("62990103", "BOULOGNE-SYNTHETIQUE", "50.726", "1.597", "73"),
            rows(&weather::daily_values(64, first, last), &[]),
        ),
    ];
    let file = (
        "Q_62_synthetique_2024-2026_RR-T-Vent.csv.gz".into(),
        weather::gzip(weather::daily_file(&stations).as_bytes()),
    );
    let mut dj = Vec::with_capacity(main_values.len());
    for &(d, tn, tx) in &main_values {
        dj.push((
            day_number(d),
            heating_degree_days(Method::Costic, Decimal::from(18), tn, tx)?,
        ));
    }
    Ok((file, dj))
}

/// A day's use, kWh: `base + per_dj × dj`, less the household's saving
/// from the challenge's first day.
fn kwh(h: &Home, (base, per_dj): (i64, i64), n: i32, dj: Decimal) -> Res<Decimal> {
    let use_ = Decimal::from(base) + Decimal::from(per_dj) * dj;
    Ok(if n >= day_number(Date::new(2025, 12, 1)?) {
        use_ * Decimal::from(100 - h.saving) / Decimal::ONE_HUNDRED
    } else {
        use_
    })
}

/// The household's Linky exports: daily consumption in whole Wh (F05: a
/// load curve over the challenge winter).
fn linky(i: usize, h: &Home, named: bool, dj: &Days) -> Res<Vec<(String, Vec<u8>)>> {
    let stop = day_number(if h.id == "F09" {
        Date::new(2026, 1, 31)?
    } else {
        Date::new(2026, 4, 5)?
    });
    let mut daily = Vec::new();
    for &(n, d) in dj.iter().filter(|(n, _)| *n <= stop) {
        let wh = (kwh(h, h.elec, n, d)? * Decimal::ONE_THOUSAND).round();
        daily.push((day(n)?, u64::try_from(wh.mantissa()).unwrap_or(0)));
    }
    let name = if named {
        format!("Enedis_Conso_Jour_{}.csv", prm(i))
    } else {
        format!("{}_linky.csv", h.id)
    };
    if h.id != "F05" {
        return Ok(vec![(
            name,
            meters::linky_daily(&prm(i), &daily).into_bytes(),
        )]);
    }
    // Daily over the reference winter, a 30-minute load curve over the
    // challenge winter: the day's energy spread evenly, in whole W (Wh per
    // day / 24 h).
    let challenge_first = Date::new(2025, 12, 1)?;
    let (before, after): (Vec<Wh>, Vec<Wh>) = daily.iter().partition(|(d, _)| *d < challenge_first);
    let days = u32::try_from(after.len()).unwrap_or(0);
    let curve = meters::linky_load_curve(&prm(i), 30, challenge_first, days, |d, _| {
        after
            .iter()
            .find(|w| w.0 == d)
            .map(|w| u32::try_from(w.1 / 24).unwrap_or(0))
    });
    Ok(vec![
        (name, meters::linky_daily(&prm(i), &before).into_bytes()),
        (
            format!("Enedis_Courbe_de_charge_{}.csv", prm(i)),
            curve.into_bytes(),
        ),
    ])
}

/// The household's Gazpar export: gas days to the litre at 11,25 kWh/m³
/// (F08's as CSV, F12's as the API's JSON, the others' as the xlsx).
fn gazpar(i: usize, h: &Home, named: bool, dj: &Days) -> Res<(String, Vec<u8>)> {
    let coefficient = Decimal::new(1125, 2);
    let stop = day_number(Date::new(2026, 4, 5)?);
    let mut volumes = Vec::new();
    for &(n, d) in dj.iter().filter(|(n, _)| *n <= stop) {
        volumes.push((kwh(h, (2, h.gas), n, d)? / coefficient).round_dp(3));
    }
    let first = day(dj.first().map_or(0, |d| d.0))?;
    let days = meters::gas_days(first, 1_000 + 300 * i as u64, coefficient, &volumes);
    let id = if named { pce(i) } else { String::new() };
    Ok(match h.id {
        "F08" => (
            format!("Gazpar_{}.csv", pce(i)),
            meters::gazpar_csv(&id, &days).into_bytes(),
        ),
        "F12" => (
            "F12_gazpar.json".into(),
            meters::gazpar_json(&id, &days).into_bytes(),
        ),
        _ => (
            format!("Donnees_conso_{}.xlsx", pce(i)),
            meters::gazpar_xlsx(&id, &days),
        ),
    })
}
