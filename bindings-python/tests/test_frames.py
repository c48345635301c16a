"""ChallengeData from DataFrames: the same document as from JSON."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any, Dict

import numpy as np
import pandas as pd
import pytest

import ecodefi
from conftest import TABLE_DEMO
from tables import document_to_frames


@pytest.mark.parametrize("dates", ["datetime64", "object"])
def test_frames_give_the_same_report_as_json(sample_doc: Dict[str, Any], sample_json: str, dates: str) -> None:
    frames = document_to_frames(sample_doc, dates=dates)
    settings = frames.pop("settings")
    data = ecodefi.ChallengeData.from_frames(settings, **frames)
    assert data.households == len(sample_doc["households"])
    from_json = ecodefi.ChallengeData.from_json(sample_json)
    assert json.loads(data.to_json()) == json.loads(from_json.to_json())
    assert ecodefi.compute(data).to_json() == ecodefi.compute(from_json).to_json()


def test_float_int_and_str_columns(sample_doc: Dict[str, Any], sample_json: str) -> None:
    frames = document_to_frames(sample_doc)
    settings = frames.pop("settings")
    r = frames["readings"]
    r["value"] = [float(v) for v in r["value"]]  # float64: shortest repr each
    t = frames["temperatures"]
    t["tn"] = [str(v).replace(".", ",") for v in t["tn"]]  # French decimal comma
    t["date"] = t["date"].dt.strftime("%d/%m/%Y")  # French dates, read by the core
    frames["households"]["adults"] = frames["households"]["adults"].astype("int32")
    data = ecodefi.ChallengeData.from_frames(json.dumps(settings, default=str), **frames)
    assert ecodefi.compute(data).to_json() == ecodefi.compute(ecodefi.ChallengeData.from_json(sample_json)).to_json()


def test_french_column_names_and_aliases() -> None:
    households = pd.DataFrame({"Foyer": ["A"], "Équipe": ["t"], "adultes": [2], "âges_enfants": [[8, 12]]})
    got = ecodefi.read_frames(households)
    assert got["households"][0]["occupants"] == {"adults": 2, "children": [8, 12]}
    assert got["teams"] == [{"id": "t", "name": "t"}]


def test_missing_cells_in_optional_columns() -> None:
    households = pd.DataFrame(
        {"household": ["A", "B"], "team": ["t", "t"], "adults": [1.0, 2.0], "surface": [np.nan, Decimal("48.5")]}
    )
    got = ecodefi.read_frames(households)
    assert "surface_m2" not in got["households"][0]
    assert got["households"][1]["surface_m2"] == Decimal("48.5")
    assert got["households"][1]["occupants"]["adults"] == 2


def test_nat_in_a_date_column_is_a_missing_cell() -> None:
    households = pd.DataFrame({"household": ["A"], "team": ["t"], "adults": [1]})
    temps = pd.DataFrame({"date": pd.to_datetime(["2025-01-01", None]), "tn": [1, 2], "tx": [3, 4]})
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_frames(households, temperatures=temps)
    assert (e.value.file, e.value.row, e.value.column) == ("temperatures", 1, "date")


def test_dict_of_columns() -> None:
    got = ecodefi.read_frames({"household": ["A"], "team": ["t"], "adults": [np.int64(1)]})
    assert got["households"][0]["id"] == "A"


def test_the_csv_demo_set_reads() -> None:
    settings = (TABLE_DEMO / "challenge.json").read_text(encoding="utf-8")
    tables = sorted(p for p in TABLE_DEMO.glob("*.csv") if p.name != "defi.csv")
    data = ecodefi.ChallengeData.from_csv(settings, tables)
    report = data.compute()
    assert report.households == data.households
    # The settings table (defi.csv) instead of the JSON settings: the same document.
    assert ecodefi.ChallengeData.from_csv(None, sorted(TABLE_DEMO.glob("*.csv"))).to_json() == data.to_json()
    # Both at once are refused, as ambiguous, naming the settings table.
    with pytest.raises(ecodefi.InvalidValueError) as both:
        ecodefi.ChallengeData.from_csv(settings, sorted(TABLE_DEMO.glob("*.csv")))
    assert both.value.file == "defi.csv"
    broken = TABLE_DEMO.parent / "table-demo-broken"
    with pytest.raises(ecodefi.EcodefiError) as e:
        ecodefi.ChallengeData.from_csv(settings, sorted(broken.glob("*.csv")))
    assert e.value.file is not None and e.value.line is not None


def test_numeric_columns_from_the_numpy_buffer() -> None:
    households = pd.DataFrame(
        {"household": [101, 102], "team": ["t", "t"], "adults": np.array([1, 3], dtype="int16"), "surface": [np.nan, 48.5]}
    )
    got = ecodefi.read_frames(households)
    assert [h["id"] for h in got["households"]] == ["101", "102"]
    assert "surface_m2" not in got["households"][0]
    assert got["households"][1]["surface_m2"] == Decimal("48.5")
    assert got["households"][1]["occupants"]["adults"] == 3
    temps = pd.DataFrame({"date": pd.date_range("2025-01-01", periods=3), "tn": [0.1, -2.0, 1e-3], "tx": [5, 6, 7]})
    got = ecodefi.read_frames(households, temperatures=temps)
    assert [t["tn"] for t in got["temperatures"]] == [Decimal("0.1"), Decimal("-2"), Decimal("0.001")]
    households["team"] = [1.5, 2.0]
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_frames(households)
    assert (e.value.file, e.value.row, e.value.column) == ("households", 0, "team")
    temps["tn"] = [0.1, np.nan, 1.0]
    with pytest.raises(ecodefi.InvalidValueError, match="required") as e:
        ecodefi.read_frames(households.assign(team="t"), temperatures=temps)
    assert (e.value.row, e.value.column) == (1, "tn")
