#!/usr/bin/env python3
"""Writes the conformance vectors of the energy core (degree-days,
conversions, climate correction, prorating, a small challenge) with their
expected values computed independently of ecodefi: from DOMAIN.md's
published check values and official tables, and with Python's `decimal`
module (40 significant digits) for the arithmetic.

Every vector file is language-neutral JSON: decimals are strings, and each
numeric expectation is compared after rounding both sides to `places`
decimals (half away from zero). The Rust runner is `tests/tests/vectors.rs`;
the Python and JavaScript suites read the same files.

Run: python3 tests/vectors/make_core_vectors.py
"""
import json
from decimal import ROUND_HALF_UP, Decimal as D, getcontext
from pathlib import Path

getcontext().prec = 40
PLACES = 10
HERE = Path(__file__).parent


def s(x):
    """An expected value, rounded half away from zero to PLACES decimals."""
    return format(D(x).quantize(D(1).scaleb(-PLACES), rounding=ROUND_HALF_UP).normalize(), "f")


def write(name, doc):
    (HERE / name).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


# Degree-days: DOMAIN.md §2 check values (S = 18), Météo-France and COSTIC.
checks = [("2", "10", "12", "12"), ("-3", "5", "17", "17"), ("12", "18", "3", "3"),
          ("10", "22", "2", "2.88"), ("16", "24", "0", "0.37"), ("17", "19", "0", "0.29"),
          ("18", "25", "0", "0")]
dd_cases = []
for tn, tx, meteo, costic in checks:
    dd_cases.append({"method": "meteo_france", "kind": "heating", "base": "18", "tn": tn, "tx": tx, "expected": meteo})
    dd_cases.append({"method": "costic", "kind": "heating", "base": "18", "tn": tn, "tx": tx, "expected": costic})
# Cooling mirrors heating: hot day 20/30, base 22: Météo (25 − 22) = 3;
# COSTIC (30 − 22) × (0.08 + 0.42 × 8/10) = 3.328.
dd_cases.append({"method": "meteo_france", "kind": "cooling", "base": "22", "tn": "20", "tx": "30", "expected": "3"})
dd_cases.append({"method": "costic", "kind": "cooling", "base": "22", "tn": "20", "tx": "30", "expected": "3.328"})
write("degree_days.json", {"kind": "degree_days", "source": "DOMAIN.md §2 check values (Météo-France and COSTIC methods)", "places": PLACES, "cases": dd_cases})

# Conversions: DPE arrêté of 15 Sept 2006, annexe 3 (PCI) and arrêté of 27 Aug 2012 (PCS).
table = {"natural_gas": ("m3", "11.628", "12.91"), "fuel_oil": ("l", "9.97", "10.67"), "propane": ("t", "13800", "15042"),
         "butane": ("t", "12780", "13930"), "logs": ("stere", "1680", "1865"), "pellets": ("t", "4600", "5106"),
         "electricity": ("kwh", "1", "1"), "district_heating": ("kwh", "1", "1")}
conv = []
for carrier, (unit, pci, pcs) in table.items():
    conv.append({"carrier": carrier, "unit": unit, "basis": "pci", "expected": pci})
    conv.append({"carrier": carrier, "unit": unit, "basis": "pcs", "expected": pcs})
    if unit == "t":
        conv.append({"carrier": carrier, "unit": "kg", "basis": "pci", "expected": s(D(pci) / 1000)})
conv.append({"carrier": "electricity", "unit": "m3", "basis": "pci", "error": "invalid_value"})
write("conversions.json", {"kind": "conversions", "source": "arrêté 15 Sept 2006 annexe 3 (PCI); arrêté 27 Aug 2012 (PCS)", "places": PLACES, "cases": conv})

# Climate correction: DOMAIN.md §2 worked example and the three forms.
def eea(e, p, f, t): return e * (1 - p) + e * p * t / f
def sdes(e, p, f, t): return e / (1 + p * (f / t - 1))
def contract(e, p, f, t): return e * t / f
corr = []
for e, p, f, t in [("12000", "0.7", "2600", "2400"), ("8000", "1", "2000", "2300"), ("5000", "0", "1800", "1500"), ("3000", "0.66", "1841.7", "1697.2")]:
    E, P, F, T = D(e), D(p), D(f), D(t)
    for name, fn in [("eea", eea), ("sdes", sdes), ("contract", contract)]:
        corr.append({"method": name, "energy": e, "heating_share": p, "dj_from": f, "dj_to": t, "expected": s(fn(E, P, F, T))})
    corr.append({"method": "none", "energy": e, "heating_share": p, "dj_from": f, "dj_to": t, "expected": e})
