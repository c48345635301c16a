//! The waste theme: from each household's weighings (*pesées*) to kg per
//! person per week and per year, per stream, for the residual
//! ("non recyclables") stream and for the total, and their change between a
//! reference period and one or more challenge periods.
//!
//! Periods differ in length, so rates are compared, not raw totals
//! (DOMAIN.md §5).

mod household;
mod input;
mod report;

pub use household::{household_waste, Flow, StreamFlow, WasteIndicators};
pub use input::{Stream, WasteOptions, Weighing};
pub use report::{waste_report, waste_totals, StreamTotals, WasteReport, WasteTeam, WasteTotals};
