"""Typed objects and DataFrames of the files organisers and households have.

The readers are the core's (``ecodefi.read_weather``,
``ecodefi.read_meter_file``, ``ecodefi.read_files``); these classes mirror
the core's serde structures of ``ecodefi::files`` and only convert:
quantities are exact ``decimal.Decimal``, days ``datetime.date``, names the
core's ``str`` spellings, and a value the core leaves out is ``None``. Two
tagged values are flattened into plain fields: a meter file's ``content``
(``{"kind": "load_curve", "step_minutes": 30}``) becomes ``content`` and
``step_minutes``, and a filled day's ``how`` (``{"method": "station",
"number": "62160001"}``) becomes ``method`` and ``station``.

- Météo-France: :class:`Station` (``WeatherFile.stations``),
  :class:`FilledDay` (``StationTemperatures.filled``);
- Linky and Gazpar: :class:`Day` (``MeterFile.days``),
  :class:`IndexReading` (``MeterFile.index``);
- the whole file set: :class:`Imported` (what ``read_files`` made of each
  file), with :class:`WeatherUse` and one :class:`AttachedFile` per meter
  file.

Each has ``from_dict`` (the core's serde form; an unknown key is a
``TypeError``).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence

from ecodefi.results import _FromDict

__all__ = [
    "Station",
    "FilledDay",
    "Day",
    "IndexReading",
    "WeatherUse",
    "AttachedFile",
    "Imported",
]


@dataclass(frozen=True)
class Station(_FromDict):
    """One station of a Météo-France file: ``number`` (``NUM_POSTE``, 8
    digits, as text), ``name`` (``NOM_USUEL``), ``latitude`` and
    ``longitude`` (decimal degrees), ``altitude`` (m), the ``first`` and
    ``last`` day with a row, and over those days the ``complete_days`` with
    a valid Tn and Tx and the ``missing_days`` without."""

    number: str
    name: str
    latitude: Decimal
    longitude: Decimal
    altitude: Decimal
    first: datetime.date
    last: datetime.date
    complete_days: int
    missing_days: int


@dataclass(frozen=True)
class FilledDay:
    """A day without a valid Tn or Tx and the values it was given (°C):
    ``method`` is ``"station"`` (from the station numbered ``station`` of
    the same file) or ``"interpolated"`` (linearly between the valid days
    around the gap; ``station`` is ``None``)."""

    date: datetime.date
    tn: Decimal
    tx: Decimal
    method: str
    station: Optional[str]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FilledDay":
        """Builds it from the core's form (``how`` a tagged dict)."""
        d = dict(d)
        how = dict(d.pop("how"))
        fields = {**d, "method": how.pop("method"), "station": how.pop("number", None)}
        return _flat(cls, fields, how)


@dataclass(frozen=True)
class Day(_FromDict):
    """One day's consumption: ``kwh``; for gas also the volume ``m3`` and
    the day's conversion coefficient ``kwh_per_m3`` (``None`` for
    electricity). A gas day is the one that starts at 06:00 that day."""

    date: datetime.date
    kwh: Decimal
    m3: Optional[Decimal]
    kwh_per_m3: Optional[Decimal]


@dataclass(frozen=True)
class IndexReading(_FromDict):
    """An index at the start of ``date``: kWh (Enedis) or m³ (GRDF)."""

    date: datetime.date
    value: Decimal


@dataclass(frozen=True)
class WeatherUse(_FromDict):
    """The Météo-France ``file`` and ``station`` the temperatures were
    taken from, and the days ``filled``."""

    file: str
    station: Station
    filled: List[FilledDay]


