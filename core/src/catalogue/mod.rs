//! A shared, machine-readable catalogue of challenges: the history and
//! current situation of a region's *défis écocitoyens*.
//!
//! Regional networks follow many challenges run by local authorities,
//! associations, companies and citizen groups, but these "are not
//! catalogued, so their history and current situation are hard to know"
//! (MRES, *Les défis écocitoyens en Hauts-de-France*). This module is that
//! catalogue: one [`CatalogueRecord`] per challenge edition, in a versioned
//! JSON document ([`SCHEMA_VERSION`], described by
//! `schemas/catalogue.schema.json`, unknown fields refused), checked as a
//! whole ([`Catalogue::validate`]), queried and aggregated
//! ([`Catalogue::summary`]) and told as a history per territory
//! ([`Catalogue::timelines`]).
//!
//! A record holds only what its source says: a fact the source does not give
//! is written `"unknown"` ([`Fact::Unknown`]) or, for results,
//! `"not_published"` ([`Results::NotPublished`]); nothing is filled in.
//!
//! ## Map of the module
//!
//! - [`record`]: [`CatalogueRecord`] (identity, territory, organisers,
//!   partners, years, themes, counts, results, status, provenance),
//!   [`YearSpan`], [`Status`], [`RecordRef`]
//! - [`territory`]: [`Territory`], [`TerritoryKind`], INSEE codes checked by
//!   shape
//! - [`result`]: [`ThemeResult`] (computed by ecodefi or published),
//!   [`Indicator`], [`Totals`], [`Origin`], [`Results`]
//! - [`fact`]: [`Fact`], known or explicitly unknown
//! - [`text`]: [`Text`], non-empty names and labels
//! - [`document`]: [`Catalogue`], JSON in and out, [`SCHEMA_VERSION`]
//! - [`validate`]: [`Finding`]s of the catalogue-level [`Rule`]s
//! - [`query`]: [`Filter`], [`GroupBy`], [`Summary`] (challenges,
//!   households, results combined only where meaningful)
//! - [`timeline`]: [`Timeline`] per territory
//! - [`from_report`]: [`CatalogueRecord::from_report`], a computed
//!   [`Report`](crate::Report) to a record, with a [`ReportContext`]
//!
//! ## Example
//! ```
//! use ecodefi::catalogue::{Catalogue, Filter, GroupBy};
//! let json = std::fs::read_to_string(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/examples/data/catalogue/hauts-de-france.json"
//! )).unwrap();
//! let catalogue = Catalogue::from_json(&json)?;
//! assert!(catalogue.validate().is_empty());
//! let region = catalogue.summary(GroupBy::All, &Filter::default())?;
//! assert_eq!(region.groups[0].challenges, 7);
//! assert_eq!(catalogue.timelines().len(), 7);
//! # Ok::<(), ecodefi::Error>(())
//! ```

pub mod document;
pub mod fact;
pub mod from_report;
pub mod query;
pub mod record;
pub mod result;
pub mod territory;
pub mod text;
pub mod timeline;
pub mod validate;

#[cfg(test)]
mod test_support;

pub use document::{Catalogue, SCHEMA_VERSION};
pub use fact::Fact;
pub use from_report::ReportContext;
pub use query::{Filter, Group, GroupBy, HouseholdCount, ResultAggregate, ResultItem, Summary};
pub use record::{CatalogueRecord, Organiser, Partner, Provenance, RecordRef, Status, YearSpan};
pub use result::{Indicator, Origin, Results, ThemeResult, TotalUnit, Totals};
pub use territory::{Territory, TerritoryKind};
pub use text::Text;
pub use timeline::{Headline, Timeline, TimelineEntry};
pub use validate::{Finding, Rule, MEMBERS_LISTED};
