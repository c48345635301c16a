"""National references (« repères nationaux »): each theme's report sets the
challenge beside a sourced national figure, which ``options.references``
can replace. Expected values are worked out by hand below."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any, Dict, List, Tuple

import pytest

import ecodefi
from ecodefi import results


def _household(hid: str, adults: int, before: str, after: str, kg: List[Tuple[str, str, str]]) -> Dict[str, Any]:
    r = lambda d, v: {"date": d, "value": v}  # noqa: E731
    weighings = []
    for stream, b, a in kg:
        weighings += [{"date": "2025-03-10", "stream": stream, "kg": b},
                      {"date": "2026-03-10", "stream": stream, "kg": a}]
    return {
        "id": hid, "team": "A", "occupants": {"adults": adults},
        "water_meters": [{"id": "eau", "unit": "m3", "readings": [
            r("2025-03-01", "0"), r("2025-04-01", before),
            r("2026-03-01", "500"), r("2026-04-01", str(Decimal(500) + Decimal(after)))]}],
        "weighings": weighings,
    }


@pytest.fixture()
def doc() -> Dict[str, Any]:
    """Water and waste over March 2025 (reference) and March 2026 (challenge)."""
    return {
        "schema_version": 1,
        "challenge": {
            "name": "Défi eau et déchets", "territory": "Lens", "organiser_kind": "local_authority",
            "themes": ["water", "waste"],
            "reference_period": {"first": "2025-03-01", "last": "2025-03-31"},
            "challenge_period": {"first": "2026-03-01", "last": "2026-03-31"},
            "objective": "0.1", "teams": [{"id": "A", "name": "A"}],
        },
        "households": [
            _household("H1", 1, "4.65", "3.72", [("residual", "3.1", "2.48")]),
            _household("H2", 2, "9.3", "9.3", [("residual", "6.2", "6.2"), ("packaging", "1.24", "1.24")]),
        ],
    }


def test_water_and_waste_beside_the_national_figures(doc: Dict[str, Any]) -> None:
    report = ecodefi.compute(doc)
    water = report.water
    assert water is not None and isinstance(water.national, results.NationalComparison)
    w = water.national
    # (3 720 + 9 300) L over 31 + 62 person-days = 140 L; 140 / 148 − 1.
    assert w.reference == results.NationalFigure(
        Decimal("148"), "litres_per_person_day", 2020, "OFB, SISPEA", w.reference.title)
    assert w.challenge == Decimal("140")
    assert round(w.versus, 9) == Decimal("-0.054054054")
    waste = report.waste
    assert waste is not None and isinstance(waste.national, results.WasteComparison)
    d = waste.national
    # Residual: (2.48 + 6.2) kg × 365 / 93 person-days, beside 245 kg (OMR 2021).
    assert d.residual.reference.value == Decimal("245") and d.residual.reference.year == 2021
    assert round(d.residual.challenge, 6) == Decimal("34.066667")
    assert round(d.residual.versus, 6) == Decimal("-0.860952")
    # All streams: (2.48 + 6.2 + 1.24) × 365 / 93, beside 615 kg (DMA 2021).
    assert d.total.reference.value == Decimal("615")
    assert round(d.total.challenge, 6) == Decimal("38.933333")
    assert round(d.total.versus, 6) == Decimal("-0.936694")


def test_options_replace_a_figure(doc: Dict[str, Any]) -> None:
    local = copy.deepcopy(doc)
    local["options"] = {"references": {"edition": "Lens 2024", "water": {
        "value": "140", "unit": "litres_per_person_day", "year": 2024, "source": "Régie des eaux de Lens"}}}
    report = ecodefi.compute(local)
    w = report.to_dict()["water"]["national"]
    assert w["reference"]["value"] == Decimal("140") and w["reference"]["source"] == "Régie des eaux de Lens"
    assert w["versus"] == Decimal("0")
    # The other figures keep their defaults.
    assert report.to_dict()["waste"]["national"]["residual"]["reference"]["value"] == Decimal("245")
    bad = copy.deepcopy(local)
    bad["options"]["references"]["water"]["value"] = "0"
    with pytest.raises(ecodefi.EcodefiError) as e:
        ecodefi.compute(bad)
    assert e.value.code == "invalid_value"


def test_to_pandas_has_a_national_frame(doc: Dict[str, Any]) -> None:
    pytest.importorskip("pandas")
    frames = ecodefi.compute(doc).to_pandas()
    national = frames["national"]
    assert list(national["figure"]) == ["water", "residual_waste", "household_waste"]
    assert list(national["value"]) == [Decimal("148"), Decimal("245"), Decimal("615")]
    assert national["challenge"][0] == Decimal("140")
    challenge = frames["challenge"].set_index("theme")
    assert challenge.loc["water", "national_reference_value"] == Decimal("148")
    assert round(challenge.loc["waste", "national_residual_versus"], 6) == Decimal("-0.860952")
