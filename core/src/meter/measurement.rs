//! What households report: index readings, meter events, bills and
//! deliveries of stored fuels.

use crate::date::Date;
use rust_decimal::Decimal;

use crate::period::Period;

/// A meter's index on a day. A reading dated `D` is the index at the start
/// of day `D` (see [`crate::period`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The day of the reading.
    pub date: Date,
    /// The index, in the meter's unit.
    pub value: Decimal,
}

/// Something that happened to a meter between two readings and explains an
/// index that goes down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum MeterEvent {
    /// The meter was replaced on `date`: the old meter's last index and the
    /// new meter's first index.
    Replacement {
        /// The day of the replacement.
        date: Date,
        /// The old meter's index when removed.
        old_final: Decimal,
        /// The new meter's index when installed.
        new_initial: Decimal,
    },
    /// The index went past its maximum and restarted from zero on `date`:
    /// it counts modulo `modulus` (100 000 for a five-digit counter).
    Rollover {
        /// A day between the reading before and the reading after.
        date: Date,
        /// The value at which the index restarts from zero.
        modulus: Decimal,
    },
}

impl MeterEvent {
    /// The day of the event.
    pub fn date(&self) -> Date {
        match self {
            MeterEvent::Replacement { date, .. } | MeterEvent::Rollover { date, .. } => *date,
        }
    }
}

/// A bill or statement: a quantity consumed over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bill {
    /// The days billed.
    pub period: Period,
    /// The quantity, in the meter's unit.
    pub quantity: Decimal,
}

/// A delivery of a stored fuel (fuel oil, propane, wood…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// The day of the delivery.
    pub date: Date,
    /// The quantity delivered, in the meter's unit.
    pub quantity: Decimal,
}

/// An estimate of the stock in the tank or woodshed at the start of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockEstimate {
    /// The day of the estimate (stock at the start of that day).
    pub date: Date,
    /// The quantity in stock, in the meter's unit.
    pub quantity: Decimal,
}