write("correction.json", {"kind": "correction", "source": "DOMAIN.md §2 (EEA/ODYSSEE, SDES and contract forms); worked example 12 000 kWh → 11 353.85 kWh", "places": PLACES, "cases": corr})

# Prorating between readings: 1–10 Jan at 2/10 °C (12 COSTIC DJ a day),
# 11–31 Jan at 12/18 (3 DJ a day); 300 consumed from 1 to 21 Jan.
temps = [{"date": f"2026-01-{d:02d}", "tn": "2" if d <= 10 else "12", "tx": "10" if d <= 10 else "18"} for d in range(1, 32)]
readings = [{"date": "2026-01-01", "value": "0"}, {"date": "2026-01-21", "value": "300"}]
pro = []
for p in ["0", "0.6", "1"]:
    P = D(p)
    # Days 1–10: 10 of 20 days, 120 of 150 DJ.
    pro.append({"readings": readings, "heating_share": p, "period": {"first": "2026-01-01", "last": "2026-01-10"},
                "expected": s(D(300) * ((1 - P) * D(10) / 20 + P * D(120) / 150))})
    pro.append({"readings": readings, "heating_share": p, "period": {"first": "2026-01-11", "last": "2026-01-20"},
                "expected": s(D(300) * ((1 - P) * D(10) / 20 + P * D(30) / 150))})
    # Days 5–14: 6 days at 12 DJ and 4 at 3 DJ: 84 DJ.
    pro.append({"readings": readings, "heating_share": p, "period": {"first": "2026-01-05", "last": "2026-01-14"},
                "expected": s(D(300) * ((1 - P) * D(10) / 20 + P * D(84) / 150))})
pro.append({"readings": readings, "heating_share": "0", "period": {"first": "2026-01-01", "last": "2026-01-25"}, "exclusion": "period_not_covered"})
write("prorating.json", {"kind": "prorating", "source": "DOMAIN.md §2 (non-heating part per day, heating part per degree-day), computed by hand", "places": PLACES,
                         "degree_days": {"method": "costic", "base": "18", "kind": "heating"}, "temperatures": temps, "cases": pro})

# A small energy challenge, computed by hand.
ref_days = [f"2025-01-{d:02d}" for d in range(1, 11)]
temps = []
import datetime
day = datetime.date(2025, 1, 1)
while day <= datetime.date(2026, 1, 11):
    if datetime.date(2025, 1, 1) <= day <= datetime.date(2025, 1, 10):
        tn, tx = "2", "10"      # 12 DJ a day: DJ_R = 120
    elif datetime.date(2026, 1, 1) <= day <= datetime.date(2026, 1, 10):
        tn, tx = "4", "12"      # 10 DJ a day: DJ_C = 100
    else:
        tn, tx = "10", "20"
    temps.append({"date": day.isoformat(), "tn": tn, "tx": tx})
    day += datetime.timedelta(days=1)

def meter(id, carrier, unit, usage, r0, r1, c0, c1, **extra):
    m = {"id": id, "carrier": carrier, "unit": unit, "usage": usage,
         "readings": [{"date": "2025-01-01", "value": r0}, {"date": "2025-01-11", "value": r1},
                      {"date": "2026-01-01", "value": c0}, {"date": "2026-01-11", "value": c1}]}
    m.update(extra)
    return m

