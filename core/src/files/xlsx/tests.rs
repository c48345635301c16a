//! The xlsx reader on workbooks built here (stored and deflated entries,
//! shared and inline strings, entities) and on damaged archives.

use rust_decimal::{dec, Decimal};

use crate::noun;

use super::{excel_date, first_sheet, Cell};
use crate::date::{date, date_of, day_number, Date};
use crate::error::Error;

use crate::files::enedis::tests::meters;

use meters::XCell;

fn workbook(deflate: bool) -> Vec<u8> {
    let rows = vec![
        vec![
            Some(XCell::Shared("Tom & Jerry <1>".into())),
            None,
            Some(XCell::Inline("inline \"text\"".into())),
        ],
        vec![],
        vec![
            None,
            Some(XCell::Number("1.2E-3".into())),
            Some(XCell::Day(date(2025, 1, 1))),
            Some(XCell::Shared("Tom & Jerry <1>".into())),
        ],
    ];
    meters::xlsx("Feuille 1", &rows, deflate)
}

#[test]
fn reads_shared_and_inline_strings_numbers_and_dates_stored_or_deflated() {
    for deflate in [false, true] {
        let rows = first_sheet("t.xlsx", &workbook(deflate)).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            vec![
                Cell::Text("Tom & Jerry <1>".into()),
                Cell::Empty,
                Cell::Text("inline \"text\"".into())
            ]
        );
        assert!(rows[1].is_empty());
        // 1.2E-3 = 0.0012 exactly; 2025-01-01 is serial 45658 (2024-01-01
        // is 45292, + 366 days of 2024).
        assert_eq!(rows[2][1], Cell::Number(dec!(0.0012)));
        assert_eq!(rows[2][2], Cell::Number(Decimal::from(45658)));
        assert_eq!(rows[2][3], Cell::Text("Tom & Jerry <1>".into()));
    }
}

#[test]
fn the_first_sheet_is_found_through_the_workbook_relationships() {
    let sheet = "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><r><t>a&#233;</t></r><r><t xml:space=\"preserve\"> b</t></r></is></c></row></sheetData></worksheet>";
    let workbook = "<workbook xmlns:r=\"x\"><sheets><sheet name=\"S\" sheetId=\"3\" r:id=\"rId7\"/></sheets></workbook>";
    let rels = "<Relationships><Relationship Id=\"rId7\" Target=\"/xl/worksheets/other.xml\"/></Relationships>";
    let bytes = meters::zip(&[
        ("xl/workbook.xml", workbook.as_bytes(), true),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes(), false),
        ("xl/worksheets/other.xml", sheet.as_bytes(), true),
    ]);
    let rows = first_sheet("t.xlsx", &bytes).unwrap();
    assert_eq!(
        rows,
        vec![vec![], vec![Cell::Empty, Cell::Text("aé b".into())]]
    );
}

#[test]
fn damaged_archives_are_refused_with_the_file_named() {
    let good = workbook(true);
    // Not a ZIP at all.
    let err = first_sheet("x.xlsx", b"PK\x03\x04 not really").unwrap_err();
    assert!(
        matches!(
            &err,
            Error::InvalidValue {
                what: noun!("xlsx (ZIP) structure"),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("x.xlsx"));
    // A flipped byte inside the stored sheet: the CRC-32 no longer matches.
    let mut stored = workbook(false);
    let at = stored.windows(9).position(|w| w == b"sheetData").unwrap();
    stored[at] = b'S';
    let err = first_sheet("x.xlsx", &stored).unwrap_err();
    assert!(err.to_string().contains("CRC-32"), "{err}");
    // Cut short: no end of central directory.
    assert!(first_sheet("x.xlsx", &good[..good.len() / 2]).is_err());
    // No sheet.
    let empty = meters::zip(&[("xl/workbook.xml", b"<workbook/>", false)]);
    assert!(first_sheet("x.xlsx", &empty)
        .unwrap_err()
        .to_string()
        .contains("sheet1.xml"));
    // A shared-string index out of range.
    let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row></sheetData></worksheet>";
    let bytes = meters::zip(&[("xl/worksheets/sheet1.xml", sheet.as_bytes(), false)]);
    assert!(first_sheet("x.xlsx", &bytes)
        .unwrap_err()
        .to_string()
        .contains("A1"));
}

#[test]
fn excel_serials_follow_the_1900_system_and_its_leap_year_bug() {
    // 1 = 1900-01-01, 59 = 1900-02-28, 60 = the fictitious 1900-02-29,
    // 61 = 1900-03-01; 45658.75 = 2025-01-01 at 18:00.
    assert_eq!(excel_date(dec!(1)).unwrap(), date(1900, 1, 1));
    assert_eq!(excel_date(dec!(59)).unwrap(), date(1900, 2, 28));
    assert!(excel_date(dec!(60)).is_err());
    assert_eq!(excel_date(dec!(61)).unwrap(), date(1900, 3, 1));
    assert_eq!(excel_date(dec!(45658.75)).unwrap(), date(2025, 1, 1));
    assert!(excel_date(dec!(0)).is_err());
    assert!(excel_date(dec!(-3)).is_err());
    // Independently: the generator's serial of any day from 1900-03-01 on
    // reads back as that day.
    for d in (day_number(date(1900, 3, 1))..day_number(date(2100, 1, 1))).step_by(997) {
        let day: Date = date_of(d).unwrap();
        assert_eq!(
            excel_date(Decimal::from(meters::excel_serial(day))).unwrap(),
            day
        );
    }
}

#[test]
fn the_crc32_matches_the_standard_check_value() {
    // CRC-32/ISO-HDLC of "123456789" is 0xCBF43926.
    assert_eq!(crate::files::gzip::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(meters::crc32(b"123456789"), 0xCBF4_3926);
}

proptest::proptest! {
    // Any sheet and shared-strings text (valid archive, so the CRC lets it
    // through): cells or an error, never a panic.
    #[test]
    fn any_sheet_xml_reads_or_fails_without_panic(
        sheet in "(<row r=\"[0-9]{0,8}\">|<c r=\"[A-Z]{0,4}[0-9]{0,3}\"( t=\"(s|inlineStr|b|e|str|n)\")?>|<v>|</v>|<is><t>|</t></is>|</c>|</row>|&#?[a-z0-9]{0,5};?|[<>/=\"' a-zé0-9.E-]){0,40}",
        strings in "(<si>|<t>|</t>|</si>|<rPh>|</rPh>|&[a-z#0-9]{0,5};?|[a-zé &<>\"=])*",
    ) {
        let bytes = meters::zip(&[
            ("xl/worksheets/sheet1.xml", sheet.as_bytes(), false),
            ("xl/sharedStrings.xml", strings.as_bytes(), true),
        ]);
        let _ = first_sheet("fuzz.xlsx", &bytes);
    }
}
