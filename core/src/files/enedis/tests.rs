//! Linky exports: tiny inline files with hand-computed values, the sample
//! files, and generated files checked against an independent summation.

use std::fmt::Write as _;

use proptest::prelude::*;
use rust_decimal::{dec, Decimal};

use crate::noun;

use crate::date::{date, date_of, day_number, Date};
use crate::error::Error;
use crate::files::meter_file::{Content, MeterFile, LAYOUTS};

/// The sample generators, shared by the files tests.
#[path = "../../../examples/samples/meters.rs"]
pub(crate) mod meters;

const DAILY_HEADER: &str = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
    12345678901234;Consommation quotidienne;01/01/2024;04/01/2024;Energie active;Consommation;Comptage Brut;Wh\n\n";

fn read(text: &str) -> crate::error::Result<MeterFile> {
    MeterFile::read("linky.csv", text.as_bytes())
}

#[test]
fn daily_wh_become_exact_kwh_and_an_empty_day_is_a_gap() {
    let text = format!(
        "{DAILY_HEADER}Horodate;Valeur\n2024-01-01T00:00:00+01:00;12345\n2024-01-02T00:00:00+01:00;\n2024-01-03T00:00:00+01:00;7\n"
    );
    let file = read(&text).unwrap();
    assert_eq!(file.content, Content::DailyConsumption);
    assert_eq!(file.identifier.as_deref(), Some("12345678901234"));
    // 12 345 Wh = 12.345 kWh, 7 Wh = 0.007 kWh (Wh / 1000, exact).
    let days: Vec<(Date, Decimal)> = file.days.iter().map(|d| (d.date, d.kwh)).collect();
    assert_eq!(
        days,
        vec![
            (date(2024, 1, 1), dec!(12.345)),
            (date(2024, 1, 3), dec!(0.007))
        ]
    );
    assert_eq!(file.incomplete_days, vec![date(2024, 1, 2)]);
    assert_eq!(file.span(), Some((date(2024, 1, 1), date(2024, 1, 3))));
}

#[test]
fn a_latin1_file_reads_too() {
    // "Arrêté" in Latin-1 (ê = 0xEA): the index table's row type.
    let mut bytes = b"Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
        00000000000000;Index;01/09/2019;04/09/2019;Energie active;Consommation;Comptage Brut;Wh\n\n\
        Horodate;Type de releve;EAS F1;EAS F2;EAS F3;EAS F4;EAS F5;EAS F6;EAS F7;EAS F8;EAS F9;EAS F10;EAS D1;EAS D2;EAS D3;EAS D4;EAS T\n"
        .to_vec();
    bytes.extend_from_slice(b"2019-09-02T00:00:00+02:00;Arr\xeat\xe9 quotidien;1009905;819074;2679;2747;;;;;;;1012584;821821;;;1834405\n");
    let file = MeterFile::read("index.csv", &bytes).unwrap();
    assert_eq!(file.index.len(), 1);
    assert_eq!(file.index[0].value, dec!(1834.405));
}

#[test]
fn the_index_is_eas_t_or_the_distributor_registers_at_the_nearest_midnight() {
    // The rows of quoalise's example (formalisme/enedis.md), then made-up
    // ones: EAS T =
    // 1 834 405 Wh = D1 + D2 = 1 012 584 + 821 821. The second row has no
    // EAS T: D1 + D2 = 1 015 090 + 825 821 = 1 840 911 Wh. The third is
    // stamped 23:00 on 09-03: the index at the start of 09-04. The calendar
    // table after the data is not read.
    let text = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
        00000000000000;Index;01/09/2019;21/08/2020;Energie active;Consommation;Comptage Brut;Wh\n\n\
        Horodate;Type de releve;EAS F1;EAS F2;EAS F3;EAS F4;EAS F5;EAS F6;EAS F7;EAS F8;EAS F9;EAS F10;EAS D1;EAS D2;EAS D3;EAS D4;EAS T\n\
        2019-09-02T00:00:00+02:00;Arrêté quotidien;1009905;819074;2679;2747;;;;;;;1012584;821821;;;1834405\n\
        2019-09-03T00:00:00+02:00;Arrêté quotidien;1009905;819074;5185;6747;;;;;;;1015090;825821;;;\n\
        2019-09-03T23:00:00+02:00;Arrêté quotidien;;;;;;;;;;;;;;;1850000\n\
        2019-09-06T00:00:00+02:00;Arrêté quotidien;;;;;;;;;;;;;;;\n\
        2019-09-07T00:00:00+02:00;Arrêté quotidien;1000000;900000;;;;;;;;;;;;;\n\
        \n\
        Periode;Identifiant calendrier fournisseur;Libelle calendrier fournisseur\n\
        Du 2019-09-02T00:00:00+02:00 au;FC011827;HC Semaine et HC Week-End\n";
    let file = read(text).unwrap();
    assert_eq!(file.content, Content::Index);
    let index: Vec<(Date, Decimal)> = file.index.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(
        index,
        vec![
            (date(2019, 9, 2), dec!(1834.405)),
            (date(2019, 9, 3), dec!(1840.911)),
            (date(2019, 9, 4), dec!(1850)),
            // Only supplier registers: 1 000 000 + 900 000 Wh.
            (date(2019, 9, 7), dec!(1900)),
        ]
    );
    // 09-05 has no row, 09-06 no value.
    assert_eq!(
        file.incomplete_days,
        vec![date(2019, 9, 5), date(2019, 9, 6)]
    );
    assert!(file.days.is_empty());
}

