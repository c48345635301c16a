//! The weather-regression baseline ([`ecodefi::regression`]) as a Python
//! function and class: pandas Series are put in the core's dict form by
//! `ecodefi/_regression.py`, read by the core's serde types, and every check
//! is the core's.

use ecodefi::message::Arg;
use ecodefi::msg;
use ecodefi::regression::{
    self, BillingPeriod, DailyTemperature, DailyUsage, Interval, RegressionOptions, SavingsOptions,
    UsageData,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{from_python, to_python, Wrap};

fn core<T>(r: ecodefi::Result<T>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// Calls a helper of `ecodefi/_regression.py` (pandas to the core's form and
/// back).
fn helper<'py>(
    py: Python<'py>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("ecodefi._regression")?.getattr(name)?.call1(args)
}

/// The fields of `UsageData::Daily`, read with the core's `DailyUsage`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DailyFields {
    days: Vec<DailyUsage>,
}

/// The fields of `UsageData::Billing`, read with the core's types.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BillingFields {
    periods: Vec<BillingPeriod>,
    temperatures: Vec<DailyTemperature>,
}

/// Reads the core's `UsageData` from a dict. serde buffers an internally
/// tagged enum's fields untyped, which would turn a `float` temperature
/// into text; so the tag is read first (as the core's `Interval` name) and
/// the fields are read straight into the core's field types. Any other
/// object goes to the core's own deserialiser, whose error names it.
fn usage_from_python(data: &Bound<'_, PyAny>) -> PyResult<UsageData> {
    let Ok(dict) = data.cast::<PyDict>() else {
        return Ok(from_python(data)?);
    };
    let Some(kind) = dict.get_item("kind")? else {
        return Ok(from_python(data)?);
    };
    let kind: Interval = from_python(&kind)?;
    let fields = dict.copy()?;
    fields.del_item("kind")?;
    let fields = fields.into_any();
    Ok(match kind {
        Interval::Daily => {
            let f: DailyFields = from_python(&fields)?;
            UsageData::Daily { days: f.days }
        }
        Interval::Billing => {
            let f: BillingFields = from_python(&fields)?;
            UsageData::Billing {
                periods: f.periods,
                temperatures: f.temperatures,
            }
        }
    })
}

/// Daily temperatures from an Arrow table (`date`, `temperature_c`), a
/// pandas Series or the core's list of dicts.
fn temperature_days(
    py: Python<'_>,
    temperatures: &Bound<'_, PyAny>,
) -> PyResult<Vec<DailyTemperature>> {
    if let Some(days) = crate::arrow::regression::temperatures(temperatures)? {
        return Ok(days);
    }
    let rows = helper(py, "temperature_rows", (temperatures,))?;
    Ok(from_python(&rows)?)
}

/// The core's `SavingsOptions` from a dict (absent or `None`: defaults).
fn savings_options(options: Option<&Bound<'_, PyAny>>) -> PyResult<SavingsOptions> {
    Ok(match options {
        Some(o) if !o.is_none() => from_python(o)?,
        _ => SavingsOptions::default(),
    })
}

fn usage_data(
    py: Python<'_>,
    usage: &Bound<'_, PyAny>,
    temperatures: Option<&Bound<'_, PyAny>>,
) -> PyResult<UsageData> {
    // An Arrow table of `date`, `usage`, `temperature_c` (feature `arrow`).
    if temperatures.is_none() {
        if let Some(days) = crate::arrow::regression::daily_usage(usage)? {
            return Ok(UsageData::Daily { days });
        }
    }
    let data = helper(py, "usage_data", (usage, temperatures))?;
    usage_from_python(&data)
}

