//! Names and labels: non-empty text without white space at either end.

use std::fmt;

use crate::error::{Error, Result};
use crate::{msg, noun};

/// A name or label (a challenge's name, an edition, an organiser…): non-empty,
/// without white space at either end. Checked when built and when read from
/// JSON (the schema's `text` definition says the same).
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Text(pub(super) String);

impl Text {
    /// The text, checked.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when it is empty or has white space at either
    /// end.
    pub fn new(text: impl Into<String>) -> Result<Self> {
        let text = text.into();
        if text.is_empty() || text.trim() != text {
            return Err(Error::invalid(
                noun!("text"),
                crate::error::quoted(&text),
                msg!("a name or label is non-empty, without white space at either end"),
            ));
        }
        Ok(Text(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Text {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        Text::new(s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

impl std::str::FromStr for Text {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Text::new(s)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_checked() {
        assert_eq!(
            Text::new("Défi zéro déchet").unwrap().as_str(),
            "Défi zéro déchet"
        );
        for bad in ["", " a", "a ", "\n", "a\t"] {
            assert_eq!(Text::new(bad).unwrap_err().code(), "invalid_value");
        }
        assert!(serde_json::from_str::<Text>("\"\"").is_err());
    }
}
