//! A small RFC 4180 reader and writer over text: quoted fields, doubled
//! quotes, line breaks inside quotes, CRLF, LF or CR line ends, a leading
//! byte-order mark, and a delimiter (`,`, `;` or tab) detected from the
//! header line.
//!
//! The reader does no I/O and keeps every field exactly as written (it does
//! not trim): cell values are interpreted by [`super::value`]. Each record
//! knows the physical line it starts on (from 1), so that errors can name it
//! even when a quoted field spans several lines.
//!
//! Source: RFC 4180, *Common Format and MIME Type for Comma-Separated Values
//! (CSV) Files* (2005), §2. As spreadsheets do, the reader also accepts a
//! line end of LF or CR alone, a last record without a line end, and a quote
//! inside an unquoted field (kept as a character).

use std::borrow::Cow;

use crate::error::{Error, Location, Result};
use crate::{msg, named_enum, noun};

named_enum! {
    /// The character that separates the fields of a record.
    pub enum Delimiter ("CSV delimiter") {
        /// `,` — the RFC 4180 delimiter, used by English spreadsheets.
        Comma = "comma",
        /// `;` — used by French spreadsheets, whose decimal mark is a comma.
        Semicolon = "semicolon",
        /// A tab character.
        Tab = "tab",
    }
}

impl Delimiter {
    /// The delimiter's character.
    pub const fn as_char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
        }
    }

    /// The delimiter's byte (ASCII).
    pub const fn as_byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The delimiter of a header line: the one of `,`, `;` and tab that
    /// occurs most often outside quotes in the first record; `,` when none
    /// occurs (a one-column table).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] at line 1 when two of them occur equally
    /// often: the header is ambiguous.
    pub fn detect(text: &str) -> Result<Delimiter> {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for c in text.strip_prefix('\u{feff}').unwrap_or(text).chars() {
            match c {
                '"' => quoted = !quoted,
                '\n' | '\r' if !quoted => break,
                ',' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let all = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];
        let best = counts.iter().copied().max().unwrap_or(0);
        if best == 0 {
            return Ok(Delimiter::Comma);
        }
        let winners: Vec<Delimiter> = all
            .iter()
            .zip(counts)
            .filter(|&(_, n)| n == best)
            .map(|(&d, _)| d)
            .collect();
        match winners.as_slice() {
            [one] => Ok(*one),
            _ => Err(Error::InvalidValue {
                what: noun!("CSV header"),
                got: crate::error::quoted(first_line(text)),
                why: msg!(
                    "the header separates its columns by both `,` and `;` (or tab) as often: \
                     use one delimiter"
                ),
                at: at_line(1),
            }),
        }
    }
}

/// A location at a line of a file not yet named.
pub(super) fn at_line(line: usize) -> Location {
    Location {
        line: Some(line),
        ..Location::NONE
    }
}

fn first_line(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let end = text.find(['\r', '\n']).unwrap_or(text.len());
    text.get(..end).unwrap_or(text)
}

/// One record (row) of a CSV text: its fields and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    /// The physical line of the text where the record starts (from 1).
    pub line: usize,
    /// The fields, unquoted, exactly as written otherwise: borrowed from
    /// the text, except a quoted field with a doubled quote inside (the
    /// one field that differs from its text). Large tables are read
    /// without one allocation per cell: in the page, reading the files is
    /// most of a challenge's time.
    pub fields: Vec<Cow<'a, str>>,
}

impl Record<'_> {
    /// Whether every field is empty or white space (a blank spreadsheet
    /// row, often exported as `;;;`).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| super::value::trim(f).is_empty())
    }
}

