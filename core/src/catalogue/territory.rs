//! Where a challenge runs: a territory's name, kind and (when known) its
//! official code.
//!
//! The code is the one INSEE publishes in the *Code officiel géographique*:
//! five characters for a commune (`59350` for Lille, `2A004` in Corsica),
//! two or three for a department (`59`, `2A`, `974`), two digits for a region
//! (`32` for Hauts-de-France). An EPCI (*communauté de communes*,
//! *d'agglomération*, *urbaine*, *métropole*) is coded by its SIREN number, as
//! INSEE does in its intercommunality tables; a `SCoT` has no geographic code of
//! its own and is coded, when at all, by the SIREN of the body that carries it
//! (a *syndicat mixte* or an EPCI). A SIREN has nine digits, the last one a
//! Luhn check digit (INSEE, *répertoire SIRENE*), which this module checks.
//!
//! The code is checked by **shape** only: this module does not hold the list
//! of the ~35 000 communes, so a well-formed code of the wrong commune is not
//! caught.

use std::collections::HashMap;
use std::fmt;

use crate::error::{Error, Result};
use crate::named_enum;

use super::text::Text;
use crate::noun;

named_enum! {
    /// The kind of territory a challenge runs on.
    #[non_exhaustive]
    pub enum TerritoryKind ("territory kind") {
        /// A commune (*ville*, *village*).
        Commune = "commune",
        /// An EPCI: *communauté de communes*, *d'agglomération*, *urbaine*, or
        /// *métropole*.
        Epci = "epci",
        /// The area of a `SCoT` (*schéma de cohérence territoriale*).
        Scot = "scot",
        /// A department (*département*).
        Department = "department",
        /// A region (*région*).
        Region = "region",
    }
}

impl TerritoryKind {
    /// The shape of this kind's code, in words (used in error messages and
    /// mirrored by the JSON Schema's patterns).
    pub const fn code_shape(self) -> &'static str {
        match self {
            TerritoryKind::Commune => {
                noun!("a commune code is 5 characters: 2 digits (or 2A, 2B) then 3 digits")
            }
            TerritoryKind::Epci | TerritoryKind::Scot => {
                noun!("an EPCI or SCoT is coded by a SIREN: 9 digits with a valid Luhn check digit")
            }
            TerritoryKind::Department => {
                noun!("a department code is 2 digits, 2A, 2B, or 3 digits from 971 to 976")
            }
            TerritoryKind::Region => noun!("a region code is 2 digits"),
        }
    }
}

/// Whether `code` has the shape of a code of this `kind` (see the module
/// documentation).
pub fn code_has_shape(kind: TerritoryKind, code: &str) -> bool {
    let b = code.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match kind {
        TerritoryKind::Commune => {
            b.len() == 5
                && (digits(&b[..2]) || &b[..2] == b"2A" || &b[..2] == b"2B")
                && digits(&b[2..])
        }
        TerritoryKind::Epci | TerritoryKind::Scot => b.len() == 9 && digits(b) && luhn_valid(b),
        TerritoryKind::Department => match b.len() {
            2 => digits(b) || b == b"2A" || b == b"2B",
            3 => b[..2] == *b"97" && (b'1'..=b'6').contains(&b[2]),
            _ => false,
        },
        TerritoryKind::Region => b.len() == 2 && digits(b),
    }
}

