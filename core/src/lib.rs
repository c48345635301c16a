//! # ecodefi
//!
//! The open, exact engine for the results of eco-citizen challenges
//! (*défis écocitoyens*): households who commit for a few months to cut their
//! energy and water use and their waste, and to change how they eat and
//! travel.
//!
//! All quantities are exact decimals; every formula and default coefficient
//! cites its source; every household of the input appears in the output,
//! with its result or the reason it was excluded.
//!
//! ## Map of the crate
//!
//! The data flow one way, and the modules follow it:
//!
//! - inputs: [`challenge`], [`household`], [`meter`], [`weather`], [`id`],
//!   [`date`], [`period`], [`quantity`]
//! - errors: [`error`]
//! - weather-regression baselines: [`regression`]
//! - the regional catalogue of challenges: [`catalogue`]
//! - per-person themes: [`water`], [`waste`], [`food`], [`mobility`], with
//!   [`rate`] (rates per person and per consumption unit over periods of
//!   presence) and [`outcome`] (a household's result in one theme: the
//!   one shape of every theme, energy's too) and [`section`] (a theme's
//!   section read the same way whatever the theme: headline, ranking,
//!   households)
#![deny(missing_docs)]

pub mod aggregate;
pub mod catalogue;
pub mod challenge;
pub mod climate;
pub mod consumption;
pub mod data;
pub mod date;
pub mod energy;
pub mod error;
pub mod exclusion;
#[cfg(feature = "files")]
pub mod files;
pub mod food;
pub mod french;
pub mod household;
pub mod id;
pub mod message;
pub mod meter;
pub mod mobility;
mod names;
pub mod outcome;
pub mod parallel;
pub mod period;
pub mod provisional;
pub mod quantity;
pub mod rate;
pub mod references;
pub mod regression;
pub mod report;
pub mod section;
mod sort;
pub mod synthetic;
pub mod table;
pub mod waste;
pub mod water;
pub mod weather;

pub use challenge::{Challenge, OrganiserKind, Team, Theme};
pub use data::{ChallengeData, Options, SCHEMA_VERSION};
pub use date::Date;
pub use error::{Error, Location, Result};
pub use household::{Household, Occupancy, Occupants};
pub use id::{HouseholdId, MeterId, TeamId};
pub use period::Period;
pub use provisional::AsOf;
pub use quantity::{Euros, Kg, KgCo2e, Km, Kwh, Litres, Ratio};
pub use report::{compute, compute_as_of, Report, REPORT_SCHEMA_VERSION};

/// Re-exported so that callers use the same decimal type.
pub use rust_decimal::Decimal;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
