"""The shared conformance vectors (tests/vectors), run through the Python
package: the same numbers as the Rust runner (tests/tests/vectors.rs), with
its rule: round half away from zero to the file's ``places``, compare
exactly."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import ecodefi
from ecodefi import results
from conftest import VECTORS


def load(name: str) -> Dict[str, Any]:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def check(what: str, actual: Any, expected: str, places: int) -> None:
    assert isinstance(actual, Decimal), f"{what}: {actual!r} is not a Decimal"
    rounded = actual.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert rounded == Decimal(expected), f"{what}: got {actual}"


# Kinds this suite runs, and those it leaves to the Rust runner (with why).
RUN = {"degree_days", "conversions", "correction", "energy_challenge"}
NOT_EXPOSED = {
    # consumption::Series (prorating of readings over a period) is an
    # internal step of compute(), not a function of the Python API; its
    # results are covered through the energy_challenge vectors.
    "prorating",
}


def test_every_vector_file_is_run_or_listed() -> None:
    kinds = {json.loads(p.read_text(encoding="utf-8"))["kind"] for p in VECTORS.glob("*.json")}
    assert kinds <= RUN | NOT_EXPOSED, kinds - RUN - NOT_EXPOSED


def test_degree_days() -> None:
    doc = load("degree_days.json")
    for i, c in enumerate(doc["cases"]):
        got = ecodefi.degree_days(c["tn"], c["tx"], method=c["method"], kind=c["kind"], base=c["base"])
        check(f"degree-days case {i}", got, c["expected"], doc["places"])


def test_conversions() -> None:
    doc = load("conversions.json")
    for i, c in enumerate(doc["cases"]):
        if "error" in c:
            with pytest.raises(ecodefi.EcodefiError) as e:
                ecodefi.official_conversion(c["carrier"], c["unit"], c["basis"])
            assert e.value.code == c["error"], f"case {i}"
        else:
            got = ecodefi.official_conversion(c["carrier"], c["unit"], c["basis"])
            check(f"conversion case {i}", got, c["expected"], doc["places"])


def test_correction() -> None:
    doc = load("correction.json")
    for i, c in enumerate(doc["cases"]):
        got = ecodefi.correct_climate(c["method"], c["energy"], c["heating_share"], c["dj_from"], c["dj_to"])
        check(f"correction case {i}", got, c["expected"], doc["places"])


def _energy_cases() -> List[Dict[str, Any]]:
    return load("energy_challenge.json")["cases"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", _energy_cases(), ids=lambda c: c["name"])
@pytest.mark.parametrize("via", ["json", "dict", "frames"])
def test_energy_challenge(case: Dict[str, Any], via: str) -> None:
    p = load("energy_challenge.json")["places"]
    if via == "json":
        data = ecodefi.ChallengeData.from_json(json.dumps(case["input"]))
    elif via == "dict":
        data = ecodefi.ChallengeData.from_dict(case["input"])
    else:
        from tables import document_to_frames

        frames = document_to_frames(case["input"])
        settings = frames.pop("settings")
        frames.pop("teams", None)
        settings["challenge"]["teams"] = case["input"]["challenge"]["teams"]
        data = ecodefi.ChallengeData.from_frames(settings, **frames)
    report = ecodefi.compute(data)
    energy = report.energy
    assert energy is not None
    want = case["expected"]
    check("reference DJ", energy.reference_degree_days, want["reference_degree_days"], p)
    check("challenge DJ", energy.challenge_degree_days, want["challenge_degree_days"], p)
    for h in energy.households:
        w = want["households"][h.household]
        if "exclusions" in w:
            assert [e.code for e in h.exclusions] == w["exclusions"], h.household
            assert (h.status, h.figures, h.excluded) == ("excluded", None, True), h.household
            continue
        assert (h.status, h.exclusions) == ("computed", []), h.household
        assert isinstance(h.figures, results.Saving)
        for field, value in w.items():
            got = getattr(h.figures, field)
            if isinstance(value, bool):
                assert got is value, f"{h.household} {field}"
            else:
                check(f"household {h.household} {field}", got, value, p)
    for w, t in zip(want["teams"], energy.teams):
        assert (t.team, t.rank, t.totals.households, t.totals.excluded) == (
            w["team"],
            w["rank"],
            w["households"],
            w["excluded"],
        )
        check("team change", t.totals.change, w["change"], p)
        check("team saved", t.totals.saved, w["saved"], p)
    t = energy.totals
    w = want["totals"]
    assert (t.totals.households, t.totals.excluded) == (w["households"], w["excluded"])
    for field in ("reference", "actual", "saved", "change", "mean_change", "median_change"):
        check(field, getattr(t.totals, field), w[field], p)
    check("co2e", t.co2e_saved, w["co2e_saved"], p)
    check("euros", t.euros_saved, w["euros_saved"], p)
    assert t.objective_reached is w["objective_reached"]
    assert t.households_reaching_objective == w["households_reaching_objective"]
    # The same digits as the core's own JSON, to the last one.
    as_json = json.loads(report.to_json())["energy"]["totals"]["totals"]
    assert str(t.totals.change) == as_json["change"]