/// kWh of a day of `watts` (W) at `step` minutes: Σ W × step / 60 000.
fn kwh(watts: &[u32], step: u32) -> Decimal {
    Decimal::from(watts.iter().map(|&w| u64::from(w)).sum::<u64>() * u64::from(step)) / dec!(60000)
}

#[test]
fn a_30_minute_curve_over_the_spring_clock_change_has_a_23_hour_day() {
    // 300 W for the first 12 steps of each day, 800 W after. 2025-03-30 has
    // 46 half-hours: (12 × 300 + 34 × 800) × 30 / 60 000 = 30 800 / 2 000 =
    // 15.4 kWh; 48-step days: (3 600 + 36 × 800) / 2 000 = 16.2 kWh.
    let text = meters::linky_load_curve("12345678901234", 30, date(2025, 3, 29), 3, |_, i| {
        Some(if i < 12 { 300 } else { 800 })
    });
    let file = read(&text).unwrap();
    assert_eq!(file.content, Content::LoadCurve { step_minutes: 30 });
    let days: Vec<(Date, Decimal)> = file.days.iter().map(|d| (d.date, d.kwh)).collect();
    assert_eq!(
        days,
        vec![
            (date(2025, 3, 29), dec!(16.2)),
            (date(2025, 3, 30), dec!(15.4)),
            (date(2025, 3, 31), dec!(16.2))
        ]
    );
    assert!(file.incomplete_days.is_empty());
}

#[test]
fn a_30_minute_curve_over_the_autumn_clock_change_has_a_25_hour_day_and_a_missing_point_makes_a_gap(
) {
    // 2025-10-26 has 50 half-hours: (3 600 + 38 × 800) / 2 000 = 17 kWh.
    // 2025-10-27 lacks its 13th value: a gap, not a smaller day.
    let text = meters::linky_load_curve("12345678901234", 30, date(2025, 10, 25), 3, |d, i| {
        (d != date(2025, 10, 27) || i != 12).then_some(if i < 12 { 300 } else { 800 })
    });
    let file = read(&text).unwrap();
    let days: Vec<(Date, Decimal)> = file.days.iter().map(|d| (d.date, d.kwh)).collect();
    assert_eq!(
        days,
        vec![
            (date(2025, 10, 25), dec!(16.2)),
            (date(2025, 10, 26), dec!(17))
        ]
    );
    assert_eq!(file.incomplete_days, vec![date(2025, 10, 27)]);
}

#[test]
fn a_day_without_its_last_point_or_with_a_hole_is_incomplete() {
    let mut text =
        meters::linky_load_curve("12345678901234", 60, date(2024, 1, 1), 2, |_, _| Some(1000));
    // Remove the first day's 05:00 point (a hole) from the file.
    text = text.replace("2024-01-01T05:00:00+01:00;1000\n", "");
    let file = read(&text).unwrap();
    // 24 × 1 000 W × 60 / 60 000 = 24 kWh for the intact day.
    assert_eq!(file.days.len(), 1);
    assert_eq!(file.days[0].kwh, dec!(24));
    assert_eq!(file.incomplete_days, vec![date(2024, 1, 1)]);
}

