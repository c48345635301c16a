//! One challenge in the catalogue: who ran it, where, when, on what, with
//! how many households, with what results, and where each fact comes from.

use std::fmt;

use crate::challenge::{OrganiserKind, Theme};
use crate::error::{Error, Result};
use crate::named_enum;
use crate::period::Period;

use super::fact::Fact;
use super::result::{Results, ThemeResult};
use super::territory::Territory;
use super::text::Text;
use crate::{msg, noun};

/// The first year a record may mention. (design choice) Eco-citizen challenges
/// started in France with *Familles à Énergie Positive* in 2008 (DOMAIN.md
/// §1); 1990 leaves room for older local schemes.
pub const FIRST_YEAR: u16 = 1990;
/// The last year a record may mention (planned editions included). (design choice)
pub const LAST_YEAR: u16 = 2100;

named_enum! {
    /// Where a challenge stands.
    #[non_exhaustive]
    pub enum Status ("status") {
        /// Announced, not started.
        Planned = "planned",
        /// Under way.
        Running = "running",
        /// Over.
        Finished = "finished",
    }
}

/// The calendar years a challenge covers, both included (`2019–2020` for a
/// winter challenge). Sources often give only years, so this is what every
/// record has; an exact [`Period`] may be added when known.
///
/// Each year is checked to lie in [`FIRST_YEAR`]..=[`LAST_YEAR`]; a first year
/// after the last is not refused here but reported by the catalogue's
/// validation (`years_reversed`), with every other problem of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "YearSpanRepr", into = "YearSpanRepr")]
pub struct YearSpan {
    first: u16,
    last: u16,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct YearSpanRepr {
    first: u16,
    last: u16,
}

impl TryFrom<YearSpanRepr> for YearSpan {
    type Error = Error;
    fn try_from(r: YearSpanRepr) -> Result<Self> {
        YearSpan::new(r.first, r.last)
    }
}

impl From<YearSpan> for YearSpanRepr {
    fn from(y: YearSpan) -> Self {
        YearSpanRepr {
            first: y.first,
            last: y.last,
        }
    }
}

impl YearSpan {
    /// The years `first` to `last`, both included.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when a year is outside
    /// [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn new(first: u16, last: u16) -> Result<Self> {
        for y in [first, last] {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
                return Err(Error::invalid(
                    noun!("year"),
                    y,
                    msg!(
                        "a year is from {first} to {last}",
                        first = crate::message::Arg::text(FIRST_YEAR),
                        last = crate::message::Arg::text(LAST_YEAR)
                    ),
                ));
            }
        }
        Ok(YearSpan { first, last })
    }

    /// The first year.
    pub fn first(self) -> u16 {
        self.first
    }

    /// The last year (included).
    pub fn last(self) -> u16 {
        self.last
    }

    /// Whether `year` is one of the span's years.
    pub fn contains(self, year: u16) -> bool {
        self.first <= year && year <= self.last
    }

    /// The years of the span, in order (none if reversed).
    pub fn years(self) -> impl Iterator<Item = u16> {
        self.first..=self.last
    }
}

impl fmt::Display for YearSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}–{}", self.first, self.last)
        }
    }
}

/// Who organises a challenge.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organiser {
    /// The organiser's name, e.g. `Communauté de Communes du Sud-Artois`.
    pub name: Text,
    /// What kind of organiser it is.
    pub kind: OrganiserKind,
}

/// A partner of a challenge (a regional network, a supplier, a funder…).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner's name.
    pub name: Text,
    /// What kind of body it is, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganiserKind>,
    /// Its role, as the source says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
}

/// Where a record's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The source document, e.g. the MRES presentation.
    pub source: Text,
    /// Where to find it, if public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
}

/// One challenge (one edition of it) in the catalogue.
///
/// Its identity is its `name` and `edition` together; the catalogue reports
/// two records with the same identity. Every fact the source does not give is
/// spelled out as unknown ([`Fact::Unknown`], [`Results::NotPublished`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueRecord {
    /// The challenge's name, e.g. `Défi zéro déchet zéro gaspi`.
    pub name: Text,
    /// The edition, e.g. `2019-2020`.
    pub edition: Text,
    /// Where it runs.
    pub territory: Territory,
    /// Who organises it.
    pub organisers: Fact<Vec<Organiser>>,
    /// Its partners (none listed: empty).
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// The calendar years it covers.
    pub years: YearSpan,
    /// Its exact challenge period, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Its themes.
    pub themes: Fact<Vec<Theme>>,
    /// The number of teams.
    pub teams: Fact<u32>,
    /// The number of households (*foyers*) taking part.
    pub households: Fact<u32>,
    /// Its results, per theme and indicator.
    pub results: Results,
    /// Where it stands.
    pub status: Status,
    /// Where the record's facts come from.
    pub provenance: Provenance,
    /// Anything a reader should know about the record (inferences, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl CatalogueRecord {
    /// The record's results (empty when not published).
    pub fn results(&self) -> &[ThemeResult] {
        self.results.as_slice()
    }

    /// The households a result counts: its own count, else the record's.
    pub fn result_households(&self, result: &ThemeResult) -> Option<u32> {
        result.households.or(self.households.known().copied())
    }

    /// The distinct kinds of the record's organisers (none when unknown).
    pub fn organiser_kinds(&self) -> Vec<OrganiserKind> {
        let mut kinds: Vec<OrganiserKind> = self
            .organisers
            .known()
            .map(|o| o.iter().map(|o| o.kind).collect())
            .unwrap_or_default();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }

    /// A short reference to this record at `index` in its catalogue.
    pub fn reference(&self, index: usize) -> RecordRef {
        RecordRef {
            index,
            name: self.name.clone(),
            edition: self.edition.clone(),
        }
    }
}

/// Points at a record of a catalogue: its index (from 0) and its identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordRef {
    /// The record's index in the catalogue, from 0.
    pub index: usize,
    /// The record's name.
    pub name: Text,
    /// The record's edition.
    pub edition: Text,
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "record {} `{}` ({})",
            self.index, self.name, self.edition
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_spans() {
        let y = YearSpan::new(2019, 2020).unwrap();
        assert_eq!(y.to_string(), "2019–2020");
        assert_eq!(y.years().collect::<Vec<_>>(), vec![2019, 2020]);
        assert_eq!(YearSpan::new(2020, 2020).unwrap().to_string(), "2020");
        assert_eq!(
            YearSpan::new(1989, 2020).unwrap_err().code(),
            "invalid_value"
        );
        assert!(YearSpan::new(2020, 2101).is_err());
        // Reversed spans are read, and reported by validation.
        assert_eq!(YearSpan::new(2020, 2019).unwrap().years().count(), 0);
        assert!(serde_json::from_str::<YearSpan>(r#"{"first":2019,"last":2020,"x":0}"#).is_err());
        assert!(serde_json::from_str::<YearSpan>(r#"{"first":2019}"#).is_err());
    }

    #[test]
    fn status_names() {
        assert_eq!("running".parse::<Status>().unwrap(), Status::Running);
        assert_eq!(
            "en cours".parse::<Status>().unwrap_err().code(),
            "unknown_name"
        );
    }
}
