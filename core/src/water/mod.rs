//! The water theme: from each household's water meters to litres per
//! person per day in the reference and challenge periods, their change, and
//! a comparison with a national reference.
//!
//! Litres per person per day = Δm³ × 1000 ÷ person-days (DOMAIN.md §4;
//! per day of presence, [`crate::Occupancy::person_days`]). Water is not
//! climate-corrected.

mod household;
mod input;
mod report;

pub use household::{household_water, WaterIndicators};
pub use input::{WaterMeter, WaterOptions, WaterReference, WaterUnit};
pub use report::{water_report, WaterReport, WaterTeam, WaterTotals};
