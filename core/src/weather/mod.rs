//! Weather: daily temperatures and degree-days.

mod degree_days;
mod temperature;

pub use degree_days::{
    cooling_degree_days, degree_days, heating_degree_days, DegreeDayOptions, DegreeDays, Kind,
    Method, DEFAULT_BASE,
};
pub use temperature::{DailyTemperature, Observation, Temperatures};

#[cfg(feature = "files")]
pub(crate) use temperature::window_extremes;