@dataclass(frozen=True)
class AttachedFile:
    """Where a Linky or Gazpar ``file`` went: its ``provider``
    (``"enedis"``, ``"grdf"``), ``content`` (``"daily_consumption"``,
    ``"index"``, ``"load_curve"`` with its ``step_minutes``, ``"gas_days"``),
    ``identifier`` (PRM or PCE, if the file names one), the ``household``
    and ``meter`` it gave its measurements to, whether that meter was
    ``created`` for it (no meters-table row), how it was ``matched_by``
    (``"identifier"``: the PRM/PCE column of the households or meters
    table; ``"file_name"``: the name starts with the household), and the
    ``first`` and ``last`` day it covers."""

    file: str
    provider: str
    content: str
    step_minutes: Optional[int]
    identifier: Optional[str]
    household: str
    meter: str
    created: bool
    matched_by: str
    first: Optional[datetime.date]
    last: Optional[datetime.date]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "AttachedFile":
        """Builds it from the core's form (``content`` a tagged dict)."""
        d = dict(d)
        content = dict(d.pop("content"))
        fields = {**d, "content": content.pop("kind"), "step_minutes": content.pop("step_minutes", None)}
        return _flat(cls, fields, content)


@dataclass(frozen=True)
class Imported:
    """What ``read_files`` made of the files, for the organiser to check:
    the temperatures' ``weather`` (``None`` without a Météo-France file)
    and one :class:`AttachedFile` per Linky or Gazpar file in ``meters``."""

    weather: Optional[WeatherUse]
    meters: List[AttachedFile]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Imported":
        """Builds it from the core's form."""
        unknown = set(d) - {"weather", "meters"}
        if unknown:
            raise TypeError(f"Imported: unknown fields {sorted(unknown)}")
        weather = d.get("weather")
        return cls(
            weather=None if weather is None else WeatherUse.from_dict(weather),
            meters=[AttachedFile.from_dict(m) for m in d.get("meters") or []],
        )

    def to_pandas(self) -> Dict[str, Any]:
        """``{"meters": one row per Linky or Gazpar file (the fields of
        AttachedFile), "filled": one row per day filled (the fields of
        FilledDay)}``."""
        import pandas as pd

        meters = pd.DataFrame(
            [asdict(m) for m in self.meters], columns=list(AttachedFile.__dataclass_fields__)
        )
        for column in ("first", "last"):
            meters[column] = pd.to_datetime(meters[column])
        filled = self.weather.filled if self.weather is not None else []
        return {"meters": meters, "filled": filled_frame(filled)}


def _flat(cls: Any, fields: Dict[str, Any], left: Mapping[str, Any]) -> Any:
    """``cls`` from ``fields`` (a tagged value already flattened into
    them, ``left`` what remains of it): an unknown key is a ``TypeError``,
    a missing optional one ``None``."""
    known = set(cls.__dataclass_fields__)
    unknown = (set(fields) - known) | set(left)
    if unknown:
        raise TypeError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
    return cls(**{k: fields.get(k) for k in known})


# ---------------------------------------------------------------- frames


def _frame(rows: Sequence[Mapping[str, Any]], columns: List[str], dates: Sequence[str] = ("date",)) -> Any:
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=columns)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def stations_frame(stations: Sequence[Station]) -> Any:
    """One row per station, the fields of :class:`Station` (``first`` and
    ``last`` as ``datetime64``, coordinates as exact ``Decimal``)."""
    columns = list(Station.__dataclass_fields__)
    return _frame([asdict(s) for s in stations], columns, ("first", "last"))


def temperatures_frame(days: Sequence[Mapping[str, Any]]) -> Any:
    """One row per day: ``date``, ``tn``, ``tx`` (exact ``Decimal``, °C)."""
    return _frame(days, ["date", "tn", "tx"])


def filled_frame(filled: Sequence[FilledDay]) -> Any:
    """One row per day filled: the fields of :class:`FilledDay`."""
    return _frame([asdict(f) for f in filled], list(FilledDay.__dataclass_fields__))


def days_frame(days: Sequence[Mapping[str, Any]]) -> Any:
    """One row per day: ``date``, ``kwh``, ``m3``, ``kwh_per_m3`` (exact
    ``Decimal``; ``m3`` and ``kwh_per_m3`` missing for electricity)."""
    return _frame(days, ["date", "kwh", "m3", "kwh_per_m3"])


def index_frame(readings: Sequence[Mapping[str, Any]]) -> Any:
    """One row per index reading: ``date``, ``value`` (exact ``Decimal``)."""
    return _frame(readings, ["date", "value"])