/// Reads every record of `text`, with the delimiter given. A byte-order
/// mark at the start is skipped; a line end after the last record is
/// optional; an empty line is a record with one empty field.
///
/// # Errors
/// [`Error::InvalidValue`] with the line (no file: the caller adds it) for
/// a quoted field that is not closed, or a closing quote followed by
/// something other than a delimiter or a line end.
///
/// # Example
/// ```
/// use ecodefi::table::csv::{read, Delimiter};
/// let text = "\u{feff}foyer;valeur\r\nF1;\"12,5\"\r\n\"F \"\"2\"\"\";\"a\nb\"\r\n";
/// let records = read(text, Delimiter::Semicolon)?;
/// assert_eq!(records[1].fields, ["F1", "12,5"]);
/// assert_eq!(records[2].fields, ["F \"2\"", "a\nb"]);
/// assert_eq!(records[2].line, 3);
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn read(text: &str, delimiter: Delimiter) -> Result<Vec<Record<'_>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The delimiter, quotes and line ends are ASCII, and no byte of a
    // multi-byte UTF-8 character is: scanning bytes and slicing the text at
    // them is exact.
    let bytes = text.as_bytes();
    let delim = delimiter.as_byte();
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
    let mut records = Vec::new();
    let mut i = 0;
    let mut line = 1usize;
    // Each iteration of the outer loop reads one record, of the inner loop
    // one field.
    while i < bytes.len() {
        let start_line = line;
        let mut fields = Vec::new();
        loop {
            if bytes.get(i) == Some(&b'"') {
                let (field, end) = quoted(text, i, delim, &mut line)?;
                i = end;
                fields.push(field);
            } else {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|&b| b != delim && b != b'\r' && b != b'\n')
                {
                    i += 1;
                }
                fields.push(Cow::Borrowed(slice(start, i)));
            }
            // The field ends at a delimiter (another field follows), a line
            // end or the end of the text (the record ends).
            match bytes.get(i) {
                Some(&b) if b == delim => i += 1,
                Some(b'\r') => {
                    i += if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    line += 1;
                    break;
                }
                Some(b'\n') => {
                    i += 1;
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        records.push(Record {
            line: start_line,
            fields,
        });
    }
    Ok(records)
}

/// The quoted field that starts at byte `start` (its opening quote), and
/// the byte after its closing quote; counts the line ends inside. The
/// field is borrowed from the text unless it has a doubled quote.
fn quoted<'a>(
    text: &'a str,
    start: usize,
    delim: u8,
    line: &mut usize,
) -> Result<(Cow<'a, str>, usize)> {
    let bytes = text.as_bytes();
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
    // The field's text so far: borrowed until a doubled quote.
    let add = |field: &mut Cow<'a, str>, piece: &'a str| {
        if field.is_empty() {
            *field = Cow::Borrowed(piece);
        } else {
            field.to_mut().push_str(piece);
        }
    };
    let quote_line = *line;
    let mut field = Cow::Borrowed("");
    let mut j = start + 1;
    let mut from = j;
    loop {
        match bytes.get(j) {
            None => {
                add(&mut field, slice(from, j));
                return Err(Error::InvalidValue {
                    what: noun!("CSV field"),
                    got: crate::error::quoted(&truncate(&field)),
                    why: msg!("a quoted field is not closed: a `\"` is missing"),
                    at: at_line(quote_line),
                });
            }
            Some(b'"') => {
                add(&mut field, slice(from, j));
                if bytes.get(j + 1) == Some(&b'"') {
                    field.to_mut().push('"');
                    j += 2;
                    from = j;
                } else {
                    j += 1;
                    break;
                }
            }
            Some(b'\n') => {
                *line += 1;
                j += 1;
            }
            Some(b'\r') => {
                if bytes.get(j + 1) != Some(&b'\n') {
                    *line += 1;
                }
                j += 1;
            }
            Some(_) => j += 1,
        }
    }
    // After the closing quote: a delimiter, a line end or the end.
    match bytes.get(j) {
        None | Some(b'\r' | b'\n') => Ok((field, j)),
        Some(&b) if b == delim => Ok((field, j)),
        Some(_) => {
            let next = slice(j, bytes.len()).chars().next().unwrap_or(' ');
            Err(Error::InvalidValue {
                what: noun!("CSV field"),
                got: crate::error::quoted(&truncate(&format!("\"{field}\"{next}"))),
                why: msg!(
                    "a closing quote is followed by a delimiter or a line end \
                     (write a quote inside a quoted field as `\"\"`)"
                ),
                at: at_line(*line),
            })
        }
    }
}

