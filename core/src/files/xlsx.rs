//! The first worksheet of an Office Open XML spreadsheet (.xlsx), as rows of
//! cells: just enough of ZIP and of SpreadsheetML to read the tables GRDF's
//! customer portal gives, with no new dependency.
//!
//! - ZIP (PKWARE *APPNOTE.TXT*, §4.3): the end of central directory record
//!   (signature `PK\5\6`) gives the central directory, whose headers
//!   (`PK\1\2`) give each entry's method, sizes, CRC-32 and local header
//!   (`PK\3\4`) offset. Entries are stored (method 0) or deflated (method 8,
//!   inflated by `miniz_oxide`); the CRC-32 is checked.
//! - SpreadsheetML (ECMA-376 part 1, §18): `xl/workbook.xml` lists the
//!   sheets, its first `<sheet r:id=…>` is resolved by
//!   `xl/_rels/workbook.xml.rels` (else the conventional
//!   `xl/worksheets/sheet1.xml`); `xl/sharedStrings.xml` holds the `<si>`
//!   strings that cells of type `s` point to; a cell `<c r="B10" t=…>` holds
//!   `<v>` (a number, a shared-string index, `b` a boolean, `str` a formula's
//!   text, `e` an error) or `<is><t>` (`inlineStr`). Entities `&amp;`,
//!   `&lt;`, `&gt;`, `&quot;`, `&apos;` and `&#…;` are decoded.
//!
//! Dates are numbers in spreadsheets (their format is a style, not read
//! here): [`excel_date`] turns a serial number of the 1900 date system into
//! a [`Date`].

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::date::{date, day_number, Date};
use crate::error::{quoted, Error, Location, Result};
use crate::message::Message;
use crate::{msg, noun};

/// The largest entry inflated (64 MiB): a GRDF export is a few hundred KB.
pub const MAX_ENTRY_BYTES: usize = 64 << 20;

/// The last row a worksheet may have (Excel's limit, 2^20).
pub const MAX_ROWS: usize = 1 << 20;

/// One cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// No value.
    Empty,
    /// Text (shared, inline or a formula's string).
    Text(String),
    /// A number (dates are numbers: see [`excel_date`]).
    Number(Decimal),
    /// A boolean.
    Bool(bool),
    /// An error value such as `#N/A`.
    Error(String),
}

impl Cell {
    /// The cell as text: a number written as a decimal, empty for none.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Error(t) => t.clone(),
            Cell::Number(n) => n.normalize().to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }
}

/// Whether `bytes` start with a ZIP local file header (`PK\3\4`), as every
/// .xlsx does.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The day of a serial number of Excel's 1900 date system: 1 is
/// 1900-01-01. Excel (after Lotus 1-2-3) counts a 29 February 1900 that
/// never was (serial 60), so serials from 61 on are days since 1899-12-30
/// and serials 1 to 59 days since 1899-12-31; 60 and anything below 1 are
/// refused. A time of day (the fraction) is dropped.
///
/// # Errors
/// [`Error::InvalidValue`] for serial 60, a serial below 1 or beyond year
/// 9999.
pub fn excel_date(serial: Decimal) -> Result<Date> {
    let refuse = |why: Message| Error::invalid(noun!("spreadsheet date"), serial, why);
    let whole = serial.trunc();
    let days: i32 = i32::try_from(whole.mantissa() / 10_i128.pow(whole.scale()))
        .map_err(|_| refuse(msg!("out of range")))?;
    let base = match days {
        60 => {
            return Err(refuse(msg!(
                "29 February 1900 does not exist (Excel's 1900 leap-year bug)"
            )))
        }
        i32::MIN..=0 => {
            return Err(refuse(msg!(
                "the 1900 date system starts at 1 (1900-01-01)"
            )))
        }
        1..=59 => date(1899, 12, 31),
        _ => date(1899, 12, 30),
    };
    Date::from_day_number(
        day_number(base)
            .checked_add(days)
            .ok_or_else(|| refuse(msg!("out of range")))?,
    )
}

