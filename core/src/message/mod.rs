//! Every text ecodefi writes for a person — exclusion details, warnings,
//! errors and their locations — in English and in French, from one
//! catalogue.
//!
//! A message is built where the problem is found with [`msg!`](crate::msg):
//! its English template, written with `{name}` placeholders, and its
//! parameters as data (days, dates, values, identifiers…). The English
//! template is the message's identifier, as in GNU gettext's `msgid`: the
//! code reads as it prints, and a language is one table from English
//! templates to its own (`message/fr/`). Adding a language is adding such a table
//! and a [`Lang`] variant.
//!
//! Nouns that are parameters of other messages (what an error is about:
//! `reading value`, `household`…) are marked with [`noun!`](crate::noun),
//! gettext's `N_`: the text is unchanged, and the catalogue translates it
//! when it is rendered ([`Arg::Noun`]).
//!
//! `core/tests/messages.rs` reads the sources for every `msg!` and `noun!`
//! and checks that the French table has each of them with the same
//! placeholders, and nothing else.
//!
//! French is written as the field writes it: decimal comma, narrow no-break
//! space between thousands, `−` for minus, dates in words
//! (`15 février 2026`), quotes « … » with no-break spaces
//! ([`crate::french`]).

mod fr;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::date::Date;
use crate::french;
use crate::period::Period;
use crate::{named_enum, noun};

named_enum! {
    /// A language ecodefi writes its messages in.
    pub enum Lang ("language") {
        /// English: the language of the templates, and of `Display`.
        En = "en",
        /// French: the language of the organisers, their page and their
        /// examples.
        Fr = "fr",
    }
}

impl Default for Lang {
    /// English, the language of the templates and of `Display`; the page
    /// and the French examples ask for [`Lang::Fr`].
    fn default() -> Self {
        Lang::En
    }
}

/// One parameter of a message, kept as data: a binding exposes it as is
/// (`params`), and each language renders it its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A whole number (days, readings, lines…): `1 234` in French.
    Int(i64),
    /// An exact decimal (a value, a quantity): `−3,5` in French.
    Decimal(Decimal),
    /// A day: `2026-02-15` in English, `15 février 2026` in French.
    Date(Date),
    /// A period: `2025-12-01 to 2026-04-30`, `1er décembre 2025 au 30 avril
    /// 2026`.
    Period(Period),
    /// Text shown as it is (an identifier, a unit, a file name).
    Text(String),
    /// Text as typed by a person, quoted so that every character shows:
    /// `"12,3 4"` in English, `« 12,3 4 »` in French
    /// ([`crate::error::quoted`]).
    Quoted(String),
    /// A noun of the catalogue ([`noun!`](crate::noun)), translated.
    Noun(&'static str),
    /// A message inside another (an error's rule, a location).
    Message(Box<Message>),
    /// Messages one after the other, separated by commas (the parts of a
    /// location).
    List(Vec<Message>),
}

impl Arg {
    /// Anything displayable, as text shown as it is.
    pub fn text(value: impl std::fmt::Display) -> Arg {
        Arg::Text(value.to_string())
    }

    /// Text as typed by a person, quoted.
    pub fn quoted(value: impl Into<String>) -> Arg {
        Arg::Quoted(value.into())
    }

    /// A noun of the catalogue, translated when rendered.
    pub fn noun(value: &'static str) -> Arg {
        Arg::Noun(value)
    }

