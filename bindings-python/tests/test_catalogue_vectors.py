"""The catalogue vectors (tests/vectors/catalogue), run through the Python
package, as tests/tests/catalogue.rs runs them in Rust."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ecodefi
from conftest import REPO, VECTORS


def load(name: str) -> Dict[str, Any]:
    return json.loads((VECTORS / "catalogue" / name).read_text(encoding="utf-8"))


def dec(v: Any) -> Optional[Decimal]:
    return None if v is None else Decimal(v)


def check_case(c: ecodefi.Catalogue, case: Dict[str, Any]) -> None:
    name = case["name"]
    got = c.summary(case["group_by"], case["filter"])["groups"]
    want = case["expected"]
    assert [g["key"] for g in got] == [w["key"] for w in want], name
    for g, w in zip(got, want):
        at = f"{name}, group {w['key']}"
        assert g["challenges"] == w["challenges"], at
        assert g["households"] == w["households"], at
        assert [r["indicator"] for r in g["results"]] == [r["indicator"] for r in w["results"]], at
        for x, y in zip(g["results"], w["results"]):
            assert x["households"] == y["households"], at
            assert x["results_without_households"] == y["results_without_households"], at
            for f in ("household_weighted_change", "pooled_change"):
                assert x.get(f) == dec(y.get(f)), f"{at}: {f}"


def test_aggregation() -> None:
    v = load("aggregation.json")
    c = ecodefi.Catalogue.from_dict(v["catalogue"])
    assert [f["rule"] for f in c.validate()] == v["expected_findings"]
    assert len(v["cases"]) >= 8
    for case in v["cases"]:
        check_case(c, case)


def _validation_cases() -> List[Dict[str, Any]]:
    return load("validation.json")["cases"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", _validation_cases(), ids=lambda c: c["name"])
def test_validation(case: Dict[str, Any]) -> None:
    c = ecodefi.Catalogue.from_json(json.dumps(case["catalogue"]))
    findings = c.validate()
    assert [f["rule"] for f in findings] == case["expected_rules"]
    groups = [
        {
            "rule": f["rule"],
            "members": [m["index"] for m in f["members"]],
            "member_count": f["member_count"],
        }
        for f in findings
        if "members" in f
    ]
    assert groups == case["expected_groups"]


@settings(max_examples=30, deadline=None)
@given(k=st.integers(min_value=2, max_value=60))
def test_copies_are_one_group(k: int) -> None:
    """k copies of one record are one duplicate finding counting k, listing
    at most 20, whatever k (issue 14: one finding per group, not per pair)."""
    record = load("validation.json")["cases"][0]["catalogue"]["records"][0]
    c = ecodefi.Catalogue.from_dict({"schema_version": 1, "records": [record] * k})
    dups = [f for f in c.validate() if f["rule"] == "duplicate_identity"]
    assert len(dups) == 1
    assert dups[0]["member_count"] == k
    assert [m["index"] for m in dups[0]["members"]] == list(range(min(k, 20)))
    assert dups[0]["record"]["index"] == 0


def test_hauts_de_france() -> None:
    v = load("hauts-de-france.json")
    c = ecodefi.Catalogue.from_json((REPO / v["catalogue_file"]).read_text(encoding="utf-8"))
    assert json.loads(json.dumps(c.validate(), default=str)) == v["findings"]
    for case in v["cases"]:
        check_case(c, case)
    names = [t["territory"]["name"] for t in c.timelines()]
    assert names == v["timeline_territories"]


def test_errors() -> None:
    with pytest.raises(ecodefi.SchemaVersionError):
        ecodefi.Catalogue.from_json('{"schema_version": 2, "records": []}')
    c = ecodefi.Catalogue.from_json('{"schema_version": 1, "records": []}')
    with pytest.raises(ecodefi.UnknownNameError):
        c.summary("region")
    assert c.records == 0 and c.validate() == []
