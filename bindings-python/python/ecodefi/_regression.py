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


# ---- many meters (``regression_fit_many``) ---------------------------------

# The pandas dtype of each kind of column the core names
# (``MeterRow::COLUMN_KINDS``); text and lists of names stay objects (an
# absent text is None).
_DTYPES = {"count": "int64", "bool": bool, "float": "float64", "optional_count": "Int64"}


def meter_table_columns(table: Any, meter: str, day: str, usage: str, temperature: str) -> Any:
    """The columns of a long table (a DataFrame, or a dict of columns) as
    the binding reads them: the distinct meters and each row's code (in
    the order of first appearance, -1 for a missing meter), the days as a
    ``datetime64`` Series, the usage (a ``float64`` array, or the cells as
    objects for a ``Decimal`` column), whether it is a float array, and the
    temperatures as a ``float64`` array (NaN for missing)."""
    import numpy as np
    import pandas as pd

    frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
    codes, uniques = pd.factorize(frame[meter], use_na_sentinel=True)
    days = frame[day]
    if pd.api.types.is_numeric_dtype(days.dtype):
        raise TypeError(f"the day column `{day}` holds numbers, not days")
    days = pd.to_datetime(days)
    u = frame[usage]
    is_float = pd.api.types.is_numeric_dtype(u.dtype) and not pd.api.types.is_bool_dtype(u.dtype)
    usage_values = u.to_numpy(dtype="float64", na_value=np.nan) if is_float else u.tolist()
    temps = frame[temperature].to_numpy(dtype="float64", na_value=np.nan)
    return uniques, np.asarray(codes, dtype="int64"), days, usage_values, is_float, temps


def meter_ids(uniques: Any) -> Any:
    """The meters' identifiers as the core's text."""
    return [str(u) for u in uniques]


def meter_frame(rows: Any, uniques: Any, columns: Any) -> Any:
    """The core's rows (one per meter) as a DataFrame with fixed columns
    and dtypes (so that frames of several runs concatenate), the meter
    column with the table's own identifiers. ``columns``: the core's
    ``(name, kind)`` of each column, in order; the dtypes follow the kinds."""
    import pandas as pd

    # object first: absent values stay None in the text columns
    frame = pd.DataFrame(rows, columns=[name for name, _ in columns], dtype=object)
    frame["meter"] = pd.Series(uniques, dtype=getattr(uniques, "dtype", None)).to_numpy()
    for name, kind in columns:
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
        elif kind in _DTYPES and name != "meter":
            frame[name] = frame[name].astype(_DTYPES[kind])
    return frame
