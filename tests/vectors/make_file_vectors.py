#!/usr/bin/env python3
"""Writes the conformance vectors of the file readers (`ecodefi::files`):
`tests/vectors/files/meter_files.json` (Linky and Gazpar exports) and
`tests/vectors/files/weather_files.json` (Météo-France files), with
expected values computed here independently of ecodefi, with Python's
`decimal` and `datetime`:

- Linky daily consumption: kWh = Wh / 1000; a day absent from the file is
  absent from the days (a gap, never a zero).
- Linky load curve: each point is the mean power (W) over its step, stamped
  at the step's start in local time; a local day's kWh = Σ W × step / 60 000
  over its points, complete only with all of them (46 half-hours on the
  spring daylight-saving day, 48 on others); an incomplete day is listed,
  not counted.
- Linky index: the `EAS T` register (Wh) at the start of each day, in kWh.
- Gazpar: one row per gas day (06:00 to 06:00), energy (kWh), volume (m³)
  and the day's conversion coefficient; index readings at the start of each
  gas day and the last day's end index on the day after.
- Météo-France daily: TN and TX with their quality codes (2, doubtful, is
  not a valid value); a station's complete and missing days between its first
  and last rows; a missing day refused unless filled, by another station or by
  linear interpolation rounded to 0.1 °C half away from zero.
- Météo-France hourly: Tn of day D is the minimum of the hourly TN labelled
  from D−1 19 UTC to D 18 UTC (values are labelled by the end of their hour,
  so the one labelled 18 describes 17–18 UTC, inside (D−1 18:00, D 18:00]),
  Tx the maximum of the hourly TX labelled from D 07 UTC to D+1 06 UTC.

A case gives a file (`name` and `text`, or `base64` for gzip) and either
`expected` (a JSON tree that the reader's output must contain: objects by
key, arrays element by element; decimals as strings compared by value) or
`error` (the code and the file, and the line when there is one). Weather
cases also give `station` and `fill` when they ask for temperatures. The
Rust runner is `tests/tests/files.rs`; Python and JavaScript read the same
files.

Run: python3 tests/vectors/make_file_vectors.py
"""
import base64
import datetime as dt
import gzip
import json
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "files"

ENEDIS_HEAD = ("Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;"
               "Grandeur metier;Etape metier;Unite")
PRM = "09999999999999"
PCE = "29999999999999"


def fr(d):
    return d.strftime("%d/%m/%Y")


def num(x):
    """A decimal as the vectors write it (no exponent, no trailing zeros)."""
    return format(D(x).normalize(), "f")


def paris_offset(utc):
    """Paris's UTC offset (hours) at a UTC instant: +2 from the last Sunday
    of March 01:00 UTC to the last Sunday of October 01:00 UTC, else +1."""
    def last_sunday(year, month):
        d = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
        return d - dt.timedelta(days=(d.weekday() + 1) % 7)
    y = utc.year
    start = dt.datetime.combine(last_sunday(y, 3), dt.time(1))
    end = dt.datetime.combine(last_sunday(y, 10), dt.time(1))
    return 2 if start <= utc < end else 1


def stamp(utc):
    off = paris_offset(utc)
    local = utc + dt.timedelta(hours=off)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"+0{off}:00"


def local_midnight_utc(d):
    """The UTC instant of local midnight starting day d."""
    guess = dt.datetime.combine(d, dt.time(0)) - dt.timedelta(hours=1)
    return dt.datetime.combine(d, dt.time(0)) - dt.timedelta(hours=paris_offset(guess))


