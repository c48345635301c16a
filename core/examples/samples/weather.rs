//! Synthetic Météo-France climatological files, in exactly the layout of
//! the real ones (see `ecodefi::files::meteo_france`): deterministic
//! (SplitMix64 from a seed), plausible for northern France, and no real
//! station's data (the station numbers `629900xx` and names are made up).
//!
//! Reused by other sample generators: [`daily_values`], [`daily_file`],
//! [`hourly_values`], [`hourly_file`] and [`gzip`].
//!
//! The model (**[design]**, for demonstration only): a daily mean of
//! 11 − 6.5·cos(2π(d − 20)/365.25) °C (d the day of the year: about 4.5 °C
//! in mid-January, 17.5 °C in mid-July, as on the Channel coast), plus a
//! persistent anomaly (AR(1), coefficient 0.7, steps of ±2.5 °C), and a
//! daily range of 4 to 10 °C, larger in summer. Hourly values follow a
//! cosine cycle with its minimum at 05 UTC and maximum at 14 UTC.

#![allow(dead_code)]
// Floats only make up plausible values, rounded to tenths; sizes fit.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::assigning_clones
)]

use ecodefi::{Date, Decimal};

/// What a file says of a station.
#[derive(Debug, Clone)]
pub struct StationMeta {
    /// `NUM_POSTE`, 8 digits.
    pub number: String,
    /// `NOM_USUEL`.
    pub name: String,
    /// `LAT`, degrees.
    pub latitude: Decimal,
    /// `LON`, degrees.
    pub longitude: Decimal,
    /// `ALTI`, metres.
    pub altitude: Decimal,
}

