//! Structure-aware mutations: edits of a JSON document or of CSV tables that
//! keep their shape and put in what breaks programs of this kind: decimals
//! at the ends of their range (79228162514264337593543950335, 1e-28), dates
//! at the ends of the calendar, duplicated and swapped records, empty
//! tables, huge counts.
//!
//! libFuzzer mutates bytes; [`arbitrary`] reads those bytes as a list of
//! edits, so that most executions reach the computation instead of failing
//! in the JSON or CSV parser.

use arbitrary::Arbitrary;
use serde_json::Value;

/// The most copies [`JsonEdit::Repeat`] and [`LineEdit::Repeat`] make: enough
/// for a quadratic rule to show (the catalogue's blow-up took 1 000), few
/// enough for an execution to stay fast when the code is linear.
pub const MAX_REPEAT: usize = 2_000;

/// A value that breaks programs of this kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub enum Extreme {
    /// The largest decimal, 2⁹⁶ − 1.
    Max,
    /// The smallest decimal, −(2⁹⁶ − 1).
    Min,
    /// The smallest positive decimal, 10⁻²⁸.
    Tiny,
    /// 10⁻²⁸ in exponent notation.
    TinyExponent,
    /// Zero.
    Zero,
    /// −1.
    MinusOne,
    /// The first day of the calendar the crate uses (jiff: −9999-01-01).
    FirstDay,
    /// The last day, 9999-12-31.
    LastDay,
    /// A leap day.
    LeapDay,
    /// 29 February of a common year.
    NotADay,
    /// The largest `u32`, as a number.
    HugeCount,
    /// The largest `u64`, as a number.
    HugerCount,
    /// A float beyond every decimal.
    HugeFloat,
    /// An empty string.
    Empty,
    /// `null`.
    Null,
}

impl Extreme {
    /// The value in a JSON document.
    pub fn json(self) -> Value {
        match self {
            Extreme::Max => Value::from("79228162514264337593543950335"),
            Extreme::Min => Value::from("-79228162514264337593543950335"),
            Extreme::Tiny => Value::from("0.0000000000000000000000000001"),
            Extreme::TinyExponent => Value::from("1e-28"),
            Extreme::Zero => Value::from("0"),
            Extreme::MinusOne => Value::from("-1"),
            Extreme::FirstDay => Value::from("-009999-01-01"),
            Extreme::LastDay => Value::from("9999-12-31"),
            Extreme::LeapDay => Value::from("2024-02-29"),
            Extreme::NotADay => Value::from("2023-02-29"),
            Extreme::HugeCount => Value::from(u32::MAX),
            Extreme::HugerCount => Value::from(u64::MAX),
            Extreme::HugeFloat => Value::from(1e300),
            Extreme::Empty => Value::from(""),
            Extreme::Null => Value::Null,
        }
    }

    /// The value in a French spreadsheet's cell (decimal comma,
    /// dd/mm/yyyy).
    pub fn cell(self) -> &'static str {
        match self {
            Extreme::Max => "79228162514264337593543950335",
            Extreme::Min => "-79228162514264337593543950335",
            Extreme::Tiny => "0,0000000000000000000000000001",
            Extreme::TinyExponent => "1e-28",
            Extreme::Zero => "0",
            Extreme::MinusOne => "-1",
            Extreme::FirstDay => "01/01/0001",
            Extreme::LastDay => "31/12/9999",
            Extreme::LeapDay => "29/02/2024",
            Extreme::NotADay => "29/02/2023",
            Extreme::HugeCount => "4294967295",
            Extreme::HugerCount => "18446744073709551615",
            Extreme::HugeFloat => "1e300",
            Extreme::Empty => "",
            Extreme::Null => "\"\"",
        }
    }
}