def meter_cases():
    cases = []
    # Daily consumption with a gap (3 December absent).
    days = [(dt.date(2025, 12, 1), 6000), (dt.date(2025, 12, 2), 6250), (dt.date(2025, 12, 4), 7125)]
    text = (ENEDIS_HEAD + "\n" + f"{PRM};Consommation quotidienne;01/12/2025;05/12/2025;Energie active;"
            "Consommation;Comptage Brut;Wh\n\nHorodate;Valeur\n")
    text += "".join(f"{stamp(local_midnight_utc(d))};{wh}\n" for d, wh in days)
    cases.append({
        "name": "Linky daily consumption, Wh to kWh, a gap",
        "file": {"name": "conso.csv", "text": text},
        "expected": {
            "provider": "enedis", "content": {"kind": "daily_consumption"}, "identifier": PRM,
            "carrier": "electricity",
            "days": [{"date": d.isoformat(), "kwh": num(D(wh) / 1000)} for d, wh in days],
            "index": [],
        },
    })
    # Load curve, 30 minutes, over the spring clock change (30 March 2025:
    # 46 half-hours) and the day after (48); 1 000 W then 500 W.
    def curve(first, n_days, watts, missing=()):
        head = (ENEDIS_HEAD + ";Pas en minutes\n" + f"{PRM};Courbe de charge;{fr(first)};"
                f"{fr(first + dt.timedelta(days=n_days))};Energie active;Consommation;Comptage Brut;W;30\n\n"
                "Horodate;Valeur\n")
        rows, expected, incomplete = [], [], []
        for k in range(n_days):
            d = first + dt.timedelta(days=k)
            t, end = local_midnight_utc(d), local_midnight_utc(d + dt.timedelta(days=1))
            total, points, i = D(0), 0, 0
            while t < end:
                w = watts(d)
                value = "" if (d, i) in missing else str(w)
                rows.append(f"{stamp(t)};{value}\n")
                if value:
                    total += D(w) * 30 / 60000
                points += 1
                t += dt.timedelta(minutes=30)
                i += 1
            if any(m[0] == d for m in missing):
                incomplete.append(d.isoformat())
            else:
                expected.append({"date": d.isoformat(), "kwh": num(total), "points": points})
        return head + "".join(rows), expected, incomplete
    text, expected, _ = curve(dt.date(2025, 3, 30), 2, lambda d: 1000 if d.day == 30 else 500)
    assert [e["points"] for e in expected] == [46, 48]
    cases.append({
        "name": "Linky load curve, 30 min, over the spring clock change (46 half-hours: 23 kWh at 1 000 W)",
        "file": {"name": "courbe.csv", "text": text},
        "expected": {
            "provider": "enedis", "content": {"kind": "load_curve", "step_minutes": 30},
            "carrier": "electricity",
            "days": [{"date": e["date"], "kwh": e["kwh"]} for e in expected],
        },
    })
    text, expected, incomplete = curve(dt.date(2025, 10, 25), 3, lambda d: 800,
                                       missing={(dt.date(2025, 10, 26), 7)})
    cases.append({
        "name": "Linky load curve over the autumn clock change, a point missing on that 25-hour day",
        "file": {"name": "courbe-automne.csv", "text": text},
        "expected": {
            "content": {"kind": "load_curve", "step_minutes": 30},
            "days": [{"date": e["date"], "kwh": e["kwh"]} for e in expected],
            "incomplete_days": incomplete,
        },
    })
    # Index: EAS T at the start of each day.
    totals = [(dt.date(2025, 1, 6), 12345678), (dt.date(2025, 1, 7), 12352928), (dt.date(2025, 1, 8), 12361001)]
    text = (ENEDIS_HEAD + "\n" + f"{PRM};Index;06/01/2025;09/01/2025;Energie active;Consommation;Comptage Brut;Wh\n\n"
            "Horodate;Type de releve;EAS F1;EAS F2;EAS F3;EAS F4;EAS F5;EAS F6;EAS F7;EAS F8;EAS F9;EAS F10;"
            "EAS D1;EAS D2;EAS D3;EAS D4;EAS T\n")
    for d, t in totals:
        hc = t * 2 // 5
        text += f"{stamp(local_midnight_utc(d))};Arrêté quotidien;{hc};{t - hc};;;;;;;;;{hc};{t - hc};;;{t}\n"
    cases.append({
        "name": "Linky daily index, the EAS T register in kWh",
        "file": {"name": "index.csv", "text": text},
        "expected": {
            "content": {"kind": "index"},
            "index": [{"date": d.isoformat(), "value": num(D(t) / 1000)} for d, t in totals],
        },
    })
    # Gazpar, the spreadsheet saved as CSV.
    gas = [(dt.date(2025, 1, 6), 4321, 4324, "3.25", "36.66", "11.28"),
           (dt.date(2025, 1, 7), 4324, 4327, "2.875", "32.37", "11.26")]
    text = (";Données de consommation GRDF\n\n;Relevés quotidiens\n" + f";PCE;{PCE}\n\n\n\n\n"
            ";Date;Index de début (m³);Index de fin (m³);Volume consommé (m³);Energie consommée (kWh);"
            "Coefficient de conversion;Température locale (°C);Type de relevé\n")
    for d, a, b, v, e, c in gas:
        text += f";{fr(d)};{a};{b};{v.replace('.', ',')};{e.replace('.', ',')};{c.replace('.', ',')};;Mesuré\n"
    cases.append({
        "name": "Gazpar daily table as CSV: energy, volume, coefficient, index at the start of each gas day",
        "file": {"name": "gazpar.csv", "text": text},
        "expected": {
            "provider": "grdf", "content": {"kind": "gas_days"}, "identifier": PCE, "carrier": "natural_gas",
            "days": [{"date": d.isoformat(), "kwh": num(e), "m3": num(v), "kwh_per_m3": num(c)}
                     for d, a, b, v, e, c in gas],
            "index": [{"date": gas[0][0].isoformat(), "value": "4321"},
                      {"date": gas[1][0].isoformat(), "value": "4324"},
                      {"date": (gas[1][0] + dt.timedelta(days=1)).isoformat(), "value": "4327"}],
        },
    })
    # Errors.
    bad = (ENEDIS_HEAD + "\n" + f"{PRM};Consommation quotidienne;01/12/2025;03/12/2025;Energie active;"
           "Consommation;Comptage Brut;Wh\n\nHorodate;Valeur\n"
           f"{stamp(local_midnight_utc(dt.date(2025, 12, 1)))};6000\n"
           f"{stamp(local_midnight_utc(dt.date(2025, 12, 2)))};6x\n")
    cases.append({
        "name": "a value that is no number: the file and its line",
        "file": {"name": "conso-abimee.csv", "text": bad},
        "error": {"code": "invalid_value", "file": "conso-abimee.csv", "line": 6},
    })
    cases.append({
        "name": "a file of another shape",
        "file": {"name": "notes.csv", "text": "a;b\n1;2\n"},
        "error": {"code": "unknown_name", "file": "notes.csv"},
    })
    return cases


