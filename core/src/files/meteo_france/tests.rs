//! Tests of the Météo-France reader: values computed by hand in comments,
//! the shipped samples, and read-back invariants.

use std::fmt::Write as _;

use proptest::prelude::*;
use rust_decimal::{dec, Decimal};

use super::*;
use crate::date::date;
use crate::files::gzip;

const HEADER: &str =
    "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX";

/// ALPHA: valid on the 1st, 4th and 7th; the 2nd has Tn empty, the 3rd
/// quality code 2, the 5th no row, the 6th Tn above Tx. BETA: every day.
const TINY: &str =
    "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX
62001001;ALPHA;50.5;1.6;10;20250101;;;1.0;1;;;5.0;1;;
62001001;ALPHA;50.5;1.6;10;20250102;;;;;;;6.0;1;;
62001001;ALPHA;50.5;1.6;10;20250103;;;2.5;2;;;7.0;1;;
62001001;ALPHA;50.5;1.6;10;20250104;;;4.0;9;;;9.0;0;;
62001001;ALPHA;50.5;1.6;10;20250106;;;8.0;1;;;7.0;1;;
62001001;ALPHA;50.5;1.6;10;20250107;;;3.0;1;;;10.0;1;;
62002001;BETA;50.0;2.0;50;20250101;;;0.0;1;;;4.0;1;;
62002001;BETA;50.0;2.0;50;20250102;;;1.5;1;;;6.5;1;;
62002001;BETA;50.0;2.0;50;20250103;;;2.0;1;;;7.5;1;;
62002001;BETA;50.0;2.0;50;20250104;;;3.0;1;;;8.0;1;;
62002001;BETA;50.0;2.0;50;20250105;;;3.5;1;;;9.5;1;;
62002001;BETA;50.0;2.0;50;20250106;;;4.0;1;;;9.0;1;;
62002001;BETA;50.0;2.0;50;20250107;;;2.0;1;;;11.0;1;;
";

fn tiny() -> WeatherFile {
    WeatherFile::read("Q_test.csv", TINY.as_bytes()).unwrap()
}

fn values(t: &StationTemperatures) -> Vec<(Date, Decimal, Decimal)> {
    t.temperatures
        .iter()
        .map(|d| (d.date, d.tn, d.tx))
        .collect()
}

#[test]
fn a_tiny_daily_file_its_stations_and_coverage() {
    let f = tiny();
    assert_eq!(f.resolution(), Resolution::Daily);
    assert_eq!(f.name(), "Q_test.csv");
    let [alpha, beta] = f.stations() else {
        panic!("two stations")
    };
    assert_eq!(
        (alpha.number.as_str(), alpha.name.as_str()),
        ("62001001", "ALPHA")
    );
    assert_eq!(
        (alpha.latitude, alpha.longitude, alpha.altitude),
        (dec!(50.5), dec!(1.6), dec!(10))
    );
    // 7 days from the 1st to the 7th: 1st, 4th, 7th valid; 4 missing.
    assert_eq!(
        (alpha.first, alpha.last),
        (date(2025, 1, 1), date(2025, 1, 7))
    );
    assert_eq!((alpha.complete_days, alpha.missing_days), (3, 4));
    assert_eq!((beta.complete_days, beta.missing_days), (7, 0));
    assert_eq!(f.station("BETA").unwrap().number, "62002001");
    let e = f.station("62999999").unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown station `62999999` at file `Q_test.csv`"
    );

    let t = f.temperatures("62002001", None, &Fill::default()).unwrap();
    assert!(t.filled.is_empty());
    assert_eq!(t.temperatures.len(), 7);
    assert_eq!(
        values(&t)[..2],
        [
            (date(2025, 1, 1), dec!(0.0), dec!(4.0)),
            (date(2025, 1, 2), dec!(1.5), dec!(6.5))
        ]
    );
    // A period within the station's days.
    let p = Period::new(date(2025, 1, 3), date(2025, 1, 4)).unwrap();
    let t = f.temperatures("BETA", Some(p), &Fill::default()).unwrap();
    assert_eq!(
        values(&t),
        [
            (date(2025, 1, 3), dec!(2.0), dec!(7.5)),
            (date(2025, 1, 4), dec!(3.0), dec!(8.0))
        ]
    );
}

