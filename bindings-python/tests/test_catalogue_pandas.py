"""Catalogue.to_pandas: every record and every result of the sample, with
the figures the sample file states (read here with json, independently)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import ecodefi
from conftest import REPO

SAMPLE = REPO / "core" / "examples" / "data" / "catalogue" / "hauts-de-france.json"


def test_records_and_results_as_frames() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    doc = json.loads(text)
    frames = ecodefi.Catalogue.from_json(text).to_pandas()
    records, results = frames["records"], frames["results"]
    assert list(records["name"]) == [r["name"] for r in doc["records"]]
    households = [None if r["households"] == "unknown" else r["households"] for r in doc["records"]]
    assert [None if h is None or h != h else int(h) for h in records["households"]] == households
    expected = [
        (r["name"], res["indicator"], Decimal(res["change"]))
        for r in doc["records"]
        if isinstance(r["results"], list)
        for res in r["results"]
    ]
    assert list(zip(results["name"], results["indicator"], results["change"])) == expected
    assert all(isinstance(c, Decimal) for c in results["change"])
    floats = ecodefi.Catalogue.from_json(text).to_pandas(decimals="float")["results"]
    assert str(floats["change"].dtype) == "float64"


def test_bad_decimals_option() -> None:
    with pytest.raises(ValueError):
        ecodefi.Catalogue.from_json(SAMPLE.read_text(encoding="utf-8")).to_pandas(decimals="exact")
