//! The one error type of the crate.
//!
//! Every fallible function of ecodefi returns [`Error`]. A variant says what
//! kind of problem it is; its [`Location`] says where in the input it was
//! found (household, meter, reading, file line…), so a binding can show it to
//! the person who typed the data. [`Error::code`] gives a stable,
//! machine-readable name for each kind, used by the Python exception classes
//! and the JavaScript `code` field.
//!
//! Problems in a household's *data quality* (too few readings, a period not
//! covered…) are not errors: the household is excluded from the result with a
//! reason, and the computation goes on. Errors are for input that cannot be
//! understood at all.

use std::fmt;

use crate::message::{Arg, Lang, Message, ParamValue, Params};
use crate::msg;

/// Where in the input a problem was found. Every field is optional: an error
/// fills what it knows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Location {
    /// The household identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// The meter identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter: Option<String>,
    /// The team identifier, for what is computed for a team as a whole (its
    /// totals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The index (from 0) of the reading, bill, weighing or row in its list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The input file, for tabular input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The line in the input file (from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column name in the input file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The path of the value in the input document, for what is neither in
    /// a household nor in a file: an option (`options.energy.gap_days`), a
    /// catalogue record's field (`records[3].results[0].totals`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Location {
    /// No location known.
    pub const NONE: Location = Location {
        household: None,
        meter: None,
        team: None,
        index: None,
        file: None,
        line: None,
        column: None,
        path: None,
    };

    /// A location in a household.
    pub fn household(id: impl fmt::Display) -> Self {
        Location {
            household: Some(id.to_string()),
            ..Location::NONE
        }
    }

    /// A team, as a whole (its totals).
    pub fn team(id: impl fmt::Display) -> Self {
        Location {
            team: Some(id.to_string()),
            ..Location::NONE
        }
    }

    /// A location in the input document by its path, e.g.
    /// `options.energy.gap_days`.
    pub fn at_path(path: impl Into<String>) -> Self {
        Location {
            path: Some(path.into()),
            ..Location::NONE
        }
    }

    /// A location in a file, as a whole.
    pub fn in_file(name: impl Into<String>) -> Self {
        Location {
            file: Some(name.into()),
            ..Location::NONE
        }
    }

    /// This location, narrowed to a meter.
    #[must_use]
    pub fn with_meter(mut self, id: impl fmt::Display) -> Self {
        self.meter = Some(id.to_string());
        self
    }

    /// This location, narrowed to an item (reading, bill, row…) by its index.
    #[must_use]
    pub fn with_index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    /// This location, in a file at a line and column.
    #[must_use]
    pub fn with_file(
        mut self,
        file: impl Into<String>,
        line: usize,
        column: Option<String>,
    ) -> Self {
        self.file = Some(file.into());
        self.line = Some(line);
        self.column = column;
        self
    }

    /// This location, with the path of the value in the input document.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Whether nothing is known of the location.
    pub fn is_empty(&self) -> bool {
        *self == Location::NONE
    }
}

impl Location {
    /// The location as a catalogue message, as errors end with it:
    /// ` at file `x`, line 7` in English, ` (fichier « x », ligne 7)` in
    /// French; empty when nothing is known.
    pub fn to_message(&self) -> Message {
        let mut parts: Vec<Message> = Vec::new();
        if let Some(file) = &self.file {
            parts.push(msg!("file `{file}`", file = file));
        }
        if let Some(line) = self.line {
            parts.push(msg!("line {line}", line = line));
        }
        if let Some(column) = &self.column {
            parts.push(msg!("column `{column}`", column = column));
        }
        if let Some(h) = &self.household {
            parts.push(msg!("household `{household}`", household = h));
        }
        if let Some(m) = &self.meter {
            parts.push(msg!("meter `{meter}`", meter = m));
        }
        if let Some(t) = &self.team {
            parts.push(msg!("team `{team}`", team = t));
        }
        if let Some(i) = self.index {
            parts.push(msg!("item {index}", index = i));
        }
        if let Some(p) = &self.path {
            parts.push(msg!("`{path}`", path = p));
        }
        if parts.is_empty() {
            return Message::new("");
        }
        msg!(" at {place}", place = Arg::List(parts))
    }