#[test]
fn missing_days_are_an_error_listing_them_with_their_reason() {
    let e = tiny()
        .temperatures("ALPHA", None, &Fill::default())
        .unwrap_err();
    assert_eq!(e.code(), "insufficient_data");
    assert_eq!(
        e.to_string(),
        "insufficient data: station `62001001` (ALPHA) has 4 day(s) without a valid Tn and Tx \
         from 2025-01-01 to 2025-01-07: 2025-01-02 (Tn or Tx empty), 2025-01-03 (doubtful, \
         quality code 2), 2025-01-05 (no row), 2025-01-06 (Tn above Tx); choose another station \
         or period, or fill them (another station, interpolation) at file `Q_test.csv`"
    );
    // Beyond the station's days: the days without a row are listed, the
    // first five and how many more.
    let p = Period::new(date(2024, 12, 20), date(2025, 1, 1)).unwrap();
    let e = tiny()
        .temperatures("BETA", Some(p), &Fill::default())
        .unwrap_err();
    assert!(
        e.to_string().contains(
            "has 12 day(s) without a valid Tn and Tx from 2024-12-20 to 2025-01-01: 2024-12-20 (no row), \
             2024-12-21 (no row), 2024-12-22 (no row), 2024-12-23 (no row), 2024-12-24 (no row) and 7 more;"
        ),
        "{e}"
    );
}

#[test]
fn missing_days_are_told_in_french_with_their_dates_in_words() {
    use crate::message::Lang;
    const NBSP: char = '\u{a0}';
    let e = tiny()
        .temperatures("ALPHA", None, &Fill::default())
        .unwrap_err();
    // By hand: the same list as in English, each day in words and each
    // reason from the catalogue; `:` and `;` after a no-break space.
    assert_eq!(
        e.message(Lang::Fr),
        format!(
            "données insuffisantes{NBSP}: la station «{NBSP}62001001{NBSP}» (ALPHA) a 4 jour(s) \
             sans Tn ni Tx valides du 1er janvier 2025 au 7 janvier 2025{NBSP}: 2 janvier 2025 \
             (Tn ou Tx vide), 3 janvier 2025 (valeur douteuse, code qualité 2), 5 janvier 2025 \
             (aucune ligne), 6 janvier 2025 (Tn supérieure à Tx){NBSP}; choisissez une autre \
             station ou une autre période, ou complétez-les (autre station, interpolation) \
             (fichier «{NBSP}Q_test.csv{NBSP}»)"
        )
    );
    let p = Period::new(date(2024, 12, 20), date(2025, 1, 1)).unwrap();
    let e = tiny()
        .temperatures("BETA", Some(p), &Fill::default())
        .unwrap_err();
    assert!(
        e.message(Lang::Fr).contains(&format!(
            "a 12 jour(s) sans Tn ni Tx valides du 20 décembre 2024 au 1er janvier 2025{NBSP}: \
             20 décembre 2024 (aucune ligne), 21 décembre 2024 (aucune ligne), 22 décembre 2024 \
             (aucune ligne), 23 décembre 2024 (aucune ligne), 24 décembre 2024 (aucune ligne) et 7 \
             autres{NBSP};"
        )),
        "{}",
        e.message(Lang::Fr)
    );
    // The parameters stay data: the count as a number, the days in ISO.
    let p = e.params();
    assert_eq!(p.get("count"), Some(&crate::message::ParamValue::Int(12)));
    assert_eq!(
        p.get("first"),
        Some(&crate::message::ParamValue::Text("2024-12-20".into()))
    );
}

#[test]
fn doubtful_values_are_accepted_on_request() {
    let options = ReadOptions {
        accept_doubtful: true,
    };
    let f = WeatherFile::read_with("Q_test.csv", TINY.as_bytes(), &options).unwrap();
    assert_eq!(f.stations()[0].complete_days, 4);
    let p = Period::new(date(2025, 1, 3), date(2025, 1, 4)).unwrap();
    let t = f.temperatures("ALPHA", Some(p), &Fill::default()).unwrap();
    assert_eq!(values(&t)[0], (date(2025, 1, 3), dec!(2.5), dec!(7.0)));
}

