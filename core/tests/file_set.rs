//! A whole challenge from the files of `core/examples/data/linky-gazpar/`
//! (`files::set`): the values are checked against the generator's model
//! (`core/examples/generate_file_samples.rs`) by hand, and every way a file
//! can fail to find its place is an error naming it.
#![cfg(feature = "files")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use ecodefi::files::meteo_france::Fill;
use ecodefi::files::set::{challenge_data, kind, File, FileOptions, Kind};
use ecodefi::table::Table;
use ecodefi::{compute, Decimal};

fn sample() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/linky-gazpar");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn files(read: &[(String, Vec<u8>)]) -> Vec<File<'_>> {
    read.iter().map(|(n, b)| File::new(n, b)).collect()
}

/// Replaces one file's bytes.
fn with(read: &[(String, Vec<u8>)], name: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    read.iter()
        .map(|(n, b)| {
            (
                n.clone(),
                if n == name { bytes.to_vec() } else { b.clone() },
            )
        })
        .collect()
}

fn text(read: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, b) = read.iter().find(|(n, _)| n == name).unwrap();
    String::from_utf8(b.clone()).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn every_file_finds_its_place_and_the_results_follow_the_model() {
    let read = sample();
    let (data, imported) = challenge_data(&files(&read), &FileOptions::default()).unwrap();
    // The station named by `defi.csv`, complete: nothing filled.
    let w = imported.weather.as_ref().unwrap();
    assert_eq!(w.station.number, "62990101");
    assert!(w.filled.is_empty());
    assert_eq!(data.challenge.weather_station.as_deref(), Some("62990101"));
    // 12 Linky files (F05 has two), 6 Gazpar files: 19 files, each placed.
    assert_eq!(imported.meters.len(), 19);
    let by_name: Vec<_> = imported
        .meters
        .iter()
        .filter(|m| m.matched_by == "file_name")
        .map(|m| m.file.as_str())
        .collect();
    assert_eq!(
        by_name,
        ["F11_linky.csv", "F12_gazpar.json", "F12_linky.csv"]
    );
    let f05: Vec<_> = imported
        .meters
        .iter()
        .filter(|m| m.household == "F05")
        .map(|m| (m.meter.as_str(), m.created))
        .collect();
    // One meter, created for the first file, given the second's too.
    assert_eq!(f05, [("electricite", true), ("electricite", false)]);

    let report = compute(&data).unwrap();
    let energy = report.energy.as_ref().unwrap();
    let figures = |id: &str| {
        let h = energy
            .households
            .iter()
            .find(|h| h.household.as_str() == id)
            .unwrap();
        h.figures.clone()
    };
    // F01, F07 and F11 use a flat base load (7, 9 and 10 kWh a day, no
    // heating part) and save 12 %, 3 % and 7 %: over the 121 days of each
    // winter (1 Dec – 31 Mar), reference = 121 × base, challenge =
    // reference × (1 − saving). No degree-day changes a flat load.
    for (id, base, saving) in [
        ("F01", "7", "0.12"),
        ("F07", "9", "0.03"),
        ("F11", "10", "0.07"),
    ] {
        let f = figures(id).unwrap();
        let reference = dec("121") * dec(base);
        assert_eq!(f.reference.value(), reference, "{id}");
        assert_eq!(
            f.challenge.value(),
            reference * (Decimal::ONE - dec(saving)),
            "{id}"
        );
    }
    // F09's export stops on 2026-01-31: excluded with its reason, not lost.
    let f09 = energy
        .households
        .iter()
        .find(|h| h.household.as_str() == "F09")
        .unwrap();
    assert!(f09.figures.is_none());
    assert_eq!(f09.exclusions[0].code.as_str(), "period_not_covered");
    assert_eq!(energy.households.len(), 12);
}

#[test]
fn files_are_told_apart_by_name_or_first_bytes() {
    let read = sample();
    let kinds: Vec<Kind> = files(&read).iter().map(|f| kind(f).unwrap()).collect();
    let count = |k: Kind| kinds.iter().filter(|x| **x == k).count();
    assert_eq!(count(Kind::Weather), 1);
    assert_eq!(count(Kind::Meter), 19);
    assert_eq!(count(Kind::Table(Table::Households)), 1);
    assert_eq!(count(Kind::Table(Table::Settings)), 1);
    let e = kind(&File::new("notes.txt", b"rien")).unwrap_err();
    assert_eq!(e.code(), "unknown_name");
    assert_eq!(e.location().unwrap().file.as_deref(), Some("notes.txt"));
}