    /// The location in `lang` ([`Location::to_message`]).
    pub fn render(&self, lang: Lang) -> String {
        self.to_message().render(lang)
    }

    /// The location as data: each field that is known, by name (`index`
    /// from 0, `line` from 1).
    pub fn params(&self) -> Params {
        let mut out = Params::new();
        let mut text = |name: &str, v: &Option<String>| {
            if let Some(v) = v {
                out.insert(name.to_owned(), ParamValue::Text(v.clone()));
            }
        };
        text("file", &self.file);
        text("column", &self.column);
        text("household", &self.household);
        text("meter", &self.meter);
        text("team", &self.team);
        text("path", &self.path);
        for (name, v) in [("line", self.line), ("index", self.index)] {
            if let Some(v) = v.and_then(|v| i64::try_from(v).ok()) {
                out.insert(name.to_owned(), ParamValue::Int(v));
            }
        }
        out
    }
}

impl fmt::Display for Location {
    /// In English: ` at household `F1`, meter `M1`, item 3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The [`Location::path`] of an error in what is computed over every
/// household of the challenge (its totals, the outlier rule): no one
/// household or team is to blame, the challenge as a whole is.
pub const CHALLENGE: &str = "challenge";

/// Everything that can go wrong in ecodefi.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// A value is outside what it may be (a negative quantity, an empty
    /// identifier, a day after the end of its period…).
    InvalidValue {
        /// What the value is, e.g. `reading value`.
        what: &'static str,
        /// The value as given.
        got: String,
        /// The rule it broke.
        why: Message,
        /// Where it was found.
        at: Location,
    },
    /// A name (carrier, unit, method, theme…) is not one this library knows.
    UnknownName {
        /// What kind of name, e.g. `carrier`.
        what: &'static str,
        /// The name as given.
        got: String,
        /// The accepted spellings.
        expected: &'static str,
        /// Where it was found.
        at: Location,
    },
    /// Two items share an identifier that must be unique.
    Duplicate {
        /// What kind of item, e.g. `household`.
        what: &'static str,
        /// The repeated identifier.
        id: String,
        /// Where the second one was found.
        at: Location,
    },
    /// An item refers to another that does not exist (a household's team…).
    UnknownReference {
        /// What kind of item is referred to, e.g. `team`.
        what: &'static str,
        /// The identifier that matches nothing.
        id: String,
        /// Where the reference was found.
        at: Location,
    },
    /// A computation went beyond the range of exact decimals (about 7.9e28),
    /// or divided by zero where the input made it possible.
    Overflow {
        /// The quantity being computed.
        what: &'static str,
        /// The input it was computed for.
        at: Location,
    },
    /// Input that is not well-formed JSON, or JSON of the wrong shape.
    Json {
        /// The parser's message, with its line and column.
        message: String,
    },
    /// A document written for a schema version this library does not read.
    SchemaVersion {
        /// The version found in the document.
        got: u32,
        /// The version this library reads and writes.
        supported: u32,
    },
    /// Not enough data to compute something at all (as opposed to excluding
    /// one household).
    InsufficientData {
        /// What is missing.
        why: Message,
        /// Where.
        at: Location,
    },
    /// The input asks for something this build of ecodefi leaves out: a
    /// cargo feature of the core is off (the small WebAssembly module
    /// computes energy challenges only).
    Unsupported {
        /// What was asked for, e.g. `the water theme`.
        what: &'static str,
        /// The core's cargo feature that provides it.
        feature: &'static str,
    },
}

