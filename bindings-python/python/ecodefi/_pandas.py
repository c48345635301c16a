"""Tidy pandas DataFrames of a report (``Report.to_pandas``).

Every theme's households have one shape (report schema version 2):
``household``, ``team``, ``status`` (``computed`` or ``excluded``),
``exclusions``, ``warnings`` and the theme's ``figures`` (``None`` when
excluded). The frames:

- ``households``: the overview, one row per household and theme, every
  household of the input (nothing dropped): ``theme``, ``household``,
  ``team``, ``status``, ``excluded`` (a bool), the figures' scalars (nested
  figures flattened, ``<parent>_<name>`` on a name clash), the exclusion
  reasons as columns (``exclusion_codes``, ``exclusion_meters``,
  ``exclusion_details``, joined with ``"; "``), and the warnings likewise
  (``warning_codes``…).
- ``meters``: one row per meter of a household computed in the energy
  theme, with its figures (``theme`` is ``energy``).
- ``teams``: one row per team and theme, in rank order, with one
  ``excluded_<code>`` count column per exclusion code.
- ``challenge``: one row per theme, with the challenge's identity,
  periods, totals and headline.
- ``national``: one row per national comparison of the report (energy,
  water, waste's residual and total): ``theme``, ``figure``
  (``energy``, ``water``, ``residual_waste``, ``household_waste``), the
  national ``value``, ``unit``, ``year``, ``source``, ``title``, the
  challenge's figure ``challenge`` and ``versus`` (challenge ÷ national
  − 1); the ``challenge`` frame has the same as ``national_…`` columns.
- one frame per theme computed, named after it (``energy``, ``water``,
  ``waste``, ``food``, ``mobility``): one row per household of the input,
  in input order: ``household``, ``team``, ``status``, ``excluded``, the
  exclusion and warning columns as above, then every figure, its name the
  path to it joined with ``_``; a list's items are named by their leading
  name fields (``streams_glass_flow_change``, ``surveys_start_spending``,
  ``steps_start_end_goal_met``, ``reference_modes_bike_km``); an excluded
  household's figures are missing. The energy meters are in ``meters``.

Decimals are exact ``decimal.Decimal`` values in ``object`` columns
(``decimals="decimal"``, the default) or ``float64`` (``decimals="float"``,
for plotting; a float keeps about 15 significant digits).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from ecodefi import Report

_NOT_THEMES = {"schema_version", "challenge", "households"}


def _joined(items: List[Mapping[str, Any]], prefix: str) -> Dict[str, Any]:
    def col(key: str) -> str:
        return "; ".join("" if i.get(key) is None else str(i.get(key)) for i in items)

    return {
        f"{prefix}_codes": col("code"),
        f"{prefix}_meters": col("meter"),
        f"{prefix}_details": col("detail"),
    }


def _flat(d: Mapping[str, Any], out: Dict[str, Any], prefix: str = "") -> None:
    """Scalars of ``d`` (nested dicts flattened, ``a_b`` on a name clash)."""
    for k, v in d.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict):
            _flat(v, out, prefix if not any(key in out for key in v) else f"{name}_")
        elif not isinstance(v, list):
            out[name] = v


def _paths(d: Mapping[str, Any], out: Dict[str, Any], prefix: str = "") -> None:
    """Every scalar of ``d``, named by its path joined with ``_``; a list's
    items by their leading ``str`` fields (their names), left out of the
    columns."""
    for k, v in d.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict):
            _paths(v, out, f"{name}_")
        elif isinstance(v, list):
            for item in v:
                if not isinstance(item, dict):
                    continue
                ids: List[str] = []
                for value in item.values():
                    if not isinstance(value, str):
                        break
                    ids.append(value)
                rest = dict(list(item.items())[len(ids):])
                _paths(rest, out, f"{name}_{'_'.join(ids)}_" if ids else f"{name}_")
        else:
            out[name] = v


def _household_rows(theme: str, section: Mapping[str, Any]) -> "tuple[list, list, list]":
    """The overview rows, the energy meter rows and the theme's own rows."""
    rows, meters, own = [], [], []
    for h in section.get("households", []):
        ident = {
            "household": h["household"],
            "team": h["team"],
            "status": h["status"],
            "excluded": h["status"] == "excluded",
        }
        notes = {
            **_joined(h.get("exclusions") or [], "exclusion"),
            **_joined(h.get("warnings") or [], "warning"),
        }
        figures = h.get("figures")
        row: Dict[str, Any] = {"theme": theme, **ident}
        mine: Dict[str, Any] = {**ident, **notes}
        if figures is not None:
            _flat(figures, row)
            if theme == "energy":
                for m in figures.get("meters", []):
                    meters.append({"theme": theme, "household": h["household"], **m})
                figures = {k: v for k, v in figures.items() if k != "meters"}
            _paths(figures, mine)
        row.update(notes)
        rows.append(row)
        own.append(mine)
    return rows, meters, own


