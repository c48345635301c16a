//! Gazpar exports: JSON, CSV and xlsx with hand-computed values, index
//! discontinuities, and the sample files.

use rust_decimal::{dec, Decimal};

use crate::noun;

use crate::date::{date, Date};
use crate::error::Error;
use crate::files::meter_file::{Content, MeterFile};
use crate::meter::{MeterEvent, Reading};

use crate::files::enedis::tests::meters;

fn readings(file: &MeterFile) -> Vec<(Date, Decimal)> {
    file.index.iter().map(|r| (r.date, r.value)).collect()
}

#[test]
fn the_api_json_gives_the_gas_day_its_energy_volume_and_index() {
    // The values of PyGazpar's test of its JSON parser.
    let json = r#"{"12345678901234": {"releves": [
        {"journeeGaziere": "2026-07-23", "dateFinReleve": "2026-07-24T06:00:00+02:00",
         "indexDebut": 2159, "indexFin": 2160, "volumeBrutConsomme": 0.28,
         "energieConsomme": 3.16, "coeffConversion": 11.29, "temperature": 24.29,
         "qualificationReleve": "Mesuré"}]}}"#;
    let file = MeterFile::read("gaz.json", json.as_bytes()).unwrap();
    assert_eq!(file.content, Content::GasDays);
    assert_eq!(file.identifier.as_deref(), Some("12345678901234"));
    assert_eq!(file.days.len(), 1);
    let day = file.days[0];
    assert_eq!(
        (day.date, day.kwh, day.m3, day.kwh_per_m3),
        (
            date(2026, 7, 23),
            dec!(3.16),
            Some(dec!(0.28)),
            Some(dec!(11.29))
        )
    );
    // The start index on the gas day, the end index on the day after.
    assert_eq!(
        readings(&file),
        vec![
            (date(2026, 7, 23), dec!(2159)),
            (date(2026, 7, 24), dec!(2160))
        ]
    );
    assert!(file.events.is_empty() && file.incomplete_days.is_empty());
}

#[test]
fn a_json_day_without_energy_is_a_gap_and_a_jump_becomes_a_replacement() {
    // 01-02 has no energy (null): a gap. 01-03 starts at 10 while 01-02
    // ended at 102: a replacement on 01-03 (old 102, new 10). 01-05 comes
    // after a missing day 01-04 with a higher index (normal consumption):
    // the end of 01-03 is read on 01-04, no event.
    let json = r#"[
        {"journeeGaziere": "2025-01-01", "indexDebut": 100, "indexFin": 101, "volumeBrutConsomme": 1.1, "energieConsomme": 12.4, "coeffConversion": 11.27},
        {"journeeGaziere": "2025-01-02", "indexDebut": 101, "indexFin": 102, "volumeBrutConsomme": null, "energieConsomme": null, "coeffConversion": 11.27},
        {"journeeGaziere": "2025-01-03", "indexDebut": 10, "indexFin": 12, "volumeBrutConsomme": 2, "energieConsomme": 22.54, "coeffConversion": 11.27},
        {"journeeGaziere": "2025-01-05", "indexDebut": 15, "indexFin": 16, "volumeBrutConsomme": 1, "energieConsomme": 11.27, "coeffConversion": 11.27}
    ]"#;
    let file = MeterFile::read("gaz.json", json.as_bytes()).unwrap();
    assert_eq!(
        file.days.iter().map(|d| d.date).collect::<Vec<_>>(),
        vec![date(2025, 1, 1), date(2025, 1, 3), date(2025, 1, 5)]
    );
    assert_eq!(
        file.incomplete_days,
        vec![date(2025, 1, 2), date(2025, 1, 4)]
    );
    assert_eq!(
        readings(&file),
        vec![
            (date(2025, 1, 1), dec!(100)),
            (date(2025, 1, 2), dec!(101)),
            (date(2025, 1, 3), dec!(10)),
            (date(2025, 1, 4), dec!(12)),
            (date(2025, 1, 5), dec!(15)),
            (date(2025, 1, 6), dec!(16)),
        ]
    );
    assert_eq!(
        file.events,
        vec![MeterEvent::Replacement {
            date: date(2025, 1, 3),
            old_final: dec!(102),
            new_initial: dec!(10)
        }]
    );
}