/// A value as error messages quote it: between double quotes, with `"`
/// and backslashes escaped, and control characters and whitespace other than the
/// space written `\u{…}` (a no-break space is `\u{a0}`), so that what the
/// reader sees is exactly what the cell holds.
///
/// Rust's `{:?}` does the same for these characters, but brings Unicode
/// tables that the small WebAssembly module cannot afford.
///
/// # Example
/// ```
/// use ecodefi::error::quoted;
/// assert_eq!(quoted("12,3\u{a0}4 \"x\""), r#""12,3\u{a0}4 \"x\"""#);
/// ```
pub fn quoted(text: &str) -> String {
    use fmt::Write as _;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every [`Error::code`], in the order of the variants.
pub const KINDS: &[&str] = &[
    "invalid_value",
    "unknown_name",
    "duplicate",
    "unknown_reference",
    "overflow",
    "json",
    "schema_version",
    "insufficient_data",
    "unsupported",
];

impl Error {
    /// A stable, machine-readable name for the kind of error, the same in
    /// every language: `invalid_value`, `unknown_name`, `duplicate`,
    /// `unknown_reference`, `overflow`, `json`, `schema_version`,
    /// `insufficient_data`, `unsupported`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidValue { .. } => "invalid_value",
            Error::UnknownName { .. } => "unknown_name",
            Error::Duplicate { .. } => "duplicate",
            Error::UnknownReference { .. } => "unknown_reference",
            Error::Overflow { .. } => "overflow",
            Error::Json { .. } => "json",
            Error::SchemaVersion { .. } => "schema_version",
            Error::InsufficientData { .. } => "insufficient_data",
            Error::Unsupported { .. } => "unsupported",
        }
    }

    /// Where the error was found, if the input has a location.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::InvalidValue { at, .. }
            | Error::UnknownName { at, .. }
            | Error::Duplicate { at, .. }
            | Error::UnknownReference { at, .. }
            | Error::Overflow { at, .. }
            | Error::InsufficientData { at, .. } => Some(at),
            Error::Json { .. } | Error::SchemaVersion { .. } | Error::Unsupported { .. } => None,
        }
    }

    /// Fills the location's empty fields from `outer`: an inner function
    /// knows the reading, its caller knows the household.
    #[must_use]
    pub fn within(mut self, outer: &Location) -> Self {
        if let Some(at) = self.location_mut() {
            at.household = at.household.take().or_else(|| outer.household.clone());
            at.meter = at.meter.take().or_else(|| outer.meter.clone());
            at.team = at.team.take().or_else(|| outer.team.clone());
            at.index = at.index.or(outer.index);
            at.file = at.file.take().or_else(|| outer.file.clone());
            at.line = at.line.or(outer.line);
            at.column = at.column.take().or_else(|| outer.column.clone());
            at.path = at.path.take().or_else(|| outer.path.clone());
        }
        self
    }

    pub(crate) fn location_mut(&mut self) -> Option<&mut Location> {
        match self {
            Error::InvalidValue { at, .. }
            | Error::UnknownName { at, .. }
            | Error::Duplicate { at, .. }
            | Error::UnknownReference { at, .. }
            | Error::Overflow { at, .. }
            | Error::InsufficientData { at, .. } => Some(at),
            Error::Json { .. } | Error::SchemaVersion { .. } | Error::Unsupported { .. } => None,
        }
    }

    /// Shorthand for [`Error::InvalidValue`] with no location yet.
    pub fn invalid(what: &'static str, got: impl fmt::Display, why: impl Into<Message>) -> Self {
        Self::invalid_value(what, got.to_string(), why.into())
    }

    #[inline(never)]
    fn invalid_value(what: &'static str, got: String, why: Message) -> Self {
        Error::InvalidValue {
            what,
            got,
            why,
            at: Location::NONE,
        }
    }

    /// This error, located at `path` in the input document when it has no
    /// location yet (an option, a catalogue record's field).
    #[must_use]
    pub fn at_path(self, path: impl Into<String>) -> Self {
        self.within(&Location::at_path(path))
    }

    /// Shorthand for [`Error::Overflow`] with no location yet.
    pub fn overflow(what: &'static str) -> Self {
        Error::Overflow {
            what,
            at: Location::NONE,
        }
    }
}