def _team_rows(theme: str, section: Mapping[str, Any], codes: List[str]) -> list:
    rows = []
    # Rank order, as documented: energy lists its teams best first, the
    # other themes in the challenge's order.
    for t in sorted(section.get("teams", []), key=lambda t: t.get("rank") or 0):
        row: Dict[str, Any] = {"theme": theme}
        _flat(t, row)
        counts = {c["code"]: c["households"] for c in (t.get("totals") or {}).get("exclusions", [])}
        for code in codes:
            row[f"excluded_{code}"] = counts.get(code, 0)
        rows.append(row)
    return rows


def _challenge_row(report: Mapping[str, Any], theme: str, section: Mapping[str, Any], codes: List[str]) -> dict:
    c = report["challenge"]
    row: Dict[str, Any] = {
        "theme": theme,
        "name": c["name"],
        "territory": c["territory"],
        "organiser_kind": c["organiser_kind"],
        "reference_first": c["reference_period"]["first"],
        "reference_last": c["reference_period"]["last"],
        "challenge_first": c["challenge_period"]["first"],
        "challenge_last": c["challenge_period"]["last"],
        "teams": len(c["teams"]),
    }
    rest = {k: v for k, v in section.items() if k not in ("households", "teams", "national")}
    _flat(rest, row)
    if section.get("national"):
        _paths(section["national"], row, "national_")
    totals = (section.get("totals") or {}).get("totals") or section.get("totals") or {}
    counts = {e["code"]: e["households"] for e in totals.get("exclusions", [])}
    for code in codes:
        row[f"excluded_{code}"] = counts.get(code, 0)
    return row


#: Each section's comparisons: (the key under ``national``, or ``None`` for
#: the comparison itself; the figure's name).
_NATIONAL: Dict[str, List[Tuple[Optional[str], str]]] = {
    "energy": [(None, "energy")],
    "water": [(None, "water")],
    "waste": [("residual", "residual_waste"), ("total", "household_waste")],
}


def _national_rows(theme: str, section: Mapping[str, Any]) -> list:
    national: Mapping[str, Any] = section.get("national") or {}
    rows = []
    for key, figure in _NATIONAL.get(theme, []) if national else []:
        c: Mapping[str, Any] = national if key is None else national[key]
        r: Mapping[str, Any] = c["reference"]
        rows.append({
            "theme": theme,
            "figure": figure,
            "value": r["value"],
            "unit": r["unit"],
            "year": r["year"],
            "source": r["source"],
            "title": r.get("title"),
            "challenge": c.get("challenge"),
            "versus": c.get("versus"),
        })
    return rows


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _frame(rows: list, decimals: str) -> Any:
    import pandas as pd

    df = pd.DataFrame(rows)
    for col in df.columns:
        values = [v for v in df[col] if not _missing(v)]
        if values and all(isinstance(v, Decimal) for v in values):
            if decimals == "float":
                floats = [math.nan if _missing(v) else float(v) for v in df[col]]
                df[col] = pd.Series(floats, dtype="float64", index=df.index)
            else:
                exact = [None if _missing(v) else v for v in df[col]]
                df[col] = pd.Series(exact, dtype="object", index=df.index)
    return df


_NATIONAL_COLUMNS = ["theme", "figure", "value", "unit", "year", "source", "title", "challenge", "versus"]


def _frame_of(columns: List[str]) -> Any:
    import pandas as pd

    return pd.DataFrame(columns=columns)


def _report_rows(report: "Report") -> Dict[str, Tuple[list, Optional[List[str]]]]:
    """The rows of each table of the report (and the columns of a table
    that may have no row)."""
    from ecodefi import names

    codes = names()["exclusion_code"]
    d = report.to_dict()
    households: list = []
    meters: list = []
    teams: list = []
    challenge: list = []
    national: list = []
    themes: Dict[str, Tuple[list, Optional[List[str]]]] = {}
    for theme, section in d.items():
        if theme in _NOT_THEMES or not isinstance(section, dict):
            continue
        h, m, own = _household_rows(theme, section)
        households += h
        meters += m
        teams += _team_rows(theme, section, codes)
        challenge.append(_challenge_row(d, theme, section, codes))
        national += _national_rows(theme, section)
        themes[theme] = (own, None)
    return {
        "households": (households, None),
        "meters": (meters, None),
        "teams": (teams, None),
        "challenge": (challenge, None),
        "national": (national, None if national else _NATIONAL_COLUMNS),
        **themes,
    }


