"""pandas Series to the core's regression input form and back (no checks:
every check is the core's)."""

from __future__ import annotations

import datetime
import math
from typing import Any


def _is_series(obj: Any) -> bool:
    return hasattr(obj, "index") and hasattr(obj, "items") and not isinstance(obj, dict)


def _day(label: Any) -> Any:
    """A day label as a ``datetime.date``; a datetime with a time of day is
    passed on as a datetime, which the binding's date conversion refuses."""
    to_py = getattr(label, "to_pydatetime", None)
    if callable(to_py):
        label = to_py()
    if isinstance(label, datetime.datetime):
        if (label.hour, label.minute, label.second, label.microsecond) == (0, 0, 0, 0):
            return label.date()
        return label
    return label


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _value(value: Any) -> Any:
    # numpy scalars to Python scalars; other objects as they are.
    item = getattr(value, "item", None)
    return item() if callable(item) and not isinstance(value, (str, bytes)) else value


def temperature_rows(temperatures: Any) -> Any:
    """A Series of daily mean °C indexed by day to the core's list of
    ``{"date", "temperature_c"}``; missing values left out."""
    if not _is_series(temperatures):
        return temperatures
    return [
        {"date": _day(d), "temperature_c": _value(t)}
        for d, t in temperatures.items()
        if not _missing(_value(t))
    ]


def usage_data(usage: Any, temperatures: Any) -> Any:
    """A usage Series (kWh per day) and a temperature Series (°C) indexed by
    day to the core's ``{"kind": "daily", "days": [...]}``: days missing
    either value are left out (the core counts them in its coverage check).
    Anything else is passed to the core as it is."""
    if not _is_series(usage):
        if temperatures is not None:
            raise TypeError("temperatures is only for a usage Series")
        return usage
    if temperatures is None:
        raise TypeError("a usage Series needs a temperatures Series")
    temps = {_day(d): _value(t) for d, t in temperatures.items()}
    days = []
    for d, u in usage.items():
        day = _day(d)
        u = _value(u)
        t = temps.get(day)
        if _missing(u) or _missing(t):
            continue
        days.append({"date": day, "usage": u, "temperature_c": t})
    return {"kind": "daily", "days": days}


def prediction_output(temperatures: Any, rows: Any) -> Any:
    """Per-day predictions as a DataFrame indexed like a temperature Series
    (missing temperatures dropped), or as the core's list of dicts."""
    if not _is_series(temperatures):
        return rows
    import pandas as pd

    index = [d for d, t in temperatures.items() if not _missing(_value(t))]
    columns = ["base", "heating", "cooling", "total"]
    frame = pd.DataFrame(rows, index=pd.Index(index, name=temperatures.index.name), columns=columns)
    return frame.astype(float)


def values(temperatures: Any) -> Any:
    """A Series' values as a list (missing values kept, for the core to
    refuse); anything else as it is."""
    if not _is_series(temperatures):
        return temperatures
    return [_value(t) for t in temperatures.tolist()]