#[test]
fn filled_from_another_station() {
    let fill = Fill {
        station: Some("BETA".into()),
        interpolate_max_days: 0,
    };
    let t = tiny().temperatures("ALPHA", None, &fill).unwrap();
    // ALPHA's own days, BETA's on the 2nd, 3rd, 5th and 6th.
    assert_eq!(
        values(&t),
        [
            (date(2025, 1, 1), dec!(1.0), dec!(5.0)),
            (date(2025, 1, 2), dec!(1.5), dec!(6.5)),
            (date(2025, 1, 3), dec!(2.0), dec!(7.5)),
            (date(2025, 1, 4), dec!(4.0), dec!(9.0)),
            (date(2025, 1, 5), dec!(3.5), dec!(9.5)),
            (date(2025, 1, 6), dec!(4.0), dec!(9.0)),
            (date(2025, 1, 7), dec!(3.0), dec!(10.0)),
        ]
    );
    let how = FillMethod::Station {
        number: "62002001".into(),
    };
    let filled: Vec<_> = t.filled.iter().map(|f| (f.date, &f.how)).collect();
    assert_eq!(
        filled,
        [
            (date(2025, 1, 2), &how),
            (date(2025, 1, 3), &how),
            (date(2025, 1, 5), &how),
            (date(2025, 1, 6), &how),
        ]
    );
    let bad = Fill {
        station: Some("GAMMA".into()),
        interpolate_max_days: 0,
    };
    assert_eq!(
        tiny().temperatures("ALPHA", None, &bad).unwrap_err().code(),
        "unknown_reference"
    );
}

#[test]
fn filled_by_interpolation_rounded_to_a_tenth() {
    let fill = Fill {
        station: None,
        interpolate_max_days: 2,
    };
    let t = tiny().temperatures("ALPHA", None, &fill).unwrap();
    // The 2nd and 3rd between the 1st (1.0, 5.0) and the 4th (4.0, 9.0),
    // thirds of the way: Tn 1 + 3/3 = 2.0, 1 + 6/3 = 3.0; Tx 5 + 4/3 =
    // 6.333… → 6.3, 5 + 8/3 = 7.666… → 7.7. The 5th and 6th between the
    // 4th (4.0, 9.0) and the 7th (3.0, 10.0): Tn 4 − 1/3 = 3.666… → 3.7,
    // 4 − 2/3 = 3.333… → 3.3; Tx 9 + 1/3 → 9.3, 9 + 2/3 → 9.7.
    let expected = [
        (date(2025, 1, 2), dec!(2.0), dec!(6.3)),
        (date(2025, 1, 3), dec!(3.0), dec!(7.7)),
        (date(2025, 1, 5), dec!(3.7), dec!(9.3)),
        (date(2025, 1, 6), dec!(3.3), dec!(9.7)),
    ];
    let filled: Vec<_> = t.filled.iter().map(|f| (f.date, f.tn, f.tx)).collect();
    assert_eq!(filled, expected);
    assert!(t.filled.iter().all(|f| f.how == FillMethod::Interpolated));
    assert_eq!(values(&t)[1], expected[0]);
    // Gaps of 2 days are longer than 1: nothing filled, all four listed.
    let fill = Fill {
        station: None,
        interpolate_max_days: 1,
    };
    let e = tiny().temperatures("ALPHA", None, &fill).unwrap_err();
    assert!(e.to_string().contains("has 4 day(s)"), "{e}");
    // A gap at the end of the period has no day after it: not filled.
    let p = Period::new(date(2025, 1, 4), date(2025, 1, 6)).unwrap();
    let fill = Fill {
        station: None,
        interpolate_max_days: 5,
    };
    let t = tiny().temperatures("ALPHA", Some(p), &fill).unwrap();
    // …but the 7th, outside the period, is the day after: filled.
    assert_eq!(values(&t)[2], (date(2025, 1, 6), dec!(3.3), dec!(9.7)));
    let p = Period::new(date(2025, 1, 6), date(2025, 1, 9)).unwrap();
    let e = tiny().temperatures("ALPHA", Some(p), &fill).unwrap_err();
    assert!(
        e.to_string()
            .contains("2025-01-08 (no row), 2025-01-09 (no row)"),
        "{e}"
    );
}