    /// This parameter in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Arg::Int(n), Lang::En) => n.to_string(),
            (Arg::Int(n), Lang::Fr) => french::number(Decimal::from(*n), 0),
            (Arg::Decimal(d), Lang::En) => d.normalize().to_string(),
            (Arg::Decimal(d), Lang::Fr) => {
                let d = d.normalize();
                french::number(d, d.scale())
            }
            (Arg::Date(d), Lang::En) => d.to_string(),
            (Arg::Date(d), Lang::Fr) => french_date(*d),
            (Arg::Period(p), Lang::En) => p.to_string(),
            (Arg::Period(p), Lang::Fr) => {
                format!("{} au {}", french_date(p.first()), french_date(p.last()))
            }
            (Arg::Text(t), _) => t.clone(),
            (Arg::Quoted(t), Lang::En) => crate::error::quoted(t),
            (Arg::Quoted(t), Lang::Fr) => {
                let q = crate::error::quoted(t);
                let inner = q.strip_prefix('"').and_then(|q| q.strip_suffix('"'));
                let inner = inner.unwrap_or(&q);
                format!("«{}{inner}{}»", french::NBSP, french::NBSP)
            }
            (Arg::Noun(n), lang) => translate(n, lang).to_owned(),
            (Arg::Message(m), lang) => m.render(lang),
            (Arg::List(ms), lang) => {
                let parts: Vec<String> = ms.iter().map(|m| m.render(lang)).collect();
                parts.join(", ")
            }
        }
    }

    /// This parameter as data: a number for [`Arg::Int`], text otherwise
    /// (an exact decimal as its digits, a date in ISO 8601, a period as
    /// `first/last`, a noun or a message in English).
    pub fn value(&self) -> ParamValue {
        match self {
            Arg::Int(n) => ParamValue::Int(*n),
            Arg::Decimal(d) => ParamValue::Text(d.normalize().to_string()),
            Arg::Period(p) => ParamValue::Text(format!("{}/{}", p.first(), p.last())),
            Arg::Quoted(t) | Arg::Text(t) => ParamValue::Text(t.clone()),
            other => ParamValue::Text(other.render(Lang::En)),
        }
    }
}

/// The French date in words: `1er décembre 2025`, `15 février 2026`.
pub fn french_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let month = MONTHS[usize::try_from(d.month() - 1).unwrap_or(0) % 12];
    let day = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!("{day} {month} {}", d.year())
}

macro_rules! arg_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                i64::try_from(n).map_or_else(|_| Arg::Text(n.to_string()), Arg::Int)
            }
        }
    )*};
}
arg_from_int!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize, i128);

impl From<Decimal> for Arg {
    fn from(d: Decimal) -> Arg {
        Arg::Decimal(d)
    }
}
impl From<Date> for Arg {
    fn from(d: Date) -> Arg {
        Arg::Date(d)
    }
}
impl From<Period> for Arg {
    fn from(p: Period) -> Arg {
        Arg::Period(p)
    }
}
impl From<&Period> for Arg {
    fn from(p: &Period) -> Arg {
        Arg::Period(*p)
    }
}
impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(t)
    }
}
impl From<&String> for Arg {
    fn from(t: &String) -> Arg {
        Arg::Text(t.clone())
    }
}
impl From<&str> for Arg {
    fn from(t: &str) -> Arg {
        Arg::Text(t.to_owned())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

/// A parameter's value as data, for JSON and the bindings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A whole number.
    Int(i64),
    /// Anything else, as text.
    Text(String),
}

/// A message's parameters by name, as data.
pub type Params = BTreeMap<String, ParamValue>;

/// A text for a person: an English template with `{name}` placeholders and
/// its parameters. Build it with [`msg!`](crate::msg).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    template: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message with no parameter yet; [`msg!`](crate::msg) is the way to
    /// write one, so that the catalogue's test finds it.
    pub const fn new(template: &'static str) -> Message {
        Message {
            template,
            args: Vec::new(),
        }
    }

    /// This message with one more parameter.
    #[must_use]
    pub fn with(self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.push(name, value.into())
    }

    // Out of line: `msg!` is at hundreds of call sites, and the small
    // WebAssembly module pays for every inlined copy.
    #[inline(never)]
    fn push(mut self, name: &'static str, arg: Arg) -> Message {
        self.args.push((name, arg));
        self
    }

    /// The English template, the message's identifier in the catalogue.
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// The parameters, in the order given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The parameters as data, by name; a parameter that is itself a
    /// message also gives its own parameters (the rule of an error).
    pub fn params(&self) -> Params {
        self.params_without("")
    }

    /// [`Message::params`] without the parameter `name` (at any depth), as
    /// if it were removed from them afterwards; never inserting it spares
    /// the page's WebAssembly module the map's removal code (3 KB).
    pub(crate) fn params_without(&self, name: &str) -> Params {
        let mut out = Params::new();
        self.collect_params(&mut out, name);
        out
    }