impl StationMeta {
    /// A station from text (numbers written with `.`).
    pub fn new(number: &str, name: &str, latitude: &str, longitude: &str, altitude: &str) -> Self {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        StationMeta {
            number: number.to_owned(),
            name: name.to_owned(),
            latitude: d(latitude),
            longitude: d(longitude),
            altitude: d(altitude),
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [−1, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

/// Tenths of a degree as a decimal with one decimal place.
fn tenths(celsius: f64) -> Decimal {
    Decimal::new((celsius * 10.0).round() as i64, 1)
}

fn days(first: Date, last: Date) -> impl Iterator<Item = Date> {
    (first.day_number()..=last.day_number()).filter_map(|n| Date::from_day_number(n).ok())
}

/// The day's mean and range, °C, for each day from `first` to `last`.
fn daily_model(seed: u64, first: Date, last: Date) -> Vec<(Date, f64, f64)> {
    let mut rng = Rng(seed);
    let mut anomaly = 0.0;
    days(first, last)
        .map(|d| {
            let doy = f64::from(d.day_of_year());
            let season = (2.0 * std::f64::consts::PI * (doy - 20.0) / 365.25).cos();
            anomaly = 0.7 * anomaly + 2.5 * rng.unit();
            let mean = 11.0 - 6.5 * season + anomaly;
            let range = 7.0 - 2.0 * season + 1.0 * rng.unit();
            (d, mean, range)
        })
        .collect()
}

/// Plausible daily Tn and Tx (0.1 °C steps, Tn < Tx) for every day from
/// `first` to `last`, the same for the same seed.
pub fn daily_values(seed: u64, first: Date, last: Date) -> Vec<(Date, Decimal, Decimal)> {
    daily_model(seed, first, last)
        .into_iter()
        .map(|(d, mean, range)| (d, tenths(mean - range / 2.0), tenths(mean + range / 2.0)))
        .collect()
}

/// One hour of an hourly file: its label (the end of the hour, UTC), the
/// temperature at the hour and the hour's minimum and maximum.
#[derive(Debug, Clone, Copy)]
pub struct HourlyRow {
    /// The day of the label, UTC.
    pub date: Date,
    /// The hour of the label, 0 to 23 UTC.
    pub hour: u32,
    /// `T`.
    pub t: Option<Decimal>,
    /// `TN`, the minimum within the hour.
    pub tn: Option<Decimal>,
    /// `TX`, the maximum within the hour.
    pub tx: Option<Decimal>,
}

/// Plausible hourly values for every hour of the days from `first` to
/// `last`, the same for the same seed.
pub fn hourly_values(seed: u64, first: Date, last: Date) -> Vec<HourlyRow> {
    let model = daily_model(seed, first, last);
    let mut rng = Rng(seed ^ 0x5555);
    let temperature = |mean: f64, range: f64, h: f64| {
        mean + range / 2.0
            * (2.0 * std::f64::consts::PI * (h - 14.0) / 24.0)
                .cos()
                .max(-1.0)
    };
    let mut out = Vec::new();
    for (d, mean, range) in model {
        for hour in 0..24u32 {
            let h = f64::from(hour);
            let now = temperature(mean, range, h) + 0.3 * rng.unit();
            let before = temperature(mean, range, h - 1.0);
            let low = now.min(before) - 0.2 * rng.unit().abs();
            let high = now.max(before) + 0.2 * rng.unit().abs();
            out.push(HourlyRow {
                date: d,
                hour,
                t: Some(tenths(now)),
                tn: Some(tenths(low)),
                tx: Some(tenths(high)),
            });
        }
    }
    out
}

/// A station's days: the day, Tn and Tx (`None`: an empty cell).
pub type DailyRows = Vec<(Date, Option<Decimal>, Option<Decimal>)>;

/// The columns of a daily *RR-T-Vent* file, in order.
pub const DAILY_HEADER: &str = "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX;TM;QTM;TNTXM;QTNTXM;TAMPLI;QTAMPLI;TNSOL;QTNSOL;TN50;QTN50;DG;QDG;FFM;QFFM;FF2M;QFF2M;FXY;QFXY;DXY;QDXY;HXY;QHXY;FXI;QFXI;DXI;QDXI;HXI;QHXI;FXI2;QFXI2;DXI2;QDXI2;HXI2;QHXI2;FXI3S;QFXI3S;DXI3S;QDXI3S;HXI3S;QHXI3S;DRR;QDRR";

/// The columns of an hourly file, in order (each value followed by its
/// quality code).
pub const HOURLY_HEADER: &str = "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJHH;RR1;QRR1;DRR1;QDRR1;FF;QFF;DD;QDD;FXY;QFXY;DXY;QDXY;HXY;QHXY;FXI;QFXI;DXI;QDXI;HXI;QHXI;FF2;QFF2;DD2;QDD2;FXI2;QFXI2;DXI2;QDXI2;HXI2;QHXI2;FXI3S;QFXI3S;DXI3S;QDXI3S;HXI3S;QHXI3S;T;QT;TD;QTD;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX;DG;QDG;T10;QT10;T20;QT20;T50;QT50;T100;QT100;TNSOL;QTNSOL;TN50;QTN50;TCHAUSSEE;QTCHAUSSEE;DHUMEC;QDHUMEC;U;QU;UN;QUN;HUN;QHUN;UX;QUX;HUX;QHUX;DHUMI40;QDHUMI40;DHUMI80;QDHUMI80;TSV;QTSV;PMER;QPMER;PSTAT;QPSTAT;PMERMIN;QPMERMIN;GEOP;QGEOP;N;QN;NBAS;QNBAS;CL;QCL;CM;QCM;CH;QCH;N1;QN1;C1;QC1;B1;QB1;N2;QN2;C2;QC2;B2;QB2;N3;QN3;C3;QC3;B3;QB3;N4;QN4;C4;QC4;B4;QB4;VV;QVV;DVV200;QDVV200;WW;QWW;W1;QW1;W2;QW2;SOL;QSOL;SOLNG;QSOLNG;TMER;QTMER;VVMER;QVVMER;ETATMER;QETATMER;DIRHOULE;QDIRHOULE;HVAGUE;QHVAGUE;PVAGUE;QPVAGUE;HNEIGEF;QHNEIGEF;NEIGETOT;QNEIGETOT;TSNEIGE;QTSNEIGE;TUBENEIGE;QTUBENEIGE;HNEIGEFI3;QHNEIGEFI3;HNEIGEFI1;QHNEIGEFI1;ESNEIGE;QESNEIGE;CHARGENEIGE;QCHARGENEIGE;GLO;QGLO;GLO2;QGLO2;DIR;QDIR;DIR2;QDIR2;DIF;QDIF;DIF2;QDIF2;UV;QUV;UV2;QUV2;UV_INDICE;QUV_INDICE;INFRAR;QINFRAR;INFRAR2;QINFRAR2;INS;QINS;INS2;QINS2;TLAGON;QTLAGON;TVEGETAUX;QTVEGETAUX;ECOULEMENT;QECOULEMENT";

fn cell(v: Option<Decimal>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The text of a daily file for these stations and days (`None`: an empty
/// cell), every value with quality code 1 (validated).
pub fn daily_file(stations: &[(StationMeta, DailyRows)]) -> String {
    daily_file_with(stations, |_, _| 1)
}

/// [`daily_file`] with the quality code of each station's day given by
/// `quality(number, date)` (0, 1, 2 or 9).
pub fn daily_file_with(
    stations: &[(StationMeta, DailyRows)],
    quality: impl Fn(&str, Date) -> u8,
) -> String {
    let columns = DAILY_HEADER.split(';').count();
    let mut out = String::from(DAILY_HEADER);
    out.push('\n');
    for (s, days) in stations {
        let mut rng = Rng(s.number.bytes().fold(7u64, |a, b| a * 31 + u64::from(b)));
        for &(d, tn, tx) in days {
            let q = |v: Option<Decimal>| {
                if v.is_some() {
                    quality(&s.number, d).to_string()
                } else {
                    String::new()
                }
            };
            let rain = (rng.unit().max(0.0) * 80.0).round() / 10.0;
            let mut cells = vec![
                s.number.clone(),
                s.name.clone(),
                s.latitude.to_string(),
                s.longitude.to_string(),
                s.altitude.to_string(),
                format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()),
                format!("{rain:.1}"),
                "1".into(),
                cell(tn),
                q(tn),
                if tn.is_some() {
                    "0540".into()
                } else {
                    String::new()
                },
                if tn.is_some() {
                    "9".into()
                } else {
                    String::new()
                },
                cell(tx),
                q(tx),
                if tx.is_some() {
                    "1410".into()
                } else {
                    String::new()
                },
                if tx.is_some() {
                    "9".into()
                } else {
                    String::new()
                },
            ];
            // TM, TNTXM, TAMPLI from Tn and Tx when both are there.
            let both = tn.zip(tx);
            let mean = both.map(|(n, x)| ((n + x) / Decimal::TWO).round_dp(1));
            for v in [mean, mean, both.map(|(n, x)| x - n)] {
                cells.push(cell(v));
                cells.push(if v.is_some() {
                    "1".into()
                } else {
                    String::new()
                });
            }
            while cells.len() < columns {
                cells.push(String::new());
            }
            out.push_str(&cells.join(";"));
            out.push('\n');
        }
    }
    out
}

/// The text of an hourly file for these stations and hours, every value
/// with quality code 1 (`None`: an empty cell and no code).
pub fn hourly_file(stations: &[(StationMeta, Vec<HourlyRow>)]) -> String {
    let header: Vec<&str> = HOURLY_HEADER.split(';').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap_or_default();
    let (t, tn, tx) = (at("T"), at("TN"), at("TX"));
    let mut out = String::from(HOURLY_HEADER);
    out.push('\n');
    for (s, hours) in stations {
        for h in hours {
            let mut cells = vec![String::new(); header.len()];
            cells[0] = s.number.clone();
            cells[1] = s.name.clone();
            cells[2] = s.latitude.to_string();
            cells[3] = s.longitude.to_string();
            cells[4] = s.altitude.to_string();
            cells[5] = format!(
                "{:04}{:02}{:02}{:02}",
                h.date.year(),
                h.date.month(),
                h.date.day(),
                h.hour
            );
            for (c, v) in [(t, h.t), (tn, h.tn), (tx, h.tx)] {
                cells[c] = cell(v);
                cells[c + 1] = if v.is_some() {
                    "1".into()
                } else {
                    String::new()
                };
            }
            out.push_str(&cells.join(";"));
            out.push('\n');
        }
    }
    out
}

/// `text` as one gzip member (RFC 1952: header, deflate at level 9 by
/// miniz_oxide, CRC-32 and size), as `gzip -9` would write it.
pub fn gzip(text: &[u8]) -> Vec<u8> {
    // Magic, deflate, no flags, no time, maximum compression, Unix.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3];
    out.extend(miniz_oxide::deflate::compress_to_vec(text, 9));
    out.extend(ecodefi::files::gzip::crc32(text).to_le_bytes());
    out.extend((text.len() as u32).to_le_bytes());
    out
}
