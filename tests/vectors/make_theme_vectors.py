#!/usr/bin/env python3
"""Writes the conformance vectors of the water, waste, food and mobility
themes, `tests/vectors/<theme>/challenge.json`, and of a challenge running
all four at once, `tests/vectors/themes/challenge.json`, with expected
values computed here independently of ecodefi: straight from the formulas
of DOMAIN.md §4–§8 with Python's `decimal` module (40 significant digits).

Each file holds cases; a case is an input document (the `ChallengeData`
JSON every language reads) and a list of checks. A check names a value of
the theme's report section by its JSON pointer (RFC 6901) and gives the
expected value: a decimal as a string is compared after rounding both sides
half away from zero to `places` decimals; anything else (a status, a code, a
count, a boolean, a headline) must be equal. The Rust runners are
`tests/tests/{water,waste,food,mobility,themes}.rs`; the Python and
JavaScript suites read the same files.

Run: python3 tests/vectors/make_theme_vectors.py
"""
import copy
import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal as D, getcontext
from pathlib import Path

getcontext().prec = 40
PLACES = 10
HERE = Path(__file__).parent
NBSP, MINUS = "\u00a0", "\u2212"


# The national references' default figures (ecodefi's `references.rs`,
# edition 2026-12), as their sources give them: OFB/SISPEA 2020 drinking
# water, Insee Première n° 2055 (2021) residual waste (OMR) and household
# and similar waste (DMA). A report sets the challenge beside them.
NATIONAL = {"water": (D(148), 2020), "residual_waste": (D(245), 2021), "household_waste": (D(615), 2021)}


def national_checks(prefix, value, year, challenge):
    """The checks of one national comparison: the figure, the challenge's
    figure and challenge ÷ national − 1."""
    return {f"{prefix}/reference/value": s(value), f"{prefix}/reference/year": year,
            f"{prefix}/challenge": s(challenge), f"{prefix}/versus": s(challenge / value - 1)}


def s(x):
    """An expected decimal, rounded half away from zero to PLACES."""
    return format(D(x).quantize(D(1).scaleb(-PLACES), rounding=ROUND_HALF_UP).normalize(), "f")


def day(text):
    return dt.date.fromisoformat(text)


def days(first, last):
    """The days of a period, both ends included."""
    a, b = day(first), day(last)
    return [a + dt.timedelta(n) for n in range((b - a).days + 1)]


def fr_number(x, places):
    q = D(x).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(abs(q), "f")
    int_part, _, frac = text.partition(".")
    groups = []
    while len(int_part) > 3:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    groups.insert(0, int_part)
    out = ("\u2212" if q < 0 else "") + "\u202f".join(groups)
    return out + ("," + frac if frac else "")


def fr_percent(r):
    body = fr_number(D(r) * 100, 1)
    zero = D(r * 100).quantize(D("0.1"), rounding=ROUND_HALF_UP) == 0
    sign = "" if body.startswith(MINUS) or zero else "+"
    return f"{sign}{body}{NBSP}%"


def fr_share(r):
    return f"{fr_number(D(r) * 100, 1)}{NBSP}%"


def foyers(n):
    return f"{n} foyers" if n > 1 else f"{n} foyer"


# --- households: persons and INSEE consumption units per day ------------------

def units(occ):
    adults, children = occ["adults"], occ.get("children", [])
    older = sum(1 for a in children if a >= 14)
    return D(1) + D("0.5") * (adults - 1 + older) + D("0.3") * (len(children) - older)


def persons(occ):
    return D(occ["adults"] + len(occ.get("children", [])))


def occupants_on(h, d):
    occ = h["occupants"]
    for change in h.get("presence", []):
        if day(change["from"]) <= d:
            occ = change["occupants"]
    return occ


def presence(h, periods):
    """(person-days, unit-days) over the periods."""
    pd = ud = D(0)
    for first, last in periods:
        for d in days(first, last):
            o = occupants_on(h, d)
            pd += persons(o)
            ud += units(o)
    return pd, ud


def period(first, last):
    return {"first": first, "last": last}


def team(i, name):
    return {"id": f"T{i}", "name": name}


def challenge(name, themes, reference, chal):
    return {
        "name": name,
        "territory": "Villeneuve-d'Ascq",
        "organiser_kind": "local_authority",
        "themes": themes,
        "reference_period": period(*reference),
        "challenge_period": period(*chal),
        "objective": "0.1",
        "teams": [team(1, "Les Moulins"), team(2, "Le Lac")],
    }


