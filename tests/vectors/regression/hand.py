"""Write hand.json: tiny weather-regression data sets whose fits are known
by construction (usage computed exactly from a chosen model), so the
expected values do not come from the code under test.

    python3 tests/vectors/regression/hand.py
"""

import datetime as dt
import json
import math
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent / "hand.json"
START = dt.date(2025, 1, 1)


def day(i):
    return (START + dt.timedelta(days=i)).isoformat()


def hdd(b, t):
    return max(Decimal(0), Decimal(b) - Decimal(t))


def cdd(b, t):
    return max(Decimal(0), Decimal(t) - Decimal(b))


def daily(temps, usage):
    return {
        "kind": "daily",
        "days": [
            {"date": day(i), "usage": str(u), "temperature_c": float(t)}
            for i, (t, u) in enumerate(zip(temps, usage))
        ],
    }


def grid(lo, hi):
    return {"points_c": [float(x) for x in range(lo, hi + 1)]}


cases = []

# 1. usage = 2 + 0.5·HDD(15), T = −5 … 25 °C
temps = list(range(-5, 26))
cases.append({
    "name": "exact_hdd_only",
    "data": daily(temps, [Decimal(2) + Decimal("0.5") * hdd(15, t) for t in temps]),
    "options": {"grid": grid(10, 20), "fit_cooling": False, "baseline_days": 31},
    "expected": {"kind": "hdd_only", "heating_balance_point_c": 15.0,
                 "intercept": 2.0, "beta_hdd": 0.5, "r_squared_adj": 1.0},
})

# 2. usage = 1 + 0.4·HDD(12) + 0.6·CDD(20), T = −5 … 30 °C
temps = list(range(-5, 31))
cases.append({
    "name": "exact_cdd_hdd",
    "data": daily(temps, [1 + Decimal("0.4") * hdd(12, t) + Decimal("0.6") * cdd(20, t) for t in temps]),
    "options": {"grid": grid(10, 22), "baseline_days": 36},
    "expected": {"kind": "cdd_hdd", "heating_balance_point_c": 12.0, "cooling_balance_point_c": 20.0,
                 "intercept": 1.0, "beta_hdd": 0.4, "beta_cdd": 0.6, "r_squared_adj": 1.0},
})

# 3. usage = 3 whatever the weather: only the intercept-only model has a
#    defined adjusted R² (0); every slope is 0 with R² 0/0.
temps = [(i * 7) % 31 - 5 for i in range(40)]
cases.append({
    "name": "constant_is_intercept_only",
    "data": daily(temps, [Decimal(3)] * 40),
    "options": {"grid": grid(10, 20), "baseline_days": 40},
    "expected": {"kind": "intercept_only", "intercept": 3.0, "r_squared_adj": 0.0},
})

# 4. Monthly bills of 2025, daily T = round(10 − 12·cos(2π·d/365)):
#    usage per day = 2 + 0.5·(mean HDD(15) over the month).
temps = [round(10 - 12 * math.cos(2 * math.pi * i / 365)) for i in range(365)]
periods = []
for m in range(1, 13):
    first = dt.date(2025, m, 1)
    last = (dt.date(2025, m + 1, 1) if m < 12 else dt.date(2026, 1, 1)) - dt.timedelta(days=1)
    a, b = (first - START).days, (last - START).days
    total = sum(Decimal(2) + Decimal("0.5") * hdd(15, temps[i]) for i in range(a, b + 1))
    periods.append({"period": {"first": first.isoformat(), "last": last.isoformat()}, "usage": str(total)})
cases.append({
    "name": "exact_billing_hdd_only",
    "data": {
        "kind": "billing",
        "periods": periods,
        "temperatures": [{"date": day(i), "temperature_c": float(t)} for i, t in enumerate(temps)],
    },
    "options": {"grid": grid(10, 20), "fit_cooling": False},
    "expected": {"kind": "hdd_only", "heating_balance_point_c": 15.0,
                 "intercept": 2.0, "beta_hdd": 0.5, "r_squared_adj": 1.0},
})

# 5. A negative value (net metering) is refused: no model, a failed check
#    naming the value's index.
temps = list(range(-5, 26))
usage = [Decimal(2) + Decimal("0.5") * hdd(15, t) for t in temps]
usage[4] = Decimal("-1.5")
cases.append({
    "name": "negative_value_refused",
    "data": daily(temps, usage),
    "options": {"grid": grid(10, 20), "baseline_days": 31},
    "expected": {"no_model_reason": "negative_values", "failed_check": "negative_values", "indices": [4]},
})

OUT.write_text(json.dumps({"description": "tiny data sets with fits known by construction (see hand.py)",
                           "cases": cases}, indent=1) + "\n")