impl Error {
    /// The error as a catalogue message: its kind's frame, with what it is
    /// about, the rule broken and where, as parameters.
    pub fn to_message(&self) -> Message {
        let at = |at: &Location| Arg::from(at.to_message());
        match self {
            Error::InvalidValue {
                what,
                got,
                why,
                at: loc,
            } => msg!(
                "invalid {what} (got {got}): {why}{at}",
                what = Arg::noun(what),
                got = got,
                why = why.clone(),
                at = at(loc)
            ),
            Error::UnknownName {
                what,
                got,
                expected,
                at: loc,
            } => msg!(
                "unknown {what} `{got}` (expected one of: {expected}){at}",
                what = Arg::noun(what),
                got = got,
                expected = *expected,
                at = at(loc)
            ),
            Error::Duplicate { what, id, at: loc } => msg!(
                "duplicate {what} `{id}`{at}",
                what = Arg::noun(what),
                id = id,
                at = at(loc)
            ),
            Error::UnknownReference { what, id, at: loc } => msg!(
                "unknown {what} `{id}`{at}",
                what = Arg::noun(what),
                id = id,
                at = at(loc)
            ),
            Error::Overflow { what, at: loc } => msg!(
                "arithmetic overflow while computing {what}{at}",
                what = Arg::noun(what),
                at = at(loc)
            ),
            Error::Json { message } => msg!("invalid JSON: {message}", message = message),
            Error::SchemaVersion { got, supported } => msg!(
                "unsupported schema version {got} (this library reads version {supported})",
                got = *got,
                supported = *supported
            ),
            Error::InsufficientData { why, at: loc } => msg!(
                "insufficient data: {why}{at}",
                why = why.clone(),
                at = at(loc)
            ),
            Error::Unsupported { what, feature } => msg!(
                "{what} is not in this build of ecodefi (cargo feature `{feature}` of the core)",
                what = Arg::noun(what),
                feature = *feature
            ),
        }
    }

    /// The error's text in `lang`: `valeur invalide pour valeur de relevé
    /// (reçu -3) : un index ne peut pas être négatif (foyer « h1 »…)`.
    pub fn message(&self, lang: Lang) -> String {
        self.to_message().render(lang)
    }

    /// The error's parameters as data (what it is about, the value given,
    /// the rule's own parameters…), without its location
    /// ([`Error::location`], [`Location::params`]).
    pub fn params(&self) -> Params {
        self.to_message().params_without("at")
    }
}

impl fmt::Display for Error {
    /// In English ([`Error::message`] for another language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json {
            message: e.to_string(),
        }
    }
}

/// The result type of ecodefi.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_located_error_says_where() {
        let e = Error::overflow("team totals").within(&Location::team("T1"));
        assert_eq!(
            e.to_string(),
            "arithmetic overflow while computing team totals at team `T1`"
        );
        // An inner location keeps what it knows; the outer fills the rest.
        let e = Error::invalid("share", 2, msg!("a share is between 0 and 1"))
            .at_path("options.energy.mixed_heating_share")
            .at_path("options");
        assert_eq!(
            e.location().and_then(|l| l.path.as_deref()),
            Some("options.energy.mixed_heating_share")
        );
        let at = Location::household("F1").with_meter("M1").with_index(3);
        assert_eq!(at.to_string(), " at household `F1`, meter `M1`, item 3");
    }

    proptest! {
        // The same text as `{:?}` for what cells hold: letters of any
        // language, digits, punctuation, quotes, spaces and controls.
        #[test]
        fn quoted_is_debug_for_cell_text(text in "[a-zA-Zéèàçœ0-9 ,.;:'\"\\\\/\t\r\n\u{a0}\u{202f}\u{1}-]{0,24}") {
            prop_assert_eq!(quoted(&text), format!("{text:?}"));
        }
    }

    #[test]
    fn message_names_the_place() {
        let e = Error::invalid("reading value", "-3", msg!("an index cannot be negative"))
            .within(&Location::household("h1").with_meter("gas").with_index(4));
        assert_eq!(
            e.to_string(),
            "invalid reading value (got -3): an index cannot be negative at household `h1`, meter `gas`, item 4"
        );
        assert_eq!(e.code(), "invalid_value");
    }

    #[test]
    fn an_option_error_names_its_path() {
        let e = Error::invalid("gap limit", -1, msg!("cannot be negative"))
            .at_path("options.energy.gap_days");
        assert_eq!(
            e.to_string(),
            "invalid gap limit (got -1): cannot be negative at `options.energy.gap_days`"
        );
        assert_eq!(
            e.location().and_then(|l| l.path.as_deref()),
            Some("options.energy.gap_days")
        );
    }

    #[test]
    fn inner_location_wins() {
        let e = Error::invalid("x", 1, msg!("bad"))
            .within(&Location::NONE.with_index(2))
            .within(&Location::household("h").with_index(9));
        assert_eq!(e.location().and_then(|l| l.index), Some(2));
        assert_eq!(e.location().and_then(|l| l.household.as_deref()), Some("h"));
    }
}
