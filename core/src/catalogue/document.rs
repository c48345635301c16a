//! The catalogue document: a versioned list of records, read from and
//! written to JSON.

use crate::error::{Error, Result};

use super::record::CatalogueRecord;
use super::text::Text;

/// The version of the catalogue's JSON format that this library reads and
/// writes; `schemas/catalogue.schema.json` describes it. A document of any
/// other version is refused with [`Error::SchemaVersion`].
pub const SCHEMA_VERSION: u32 = 1;

/// A catalogue of challenges, e.g. those of a region.
///
/// Reading checks each record's shape (unknown fields are refused); what
/// needs the whole catalogue (duplicates, overlapping editions, impossible
/// figures) is reported by [`Catalogue::validate`] as a list of findings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CatalogueRepr", into = "CatalogueRepr")]
pub struct Catalogue {
    /// What the catalogue covers, e.g. `Hauts-de-France`.
    pub title: Option<Text>,
    /// The records, in the order given.
    pub records: Vec<CatalogueRecord>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueRepr {
    schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<Text>,
    records: Vec<CatalogueRecord>,
}

impl TryFrom<CatalogueRepr> for Catalogue {
    type Error = Error;
    fn try_from(r: CatalogueRepr) -> Result<Self> {
        if r.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                got: r.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Catalogue {
            title: r.title,
            records: r.records,
        })
    }
}

impl From<Catalogue> for CatalogueRepr {
    fn from(c: Catalogue) -> Self {
        CatalogueRepr {
            schema_version: SCHEMA_VERSION,
            title: c.title,
            records: c.records,
        }
    }
}

impl Catalogue {
    /// A catalogue of these records.
    pub fn new(title: Option<Text>, records: Vec<CatalogueRecord>) -> Self {
        Catalogue { title, records }
    }

    /// Reads a catalogue from JSON.
    ///
    /// # Errors
    /// [`Error::SchemaVersion`] when the document's `schema_version` is not
    /// [`SCHEMA_VERSION`]; [`Error::Json`] when it is not JSON or not of the
    /// catalogue's shape (an unknown field, a missing one, a malformed code…),
    /// with the parser's line and column.
    ///
    /// # Example
    /// ```
    /// use ecodefi::catalogue::Catalogue;
    /// let c = Catalogue::from_json(r#"{"schema_version": 1, "records": []}"#)?;
    /// assert!(c.records.is_empty());
    /// let e = Catalogue::from_json(r#"{"schema_version": 2, "records": []}"#).unwrap_err();
    /// assert_eq!(e.code(), "schema_version");
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        // Look at the version first, so that a document of another version
        // is reported as such rather than as its first unknown field.
        #[derive(serde::Deserialize)]
        struct Version {
            schema_version: Option<serde_json::Value>,
        }
        if let Ok(Version {
            schema_version: Some(v),
        }) = serde_json::from_str::<Version>(json)
        {
            if let Some(got) = v.as_u64() {
                if got != u64::from(SCHEMA_VERSION) {
                    return Err(Error::SchemaVersion {
                        got: u32::try_from(got).unwrap_or(u32::MAX),
                        supported: SCHEMA_VERSION,
                    });
                }
            }
        }
        Ok(serde_json::from_str(json)?)
    }

    /// Writes the catalogue as pretty-printed JSON (with its
    /// `schema_version`).
    ///
    /// # Errors
    /// [`Error::Json`] if serialisation fails (it does not for catalogues
    /// built by this library).
    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(self)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_checked_first() {
        let e =
            Catalogue::from_json(r#"{"schema_version": 7, "records": [], "x": 1}"#).unwrap_err();
        assert_eq!(
            e,
            Error::SchemaVersion {
                got: 7,
                supported: 1
            }
        );
        let e = Catalogue::from_json(r#"{"records": []}"#).unwrap_err();
        assert_eq!(e.code(), "json");
        assert!(e.to_string().contains("schema_version"), "{e}");
        let e =
            Catalogue::from_json(r#"{"schema_version": 1, "records": [], "x": 1}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `x`"), "{e}");
        assert_eq!(Catalogue::from_json("[").unwrap_err().code(), "json");
    }

    #[test]
    fn writes_its_version() {
        let json = Catalogue::new(None, vec![]).to_json().unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).unwrap(),
            serde_json::json!({"schema_version": 1, "records": []})
        );
    }
}