#[test]
fn without_pas_en_minutes_the_step_is_the_smallest_gap() {
    // quoalise's layout: `Pas en minutes` in the header, its value empty.
    let generated =
        meters::linky_load_curve("00000000000000", 10, date(2020, 8, 20), 1, |_, i| Some(i));
    let text = generated.replacen(";W;10\n", ";W;\n", 1);
    assert_ne!(text, generated);
    let file = read(&text).unwrap();
    assert_eq!(file.content, Content::LoadCurve { step_minutes: 10 });
    // Σ i for i in 0..144 = 10 296 W; × 10 / 60 000 = 1.716 kWh.
    assert_eq!(file.days[0].kwh, dec!(1.716));
}

#[test]
fn a_wrong_layout_names_the_layouts_expected() {
    let err = read("Date;Consommation\n2024-01-01;3\n").unwrap_err();
    match err {
        Error::UnknownName { expected, got, .. } => {
            assert_eq!(expected, LAYOUTS);
            assert!(got.contains("Date;Consommation"), "{got}");
        }
        other => panic!("{other:?}"),
    }
    let max = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
         00000000000000;Puissance maximale quotidienne;01/09/2019;21/08/2020;Puissance maximale atteinte;Consommation;Comptage Brut;VA\n\
         Horodate;Valeur\n2019-09-01T15:17:24+02:00;3695\n";
    assert!(matches!(
        read(max),
        Err(Error::UnknownName {
            what: noun!("Enedis data type"),
            ..
        })
    ));
}

#[test]
fn errors_name_the_file_line_and_column() {
    let text = format!(
        "{DAILY_HEADER}Horodate;Valeur\n2024-01-01T00:00:00+01:00;12\n2024-01-02 00:00;5\n"
    );
    let err = read(&text).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("linky.csv") && message.contains('6') && message.contains("Horodate"),
        "{message}"
    );
    let text = format!("{DAILY_HEADER}Horodate;Valeur\n2024-01-01T00:00:00+01:00;-3\n");
    let loc = read(&text).unwrap_err().location().cloned().unwrap();
    assert_eq!((loc.line, loc.column.as_deref()), (Some(5), Some("Valeur")));
    let text = format!(
        "{DAILY_HEADER}Horodate;Valeur\n2024-01-01T00:00:00+01:00;3\n2024-01-01T00:00:00+01:00;4\n"
    );
    assert!(matches!(read(&text), Err(Error::Duplicate { .. })));
    let wrong_unit = DAILY_HEADER.replace(";Wh\n", ";kWh\n") + "Horodate;Valeur\n";
    assert!(matches!(
        read(&wrong_unit),
        Err(Error::InvalidValue {
            what: noun!("Enedis unit"),
            ..
        })
    ));
}

#[test]
fn the_sample_files_read_with_their_documented_values() {
    let daily = MeterFile::read(
        "d.csv",
        include_bytes!("../../../examples/data/enedis/linky-consommation-quotidienne.csv"),
    )
    .unwrap();
    // Day i from 2024-10-01: 6 000 + 250 × (i mod 7) Wh; 10-15 absent.
    assert_eq!(daily.days.len(), 30);
    assert_eq!(daily.days[3].kwh, dec!(6.75));
    assert_eq!(daily.incomplete_days, vec![date(2024, 10, 15)]);
    let index = MeterFile::read(
        "i.csv",
        include_bytes!("../../../examples/data/enedis/linky-index.csv"),
    )
    .unwrap();
    // 12 345 678 + 7 250 × 30 = 12 563 178 Wh on 2024-10-31.
    assert_eq!(
        index.index.last().map(|r| (r.date, r.value)),
        Some((date(2024, 10, 31), dec!(12563.178)))
    );
    let spring = MeterFile::read(
        "p.csv",
        include_bytes!("../../../examples/data/enedis/linky-courbe-de-charge-printemps.csv"),
    )
    .unwrap();
    assert_eq!(
        spring.days.iter().map(|d| d.kwh).collect::<Vec<_>>(),
        vec![dec!(16.2), dec!(15.4), dec!(16.2)]
    );
    let autumn = MeterFile::read(
        "a.csv",
        include_bytes!("../../../examples/data/enedis/linky-courbe-de-charge-automne.csv"),
    )
    .unwrap();
    assert_eq!(
        autumn.days.iter().map(|d| d.kwh).collect::<Vec<_>>(),
        vec![dec!(16.2), dec!(17)]
    );
    assert_eq!(autumn.incomplete_days, vec![date(2025, 10, 27)]);
}

