//! Deterministic generators of Linky (Enedis) and Gazpar (GRDF) exports in
//! their real layouts (see `ecodefi::files::enedis` and `ecodefi::files::grdf`
//! for the layouts and their sources), for sample files and tests. Every
//! value is synthetic: no real person's data.
//!
//! A module, not a binary: include it with `#[path = "samples/meters.rs"] mod
//! meters;` from a module that has `Date`, `Decimal`, `day_number` and
//! `date_of` (from `ecodefi`, or `crate::…` inside the crate) in scope.
#![allow(dead_code)]

use std::fmt::Write as _;

use super::{date_of, day_number, Date, Decimal};

/// `DD/MM/YYYY`, as the Enedis metadata line writes its dates.
fn french(date: Date) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// The day after `date`.
fn next(date: Date) -> Date {
    date_of(day_number(date) + 1).unwrap_or(date)
}

/// The last Sunday of `month` of `year`, as a day number (1970-01-01 was a
/// Thursday).
fn last_sunday(year: i16, month: i8) -> i32 {
    let first_next = if month == 12 {
        Date::new(year + 1, 1, 1)
    } else {
        Date::new(year, month + 1, 1)
    };
    let last = first_next.map_or(0, day_number) - 1;
    // (day + 3) mod 7: 0 is Monday, 6 Sunday.
    last - ((last + 3).rem_euclid(7) + 1) % 7
}

/// The offset of Europe/Paris (minutes) at `utc` minutes since 1970: +02:00
/// from the last Sunday of March 01:00 UTC to the last Sunday of October
/// 01:00 UTC (EU rule since 1996), +01:00 otherwise.
pub fn paris_offset(utc: i64) -> i64 {
    let day = i32::try_from(utc.div_euclid(1440)).unwrap_or(0);
    let year = date_of(day).map_or(1970, Date::year);
    let start = i64::from(last_sunday(year, 3)) * 1440 + 60;
    let end = i64::from(last_sunday(year, 10)) * 1440 + 60;
    if (start..end).contains(&utc) {
        120
    } else {
        60
    }
}

/// `2024-01-15T00:30:00+01:00` for `utc` minutes since 1970 in Paris time.
pub fn paris_stamp(utc: i64) -> String {
    let offset = paris_offset(utc);
    let local = utc + offset;
    let day = i32::try_from(local.div_euclid(1440)).unwrap_or(0);
    let minute = local.rem_euclid(1440);
    let date = date_of(day).map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{date}T{:02}:{:02}:00+{:02}:00",
        minute / 60,
        minute % 60,
        offset / 60
    )
}

/// Minutes since 1970 (UTC) of local midnight starting `date` in Paris.
pub fn paris_midnight(date: Date) -> i64 {
    let local = i64::from(day_number(date)) * 1440;
    // The offset at local midnight is the one an hour before (changes happen
    // at 01:00 UTC, never near midnight).
    local - paris_offset(local - 120)
}

/// The Enedis metadata header, its values and the blank line.
fn enedis_header(
    prm: &str,
    kind: &str,
    first: Date,
    end: Date,
    unit: &str,
    step: Option<u32>,
) -> String {
    let mut out = String::from(
        "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite",
    );
    if step.is_some() {
        out.push_str(";Pas en minutes");
    }
    let _ = write!(
        out,
        "\n{prm};{kind};{};{};Energie active;Consommation;Comptage Brut;{unit}",
        french(first),
        french(end)
    );
    if let Some(step) = step {
        let _ = write!(out, ";{step}");
    }
    out.push_str("\n\n");
    out
}

/// A Linky daily-consumption export: one `Horodate;Valeur` row per given
/// day (Wh, stamped at the day's local midnight); days not given are
/// absent, as in a real export with gaps.
pub fn linky_daily(prm: &str, days: &[(Date, u64)]) -> String {
    let first = days.first().map_or(
        Date::new(2024, 1, 1).unwrap_or_else(|_| unreachable!()),
        |d| d.0,
    );
    let last = days.last().map_or(first, |d| d.0);
    let mut out = enedis_header(
        prm,
        "Consommation quotidienne",
        first,
        next(last),
        "Wh",
        None,
    );
    out.push_str("Horodate;Valeur\n");
    for &(date, wh) in days {
        let _ = writeln!(out, "{};{wh}", paris_stamp(paris_midnight(date)));
    }
    out
}