def _check_decimals(decimals: str) -> None:
    if decimals not in ("decimal", "float"):
        raise ValueError(f"decimals is 'decimal' or 'float', got {decimals!r}")


def report_frames(report: "Report", decimals: str = "decimal") -> Dict[str, Any]:
    """The report's tidy DataFrames (see the module's documentation)."""
    _check_decimals(decimals)
    return {
        name: _frame(rows, decimals) if rows or columns is None else _frame_of(columns)
        for name, (rows, columns) in _report_rows(report).items()
    }


def arrow_table(rows: list, decimals: str = "decimal", columns: Optional[List[str]] = None) -> Any:
    """An ``ecodefi.ArrowTable`` of ``rows`` (dicts) with the columns of
    ``pandas.DataFrame(rows)``: every key, in the order first seen, a
    missing key a missing cell."""
    from ecodefi import _ecodefi  # type: ignore[attr-defined]

    if not hasattr(_ecodefi, "_arrow_table"):  # pragma: no cover
        raise NotImplementedError("ecodefi was built without its `arrow` feature")
    names: Dict[str, None] = dict.fromkeys(columns or [])
    for row in rows:
        for key in row:
            names.setdefault(key)
    return _ecodefi._arrow_table([(n, [r.get(n) for r in rows]) for n in names], decimals)


def report_arrow(report: "Report", decimals: str = "decimal") -> Dict[str, Any]:
    """The report's tables as Arrow tables (``Report.to_arrow``): the same
    tables, columns and rows as ``report_frames``."""
    _check_decimals(decimals)
    return {
        name: arrow_table(rows, decimals, columns)
        for name, (rows, columns) in _report_rows(report).items()
    }


def _fact(v: Any) -> Any:
    """A catalogue fact: its value, or ``None`` when the source says ``"unknown"``."""
    return None if v == "unknown" else v


def catalogue_frames(catalogue: Any, decimals: str = "decimal") -> Dict[str, Any]:
    """The catalogue's tidy DataFrames (``Catalogue.to_pandas``).

    - ``records``: one row per challenge record: name, edition, territory
      (name, kind, code), organisers and their kinds, first and last year,
      status, themes, teams and households (``None`` where the source gives
      none), whether results were published, and the provenance.
    - ``results``: one row per result of a record: the record's name and
      edition, territory, theme, indicator, households, ``change`` (exact
      ``Decimal`` by default), its origin (``published`` or ``computed``)
      and source.
    """
    if decimals not in ("decimal", "float"):
        raise ValueError(f"decimals is 'decimal' or 'float', got {decimals!r}")
    records: list = []
    results: list = []
    for r in catalogue.to_dict()["records"]:
        territory = r["territory"]
        organisers = _fact(r["organisers"]) or []
        themes = _fact(r["themes"]) or []
        published = r["results"] if isinstance(r["results"], list) else []
        records.append(
            {
                "name": r["name"],
                "edition": r["edition"],
                "territory": territory["name"],
                "territory_kind": territory["kind"],
                "territory_code": territory.get("code"),
                "organisers": "; ".join(o["name"] for o in organisers) or None,
                "organiser_kinds": "; ".join(o["kind"] for o in organisers) or None,
                "first_year": r["years"]["first"],
                "last_year": r["years"]["last"],
                "status": r["status"],
                "themes": "; ".join(themes) or None,
                "teams": _fact(r["teams"]),
                "households": _fact(r["households"]),
                "results_published": bool(published),
                "provenance": r["provenance"]["source"],
            }
        )
        for res in published:
            origin = res["origin"]
            results.append(
                {
                    "name": r["name"],
                    "edition": r["edition"],
                    "territory": territory["name"],
                    "theme": res["theme"],
                    "indicator": res["indicator"],
                    "households": res.get("households", _fact(r["households"])),
                    "change": res["change"],
                    "origin": origin["kind"],
                    "source": origin.get("source"),
                }
            )
    return {"records": _frame(records, decimals), "results": _frame(results, decimals)}
