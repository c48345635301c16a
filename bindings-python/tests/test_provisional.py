"""Provisional results through the binding: ``compute(..., as_of=...)`` is
the final result of the same challenge whose period ends that day and whose
measurements stop that day, with every headline marked provisional."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any, Dict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ecodefi

DAY = datetime.date(2026, 2, 15)
MARK = "Résultats provisoires au 15 février 2026\u00a0: "


def stop_data(doc: Dict[str, Any], day: datetime.date) -> Dict[str, Any]:
    """The measurements known on the evening of ``day``, written here
    independently of the core: readings, events and stocks of the next
    morning at the latest (a reading dated D is the index at the start of
    D), bills ended by then, deliveries, weighings, purchases and trips of
    that day at the latest."""
    doc = copy.deepcopy(doc)
    nxt = (day + datetime.timedelta(days=1)).isoformat()
    iso = day.isoformat()
    for h in doc["households"]:
        for m in h.get("meters", []) + h.get("water_meters", []):
            for key, limit in (("readings", nxt), ("events", nxt), ("stock", nxt), ("deliveries", iso)):
                if key in m:
                    m[key] = [x for x in m[key] if str(x["date"]) <= limit]
            if "bills" in m:
                m["bills"] = [b for b in m["bills"] if str(b["period"]["last"]) <= iso]
        for key in ("weighings", "food_purchases", "trips"):
            if key in h:
                h[key] = [x for x in h[key] if str(x["date"]) <= iso]
    return doc


def end_period(doc: Dict[str, Any], day: datetime.date) -> Dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["challenge"]["challenge_period"]["last"] = day.isoformat()
    return doc


def unmarked(report: ecodefi.Report) -> Dict[str, Any]:
    """The provisional report's dict without its provisional mark."""
    d = report.to_dict()
    p = d.pop("provisional")
    mark = MARK if p["as_of"] == DAY else None
    for theme in ("energy", "water", "waste", "food", "mobility"):
        if theme in d:
            h = d[theme]["headline"]
            assert h.startswith("Résultats provisoires au "), h
            if mark is not None:
                assert h.startswith(mark), h
            d[theme]["headline"] = h.split("\u00a0: ", 1)[1]
    return d


def test_mid_winter_equals_a_challenge_ending_that_day(sample_doc: Dict[str, Any]) -> None:
    running = stop_data(sample_doc, DAY)
    report = ecodefi.compute(running, as_of=DAY)
    p = report.provisional
    assert p is not None
    assert (p.as_of, p.last_data, p.elapsed_days, p.total_days) == (DAY, False, 77, 151)
    assert (p.challenge_period.first, p.challenge_period.last) == (
        datetime.date(2025, 12, 1),
        datetime.date(2026, 4, 30),
    )
    assert report.headline.startswith(MARK)
    assert report.challenge["challenge_period"]["last"] == DAY
    expected = ecodefi.compute(end_period(running, DAY)).to_dict()
    assert unmarked(report) == expected
    # The full data give the same (what came later is not used), whatever
    # way the day is written.
    full = ecodefi.ChallengeData.from_dict(sample_doc)
    assert unmarked(full.compute(as_of="2026-02-15")) == expected
    assert unmarked(ecodefi.compute(full, as_of=DAY)) == expected
    # Final results: no mark.
    final = ecodefi.compute(full)
    assert final.provisional is None
    assert "provisional" not in final.to_dict()
    assert not final.headline.startswith("Résultats provisoires")
    assert json.loads(report.to_json())["provisional"] == {
        "as_of": "2026-02-15",
        "last_data": False,
        "elapsed_days": 77,
        "total_days": 151,
        "challenge_period": {"first": "2025-12-01", "last": "2026-04-30"},
    }


def test_last_data(sample_doc: Dict[str, Any]) -> None:
    # By hand: F00146's readings stop on 12 December 2025, so it covers up
    # to 11 December; every other household with data covers later days.
    report = ecodefi.compute(sample_doc, as_of="last_data")
    p = report.provisional
    assert p is not None
    assert (p.as_of, p.last_data, p.elapsed_days) == (datetime.date(2025, 12, 11), True, 11)
    assert report.headline.startswith("Résultats provisoires au 11 décembre 2025\u00a0: ")


def test_days_outside_the_period_and_bad_values(sample_doc: Dict[str, Any]) -> None:
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.compute(sample_doc, as_of=datetime.date(2025, 11, 30))
    assert e.value.code == "invalid_value"
    assert "the as-of day is before the challenge period, which starts on 2025-12-01" in str(e.value)
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.compute(sample_doc, as_of="2026-05-01")
    assert "after the challenge period, which ends on 2026-04-30" in str(e.value)
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.compute(sample_doc, as_of="15/02/2026")
    assert "an as-of day is a date written YYYY-MM-DD, or last_data" in str(e.value)
    with pytest.raises(TypeError):
        ecodefi.compute(sample_doc, as_of=20260215)  # type: ignore[arg-type]
    # None: final results.
    assert ecodefi.compute(sample_doc, as_of=None).provisional is None


@settings(max_examples=15, deadline=None)
@given(offset=st.integers(min_value=0, max_value=150), seed=st.integers(min_value=0, max_value=500))
def test_provisional_is_truncated(offset: int, seed: int) -> None:
    doc = ecodefi.synthetic_challenge(10, seed=seed, problems=True).to_dict()
    first = doc["challenge"]["challenge_period"]["first"]
    day = first + datetime.timedelta(days=offset)
    report = ecodefi.compute(doc, as_of=day)
    expected = ecodefi.compute(end_period(stop_data(doc, day), day)).to_dict()
    assert unmarked(report) == expected