#[test]
fn gzipped_latin1_and_crlf_read_the_same() {
    // "ÉTAPLES" in Latin-1, lines ending in CRLF, a gzip member with a
    // file name and a header CRC.
    let mut text = format!("{HEADER}\r\n").into_bytes();
    text.extend(b"62318001;\xc9TAPLES;50.51;1.64;5;20250101;;;-1.2;1;;;3.4;1;;\r\n");
    let gz = gzip::member(&text, Some(b"Q_62.csv"), None, None, true);
    let f = WeatherFile::read("Q_62.csv.gz", &gz).unwrap();
    assert_eq!(f.stations()[0].name, "ÉTAPLES");
    let t = f.temperatures("ÉTAPLES", None, &Fill::default()).unwrap();
    assert_eq!(values(&t), [(date(2025, 1, 1), dec!(-1.2), dec!(3.4))]);
    assert!(recognises(&gz));
    // Corrupt gzip: an error naming the file.
    let mut bad = gz.clone();
    let n = bad.len();
    bad[n - 6] ^= 0xff;
    let e = WeatherFile::read("Q_62.csv.gz", &bad).unwrap_err();
    assert!(
        e.to_string().contains("CRC-32") && e.to_string().contains("file `Q_62.csv.gz`"),
        "{e}"
    );
}

#[test]
fn bad_input_is_located() {
    let read = |rows: &str| WeatherFile::read("f.csv", format!("{HEADER}\n{rows}").as_bytes());
    let e = read("62001001;A;50;1;10;20250101;;;1,5;1;;;5.0;1;;").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid temperature (got \"1,5\"): a number with `.` as decimal point at file `f.csv`, line 2, column `TN`"
    );
    let e = read("62001001;A;50;1;10;20250101;;;1.5;7;;;5.0;1;;").unwrap_err();
    assert!(
        e.to_string().contains(
            "Météo-France quality codes are 0, 1, 2 or 9 at file `f.csv`, line 2, column `QTN`"
        ),
        "{e}"
    );
    let e = read("62001001;A;50;1;10;20250230;;;1.5;1;;;5.0;1;;").unwrap_err();
    assert!(
        e.to_string()
            .contains("not a day of the calendar at file `f.csv`, line 2, column `AAAAMMJJ`"),
        "{e}"
    );
    let e = read("62001001;A;50;1;10;20250101;;;150;1;;;5.0;1;;").unwrap_err();
    assert!(e.to_string().contains("beyond ±100 °C"), "{e}");
    let e = read("62001001;A;50;1;10;20250101;;;1.5;1").unwrap_err();
    assert!(
        e.to_string()
            .contains("the header has 16 columns at file `f.csv`, line 2"),
        "{e}"
    );
    let e = read("62001001;A;50;1;10;20250101;;;1.5;1;;;5.0;1;;\n62001001;A;50;1;10;20250101;;;1.5;1;;;5.0;1;;")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "duplicate station day `62001001 2025-01-01` at file `f.csv`"
    );
    // Not a Météo-France file, and one without its TN column.
    let e = WeatherFile::read("x.csv", b"date;kwh\n2025-01-01;3\n").unwrap_err();
    assert_eq!(e.code(), "unknown_name");
    assert!(
        e.to_string().starts_with("unknown file header `date;kwh`"),
        "{e}"
    );
    let e = WeatherFile::read(
        "x.csv",
        b"NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;TX;QTX\n",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid Météo-France header (got TN): the daily file has no `TN` column at file `x.csv`, line 1"
    );
    assert!(!recognises(b"date;kwh\n"));
    assert!(!recognises(&gzip::member(
        b"date;kwh\n",
        None,
        None,
        None,
        false
    )));
}