#[test]
fn json_errors_are_located() {
    let err = MeterFile::read(
        "g.json",
        br#"{"x": {"releves": [{"journeeGaziere": "2025-13-01"}]}}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("releves[0].journeeGaziere"),
        "{err}"
    );
    let err = MeterFile::read(
        "g.json",
        br#"[{"journeeGaziere": "2025-01-01", "energieConsomme": "abc"}]"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("energieConsomme"), "{err}");
    let err = MeterFile::read("g.json", b"{\"a\": 1,").unwrap_err();
    assert!(err.to_string().contains("g.json"), "{err}");
    let two = br#"{"1": {"releves": []}, "2": {"releves": []}}"#;
    assert!(MeterFile::read("g.json", two)
        .unwrap_err()
        .to_string()
        .contains("several PCE"));
    assert!(matches!(
        MeterFile::read("g.json", b"{\"a\": 1}"),
        Err(Error::UnknownName { .. })
    ));
    let dup = br#"[{"journeeGaziere": "2025-01-01"}, {"journeeGaziere": "2025-01-01"}]"#;
    assert!(matches!(
        MeterFile::read("g.json", dup),
        Err(Error::Duplicate { .. })
    ));
}

#[test]
fn the_csv_saved_from_the_spreadsheet_reads_with_decimal_commas() {
    // Column A empty as a spreadsheet saves it; 1,5 m³ × 11,2 = 16,8 kWh.
    let csv = ";PCE;GI123456\n\n;Date;Index de début (m³);Index de fin (m³);Volume consommé (m³);Energie consommée (kWh);Coefficient de conversion;Température;Type de relevé\n\
               ;07/12/2024;1000;1001;1,5;16,8;11,2;;Mesuré\n;08/12/2024;1001;1003;\"2,0\";22,4;11,2;3,5;Mesuré\n";
    let file = MeterFile::read("gaz.csv", csv.as_bytes()).unwrap();
    assert_eq!(
        file.days
            .iter()
            .map(|d| (d.date, d.kwh))
            .collect::<Vec<_>>(),
        vec![
            (date(2024, 12, 7), dec!(16.8)),
            (date(2024, 12, 8), dec!(22.4))
        ]
    );
    assert_eq!(
        readings(&file),
        vec![
            (date(2024, 12, 7), dec!(1000)),
            (date(2024, 12, 8), dec!(1001)),
            (date(2024, 12, 9), dec!(1003))
        ]
    );
    // Located errors: line 5, column 6 (energy).
    let bad = csv.replace("22,4", "22,4x");
    let loc = MeterFile::read("gaz.csv", bad.as_bytes())
        .unwrap_err()
        .location()
        .cloned()
        .unwrap();
    assert_eq!((loc.line, loc.column.as_deref()), (Some(5), Some("6")));
}

#[test]
fn the_sample_files_agree_with_each_other_and_with_their_formulas() {
    // Day i from 2024-10-01: volume 1.2 + 0.1 × (i mod 5) m³, coefficient
    // 11.25, energy rounded to the hundredth: day 1 = 1.3 × 11.25 = 14.625
    // → 14.63. The index starts at 4 321 m³ and ends at the whole part of
    // 4 321 + Σ volumes.
    let xlsx = MeterFile::read(
        "g.xlsx",
        include_bytes!("../../../examples/data/grdf/gazpar-quotidien.xlsx"),
    )
    .unwrap();
    let csv = MeterFile::read(
        "g.csv",
        include_bytes!("../../../examples/data/grdf/gazpar-quotidien.csv"),
    )
    .unwrap();
    let json = MeterFile::read(
        "g.json",
        include_bytes!("../../../examples/data/grdf/gazpar-api.json"),
    )
    .unwrap();
    assert_eq!(xlsx.days.len(), 31);
    assert_eq!(xlsx.days[1].kwh, dec!(14.63));
    assert_eq!(xlsx.days[1].m3, Some(dec!(1.3)));
    assert_eq!(xlsx.identifier.as_deref(), Some("29999999999999"));
    // 31 days: 6 full cycles of 1.2…1.6 (7 m³ each) and 1.2: 43.2 m³.
    let total: Decimal = xlsx.days.iter().filter_map(|d| d.m3).sum();
    assert_eq!(total, dec!(43.2));
    // 4 321 + 43.2 = 4 364.2: the index shows 4 364.
    assert_eq!(
        xlsx.index.first(),
        Some(&Reading {
            date: date(2024, 10, 1),
            value: dec!(4321)
        })
    );
    assert_eq!(
        xlsx.index.last(),
        Some(&Reading {
            date: date(2024, 11, 1),
            value: dec!(4364)
        })
    );
    assert_eq!(xlsx.index.len(), 32);
    assert!(xlsx.events.is_empty());
    for other in [&csv, &json] {
        assert_eq!(other.days, xlsx.days);
        assert_eq!(other.index, xlsx.index);
    }
}

#[test]
fn a_spreadsheet_with_a_day_as_text_and_no_header_is_refused_or_read() {
    use meters::XCell;
    let s = |t: &str| Some(XCell::Shared(t.to_owned()));
    let header = vec![
        None,
        s("Date"),
        s("Index de début"),
        s("Index de fin"),
        s("Volume"),
        s("Energie"),
        s("Coefficient"),
    ];
    let row = vec![
        None,
        Some(XCell::Inline("22/08/2019".into())),
        Some(XCell::Number("9904".into())),
        Some(XCell::Number("9905".into())),
        Some(XCell::Number("1.2".into())),
        Some(XCell::Number("13.5".into())),
        Some(XCell::Number("11.25".into())),
    ];
    let file =
        MeterFile::read("g.xlsx", &meters::xlsx("S", &[header, row.clone()], false)).unwrap();
    assert_eq!(file.days[0].date, date(2019, 8, 22));
    let mut bad = row.clone();
    bad[5] = Some(XCell::Inline("13,5 kWh".into()));
    let header2 = vec![
        None,
        s("Date"),
        s("Index de début"),
        s("Index de fin"),
        s("Volume"),
        s("Energie"),
    ];
    let err = MeterFile::read("g.xlsx", &meters::xlsx("S", &[header2, bad], false)).unwrap_err();
    // The energy cell of the second row: F2.
    assert!(
        err.to_string().contains("F2") && err.to_string().contains("g.xlsx"),
        "{err}"
    );
    let err = MeterFile::read("g.xlsx", &meters::xlsx("S", &[row], false)).unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnknownName {
                what: noun!("GRDF table"),
                ..
            }
        ),
        "{err:?}"
    );
}
