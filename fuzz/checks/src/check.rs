//! What every target checks besides "no panic": errors say where, every
//! household comes out, small inputs run fast.

use std::fmt;
use std::time::{Duration, Instant};

use ecodefi::{ChallengeData, Error, Report};

/// A broken promise found on one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The target that found it.
    pub target: &'static str,
    /// What is wrong.
    pub what: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.target, self.what)
    }
}

impl std::error::Error for Finding {}

/// Which checks run, and their limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checks {
    /// Whether an error without a location is a finding (on by default).
    /// A fuzz run can turn it off (`ECODEFI_FUZZ_UNLOCATED=allow`) to keep
    /// looking for panics past a known unlocated error.
    pub located_errors: bool,
    /// The longest an execution on an input of at most [`SMALL_INPUT`]
    /// bytes may take: one second optimised, ten in an unoptimised test
    /// build. The fuzz build is optimised but has debug assertions and
    /// sanitizers on, so `scripts/fuzz` sets it through
    /// `ECODEFI_FUZZ_TIME_LIMIT_MS` (1000).
    pub time_limit: Duration,
}

/// The size under which an input is "small" for [`Checks::time_limit`].
pub const SMALL_INPUT: usize = 64 * 1024;

impl Default for Checks {
    fn default() -> Self {
        Checks {
            located_errors: true,
            time_limit: if cfg!(debug_assertions) {
                Duration::from_secs(10)
            } else {
                Duration::from_secs(1)
            },
        }
    }
}

impl Checks {
    /// The defaults, with `ECODEFI_FUZZ_UNLOCATED=allow` and
    /// `ECODEFI_FUZZ_TIME_LIMIT_MS` read from the environment.
    pub fn from_env() -> Self {
        let default = Checks::default();
        Checks {
            located_errors: std::env::var("ECODEFI_FUZZ_UNLOCATED").as_deref() != Ok("allow"),
            time_limit: std::env::var("ECODEFI_FUZZ_TIME_LIMIT_MS")
                .ok()
                .and_then(|ms| ms.parse().ok())
                .map_or(default.time_limit, Duration::from_millis),
        }
    }

    /// `e` must say where it was found, when its kind has a location at all
    /// (JSON syntax errors carry their line in the message; schema-version
    /// and unsupported-feature errors concern the whole document).
    pub(crate) fn located(
        &self,
        target: &'static str,
        step: &str,
        e: &Error,
    ) -> Result<(), Finding> {
        match e.location() {
            Some(at) if at.is_empty() && self.located_errors => Err(Finding {
                target,
                what: format!("{step}: error without a location: {e}"),
            }),
            _ => Ok(()),
        }
    }

    /// A run over `size` bytes that started at `start` must have been fast.
    pub(crate) fn timed(
        &self,
        target: &'static str,
        start: Instant,
        size: usize,
    ) -> Result<(), Finding> {
        let took = start.elapsed();
        if size <= SMALL_INPUT && took > self.time_limit {
            return Err(Finding {
                target,
                what: format!("{size} bytes took {took:?} (limit {:?})", self.time_limit),
            });
        }
        Ok(())
    }
}

/// Every household of `data` appears, once and in order, in every theme
/// section of `report`, and the report counts them all.
pub(crate) fn households_present(
    target: &'static str,
    data: &ChallengeData,
    report: &Report,
) -> Result<(), Finding> {
    let expected: Vec<String> = data.households.iter().map(|h| h.id.to_string()).collect();
    let lost = |what: String| Err(Finding { target, what });
    if usize::try_from(report.households).ok() != Some(expected.len()) {
        return lost(format!(
            "report counts {} households, input has {}",
            report.households,
            expected.len()
        ));
    }
    let json = serde_json::to_value(report).map_err(|e| Finding {
        target,
        what: format!("report does not serialise: {e}"),
    })?;
    for section in ["energy", "water", "waste", "food", "mobility"] {
        let Some(s) = json.get(section) else { continue };
        let got: Vec<String> = s
            .get("households")
            .and_then(serde_json::Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|h| {
                        h.get("household")
                            .and_then(|v| v.as_str())
                            .unwrap_or("?")
                            .to_owned()
                    })
                    .collect()
            })
            .unwrap_or_default();
        if got != expected {
            return lost(format!(
                "{section}: households {got:?} in the report, {expected:?} in the input"
            ));
        }
    }
    Ok(())
}

/// `report` serialises to JSON and reads back to the same document.
pub(crate) fn round_trip(target: &'static str, report: &Report) -> Result<(), Finding> {
    let broken = |what: String| Finding { target, what };
    let json = report
        .to_json()
        .map_err(|e| broken(format!("report to JSON: {e}")))?;
    let back: Report =
        serde_json::from_str(&json).map_err(|e| broken(format!("report from its JSON: {e}")))?;
    let again = back
        .to_json()
        .map_err(|e| broken(format!("report to JSON again: {e}")))?;
    if again != json {
        return Err(broken("the report changes through its JSON".to_owned()));
    }
    Ok(())
}