    fn collect_params(&self, out: &mut Params, skip: &str) {
        for (name, arg) in &self.args {
            match arg {
                Arg::Message(inner) => inner.collect_params(out, skip),
                Arg::List(inner) => inner.iter().for_each(|m| m.collect_params(out, skip)),
                _ => {}
            }
            if *name != skip {
                out.insert((*name).to_owned(), arg.value());
            }
        }
    }

    /// The message in `lang`. A template the language's table lacks is
    /// written in English (the catalogue's test makes sure none is).
    pub fn render(&self, lang: Lang) -> String {
        let template = translate(self.template, lang);
        fill(template, |name| {
            self.args
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, a)| a.render(lang))
        })
    }
}

impl std::fmt::Display for Message {
    /// In English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// `template` with each `{name}` replaced by `value(name)`; a placeholder
/// with no value stays as it is.
//
// Splits rather than byte slices (here and in `placeholders`): a slice can
// panic, and its message's formatting costs the page's module a few KB.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) if is_name(name) => {
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        let _ = write!(out, "{{{name}}}");
                    }
                }
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The placeholders of a template, in order: `{days}` gives `days`.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        match after.split_once('}') {
            Some((name, tail)) if is_name(name) => {
                out.push(name);
                rest = tail;
            }
            _ => rest = after,
        }
    }
    out
}

/// `english` (a template or a noun) in `lang`; English, or a text the table
/// lacks, is returned as it is.
pub fn translate(english: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::Fr => lookup(fr::TABLES, english).unwrap_or(english),
    }
}

fn lookup(tables: &[&[(&str, &'static str)]], english: &str) -> Option<&'static str> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|(en, _)| *en == english)
        .map(|(_, t)| *t)
}

/// Every entry of `lang`'s table, English first (for the catalogue's test
/// and for tools); empty for English.
pub fn table(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => Vec::new(),
        Lang::Fr => fr::TABLES.iter().flat_map(|t| t.iter().copied()).collect(),
    }
}

/// The name of each machine-readable code (exclusion, warning, error kind)
/// in words, in English; [`code_label`] translates it.
const CODE_LABELS: &[(&str, &str)] = &[
    // Exclusions (`ExclusionCode`).
    ("no_meter", noun!("no meter")),
    ("no_data", noun!("no measurement")),
    ("too_few_readings", noun!("too few readings")),
    ("duplicate_reading", noun!("two readings on one day")),
    ("overlapping_bills", noun!("overlapping bills")),
    (
        "decreasing_index",
        noun!("index going down with no meter change"),
    ),
    (
        "period_not_covered",
        noun!("period not covered by the measurements"),
    ),
    ("zero_reference", noun!("zero reference consumption")),
    ("negative_consumption", noun!("negative consumption")),
    ("not_present", noun!("not present during the challenge")),
    // Warnings (`WarningCode`).
    ("long_gap", noun!("readings far apart")),
    ("extrapolated", noun!("period extrapolated")),
    (
        "prorated_by_days",
        noun!("prorated by days (temperatures missing)"),
    ),
    (
        "deliveries_without_stock",
        noun!("deliveries without a stock estimate"),
    ),
    ("outlier", noun!("unusual saving")),
    ("missing_co2e_factor", noun!("emission factor missing")),
    ("missing_price", noun!("price missing")),
    ("heating_share_estimated", noun!("heating share estimated")),
    (
        "regression_unusable",
        noun!("weather regression unusable (reconstructed winter used)"),
    ),
    (
        "outside_periods",
        noun!("outside the challenge's periods (not counted)"),
    ),
    // Error kinds (`Error::code`).
    ("invalid_value", noun!("invalid value")),
    ("unknown_name", noun!("unknown name")),
    ("duplicate", noun!("duplicate")),
    ("unknown_reference", noun!("unknown reference")),
    ("overflow", noun!("arithmetic overflow")),
    ("json", noun!("invalid JSON")),
    ("schema_version", noun!("unsupported schema version")),
    ("insufficient_data", noun!("insufficient data")),
    ("unsupported", noun!("not in this module")),
];

/// A machine-readable code (exclusion, warning or error kind) in words, in
/// `lang`: `code_label("no_meter", Lang::Fr)` is `aucun compteur`.
pub fn code_label(code: &str, lang: Lang) -> Option<&'static str> {
    CODE_LABELS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, en)| translate(en, lang))
}