/// The entries of a ZIP archive: name → (method, compressed bytes, size,
/// CRC-32).
struct Archive<'a> {
    name: &'a str,
    entries: HashMap<String, (u16, &'a [u8], usize, u32)>,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

fn usize_at(b: &[u8], i: usize) -> Option<usize> {
    usize::try_from(u32_at(b, i)?).ok()
}

impl<'a> Archive<'a> {
    fn broken(name: &str, why: Message) -> Error {
        Error::InvalidValue {
            what: noun!("xlsx (ZIP) structure"),
            got: quoted(name),
            why,
            at: Location::in_file(name),
        }
    }

    fn open(name: &'a str, bytes: &'a [u8]) -> Result<Self> {
        let broken = |why: Message| Self::broken(name, why);
        // The end of central directory record is 22 bytes plus a comment of
        // at most 65 535 bytes, at the end of the archive.
        let lowest = bytes.len().saturating_sub(22 + 0xffff);
        let eocd = (lowest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))
            .ok_or_else(|| {
                broken(msg!(
                    "no end of central directory: the file is cut short or not a ZIP archive"
                ))
            })?;
        let count =
            usize::from(u16_at(bytes, eocd + 10).ok_or_else(|| broken(msg!("short end record")))?);
        let mut at = usize_at(bytes, eocd + 16).ok_or_else(|| broken(msg!("short end record")))?;
        let mut entries = HashMap::new();
        for _ in 0..count {
            let header = || broken(msg!("a central directory header is cut short or misplaced"));
            if bytes.get(at..at.saturating_add(4)) != Some(b"PK\x01\x02") {
                return Err(header());
            }
            let flags = u16_at(bytes, at + 8).ok_or_else(header)?;
            let method = u16_at(bytes, at + 10).ok_or_else(header)?;
            let crc = u32_at(bytes, at + 16).ok_or_else(header)?;
            let compressed = usize_at(bytes, at + 20).ok_or_else(header)?;
            let size = usize_at(bytes, at + 24).ok_or_else(header)?;
            let name_len = usize::from(u16_at(bytes, at + 28).ok_or_else(header)?);
            let extra = usize::from(u16_at(bytes, at + 30).ok_or_else(header)?);
            let comment = usize::from(u16_at(bytes, at + 32).ok_or_else(header)?);
            let local = usize_at(bytes, at + 42).ok_or_else(header)?;
            let entry_name = bytes
                .get(at.saturating_add(46)..at.saturating_add(46 + name_len))
                .ok_or_else(header)?;
            let entry_name = String::from_utf8_lossy(entry_name).into_owned();
            if flags & 1 == 1 {
                return Err(broken(msg!("an entry is encrypted")));
            }
            if bytes.get(local..local.saturating_add(4)) != Some(b"PK\x03\x04") {
                return Err(broken(msg!("a local header is misplaced")));
            }
            let local_name = usize::from(u16_at(bytes, local + 26).ok_or_else(header)?);
            let local_extra = usize::from(u16_at(bytes, local + 28).ok_or_else(header)?);
            let start = local + 30 + local_name + local_extra;
            let data = bytes
                .get(start..start.saturating_add(compressed))
                .ok_or_else(|| broken(msg!("an entry runs past the end of the file")))?;
            entries.insert(entry_name, (method, data, size, crc));
            at = at.saturating_add(46 + name_len + extra + comment);
        }
        Ok(Archive { name, entries })
    }

    /// An entry's bytes, or `None` when the archive has no such entry.
    fn get(&self, entry: &str) -> Result<Option<Vec<u8>>> {
        let Some(&(method, data, size, crc)) = self.entries.get(entry) else {
            return Ok(None);
        };
        let broken = |why: Message| {
            Self::broken(self.name, msg!("{entry}: {why}", entry = entry, why = why))
        };
        if size > MAX_ENTRY_BYTES {
            return Err(broken(msg!(
                "{size} bytes, more than the {max} read",
                size = size,
                max = MAX_ENTRY_BYTES
            )));
        }
        let bytes = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_ENTRY_BYTES)
                .map_err(|e| {
                    broken(msg!(
                        "cannot be inflated ({status})",
                        status = format!("{:?}", e.status)
                    ))
                })?,
            m => {
                return Err(broken(msg!(
                    "compression method {m} (only stored and deflated are read)",
                    m = m
                )))
            }
        };
        if bytes.len() != size || super::gzip::crc32(&bytes) != crc {
            return Err(broken(msg!(
                "its size or CRC-32 does not match (the file is damaged)"
            )));
        }
        Ok(Some(bytes))
    }

    fn text(&self, entry: &str) -> Result<Option<String>> {
        Ok(self
            .get(entry)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }
}

