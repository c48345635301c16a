"""The typed result classes (ecodefi.results) as converters: strict about
keys, exact about values, one household shape for every theme."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any, Dict

import pytest

import ecodefi
from ecodefi import results
from conftest import VECTORS


@pytest.fixture(scope="module")
def report() -> ecodefi.Report:
    doc = json.loads((VECTORS / "themes" / "challenge.json").read_text(encoding="utf-8"))
    return ecodefi.compute(doc["cases"][0]["input"])


def test_every_exported_class_is_a_frozen_dataclass() -> None:
    for name in results.__all__:
        cls = getattr(results, name)
        assert dataclasses.is_dataclass(cls), name
        assert cls.__dataclass_params__.frozen, name  # type: ignore[attr-defined]
        assert callable(cls.from_dict), name


def test_unknown_keys_are_refused(report: ecodefi.Report) -> None:
    d = report.to_dict()["water"]
    with pytest.raises(TypeError, match="unknown fields"):
        results.WaterReport.from_dict({**d, "extra": 1})
    h = dict(d["households"][0])
    h["saving"] = h.pop("figures")  # the schema-1 spelling
    with pytest.raises(TypeError, match="saving"):
        results.WaterHouseholdResult.from_dict(h)
    with pytest.raises(TypeError, match="expected a dict"):
        results.Totals.from_dict([])  # type: ignore[arg-type]


def test_one_household_shape(report: ecodefi.Report) -> None:
    d = report.to_dict()["food"]["households"]
    computed = next(h for h in d if h["status"] == "computed")
    excluded = next(h for h in d if h["status"] == "excluded")
    typed = results.FoodHouseholdResult.from_dict(computed)
    assert isinstance(typed.figures, results.FoodIndicators)
    # "from" is a Python keyword: the attribute is from_.
    assert typed.figures.change.from_ == computed["figures"]["change"]["from"]
    # The generic base keeps the figures as the dict.
    base = results.HouseholdResult.from_dict(computed)
    assert type(base) is results.HouseholdResult and base.figures == computed["figures"]
    e = results.FoodHouseholdResult.from_dict(excluded)
    assert (e.status, e.figures, e.excluded) == ("excluded", None, True)
    assert all(isinstance(x, results.Exclusion) for x in e.exclusions) and e.exclusions


def test_values_stay_exact(report: ecodefi.Report) -> None:
    water = report.water
    assert water is not None
    assert isinstance(water.reference_period, ecodefi.Period)
    assert isinstance(water.reference_period.first, dt.date)
    assert water.reference_value.litres_per_person_day == Decimal(148)
    as_json: Dict[str, Any] = json.loads(report.to_json())["water"]
    assert str(water.totals.totals.change) == as_json["totals"]["totals"]["change"]
    waste = report.waste
    assert waste is not None and all(isinstance(p, ecodefi.Period) for p in waste.challenge_periods)
    mobility = report.mobility
    assert mobility is not None
    assert [f.mode for f in mobility.factors.factors] == [f["mode"] for f in as_json_section(report, "mobility")["factors"]["factors"]]
    food = report.food
    assert food is not None and isinstance(food.budget_tolerance, Decimal)
    assert [s.name for s in food.surveys] == ["start", "middle", "end"]


def as_json_section(report: ecodefi.Report, name: str) -> Dict[str, Any]:
    return json.loads(report.to_json())[name]  # type: ignore[no-any-return]