DAILY_COLUMNS = ("NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;HTN;QHTN;TX;QTX;HTX;QHTX;TM;QTM;"
                 "TNTXM;QTNTXM;TAMPLI;QTAMPLI;TNSOL;QTNSOL;TN50;QTN50;DG;QDG;FFM;QFFM;FF2M;QFF2M;FXY;QFXY;DXY;"
                 "QDXY;HXY;QHXY;FXI;QFXI;DXI;QDXI;HXI;QHXI;FXI2;QFXI2;DXI2;QDXI2;HXI2;QHXI2;FXI3S;QFXI3S;"
                 "DXI3S;QDXI3S;HXI3S;QHXI3S;DRR;QDRR").split(";")


def daily_row(station, d, tn, qtn, tx, qtx):
    cells = dict.fromkeys(DAILY_COLUMNS, "")
    cells.update({"NUM_POSTE": station[0], "NOM_USUEL": station[1], "LAT": station[2], "LON": station[3],
                  "ALTI": station[4], "AAAAMMJJ": d.strftime("%Y%m%d"),
                  "TN": tn, "QTN": qtn if tn else "", "TX": tx, "QTX": qtx if tx else ""})
    return ";".join(cells[c] for c in DAILY_COLUMNS)


def round1(x):
    return D(x).quantize(D("0.1"), rounding=ROUND_HALF_UP)


