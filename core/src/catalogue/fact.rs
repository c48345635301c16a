//! A fact that is either known or explicitly not known.
//!
//! A catalogue records what its sources say and nothing more. When a source
//! gives no household count, no themes or no results, the record says so in
//! so many words (`"unknown"`, `"not_published"`) rather than leaving a field
//! out or writing a zero, so that a reader can tell "none" from "not said".

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The spelling of [`Fact::Unknown`] in JSON.
pub const UNKNOWN: &str = "unknown";

/// The spelling of [`Results::NotPublished`](super::Results::NotPublished) in JSON.
pub const NOT_PUBLISHED: &str = "not_published";

/// A value stated by the source, or `"unknown"` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Fact<T> {
    /// The source states this value.
    Known(T),
    /// The source does not state it.
    Unknown,
}

impl<T> Fact<T> {
    /// The value, if known.
    pub fn known(&self) -> Option<&T> {
        match self {
            Fact::Known(v) => Some(v),
            Fact::Unknown => None,
        }
    }

    /// Whether the value is known.
    pub fn is_known(&self) -> bool {
        matches!(self, Fact::Known(_))
    }
}

impl<T> From<Option<T>> for Fact<T> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Fact::Unknown, Fact::Known)
    }
}

impl<T: Serialize> Serialize for Fact<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fact::Known(v) => v.serialize(s),
            Fact::Unknown => s.serialize_str(UNKNOWN),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Fact<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(value_or_marker(d, UNKNOWN)?.into())
    }
}

/// Reads either the marker string or a `T`, keeping `T`'s own error message
/// (an untagged enum would only say "did not match any variant").
pub(crate) fn value_or_marker<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
    marker: &str,
) -> Result<Option<T>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    if value.as_str() == Some(marker) {
        return Ok(None);
    }
    T::deserialize(value)
        .map(Some)
        .map_err(|e| D::Error::custom(format!("{e} (or the string \"{marker}\")")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_is_spelled_out() {
        assert_eq!(
            serde_json::to_string(&Fact::<u32>::Unknown).unwrap(),
            "\"unknown\""
        );
        assert_eq!(serde_json::to_string(&Fact::Known(189u32)).unwrap(), "189");
        assert_eq!(
            serde_json::from_str::<Fact<u32>>("189").unwrap(),
            Fact::Known(189)
        );
        assert_eq!(
            serde_json::from_str::<Fact<u32>>("\"unknown\"").unwrap(),
            Fact::Unknown
        );
        for bad in ["-1", "\"189\"", "null", "\"inconnu\"", "1.5"] {
            assert!(serde_json::from_str::<Fact<u32>>(bad).is_err(), "{bad}");
        }
    }
}