/// An hourly file of one station from `first` to `last` label (inclusive,
/// by hours since 2025-01-01 00 UTC), T = 10 except where `t` says, with
/// TN/TX of the hour where `extremes` says.
fn hourly(
    hours: std::ops::RangeInclusive<u32>,
    t: &[(u32, &str)],
    extremes: &[(u32, &str, &str)],
    skip: &[u32],
) -> String {
    let mut out = String::from("NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJHH;T;QT;TN;QTN;TX;QTX\n");
    for h in hours {
        if skip.contains(&h) {
            continue;
        }
        let value = t.iter().find(|x| x.0 == h).map_or("10", |x| x.1);
        let (tn, tx) = extremes
            .iter()
            .find(|x| x.0 == h)
            .map_or(("", ""), |x| (x.1, x.2));
        let q = |v: &str| if v.is_empty() { "" } else { "1" };
        writeln!(
            out,
            "62001001;A;50;1;10;202501{:02}{:02};{value};1;{tn};{};{tx};{}",
            1 + h / 24,
            h % 24,
            q(tn),
            q(tx)
        )
        .unwrap();
    }
    out
}

#[test]
fn hourly_values_make_days_with_the_meteo_france_convention() {
    // Labels from 1 Jan 19 UTC (hour 19) to 3 Jan 06 UTC (hour 54): 2 Jan's
    // Tn window (1 Jan 18:00, 2 Jan 18:00] holds labels 19..=42 and its Tx
    // window (2 Jan 06:00, 3 Jan 06:00] labels 31..=54, 24 each.
    // Label 42 (2 Jan 18 UTC, the hour 17–18) is in 2 Jan's Tn window:
    // Tn = −5. Label 43 (2 Jan 19 UTC) is in 3 Jan's: its −8 is not 2 Jan's.
    // Label 30 (2 Jan 06 UTC) closes 1 Jan's Tx window: its 30 is not
    // 2 Jan's. Label 54 (3 Jan 06 UTC) closes 2 Jan's: Tx = 25.
    let t = [(42, "-5"), (43, "-8"), (30, "30"), (54, "25"), (31, "20")];
    let text = hourly(19..=54, &t, &[], &[]);
    let f = WeatherFile::read("H.csv", text.as_bytes()).unwrap();
    assert_eq!(f.resolution(), Resolution::Hourly);
    let s = &f.stations()[0];
    // Only 2 Jan has both windows complete.
    assert_eq!(
        (s.first, s.last, s.complete_days, s.missing_days),
        (date(2025, 1, 2), date(2025, 1, 2), 1, 0)
    );
    let days = f.temperatures("A", None, &Fill::default()).unwrap();
    assert_eq!(values(&days), [(date(2025, 1, 2), dec!(-5), dec!(25))]);
    // The same through Temperatures::from_observations: only 2 Jan has both
    // windows, and it agrees.
    let obs: Vec<_> = (19..=54u32)
        .map(|h| {
            let v = t
                .iter()
                .find(|x| x.0 == h)
                .map_or(dec!(10), |x| x.1.parse().unwrap());
            crate::weather::Observation::at(
                date(2025, 1, 1 + i8::try_from(h / 24).unwrap()),
                h % 24,
                0,
                v,
            )
            .unwrap()
        })
        .collect();
    let other = Temperatures::from_observations(&obs).unwrap();
    assert_eq!(other, days.temperatures);

    // The hour's own TN/TX win over T: label 42's TN −6, label 36's TX 26.
    let text = hourly(19..=54, &t, &[(42, "-6", "-4"), (36, "9", "26")], &[]);
    let f = WeatherFile::read("H.csv", text.as_bytes()).unwrap();
    let days = f.temperatures("A", None, &Fill::default()).unwrap();
    assert_eq!(values(&days), [(date(2025, 1, 2), dec!(-6), dec!(26))]);

    // One hour missing (label 35, in both windows): 2 Jan is incomplete.
    let text = hourly(19..=54, &t, &[], &[35]);
    let f = WeatherFile::read("H.csv", text.as_bytes()).unwrap();
    assert_eq!(f.stations()[0].complete_days, 0);
    let e = f.temperatures("A", None, &Fill::default()).unwrap_err();
    assert!(e.to_string().contains("2025-01-02 (hours missing)"), "{e}");
}

const SAMPLE_DAILY_GZ: &[u8] =
    include_bytes!("../../../examples/data/meteo-france/Q_62_synthetique_2025_RR-T-Vent.csv.gz");