/// A Linky index export: one *arrêté quotidien* per given day with the
/// total `EAS T` (Wh) split into two supplier and two distributor
/// registers (off-peak 2/5, peak the rest), then the calendar table that
/// real exports append.
pub fn linky_index(prm: &str, readings: &[(Date, u64)]) -> String {
    let first = readings.first().map_or(
        Date::new(2024, 1, 1).unwrap_or_else(|_| unreachable!()),
        |d| d.0,
    );
    let last = readings.last().map_or(first, |d| d.0);
    let mut out = enedis_header(prm, "Index", first, next(last), "Wh", None);
    out.push_str("Horodate;Type de releve;EAS F1;EAS F2;EAS F3;EAS F4;EAS F5;EAS F6;EAS F7;EAS F8;EAS F9;EAS F10;EAS D1;EAS D2;EAS D3;EAS D4;EAS T\n");
    for &(date, total) in readings {
        let off_peak = total * 2 / 5;
        let peak = total - off_peak;
        let _ = writeln!(
            out,
            "{};Arrêté quotidien;{off_peak};{peak};;;;;;;;;{off_peak};{peak};;;{total}",
            paris_stamp(paris_midnight(date))
        );
    }
    let _ = writeln!(
        out,
        "\nPeriode;Identifiant calendrier fournisseur;Libelle calendrier fournisseur\nDu {} au;FC000000;Heures Creuses",
        paris_stamp(paris_midnight(first))
    );
    out
}

/// A Linky load curve of `days` local days from `first_day`: mean power
/// (W) over steps of `step_minutes`, each stamped at the start of its step
/// in Paris time (46 half-hours on the spring daylight-saving day, 50 on
/// the autumn one). `watts(date, i)` gives the i-th step of a day, `None`
/// for a missing point (written with an empty value).
pub fn linky_load_curve(
    prm: &str,
    step_minutes: u32,
    first_day: Date,
    days: u32,
    watts: impl Fn(Date, u32) -> Option<u32>,
) -> String {
    let end =
        date_of(day_number(first_day) + i32::try_from(days).unwrap_or(0)).unwrap_or(first_day);
    let mut out = enedis_header(
        prm,
        "Courbe de charge",
        first_day,
        end,
        "W",
        Some(step_minutes),
    );
    out.push_str("Horodate;Valeur\n");
    let step = i64::from(step_minutes);
    let mut date = first_day;
    while date != end {
        let (from, to) = (paris_midnight(date), paris_midnight(next(date)));
        let mut utc = from;
        let mut i = 0;
        while utc < to {
            let value = watts(date, i).map(|w| w.to_string()).unwrap_or_default();
            let _ = writeln!(out, "{};{value}", paris_stamp(utc));
            utc += step;
            i += 1;
        }
        date = next(date);
    }
    out
}

/// One gas day of a Gazpar export.
#[derive(Debug, Clone, PartialEq)]
pub struct GasDay {
    /// The gas day (06:00 on that day to 06:00 the next).
    pub date: Date,
    /// The index at its start, whole m³ as GRDF shows it.
    pub start_index: u64,
    /// The index at its end, whole m³.
    pub end_index: u64,
    /// The gross volume, m³ (finer than the index).
    pub volume_m3: Decimal,
    /// The energy, kWh (volume × coefficient, to the hundredth).
    pub energy_kwh: Decimal,
    /// GRDF's conversion coefficient of the day, kWh/m³.
    pub coefficient: Decimal,
    /// The local temperature GRDF gives, °C.
    pub temperature: Option<Decimal>,
}

/// Consecutive gas days from `first` with the given daily volumes: the
/// index starts at `start_m3` and shows the whole part of the cumulated
/// volume; energy = volume × coefficient rounded to the hundredth.
pub fn gas_days(
    first: Date,
    start_m3: u64,
    coefficient: Decimal,
    volumes: &[Decimal],
) -> Vec<GasDay> {
    let mut total = Decimal::from(start_m3);
    let mut date = first;
    let mut out = Vec::with_capacity(volumes.len());
    for &v in volumes {
        let start = total.trunc();
        total += v;
        out.push(GasDay {
            date,
            start_index: u64::try_from(start.mantissa() / 10_i128.pow(start.scale())).unwrap_or(0),
            end_index: u64::try_from(total.trunc().mantissa() / 10_i128.pow(total.trunc().scale()))
                .unwrap_or(0),
            volume_m3: v,
            energy_kwh: (v * coefficient)
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            coefficient,
            temperature: None,
        });
        date = next(date);
    }
    out
}

/// `DD/MM/YYYY`.
fn day_text(date: Date) -> String {
    french(date)
}

