//! Enumerations spelled the same in every language.
//!
//! [`named_enum!`](crate::named_enum) declares an enum whose variants each have one
//! spelling (`snake_case`), used by `Display`, `FromStr`, serde, and so by the
//! Python and JavaScript bindings: `parse(display(x)) == x`.

/// Declares an enum with one string spelling per variant, and its `Display`,
/// `FromStr` (failing with [`Error::UnknownName`](crate::Error::UnknownName)),
/// `Serialize`, `Deserialize` and `ALL`.
#[macro_export]
#[doc(hidden)]
macro_rules! named_enum {
    (
        $(#[$doc:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vdoc:meta])* $variant:ident = $spelling:literal, )+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vdoc])* $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The one spelling of this variant.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $spelling,)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> ::std::result::Result<Self, $crate::Error> {
                match s {
                    $($spelling => Ok($name::$variant),)+
                    _ => Err($crate::Error::UnknownName {
                        what: $what,
                        got: s.to_owned(),
                        expected: concat!($($spelling, " "),+).trim_ascii_end(),
                        at: $crate::error::Location::NONE,
                    }),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}