/// Builds a [`Message`](crate::message::Message): an English template with
/// `{name}` placeholders, then `name = value` for each (any value with an
/// `Into<Arg>`: numbers, decimals, dates, periods, text, messages; use
/// [`Arg::quoted`](crate::message::Arg::quoted) for what a person typed and
/// [`Arg::noun`](crate::message::Arg::noun) for a noun to translate).
///
/// ```
/// use ecodefi::message::Lang;
/// let m = ecodefi::msg!("the measurements end {days} days before it does", days = 139);
/// assert_eq!(m.render(Lang::En), "the measurements end 139 days before it does");
/// assert_eq!(
///     m.render(Lang::Fr),
///     "les mesures s’arrêtent 139 jours avant sa fin"
/// );
/// ```
#[macro_export]
macro_rules! msg {
    ($template:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::new($template)
            $(.with(stringify!($name), $value))*
    };
}

/// Marks a noun for the catalogue (gettext's `N_`): the text is unchanged,
/// and [`Arg::Noun`](crate::message::Arg::Noun) translates it when a
/// message is rendered.
#[macro_export]
macro_rules! noun {
    ($text:literal) => {
        $text
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use rust_decimal::dec;

    #[test]
    fn parameters_follow_each_language() {
        let m = crate::msg!(
            "the measurements end {days} days before it does",
            days = 1234
        );
        assert_eq!(
            m.render(Lang::En),
            "the measurements end 1234 days before it does"
        );
        assert_eq!(
            m.render(Lang::Fr),
            "les mesures s’arrêtent 1\u{202f}234 jours avant sa fin"
        );
        assert_eq!(Arg::from(dec!(-3.50)).render(Lang::Fr), "\u{2212}3,5");
        assert_eq!(Arg::from(dec!(-3.50)).render(Lang::En), "-3.5");
        assert_eq!(
            Arg::from(date(2026, 2, 15)).render(Lang::Fr),
            "15 février 2026"
        );
        assert_eq!(
            Arg::from(date(2025, 12, 1)).render(Lang::Fr),
            "1er décembre 2025"
        );
        assert_eq!(
            Arg::quoted("a\u{a0}b").render(Lang::Fr),
            "«\u{a0}a\\u{a0}b\u{a0}»"
        );
        assert_eq!(Arg::quoted("x").render(Lang::En), "\"x\"");
    }

    #[test]
    fn params_are_data() {
        let m = crate::msg!(
            "the measurements end {days} days before it does",
            days = 139
        );
        let p = m.params();
        assert_eq!(p.get("days"), Some(&ParamValue::Int(139)));
        assert_eq!(
            m.template(),
            "the measurements end {days} days before it does"
        );
        // A message inside another gives its parameters too.
        let outer = crate::msg!("{period}: {why}", period = "x", why = m);
        assert_eq!(outer.params().get("days"), Some(&ParamValue::Int(139)));
    }

    #[test]
    fn params_without_a_name_are_the_params_less_it() {
        let inner = crate::msg!(
            "the measurements end {days} days before it does",
            days = 139
        );
        let outer = crate::msg!("{period}: {why}", period = "x", why = inner);
        for name in ["days", "why", "period", "none"] {
            let mut expected = outer.params();
            expected.remove(name);
            assert_eq!(outer.params_without(name), expected, "{name}");
        }
        assert_eq!(outer.params_without("why").len(), 2);
    }

    #[test]
    fn placeholders_and_fill() {
        assert_eq!(placeholders("a {b} {c_1} {Not} {"), vec!["b", "c_1"]);
        assert_eq!(
            fill("{x} and {y} {", |n| (n == "x").then(|| "1".into())),
            "1 and {y} {"
        );
    }
}
