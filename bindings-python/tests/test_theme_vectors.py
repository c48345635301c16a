"""The theme vectors (tests/vectors/<theme>/challenge.json), run through the
Python package as tests/tests/common/mod.rs runs them in Rust: each check's
JSON pointer into the report's dict (or its theme's section) gives the
expected value, decimals after rounding half away from zero to ``places``."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Dict, List, Tuple

import pytest

import ecodefi
from conftest import VECTORS

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
    got = report.to_dict() if theme == "themes" else getattr(report, theme)
    assert got is not None
    for check in case["checks"]:
        actual = pointer(got, check["pointer"])
        expected = check["expected"]
        e, a = as_decimal(expected), as_decimal(actual)
        if e is not None and a is not None and isinstance(expected, str):
            rounded = a.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            assert rounded == e, f"{case['name']}: {check['pointer']}: got {a}"
        elif isinstance(actual, Decimal) or hasattr(actual, "isoformat"):
            assert str(actual) == expected, check["pointer"]
        else:
            assert actual == expected, f"{case['name']}: {check['pointer']}"


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
        excluded = [r["household"] for r in rows if (r.get("outcome") or {}).get("status") == "excluded"]
        mine = h[(h["theme"] == t) & h["excluded"]]
        assert list(mine["household"]) == excluded, t
        assert (mine["exclusion_codes"] != "").all(), t