/// Fits a weather-regression baseline (CalTRACK 2.0 / PRISM, the core's
/// ``regression::fit``) on daily usage or bills.
///
/// ``usage`` is a pandas Series of daily usage (kWh) indexed by day, with
/// ``temperatures`` a Series of daily mean temperatures (°C) indexed by day
/// (days without both are left out), or the core's dict form
/// (``{"kind": "daily", "days": [...]}`` or ``{"kind": "billing", ...}``).
/// ``options`` is a dict of the core's ``RegressionOptions`` (unknown keys
/// refused), including the baseline window: ``baseline_start`` and
/// ``baseline_end`` (``datetime.date``), or ``reporting_start`` (the window
/// is then the ``baseline_days`` before it); without them the window is the
/// data's first to last day. Data-quality problems are named checks in
/// ``Baseline.sufficiency`` (with the window, its valid and missing days),
/// not errors.
#[pyfunction]
#[pyo3(signature = (usage, temperatures=None, options=None))]
pub fn regression_fit(
    py: Python<'_>,
    usage: &Bound<'_, PyAny>,
    temperatures: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBaseline> {
    let data = usage_data(py, usage, temperatures)?;
    let options: RegressionOptions = match options {
        Some(o) if !o.is_none() => from_python(o)?,
        _ => RegressionOptions::default(),
    };
    let baseline = py.detach(|| regression::fit(&data, &options));
    core(baseline).map(PyBaseline)
}

/// A fitted weather-regression baseline (the core's
/// ``regression::Baseline``): the sufficiency report, the selected model or
/// the reason there is none.
#[pyclass(module = "ecodefi", name = "Baseline", frozen)]
pub struct PyBaseline(pub regression::Baseline);

impl PyBaseline {
    fn fitted(&self) -> PyResult<&regression::FittedModel> {
        let why = match self.0.no_model_reason {
            Some(r) => msg!(
                "the baseline has no model ({reason})",
                reason = Arg::text(r)
            ),
            None => msg!("the baseline has no model"),
        };
        self.0.model.as_ref().ok_or_else(|| {
            PyErr::from(Wrap(ecodefi::Error::InsufficientData {
                why,
                at: ecodefi::error::Location::NONE,
            }))
        })
    }
}

#[pymethods]
impl PyBaseline {
    /// Reads a baseline from the dict ``to_dict`` gives (the core's serde
    /// shape, unknown fields refused), e.g. to predict with a saved model.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyBaseline(from_python(data)?))
    }

    /// Normalised annual consumption (PRISM, the core's
    /// ``normalised_annual_consumption``): the model applied to a normal
    /// year's daily mean temperatures (°C; a list or Series), scaled to 365
    /// days. A dict with ``days``, ``base``, ``heating``, ``cooling`` and
    /// ``total``.
    fn normalised_annual_consumption<'py>(
        &self,
        py: Python<'py>,
        temperatures: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let model = self.fitted()?;
        let values = helper(py, "values", (temperatures,))?;
        let normal: Vec<f64> = from_python(&values)?;
        let nac = core(model.normalised_annual_consumption(&normal))?;
        to_python(py, &nac)
    }

    /// The baseline as a dict in the core's JSON shape (``Decimal`` where the
    /// core has a decimal).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// The selected model (kind, balance points in °C, coefficients per day
    /// and per °C-degree-day, fit metrics) as a dict, or ``None``.
    #[getter]
    fn model<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.model)
    }

    /// The named checks of the data (CalTRACK 2.0 sufficiency) as a dict.
    #[getter]
    fn sufficiency<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.sufficiency)
    }

    /// Why there is no model (``"no_data"``, ``"negative_values"``,
    /// ``"no_qualified_candidate"``), or ``None``.
    #[getter]
    fn no_model_reason(&self) -> Option<String> {
        self.0.no_model_reason.map(|r| r.to_string())
    }

    /// Whether the baseline may be used: a model was selected and no
    /// sufficiency check failed.
    #[getter]
    fn usable(&self) -> bool {
        self.0.usable()
    }

    /// The model's predicted usage for each day of ``temperatures`` (a
    /// Series of °C indexed by day, an Arrow table of ``date`` and
    /// ``temperature_c``, or a list of ``{"date", "temperature_c"}``
    /// dicts): a DataFrame (an ``ArrowTable`` with ``date``, or a list of
    /// dicts) with ``base``, ``heating``, ``cooling`` and ``total``.
    fn predict<'py>(
        &self,
        py: Python<'py>,
        temperatures: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let model = self.fitted()?;
        let arrow = crate::arrow::regression::temperatures(temperatures)?;
        let is_arrow = arrow.is_some();
        let days = match arrow {
            Some(days) => days,
            None => temperature_days(py, temperatures)?,
        };
        // The core's checks on the whole series, then its per-day split.
        core(model.predict(&days))?;
        let per_day: Vec<_> = days
            .iter()
            .map(|d| model.predict_day(d.temperature_c))
            .collect();
        if is_arrow {
            // An Arrow table in, an Arrow table out (`ecodefi.ArrowTable`).
            return crate::arrow::regression::predictions(py, &days, &per_day);
        }
        let out = to_python(py, &per_day)?;
        helper(py, "prediction_output", (temperatures, out))
    }

    /// The prediction summed over ``temperatures`` (as for :meth:`predict`)
    /// with the cautions of a savings result (the core's
    /// ``predict_with``): a dict with ``prediction``,
    /// ``reporting_span_days``, ``days_colder_than_baseline``,
    /// ``days_warmer_than_baseline``, ``extrapolated_share`` and
    /// ``warnings`` (limits in ``options``, as for :meth:`savings`).
    #[pyo3(signature = (temperatures, options=None))]
    fn predict_report<'py>(
        &self,
        py: Python<'py>,
        temperatures: &Bound<'py, PyAny>,
        options: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let model = self.fitted()?;
        let days = temperature_days(py, temperatures)?;
        let options = savings_options(options)?;
        let report = core(model.predict_with(&days, &options))?;
        to_python(py, &report)
    }

    /// Metered savings over a reporting period (CalTRACK 2.0 §3.5.1):
    /// ``usage`` and ``temperatures`` as for :func:`regression_fit`, error
    /// bands at ``confidence``; ``options`` a dict of the core's
    /// ``SavingsOptions`` (``min_reporting_days``,
    /// ``max_extrapolated_share``: the limits of the ``warnings``). A dict;
    /// ``observed`` is an exact ``Decimal``.
    #[pyo3(signature = (usage, temperatures=None, confidence=0.9, options=None))]
    fn savings<'py>(
        &self,
        py: Python<'py>,
        usage: &Bound<'py, PyAny>,
        temperatures: Option<&Bound<'py, PyAny>>,
        confidence: f64,
        options: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let model = self.fitted()?;
        let data = usage_data(py, usage, temperatures)?;
        let options = savings_options(options)?;
        let savings = core(model.metered_savings_with(&data, confidence, &options))?;
        to_python(py, &savings)
    }

    fn __repr__(&self) -> String {
        match &self.0.model {
            Some(m) => format!("Baseline(model={}, usable={})", m.kind, self.0.usable()),
            None => format!(
                "Baseline(model=None, reason={})",
                self.0
                    .no_model_reason
                    .map_or_else(|| "unknown".to_string(), |r| r.to_string())
            ),
        }
    }
}