/// One XML event.
#[derive(Debug, PartialEq, Eq)]
enum Event<'a> {
    /// `<name attrs>` (or self-closing `<name attrs/>`, which also yields an
    /// `End`).
    Start(&'a str, &'a str),
    End(&'a str),
    Text(&'a str),
}

/// A minimal XML pull reader: elements, attributes and text; comments,
/// processing instructions and declarations skipped; CDATA as text.
struct Xml<'a> {
    rest: &'a str,
    pending_end: Option<&'a str>,
}

/// The local name of `prefix:name`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Xml<'a> {
    fn new(text: &'a str) -> Self {
        Xml {
            rest: text,
            pending_end: None,
        }
    }
}

impl<'a> Iterator for Xml<'a> {
    type Item = Event<'a>;
    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(name) = self.pending_end.take() {
            return Some(Event::End(name));
        }
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if !self.rest.starts_with('<') {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                let (text, rest) = self.rest.split_at(end);
                self.rest = rest;
                return Some(Event::Text(text));
            }
            if let Some(r) = self.rest.strip_prefix("<![CDATA[") {
                let end = r.find("]]>").unwrap_or(r.len());
                self.rest = r.get(end + 3..).unwrap_or("");
                return Some(Event::Text(&r[..end]));
            }
            let (close, skip) = if self.rest.starts_with("<!--") {
                ("-->", true)
            } else {
                (">", false)
            };
            let end = self.rest.find(close)?;
            let tag = &self.rest[1..end];
            self.rest = &self.rest[end + close.len()..];
            if skip || tag.starts_with('?') || tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Event::End(local(name.trim())));
            }
            let (tag, closed) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let split = tag
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(tag.len());
            let name = local(&tag[..split]);
            if closed {
                self.pending_end = Some(name);
            }
            return Some(Event::Start(name, &tag[split..]));
        }
    }
}

/// The value of attribute `key` (by local name) in `attrs`, decoded.
fn attribute(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let body = &after[1..];
        let end = body.find(quote)?;
        if local(name) == key {
            return Some(unescape(&body[..end]));
        }
        rest = &body[end + 1..];
    }
    None
}

/// Decodes the five predefined entities and character references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(std::result::Result::ok)
                .and_then(char::from_u32),
        };
        if let Some(c) = decoded {
            out.push(c);
            rest = &rest[semi + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The shared strings: each `<si>`'s `<t>` texts, phonetic runs (`<rPh>`)
/// left out.
fn shared_strings(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut current, mut in_t, mut in_phonetic) = (None::<String>, false, false);
    for event in Xml::new(xml) {
        match event {
            Event::Start("si", _) => current = Some(String::new()),
            Event::End("si") => out.extend(current.take()),
            Event::Start("rPh", _) => in_phonetic = true,
            Event::End("rPh") => in_phonetic = false,
            Event::Start("t", _) => in_t = true,
            Event::End("t") => in_t = false,
            Event::Text(t) if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&unescape(t));
                }
            }
            _ => {}
        }
    }
    out
}

/// The zero-based column of a cell reference such as `AB12`.
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n = 0_usize;
    for b in letters {
        n = n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    Some(n - 1)
}

/// A number as a spreadsheet writes it (`12`, `0.28`, `1.2E-3`).
pub(crate) fn parse_number(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        text.parse().ok()
    }
}

/// The path inside the archive of the workbook's first sheet.
fn first_sheet_path(archive: &Archive<'_>) -> Result<String> {
    let conventional = "xl/worksheets/sheet1.xml".to_owned();
    let (Some(workbook), Some(rels)) = (
        archive.text("xl/workbook.xml")?,
        archive.text("xl/_rels/workbook.xml.rels")?,
    ) else {
        return Ok(conventional);
    };
    let id = Xml::new(&workbook).find_map(|e| match e {
        Event::Start("sheet", attrs) => Some(attribute(attrs, "id")),
        _ => None,
    });
    let Some(Some(id)) = id else {
        return Ok(conventional);
    };
    let target = Xml::new(&rels).find_map(|e| match e {
        Event::Start("Relationship", attrs)
            if attribute(attrs, "Id").as_deref() == Some(id.as_str()) =>
        {
            attribute(attrs, "Target")
        }
        _ => None,
    });
    Ok(match target {
        Some(t) if t.starts_with('/') => t.trim_start_matches('/').to_owned(),
        Some(t) => format!("xl/{t}"),
        None => conventional,
    })
}

