//! The water theme: from each household's water meters to litres per
//! person per day in the reference and challenge periods, their change, and
//! a comparison with a national reference.
//!
//! Litres per person per day = Δm³ × 1000 ÷ person-days (DOMAIN.md §4;
//! per day of presence, [`crate::Occupancy::person_days`]). Water is not
//! climate-corrected.

mod input;

pub use input::{WaterMeter, WaterOptions, WaterReference, WaterUnit};