/// The Luhn check over ASCII digits: from the right, every second digit is
/// doubled (9 subtracted above 9) and the sum must be a multiple of 10. Used by
/// SIREN numbers (INSEE, *répertoire SIRENE*).
fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d.saturating_sub(b'0'));
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// A territory: its name, kind and, when known, its INSEE code (checked by
/// shape against the kind).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "TerritoryRepr", into = "TerritoryRepr")]
pub struct Territory {
    name: Text,
    kind: TerritoryKind,
    insee_code: Option<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TerritoryRepr {
    name: Text,
    kind: TerritoryKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    insee_code: Option<String>,
}

impl TryFrom<TerritoryRepr> for Territory {
    type Error = Error;
    fn try_from(r: TerritoryRepr) -> Result<Self> {
        Territory::new(r.name, r.kind, r.insee_code)
    }
}

impl From<Territory> for TerritoryRepr {
    fn from(t: Territory) -> Self {
        TerritoryRepr {
            name: t.name,
            kind: t.kind,
            insee_code: t.insee_code,
        }
    }
}

impl Territory {
    /// A territory, its code checked by shape against its kind.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the code does not have the shape of its
    /// kind's codes.
    ///
    /// # Example
    /// ```
    /// use ecodefi::catalogue::{Territory, TerritoryKind, Text};
    /// let lille = Territory::new(Text::new("Lille")?, TerritoryKind::Commune, Some("59350".into()))?;
    /// assert_eq!(lille.insee_code(), Some("59350"));
    /// assert!(Territory::new(Text::new("Lille")?, TerritoryKind::Commune, Some("5935".into())).is_err());
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn new(name: Text, kind: TerritoryKind, insee_code: Option<String>) -> Result<Self> {
        if let Some(code) = &insee_code {
            if !code_has_shape(kind, code) {
                return Err(Error::invalid(
                    noun!("INSEE code"),
                    format!("{} for {kind} `{name}`", crate::error::quoted(code)),
                    crate::message::Message::new(kind.code_shape()),
                ));
            }
        }
        Ok(Territory {
            name,
            kind,
            insee_code,
        })
    }

    /// The territory's name, e.g. `Métropole Européenne de Lille`.
    pub fn name(&self) -> &Text {
        &self.name
    }

    /// The kind of territory.
    pub fn kind(&self) -> TerritoryKind {
        self.kind
    }

    /// The INSEE code (or SIREN for an EPCI or `SCoT`), if known.
    pub fn insee_code(&self) -> Option<&str> {
        self.insee_code.as_deref()
    }

    /// Whether `self` and `other` are the same territory: same kind, and the
    /// same code when both have one, else the same name ignoring case.
    pub fn same_as(&self, other: &Territory) -> bool {
        self.kind == other.kind
            && match (&self.insee_code, &other.insee_code) {
                (Some(a), Some(b)) => a == b,
                _ => self.name.as_str().to_lowercase() == other.name.as_str().to_lowercase(),
            }
    }
}

/// A territory reduced to what [`Territory::same_as`] compares, computed once
/// (the lowercase name) so that looking it up allocates nothing.
#[derive(Debug, Clone)]
pub(crate) struct TerritoryKey<'a> {
    kind: TerritoryKind,
    name: String,
    code: Option<&'a str>,
}

impl<'a> TerritoryKey<'a> {
    pub(crate) fn of(t: &'a Territory) -> Self {
        TerritoryKey {
            kind: t.kind,
            name: t.name.as_str().to_lowercase(),
            code: t.insee_code.as_deref(),
        }
    }
}

/// Territory indexes by kind, then lowercase name.
type NameIndex = HashMap<TerritoryKind, HashMap<String, Vec<usize>>>;

/// Indexes territories so that every territory [`Territory::same_as`] matches
/// is found without comparing pairs: one with a code matches those with the
/// same code, and those of the same name that have no code; one without a
/// code matches every territory of its name. Each lookup costs the matches it
/// returns, so a thousand communes of one name with different codes stay
/// linear.
#[derive(Debug, Default)]
pub(crate) struct TerritoryIndex<'a> {
    len: usize,
    by_name: NameIndex,
    uncoded_by_name: NameIndex,
    by_code: HashMap<TerritoryKind, HashMap<&'a str, Vec<usize>>>,
}

