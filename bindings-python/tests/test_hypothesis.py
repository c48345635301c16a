"""Arbitrary inputs end in a result or a typed exception (an EcodefiError,
or a TypeError for a Python object of the wrong type), never a crash or a
PanicException (which derives from BaseException, so it would escape)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi
from conftest import VECTORS

TYPED = (ecodefi.EcodefiError, TypeError)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["2026-01-01", "0.66", "-1", "1e3", "natural_gas", "m3", "mixed", "energy", ""]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)


def small_case() -> Dict[str, Any]:
    doc = json.loads((VECTORS / "energy_challenge.json").read_text(encoding="utf-8"))
    return doc["cases"][0]["input"]  # type: ignore[no-any-return]


BASE = small_case()


def paths(x: Any, prefix: List[Any]) -> List[List[Any]]:
    out = [prefix]
    if isinstance(x, dict):
        for k, v in x.items():
            out += paths(v, prefix + [k])
    elif isinstance(x, list):
        for i, v in enumerate(x):
            out += paths(v, prefix + [i])
    return out


PATHS = [p for p in paths(BASE, []) if p]


@SETTINGS
@given(tn=scalars, tx=scalars, base=scalars)
def test_degree_days(tn: Any, tx: Any, base: Any) -> None:
    try:
        out = ecodefi.degree_days(tn, tx, base=base)
    except TYPED:
        return
    assert isinstance(out, Decimal)


@SETTINGS
@given(args=st.lists(scalars, min_size=4, max_size=4), method=st.sampled_from(["eea", "sdes", "contract", "none", "x"]))
def test_correct_climate(args: List[Any], method: str) -> None:
    try:
        out = ecodefi.correct_climate(method, *args)
    except TYPED:
        return
    assert isinstance(out, Decimal)


@SETTINGS
@given(first=scalars, last=scalars)
def test_period(first: Any, last: Any) -> None:
    try:
        p = ecodefi.Period(first, last)
    except TYPED:
        return
    assert p.days >= 1


@SETTINGS
@given(doc=values)
def test_arbitrary_documents(doc: Any) -> None:
    try:
        ecodefi.compute(doc)
    except TYPED:
        pass


@SETTINGS
@given(path=st.sampled_from(PATHS), value=values)
def test_one_changed_value_in_a_valid_document(path: List[Any], value: Any) -> None:
    doc = copy.deepcopy(BASE)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        report = ecodefi.compute(doc)
    except TYPED:
        return
    frames = report.to_pandas()
    assert len(frames["households"]) == len(doc["households"])


@SETTINGS
@given(
    cells=st.lists(scalars, min_size=3, max_size=3),
    column=st.sampled_from(["household", "meter", "date", "value"]),
)
def test_arbitrary_dataframe_cells(cells: List[Any], column: str) -> None:
    households = pd.DataFrame({"household": ["A"], "team": ["t"], "adults": [1]})
    meters = pd.DataFrame({"household": ["A"], "meter": ["g"], "carrier": ["natural_gas"], "unit": ["m3"], "usage": ["mixed"]})
    readings = pd.DataFrame(
        {"household": ["A"] * 3, "meter": ["g"] * 3, "date": ["2025-12-01", "2025-12-02", "2025-12-03"], "value": [1, 2, 3]},
        dtype=object,
    )
    readings[column] = pd.Series(cells, dtype=object)
    try:
        ecodefi.read_frames(households, meters=meters, readings=readings)
    except TYPED:
        pass


@settings(max_examples=15, deadline=None)
@given(n=st.integers(min_value=1, max_value=40), seed=st.integers(min_value=0, max_value=2**64 - 1), problems=st.booleans())
def test_synthetic_challenges_compute(n: int, seed: int, problems: bool) -> None:
    report = ecodefi.synthetic_challenge(n, seed=seed, problems=problems).compute()
    energy = report.energy
    assert energy is not None and len(energy.households) == n


THEMES_INPUT: Dict[str, Any] = json.loads((VECTORS / "themes" / "challenge.json").read_text(encoding="utf-8"))["cases"][0][
    "input"
]
SECTIONS = ("energy", "water", "waste", "food", "mobility")
LISTS = ("water_meters", "weighings", "food_purchases", "trips", "presence")


@st.composite
def theme_documents(draw: Any) -> Dict[str, Any]:
    """The multi-theme vector's document with a subset of its households,
    in any order, each with the first items only of its data lists, some
    with another household's data as well (a household in two themes),
    some moved to the other team."""
    source = THEMES_INPUT["households"]
    order = draw(st.permutations(range(len(source))))
    chosen = order[: draw(st.integers(min_value=1, max_value=len(source)))]
    households = []
    for i in chosen:
        h = copy.deepcopy(source[i])
        other = source[draw(st.integers(min_value=0, max_value=len(source) - 1))]
        if draw(st.booleans()):
            for key in LISTS:
                if key in other and key not in h:
                    h[key] = copy.deepcopy(other[key])
        for key in LISTS:
            if key in h and key != "presence":
                h[key] = h[key][: draw(st.integers(min_value=0, max_value=len(h[key])))]
        if draw(st.booleans()):
            h["team"] = "T1" if h["team"] == "T2" else "T2"
        households.append(h)
    return {**THEMES_INPUT, "households": households}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=theme_documents())
def test_every_household_once_per_theme_in_one_shape(doc: Dict[str, Any]) -> None:
    """Per theme, every household of the input appears exactly once, in
    input order and with its team, and ``status == "computed"`` exactly
    when it has figures and exactly when it has no exclusion; the typed
    objects, the dict and the theme's DataFrame agree."""
    try:
        report = ecodefi.compute(doc)
    except TYPED:
        return
    ids = [h["id"] for h in doc["households"]]
    teams = [h["team"] for h in doc["households"]]
    d = report.to_dict()
    frames = report.to_pandas()
    assert report.schema_version == ecodefi.REPORT_SCHEMA_VERSION
    for name in SECTIONS:
        section = getattr(report, name)
        if section is None:
            assert name not in d and name not in frames
            continue
        assert [h.household for h in section.households] == ids, name
        assert [h.team for h in section.households] == teams, name
        for h, hd in zip(section.households, d[name]["households"]):
            assert h.status in ("computed", "excluded")
            computed = h.status == "computed"
            assert computed == (h.figures is not None) == (not h.exclusions) == (not h.excluded), h
            assert computed == (hd["figures"] is not None) == (not hd["exclusions"]) == (hd["status"] == "computed")
            assert all(e.code and e.detail is not None for e in h.exclusions)
        own = frames[name]
        assert list(own["household"]) == ids
        assert list(own["excluded"]) == [h.excluded for h in section.households]
        overview = frames["households"]
        assert list(overview.loc[overview["theme"] == name, "household"]) == ids