def doc(ch, households, options):
    return {"schema_version": 1, "challenge": ch, "households": households, "options": options}


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n % 2:
        return xs[n // 2]
    return (xs[n // 2 - 1] + xs[n // 2]) / 2


def ranks(changes):
    """Rank by change, lowest first; None last; ties share a rank."""
    key = lambda c: (c is None, c if c is not None else D(0))
    return [1 + sum(1 for o in changes if key(o) < key(c)) for c in changes]


def team_checks(ids, changes):
    """Teams are listed best first (ties in the challenge's order): each
    position's team and rank."""
    rk = ranks(changes)
    order = sorted(range(len(ids)), key=lambda i: (rk[i], i))
    out = {}
    for pos, i in enumerate(order):
        out[f"/teams/{pos}/team"] = ids[i]
        out[f"/teams/{pos}/rank"] = rk[i]
    return out


def group_totals(entries):
    """entries: list of (reference, actual) of counted households, or a code."""
    counted = [e for e in entries if isinstance(e, tuple)]
    ref = sum((r for r, _ in counted), D(0))
    act = sum((a for _, a in counted), D(0))
    changes = [a / r - 1 for r, a in counted]
    return {
        "households": len(counted),
        "excluded": len(entries) - len(counted),
        "reference": ref,
        "actual": act,
        "change": act / ref - 1 if counted and ref else None,
        "mean_change": sum(changes, D(0)) / len(changes) if changes else None,
        "median_change": median(changes) if changes else None,
    }


def totals_checks(prefix, t):
    out = {f"{prefix}/households": t["households"], f"{prefix}/excluded": t["excluded"]}
    for k in ("reference", "actual", "change", "mean_change", "median_change"):
        if t[k] is not None:
            out[f"{prefix}/{k}"] = s(t[k])
    return out


# --- water ------------------------------------------------------------------

WATER_PERIODS = (("2025-03-01", "2025-03-31"), ("2026-03-01", "2026-03-31"))


def water_households():
    r = lambda d, v: {"date": d, "value": v}
    return [
        {"id": "E1", "team": "T1", "occupants": {"adults": 2},
         "water_meters": [{"id": "eau", "unit": "m3", "readings": [
             r("2025-02-15", "100"), r("2025-04-10", "120"),
             r("2026-02-20", "300"), r("2026-03-20", "310.5"), r("2026-04-05", "316.9")]}]},
        {"id": "E2", "team": "T1", "occupants": {"adults": 1, "children": [8]},
         "presence": [{"from": "2026-03-16", "occupants": {"adults": 2, "children": [8]}}],
         "water_meters": [{"id": "compteur", "unit": "l", "readings": [
             r("2025-03-01", "5000"), r("2025-04-01", "13060"),
             r("2026-03-01", "20000"), r("2026-04-01", "28500")]}]},
        {"id": "E3", "team": "T2", "occupants": {"adults": 3},
         "water_meters": [{"id": "eau", "unit": "m3", "bills": [
             {"period": period("2025-01-01", "2025-06-30"), "quantity": "45"},
             {"period": period("2026-01-01", "2026-06-30"), "quantity": "40"}]}]},
        {"id": "E4", "team": "T2", "occupants": {"adults": 2},
         "water_meters": [{"id": "eau", "unit": "m3", "readings": [r("2025-03-01", "10")]}]},
        {"id": "E5", "team": "T2", "occupants": {"adults": 1}},
    ]


def meter_quantity(m, first, last):
    """Quantity over [first, last], prorated by days between measurements."""
    if "bills" in m:
        ivs = [(day(b["period"]["first"]), day(b["period"]["last"]) + dt.timedelta(1), D(b["quantity"]))
               for b in m["bills"]]
    else:
        rs = sorted(m["readings"], key=lambda x: x["date"])
        ivs = [(day(a["date"]), day(b["date"]), D(b["value"]) - D(a["value"])) for a, b in zip(rs, rs[1:])]
    a, b = day(first), day(last) + dt.timedelta(1)
    q = D(0)
    for start, end, quantity in ivs:
        overlap = (min(b, end) - max(a, start)).days
        if overlap > 0:
            q += quantity * overlap / (end - start).days
    return q


def water_expectations(households, ref_value=D(148)):
    (rf, rl), (cf, cl) = WATER_PERIODS
    results = []
    for h in households:
        meters = h.get("water_meters", [])
        if not meters:
            results.append({"status": "excluded", "code": "no_meter"})
            continue
        if any(len(m.get("readings", [])) == 1 for m in meters):
            results.append({"status": "excluded", "code": "too_few_readings"})
            continue
        litres = lambda f, l: sum(meter_quantity(m, f, l) * (1000 if m["unit"] == "m3" else 1) for m in meters)
        lr, lc = litres(rf, rl), litres(cf, cl)
        (pr, ur), (pc, uc) = presence(h, [(rf, rl)]), presence(h, [(cf, cl)])
        results.append({
            "status": "computed", "lr": lr, "lc": lc, "pr": pr, "pc": pc,
            "reference_per_person_day": lr / pr, "challenge_per_person_day": lc / pc,
            "reference_per_unit_day": lr / ur, "challenge_per_unit_day": lc / uc,
            "expected_litres": lr * pc / pr, "change": (lc / pc) / (lr / pr) - 1,
            "versus_reference_value": (lc / pc) / ref_value - 1,
        })
    return results


def water_checks(households, offset=0, only=None, national=NATIONAL["water"]):
    res = water_expectations(households)
    checks = {}
    for i, (h, r) in enumerate(zip(households, res)):
        if only and h["id"] not in only:
            continue
        row = f"/households/{i}"
        p = f"{row}/figures"
        checks[f"/households/{i}/household"] = h["id"]
        checks[f"{row}/status"] = r["status"]
        if r["status"] == "excluded":
            checks[f"{row}/exclusions/0/code"] = r["code"]
            continue
        for k in ("reference_per_person_day", "challenge_per_person_day", "reference_per_unit_day",
                  "challenge_per_unit_day", "expected_litres", "change", "versus_reference_value"):
            checks[f"{p}/{k}"] = s(r[k])
    if only:
        return checks
    entries = [(r["expected_litres"], r["lc"]) if r["status"] == "computed" else r["code"] for r in res]
    checks.update(totals_checks("/totals/totals", group_totals(entries)))
    counted = [r for r in res if r["status"] == "computed"]
    rate = sum(r["lc"] for r in counted) / sum(r["pc"] for r in counted)
    checks["/totals/challenge_per_person_day"] = s(rate)
    checks["/totals/versus_reference_value"] = s(rate / 148 - 1)
    # The same litres per person and day beside the national figure.
    checks.update(national_checks("/national", *national, rate))
    teams = []
    for t in ("T1", "T2"):
        es = [e for e, h in zip(entries, households) if h["team"] == t]
        teams.append(group_totals(es)["change"])
    checks.update(team_checks(["T1", "T2"], teams))
    t = group_totals(entries)
    checks["/headline"] = (f"{foyers(t['households'])}, {fr_percent(t['change'])} de consommation d'eau "
                           f"({fr_number(rate, 0)}{NBSP}L par personne et par jour ; référence 148{NBSP}L)")
    return checks


# --- waste ------------------------------------------------------------------

WASTE_REF = ("2026-01-05", "2026-01-18")
WASTE_PARTS = [("2026-02-02", "2026-02-15"), ("2026-03-02", "2026-03-29")]
STREAMS = ["residual", "packaging", "glass", "biowaste", "garden", "textiles", "bulky", "electronic",
           "hazardous", "other"]


def waste_households():
    w = lambda d, st, kg: {"date": d, "stream": st, "kg": kg}
    return [
        {"id": "D1", "team": "T1", "occupants": {"adults": 2}, "weighings": [
            w("2026-01-10", "residual", "5.2"), w("2026-01-17", "residual", "4.8"),
            w("2026-01-17", "packaging", "2.1"),
            w("2026-02-07", "residual", "3.1"), w("2026-02-14", "residual", "2.9"),
            w("2026-03-10", "residual", "5.5"), w("2026-02-14", "packaging", "2.0"),
            w("2026-03-20", "packaging", "3.9"), w("2026-03-28", "glass", "1.2")]},
        {"id": "D2", "team": "T1", "occupants": {"adults": 1, "children": [3]}, "weighings": [
            w("2026-01-12", "residual", "3.0"), w("2026-01-12", "biowaste", "1.1"),
            w("2026-02-10", "residual", "2.0"), w("2026-03-15", "residual", "4.1"),
            w("2026-02-10", "biowaste", "0.9"), w("2026-03-15", "biowaste", "2.4"),
            w("2026-02-20", "residual", "9")]},
        {"id": "D3", "team": "T2", "occupants": {"adults": 2, "children": [15, 12]},
         "presence": [{"from": "2026-03-16", "occupants": {"adults": 2, "children": [12]}}],
         "weighings": [
            w("2026-01-18", "residual", "9.4"), w("2026-01-18", "packaging", "4.0"),
            w("2026-02-15", "residual", "6.0"), w("2026-03-29", "residual", "11.2"),
            w("2026-02-15", "packaging", "3.0"), w("2026-03-29", "packaging", "6.5")]},
        {"id": "D4", "team": "T2", "occupants": {"adults": 1}, "weighings": [
            w("2026-01-10", "residual", "2.5")]},
    ]


def in_period(d, p):
    return day(p[0]) <= day(d) <= day(p[1])


def waste_expectations(households):
    results = []
    for h in households:
        ws = h.get("weighings", [])
        ref = [x for x in ws if in_period(x["date"], WASTE_REF)]
        ch = [x for x in ws if any(in_period(x["date"], p) for p in WASTE_PARTS)]
        if not ws:
            results.append({"status": "excluded", "code": "no_data"})
            continue
        if not ref or not ch:
            results.append({"status": "excluded", "code": "period_not_covered"})
            continue
        (pr, ur), (pc, uc) = presence(h, [WASTE_REF]), presence(h, WASTE_PARTS)

        def flow(kr, kc):
            return {
                "reference_kg": kr, "challenge_kg": kc,
                "reference_per_person_week": kr * 7 / pr, "challenge_per_person_week": kc * 7 / pc,
                "reference_per_person_year": kr * 365 / pr, "challenge_per_person_year": kc * 365 / pc,
                "reference_per_unit_year": kr * 365 / ur, "challenge_per_unit_year": kc * 365 / uc,
                "expected_kg": kr * pc / pr,
                "change": (kc / pc) / (kr / pr) - 1 if kr > 0 else None,
            }
        streams = {}
        for st in STREAMS:
            kr = sum((D(x["kg"]) for x in ref if x["stream"] == st), D(0))
            kc = sum((D(x["kg"]) for x in ch if x["stream"] == st), D(0))
            if any(x["stream"] == st for x in ref + ch):
                streams[st] = flow(kr, kc)
        total = flow(sum((D(x["kg"]) for x in ref), D(0)), sum((D(x["kg"]) for x in ch), D(0)))
        results.append({"status": "computed", "streams": streams, "total": total, "pc": pc,
                        "residual": streams.get("residual"),
                        "warnings": len(ws) - len(ref) - len(ch)})
    return results


def waste_checks(households, only=None):
    res = waste_expectations(households)
    checks = {}
    keys = ("reference_per_person_week", "challenge_per_person_week", "reference_per_person_year",
            "challenge_per_person_year", "reference_per_unit_year", "challenge_per_unit_year",
            "expected_kg", "change")
    for i, (h, r) in enumerate(zip(households, res)):
        if only and h["id"] not in only:
            continue
        row = f"/households/{i}"
        p = f"{row}/figures"
        checks[f"/households/{i}/household"] = h["id"]
        checks[f"{row}/status"] = r["status"]
        if r["status"] == "excluded":
            checks[f"{row}/exclusions/0/code"] = r["code"]
            continue
        for part in ("residual", "total"):
            for k in keys:
                if r[part][k] is not None:
                    checks[f"{p}/{part}/{k}"] = s(r[part][k])
        for j, (st, f) in enumerate(r["streams"].items()):
            checks[f"{p}/streams/{j}/stream"] = st
            checks[f"{p}/streams/{j}/flow/challenge_per_person_week"] = s(f["challenge_per_person_week"])
        if r["warnings"]:
            checks[f"/households/{i}/warnings/0/code"] = "outside_periods"
    if only:
        return checks

    def entry(r, pick):
        if r["status"] == "excluded":
            return r["code"]
        f = pick(r)
        if f is None or f["expected_kg"] <= 0:
            return "zero_reference"
        return (f["expected_kg"], f["challenge_kg"])
    residual = [entry(r, lambda r: r["residual"]) for r in res]
    checks.update(totals_checks("/totals/residual", group_totals(residual)))
    checks.update(totals_checks("/totals/total", group_totals([entry(r, lambda r: r["total"]) for r in res])))
    weighed = [st for st in STREAMS if any(r["status"] == "computed" and st in r["streams"] for r in res)]
    for j, st in enumerate(weighed):
        checks[f"/totals/streams/{j}/stream"] = st
        t = group_totals([entry(r, lambda r: r["streams"].get(st)) for r in res])
        checks.update(totals_checks(f"/totals/streams/{j}/totals", t))
    team_changes = [group_totals([e for e, h in zip(residual, households) if h["team"] == t])["change"]
                    for t in ("T1", "T2")]
    checks.update(team_checks(["T1", "T2"], team_changes))
    t = group_totals(residual)
    checks["/headline"] = f"{foyers(t['households'])}, {fr_percent(t['change'])} de production de déchets non recyclables"
    # kg per person and year over the challenge periods of the households
    # counted in each total (Σ kg × 365 ÷ Σ person-days), beside OMR and DMA.
    for part, pick, figure in (("residual", lambda r: r["residual"], "residual_waste"),
                               ("total", lambda r: r["total"], "household_waste")):
        counted = [r for r in res if not isinstance(entry(r, pick), str)]
        year_kg = sum(pick(r)["challenge_kg"] for r in counted) * 365 / sum(r["pc"] for r in counted)
        checks.update(national_checks(f"/national/{part}", *NATIONAL[figure], year_kg))
    return checks


# --- food -------------------------------------------------------------------

SURVEYS = [("start", "2026-01-05", "2026-01-18"), ("middle", "2026-02-02", "2026-02-15"),
           ("end", "2026-03-02", "2026-03-15")]
CHANNELS = ["supermarket", "market", "producer", "shop", "online", "other"]


def food_households():
    def p(d, amount, organic, local, channel, meals, persons):
        return {"date": d, "amount": amount, "organic": organic, "local": local, "channel": channel,
                "meals": meals, "persons": persons}
    return [
        {"id": "A1", "team": "T1", "occupants": {"adults": 2}, "food_purchases": [
            p("2026-01-06", "84.30", False, False, "supermarket", 8, 2),
            p("2026-01-09", "22.50", True, True, "market", 3, 2),
            p("2026-01-15", "15.20", True, False, "shop", 2, 2),
            p("2026-02-05", "70.10", False, False, "supermarket", 7, 2),
            p("2026-02-07", "31.00", True, True, "producer", 4, 2),
            p("2026-03-04", "52.40", False, False, "supermarket", 5, 2),
            p("2026-03-07", "38.60", True, True, "market", 5, 2),
            p("2026-03-12", "27.90", True, True, "producer", 3, 2),
            p("2026-03-14", "9.80", False, True, "shop", 1, 2)]},
        {"id": "A2", "team": "T1", "occupants": {"adults": 1, "children": [6]}, "food_purchases": [
            p("2026-01-07", "64.00", False, False, "supermarket", 9, 2),
            p("2026-01-16", "12.00", False, True, "market", 2, 2),
            p("2026-03-05", "58.00", False, False, "online", 8, 2),
            p("2026-03-10", "21.00", True, True, "producer", 3, 2)]},
        {"id": "A3", "team": "T2", "occupants": {"adults": 2, "children": [10, 12]}, "food_purchases": [
            p("2026-01-08", "150.00", False, False, "supermarket", 10, 4),
            p("2026-01-10", "40.00", True, False, "supermarket", 3, 4),
            p("2026-02-04", "140.00", False, False, "supermarket", 9, 4),
            p("2026-02-11", "60.00", True, True, "market", 4, 4),
            p("2026-03-03", "120.00", False, False, "supermarket", 8, 4),
            p("2026-03-09", "110.00", True, True, "producer", 6, 4)]},
        {"id": "A4", "team": "T2", "occupants": {"adults": 1}, "food_purchases": [
            p("2026-01-08", "30.00", False, False, "supermarket", 5, 1)]},
    ]


def survey_sums(h, survey):
    _, first, last = survey
    ps = [x for x in h.get("food_purchases", []) if in_period(x["date"], (first, last))]
    if not ps:
        return None
    pd, ud = presence(h, [(first, last)])
    return {
        "spending": sum((D(x["amount"]) for x in ps), D(0)),
        "organic": sum((D(x["amount"]) for x in ps if x["organic"]), D(0)),
        "local": sum((D(x["amount"]) for x in ps if x["local"]), D(0)),
        "meals": sum((D(x["meals"] * x["persons"]) for x in ps), D(0)),
        "pd": pd, "ud": ud,
        "channels": {c: sum((D(x["amount"]) for x in ps if x["channel"] == c), D(0))
                     for c in CHANNELS if any(x["channel"] == c for x in ps)},
    }


def merge(a, b):
    if a is None:
        return copy.deepcopy(b)
    out = {k: a[k] + b[k] for k in ("spending", "organic", "local", "meals", "pd", "ud")}
    out["channels"] = {c: a["channels"].get(c, D(0)) + b["channels"].get(c, D(0))
                       for c in CHANNELS if c in a["channels"] or c in b["channels"]}
    return out


def figures(name, x):
    return {
        "survey": name, "spending": x["spending"],
        "organic_share": x["organic"] / x["spending"], "local_share": x["local"] / x["spending"],
        "cost_per_person_meal": x["spending"] / x["meals"], "spending_per_person_day": x["spending"] / x["pd"],
        "spending_per_unit_day": x["spending"] / x["ud"],
        "channels": [(c, v / x["spending"]) for c, v in x["channels"].items()],
    }


def food_change(a, b, tolerance=D("0.05")):
    org = b["organic_share"] - a["organic_share"]
    loc = b["local_share"] - a["local_share"]
    cost = b["cost_per_person_meal"] / a["cost_per_person_meal"] - 1
    return {"organic_share_change": org, "local_share_change": loc, "cost_per_person_meal_change": cost,
            "goal_met": org > 0 and loc > 0 and cost <= tolerance}


def food_expectations(households):
    res = []
    for h in households:
        sums = [survey_sums(h, sv) for sv in SURVEYS]
        if not h.get("food_purchases"):
            res.append({"status": "excluded", "code": "no_data"})
        elif sums[0] is None or sums[-1] is None:
            res.append({"status": "excluded", "code": "period_not_covered"})
        else:
            figs = [figures(sv[0], x) for sv, x in zip(SURVEYS, sums) if x is not None]
            res.append({"status": "computed", "sums": sums, "figures": figs,
                        "change": food_change(figs[0], figs[-1])})
    return res


def food_checks(households, only=None):
    res = food_expectations(households)
    checks = {}

    def fig_checks(prefix, f):
        out = {f"{prefix}/survey": f["survey"]}
        for k in ("spending", "organic_share", "local_share", "cost_per_person_meal",
                  "spending_per_person_day", "spending_per_unit_day"):
            out[f"{prefix}/{k}"] = s(f[k])
        for j, (c, v) in enumerate(f["channels"]):
            out[f"{prefix}/channels/{j}/channel"] = c
            out[f"{prefix}/channels/{j}/share"] = s(v)
        return out

    def change_checks(prefix, c):
        out = {f"{prefix}/goal_met": c["goal_met"]}
        for k in ("organic_share_change", "local_share_change", "cost_per_person_meal_change"):
            out[f"{prefix}/{k}"] = s(c[k])
        return out

    for i, (h, r) in enumerate(zip(households, res)):
        if only and h["id"] not in only:
            continue
        row = f"/households/{i}"
        p = f"{row}/figures"
        checks[f"/households/{i}/household"] = h["id"]
        checks[f"{row}/status"] = r["status"]
        if r["status"] == "excluded":
            checks[f"{row}/exclusions/0/code"] = r["code"]
            continue
        for k, f in enumerate(r["figures"]):
            checks.update(fig_checks(f"{p}/surveys/{k}", f))
        checks.update(change_checks(f"{p}/change", r["change"]))
        for k, (a, b) in enumerate(zip(r["figures"], r["figures"][1:])):
            checks.update(change_checks(f"{p}/steps/{k}", food_change(a, b)))
    if only:
        return checks

    def pooled(members):
        counted = [r for r in members if r["status"] == "computed"]
        sums = [None] * len(SURVEYS)
        for r in counted:
            for k, x in enumerate(r["sums"]):
                if x is not None:
                    sums[k] = merge(sums[k], x)
        figs = [figures(sv[0], x) for sv, x in zip(SURVEYS, sums) if x is not None]
        return counted, figs, food_change(figs[0], figs[-1])

    counted, figs, change = pooled(res)
    checks["/totals/households"] = len(counted)
    checks["/totals/excluded"] = len(res) - len(counted)
    checks["/totals/households_meeting_goal"] = sum(1 for r in counted if r["change"]["goal_met"])
    for k, f in enumerate(figs):
        checks.update(fig_checks(f"/totals/surveys/{k}", f))
    checks.update(change_checks("/totals/change", change))
    for k, (a, b) in enumerate(zip(figs, figs[1:])):
        checks.update(change_checks(f"/totals/steps/{k}", food_change(a, b)))
    org = [r["change"]["organic_share_change"] for r in counted]
    checks["/totals/mean_organic_share_change"] = s(sum(org, D(0)) / len(org))
    checks["/totals/median_organic_share_change"] = s(median(org))
    gains = []
    for t in ("T1", "T2"):
        _, _, c = pooled([r for r, h in zip(res, households) if h["team"] == t])
        gains.append(-(c["organic_share_change"] + c["local_share_change"]))
    checks.update(team_checks(["T1", "T2"], gains))
    a, b = figs[0], figs[-1]
    checks["/headline"] = (f"{foyers(len(counted))}, part du bio {fr_share(a['organic_share'])} \u2192 "
                           f"{fr_share(b['organic_share'])}, part du local {fr_share(a['local_share'])} \u2192 "
                           f"{fr_share(b['local_share'])}, coût par repas et par personne "
                           f"{fr_percent(change['cost_per_person_meal_change'])}")
    return checks


# --- mobility ---------------------------------------------------------------

MOB_PERIODS = (("2026-03-02", "2026-03-15"), ("2026-04-06", "2026-04-19"))
# kgCO2e per person-km: ADEME Impact CO2 usage + vehicle construction
# (+ contrails for the plane); car-pool is the car shared by 2.
FACTORS = {
    "car_alone": D("0.192") + D("0.0256"), "motorbike": D("0.165") + D("0.027"),
    "bus": D("0.104") + D("0.0087"), "tram": D("0.0038") + D("0.00048"), "metro": D("0.0042") + D("0.00024"),
    "coach": D("0.02942"), "regional_train": D("0.0229") + D("0.00479"),
    "intercity_train": D("0.0058") + D("0.00318"), "high_speed_train": D("0.0023") + D("0.00063"),
    "bike": D(0), "e_bike": D("0.002") + D("0.0087"), "walking": D(0),
    "plane": D("0.1024") + D("0.00036") + D("0.0848"),
}
FACTORS["carpool"] = FACTORS["car_alone"] / 2
MODES = ["car_alone", "carpool", "motorbike", "bus", "tram", "metro", "coach", "regional_train",
         "intercity_train", "high_speed_train", "bike", "e_bike", "walking", "plane", "other"]


def mobility_households():
    t = lambda d, mode, km, trips=1: {"date": d, "mode": mode, "km": km, "trips": trips}
    return [
        {"id": "M1", "team": "T1", "occupants": {"adults": 2}, "trips": [
            t("2026-03-02", "car_alone", "180", 10), t("2026-03-09", "car_alone", "172.5", 9),
            t("2026-03-05", "walking", "6.4", 8), t("2026-03-12", "regional_train", "84", 2),
            t("2026-04-06", "car_alone", "90", 5), t("2026-04-13", "carpool", "72", 4),
            t("2026-04-08", "bike", "48.6", 9), t("2026-04-15", "bus", "21", 6),
            t("2026-04-16", "walking", "7.2", 9)]},
        {"id": "M2", "team": "T1", "occupants": {"adults": 1, "children": [9]},
         "presence": [{"from": "2026-04-13", "occupants": {"adults": 2, "children": [9]}}], "trips": [
            t("2026-03-03", "car_alone", "64", 8), t("2026-03-10", "bus", "12", 4),
            t("2026-04-07", "car_alone", "40", 5), t("2026-04-14", "e_bike", "55", 10),
            t("2026-04-15", "tram", "18", 6)]},
        {"id": "M3", "team": "T2", "occupants": {"adults": 1}, "trips": [
            t("2026-03-04", "car_alone", "250", 6), t("2026-03-11", "plane", "950", 2),
            t("2026-04-08", "car_alone", "210", 5), t("2026-04-09", "other", "15", 2),
            t("2026-04-14", "high_speed_train", "460", 2)]},
        {"id": "M4", "team": "T2", "occupants": {"adults": 2}, "trips": [
            t("2026-03-04", "car_alone", "100", 4)]},
    ]


def mob_period(h, p):
    ts = [x for x in h.get("trips", []) if in_period(x["date"], p)]
    pd, ud = presence(h, [p])
    return mob_figures(ts, pd, ud)


def mob_figures(ts, pd, ud):
    km = sum((D(x["km"]) for x in ts), D(0))
    trips = sum(x["trips"] for x in ts)
    car_km = sum((D(x["km"]) for x in ts if x["mode"] in ("car_alone", "carpool")), D(0))
    car_trips = sum(x["trips"] for x in ts if x["mode"] in ("car_alone", "carpool"))
    co2e = sum((D(x["km"]) * FACTORS[x["mode"]] for x in ts if x["mode"] in FACTORS), D(0))
    modes = [(m, sum((D(x["km"]) for x in ts if x["mode"] == m), D(0)) * 7 / pd)
             for m in MODES if any(x["mode"] == m for x in ts)]
    return {"n": len(ts), "pd": pd, "ud": ud, "km": km, "co2e": co2e, "trips": trips,
            "km_per_person_week": km * 7 / pd, "km_per_unit_week": km * 7 / ud, "co2e_per_person_week": co2e * 7 / pd,
            "co2e_per_unit_week": co2e * 7 / ud,
            "car_share_of_trips": D(car_trips) / trips if trips else None,
            "car_share_of_km": car_km / km if km else None, "modes": modes, "ts": ts}


def mobility_expectations(households):
    res = []
    for h in households:
        r, c = mob_period(h, MOB_PERIODS[0]), mob_period(h, MOB_PERIODS[1])
        if not h.get("trips"):
            res.append({"status": "excluded", "code": "no_data"})
        elif r["n"] == 0 or c["n"] == 0:
            res.append({"status": "excluded", "code": "period_not_covered"})
        else:
            expected = r["co2e"] * c["pd"] / r["pd"]
            res.append({"status": "computed", "reference": r, "challenge": c, "expected_co2e": expected,
                        "co2e_change": (c["co2e"] / c["pd"]) / (r["co2e"] / r["pd"]) - 1,
                        "km_change": (c["km"] / c["pd"]) / (r["km"] / r["pd"]) - 1,
                        "car_share_of_trips_change": c["car_share_of_trips"] - r["car_share_of_trips"],
                        "car_share_of_km_change": c["car_share_of_km"] - r["car_share_of_km"],
                        "missing": any(x["mode"] not in FACTORS for x in r["ts"] + c["ts"])})
    return res


def mobility_checks(households, only=None):
    res = mobility_expectations(households)
    checks = {}
    per = ("km_per_person_week", "km_per_unit_week", "co2e", "co2e_per_person_week", "co2e_per_unit_week",
           "car_share_of_trips", "car_share_of_km")
    for i, (h, r) in enumerate(zip(households, res)):
        if only and h["id"] not in only:
            continue
        row = f"/households/{i}"
        p = f"{row}/figures"
        checks[f"/households/{i}/household"] = h["id"]
        checks[f"{row}/status"] = r["status"]
        if r["status"] == "excluded":
            checks[f"{row}/exclusions/0/code"] = r["code"]
            continue
        for part in ("reference", "challenge"):
            for k in per:
                checks[f"{p}/{part}/{k}"] = s(r[part][k])
            for j, (m, v) in enumerate(r[part]["modes"]):
                checks[f"{p}/{part}/modes/{j}/mode"] = m
                checks[f"{p}/{part}/modes/{j}/km_per_person_week"] = s(v)
        for k in ("co2e_change", "km_change", "car_share_of_trips_change", "car_share_of_km_change",
                  "expected_co2e"):
            checks[f"{p}/{k}"] = s(r[k])
        if r["missing"]:
            checks[f"/households/{i}/warnings/0/code"] = "missing_co2e_factor"
    if only:
        return checks
    entries = [(r["expected_co2e"], r["challenge"]["co2e"]) if r["status"] == "computed" else r["code"]
               for r in res]
    t = group_totals(entries)
    checks.update(totals_checks("/totals/co2e", t))
    counted = [r for r in res if r["status"] == "computed"]
    pooled = {}
    for part in ("reference", "challenge"):
        ts = [x for r in counted for x in r[part]["ts"]]
        pd = sum(r[part]["pd"] for r in counted)
        ud = sum(r[part]["ud"] for r in counted)
        pooled[part] = mob_figures(ts, pd, ud)
        for k in ("km_per_person_week", "co2e_per_person_week", "car_share_of_trips", "car_share_of_km"):
            checks[f"/totals/{part}/{k}"] = s(pooled[part][k])
    checks["/totals/car_share_of_trips_change"] = s(
        pooled["challenge"]["car_share_of_trips"] - pooled["reference"]["car_share_of_trips"])
    team_changes = [group_totals([e for e, h in zip(entries, households) if h["team"] == tm])["change"]
                    for tm in ("T1", "T2")]
    checks.update(team_checks(["T1", "T2"], team_changes))
    checks["/headline"] = (f"{foyers(t['households'])}, part de la voiture dans les trajets "
                           f"{fr_share(pooled['reference']['car_share_of_trips'])} \u2192 "
                           f"{fr_share(pooled['challenge']['car_share_of_trips'])}, "
                           f"{fr_percent(t['change'])} d'émissions de CO2e")
    return checks


# --- files ------------------------------------------------------------------

def write(theme, cases, source):
    body = {"kind": f"{theme}_challenge", "source": source, "places": PLACES,
            "cases": [{"name": n, "input": i, "checks": [{"pointer": k, "expected": v} for k, v in c.items()]}
                      for n, i, c in cases]}
    (HERE / theme / "challenge.json").write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")


wh, dh, fh, mh = water_households(), waste_households(), food_households(), mobility_households()
local = {"value": "109.5", "unit": "litres_per_person_day", "year": 2022, "source": "SISPEA, Nord-Pas-de-Calais"}
write("water", [("five households, readings in m³ and L, bills, a presence change, two exclusions",
                 doc(challenge("Défi eau", ["water"], *WATER_PERIODS), wh, {}), water_checks(wh)),
                ("the same, with another national figure in options.references",
                 doc(challenge("Défi eau", ["water"], *WATER_PERIODS), wh,
                     {"references": {"edition": "local", "water": local}}),
                 water_checks(wh, national=(D(local["value"]), local["year"])))],
      "independent computation (DOMAIN.md §4: L ÷ person-days, prorated by days; Cieau/SOeS 148 L)")
waste_options = {"waste": {"reference_period": period(*WASTE_REF),
                           "challenge_periods": [period(*p) for p in WASTE_PARTS]}}
write("waste", [("four households, two challenge periods of different lengths",
                 doc(challenge("Défi déchets", ["waste"], WASTE_REF, ("2026-02-02", "2026-03-29")), dh,
                     waste_options), waste_checks(dh))],
      "independent computation (DOMAIN.md §5: kg × 7 or × 365 ÷ person-days, weighted by expected kg)")
food_options = {"food": {"surveys": [{"name": n, "period": period(a, b)} for n, a, b in SURVEYS]}}
write("food", [("four households, three surveys",
                doc(challenge("Défi alimentation", ["food"], SURVEYS[0][1:], SURVEYS[-1][1:]), fh,
                    food_options), food_checks(fh))],
      "independent computation (DOMAIN.md §6: shares of spending, Σ€ ÷ Σ(meals × persons))")
write("mobility", [("four households, diaries and trips, a mode without factor",
                    doc(challenge("Défi mobilité", ["mobility"], *MOB_PERIODS), mh, {}), mobility_checks(mh))],
      "independent computation (DOMAIN.md §7; ADEME Impact CO2 factors per person-km, 2023)")

# Every theme in one challenge: each section lists every household, and a
# household's results in one theme are those it has alone.
everyone = wh + dh + fh + mh
mixed_options = dict(waste_options, **food_options,
                     mobility={"reference_period": period(*MOB_PERIODS[0]),
                               "challenge_period": period(*MOB_PERIODS[1])})
mixed = doc(challenge("Défi Déclics", ["water", "waste", "food", "mobility"], *WATER_PERIODS), everyone,
            mixed_options)
checks = {}
for theme, fn, own in (("water", water_checks, wh), ("waste", waste_checks, dh), ("food", food_checks, fh),
                       ("mobility", mobility_checks, mh)):
    for k, v in fn(everyone, only={h["id"] for h in own}).items():
        checks[f"/{theme}{k}"] = v
    checks[f"/{theme}/households/{len(everyone) - 1}/household"] = everyone[-1]["id"]
for i, h in enumerate(everyone):
    if h not in wh:
        checks[f"/water/households/{i}/exclusions/0/code"] = "no_meter"
    if h not in dh:
        checks[f"/waste/households/{i}/exclusions/0/code"] = "no_data"
checks["/households"] = len(everyone)
(HERE / "themes" / "challenge.json").write_text(json.dumps(
    {"kind": "themes_challenge", "source": "the four single-theme vectors' households together",
     "places": PLACES, "cases": [{"name": "water, waste, food and mobility in one challenge", "input": mixed,
                                  "checks": [{"pointer": k, "expected": v} for k, v in checks.items()]}]},
    indent=2, ensure_ascii=False) + "\n")
print("wrote tests/vectors/{water,waste,food,mobility,themes}/challenge.json")