def weather_cases():
    a = ("62990001", "ALPHA", "50.73", "1.597", "73")
    b = ("62990002", "BETA", "50.29", "2.777", "85")
    d1, d2, d3 = dt.date(2026, 1, 10), dt.date(2026, 1, 11), dt.date(2026, 1, 12)
    rows = [daily_row(a, d1, "-1.5", "1", "4.2", "1"), daily_row(a, d2, "0.3", "1", "6.1", "1"),
            daily_row(a, d3, "2.4", "0", "7.0", "1"),
            daily_row(b, d1, "-2.0", "1", "3.5", "1"), daily_row(b, d2, "", "", "", ""),
            daily_row(b, d3, "1.1", "1", "5.8", "1"),
            # Doubtful TX (quality 2): not a valid value.
            daily_row(b, dt.date(2026, 1, 13), "0.5", "1", "9.9", "2")]
    text = ";".join(DAILY_COLUMNS) + "\n" + "\n".join(rows) + "\n"
    stations = [
        {"number": a[0], "name": a[1], "latitude": a[2], "longitude": a[3], "altitude": a[4],
         "first": d1.isoformat(), "last": d3.isoformat(), "complete_days": 3, "missing_days": 0},
        {"number": b[0], "name": b[1], "latitude": b[2], "longitude": b[3], "altitude": b[4],
         "first": d1.isoformat(), "last": "2026-01-13", "complete_days": 2, "missing_days": 2},
    ]
    plain = {"name": "Q_99_vecteurs.csv", "text": text}
    zipped = {"name": "Q_99_vecteurs.csv.gz",
              "base64": base64.b64encode(gzip.compress(text.encode(), mtime=0)).decode()}
    temps_a = [{"date": d1.isoformat(), "tn": "-1.5", "tx": "4.2"},
               {"date": d2.isoformat(), "tn": "0.3", "tx": "6.1"},
               {"date": d3.isoformat(), "tn": "2.4", "tx": "7"}]
    interp = {"date": d2.isoformat(), "tn": num(round1((D("-2.0") + D("1.1")) / 2)),
              "tx": num(round1((D("3.5") + D("5.8")) / 2))}
    cases = [
        {"name": "daily file: its stations and their coverage", "file": plain,
         "expected": {"resolution": "daily", "stations": stations}},
        {"name": "the same gzipped", "file": zipped, "expected": {"resolution": "daily", "stations": stations}},
        {"name": "a complete station's temperatures", "file": plain, "station": a[0],
         "expected": {"temperatures": temps_a, "filled": []}},
        {"name": "a station missing days is refused, naming it", "file": plain, "station": b[0],
         "error": {"code": "insufficient_data", "file": plain["name"]}},
        {"name": "another station cannot fill a day it lacks too (13 January, a doubtful TX)", "file": plain, "station": b[0],
         "fill": {"station": a[0], "interpolate_max_days": 0},
         "error": {"code": "insufficient_data", "file": plain["name"]}},
        {"name": "filled by interpolation over one day, within the first three days", "file": plain,
         "station": b[0], "first": d1.isoformat(), "last": d3.isoformat(),
         "fill": {"interpolate_max_days": 1},
         "expected": {"temperatures": [{"date": d1.isoformat(), "tn": "-2", "tx": "3.5"}, interp,
                                       {"date": d3.isoformat(), "tn": "1.1", "tx": "5.8"}],
                      "filled": [dict(interp, how={"method": "interpolated"})]}},
        {"name": "filled from another station, within the first three days", "file": plain,
         "station": b[0], "first": d1.isoformat(), "last": d3.isoformat(),
         "fill": {"station": a[0], "interpolate_max_days": 0},
         "expected": {"temperatures": [{"date": d1.isoformat(), "tn": "-2", "tx": "3.5"},
                                       {"date": d2.isoformat(), "tn": "0.3", "tx": "6.1"},
                                       {"date": d3.isoformat(), "tn": "1.1", "tx": "5.8"}],
                      "filled": [{"date": d2.isoformat(), "tn": "0.3", "tx": "6.1",
                                  "how": {"method": "station", "number": a[0]}}]}},
        {"name": "not a Météo-France file", "file": {"name": "meteo.csv", "text": "date;tn;tx\n"},
         "error": {"code": "unknown_name", "file": "meteo.csv"}},
    ]
    # Hourly: TN and TX of each hour, labelled by the end of the hour (UTC),
    # from 2025-12-31 19 UTC to 2026-01-03 06 UTC: days 1 and 2 January have
    # both windows whole.
    hourly_cols = ["NUM_POSTE", "NOM_USUEL", "LAT", "LON", "ALTI", "AAAAMMJJHH", "T", "QT", "TN", "QTN",
                   "TX", "QTX"]
    t = dt.datetime(2025, 12, 31, 19)
    end = dt.datetime(2026, 1, 3, 6)
    lines, obs = [], []
    k = 0
    while t <= end:
        # A made-up but irregular series, tenths of a degree.
        base = D((k * 37) % 90 - 30) / 10
        tn, tx = base - D("0.4"), base + D("0.5")
        obs.append((t, tn, tx))
        lines.append(";".join([a[0], a[1], a[2], a[3], a[4], t.strftime("%Y%m%d%H"), num(base), "1",
                               num(tn), "1", num(tx), "1"]))
        t += dt.timedelta(hours=1)
        k += 1
    htext = ";".join(hourly_cols) + "\n" + "\n".join(lines) + "\n"
    expected = []
    for day in (dt.date(2026, 1, 1), dt.date(2026, 1, 2)):
        d0 = dt.datetime.combine(day, dt.time(0))
        tn_window = [o[1] for o in obs if d0 - dt.timedelta(hours=6) < o[0] <= d0 + dt.timedelta(hours=18)]
        tx_window = [o[2] for o in obs if d0 + dt.timedelta(hours=6) < o[0] <= d0 + dt.timedelta(hours=30)]
        assert len(tn_window) == 24 and len(tx_window) == 24
        expected.append({"date": day.isoformat(), "tn": num(min(tn_window)), "tx": num(max(tx_window))})
    cases.append({"name": "hourly file: daily Tn and Tx with the Météo-France day convention",
                  "file": {"name": "H_99_vecteurs.csv", "text": htext}, "station": a[0],
                  "expected": {"resolution": "hourly", "temperatures": expected}})
    return cases


def main():
    OUT.mkdir(exist_ok=True)
    for name, cases in (("meter_files.json", meter_cases()), ("weather_files.json", weather_cases())):
        doc = {"description": __doc__.split("\n\n")[0].replace("\n", " "), "cases": cases}
        (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {OUT / name}: {len(cases)} cases")


if __name__ == "__main__":
    main()