const SAMPLE_DAILY: &[u8] =
    include_bytes!("../../../examples/data/meteo-france/Q_62_synthetique_2025_RR-T-Vent.csv");
const SAMPLE_HOURLY_GZ: &[u8] =
    include_bytes!("../../../examples/data/meteo-france/H_62_synthetique_2025-01.csv.gz");

#[test]
fn the_shipped_daily_sample() {
    assert!(recognises(SAMPLE_DAILY_GZ) && recognises(SAMPLE_DAILY));
    let f = WeatherFile::read("Q_62_synthetique_2025_RR-T-Vent.csv.gz", SAMPLE_DAILY_GZ).unwrap();
    let plain = WeatherFile::read("Q_62_synthetique_2025_RR-T-Vent.csv.gz", SAMPLE_DAILY).unwrap();
    assert_eq!(f, plain);
    let numbers: Vec<_> = f.stations().iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["62990001", "62990002", "62990003"]);
    // 90 days of 2025's first quarter; the third station has 3 days
    // without a row and 3 invalid (empty Tx, code 2, Tn above Tx).
    let third = &f.stations()[2];
    assert_eq!(
        (third.first, third.last),
        (date(2025, 1, 1), date(2025, 3, 31))
    );
    assert_eq!((third.complete_days, third.missing_days), (84, 6));
    assert_eq!(f.stations()[0].complete_days, 90);
    // Its first row, as written: 1 Jan, Tn 0.5, Tx 6.1.
    let t = f.temperatures("62990001", None, &Fill::default()).unwrap();
    assert_eq!(values(&t)[0], (date(2025, 1, 1), dec!(0.5), dec!(6.1)));
    let e = f
        .temperatures("62990003", None, &Fill::default())
        .unwrap_err();
    assert!(
        e.to_string().contains(
            "has 6 day(s) without a valid Tn and Tx from 2025-01-01 to 2025-03-31: 2025-01-10 (Tn or Tx empty), \
             2025-01-11 (doubtful, quality code 2), 2025-02-03 (no row), 2025-02-04 (no row), 2025-02-05 (no row) and 1 more"
        ),
        "{e}"
    );
    let fill = Fill {
        station: Some("62990001".into()),
        interpolate_max_days: 0,
    };
    let t = f.temperatures("62990003", None, &fill).unwrap();
    assert_eq!((t.temperatures.len(), t.filled.len()), (90, 6));
    // The nearest station to the third's own position is itself; to a
    // point in Arras, the second.
    assert_eq!(
        f.nearest(dec!(50.75), dec!(2.25)).unwrap().number,
        "62990003"
    );
    assert_eq!(
        f.nearest(dec!(50.29), dec!(2.78)).unwrap().number,
        "62990002"
    );
}

#[test]
fn the_shipped_hourly_sample() {
    assert!(recognises(SAMPLE_HOURLY_GZ));
    let f = WeatherFile::read("H_62_synthetique_2025-01.csv.gz", SAMPLE_HOURLY_GZ).unwrap();
    assert_eq!(f.resolution(), Resolution::Hourly);
    assert_eq!(f.stations().len(), 2);
    // Labels 1 Jan 00 to 5 Jan 23 UTC: 1 Jan's Tn window lacks 31 Dec
    // 19–23, 5 Jan's Tx window lacks 6 Jan 00–06; 2 to 4 Jan complete.
    let s = &f.stations()[1];
    assert_eq!(
        (s.first, s.last, s.complete_days),
        (date(2025, 1, 2), date(2025, 1, 4), 3)
    );
    // Independently: 2 Jan's Tn is the least TN labelled 1 Jan 19 to
    // 2 Jan 18, its Tx the greatest TX labelled 2 Jan 07 to 3 Jan 06.
    let text = String::from_utf8(gzip::decompress(SAMPLE_HOURLY_GZ, 1 << 24).unwrap()).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(';').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(';').collect())
        .collect();
    let pick = |c: usize, from: &str, to: &str| -> Vec<Decimal> {
        rows.iter()
            .filter(|r| r[0] == "62990002" && r[5] >= from && r[5] <= to)
            .map(|r| r[c].parse().unwrap())
            .collect()
    };
    let tn = pick(col("TN"), "2025010119", "2025010218")
        .into_iter()
        .min()
        .unwrap();
    let tx = pick(col("TX"), "2025010207", "2025010306")
        .into_iter()
        .max()
        .unwrap();
    assert_eq!(pick(col("TN"), "2025010119", "2025010218").len(), 24);
    let t = f.temperatures("62990002", None, &Fill::default()).unwrap();
    assert_eq!(values(&t)[0], (date(2025, 1, 2), tn, tx));
}