/// One edit of a JSON document. `at` picks a place by its rank among the
/// places the edit applies to (modulo their number), in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub enum JsonEdit {
    /// Replaces a leaf (string, number, boolean, null) by an extreme value.
    Extreme {
        /// Which leaf.
        at: u16,
        /// The value.
        value: Extreme,
    },
    /// Multiplies a decimal leaf by 10^`power` (`power` modulo 29): a
    /// quantity far beyond any real one but still a decimal.
    Scale {
        /// Which leaf.
        at: u16,
        /// The power of ten.
        power: u8,
    },
    /// Duplicates an element of an array (a household, a reading, a
    /// record…) just after itself.
    Duplicate {
        /// Which array.
        at: u16,
        /// Which element.
        element: u16,
    },
    /// Swaps two elements of an array.
    Swap {
        /// Which array.
        at: u16,
        /// The elements.
        a: u16,
        /// The elements.
        b: u16,
    },
    /// Empties an array.
    Empty {
        /// Which array.
        at: u16,
    },
    /// Removes a member of an object.
    Remove {
        /// Which member (among every object's members).
        at: u16,
    },
    /// Repeats an element of an array up to [`MAX_REPEAT`] times.
    Repeat {
        /// Which array.
        at: u16,
        /// Which element.
        element: u16,
        /// How many copies (modulo [`MAX_REPEAT`], plus one).
        times: u16,
    },
}

/// The JSON pointers of the places of `value`, in document order: leaves,
/// arrays, and object members.
#[derive(Debug, Default)]
struct Places {
    leaves: Vec<String>,
    arrays: Vec<String>,
    members: Vec<String>,
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn places(value: &Value, pointer: &str, out: &mut Places) {
    match value {
        Value::Array(items) => {
            out.arrays.push(pointer.to_owned());
            for (i, v) in items.iter().enumerate() {
                places(v, &format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{pointer}/{}", escape(k));
                out.members.push(p.clone());
                places(v, &p, out);
            }
        }
        _ => out.leaves.push(pointer.to_owned()),
    }
}

fn pick(list: &[String], at: u16) -> Option<&str> {
    if list.is_empty() {
        None
    } else {
        list.get(usize::from(at) % list.len()).map(String::as_str)
    }
}

fn index(len: usize, i: u16) -> Option<usize> {
    (len > 0).then(|| usize::from(i) % len)
}

/// Multiplies a decimal string by 10^power, saturating at the decimal
/// range's ends (the saturated value is itself a valid extreme).
fn scaled(value: &Value, power: u8) -> Option<Value> {
    use rust_decimal::Decimal;
    use std::str::FromStr;
    let d = Decimal::from_str(value.as_str()?).ok()?;
    let factor = Decimal::from_i128_with_scale(10i128.pow(u32::from(power % 29)), 0);
    Some(Value::from(d.saturating_mul(factor).to_string()))
}

impl JsonEdit {
    /// Applies the edit to `doc` (nothing when there is no place of its
    /// kind).
    pub fn apply(self, doc: &mut Value) {
        let mut found = Places::default();
        places(doc, "", &mut found);
        match self {
            JsonEdit::Extreme { at, value } => {
                if let Some(v) = pick(&found.leaves, at).and_then(|p| doc.pointer_mut(p)) {
                    *v = value.json();
                }
            }
            JsonEdit::Scale { at, power } => {
                if let Some(v) = pick(&found.leaves, at).and_then(|p| doc.pointer_mut(p)) {
                    if let Some(s) = scaled(v, power) {
                        *v = s;
                    }
                }
            }
            JsonEdit::Duplicate { at, element } => {
                if let Some(items) = array(doc, &found, at) {
                    if let Some(i) = index(items.len(), element) {
                        let copy = items[i].clone();
                        items.insert(i + 1, copy);
                    }
                }
            }
            JsonEdit::Swap { at, a, b } => {
                if let Some(items) = array(doc, &found, at) {
                    if let (Some(a), Some(b)) = (index(items.len(), a), index(items.len(), b)) {
                        items.swap(a, b);
                    }
                }
            }
            JsonEdit::Empty { at } => {
                if let Some(items) = array(doc, &found, at) {
                    items.clear();
                }
            }
            JsonEdit::Remove { at } => {
                if let Some(p) = pick(&found.members, at) {
                    if let Some((parent, key)) = p.rsplit_once('/') {
                        let key = key.replace("~1", "/").replace("~0", "~");
                        if let Some(Value::Object(map)) = doc.pointer_mut(parent) {
                            map.remove(&key);
                        }
                    }
                }
            }
            JsonEdit::Repeat { at, element, times } => {
                if let Some(items) = array(doc, &found, at) {
                    if let Some(i) = index(items.len(), element) {
                        let copy = items[i].clone();
                        let n = usize::from(times) % MAX_REPEAT + 1;
                        items.splice(i..i, std::iter::repeat_n(copy, n));
                    }
                }
            }
        }
    }
}

fn array<'a>(doc: &'a mut Value, found: &Places, at: u16) -> Option<&'a mut Vec<Value>> {
    pick(&found.arrays, at)
        .and_then(|p| doc.pointer_mut(p))
        .and_then(Value::as_array_mut)
}

