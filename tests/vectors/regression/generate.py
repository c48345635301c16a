"""Generate the eemeter reference vectors for ecodefi's weather regression.

Run outside the repository's environments, in a throw-away venv:

    python3 -m venv /work/venv-eemeter
    /work/venv-eemeter/bin/pip install 'eemeter==3.2.0' 'pandas<3' pytz
    /work/venv-eemeter/bin/python tests/vectors/regression/generate.py

It fits eemeter's CalTRACK 2.0 daily model (`fit_caltrack_usage_per_day_model`)
on eemeter's bundled sample meters, and computes metered savings with error
bands (`metered_savings`) over a year of reporting data. Inputs are written as
daily columns (usage, and mean temperature in °F); expected outputs keep
eemeter's units (balance points in °F, slopes per °F-degree-day).
"""

import json
import sys
import time
from pathlib import Path

import eemeter
import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta

SAMPLES = [
    "il-electricity-cdd-hdd-daily",
    "il-gas-hdd-only-daily",
    "il-gas-intercept-only-daily",
]
OUT = Path(__file__).resolve().parent


def rows(usage, temperature_f):
    """Complete days only (eemeter drops the others before fitting), as
    columns: dates, usage as decimal strings, temperatures in °F as eemeter
    computed them (the Rust runner converts them with (F - 32) / 1.8)."""
    out = {"dates": [], "usage": [], "temperature_f": []}
    for ts, u in usage.items():
        t = temperature_f.get(ts)
        if pd.isnull(u) or t is None or pd.isnull(t):
            continue
        out["dates"].append(ts.strftime("%Y-%m-%d"))
        out["usage"].append(repr(float(u)))
        out["temperature_f"].append(float(t))
    return out


def one(sample):
    md, td, meta = eemeter.load_sample(sample)
    bs, be = meta["blackout_start_date"], meta["blackout_end_date"]
    bmd, _ = eemeter.get_baseline_data(md, start=bs - relativedelta(years=1), end=bs, max_days=None)
    dm = eemeter.create_caltrack_daily_design_matrix(bmd, td)
    fit_cdd = meta["interpretation"] == "electricity"
    t0 = time.perf_counter()
    model = eemeter.fit_caltrack_usage_per_day_model(dm, fit_cdd=fit_cdd)
    seconds = time.perf_counter() - t0
    best = model.model
    params = {k: float(v) for k, v in best.model_params.items()}
    statuses = {}
    for c in model.candidates:
        statuses[c.status] = statuses.get(c.status, 0) + 1

    rmd, _ = eemeter.get_reporting_data(md, start=be, max_days=365)
    pred = model.predict(rmd.index, td, with_design_matrix=True)
    savings, bands = eemeter.metered_savings(model, rmd, td, with_disaggregated=True)
    ok = savings.dropna()

    tm = model.totals_metrics
    return {
        "name": sample,
        "fit_cooling": fit_cdd,
        "eemeter_fit_seconds": seconds,
        "baseline": rows(dm["meter_value"], dm["temperature_mean"]),
        "reporting": rows(rmd["value"], pred.design_matrix["temperature_mean"]),
        "expected": {
            "model_type": best.model_type,
            "heating_balance_point_f": params.get("heating_balance_point"),
            "cooling_balance_point_f": params.get("cooling_balance_point"),
            "intercept": params["intercept"],
            "beta_hdd_per_f": params.get("beta_hdd"),
            "beta_cdd_per_f": params.get("beta_cdd"),
            "r_squared_adj": float(best.r_squared_adj),
            "candidates": statuses,
            "metrics": {
                "observed_length": int(tm.observed_length),
                "num_parameters": int(tm.num_parameters),
                "r_squared": float(tm.r_squared),
                "rmse_adj": float(tm.rmse_adj),
                "cvrmse_adj": float(tm.cvrmse_adj),
                "nmbe": float(tm.nmbe),
                "autocorr_resid": float(tm.autocorr_resid),
                "observed_mean": float(tm.observed_mean),
                "observed_variance": float(tm.observed_variance),
            },
            "reporting_days": int(len(ok)),
            "counterfactual_total": float(ok["counterfactual_usage"].sum()),
            "reporting_observed_total": float(ok["reporting_observed"].sum()),
            "metered_savings_total": float(ok["metered_savings"].sum()),
            "base_total": float(ok["counterfactual_base_load"].sum()),
            "heating_total": float(ok["counterfactual_heating_load"].sum()),
            "cooling_total": float(ok["counterfactual_cooling_load"].sum()),
            "fsu_error_band": float(bands["FSU Error Band"]),
            "ols_error_band": float(bands["OLS Error Band"]),
            "ols_error_band_model": float(bands["OLS Error Band: Model Error"]),
            "ols_error_band_noise": float(bands["OLS Error Band: Noise"]),
            "confidence_level": 0.9,
        },
    }