proptest! {
    #[test]
    fn daily_kwh_sum_to_the_wh_over_1000(first in 19_000_i32..21_000, wh in proptest::collection::vec(0_u64..100_000_000, 1..60)) {
        let days: Vec<(Date, u64)> = wh.iter().enumerate().map(|(i, &w)| (date_of(first + i32::try_from(i).unwrap()).unwrap(), w)).collect();
        let file = read(&meters::linky_daily("12345678901234", &days)).unwrap();
        let total: Decimal = file.days.iter().map(|d| d.kwh).sum();
        prop_assert_eq!(total, Decimal::from(wh.iter().sum::<u64>()) / dec!(1000));
        prop_assert_eq!(file.days.len(), wh.len());
    }

    #[test]
    fn a_load_curve_grouped_into_days_equals_an_independent_sum(
        first in 19_000_i32..21_000,
        n in 1_u32..4,
        step in prop_oneof![Just(10_u32), Just(30), Just(60)],
        seed in 0_u32..1000,
    ) {
        let start = date_of(first).unwrap();
        let watts = move |d: Date, i: u32| Some((seed + i * 37 + u32::try_from(day_number(d) % 97).unwrap()) % 9000);
        let file = read(&meters::linky_load_curve("12345678901234", step, start, n, watts)).unwrap();
        prop_assert_eq!(file.days.len(), usize::try_from(n).unwrap());
        for day in &file.days {
            // The day's number of steps from its real length (23, 24 or 25 h).
            let steps = (meters::paris_midnight(date_of(day_number(day.date) + 1).unwrap())
                - meters::paris_midnight(day.date)) / i64::from(step);
            let values: Vec<u32> = (0..u32::try_from(steps).unwrap()).filter_map(|i| watts(day.date, i)).collect();
            prop_assert_eq!(day.kwh, kwh(&values, step));
        }
    }
}

/// The SGE layout, one row per point, for one 30-minute day: `values(i)`
/// gives the i-th point.
fn sge(
    physical: &str,
    unit: &str,
    prm: impl Fn(u32) -> &'static str,
    values: impl Fn(u32) -> u32,
) -> String {
    let mut out = String::from(
        "Identifiant PRM;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;Horodate;Valeur;Nature;Pas\n",
    );
    for i in 0..48 {
        let stamp = format!("2026-01-01T{:02}:{:02}:00+01:00", i / 2, (i % 2) * 30);
        let _ = writeln!(
            out,
            "{};2026-01-01;2026-01-02;{physical};CONS;MESURE;{unit};{stamp};{};R;PT30M",
            prm(i),
            values(i)
        );
        // A reactive-energy row between: not consumption, not read.
        let _ = writeln!(
            out,
            "{};2026-01-01;2026-01-02;ERI;CONS;MESURE;varh;{stamp};7;R;PT30M",
            prm(i)
        );
    }
    out
}

#[test]
fn the_sge_layout_reads_energy_or_power_per_point() {
    // EA: 48 × 250 Wh = 12 000 Wh = 12 kWh.
    let file = read(&sge("EA", "Wh", |_| "30000000000001", |_| 250)).unwrap();
    assert_eq!(file.identifier.as_deref(), Some("30000000000001"));
    assert_eq!(file.content, Content::LoadCurve { step_minutes: 30 });
    assert_eq!(
        file.days
            .iter()
            .map(|d| (d.date, d.kwh))
            .collect::<Vec<_>>(),
        vec![(date(2026, 1, 1), dec!(12))]
    );
    // PA: Σ i W for i in 0..48 = 1 128 W; × 30 / 60 000 = 0.564 kWh.
    let file = read(&sge("PA", "W", |_| "30000000000001", |i| i)).unwrap();
    assert_eq!(file.days[0].kwh, dec!(0.564));
    // Two PRM in one file, a wrong unit: refused.
    let two = sge(
        "EA",
        "Wh",
        |i| {
            if i < 3 {
                "30000000000001"
            } else {
                "30000000000002"
            }
        },
        |_| 1,
    );
    assert!(read(&two).unwrap_err().to_string().contains("several PRM"));
    assert!(matches!(
        read(&sge("EA", "W", |_| "3", |_| 1)),
        Err(Error::InvalidValue {
            what: noun!("Enedis unit"),
            ..
        })
    ));
    // Only other quantities: nothing to read.
    assert!(matches!(
        read(&sge("ERC", "varh", |_| "3", |_| 1)),
        Err(Error::InsufficientData { .. })
    ));
}
