//! The regional catalogue of challenges ([`ecodefi::catalogue::Catalogue`])
//! as a Python class: read, validated, summarised and put on timelines by
//! the core.

use ecodefi::catalogue::{Catalogue, Filter, GroupBy};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{from_python, to_python, Wrap};
use crate::report::helper;

fn core<T>(r: ecodefi::Result<T>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// A regional catalogue of eco-citizen challenges
/// (``ecodefi::catalogue::Catalogue``): each record a challenge with its
/// territory, years, themes, households and published results.
#[pyclass(module = "ecodefi", name = "Catalogue", frozen)]
pub struct PyCatalogue(pub Catalogue);

#[pymethods]
impl PyCatalogue {
    /// Reads the catalogue's JSON document (the core's
    /// ``Catalogue::from_json``: schema version first, unknown fields
    /// refused).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        core(Catalogue::from_json(text)).map(PyCatalogue)
    }

    /// Reads the catalogue from a dict in the JSON document's shape (as
    /// ``json.load`` gives it; ``Decimal``, ``float`` and ``datetime.date``
    /// values are written as the document spells them), through the same
    /// reader as ``from_json``.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value: serde_json::Value = from_python(data)?;
        Self::from_json(&value.to_string())
    }

    /// The catalogue as a dict (``Decimal`` figures).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// The catalogue's JSON document.
    fn to_json(&self) -> PyResult<String> {
        core(self.0.to_json())
    }

    /// The number of records.
    #[getter]
    fn records(&self) -> usize {
        self.0.records.len()
    }

    /// The problems found in the catalogue (duplicates, implausible
    /// figures…), as dicts with their ``rule``; empty when it is sound.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.validate())
    }

    /// The catalogue's records grouped by ``group_by`` (``"all"``,
    /// ``"territory"``, ``"year"``, ``"theme"``, ``"organiser_kind"``…)
    /// after ``filter`` (a dict: ``territory``, ``territory_kind``,
    /// ``year``, ``theme``…), with their households and combined results.
    #[pyo3(signature = (group_by = "all", filter = None))]
    fn summary<'py>(
        &self,
        py: Python<'py>,
        group_by: &str,
        filter: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let group_by: GroupBy = core(group_by.parse())?;
        let filter: Filter = match filter {
            Some(f) if !f.is_none() => from_python(&f)?,
            _ => Filter::default(),
        };
        to_python(py, &core(self.0.summary(group_by, &filter))?)
    }

    /// Each territory's challenges over the years, as dicts.
    fn timelines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.timelines())
    }

    /// The catalogue as tidy pandas DataFrames: ``records`` (one row per
    /// challenge) and ``results`` (one row per published or computed
    /// result), with ``decimals="decimal"`` (exact) or ``"float"``.
    #[pyo3(signature = (decimals = "decimal"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, decimals: &str) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "ecodefi._pandas", "catalogue_frames")?.call1((slf, decimals))
    }

    fn __repr__(&self) -> String {
        format!("<Catalogue: {} records>", self.0.records.len())
    }

    fn __str__<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, &self.__repr__())
    }
}