def main():
    cases = [one(s) for s in SAMPLES]
    doc = {
        "description": "eemeter 3.2.0 CalTRACK 2.0 daily model on eemeter's bundled samples (see PROVENANCE.md)",
        "cases": cases,
    }
    (OUT / "eemeter_daily.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    for c in cases:
        print(c["name"], c["expected"]["model_type"], round(c["eemeter_fit_seconds"], 2), "s", file=sys.stderr)


if __name__ == "__main__":
    main()


# --- Billing (monthly) data ------------------------------------------------

BILLING_SAMPLES = [
    "il-electricity-cdd-hdd-billing_monthly",
    "il-gas-hdd-only-billing_monthly",
]


def billing_rows(meter_data, temperature_data):
    """Each period as eemeter sees it: start date, days, usage, and the
    kept daily mean temperatures (°F) of its 24-hour chunks from the period
    start (eemeter's `_compute_columns`, degree_day_method="daily"), each
    dated by the chunk's first day."""
    from eemeter.features import _matching_groups
    from eemeter.transform import day_counts

    index = meter_data.index
    temps = temperature_data.to_frame("temperature_mean")
    groups = _matching_groups(index, temps, pd.Timedelta("35D"))
    counts = day_counts(index)
    periods = []
    for start, group in groups:
        value = meter_data["value"].get(start)
        ndays = counts.get(start)
        if value is None or pd.isnull(value) or pd.isnull(ndays):
            continue
        t = group["temperature_mean"]
        count = t.shape[0]
        chunks = t.groupby(np.floor(np.arange(count) / 24)).agg(["mean", "count"])
        days = []
        if t.notnull().sum() >= 0.9 * count:
            for k, row in chunks.iterrows():
                if row["count"] > 24 * 0.5:
                    day = (start + pd.Timedelta(days=int(k))).strftime("%Y-%m-%d")
                    days.append([day, float(row["mean"])])
        periods.append({
            "first": start.strftime("%Y-%m-%d"),
            "days": int(ndays),
            "usage": repr(float(value)),
            "temperatures_f": days,
        })
    return periods


def one_billing(sample):
    md, td, meta = eemeter.load_sample(sample)
    bs, be = meta["blackout_start_date"], meta["blackout_end_date"]
    bmd, _ = eemeter.get_baseline_data(md, start=bs - relativedelta(years=1), end=bs, max_days=None)
    dm = eemeter.create_caltrack_billing_design_matrix(bmd, td)
    fit_cdd = meta["interpretation"] == "electricity"
    model = eemeter.fit_caltrack_usage_per_day_model(
        dm, fit_cdd=fit_cdd, use_billing_presets=True, weights_col="n_days_kept"
    )
    best = model.model
    params = {k: float(v) for k, v in best.model_params.items()}
    statuses = {}
    for c in model.candidates:
        statuses[c.status] = statuses.get(c.status, 0) + 1
    rmd, _ = eemeter.get_reporting_data(md, start=be, max_days=365)
    savings, bands = eemeter.metered_savings(model, rmd, td, with_disaggregated=True)
    ok = savings.dropna()
    tm = model.totals_metrics
    return {
        "name": sample,
        "fit_cooling": fit_cdd,
        "baseline": billing_rows(bmd, td),
        "reporting": billing_rows(rmd, td),
        "expected": {
            "model_type": best.model_type,
            "heating_balance_point_f": params.get("heating_balance_point"),
            "cooling_balance_point_f": params.get("cooling_balance_point"),
            "intercept": params["intercept"],
            "beta_hdd_per_f": params.get("beta_hdd"),
            "beta_cdd_per_f": params.get("beta_cdd"),
            "r_squared_adj": float(best.r_squared_adj),
            "candidates": statuses,
            "metrics": {
                "observed_length": int(tm.observed_length),
                "num_parameters": int(tm.num_parameters),
                "r_squared": float(tm.r_squared),
                "rmse_adj": float(tm.rmse_adj),
                "cvrmse_adj": float(tm.cvrmse_adj),
                "nmbe": float(tm.nmbe),
                "autocorr_resid": float(tm.autocorr_resid),
                "observed_mean": float(tm.observed_mean),
                "observed_variance": float(tm.observed_variance),
            },
            "reporting_days": int(len(ok)),
            "counterfactual_total": float(ok["counterfactual_usage"].sum()),
            "reporting_observed_total": float(ok["reporting_observed"].sum()),
            "metered_savings_total": float(ok["metered_savings"].sum()),
            "base_total": float(ok["counterfactual_base_load"].sum()),
            "heating_total": float(ok["counterfactual_heating_load"].sum()),
            "cooling_total": float(ok["counterfactual_cooling_load"].sum()),
            "fsu_error_band": float(bands["FSU Error Band"]),
            "ols_error_band": float(bands["OLS Error Band"]),
            "ols_error_band_model": float(bands["OLS Error Band: Model Error"]),
            "ols_error_band_noise": float(bands["OLS Error Band: Noise"]),
            "confidence_level": 0.9,
        },
    }


def main_billing():
    cases = [one_billing(s) for s in BILLING_SAMPLES]
    doc = {
        "description": "eemeter 3.2.0 CalTRACK 2.0 billing model on eemeter's bundled samples (see PROVENANCE.md)",
        "cases": cases,
    }
    (OUT / "eemeter_billing.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main_billing()
