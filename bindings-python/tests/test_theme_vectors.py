"""The theme vectors (tests/vectors/<theme>/challenge.json), run through the
Python package as tests/tests/common/mod.rs runs them in Rust: each check's
JSON pointer into the report's dict (or its theme's section) gives the
expected value, decimals after rounding half away from zero to ``places``.
The same pointer walks the typed objects of ``ecodefi.results`` (``report.water``
…: an attribute per key, ``from_`` for ``from``), which must agree."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Dict, List, Tuple

import pytest

import ecodefi
from ecodefi import results
from conftest import VECTORS

SECTIONS = ["energy", "water", "waste", "food", "mobility"]
TYPED = {
    "energy": (results.EnergyReport, results.EnergyHouseholdResult, results.Saving),
    "water": (results.WaterReport, results.WaterHouseholdResult, results.WaterIndicators),
    "waste": (results.WasteReport, results.WasteHouseholdResult, results.WasteIndicators),
    "food": (results.FoodReport, results.FoodHouseholdResult, results.FoodIndicators),
    "mobility": (results.MobilityReport, results.MobilityHouseholdResult, results.MobilityIndicators),
}

THEMES = ["water", "waste", "food", "mobility", "themes"]


def cases() -> List[Tuple[str, Dict[str, Any], int]]:
    out = []
    for theme in THEMES:
        path = VECTORS / theme / "challenge.json"
        if path.exists():
            doc = json.loads(path.read_text(encoding="utf-8"))
            out += [(theme, c, doc["places"]) for c in doc["cases"]]
    return out


def pointer(doc: Any, p: str) -> Any:
    for part in p.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def typed_pointer(obj: Any, p: str) -> Any:
    """The JSON pointer ``p`` walked on typed objects: list indices, then
    attributes (a Python keyword gets a trailing ``_``)."""
    for part in p.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(obj, list):
            obj = obj[int(part)]
        else:
            obj = getattr(obj, part if hasattr(obj, part) else f"{part}_")
    return obj


def as_decimal(v: Any) -> Any:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, str):
        try:
            return Decimal(v)
        except InvalidOperation:
            return None
    return None


@pytest.mark.parametrize("theme, case, places", cases(), ids=lambda x: x if isinstance(x, str) else "")
@pytest.mark.parametrize("via", ["json", "dict"])
def test_theme_vector(theme: str, case: Dict[str, Any], places: int, via: str) -> None:
    if via == "json":
        data = ecodefi.ChallengeData.from_json(json.dumps(case["input"]))
    else:
        data = ecodefi.ChallengeData.from_dict(case["input"])
    report = ecodefi.compute(data)
    assert report.schema_version == ecodefi.REPORT_SCHEMA_VERSION == 2
    d = report.to_dict()
    got = d if theme == "themes" else d[theme]
    typed = report if theme == "themes" else getattr(report, theme)
    assert got is not None and typed is not None
    for check in case["checks"]:
        expected = check["expected"]
        for actual in (pointer(got, check["pointer"]), typed_pointer(typed, check["pointer"])):
            assert_expected(case["name"], check["pointer"], actual, expected, places)


def assert_expected(name: str, where: str, actual: Any, expected: Any, places: int) -> None:
    e, a = as_decimal(expected), as_decimal(actual)
    if e is not None and a is not None and isinstance(expected, str):
        assert isinstance(actual, Decimal), f"{name}: {where}: {actual!r} is not a Decimal"
        rounded = a.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        assert rounded == e, f"{name}: {where}: got {a}"
    elif isinstance(actual, Decimal) or hasattr(actual, "isoformat"):
        assert str(actual) == expected, where
    else:
        assert actual == expected, f"{name}: {where}"


@pytest.mark.parametrize("theme, case, places", cases(), ids=lambda x: x if isinstance(x, str) else "")
def test_typed_sections_mirror_the_dicts(theme: str, case: Dict[str, Any], places: int) -> None:
    """Every section is its typed class, every household in input order in
    the one shape, and the typed figures hold the dict's very values."""
    report = ecodefi.compute(case["input"])
    d = report.to_dict()
    inputs = [h["id"] for h in case["input"]["households"]]
    seen = 0
    for name in SECTIONS:
        section = getattr(report, name)
        if d.get(name) is None:
            assert section is None, name
            continue
        seen += 1
        report_class, household_class, figures_class = TYPED[name]
        assert isinstance(section, report_class), name
        assert section == report_class.from_dict(d[name])
        assert [h.household for h in section.households] == inputs, name
        for h, hd in zip(section.households, d[name]["households"]):
            assert isinstance(h, household_class)
            assert isinstance(h, results.HouseholdResult)
            assert (h.status, h.team) == (hd["status"], hd["team"])
            assert [e.code for e in h.exclusions] == [e["code"] for e in hd["exclusions"]]
            if h.status == "computed":
                assert isinstance(h.figures, figures_class) and not h.exclusions and not h.excluded
                assert_same(h.figures, hd["figures"], f"{name} {h.household}")
            else:
                assert h.figures is None and h.exclusions and h.excluded
        assert [t.team for t in section.teams] == [t["team"] for t in d[name]["teams"]]
        assert section.headline == d[name]["headline"]
    assert seen >= 1


