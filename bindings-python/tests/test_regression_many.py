"""regression_fit_many: one long table, one row per meter, each the same
baseline as regression_fit on the meter's own Series; a meter's problem is
its own row's error."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi

OPTIONS = {"grid": {"points_c": [float(x) for x in range(10, 21)]}, "baseline_days": 60}
START = dt.date(2025, 1, 1)


def linear(meter: Any, base: float, slope: float, days: int = 60) -> List[Dict[str, Any]]:
    """``days`` days of usage = base + slope·HDD(15), temperatures 0..19 °C."""
    return [
        {
            "meter": meter,
            "day": START + dt.timedelta(days=i),
            "usage": base + slope * max(0, 15 - i % 20),
            "temperature": float(i % 20),
        }
        for i in range(days)
    ]


def alone(frame: pd.DataFrame, meter: Any, options: Any = OPTIONS) -> Any:
    """regression_fit on one meter's rows, as Series indexed by day."""
    rows = frame[frame["meter"] == meter]
    index = pd.DatetimeIndex(rows["day"])
    return ecodefi.regression_fit(
        pd.Series(rows["usage"].to_numpy(), index=index),
        pd.Series(rows["temperature"].to_numpy(), index=index),
        options,
    )


def same_as_alone(row: "pd.Series[Any]", baseline: Any) -> None:
    model = baseline.model
    assert row["usable"] == baseline.usable
    assert (row["model_kind"] if isinstance(row["model_kind"], str) else None) == (
        model and model["kind"]
    )
    if model is None:
        assert row["no_model_reason"] == baseline.no_model_reason
        return
    for column, value in [
        ("intercept", model["intercept"]),
        ("heating_balance_point_c", model.get("heating_balance_point_c")),
        ("beta_hdd", model.get("beta_hdd")),
        ("cooling_balance_point_c", model.get("cooling_balance_point_c")),
        ("beta_cdd", model.get("beta_cdd")),
        ("r_squared_adj", model["r_squared_adj"]),
        ("rmse", model["metrics"]["rmse"]),
        ("cv_rmse", model["metrics"].get("cv_rmse")),
    ]:
        got = row[column]
        if value is None:
            assert math.isnan(got), column
        else:
            assert got == value, column  # to the last bit
    s = baseline.sufficiency
    assert row["valid_days"] == s["valid_days"]
    assert row["window_days"] == s["window_days"]
    assert row["failed_checks"] == [c["name"] for c in s["checks"] if c["status"] == "fail"]


def test_known_lines_one_row_per_meter_in_first_appearance_order() -> None:
    rows = linear("b", 3, 1.0) + linear("a", 2, 0.5) + linear("flat", 7, 0.0)
    frame = pd.DataFrame(rows).sample(frac=1.0, random_state=1)  # any order
    first = list(dict.fromkeys(frame["meter"]))
    out = ecodefi.regression_fit_many(frame, options=OPTIONS, threads=2)
    assert list(out["meter"]) == first
    assert list(out.columns)[:3] == ["meter", "rows", "usable"]
    by = out.set_index("meter")
    # usage = 3 + 1·HDD(15) and 2 + 0.5·HDD(15): found exactly
    assert by.loc["b", "model_kind"] == "hdd_only"
    assert by.loc["b", "heating_balance_point_c"] == 15.0
    assert by.loc["b", "intercept"] == pytest.approx(3.0, abs=1e-9)
    assert by.loc["b", "beta_hdd"] == pytest.approx(1.0, abs=1e-9)
    assert by.loc["a", "beta_hdd"] == pytest.approx(0.5, abs=1e-9)
    assert by.loc["flat", "model_kind"] == "intercept_only"
    assert by.loc["flat", "intercept"] == 7.0
    assert list(by["rows"]) == [60, 60, 60]
    assert by["usable"].all()
    assert by.loc["a", "window_start"] == pd.Timestamp("2025-01-01")
    for meter in first:
        same_as_alone(by.loc[meter], alone(frame, meter))


