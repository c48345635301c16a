"""The file readers' conformance vectors (``tests/vectors/files/``, expected
values computed independently by ``tests/vectors/make_file_vectors.py``),
run through the Python package as the Rust runner (``tests/tests/files.rs``)
runs them through the core: the same cases, the same expectations."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, List

import pytest

import ecodefi
from conftest import VECTORS

FILES = VECTORS / "files"


def cases(name: str) -> List[Dict[str, Any]]:
    return json.loads((FILES / name).read_text(encoding="utf-8"))["cases"]


def data(file: Dict[str, Any]) -> bytes:
    if "text" in file:
        return file["text"].encode("utf-8")
    return base64.b64decode(file["base64"])


def _decimal(text: str) -> Any:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def contains(actual: Any, expected: Any, at: str = "") -> None:
    """``actual`` holds ``expected``: dicts by key, lists item by item (same
    length), a ``str`` expectation against a ``Decimal`` or a
    ``datetime.date`` by value."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), at
        for key, value in expected.items():
            got = actual.get(key)
            if got is None and value == []:
                got = []
            contains(got, value, f"{at}/{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), (at, actual, expected)
        for i, (a, e) in enumerate(zip(actual, expected)):
            contains(a, e, f"{at}/{i}")
    elif isinstance(actual, dt.date):
        assert actual.isoformat() == expected, at
    elif isinstance(actual, Decimal):
        assert actual == _decimal(expected), (at, actual, expected)
    elif isinstance(actual, str) and isinstance(expected, str) and _decimal(actual) is not None and _decimal(expected) is not None:
        assert _decimal(actual) == _decimal(expected), at
    else:
        assert actual == expected, (at, actual, expected)


def located(e: ecodefi.EcodefiError, expected: Dict[str, Any]) -> None:
    assert e.code == expected["code"], e
    assert e.file == expected["file"], e
    if "line" in expected:
        assert e.line == expected["line"], e


@pytest.mark.parametrize("case", cases("meter_files.json"), ids=lambda c: c["name"])
def test_meter_file_vector(case: Dict[str, Any]) -> None:
    file = case["file"]
    if "error" in case:
        with pytest.raises(ecodefi.EcodefiError) as e:
            ecodefi.read_meter_file(data(file), file["name"])
        located(e.value, case["error"])
        return
    f = ecodefi.read_meter_file(data(file), file["name"])
    contains(f.to_dict(), case["expected"], case["name"])
    # The typed view says the same as the dict.
    assert [(d.date, d.kwh) for d in f.days] == [(d["date"], d["kwh"]) for d in f.to_dict()["days"]]


def _core_filled(day: Any) -> Dict[str, Any]:
    """A ``FilledDay`` back in the core's form (``how`` tagged)."""
    d = dataclasses.asdict(day)
    how = {"method": d.pop("method")}
    station = d.pop("station")
    if station is not None:
        how["number"] = station
    return {**d, "how": how}


@pytest.mark.parametrize("case", cases("weather_files.json"), ids=lambda c: c["name"])
def test_weather_file_vector(case: Dict[str, Any]) -> None:
    file = case["file"]

    def run() -> Dict[str, Any]:
        w = ecodefi.read_weather(data(file), file["name"])
        out: Dict[str, Any] = {
            "resolution": w.resolution,
            "stations": [dataclasses.asdict(s) for s in w.stations],
        }
        if "station" in case:
            fill = case.get("fill", {})
            t = w.temperatures(
                case["station"],
                case.get("first"),
                case.get("last"),
                fill_station=fill.get("station"),
                interpolate_max_days=fill.get("interpolate_max_days", 0),
            )
            out["temperatures"] = t.to_list()
            out["filled"] = [_core_filled(d) for d in t.filled]
        return out

    if "error" in case:
        with pytest.raises(ecodefi.EcodefiError) as e:
            run()
        located(e.value, case["error"])
        return
    contains(run(), case["expected"], case["name"])