/// A daily file of one station, as Météo-France writes it.
fn write(days: &[(i32, i64, i64)]) -> String {
    let mut out = format!("{HEADER}\n");
    for &(d, n, x) in days {
        let d = crate::date::date_of(d).unwrap();
        writeln!(
            out,
            "62001001;A;50;1;10;{:04}{:02}{:02};;;{};1;;;{};1;;",
            d.year(),
            d.month(),
            d.day(),
            Decimal::new(n, 1),
            Decimal::new(x, 1)
        )
        .unwrap();
    }
    out
}

proptest! {
    // A file written then read back gives the same days, gzipped or not.
    #[test]
    fn daily_round_trip(
        start in 0i32..30_000,
        temps in proptest::collection::vec((-300i64..300, 0i64..200), 1..60),
        zipped in any::<bool>(),
    ) {
        let days: Vec<(i32, i64, i64)> = temps
            .iter()
            .enumerate()
            .map(|(i, &(n, r))| (start + i32::try_from(i).unwrap(), n, n + r))
            .collect();
        let text = write(&days);
        let bytes = if zipped { gzip::member(text.as_bytes(), None, None, None, false) } else { text.into_bytes() };
        let f = WeatherFile::read("p.csv", &bytes).unwrap();
        let t = f.temperatures("62001001", None, &Fill::default()).unwrap();
        let got: Vec<(i32, Decimal, Decimal)> = t.temperatures.iter()
            .map(|d| (crate::date::day_number(d.date), d.tn, d.tx)).collect();
        let want: Vec<(i32, Decimal, Decimal)> = days.iter()
            .map(|&(d, n, x)| (d, Decimal::new(n, 1), Decimal::new(x, 1))).collect();
        prop_assert_eq!(got, want);
    }

    // Interpolation stays between its ends and keeps Tn ≤ Tx.
    #[test]
    fn interpolation_stays_between_its_ends(
        a in (-300i64..300, 0i64..200),
        b in (-300i64..300, 0i64..200),
        gap in 1usize..8,
    ) {
        let mut days = vec![(0, a.0, a.0 + a.1)];
        days.push((i32::try_from(gap).unwrap() + 1, b.0, b.0 + b.1));
        let f = WeatherFile::read("p.csv", write(&days).as_bytes()).unwrap();
        let fill = Fill { station: None, interpolate_max_days: u32::try_from(gap).unwrap() };
        let t = f.temperatures("A", None, &fill).unwrap();
        prop_assert_eq!(t.filled.len(), gap);
        let (lo, hi) = (Decimal::new(a.0.min(b.0), 1), Decimal::new((a.0 + a.1).max(b.0 + b.1), 1));
        for d in t.temperatures.iter() {
            prop_assert!(d.tn <= d.tx && lo <= d.tn && d.tx <= hi);
        }
    }
}

/// How long a département-sized file takes (run with `--release --ignored`).
#[test]
#[ignore = "timing, run by hand"]
fn a_million_rows() {
    let days: Vec<(i32, i64, i64)> = (0..1_000_000)
        .map(|i| (i, i64::from(i % 300) - 150, i64::from(i % 300) - 50))
        .collect();
    let text = write(&days);
    let gz = gzip::member(text.as_bytes(), None, None, None, false);
    let t0 = std::time::Instant::now();
    let f = WeatherFile::read("big.csv.gz", &gz).unwrap();
    let t = f.temperatures("A", None, &Fill::default()).unwrap();
    eprintln!(
        "{} MB, {} days in {:?}",
        text.len() >> 20,
        t.temperatures.len(),
        t0.elapsed()
    );
}