/// One edit of a set of CSV files. `file`, `line` and `column` pick by rank
/// (modulo their number); line 0 is the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub enum LineEdit {
    /// Duplicates a line just after itself.
    Duplicate {
        /// Which file.
        file: u8,
        /// Which line.
        line: u16,
    },
    /// Swaps two lines (the header among them).
    Swap {
        /// Which file.
        file: u8,
        /// One line.
        a: u16,
        /// The other.
        b: u16,
    },
    /// Deletes a line.
    Delete {
        /// Which file.
        file: u8,
        /// Which line.
        line: u16,
    },
    /// Replaces a cell by an extreme value.
    Cell {
        /// Which file.
        file: u8,
        /// Which line.
        line: u16,
        /// Which column.
        column: u8,
        /// The value.
        value: Extreme,
    },
    /// Keeps the header only: an empty table.
    HeaderOnly {
        /// Which file.
        file: u8,
    },
    /// Removes a whole file.
    Drop {
        /// Which file.
        file: u8,
    },
    /// Repeats a line up to [`MAX_REPEAT`] times.
    Repeat {
        /// Which file.
        file: u8,
        /// Which line.
        line: u16,
        /// How many copies (modulo [`MAX_REPEAT`], plus one).
        times: u16,
    },
}

/// A CSV file being edited: its name and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// The file's name (`foyers.csv`…).
    pub name: String,
    /// Its lines, without their ends.
    pub lines: Vec<String>,
}

impl File {
    /// A file from its text.
    pub fn new(name: &str, text: &str) -> Self {
        File {
            name: name.to_owned(),
            lines: text.lines().map(str::to_owned).collect(),
        }
    }

    /// The file's text, each line ended by `\n`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out.push_str(l);
            out.push('\n');
        }
        out
    }
}

