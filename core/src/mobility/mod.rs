//! The mobility theme: from trips or weekly diaries to km per person per
//! week by mode, the car share of trips and of km, and kgCO2e with a
//! per-mode factor table, compared between a reference and a challenge
//! period (DOMAIN.md §7).

mod household;
mod input;
mod report;

pub use household::{household_mobility, MobilityIndicators, ModeFigures, PeriodMobility};
pub use input::{MobilityOptions, Mode, ModeFactor, ModeFactors, Trip};
pub use report::{mobility_report, MobilityReport, MobilityTeam, MobilityTotals};