doc = {
    "schema_version": 1,
    "challenge": {
        "name": "Petit défi de test", "territory": "Loos-en-Gohelle", "organiser_kind": "association",
        "themes": ["energy"],
        "reference_period": {"first": "2025-01-01", "last": "2025-01-10"},
        "challenge_period": {"first": "2026-01-01", "last": "2026-01-10"},
        "objective": "0.08",
        "teams": [{"id": "T1", "name": "Les Terrils", "captain": "A"}, {"id": "T2", "name": "La Base 11/19"}],
    },
    "households": [
        {"id": "A", "team": "T1", "occupants": {"adults": 2}, "meters": [meter("gaz", "natural_gas", "m3", "heating_only", "1000", "1120", "2000", "2090")]},
        {"id": "B", "team": "T1", "occupants": {"adults": 1, "children": [4]}, "meters": [meter("elec", "electricity", "kwh", "no_heating", "500", "600", "900", "995")]},
        {"id": "C", "team": "T2", "occupants": {"adults": 1}, "meters": [meter("elec", "electricity", "kwh", "mixed", "0", "200", "1000", "1150", heating_share="0.5")]},
        {"id": "D", "team": "T2", "occupants": {"adults": 3}, "meters": [{"id": "gaz", "carrier": "natural_gas", "unit": "m3", "usage": "mixed", "readings": [{"date": "2025-01-01", "value": "10"}]}]},
    ],
    "temperatures": temps,
}
# Hand computation (EEA, p from usage, PCS basis, 12.91 kWh/m³):
G = D("12.91")
A_corr, A_ch = D(120) * G * D(100) / D(120), D(90) * G          # p = 1
B_corr, B_ch = D(100), D(95)                                      # p = 0
C_corr, C_ch = D(200) * (D("0.5") + D("0.5") * D(100) / D(120)), D(150)
def saved(c, a): return c - a
hh = {
    "A": {"reference": s(D(120) * G), "reference_corrected": s(A_corr), "challenge": s(A_ch), "saved": s(A_corr - A_ch),
          "change": s(A_ch / A_corr - 1), "saved_per_person": s((A_corr - A_ch) / 2), "saved_per_unit": s((A_corr - A_ch) / D("1.5")),
          "co2e_saved": s((A_corr - A_ch) * D("0.221")), "euros_saved": s((A_corr - A_ch) * D("0.104")), "objective_reached": True},
    "B": {"reference_corrected": "100", "challenge": "95", "change": "-0.05", "saved_per_person": "2.5", "saved_per_unit": s(D(5) / D("1.3")),
          "co2e_saved": s(5 * D("0.08")), "euros_saved": s(5 * D("0.2022")), "objective_reached": False},
    "C": {"reference_corrected": s(C_corr), "challenge": "150", "change": s(C_ch / C_corr - 1),
          "co2e_saved": s((C_corr - C_ch) * D("0.08")), "euros_saved": s((C_corr - C_ch) * D("0.2022")), "objective_reached": True},
    "D": {"exclusions": ["too_few_readings"]},
}
T1r, T1a = A_corr + B_corr, A_ch + B_ch
R, A = T1r + C_corr, T1a + C_ch
changes = sorted([A_ch / A_corr - 1, D("-0.05"), C_ch / C_corr - 1])
expected = {
    "households": hh,
    "teams": [
        {"team": "T2", "rank": 1, "households": 1, "excluded": 1, "change": s(C_ch / C_corr - 1), "saved": s(C_corr - C_ch)},
        {"team": "T1", "rank": 2, "households": 2, "excluded": 0, "change": s(T1a / T1r - 1), "saved": s(T1r - T1a)},
    ],
    "totals": {"households": 3, "excluded": 1, "reference": s(R), "actual": s(A), "saved": s(R - A), "change": s(A / R - 1),
               "mean_change": s(sum(changes) / 3), "median_change": s(changes[1]),
               "co2e_saved": s((A_corr - A_ch) * D("0.221") + 5 * D("0.08") + (C_corr - C_ch) * D("0.08")),
               "euros_saved": s((A_corr - A_ch) * D("0.104") + 5 * D("0.2022") + (C_corr - C_ch) * D("0.2022")),
               "objective_reached": True, "households_reaching_objective": 2},
    "reference_degree_days": "120", "challenge_degree_days": "100",
}
write("energy_challenge.json", {"kind": "energy_challenge", "source": "hand computation (EEA correction, DOMAIN.md §2; PCS 12.91 kWh/m³; ADEME and Nos Gestes Climat factors)",
                                "places": PLACES, "cases": [{"name": "four households, two teams", "input": doc, "expected": expected}]})
print("vectors written")