/// The GRDF daily table as CSV (`;`, decimal comma), as a spreadsheet saves
/// the downloaded .xlsx: the title and PCE rows, the header row 9, the
/// days from row 10, column A empty.
pub fn gazpar_csv(pce: &str, days: &[GasDay]) -> String {
    let comma = |d: Decimal| d.to_string().replace('.', ",");
    let mut out = String::from(";Données de consommation GRDF\n\n;Relevés quotidiens\n;PCE;");
    out.push_str(pce);
    out.push_str("\n\n\n\n\n");
    out.push_str(";Date;Index de début (m³);Index de fin (m³);Volume consommé (m³);Energie consommée (kWh);Coefficient de conversion;Température locale (°C);Type de relevé\n");
    for d in days {
        let _ = writeln!(
            out,
            ";{};{};{};{};{};{};{};Mesuré",
            day_text(d.date),
            d.start_index,
            d.end_index,
            comma(d.volume_m3),
            comma(d.energy_kwh),
            comma(d.coefficient),
            d.temperature.map(comma).unwrap_or_default()
        );
    }
    out
}

/// The JSON of GRDF's API for these days (`releves` keyed by PCE).
pub fn gazpar_json(pce: &str, days: &[GasDay]) -> String {
    let mut out = format!("{{\"{pce}\":{{\"idPce\":\"{pce}\",\"releves\":[");
    for (i, d) in days.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let end = next(d.date);
        let offset = |date: Date| paris_offset(paris_midnight(date) + 300) / 60;
        let _ = write!(
            out,
            "\n{{\"dateDebutReleve\":\"{}T06:00:00+0{}:00\",\"dateFinReleve\":\"{}T06:00:00+0{}:00\",\
             \"journeeGaziere\":\"{}\",\"indexDebut\":{},\"indexFin\":{},\"volumeBrutConsomme\":{},\
             \"energieConsomme\":{},\"pcs\":null,\"volumeConverti\":null,\"pta\":null,\
             \"natureReleve\":\"Informative Journalier\",\"qualificationReleve\":\"Mesuré\",\"status\":null,\
             \"coeffConversion\":{},\"frequenceReleve\":null,\"temperature\":{}}}",
            d.date,
            offset(d.date),
            end,
            offset(end),
            d.date,
            d.start_index,
            d.end_index,
            d.volume_m3,
            d.energy_kwh,
            d.coefficient,
            d.temperature.map_or_else(|| "null".to_owned(), |t| t.to_string())
        );
    }
    out.push_str("\n]}}\n");
    out
}

/// The CRC-32 of ZIP (reflected polynomial 0xEDB88320), bit by bit: kept
/// independent of the readers' table-driven one, which tests compare it with.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive (PKWARE APPNOTE 4.3) of `(name, content, deflate)`
/// entries: deflated (method 8, `miniz_oxide`) or stored (method 0), with
/// their CRC-32, a central directory and its end record. Dates are fixed
/// (1980-01-01) so that the bytes are deterministic.
pub fn zip(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, n: usize| {
        v.extend_from_slice(&u16::try_from(n).unwrap_or(u16::MAX).to_le_bytes());
    };
    let le32 = |v: &mut Vec<u8>, n: usize| {
        v.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
    };
    for &(name, content, deflate) in entries {
        let data = if deflate {
            miniz_oxide::deflate::compress_to_vec(content, 6)
        } else {
            content.to_vec()
        };
        let method = if deflate { 8 } else { 0 };
        let crc = crc32(content);
        let offset = out.len();
        let fields = |v: &mut Vec<u8>| {
            le16(v, 20); // version needed: 2.0
            le16(v, 0); // flags
            le16(v, method);
            le16(v, 0); // time 00:00
            le16(v, 0x21); // date 1980-01-01
            v.extend_from_slice(&crc.to_le_bytes());
            le32(v, data.len());
            le32(v, content.len());
            le16(v, name.len());
            le16(v, 0); // extra field length
        };
        out.extend_from_slice(b"PK\x03\x04");
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&data);
        central.extend_from_slice(b"PK\x01\x02");
        le16(&mut central, 20); // made by: 2.0, MS-DOS
        fields(&mut central);
        le16(&mut central, 0); // comment length
        le16(&mut central, 0); // disk number
        le16(&mut central, 0); // internal attributes
        le32(&mut central, 0); // external attributes
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len();
    let size = central.len();
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, entries.len());
    le16(&mut out, entries.len());
    le32(&mut out, size);
    le32(&mut out, at);
    le16(&mut out, 0);
    out
}

/// XML text with `&`, `<`, `>` and `"` escaped.
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The Excel 1900-system serial number of `date` (from 1900-03-01 on).
pub fn excel_serial(date: Date) -> i32 {
    day_number(date) - day_number(Date::new(1899, 12, 30).unwrap_or(date))
}

/// A cell of a generated sheet.
#[derive(Debug, Clone)]
pub enum XCell {
    /// A string in the shared-strings table.
    Shared(String),
    /// An inline string (`t="inlineStr"`).
    Inline(String),
    /// A number.
    Number(String),
    /// A date (a serial number with the date style).
    Day(Date),
}

