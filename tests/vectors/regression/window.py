"""Write window.json: daily baselines whose window (the days the baseline is
measured on) has missing days at its start, at its end, at both, or inside,
with the expected window, valid and missing days, missing ranges and
sufficiency outcome computed here by counting calendar days, independently
of ecodefi (standard library only).

The rule (CalTRACK 2.0 as eemeter 3.2.0 implements it in
``caltrack_sufficiency_criteria``: ``n_days_total`` includes the gaps
between the requested start and end and the data): the span is the
window's days; the valid-days share is the window's days with data over
the window's days; data outside the window is ignored and counted. The
window is given (``baseline_start``/``baseline_end``), or the
``baseline_days`` days ending the day before ``reporting_start``, or the
data's first to last day.

Usage is exactly ``2 + 0.5·max(0, 15 − T)`` (Python ``decimal``), so the
fitted model is known by construction: heating only, balance point 15 °C,
intercept 2, slope 0.5.

    python3 tests/vectors/regression/window.py
"""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent / "window.json"
YEAR = dt.date(2025, 1, 1)
MAX_LISTED = 20  # ranges listed in the report (all are counted)
MIN_VALID_SHARE = 0.9  # CalTRACK 2.0 §2.2.1.2
GRID = {"points_c": [float(x) for x in range(10, 21)]}


def temperature(i):
    # every whole degree from −5 to 25 °C, in a scrambled order
    return (i * 7) % 31 - 5


def usage(t):
    return Decimal(2) + Decimal("0.5") * max(Decimal(0), Decimal(15) - Decimal(t))


def days_of(first, count, skip=()):
    """``count`` days from ``first`` as the core's DailyUsage dicts, the day
    offsets in ``skip`` left out."""
    out = []
    for i in range(count):
        if i in skip:
            continue
        t = temperature(i)
        out.append({
            "date": (first + dt.timedelta(days=i)).isoformat(),
            "usage": str(usage(t)),
            "temperature_c": float(t),
        })
    return out


def expect(days, start, end, source, baseline_days):
    """What the report must say, by counting calendar days."""
    have = {dt.date.fromisoformat(d["date"]) for d in days}
    window = [start + dt.timedelta(days=k) for k in range((end - start).days + 1)]
    inside = set(window)
    valid = sum(1 for d in window if d in have)
    missing = [d for d in window if d not in have]
    ranges = []
    for d in missing:
        if ranges and ranges[-1][1] + dt.timedelta(days=1) == d:
            ranges[-1][1] = d
        else:
            ranges.append([d, d])
    share = valid / len(window)
    failed = []
    if len(window) < baseline_days:
        failed.append("baseline_span")
    if share < MIN_VALID_SHARE:
        failed.append("valid_days")
    return {
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "window_source": source,
        "window_days": len(window),
        "valid_days": valid,
        "missing_days": len(missing),
        "missing": [{"first": a.isoformat(), "last": b.isoformat()} for a, b in ranges[:MAX_LISTED]],
        "missing_ranges": len(ranges),
        "outside_window": sum(1 for d in have if d not in inside),
        "valid_share": share,
        "failed_checks": failed,
        "usable": not failed,
    }


MODEL = {"kind": "hdd_only", "heating_balance_point_c": 15.0, "intercept": 2.0, "beta_hdd": 0.5}
Y_END = dt.date(2025, 12, 31)
cases = []


def case(name, days, options, start, end, source, note):
    baseline_days = options.get("baseline_days", 365)
    e = expect(days, start, end, source, baseline_days)
    e["model"] = MODEL
    cases.append({
        "name": name,
        "note": note,
        "data": {"kind": "daily", "days": days},
        "options": {"grid": GRID, "fit_cooling": False, **options},
        "expected": e,
    })


given = {"baseline_start": "2025-01-01", "baseline_end": "2025-12-31"}
case("missing_first_day", days_of(YEAR, 365, {0}), given, YEAR, Y_END, "given",
     "a Linky export that starts a day late: usable, 364/365")
case("missing_last_day", days_of(YEAR, 365, {364}), given, YEAR, Y_END, "given",
     "the last day not yet published: usable, 364/365")
case("missing_both_ends", days_of(YEAR, 365, {0, 364}), given, YEAR, Y_END, "given",
     "both ends missing: usable, 363/365")
case("gap_inside", days_of(YEAR, 365, {0} | set(range(100, 120))), given, YEAR, Y_END, "given",
     "the first day and 20 days in April missing: 344/365, usable")
case("gap_too_long", days_of(YEAR, 365, set(range(200, 237))), given, YEAR, Y_END, "given",
     "37 days missing in summer: 328/365 < 90 %, unusable")
case("many_gaps", days_of(YEAR, 365, set(range(3, 365, 17))), given, YEAR, Y_END, "given",
     "one day in 17 missing: 22 ranges, 20 listed, 343/365")
case("from_reporting_start", days_of(dt.date(2024, 12, 1), 396, {31}),
     {"reporting_start": "2026-01-01"}, YEAR, Y_END, "from_reporting_start",
     "the 365 days before the reporting start; December 2024 is outside the window")
case("only_end_given", days_of(YEAR, 365, {364}), {"baseline_end": "2025-12-31"},
     YEAR, Y_END, "given", "the window is the 365 days ending on baseline_end")
case("from_data", days_of(YEAR, 365, {0}), {}, dt.date(2025, 1, 2), Y_END, "from_data",
     "no window asked for: the data's own span, 364 days, fails baseline_span")

OUT.write_text(json.dumps({
    "description": "baseline windows with missing days (see window.py)",
    "cases": cases,
}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {OUT} ({len(cases)} cases)")
