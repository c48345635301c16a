"""regression_fit_many on Arrow tables (pyarrow, polars): the same frame of
results as from the same table in pandas, and the same typed errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi

from test_regression_many import OPTIONS, linear, tables

pa = pytest.importorskip("pyarrow")


def both(frame: pd.DataFrame, **kwargs: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The results of ``frame`` as pandas and as a pyarrow table."""
    from_pandas = ecodefi.regression_fit_many(frame, **kwargs)
    from_arrow = ecodefi.regression_fit_many(pa.Table.from_pandas(frame, preserve_index=False), **kwargs)
    return from_pandas, from_arrow


def test_pyarrow_same_as_pandas() -> None:
    frame = pd.DataFrame(linear("b", 3, 1.0) + linear("a", 2, 0.5) + linear("flat", 7, 0.0))
    frame = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)
    frame.loc[4, "usage"] = float("nan")  # a missing day
    expected, got = both(frame, options=OPTIONS)
    assert list(got["meter"]) == list(dict.fromkeys(frame["meter"]))
    assert got.loc[got["meter"] == "b", "model_kind"].item() == "hdd_only"
    pd.testing.assert_frame_equal(expected, got)


def test_integer_meters_decimals_text_days_and_other_columns() -> None:
    frame = pd.DataFrame(linear(101, 2, 0.5) + linear(202, 3, 1.0))
    frame["note"] = "ignored"
    expected = ecodefi.regression_fit_many(frame, options=OPTIONS)
    table = pa.table(
        {
            "prm": pa.array(frame["meter"], pa.int32()),
            "jour": [d.isoformat() for d in frame["day"]],
            "kwh": pa.array([Decimal(repr(u)) for u in frame["usage"]], pa.decimal128(20, 6)),
            "t": frame["temperature"],
            "note": frame["note"],
        }
    )
    got = ecodefi.regression_fit_many(table, meter="prm", day="jour", usage="kwh", temperature="t", options=OPTIONS)
    assert list(got["meter"]) == [101, 202]  # the table's own identifiers
    pd.testing.assert_frame_equal(expected, got)


def test_polars_same_as_pandas() -> None:
    pl = pytest.importorskip("polars")
    frame = pd.DataFrame(linear("x", 1, 0.3) + linear("y", 4, 1.2))
    expected = ecodefi.regression_fit_many(frame, options=OPTIONS)
    got = ecodefi.regression_fit_many(pl.from_pandas(frame), options=OPTIONS)
    pd.testing.assert_frame_equal(expected, got)


def test_empty_arrow_table_has_the_columns() -> None:
    frame = pd.DataFrame(linear("a", 1, 1)).iloc[:0]
    expected, got = both(frame)
    assert len(got) == 0 and list(got.columns) == list(expected.columns)


def test_the_same_typed_errors() -> None:
    frame = pd.DataFrame(linear("a", 1, 1))
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with pytest.raises(ecodefi.InvalidValueError, match="baseline"):
        ecodefi.regression_fit_many(table, options={"baseline_days": 0})
    with pytest.raises(ecodefi.InvalidValueError):
        ecodefi.regression_fit_many(table, threads=0)
    with pytest.raises(ecodefi.ValidationError):
        ecodefi.regression_fit_many(table, options={"no_such_option": 1})
    meters = pa.array(["a"] * 5 + [None] + ["a"] * (len(frame) - 6))
    no_meter = table.set_column(0, "meter", meters)
    for t in (no_meter, no_meter.to_pandas()):
        with pytest.raises(ecodefi.InvalidValueError, match="meter") as e:
            ecodefi.regression_fit_many(t)
        assert (e.value.row, e.value.column) == (5, "meter")
    days = pa.array([dt.date(2025, 1, 1)] * 7 + [None] + [dt.date(2025, 1, 1)] * (len(frame) - 8))
    with pytest.raises(ecodefi.InvalidValueError, match="day") as e:
        ecodefi.regression_fit_many(table.set_column(1, "day", days))
    assert (e.value.row, e.value.column) == (7, "day")
    with pytest.raises(ecodefi.InvalidValueError, match="temperature"):
        ecodefi.regression_fit_many(table.drop_columns(["temperature"]))
    with pytest.raises(ecodefi.InvalidValueError, match="numbers"):
        ecodefi.regression_fit_many(table.set_column(2, "usage", pa.array([True] * len(frame))))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.integers(1, 3))
def test_any_table_arrow_same_as_pandas(frame: pd.DataFrame, threads: int) -> None:
    options = {"grid": {"points_c": [float(x) for x in range(5, 21, 3)]}, "baseline_days": 30}
    expected, got = both(frame, options=options, threads=threads)
    pd.testing.assert_frame_equal(expected, got)