/// The first worksheet of the .xlsx `bytes` as rows of cells: row `i` of
/// the result is spreadsheet row `i + 1`, cell `j` column `j` (A = 0);
/// missing rows and cells are empty.
///
/// # Errors
/// [`Error::InvalidValue`] naming the file for a damaged or unsupported
/// archive (encrypted, another compression method, an entry beyond
/// [`MAX_ENTRY_BYTES`], a CRC mismatch), a workbook without its sheet, a
/// shared-string index out of range or a number that is not one.
pub fn first_sheet(name: &str, bytes: &[u8]) -> Result<Vec<Vec<Cell>>> {
    let archive = Archive::open(name, bytes)?;
    let path = first_sheet_path(&archive)?;
    let sheet = archive.text(&path)?.ok_or_else(|| {
        Archive::broken(
            name,
            msg!("the workbook has no sheet {path}", path = path.as_str()),
        )
    })?;
    let strings = archive
        .text("xl/sharedStrings.xml")?
        .map(|x| shared_strings(&x))
        .unwrap_or_default();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row = 0_usize;
    let mut col = 0_usize;
    let mut kind = String::new();
    let mut reference = String::new();
    let (mut text, mut in_value) = (None::<String>, false);
    let bad = |reference: &str, got: &str, why: Message| Error::InvalidValue {
        what: noun!("spreadsheet cell"),
        got: quoted(got),
        why,
        at: Location::in_file(name).with_path(reference.to_owned()),
    };
    for event in Xml::new(&sheet) {
        match event {
            Event::Start("row", attrs) => {
                row = attribute(attrs, "r")
                    .and_then(|r| r.parse::<usize>().ok())
                    .map_or(row + 1, |r| r.max(1));
                if row > MAX_ROWS {
                    return Err(bad(
                        &format!("row {row}"),
                        &row.to_string(),
                        msg!("beyond the 1 048 576 rows of a worksheet"),
                    ));
                }
                col = 0;
            }
            Event::Start("c", attrs) => {
                reference = attribute(attrs, "r").unwrap_or_default();
                col = column_of(&reference).unwrap_or(col);
                kind = attribute(attrs, "t").unwrap_or_default();
                text = None;
            }
            Event::Start("v" | "t", _) => in_value = true,
            Event::End("v" | "t") => in_value = false,
            Event::Text(t) if in_value => {
                text.get_or_insert_with(String::new).push_str(&unescape(t));
            }
            Event::End("c") => {
                let cell = match (kind.as_str(), text.take()) {
                    (_, None) => Cell::Empty,
                    ("s", Some(v)) => {
                        let i: usize = v
                            .trim()
                            .parse()
                            .map_err(|_| bad(&reference, &v, msg!("a shared-string index")))?;
                        Cell::Text(
                            strings.get(i).cloned().ok_or_else(|| {
                                bad(&reference, &v, msg!("no such shared string"))
                            })?,
                        )
                    }
                    ("inlineStr" | "str", Some(v)) => Cell::Text(v),
                    ("b", Some(v)) => Cell::Bool(v.trim() == "1"),
                    ("e", Some(v)) => Cell::Error(v),
                    (_, Some(v)) => Cell::Number(
                        parse_number(&v).ok_or_else(|| bad(&reference, &v, msg!("a number")))?,
                    ),
                };
                if cell != Cell::Empty && row > 0 {
                    if rows.len() < row {
                        rows.resize(row, Vec::new());
                    }
                    let r = &mut rows[row - 1];
                    if r.len() <= col {
                        r.resize(col + 1, Cell::Empty);
                    }
                    r[col] = cell;
                }
                col += 1;
            }
            _ => {}
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests;