def test_a_meter_s_problem_is_its_own_row() -> None:
    dup = linear("dup", 2, 0.5)
    dup[7]["day"] = dup[6]["day"]
    nan_usage = linear("gaps", 2, 0.5)
    nan_usage[0]["usage"] = float("nan")  # a missing day, not an error
    frame = pd.DataFrame(linear("ok", 2, 0.5) + dup + nan_usage)
    out = ecodefi.regression_fit_many(frame, options=OPTIONS, lang="fr").set_index("meter")
    assert out.loc["ok", "usable"]
    assert out.loc["dup", "error_code"] == "duplicate"
    assert "2025-01-07" in out.loc["dup", "error_message"]
    assert "indice 67" in out.loc["dup", "error_message"]  # the table's row
    assert not out.loc["dup", "usable"] and out.loc["dup", "model_kind"] is None
    assert out.loc["ok", "error_code"] is None
    assert out.loc["gaps", "valid_days"] == 59
    assert out.loc["gaps", "failed_checks"] == ["baseline_span"]  # 59 of 60 days span


def test_what_concerns_the_whole_table_raises() -> None:
    frame = pd.DataFrame(linear("a", 1, 1))
    with pytest.raises(ecodefi.InvalidValueError, match="baseline"):
        ecodefi.regression_fit_many(frame, options={"baseline_days": 0})
    with pytest.raises(ecodefi.InvalidValueError):
        ecodefi.regression_fit_many(frame, threads=0)
    no_meter = frame.astype({"meter": object})
    no_meter.loc[5, "meter"] = None
    with pytest.raises(ecodefi.InvalidValueError, match="meter"):
        ecodefi.regression_fit_many(no_meter)
    with pytest.raises(ecodefi.ValidationError):
        ecodefi.regression_fit_many(frame, options={"no_such_option": 1})


def test_column_names_decimals_and_strings() -> None:
    frame = pd.DataFrame(linear(101, 2, 0.5) + linear(202, 3, 1.0))
    floats = ecodefi.regression_fit_many(frame, options=OPTIONS)
    renamed = frame.rename(columns={"meter": "prm", "day": "jour", "usage": "kwh", "temperature": "t"})
    renamed["kwh"] = [Decimal(repr(u)) for u in renamed["kwh"]]
    renamed["jour"] = [d.isoformat() for d in renamed["jour"]]
    decimals = ecodefi.regression_fit_many(
        renamed, meter="prm", day="jour", usage="kwh", temperature="t", options=OPTIONS
    )
    assert list(decimals["meter"]) == [101, 202]  # the table's own identifiers
    pd.testing.assert_frame_equal(floats, decimals)


def test_empty_table_has_the_columns() -> None:
    frame = pd.DataFrame(linear("a", 1, 1)).iloc[:0]
    out = ecodefi.regression_fit_many(frame)
    assert len(out) == 0 and "beta_hdd" in out.columns


@st.composite
def tables(draw: Any) -> pd.DataFrame:
    rows = []
    for m in range(draw(st.integers(1, 4))):
        n = draw(st.integers(0, 70))
        base = draw(st.floats(0.5, 10))
        slope = draw(st.floats(0, 2))
        noise = draw(st.lists(st.floats(-1, 1), min_size=n, max_size=n))
        temps = draw(st.lists(st.integers(-10, 30), min_size=n, max_size=n))
        for i in range(n):
            rows.append(
                {
                    "meter": f"m{m}",
                    "day": START + dt.timedelta(days=i),
                    "usage": round(max(0.0, base + slope * max(0, 15 - temps[i]) + noise[i]), 3),
                    "temperature": float(temps[i]),
                }
            )
    frame = pd.DataFrame(rows, columns=["meter", "day", "usage", "temperature"])
    return frame.sample(frac=1.0, random_state=draw(st.integers(0, 1000)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.integers(1, 4))
def test_any_table_any_threads_same_as_each_meter_alone(frame: pd.DataFrame, threads: int) -> None:
    options = {"grid": {"points_c": [float(x) for x in range(5, 21, 3)]}, "baseline_days": 30}
    one = ecodefi.regression_fit_many(frame, options=options, threads=1)
    many = ecodefi.regression_fit_many(frame, options=options, threads=threads)
    pd.testing.assert_frame_equal(one, many)
    assert list(one["meter"]) == list(dict.fromkeys(frame["meter"]))
    for _, row in one.iterrows():
        same_as_alone(row, alone(frame, row["meter"], options))
