//! Identifiers of households, teams and meters.
//!
//! An identifier is a non-empty string without leading or trailing white
//! space, checked when it is built (and when it is read from JSON).

use std::fmt;

use crate::error::{Error, Result};
use crate::{msg, noun};

macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident, $what:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The identifier, checked.
            ///
            /// # Errors
            /// [`Error::InvalidValue`] when it is empty or has white space at
            /// either end.
            pub fn new(id: impl Into<String>) -> Result<Self> {
                let id = id.into();
                if id.is_empty() || id.trim() != id {
                    return Err(Error::invalid(
                        $what,
                        crate::error::quoted(&id),
                        msg!("an identifier is non-empty, without white space at either end"),
                    ));
                }
                Ok($name(id))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(s: String) -> Result<Self> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                $name::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

identifier!(
    /// Identifies a household (*foyer*) within a challenge.
    HouseholdId,
    noun!("household id")
);
identifier!(
    /// Identifies a team (*équipe*) within a challenge.
    TeamId,
    noun!("team id")
);
identifier!(
    /// Identifies a meter within a household.
    MeterId,
    noun!("meter id")
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert_eq!(HouseholdId::new("F-12").unwrap().as_str(), "F-12");
        assert!(HouseholdId::new("").is_err());
        assert!(TeamId::new(" a").is_err());
        assert!(serde_json::from_str::<MeterId>("\"\"").is_err());
        assert_eq!(
            serde_json::from_str::<MeterId>("\"gaz\"").unwrap().as_str(),
            "gaz"
        );
    }
}