/// A valid .xlsx workbook with one sheet named `sheet` whose row `i` is
/// `rows[i]` (column A first): `[Content_Types].xml`, the package and
/// workbook relationships, the workbook, a styles part with a date style,
/// the sheet and the shared strings; parts deflated when `deflate`.
pub fn xlsx(sheet: &str, rows: &[Vec<Option<XCell>>], deflate: bool) -> Vec<u8> {
    let mut shared: Vec<String> = Vec::new();
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(data, "<row r=\"{}\">", r + 1);
        for (c, cell) in row.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let col = char::from(b'A' + u8::try_from(c).unwrap_or(0));
            let reference = format!("{col}{}", r + 1);
            let _ = match cell {
                XCell::Shared(s) => {
                    let i = shared.iter().position(|x| x == s).unwrap_or_else(|| {
                        shared.push(s.clone());
                        shared.len() - 1
                    });
                    write!(data, "<c r=\"{reference}\" t=\"s\"><v>{i}</v></c>")
                }
                XCell::Inline(s) => write!(
                    data,
                    "<c r=\"{reference}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    xml_escape(s)
                ),
                XCell::Number(n) => write!(data, "<c r=\"{reference}\"><v>{n}</v></c>"),
                XCell::Day(d) => write!(
                    data,
                    "<c r=\"{reference}\" s=\"1\"><v>{}</v></c>",
                    excel_serial(*d)
                ),
            };
        }
        data.push_str("</row>");
    }
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    let sheet_xml = format!("{decl}<worksheet xmlns=\"{ns}\" xmlns:r=\"{rel}\"><sheetData>{data}</sheetData></worksheet>");
    let mut strings = String::new();
    for text in &shared {
        let _ = write!(strings, "<si><t>{}</t></si>", xml_escape(text));
    }
    let shared_xml = format!(
        "{decl}<sst xmlns=\"{ns}\" count=\"{n}\" uniqueCount=\"{n}\">{strings}</sst>",
        n = shared.len()
    );
    let workbook = format!(
        "{decl}<workbook xmlns=\"{ns}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        xml_escape(sheet)
    );
    let workbook_rels = format!(
        "{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
    );
    let root_rels = format!(
        "{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let styles = format!(
        "{decl}<styleSheet xmlns=\"{ns}\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>\
         <fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
         <borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
         <cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
         <cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
         <xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
    );
    let types = format!(
        "{decl}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
         <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"
    );
    zip(&[
        ("[Content_Types].xml", types.as_bytes(), deflate),
        ("_rels/.rels", root_rels.as_bytes(), deflate),
        ("xl/workbook.xml", workbook.as_bytes(), deflate),
        (
            "xl/_rels/workbook.xml.rels",
            workbook_rels.as_bytes(),
            deflate,
        ),
        ("xl/styles.xml", styles.as_bytes(), deflate),
        ("xl/worksheets/sheet1.xml", sheet_xml.as_bytes(), deflate),
        ("xl/sharedStrings.xml", shared_xml.as_bytes(), deflate),
    ])
}

/// The GRDF daily spreadsheet in PyGazpar's layout: a title, the PCE, the
/// header row 9 (shared strings), the days from row 10 in columns B to I
/// (dates as date cells, numbers, the type of reading as an inline
/// string); deflated.
pub fn gazpar_xlsx(pce: &str, days: &[GasDay]) -> Vec<u8> {
    let s = |t: &str| Some(XCell::Shared(t.to_owned()));
    let n = |d: Decimal| Some(XCell::Number(d.to_string()));
    let mut rows: Vec<Vec<Option<XCell>>> = vec![
        vec![None, s("Données de consommation GRDF")],
        vec![],
        vec![None, s("Relevés quotidiens")],
        vec![None, s("PCE"), s(pce)],
        vec![],
        vec![],
        vec![],
        vec![],
        [
            "Date",
            "Index de début (m³)",
            "Index de fin (m³)",
            "Volume consommé (m³)",
            "Energie consommée (kWh)",
            "Coefficient de conversion",
            "Température locale (°C)",
            "Type de relevé",
        ]
        .iter()
        .fold(vec![None], |mut r, h| {
            r.push(s(h));
            r
        }),
    ];
    for d in days {
        rows.push(vec![
            None,
            Some(XCell::Day(d.date)),
            n(Decimal::from(d.start_index)),
            n(Decimal::from(d.end_index)),
            n(d.volume_m3),
            n(d.energy_kwh),
            n(d.coefficient),
            d.temperature.and_then(n),
            Some(XCell::Inline("Mesuré".to_owned())),
        ]);
    }
    xlsx("Historique par jour", &rows, true)
}