impl LineEdit {
    /// Applies the edit to `files`.
    pub fn apply(self, files: &mut Vec<File>) {
        let of = |files: &mut Vec<File>, f: u8| index(files.len(), u16::from(f));
        match self {
            LineEdit::Drop { file } => {
                if let Some(f) = of(files, file) {
                    files.remove(f);
                }
            }
            LineEdit::HeaderOnly { file } => {
                if let Some(f) = of(files, file) {
                    files[f].lines.truncate(1);
                }
            }
            LineEdit::Duplicate { file, line } => {
                if let Some(f) = of(files, file) {
                    let lines = &mut files[f].lines;
                    if let Some(i) = index(lines.len(), line) {
                        let copy = lines[i].clone();
                        lines.insert(i + 1, copy);
                    }
                }
            }
            LineEdit::Repeat { file, line, times } => {
                if let Some(f) = of(files, file) {
                    let lines = &mut files[f].lines;
                    if let Some(i) = index(lines.len(), line) {
                        let copy = lines[i].clone();
                        let n = usize::from(times) % MAX_REPEAT + 1;
                        lines.splice(i..i, std::iter::repeat_n(copy, n));
                    }
                }
            }
            LineEdit::Swap { file, a, b } => {
                if let Some(f) = of(files, file) {
                    let lines = &mut files[f].lines;
                    if let (Some(a), Some(b)) = (index(lines.len(), a), index(lines.len(), b)) {
                        lines.swap(a, b);
                    }
                }
            }
            LineEdit::Delete { file, line } => {
                if let Some(f) = of(files, file) {
                    let lines = &mut files[f].lines;
                    if let Some(i) = index(lines.len(), line) {
                        lines.remove(i);
                    }
                }
            }
            LineEdit::Cell {
                file,
                line,
                column,
                value,
            } => {
                if let Some(f) = of(files, file) {
                    let lines = &mut files[f].lines;
                    let sep = match lines.first() {
                        Some(header) if !header.contains(';') && header.contains(',') => ",",
                        _ => ";",
                    };
                    if let Some(i) = index(lines.len(), line) {
                        let mut cells: Vec<String> =
                            lines[i].split(sep).map(str::to_owned).collect();
                        if let Some(c) = index(cells.len(), u16::from(column)) {
                            value.cell().clone_into(&mut cells[c]);
                        }
                        lines[i] = cells.join(sep);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn edits_change_the_place_they_pick() {
        let mut doc = json!({"a": [{"kg": "5.2"}, {"kg": "1"}], "b": "x"});
        // Leaves in document order: /a/0/kg, /a/1/kg, /b.
        JsonEdit::Scale { at: 0, power: 3 }.apply(&mut doc);
        assert_eq!(doc["a"][0]["kg"], "5200.0");
        JsonEdit::Extreme {
            at: 4,
            value: Extreme::Max,
        }
        .apply(&mut doc);
        assert_eq!(doc["a"][1]["kg"], "79228162514264337593543950335");
        JsonEdit::Repeat {
            at: 0,
            element: 1,
            times: 2,
        }
        .apply(&mut doc);
        assert_eq!(doc["a"].as_array().map(Vec::len), Some(5));
        JsonEdit::Remove { at: 0 }.apply(&mut doc);
        assert!(doc.get("a").is_none());
    }

    #[test]
    fn a_scaled_maximum_saturates() {
        let v = scaled(&Value::from("79228162514264337593543950335"), 28);
        assert_eq!(v, Some(Value::from("79228162514264337593543950335")));
    }

    #[test]
    fn line_edits() {
        let mut files = vec![File::new("foyers.csv", "foyer;equipe\nF1;A\nF2;B\n")];
        LineEdit::Cell {
            file: 0,
            line: 2,
            column: 1,
            value: Extreme::LastDay,
        }
        .apply(&mut files);
        LineEdit::Duplicate { file: 0, line: 1 }.apply(&mut files);
        assert_eq!(files[0].text(), "foyer;equipe\nF1;A\nF1;A\nF2;31/12/9999\n");
        LineEdit::HeaderOnly { file: 0 }.apply(&mut files);
        assert_eq!(files[0].text(), "foyer;equipe\n");
    }
}

/// One edit of a binary file (gzip, xlsx): `at` picks a position modulo the
/// length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub enum ByteEdit {
    /// Replaces a byte.
    Set {
        /// Where.
        at: u16,
        /// The new byte.
        byte: u8,
    },
    /// Removes up to 255 bytes.
    Cut {
        /// Where.
        at: u16,
        /// How many.
        len: u8,
    },
    /// Cuts the file short.
    Truncate {
        /// The new length (modulo the length).
        at: u16,
    },
}

impl ByteEdit {
    /// Applies the edit to `bytes`.
    pub fn apply(self, bytes: &mut Vec<u8>) {
        if bytes.is_empty() {
            return;
        }
        let pick = |at: u16, len: usize| usize::from(at) % len;
        match self {
            ByteEdit::Set { at, byte } => {
                let i = pick(at, bytes.len());
                if let Some(b) = bytes.get_mut(i) {
                    *b = byte;
                }
            }
            ByteEdit::Cut { at, len } => {
                let i = pick(at, bytes.len());
                let end = (i + usize::from(len)).min(bytes.len());
                bytes.drain(i..end);
            }
            ByteEdit::Truncate { at } => {
                let i = pick(at, bytes.len());
                bytes.truncate(i);
            }
        }
    }
}