#[test]
fn another_station_with_gaps_is_refused_unless_filled() {
    let read = sample();
    let lens = FileOptions {
        station: Some("62990102".into()),
        ..FileOptions::default()
    };
    // 62990102 lacks 12–15 January 2026 (the generator's gaps).
    let e = challenge_data(&files(&read), &lens).unwrap_err();
    assert_eq!(e.code(), "insufficient_data");
    let message = e.to_string();
    assert!(message.contains("62990102"), "{message}");
    assert!(message.contains("2026-01-12"), "{message}");

    let filled = FileOptions {
        fill: Fill {
            interpolate_max_days: 4,
            ..Fill::default()
        },
        ..lens.clone()
    };
    let (data, imported) = challenge_data(&files(&read), &filled).unwrap();
    let w = imported.weather.unwrap();
    let days: Vec<String> = w.filled.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(
        days,
        ["2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"]
    );
    assert_eq!(data.challenge.weather_station.as_deref(), Some("62990102"));
    // Three days are not enough for a gap of four.
    let short = FileOptions {
        fill: Fill {
            interpolate_max_days: 3,
            ..Fill::default()
        },
        ..lens
    };
    assert_eq!(
        challenge_data(&files(&read), &short).unwrap_err().code(),
        "insufficient_data"
    );
}

#[test]
fn without_a_named_station_the_stations_are_listed() {
    let read = sample();
    let defi = text(&read, "defi.csv")
        .lines()
        .filter(|l| !l.starts_with("station_meteo"))
        .collect::<Vec<_>>()
        .join("\n");
    let read = with(&read, "defi.csv", defi.as_bytes());
    let e = challenge_data(&files(&read), &FileOptions::default()).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    let message = e.to_string();
    for s in ["62990101", "62990102", "62990103", "station_meteo"] {
        assert!(message.contains(s), "{message}");
    }
}

#[test]
fn a_file_no_household_claims_is_an_error_naming_it() {
    let read = sample();
    // The households table without its PRM column: the Linky files named
    // after their PRM are nobody's.
    let foyers: String = text(&read, "foyers.csv")
        .lines()
        .map(|l| l.split(';').take(4).collect::<Vec<_>>().join(";") + "\n")
        .collect();
    let read = with(&read, "foyers.csv", foyers.as_bytes());
    let e = challenge_data(&files(&read), &FileOptions::default()).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    let at = e.location().unwrap().file.clone().unwrap();
    assert!(
        at.starts_with("Donnees_conso_") || at.starts_with("Enedis_"),
        "{at}"
    );
    assert!(e.to_string().contains("prm"), "{e}");
}

#[test]
fn temperatures_from_two_sources_are_refused() {
    let mut read = sample();
    read.push((
        "temperatures.csv".into(),
        b"date;tn;tx\n2024-12-01;1;5\n".to_vec(),
    ));
    let e = challenge_data(&files(&read), &FileOptions::default()).unwrap_err();
    assert_eq!(e.code(), "duplicate");
    let weather = read
        .iter()
        .find(|(n, _)| n.starts_with("Q_62"))
        .cloned()
        .unwrap();
    let mut twice = sample();
    twice.push(("Q_62_copie.csv.gz".into(), weather.1));
    let e = challenge_data(&files(&twice), &FileOptions::default()).unwrap_err();
    assert_eq!(e.code(), "duplicate");
    // Located at the second file, naming both.
    assert_eq!(
        e.location().unwrap().file.as_deref(),
        Some("Q_62_copie.csv.gz")
    );
    assert!(e.to_string().contains("Q_62_synthetique"), "{e}");
}

#[test]
fn two_meters_of_one_carrier_need_the_identifier_column() {
    let read = sample();
    let mut with_meters = read.clone();
    with_meters.push((
        "compteurs.csv".into(),
        b"foyer;compteur;energie;unite;usage\nF01;cuisine;electricite;kwh;hors_chauffage\nF01;maison;electricite;kwh;mixte\n"
            .to_vec(),
    ));
    let e = challenge_data(&files(&with_meters), &FileOptions::default()).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert!(e.to_string().contains("identifiant"), "{e}");
    // With the identifier column, the file goes to the meter it names.
    let mut named = read;
    named.push((
        "compteurs.csv".into(),
        b"foyer;compteur;energie;unite;usage;identifiant\nF01;cuisine;electricite;kwh;hors_chauffage;\nF01;maison;electricite;kwh;mixte;09 9999 0000 0001\n"
            .to_vec(),
    ));
    let (_, imported) = challenge_data(&files(&named), &FileOptions::default()).unwrap();
    let f01 = imported
        .meters
        .iter()
        .find(|m| m.household == "F01")
        .unwrap();
    assert_eq!((f01.meter.as_str(), f01.created), ("maison", false));
}
