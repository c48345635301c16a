"""The shared weather-regression vectors (``tests/vectors/regression``, see
``PROVENANCE.md`` there) through the Python package, with the Rust runner's
rule (``tests/tests/regression.rs``): the same model kind and balance points
(rounded to whole °F), coefficients, metrics, savings and error bands within
1e-6 relative (autocorrelation 1e-5 daily, observed mean 1e-12, variance
1e-9), and the observed total exactly."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd
import pytest

import ecodefi
from conftest import VECTORS

REGRESSION = VECTORS / "regression"
STATUS = {
    "qualified": "QUALIFIED",
    "disqualified": "DISQUALIFIED",
    "not_attempted": "NOT ATTEMPTED",
    "singular": "ERROR",
}


def load(name: str) -> List[Dict[str, Any]]:
    cases = json.loads((REGRESSION / name).read_text(encoding="utf-8"))["cases"]
    assert cases
    return cases


def f_to_c(f: float) -> float:
    # the core's fahrenheit_to_celsius, `(F − 32) / 1.8`
    return (f - 32.0) / 1.8


def close(what: str, got: float, want: float, rel: float) -> None:
    tol = rel * max(abs(want), 1e-12)
    assert abs(got - want) <= tol, f"{what}: got {got}, want {want}"


def series(columns: Dict[str, Any]) -> "tuple[pd.Series, pd.Series]":
    index = pd.DatetimeIndex(pd.to_datetime(columns["dates"]), name="date")
    usage = pd.Series([Decimal(u) for u in columns["usage"]], index=index, dtype=object)
    temps = pd.Series([f_to_c(t) for t in columns["temperature_f"]], index=index)
    return usage, temps


def bills(rows: List[Dict[str, Any]]) -> Dict[str, Any]:
    periods, temperatures = [], []
    for r in rows:
        first = datetime.date.fromisoformat(r["first"])
        last = first + datetime.timedelta(days=r["days"] - 1)
        periods.append({"period": {"first": first, "last": last}, "usage": r["usage"]})
        temperatures += [{"date": d, "temperature_c": f_to_c(t)} for d, t in r["temperatures_f"]]
    return {"kind": "billing", "periods": periods, "temperatures": temperatures}


def to_f(c: Any) -> Any:
    return None if c is None else float(round(c * 1.8 + 32.0))


def check_fit(b: ecodefi.Baseline, e: Dict[str, Any], n: str, autocorr_rel: float) -> Dict[str, Any]:
    m = b.model
    assert m is not None, n
    assert m["kind"] == e["model_type"], n
    assert to_f(m.get("heating_balance_point_c")) == e["heating_balance_point_f"], n
    assert to_f(m.get("cooling_balance_point_c")) == e["cooling_balance_point_f"], n
    close("intercept", m["intercept"], e["intercept"], 1e-6)
    if e["beta_hdd_per_f"] is not None:
        close("beta_hdd", m["beta_hdd"] / 1.8, e["beta_hdd_per_f"], 1e-6)
    if e["beta_cdd_per_f"] is not None:
        close("beta_cdd", m["beta_cdd"] / 1.8, e["beta_cdd_per_f"], 1e-6)
    close("r_squared_adj", m["r_squared_adj"], e["r_squared_adj"], 1e-6)
    counts = Counter(STATUS[c["status"]] for c in b.to_dict()["candidates"])
    assert dict(counts) == e["candidates"], n
    got, want = m["metrics"], e["metrics"]
    assert got["observed_length"] == want["observed_length"], n
    close("r_squared", got["r_squared"], want["r_squared"], 1e-6)
    close("rmse_adj", got["rmse_adj"], want["rmse_adj"], 1e-6)
    close("cv_rmse", got["cv_rmse"], want["cvrmse_adj"], 1e-6)
    close("autocorr", got["autocorr_resid"], want["autocorr_resid"], autocorr_rel)
    close("mean", got["observed_mean"], want["observed_mean"], 1e-12)
    close("variance", got["observed_variance"], want["observed_variance"], 1e-9)
    return m


def check_savings(s: Dict[str, Any], e: Dict[str, Any], n: str) -> None:
    assert s["reporting_observations"] == e["reporting_days"], n
    cf = s["counterfactual"]
    close("counterfactual", cf["total"], e["counterfactual_total"], 1e-6)
    close("base", cf["base"], e["base_total"], 1e-6)
    for part in ("heating", "cooling"):
        if e[f"{part}_total"] == 0.0:
            assert cf[part] == 0.0, n
        else:
            close(part, cf[part], e[f"{part}_total"], 1e-6)
    assert isinstance(s["observed"], Decimal), n
    close("observed", float(s["observed"]), e["reporting_observed_total"], 1e-12)
    close("savings", s["savings"], e["metered_savings_total"], 1e-6)
    bands = s["error_bands"]
    for key in ("fsu_error_band", "ols_error_band", "ols_error_band_model", "ols_error_band_noise"):
        close(key, bands[key], e[key], 1e-6)


@pytest.mark.parametrize("case", load("eemeter_daily.json"), ids=lambda c: c["name"])
def test_eemeter_daily(case: Dict[str, Any]) -> None:
    e, n = case["expected"], case["name"]
    usage, temps = series(case["baseline"])
    options = {"fit_cooling": case["fit_cooling"], "keep_candidates": True}
    b = ecodefi.regression_fit(usage, temps, options=options)
    check_fit(b, e, n, 1e-5)
    assert b.model["metrics"]["num_parameters"] == e["metrics"]["num_parameters"], n
    r_usage, r_temps = series(case["reporting"])
    s = b.savings(r_usage, r_temps, confidence=e["confidence_level"])
    check_savings(s, e, n)
    # The observed total is the exact decimal sum of the metered days.
    assert s["observed"] == sum((Decimal(u) for u in case["reporting"]["usage"]), Decimal(0))
    # The Rust runner's NAC check: on the reporting year's 365 temperatures
    # it is the counterfactual of that year.
    assert len(r_temps) == 365
    nac = b.normalised_annual_consumption(r_temps)
    close("nac", nac["total"], e["counterfactual_total"], 1e-6)
    # A saved baseline reads back to the same baseline.
    assert ecodefi.Baseline.from_dict(b.to_dict()).to_dict() == b.to_dict()
    # Per-day predictions add up to the counterfactual of the same days.
    frame = b.predict(r_temps)
    assert list(frame.columns) == ["base", "heating", "cooling", "total"]
    assert list(frame.index) == list(r_temps.index)
    close("predicted total", float(frame["total"].sum()), e["counterfactual_total"], 1e-6)


@pytest.mark.parametrize("case", load("eemeter_billing.json"), ids=lambda c: c["name"])
def test_eemeter_billing(case: Dict[str, Any]) -> None:
    e, n = case["expected"], case["name"]
    options = {"fit_cooling": case["fit_cooling"], "keep_candidates": True}
    b = ecodefi.regression_fit(bills(case["baseline"]), options=options)
    check_fit(b, e, n, 1e-6)
    s = b.savings(bills(case["reporting"]), confidence=e["confidence_level"])
    check_savings(s, e, n)


@pytest.mark.parametrize("case", load("hand.json"), ids=lambda c: c["name"])
def test_hand(case: Dict[str, Any]) -> None:
    e, n = case["expected"], case["name"]
    b = ecodefi.regression_fit(case["data"], options=case["options"])
    if e.get("no_model_reason") is not None:
        assert b.no_model_reason == e["no_model_reason"], n
        assert b.model is None and not b.usable, n
        check = next(c for c in b.sufficiency["checks"] if c["name"] == e["failed_check"])
        assert check["status"] == "fail", n
        assert check.get("indices", []) == e["indices"], n
        with pytest.raises(ecodefi.InsufficientDataError):
            b.savings(case["data"])
        return
    assert b.usable, n
    m = b.model
    assert m["kind"] == e["kind"], n
    assert m.get("heating_balance_point_c") == e.get("heating_balance_point_c"), n
    assert m.get("cooling_balance_point_c") == e.get("cooling_balance_point_c"), n
    for key in ("intercept", "beta_hdd", "beta_cdd", "r_squared_adj"):
        got, want = m.get(key), e.get(key)
        if got is None or want is None:
            assert got == want, f"{n} {key}"
        else:
            assert abs(got - want) < 1e-9, f"{n} {key}: {got} vs {want}"
    # Exact on its own data: savings over the same days are zero.
    s = b.savings(case["data"], confidence=0.9)
    observed = float(s["observed"])
    assert abs(s["counterfactual"]["total"] - observed) < 1e-9 * observed, n
    assert abs(s["savings"]) < 1e-9 * observed, n
    # The dict round trip is the core's own document.
    assert ecodefi.regression_fit(case["data"], options=case["options"]).to_dict() == b.to_dict()


def test_unknown_option_is_refused_by_core() -> None:
    case = load("hand.json")[0]
    with pytest.raises(ecodefi.DocumentError, match="nonsense"):
        ecodefi.regression_fit(case["data"], options={"nonsense": 1})


def test_repeated_day_is_a_duplicate() -> None:
    day = {"date": "2025-01-01", "usage": "1", "temperature_c": 1.0}
    with pytest.raises(ecodefi.DuplicateError):
        ecodefi.regression_fit({"kind": "daily", "days": [day, day]})


def test_time_of_day_is_refused() -> None:
    index = pd.DatetimeIndex(["2025-01-01 12:00"])
    with pytest.raises(ecodefi.EcodefiError):
        ecodefi.regression_fit(pd.Series([1.0], index=index), pd.Series([1.0], index=index))


def test_predict_checks_and_forms() -> None:
    case = load("hand.json")[0]
    b = ecodefi.regression_fit(case["data"], options=case["options"])
    rows = b.predict([{"date": "2025-02-01", "temperature_c": 5.0}])
    # exact_hdd_only: usage per day = 2 + 0.5 * max(0, 15 - T)
    # (the fitted coefficients are exact within the runner's 1e-9)
    want = {"days": 1.0, "base": 2.0, "heating": 5.0, "cooling": 0.0, "total": 7.0}
    assert len(rows) == 1 and rows[0].keys() == want.keys()
    for key, value in want.items():
        assert abs(rows[0][key] - value) < 1e-8, key
    with pytest.raises(ecodefi.InvalidValueError):
        b.predict(pd.Series([1.0, float("inf")], index=pd.date_range("2025-02-01", periods=2)))


def test_nac_and_from_dict_checks() -> None:
    case = load("hand.json")[0]
    b = ecodefi.regression_fit(case["data"], options=case["options"])
    with pytest.raises(ecodefi.InsufficientDataError):
        b.normalised_annual_consumption([])
    with pytest.raises(ecodefi.InvalidValueError):
        b.normalised_annual_consumption(pd.Series([5.0, float("nan")]))
    # 2 + 0.5 * (15 - 5) = 7 per day, over 365 days
    assert abs(b.normalised_annual_consumption([5.0])["total"] - 7.0 * 365) < 1e-6
    data = b.to_dict()
    data["unexpected"] = 1
    with pytest.raises(ecodefi.DocumentError, match="unexpected"):
        ecodefi.Baseline.from_dict(data)


@pytest.mark.parametrize("case", load("window.json"), ids=lambda c: c["name"])
def test_window(case: Dict[str, Any]) -> None:
    """``window.json`` (written by ``window.py``, no ecodefi): the report's
    window, counts, ranges and share exactly as the script counted them."""
    e, n = case["expected"], case["name"]
    b = ecodefi.regression_fit(case["data"], options=case["options"])
    s = b.sufficiency
    assert s["window"] == {k: datetime.date.fromisoformat(v) for k, v in e["window"].items()}, n
    for key in ("window_source", "window_days", "valid_days", "missing_days", "missing_ranges", "outside_window"):
        assert s[key] == e[key], f"{n} {key}"
    listed = [{k: v.isoformat() for k, v in p.items()} for p in s.get("missing", [])]
    assert listed == e["missing"], n
    valid = next(c for c in s["checks"] if c["name"] == "valid_days")
    assert valid["value"] == e["valid_share"], n  # the same float, to the last bit
    assert [c["name"] for c in s["checks"] if c["status"] == "fail"] == e["failed_checks"], n
    assert b.usable == e["usable"], n
    m = b.model
    assert m["kind"] == e["model"]["kind"], n
    assert m["heating_balance_point_c"] == e["model"]["heating_balance_point_c"], n
    for key in ("intercept", "beta_hdd"):
        close(key, m[key], e["model"][key], 1e-9)


def test_window_options_as_dates_and_located_errors() -> None:
    case = next(c for c in load("window.json") if c["name"] == "missing_first_day")
    options = dict(case["options"], baseline_start=datetime.date(2025, 1, 1), baseline_end=datetime.date(2025, 12, 31))
    b = ecodefi.regression_fit(case["data"], options=options)
    assert b.usable and b.sufficiency["valid_days"] == 364
    with pytest.raises(ecodefi.InvalidValueError) as err:
        ecodefi.regression_fit(case["data"], options=dict(case["options"], baseline_days=0))
    assert err.value.path == "options.baseline_days"
    with pytest.raises(ecodefi.InvalidValueError) as err:
        b.savings(case["data"], options={"max_extrapolated_share": 2})
    assert err.value.path == "options.max_extrapolated_share"
    days = [dict(d) for d in case["data"]["days"]]
    # the days before bring a positive total: day 5 makes it overflow
    days[5]["usage"] = "79228162514264337593543950335"
    with pytest.raises(ecodefi.DecimalOverflowError) as over:
        b.savings({"kind": "daily", "days": days})
    assert over.value.row == 5


def test_savings_warnings() -> None:
    case = next(c for c in load("window.json") if c["name"] == "missing_first_day")
    b = ecodefi.regression_fit(case["data"], options=case["options"])
    m = b.model
    assert (m["baseline_min_temperature_c"], m["baseline_max_temperature_c"]) == (-5.0, 25.0)
    january = [{"date": f"2026-01-{d:02}", "usage": "10", "temperature_c": -8.0 if d <= 10 else 2.0} for d in range(1, 32)]
    s = b.savings({"kind": "daily", "days": january})
    assert s["reporting_span_days"] == 31
    assert (s["days_colder_than_baseline"], s["days_warmer_than_baseline"]) == (10, 0)
    assert s["extrapolated_share"] == 10 / 31
    assert [w["code"] for w in s["warnings"]] == ["short_reporting_period", "temperature_extrapolation"]
    p = b.predict_report([{"date": d["date"], "temperature_c": d["temperature_c"]} for d in january])
    assert (p["reporting_span_days"], p["days_colder_than_baseline"], p["extrapolated_share"]) == (31, 10, 10 / 31)
    assert p["warnings"] == s["warnings"]
    s = b.savings({"kind": "daily", "days": january}, options={"min_reporting_days": 31, "max_extrapolated_share": 0.5})
    assert "warnings" not in s