/// At most 40 characters of a field, for an error message.
fn truncate(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Writes records as CSV text with `delimiter` and CRLF line ends (RFC
/// 4180), quoting a field only when it must be: when it holds the
/// delimiter, a quote, a line break, or starts with a byte-order mark, or
/// when it is the only field of its record and empty.
/// [`read`] gives the same records back.
pub fn write<'a, R, F>(records: R, delimiter: Delimiter) -> String
where
    R: IntoIterator<Item = F>,
    F: IntoIterator<Item = &'a str>,
{
    let mut out = String::new();
    for record in records {
        write_record(&mut out, record, delimiter);
    }
    out
}

/// Appends one record to `out`, as [`write()`] does.
pub fn write_record<'a>(
    out: &mut String,
    fields: impl IntoIterator<Item = &'a str>,
    delimiter: Delimiter,
) {
    let delim = delimiter.as_char();
    let mut n = 0;
    let mut last_empty = false;
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(delim);
        }
        let must_quote = field.starts_with('\u{feff}')
            || field
                .chars()
                .any(|c| c == delim || c == '"' || c == '\r' || c == '\n');
        if must_quote {
            out.push('"');
            for c in field.chars() {
                if c == '"' {
                    out.push('"');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(field);
        }
        n = i + 1;
        last_empty = field.is_empty();
    }
    if n == 1 && last_empty {
        out.push_str("\"\"");
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(text: &str, d: Delimiter) -> Vec<Vec<String>> {
        read(text, d).unwrap().into_iter().map(owned).collect()
    }

    fn owned(r: Record<'_>) -> Vec<String> {
        r.fields.into_iter().map(Cow::into_owned).collect()
    }

    #[test]
    fn detects_the_delimiter_from_the_header() {
        assert_eq!(
            Delimiter::detect("a;b;c\n1,5;2;3").unwrap(),
            Delimiter::Semicolon
        );
        assert_eq!(Delimiter::detect("a,b\n1;2").unwrap(), Delimiter::Comma);
        assert_eq!(Delimiter::detect("a\tb").unwrap(), Delimiter::Tab);
        assert_eq!(
            Delimiter::detect("\u{feff}\"x;y\",b").unwrap(),
            Delimiter::Comma
        );
        assert_eq!(Delimiter::detect("alone\n").unwrap(), Delimiter::Comma);
        let e = Delimiter::detect("a,b;c\n").unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(e.location().and_then(|l| l.line), Some(1));
    }

    #[test]
    fn reads_quotes_line_ends_and_bom() {
        let text = "\u{feff}a;b\r\n\"x;1\";\"say \"\"hi\"\"\"\r\n\"multi\r\nline\";2\n3;\r4;5";
        let r = read(text, Delimiter::Semicolon).unwrap();
        assert_eq!(r.len(), 5);
        assert_eq!(r[0].fields, ["a", "b"]);
        assert_eq!(r[1].fields, ["x;1", "say \"hi\""]);
        // Borrowed from the text, but for the field with doubled quotes.
        assert!(matches!(r[1].fields[0], Cow::Borrowed("x;1")));
        assert!(matches!(r[1].fields[1], Cow::Owned(_)));
        assert_eq!(
            (r[2].line, owned(r[2].clone())),
            (3, vec!["multi\r\nline".to_owned(), "2".to_owned()])
        );
        assert_eq!(
            (r[3].line, owned(r[3].clone())),
            (5, vec!["3".to_owned(), String::new()])
        );
        assert_eq!(
            (r[4].line, owned(r[4].clone())),
            (6, vec!["4".to_owned(), "5".to_owned()])
        );
    }

    #[test]
    fn keeps_empty_fields_and_lines() {
        assert_eq!(
            fields("a,,b\n\n,\n", Delimiter::Comma),
            vec![vec!["a", "", "b"], vec![""], vec!["", ""],]
        );
        assert!(fields("", Delimiter::Comma).is_empty());
        // A quote inside an unquoted field is a character.
        assert_eq!(
            fields("12\"5,a", Delimiter::Comma),
            vec![vec!["12\"5", "a"]]
        );
    }

    #[test]
    fn refuses_broken_quotes() {
        let e = read("a,b\n1,\"open\n2,3\n", Delimiter::Comma).unwrap_err();
        assert_eq!(e.location().and_then(|l| l.line), Some(2));
        assert!(e.to_string().contains("not closed"), "{e}");
        let e = read("a,b\n\"x\"y,2\n", Delimiter::Comma).unwrap_err();
        assert_eq!(e.location().and_then(|l| l.line), Some(2));
    }

    #[test]
    fn writes_minimal_quotes() {
        let out = write(
            [vec!["a", "b;c", "d\"e"], vec![""], vec!["x", ""]],
            Delimiter::Semicolon,
        );
        assert_eq!(out, "a;\"b;c\";\"d\"\"e\"\r\n\"\"\r\nx;\r\n");
    }

    fn field() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just(",".to_owned()),
                Just(";".to_owned()),
                Just("\"".to_owned()),
                Just("\r\n".to_owned()),
                Just("\n".to_owned()),
                Just("\r".to_owned()),
                Just("\u{feff}".to_owned()),
                Just(" ".to_owned()),
                "[a-zé0-9]{1,3}",
                any::<char>().prop_map(|c| c.to_string()),
            ],
            0..5,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        /// Writing records and reading them back gives the same records.
        #[test]
        fn write_then_read_round_trips(
            rows in prop::collection::vec(prop::collection::vec(field(), 1..5), 0..6),
            d in prop_oneof![Just(Delimiter::Comma), Just(Delimiter::Semicolon), Just(Delimiter::Tab)],
        ) {
            let text = write(rows.iter().map(|r| r.iter().map(String::as_str)), d);
            let back: Vec<Vec<String>> = read(&text, d).unwrap().into_iter().map(owned).collect();
            prop_assert_eq!(back, rows);
        }

        /// Any text gives records or a typed error, never a panic.
        #[test]
        fn never_panics(text in "\\PC*|[,;\"\r\n\t a]*") {
            for d in [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab] {
                let _ = read(&text, d);
            }
            let _ = Delimiter::detect(&text);
        }
    }
}