impl<'a> TerritoryIndex<'a> {
    /// The two lists (each in insertion order, disjoint) whose union is
    /// every territory added so far that is the same as `key`.
    fn candidates<'s>(&'s self, key: &TerritoryKey<'_>) -> (&'s [usize], &'s [usize]) {
        fn named<'m>(m: &'m NameIndex, key: &TerritoryKey<'_>) -> &'m [usize] {
            m.get(&key.kind)
                .and_then(|n| n.get(key.name.as_str()))
                .map_or(&[][..], Vec::as_slice)
        }
        match key.code {
            Some(code) => (
                self.by_code
                    .get(&key.kind)
                    .and_then(|c| c.get(code))
                    .map_or(&[][..], Vec::as_slice),
                named(&self.uncoded_by_name, key),
            ),
            None => (named(&self.by_name, key), &[][..]),
        }
    }

    /// The indexes (in insertion order) of the territories added so far that
    /// are the same as `key`.
    #[cfg(test)]
    pub(crate) fn matches(&self, key: &TerritoryKey<'_>) -> Vec<usize> {
        let (a, b) = self.candidates(key);
        let mut found: Vec<usize> = a.iter().chain(b).copied().collect();
        found.sort_unstable();
        found
    }

    /// The first territory added that is the same as `key`.
    pub(crate) fn first_match(&self, key: &TerritoryKey<'_>) -> Option<usize> {
        let (a, b) = self.candidates(key);
        match (a.first(), b.first()) {
            (Some(&x), Some(&y)) => Some(x.min(y)),
            (x, y) => x.or(y).copied(),
        }
    }

    /// Adds a territory; returns its index.
    pub(crate) fn push(&mut self, key: TerritoryKey<'a>) -> usize {
        let i = self.len;
        self.len += 1;
        let TerritoryKey { kind, name, code } = key;
        match code {
            Some(code) => self
                .by_code
                .entry(kind)
                .or_default()
                .entry(code)
                .or_default()
                .push(i),
            None => self
                .uncoded_by_name
                .entry(kind)
                .or_default()
                .entry(name.clone())
                .or_default()
                .push(i),
        }
        self.by_name
            .entry(kind)
            .or_default()
            .entry(name)
            .or_default()
            .push(i);
        i
    }
}

/// Groups territories: each joins the earliest group whose first territory
/// is the same as it ([`Territory::same_as`]), or starts a new group. Returns
/// each territory's group number, groups numbered in order of appearance.
pub(crate) fn group_territories<'a>(
    territories: impl IntoIterator<Item = &'a Territory>,
) -> Vec<usize> {
    let mut firsts = TerritoryIndex::default();
    territories
        .into_iter()
        .map(|t| {
            let key = TerritoryKey::of(t);
            match firsts.first_match(&key) {
                Some(g) => g,
                None => firsts.push(key),
            }
        })
        .collect()
}