def assert_same(obj: Any, d: Any, where: str) -> None:
    """The typed object holds the dict's values, exactly (``Decimal`` digits too)."""
    if isinstance(d, dict):
        for k, v in d.items():
            assert_same(getattr(obj, k if hasattr(obj, k) else f"{k}_"), v, f"{where}.{k}")
    elif isinstance(d, list):
        assert isinstance(obj, list) and len(obj) == len(d), where
        for i, (o, v) in enumerate(zip(obj, d)):
            assert_same(o, v, f"{where}[{i}]")
    else:
        assert type(obj) is type(d) and obj == d and str(obj) == str(d), where


def test_to_pandas_covers_every_theme() -> None:
    theme_cases = [c for c in cases() if c[0] == "themes"]
    if not theme_cases:
        pytest.skip("no multi-theme vector")
    _, case, _ = theme_cases[0]
    report = ecodefi.compute(case["input"])
    frames = report.to_pandas()
    d = report.to_dict()
    themes = [t for t in d if t not in ("schema_version", "challenge", "households") and d[t] is not None]
    assert set(frames["challenge"]["theme"]) == set(themes)
    h = frames["households"]
    for t in themes:
        rows = d[t].get("households", [])
        assert (h["theme"] == t).sum() == len(rows), t
        excluded = [r["household"] for r in rows if r["status"] == "excluded"]
        mine = h[(h["theme"] == t) & h["excluded"]]
        assert list(mine["household"]) == excluded, t
        assert (mine["exclusion_codes"] != "").all(), t
        assert list(mine["exclusion_codes"]) == ["; ".join(e["code"] for e in r["exclusions"]) for r in rows if r["exclusions"]]
        ranks = list(frames["teams"].loc[frames["teams"]["theme"] == t, "rank"])
        assert ranks == sorted(ranks) and len(ranks) == len(d[t]["teams"]), t
        # The theme's own frame: one row per household, in input order.
        own = frames[t]
        assert list(own["household"]) == [r["household"] for r in rows], t
        assert list(own["status"]) == [r["status"] for r in rows], t
        assert list(own.loc[own["excluded"], "household"]) == excluded, t


def test_theme_frames_flatten_the_figures() -> None:
    """Real values of the themes vector in each theme's frame, by path."""
    _, case, _ = [c for c in cases() if c[0] == "themes"][0]
    report = ecodefi.compute(case["input"])
    frames = report.to_pandas()
    d = report.to_dict()
    for t in ("water", "waste", "food", "mobility"):
        own = frames[t].set_index("household")
        for r in d[t]["households"]:
            f = r["figures"]
            if f is None:
                continue
            row = own.loc[r["household"]]
            if t == "water":
                assert row["change"] == f["change"]
                assert row["expected_litres"] == f["expected_litres"]
            elif t == "waste":
                assert row["total_change"] == f["total"]["change"]
                for s in f["streams"]:
                    assert row[f"streams_{s['stream']}_flow_avoided_kg"] == s["flow"]["avoided_kg"]
            elif t == "food":
                c = f["change"]
                assert row["change_organic_share_change"] == c["organic_share_change"]
                assert row["change_goal_met"] == c["goal_met"]
                for s in f["surveys"]:
                    assert row[f"surveys_{s['survey']}_spending"] == s["spending"]
                    for ch in s["channels"]:
                        assert row[f"surveys_{s['survey']}_channels_{ch['channel']}_share"] == ch["share"]
            else:
                assert row["reference_km"] == f["reference"]["km"]
                for m in f["challenge"]["modes"]:
                    assert row[f"challenge_modes_{m['mode']}_km"] == m["km"]
    # The vector's expected values, seen through the frames.
    water = frames["water"].set_index("household")
    assert water.loc["E2", "change"].quantize(Decimal("1e-10"), rounding=ROUND_HALF_UP) == Decimal("-0.1617357002")
    assert water.loc["E4", "exclusion_codes"] == "too_few_readings"
    assert water.loc["E5", "exclusion_codes"] == "no_meter"
    assert water.loc["E5", "change"] is None


def test_notebook_view_and_plots_of_every_theme() -> None:
    """The notebook view shows each theme's headline and its teams best
    first (food's pooled change is no ``Totals``); the household plot draws
    each theme's change."""
    _, case, _ = [c for c in cases() if c[0] == "themes"][0]
    report = ecodefi.compute(case["input"])
    html = report._repr_html_()
    d = report.to_dict()
    themes = [t for t in SECTIONS if d.get(t) is not None]
    teams = len(report.challenge["teams"])
    assert html.count("<table>") == len(themes)
    assert html.count("<tr>") == len(themes) * (1 + teams)
    for t in themes:
        section = getattr(report, t)
        assert section.headline.replace("'", "&#x27;") in html
        best = min(section.teams, key=lambda team: team.rank)
        table = html.split(section.headline.replace("'", "&#x27;"))[1].split("</table>")[0]
        assert table.split("<tbody>")[1].startswith(f"\n<tr><td>1</td><td>{best.name}</td>")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from ecodefi import plot

    for t in themes:
        ax = plot.household_savings(report, theme=t)
        assert ax.get_ylabel() == "foyers"
