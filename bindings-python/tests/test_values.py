"""Scalar conversions at the boundary and the small value functions."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pandas as pd
import pytest

import ecodefi


def test_installed_from_the_wheel_when_asked() -> None:
    if os.environ.get("ECODEFI_FROM_WHEEL"):
        assert "site-packages" in ecodefi.__file__, ecodefi.__file__
        assert "bindings-python" not in ecodefi.__file__


def test_version_and_schema() -> None:
    assert ecodefi.__version__
    assert ecodefi.SCHEMA_VERSION == 1


def test_period_dates_both_ways() -> None:
    p = ecodefi.Period(dt.date(2026, 1, 1), "2026-01-31")
    assert p.first == dt.date(2026, 1, 1) and p.last == dt.date(2026, 1, 31)
    assert p.days == 31
    assert p.to_dict() == {"first": dt.date(2026, 1, 1), "last": dt.date(2026, 1, 31)}
    assert p == ecodefi.Period(pd.Timestamp("2026-01-01"), dt.date(2026, 1, 31))
    assert hash(p) == hash(ecodefi.Period("2026-01-01", "2026-01-31"))
    assert repr(p) == "Period('2026-01-01', '2026-01-31')"


def test_timestamp_with_a_time_of_day_is_refused() -> None:
    with pytest.raises(ecodefi.InvalidValueError, match="time of day"):
        ecodefi.Period(pd.Timestamp("2026-01-01 10:00"), dt.date(2026, 1, 2))


def test_period_order_is_checked_by_the_core() -> None:
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.Period(dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    assert e.value.code == "invalid_value"
    assert isinstance(e.value, ValueError)


def test_occupants_consumption_units() -> None:
    # INSEE scale by hand: 1 + 0.5 (second adult) + 0.3 + 0.3 (two under 14).
    o = ecodefi.Occupants(2, [3, 9])
    assert o.consumption_units == Decimal("2.1")
    assert o.persons == 4 and o.adults == 2 and o.children == [3, 9]
    assert o.to_dict() == {"adults": 2, "children": [3, 9]}
    with pytest.raises(ecodefi.InvalidValueError, match="at least one adult"):
        ecodefi.Occupants(0)


@pytest.mark.parametrize(
    "tn, tx",
    [(10, 22), (Decimal("10"), Decimal("22")), (10.0, 22.0), ("10", "22")],
)
def test_quantities_as_decimal_int_float_or_str(tn: object, tx: object) -> None:
    # COSTIC, S = 18, Tn = 10, Tx = 22: (18 − 10) × (0.08 + 0.42 × 8/12) = 2.88.
    assert ecodefi.degree_days(tn, tx) == Decimal("2.88")  # type: ignore[arg-type]


def test_a_float_goes_through_its_shortest_repr() -> None:
    # 0.1 is not 0.1000000000000000055511151231257827 here.
    assert ecodefi.correct_climate("none", 0.1, 0, 1, 1) == Decimal("0.1")
    assert str(ecodefi.correct_climate("none", 1e-7, 0, 1, 1)) == "1E-7"


def test_non_finite_floats_and_decimals_are_refused() -> None:
    for bad in (float("nan"), float("inf"), Decimal("NaN"), Decimal("Infinity")):
        with pytest.raises(ecodefi.InvalidValueError):
            ecodefi.degree_days(bad, 10)


def test_wrong_python_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        ecodefi.degree_days([1], 10)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ecodefi.Period(20260101, dt.date(2026, 1, 2))  # type: ignore[arg-type]


def test_names_are_the_cores_spellings() -> None:
    n = ecodefi.names()
    assert "natural_gas" in n["carrier"]
    assert "energy" in n["theme"]
    with pytest.raises(ecodefi.UnknownNameError, match="expected one of"):
        ecodefi.official_conversion("gaz naturel", "m3", "pcs")


def test_official_conversion() -> None:
    assert ecodefi.official_conversion("natural_gas", "m3", "pcs") == Decimal("12.91")
