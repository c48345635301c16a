"""Arbitrary usage and temperature Series end in a baseline or an
EcodefiError, never a crash or a PanicException; so do predictions and
savings from any baseline that has a model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, List

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2021, 12, 31))
usages = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=100),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.integers(min_value=-10, max_value=10**30),
)
temperatures = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-20, max_value=35),
)


def series(index: List[Any], values: List[Any]) -> "pd.Series[Any]":
    n = min(len(index), len(values))
    return pd.Series(values[:n], index=pd.DatetimeIndex(index[:n]), dtype=object)


def attempt(call: Any) -> Any:
    try:
        return call()
    except ecodefi.EcodefiError:
        return None


@SETTINGS
@given(
    index=st.lists(st.one_of(days, st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2021, 12, 31))), max_size=60),
    usage=st.lists(usages, max_size=60),
    temps=st.lists(temperatures, max_size=60),
    later=st.lists(temperatures, max_size=20),
)
def test_arbitrary_series_end_in_a_result_or_an_error(
    index: List[Any], usage: List[Any], temps: List[Any], later: List[float]
) -> None:
    u, t = series(index, usage), series(index, temps)
    options = {"baseline_days": 7, "min_non_zero_daily": 1, "min_total_degree_days_c": 0.0}
    baseline = attempt(lambda: ecodefi.regression_fit(u, t, options=options))
    if baseline is None:
        return
    assert isinstance(baseline.to_dict(), dict)
    if baseline.model is None:
        assert baseline.no_model_reason is not None
        return
    when = pd.date_range("2022-01-01", periods=len(later), freq="D")
    attempt(lambda: baseline.predict(pd.Series(later, index=when, dtype=float)))
    attempt(lambda: baseline.savings(u, t, confidence=0.9))


@SETTINGS
@given(confidence=st.floats(allow_nan=True, allow_infinity=True))
def test_any_confidence_level(confidence: float) -> None:
    index = pd.date_range("2025-01-01", periods=30, freq="D")
    temps = pd.Series([float(i % 20) for i in range(30)], index=index)
    usage = pd.Series([Decimal(2) + Decimal(max(0, 15 - i % 20)) / 2 for i in range(30)], index=index)
    b = ecodefi.regression_fit(usage, temps, options={"baseline_days": 30})
    attempt(lambda: b.savings(usage, temps, confidence=confidence))
