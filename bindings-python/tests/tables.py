"""A challenge document (as json.loads gives it) cut into the DataFrames of
the tabular input: the shape a user's spreadsheets have. Used by the tests
and the benchmark."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd


def document_to_frames(doc: Dict[str, Any], dates: str = "datetime64") -> Dict[str, Any]:
    """``{"settings": dict, "households": DataFrame, "meters": …}``.

    ``dates`` is ``"datetime64"`` (pandas timestamps) or ``"object"``
    (``datetime.date`` cells). Quantities are ``Decimal`` cells.
    """
    rows: Dict[str, List[Dict[str, Any]]] = {
        k: []
        for k in ("households", "teams", "meters", "readings", "events", "bills", "deliveries", "stock", "presence", "weighings", "purchases", "trips")
    }
    for t in doc["challenge"]["teams"]:
        rows["teams"].append({"team": t["id"], "name": t["name"], "captain": t.get("captain")})
    for h in doc["households"]:
        o = h["occupants"]
        rows["households"].append(
            {
                "household": h["id"],
                "team": h["team"],
                "adults": o["adults"],
                "children_ages": " ".join(str(a) for a in o.get("children", [])),
                "surface": Decimal(h["surface_m2"]) if h.get("surface_m2") is not None else None,
            }
        )
        for p in h.get("presence", []):
            rows["presence"].append(
                {
                    "household": h["id"],
                    "from": p["from"],
                    "adults": p["occupants"]["adults"],
                    "children_ages": " ".join(str(a) for a in p["occupants"].get("children", [])),
                }
            )
        for w in h.get("weighings", []):
            rows["weighings"].append({"household": h["id"], "date": w["date"], "stream": w["stream"], "kg": Decimal(w["kg"])})
        for f in h.get("food_purchases", []):
            rows["purchases"].append(
                {
                    "household": h["id"],
                    "date": f["date"],
                    "amount": Decimal(f["amount"]),
                    "organic": f["organic"],
                    "local": f["local"],
                    "channel": f["channel"],
                    "meals": f["meals"],
                    "persons": f["persons"],
                }
            )
        for t in h.get("trips", []):
            rows["trips"].append(
                {"household": h["id"], "date": t["date"], "mode": t["mode"], "km": Decimal(t["km"]), "trips": t.get("trips")}
            )
        # Water meters are rows of the meters table: carrier `water`, the
        # energy columns (usage, conversion, heating share) blank.
        water = [{**m, "carrier": "water", "usage": None} for m in h.get("water_meters", [])]
        for m in h.get("meters", []) + water:
            conv = m.get("conversion") or {}
            rows["meters"].append(
                {
                    "household": h["id"],
                    "meter": m["id"],
                    "carrier": m["carrier"],
                    "unit": m["unit"],
                    "usage": m["usage"],
                    "kwh_per_unit": Decimal(conv["kwh_per_unit"]) if conv else None,
                    "basis": conv.get("basis"),
                    "heating_share": Decimal(m["heating_share"]) if m.get("heating_share") is not None else None,
                }
            )
            key = {"household": h["id"], "meter": m["id"]}
            for r in m.get("readings", []):
                rows["readings"].append({**key, "date": r["date"], "value": Decimal(r["value"])})
            for e in m.get("events", []):
                rows["events"].append(
                    {
                        **key,
                        "date": e["date"],
                        "kind": e["kind"],
                        "old_final": Decimal(e["old_final"]) if "old_final" in e else None,
                        "new_initial": Decimal(e["new_initial"]) if "new_initial" in e else None,
                        "modulus": Decimal(e["modulus"]) if "modulus" in e else None,
                    }
                )
            for b in m.get("bills", []):
                rows["bills"].append(
                    {**key, "first": b["period"]["first"], "last": b["period"]["last"], "quantity": Decimal(b["quantity"])}
                )
            for name in ("deliveries", "stock"):
                for q in m.get(name, []):
                    rows[name].append({**key, "date": q["date"], "quantity": Decimal(q["quantity"])})
    frames: Dict[str, Any] = {}
    for name, r in rows.items():
        if r:
            frames[name] = pd.DataFrame(r)
    temps = doc.get("temperatures")
    if temps:
        frames["temperatures"] = pd.DataFrame(
            {"date": [t["date"] for t in temps], "tn": [Decimal(t["tn"]) for t in temps], "tx": [Decimal(t["tx"]) for t in temps]}
        )
    for df in frames.values():
        for col in ("date", "from", "first", "last"):
            if col in df.columns:
                if dates == "datetime64":
                    df[col] = pd.to_datetime(df[col])
                else:
                    df[col] = [pd.Timestamp(v).date() for v in df[col]]
    settings = {k: v for k, v in doc.items() if k not in ("households", "temperatures")}
    settings["challenge"] = {k: v for k, v in doc["challenge"].items() if k != "teams"}
    frames["settings"] = settings
    return frames