impl fmt::Display for Territory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.insee_code {
            Some(code) => write!(f, "{} ({}, {code})", self.name, self.kind),
            None => write!(f, "{} ({})", self.name, self.kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(kind: TerritoryKind, code: &str) -> Result<Territory> {
        Territory::new(Text::new("x").unwrap(), kind, Some(code.to_owned()))
    }

    #[test]
    fn commune_codes() {
        // Lille and Loos-en-Gohelle (INSEE, Code officiel géographique).
        assert!(t(TerritoryKind::Commune, "59350").is_ok());
        assert!(t(TerritoryKind::Commune, "62528").is_ok());
        assert!(t(TerritoryKind::Commune, "2A004").is_ok());
        for bad in ["5935", "593500", "2C004", "59 35", "5935a", ""] {
            let e = t(TerritoryKind::Commune, bad).unwrap_err();
            assert_eq!(e.code(), "invalid_value", "{bad}");
        }
    }

    #[test]
    fn siren_codes_carry_a_luhn_key() {
        // SIRENs of CA Lens-Liévin, CC Sud-Artois, CC Pévèle Carembault.
        for ok in ["246200364", "200035442", "200041960"] {
            assert!(t(TerritoryKind::Epci, ok).is_ok(), "{ok}");
            assert!(t(TerritoryKind::Scot, ok).is_ok(), "{ok}");
        }
        // Last digit changed: the Luhn sum is no longer a multiple of 10.
        let e = t(TerritoryKind::Epci, "246200365").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid INSEE code (got \"246200365\" for epci `x`): an EPCI or SCoT is coded by a SIREN: 9 digits with a valid Luhn check digit"
        );
        assert!(t(TerritoryKind::Epci, "59350").is_err());
    }

    #[test]
    fn department_and_region_codes() {
        for ok in ["59", "62", "2A", "2B", "971", "976"] {
            assert!(t(TerritoryKind::Department, ok).is_ok(), "{ok}");
        }
        for bad in ["977", "5", "590", "2C"] {
            assert!(t(TerritoryKind::Department, bad).is_err(), "{bad}");
        }
        assert!(t(TerritoryKind::Region, "32").is_ok());
        assert!(t(TerritoryKind::Region, "3").is_err());
        assert!(t(TerritoryKind::Region, "2A").is_err());
    }

    #[test]
    fn serde_is_strict() {
        let ok: Territory =
            serde_json::from_str(r#"{"name":"Lille","kind":"commune","insee_code":"59350"}"#)
                .unwrap();
        assert_eq!(ok.insee_code(), Some("59350"));
        assert!(serde_json::from_str::<Territory>(
            r#"{"name":"Lille","kind":"commune","insee_code":"593"}"#
        )
        .is_err());
        assert!(serde_json::from_str::<Territory>(
            r#"{"name":"Lille","kind":"commune","population":1}"#
        )
        .is_err());
        assert!(serde_json::from_str::<Territory>(r#"{"name":"Lille","kind":"ville"}"#).is_err());
    }

    #[test]
    fn same_territory() {
        let a = Territory::new(Text::new("Lille").unwrap(), TerritoryKind::Commune, None).unwrap();
        let b = t(TerritoryKind::Commune, "59350").unwrap();
        let c = Territory::new(Text::new("LILLE").unwrap(), TerritoryKind::Commune, None).unwrap();
        assert!(a.same_as(&c));
        assert!(!a.same_as(&b)); // names differ ("Lille" vs "x"), a has no code
        assert!(b.same_as(&t(TerritoryKind::Commune, "59350").unwrap()));
    }

    #[test]
    fn grouping_follows_the_first_territory() {
        let n = |s: &str, code: Option<&str>| {
            Territory::new(
                Text::new(s).unwrap(),
                TerritoryKind::Commune,
                code.map(str::to_owned),
            )
            .unwrap()
        };
        let ts = [
            n("Lille", Some("59350")),
            n("Douai", None),
            n("LILLE", None),
            n("Ville de Lille", Some("59350")),
            n("Lille", Some("59999")),
        ];
        // "Lille" with another code is not the first Lille (codes differ).
        assert_eq!(group_territories(&ts), vec![0, 1, 0, 0, 2]);
    }

    proptest! {
        /// The index finds exactly the pairs `same_as` matches.
        #[test]
        fn index_matches_same_as(ts in prop::collection::vec((0usize..3, 0usize..3, prop::option::of(0usize..3), 0usize..2), 0..12)) {
            let names = ["Lille", "LILLE", "Douai"];
            let codes = ["59350", "59178", "59999"];
            let kinds = [TerritoryKind::Commune, TerritoryKind::Epci];
            let ts: Vec<Territory> = ts.iter().map(|&(n, _, c, k)| {
                let kind = kinds[k];
                let code = c.map(|c| if kind == TerritoryKind::Epci { ["246200364", "200035442", "200041960"][c].to_owned() } else { codes[c].to_owned() });
                Territory::new(Text::new(names[n]).unwrap(), kind, code).unwrap()
            }).collect();
            let mut index = TerritoryIndex::default();
            for (i, t) in ts.iter().enumerate() {
                let key = TerritoryKey::of(t);
                let want: Vec<usize> = (0..i).filter(|&j| ts[j].same_as(t)).collect();
                prop_assert_eq!(index.matches(&key), want);
                index.push(key);
            }
        }

        #[test]
        fn luhn_accepts_exactly_one_key_per_body(body in 0u32..100_000_000) {
            let body = format!("{body:08}");
            let valid: Vec<u8> = (0u8..10)
                .filter(|k| luhn_valid(format!("{body}{k}").as_bytes()))
                .collect();
            prop_assert_eq!(valid.len(), 1);
        }
    }
}
